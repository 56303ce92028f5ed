/* digest_words.c — the hex MD5, SHA-1 and SHA-256 digests of common words and passwords, computed
 * once by jsk_dict_init from the words it decoded (instead of being stored), and looked up by the
 * analyzer. MD5 and SHA-1 are here only for that: one-shot, over short public words. */
#include <string.h>

#include "dict_internal.h"
#include "jsk.h"

static uint32_t rol(uint32_t x, unsigned n) { return (x << n) | (x >> (32U - n)); }

static void md5_block(uint32_t h[5], const uint8_t *p)
{
    static const uint32_t k[64] = {
        0xd76aa478U, 0xe8c7b756U, 0x242070dbU, 0xc1bdceeeU, 0xf57c0fafU, 0x4787c62aU, 0xa8304613U, 0xfd469501U,
        0x698098d8U, 0x8b44f7afU, 0xffff5bb1U, 0x895cd7beU, 0x6b901122U, 0xfd987193U, 0xa679438eU, 0x49b40821U,
        0xf61e2562U, 0xc040b340U, 0x265e5a51U, 0xe9b6c7aaU, 0xd62f105dU, 0x02441453U, 0xd8a1e681U, 0xe7d3fbc8U,
        0x21e1cde6U, 0xc33707d6U, 0xf4d50d87U, 0x455a14edU, 0xa9e3e905U, 0xfcefa3f8U, 0x676f02d9U, 0x8d2a4c8aU,
        0xfffa3942U, 0x8771f681U, 0x6d9d6122U, 0xfde5380cU, 0xa4beea44U, 0x4bdecfa9U, 0xf6bb4b60U, 0xbebfbc70U,
        0x289b7ec6U, 0xeaa127faU, 0xd4ef3085U, 0x04881d05U, 0xd9d4d039U, 0xe6db99e5U, 0x1fa27cf8U, 0xc4ac5665U,
        0xf4292244U, 0x432aff97U, 0xab9423a7U, 0xfc93a039U, 0x655b59c3U, 0x8f0ccc92U, 0xffeff47dU, 0x85845dd1U,
        0x6fa87e4fU, 0xfe2ce6e0U, 0xa3014314U, 0x4e0811a1U, 0xf7537e82U, 0xbd3af235U, 0x2ad7d2bbU, 0xeb86d391U};
    static const uint8_t r[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};
    uint32_t m[16], a = h[0], b = h[1], c = h[2], d = h[3];
    unsigned i;
    for (i = 0; i < 16; i++) {
        m[i] = (uint32_t)p[4 * i] | ((uint32_t)p[4 * i + 1] << 8) | ((uint32_t)p[4 * i + 2] << 16) |
               ((uint32_t)p[4 * i + 3] << 24);
    }
    for (i = 0; i < 64; i++) {
        uint32_t f, t;
        unsigned g, q = i >> 4;
        if (q == 0) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (q == 1) {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) & 15U;
        } else if (q == 2) {
            f = b ^ c ^ d;
            g = (3 * i + 5) & 15U;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) & 15U;
        }
        t = d;
        d = c;
        c = b;
        b += rol(f + a + k[i] + m[g], r[q * 4 + (i & 3U)]);
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
}

