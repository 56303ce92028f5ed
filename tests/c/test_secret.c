/* test_secret.c — one secret from a caller's options (jsk_secret*): the option rules and their
 * messages, defaults, formats, the .env line and JWK, capacities, and the policy document. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "jsk.h"

#define S(x) (x), strlen(x)

static int is_b64url(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
            return 0;
        }
    }
    return 1;
}

/* The report's seconds_to_guess is written without printf; it must read as "%.2g" writes it. */
static void test_report_numbers(void)
{
    static const char *const secrets[] = {"", "a", "secret", "Tr0ub4dor&3", "correct horse battery staple",
                                          "hello world how are you", "x7Kq9", "p4ssw0rd!2024", "zzzzzzzzzzzzzzzzzzz",
                                          "kTz8#qL2@vN5$wR9", "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
                                          "QwErTy123456", "a-much-longer-passphrase-with-many-words-in-it"};
    jsk_dict dict;
    void *ws = malloc(jsk_dict_workspace_len());
    jsk_report r;
    char json[JSK_REPORT_JSON_LEN_MAX], want[32];
    size_t i, n;
    CHECK(ws != NULL && jsk_dict_init(&dict, ws, jsk_dict_workspace_len()) == JSK_OK);
    for (i = 0; i < sizeof secrets / sizeof secrets[0]; i++) {
        const char *at;
        CHECK_RC(jsk_check(&r, JSK_ALG_HS256, &dict, (const uint8_t *)secrets[i], strlen(secrets[i]), JSK_ENCODING_RAW), JSK_OK);
        CHECK_RC(jsk_report_json(json, sizeof json, &n, &r), JSK_OK);
        at = strstr(json, "\"seconds_to_guess\":");
        CHECK(at != NULL);
        if (at == NULL) {
            continue;
        }
        at += strlen("\"seconds_to_guess\":");
        if (r.seconds_log10 < -6.0) {
            strcpy(want, "0");
        } else {
            snprintf(want, sizeof want, "%.2g", pow(10.0, r.seconds_log10 >= 300.0 ? 300.0 : r.seconds_log10));
        }
        CHECK(strncmp(at, want, strlen(want)) == 0 && at[strlen(want)] == ',');
        if (strncmp(at, want, strlen(want)) != 0) {
            fprintf(stderr, "  %s: got %.12s, want %s\n", secrets[i], at, want);
        }
    }
    /* Every exponent from 1e-7 to 1e+305, in steps of 0.001 in log10. */
    {
        long k, bad = 0;
        for (k = -7000; k <= 305000; k++) {
            const char *at;
            r.seconds_log10 = (double)k / 1000.0;
            if (jsk_report_json(json, sizeof json, &n, &r) != JSK_OK || (at = strstr(json, "\"seconds_to_guess\":")) == NULL) {
                bad++;
                continue;
            }
            at += strlen("\"seconds_to_guess\":");
            if (r.seconds_log10 < -6.0) {
                strcpy(want, "0");
            } else {
                snprintf(want, sizeof want, "%.2g", pow(10.0, r.seconds_log10 >= 300.0 ? 300.0 : r.seconds_log10));
            }
            if (strncmp(at, want, strlen(want)) != 0 || at[strlen(want)] != ',') {
                if (bad++ < 5) {
                    fprintf(stderr, "  log10 %.3f: got %.12s, want %s\n", r.seconds_log10, at, want);
                }
            }
        }
        CHECK(bad == 0);
    }
    free(ws);
}

