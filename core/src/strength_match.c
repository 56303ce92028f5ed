/* strength_match.c — the entropy estimate: the cheapest explanation of a string, found by dynamic
 * programming over pattern matches (dictionary words with case, l33t and reversed variants;
 * repeats; sequences; keyboard walks; dates, times and timestamps; separators), with every
 * unexplained character costing the string's real alphabet. In the manner of zxcvbn, but in log2
 * bits, linear in the input (fixed windows, bounded match lengths), and with no allocation. */
#include <math.h>
#include <string.h>
#ifdef JSK_DEBUG_PATH
#include <stdio.h>
#endif

#include "dict_internal.h"
#include "strength_internal.h"
#include "strength_data.h"
#include "utf8_internal.h"

#define WIN 512           /* characters analysed together; longer input goes window by window */
#define MAX_PERIOD 48     /* longest repeated unit looked for */
#define COPY_DISTANCE 256 /* farthest back a copy of earlier text is looked for */
#define COPY_MIN 4        /* shortest copy: shorter ones are words and chance */
#define MAX_DIGITS 20 /* longest number costed by its digits */
#define MAX_RUN 64        /* longest sequence or keyboard walk considered from one end */
#define MATCH_OVERHEAD 1.0 /* bits an attacker spends on where a pattern sits among others */
#define LOG2_10 3.321928094887362
#define LOG2_50 5.643856189774724
#define REFERENCE_YEAR 2026
#define WINDOW_HISTORY 64

#define WORD_BITS 18.0       /* a word no list here holds: one of about 2^18 in some language's dictionary */
#define HANGUL_WORD_MAX 6  /* syllables: a longer run of Hangul is not one word */
#define WORDLIKE_BITS 4.0    /* per letter: at most this under the trigram model, a token reads as a word */
#define TOKEN_NONE 0xFFFFU

#define WALK_PERIODS 2  /* one stream, or two interleaved */
#define WALK_STEP_MAX 5 /* a walk steps 1 to 5 places forward in its character set */
#define WALK_MIN_LEN 8
#define ROWS 4        /* the qwerty keyboard's rows: digits, top, home, bottom */
#define ROW_MIN_LEN 8

enum { K_BRUTE, K_DICT, K_SEQ, K_REPEAT, K_SPATIAL, K_DATE, K_SEP, K_WORD, K_CONTEXT };

typedef struct {
    float best[WIN + 1];
    uint16_t from[WIN + 1];
    uint8_t kind[WIN + 1];
    uint8_t list[WIN + 1];
    int8_t dir[2][WIN];      /* keyboard direction from s[k-1] to s[k], -1 when not adjacent */
    uint16_t changes[2][WIN]; /* prefix count of direction changes */
    uint16_t shifted[WIN + 1]; /* prefix count of shifted characters (qwerty) */
    uint16_t walk[2][WIN];    /* start of the keyboard walk ending at k */
    uint16_t seq[WIN];        /* start of the arithmetic sequence ending at k */
    uint16_t digits[WIN];     /* length of the digit run ending at k */
    uint16_t token[WIN];      /* start of the word token whose letter ends at byte k, TOKEN_NONE */
    uint16_t letters[WIN + 1]; /* prefix count of letters (code points) in tokens */
    uint16_t ideographs[WIN + 1]; /* prefix count of letters of scripts without word separators */
    uint16_t syllables[WIN + 1];  /* prefix count of Hangul syllables (a script with word separators) */
    float word_cost[WIN + 1]; /* prefix sum of the letters' costs under the model of typed words */
    uint16_t accents[WIN + 1];  /* prefix sum of the bits in word_cost that are accents */
    float walk_cost[WALK_PERIODS][WIN + 1]; /* prefix sums of each character's cost in a walk, by period */
    int8_t row[WIN];               /* the qwerty row of each character, -1 for none */
    uint8_t row_keys[ROWS];        /* keys of each row in the string's character classes */
} window_t;

static double log2_binomial_sum(unsigned n, unsigned kmax)
{
    /* log2(sum_{k=1..kmax} C(n, k)) */
    double c = 1.0, sum = 0.0;
    unsigned k;
    for (k = 1; k <= kmax && k <= n; k++) {
        c = c * (double)(n - k + 1) / (double)k;
        sum += c;
    }
    return sum > 0 ? log2(sum) : 0.0;
}

static int is_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

void jsk_strength_maps(jsk_maps *m)
{
    static const char *const leet_a = "4a@a8b(c{c[c<c3e6g9g1i!i|i0o$s5s7t+t%x2z";
    static const char *const leet_b = "4a@a8b(c{c[c<c3e6g9g1l!i|l0o$s5s7l+t%x2z";
    unsigned c;
    size_t k;
    for (c = 0; c < 256; c++) {
        m->lower[c] = (uint8_t)(is_upper((uint8_t)c) ? c + 32 : c);
    }
    memcpy(m->leet_a, m->lower, 256);
    memcpy(m->leet_b, m->lower, 256);
    for (k = 0; leet_a[k] != '\0'; k += 2) {
        m->leet_a[(uint8_t)leet_a[k]] = (uint8_t)leet_a[k + 1];
        m->leet_b[(uint8_t)leet_b[k]] = (uint8_t)leet_b[k + 1];
    }
}

/* Bits a match of log2_guesses costs: zxcvbn's minimum guesses (10 for one character, 50 for more)
 * and a small overhead for its position among the others. */
static double match_bits(double log2_guesses, size_t len)
{
    double min = len == 1 ? LOG2_10 : LOG2_50;
    return (log2_guesses > min ? log2_guesses : min) + MATCH_OVERHEAD;
}

/* Extra bits for the capitalisation of a dictionary word (zxcvbn's uppercase variations). */
static double case_bits(const uint8_t *s, size_t len)
{
    unsigned up = 0, low = 0;
    size_t k;
    for (k = 0; k < len; k++) {
        up += is_upper(s[k]);
        low += is_lower(s[k]);
    }
    if (up == 0) {
        return 0.0;
    }
    if (low == 0 || (up == 1 && (is_upper(s[0]) || is_upper(s[len - 1])))) {
        return 1.0;
    }
    return log2_binomial_sum(up + low, up < low ? up : low);
}

static unsigned word_list(const jsk_dict *d, int idx) { return d->info[idx] >> 5; }

/* Bits for a dictionary word written as s: its rank (the middle of its bucket [2^b, 2^(b+1))) and
 * its capitalisation. Published secrets and constants are tried as printed, lowercase and uppercase:
 * at most 2 bits of case for those. */
