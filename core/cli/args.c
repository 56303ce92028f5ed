/* args.c — option parsing and the usage/input error paths of jwt-secret. GNU-style long options
 * (--name VALUE, --name=VALUE), -h/--help anywhere, positionals in order. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    cli_flush();
    fputs(CLI_NAME ": ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nRun '" CLI_NAME " help' for usage.\n", stderr);
    exit(CLI_EXIT_ERROR);
}

void cli_core_error(const char *context, int rc)
{
    cli_flush();
    fprintf(stderr, CLI_NAME ": %s: %s (%s)\n", context, jsk_strerror(rc), jsk_error_code(rc));
    exit(CLI_EXIT_ERROR);
}

static int spec_index(const cli_option *spec, const char *name, size_t len)
{
    int i;
    for (i = 0; spec[i].name != NULL; i++) {
        if (strlen(spec[i].name) == len && memcmp(spec[i].name, name, len) == 0) {
            return i;
        }
    }
    return -1;
}

void cli_parse(cli_args *a, int argc, char **argv, const cli_option *spec, const char *command)
{
    int i;
    memset(a, 0, sizeof *a);
    a->spec = spec;
    for (i = 0; i < argc; i++) {
        const char *arg = argv[i], *eq, *value;
        int idx;
        size_t name_len;
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            a->help = 1;
            return;
        }
        if (arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (a->npositionals < CLI_POSITIONALS_MAX) {
                a->positionals[a->npositionals] = arg;
            }
            a->npositionals++;
            continue;
        }
        eq = strchr(arg, '=');
        name_len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
        idx = strncmp(arg, "--", 2) == 0 ? spec_index(spec, arg + 2, name_len - 2) : -1;
        if (idx < 0) {
            cli_usage_error("unknown option '%.*s' for '%s'", (int)name_len, arg, command);
        }
        if (spec[idx].flag) {
            if (eq != NULL) {
                cli_usage_error("option --%s takes no value", spec[idx].name);
            }
            value = "true";
        } else if (eq != NULL) {
            value = eq + 1;
        } else {
            if (i + 1 >= argc) {
                cli_usage_error("option --%s needs a value", spec[idx].name);
            }
            value = argv[++i];
        }
        if (!spec[idx].repeat && a->counts[idx] > 0) {
            cli_usage_error("option --%s given more than once", spec[idx].name);
        }
        if (a->values[idx] == NULL) {
            a->values[idx] = cli_malloc(sizeof(char *) * (size_t)argc);
        }
        a->values[idx][a->counts[idx]++] = value;
    }
}

void cli_args_free(cli_args *a)
{
    int i;
    for (i = 0; i < CLI_OPTIONS_MAX; i++) {
        free((void *)a->values[i]);
        a->values[i] = NULL;
    }
}

static int index_of(const cli_args *a, const char *name)
{
    int idx = spec_index(a->spec, name, strlen(name));
    if (idx < 0) {
        abort(); /* a name missing from the command's own table: a bug here, not user input */
    }
    return idx;
}

const char *cli_opt(const cli_args *a, const char *name)
{
    int idx = index_of(a, name);
    return a->counts[idx] > 0 ? a->values[idx][0] : NULL;
}

int cli_opt_count(const cli_args *a, const char *name)
{
    return a->counts[index_of(a, name)];
}

const char *const *cli_opt_values(const cli_args *a, const char *name)
{
    return a->values[index_of(a, name)];
}

size_t cli_whole_number(const char *text, const char *option, size_t max)
{
    size_t i, n = strlen(text);
    unsigned long long v = 0; /* 10 digits overflow a 32-bit size_t (wasm32) */
    int ok = n > 0 && n <= 10;
    for (i = 0; ok && i < n; i++) {
        ok = text[i] >= '0' && text[i] <= '9';
        v = v * 10U + (unsigned long long)(text[i] - '0');
    }
    if (!ok || v < 1 || v > max) {
        cli_usage_error("--%s expects a whole number from 1 to %zu, got '%s'", option, max, text);
    }
    return (size_t)v;
}

int cli_alg(const char *text)
{
    char upper[8];
    size_t i, n;
    int alg = -1;
    if (text == NULL) {
        return JSK_ALG_UNSET;
    }
    n = strlen(text);
    if (n < sizeof upper) {
        for (i = 0; i < n; i++) {
            upper[i] = (char)(text[i] >= 'a' && text[i] <= 'z' ? text[i] - 32 : text[i]);
        }
        alg = jsk_alg_from_name(upper, n);
    }
    if (alg < 0) {
        cli_usage_error("--alg must be one of HS256, HS384, HS512, got '%s'", text);
    }
    return alg;
}
