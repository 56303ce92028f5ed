/* test_inspect.c — the token inspector (jsk_jwt_inspect), the verification report
 * (jsk_jwt_verify_report), JSON error positions (jsk_json_error_text), keys as users write them
 * (jsk_key_parse) and the JWKS size rule. Tokens are made here with jsk_hmac over hand-written
 * JSON, so every header and claim is exactly what the test says. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "jsk.h"

const char *jsk_lint_refusal_code(int err); /* core/src/lint_internal.h */

#define URL JSK_BASE64_VARIANT_URLSAFE_NO_PADDING
#define NOW 1700000000.0

static const uint8_t key32[] = "0123456789abcdef0123456789abcdef";

/* header.payload.tag with the tag made by jsk_hmac under key (HS256) or tag_len zero bytes. */
static size_t token_of(char *out, size_t cap, const char *header, const char *payload, const uint8_t *key,
                       size_t key_len)
{
    uint8_t tag[JSK_HMAC_BYTES_MAX];
    size_t n, m;
    jsk_base64_encode(out, cap, (const uint8_t *)header, strlen(header), URL);
    n = strlen(out);
    out[n++] = '.';
    jsk_base64_encode(out + n, cap - n, (const uint8_t *)payload, strlen(payload), URL);
    n += strlen(out + n);
    jsk_hmac(tag, sizeof tag, JSK_ALG_HS256, key, key_len, (const uint8_t *)out, n);
    out[n++] = '.';
    jsk_base64_encode(out + n, cap - n, tag, 32, URL);
    m = strlen(out + n);
    return n + m;
}

static char *inspect(const char *text, size_t len, double now)
{
    size_t cap = jsk_jwt_inspect_len(len), n = 0;
    char *out = malloc(cap);
    int rc = jsk_jwt_inspect(out, cap, &n, text, len, now);
    CHECK_RC(rc, JSK_OK);
    CHECK(rc != JSK_OK || jsk_json_check((const uint8_t *)out, n, 1) == JSK_OK);
    CHECK(rc != JSK_OK || strlen(out) == n);
    return out;
}

static int has(const char *json, const char *needle)
{
    int found = strstr(json, needle) != NULL;
    if (!found) {
        fprintf(stderr, "missing %s in %s\n", needle, json);
    }
    return found;
}

static void test_json_positions(void)
{
    char msg[JSK_JSON_ERROR_TEXT_LEN_MAX];
    size_t n;
    CHECK_RC(jsk_json_error_text(msg, sizeof msg, &n, (const uint8_t *)"{\"a\" 1}", 7, 1), JSK_OK);
    CHECK(strcmp(msg, "line 1, column 6 (byte 5): expected a colon (:) after the member name") == 0);
    CHECK_RC(jsk_json_error_text(msg, sizeof msg, &n, (const uint8_t *)"{\n \"a\": [1,]\n}", 14, 1), JSK_OK);
    CHECK(strncmp(msg, "line 2, column 10 (byte 11): a value is missing", 46) == 0);
    CHECK_RC(jsk_json_error_text(msg, sizeof msg, &n, (const uint8_t *)"{\"\xc3\xa9\":x}", 8, 1), JSK_OK);
    CHECK(strncmp(msg, "line 1, column 6 (byte 6):", 26) == 0);
    CHECK_RC(jsk_json_error_text(msg, sizeof msg, &n, (const uint8_t *)"[1]", 3, 1), JSK_OK);
    CHECK(strcmp(msg, "line 1, column 1 (byte 0): expected a JSON object, which starts with {") == 0);
    CHECK_RC(jsk_json_error_text(msg, sizeof msg, &n, (const uint8_t *)"{\"a\":1}", 7, 1), JSK_OK);
    CHECK(n == 0 && msg[0] == '\0');
    CHECK_RC(jsk_json_error_text(msg, sizeof msg, &n, (const uint8_t *)"{\"a\":1} x", 9, 1), JSK_OK);
    CHECK(strcmp(msg, "line 1, column 9 (byte 8): more text after the end of the JSON value") == 0);
    CHECK_RC(jsk_json_error_text(msg, 10, &n, (const uint8_t *)"{", 1, 1), JSK_ERR_BUFFER_TOO_SMALL);
    {
        static uint8_t deep[100000];
        memset(deep, '[', sizeof deep);
        CHECK_RC(jsk_json_error_text(msg, sizeof msg, &n, deep, sizeof deep, 0), JSK_OK);
        CHECK(strcmp(msg, "line 1, column 65 (byte 64): nested deeper than 64 levels") == 0);
    }
}