static double word_bits(const jsk_dict *d, int idx, const uint8_t *s, size_t len)
{
    double rank = (double)(d->info[idx] & 31U) + 0.5, cb = case_bits(s, len);
    unsigned list = word_list(d, idx);
    if ((list == JSK_LIST_JWT || list == JSK_LIST_CONSTANTS) && cb > 2.0) {
        cb = 2.0;
    }
    return rank + cb;
}

static int has_length(const jsk_dict *d, size_t len)
{
    return len < 128 && (d->lengths[len >> 3] & (1U << (len & 7U))) != 0;
}

typedef struct {
    const jsk_strength_ctx *cx;
    const uint8_t *s;
    size_t n;
    window_t *w;
} run_t;

static void relax(run_t *r, size_t end, size_t start, double bits, int kind, unsigned list)
{
    window_t *w = r->w;
    double cand = (double)w->best[start] + bits;
    if (bits > r->cx->bf * (double)(end - start) - r->cx->min_saving) {
        return; /* not significant enough to count as a pattern here */
    }
    if (cand < (double)w->best[end]) {
        w->best[end] = (float)cand;
        w->from[end] = (uint16_t)start;
        w->kind[end] = (uint8_t)kind;
        w->list[end] = (uint8_t)list;
    }
}

/* ------------------------------------------------------------------ dictionary */

static void match_dictionary(run_t *r, size_t end)
{
    const jsk_strength_ctx *cx = r->cx;
    const jsk_dict *d = cx->dict;
    const jsk_maps *m = &cx->maps;
    const uint8_t *s = r->s;
    uint32_t hl = 0, ha = 0, hb = 0, hr = 0, pw = 1;
    unsigned sub_a = 0, sub_b = 0, diff_ab = 0;
    size_t i = end, lo = end > d->max_len ? end - d->max_len : 0;

    while (i > lo) {
        uint8_t c = s[--i];
        size_t len = end - i;
        int idx;
        hl = m->lower[c] + JSK_HASH_B * hl;
        ha = m->leet_a[c] + JSK_HASH_B * ha;
        hb = m->leet_b[c] + JSK_HASH_B * hb;
        hr += m->lower[c] * pw;
        pw *= JSK_HASH_B;
        sub_a += m->leet_a[c] != m->lower[c];
        sub_b += m->leet_b[c] != m->lower[c];
        diff_ab += m->leet_a[c] != m->leet_b[c];
        if (len < 2 || !has_length(d, len)) {
            continue;
        }
        if ((idx = jsk_dict_find(d, hl, len, s + i, 0, m->lower)) >= 0) {
            relax(r, end, i, match_bits(word_bits(d, idx, s + i, len), len), K_DICT, word_list(d, idx));
        }
        /* In text read as machine-made, a l33t or reversed variant of a word of 4 letters or fewer
         * is chance: 40 Z85 characters held four ("7E8e", "7Ous", "ma1s", "tW3e") once in 10^6. */
        if (cx->min_saving > 0.0 && len < 5) {
            continue;
        }
        if (sub_a > 0 && (idx = jsk_dict_find(d, ha, len, s + i, 0, m->leet_a)) >= 0) {
            relax(r, end, i, match_bits(word_bits(d, idx, s + i, len) + sub_a, len), K_DICT,
                  word_list(d, idx));
        }
        if (sub_b > 0 && diff_ab > 0 && (idx = jsk_dict_find(d, hb, len, s + i, 0, m->leet_b)) >= 0) {
            relax(r, end, i, match_bits(word_bits(d, idx, s + i, len) + sub_b, len), K_DICT,
                  word_list(d, idx));
        }
        if ((idx = jsk_dict_find(d, hr, len, s + i, 1, m->lower)) >= 0) {
            relax(r, end, i, match_bits(word_bits(d, idx, s + i, len) + 1.0, len), K_DICT,
                  word_list(d, idx));
        }
    }
}

/* ---------------------------------------------------------------------- context */

/* The caller's context words (the project's name...): which one, its case, and nothing more. */
static void match_context(run_t *r, size_t end)
{
    const jsk_strength_ctx *cx = r->cx;
    size_t i, k;
    for (i = 0; i < cx->n_context; i++) {
        size_t len = cx->context_len[i];
        const uint8_t *w = cx->context + cx->context_at[i];
        if (len > end) {
            continue;
        }
        for (k = 0; k < len && cx->maps.lower[r->s[end - len + k]] == cx->maps.lower[w[k]]; k++) {
        }
        if (k == len) {
            relax(r, end, end - len, log2((double)cx->n_context + 1.0) + case_bits(r->s + end - len, len) + MATCH_OVERHEAD,
                  K_CONTEXT, 0);
        }
    }
}

/* ------------------------------------------------------------------- sequences */

static int seq_class(uint8_t c) { return is_lower(c) ? 1 : is_upper(c) ? 2 : is_digit(c) ? 3 : 0; }

static int seq_step(const uint8_t *s, size_t k)
{
    int delta = (int)s[k] - (int)s[k - 1];
    int cls = seq_class(s[k]);
    return (cls != 0 && cls == seq_class(s[k - 1]) && delta != 0 && delta >= -5 && delta <= 5) ? delta : 0;
}

static double sequence_bits(const uint8_t *s, size_t len, int delta)
{
    uint8_t first = s[0];
    double base = (first == 'a' || first == 'A' || first == 'z' || first == 'Z' || first == '0' ||
                   first == '1' || first == '9')
                      ? 4.0
                      : is_digit(first) ? 10.0 : 26.0;
    /* zxcvbn's count, plus the step when it is not 1 (2..5: two more bits). */
    return log2(base * (double)len) + (delta < 0 ? 1.0 : 0.0) + (delta > 1 || delta < -1 ? 2.0 : 0.0);
}

static void match_sequence(run_t *r, size_t end)
{
    size_t j = end - 1, i, lo = r->w->seq[j];
    if (j < 2 || lo + 2 > j) {
        return;
    }
    if (j - lo > MAX_RUN) {
        lo = j - MAX_RUN;
    }
    for (i = lo; i + 2 <= j; i++) {
        relax(r, end, i, match_bits(sequence_bits(r->s + i, end - i, seq_step(r->s, j)), end - i), K_SEQ, 0);
    }
}

/* ------------------------------------------------------- stride and interleaved runs */

/* Counting runs that the character sequence matcher cannot see, as code assistants and tutorials
 * write "random" hex: interleaved counters (1a2b3c4d..., 9f8e7d6c... : p streams, each adding its
 * own constant), counting that wraps around the alphabet (...89abcdef0123...), and counting bytes
 * (000102030405...). A tracker follows one reading (hex digit values mod 16, or each character
 * class on its own: digits mod 10, letters mod 26, or mod 6 between a-f as in hex) and one period. */
