/* sha2.c — SHA-256, SHA-384 and SHA-512 (FIPS 180-4) with caller-owned contexts, and HMAC
 * (RFC 2104) over them. No allocation; key pads and intermediate state are wiped. */
#include <string.h>

#include "jsk.h"
#include "sha2_internal.h"

static uint32_t load32_be(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static void store32_be(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static uint64_t load64_be(const uint8_t *p) { return ((uint64_t)load32_be(p) << 32) | load32_be(p + 4); }

static void store64_be(uint8_t *p, uint64_t v)
{
    store32_be(p, (uint32_t)(v >> 32));
    store32_be(p + 4, (uint32_t)v);
}

/* ------------------------------------------------------------------ SHA-256 */

/* The round constants and initial values, shared with audit.c (sha2_internal.h). The constants sit
 * in writable memory on purpose: audit.c splats them each round, which V8 runs faster than the
 * constant vectors a compiler would otherwise rebuild every round. Nothing writes them. */
uint32_t jsk_sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

void jsk_sha256_compress(uint32_t state[8], const uint8_t block[64])
{
    uint32_t w[64], a, b, c, d, e, f, g, h, t1, t2;
    int i;

    for (i = 0; i < 16; i++) {
        w[i] = load32_be(block + 4 * i);
    }
    for (i = 16; i < 64; i++) {
        uint32_t s0 = ROR32(w[i - 15], 7) ^ ROR32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR32(w[i - 2], 17) ^ ROR32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = state[0];
    b = state[1];
    c = state[2];
    d = state[3];
    e = state[4];
    f = state[5];
    g = state[6];
    h = state[7];
    for (i = 0; i < 64; i++) {
        t1 = h + (ROR32(e, 6) ^ ROR32(e, 11) ^ ROR32(e, 25)) + ((e & f) ^ (~e & g)) + jsk_sha256_k[i] + w[i];
        t2 = (ROR32(a, 2) ^ ROR32(a, 13) ^ ROR32(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
    jsk_wipe(w, sizeof w);
}

void jsk_sha256_init(jsk_sha256_ctx *ctx)
{
    memcpy(ctx->state, jsk_sha256_iv, sizeof ctx->state);
    ctx->count = 0;
    ctx->used = 0;
}

void jsk_sha256_update(jsk_sha256_ctx *ctx, const uint8_t *in, size_t len)
{
    if (len == 0) {
        return;
    }
    ctx->count += len;
    if (ctx->used > 0) {
        size_t take = 64 - ctx->used < len ? 64 - ctx->used : len;
        memcpy(ctx->buf + ctx->used, in, take);
        ctx->used += take;
        in += take;
        len -= take;
        if (ctx->used < 64) {
            return;
        }
        jsk_sha256_compress(ctx->state, ctx->buf);
        ctx->used = 0;
    }
    while (len >= 64) {
        jsk_sha256_compress(ctx->state, in);
        in += 64;
        len -= 64;
    }
    memcpy(ctx->buf, in, len);
    ctx->used = len;
}

void jsk_sha256_final(jsk_sha256_ctx *ctx, uint8_t out[JSK_SHA256_BYTES])
{
    uint64_t bits = (uint64_t)ctx->count * 8U;
    int i;

    ctx->buf[ctx->used++] = 0x80;
    if (ctx->used > 56) {
        memset(ctx->buf + ctx->used, 0, 64 - ctx->used);
        jsk_sha256_compress(ctx->state, ctx->buf);
        ctx->used = 0;
    }
    memset(ctx->buf + ctx->used, 0, 56 - ctx->used);
    store64_be(ctx->buf + 56, bits);
    jsk_sha256_compress(ctx->state, ctx->buf);
    for (i = 0; i < 8; i++) {
        store32_be(out + 4 * i, ctx->state[i]);
    }
    jsk_wipe(ctx, sizeof *ctx);
}

/* ------------------------------------------------------------------ SHA-512 */

uint64_t jsk_sha512_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};

const uint32_t jsk_sha256_iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
const uint64_t jsk_sha384_iv[8] = {0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL,
                                   0x152fecd8f70e5939ULL, 0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
                                   0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL};
const uint64_t jsk_sha512_iv[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                                   0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                   0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};

#define ROR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

void jsk_sha512_compress(uint64_t state[8], const uint8_t block[128])
{
    uint64_t w[80], a, b, c, d, e, f, g, h, t1, t2;
    int i;

    for (i = 0; i < 16; i++) {
        w[i] = load64_be(block + 8 * i);
    }
    for (i = 16; i < 80; i++) {
        uint64_t s0 = ROR64(w[i - 15], 1) ^ ROR64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ROR64(w[i - 2], 19) ^ ROR64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = state[0];
    b = state[1];
    c = state[2];
    d = state[3];
    e = state[4];
    f = state[5];
    g = state[6];
    h = state[7];
    for (i = 0; i < 80; i++) {
        t1 = h + (ROR64(e, 14) ^ ROR64(e, 18) ^ ROR64(e, 41)) + ((e & f) ^ (~e & g)) + jsk_sha512_k[i] + w[i];
        t2 = (ROR64(a, 28) ^ ROR64(a, 34) ^ ROR64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
    jsk_wipe(w, sizeof w);
}

static void sha512_start(jsk_sha512_ctx *ctx, const uint64_t iv[8], size_t out_bytes)
{
    memcpy(ctx->state, iv, 8 * sizeof iv[0]);
    ctx->count = 0;
    ctx->used = 0;
    ctx->out_bytes = out_bytes;
}

void jsk_sha512_init(jsk_sha512_ctx *ctx)
{
    sha512_start(ctx, jsk_sha512_iv, JSK_SHA512_BYTES);
}

void jsk_sha384_init(jsk_sha512_ctx *ctx)
{
    sha512_start(ctx, jsk_sha384_iv, JSK_SHA384_BYTES);
}

void jsk_sha512_update(jsk_sha512_ctx *ctx, const uint8_t *in, size_t len)
{
    if (len == 0) {
        return;
    }
    ctx->count += len;
    if (ctx->used > 0) {
        size_t take = 128 - ctx->used < len ? 128 - ctx->used : len;
        memcpy(ctx->buf + ctx->used, in, take);
        ctx->used += take;
        in += take;
        len -= take;
        if (ctx->used < 128) {
            return;
        }
        jsk_sha512_compress(ctx->state, ctx->buf);
        ctx->used = 0;
    }
    while (len >= 128) {
        jsk_sha512_compress(ctx->state, in);
        in += 128;
        len -= 128;
    }
    memcpy(ctx->buf, in, len);
    ctx->used = len;
}

void jsk_sha512_final(jsk_sha512_ctx *ctx, uint8_t *out)
{
    uint8_t full[64];
    uint64_t bits = (uint64_t)ctx->count * 8U;
    size_t out_bytes = ctx->out_bytes;
    int i;

    ctx->buf[ctx->used++] = 0x80;
    if (ctx->used > 112) {
        memset(ctx->buf + ctx->used, 0, 128 - ctx->used);
        jsk_sha512_compress(ctx->state, ctx->buf);
        ctx->used = 0;
    }
    memset(ctx->buf + ctx->used, 0, 120 - ctx->used);
    store64_be(ctx->buf + 112, 0); /* the high 64 bits of the 128-bit length: inputs < 2^61 bytes */
    store64_be(ctx->buf + 120, bits);
    jsk_sha512_compress(ctx->state, ctx->buf);
    for (i = 0; i < 8; i++) {
        store64_be(full + 8 * i, ctx->state[i]);
    }
    memcpy(out, full, out_bytes);
    jsk_wipe(full, sizeof full);
    jsk_wipe(ctx, sizeof *ctx);
}

/* ------------------------------------------------------------------- one-shot */

int jsk_hash(uint8_t *out, size_t out_maxlen, int alg, const uint8_t *in, size_t len)
{
    size_t need = jsk_alg_key_bytes(alg);
    if (need == 0) {
        return JSK_ERR_UNKNOWN_ALG;
    }
    if (out == NULL || (in == NULL && len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (out_maxlen < need) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    if (alg == JSK_ALG_HS256) {
        jsk_sha256_ctx c;
        jsk_sha256_init(&c);
        jsk_sha256_update(&c, in, len);
        jsk_sha256_final(&c, out);
    } else {
        jsk_sha512_ctx c;
        if (alg == JSK_ALG_HS384) {
            jsk_sha384_init(&c);
        } else {
            jsk_sha512_init(&c);
        }
        jsk_sha512_update(&c, in, len);
        jsk_sha512_final(&c, out);
    }
    return JSK_OK;
}

/* --------------------------------------------------------------------- HMAC */

int jsk_hmac_init(jsk_hmac_ctx *ctx, int alg, const uint8_t *key, size_t key_len)
{
    uint8_t pad[128];
    size_t block = alg == JSK_ALG_HS256 ? 64U : 128U, i;
    int rc;

    if (ctx == NULL || (key == NULL && key_len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (jsk_alg_key_bytes(alg) == 0) {
        return JSK_ERR_UNKNOWN_ALG;
    }
    memset(pad, 0, sizeof pad);
    /* Keys longer than a block are hashed first (RFC 2104); shorter ones are zero-padded. */
    if (key_len > block) {
        if ((rc = jsk_hash(pad, sizeof pad, alg, key, key_len)) != JSK_OK) {
            return rc;
        }
    } else if (key_len > 0) {
        memcpy(pad, key, key_len);
    }
    ctx->alg = alg;
    for (i = 0; i < block; i++) {
        pad[i] ^= 0x36;
    }
    if (alg == JSK_ALG_HS256) {
        jsk_sha256_init(&ctx->inner.s256);
        jsk_sha256_update(&ctx->inner.s256, pad, block);
    } else {
        (alg == JSK_ALG_HS384 ? jsk_sha384_init : jsk_sha512_init)(&ctx->inner.s512);
        jsk_sha512_update(&ctx->inner.s512, pad, block);
    }
    for (i = 0; i < block; i++) {
        pad[i] ^= 0x36 ^ 0x5c;
    }
    if (alg == JSK_ALG_HS256) {
        jsk_sha256_init(&ctx->outer.s256);
        jsk_sha256_update(&ctx->outer.s256, pad, block);
    } else {
        (alg == JSK_ALG_HS384 ? jsk_sha384_init : jsk_sha512_init)(&ctx->outer.s512);
        jsk_sha512_update(&ctx->outer.s512, pad, block);
    }
    jsk_wipe(pad, sizeof pad);
    return JSK_OK;
}

void jsk_hmac_update(jsk_hmac_ctx *ctx, const uint8_t *in, size_t len)
{
    if (ctx->alg == JSK_ALG_HS256) {
        jsk_sha256_update(&ctx->inner.s256, in, len);
    } else {
        jsk_sha512_update(&ctx->inner.s512, in, len);
    }
}

int jsk_hmac_final(jsk_hmac_ctx *ctx, uint8_t *out, size_t out_maxlen)
{
    uint8_t inner[64];
    size_t n = jsk_alg_key_bytes(ctx->alg);

    if (out_maxlen < n) {
        jsk_wipe(ctx, sizeof *ctx);
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    if (ctx->alg == JSK_ALG_HS256) {
        jsk_sha256_final(&ctx->inner.s256, inner);
        jsk_sha256_update(&ctx->outer.s256, inner, n);
        jsk_sha256_final(&ctx->outer.s256, out);
    } else {
        jsk_sha512_final(&ctx->inner.s512, inner);
        jsk_sha512_update(&ctx->outer.s512, inner, n);
        jsk_sha512_final(&ctx->outer.s512, out);
    }
    jsk_wipe(inner, sizeof inner);
    jsk_wipe(ctx, sizeof *ctx);
    return JSK_OK;
}

int jsk_hmac(uint8_t *out, size_t out_maxlen, int alg, const uint8_t *key, size_t key_len, const uint8_t *msg,
             size_t msg_len)
{
    jsk_hmac_ctx ctx;
    int rc;
    if (out == NULL || (msg == NULL && msg_len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if ((rc = jsk_hmac_init(&ctx, alg, key, key_len)) != JSK_OK) {
        return rc;
    }
    jsk_hmac_update(&ctx, msg, msg_len);
    return jsk_hmac_final(&ctx, out, out_maxlen);
}

int jsk_verify(const uint8_t *a, const uint8_t *b, size_t len)
{
    volatile uint8_t diff = 0;
    size_t i;
    for (i = 0; i < len; i++) {
        diff |= a[i] ^ b[i];
    }
    /* 0 when equal, JSK_MISMATCH (1) otherwise, without a branch on the data: diff - 1 borrows
     * into bit 8 only when diff is 0. */
    return (int)(1U ^ (1U & ((unsigned)(diff - 1U) >> 8)));
}
