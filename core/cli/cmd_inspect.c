/* cmd_inspect.c — `jwt-secret inspect`: the core's inspection of a token (jsk_jwt_inspect), printed as
 * its JSON (--json) or rendered as lines. The renderer reads the core's JSON and nothing else, so the
 * two outputs cannot disagree; cmd_jwt.c's verify renders its report's findings with it too. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

#define NOT_FOUND ((size_t)-1)

/* ---------------------------------------------------------------- reading the core's JSON */

static size_t skip_space(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) {
        i++;
    }
    return i;
}

/* Just past the JSON value at s[i] (valid JSON: the core wrote it). */
static size_t skip_value(const char *s, size_t n, size_t i)
{
    size_t depth = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '"') {
            for (i++; i < n && s[i] != '"'; i++) {
                i += s[i] == '\\';
            }
        } else if (c == '{' || c == '[') {
            depth++;
            continue;
        } else if (c == '}' || c == ']' || c == ',') {
            if (depth == 0) {
                return i;
            }
            if (c != ',') {
                depth--;
            }
        }
        if (depth == 0) {
            /* a string or a closer just ended the value, or a scalar goes on to its end */
            if (c == '"' || c == '}' || c == ']') {
                return i + 1;
            }
        }
    }
    return n;
}

size_t cli_json_member(const char *s, size_t n, size_t obj, const char *key)
{
    size_t i = skip_space(s, n, obj), klen = strlen(key);
    if (i >= n || s[i] != '{') {
        return NOT_FOUND;
    }
    i = skip_space(s, n, i + 1);
    while (i < n && s[i] == '"') {
        size_t k = i + 1, end = k, v;
        while (end < n && s[end] != '"') {
            end++;
        }
        v = skip_space(s, n, skip_space(s, n, end + 1) + 1); /* past the ':' */
        if (end - k == klen && memcmp(s + k, key, klen) == 0) {
            return v;
        }
        i = skip_space(s, n, skip_value(s, n, v));
        if (i < n && s[i] == ',') {
            i = skip_space(s, n, i + 1);
        }
    }
    return NOT_FOUND;
}

size_t cli_json_next(const char *s, size_t n, size_t at)
{
    size_t i = skip_space(s, n, at);
    if (i < n && s[i] == '[') {
        i = skip_space(s, n, i + 1); /* the first element */
    } else {
        i = skip_space(s, n, skip_value(s, n, i));
        if (i < n && s[i] == ',') {
            i = skip_space(s, n, i + 1);
        } else {
            return NOT_FOUND;
        }
    }
    return i < n && s[i] != ']' ? i : NOT_FOUND;
}

int cli_json_is(const char *s, size_t n, size_t at, const char *literal)
{
    size_t len = strlen(literal);
    return at != NOT_FOUND && at + len <= n && memcmp(s + at, literal, len) == 0;
}

static void out_utf8(uint32_t cp)
{
    char b[4];
    size_t k;
    if (cp < 0x80) {
        b[0] = (char)cp, k = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6)), b[1] = (char)(0x80 | (cp & 0x3F)), k = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12)), b[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), b[2] = (char)(0x80 | (cp & 0x3F)), k = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18)), b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F)), k = 4;
    }
    cli_out(b, k);
}