static void sha1_block(uint32_t h[5], const uint8_t *p)
{
    static const uint32_t k[4] = {0x5A827999U, 0x6ED9EBA1U, 0x8F1BBCDCU, 0xCA62C1D6U};
    uint32_t w[80], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    unsigned i;
    for (i = 0; i < 80; i++) {
        w[i] = i < 16 ? ((uint32_t)p[4 * i] << 24) | ((uint32_t)p[4 * i + 1] << 16) | ((uint32_t)p[4 * i + 2] << 8) |
                            (uint32_t)p[4 * i + 3]
                      : rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    }
    for (i = 0; i < 80; i++) {
        uint32_t f = i < 20 ? (b & c) | (~b & d) : i < 40 || i >= 60 ? b ^ c ^ d : (b & c) | (b & d) | (c & d);
        uint32_t t = rol(a, 5) + f + e + k[i / 20] + w[i];
        e = d;
        d = c;
        c = rol(b, 30);
        b = a;
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

/* MD5 (sha1 == 0) or SHA-1 of msg: Merkle-Damgard padding, the length little- or big-endian. */
static void md_hash(uint32_t h[5], int sha1, const uint8_t *msg, size_t len)
{
    static const uint32_t iv[5] = {0x67452301U, 0xEFCDAB89U, 0x98BADCFEU, 0x10325476U, 0xC3D2E1F0U};
    void (*block)(uint32_t *, const uint8_t *) = sha1 ? sha1_block : md5_block;
    uint8_t buf[64];
    uint64_t bits = (uint64_t)len * 8U;
    size_t i, rest;
    memcpy(h, iv, sizeof iv);
    for (i = 0; i + 64 <= len; i += 64) {
        block(h, msg + i);
    }
    rest = len - i;
    memcpy(buf, msg + i, rest);
    buf[rest++] = 0x80;
    if (rest > 56) {
        memset(buf + rest, 0, 64 - rest);
        block(h, buf);
        rest = 0;
    }
    memset(buf + rest, 0, 56 - rest);
    for (i = 0; i < 8; i++) {
        buf[56 + i] = (uint8_t)(bits >> (sha1 ? 56 - 8 * i : 8 * i));
    }
    block(h, buf);
}

/* The first JSK_DIGEST_PREFIX_BITS (36) bits of a digest, as its hex starts. */
static uint64_t prefix36(const uint8_t d[5])
{
    return ((uint64_t)d[0] << 28) | ((uint64_t)d[1] << 20) | ((uint64_t)d[2] << 12) | ((uint64_t)d[3] << 4) | (d[4] >> 4U);
}

void jsk_digest_words_add(uint64_t *out, size_t count, size_t i, const uint8_t *w, size_t len)
{
    uint32_t h[5];
    uint8_t d[32], d64[64];
    jsk_sha256_ctx s;
    jsk_sha512_ctx t;
    unsigned k;
    md_hash(h, 0, w, len);
    for (k = 0; k < 5; k++) {
        d[k] = (uint8_t)(h[k >> 2] >> (8 * (k & 3U)));
    }
    out[i] = prefix36(d);
    md_hash(h, 1, w, len);
    for (k = 0; k < 5; k++) {
        d[k] = (uint8_t)(h[k >> 2] >> (24 - 8 * (k & 3U)));
    }
    out[count + i] = prefix36(d);
    jsk_sha256_init(&s);
    jsk_sha256_update(&s, w, len);
    jsk_sha256_final(&s, d);
    out[2 * count + i] = prefix36(d);
    jsk_sha512_init(&t);
    jsk_sha512_update(&t, w, len);
    jsk_sha512_final(&t, d64);
    out[3 * count + i] = prefix36(d64);
    jsk_wipe(d64, sizeof d64);
}

void jsk_digest_words_sort(uint64_t *v, size_t n)
{
    static const size_t gaps[] = {701, 301, 132, 57, 23, 10, 4, 1};
    size_t g, i, j;
    for (g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
        for (i = gaps[g]; i < n; i++) {
            uint64_t x = v[i];
            for (j = i; j >= gaps[g] && v[j - gaps[g]] > x; j -= gaps[g]) {
                v[j] = v[j - gaps[g]];
            }
            v[j] = x;
        }
    }
}

int jsk_digest_of_word(const jsk_dict *dict, const uint8_t *s, size_t n)
{
    const uint64_t *v;
    uint64_t want = 0;
    size_t lo = 0, hi, k;
    if (dict == NULL || (n != 32 && n != 40 && n != 64 && n != 128)) {
        return 0;
    }
    for (k = 0; k < n; k++) {
        uint8_t c = (uint8_t)(s[k] | 0x20U);
        unsigned x = s[k] >= '0' && s[k] <= '9' ? (unsigned)(s[k] - '0') : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a') + 10U : 16U;
        if (x == 16U) {
            return 0;
        }
        if (k < 9) {
            want = (want << 4) | x;
        }
    }
    v = dict->digests + (n == 32 ? 0 : n == 40 ? 1 : n == 64 ? 2 : 3) * (size_t)dict->digest_count;
    hi = dict->digest_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < want) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < dict->digest_count && v[lo] == want;
}
