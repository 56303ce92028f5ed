/* audit.c — does an HS256/384/512 token's secret appear in a list of candidates? The message part of
 * the inner HMAC hash does not depend on the key, so its schedule is computed once per token; each
 * candidate then costs the key block, the message rounds and the two outer blocks. Candidates go
 * through LANES at a time as vectors (GCC/clang vector extensions): WASM SIMD128 or SSE/AVX when the
 * build enables them, plain interleaved scalar code otherwise. */
#include <string.h>

#include "jsk.h"
#include "sha2_internal.h"

#define LANES 4

typedef uint32_t v32 __attribute__((vector_size(4 * LANES)));
typedef uint64_t v64 __attribute__((vector_size(8 * LANES)));

/* ------------------------------------------------------------------ preparing */

int jsk_audit_init(jsk_audit *a, const char *token, size_t len)
{
    jsk_jws jws;
    uint8_t block[128];
    size_t bs, total, nblocks, b, k, i;
    int rc;

    if (a == NULL || (token == NULL && len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    memset(a, 0, sizeof *a);
    if ((rc = jsk_audit_token_check(token, len)) != JSK_OK || (rc = jsk_jws_parse(&jws, token, len)) != JSK_OK) {
        return rc;
    }
    a->alg = jws.alg;
    a->tag_len = jws.tag_len;
    memcpy(a->tag, jws.tag, jws.tag_len);
    bs = jws.alg == JSK_ALG_HS256 ? 64U : 128U;
    /* The inner hash input is key block || signing input || padding: schedule the blocks after the key. */
    total = bs + jws.signing_input_len;
    nblocks = (jws.signing_input_len + (bs == 64 ? 9U : 17U) + bs - 1U) / bs;
    a->nblocks = (uint32_t)nblocks;
    for (b = 0; b < nblocks; b++) {
        memset(block, 0, sizeof block);
        for (k = 0; k < bs; k++) {
            size_t pos = b * bs + k;
            if (pos < jws.signing_input_len) {
                block[k] = (uint8_t)token[pos];
            } else if (pos == jws.signing_input_len) {
                block[k] = 0x80;
            }
        }
        if (b == nblocks - 1) {
            uint64_t bits = (uint64_t)total * 8U;
            for (k = 0; k < 8; k++) {
                block[bs - 1 - k] = (uint8_t)(bits >> (8 * k));
            }
        }
        if (bs == 64) {
            uint32_t *w = a->sched.w256[b];
            for (i = 0; i < 16; i++) {
                w[i] = ((uint32_t)block[4 * i] << 24) | ((uint32_t)block[4 * i + 1] << 16) | ((uint32_t)block[4 * i + 2] << 8) | block[4 * i + 3];
            }
            for (i = 16; i < 64; i++) {
                uint32_t x = w[i - 15], y = w[i - 2];
                uint32_t s0 = ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3);
                uint32_t s1 = ((y >> 17) | (y << 15)) ^ ((y >> 19) | (y << 13)) ^ (y >> 10);
                w[i] = w[i - 16] + s0 + w[i - 7] + s1;
            }
            for (i = 0; i < 64; i++) {
                w[i] += jsk_sha256_k[i]; /* stored as K[i] + W[i]: one add per round saved */
            }
        } else {
            uint64_t *w = a->sched.w512[b];
            for (i = 0; i < 16; i++) {
                uint64_t v = 0;
                for (k = 0; k < 8; k++) {
                    v = (v << 8) | block[8 * i + k];
                }
                w[i] = v;
            }
            for (i = 16; i < 80; i++) {
                uint64_t x = w[i - 15], y = w[i - 2];
                uint64_t s0 = ((x >> 1) | (x << 63)) ^ ((x >> 8) | (x << 56)) ^ (x >> 7);
                uint64_t s1 = ((y >> 19) | (y << 45)) ^ ((y >> 61) | (y << 3)) ^ (y >> 6);
                w[i] = w[i - 16] + s0 + w[i - 7] + s1;
            }
            for (i = 0; i < 80; i++) {
                w[i] += jsk_sha512_k[i];
            }
        }
    }
    jsk_wipe(&jws, sizeof jws);
    return JSK_OK;
}

/* ---------------------------------------------------------------- SHA-256 x LANES */

#define R32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
/* Ch and Maj as bit selects: one v128.bitselect each in WebAssembly (Maj(a,b,c) = a^b ? c : a). */
#define CH(e, f, g) (((e) & (f)) | (~(e) & (g)))
#define MAJ(a, b, c) (((a) & (b)) | ((c) & ((a) ^ (b))))
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define CH32(e, f, g) ((v32)wasm_v128_bitselect((v128_t)(f), (v128_t)(g), (v128_t)(e)))
#define MAJ32(a, b, c) ((v32)wasm_v128_bitselect((v128_t)(c), (v128_t)(a), (v128_t)((a) ^ (b))))
#else
#define CH32 CH
#define MAJ32 MAJ
#endif

/* One round, written for rotated names: eight in a row need no register moves. kw = K[i] + W[i]. */
#define RND256(a, b, c, d, e, f, g, h, kw)                                                 \
    do {                                                                                   \
        v32 t1_ = h + (R32(e, 6) ^ R32(e, 11) ^ R32(e, 25)) + CH32(e, f, g) + (kw);        \
        d += t1_;                                                                          \
        h = t1_ + (R32(a, 2) ^ R32(a, 13) ^ R32(a, 22)) + MAJ32(a, b, c);                  \
    } while (0)

#define ROUNDS256(KW)                                                                      \
    do {                                                                                   \
        v32 a = st[0], b = st[1], c = st[2], d = st[3], e = st[4], f = st[5], g = st[6], h = st[7]; \
        for (int r_ = 0; r_ < 64; r_ += 8) {                                               \
            RND256(a, b, c, d, e, f, g, h, KW(r_));                                         \
            RND256(h, a, b, c, d, e, f, g, KW(r_ + 1));                                     \
            RND256(g, h, a, b, c, d, e, f, KW(r_ + 2));                                     \
            RND256(f, g, h, a, b, c, d, e, KW(r_ + 3));                                     \
            RND256(e, f, g, h, a, b, c, d, KW(r_ + 4));                                     \
            RND256(d, e, f, g, h, a, b, c, KW(r_ + 5));                                     \
            RND256(c, d, e, f, g, h, a, b, KW(r_ + 6));                                     \
            RND256(b, c, d, e, f, g, h, a, KW(r_ + 7));                                     \
        }                                                                                  \
        st[0] += a; st[1] += b; st[2] += c; st[3] += d; st[4] += e; st[5] += f; st[6] += g; st[7] += h; \
    } while (0)

/* A block whose schedule is computed here, per lane. */
static void sha256_x(v32 st[8], v32 w[64])
{
    int i;
    for (i = 16; i < 64; i++) {
        w[i] = w[i - 16] + (R32(w[i - 15], 7) ^ R32(w[i - 15], 18) ^ (w[i - 15] >> 3)) + w[i - 7] +
               (R32(w[i - 2], 17) ^ R32(w[i - 2], 19) ^ (w[i - 2] >> 10));
    }
#define KW_LANES(i) (w[i] + jsk_sha256_k[i])
    ROUNDS256(KW_LANES);
#undef KW_LANES
}

/* A message block: the same K[i] + W[i] for every lane, computed once per token. */
static void sha256_x_sched(v32 st[8], const uint32_t *kw)
{
#define KW_SHARED(i) ((v32){0} + kw[i])
    ROUNDS256(KW_SHARED);
#undef KW_SHARED
}

/* ---------------------------------------------------------------- SHA-512 x LANES */

#define R64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

#define RND512(a, b, c, d, e, f, g, h, kw)                                                 \
    do {                                                                                   \
        v64 t1_ = h + (R64(e, 14) ^ R64(e, 18) ^ R64(e, 41)) + CH(e, f, g) + (kw);         \
        d += t1_;                                                                          \
        h = t1_ + (R64(a, 28) ^ R64(a, 34) ^ R64(a, 39)) + MAJ(a, b, c);                   \
    } while (0)

#define ROUNDS512(KW)                                                                      \
    do {                                                                                   \
        v64 a = st[0], b = st[1], c = st[2], d = st[3], e = st[4], f = st[5], g = st[6], h = st[7]; \
        for (int r_ = 0; r_ < 80; r_ += 8) {                                               \
            RND512(a, b, c, d, e, f, g, h, KW(r_));                                         \
            RND512(h, a, b, c, d, e, f, g, KW(r_ + 1));                                     \
            RND512(g, h, a, b, c, d, e, f, KW(r_ + 2));                                     \
            RND512(f, g, h, a, b, c, d, e, KW(r_ + 3));                                     \
            RND512(e, f, g, h, a, b, c, d, KW(r_ + 4));                                     \
            RND512(d, e, f, g, h, a, b, c, KW(r_ + 5));                                     \
            RND512(c, d, e, f, g, h, a, b, KW(r_ + 6));                                     \
            RND512(b, c, d, e, f, g, h, a, KW(r_ + 7));                                     \
        }                                                                                  \
        st[0] += a; st[1] += b; st[2] += c; st[3] += d; st[4] += e; st[5] += f; st[6] += g; st[7] += h; \
    } while (0)

static void sha512_x(v64 st[8], v64 w[80])
{
    int i;
    for (i = 16; i < 80; i++) {
        w[i] = w[i - 16] + (R64(w[i - 15], 1) ^ R64(w[i - 15], 8) ^ (w[i - 15] >> 7)) + w[i - 7] +
               (R64(w[i - 2], 19) ^ R64(w[i - 2], 61) ^ (w[i - 2] >> 6));
    }
#define KW_LANES(i) (w[i] + jsk_sha512_k[i])
    ROUNDS512(KW_LANES);
#undef KW_LANES
}

static void sha512_x_sched(v64 st[8], const uint64_t *kw)
{
#define KW_SHARED(i) ((v64){0} + kw[i])
    ROUNDS512(KW_SHARED);
#undef KW_SHARED
}

/* --------------------------------------------------------------- the lane batch */

static uint32_t be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static uint64_t be64(const uint8_t *p) { return ((uint64_t)be32(p) << 32) | be32(p + 4); }

/* Working memory for one batch, kept by the caller across batches and wiped once at the end:
 * wiping it after every batch of 4 cost more than a quarter of the time. */
typedef struct {
    uint8_t pad[LANES][128];
    v32 w256[64];
    v32 ist256[8], ost256[8];
    v64 w512[80];
    v64 ist512[8], ost512[8];
} lane_ws;

/* HMAC tags of up to LANES keys (each at most a block long) over the prepared message; lane l's tag
 * is compared with the token's, and the first matching lane is returned (or -1). */
static int try_lanes(const jsk_audit *a, lane_ws *ws, const uint8_t *const keys[LANES], const size_t key_lens[LANES],
                     int lanes)
{
    int l, i, found = -1;
    uint32_t b;

    if (a->alg == JSK_ALG_HS256) {
        v32 *ist = ws->ist256, *ost = ws->ost256, *w = ws->w256;
        uint8_t(*pad)[128] = ws->pad;
        for (l = 0; l < LANES; l++) {
            memset(pad[l], 0, 64);
            if (l < lanes) {
                memcpy(pad[l], keys[l], key_lens[l]);
            }
        }
        for (i = 0; i < 8; i++) {
            ist[i] = ost[i] = (v32){0} + jsk_sha256_iv[i];
        }
        /* key ^ ipad, then the message blocks with their precomputed schedules */
        v32 key[16];
        for (i = 0; i < 16; i++) {
            for (l = 0; l < LANES; l++) {
                key[i][l] = be32(pad[l] + 4 * i);
            }
            w[i] = key[i] ^ 0x36363636U;
        }
        sha256_x(ist, w);
        for (b = 0; b < a->nblocks; b++) {
            sha256_x_sched(ist, a->sched.w256[b]);
        }
        /* key ^ opad, then inner digest || padding (the outer input is 64 + 32 bytes) */
        for (i = 0; i < 16; i++) {
            w[i] = key[i] ^ 0x5c5c5c5cU;
            key[i] = (v32){0};
        }
        sha256_x(ost, w);
        for (i = 0; i < 8; i++) {
            w[i] = ist[i];
        }
        w[8] = (v32){0} + 0x80000000U;
        for (i = 9; i < 15; i++) {
            w[i] = (v32){0};
        }
        w[15] = (v32){0} + (uint32_t)((64 + 32) * 8);
        sha256_x(ost, w);
        /* The tag is public (it is in the token): no need for a constant-time compare here. A
         * first-word test rejects almost every lane at once. */
        for (l = 0; l < lanes && found < 0; l++) {
            if (ost[0][l] != be32(a->tag)) {
                continue;
            }
            for (i = 1; i < 8 && ost[i][l] == be32(a->tag + 4 * i); i++) {
            }
            if (i == 8) {
                found = l;
            }
        }
    } else {
        v64 *ist = ws->ist512, *ost = ws->ost512, *w = ws->w512;
        uint8_t(*pad)[128] = ws->pad;
        const uint64_t *iv = a->alg == JSK_ALG_HS384 ? jsk_sha384_iv : jsk_sha512_iv;
        size_t out = a->alg == JSK_ALG_HS384 ? 48U : 64U;
        for (l = 0; l < LANES; l++) {
            memset(pad[l], 0, 128);
            if (l < lanes) {
                memcpy(pad[l], keys[l], key_lens[l]);
            }
        }
        for (i = 0; i < 8; i++) {
            ist[i] = ost[i] = (v64){0} + iv[i];
        }
        v64 key[16];
        for (i = 0; i < 16; i++) {
            for (l = 0; l < LANES; l++) {
                key[i][l] = be64(pad[l] + 8 * i);
            }
            w[i] = key[i] ^ 0x3636363636363636ULL;
        }
        sha512_x(ist, w);
        for (b = 0; b < a->nblocks; b++) {
            sha512_x_sched(ist, a->sched.w512[b]);
        }
        for (i = 0; i < 16; i++) {
            w[i] = key[i] ^ 0x5c5c5c5c5c5c5c5cULL;
            key[i] = (v64){0};
        }
        sha512_x(ost, w);
        /* inner digest (48 or 64 bytes) || 0x80 || zeros || length of 128 + out bytes */
        for (i = 0; i < 16; i++) {
            w[i] = (v64){0};
        }
        for (i = 0; i < (int)(out / 8); i++) {
            w[i] = ist[i];
        }
        w[out / 8] = (v64){0} + 0x8000000000000000ULL;
        w[15] = (v64){0} + (uint64_t)((128 + out) * 8);
        sha512_x(ost, w);
        for (l = 0; l < lanes && found < 0; l++) {
            if (ost[0][l] != be64(a->tag)) {
                continue;
            }
            for (i = 1; i < (int)(out / 8) && ost[i][l] == be64(a->tag + 8 * i); i++) {
            }
            if (i == (int)(out / 8)) {
                found = l;
            }
        }
    }
    return found;
}

/* A candidate longer than a block is replaced by its hash (RFC 2104), checked on its own. */
static int try_long(const jsk_audit *a, lane_ws *ws, const uint8_t *key, size_t len)
{
    uint8_t tag[64];
    int ok;
    if (jsk_hash(tag, sizeof tag, a->alg, key, len) != JSK_OK) {
        return 0;
    }
    {
        const uint8_t *keys[LANES] = {tag};
        size_t lens[LANES] = {jsk_alg_key_bytes(a->alg)};
        ok = try_lanes(a, ws, keys, lens, 1) == 0;
    }
    jsk_wipe(tag, sizeof tag);
    return ok;
}

int jsk_audit_lines(jsk_audit *a, size_t *found_offset, size_t *found_len, size_t *consumed, const uint8_t *buf,
                    size_t len, int final)
{
    const uint8_t *keys[LANES];
    size_t lens[LANES], offs[LANES], pos = 0, bs;
    int n = 0, result = 0;
    lane_ws ws;

    if (a == NULL || consumed == NULL || found_offset == NULL || found_len == NULL || (buf == NULL && len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (jsk_alg_key_bytes(a->alg) == 0) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    bs = a->alg == JSK_ALG_HS256 ? 64U : 128U;
    *consumed = 0;
    for (;;) {
        const uint8_t *nl = pos < len ? memchr(buf + pos, '\n', len - pos) : NULL;
        size_t end, line_len;
        int have = nl != NULL || (final && pos < len);
        if (have) {
            end = nl != NULL ? (size_t)(nl - buf) : len;
            line_len = end - pos;
            if (nl != NULL && line_len > 0 && buf[end - 1] == '\r') {
                line_len--; /* "\r\n" ends a line too: only the terminator goes */
            }
            if (line_len > bs) {
                if (n == 0) {
                    a->tried++; /* counted when tried: with a batch pending it comes back after it */
                }
                if (n == 0 && try_long(a, &ws, buf + pos, line_len)) {
                    *found_offset = pos;
                    *found_len = line_len;
                    *consumed = nl != NULL ? end + 1 : end;
                    result = 1;
                    break;
                }
                if (n > 0) {
                    /* Finish the batch first so the list order is kept; this line comes again. */
                    have = 0;
                } else {
                    pos = nl != NULL ? end + 1 : end;
                    *consumed = pos;
                    continue;
                }
            } else {
                keys[n] = buf + pos;
                lens[n] = line_len;
                offs[n] = pos;
                n++;
                pos = nl != NULL ? end + 1 : end;
            }
        }
        if (n == LANES || (!have && n > 0)) {
            int hit = try_lanes(a, &ws, keys, lens, n);
            a->tried += (uint64_t)(hit >= 0 ? hit + 1 : n);
            if (hit >= 0) {
                *found_offset = offs[hit];
                *found_len = lens[hit];
                *consumed = offs[hit] + lens[hit];
                /* step over the terminator of the found line */
                if (*consumed < len && buf[*consumed] == '\r') {
                    (*consumed)++;
                }
                if (*consumed < len && buf[*consumed] == '\n') {
                    (*consumed)++;
                }
                result = 1;
                break;
            }
            *consumed = pos;
            n = 0;
            continue;
        }
        if (!have) {
            break;
        }
    }
    if (result == 0) {
        *consumed = pos;
    }
    jsk_wipe(&ws, sizeof ws);
    return result;
}

/* For bindings (the WASM glue): the context's size, and the counter as a double (no 64-bit return). */
size_t jsk_audit_sizeof(void) { return sizeof(jsk_audit); }
double jsk_audit_tried(const jsk_audit *audit) { return audit == NULL ? 0.0 : (double)audit->tried; }
