/* fuzz_dotenv.c — the .env reader (jsk_dotenv_*) against a reference written the other way round:
 * the input is decoded to UTF-16 code units as Node does (WHATWG's UTF-8 decoder, byte by byte),
 * "\r\n?" becomes "\n", and dotenv's regex and its quote-stripping regex are run literally by a
 * small backtracking regex machine (JS semantics: priority-ordered alternatives, greedy and lazy
 * loops, multiline ^ and $, a back-reference), with the global exec loop and lastIndex, then
 * String.prototype.trim and the two escape replaces. Every assignment (names, values, order, the
 * __proto__ flag) must be the same, with exact-size buffers, and a too-small buffer must report the
 * size and not advance. Inputs are cut at 1024 bytes and a step budget bounds the backtracking. */
#include "fuzz.h"

#define MAX_IN 1024
#define BUDGET 20000000UL

/* ---------------------------------------------------------------- decoding, as the spec says */

/* WHATWG Encoding, "UTF-8 decoder": one byte at a time, code points out (U+FFFD on errors). */
static size_t whatwg_utf8(const uint8_t *in, size_t n, uint32_t *out)
{
    uint32_t cp = 0, needed = 0, seen = 0, lower = 0x80, upper = 0xBF;
    size_t i = 0, o = 0;

    while (i <= n) {
        if (i == n) {
            if (needed != 0) {
                out[o++] = 0xFFFD;
            }
            break;
        }
        uint8_t b = in[i];
        if (needed == 0) {
            if (b <= 0x7F) {
                out[o++] = b;
            } else if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (b == 0xE0) lower = 0xA0;
                if (b == 0xED) upper = 0x9F;
                needed = 2;
                cp = b & 0xF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                if (b == 0xF0) lower = 0x90;
                if (b == 0xF4) upper = 0x8F;
                needed = 3;
                cp = b & 0x7;
            } else {
                out[o++] = 0xFFFD;
            }
            i++;
            continue;
        }
        if (b < lower || b > upper) {
            cp = needed = seen = 0;
            lower = 0x80;
            upper = 0xBF;
            out[o++] = 0xFFFD;
            continue; /* the byte is read again */
        }
        lower = 0x80;
        upper = 0xBF;
        cp = (cp << 6) | (b & 0x3F);
        seen++;
        i++;
        if (seen == needed) {
            out[o++] = cp;
            cp = needed = seen = 0;
        }
    }
    return o;
}

/* Code points to UTF-16, then t.replace(/\r\n?/mg, "\n"). */
static size_t js_string(const uint32_t *cps, size_t n, uint16_t *out)
{
    size_t i, o = 0;
    for (i = 0; i < n; i++) {
        if (cps[i] == '\r') {
            out[o++] = '\n';
            if (i + 1 < n && cps[i + 1] == '\n') {
                i++;
            }
        } else if (cps[i] >= 0x10000) {
            out[o++] = (uint16_t)(0xD800 + ((cps[i] - 0x10000) >> 10));
            out[o++] = (uint16_t)(0xDC00 + ((cps[i] - 0x10000) & 0x3FF));
        } else {
            out[o++] = (uint16_t)cps[i];
        }
    }
    return o;
}

/* ---------------------------------------------------------------- JS character classes */

static const uint16_t js_space[] = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000, 0x2001,
                                    0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
                                    0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF};

static int in_space(uint16_t u)
{
    size_t i;
    for (i = 0; i < sizeof js_space / sizeof js_space[0]; i++) {
        if (js_space[i] == u) {
            return 1;
        }
    }
    return 0;
}

static int line_terminator(uint16_t u)
{
    return u == 0x0A || u == 0x0D || u == 0x2028 || u == 0x2029;
}

enum { C_SPACE, C_WORD_DOT_DASH, C_NOT_SQ, C_NOT_DQ, C_NOT_BQ, C_NOT_HASH_CR_LF, C_DOT, C_ANY, C_QUOTE };

