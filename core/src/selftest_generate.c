/* selftest_generate.c — the generate and codecs modules' known answers (jsk_self_test_generate,
 * jsk_self_test_codecs): RFC 4648 both ways, the decoders' strict refusals, the generator. */
#include "selftest_internal.h"

/* RFC 4648 section 10: the prefixes of "foobar", in padded base64 and in base16. */
static const char *const b64_vectors[7] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
static const char *const hex_vectors[7] = {"", "66", "666F", "666F6F", "666F6F62", "666F6F6261", "666F6F626172"};

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

