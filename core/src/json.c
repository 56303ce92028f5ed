/* json.c — a strict RFC 8259 JSON checker with no allocation and bounded nesting, which can also
 * report the top-level members a JWS header needs ("alg", "crit"). Iterative: hostile nesting
 * cannot exhaust the stack. */
#include <string.h>

#include "json_internal.h"
#include "jsk.h"
#include "text_internal.h"
#include "utf8_internal.h"

typedef struct {
    const uint8_t *s;
    size_t n, i;
    const char *why; /* what is wrong at s[i] when a parse fails */
} cursor_t;

/* Fails at the cursor's position with a reason (returns -1, for the parse_* helpers). */
static int bad(cursor_t *c, const char *why)
{
    c->why = why;
    return -1;
}

static void skip_ws(cursor_t *c)
{
    while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t' || c->s[c->i] == '\n' || c->s[c->i] == '\r')) {
        c->i++;
    }
}

static int hexval(uint8_t c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* One string at c->i (the opening quote). Its decoded text goes to out (when not NULL, up to cap
 * bytes; *out_len gets the full decoded length, and *ascii whether it was all ASCII). */
static int parse_string(cursor_t *c, char *out, size_t cap, size_t *out_len)
{
    size_t len = 0;
    c->i++; /* the quote */
    while (c->i < c->n) {
        uint8_t ch = c->s[c->i];
        uint32_t cp;
        if (ch == '"') {
            c->i++;
            if (out_len != NULL) {
                *out_len = len;
            }
            return 0;
        }
        if (ch < 0x20) {
            return bad(c, "a raw control character in a string (escape it, as \\n)");
        }
        if (ch == '\\') {
            uint8_t e;
            if (++c->i >= c->n) {
                return bad(c, "the text ends in a string");
            }
            e = c->s[c->i++];
            switch (e) {
            case '"': case '\\': case '/': cp = e; break;
            case 'b': cp = 8; break;
            case 'f': cp = 12; break;
            case 'n': cp = 10; break;
            case 'r': cp = 13; break;
            case 't': cp = 9; break;
            case 'u': {
                int k, v;
                cp = 0;
                if (c->i + 4 > c->n) {
                    return bad(c, "a \\u escape needs four hex digits");
                }
                for (k = 0; k < 4; k++) {
                    if ((v = hexval(c->s[c->i + (size_t)k])) < 0) {
                        return bad(c, "a \\u escape needs four hex digits");
                    }
                    cp = cp * 16U + (uint32_t)v;
                }
                c->i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF) { /* a high surrogate needs its low half */
                    uint32_t lo = 0;
                    if (c->i + 6 > c->n || c->s[c->i] != '\\' || c->s[c->i + 1] != 'u') {
                        return bad(c, "a lone surrogate escape (\\ud800-\\udfff)");
                    }
                    for (k = 0; k < 4; k++) {
                        if ((v = hexval(c->s[c->i + 2 + (size_t)k])) < 0) {
                            return bad(c, "a \\u escape needs four hex digits");
                        }
                        lo = lo * 16U + (uint32_t)v;
                    }
                    if (lo < 0xDC00 || lo > 0xDFFF) {
                        return bad(c, "a lone surrogate escape (\\ud800-\\udfff)");
                    }
                    c->i += 6;
                    cp = 0x10000U + ((cp - 0xD800U) << 10) + (lo - 0xDC00U);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    c->i -= 6;
                    return bad(c, "a lone surrogate escape (\\ud800-\\udfff)");
                }
                break;
            }
            default:
                c->i -= 2;
                return bad(c, "an unknown escape");
            }
            if (out != NULL && len < cap) {
                out[len] = cp < 0x80 ? (char)cp : (char)0x80; /* non-ASCII marks the copy as not comparable */
            }
            len++;
            continue;
        }
        /* Raw UTF-8: validate the sequence. */
        if (ch < 0x80) {
            if (out != NULL && len < cap) {
                out[len] = (char)ch;
            }
            len++;
            c->i++;
        } else {
            size_t step = jsk_utf8_sequence(c->s + c->i, c->n - c->i);
            if (step == 0) {
                return bad(c, "bytes that are not UTF-8 inside a string");
            }
            if (out != NULL && len < cap) {
                out[len] = (char)0x80;
            }
            len++;
            c->i += step;
        }
    }
    return bad(c, "a string is not closed (a \" is missing)");
}

static int parse_number(cursor_t *c)
{
    static const char digits[] = "a number needs a digit here";
    size_t start;
    if (c->i < c->n && c->s[c->i] == '-') {
        c->i++;
    }
    if (c->i >= c->n) {
        return bad(c, digits);
    }
    if (c->s[c->i] == '0') {
        c->i++;
    } else if (c->s[c->i] >= '1' && c->s[c->i] <= '9') {
        while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9') {
            c->i++;
        }
    } else {
        return bad(c, digits);
    }
    if (c->i < c->n && c->s[c->i] == '.') {
        start = ++c->i;
        while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9') {
            c->i++;
        }
        if (c->i == start) {
            return bad(c, digits);
        }
    }
    if (c->i < c->n && (c->s[c->i] == 'e' || c->s[c->i] == 'E')) {
        c->i++;
        if (c->i < c->n && (c->s[c->i] == '+' || c->s[c->i] == '-')) {
            c->i++;
        }
        start = c->i;
        while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9') {
            c->i++;
        }
        if (c->i == start) {
            return bad(c, digits);
        }
    }
    return 0;
}

