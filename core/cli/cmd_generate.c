/* cmd_generate.c — `jwt-secret generate`: random secrets, one per line, nothing else on stdout.
 * One secret is the core's jsk_secret() (its options and their rules are the JS API's too); the
 * command line adds --count and repeated --name. Every secret is made before the first is
 * printed, so an error leaves stdout empty. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_generate(int argc, char **argv)
{
    static const cli_option spec[] = {{"alg", 0, 0},  {"bytes", 0, 0},    {"format", 0, 0}, {"count", 0, 0},
                                      {"name", 0, 1}, {"alphabet", 0, 0}, {"length", 0, 0}, {"env", 0, 1},
                                      {"layout", 0, 0}, {"out-dir", 0, 0}, {NULL, 0, 0}};
    static char suffixed[CLI_COUNT_MAX][JSK_ENV_NAME_LEN_MAX + 24];
    cli_args a;
    const char *format, *alphabet, *bytes_text, *length_text, *count_text;
    const char *const *names;
    const char **var_names;
    char **lines;
    size_t *line_lens;
    int alg, fmt = 0, env, nnames, rc, rule = 0;
    size_t nbytes = 0, length = 0, count = 0, i;

    cli_parse(&a, argc, argv, spec, "generate");
    if (a.help) {
        cli_out(cli_help("generate"), strlen(cli_help("generate")));
        return CLI_EXIT_OK;
    }
    if (a.npositionals > 0) {
        cli_usage_error("unexpected argument '%s' for 'generate'", a.positionals[0]);
    }
    alg = cli_alg(cli_opt(&a, "alg"));
    bytes_text = cli_opt(&a, "bytes");
    format = cli_opt(&a, "format");
    alphabet = cli_opt(&a, "alphabet");
    length_text = cli_opt(&a, "length");
    count_text = cli_opt(&a, "count");
    if (bytes_text != NULL) {
        nbytes = cli_whole_number(bytes_text, "bytes", JSK_GENERATE_BYTES_MAX);
    }
    /* .env files (names x environments) or a Kubernetes Secret: the core's layouts. */
    if (cli_opt(&a, "env") != NULL || cli_opt(&a, "layout") != NULL || cli_opt(&a, "out-dir") != NULL ||
        (format != NULL && strcmp(format, jsk_env_layout_name(JSK_ENV_LAYOUT_K8S)) == 0)) {
        const char *layout = cli_opt(&a, "layout");
        int k8s = format != NULL && strcmp(format, jsk_env_layout_name(JSK_ENV_LAYOUT_K8S)) == 0;
        if (format != NULL && !k8s && strcmp(format, "env") != 0) {
            cli_usage_error("--env, --layout and --out-dir write .env files: --format %s does not apply", format);
        }
        if (k8s && layout != NULL && strcmp(layout, format) != 0) {
            cli_usage_error("--format k8s is --layout k8s, not --layout %s", layout);
        }
        if (count_text != NULL || alphabet != NULL || length_text != NULL) {
            cli_usage_error("--env, --layout and --out-dir write .env files: --%s does not apply",
                            count_text != NULL ? "count" : alphabet != NULL ? "alphabet" : "length");
        }
        rc = cli_generate_env(alg, nbytes, k8s ? format : layout, cli_opt_values(&a, "name"), cli_opt_count(&a, "name"),
                              cli_opt_values(&a, "env"), cli_opt_count(&a, "env"), cli_opt(&a, "out-dir"));
        cli_args_free(&a);
        return rc;
    }
    if (format != NULL && (fmt = jsk_format_from_name(format, strlen(format))) < 0) {
        cli_usage_error("--format must be one of base64url, base64, hex, base64url-padded, env, jwk, k8s, got '%s'", format);
    }
    if (length_text != NULL && alphabet != NULL) {
        length = cli_whole_number(length_text, "length", JSK_ALPHABET_LENGTH_MAX);
    } else if (length_text != NULL) {
        length = 1; /* given: the core names the rule it breaks */
    }
    names = cli_opt_values(&a, "name");
    nnames = cli_opt_count(&a, "name");
    /* The option rules are the core's (the JS API applies the same ones). */
    if ((rc = jsk_secret_check(&rule, alg, nbytes, fmt, alphabet, alphabet != NULL ? strlen(alphabet) : 0, length,
                               nnames > 0 ? names[0] : NULL, nnames > 0 ? strlen(names[0]) : 0)) ==
        JSK_ERR_OPTION_CONFLICT) {
        char message[160];
        jsk_secret_rule_message(message, sizeof message, rule, fmt, "--", 2);
        cli_usage_error("%s", message);
    }
    env = fmt == JSK_FORMAT_ENV || nnames > 0;
    if (count_text != NULL) {
        count = cli_whole_number(count_text, "count", CLI_COUNT_MAX);
    }
    var_names = cli_malloc(sizeof(char *) * (size_t)(nnames > CLI_COUNT_MAX ? nnames : CLI_COUNT_MAX));
    if (env || nnames > 0) {
        env = 1;
        if (nnames > 1) {
            int x, y;
            if (count > 0 && count != (size_t)nnames) {
                cli_usage_error("--count %zu does not match the %d --name options", count, nnames);
            }
            if (nnames > CLI_COUNT_MAX) {
                cli_usage_error("at most %d --name options", CLI_COUNT_MAX);
            }
            for (x = 0; x < nnames; x++) {
                for (y = x + 1; y < nnames; y++) {
                    if (strcmp(names[x], names[y]) == 0) {
                        cli_usage_error("the same --name is given twice");
                    }
                }
                var_names[x] = names[x];
            }
            count = (size_t)nnames;
        } else {
            const char *base = nnames == 1 ? names[0] : JSK_ENV_NAME_DEFAULT;
            if (count <= 1) {
                var_names[0] = base;
                count = 1;
            } else {
                for (i = 0; i < count; i++) {
                    snprintf(suffixed[i], sizeof suffixed[i], "%.*s_%zu", (int)JSK_ENV_NAME_LEN_MAX, base, i + 1);
                    var_names[i] = suffixed[i];
                }
            }
        }
    }
    if (count == 0) {
        count = 1;
    }
    lines = cli_malloc(sizeof(char *) * count);
    line_lens = cli_malloc(sizeof(size_t) * count);
    for (i = 0; i < count; i++) {
        const char *name = env ? var_names[i] : NULL;
        size_t name_len = name != NULL ? strlen(name) : 0, cap;
        cap = jsk_secret_len(alg, nbytes, fmt, alphabet, alphabet != NULL ? strlen(alphabet) : 0, length, name, name_len);
        lines[i] = cli_malloc(cap > 0 ? cap : 1);
        rc = jsk_secret(lines[i], cap, &line_lens[i], alg, nbytes, fmt, alphabet, alphabet != NULL ? strlen(alphabet) : 0,
                        length, name, name_len);
        if (rc != JSK_OK) {
            cli_core_error("generate", rc);
        }
    }
    for (i = 0; i < count; i++) {
        cli_out(lines[i], line_lens[i]);
        cli_out("\n", 1);
        cli_wipe_free(lines[i], line_lens[i]);
    }
    cli_flush();
    free(lines);
    free(line_lens);
    free(var_names);
    cli_args_free(&a);
    return CLI_EXIT_OK;
}
