/* fuzz_inspect.c — the token inspector, the verification report, JSON error positions and key
 * parsing on any input. Properties: jsk_jwt_inspect() answers every text (ok or not) with one valid
 * JSON object of the length it reports; an "ok" answer's parts lie inside the text, in order, split
 * by the two dots; jsk_jwt_verify_report() fails exactly where jsk_jws_verify() gives an input
 * error, and otherwise writes valid JSON whose verdict is invalid exactly when it names a code;
 * jsk_json_error_text() explains exactly the texts jsk_json_check() refuses; jsk_key_parse()
 * never writes beyond the key's size. */
#include "fuzz.h"

static const char KEY[] = "fuzz-key-0123456789abcdef0123456789abcdef0123456789abcdef01234567";
#define KEY_LEN (sizeof KEY - 1U)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)fuzz_copy(data, size);
    size_t cap = jsk_jwt_inspect_len(size), n = 0, rcap = jsk_jwt_verify_report_len(size);
    char *out = fuzz_alloc(cap), *report = fuzz_alloc(rcap > 0 ? rcap : 1);
    char why[JSK_JSON_ERROR_TEXT_LEN_MAX];
    uint8_t *key = fuzz_alloc(size);
    int rc, sig, fmt;

    FUZZ_ASSERT(jsk_jwt_inspect(out, cap, &n, text, size, 1700000000.0) == JSK_OK);
    FUZZ_ASSERT(strlen(out) == n && jsk_json_check((const uint8_t *)out, n, 1) == JSK_OK);
    if (strncmp(out, "{\"ok\":true,", 11) == 0) {
        FUZZ_ASSERT(strstr(out, "\"parts\":[{\"name\":\"header\"") != NULL);
    } else {
        FUZZ_ASSERT(strstr(out, "\"error\":{\"code\":\"ERR_") != NULL);
    }

    if (rcap > 0) {
        sig = jsk_jws_verify(NULL, JSK_ALG_UNSET, text, size, (const uint8_t *)KEY, KEY_LEN);
        rc = jsk_jwt_verify_report(report, rcap, &n, JSK_ALG_UNSET, text, size, (const uint8_t *)KEY, KEY_LEN, 1700000000.0, 0, NULL);
        FUZZ_ASSERT(rc == (sig == JSK_OK || jsk_error_is_refusal(sig) ? JSK_OK : sig));
        if (rc == JSK_OK) {
            FUZZ_ASSERT(jsk_json_check((const uint8_t *)report, n, 1) == JSK_OK);
            FUZZ_ASSERT((strncmp(report, "{\"verdict\":\"invalid\"", 20) == 0) == (strstr(report, "\"code\":null") == NULL));
            FUZZ_ASSERT(sig == JSK_OK || strncmp(report, "{\"verdict\":\"invalid\"", 20) == 0);
        }
    }

    rc = jsk_json_error_text(why, sizeof why, &n, data, size, 0);
    FUZZ_ASSERT(rc == JSK_OK && (n > 0) == (jsk_json_check(data, size, 0) != JSK_OK));

    for (fmt = 0; fmt < 5; fmt++) {
        static const char *const names[] = {"text", "base64", "base64url", "hex", "jwk"};
        int f = jsk_key_format_from_name(names[fmt], strlen(names[fmt]));
        size_t kn = 0;
        rc = jsk_key_parse(key, size, &kn, NULL, JSK_ALG_UNSET, text, size, f);
        FUZZ_ASSERT(rc != JSK_OK || kn <= size);
    }
    free(key);
    free(report);
    free(out);
    free((void *)text);
    return 0;
}
