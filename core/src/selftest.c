/* selftest.c — jsk_self_test(): known answers for what every front end relies on, so a miscompiled
 * or broken build (a wrong optimiser, a 32-bit size_t slip) refuses to work instead of handing out
 * wrong secrets or verdicts. Each step returns 0 or -1; only the generator's NO_ENTROPY passes
 * through, because a missing CSPRNG is the platform's fault, not the build's. */
#include <string.h>

#include "jsk.h"

#define FAIL (-1)

/* RFC 4648 section 10: the prefixes of "foobar", in padded base64 and in base16. */
static const char *const b64_vectors[7] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
static const char *const hex_vectors[7] = {"", "66", "666F", "666F6F", "666F6F62", "666F6F6261", "666F6F626172"};

static int same(const char *got, size_t got_len, const char *want)
{
    return got_len == strlen(want) && memcmp(got, want, got_len) == 0;
}

/* Lowercase hex of bin, compared with want (hex encoding has passed its own known answers). */
static int same_hex(const uint8_t *bin, size_t len, const char *want)
{
    char hex[JSK_HEX_ENCODED_LEN(JSK_HMAC_BYTES_MAX)];
    return jsk_hex_encode(hex, sizeof hex, bin, len) == JSK_OK && same(hex, strlen(hex), want);
}

static int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

/* RFC 4648 section 10 both ways: encoding (the generate module's part: it carries no decoder) and
 * decoding (the codecs'), in each base64 variant and in hex (lowercase out, either case in). */
static int check_codec_vectors(int decoding)
{
    static const int variants[4] = {JSK_BASE64_VARIANT_ORIGINAL, JSK_BASE64_VARIANT_ORIGINAL_NO_PADDING,
                                    JSK_BASE64_VARIANT_URLSAFE, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING};
    static const uint8_t high[3] = {0xfb, 0xff, 0xbf}; /* the two alphabets differ only on 62 and 63 */
    const uint8_t *foobar = (const uint8_t *)"foobar";
    char text[16], want[16];
    uint8_t bin[8];
    size_t i, v, j, n;

    for (i = 0; i <= 6; i++) {
        for (v = 0; v < 5; v++) { /* v == 4: hex */
            const char *vector = v < 4 ? b64_vectors[i] : hex_vectors[i];
            size_t w = 0;
            for (j = 0; vector[j] != '\0'; j++) { /* the unpadded variants drop the '=' */
                if (vector[j] != '=' || v == 4 || !(variants[v] & 2)) {
                    want[w++] = (char)(v < 4 ? vector[j] : ascii_lower(vector[j]));
                }
            }
            want[w] = '\0';
            if (decoding) {
                if ((v < 4 ? jsk_base64_decode(bin, sizeof bin, &n, want, w, variants[v])
                           : jsk_hex_decode(bin, sizeof bin, &n, vector, w)) != JSK_OK ||
                    n != i || memcmp(bin, foobar, i) != 0) {
                    return FAIL;
                }
            } else if ((v < 4 ? jsk_base64_encode(text, sizeof text, foobar, i, variants[v])
                              : jsk_hex_encode(text, sizeof text, foobar, i)) != JSK_OK ||
                       !same(text, strlen(text), want)) {
                return FAIL;
            }
        }
    }
    if (!decoding && (jsk_base64_encode(text, sizeof text, high, 3, JSK_BASE64_VARIANT_ORIGINAL) != JSK_OK ||
                      !same(text, strlen(text), "+/+/") ||
                      jsk_base64_encode(text, sizeof text, high, 3, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING) != JSK_OK ||
                      !same(text, strlen(text), "-_-_"))) {
        return FAIL;
    }
    return 0;
}

