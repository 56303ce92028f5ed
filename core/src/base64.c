/* base64.c — RFC 4648 base64 and base64url, padded or not, with strict constant-time decoding.
 * The variant flags follow libsodium: bit 1 set = no padding, bit 2 set = URL-safe alphabet. */
#include "ct.h"
#include "jsk.h"

static int variant_ok(int variant)
{
    return variant == JSK_BASE64_VARIANT_ORIGINAL || variant == JSK_BASE64_VARIANT_ORIGINAL_NO_PADDING ||
           variant == JSK_BASE64_VARIANT_URLSAFE || variant == JSK_BASE64_VARIANT_URLSAFE_NO_PADDING;
}

size_t jsk_base64_encoded_len(size_t bin_len, int variant)
{
    if (!variant_ok(variant) || bin_len / 3U > ((size_t)-1 - 6U) / 4U) {
        return 0;
    }
    return JSK_BASE64_ENCODED_LEN(bin_len, variant);
}

/* 0..63 to its character; url is 0xFF for the URL-safe alphabet, 0 for the original one. */
static char b64_char(unsigned x, unsigned url)
{
    unsigned c = (ct_lt(x, 26) & (x + 'A')) | (ct_in(x, 26, 51) & (x + ('a' - 26))) |
                 (ct_in(x, 52, 61) & (x - (52 - '0'))) | (ct_eq(x, 62) & ((url & '-') | (~url & '+'))) |
                 (ct_eq(x, 63) & ((url & '_') | (~url & '/')));
    return (char)(c & 0xFFU);
}

/* A character to 0..63, or a value with bit 8 set when it is not in the alphabet. */
static unsigned b64_value(unsigned c, unsigned url)
{
    unsigned upper = ct_in(c, 'A', 'Z');
    unsigned lower = ct_in(c, 'a', 'z');
    unsigned digit = ct_in(c, '0', '9');
    unsigned c62 = (url & ct_eq(c, '-')) | (~url & ct_eq(c, '+'));
    unsigned c63 = (url & ct_eq(c, '_')) | (~url & ct_eq(c, '/'));
    unsigned valid = (upper | lower | digit | c62 | c63) & 0xFFU;

    return (upper & (c - 'A')) | (lower & (c - ('a' - 26))) | (digit & (c + (52 - '0'))) | (c62 & 62U) |
           (c63 & 63U) | ((valid ^ 0xFFU) << 1);
}

int jsk_base64_encode(char *b64, size_t b64_maxlen, const uint8_t *bin, size_t bin_len, int variant)
{
    unsigned url = (variant & 4) ? 0xFFU : 0U;
    size_t need = jsk_base64_encoded_len(bin_len, variant);
    size_t i, o = 0;
    size_t full = bin_len / 3U, rest = bin_len % 3U;

    if (b64 == NULL || (bin == NULL && bin_len > 0) || !variant_ok(variant)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (need == 0) {
        return JSK_ERR_OUT_OF_RANGE;
    }
    if (b64_maxlen < need) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    for (i = 0; i < full; i++) {
        uint32_t w = ((uint32_t)bin[3 * i] << 16) | ((uint32_t)bin[3 * i + 1] << 8) | bin[3 * i + 2];
        b64[o++] = b64_char((w >> 18) & 63U, url);
        b64[o++] = b64_char((w >> 12) & 63U, url);
        b64[o++] = b64_char((w >> 6) & 63U, url);
        b64[o++] = b64_char(w & 63U, url);
    }
    if (rest > 0) {
        uint32_t w = (uint32_t)bin[3 * full] << 16;
        if (rest == 2) {
            w |= (uint32_t)bin[3 * full + 1] << 8;
        }
        b64[o++] = b64_char((w >> 18) & 63U, url);
        b64[o++] = b64_char((w >> 12) & 63U, url);
        if (rest == 2) {
            b64[o++] = b64_char((w >> 6) & 63U, url);
        }
        if ((variant & 2) == 0) {
            b64[o++] = '=';
            if (rest == 1) {
                b64[o++] = '=';
            }
        }
    }
    b64[o] = '\0';
    return JSK_OK;
}

int jsk_base64_decode(uint8_t *bin, size_t bin_maxlen, size_t *bin_len, const char *b64, size_t b64_len,
                      int variant)
{
    unsigned url = (variant & 4) ? 0xFFU : 0U;
    size_t pad = 0, data_len, rem, out_len, i, o = 0;
    unsigned bad = 0, eq = 0, last = 0;
    uint32_t acc = 0;

    if (bin_len != NULL) {
        *bin_len = 0;
    }
    if ((b64 == NULL && b64_len > 0) || (bin == NULL && b64_len > 0) || !variant_ok(variant)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    /* Padding is public structure, not secret data: checking it with branches is fine. */
    while (pad < b64_len && b64[b64_len - 1 - pad] == '=') {
        pad++;
    }
    data_len = b64_len - pad;
    /* First the alphabet, so "a space" is reported as such rather than as a length problem. */
    for (i = 0; i < data_len; i++) {
        unsigned c = (uint8_t)b64[i];
        bad |= b64_value(c, url) & 0x100U;
        eq |= ct_eq(c, '=');
    }
    if (eq != 0) {
        return JSK_ERR_BAD_PADDING;
    }
    if (bad != 0) {
        return JSK_ERR_BAD_CHARACTER;
    }
    rem = data_len % 4U;
    if (rem == 1) {
        return pad > 2 ? JSK_ERR_BAD_PADDING : JSK_ERR_BAD_LENGTH;
    }
    if (variant & 2) {
        if (pad != 0) {
            return JSK_ERR_BAD_PADDING;
        }
    } else if (pad != (4U - rem) % 4U) {
        return JSK_ERR_BAD_PADDING;
    }
    out_len = (data_len / 4U) * 3U + (rem == 0 ? 0 : rem - 1U);
    if (bin_maxlen < out_len) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    /* Branch-free over the content: the time depends only on the length. */
    for (i = 0; i < data_len; i++) {
        last = b64_value((uint8_t)b64[i], url) & 63U;
        acc = (acc << 6) | last;
        if (i % 4U == 3U) {
            bin[o++] = (uint8_t)(acc >> 16);
            bin[o++] = (uint8_t)(acc >> 8);
            bin[o++] = (uint8_t)acc;
            acc = 0;
        }
    }
    if (rem == 2) {
        bin[o++] = (uint8_t)(acc >> 4);
        bad |= (((last & 0x0FU) + 0xFFU) & 0x100U) << 1; /* 0x200 when any unused bit is set */
    } else if (rem == 3) {
        bin[o++] = (uint8_t)(acc >> 10);
        bin[o++] = (uint8_t)(acc >> 2);
        bad |= (((last & 0x03U) + 0xFFU) & 0x100U) << 1;
    }
    acc = 0;
    if (bad != 0) {
        jsk_wipe(bin, out_len);
        return JSK_ERR_TRAILING_BITS;
    }
    if (bin_len != NULL) {
        *bin_len = out_len;
    }
    return JSK_OK;
}