#define STRIDE_PERIODS 4
#define STRIDE_TRACKERS (2 * STRIDE_PERIODS + 2)
#define STRIDE_NONE 0x7FFF

typedef struct {
    int16_t d[8];   /* the last differences, by position mod 8 */
    uint16_t start[2];
    uint8_t ok[2];  /* by parity for the byte trackers, [0] otherwise */
} stride_t;

static int hex_value(uint8_t c)
{
    return is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
}

/* Class (1 digit, 2 lower, 3 upper) and index of c in it, 0 for other characters. */
static int class_value(uint8_t c, int *v)
{
    if (is_digit(c)) {
        *v = c - '0';
        return 1;
    }
    if (is_lower(c)) {
        *v = c - 'a';
        return 2;
    }
    if (is_upper(c)) {
        *v = c - 'A';
        return 3;
    }
    return 0;
}

static double delta_bits(int d, int m)
{
    return (d == 1 || d == m - 1) ? 1.0 : (d == 2 || d == m - 2) ? 2.0 : log2((double)m);
}

/* The difference s[j] - s[j - p] in tracker t's reading, and its modulus; STRIDE_NONE when none. */
static int stride_diff(const run_t *r, int t, size_t j, size_t p, int *mod)
{
    const uint8_t *s = r->s;
    if (j < p) {
        return STRIDE_NONE;
    }
    if (t < STRIDE_PERIODS) { /* hex digit values */
        int a = hex_value(s[j]), b = hex_value(s[j - p]);
        *mod = 16;
        return a < 0 || b < 0 ? STRIDE_NONE : (a - b + 16) % 16;
    } else {
        int a, b, ca = class_value(s[j], &a), cb = class_value(s[j - p], &b);
        if (ca == 0 || ca != cb) {
            return STRIDE_NONE;
        }
        *mod = ca == 1 ? 10 : a <= 5 && b <= 5 ? 6 : 26; /* a-f counts round as in hex */
        return (a - b + *mod) % *mod;
    }
}

static void match_stride(run_t *r, size_t end, stride_t *tr)
{
    size_t j = end - 1;
    int t;
    for (t = 0; t < 2 * STRIDE_PERIODS; t++) {
        stride_t *x = &tr[t];
        size_t p = (size_t)(t % STRIDE_PERIODS) + 1U, k;
        int mod = 16, d = stride_diff(r, t, j, p, &mod), all_zero = 1, ok;
        double bits;
        x->d[j % 8] = (int16_t)d;
        ok = d != STRIDE_NONE && j >= 2 * p && x->d[(j - p) % 8] == d;
        if (!ok) {
            x->ok[0] = 0;
            continue;
        }
        if (!x->ok[0]) {
            x->start[0] = (uint16_t)(j - 2 * p);
            x->ok[0] = 1;
        }
        if (end - x->start[0] < 2 * p + 2) {
            continue;
        }
        bits = (double)p * (t < STRIDE_PERIODS ? 4.0 : r->cx->bf) + log2((double)(end - x->start[0])) + 3.0;
        for (k = 0; k < p; k++) {
            int dk = x->d[(j - k) % 8], m = mod;
            if (t >= STRIDE_PERIODS) { /* each stream keeps its class: its own modulus */
                stride_diff(r, t, j - k, p, &m);
            }
            all_zero &= dk == 0;
            bits += delta_bits(dk, m);
        }
        if (!all_zero) { /* constant streams are repeats: the repeat matcher's */
            relax(r, end, x->start[0], match_bits(bits, end - x->start[0]), K_SEQ, 0);
        }
    }
    /* Counting bytes in hex: the 2-digit units ending at j and j - 2 differ by a constant. */
    if (r->cx->hex) {
        stride_t *x = &tr[2 * STRIDE_PERIODS];
        int par = (int)(j & 1U), d = STRIDE_NONE, ok;
        if (j >= 3 && hex_value(r->s[j]) >= 0 && hex_value(r->s[j - 1]) >= 0 && hex_value(r->s[j - 2]) >= 0 &&
            hex_value(r->s[j - 3]) >= 0) {
            int u = hex_value(r->s[j - 1]) * 16 + hex_value(r->s[j]), v = hex_value(r->s[j - 3]) * 16 + hex_value(r->s[j - 2]);
            d = (u - v + 256) % 256;
        }
        x->d[j % 8] = (int16_t)d;
        ok = d != STRIDE_NONE && d != 0 && j >= 5 && x->d[(j - 2) % 8] == d;
        if (!ok) {
            x->ok[par] = 0;
            return;
        }
        if (!x->ok[par]) {
            x->start[par] = (uint16_t)(j - 5);
            x->ok[par] = 1;
        }
        relax(r, end, x->start[par],
              match_bits(8.0 + delta_bits(d, 256) + log2((double)(end - x->start[par])) + 3.0, end - x->start[par]), K_SEQ, 0);
    }
}

/* ---------------------------------------------------------------------- walks */

/* Key generator pages that walk their character set instead of drawing from it. The best known
 * (allkeysgenerator.com's "encryption key", whose keys fill tutorials: "A?D(G+KbPeShVmYq3s6v9y$B&E)
 * H@McQfTjWnZr4u7w!z%C*F-JaNdRgU") lists lowercase, uppercase and digits without look-alikes, then
 * 12 symbols, and writes two interleaved streams that each step about 3 places along that list.
 * WALK_SET is that list in its order, as the published keys show it. A character costs, given the
 * one p places before it: "a step" (15 in 16), then "the same step as one of the last two" (7 in 8,
 * and which one when they differ) or another and which of 5 steps forward; or "a jump" (1 in 16) and then any printable character. The
 * published keys keep their step 19 times in 20, so a 64-character key costs about 60 bits. That is
 * a complete code (its probabilities sum to at most 1), so chance steps in random text save no more
 * than they are likely, and random text, which jumps 12 times in 13, costs more this way than as
 * random characters. */
