/* generate.c — random secrets: N bytes in an encoding, or a string over a custom alphabet. */
#include <string.h>

#include "jsk.h"

int jsk_generate_size(size_t *nbytes_out, int alg, size_t nbytes)
{
    size_t min = jsk_alg_key_bytes(alg);

    if (nbytes_out == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    *nbytes_out = 0;
    if (alg != JSK_ALG_UNSET && min == 0) {
        return JSK_ERR_UNKNOWN_ALG;
    }
    if (nbytes == 0) {
        nbytes = alg == JSK_ALG_UNSET ? JSK_HS256_KEY_BYTES : min;
    }
    if (nbytes < JSK_GENERATE_BYTES_MIN || nbytes > JSK_GENERATE_BYTES_MAX) {
        return JSK_ERR_OUT_OF_RANGE;
    }
    if (nbytes < min) {
        return JSK_ERR_KEY_TOO_SHORT;
    }
    *nbytes_out = nbytes;
    return JSK_OK;
}

int jsk_generate(char *out, size_t out_maxlen, size_t *out_len, int alg, size_t nbytes, int encoding)
{
    uint8_t bytes[JSK_GENERATE_BYTES_MAX];
    size_t n, need;
    int rc;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (out == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if ((rc = jsk_generate_size(&n, alg, nbytes)) != JSK_OK) {
        return rc;
    }
    if ((need = jsk_encoded_len(n, encoding)) == 0) {
        return JSK_ERR_UNKNOWN_FORMAT;
    }
    if (out_maxlen < need) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    if ((rc = jsk_random_fill(bytes, n)) == JSK_OK) {
        rc = jsk_encode(out, out_maxlen, out_len, bytes, n, encoding);
    }
    jsk_wipe(bytes, n);
    return rc;
}

int jsk_alphabet_check(const char *alphabet, size_t alphabet_len)
{
    uint8_t seen[128] = {0};
    size_t i;

    if (alphabet == NULL && alphabet_len > 0) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (alphabet_len < JSK_ALPHABET_SYMBOLS_MIN || alphabet_len > JSK_ALPHABET_SYMBOLS_MAX) {
        return JSK_ERR_BAD_ALPHABET;
    }
    for (i = 0; i < alphabet_len; i++) {
        uint8_t c = (uint8_t)alphabet[i];
        if (c < '!' || c > '~' || seen[c]) {
            return JSK_ERR_BAD_ALPHABET;
        }
        seen[c] = 1;
    }
    return JSK_OK;
}

/* log2(n) for an alphabet's size (n >= 2): n = 2^e * m with 1 <= m < 2, and
 * ln m = 2 atanh(z) = 2 (z + z^3/3 + z^5/5 + ...) with z = (m - 1) / (m + 1) < 1/3, summed until
 * the terms no longer change it (about 30 terms). Exact for powers of two (m = 1). Written here
 * rather than taken from libm so that every build (native, the modules) computes the same lengths
 * and entropy from the same arithmetic, and the generate module carries no libm. */
static double log2_of(size_t n)
{
    double m = (double)n, e = 0.0, z, z2, term, sum = 0.0, prev = -1.0;
    unsigned k;

    while (m >= 2.0) {
        m *= 0.5;
        e += 1.0;
    }
    z = (m - 1.0) / (m + 1.0);
    z2 = z * z;
    term = z;
    for (k = 1; sum != prev; k += 2) {
        prev = sum;
        sum += term / (double)k;
        term *= z2;
    }
    return e + 2.0 * sum * 1.4426950408889634074; /* 1 / ln 2 */
}

double jsk_alphabet_entropy_bits(size_t n, size_t length)
{
    return n < 2 ? 0.0 : (double)length * log2_of(n);
}

size_t jsk_alphabet_default_length(int alg, size_t n)
{
    size_t key_bytes = alg == JSK_ALG_UNSET ? JSK_HS256_KEY_BYTES : jsk_alg_key_bytes(alg);
    double bits = 8.0 * (double)key_bytes;
    size_t length;

    if (n < JSK_ALPHABET_SYMBOLS_MIN || n > JSK_ALPHABET_SYMBOLS_MAX || key_bytes == 0) {
        return 0;
    }
    /* bits / log2 n rounded down, then corrected by the exact comparison the check uses. */
    length = (size_t)(bits / log2_of(n));
    if (length == 0) {
        length = 1;
    }
    while (length > 1 && jsk_alphabet_entropy_bits(n, length - 1) >= bits) {
        length--;
    }
    while (jsk_alphabet_entropy_bits(n, length) < bits) {
        length++;
    }
    return length;
}

int jsk_alphabet_length(size_t *length_out, int alg, size_t n, size_t length)
{
    if (length_out == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    *length_out = 0;
    if (n < JSK_ALPHABET_SYMBOLS_MIN || n > JSK_ALPHABET_SYMBOLS_MAX) {
        return JSK_ERR_BAD_ALPHABET;
    }
    if (alg != JSK_ALG_UNSET && jsk_alg_key_bytes(alg) == 0) {
        return JSK_ERR_UNKNOWN_ALG;
    }
    if (length == 0) {
        length = jsk_alphabet_default_length(alg, n);
    }
    if (length > JSK_ALPHABET_LENGTH_MAX) {
        return JSK_ERR_OUT_OF_RANGE;
    }
    if (alg != JSK_ALG_UNSET && jsk_alphabet_entropy_bits(n, length) < 8.0 * (double)jsk_alg_key_bytes(alg)) {
        return JSK_ERR_KEY_TOO_SHORT;
    }
    *length_out = length;
    return JSK_OK;
}

int jsk_generate_alphabet(char *out, size_t out_maxlen, size_t *out_len, int alg, const char *alphabet,
                          size_t alphabet_len, size_t length)
{
    uint8_t pool[256];
    size_t used = sizeof pool, i;
    unsigned mask = 1;
    int rc;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (out == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if ((rc = jsk_alphabet_check(alphabet, alphabet_len)) != JSK_OK ||
        (rc = jsk_alphabet_length(&length, alg, alphabet_len, length)) != JSK_OK) {
        return rc;
    }
    if (out_maxlen < length + 1U) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    /* The smallest all-ones mask covering 0..n-1: a masked byte is uniform over 0..mask, and
     * accepting only values below n keeps it uniform over the alphabet (at most half rejected). */
    while (mask < alphabet_len - 1U) {
        mask = (mask << 1) | 1U;
    }
    for (i = 0; i < length;) {
        unsigned r;
        if (used == sizeof pool) {
            if ((rc = jsk_random_fill(pool, sizeof pool)) != JSK_OK) {
                break;
            }
            used = 0;
        }
        r = pool[used] & mask;
        pool[used++] = 0;
        if (r < alphabet_len) {
            out[i++] = alphabet[r];
        }
    }
    jsk_wipe(pool, sizeof pool);
    if (rc != JSK_OK) {
        jsk_wipe(out, length);
        return rc;
    }
    out[length] = '\0';
    if (out_len != NULL) {
        *out_len = length;
    }
    return JSK_OK;
}