static int parse_literal(cursor_t *c, const char *word)
{
    size_t n = strlen(word);
    if (c->i + n > c->n || memcmp(c->s + c->i, word, n) != 0) {
        return bad(c, "not a JSON value (strings need double quotes)");
    }
    c->i += n;
    return 0;
}

/* The top-level members the JWS code and the inspector look at, by their decoded names. */
static const char *const member_names[JSK_JSON_MEMBERS] = {"alg", "crit", "typ", "kid", "jku", "x5u",
                                                           "jwk", "x5c", "iat", "nbf", "exp", "kty", "k"};

/* Fails the scan at the cursor with why (top->error_at, top->error_why). */
static int scan_fail(cursor_t *c, jsk_json_top *top, const char *why)
{
    if (top != NULL) {
        top->error_at = c->i;
        top->error_why = why != NULL ? why : c->why;
    }
    return JSK_ERR_BAD_JSON;
}

int jsk_json_scan(const uint8_t *text, size_t len, int require_object, jsk_json_top *top)
{
    cursor_t c = {text, len, 0, NULL};
    uint8_t stack[JSK_JSON_DEPTH_MAX]; /* 'o' object, 'a' array */
    size_t depth = 0;
    int expect_value = 1;

    if (top != NULL) {
        memset(top, 0, sizeof *top);
    }
    if (text == NULL && len > 0) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    skip_ws(&c);
    if (c.i >= c.n) {
        return scan_fail(&c, top, "the text is empty");
    }
    if (require_object && c.s[c.i] != '{') {
        return scan_fail(&c, top, "expected a JSON object, which starts with {");
    }
    for (;;) {
        skip_ws(&c);
        if (!expect_value && depth == 0) {
            /* one value, then only whitespace */
            return c.i == c.n ? JSK_OK : scan_fail(&c, top, "more text after the end of the JSON value");
        }
        if (c.i >= c.n) {
            return scan_fail(&c, top, "the text ends too soon (a } or ] is missing)");
        }
        if (expect_value) {
            uint8_t ch = c.s[c.i];
            int rc = 0;
            if (ch == '{' || ch == '[') {
                if (depth == JSK_JSON_DEPTH_MAX) {
                    return scan_fail(&c, top, "nested deeper than 64 levels");
                }
                stack[depth++] = ch == '{' ? 'o' : 'a';
                c.i++;
                skip_ws(&c);
                if (c.i < c.n && c.s[c.i] == (ch == '{' ? '}' : ']')) {
                    c.i++;
                    depth--;
                    expect_value = 0;
                } else if (ch == '{') {
                    /* The first member's key. */
                    goto member_key;
                }
                continue;
            }
            if (ch == '"') {
                rc = parse_string(&c, NULL, 0, NULL);
            } else if (ch == '-' || (ch >= '0' && ch <= '9')) {
                rc = parse_number(&c);
            } else if (ch == 't') {
                rc = parse_literal(&c, "true");
            } else if (ch == 'f') {
                rc = parse_literal(&c, "false");
            } else if (ch == 'n') {
                rc = parse_literal(&c, "null");
            } else {
                rc = bad(&c, ch == ']' || ch == '}' ? "a value is missing (a trailing comma?)"
                                                    : "not a JSON value (strings need double quotes)");
            }
            if (rc != 0) {
                return scan_fail(&c, top, NULL);
            }
            expect_value = 0;
            continue;
        }
        /* After a value inside an array or object: a separator or a closer. */
        if (c.s[c.i] == ',') {
            c.i++;
            if (stack[depth - 1] == 'a') {
                expect_value = 1;
                continue;
            }
            skip_ws(&c);
        member_key:
            if (c.i >= c.n || c.s[c.i] != '"') {
                return scan_fail(&c, top, c.i < c.n && c.s[c.i] == '}'
                                              ? "a member is missing after the comma (a trailing comma?)"
                                              : "expected a member name in double quotes");
            }
            {
                char key[8];
                size_t key_len = 0, k;
                if (parse_string(&c, key, sizeof key, &key_len) != 0) {
                    return scan_fail(&c, top, NULL);
                }
                skip_ws(&c);
                if (c.i >= c.n || c.s[c.i] != ':') {
                    return scan_fail(&c, top, "expected a colon (:) after the member name");
                }
                c.i++;
                skip_ws(&c);
                if (top != NULL && depth == 1) {
                    for (k = 0; k < JSK_JSON_MEMBERS; k++) {
                        if (key_len == strlen(member_names[k]) && memcmp(key, member_names[k], key_len) == 0) {
                            top->count[k]++;
                            top->at[k] = c.i; /* the last one: JSON.parse keeps the last */
                        }
                    }
                    if (key_len == 3 && memcmp(key, "alg", 3) == 0) {
                        top->alg_count++;
                        top->alg_len = 0;
                        top->alg_is_string = c.i < c.n && c.s[c.i] == '"';
                        if (top->alg_is_string) {
                            size_t save = c.i;
                            if (parse_string(&c, top->alg, sizeof top->alg, &top->alg_len) != 0) {
                                return scan_fail(&c, top, NULL);
                            }
                            c.i = save; /* parsed again below as a value */
                        }
                    } else if (key_len == 4 && memcmp(key, "crit", 4) == 0) {
                        top->has_crit = 1;
                    }
                }
            }
            expect_value = 1;
            continue;
        }
        if ((c.s[c.i] == '}' && stack[depth - 1] == 'o') || (c.s[c.i] == ']' && stack[depth - 1] == 'a')) {
            c.i++;
            depth--;
            continue;
        }
        return scan_fail(&c, top, stack[depth - 1] == 'o' ? "expected a comma (,) or the end of the object (})"
                                                          : "expected a comma (,) or the end of the array (])");
    }
}