static int in_class(int k, uint16_t u)
{
    switch (k) {
    case C_SPACE:
        return in_space(u);
    case C_WORD_DOT_DASH:
        return u < 128 && (memchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-", u, 65) != NULL) && u != 0;
    case C_NOT_SQ:
        return u != '\'';
    case C_NOT_DQ:
        return u != '"';
    case C_NOT_BQ:
        return u != '`';
    case C_NOT_HASH_CR_LF:
        return u != '#' && u != '\r' && u != '\n';
    case C_DOT:
        return !line_terminator(u);
    case C_ANY:
        return 1;
    case C_QUOTE:
        return u == '\'' || u == '"' || u == '`';
    }
    return 0;
}

/* ---------------------------------------------------------------- a backtracking regex machine */

enum { I_CHAR, I_CLASS, I_SPLIT, I_JMP, I_SAVE, I_BOL, I_EOL, I_BACKREF, I_MATCH };

typedef struct inst {
    int op, x, y; /* CHAR: x = unit; CLASS: x = class; SPLIT: x first, y second; JMP: x; SAVE: x slot */
} inst;

typedef struct prog {
    inst code[256];
    int n;
} prog;

static int emit(prog *p, int op, int x, int y)
{
    FUZZ_ASSERT(p->n < 256);
    p->code[p->n].op = op;
    p->code[p->n].x = x;
    p->code[p->n].y = y;
    return p->n++;
}

/* X* (greedy) or X*? (lazy) for a one-unit class X. */
static void star(prog *p, int op, int arg, int lazy)
{
    int split = emit(p, I_SPLIT, 0, 0);
    emit(p, op, arg, 0);
    emit(p, I_JMP, split, 0);
    if (lazy) {
        p->code[split].x = p->n;
        p->code[split].y = split + 1;
    } else {
        p->code[split].x = split + 1;
        p->code[split].y = p->n;
    }
}

static void literal(prog *p, const char *s)
{
    while (*s) {
        emit(p, I_CHAR, (uint8_t)*s++, 0);
    }
}

/* \s*q(?:\\q|[^q])*q */
static void quoted(prog *p, char q, int not_q)
{
    int loop, alt, jmp1;
    star(p, I_CLASS, C_SPACE, 0);
    emit(p, I_CHAR, q, 0);
    loop = emit(p, I_SPLIT, 0, 0);
    p->code[loop].x = p->n;
    alt = emit(p, I_SPLIT, 0, 0);
    p->code[alt].x = p->n;
    emit(p, I_CHAR, '\\', 0);
    emit(p, I_CHAR, q, 0);
    jmp1 = emit(p, I_JMP, loop, 0);
    (void)jmp1;
    p->code[alt].y = p->n;
    emit(p, I_CLASS, not_q, 0);
    emit(p, I_JMP, loop, 0);
    p->code[loop].y = p->n;
    emit(p, I_CHAR, q, 0);
}

/* /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|
 *   \s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/m   — slots 2,3: name; 4,5: value */
static void build_main(prog *p)
{
    int s, j, a, b, c, d, jend[4], k;

    s = emit(p, I_SPLIT, 0, 0); /* (?:^|^) */
    p->code[s].x = emit(p, I_BOL, 0, 0);
    j = emit(p, I_JMP, 0, 0);
    p->code[s].y = emit(p, I_BOL, 0, 0);
    p->code[j].x = p->n;
    star(p, I_CLASS, C_SPACE, 0);
    s = emit(p, I_SPLIT, 0, 0); /* (?:export\s+)? */
    p->code[s].x = p->n;
    literal(p, "export");
    emit(p, I_CLASS, C_SPACE, 0);
    star(p, I_CLASS, C_SPACE, 0);
    p->code[s].y = p->n;
    emit(p, I_SAVE, 2, 0); /* ([\w.-]+) */
    emit(p, I_CLASS, C_WORD_DOT_DASH, 0);
    star(p, I_CLASS, C_WORD_DOT_DASH, 0);
    emit(p, I_SAVE, 3, 0);
    s = emit(p, I_SPLIT, 0, 0); /* (?:\s*=\s*?|:\s+?) */
    p->code[s].x = p->n;
    star(p, I_CLASS, C_SPACE, 0);
    emit(p, I_CHAR, '=', 0);
    star(p, I_CLASS, C_SPACE, 1);
    j = emit(p, I_JMP, 0, 0);
    p->code[s].y = p->n;
    emit(p, I_CHAR, ':', 0);
    emit(p, I_CLASS, C_SPACE, 0);
    star(p, I_CLASS, C_SPACE, 1);
    p->code[j].x = p->n;
    s = emit(p, I_SPLIT, 0, 0); /* ( ... )? */
    p->code[s].x = emit(p, I_SAVE, 4, 0);
    a = emit(p, I_SPLIT, 0, 0);
    p->code[a].x = p->n;
    quoted(p, '\'', C_NOT_SQ);
    jend[0] = emit(p, I_JMP, 0, 0);
    p->code[a].y = b = emit(p, I_SPLIT, 0, 0);
    p->code[b].x = p->n;
    quoted(p, '"', C_NOT_DQ);
    jend[1] = emit(p, I_JMP, 0, 0);
    p->code[b].y = c = emit(p, I_SPLIT, 0, 0);
    p->code[c].x = p->n;
    quoted(p, '`', C_NOT_BQ);
    jend[2] = emit(p, I_JMP, 0, 0);
    p->code[c].y = p->n;
    emit(p, I_CLASS, C_NOT_HASH_CR_LF, 0);
    star(p, I_CLASS, C_NOT_HASH_CR_LF, 0);
    for (k = 0; k < 3; k++) {
        p->code[jend[k]].x = p->n;
    }
    emit(p, I_SAVE, 5, 0);
    p->code[s].y = p->n;
    star(p, I_CLASS, C_SPACE, 0); /* \s* */
    d = emit(p, I_SPLIT, 0, 0);   /* (?:#.*)? */
    p->code[d].x = p->n;
    emit(p, I_CHAR, '#', 0);
    star(p, I_CLASS, C_DOT, 0);
    p->code[d].y = p->n;
    s = emit(p, I_SPLIT, 0, 0); /* (?:$|$) */
    p->code[s].x = emit(p, I_EOL, 0, 0);
    j = emit(p, I_JMP, 0, 0);
    p->code[s].y = emit(p, I_EOL, 0, 0);
    p->code[j].x = emit(p, I_MATCH, 0, 0);
}

/* /^(['"`])([\s\S]*)\1$/m — slots 2,3: the quote; 4,5: what is kept */
static void build_strip(prog *p)
{
    emit(p, I_BOL, 0, 0);
    emit(p, I_SAVE, 2, 0);
    emit(p, I_CLASS, C_QUOTE, 0);
    emit(p, I_SAVE, 3, 0);
    emit(p, I_SAVE, 4, 0);
    star(p, I_CLASS, C_ANY, 0);
    emit(p, I_SAVE, 5, 0);
    emit(p, I_BACKREF, 2, 0);
    emit(p, I_EOL, 0, 0);
    emit(p, I_MATCH, 0, 0);
}

typedef struct vm {
    const prog *p;
    const uint16_t *s;
    long n;
    long caps[6];
    long end;
    unsigned long steps;
} vm;

static int run(vm *m, int pc, long sp)
{
    for (;;) {
        const inst *in = &m->p->code[pc];
        if (++m->steps > BUDGET) {
            return 0;
        }
        switch (in->op) {
        case I_CHAR:
            if (sp < m->n && m->s[sp] == in->x) {
                pc++;
                sp++;
                continue;
            }
            return 0;
        case I_CLASS:
            if (sp < m->n && in_class(in->x, m->s[sp])) {
                pc++;
                sp++;
                continue;
            }
            return 0;
        case I_SPLIT:
            if (run(m, in->x, sp)) {
                return 1;
            }
            pc = in->y;
            continue;
        case I_JMP:
            pc = in->x;
            continue;
        case I_SAVE: {
            long old = m->caps[in->x];
            m->caps[in->x] = sp;
            if (run(m, pc + 1, sp)) {
                return 1;
            }
            m->caps[in->x] = old;
            return 0;
        }
        case I_BOL:
            if (sp == 0 || line_terminator(m->s[sp - 1])) {
                pc++;
                continue;
            }
            return 0;
        case I_EOL:
            if (sp == m->n || line_terminator(m->s[sp])) {
                pc++;
                continue;
            }
            return 0;
        case I_BACKREF: {
            long len = m->caps[in->x + 1] - m->caps[in->x], i;
            if (sp + len > m->n) {
                return 0;
            }
            for (i = 0; i < len; i++) {
                if (m->s[sp + i] != m->s[m->caps[in->x] + i]) {
                    return 0;
                }
            }
            pc++;
            sp += len;
            continue;
        }
        case I_MATCH:
            m->end = sp;
            return 1;
        }
        return 0;
    }
}

/* RegExp.prototype.exec with the g flag from *last: 1 and the captures, or 0. */
static int exec_from(vm *m, long *last)
{
    long start, k;
    for (start = *last; start <= m->n; start++) {
        for (k = 0; k < 6; k++) {
            m->caps[k] = -1;
        }
        if (run(m, 0, start)) {
            m->caps[0] = start;
            *last = m->end > start ? m->end : start + 1;
            return 1;
        }
        if (m->steps > BUDGET) {
            return 0;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- the reference parse */

typedef struct assignment {
    uint8_t name[MAX_IN];
    size_t name_len;
    uint8_t value[4 * MAX_IN];
    size_t value_len;
} assignment;

static prog main_re, strip_re;

static size_t utf16_to_utf8(const uint16_t *s, size_t n, uint8_t *out)
{
    size_t i, o = 0;
    for (i = 0; i < n; i++) {
        uint32_t c = s[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            i++;
        }
        FUZZ_ASSERT(c < 0xD800 || c > 0xDFFF); /* no lone surrogate can come out of the decoder */
        if (c < 0x80) {
            out[o++] = (uint8_t)c;
        } else if (c < 0x800) {
            out[o++] = (uint8_t)(0xC0 | (c >> 6));
            out[o++] = (uint8_t)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[o++] = (uint8_t)(0xE0 | (c >> 12));
            out[o++] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (uint8_t)(0x80 | (c & 0x3F));
        } else {
            out[o++] = (uint8_t)(0xF0 | (c >> 18));
            out[o++] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
            out[o++] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (uint8_t)(0x80 | (c & 0x3F));
        }
    }
    return o;
}

/* s.replace(/\\X/g, Y) for one letter X. */
static size_t replace_escape(uint16_t *s, size_t n, uint16_t letter, uint16_t by)
{
    size_t i, o = 0;
    for (i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n && s[i + 1] == letter) {
            s[o++] = by;
            i++;
        } else {
            s[o++] = s[i];
        }
    }
    return o;
}

/* 0 when the budget ran out; else the number of assignments in out. */
static long reference(const uint8_t *data, size_t size, assignment *out, size_t max_out, int *complete)
{
    static uint32_t cps[MAX_IN + 1];
    static uint16_t text[2 * MAX_IN + 2], val[2 * MAX_IN + 2], res[2 * MAX_IN + 2];
    vm m = {0};
    long last = 0, count = 0;
    size_t ncp = whatwg_utf8(data, size, cps);

    m.p = &main_re;
    m.s = text;
    m.n = (long)js_string(cps, ncp, text);
    *complete = 1;
    while (last <= m.n && exec_from(&m, &last)) {
        long a, b, i;
        size_t vn = 0, rn = 0;
        vm sm = {0};
        long slast = 0, copied = 0;
        uint16_t first;

        FUZZ_ASSERT((size_t)count < max_out);
        out[count].name_len = 0;
        for (i = m.caps[2]; i < m.caps[3]; i++) {
            out[count].name[out[count].name_len++] = (uint8_t)text[i];
        }
        a = m.caps[4];
        b = m.caps[5];
        if (a >= 0) { /* i = (r[2] || '').trim() */
            while (a < b && in_space(text[a])) a++;
            while (b > a && in_space(text[b - 1])) b--;
            for (i = a; i < b; i++) val[vn++] = text[i];
        }
        first = vn > 0 ? val[0] : 0;
        sm.p = &strip_re;
        sm.s = val;
        sm.n = (long)vn;
        while (slast <= sm.n && exec_from(&sm, &slast)) {
            for (i = copied; i < sm.caps[0]; i++) res[rn++] = val[i];
            for (i = sm.caps[4]; i < sm.caps[5]; i++) res[rn++] = val[i];
            copied = sm.end;
        }
        m.steps += sm.steps;
        if (m.steps > BUDGET) {
            *complete = 0;
            return count;
        }
        for (i = copied; i < (long)vn; i++) res[rn++] = val[i];
        if (first == '"') {
            rn = replace_escape(res, rn, 'n', '\n');
            rn = replace_escape(res, rn, 'r', '\r');
        }
        out[count].value_len = utf16_to_utf8(res, rn, out[count].value);
        count++;
    }
    if (m.steps > BUDGET) {
        *complete = 0;
    }
    return count;
}

/* ---------------------------------------------------------------- the harness */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static assignment want[MAX_IN];
    static int built = 0;
    uint8_t *text;
    size_t name_off, name_len, value_len;
    unsigned flags;
    jsk_dotenv it;
    long n, k;
    int complete, rc;

    if (!built) {
        build_main(&main_re);
        build_strip(&strip_re);
        built = 1;
    }
    if (size > MAX_IN) {
        size = MAX_IN;
    }
    n = reference(data, size, want, MAX_IN, &complete);
    text = fuzz_copy(data, size);
    FUZZ_ASSERT(jsk_dotenv_init(&it, text, size) == JSK_OK);
    for (k = 0;; k++) {
        size_t cap = size > (size_t)k ? data[k] % 8U : 0; /* often too small at first */
        uint8_t *value = fuzz_alloc(cap);
        rc = jsk_dotenv_next(&it, &name_off, &name_len, value, cap, &value_len, &flags);
        if (rc == JSK_ERR_BUFFER_TOO_SMALL) { /* reports the size, does not advance */
            FUZZ_ASSERT(value_len + 1 > cap && value_len + 1 <= JSK_DOTENV_VALUE_LEN_MAX(size));
            free(value);
            cap = value_len + 1;
            value = fuzz_alloc(cap);
            rc = jsk_dotenv_next(&it, &name_off, &name_len, value, cap, &value_len, &flags);
            FUZZ_ASSERT(rc == 1 && value_len + 1 == cap);
        }
        if (k >= n) {
            FUZZ_ASSERT(!complete || rc == 0); /* the reference found no more */
            free(value);
            break;
        }
        FUZZ_ASSERT(rc == 1 && value[value_len] == 0);
        FUZZ_ASSERT(name_len == want[k].name_len && name_off + name_len <= size);
        FUZZ_ASSERT(memcmp(text + name_off, want[k].name, name_len) == 0);
        FUZZ_ASSERT(value_len == want[k].value_len && memcmp(value, want[k].value, value_len) == 0);
        FUZZ_ASSERT((flags == JSK_DOTENV_IGNORED) == (name_len == 9 && memcmp(want[k].name, "__proto__", 9) == 0));
        free(value);
    }
    free(text);
    return 0;
}