static uint32_t hex4(const char *s)
{
    uint32_t v = 0;
    int k;
    for (k = 0; k < 4; k++) {
        char c = s[k];
        v = v * 16U + (uint32_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

void cli_json_print(const char *s, size_t n, size_t at)
{
    size_t i, run;
    if (at == NOT_FOUND || at >= n) {
        return;
    }
    if (s[at] != '"') {
        cli_out(s + at, skip_value(s, n, at) - at); /* a number, true, false, null, or raw JSON */
        return;
    }
    for (i = at + 1; i < n && s[i] != '"';) {
        for (run = i; run < n && s[run] != '"' && s[run] != '\\'; run++) {
        }
        cli_out(s + i, run - i);
        i = run;
        if (i < n && s[i] == '\\') {
            char e = s[i + 1];
            uint32_t cp = (uint32_t)e;
            i += 2;
            switch (e) {
            case 'b': cp = 8; break;
            case 'f': cp = 12; break;
            case 'n': cp = 10; break;
            case 'r': cp = 13; break;
            case 't': cp = 9; break;
            case 'u':
                cp = hex4(s + i);
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= n && s[i] == '\\' && s[i + 1] == 'u') {
                    cp = 0x10000U + ((cp - 0xD800U) << 10) + (hex4(s + i + 2) - 0xDC00U);
                    i += 6;
                }
                break;
            default: break;
            }
            out_utf8(cp);
        }
    }
}

void cli_print_findings(const char *s, size_t n, size_t root)
{
    size_t f = cli_json_member(s, n, root, "findings"), e;
    for (e = f == NOT_FOUND ? NOT_FOUND : cli_json_next(s, n, f); e != NOT_FOUND; e = cli_json_next(s, n, e)) {
        cli_json_print(s, n, cli_json_member(s, n, e, "severity"));
        CLI_OUT_LITERAL(": ");
        cli_json_print(s, n, cli_json_member(s, n, e, "message"));
        CLI_OUT_LITERAL(" (");
        cli_json_print(s, n, cli_json_member(s, n, e, "code"));
        CLI_OUT_LITERAL(")\n");
    }
}

double cli_now_arg(const char *text)
{
    char *end = NULL;
    double v;
    if (text == NULL) {
        return (double)time(NULL);
    }
    v = strtod(text, &end);
    if (end == text || *end != '\0' || !(v >= 0 && v < 1e15)) {
        cli_usage_error("--now expects seconds since 1970 (such as 1700000000), got '%s'", text);
    }
    return v;
}

/* A JSON string of the core's own sentences on stderr (they hold no escapes but \\" and \\\\). */
static void err_string(const char *s, size_t n, size_t at)
{
    size_t k;
    for (k = at + 1; at != NOT_FOUND && k < n && s[k] != '"'; k++) {
        fputc(s[k] == '\\' ? s[++k] : s[k], stderr);
    }
}

/* ---------------------------------------------------------------- the command */

int cli_inspect(int argc, char **argv)
{
    static const cli_option spec[] = {{"json", 1, 0}, {"now", 0, 0}, {NULL, 0, 0}};
    cli_args a;
    cli_bytes in;
    char *out;
    size_t cap, len = 0, v;
    int rc, danger = 0;
    double now;

    cli_parse(&a, argc, argv, spec, "inspect");
    if (a.help) {
        cli_out(cli_help("inspect"), strlen(cli_help("inspect")));
        return CLI_EXIT_OK;
    }
    if (a.npositionals > 1) {
        cli_usage_error("give one TOKEN (or none, to read it from standard input)");
    }
    now = cli_now_arg(cli_opt(&a, "now"));
    if (a.npositionals == 1) {
        in.len = strlen(a.positionals[0]);
        in.cap = in.len + 1;
        in.data = cli_malloc(in.cap);
        memcpy(in.data, a.positionals[0], in.cap);
    } else {
        cli_read_stdin(&in, JSK_INSPECT_LEN_MAX, "no token given: pass it as TOKEN or pipe it in");
    }
    if (in.len > JSK_INSPECT_LEN_MAX) {
        cli_core_error("inspect", JSK_ERR_TOO_LARGE);
    }
    cap = jsk_jwt_inspect_len(in.len);
    out = cli_malloc(cap);
    rc = jsk_jwt_inspect(out, cap, &len, (const char *)in.data, in.len, now);
    free(in.data);
    if (rc != JSK_OK) {
        cli_core_error("inspect", rc);
    }
    if (!cli_json_is(out, len, cli_json_member(out, len, 0, "ok"), "true")) {
        /* Not a token: the core's words, and what it removed first, on stderr; nothing on stdout. */
        size_t err = cli_json_member(out, len, 0, "error"), e;
        cli_flush();
        for (e = cli_json_next(out, len, cli_json_member(out, len, 0, "notes")); e != NOT_FOUND; e = cli_json_next(out, len, e)) {
            fputs(CLI_NAME ": inspect: note: ", stderr);
            err_string(out, len, cli_json_member(out, len, e, "message"));
            fputc('\n', stderr);
        }
        fputs(CLI_NAME ": inspect: ", stderr);
        err_string(out, len, cli_json_member(out, len, err, "message"));
        fputs(" (", stderr);
        err_string(out, len, cli_json_member(out, len, err, "code"));
        fputs(")\n", stderr);
        free(out);
        exit(CLI_EXIT_ERROR);
    }
    for (v = cli_json_next(out, len, cli_json_member(out, len, 0, "findings")); v != NOT_FOUND; v = cli_json_next(out, len, v)) {
        danger |= cli_json_is(out, len, cli_json_member(out, len, v, "severity"), "\"danger\"");
    }
    if (cli_opt(&a, "json") != NULL) {
        cli_out(out, len);
        CLI_OUT_LITERAL("\n");
    } else {
        static const char *const fields[] = {"alg", "typ", "kid"};
        size_t k;
        for (v = cli_json_next(out, len, cli_json_member(out, len, 0, "notes")); v != NOT_FOUND; v = cli_json_next(out, len, v)) {
            CLI_OUT_LITERAL("note: ");
            cli_json_print(out, len, cli_json_member(out, len, v, "message"));
            CLI_OUT_LITERAL("\n");
        }
        CLI_OUT_LITERAL("header:  ");
        cli_json_print(out, len, cli_json_member(out, len, 0, "header"));
        CLI_OUT_LITERAL("\npayload: ");
        v = cli_json_member(out, len, 0, "payload");
        if (cli_json_is(out, len, v, "null")) {
            CLI_OUT_LITERAL("(not UTF-8 text)");
        } else {
            cli_json_print(out, len, v);
        }
        CLI_OUT_LITERAL("\n");
        for (k = 0; k < 3; k++) {
            v = cli_json_member(out, len, 0, fields[k]);
            if (!cli_json_is(out, len, v, "null")) {
                cli_printf("%s: ", fields[k]);
                cli_json_print(out, len, v);
                CLI_OUT_LITERAL("\n");
            }
        }
        CLI_OUT_LITERAL("time: ");
        cli_json_print(out, len, cli_json_member(out, len, cli_json_member(out, len, 0, "times"), "text"));
        CLI_OUT_LITERAL("\n");
        cli_print_findings(out, len, 0);
    }
    free(out);
    cli_args_free(&a);
    return danger ? CLI_EXIT_NEGATIVE : CLI_EXIT_OK;
}
