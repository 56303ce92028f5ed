/* output.c — standard output for jwt-secret. Every write is checked: when the reader has gone
 * (`jwt-secret generate --count 1000 | head -n 1`) the program ends quietly with status 2 (as a
 * SIGPIPE would end it, but the same way in both builds); any other write error is reported. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "text_internal.h"

static void write_failed(void)
{
    if (errno != EPIPE) {
        fprintf(stderr, CLI_NAME ": cannot write to standard output: %s\n", strerror(errno));
    }
    exit(CLI_EXIT_ERROR);
}

void cli_out(const char *s, size_t n)
{
    if (n > 0 && fwrite(s, 1, n, stdout) != n) {
        write_failed();
    }
}

void cli_puts(const char *s)
{
    cli_out(s, strlen(s));
    cli_out("\n", 1);
}

void cli_printf(const char *fmt, ...)
{
    va_list ap;
    int rc;
    va_start(ap, fmt);
    rc = vfprintf(stdout, fmt, ap);
    va_end(ap);
    if (rc < 0) {
        write_failed();
    }
}

void cli_json_string(const uint8_t *s, size_t n)
{
    size_t i, run = 0;
    cli_out("\"", 1);
    for (i = 0; i < n; i++) {
        uint8_t c = s[i];
        char esc[8];
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        cli_out((const char *)s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': cli_out("\\\"", 2); break;
        case '\\': cli_out("\\\\", 2); break;
        case '\b': cli_out("\\b", 2); break;
        case '\f': cli_out("\\f", 2); break;
        case '\n': cli_out("\\n", 2); break;
        case '\r': cli_out("\\r", 2); break;
        case '\t': cli_out("\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", c);
            cli_out(esc, 6);
        }
    }
    cli_out((const char *)s + run, n - run);
    cli_out("\"", 1);
}

/* The core's writer (text.c), so that the CLI and the report print bits alike. */
void cli_fixed1(double v)
{
    char buf[32];
    jsk_text t = {buf, 0, sizeof buf, 0};
    buf[0] = '\0';
    jsk_text_fixed1(&t, v);
    cli_printf("%s", buf);
}

void cli_flush(void)
{
    if (fflush(stdout) != 0) {
        write_failed();
    }
}
