/* json.c — a strict RFC 8259 JSON checker with no allocation and bounded nesting, which can also
 * report the top-level members a JWS header needs ("alg", "crit"). Iterative: hostile nesting
 * cannot exhaust the stack. */
#include <string.h>

#include "json_internal.h"
#include "jsk.h"
#include "utf8_internal.h"

typedef struct {
    const uint8_t *s;
    size_t n, i;
} cursor_t;

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
            return -1;
        }
        if (ch == '\\') {
            uint8_t e;
            if (++c->i >= c->n) {
                return -1;
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
                    return -1;
                }
                for (k = 0; k < 4; k++) {
                    if ((v = hexval(c->s[c->i + (size_t)k])) < 0) {
                        return -1;
                    }
                    cp = cp * 16U + (uint32_t)v;
                }
                c->i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF) { /* a high surrogate needs its low half */
                    uint32_t lo = 0;
                    if (c->i + 6 > c->n || c->s[c->i] != '\\' || c->s[c->i + 1] != 'u') {
                        return -1;
                    }
                    for (k = 0; k < 4; k++) {
                        if ((v = hexval(c->s[c->i + 2 + (size_t)k])) < 0) {
                            return -1;
                        }
                        lo = lo * 16U + (uint32_t)v;
                    }
                    if (lo < 0xDC00 || lo > 0xDFFF) {
                        return -1;
                    }
                    c->i += 6;
                    cp = 0x10000U + ((cp - 0xD800U) << 10) + (lo - 0xDC00U);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return -1;
                }
                break;
            }
            default:
                return -1;
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
                return -1;
            }
            if (out != NULL && len < cap) {
                out[len] = (char)0x80;
            }
            len++;
            c->i += step;
        }
    }
    return -1;
}

static int parse_number(cursor_t *c)
{
    size_t start;
    if (c->i < c->n && c->s[c->i] == '-') {
        c->i++;
    }
    if (c->i >= c->n) {
        return -1;
    }
    if (c->s[c->i] == '0') {
        c->i++;
    } else if (c->s[c->i] >= '1' && c->s[c->i] <= '9') {
        while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9') {
            c->i++;
        }
    } else {
        return -1;
    }
    if (c->i < c->n && c->s[c->i] == '.') {
        start = ++c->i;
        while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9') {
            c->i++;
        }
        if (c->i == start) {
            return -1;
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
            return -1;
        }
    }
    return 0;
}

static int parse_literal(cursor_t *c, const char *word)
{
    size_t n = strlen(word);
    if (c->i + n > c->n || memcmp(c->s + c->i, word, n) != 0) {
        return -1;
    }
    c->i += n;
    return 0;
}

int jsk_json_scan(const uint8_t *text, size_t len, int require_object, jsk_json_top *top)
{
    cursor_t c = {text, len, 0};
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
    if (require_object && (c.i >= c.n || c.s[c.i] != '{')) {
        return JSK_ERR_BAD_JSON;
    }
    for (;;) {
        skip_ws(&c);
        if (!expect_value && depth == 0) {
            return c.i == c.n ? JSK_OK : JSK_ERR_BAD_JSON; /* one value, then only whitespace */
        }
        if (c.i >= c.n) {
            return JSK_ERR_BAD_JSON;
        }
        if (expect_value) {
            uint8_t ch = c.s[c.i];
            int rc = 0;
            if (ch == '{' || ch == '[') {
                if (depth == JSK_JSON_DEPTH_MAX) {
                    return JSK_ERR_BAD_JSON;
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
                rc = -1;
            }
            if (rc != 0) {
                return JSK_ERR_BAD_JSON;
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
                return JSK_ERR_BAD_JSON;
            }
            {
                char key[8];
                size_t key_len = 0;
                size_t value_start;
                if (parse_string(&c, key, sizeof key, &key_len) != 0) {
                    return JSK_ERR_BAD_JSON;
                }
                skip_ws(&c);
                if (c.i >= c.n || c.s[c.i] != ':') {
                    return JSK_ERR_BAD_JSON;
                }
                c.i++;
                skip_ws(&c);
                value_start = c.i;
                if (top != NULL && depth == 1) {
                    if (key_len == 3 && memcmp(key, "alg", 3) == 0) {
                        top->alg_count++;
                        top->alg_len = 0;
                        top->alg_is_string = value_start < c.n && c.s[value_start] == '"';
                        if (top->alg_is_string) {
                            size_t save = c.i;
                            if (parse_string(&c, top->alg, sizeof top->alg, &top->alg_len) != 0) {
                                return JSK_ERR_BAD_JSON;
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
        return JSK_ERR_BAD_JSON;
    }
}

int jsk_json_check(const uint8_t *text, size_t len, int require_object)
{
    return jsk_json_scan(text, len, require_object, NULL);
}