#define WALK_SAME_BITS 0.285712 /* log2(16/15) + log2(8/7) */
#define WALK_OTHER_BITS 5.414034 /* log2(16/15) + log2(8) + log2(5) */
#define WALK_JUMP_BITS 4.0      /* log2(16), then the character */
static const char WALK_SET[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789!$/%&?*)(-@+";
#define WALK_SET_LEN 66

static int walk_index(uint8_t c)
{
    const char *at = c != 0 ? strchr(WALK_SET, c) : NULL;
    return at != NULL ? (int)(at - WALK_SET) : -1;
}

/* The step from s[k - p] to s[k] along WALK_SET, 0 when either is not in it or k < p. */
static int walk_step(const uint8_t *s, size_t k, size_t p)
{
    int a = walk_index(s[k]), b = k >= p ? walk_index(s[k - p]) : -1;
    return a >= 0 && b >= 0 ? (a - b + WALK_SET_LEN) % WALK_SET_LEN : 0;
}

static double walk_char_bits(const uint8_t *s, size_t k, size_t p)
{
    int d = walk_step(s, k, p);
    if (d >= 1 && d <= WALK_STEP_MAX) {
        /* "the same step" is one of the stream's last two, so a step off its pace and back costs once */
        int last = k >= p ? walk_step(s, k - p, p) : 0, before = k >= 2 * p ? walk_step(s, k - 2 * p, p) : 0;
        if (d == last || d == before) {
            return WALK_SAME_BITS + (last != before && last != 0 && before != 0 ? 1.0 : 0.0);
        }
        return WALK_OTHER_BITS;
    }
    return WALK_JUMP_BITS + (s[k] < 0x80 ? 6.569855608330948 : 8.0); /* log2(95) */
}

static void match_walk(run_t *r, size_t end)
{
    window_t *w = r->w;
    size_t p, i;
    if (r->cx->hex || end < WALK_MIN_LEN) {
        return; /* hex has its own counting runs (match_stride) */
    }
    for (p = 1; p <= WALK_PERIODS; p++) {
        size_t lo = end > MAX_RUN ? end - MAX_RUN : 0;
        for (i = lo; i + WALK_MIN_LEN <= end; i++) {
            /* The first p characters start the streams, as random characters; then which period.
             * A walk that starts with a jump costs more than one that starts after it: skipped. */
            double bits;
            if (w->walk_cost[p - 1][i + p + 1] - w->walk_cost[p - 1][i + p] > (float)WALK_OTHER_BITS) {
                continue;
            }
            bits = (double)p * r->cx->bf + (double)(w->walk_cost[p - 1][end] - w->walk_cost[p - 1][i + p]) + 1.0;
            relax(r, end, i, match_bits(bits, end - i), K_SEQ, 0);
        }
    }
}

/* ----------------------------------------------------------------- row mashes */

/* A hand mash stays on one row of the keyboard ("fdasfkjlsadfkljsdah", "qweqrwetrwy"): which row,
 * then per character 1 in 8 "off the row" (3 bits and any character) or one of the row's keys
 * that the string's classes allow. A complete code, like the walks': random text, which leaves the
 * row 2 times in 3, costs more so. ROW_KEYS lists the qwerty rows, each after a '\n'. */
static const char ROW_KEYS[] = "\n`1234567890-=~!@#$%^&*()_+\nqwertyuiop[]\\QWERTYUIOP{}|\nasdfghjkl;'ASDFGHJKL:\"\nzxcvbnm,./ZXCVBNM<>?";

static void prepare_rows(run_t *r)
{
    window_t *w = r->w;
    unsigned classes = 0;
    size_t k;
    int g = 0;
    const char *c;
    for (k = 0; k < r->n; k++) {
        classes |= 1U << seq_class(r->s[k]);
        c = r->s[k] != '\n' && r->s[k] != 0 ? strchr(ROW_KEYS, r->s[k]) : NULL;
        for (g = 0; c != NULL && c >= ROW_KEYS; c--) {
            g += *c == '\n';
        }
        w->row[k] = (int8_t)(g - 1);
    }
    memset(w->row_keys, 0, sizeof w->row_keys);
    for (g = 0, c = ROW_KEYS; *c != '\0'; c++) {
        g += *c == '\n';
        w->row_keys[g - 1] = (uint8_t)(w->row_keys[g - 1] + ((classes >> seq_class((uint8_t)*c)) & 1U));
    }
}

static void match_rows(run_t *r, size_t end)
{
    window_t *w = r->w;
    int g = w->row[end - 1];
    size_t i = end, lo = end > MAX_RUN ? end - MAX_RUN : 0;
    double bits = 2.0, in; /* which row */
    if (g < 0 || r->cx->hex) {
        return;
    }
    in = 0.192645077942396 + log2((double)w->row_keys[g]); /* log2(8/7), then which key */
    while (i-- > lo) {
        bits += w->row[i] == g ? in : 3.0 + r->cx->bf;
        if (w->row[i] == g && end - i >= ROW_MIN_LEN) {
            relax(r, end, i, match_bits(bits, end - i), K_SPATIAL, 0);
        }
    }
}

/* --------------------------------------------------------------------- repeats */

/* A quick estimate of a repeated unit: the cheapest of brute force, one character, one dictionary
 * word and one sequence. */
static double unit_bits(const run_t *r, const uint8_t *u, size_t p)
{
    const jsk_strength_ctx *cx = r->cx;
    double best = cx->bf * (double)p, b;
    size_t k;
    int idx;

    for (k = 1; k < p && u[k] == u[0]; k++) {
    }
    if (k == p) {
        return cx->bf;
    }
    if (p >= 3 && has_length(cx->dict, p) &&
        (idx = jsk_dict_find(cx->dict, jsk_hash_text_mapped(u, p, cx->maps.lower), p, u, 0, cx->maps.lower)) >= 0) {
        b = word_bits(cx->dict, idx, u, p);
        best = b < best ? b : best;
    }
    if (p >= 3) {
        int delta = seq_step(u, 1);
        for (k = 2; k < p && delta != 0 && seq_step(u, k) == delta; k++) {
        }
        if (delta != 0 && k == p) {
            b = sequence_bits(u, p, delta);
            best = b < best ? b : best;
        }
    }
    return best < LOG2_10 ? LOG2_10 : best;
}

static void match_repeat(run_t *r, size_t end, const uint16_t *runs)
{
    size_t p, found = 0;
    for (p = 1; p <= MAX_PERIOD && p < end && found < 3; p++) {
        size_t copies, start;
        if (runs[p] < p) {
            continue;
        }
        copies = ((size_t)runs[p] + p) / p;
        start = end - copies * p;
        {
            /* The unit costs what the cheapest explanation of its first copy costs, or less. */
            double unit = unit_bits(r, r->s + start, p), first = (double)(r->w->best[start + p] - r->w->best[start]);
            relax(r, end, start, match_bits((first < unit ? first : unit) + log2((double)copies), copies * p),
                  K_REPEAT, 0);
        }
        found++;
    }
}

/* ---------------------------------------------------------------------- copies */

/* Text copied from earlier in the string, with changes around it: a phrase whose words come back
 * ("it was the age of" twice), a mash typed again with a few keys different, a sentence written
 * twice with another separator. As LZ77 codes it: which earlier position (log2 of how many there
 * are) and how long; the whole-unit repeats of match_repeat are the periodic case. Only the longest
 * copy ending here, from at most COPY_DISTANCE characters back. */
static void match_copy(run_t *r, size_t end, uint16_t *copy)
{
    size_t j = end - 1, d, len = 0;
    for (d = 1; d <= j && d <= COPY_DISTANCE; d++) {
        copy[d] = (uint16_t)(r->s[j] == r->s[j - d] ? copy[d] + 1U : 0U);
        len = copy[d] > len ? copy[d] : len;
    }
    if (len >= COPY_MIN) {
        size_t start = end - len;
        relax(r, end, start, match_bits(log2((double)start) + log2((double)len) + 1.0, len), K_REPEAT, 0);
    }
}

/* -------------------------------------------------------------- keyboard walks */

static int key_dir(const uint8_t *graph, int dirs, uint8_t a, uint8_t b, int *shifted)
{
    int d;
    if (a >= 128 || b >= 128) {
        return -1;
    }
    for (d = 0; d < dirs; d++) {
        const uint8_t *slot = graph + ((size_t)a * (size_t)dirs + (size_t)d) * 2U;
        if (slot[0] != 0 && (slot[0] == b || slot[1] == b)) {
            *shifted = slot[1] == b && slot[0] != b;
            return d;
        }
    }
    return -1;
}

static int qwerty_shifted(uint8_t c)
{
    return is_upper(c) || (c != 0 && strchr("~!@#$%^&*()_+{}|:\"<>?", c) != NULL);
}

static double spatial_bits(double keys, double degree, size_t len, unsigned turns, unsigned shifted)
{
    double guesses = 0;
    size_t i;
    unsigned t;
    for (i = 2; i <= len; i++) {
        unsigned possible = turns < i - 1 ? turns : (unsigned)(i - 1);
        double c = 1.0;  /* C(i-1, t-1), built up as t grows */
        double dt = 1.0; /* degree^t, likewise (no libm pow in the WASM modules) */
        for (t = 1; t <= possible; t++) {
            if (t > 1) {
                c = c * (double)(i - t + 1) / (double)(t - 1);
            }
            dt *= degree;
            guesses += c * keys * dt;
        }
    }
    if (guesses < 1.0) {
        guesses = 1.0;
    }
    if (shifted > 0) {
        unsigned unshifted = (unsigned)len - shifted;
        return log2(guesses) + (unshifted == 0 ? 1.0 : log2_binomial_sum((unsigned)len, shifted < unshifted ? shifted : unshifted));
    }
    return log2(guesses);
}

static void match_spatial(run_t *r, size_t end)
{
    static const double *const keys[2] = {&jsk_graph_qwerty_keys, &jsk_graph_keypad_keys};
    static const double *const degree[2] = {&jsk_graph_qwerty_degree, &jsk_graph_keypad_degree};
    window_t *w = r->w;
    size_t j = end - 1, g;
    for (g = 0; g < 2; g++) {
        size_t lo = w->walk[g][j], i;
        if (j < 2 || lo + 2 > j) {
            continue;
        }
        if (j - lo > MAX_RUN) {
            lo = j - MAX_RUN;
        }
        for (i = lo; i + 2 <= j; i++) {
            unsigned turns = 1U + (unsigned)(w->changes[g][j] - w->changes[g][i + 1]);
            unsigned shifted = g == 0 ? (unsigned)(w->shifted[end] - w->shifted[i]) : 0U;
            relax(r, end, i, match_bits(spatial_bits(*keys[g], *degree[g], end - i, turns, shifted), end - i), K_SPATIAL,
                  0);
        }
    }
}

/* ---------------------------------------------------------------------- dates */

static unsigned number(const uint8_t *s, size_t len)
{
    unsigned v = 0;
    while (len-- > 0) {
        v = v * 10U + (unsigned)(*s++ - '0');
    }
    return v;
}

static double year_space(int year)
{
    int d = year > REFERENCE_YEAR ? year - REFERENCE_YEAR : REFERENCE_YEAR - year;
    return d < 20 ? 20.0 : (double)d;
}

static int full_year(unsigned y, size_t digits)
{
    if (digits == 2) {
        return (int)(y > 50 ? 1900 + y : 2000 + y);
    }
    return (int)y;
}

static int valid_dmy(unsigned day, unsigned month, int year)
{
    return day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 1900 && year <= 2099;
}

/* Tries the day/month/year orders of three numbers; returns the year or 0. */
static int date_year(unsigned a, size_t la, unsigned b, size_t lb, unsigned c, size_t lc)
{
    if ((la == 4 || la == 2) && lb <= 2 && lc <= 2 && valid_dmy(c, b, full_year(a, la))) {
        return full_year(a, la); /* year month day */
    }
    if ((lc == 4 || lc == 2) && la <= 2 && lb <= 2 &&
        (valid_dmy(a, b, full_year(c, lc)) || valid_dmy(b, a, full_year(c, lc)))) {
        return full_year(c, lc); /* day month year, month day year */
    }
    return 0;
}

static int is_date_sep(uint8_t c) { return c == '/' || c == '-' || c == '.' || c == '_' || c == ' ' || c == '\\'; }

static void match_dates(run_t *r, size_t end)
{
    const uint8_t *s = r->s;
    size_t j = end - 1, digits = r->w->digits[j], len;
    int y;

    /* Years, and dates written without separators. */
    if (digits >= 4) {
        unsigned v = number(s + end - 4, 4);
        if (v >= 1900 && v <= 2099) {
            relax(r, end, end - 4, match_bits(log2(year_space((int)v)), 4), K_DATE, 0);
        }
    }
    for (len = 6; len <= 8; len += 2) {
        const uint8_t *t = s + end - len;
        if (digits < len) {
            break;
        }
        y = len == 8 ? date_year(number(t, 4), 4, number(t + 4, 2), 2, number(t + 6, 2), 2)
                     : date_year(number(t, 2), 2, number(t + 2, 2), 2, number(t + 4, 2), 2);
        if (y == 0 && len == 8) {
            y = date_year(number(t, 2), 2, number(t + 2, 2), 2, number(t + 4, 4), 4);
        }
        if (y != 0) {
            relax(r, end, end - len, match_bits(log2(365.0 * year_space(y)), len), K_DATE, 0);
        }
    }
    /* Unix timestamps from 2000 to 2050, in seconds or milliseconds: about ten years to search. */
    if (digits >= 10) {
        unsigned long long v = 0;
        size_t k;
        for (k = end - 10; k < end; k++) {
            v = v * 10U + (unsigned)(s[k] - '0');
        }
        if (v >= 946684800ULL && v <= 2524608000ULL) {
            relax(r, end, end - 10, match_bits(log2(3.156e8), 10), K_DATE, 0);
        }
    }
    if (digits >= 13) {
        unsigned long long v = 0;
        size_t k;
        for (k = end - 13; k < end; k++) {
            v = v * 10U + (unsigned)(s[k] - '0');
        }
        if (v >= 946684800000ULL && v <= 2524608000000ULL) {
            relax(r, end, end - 13, match_bits(log2(3.156e11), 13), K_DATE, 0);
        }
    }
    /* Dates with separators: 1-4 digits, a separator, 1-2 digits, the same separator, 1-4 digits. */
    if (digits >= 1 && digits <= 4) {
        size_t lc = digits, k = end - lc;
        if (k >= 3 && is_date_sep(s[k - 1])) {
            uint8_t sep = s[k - 1];
            size_t lb = 0, la = 0;
            while (lb < 2 && k - 1 >= lb + 1 && is_digit(s[k - 2 - lb])) {
                lb++;
            }
            if (lb >= 1 && k - 1 >= lb + 2 && s[k - 2 - lb] == sep) {
                size_t a_end = k - 2 - lb;
                while (la < 4 && a_end >= la + 1 && is_digit(s[a_end - 1 - la])) {
                    la++;
                }
                if (la >= 1 && (la != 3) && (lc != 3)) {
                    y = date_year(number(s + a_end - la, la), la, number(s + k - 1 - lb, lb), lb, number(s + k, lc), lc);
                    if (y != 0) {
                        size_t start = a_end - la;
                        relax(r, end, start, match_bits(log2(365.0 * year_space(y)) + 2.0, end - start), K_DATE, 0);
                    }
                }
            }
        }
    }
    /* Times: HH:MM or HH:MM:SS. */
    if (digits == 2 && end >= 5 && s[end - 3] == ':' && is_digit(s[end - 4]) && is_digit(s[end - 5])) {
        unsigned a = number(s + end - 5, 2), b = number(s + end - 2, 2);
        if (a < 24 && b < 60) {
            relax(r, end, end - 5, match_bits(log2(1440.0), 5), K_DATE, 0);
        }
        if (end >= 8 && s[end - 6] == ':' && is_digit(s[end - 7]) && is_digit(s[end - 8]) &&
            number(s + end - 8, 2) < 24 && a < 60) {
            relax(r, end, end - 8, match_bits(log2(86400.0), 8), K_DATE, 0);
        }
    }
}

/* ------------------------------------------------------------------ the window */

static int is_separator(uint8_t c) { return c != 0 && strchr(" -_.,:;/|+", c) != NULL; }

/* ------------------------------------------------------------------ words */

/* Vietnamese's letters with two marks: U+1EA0-U+1EF9 run through a, e, i, o, u, y; U+01A0/01A1 and
 * U+01AF/01B0 are o and u with horn. 0 for other code points. */
static int vietnamese_base(uint32_t cp)
{
    if (cp == 0x1A0 || cp == 0x1A1) {
        return 'o';
    }
    if (cp == 0x1AF || cp == 0x1B0) {
        return 'u';
    }
    if (cp < 0x1EA0 || cp > 0x1EF9) {
        return 0;
    }
    return cp >= 0x1EF2 ? 'y' : cp >= 0x1EE4 ? 'u' : cp >= 0x1ECC ? 'o' : cp >= 0x1EC8 ? 'i' : cp >= 0x1EB8 ? 'e' : 'a';
}

/* A letter's cost as typed text, by script: Latin through the trigram model (its a, b context
 * updated), accented Latin 5 bits (Latin Extended Additional too: Vietnamese), other alphabets 4,
 * kana 5, Hangul syllables 8, CJK ideographs 10.
 * 0 when the code point is not a letter; *ideograph is 1 for scripts written without spaces, 2 for
 * Hangul, whose words are separated by spaces but whose syllables the letter model does not cover. */
static double letter_cost(const uint8_t *ngram, const uint8_t *s, size_t len, size_t *step, int *a, int *b,
                          int *ideograph, int *accent)
{
    uint32_t cp;
    *ideograph = 0;
    *accent = 0;
    *step = 1;
    if (s[0] < 0x80) {
        int x = is_lower(s[0]) ? s[0] - 'a' + 1 : is_upper(s[0]) ? s[0] - 'A' + 1 : 0;
        size_t i;
        double c;
        if (x == 0) {
            return 0.0;
        }
        i = ((size_t)*a * JSK_NGRAM_SYMBOLS + (size_t)*b) * JSK_NGRAM_SYMBOLS + (size_t)x;
        c = 0.5 * (double)ngram[i];
        *a = *b;
        *b = x;
        return c > 0.25 ? c : 0.25;
    }
    if ((*step = jsk_utf8_sequence(s, len)) == 0) {
        *step = 1;
        return 0.0;
    }
    cp = *step == 2 ? ((s[0] & 0x1FU) << 6) | (s[1] & 0x3FU)
       : *step == 3 ? ((s[0] & 0x0FU) << 12) | ((s[1] & 0x3FU) << 6) | (s[2] & 0x3FU)
                    : 0x10000U;
    {
        /* Accented Latin: the letter without its accent (the model is trained so), and a bit for the
         * accent; Vietnamese's letters with two marks (U+1EA0-U+1EF9, and o, u with horn), two bits. */
        int base = cp >= 0xC0 && cp - 0xC0 < JSK_LATIN_FOLD_LEN && jsk_latin_fold[cp - 0xC0] != '.' ? jsk_latin_fold[cp - 0xC0] | 0x20
                                                                                               : vietnamese_base(cp);
        if (base != 0) {
            int x = base - 'a' + 1;
            size_t i = ((size_t)*a * JSK_NGRAM_SYMBOLS + (size_t)*b) * JSK_NGRAM_SYMBOLS + (size_t)x;
            *accent = cp >= 0xC0 && cp - 0xC0 < JSK_LATIN_FOLD_LEN ? 1 : 2;
            *a = *b;
            *b = x;
            return 0.5 * (double)ngram[i] + (double)*accent;
        }
    }
    *a = *b;
    *b = 27;
    if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF)) { /* the rest of Latin */
        return 5.0;
    }
    if ((cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x58F) || (cp >= 0x5D0 && cp <= 0x5EA) ||
        (cp >= 0x620 && cp <= 0x64A) || (cp >= 0x900 && cp <= 0xE7F) || (cp >= 0x10A0 && cp <= 0x10FF)) {
        return 4.0;
    }
    if (cp >= 0xAC00 && cp <= 0xD7A3) {
        *ideograph = 2;
        return 8.0;
    }
    *ideograph = 1;
    if (cp >= 0x3041 && cp <= 0x30FF) {
        return 5.0;
    }
    if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)) {
        return 10.0;
    }
    *ideograph = 0;
    *a = *b = 0;
    return 0.0;
}

