/* test_jws.c — JSON checking, compact JWS parse/sign/verify (RFC 7515 Appendix A.1 verifies; every
 * refusal has its code), and JWK/JWKS with the RFC 7638 section 3.1 thumbprint. */
#include <string.h>

#include "check.h"
#include "jsk.h"

static int json(const char *s, int obj) { return jsk_json_check((const uint8_t *)s, strlen(s), obj); }

static void test_json(void)
{
    static const char *good[] = {"{}", "[]", "0", "-0.5e+10", "\"a\\u00e9\\ud83d\\ude00\"", " {\"a\": [1, true, false, null, {\"b\": \"c\"}]} ",
                                 "{\"a\":\"\xc3\xa9\"}", "[[[[]]]]", "1E5", NULL};
    static const char *bad[] = {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "1.", ".5", "+1",
                                "\"\\x\"", "\"\t\"", "\"\\ud83d\"", "\"\\ude00\"", "tru", "nul", "[1] 2", "{}{}",
                                "\"\xc3\"", "\"\xed\xa0\x80\"", "\"\xc0\xaf\"", "{\"a\":1}//", "NaN", "[\"a\",,]", NULL};
    char deep[200];
    size_t i;
    for (i = 0; good[i] != NULL; i++) {
        if (json(good[i], 0) != 0) {
            fprintf(stderr, "rejected: %s\n", good[i]);
        }
        CHECK(json(good[i], 0) == 0);
    }
    for (i = 0; bad[i] != NULL; i++) {
        if (json(bad[i], 0) != JSK_ERR_BAD_JSON) {
            fprintf(stderr, "accepted: %s\n", bad[i]);
        }
        CHECK(json(bad[i], 0) == JSK_ERR_BAD_JSON);
    }
    CHECK(json("[]", 1) == JSK_ERR_BAD_JSON);
    CHECK(json("\"x\"", 1) == JSK_ERR_BAD_JSON);
    CHECK(json("{\"sub\":\"1\"}", 1) == 0);
    CHECK(jsk_json_check((const uint8_t *)"{\"a\":\"\0\"}", 8, 1) == JSK_ERR_BAD_JSON);
    /* Nesting: 64 levels pass, 65 are refused, 100000 cannot hurt. */
    memset(deep, '[', 64);
    memset(deep + 64, ']', 64);
    CHECK(jsk_json_check((const uint8_t *)deep, 128, 0) == 0);
    memset(deep, '[', 65);
    memset(deep + 65, ']', 65);
    CHECK(jsk_json_check((const uint8_t *)deep, 130, 0) == JSK_ERR_BAD_JSON);
    {
        static uint8_t huge[100000];
        memset(huge, '[', sizeof huge);
        CHECK(jsk_json_check(huge, sizeof huge, 0) == JSK_ERR_BAD_JSON);
    }
}

static const char *rfc7515_a1 =
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
    "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
static const char *rfc7515_a1_key = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";

static int verify(const char *token, const uint8_t *key, size_t key_len, int pinned)
{
    int alg;
    return jsk_jws_verify(&alg, pinned, token, strlen(token), key, key_len);
}

/* A token with this header (as JSON text), payload {} and a tag of the right length made with key. */
static void forge(char *out, size_t cap, const char *header, int alg, const uint8_t *key, size_t key_len)
{
    uint8_t tag[64];
    size_t o;
    jsk_base64_encode(out, cap, (const uint8_t *)header, strlen(header), JSK_BASE64_VARIANT_URLSAFE_NO_PADDING);
    strcat(out, ".e30");
    o = strlen(out);
    jsk_hmac(tag, sizeof tag, alg, key, key_len, (const uint8_t *)out, o);
    out[o++] = '.';
    jsk_base64_encode(out + o, cap - o, tag, jsk_alg_key_bytes(alg), JSK_BASE64_VARIANT_URLSAFE_NO_PADDING);
}

