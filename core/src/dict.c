/* dict.c — the analyzer's dictionary: the compiled-in word lists (front-coded, then entropy-coded)
 * decoded once into a caller-owned workspace, with an open-addressing hash table for lookups by (hash, text). */
#include <string.h>

#include "dict_internal.h"
#include "jsk.h"
#include "strength_data.h"

static uint32_t slot_count(void)
{
    uint32_t n = 1024;
    while (n < 2U * jsk_dict_word_count) {
        n <<= 1;
    }
    return n;
}

/* ------------------------------------------------------------------ the word lists' decoder
 * The lists are entropy-coded by scripts/cm-pack.mjs: a binary arithmetic coder driven by a
 * context-mixing model. Each bit is predicted from CM_INPUTS contexts of its byte, each hashed with
 * the bits of the byte seen so far to one 16-bit counter (12-bit probability, 4-bit count) of a
 * table (a counter a bit, not a block a context, so that rare contexts take little of it); a mixer
 * weighs the counters' stretched probabilities and a bias in the logistic domain, with one weight
 * set per kind of byte and bits of the byte seen so far. This is its decoder, integer for integer;
 * the model's state lives where the hash table and the digests will be, until the words are
 * decoded. */
#define CM_COUNTERS 300000U
#define CM_INPUTS 5
#define CM_KINDS 5
#define CM_W (CM_INPUTS + 1) /* weights a set: the inputs, then a bias */
#define CM_BIAS 256
#define CM_SETS 784U /* the mixer's weight sets: kinds by bits seen (c0 < 256, 256, 128, 128, 16) */
/* The counters, the stretch table, the mixer's weights: 612 KiB, over the hash table's region and
 * the digests' (table_region), which took 520 KiB and 94 KiB before, so the workspace does not grow. */
#define CM_STATE_LEN ((size_t)CM_COUNTERS * 2U + 4096U * 2U + (size_t)CM_SETS * CM_W * 4U)

typedef struct {
    uint16_t *t;
    int16_t *stretch;
    int32_t *w;
    uint32_t x1, x2, x;
    size_t pos;
} cm_t;

static int squash(int d)
{
    static const int16_t sq[33] = {1,    2,    3,    6,    10,   16,   27,   45,   73,   120,  194,
                                   310,  488,  747,  1101, 1546, 2047, 2549, 2994, 3348, 3607, 3785,
                                   3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094};
    int w, i;
    if (d > 2047) {
        return 4095;
    }
    if (d < -2047) {
        return 1;
    }
    w = d & 127;
    i = (d >> 7) + 16;
    return (sq[i] * (128 - w) + sq[i + 1] * w + 64) >> 7;
}

static uint32_t h2(uint32_t a, uint32_t b) { return (a ^ ((b + 0x3c6ef372U) * 0x2545f491U)) * 0x9e3779b1U; }
static uint32_t hash2(uint32_t a, uint32_t b) { return h2(h2(0x811c9dc5U, a), b); }
static uint32_t hash3(uint32_t a, uint32_t b, uint32_t c) { return h2(hash2(a, b), c); }
static uint32_t hash4(uint32_t a, uint32_t b, uint32_t c, uint32_t d) { return h2(hash3(a, b, c), d); }

static uint8_t cm_next(cm_t *m) { return m->pos < jsk_dict_blob_size ? jsk_dict_blob[m->pos++] : 0; }

static void cm_init(cm_t *m, void *state)
{
    int x, pi = 0, i;
    m->t = (uint16_t *)state;
    m->stretch = (int16_t *)(m->t + CM_COUNTERS);
    m->w = (int32_t *)(void *)(m->stretch + 4096);
    for (i = 0; i < (int)CM_COUNTERS; i++) {
        m->t[i] = 0x8000U;
    }
    for (x = -2047; x <= 2047; x++) {
        int v = squash(x);
        for (i = pi; i <= v; i++) {
            m->stretch[i] = (int16_t)x;
        }
        pi = v + 1;
    }
    for (i = pi; i < 4096; i++) {
        m->stretch[i] = 2047;
    }
    for (i = 0; i < (int)CM_SETS * CM_W; i++) {
        m->w[i] = 16384;
    }
    m->x1 = 0;
    m->x2 = 0xFFFFFFFFU;
    m->x = 0;
    m->pos = 0;
    for (i = 0; i < 4; i++) {
        m->x = (m->x << 8) | cm_next(m);
    }
}