int main(void)
{
    test_report_numbers();
    char out[16384], msg[200];
    size_t n;
    int rule;

    /* Names of formats: the four encodings the generator writes, env and jwk; not the checker's. */
    CHECK(jsk_format_from_name(S("hex")) == JSK_ENCODING_HEX);
    CHECK(jsk_format_from_name(S("env")) == JSK_FORMAT_ENV);
    CHECK(jsk_format_from_name(S("jwk")) == JSK_FORMAT_JWK);
    CHECK_RC(jsk_format_from_name(S("raw")), JSK_ERR_UNKNOWN_FORMAT);
    CHECK_RC(jsk_format_from_name(S("auto")), JSK_ERR_UNKNOWN_FORMAT);
    CHECK_RC(jsk_format_from_name(S("HEX")), JSK_ERR_UNKNOWN_FORMAT);
    CHECK(strcmp(jsk_format_name(JSK_ENCODING_BASE64URL_PADDED), "base64url-padded") == 0);
    CHECK(jsk_format_name(JSK_ENCODING_RAW) == NULL);

    /* The rules, each with its message for both front ends. */
    CHECK_RC(jsk_secret_check(&rule, 0, 0, 0, NULL, 0, 10, NULL, 0), JSK_ERR_OPTION_CONFLICT);
    CHECK(rule == JSK_RULE_LENGTH_WITHOUT_ALPHABET);
    CHECK_RC(jsk_secret_rule_message(msg, sizeof msg, rule, 0, "--", 2), JSK_OK);
    CHECK(strcmp(msg, "--length applies to --alphabet; use --bytes for random bytes") == 0);
    CHECK_RC(jsk_secret_rule_message(msg, sizeof msg, rule, 0, "", 0), JSK_OK);
    CHECK(strcmp(msg, "length applies to alphabet; use bytes for random bytes") == 0);
    CHECK_RC(jsk_secret_check(&rule, 0, 32, 0, S("ab"), 0, NULL, 0), JSK_ERR_OPTION_CONFLICT);
    CHECK(rule == JSK_RULE_BYTES_AND_ALPHABET);
    CHECK_RC(jsk_secret_check(&rule, 0, 0, JSK_ENCODING_HEX, S("ab"), 0, NULL, 0), JSK_ERR_OPTION_CONFLICT);
    CHECK(rule == JSK_RULE_FORMAT_AND_ALPHABET);
    CHECK_RC(jsk_secret_rule_message(msg, sizeof msg, rule, JSK_ENCODING_HEX, "--", 2), JSK_OK);
    CHECK(strcmp(msg, "--format hex encodes random bytes; an --alphabet secret is already text") == 0);
    CHECK_RC(jsk_secret_check(&rule, 0, 0, JSK_FORMAT_JWK, S("ab"), 0, NULL, 0), JSK_ERR_OPTION_CONFLICT);
    CHECK(rule == JSK_RULE_FORMAT_AND_ALPHABET);
    CHECK_RC(jsk_secret_check(&rule, 0, 0, JSK_ENCODING_BASE64, NULL, 0, 0, S("X")), JSK_ERR_OPTION_CONFLICT);
    CHECK(rule == JSK_RULE_NAME_WITHOUT_ENV);
    CHECK_RC(jsk_secret_rule_message(msg, 10, rule, 0, "--", 2), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK_RC(jsk_secret_rule_message(msg, sizeof msg, 99, 0, "--", 2), JSK_ERR_INVALID_ARGUMENT);
    /* What is allowed; and ranges, alphabets and names checked as the generator checks them. */
    CHECK_RC(jsk_secret_check(&rule, 0, 0, JSK_FORMAT_ENV, S("ab"), 300, S("K")), JSK_OK);
    CHECK(rule == 0);
    CHECK_RC(jsk_secret_check(NULL, JSK_ALG_HS512, 48, 0, NULL, 0, 0, NULL, 0), JSK_ERR_KEY_TOO_SHORT);
    CHECK_RC(jsk_secret_check(NULL, 0, 4097, 0, NULL, 0, 0, NULL, 0), JSK_ERR_OUT_OF_RANGE);
    CHECK_RC(jsk_secret_check(NULL, 0, 0, 0, S("aa"), 0, NULL, 0), JSK_ERR_BAD_ALPHABET);
    CHECK_RC(jsk_secret_check(NULL, 0, 0, 0, NULL, 0, 0, S("9LIVES")), JSK_ERR_BAD_NAME);
    CHECK_RC(jsk_secret_check(NULL, 7, 0, 0, NULL, 0, 0, NULL, 0), JSK_ERR_UNKNOWN_ALG);
    CHECK_RC(jsk_secret_check(NULL, 0, 0, JSK_ENCODING_AUTO, NULL, 0, 0, NULL, 0), JSK_ERR_UNKNOWN_FORMAT);

    /* Defaults: HS256's 32 bytes as unpadded base64url. */
    CHECK(jsk_secret_len(0, 0, 0, NULL, 0, 0, NULL, 0) == 44);
    CHECK_RC(jsk_secret(out, sizeof out, &n, 0, 0, 0, NULL, 0, 0, NULL, 0), JSK_OK);
    CHECK(n == 43 && strlen(out) == 43 && is_b64url(out, n));
    CHECK_RC(jsk_secret(out, 43, &n, 0, 0, 0, NULL, 0, 0, NULL, 0), JSK_ERR_BUFFER_TOO_SMALL);
    /* A name alone means a .env line; the default name is JWT_SECRET. */
    CHECK_RC(jsk_secret(out, sizeof out, &n, JSK_ALG_HS384, 0, 0, NULL, 0, 0, S("API_KEY")), JSK_OK);
    CHECK(n == 8 + 64 && memcmp(out, "API_KEY=", 8) == 0 && is_b64url(out + 8, 64));
    CHECK_RC(jsk_secret(out, sizeof out, &n, 0, 0, JSK_FORMAT_ENV, NULL, 0, 0, NULL, 0), JSK_OK);
    CHECK(n == 11 + 43 && memcmp(out, "JWT_SECRET=", 11) == 0);
    /* An alphabet secret in a .env line is quoted when it needs to be. */
    CHECK_RC(jsk_secret(out, jsk_secret_len(0, 0, 0, S("#$"), 12, S("K")), &n, 0, 0, 0, S("#$"), 12, S("K")), JSK_OK);
    CHECK(n == 16 && memcmp(out, "K='", 3) == 0 && out[15] == '\'');
    /* JWK: the key's bytes, the alg, and a 43-character kid. */
    CHECK_RC(jsk_secret(out, sizeof out, &n, JSK_ALG_HS512, 0, JSK_FORMAT_JWK, NULL, 0, 0, NULL, 0), JSK_OK);
    CHECK(strncmp(out, "{\"kty\":\"oct\",\"k\":\"", 18) == 0 && strstr(out, "\"alg\":\"HS512\"") != NULL);
    CHECK(n == strlen(out) && n < jsk_secret_len(JSK_ALG_HS512, 0, JSK_FORMAT_JWK, NULL, 0, 0, NULL, 0));
    /* The longest: 4096 bytes as hex, and as a .env line. */
    CHECK_RC(jsk_secret(out, sizeof out, &n, 0, 4096, JSK_ENCODING_HEX, NULL, 0, 0, NULL, 0), JSK_OK);
    CHECK(n == 8192);
    CHECK_RC(jsk_secret(out, sizeof out, &n, 0, 4096, JSK_FORMAT_ENV, NULL, 0, 0, S("K")), JSK_OK);
    CHECK(n == 2 + 5462);
    /* Describe: what would be made. */
    CHECK_RC(jsk_secret_describe(out, sizeof out, &n, 0, 0, 0, NULL, 0, 0, NULL, 0), JSK_OK);
    CHECK(strcmp(out, "{\"alg\":\"HS256\",\"format\":\"base64url\",\"bytes\":32,\"characters\":43,\"entropy_bits\":256.0}") == 0);
    CHECK_RC(jsk_secret_describe(out, sizeof out, &n, 0, 0, 0, S("0123456789"), 10, NULL, 0), JSK_OK);
    CHECK(strcmp(out, "{\"alg\":\"HS256\",\"format\":\"base64url\",\"bytes\":null,\"characters\":10,\"entropy_bits\":33.2}") == 0);

    /* The policy document is JSON that names every error. */
    CHECK_RC(jsk_policy_json(out, sizeof out, &n), JSK_OK);
    CHECK(n == strlen(out) && out[0] == '{' && out[n - 1] == '}');
    CHECK(strstr(out, "\"ERR_OPTION_CONFLICT\"") != NULL && strstr(out, "\"env_name_default\":\"JWT_SECRET\"") != NULL);
    CHECK_RC(jsk_policy_json(out, 100, &n), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK(jsk_error_is_refusal(JSK_ERR_BAD_SIGNATURE) && jsk_error_is_refusal(JSK_ERR_BAD_PAYLOAD));
    CHECK(!jsk_error_is_refusal(JSK_ERR_MALFORMED_TOKEN) && !jsk_error_is_refusal(JSK_OK));
    return check_report("secret");
}
