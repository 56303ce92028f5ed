/* test_codecs.c — hex and base64/base64url: RFC 4648 §10 vectors, round trips for 0..300 bytes,
 * every strict-decoder rejection, and the size macros kept equal to their functions. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "jsk.h"

static const int variants[] = {JSK_BASE64_VARIANT_ORIGINAL, JSK_BASE64_VARIANT_ORIGINAL_NO_PADDING,
                               JSK_BASE64_VARIANT_URLSAFE, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING};

/* RFC 4648 §10. */
static const struct {
    const char *in, *b64, *b16;
} rfc4648[] = {
    {"", "", ""},
    {"f", "Zg==", "66"},
    {"fo", "Zm8=", "666F"},
    {"foo", "Zm9v", "666F6F"},
    {"foob", "Zm9vYg==", "666F6F62"},
    {"fooba", "Zm9vYmE=", "666F6F6261"},
    {"foobar", "Zm9vYmFy", "666F6F626172"},
};

static size_t strip_padding(char *dst, const char *src)
{
    size_t n = strlen(src);
    while (n > 0 && src[n - 1] == '=') {
        n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
    return n;
}

static void test_rfc4648_vectors(void)
{
    size_t i;
    for (i = 0; i < sizeof rfc4648 / sizeof rfc4648[0]; i++) {
        const char *in = rfc4648[i].in;
        size_t in_len = strlen(in), out_len = 99, j;
        char enc[32], unpadded[32], lower[32];
        uint8_t dec[32];

        /* Padded base64 and base64url are identical for these inputs (no '+' or '/'). */
        CHECK_RC(jsk_base64_encode(enc, sizeof enc, (const uint8_t *)in, in_len, JSK_BASE64_VARIANT_ORIGINAL), 0);
        CHECK(strcmp(enc, rfc4648[i].b64) == 0);
        CHECK_RC(jsk_base64_encode(enc, sizeof enc, (const uint8_t *)in, in_len, JSK_BASE64_VARIANT_URLSAFE), 0);
        CHECK(strcmp(enc, rfc4648[i].b64) == 0);
        strip_padding(unpadded, rfc4648[i].b64);
        CHECK_RC(jsk_base64_encode(enc, sizeof enc, (const uint8_t *)in, in_len,
                                   JSK_BASE64_VARIANT_URLSAFE_NO_PADDING), 0);
        CHECK(strcmp(enc, unpadded) == 0);

        CHECK_RC(jsk_base64_decode(dec, sizeof dec, &out_len, rfc4648[i].b64, strlen(rfc4648[i].b64),
                                   JSK_BASE64_VARIANT_ORIGINAL), 0);
        CHECK(out_len == in_len && memcmp(dec, in, in_len) == 0);
        CHECK_RC(jsk_base64_decode(dec, sizeof dec, &out_len, unpadded, strlen(unpadded),
                                   JSK_BASE64_VARIANT_URLSAFE_NO_PADDING), 0);
        CHECK(out_len == in_len && memcmp(dec, in, in_len) == 0);

        /* Base16: the RFC's uppercase decodes; our output is its lowercase. */
        CHECK_RC(jsk_hex_decode(dec, sizeof dec, &out_len, rfc4648[i].b16, strlen(rfc4648[i].b16)), 0);
        CHECK(out_len == in_len && memcmp(dec, in, in_len) == 0);
        CHECK_RC(jsk_hex_encode(enc, sizeof enc, (const uint8_t *)in, in_len), 0);
        for (j = 0; rfc4648[i].b16[j]; j++) {
            char c = rfc4648[i].b16[j];
            lower[j] = (char)((c >= 'A' && c <= 'F') ? c + 32 : c);
        }
        lower[j] = '\0';
        CHECK(strcmp(enc, lower) == 0);
    }
}

static void test_alphabets(void)
{
    const uint8_t bin[] = {0xfb, 0xff, 0xbf};
    uint8_t all[256], dec[256];
    char enc[400];
    size_t i, n;

    CHECK_RC(jsk_base64_encode(enc, sizeof enc, bin, 3, JSK_BASE64_VARIANT_ORIGINAL), 0);
    CHECK(strcmp(enc, "+/+/") == 0);
    CHECK_RC(jsk_base64_encode(enc, sizeof enc, bin, 3, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING), 0);
    CHECK(strcmp(enc, "-_-_") == 0);
    CHECK_RC(jsk_base64_encode(enc, sizeof enc, bin, 2, JSK_BASE64_VARIANT_ORIGINAL), 0);
    CHECK(strcmp(enc, "+/8=") == 0);
    CHECK_RC(jsk_base64_encode(enc, sizeof enc, bin, 2, JSK_BASE64_VARIANT_URLSAFE), 0);
    CHECK(strcmp(enc, "-_8=") == 0);

    /* Every byte value through every codec. */
    for (i = 0; i < 256; i++) {
        all[i] = (uint8_t)i;
    }
    CHECK_RC(jsk_hex_encode(enc, sizeof enc, all, 256), JSK_ERR_BUFFER_TOO_SMALL);
    for (i = 0; i < 4; i++) {
        CHECK_RC(jsk_base64_encode(enc, sizeof enc, all, 256, variants[i]), 0);
        CHECK_RC(jsk_base64_decode(dec, sizeof dec, &n, enc, strlen(enc), variants[i]), 0);
        CHECK(n == 256 && memcmp(dec, all, 256) == 0);
    }
    {
        char hex[513];
        CHECK_RC(jsk_hex_encode(hex, sizeof hex, all, 256), 0);
        CHECK(strncmp(hex, "000102", 6) == 0 && strcmp(hex + 500, "fafbfcfdfeff") == 0);
        CHECK_RC(jsk_hex_decode(dec, sizeof dec, &n, hex, 512), 0);
        CHECK(n == 256 && memcmp(dec, all, 256) == 0);
    }
}

/* Deterministic test data (not secrets): xorshift32. */
static uint32_t xs = 2463534242U;
static uint8_t next_byte(void)
{
    xs ^= xs << 13;
    xs ^= xs >> 17;
    xs ^= xs << 5;
    return (uint8_t)xs;
}

static void test_round_trips(void)
{
    uint8_t bin[301], dec[301];
    char enc[JSK_HEX_ENCODED_LEN(301)];
    size_t len, i, n;

    for (len = 0; len <= 300; len++) {
        for (i = 0; i < len; i++) {
            bin[i] = next_byte();
        }
        for (i = 0; i < 4; i++) {
            size_t need = JSK_BASE64_ENCODED_LEN(len, variants[i]);
            CHECK_RC(jsk_base64_encode(enc, need - 1, bin, len, variants[i]), JSK_ERR_BUFFER_TOO_SMALL);
            CHECK_RC(jsk_base64_encode(enc, need, bin, len, variants[i]), 0);
            CHECK(strlen(enc) == need - 1);
            CHECK_RC(jsk_base64_decode(dec, len, &n, enc, need - 1, variants[i]), 0);
            CHECK(n == len && memcmp(dec, bin, len) == 0);
            if (len > 0) {
                CHECK_RC(jsk_base64_decode(dec, len - 1, &n, enc, need - 1, variants[i]),
                         JSK_ERR_BUFFER_TOO_SMALL);
            }
            CHECK(jsk_decoded_len(need - 1, JSK_ENCODING_BASE64) >= len);
        }
        CHECK_RC(jsk_hex_encode(enc, JSK_HEX_ENCODED_LEN(len), bin, len), 0);
        CHECK(strlen(enc) == 2 * len);
        CHECK_RC(jsk_hex_decode(dec, len, &n, enc, 2 * len), 0);
        CHECK(n == len && memcmp(dec, bin, len) == 0);
    }
}

static int b64_dec(const char *s, int variant)
{
    uint8_t out[64];
    size_t n = 123;
    int rc = jsk_base64_decode(out, sizeof out, &n, s, strlen(s), variant);
    if (rc != 0 && n != 0) {
        return 1000; /* a failed decode must not report a length */
    }
    return rc;
}

static int hex_dec(const char *s)
{
    uint8_t out[64];
    size_t n;
    return jsk_hex_decode(out, sizeof out, &n, s, strlen(s));
}

static void test_strict_rejections(void)
{
    const int P = JSK_BASE64_VARIANT_ORIGINAL, U = JSK_BASE64_VARIANT_URLSAFE_NO_PADDING;
    const int UP = JSK_BASE64_VARIANT_URLSAFE, PN = JSK_BASE64_VARIANT_ORIGINAL_NO_PADDING;
    uint8_t out[8];
    size_t n;

    /* Characters outside the variant's alphabet. */
    CHECK_RC(b64_dec("Zm9v Yg==", P), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(b64_dec("Zm9v\nYg==", P), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(b64_dec("-_-_", P), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(b64_dec("+/+/", U), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(b64_dec("+/+/", UP), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(b64_dec("-_-_", PN), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(b64_dec("Zm9*", U), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(b64_dec("Zm9\xc3\xa9", U), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(jsk_base64_decode(out, sizeof out, &n, "Zm\0v", 4, U), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(b64_dec("Zm9v.", U), JSK_ERR_BAD_CHARACTER);
    /* Padding: required by padded variants, refused by unpadded ones, only at the end. */
    CHECK_RC(b64_dec("Zg", P), JSK_ERR_BAD_PADDING);
    CHECK_RC(b64_dec("Zg=", P), JSK_ERR_BAD_PADDING);
    CHECK_RC(b64_dec("Zg===", P), JSK_ERR_BAD_PADDING);
    CHECK_RC(b64_dec("Zm8", UP), JSK_ERR_BAD_PADDING);
    CHECK_RC(b64_dec("Zm8==", P), JSK_ERR_BAD_PADDING);
    CHECK_RC(b64_dec("Zm9v=", P), JSK_ERR_BAD_PADDING);
    CHECK_RC(b64_dec("====", P), JSK_ERR_BAD_PADDING);
    CHECK_RC(b64_dec("Zg==", U), JSK_ERR_BAD_PADDING);
    CHECK_RC(b64_dec("Zm8=", PN), JSK_ERR_BAD_PADDING);
    CHECK_RC(b64_dec("Zg==Zg==", P), JSK_ERR_BAD_PADDING);
    CHECK_RC(b64_dec("Z=g=", P), JSK_ERR_BAD_PADDING);
    /* Lengths no encoding produces. */
    CHECK_RC(b64_dec("Z", U), JSK_ERR_BAD_LENGTH);
    CHECK_RC(b64_dec("Zm9v.", U), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(b64_dec("Z===", P), JSK_ERR_BAD_PADDING);
    /* Non-zero unused bits: "Zh==" and "Zm9=" are not canonical encodings of anything. */
    CHECK_RC(b64_dec("Zh==", P), JSK_ERR_TRAILING_BITS);
    CHECK_RC(b64_dec("Zh", U), JSK_ERR_TRAILING_BITS);
    CHECK_RC(b64_dec("Zm9=", P), JSK_ERR_TRAILING_BITS);
    CHECK_RC(b64_dec("Zm9", U), JSK_ERR_TRAILING_BITS);
    CHECK_RC(b64_dec("Zm8", U), 0);
    CHECK_RC(b64_dec("Zg", U), 0);
    /* Bad arguments. */
    CHECK_RC(jsk_base64_decode(out, sizeof out, &n, "Zg", 2, 0), JSK_ERR_INVALID_ARGUMENT);
    CHECK_RC(jsk_base64_decode(out, sizeof out, &n, "Zg", 2, 2), JSK_ERR_INVALID_ARGUMENT);
    CHECK_RC(jsk_base64_decode(out, sizeof out, &n, NULL, 2, P), JSK_ERR_INVALID_ARGUMENT);
    CHECK_RC(jsk_base64_encode(NULL, 10, out, 1, P), JSK_ERR_INVALID_ARGUMENT);
    CHECK_RC(jsk_base64_decode(out, sizeof out, &n, NULL, 0, U), 0);
    CHECK(n == 0);

    /* Hex. */
    CHECK_RC(hex_dec("abc"), JSK_ERR_BAD_LENGTH);
    CHECK_RC(hex_dec("0g"), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(hex_dec("g0"), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(hex_dec(" 0"), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(hex_dec("0x00"), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(hex_dec("@`"), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(hex_dec("GG"), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(hex_dec("\xc1\xc6"), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(jsk_hex_decode(out, sizeof out, &n, "0\0", 2), JSK_ERR_BAD_CHARACTER);
    CHECK_RC(hex_dec("aAfF09"), 0);
    CHECK_RC(jsk_hex_decode(out, 2, &n, "aabbcc", 6), JSK_ERR_BUFFER_TOO_SMALL);
    /* A rejected decode leaves no partial output behind. */
    memset(out, 0x55, sizeof out);
    CHECK_RC(jsk_hex_decode(out, sizeof out, &n, "aabbccxx", 8), JSK_ERR_BAD_CHARACTER);
    CHECK(out[0] == 0 && out[1] == 0 && out[2] == 0);
}

static void test_sizes_and_errors(void)
{
    size_t len, i;
    int e;
    for (len = 0; len <= 1000; len++) {
        CHECK(jsk_hex_encoded_len(len) == JSK_HEX_ENCODED_LEN(len));
        for (i = 0; i < 4; i++) {
            CHECK(jsk_base64_encoded_len(len, variants[i]) == JSK_BASE64_ENCODED_LEN(len, variants[i]));
        }
        CHECK(jsk_encoded_len(len, JSK_ENCODING_BASE64URL) ==
              JSK_BASE64_ENCODED_LEN(len, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING));
    }
    CHECK(JSK_BASE64_ENCODED_LEN(32, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING) == 44); /* 43 + NUL */
    CHECK(JSK_BASE64_ENCODED_LEN(32, JSK_BASE64_VARIANT_ORIGINAL) == 45);
    CHECK(jsk_base64_encoded_len(5, 0) == 0);
    CHECK(jsk_hex_encoded_len((size_t)-1) == 0);
    CHECK(jsk_base64_encoded_len((size_t)-1, JSK_BASE64_VARIANT_ORIGINAL) == 0);

    for (e = 0; e >= JSK_ERROR_MIN; e--) {
        int f;
        CHECK(jsk_strerror(e) != NULL && strcmp(jsk_strerror(e), "unknown error") != 0);
        CHECK(strncmp(jsk_error_code(e), e == 0 ? "OK" : "ERR_", e == 0 ? 2 : 4) == 0);
        for (f = e - 1; f >= JSK_ERROR_MIN; f--) {
            CHECK(strcmp(jsk_error_code(e), jsk_error_code(f)) != 0);
        }
    }
    CHECK(strcmp(jsk_error_code(JSK_ERR_BAD_CHARACTER), "ERR_BAD_CHARACTER") == 0);
    CHECK(strcmp(jsk_error_code(JSK_ERR_NO_ENTROPY), "ERR_NO_ENTROPY") == 0);
    CHECK(strcmp(jsk_error_code(JSK_ERROR_MIN - 1), "ERR_UNKNOWN") == 0);
    CHECK(strcmp(jsk_error_code(1), "ERR_UNKNOWN") == 0);

    CHECK_RC(jsk_encoding_from_name("base64url", 9), JSK_ENCODING_BASE64URL);
    CHECK_RC(jsk_encoding_from_name("hex", 3), JSK_ENCODING_HEX);
    CHECK_RC(jsk_encoding_from_name("base64url-padded", 16), JSK_ENCODING_BASE64URL_PADDED);
    CHECK_RC(jsk_encoding_from_name("base64", 6), JSK_ENCODING_BASE64);
    CHECK_RC(jsk_encoding_from_name("base6", 5), JSK_ERR_UNKNOWN_FORMAT);
    CHECK_RC(jsk_encoding_from_name("HEX", 3), JSK_ERR_UNKNOWN_FORMAT);
    CHECK_RC(jsk_encoding_from_name("raw", 3), JSK_ENCODING_RAW);
    CHECK_RC(jsk_encoding_from_name("auto", 4), JSK_ENCODING_AUTO);
    CHECK_RC(jsk_encoding_from_name("base64url-padded\0", 17), JSK_ERR_UNKNOWN_FORMAT);
    for (e = JSK_ENCODING_BASE64URL; e <= JSK_ENCODING_AUTO; e++) {
        const char *name = jsk_encoding_name(e);
        CHECK(name != NULL && jsk_encoding_from_name(name, strlen(name)) == e);
    }
    CHECK(jsk_encoding_name(0) == NULL && jsk_encoding_name(JSK_ENCODING_AUTO + 1) == NULL);
    /* Only the four text encodings are written and read by jsk_encode()/jsk_decode(). */
    for (e = 0; e <= JSK_ENCODING_AUTO + 1; e++) {
        int text = e >= JSK_ENCODING_BASE64URL && e <= JSK_ENCODING_BASE64URL_PADDED;
        char t[8];
        uint8_t b[4];
        CHECK((jsk_encoded_len(3, e) != 0) == text && (jsk_decoded_len(4, e) != 0) == text);
        CHECK_RC(jsk_encode(t, sizeof t, NULL, (const uint8_t *)"abc", 3, e), text ? 0 : JSK_ERR_UNKNOWN_FORMAT);
        CHECK_RC(jsk_decode(b, sizeof b, NULL, "6162", 4, e), text ? 0 : JSK_ERR_UNKNOWN_FORMAT);
    }
    CHECK_RC(jsk_alg_from_name("HS384", 5), JSK_ALG_HS384);
    CHECK_RC(jsk_alg_from_name("HS2560", 6), JSK_ERR_UNKNOWN_ALG);
    CHECK_RC(jsk_alg_from_name("none", 4), JSK_ERR_UNKNOWN_ALG);
    CHECK(jsk_alg_key_bytes(JSK_ALG_HS512) == JSK_HS512_KEY_BYTES && jsk_alg_key_bytes(9) == 0);
}

int main(void)
{
    test_rfc4648_vectors();
    test_alphabets();
    test_round_trips();
    test_strict_rejections();
    test_sizes_and_errors();
    return check_report("codecs");
}