static void test_keys(void)
{
    uint8_t key[128];
    size_t n;
    int jalg;
    const char *jwk = "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\",\"alg\":\"HS256\",\"kid\":\"x\"}";
    CHECK_RC(jsk_key_format_from_name("jwk", 3), JSK_FORMAT_JWK);
    CHECK_RC(jsk_key_format_from_name("text", 4), JSK_ENCODING_RAW);
    CHECK_RC(jsk_key_format_from_name("raw", 3), JSK_ERR_UNKNOWN_FORMAT);
    CHECK_RC(jsk_key_parse(key, sizeof key, &n, NULL, 0, "abc", 3, JSK_ENCODING_RAW), JSK_OK);
    CHECK(n == 3 && memcmp(key, "abc", 3) == 0);
    CHECK_RC(jsk_key_parse(key, sizeof key, &n, NULL, 0, "YWJj", 4, JSK_ENCODING_BASE64), JSK_OK);
    CHECK(n == 3 && memcmp(key, "abc", 3) == 0);
    CHECK_RC(jsk_key_parse(key, sizeof key, &n, NULL, 0, "YQ==", 4, JSK_ENCODING_BASE64), JSK_OK);
    CHECK_RC(jsk_key_parse(key, sizeof key, &n, NULL, 0, "YQ", 2, JSK_ENCODING_BASE64), JSK_OK);
    CHECK_RC(jsk_key_parse(key, sizeof key, &n, NULL, 0, "-_8", 3, JSK_ENCODING_BASE64URL), JSK_OK);
    CHECK(n == 2 && key[0] == 0xfb && key[1] == 0xff);
    CHECK_RC(jsk_key_parse(key, sizeof key, &n, NULL, 0, "-_8", 3, JSK_ENCODING_BASE64), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(jsk_key_parse(key, sizeof key, &n, NULL, 0, "0aFF", 4, JSK_ENCODING_HEX), JSK_OK);
    CHECK(n == 2 && key[0] == 0x0a && key[1] == 0xff);
    CHECK_RC(jsk_key_parse(key, sizeof key, &n, &jalg, 0, jwk, strlen(jwk), JSK_FORMAT_JWK), JSK_OK);
    CHECK(n == 64 && jalg == JSK_ALG_HS256 && key[0] == 0x03);
    CHECK_RC(jsk_key_parse(key, sizeof key, &n, &jalg, JSK_ALG_HS512, jwk, strlen(jwk), JSK_FORMAT_JWK),
             JSK_ERR_ALG_MISMATCH);
    {
        static const char *bad[] = {"{\"kty\":\"RSA\",\"k\":\"AAAA\"}", "{\"k\":\"AAAA\"}", "{\"kty\":\"oct\"}",
                                    "{\"kty\":\"oct\",\"k\":\"AAAA\",\"alg\":\"RS256\"}",
                                    "{\"kty\":\"oct\",\"k\":\"AAAA\",\"k\":\"AAAA\"}", "{\"kty\":\"oct\",\"k\":\"\"}",
                                    "{\"kty\":\"oct\",\"k\":5}", "[\"kty\"]", "{\"kty\":\"oct\",\"k\":\"AA\\u0041A\"}", NULL};
        size_t i;
        for (i = 0; bad[i] != NULL; i++) {
            CHECK_RC(jsk_key_parse(key, sizeof key, &n, &jalg, 0, bad[i], strlen(bad[i]), JSK_FORMAT_JWK), JSK_ERR_BAD_JWK);
        }
        CHECK_RC(jsk_key_parse(key, sizeof key, &n, &jalg, 0, "{\"kty\":\"oct\",\"k\":\"AAAA=\"}", 25, JSK_FORMAT_JWK),
                 JSK_ERR_BAD_PADDING);
    }
    /* JWKS: a previous key shorter than the alg's size is refused, as signing refuses it. */
    {
        char out[JSK_JWKS_LEN(64, 64)];
        CHECK_RC(jsk_jwks(out, sizeof out, &n, JSK_ALG_HS256, key32, 32, (const uint8_t *)"short", 5),
                 JSK_ERR_KEY_TOO_SHORT);
        CHECK_RC(jsk_jwks(out, sizeof out, &n, JSK_ALG_HS256, key32, 32, key32, 32), JSK_OK);
        CHECK_RC(jsk_jwks(out, sizeof out, &n, JSK_ALG_HS384, key32, 32, key32, 32), JSK_ERR_KEY_TOO_SHORT);
        CHECK_RC(jsk_jwks(out, sizeof out, &n, JSK_ALG_HS256, (const uint8_t *)"short", 5, NULL, 0), JSK_ERR_KEY_TOO_SHORT);
    }
}

static void test_inspect_tokens(void)
{
    char tok[2048], text[2200];
    char *j;
    size_t n;

    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}",
                 "{\"sub\":\"42\",\"iat\":1699996400,\"exp\":1700003600}", key32, 32);
    j = inspect(tok, n, NOW);
    CHECK(has(j, "\"ok\":true,\"notes\":[]"));
    CHECK(has(j, "\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\",\"signature_bytes\":32"));
    CHECK(has(j, "\"claims\":{\"iat\":1699996400,\"nbf\":null,\"exp\":1700003600}"));
    CHECK(has(j, "\"expires_in\":3600,\"expired_ago\":null,\"valid_in\":null,\"lifetime\":7200"));
    CHECK(has(j, "\"text\":\"valid for another 1 hour\""));
    CHECK(has(j, "\"findings\":[]"));
    CHECK(has(j, "\"header\":\"{\\\"alg\\\":\\\"HS256\\\",\\\"typ\\\":\\\"JWT\\\",\\\"kid\\\":\\\"k1\\\"}\""));
    CHECK(has(j, "\"payload\":\"{\\\"sub\\\":\\\"42\\\",\\\"iat\\\":1699996400,\\\"exp\\\":1700003600}\"}"));
    free(j);

    /* Tolerant input: each removal noted; offsets in the original text. */
    snprintf(text, sizeof text, "  Authorization: bearer \"%s\"\r\n", tok);
    j = inspect(text, strlen(text), NOW);
    CHECK(has(j, "REMOVED_WHITESPACE") && has(j, "REMOVED_AUTHORIZATION") && has(j, "REMOVED_BEARER") &&
          has(j, "REMOVED_QUOTES"));
    CHECK(has(j, "\"token\":{\"offset\":25,"));
    CHECK(has(j, "{\"name\":\"header\",\"offset\":25,"));
    free(j);
    snprintf(text, sizeof text, "\xEF\xBB\xBF`%s`", tok);
    j = inspect(text, strlen(text), NOW);
    CHECK(has(j, "REMOVED_BOM") && has(j, "REMOVED_QUOTES") && has(j, "\"token\":{\"offset\":4,"));
    free(j);

    /* Expired, long-lived, header keys, crit, future iat. */
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\",\"jku\":\"https://x\",\"x5c\":[],\"crit\":[\"b64\"]}",
                 "{\"iat\":1700000300,\"exp\":1699990000}", key32, 32);
    j = inspect(tok, n, NOW);
    CHECK(has(j, "\"code\":\"HEADER_KEY_URL\",\"severity\":\"danger\""));
    CHECK(has(j, "\"code\":\"HEADER_EMBEDDED_KEY\",\"severity\":\"danger\""));
    CHECK(has(j, "\"code\":\"CRIT\",\"severity\":\"warning\""));
    CHECK(has(j, "\"code\":\"EXPIRED\",\"severity\":\"danger\",\"message\":\"The token expired 2 hours ago."));
    CHECK(has(j, "\"code\":\"IAT_FUTURE\",\"severity\":\"warning\",\"message\":\"Iat is 5 minutes in the future."));
    CHECK(has(j, "\"expired\":true,") && has(j, "\"expired_ago\":10000,"));
    free(j);
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS512\"}", "{\"nbf\":1700000100,\"exp\":1800000000}", key32, 32);
    j = inspect(tok, n, NOW);
    CHECK(has(j, "\"code\":\"LIFETIME_LONG\",\"severity\":\"danger\",\"message\":\"The token is valid for about 3 years (exp - nbf)."));
    CHECK(has(j, "\"code\":\"NOT_YET_VALID\",\"severity\":\"danger\",\"message\":\"The token is not valid for another 1 minute."));
    CHECK(has(j, "\"code\":\"SIGNATURE_LENGTH\",\"severity\":\"danger\",\"message\":\"The signature has 32 bytes; HS512 signatures have 64."));
    free(j);
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\"}", "{\"iat\":1700000000,\"exp\":1700090000}", key32, 32);
    j = inspect(tok, n, NOW);
    CHECK(has(j, "\"code\":\"LIFETIME_LONG\",\"severity\":\"warning\",\"message\":\"The token is valid for 1 day (exp - iat)."));
    free(j);

    /* alg none (unsigned form), RS256, unknown alg, no alg; claims that are not numbers. */
    strcpy(tok, "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
    j = inspect(tok, strlen(tok), NOW);
    CHECK(has(j, "\"code\":\"ALG_NONE\",\"severity\":\"danger\"") && has(j, "\"code\":\"NO_EXP\",\"severity\":\"warning\""));
    CHECK(!strstr(j, "SIGNATURE_EMPTY"));
    free(j);
    n = token_of(tok, sizeof tok, "{\"alg\":\"RS256\"}", "{\"exp\":\"1700003600\",\"iat\":true}", key32, 32);
    j = inspect(tok, n, NOW);
    CHECK(has(j, "\"code\":\"ALG_ASYMMETRIC\",\"severity\":\"warning\",\"message\":\"Alg \\\"RS256\\\" is a public-key algorithm: an HMAC secret cannot check it."));
    CHECK(has(j, "\"message\":\"Exp is not a number.") && has(j, "\"message\":\"Iat is not a number."));
    CHECK(has(j, "\"claims\":{\"iat\":null,\"nbf\":null,\"exp\":null}") && !strstr(j, "NO_EXP"));
    free(j);
    n = token_of(tok, sizeof tok, "{\"typ\":\"JWT\"}", "[1,2]", key32, 32);
    j = inspect(tok, n, NOW);
    CHECK(has(j, "ALG_MISSING") && has(j, "\"code\":\"PAYLOAD_NOT_OBJECT\"") && has(j, "\"payload_is_json\":false"));
    free(j);
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS257\"}", "{\"a\":1,}", key32, 32);
    j = inspect(tok, n, NOW);
    CHECK(has(j, "\"code\":\"ALG_UNKNOWN\"") &&
          has(j, "\"message\":\"The payload is not JSON (line 1, column 8 (byte 7): a member is missing after the comma"));
    free(j);
    /* A payload with a NUL and one that is not UTF-8. */
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\"}", "{\"a\":\"\x01\"}", key32, 32);
    j = inspect(tok, n, NOW);
    CHECK(has(j, "\"payload\":\"{\\\"a\\\":\\\"\\u0001\\\"}\"}"));
    free(j);
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\"}", "\xff\xfe", key32, 32);
    j = inspect(tok, n, NOW);
    CHECK(has(j, "\"code\":\"PAYLOAD_NOT_UTF8\"") && has(j, "\"payload\":null}"));
    free(j);
    /* Without a clock: no time findings, the text says so. */
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\"}", "{\"exp\":1}", key32, 32);
    j = inspect(tok, n, 0.0 / 0.0);
    CHECK(has(j, "\"text\":\"times not judged: no current time was given\"") && !strstr(j, "EXPIRED"));
    free(j);
}

