/* dotenv.c — the .env reader: every assignment the `dotenv` npm package's parse() finds, in order.
 *
 * dotenv 18.0.x (node_modules/dotenv/dist/index.cjs, its default parser) decodes the Buffer as
 * UTF-8, replaces /\r\n?/ with "\n", runs this regex with lastIndex from 0 (JS semantics: \s is JS
 * white space, ^ $ . know \n \r U+2028 U+2029 as line ends, backtracking, UTF-16 units):
 *
 *   /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|
 *    \s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/mg
 *
 * and for each match trims group 2, replaces /^(['"`])([\s\S]*)\1$/mg with "$2" and, when the
 * trimmed value began with '"', replaces \\n with LF and \\r with CR. We do not backtrack; we take
 * the decision the backtracking would reach, for these reasons (W = white space):
 *
 *  - A match starts at a line start p; the leading \s* must stop where non-W begins (q), since
 *    neither "export" nor a name starts with W. Every line start in [p, q] reaches the same q, so
 *    when q fails, the next candidate is the line after q's line (no quadratic re-scans).
 *  - The name [\w.-]+ is possessive in effect: a shorter name would leave a name character where
 *    \s*=, or :, must follow. "export" W+ NAME is tried first, then "export" as the name itself.
 *  - Separator: W* then "=" (W may include newlines), else ":" immediately, then at least one W.
 *  - Once the separator matched, the match always succeeds, so value and end follow directly:
 *    1. If the first non-W after the separator (r) is a quote, its closing quote is, in the order
 *       the greedy (\\'|[^'])* backtracks: the first quote not right after a backslash (U), then
 *       the quotes right after a backslash before U, last first. The first whose tail
 *       \s*(?:#.*)?$ matches wins. The scan from an opening quote stops at U, and the next value's
 *       opening quote of that kind is such a U, so the scans of a file are disjoint: linear.
 *    2. Otherwise [^#\r\n]+ from the first position the lazy \s*? / \s+? allows (right after "=",
 *       or one W after ":"): it runs to the first '#' or "\n" (over U+2028/9), and its tail always
 *       matches there. If that position holds "#", "\n" or the end, group 2 is absent: "".
 *  - The tail \s*(?:#.*)?$ from x: W* to r; at the end or at '#' it matches (to the end of that
 *    comment line); otherwise it backs up to the last line end inside the W run, if any.
 *  - A match ends at the end of the text or at a line end; the next search starts after it.
 *  - Quote stripping: the replace matches at a line start holding a quote whose last occurrence
 *    that ends a line of the value lies after it, and removes those two quotes; the search resumes
 *    after that closing quote, so at most one removal per quote kind.
 * Positions are byte offsets of code point starts in the forward decoding; names are ASCII. */
#include <string.h>

#include "jsk.h"

#define NONE ((size_t)-1)

/* The code point at s[p] (p < len) as dotenv sees it: WHATWG UTF-8 decoding (U+FFFD for each
 * maximal invalid subpart), then "\r\n" and a lone "\r" read as "\n". Returns where the next starts. */
