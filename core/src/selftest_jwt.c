/* selftest_jwt.c — the jwt module's known answers (jsk_self_test_jwt): SHA-2 (FIPS 180-4),
 * HMAC (RFC 4231), JWS (RFC 7515 A.1 and a token pinned from node:crypto). */
#include "selftest_internal.h"

/* Lowercase hex of bin, compared with want (hex encoding has passed its own known answers). */
static int same_hex(const uint8_t *bin, size_t len, const char *want)
{
    char hex[JSK_HEX_ENCODED_LEN(JSK_HMAC_BYTES_MAX)];
    return jsk_hex_encode(hex, sizeof hex, bin, len) == JSK_OK && same(hex, strlen(hex), want);
}

/* FIPS 180-4 examples ("abc", and the two-block messages), then RFC 4231 test case 2. */
static int check_sha2_hmac(void)
{
    static const char *const m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    static const char *const m896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    static const struct {
        int alg;
        const char *abc, *two_blocks, *hmac;
    } v[3] = {
        {JSK_ALG_HS256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
        {JSK_ALG_HS384,
         "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
         "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039",
         "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649"},
        {JSK_ALG_HS512,
         "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
         "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909",
         "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
    };
    static const char *const data = "what do ya want for nothing?";
    uint8_t out[JSK_HMAC_BYTES_MAX];
    size_t i;

    for (i = 0; i < 3; i++) {
        size_t len = jsk_alg_key_bytes(v[i].alg);
        const char *two = v[i].alg == JSK_ALG_HS256 ? m448 : m896;
        if (jsk_hash(out, sizeof out, v[i].alg, (const uint8_t *)"abc", 3) != JSK_OK || !same_hex(out, len, v[i].abc) ||
            jsk_hash(out, sizeof out, v[i].alg, (const uint8_t *)two, strlen(two)) != JSK_OK ||
            !same_hex(out, len, v[i].two_blocks) ||
            jsk_hmac(out, sizeof out, v[i].alg, (const uint8_t *)"Jefe", 4, (const uint8_t *)data, strlen(data)) !=
                JSK_OK ||
            !same_hex(out, len, v[i].hmac)) {
            return FAIL;
        }
    }
    return 0;
}

/* RFC 7515 A.1 verifies with its JWK key; signing with that key gives a token pinned from node:crypto
 * (createHmac('sha256', key) over base64url('{"alg":"HS256","typ":"JWT"}') + '.' + base64url(payload)),
 * which verifies, and no longer does with one tag character changed. */
static int check_jws(uint8_t key[64])
{
    static const char *const a1 =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static const char *const a1_k = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
    static const char *const payload = "{\"iss\":\"joe\",\"exp\":1300819380,\"http://example.com/is_root\":true}";
    static const char *const pinned =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        "eyJpc3MiOiJqb2UiLCJleHAiOjEzMDA4MTkzODAsImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
        "d6nMDXnJZfNNj-1o1e75s6d0six0lkLp5hSrGaz4o9A";
    char token[256];
    size_t key_len, n;
    int alg = 0;

    if (jsk_base64_decode(key, 64, &key_len, a1_k, strlen(a1_k), JSK_BASE64_VARIANT_URLSAFE_NO_PADDING) != JSK_OK ||
        key_len != 64 || jsk_jws_verify(&alg, JSK_ALG_HS256, a1, strlen(a1), key, key_len) != JSK_OK ||
        alg != JSK_ALG_HS256 || jsk_jws_sign_len(JSK_ALG_HS256, strlen(payload)) > sizeof token ||
        jsk_jws_sign(token, sizeof token, &n, JSK_ALG_HS256, key, key_len, (const uint8_t *)payload,
                     strlen(payload)) != JSK_OK ||
        !same(token, n, pinned) || jsk_jws_verify(&alg, JSK_ALG_UNSET, token, n, key, key_len) != JSK_OK) {
        return FAIL;
    }
    token[n - 2] = token[n - 2] == 'A' ? 'B' : 'A'; /* not the last character: its low bits are unused */
    return jsk_jws_verify(&alg, JSK_ALG_HS256, token, n, key, key_len) == JSK_ERR_BAD_SIGNATURE ? 0 : FAIL;
}

int jsk_self_test_jwt(void)
{
    uint8_t key[64];
    /* The codecs' own known answers are the generate part's; here base64url is exercised by the
     * JWS answers (a wrong decoder fails them). */
    int rc = check_sha2_hmac();

    if (rc == 0) {
        rc = check_jws(key);
    }
    jsk_wipe(key, sizeof key);
    return outcome(rc);
}