static void not_token(const char *text, const char *code, const char *message)
{
    char *j = inspect(text, strlen(text), NOW);
    CHECK(has(j, "\"ok\":false"));
    CHECK(has(j, code));
    CHECK(has(j, message));
    free(j);
}

static void test_not_tokens(void)
{
    not_token("not.a.token", "ERR_BAD_JSON",
              "\"message\":\"Part 1 (the header) is not base64url-encoded JSON: decoded, it is not JSON (line 1, column 1 "
              "(byte 0): expected a JSON object, which starts with {). A JWT header decodes to an object");
    not_token("abc.def", "ERR_MALFORMED_TOKEN", "A JWT has three parts separated by two dots; this text has one dot");
    not_token("hello", "ERR_MALFORMED_TOKEN", "this text has no dot");
    not_token("a.b.c.d.e", "ERR_MALFORMED_TOKEN", "four dots: five parts make a JWE");
    not_token("   ", "ERR_MALFORMED_TOKEN", "the text is empty");
    not_token("eyJhbGciOiJIUzI1NiJ9.e30=.x", "ERR_BAD_PADDING", "Part 2 (the payload) has '=' padding");
    not_token("eyJhbGciOiJIUzI1NiJ9.e3 0.x", "ERR_MALFORMED_TOKEN", "Part 2 (the payload) has a space or line break");
    not_token("eyJhbGciOiJIUzI1NiJ9.e30.a+b", "ERR_MALFORMED_TOKEN", "that is base64, not base64url");
    not_token("eyJhbGciOiJIUzI1NiJ9.e30.a\x01", "ERR_MALFORMED_TOKEN", "(byte 0x01)");
    not_token("eyJhbGciOiJIUzI1NiJ9.e30.abcde", "ERR_BAD_LENGTH", "Part 3 (the signature) is not valid base64url: 5 characters");
    not_token(".e30.", "ERR_MALFORMED_TOKEN", "Part 1 (the header) is empty");
    /* {"alg":"HS256" without its brace */
    not_token("eyJhbGciOiJIUzI1NiI.e30.", "ERR_BAD_JSON",
              "Part 1 (the header) is not valid JSON: line 1, column 15 (byte 14): the text ends too soon");
    {
        char *j = inspect("not.a.token", 11, NOW);
        CHECK(has(j, "\"error\":{\"code\":\"ERR_BAD_JSON\",\"part\":1,\"offset\":0,"));
        CHECK(has(j, "\"parts\":[{\"name\":\"header\",\"offset\":0,\"length\":3},{\"name\":\"payload\",\"offset\":4,\"length\":1}"));
        free(j);
    }
}

