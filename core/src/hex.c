/* hex.c — lowercase hex out, either case in; constant-time character mapping, no tables. */
#include "ct.h"
#include "jsk.h"

size_t jsk_hex_encoded_len(size_t bin_len)
{
    if (bin_len > ((size_t)-1 - 1U) / 2U) {
        return 0;
    }
    return JSK_HEX_ENCODED_LEN(bin_len);
}

static char hex_digit(unsigned nibble)
{
    return (char)((ct_lt(nibble, 10) & (nibble + '0')) | (ct_ge(nibble, 10) & (nibble + ('a' - 10))));
}

int jsk_hex_encode(char *hex, size_t hex_maxlen, const uint8_t *bin, size_t bin_len)
{
    size_t need = jsk_hex_encoded_len(bin_len);
    size_t i;

    if (hex == NULL || (bin == NULL && bin_len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (need == 0) {
        return JSK_ERR_OUT_OF_RANGE;
    }
    if (hex_maxlen < need) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    for (i = 0; i < bin_len; i++) {
        hex[2 * i] = hex_digit(bin[i] >> 4);
        hex[2 * i + 1] = hex_digit(bin[i] & 0x0FU);
    }
    hex[2 * bin_len] = '\0';
    return JSK_OK;
}

/* The value of a hex digit, or 0x100 and up when c is not one. */
static unsigned hex_value(unsigned c)
{
    unsigned lower = c | 0x20U; /* 'A'..'F' -> 'a'..'f'; no other byte lands in 'a'..'f' */
    unsigned is_digit = ct_in(c, '0', '9');
    unsigned is_alpha = ct_in(lower, 'a', 'f');
    unsigned valid = is_digit | is_alpha;

    return (is_digit & (c - '0')) | (is_alpha & (lower - ('a' - 10))) | ((valid ^ 0xFFU) << 1);
}

int jsk_hex_decode(uint8_t *bin, size_t bin_maxlen, size_t *bin_len, const char *hex, size_t hex_len)
{
    size_t i, out_len;
    unsigned bad = 0;

    if (bin_len != NULL) {
        *bin_len = 0;
    }
    if ((hex == NULL && hex_len > 0) || (bin == NULL && hex_len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (hex_len % 2U != 0) {
        return JSK_ERR_BAD_LENGTH;
    }
    out_len = hex_len / 2U;
    if (bin_maxlen < out_len) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    /* Decode everything, then decide: the time does not depend on where a bad digit is. */
    for (i = 0; i < out_len; i++) {
        unsigned hi = hex_value((uint8_t)hex[2 * i]);
        unsigned lo = hex_value((uint8_t)hex[2 * i + 1]);
        bad |= (hi | lo) & 0x100U;
        bin[i] = (uint8_t)((hi << 4) | (lo & 0x0FU));
    }
    if (bad != 0) {
        jsk_wipe(bin, out_len);
        return JSK_ERR_BAD_CHARACTER;
    }
    if (bin_len != NULL) {
        *bin_len = out_len;
    }
    return JSK_OK;
}
