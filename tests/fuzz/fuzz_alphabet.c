/* fuzz_alphabet.c — the generator's arguments from any input: byte 0 the algorithm (none, HS256,
 * HS384, HS512 or an invalid one), bytes 1-2 a length or byte count (0 = the default), byte 3 how
 * much output capacity to give, byte 4 an encoding (one the generator writes, or not); the rest is a
 * custom alphabet.
 * Properties: the alphabet check matches its documented rule; a resolved length is in range and
 * strong enough for the algorithm; jsk_generate_alphabet() writes exactly that many characters,
 * each from the alphabet, or refuses a capacity one short; jsk_generate() gives text that decodes
 * to the resolved number of bytes. Output buffers are exact, so ASan sees any overrun. */
#include "fuzz.h"

static int ref_alphabet(const uint8_t *s, size_t n)
{
    uint8_t seen[256] = {0};
    size_t i;
    if (n < JSK_ALPHABET_SYMBOLS_MIN || n > JSK_ALPHABET_SYMBOLS_MAX) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        if (s[i] < '!' || s[i] > '~' || seen[s[i]]) {
            return 0;
        }
        seen[s[i]] = 1;
    }
    return 1;
}

static void check_alphabet(const char *alphabet, size_t n, int alg, size_t length, unsigned slack)
{
    size_t resolved = 12345, cap, out_len = 99, i;
    char *out;
    int ok = ref_alphabet((const uint8_t *)alphabet, n), rc;

    FUZZ_ASSERT((jsk_alphabet_check(alphabet, n) == JSK_OK) == ok);
    rc = jsk_alphabet_length(&resolved, alg, n, length);
    if (rc != JSK_OK) {
        FUZZ_ASSERT(resolved == 0);
        FUZZ_ASSERT(rc == JSK_ERR_BAD_ALPHABET || rc == JSK_ERR_UNKNOWN_ALG || rc == JSK_ERR_OUT_OF_RANGE ||
                    rc == JSK_ERR_KEY_TOO_SHORT);
        FUZZ_ASSERT(rc != JSK_ERR_BAD_ALPHABET || n < 2 || n > 94);
        resolved = length == 0 ? 64 : length; /* still try the generator: it must refuse */
    } else {
        FUZZ_ASSERT(resolved >= 1 && resolved <= JSK_ALPHABET_LENGTH_MAX);
        FUZZ_ASSERT(length == 0 || resolved == length);
        if (alg != JSK_ALG_UNSET) {
            FUZZ_ASSERT(jsk_alphabet_entropy_bits(n, resolved) >= 8.0 * (double)jsk_alg_key_bytes(alg));
        }
        if (length == 0) {
            FUZZ_ASSERT(resolved == jsk_alphabet_default_length(alg, n));
        }
    }
    /* capacity: exactly enough, one short, or generous */
    cap = slack == 0 ? resolved : slack == 1 ? resolved + 1U : resolved + 1U + slack;
    if (cap > JSK_ALPHABET_LENGTH_MAX + 300U) {
        cap = JSK_ALPHABET_LENGTH_MAX + 300U;
    }
    out = fuzz_alloc(cap);
    rc = jsk_generate_alphabet(out, cap, &out_len, alg, alphabet, n, length);
    if (rc == JSK_OK) {
        FUZZ_ASSERT(ok && cap >= resolved + 1U);
        FUZZ_ASSERT(out_len == resolved && out[resolved] == '\0');
        for (i = 0; i < resolved; i++) {
            FUZZ_ASSERT(memchr(alphabet, out[i], n) != NULL);
        }
    } else {
        FUZZ_ASSERT(out_len == 0);
        FUZZ_ASSERT(!ok || jsk_alphabet_length(&resolved, alg, n, length) != JSK_OK ||
                    (rc == JSK_ERR_BUFFER_TOO_SMALL && cap < resolved + 1U));
    }
    free(out);
}

static void check_bytes(int alg, size_t nbytes, int encoding, unsigned slack)
{
    size_t resolved = 777, need, cap, out_len = 99;
    char *out;
    int rc = jsk_generate_size(&resolved, alg, nbytes);

    if (rc != JSK_OK) {
        FUZZ_ASSERT(resolved == 0);
        FUZZ_ASSERT(rc == JSK_ERR_UNKNOWN_ALG || rc == JSK_ERR_OUT_OF_RANGE || rc == JSK_ERR_KEY_TOO_SHORT);
        resolved = 32;
    } else {
        FUZZ_ASSERT(resolved >= 1 && resolved <= JSK_GENERATE_BYTES_MAX && resolved >= jsk_alg_key_bytes(alg));
        FUZZ_ASSERT(nbytes == 0 || resolved == nbytes);
    }
    need = jsk_encoded_len(resolved, encoding);
    cap = need == 0 ? 64 : slack == 0 ? need - 1U : need + (slack & 7U);
    out = fuzz_alloc(cap);
    rc = jsk_generate(out, cap, &out_len, alg, nbytes, encoding);
    if (rc == JSK_OK) {
        uint8_t *back = fuzz_alloc(resolved);
        size_t back_len = 0;
        FUZZ_ASSERT(need > 0 && cap >= need && out_len == need - 1U && out[out_len] == '\0');
        FUZZ_ASSERT(jsk_decode(back, resolved, &back_len, out, out_len, encoding) == JSK_OK && back_len == resolved);
        free(back);
    } else {
        FUZZ_ASSERT(out_len == 0);
        FUZZ_ASSERT(rc == JSK_ERR_UNKNOWN_ALG || rc == JSK_ERR_OUT_OF_RANGE || rc == JSK_ERR_KEY_TOO_SHORT ||
                    rc == JSK_ERR_UNKNOWN_FORMAT || (rc == JSK_ERR_BUFFER_TOO_SMALL && cap < need));
    }
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int ALGS[5] = {JSK_ALG_UNSET, JSK_ALG_HS256, JSK_ALG_HS384, JSK_ALG_HS512, 7};
    int alg;
    size_t length;
    char *alphabet;

    if (size < 5) {
        return 0;
    }
    alg = ALGS[data[0] % 5];
    length = ((size_t)data[1] | (size_t)data[2] << 8) % 5000U;
    alphabet = (char *)fuzz_copy(data + 5, size - 5);
    check_alphabet(alphabet, size - 5, alg, length, data[3]);
    check_bytes(alg, length, data[4] % 6, data[3]);
    free(alphabet);
    return 0;
}