static void test_hostile(void)
{
    size_t len = JSK_INSPECT_LEN_MAX, n, i;
    char *big = malloc(len + 1), *out;
    size_t cap = jsk_jwt_inspect_len(len);
    out = malloc(cap);
    /* 1 MiB of 'A' with two dots: a huge payload of zero bytes (valid UTF-8, not JSON). */
    memset(big, 'A', len);
    memcpy(big, "eyJhbGciOiJIUzI1NiJ9.", 21);
    big[len - 44] = '.';
    CHECK_RC(jsk_jwt_inspect(out, cap, &n, big, len, NOW), JSK_OK);
    CHECK(strstr(out, "PAYLOAD_NOT_JSON") != NULL && jsk_json_check((const uint8_t *)out, n, 1) == JSK_OK);
    CHECK_RC(jsk_jwt_inspect(out, cap, &n, big, len + 1, NOW), JSK_ERR_TOO_LARGE);
    CHECK_RC(jsk_jwt_inspect(out, cap - 1, &n, big, len, NOW), JSK_ERR_BUFFER_TOO_SMALL);
    /* Every byte value as a one-byte text, and NULs inside. */
    for (i = 0; i < 256; i++) {
        char c = (char)i;
        CHECK_RC(jsk_jwt_inspect(out, cap, &n, &c, 1, NOW), JSK_OK);
        CHECK(jsk_json_check((const uint8_t *)out, n, 1) == JSK_OK);
    }
    CHECK_RC(jsk_jwt_inspect(out, cap, &n, "a.\0.c", 5, NOW), JSK_OK);
    CHECK(strstr(out, "(byte 0x00)") != NULL);
    free(big);
    free(out);
}