/* One byte of bits bits, MSB first, predicted from ctx[] (0: no context); kind chooses the weights. */
static uint8_t cm_byte(cm_t *m, int kind, const uint32_t ctx[CM_INPUTS], unsigned bits)
{
    /* A counter moves 1/(n + 1.5) of the way for its first uses, then 1/16.5: 65536 / (n + 1.5). */
    static const int32_t rate[16] = {43690, 26214, 18724, 14563, 11915, 10082, 8738, 7710,
                                     6898,  6241,  5698,  5242,  4854,  4519,  4228, 3971};
    static const uint16_t sets[CM_KINDS] = {0, 256, 512, 640, 768}; /* then + c0 */
    uint32_t idx[CM_INPUTS];
    int32_t st[CM_W];
    unsigned c0 = 1;
    int i;
    st[CM_INPUTS] = CM_BIAS;
    while (c0 < (1U << bits)) {
        int32_t *w = m->w + (sets[kind] + c0) * CM_W;
        int64_t dot = 0;
        int pr, y, err;
        uint32_t xmid;
        /* A context's counter for this bit: the context hashed with the bits so far (c0, with a
         * leading 1), scaled to the table. */
        for (i = 0; i < CM_INPUTS; i++) {
            uint32_t h = (ctx[i] + c0 * 0x2545f491U) * 0x9e3779b1U;
            idx[i] = (uint32_t)(((uint64_t)h * CM_COUNTERS) >> 32);
            st[i] = ctx[i] == 0 ? 0 : m->stretch[m->t[idx[i]] >> 4];
        }
        for (i = 0; i < CM_W; i++) {
            dot += (int64_t)w[i] * st[i];
        }
        dot >>= 16;
        pr = squash(dot < -2047 ? -2047 : dot > 2047 ? 2047 : (int)dot);
        xmid = m->x1 + ((m->x2 - m->x1) >> 12) * (uint32_t)pr;
        y = m->x <= xmid;
        if (y) {
            m->x2 = xmid;
        } else {
            m->x1 = xmid + 1U;
        }
        err = ((y << 12) - pr) * 48;
        for (i = 0; i < CM_W; i++) {
            w[i] += (st[i] * err + 0x8000) >> 16;
        }
        for (i = 0; i < CM_INPUTS; i++) {
            int v, n, p;
            if (ctx[i] == 0) {
                continue;
            }
            v = m->t[idx[i]];
            n = v & 15;
            p = v >> 4;
            p += (((y << 12) - p) * rate[n]) >> 16;
            m->t[idx[i]] = (uint16_t)((p << 4) | (n < 15 ? n + 1 : 15));
        }
        c0 = (c0 << 1) | (unsigned)y;
        while (((m->x1 ^ m->x2) & 0xFF000000U) == 0) {
            m->x1 <<= 8;
            m->x2 = (m->x2 << 8) | 255U;
            m->x = (m->x << 8) | cm_next(m);
        }
    }
    return (uint8_t)(c0 - (1U << bits));
}

/* One word (or line), front-coded against the previous one: the shared prefix's length, the rest,
 * a 0 byte; ASCII, 7 bits a byte. At most room bytes are written to w; 0 when it decoded, -1 when it did not fit. */