static void test_jws(void)
{
    uint8_t key[64], k2[64];
    size_t key_len, n;
    char token[600], t2[600];
    int alg;
    jsk_jws jws;

    CHECK_RC(jsk_base64_decode(key, sizeof key, &key_len, rfc7515_a1_key, strlen(rfc7515_a1_key), JSK_BASE64_VARIANT_URLSAFE_NO_PADDING), 0);
    CHECK_RC(verify(rfc7515_a1, key, key_len, JSK_ALG_UNSET), 0);
    CHECK_RC(verify(rfc7515_a1, key, key_len, JSK_ALG_HS256), 0);
    CHECK_RC(verify(rfc7515_a1, key, key_len, JSK_ALG_HS512), JSK_ERR_ALG_MISMATCH);
    CHECK_RC(verify(rfc7515_a1, key, key_len - 1, JSK_ALG_HS256), JSK_ERR_BAD_SIGNATURE);
    CHECK_RC(jsk_jws_parse(&jws, rfc7515_a1, strlen(rfc7515_a1)), 0);
    CHECK(jws.alg == JSK_ALG_HS256 && jws.tag_len == 32 && jws.signing_input_len == strlen(rfc7515_a1) - 44);

    /* Every bit of the token matters. */
    strcpy(token, rfc7515_a1);
    for (n = 0; n < strlen(token); n++) {
        char saved = token[n];
        if (token[n] == '.') {
            continue;
        }
        token[n] = token[n] == 'A' ? 'B' : 'A';
        CHECK(verify(token, key, key_len, JSK_ALG_UNSET) != 0);
        token[n] = saved;
    }

    /* Sign and verify, every algorithm. */
    for (alg = JSK_ALG_HS256; alg <= JSK_ALG_HS512; alg++) {
        const char *payload = "{\"sub\":\"1234567890\",\"name\":\"J\\u00f6rg\",\"iat\":1516239022}";
        size_t need = jsk_jws_sign_len(alg, strlen(payload)), len;
        memset(k2, (int)alg, sizeof k2);
        CHECK(need > 0 && need < sizeof token);
        CHECK_RC(jsk_jws_sign(token, need, &len, alg, k2, jsk_alg_key_bytes(alg), (const uint8_t *)payload, strlen(payload)), 0);
        CHECK(len == strlen(token));
        CHECK_RC(verify(token, k2, jsk_alg_key_bytes(alg), alg), 0);
        CHECK_RC(verify(token, k2, jsk_alg_key_bytes(alg), JSK_ALG_UNSET), 0);
        CHECK_RC(verify(token, key, 32, alg), JSK_ERR_BAD_SIGNATURE);
        CHECK_RC(jsk_jws_sign(token, sizeof token, &len, alg, k2, jsk_alg_key_bytes(alg) - 1, (const uint8_t *)payload, strlen(payload)), JSK_ERR_KEY_TOO_SHORT);
        CHECK_RC(jsk_jws_sign(token, sizeof token, &len, alg, k2, 64, (const uint8_t *)"[1]", 3), JSK_ERR_BAD_JSON);
        CHECK_RC(jsk_jws_sign(token, sizeof token, &len, alg, k2, 64, (const uint8_t *)"{\"a\":}", 6), JSK_ERR_BAD_JSON);
        CHECK_RC(jsk_jws_sign(token, 20, &len, alg, k2, 64, (const uint8_t *)"{}", 2), JSK_ERR_BUFFER_TOO_SMALL);
    }
    CHECK_RC(jsk_jws_sign(token, sizeof token, &n, JSK_ALG_HS256, k2, 32, (const uint8_t *)"{}", 2), 0);
    CHECK(strncmp(token, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.", 41) == 0);

    /* Refusals, each with its code. */
    memset(k2, 7, sizeof k2);
    forge(token, sizeof token, "{\"alg\":\"none\"}", JSK_ALG_HS256, k2, 32);
    CHECK_RC(verify(token, k2, 32, JSK_ALG_UNSET), JSK_ERR_ALG_NONE);
    forge(token, sizeof token, "{\"alg\":\"RS256\"}", JSK_ALG_HS256, k2, 32);
    CHECK_RC(verify(token, k2, 32, JSK_ALG_UNSET), JSK_ERR_ALG_NOT_HMAC);
    forge(token, sizeof token, "{\"alg\":\"hs256\"}", JSK_ALG_HS256, k2, 32);
    CHECK_RC(verify(token, k2, 32, JSK_ALG_UNSET), JSK_ERR_ALG_NOT_HMAC);
    forge(token, sizeof token, "{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", JSK_ALG_HS256, k2, 32);
    CHECK_RC(verify(token, k2, 32, JSK_ALG_UNSET), JSK_ERR_CRIT);
    forge(token, sizeof token, "{\"alg\":\"HS256\",\"alg\":\"none\"}", JSK_ALG_HS256, k2, 32);
    CHECK_RC(verify(token, k2, 32, JSK_ALG_UNSET), JSK_ERR_BAD_JSON);
    forge(token, sizeof token, "{\"typ\":\"JWT\"}", JSK_ALG_HS256, k2, 32);
    CHECK_RC(verify(token, k2, 32, JSK_ALG_UNSET), JSK_ERR_MISSING_ALG);
    forge(token, sizeof token, "{\"alg\":256}", JSK_ALG_HS256, k2, 32);
    CHECK_RC(verify(token, k2, 32, JSK_ALG_UNSET), JSK_ERR_BAD_JSON);
    forge(token, sizeof token, "[\"HS256\"]", JSK_ALG_HS256, k2, 32);
    CHECK_RC(verify(token, k2, 32, JSK_ALG_UNSET), JSK_ERR_BAD_JSON);
    forge(token, sizeof token, "not json", JSK_ALG_HS256, k2, 32);
    CHECK_RC(verify(token, k2, 32, JSK_ALG_UNSET), JSK_ERR_BAD_JSON);
    forge(token, sizeof token, "{\"alg\":\"HS\\u0032\\u0035\\u0036\"}", JSK_ALG_HS256, k2, 32);
    CHECK_RC(verify(token, k2, 32, JSK_ALG_UNSET), 0); /* escapes decode to HS256 */
    forge(token, sizeof token, "{\"alg\":\"HS384\"}", JSK_ALG_HS256, k2, 32); /* a 32-byte tag for HS384 */
    CHECK_RC(verify(token, k2, 32, JSK_ALG_UNSET), JSK_ERR_BAD_TAG_LENGTH);

    /* Structure: dots, padding, characters. */
    CHECK_RC(verify("", k2, 32, 0), JSK_ERR_MALFORMED_TOKEN);
    CHECK_RC(verify("a.b", k2, 32, 0), JSK_ERR_MALFORMED_TOKEN);
    CHECK_RC(verify("a.b.c.d", k2, 32, 0), JSK_ERR_MALFORMED_TOKEN);
    CHECK_RC(verify("a.b.c.d.e", k2, 32, 0), JSK_ERR_MALFORMED_TOKEN);
    CHECK_RC(verify("..", k2, 32, 0), JSK_ERR_MALFORMED_TOKEN);
    strcpy(t2, rfc7515_a1);
    strcat(t2, "=");
    CHECK_RC(verify(t2, key, key_len, 0), JSK_ERR_BAD_PADDING);
    strcpy(t2, rfc7515_a1);
    t2[10] = '+';
    CHECK_RC(verify(t2, key, key_len, 0), JSK_ERR_MALFORMED_TOKEN);
    strcpy(t2, rfc7515_a1);
    strcat(t2, "A");
    CHECK_RC(verify(t2, key, key_len, 0), JSK_ERR_BAD_TAG_LENGTH);
    strcpy(t2, " ");
    strcat(t2, rfc7515_a1);
    CHECK_RC(verify(t2, key, key_len, 0), JSK_ERR_MALFORMED_TOKEN);
    strcpy(t2, rfc7515_a1);
    t2[strlen(t2) - 1] = 'l'; /* non-zero trailing bits in the tag */
    CHECK(verify(t2, key, key_len, 0) != 0);
    CHECK_RC(jsk_jws_verify(&alg, 9, rfc7515_a1, strlen(rfc7515_a1), key, key_len), JSK_ERR_UNKNOWN_ALG);
}

static void test_jwk(void)
{
    static const char *n =
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
    char canon[600], kid[64], jwk[300], jwks[800];
    uint8_t key[65];
    size_t len, i;

    /* RFC 7638 section 3.1: the thumbprint of the example RSA key. */
    strcpy(canon, "{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\"");
    strcat(canon, n);
    strcat(canon, "\"}");
    CHECK_RC(jsk_jwk_thumbprint(kid, sizeof kid, &len, (const uint8_t *)canon, strlen(canon)), 0);
    CHECK(strcmp(kid, "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs") == 0 && len == 43);

    for (i = 0; i < sizeof key; i++) {
        key[i] = (uint8_t)i;
    }
    CHECK_RC(jsk_jwk(jwk, jsk_jwk_len(32), &len, JSK_ALG_HS256, key, 32), 0);
    CHECK(len == strlen(jwk));
    CHECK(strncmp(jwk, "{\"kty\":\"oct\",\"k\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\",\"alg\":\"HS256\",\"use\":\"sig\",\"kid\":\"", 96) == 0);
    CHECK(jsk_json_check((const uint8_t *)jwk, len, 1) == 0);
    strcpy(canon, "{\"k\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\",\"kty\":\"oct\"}");
    CHECK_RC(jsk_jwk_thumbprint(kid, sizeof kid, &len, (const uint8_t *)canon, strlen(canon)), 0);
    CHECK(strstr(jwk, kid) != NULL);
    CHECK_RC(jsk_jwk(jwk, jsk_jwk_len(32) - 1, &len, JSK_ALG_HS256, key, 32), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK_RC(jsk_jwk(jwk, sizeof jwk, &len, 0, key, 32), JSK_ERR_UNKNOWN_ALG);
    CHECK_RC(jsk_jwk(jwk, sizeof jwk, &len, JSK_ALG_HS256, key, 0), JSK_ERR_OUT_OF_RANGE);

    /* Both keys at least the algorithm's size (RFC 7518 section 3.2), as signing requires. */
    CHECK_RC(jsk_jwks(jwks, sizeof jwks, &len, JSK_ALG_HS256, key, 32, key + 1, 31), JSK_ERR_KEY_TOO_SHORT);
    CHECK_RC(jsk_jwks(jwks, sizeof jwks, &len, JSK_ALG_HS256, key, 31, key + 1, 32), JSK_ERR_KEY_TOO_SHORT);
    CHECK_RC(jsk_jwks(jwks, sizeof jwks, &len, JSK_ALG_HS256, key, 32, key + 1, 32), 0);
    CHECK(len == strlen(jwks) && strncmp(jwks, "{\"keys\":[{\"kty\":\"oct\"", 21) == 0 && strcmp(jwks + len - 2, "]}") == 0);
    CHECK(jsk_json_check((const uint8_t *)jwks, len, 1) == 0);
    CHECK_RC(jsk_jwks(jwks, sizeof jwks, &len, JSK_ALG_HS256, key, 32, NULL, 0), 0);
    CHECK(jsk_json_check((const uint8_t *)jwks, len, 1) == 0);
    /* The capacity functions: what the calls need, equal to the macros, 0 on overflow. */
    CHECK_RC(jsk_jwks(jwks, jsk_jwks_len(64, 64), &len, JSK_ALG_HS512, key, 64, key + 1, 64), 0);
    CHECK_RC(jsk_jwks(jwks, jsk_jwks_len(64, 64) - 1, &len, JSK_ALG_HS512, key, 64, key + 1, 64), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK_RC(jsk_jwks(jwks, jsk_jwks_len(48, 0), &len, JSK_ALG_HS384, key, 48, NULL, 0), 0);
    CHECK_RC(jsk_jwks(jwks, jsk_jwks_len(48, 0) - 1, &len, JSK_ALG_HS384, key, 48, NULL, 0), JSK_ERR_BUFFER_TOO_SMALL);
    for (i = 0; i <= 1000; i++) {
        CHECK(jsk_jwk_len(i) == JSK_JWK_LEN(i));
        CHECK(jsk_jwks_len(i, 0) == JSK_JWKS_LEN(i, 0));
        CHECK(jsk_jwks_len(i, 1000 - i) == JSK_JWKS_LEN(i, 1000 - i));
    }
    CHECK(jsk_jwk_len((size_t)-1) == 0);
    CHECK(jsk_jwks_len((size_t)-1, 32) == 0 && jsk_jwks_len(32, (size_t)-1) == 0);
}


/* A token over any payload bytes (not only JSON objects), signed by hand with jsk_hmac. */
static size_t hand_token(char *out, size_t cap, const uint8_t *key, size_t key_len, const char *payload, size_t plen)
{
    static const char header[] = "eyJhbGciOiJIUzI1NiJ9"; /* {"alg":"HS256"} */
    uint8_t tag[32];
    size_t n = 0, k;
    memcpy(out, header, sizeof header - 1U);
    n = sizeof header - 1U;
    out[n++] = '.';
    jsk_base64_encode(out + n, cap - n, (const uint8_t *)payload, plen, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING);
    n += strlen(out + n);
    jsk_hmac(tag, sizeof tag, JSK_ALG_HS256, key, key_len, (const uint8_t *)out, n);
    out[n++] = '.';
    jsk_base64_encode(out + n, cap - n, tag, 32, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING);
    k = strlen(out + n);
    return n + k;
}

/* jsk_jws_open: the payload exactly as signed, and a refusal for one that is not a JSON object. */
static void test_open(void)
{
    static char token[300000], deep[200100];
    static uint8_t payload[300000];
    const uint8_t key[] = "0123456789abcdef0123456789abcdef";
    const char *exact = "{\"big\":18446744073709551616, \"e\":1e400,\"s\":\"\\u00e9\"}";
    size_t n, plen, i;
    int alg;

    n = hand_token(token, sizeof token, key, 32, exact, strlen(exact));
    CHECK(jsk_jws_payload_len(n) >= strlen(exact));
    CHECK_RC(jsk_jws_open(payload, sizeof payload, &plen, &alg, JSK_ALG_UNSET, token, n, key, 32), JSK_OK);
    CHECK(alg == JSK_ALG_HS256 && plen == strlen(exact) && memcmp(payload, exact, plen) == 0);
    /* Wrong key, pinned-away alg: the verify refusals, with the buffer left zeroed. */
    CHECK_RC(jsk_jws_open(payload, sizeof payload, &plen, &alg, JSK_ALG_UNSET, token, n, key, 31), JSK_ERR_BAD_SIGNATURE);
    CHECK(plen == 0 && payload[0] == 0);
    CHECK_RC(jsk_jws_open(payload, sizeof payload, &plen, &alg, JSK_ALG_HS384, token, n, key, 32), JSK_ERR_ALG_MISMATCH);
    /* Signed, but not a JWT: an array, text, nothing, invalid UTF-8, nesting deeper than the limit. */
    n = hand_token(token, sizeof token, key, 32, "[1,2]", 5);
    CHECK_RC(jsk_jws_open(payload, sizeof payload, &plen, &alg, JSK_ALG_UNSET, token, n, key, 32), JSK_ERR_BAD_PAYLOAD);
    CHECK(plen == 0);
    n = hand_token(token, sizeof token, key, 32, "not json", 8);
    CHECK_RC(jsk_jws_open(payload, sizeof payload, &plen, &alg, JSK_ALG_UNSET, token, n, key, 32), JSK_ERR_BAD_PAYLOAD);
    n = hand_token(token, sizeof token, key, 32, "", 0);
    CHECK_RC(jsk_jws_open(payload, sizeof payload, &plen, &alg, JSK_ALG_UNSET, token, n, key, 32), JSK_ERR_BAD_PAYLOAD);
    n = hand_token(token, sizeof token, key, 32, "{\"a\":\"\xff\"}", 8);
    CHECK_RC(jsk_jws_open(payload, sizeof payload, &plen, &alg, JSK_ALG_UNSET, token, n, key, 32), JSK_ERR_BAD_PAYLOAD);
    for (i = 0; i < 100000; i++) {
        deep[5 + i] = '[';
        deep[5 + 100000 + i] = ']';
    }
    memcpy(deep, "{\"x\":", 5);
    deep[200005] = '}';
    n = hand_token(token, sizeof token, key, 32, deep, 200006);
    CHECK_RC(jsk_jws_open(payload, sizeof payload, &plen, &alg, JSK_ALG_UNSET, token, n, key, 32), JSK_ERR_BAD_PAYLOAD);
    CHECK(jsk_error_is_refusal(JSK_ERR_BAD_PAYLOAD));
    /* Nested exactly to the limit is fine. */
    memcpy(deep, "{\"x\":", 5);
    for (i = 0; i < JSK_JSON_DEPTH_MAX - 1U; i++) {
        deep[5 + i] = '[';
        deep[5 + JSK_JSON_DEPTH_MAX - 1U + i] = ']';
    }
    deep[5 + 2U * (JSK_JSON_DEPTH_MAX - 1U)] = '}';
    n = hand_token(token, sizeof token, key, 32, deep, 6 + 2U * (JSK_JSON_DEPTH_MAX - 1U));
    CHECK_RC(jsk_jws_open(payload, sizeof payload, &plen, &alg, JSK_ALG_UNSET, token, n, key, 32), JSK_OK);
    /* A payload buffer too small. */
    n = hand_token(token, sizeof token, key, 32, exact, strlen(exact));
    CHECK_RC(jsk_jws_open(payload, 8, &plen, &alg, JSK_ALG_UNSET, token, n, key, 32), JSK_ERR_BUFFER_TOO_SMALL);
}

int main(void)
{
    test_json();
    test_jws();
    test_jwk();
    test_open();
    return check_report("jws");
}