static void test_verify_report(void)
{
    char tok[2048], out[1 << 17];
    size_t n, m;

    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\"}", "{\"sub\":\"1\",\"exp\":1700003600}", key32, 32);
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, key32, 32, NOW, 0, NULL), JSK_OK);
    CHECK(has(out, "{\"verdict\":\"valid\",\"headline\":\"The signature is valid (HS256) and the token expires in 1 hour.\",\"code\":null,\"signature_valid\":true,\"alg\":\"HS256\",\"alg_from\":\"pinned\",\"key_bytes\":32,\"key_bytes_min\":32,\"findings\":[]}"));
    CHECK(jsk_json_check((const uint8_t *)out, m, 1) == JSK_OK);
    /* From the header: an info finding, still valid. */
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_UNSET, tok, n, key32, 32, NOW, 0, NULL), JSK_OK);
    CHECK(has(out, "\"verdict\":\"valid\"") && has(out, "\"alg_from\":\"header\"") && has(out, "ALG_NOT_PINNED"));
    /* Expired: invalid even though the signature holds. */
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, key32, 32, 1700003600.0, 0, NULL), JSK_OK);
    CHECK(has(out, "\"verdict\":\"invalid\",\"headline\":\"The signature is valid (HS256), but the token expired just now.\",\"code\":\"ERR_TOKEN_EXPIRED\",\"signature_valid\":true"));
    /* A short key: valid with warnings. */
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\"}", "{\"exp\":1700003600}", (const uint8_t *)"short", 5);
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, (const uint8_t *)"short", 5, NOW, 0, NULL), JSK_OK);
    CHECK(has(out, "\"verdict\":\"valid-with-warnings\",\"headline\":\"The signature is valid (HS256), but the key has 5 bytes; HS256 needs at least 32.\""));
    CHECK(has(out, "\"code\":\"KEY_TOO_SHORT\",\"severity\":\"danger\""));
    /* Wrong key: invalid with the refusal's code; not yet valid; a string exp. */
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, key32, 32, NOW, 0, NULL), JSK_OK);
    CHECK(has(out, "\"verdict\":\"invalid\",\"headline\":\"Invalid: the signature does not match") &&
          has(out, "\"code\":\"ERR_BAD_SIGNATURE\",\"signature_valid\":false"));
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\"}", "{\"nbf\":1700000600,\"exp\":1700003600}", key32, 32);
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, 0, tok, n, key32, 32, NOW, 0, NULL), JSK_OK);
    CHECK(has(out, "\"code\":\"ERR_TOKEN_NOT_YET_VALID\"") && has(out, "but the token is not valid for another 10 minutes."));
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\"}", "{\"exp\":\"1700003600\"}", key32, 32);
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, 0, tok, n, key32, 32, NOW, 0, NULL), JSK_OK);
    CHECK(has(out, "\"code\":\"ERR_BAD_TIME_CLAIM\""));
    /* No exp: valid with warnings; no clock: exp not judged. */
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\"}", "{\"exp\":1}", key32, 32);
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, key32, 32, 0.0 / 0.0, 0, NULL), JSK_OK);
    CHECK(has(out, "\"verdict\":\"valid\""));
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\"}", "{}", key32, 32);
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, key32, 32, NOW, 0, NULL), JSK_OK);
    CHECK(has(out, "\"verdict\":\"valid-with-warnings\",\"headline\":\"The signature is valid (HS256), but the token has no exp: it never expires.\""));
    /* alg none: a refusal in the report; not a token: the error, nothing written. */
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, 0, "eyJhbGciOiJub25lIn0.e30.", 24, key32, 32, NOW, 0, NULL), JSK_OK);
    CHECK(has(out, "\"verdict\":\"invalid\"") && has(out, "\"code\":\"ERR_ALG_NONE\"") && has(out, "\"alg\":null"));
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, 0, "not.a.token", 11, key32, 32, NOW, 0, NULL), JSK_ERR_TRAILING_BITS);
    CHECK(m == 0);

    /* The analyzer's verdict on the key, passed in: weak is the danger WEAK_SECRET once the
     * signature holds (valid -> valid with warnings, and the headline says so); fair, strong and
     * "not judged" add nothing; a wrong signature stays invalid without it; out of range is refused. */
    n = token_of(tok, sizeof tok, "{\"alg\":\"HS256\"}", "{\"sub\":\"1\",\"exp\":1700003600}", key32, 32);
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, key32, 32, NOW, JSK_VERDICT_WEAK,
                                   "a wordlist-and-rules attack finds it in 2 seconds on one GPU"),
             JSK_OK);
    CHECK(jsk_json_check((const uint8_t *)out, m, 1) == JSK_OK);
    CHECK(has(out, "{\"verdict\":\"valid-with-warnings\",\"headline\":\"The signature is valid (HS256), but the secret itself is "
                   "weak: a wordlist-and-rules attack finds it in 2 seconds on one GPU.\""));
    CHECK(has(out, "{\"code\":\"WEAK_SECRET\",\"severity\":\"danger\",\"message\":\"The secret itself is weak: a "
                   "wordlist-and-rules attack finds it in 2 seconds on one GPU. Anyone who guesses it can sign tokens that "
                   "verify: rotate to a new random secret.\"}"));
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, key32, 32, NOW, JSK_VERDICT_WEAK, NULL),
             JSK_OK);
    CHECK(has(out, "but the secret itself is weak.\""));
    {
        /* the longest meaning the checker writes fits whole */
        char longest[JSK_REPORT_MEANING_LEN_MAX];
        memset(longest, 'm', sizeof longest - 1);
        longest[sizeof longest - 1] = '\0';
        CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, key32, 32, NOW, JSK_VERDICT_WEAK,
                                       longest),
                 JSK_OK);
        CHECK(has(out, longest) && jsk_json_check((const uint8_t *)out, m, 1) == JSK_OK);
    }
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, key32, 32, NOW, JSK_VERDICT_FAIR, "x"),
             JSK_OK);
    CHECK(has(out, "{\"verdict\":\"valid\"") && !has(out, "WEAK_SECRET"));
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, key32, 32, NOW, JSK_VERDICT_STRONG, NULL),
             JSK_OK);
    CHECK(has(out, "{\"verdict\":\"valid\"") && !has(out, "WEAK_SECRET"));
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, (const uint8_t *)"short", 5, NOW,
                                   JSK_VERDICT_WEAK, "x"),
             JSK_OK);
    CHECK(has(out, "\"verdict\":\"invalid\"") && has(out, "ERR_BAD_SIGNATURE") && !has(out, "WEAK_SECRET"));
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, key32, 32, NOW, 4, NULL),
             JSK_ERR_INVALID_ARGUMENT);
    CHECK_RC(jsk_jwt_verify_report(out, sizeof out, &m, JSK_ALG_HS256, tok, n, key32, 32, NOW, -1, NULL),
             JSK_ERR_INVALID_ARGUMENT);
}

int main(void)
{
    CHECK_RC(jsk_self_test_inspect(), JSK_OK);
    {
        /* the report's refusal names are the error table's */
        int e;
        for (e = -1; e >= JSK_ERROR_MIN; e--) {
            const char *name = jsk_lint_refusal_code(e);
            CHECK(name == NULL ? !jsk_error_is_refusal(e) : strcmp(name, jsk_error_code(e)) == 0 && jsk_error_is_refusal(e));
        }
    }
    CHECK(jsk_jwt_verify_report_len(100) == 75U + 3U + JSK_JWT_REPORT_JSON_LEN_MAX && jsk_jwt_verify_report_len(JSK_JWS_LEN_MAX + 1U) == 0);
    test_json_positions();
    test_keys();
    test_inspect_tokens();
    test_not_tokens();
    test_hostile();
    test_verify_report();
    return check_report("inspect");
}