static int decode_word(cm_t *m, uint32_t list, const char *prev, size_t prev_len, uint32_t prevp, char *w, size_t room,
                       size_t *out_len, uint32_t *out_p)
{
    uint32_t ctx[CM_INPUTS] = {0}, p;
    size_t len;
    /* The prefix length: from the previous word's, its length, the letter after its prefix, its last letter. */
    ctx[0] = hash3(3, list, prevp);
    ctx[1] = hash3(4, prevp, (uint32_t)prev_len);
    ctx[2] = hash3(30, prevp, prevp < prev_len ? (uint8_t)prev[prevp] : 0U);
    ctx[3] = hash3(6, list, (uint32_t)prev_len);
    ctx[4] = hash3(31, (uint32_t)prev_len, prev_len > 0 ? (uint8_t)prev[prev_len - 1] : 0U);
    p = cm_byte(m, 1, ctx, 7);
    if (p > prev_len || p > room) {
        return -1;
    }
    if (p > 0) {
        memcpy(w, prev, p);
    }
    for (len = p;;) {
        uint32_t c1 = len >= 1 ? (uint8_t)w[len - 1] : 0, c2 = len >= 2 ? (uint8_t)w[len - 2] : 0;
        uint32_t c3 = len >= 3 ? (uint8_t)w[len - 3] : 0, first = len == p;
        uint32_t pc = len < prev_len ? (uint8_t)prev[len] : 0;
        uint8_t c;
        /* Orders 1 to 3, and the previous word's letter here (pc), which the first letter after
         * the shared prefix follows in sorted order. */
        ctx[0] = hash3(7, list, c1);
        ctx[1] = hash3(8, c2, c1);
        ctx[2] = first ? hash3(27, (uint32_t)len, pc) : hash4(29, c3, c2, c1);
        ctx[3] = hash4(10, first, pc, c1);
        ctx[4] = hash3(33, (uint32_t)len, first ? pc : 255U);
        c = cm_byte(m, 2 + (int)first, ctx, 7);
        if (c == 0) {
            break;
        }
        if (len >= 255 || len >= room) {
            return -1;
        }
        w[len++] = (char)c;
    }
    *out_len = len;
    *out_p = p;
    return 0;
}

/* Word n, just decoded at words + *chars: its entry, list and rank bucket, and its length. */
static void add_entry(jsk_dict *dict, uint32_t *entries, uint8_t *info, uint32_t n, size_t *chars, size_t len,
                      uint32_t list, uint32_t bucket)
{
    entries[n] = (uint32_t)(*chars << 8) | (uint32_t)len;
    info[n] = (uint8_t)((list << 5) | (bucket & 31U));
    if (len < 128) {
        dict->lengths[len >> 3] |= (uint8_t)(1U << (len & 7U));
    }
    *chars += len;
}

/* The region that holds the hash table; the decoder's state spans it and the digests' region after
 * it (the digests are computed once the words are decoded). A multiple of 8, for the digests. */
static size_t table_region(void)
{
    size_t t = (size_t)slot_count() * 4U, digests = (size_t)jsk_digest_word_count * JSK_DIGEST_KINDS * 8U;
    size_t state = CM_STATE_LEN > digests ? (CM_STATE_LEN - digests + 7U) & ~(size_t)7U : 0;
    return t > state ? t : state;
}

size_t jsk_dict_sizeof(void) { return sizeof(jsk_dict); }

size_t jsk_dict_workspace_len(void)
{
    return table_region() + (size_t)jsk_digest_word_count * JSK_DIGEST_KINDS * 8U + (size_t)jsk_dict_word_count * 5U + JSK_NGRAM_LEN +
           jsk_jwt_defaults_size + jsk_digest_extra_size + jsk_dict_char_count + 8U;
}

