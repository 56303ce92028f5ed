/* cli.h — what the files of `jwt-secret` share. The command line is one C program built twice:
 * natively (build/native/jwt-secret) and with Emscripten for Node (the npm bin runs it through a
 * launcher that only passes argv and whether stdin is a terminal). Everything the user sees —
 * help, option rules, messages, outputs, exit codes — is written here, once. */
#ifndef JSK_CLI_H
#define JSK_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "jsk.h"

#define CLI_NAME "jwt-secret"

/* Exit statuses: success / strong / valid / not found; a negative answer (weak, invalid, found);
 * a usage or input error (message on stderr). */
#define CLI_EXIT_OK 0
#define CLI_EXIT_NEGATIVE 1
#define CLI_EXIT_ERROR 2

#define CLI_COUNT_MAX 1000                /* generate --count */
#define CLI_AUDIT_LIMIT_SECONDS 600.0     /* audit: above this estimate, suggest hashcat */

/* ---------------------------------------------------------------- help (help.c) */

/* The text of `jwt-secret help [TOPIC]`; NULL for an unknown topic. */
const char *cli_help(const char *topic);

/* ---------------------------------------------------------------- options (args.c) */

typedef struct cli_option {
    const char *name; /* without the leading "--" */
    int flag;         /* takes no value */
    int repeat;       /* may be given more than once */
} cli_option;

#define CLI_OPTIONS_MAX 12
#define CLI_POSITIONALS_MAX 4

typedef struct cli_args {
    const cli_option *spec;
    const char **values[CLI_OPTIONS_MAX]; /* argv pointers, in order (repeatable options) */
    int counts[CLI_OPTIONS_MAX];
    const char *positionals[CLI_POSITIONALS_MAX];
    int npositionals; /* may exceed CLI_POSITIONALS_MAX: only the first ones are kept */
    int help;         /* -h or --help was given */
} cli_args;

/* Parses argv against spec (terminated by a NULL name); a usage error exits. Option values live
 * in argv; cli_args_free() releases the value lists. */
void cli_parse(cli_args *a, int argc, char **argv, const cli_option *spec, const char *command);
void cli_args_free(cli_args *a);
/* The first value of an option, or NULL; "true" for a flag that was given. */
const char *cli_opt(const cli_args *a, const char *name);
/* How many times an option was given, and its values. */
int cli_opt_count(const cli_args *a, const char *name);
const char *const *cli_opt_values(const cli_args *a, const char *name);

/* A whole number 1..max for --option, or a usage error. */
size_t cli_whole_number(const char *text, const char *option, size_t max);
/* --alg (case-insensitive) to jsk_alg; JSK_ALG_UNSET when text is NULL. */
int cli_alg(const char *text);

/* "jwt-secret: <message>\nRun 'jwt-secret help' for usage." on stderr, exit 2. */
void cli_usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((noreturn, format(printf, 1, 2)))
#endif
    ;
/* "jwt-secret: <context>: <jsk_strerror> (<code>)" on stderr, exit 2. */
void cli_core_error(const char *context, int rc)
#if defined(__GNUC__)
    __attribute__((noreturn))
#endif
    ;

/* ---------------------------------------------------------------- input and memory (io.c) */

void *cli_malloc(size_t n);
/* Wipes n bytes, then frees: buffers here may hold secrets. NULL is fine. */
void cli_wipe_free(void *p, size_t n);

typedef struct cli_bytes {
    uint8_t *data;
    size_t len, cap;
} cli_bytes;

/* Whether standard input is a terminal: isatty() natively; in Node, what the launcher saw
 * (Emscripten's isatty() says yes for pipes too). */
int cli_stdin_is_terminal(void);
/* All of standard input; only max + 1 bytes are kept (the rest is read and dropped), so
 * b->len > max says it was longer. When stdin is a terminal: a usage error with hint. */
void cli_read_stdin(cli_bytes *b, size_t max, const char *hint);
/* All of a file ("-" is standard input); a usage error names option and why it cannot be read.
 * More than max bytes is a usage error (memory stays bounded). */