int jsk_json_check(const uint8_t *text, size_t len, int require_object)
{
    return jsk_json_scan(text, len, require_object, NULL);
}

int jsk_json_string_at(const uint8_t *text, size_t len, size_t at, char *out, size_t cap, size_t *out_len)
{
    cursor_t c = {text, len, at, NULL};
    *out_len = 0;
    if (at >= len || text[at] != '"') {
        return -1;
    }
    return parse_string(&c, out, cap, out_len);
}

size_t jsk_json_number_at(const uint8_t *text, size_t len, size_t at, double *value)
{
    cursor_t c = {text, len, at, NULL};
    double v = 0, frac = 0, scale = 1;
    size_t i = at;
    int neg = 0, exp = 0, eneg = 0;

    *value = 0;
    if (at >= len || parse_number(&c) != 0) {
        return 0;
    }
    /* Decimal digits without strtod (which would add kilobytes to the jwt module): exact for
     * integers up to 2^53, within an ulp or two otherwise: enough for comparing times. */
    if (text[i] == '-') {
        neg = 1;
        i++;
    }
    for (; i < c.i && text[i] >= '0' && text[i] <= '9'; i++) {
        v = v * 10 + (text[i] - '0');
    }
    if (i < c.i && text[i] == '.') {
        for (i++; i < c.i && text[i] >= '0' && text[i] <= '9'; i++) {
            if (scale < 1e300) {
                frac = frac * 10 + (text[i] - '0');
                scale *= 10;
            }
        }
        v += frac / scale;
    }
    if (i < c.i && (text[i] == 'e' || text[i] == 'E')) {
        i++;
        if (text[i] == '+' || text[i] == '-') {
            eneg = text[i++] == '-';
        }
        for (; i < c.i; i++) {
            if (exp < 10000) {
                exp = exp * 10 + (text[i] - '0');
            }
        }
        for (; exp > 0 && v != 0 && v < 1e308 && v > 1e-308; exp--) {
            v = eneg ? v / 10 : v * 10;
        }
        if (exp > 0 && v != 0) {
            v = eneg ? 0 : v * 1e308 * 10; /* beyond double: 0 or infinity */
        }
    }
    *value = neg ? -v : v;
    return c.i - at;
}

int jsk_json_error_text(char *out, size_t out_maxlen, size_t *out_len, const uint8_t *text, size_t len,
                        int require_object)
{
    jsk_json_top top;
    jsk_text t = {out, 0, out_maxlen, 0};
    size_t i, line = 1, column = 1;
    int rc;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (out == NULL || (text == NULL && len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (out_maxlen > 0) {
        out[0] = '\0';
    }
    rc = jsk_json_scan(text, len, require_object, &top);
    if (rc != JSK_ERR_BAD_JSON) {
        return rc; /* JSK_OK: nothing to explain */
    }
    /* Lines end at \n; a column counts characters (UTF-8 continuation bytes are not counted). */
    for (i = 0; i < top.error_at && i < len; i++) {
        if (text[i] == '\n') {
            line++;
            column = 1;
        } else if ((text[i] & 0xC0U) != 0x80U) {
            column++;
        }
    }
    jsk_text_put(&t, "line ");
    jsk_text_uint(&t, line);
    jsk_text_put(&t, ", column ");
    jsk_text_uint(&t, column);
    jsk_text_put(&t, " (byte ");
    jsk_text_uint(&t, top.error_at);
    jsk_text_put(&t, "): ");
    jsk_text_put(&t, top.error_why);
    if (t.overflow) {
        if (out_maxlen > 0) {
            out[0] = '\0';
        }
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    if (out_len != NULL) {
        *out_len = t.len;
    }
    return JSK_OK;
}