int jsk_dict_init(jsk_dict *dict, void *workspace, size_t workspace_len)
{
    uint32_t slots = slot_count(), n = 0, i;
    uint32_t *table, *entries;
    uint8_t *info, *ngram;
    char *words, *defaults, *extra;
    uint64_t *digests;
    size_t chars = 0, dlen = 0, nd = 0;
    cm_t m;
    int a, b, x;

    if (dict == NULL || workspace == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (workspace_len < jsk_dict_workspace_len() || ((uintptr_t)workspace & 3U) != 0) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    memset(dict, 0, sizeof *dict);
    table = (uint32_t *)workspace;
    digests = (uint64_t *)(void *)((uint8_t *)workspace + table_region() + ((uintptr_t)workspace & 4U)); /* 8-aligned */
    entries = (uint32_t *)(void *)(digests + (size_t)jsk_digest_word_count * JSK_DIGEST_KINDS);
    info = (uint8_t *)(entries + jsk_dict_word_count);
    ngram = info + jsk_dict_word_count;
    defaults = (char *)(ngram + JSK_NGRAM_LEN);
    extra = defaults + jsk_jwt_defaults_size;
    words = extra + jsk_digest_extra_size;

    cm_init(&m, workspace);
    while (n < jsk_dict_word_count - jsk_dict_jwt_count) {
        /* Section: list, rank bucket, count (little-endian 16 bits); then its words, front-coded. */
        uint8_t head[4], list, bucket;
        uint32_t count, prevp = 0;
        size_t prev_len = 0;
        const char *prev = NULL;
        for (i = 0; i < 4; i++) {
            uint32_t ctx[CM_INPUTS] = {0};
            ctx[0] = hash2(1, i);
            ctx[1] = hash3(2, i, i > 0 ? head[i - 1] : 0);
            head[i] = cm_byte(&m, 0, ctx, 8);
        }
        list = head[0];
        bucket = head[1];
        count = (uint32_t)head[2] | ((uint32_t)head[3] << 8);
        if (count == 0 || count > jsk_dict_word_count - jsk_dict_jwt_count - n) {
            return JSK_ERR_INVALID_ARGUMENT;
        }
        for (i = 0; i < count; i++) {
            uint32_t p;
            size_t len;
            char *w = words + chars;
            if (decode_word(&m, list, prev, prev_len, prevp, w, jsk_dict_char_count - chars, &len, &p) != 0) {
                return JSK_ERR_INVALID_ARGUMENT;
            }
            add_entry(dict, entries, info, n++, &chars, len, list, bucket);
            prev = w;
            prev_len = len;
            prevp = p;
        }
    }
    /* Then the letter trigram model's costs, from their neighbours, from (b, x) across every a, and
     * from the highest cost of the row so far (x > 0: the row's cost of an unseen letter). */
    for (a = 0; a < JSK_NGRAM_SYMBOLS; a++) {
        for (b = 0; b < JSK_NGRAM_SYMBOLS; b++) {
            uint32_t top = 0;
            for (x = 0; x < JSK_NGRAM_SYMBOLS; x++) {
                uint8_t *v = ngram + (a * JSK_NGRAM_SYMBOLS + b) * JSK_NGRAM_SYMBOLS + x;
                uint32_t ctx[CM_INPUTS], left = x > 0 ? v[-1] : 16U;
                uint32_t up = a > 0 ? v[-JSK_NGRAM_SYMBOLS * JSK_NGRAM_SYMBOLS] : 16U;
                ctx[0] = hash3(26, top, (uint32_t)x);
                ctx[1] = hash3(21, up, (uint32_t)x);
                ctx[2] = hash3(22, (uint32_t)b, (uint32_t)x);
                ctx[3] = hash4(23, left, up, b > 0 ? v[-JSK_NGRAM_SYMBOLS] : 16U);
                ctx[4] = hash3(25, top, up);
                *v = cm_byte(&m, 4, ctx, 4);
                if (x > 0 && *v > top) {
                    top = *v;
                }
            }
        }
    }
    /* Last, the curated defaults as printed, one per line (the audit's first candidates), then the
     * extra words whose digests are known constants. */
    for (a = 0; a < 2; a++) {
        char *base = a == 0 ? defaults : extra;
        size_t size = a == 0 ? jsk_jwt_defaults_size : jsk_digest_extra_size, at = 0, prev_len = 0, len;
        uint32_t lines = a == 0 ? jsk_jwt_defaults_count : jsk_digest_extra_count, p, prevp = 0;
        const char *prev = NULL;
        uint32_t tag = 0;
        for (i = 0; i < lines; i++) {
            uint32_t next_tag = 0;
            if (a == 0) { /* 1 + the rank bucket of the line in lowercase as a word of list JWT, or 0 */
                uint32_t ctx[CM_INPUTS] = {0};
                ctx[0] = hash2(13, tag);
                ctx[1] = hash3(14, tag, prevp);
                next_tag = cm_byte(&m, 1, ctx, 8);
            }
            if (decode_word(&m, 8U + (uint32_t)a, prev, prev_len, prevp, base + at, size - at, &len, &p) != 0 ||
                at + len >= size) {
                return JSK_ERR_INVALID_ARGUMENT;
            }
            if (next_tag != 0) {
                size_t k;
                if (n >= jsk_dict_word_count || len > jsk_dict_char_count - chars) {
                    return JSK_ERR_INVALID_ARGUMENT;
                }
                for (k = 0; k < len; k++) {
                    char c = base[at + k];
                    words[chars + k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                }
                add_entry(dict, entries, info, n++, &chars, len, JSK_LIST_JWT, next_tag - 1U);
            }
            tag = next_tag;
            prev = base + at;
            prev_len = len;
            prevp = p;
            at += len;
            base[at++] = '\n';
        }
        if (at != size) {
            return JSK_ERR_INVALID_ARGUMENT;
        }
        dlen = a == 0 ? at : dlen;
    }
    /* The decoder's state, which reaches into the digests' region, is done with: the digests of
     * every line (the defaults as printed, then the extra words), then of the common passwords and
     * words of rank below 256. */
    for (a = 0; a < 2; a++) {
        const char *at = a == 0 ? defaults : extra, *end = at + (a == 0 ? jsk_jwt_defaults_size : jsk_digest_extra_size);
        while (at < end) {
            const char *nl = memchr(at, '\n', (size_t)(end - at));
            if (nl == NULL || nd >= jsk_digest_word_count) {
                return JSK_ERR_INVALID_ARGUMENT;
            }
            jsk_digest_words_add(digests, jsk_digest_word_count, nd++, (const uint8_t *)at, (size_t)(nl - at));
            at = nl + 1;
        }
    }
    for (i = 0; i < n; i++) {
        unsigned list = info[i] >> 5, bucket = info[i] & 31U;
        if ((list == JSK_LIST_PASSWORDS || list == JSK_LIST_ENGLISH) && bucket <= JSK_DIGEST_MAX_BUCKET) {
            if (nd >= jsk_digest_word_count) {
                return JSK_ERR_INVALID_ARGUMENT;
            }
            jsk_digest_words_add(digests, jsk_digest_word_count, nd++, (const uint8_t *)words + (entries[i] >> 8),
                                 entries[i] & 0xFFU);
        }
    }
    if (nd != jsk_digest_word_count) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    for (a = 0; a < (int)JSK_DIGEST_KINDS; a++) {
        jsk_digest_words_sort(digests + (size_t)a * nd, nd);
    }
    /* The decoder's state is done with: the hash table takes its place. */
    memset(table, 0, (size_t)slots * 4U);
    for (i = 0; i < n; i++) {
        uint32_t h = jsk_hash_text((const uint8_t *)words + (entries[i] >> 8), entries[i] & 0xFFU) & (slots - 1U);
        while (table[h] != 0) {
            h = (h + 1U) & (slots - 1U);
        }
        table[h] = i + 1U;
    }
    dict->words = words;
    dict->entries = entries;
    dict->info = info;
    dict->slots = table;
    dict->mask = slots - 1U;
    dict->count = n;
    dict->max_len = jsk_dict_max_len;
    dict->ngram = ngram;
    dict->defaults = defaults;
    dict->defaults_len = dlen;
    dict->digests = digests;
    dict->digest_count = (uint32_t)nd;
    return n == jsk_dict_word_count && chars == jsk_dict_char_count ? JSK_OK : JSK_ERR_INVALID_ARGUMENT;
}

int jsk_dict_find(const jsk_dict *dict, uint32_t hash, size_t len, const uint8_t *text, int reversed,
                  const uint8_t *map)
{
    uint32_t h = hash & dict->mask, idx;

    while ((idx = dict->slots[h]) != 0) {
        uint32_t e = dict->entries[idx - 1U];
        if ((e & 0xFFU) == len) {
            const char *w = dict->words + (e >> 8);
            size_t k;
            for (k = 0; k < len; k++) {
                uint8_t c = reversed ? text[len - 1 - k] : text[k];
                if ((uint8_t)w[k] != map[c]) {
                    break;
                }
            }
            if (k == len) {
                return (int)(idx - 1U);
            }
        }
        h = (h + 1U) & dict->mask;
    }
    return -1;
}