/* Lowercase ASCII letters s[0..n) read as one typed word under the letter model, in bits: about
 * 3.5 a letter for typed English, 5.3 for random letters. */
double jsk_strength_lower_bits(const jsk_strength_ctx *cx, const uint8_t *s, size_t n)
{
    size_t k, a = 0, b = 0;
    double bits = 0.0;
    for (k = 0; k < n; k++) {
        size_t x = (size_t)(s[k] - 'a' + 1);
        double c = 0.5 * (double)cx->dict->ngram[(a * JSK_NGRAM_SYMBOLS + b) * JSK_NGRAM_SYMBOLS + x];
        bits += c > 0.25 ? c : 0.25;
        a = b;
        b = x;
    }
    return bits;
}

/* Word tokens: runs of letters, split where case turns (camelCase, JWTSecret). */
static void prepare_words(run_t *r)
{
    window_t *w = r->w;
    const uint8_t *s = r->s;
    size_t k = 0, start = 0;
    int a = 0, b = 0, in_token = 0, prev_lower = 0, prev_upper = 0;

    w->letters[0] = 0;
    w->ideographs[0] = 0;
    w->syllables[0] = 0;
    w->word_cost[0] = 0.0f;
    w->accents[0] = 0;
    while (k < r->n) {
        size_t step, q;
        int ideo, accent, up = is_upper(s[k]), low = is_lower(s[k]);
        int ta = a, tb = b;
        double c;
        if (in_token && ((prev_lower && up) || (prev_upper && up && k + 1 < r->n && is_lower(s[k + 1])))) {
            in_token = 0; /* a new word starts at this capital */
        }
        if (!in_token) {
            ta = tb = 0;
        }
        c = letter_cost(r->cx->dict->ngram, s + k, r->n - k, &step, &ta, &tb, &ideo, &accent);
        for (q = k; q < k + step && q < r->n; q++) {
            w->token[q] = TOKEN_NONE;
            w->letters[q + 1] = w->letters[q];
            w->ideographs[q + 1] = w->ideographs[q];
            w->syllables[q + 1] = w->syllables[q];
            w->word_cost[q + 1] = w->word_cost[q];
            w->accents[q + 1] = w->accents[q];
        }
        if (c > 0.0) {
            if (!in_token) {
                start = k;
                in_token = 1;
            }
            a = ta;
            b = tb;
            q = k + step - 1 < r->n ? k + step - 1 : r->n - 1;
            w->token[q] = (uint16_t)start;
            w->letters[q + 1] = (uint16_t)(w->letters[q + 1] + 1U);
            w->ideographs[q + 1] = (uint16_t)(w->ideographs[q + 1] + (unsigned)(ideo == 1));
            w->syllables[q + 1] = (uint16_t)(w->syllables[q + 1] + (unsigned)(ideo == 2));
            w->word_cost[q + 1] = (float)((double)w->word_cost[q + 1] + c);
            w->accents[q + 1] = (uint16_t)(w->accents[q + 1] + (unsigned)accent);
        } else {
            in_token = 0;
            a = b = 0;
        }
        prev_lower = low;
        prev_upper = up;
        k += step;
    }
}