/* Strict decoding: each input is refused with its own code. */
static int check_refusals(void)
{
    static const struct {
        const char *text;
        int variant; /* 0: hex */
        int want;
    } cases[] = {
        {"Zh==", JSK_BASE64_VARIANT_ORIGINAL, JSK_ERR_TRAILING_BITS},
        {"Zm9=", JSK_BASE64_VARIANT_ORIGINAL, JSK_ERR_TRAILING_BITS},
        {"Zh", JSK_BASE64_VARIANT_URLSAFE_NO_PADDING, JSK_ERR_TRAILING_BITS},
        {"Zg", JSK_BASE64_VARIANT_ORIGINAL, JSK_ERR_BAD_PADDING},
        {"Zg=", JSK_BASE64_VARIANT_ORIGINAL, JSK_ERR_BAD_PADDING},
        {"Zg==", JSK_BASE64_VARIANT_URLSAFE_NO_PADDING, JSK_ERR_BAD_PADDING},
        {"Z=g=", JSK_BASE64_VARIANT_ORIGINAL, JSK_ERR_BAD_PADDING},
        {"-_-_", JSK_BASE64_VARIANT_ORIGINAL, JSK_ERR_BAD_CHARACTER},
        {"+/+/", JSK_BASE64_VARIANT_URLSAFE_NO_PADDING, JSK_ERR_BAD_CHARACTER},
        {"Z", JSK_BASE64_VARIANT_URLSAFE_NO_PADDING, JSK_ERR_BAD_LENGTH},
        {"abc", 0, JSK_ERR_BAD_LENGTH},
        {"0g", 0, JSK_ERR_BAD_CHARACTER},
    };
    uint8_t bin[4];
    size_t i, n;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = strlen(cases[i].text);
        int rc = cases[i].variant == 0 ? jsk_hex_decode(bin, sizeof bin, &n, cases[i].text, len)
                                       : jsk_base64_decode(bin, sizeof bin, &n, cases[i].text, len, cases[i].variant);
        if (rc != cases[i].want) {
            return FAIL;
        }
    }
    return 0;
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

/* Each algorithm's default secret has its key size and its size in characters (the encoder has
 * passed its known answers, so the characters are those bytes); two HS256 draws differ. a and b
 * (44 bytes each) hold fresh secrets: the caller wipes them. */
static int check_generator(char a[44], char b[44])
{
    static const struct {
        int alg;
        size_t bytes, chars;
    } sizes[3] = {{JSK_ALG_HS256, 32, 43}, {JSK_ALG_HS384, 48, 64}, {JSK_ALG_HS512, 64, 86}};
    char text[87];
    size_t i, n, n2, nbytes;
    int rc;

    for (i = 0; i < 3; i++) {
        if (jsk_generate_size(&nbytes, sizes[i].alg, 0) != JSK_OK || nbytes != sizes[i].bytes ||
            jsk_encoded_len(nbytes, JSK_ENCODING_BASE64URL) != sizes[i].chars + 1) {
            return FAIL;
        }
        rc = jsk_generate(text, sizeof text, &n, sizes[i].alg, 0, JSK_ENCODING_BASE64URL);
        if (rc == JSK_OK && (n != sizes[i].chars || strlen(text) != n)) {
            rc = FAIL;
        }
        jsk_wipe(text, sizeof text);
        if (rc != JSK_OK) {
            return rc;
        }
    }
    if ((rc = jsk_generate(a, 44, &n, JSK_ALG_HS256, 0, JSK_ENCODING_BASE64URL)) != JSK_OK ||
        (rc = jsk_generate(b, 44, &n2, JSK_ALG_HS256, 0, JSK_ENCODING_BASE64URL)) != JSK_OK) {
        return rc;
    }
    return n == 43 && n2 == 43 && strlen(a) == 43 && strlen(b) == 43 && memcmp(a, b, 43) != 0 ? 0 : FAIL;
}

/* The documented example secret of jwt.io is weak; a random one is strong (both HS256, raw). */
static int check_analyzer(const jsk_dict *dict, const char *fresh, jsk_report *r)
{
    static const char *const weak = "your-256-bit-secret";
    if (jsk_check(r, JSK_ALG_HS256, dict, (const uint8_t *)weak, strlen(weak), JSK_ENCODING_RAW) != JSK_OK ||
        r->verdict != JSK_VERDICT_WEAK ||
        jsk_check(r, JSK_ALG_HS256, dict, (const uint8_t *)fresh, 43, JSK_ENCODING_RAW) != JSK_OK ||
        r->verdict != JSK_VERDICT_STRONG) {
        return FAIL;
    }
    return 0;
}