static size_t decode(const uint8_t *s, size_t len, size_t p, uint32_t *cp)
{
    uint8_t b = s[p], lo = 0x80, hi = 0xBF;
    size_t need, k;
    uint32_t c;

    if (b < 0x80) {
        if (b == '\r') {
            *cp = '\n';
            return (p + 1 < len && s[p + 1] == '\n') ? p + 2 : p + 1;
        }
        *cp = b;
        return p + 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        c = b & 0x1FU;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        c = b & 0x0FU;
        lo = b == 0xE0 ? 0xA0 : 0x80;
        hi = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        c = b & 0x07U;
        lo = b == 0xF0 ? 0x90 : 0x80;
        hi = b == 0xF4 ? 0x8F : 0xBF;
    } else {
        *cp = 0xFFFD;
        return p + 1;
    }
    for (k = 1; k <= need; k++) {
        if (p + k >= len || s[p + k] < lo || s[p + k] > hi) {
            *cp = 0xFFFD;
            return p + k;
        }
        c = (c << 6) | (s[p + k] & 0x3FU);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = c;
    return p + need + 1;
}

/* JS \s, which is also what String.prototype.trim removes. */
static int is_ws(uint32_t c)
{
    if (c <= 0x20) {
        return c == 0x20 || (c >= 0x09 && c <= 0x0D);
    }
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* JS line terminators ("\r" never reaches here: decode() reads it as "\n"). */
static int is_eol(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

static int is_quote(uint32_t c)
{
    return c == '\'' || c == '"' || c == '`';
}

static int quote_index(uint32_t c)
{
    return c == '\'' ? 0 : c == '"' ? 1 : 2;
}

static int is_name_byte(uint8_t b)
{
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_' ||
           b == '.' || b == '-';
}

static size_t skip_ws(const uint8_t *s, size_t len, size_t p)
{
    uint32_t cp;
    size_t next;
    while (p < len) {
        next = decode(s, len, p, &cp);
        if (!is_ws(cp)) {
            break;
        }
        p = next;
    }
    return p;
}

static size_t name_end(const uint8_t *s, size_t len, size_t p)
{
    while (p < len && is_name_byte(s[p])) {
        p++;
    }
    return p;
}

/* The regex's tail \s*(?:#.*)?$ from x: 1 when it matches there, with *end (if not NULL) where. */
static int tail(const uint8_t *s, size_t len, size_t x, size_t *end)
{
    size_t p = x, next, last_eol = NONE;
    uint32_t cp = 0;

    while (p < len) {
        next = decode(s, len, p, &cp);
        if (!is_ws(cp)) {
            break;
        }
        if (is_eol(cp)) {
            last_eol = p;
        }
        p = next;
    }
    if (p < len && cp == '#') {
        if (end != NULL) {
            while (p < len && (next = decode(s, len, p, &cp), !is_eol(cp))) {
                p = next;
            }
        }
    } else if (p < len) {
        if (last_eol == NONE) {
            return 0;
        }
        p = last_eol;
    }
    if (end != NULL) {
        *end = p;
    }
    return 1;
}

/* The closing quote for the opening quote at o (code point q), or NONE: see rule 1 above. */
static size_t closing_quote(const uint8_t *s, size_t len, size_t o, uint32_t q)
{
    size_t p, next, best = NONE;
    uint32_t cp, prev = q;

    for (p = decode(s, len, o, &cp); p < len; p = next) {
        next = decode(s, len, p, &cp);
        if (cp == q) {
            if (prev != '\\') {
                return tail(s, len, next, NULL) ? p : best;
            }
            if (tail(s, len, next, NULL)) {
                best = p;
            }
        }
        prev = cp;
    }
    return best;
}

typedef struct match {
    size_t name_off, name_len;
    size_t vs, ve; /* the trimmed value: text[vs..ve) */
    int dquote;    /* the trimmed value begins with '"' */
    size_t end;    /* where the match ends */
} match;

/* Separator and value after a name ending at ne; 0 when no separator follows. */
static int separator_and_value(const uint8_t *s, size_t len, size_t ne, match *m)
{
    size_t w = skip_ws(s, len, ne), sep, b, r, p, next, first = NONE, last = NONE;
    uint32_t cp, first_cp = 0;

    if (w < len && s[w] == '=') {
        sep = w + 1;
        b = sep;
    } else if (ne < len && s[ne] == ':') {
        sep = ne + 1;
        if (sep >= len || (b = decode(s, len, sep, &cp), !is_ws(cp))) {
            return 0;
        }
    } else {
        return 0;
    }
    r = skip_ws(s, len, sep);
    if (r < len && (decode(s, len, r, &cp), is_quote(cp))) {
        size_t c = closing_quote(s, len, r, cp);
        if (c != NONE) {
            m->vs = r;
            m->ve = c + 1;
            m->dquote = cp == '"';
            (void)tail(s, len, c + 1, &m->end);
            return 1;
        }
    }
    m->vs = m->ve = b;
    m->dquote = 0;
    if (b < len && (decode(s, len, b, &cp), cp != '#' && cp != '\n')) {
        for (p = b; p < len; p = next) {
            next = decode(s, len, p, &cp);
            if (cp == '#' || cp == '\n') {
                break;
            }
            if (!is_ws(cp)) {
                if (first == NONE) {
                    first = p;
                    first_cp = cp;
                }
                last = next;
            }
        }
        if (first != NONE) {
            m->vs = first;
            m->ve = last;
            m->dquote = first_cp == '"';
        }
        b = p;
    }
    (void)tail(s, len, b, &m->end); /* always matches here: see rule 2 */
    return 1;
}

/* A match whose leading white space ended at q. */
static int match_at(const uint8_t *s, size_t len, size_t q, match *m)
{
    size_t ne, q2;
    uint32_t cp;

    if (len - q > 6 && memcmp(s + q, "export", 6) == 0 && (decode(s, len, q + 6, &cp), is_ws(cp))) {
        q2 = skip_ws(s, len, q + 6);
        ne = name_end(s, len, q2);
        if (ne > q2 && separator_and_value(s, len, ne, m)) {
            m->name_off = q2;
            m->name_len = ne - q2;
            return 1;
        }
    }
    ne = name_end(s, len, q);
    if (ne > q && separator_and_value(s, len, ne, m)) {
        m->name_off = q;
        m->name_len = ne - q;
        return 1;
    }
    return 0;
}

/* Appends cp as UTF-8 when it fits with room for the NUL; returns the length either way. */
static size_t put(uint8_t *out, size_t cap, size_t o, uint32_t cp)
{
    uint8_t b[4];
    size_t n, i;

    if (cp < 0x80) {
        b[0] = (uint8_t)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (uint8_t)(0xC0 | (cp >> 6));
        b[1] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (uint8_t)(0xE0 | (cp >> 12));
        b[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (uint8_t)(0xF0 | (cp >> 18));
        b[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 4;
    }
    if (cap > 0 && o + n <= cap - 1) {
        for (i = 0; i < n; i++) {
            out[o + i] = b[i];
        }
    }
    return o + n;
}

/* Writes the value of m after quote stripping and escapes; returns its length (which may exceed
 * what was written when cap is too small). */
static size_t write_value(const uint8_t *s, size_t len, const match *m, uint8_t *out, size_t cap)
{
    size_t last[3] = {NONE, NONE, NONE}, p, next, pending = NONE, close = NONE, o = 0;
    uint32_t cp, nc = 0;
    int line_start = 1;

    /* For each quote kind, its last occurrence that ends a line of the value. */
    for (p = m->vs; p < m->ve; p = next) {
        next = decode(s, len, p, &cp);
        if (pending != NONE && is_eol(cp)) {
            last[quote_index(nc)] = pending;
        }
        pending = is_quote(cp) ? p : NONE;
        nc = cp;
    }
    if (pending != NONE) {
        last[quote_index(nc)] = pending;
    }

    for (p = m->vs; p < m->ve; p = next) {
        next = decode(s, len, p, &cp);
        if (p == close) {
            close = NONE;
            line_start = 0;
            continue;
        }
        if (close == NONE && line_start && is_quote(cp) && last[quote_index(cp)] != NONE &&
            last[quote_index(cp)] > p) {
            close = last[quote_index(cp)];
            line_start = 0;
            continue;
        }
        line_start = is_eol(cp);
        if (m->dquote && cp == '\\' && next < m->ve && (s[next] == 'n' || s[next] == 'r')) {
            o = put(out, cap, o, s[next] == 'n' ? '\n' : '\r');
            next++;
            continue;
        }
        o = put(out, cap, o, cp);
    }
    return o;
}

size_t jsk_dotenv_value_len_max(size_t len)
{
    return len > (SIZE_MAX - 1U) / 3U ? SIZE_MAX : JSK_DOTENV_VALUE_LEN_MAX(len);
}

size_t jsk_dotenv_sizeof(void)
{
    return sizeof(jsk_dotenv);
}

int jsk_dotenv_init(jsk_dotenv *it, const uint8_t *text, size_t len)
{
    if (it == NULL || (text == NULL && len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    it->text = text;
    it->len = len;
    it->pos = 0;
    it->line_start = 1;
    return JSK_OK;
}

int jsk_dotenv_next(jsk_dotenv *it, size_t *name_off, size_t *name_len, uint8_t *value,
                    size_t value_maxlen, size_t *value_len, unsigned *flags)
{
    const uint8_t *s;
    size_t len, p, q, next, need;
    uint32_t cp;
    match m;

    if (name_off != NULL) {
        *name_off = 0;
    }
    if (name_len != NULL) {
        *name_len = 0;
    }
    if (value_len != NULL) {
        *value_len = 0;
    }
    if (flags != NULL) {
        *flags = 0;
    }
    if (it == NULL || name_off == NULL || name_len == NULL || value_len == NULL ||
        (value == NULL && value_maxlen > 0) || (it->text == NULL && it->len > 0) || it->pos > it->len) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    s = it->text;
    len = it->len;
    p = it->pos;
    if (!it->line_start) {
        if (p >= len) {
            return 0;
        }
        p = decode(s, len, p, &cp); /* the line end where the last match stopped */
        it->pos = p;
        it->line_start = 1;
    }
    for (;;) {
        q = skip_ws(s, len, p);
        if (q >= len) {
            it->pos = len;
            it->line_start = 0;
            return 0;
        }
        if (match_at(s, len, q, &m)) {
            break;
        }
        /* Every line start in [p, q] fails the same way: go to the line after q's. */
        for (p = q; p < len; p = next) {
            next = decode(s, len, p, &cp);
            if (is_eol(cp)) {
                break;
            }
        }
        if (p >= len) {
            it->pos = len;
            it->line_start = 0;
            return 0;
        }
        p = next;
        it->pos = p; /* a retry after JSK_ERR_BUFFER_TOO_SMALL starts here */
    }
    need = write_value(s, len, &m, value, value_maxlen);
    if (need >= value_maxlen) {
        if (value_maxlen > 0) {
            jsk_wipe(value, value_maxlen);
        }
        *value_len = need;
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    value[need] = '\0';
    *value_len = need;
    *name_off = m.name_off;
    *name_len = m.name_len;
    if (flags != NULL && m.name_len == 9 && memcmp(s + m.name_off, "__proto__", 9) == 0) {
        *flags = JSK_DOTENV_IGNORED;
    }
    it->pos = m.end;
    it->line_start = 0;
    return 1;
}
