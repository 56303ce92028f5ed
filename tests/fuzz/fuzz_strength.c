/* fuzz_strength.c — the strength analyzer on any input. The first byte picks the encoding (raw,
 * hex, base64, base64url, auto) and the algorithm (none = HS256, HS256, HS384, HS512); the rest is
 * the secret. The dictionary is decoded once. Properties: raw and auto never refuse; a report is
 * sane (verdicts and counts in range, finite bits, key bytes as the encoding gives); its JSON is
 * valid, fits JSK_REPORT_JSON_LEN_MAX, and (for one input size in four, to keep the pace up) is the
 * same on a second run: no hidden state. */
#include <math.h>

#include "fuzz.h"

static jsk_dict dict;
static void *workspace;

static void init_dict(void)
{
    if (workspace == NULL) {
        size_t size = jsk_dict_workspace_len();
        workspace = fuzz_alloc(size);
        FUZZ_ASSERT(jsk_dict_init(&dict, workspace, size) == JSK_OK);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int encodings[] = {JSK_ENCODING_RAW, JSK_ENCODING_HEX, JSK_ENCODING_BASE64, JSK_ENCODING_BASE64URL,
                                    JSK_ENCODING_AUTO};
    jsk_report report, again;
    int encoding, alg, rc, i;
    const uint8_t *secret;
    uint8_t *copy;
    size_t len, json_len = 0, json2_len = 0;
    char *json, *json2;

    if (size == 0) {
        return 0;
    }
    init_dict();
    encoding = encodings[data[0] % 5];
    alg = (data[0] / 5) % 4; /* 0: JSK_ALG_UNSET, which means HS256 */
    secret = data + 1;
    len = size - 1;
    copy = fuzz_copy(secret, len);

    rc = jsk_check(&report, alg, &dict, copy, len, encoding);
    if (encoding == JSK_ENCODING_RAW || encoding == JSK_ENCODING_AUTO) {
        FUZZ_ASSERT(rc == JSK_OK);
    }
    if (rc != JSK_OK) {
        FUZZ_ASSERT(rc == JSK_ERR_BAD_CHARACTER || rc == JSK_ERR_BAD_PADDING || rc == JSK_ERR_TRAILING_BITS ||
                    rc == JSK_ERR_BAD_LENGTH);
        free(copy);
        return 0;
    }
    FUZZ_ASSERT(report.alg == (alg == 0 ? JSK_ALG_HS256 : alg));
    FUZZ_ASSERT(report.verdict >= JSK_VERDICT_WEAK && report.verdict <= JSK_VERDICT_STRONG);
    FUZZ_ASSERT(report.verdict == report.verdicts[report.alg - 1]);
    for (i = 0; i < 3; i++) {
        FUZZ_ASSERT(report.verdicts[i] >= JSK_VERDICT_WEAK && report.verdicts[i] <= JSK_VERDICT_STRONG);
    }
    FUZZ_ASSERT(report.length == len);
    FUZZ_ASSERT(encoding == JSK_ENCODING_RAW || encoding == JSK_ENCODING_AUTO ? report.key_bytes == len
                                                                              : report.key_bytes <= len);
    FUZZ_ASSERT(isfinite(report.entropy_bits) && report.entropy_bits >= 0.0);
    FUZZ_ASSERT(report.entropy_bits <= JSK_CHECK_BITS_MAX + 1.0 || report.entropy_capped);
    FUZZ_ASSERT(!isnan(report.seconds_log10));
    FUZZ_ASSERT(report.n_findings <= JSK_REPORT_FINDINGS_MAX && report.n_alternatives <= 3);
    FUZZ_ASSERT(encoding == JSK_ENCODING_AUTO || report.n_alternatives == 0);
    if (report.verdict == JSK_VERDICT_STRONG) {
        FUZZ_ASSERT(report.key_bytes >= jsk_alg_key_bytes(report.alg));
        FUZZ_ASSERT(report.entropy_bits >= 8.0 * (double)jsk_alg_key_bytes(report.alg));
    }
    for (i = 0; i < (int)report.n_findings; i++) {
        FUZZ_ASSERT(jsk_finding_name(report.findings[i].code) != NULL);
        FUZZ_ASSERT(memchr(report.findings[i].message, '\0', JSK_FINDING_MESSAGE_LEN_MAX) != NULL);
    }

    json = fuzz_alloc(JSK_REPORT_JSON_LEN_MAX);
    json2 = fuzz_alloc(JSK_REPORT_JSON_LEN_MAX);
    FUZZ_ASSERT(jsk_report_json(json, JSK_REPORT_JSON_LEN_MAX, &json_len, &report) == JSK_OK);
    FUZZ_ASSERT(json_len < JSK_REPORT_JSON_LEN_MAX && strlen(json) == json_len);
    FUZZ_ASSERT(jsk_json_check((const uint8_t *)json, json_len, 1) == JSK_OK);
    if (size % 4 == 0) {
        FUZZ_ASSERT(jsk_check(&again, alg, &dict, copy, len, encoding) == JSK_OK);
        FUZZ_ASSERT(jsk_report_json(json2, JSK_REPORT_JSON_LEN_MAX, &json2_len, &again) == JSK_OK);
        FUZZ_ASSERT(json_len == json2_len && memcmp(json, json2, json_len) == 0);
    }
    if (json_len > 0) {
        FUZZ_ASSERT(jsk_report_json(json2, json_len, NULL, &report) == JSK_ERR_BUFFER_TOO_SMALL);
    }
    free(json);
    free(json2);
    free(copy);
    return 0;
}