/* For each algorithm, a token pinned from node:crypto (createHmac over base64url of
 * {"alg":ALG,"typ":"JWT"} and {"sub":"self-test"}, key "0123456789abcdef" four times) is found by
 * the audit on the second line of a list, and not on a list without its key. */
static int check_audit(jsk_audit *audit)
{
    static const char *const tokens[3] = {
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzZWxmLXRlc3QifQ."
        "OksJ8RWqXw4s1FA8pR1e31aFfr6qnvMZHCaQA_Zw4eY",
        "eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzZWxmLXRlc3QifQ."
        "V04CrsLH5sZzB9c5Z7iphEWAriopSG7axu9R75v2CccLiJRmz87MNJqj1U6bAv7Y",
        "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzZWxmLXRlc3QifQ."
        "yq6Fbs-tFRLysNXi3V8ZSWoJXj7r8n0pzgN-Sw3sBREsWdyfrmL_K7JT6vgTZmO0Rm2SX9m2x8rgIHs9gyJ7XQ",
    };
    static const uint8_t lines[] = "not-it\n0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";
    size_t at, len, used, i;

    for (i = 0; i < 3; i++) {
        if (jsk_audit_init(audit, tokens[i], strlen(tokens[i])) != JSK_OK || audit->alg != (int)i + JSK_ALG_HS256 ||
            jsk_audit_lines(audit, &at, &len, &used, lines, 7, 1) != 0 ||
            jsk_audit_lines(audit, &at, &len, &used, lines, sizeof lines - 1, 1) != 1 || at != 7 || len != 64 ||
            audit->tried != 3) {
            return FAIL;
        }
    }
    return 0;
}

/* A wrong answer is JSK_ERR_SELF_TEST; only a missing CSPRNG passes through as itself. */
static int outcome(int rc)
{
    return rc == JSK_OK || rc == JSK_ERR_NO_ENTROPY ? rc : JSK_ERR_SELF_TEST;
}

int jsk_self_test_generate(void)
{
    char a[44], b[44];
    int rc = check_codec_vectors(0);

    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    if (rc == 0) {
        rc = check_generator(a, b);
    }
    jsk_wipe(a, sizeof a);
    jsk_wipe(b, sizeof b);
    return outcome(rc);
}

int jsk_self_test_codecs(void)
{
    int rc = check_codec_vectors(0);

    if (rc == 0) {
        rc = check_codec_vectors(1);
    }
    if (rc == 0) {
        rc = check_refusals();
    }
    return outcome(rc);
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

int jsk_self_test_check(const jsk_dict *dict)
{
    /* 32 random bytes (node:crypto randomBytes) as base64url, drawn once for this test: the check
     * module carries no generator, and a random key is strong whoever drew it. */
    static const char *const random_key = "_TbSPsDXRVrlsUEKyGlad2h32GFAeQrOaF3oA5nCzYo";
    jsk_report report;
    int rc = dict == NULL ? FAIL : check_analyzer(dict, random_key, &report);

    jsk_wipe(&report, sizeof report);
    return outcome(rc);
}

int jsk_self_test_audit(void)
{
    jsk_audit audit; /* about 42 KB of public data (a token's schedules) */
    int rc = check_audit(&audit);

    jsk_wipe(&audit, sizeof audit);
    return outcome(rc);
}

int jsk_self_test(const jsk_dict *dict)
{
    int rc = jsk_self_test_generate();

    if (rc == JSK_OK) {
        rc = jsk_self_test_codecs();
    }
    if (rc == JSK_OK) {
        rc = jsk_self_test_jwt();
    }
    if (rc == JSK_OK) {
        rc = jsk_self_test_audit();
    }
    if (rc == JSK_OK && dict != NULL) {
        rc = jsk_self_test_check(dict);
    }
    return rc;
}