/* A token of letters that reads as a word costs about a word, not its characters. A letter of
 * another script costs its letter, not its UTF-8 bytes, even alone ("8기", "и"); Hangul words,
 * which the letter model does not read, are words by their spaces. */
static void match_word(run_t *r, size_t end)
{
    window_t *w = r->w;
    size_t j = end - 1, start = w->token[j];
    unsigned letters, ideographs, syllables;
    double cost;
    if (start == TOKEN_NONE) {
        return;
    }
    letters = (unsigned)(w->letters[end] - w->letters[start]);
    ideographs = (unsigned)(w->ideographs[end] - w->ideographs[start]);
    syllables = (unsigned)(w->syllables[end] - w->syllables[start]);
    cost = (double)(w->word_cost[end] - w->word_cost[start]);
    /* Accents' bits do not count against reading as a word: "café", "mật" are words as "cafe",
     * "mat" are. */
    if ((letters < 2 && end - start < 2) ||
        (ideographs == 0 && syllables == 0 &&
         cost - (double)(w->accents[end] - w->accents[start]) > WORDLIKE_BITS * (double)letters)) {
        return;
    }
    /* "About one word" is a guess that only typed text earns. Read as machine-made (min_saving > 0),
     * a token costs what the model of typed words gives it, a probability, so that chance letters
     * save as much as they are likely: uncapped, a long run of random capitals (base32) that the
     * model finds barely word-like would save 90 bits about once in 100,000 strings. */
    if (ideographs == 0 && syllables <= HANGUL_WORD_MAX && cost > WORD_BITS && r->cx->min_saving == 0.0) {
        cost = WORD_BITS;
    }
    relax(r, end, start, match_bits(cost + case_bits(r->s + start, end - start), end - start), K_WORD, 0);
}