void cli_read_file(cli_bytes *b, const char *path, const char *option, size_t max);
/* Opens a file for reading in chunks, or a usage error (no such file, a directory, ...). */
FILE *cli_open_file(const char *path, const char *option);
/* n without one final "\n" or "\r\n". */
size_t cli_strip_newline(const uint8_t *s, size_t n);

/* Lines of a stream, read in bounded memory: each line (without its "\n" or "\r\n") is at most
 * max bytes; a longer one is reported as too long and skipped to its end. */
typedef struct cli_lines {
    FILE *f;
    uint8_t *buf;
    size_t cap, start, end, max;
    int eof;
    size_t number; /* 1-based number of the line last returned */
} cli_lines;

void cli_lines_open(cli_lines *l, FILE *f, size_t max);
/* 1: a line (*line, *len; valid until the next call); 0: the end; JSK_ERR_OUT_OF_RANGE: this line
 * is longer than max (it is skipped; the next call goes on after it). */
int cli_lines_next(cli_lines *l, const uint8_t **line, size_t *len);
void cli_lines_close(cli_lines *l);

/* Seconds from a monotonic clock. */
double cli_now(void);

/* ---------------------------------------------------------------- output (output.c) */

/* Everything goes through these, so that a failed write (a closed pipe) ends the program. */
void cli_out(const char *s, size_t n);
void cli_puts(const char *s);
/* A string literal, without its NUL. */
#define CLI_OUT_LITERAL(LITERAL) cli_out(LITERAL, sizeof LITERAL - 1U)
void cli_printf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* A JSON string of bytes (escaped as JSON requires; other bytes as they are). */
void cli_json_string(const uint8_t *s, size_t n);
/* A number with at most one decimal (256, 6.6), as the reports print bits. */
void cli_fixed1(double v);
/* Standard output flushed; exits quietly when the reader went away. */
void cli_flush(void);

/* ---------------------------------------------------------------- the analyzer (check.c) */

/* The dictionary, decoded on first use and kept until exit. */
const jsk_dict *cli_dict(void);
void cli_dict_free(void);
/* The text report of one secret (several lines). */
void cli_describe(const jsk_report *r);
/* Whole bits, as the text reports print them. */
unsigned long long cli_whole_bits(const jsk_report *r);

/* ---------------------------------------------------------------- commands */

int cli_generate(int argc, char **argv);
/* generate's .env files (--env, --layout, --out-dir): names and environments as given. */
int cli_generate_env(int alg, size_t nbytes, const char *layout, const char *const *names, int nnames,
                     const char *const *envs, int nenvs, const char *out_dir);
int cli_check(int argc, char **argv);
int cli_check_env(const char *file, const char *const *patterns, int npatterns, int alg, int encoding, int json,
                  const char *context, size_t context_len);
/* ---------------------------------------------------------------- the core's JSON (cmd_inspect.c) */

/* Where the value of member key of the object at s[obj] starts, or (size_t)-1. The JSON is the
 * core's own (jsk_jwt_inspect, jsk_jwt_verify_report): valid, so the reader is small. */
size_t cli_json_member(const char *s, size_t n, size_t obj, const char *key);
/* The first element of the array at s[at] ('['), or the element after the one at s[at]; (size_t)-1 at the end. */
size_t cli_json_next(const char *s, size_t n, size_t at);
/* The value at s[at] begins with literal ("true", "null", "\"invalid\""). */
int cli_json_is(const char *s, size_t n, size_t at, const char *literal);
/* The value at s[at] on stdout: a string decoded, anything else as written. */
void cli_json_print(const char *s, size_t n, size_t at);
/* "severity: message (CODE)" for each finding of the report at s[root]. */
void cli_print_findings(const char *s, size_t n, size_t root);
/* --now: seconds since 1970 (the clock when text is NULL), or a usage error. */
double cli_now_arg(const char *text);

int cli_inspect(int argc, char **argv);
int cli_sign(int argc, char **argv);
int cli_verify(int argc, char **argv);
int cli_audit(int argc, char **argv);

#endif /* JSK_CLI_H */
