/* ct_verify.c — the tag check does not branch or index memory on secret data: jsk_verify() over
 * secret tags of every HS* length (and others), HMAC with a secret key (all three algorithms, keys
 * shorter than, equal to and longer than a block) followed by jsk_verify() of the computed tag, and
 * the encoders (hex, the four base64 variants) over secret bytes, as the generator uses them.
 * Only the 0/JSK_MISMATCH result of jsk_verify() is declassified. See ctgrind.h; run under valgrind. */
#include <string.h>

#include "ctgrind.h"
#include "jsk.h"

static int failures = 0;

#define EXPECT(cond)                                                             \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "ct_verify:%d: expected %s\n", __LINE__, #cond);      \
            failures++;                                                          \
        }                                                                        \
    } while (0)

static void fill(uint8_t *p, size_t n, unsigned seed)
{
    size_t i;
    for (i = 0; i < n; i++) {
        seed = seed * 1103515245U + 12345U;
        p[i] = (uint8_t)(seed >> 16);
    }
}

/* jsk_verify(a, b, len) with both inputs secret; differ: -1 none, else the index that differs. */
static void verify_case(size_t len, long differ)
{
    uint8_t a[200], b[200];
    int r;
    fill(a, len, (unsigned)len);
    memcpy(b, a, len);
    if (differ >= 0) {
        b[differ] ^= 0x01;
    }
    CT_SECRET(a, len);
    CT_SECRET(b, len);
    r = jsk_verify(a, b, len);
    EXPECT(len == 0 || ct_is_secret(&r, sizeof r)); /* computed from the secret... */
    CT_PUBLIC(&r, sizeof r);                         /* ...and public: equal or not */
    EXPECT(r == (differ >= 0 ? JSK_MISMATCH : 0));
}

/* HMAC under a secret key, then the constant-time compare with the token's (public) tag. */
static void hmac_case(int alg, size_t key_len)
{
    uint8_t key[300], tag[JSK_HMAC_BYTES_MAX], want[JSK_HMAC_BYTES_MAX];
    static const uint8_t msg[] = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0";
    size_t tag_len = jsk_alg_key_bytes(alg);
    int rc, r;

    fill(key, key_len, 7U + (unsigned)key_len);
    EXPECT(jsk_hmac(want, sizeof want, alg, key, key_len, msg, sizeof msg - 1) == JSK_OK);
    CT_SECRET(key, key_len);
    rc = jsk_hmac(tag, sizeof tag, alg, key, key_len, msg, sizeof msg - 1);
    EXPECT(rc == JSK_OK);
    EXPECT(ct_is_secret(tag, tag_len));
    r = jsk_verify(tag, want, tag_len);
    CT_PUBLIC(&r, sizeof r);
    EXPECT(r == 0);
    want[tag_len - 1] ^= 0x80;
    r = jsk_verify(tag, want, tag_len);
    CT_PUBLIC(&r, sizeof r);
    EXPECT(r == JSK_MISMATCH);
}

/* Encoding secret bytes: the text is as secret as the bytes, and made without branches on them. */
static void encode_case(size_t len)
{
    static const int variants[4] = {JSK_BASE64_VARIANT_ORIGINAL, JSK_BASE64_VARIANT_ORIGINAL_NO_PADDING,
                                    JSK_BASE64_VARIANT_URLSAFE, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING};
    uint8_t bytes[100];
    char text[JSK_HEX_ENCODED_LEN(100)];
    int v, rc;

    fill(bytes, len, 99U + (unsigned)len);
    CT_SECRET(bytes, len);
    rc = jsk_hex_encode(text, sizeof text, bytes, len);
    EXPECT(rc == JSK_OK);
    EXPECT(len == 0 || ct_is_secret(text, 2 * len));
    for (v = 0; v < 4; v++) {
        rc = jsk_base64_encode(text, sizeof text, bytes, len, variants[v]);
        EXPECT(rc == JSK_OK);
    }
}

int main(void)
{
    static const size_t lengths[] = {0, 1, 2, 15, 16, 31, 32, 33, 47, 48, 63, 64, 65, 199};
    static const size_t key_lengths[] = {1, 31, 32, 48, 63, 64, 65, 127, 128, 129, 300};
    size_t i, k;
    int alg;

    ct_require_valgrind("ct_verify");
    for (i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        size_t len = lengths[i];
        verify_case(len, -1);
        if (len > 0) {
            verify_case(len, 0);
            verify_case(len, (long)(len / 2));
            verify_case(len, (long)len - 1);
        }
    }
    for (alg = JSK_ALG_HS256; alg <= JSK_ALG_HS512; alg++) {
        for (k = 0; k < sizeof key_lengths / sizeof key_lengths[0]; k++) {
            hmac_case(alg, key_lengths[k]);
        }
    }
    for (i = 0; i <= 100; i += 1) {
        encode_case(i);
    }
    printf("ct_verify: jsk_verify, HMAC with a secret key, hex and base64 encoding: %s\n",
           failures == 0 ? "results right (memcheck reports any secret-dependent branch or address)" : "WRONG RESULTS");
    return failures == 0 ? 0 : 1;
}
