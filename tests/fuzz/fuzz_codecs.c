/* fuzz_codecs.c — the strict decoders (hex, the four base64 variants, jsk_decode's encodings) on any
 * input, with properties: a decoding re-encodes to exactly its input (strictness means one text per
 * byte string; hex up to case), every encoding decodes back, lengths match the macros and functions,
 * one byte less of capacity is refused, and the output buffers are exact (ASan sees overruns). */
#include <ctype.h>

#include "fuzz.h"

static const int VARIANTS[4] = {JSK_BASE64_VARIANT_ORIGINAL, JSK_BASE64_VARIANT_ORIGINAL_NO_PADDING,
                                JSK_BASE64_VARIANT_URLSAFE, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING};

/* Decoding text must be refused, or give bytes that encode back to text exactly. */
static void decode_then_encode(const char *text, size_t n)
{
    size_t cap = n, len = 7, i;
    uint8_t *bin = fuzz_alloc(cap);
    int v, rc;

    /* hex: either case in, lowercase out. */
    rc = jsk_hex_decode(bin, cap / 2, &len, text, n);
    if (rc == JSK_OK) {
        char *again = fuzz_alloc(JSK_HEX_ENCODED_LEN(len));
        FUZZ_ASSERT(len == n / 2 && n % 2 == 0);
        FUZZ_ASSERT(jsk_hex_encode(again, JSK_HEX_ENCODED_LEN(len), bin, len) == JSK_OK);
        for (i = 0; i < n; i++) {
            FUZZ_ASSERT(again[i] == tolower((unsigned char)text[i]));
        }
        FUZZ_ASSERT(again[n] == '\0');
        free(again);
        if (len > 0) {
            FUZZ_ASSERT(jsk_hex_decode(bin, len - 1, NULL, text, n) == JSK_ERR_BUFFER_TOO_SMALL);
        }
    } else {
        FUZZ_ASSERT(rc < 0 && rc >= JSK_ERROR_MIN && len == 0);
    }

    for (v = 0; v < 4; v++) {
        int variant = VARIANTS[v];
        len = 7;
        rc = jsk_base64_decode(bin, cap, &len, text, n, variant);
        if (rc == JSK_OK) {
            size_t need = JSK_BASE64_ENCODED_LEN(len, variant);
            char *again = fuzz_alloc(need);
            FUZZ_ASSERT(need == jsk_base64_encoded_len(len, variant) && need == n + 1);
            FUZZ_ASSERT(jsk_base64_encode(again, need, bin, len, variant) == JSK_OK);
            FUZZ_ASSERT(memcmp(again, text, n) == 0 && again[n] == '\0');
            free(again);
            if (len > 0) {
                uint8_t *small = fuzz_alloc(len - 1);
                FUZZ_ASSERT(jsk_base64_decode(small, len - 1, NULL, text, n, variant) == JSK_ERR_BUFFER_TOO_SMALL);
                free(small);
            }
        } else {
            FUZZ_ASSERT(rc < 0 && rc >= JSK_ERROR_MIN && len == 0);
        }
    }

    /* jsk_decode by encoding, into the capacity jsk_decoded_len() promises. */
    for (v = JSK_ENCODING_BASE64URL; v <= JSK_ENCODING_BASE64URL_PADDED; v++) {
        size_t max = jsk_decoded_len(n, v), out_len = 0;
        uint8_t *out = fuzz_alloc(max);
        rc = jsk_decode(out, max, &len, text, n, v);
        FUZZ_ASSERT(rc != JSK_ERR_BUFFER_TOO_SMALL);
        if (rc == JSK_OK) {
            size_t need = jsk_encoded_len(len, v);
            char *again = fuzz_alloc(need);
            FUZZ_ASSERT(need > 0 && jsk_encode(again, need, &out_len, out, len, v) == JSK_OK);
            FUZZ_ASSERT(out_len == n && out_len + 1 == need && again[n] == '\0');
            if (v != JSK_ENCODING_HEX) {
                FUZZ_ASSERT(memcmp(again, text, n) == 0);
            }
            free(again);
        }
        free(out);
    }
    FUZZ_ASSERT(jsk_decode(bin, cap, &len, text, n, 0) == JSK_ERR_UNKNOWN_FORMAT);
    FUZZ_ASSERT(jsk_decode(bin, cap, &len, text, n, JSK_ENCODING_RAW) == JSK_ERR_UNKNOWN_FORMAT);
    FUZZ_ASSERT(jsk_decode(bin, cap, &len, text, n, JSK_ENCODING_AUTO) == JSK_ERR_UNKNOWN_FORMAT);
    FUZZ_ASSERT(jsk_base64_decode(bin, cap, &len, text, n, 2) == JSK_ERR_INVALID_ARGUMENT);
    free(bin);
}

/* Encoding bytes in every variant and encoding must decode back to them. */
static void encode_then_decode(const uint8_t *bin, size_t n)
{
    int v;
    size_t len;
    for (v = 0; v < 4; v++) {
        int variant = VARIANTS[v];
        size_t need = jsk_base64_encoded_len(n, variant);
        char *text = fuzz_alloc(need);
        uint8_t *back = fuzz_alloc(n);
        FUZZ_ASSERT(need == JSK_BASE64_ENCODED_LEN(n, variant));
        FUZZ_ASSERT(jsk_base64_encode(text, need - 1, bin, n, variant) == JSK_ERR_BUFFER_TOO_SMALL);
        FUZZ_ASSERT(jsk_base64_encode(text, need, bin, n, variant) == JSK_OK);
        FUZZ_ASSERT(strlen(text) == need - 1);
        FUZZ_ASSERT(jsk_base64_decode(back, n, &len, text, need - 1, variant) == JSK_OK);
        FUZZ_ASSERT(len == n && (n == 0 || memcmp(back, bin, n) == 0));
        free(text);
        free(back);
    }
    {
        size_t need = jsk_hex_encoded_len(n);
        char *text = fuzz_alloc(need);
        uint8_t *back = fuzz_alloc(n);
        FUZZ_ASSERT(need == JSK_HEX_ENCODED_LEN(n));
        FUZZ_ASSERT(jsk_hex_encode(text, need - 1, bin, n) == JSK_ERR_BUFFER_TOO_SMALL);
        FUZZ_ASSERT(jsk_hex_encode(text, need, bin, n) == JSK_OK);
        FUZZ_ASSERT(jsk_hex_decode(back, n, &len, text, need - 1) == JSK_OK);
        FUZZ_ASSERT(len == n && (n == 0 || memcmp(back, bin, n) == 0));
        free(text);
        free(back);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    decode_then_encode((const char *)data, size);
    encode_then_decode(data, size);
    return 0;
}
