/* io.c — input and memory for jwt-secret: whole inputs with a size limit, files, lines in bounded
 * memory, and buffers wiped before they are freed (they may hold secrets). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
/* The launcher (wasm/cli-launcher.mjs) says whether stdin is a terminal: Emscripten's isatty()
 * answers 1 for a pipe too. */
EM_JS(int, cli_js_stdin_is_terminal, (void), { return Module['stdinIsTerminal'] ? 1 : 0; });
#endif

void *cli_malloc(size_t n)
{
    void *p = malloc(n > 0 ? n : 1);
    if (p == NULL) {
        fputs(CLI_NAME ": out of memory\n", stderr);
        exit(CLI_EXIT_ERROR);
    }
    return p;
}

void cli_wipe_free(void *p, size_t n)
{
    if (p != NULL) {
        jsk_wipe(p, n);
        free(p);
    }
}

int cli_stdin_is_terminal(void)
{
#ifdef __EMSCRIPTEN__
    return cli_js_stdin_is_terminal();
#else
    return isatty(STDIN_FILENO);
#endif
}

static const char *why(int err)
{
    return err == ENOENT ? "no such file" : err == EISDIR ? "it is a directory" : err == EACCES ? "permission denied" : strerror(err);
}

/* Reads f to its end into b, growing b, but keeps at most max + 1 bytes: the rest is read and
 * dropped (so a writer into a pipe is not cut off), and b->len > max tells the caller. */
static void read_all(FILE *f, cli_bytes *b, size_t max)
{
    b->cap = 1U << 16;
    b->len = 0;
    b->data = cli_malloc(b->cap);
    for (;;) {
        size_t n;
        if (b->len == b->cap) {
            uint8_t *bigger;
            if (b->len > max) { /* over the limit: drain the rest into what we have */
                uint8_t sink[4096];
                while (fread(sink, 1, sizeof sink, f) > 0) {
                }
                jsk_wipe(sink, sizeof sink);
                break;
            }
            bigger = cli_malloc(b->cap * 2);
            memcpy(bigger, b->data, b->len);
            cli_wipe_free(b->data, b->cap);
            b->data = bigger;
            b->cap *= 2;
        }
        n = fread(b->data + b->len, 1, b->cap - b->len, f);
        if (n == 0) {
            break;
        }
        b->len += n;
    }
}

void cli_read_stdin(cli_bytes *b, size_t max, const char *hint)
{
    if (cli_stdin_is_terminal()) {
        cli_usage_error("%s", hint);
    }
    read_all(stdin, b, max);
}

FILE *cli_open_file(const char *path, const char *option)
{
    struct stat st;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        cli_usage_error("cannot read --%s %s: %s", option, path, why(errno));
    }
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        cli_usage_error("cannot read --%s %s: %s", option, path, why(EISDIR));
    }
    return f;
}

void cli_read_file(cli_bytes *b, const char *path, const char *option, size_t max)
{
    FILE *f;
    if (strcmp(path, "-") == 0) {
        if (cli_stdin_is_terminal()) {
            cli_usage_error("--%s - reads the file from standard input: pipe it in", option);
        }
        read_all(stdin, b, max);
    } else {
        f = cli_open_file(path, option);
        read_all(f, b, max);
        if (ferror(f)) {
            int err = errno;
            fclose(f);
            cli_usage_error("cannot read --%s %s: %s", option, path, why(err));
        }
        fclose(f);
    }
    if (b->len > max) {
        cli_wipe_free(b->data, b->cap);
        b->data = NULL;
        cli_usage_error("the --%s file is larger than %zu bytes", option, max);
    }
}

size_t cli_strip_newline(const uint8_t *s, size_t n)
{
    if (n > 0 && s[n - 1] == '\n') {
        n--;
        if (n > 0 && s[n - 1] == '\r') {
            n--;
        }
    }
    return n;
}

/* ------------------------------------------------------------------ lines */

void cli_lines_open(cli_lines *l, FILE *f, size_t max)
{
    memset(l, 0, sizeof *l);
    l->f = f;
    l->max = max;
    l->cap = 1U << 16;
    l->buf = cli_malloc(l->cap);
}

int cli_lines_next(cli_lines *l, const uint8_t **line, size_t *len)
{
    size_t scanned = 0;
    int too_long = 0;
    for (;;) {
        const uint8_t *p = l->buf + l->start;
        const uint8_t *nl = memchr(p + scanned, '\n', l->end - l->start - scanned);
        size_t n;
        if (nl != NULL || (l->eof && (l->start < l->end || too_long))) {
            n = nl != NULL ? (size_t)(nl - p) : l->end - l->start;
            l->start += n + (nl != NULL ? 1U : 0U);
            l->number++;
            if (nl != NULL && n > 0 && p[n - 1] == '\r') {
                n--; /* only the "\n" or "\r\n" ending goes */
            }
            if (too_long || n > l->max) {
                return JSK_ERR_OUT_OF_RANGE; /* as the checker answers a longer secret */
            }
            *line = p;
            *len = n;
            return 1;
        }
        if (l->eof) {
            return 0;
        }
        scanned = l->end - l->start;
        if (l->start > 0) { /* keep the unfinished line at the front */
            memmove(l->buf, l->buf + l->start, scanned);
            jsk_wipe(l->buf + scanned, l->end - scanned);
            l->end = scanned;
            l->start = 0;
        }
        if (l->end == l->cap) {
            if (l->cap > l->max + 2U) { /* no line end in sight: too long; drop what we have */
                too_long = 1;
                jsk_wipe(l->buf, l->end);
                l->end = 0;
                scanned = 0;
            } else {
                uint8_t *bigger = cli_malloc(l->cap * 2);
                memcpy(bigger, l->buf, l->end);
                cli_wipe_free(l->buf, l->cap);
                l->buf = bigger;
                l->cap *= 2;
            }
        }
        n = fread(l->buf + l->end, 1, l->cap - l->end, l->f);
        if (n == 0) {
            l->eof = 1;
        }
        l->end += n;
    }
}

void cli_lines_close(cli_lines *l)
{
    cli_wipe_free(l->buf, l->cap);
    l->buf = NULL;
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
