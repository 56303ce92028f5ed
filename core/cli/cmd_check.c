/* cmd_check.c — `jwt-secret check`: one secret (argument or standard input) or, with --batch, one
 * per line of standard input, streamed: each result is printed as its line is read, so memory
 * stays bounded whatever the input's size. `check --env` is in cmd_check_env.c. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static jsk_dict dict;
static void *dict_workspace;
static size_t dict_workspace_len;

const jsk_dict *cli_dict(void)
{
    if (dict_workspace == NULL) {
        int rc;
        dict_workspace_len = jsk_dict_workspace_len();
        dict_workspace = cli_malloc(dict_workspace_len);
        if ((rc = jsk_dict_init(&dict, dict_workspace, dict_workspace_len)) != JSK_OK ||
            (rc = jsk_self_test_check(&dict)) != JSK_OK) {
            cli_core_error("the analyzer's dictionary", rc);
        }
    }
    return &dict;
}

void cli_dict_free(void)
{
    free(dict_workspace);
    dict_workspace = NULL;
}

unsigned long long cli_whole_bits(const jsk_report *r)
{
    /* floored after the one-decimal rounding the JSON uses, so the two never disagree */
    return (unsigned long long)(r->entropy_bits * 10.0 + 0.5) / 10U;
}

void cli_describe(const jsk_report *r)
{
    char time_text[80], fix[64], meaning[JSK_REPORT_MEANING_LEN_MAX];
    size_t i;
    jsk_time_to_guess(time_text, sizeof time_text, r->seconds_log10);
    cli_printf("%s: about %llu bits of entropy%s, a %zu-byte key for %s (%s); time to guess on one GPU: %s\n",
               jsk_verdict_name(r->verdict), cli_whole_bits(r), r->entropy_capped ? " or more" : "", r->key_bytes,
               jsk_alg_name(r->alg), jsk_encoding_name(r->encoding), time_text);
    jsk_report_meaning(meaning, sizeof meaning, r);
    cli_printf("  %s\n", meaning);
    for (i = 0; i < r->n_findings; i++) {
        cli_printf("  - %s: %s\n", jsk_finding_name(r->findings[i].code), r->findings[i].message);
    }
    for (i = 0; i < r->n_alternatives; i++) {
        cli_printf("  decoded as %s: a %zu-byte key, %s for %s\n", jsk_encoding_name(r->alternatives[i].encoding),
                   r->alternatives[i].key_bytes, jsk_verdict_name(r->alternatives[i].verdicts[r->alg - 1]),
                   jsk_alg_name(r->alg));
    }
    jsk_report_fix(fix, sizeof fix, r);
    if (fix[0] != '\0') {
        cli_printf("  fix: %s\n", fix);
    }
}

static void print_json(const jsk_report *r)
{
    char text[JSK_REPORT_JSON_LEN_MAX];
    size_t n;
    int rc = jsk_report_json(text, sizeof text, &n, r);
    if (rc != JSK_OK) {
        cli_core_error("check", rc);
    }
    cli_out(text, n);
    cli_out("\n", 1);
}

static void print_batch_line(const jsk_report *r)
{
    size_t i;
    cli_printf("%s\t", jsk_verdict_name(r->verdict));
    cli_fixed1(r->entropy_bits);
    cli_printf(" bits\t%zu bytes\t", r->key_bytes);
    for (i = 0; i < r->n_findings; i++) {
        cli_printf("%s%s", i > 0 ? "," : "", jsk_finding_name(r->findings[i].code));
    }
    cli_puts(r->n_findings == 0 ? "-" : "");
}

/* An input error on one batch line: in order on stdout, and on stderr. */
static void print_line_error(size_t line, int rc, int json)
{
    if (json) {
        cli_printf("{\"line\":%zu,\"error\":{\"code\":\"%s\",\"message\":", line, jsk_error_code(rc));
        cli_json_string((const uint8_t *)jsk_strerror(rc), strlen(jsk_strerror(rc)));
        cli_puts("}}");
    } else {
        cli_printf("error\tline %zu: %s (%s)\n", line, jsk_strerror(rc), jsk_error_code(rc));
    }
    cli_flush(); /* stdout first: a reader of both streams sees them in order */
    fprintf(stderr, CLI_NAME ": line %zu: %s (%s)\n", line, jsk_strerror(rc), jsk_error_code(rc));
}

/* The --context words, one per line, for jsk_check_context(). */
static size_t context_text(char *out, const char *const *words, int n)
{
    size_t len = 0;
    int k;
    for (k = 0; k < n; k++) {
        size_t w = strlen(words[k]);
        if (len + w + 1 > JSK_CONTEXT_LEN_MAX) {
            cli_usage_error("--context: at most %u bytes of context words in all", JSK_CONTEXT_LEN_MAX);
        }
        memcpy(out + len, words[k], w);
        len += w;
        out[len++] = '\n';
    }
    return len;
}