static void prepare(run_t *r)
{
    static const uint8_t *const graphs[2] = {jsk_graph_qwerty, jsk_graph_keypad};
    static const int dirs[2] = {6, 8};
    window_t *w = r->w;
    const uint8_t *s = r->s;
    size_t k, g;

    prepare_words(r);
    prepare_rows(r);
    w->shifted[0] = 0;
    for (g = 0; g < WALK_PERIODS; g++) {
        w->walk_cost[g][0] = 0.0f;
        for (k = 0; k < r->n; k++) {
            w->walk_cost[g][k + 1] = (float)((double)w->walk_cost[g][k] + walk_char_bits(s, k, g + 1));
        }
    }
    for (k = 0; k < r->n; k++) {
        w->shifted[k + 1] = (uint16_t)(w->shifted[k] + qwerty_shifted(s[k]));
        w->digits[k] = (uint16_t)(is_digit(s[k]) ? (k > 0 ? w->digits[k - 1] : 0) + 1 : 0);
        if (k >= 2 && seq_step(s, k) != 0 && seq_step(s, k) == seq_step(s, k - 1)) {
            w->seq[k] = w->seq[k - 1];
        } else {
            w->seq[k] = (uint16_t)(k >= 1 && seq_step(s, k) != 0 ? k - 1 : k);
        }
        for (g = 0; g < 2; g++) {
            int sh = 0;
            int d = k > 0 ? key_dir(graphs[g], dirs[g], s[k - 1], s[k], &sh) : -1;
            w->dir[g][k] = (int8_t)d;
            w->walk[g][k] = (uint16_t)(d < 0 ? k : (k >= 1 && w->dir[g][k - 1] >= 0 ? w->walk[g][k - 1] : k - 1));
            w->changes[g][k] = (uint16_t)((k > 0 ? w->changes[g][k - 1] : 0) +
                                          (k >= 2 && d >= 0 && w->dir[g][k - 1] >= 0 && d != w->dir[g][k - 1]));
        }
    }
}