static int check_batch(int alg, int encoding, int json, const char *context, size_t context_len)
{
    cli_lines lines;
    const uint8_t *line;
    size_t len;
    int rc, status = CLI_EXIT_OK;
    jsk_report *r = cli_malloc(sizeof *r);

    if (cli_stdin_is_terminal()) {
        cli_usage_error("--batch reads one secret per line of standard input: pipe them in");
    }
    cli_lines_open(&lines, stdin, JSK_CHECK_LEN_MAX);
    while ((rc = cli_lines_next(&lines, &line, &len)) != 0) {
        if (rc == 1) {
            rc = jsk_check_context(r, alg, cli_dict(), line, len, encoding, (const uint8_t *)context, context_len);
        }
        if (rc != JSK_OK) {
            print_line_error(lines.number, rc, json);
            status = CLI_EXIT_ERROR;
            continue;
        }
        if (r->verdict != JSK_VERDICT_STRONG && status == CLI_EXIT_OK) {
            status = CLI_EXIT_NEGATIVE;
        }
        if (json) {
            print_json(r);
        } else {
            print_batch_line(r);
        }
        jsk_wipe(r, sizeof *r);
    }
    cli_lines_close(&lines);
    free(r);
    return status;
}

int cli_check(int argc, char **argv)
{
    static const cli_option spec[] = {{"alg", 0, 0}, {"encoding", 0, 0}, {"json", 1, 0}, {"batch", 1, 0},
                                      {"env", 0, 0}, {"var-pattern", 0, 1}, {"context", 0, 1}, {NULL, 0, 0}};
    cli_args a;
    cli_bytes in = {NULL, 0, 0};
    const char *enc_text, *env_file;
    int alg, encoding = JSK_ENCODING_RAW, json, batch, rc, status;
    size_t len, context_len;
    char context[JSK_CONTEXT_LEN_MAX];
    jsk_report *r;

    cli_parse(&a, argc, argv, spec, "check");
    if (a.help) {
        cli_out(cli_help("check"), strlen(cli_help("check")));
        return CLI_EXIT_OK;
    }
    alg = cli_alg(cli_opt(&a, "alg"));
    enc_text = cli_opt(&a, "encoding");
    json = cli_opt(&a, "json") != NULL;
    batch = cli_opt(&a, "batch") != NULL;
    /* base64url-padded is a format the generator writes; the checker's base64url takes padding anyway. */
    if (enc_text != NULL && ((encoding = jsk_encoding_from_name(enc_text, strlen(enc_text))) < 0 ||
                             encoding == JSK_ENCODING_BASE64URL_PADDED)) {
        cli_usage_error("--encoding must be one of raw, hex, base64, base64url, auto, got '%s'", enc_text);
    }
    context_len = context_text(context, cli_opt_values(&a, "context"), cli_opt_count(&a, "context"));
    env_file = cli_opt(&a, "env");
    if (env_file != NULL) {
        if (a.npositionals > 0) {
            cli_usage_error("--env reads the secrets from FILE: give no SECRET");
        }
        if (batch) {
            cli_usage_error("--env and --batch exclude each other");
        }
        if (env_file[0] == '\0') {
            cli_usage_error("--env needs a file name");
        }
        status = cli_check_env(env_file, cli_opt_values(&a, "var-pattern"), cli_opt_count(&a, "var-pattern"), alg,
                               encoding, json, context, context_len);
        cli_args_free(&a);
        return status;
    }
    if (cli_opt_count(&a, "var-pattern") > 0) {
        cli_usage_error("--var-pattern applies only to --env");
    }
    if (a.npositionals > 1) {
        cli_usage_error("give one SECRET, or none to read standard input");
    }
    if (a.npositionals == 1 && batch) {
        cli_usage_error("--batch reads standard input: give no SECRET");
    }
    if (batch) {
        status = check_batch(alg, encoding, json, context, context_len);
        cli_args_free(&a);
        return status;
    }
    if (a.npositionals == 1) {
        in.data = (uint8_t *)a.positionals[0];
        len = strlen(a.positionals[0]);
    } else {
        cli_read_stdin(&in, JSK_CHECK_LEN_MAX + 2U,
                       "no secret given: pipe it in (printf %s \"$JWT_SECRET\" | jwt-secret check) or pass it as an argument");
        len = cli_strip_newline(in.data, in.len);
    }
    r = cli_malloc(sizeof *r);
    rc = jsk_check_context(r, alg, cli_dict(), in.data, len, encoding, (const uint8_t *)context, context_len);
    if (a.npositionals == 0) {
        cli_wipe_free(in.data, in.cap);
    }
    if (rc != JSK_OK) {
        cli_core_error("check", rc);
    }
    if (json) {
        print_json(r);
    } else {
        cli_describe(r);
    }
    status = r->verdict == JSK_VERDICT_STRONG ? CLI_EXIT_OK : CLI_EXIT_NEGATIVE;
    cli_wipe_free(r, sizeof *r);
    cli_args_free(&a);
    return status;
}