/* The cheapest explanation of s[0..n) (n <= WIN) in bits; flags get the kinds on its path. */
static double analyse_window(const jsk_strength_ctx *cx, const uint8_t *s, size_t n, jsk_path *path)
{
    window_t w;
    run_t r;
    uint16_t runs[MAX_PERIOD + 1];
    uint16_t copy[COPY_DISTANCE + 1];
    stride_t strides[STRIDE_TRACKERS];
    uint8_t seps[32];
    size_t end, p;

    r.cx = cx;
    r.s = s;
    r.n = n;
    r.w = &w;
    prepare(&r);
    memset(runs, 0, sizeof runs);
    memset(copy, 0, sizeof copy);
    memset(strides, 0, sizeof strides);
    memset(seps, 0, sizeof seps);
    w.best[0] = 0.0f;
    for (end = 1; end <= n; end++) {
        size_t j = end - 1;
        w.best[end] = (float)((double)w.best[j] + cx->bf);
        w.from[end] = (uint16_t)j;
        w.kind[end] = K_BRUTE;
        w.list[end] = 0;
        if (is_separator(s[j])) {
            /* The same separator again costs one bit: the attacker chose it once. */
            relax(&r, end, j, (seps[s[j] >> 3] & (1U << (s[j] & 7U))) ? 1.0 : match_bits(LOG2_10, 1), K_SEP, 0);
            seps[s[j] >> 3] |= (uint8_t)(1U << (s[j] & 7U));
        }
        for (p = 1; p <= MAX_PERIOD; p++) {
            runs[p] = (uint16_t)(j >= p && s[j] == s[j - p] ? runs[p] + 1U : 0U);
        }
        /* In typed text a number costs its digits, whatever else the string's alphabet holds (not
         * in text read as machine-made, nor in hex digits: 7 of a UUID's hex digits in a row are
         * digits 4% of the time, and a digit there holds 4 bits). */
        for (p = 1; cx->min_saving == 0.0 && cx->numbers && p <= w.digits[j] && p <= MAX_DIGITS; p++) {
            relax(&r, end, end - p, match_bits(LOG2_10 * (double)p, p), K_BRUTE, 0);
        }
        match_dictionary(&r, end);
        match_word(&r, end);
        match_context(&r, end);
        match_sequence(&r, end);
        match_stride(&r, end, strides);
        match_walk(&r, end);
        match_repeat(&r, end, runs);
        match_copy(&r, end, copy);
        match_spatial(&r, end);
        match_rows(&r, end);
        match_dates(&r, end);
    }
    /* Walk the cheapest path back to name what explains the string. */
    for (end = n; end > 0; end = w.from[end]) {
        size_t start = w.from[end], len = end - start;
#ifdef JSK_DEBUG_PATH
        fprintf(stderr, "  [%zu,%zu) kind %d list %d bits %.1f '%.*s'\n", start, end, w.kind[end], w.list[end],
                (double)(w.best[end] - w.best[start]), (int)len, (const char *)s + start);
#endif
        switch (w.kind[end]) {
        case K_DICT:
            if (w.list[end] == JSK_LIST_JWT) {
                path->jwt_chars += len;
            } else if (w.list[end] == JSK_LIST_CONSTANTS) {
                path->constant_chars += len;
            } else if (w.list[end] == JSK_LIST_PATTERNS) {
                path->flags |= JSK_PATH_SEQUENCE;
            } else if (w.list[end] == JSK_LIST_KEYBOARD || (len >= 4 && (w.walk[0][end - 1] <= start || w.walk[1][end - 1] <= start))) {
                path->flags |= JSK_PATH_KEYBOARD; /* a common password that is a keyboard walk: qwerty */
            } else {
                path->flags |= JSK_PATH_DICTIONARY;
            }
            break;
        case K_WORD:
            path->flags |= JSK_PATH_DICTIONARY;
            break;
        case K_CONTEXT:
            path->flags |= JSK_PATH_CONTEXT;
            break;
        case K_SEQ:
            path->flags |= JSK_PATH_SEQUENCE;
            break;
        case K_REPEAT:
            path->flags |= JSK_PATH_REPEAT;
            break;
        case K_SPATIAL:
            path->flags |= JSK_PATH_KEYBOARD;
            break;
        case K_DATE:
            path->flags |= JSK_PATH_DATE;
            break;
        default:
            path->brute_chars += len;
            break;
        }
    }
    return (double)w.best[n];
}

double jsk_strength_estimate(const jsk_strength_ctx *cx, const uint8_t *s, size_t n, jsk_path *path, int *capped)
{
    size_t starts[WINDOW_HISTORY];
    size_t seen = 0, pos, windows = 0, repeats = 0, last_distance = 0;
    double bits = 0.0;

    memset(path, 0, sizeof *path);
    *capped = 0;
    for (pos = 0; pos < n; pos += WIN) {
        size_t len = n - pos < WIN ? n - pos : WIN, h, distance = 0;
        /* A window equal to a recent one costs only which one it repeats; a run of repeats at the
         * same distance (a periodic string) costs nothing more than how long the run is. */
        for (h = 1; h <= seen && h <= WINDOW_HISTORY && len == WIN; h++) { /* the most recent first */
            size_t start = starts[(seen - h) % WINDOW_HISTORY];
            if (memcmp(s + start, s + pos, WIN) == 0) {
                distance = (pos - start) / WIN;
                break;
            }
        }
        if (distance != 0) {
            if (distance != last_distance) {
                bits += log2((double)(windows + 1)) + 1.0;
            }
            repeats++;
            path->flags |= JSK_PATH_REPEAT;
        } else {
            bits += analyse_window(cx, s + pos, len, path);
        }
        last_distance = distance;
        if (len == WIN) {
            starts[seen % WINDOW_HISTORY] = pos;
            seen++;
        }
        windows++;
        if (bits >= JSK_CHECK_BITS_MAX) {
            *capped = pos + len < n;
            break;
        }
    }
    return repeats > 0 ? bits + log2((double)repeats) : bits;
}
