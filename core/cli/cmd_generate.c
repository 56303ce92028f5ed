/* cmd_generate.c — `jwt-secret generate`: random secrets, one per line, nothing else on stdout.
 * Every secret is made before the first is printed, so an error leaves stdout empty. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define VALUE_MAX 10000U /* a 4096-byte key as a JWK, the longest value */

/* One secret as text (a value, a JWK, or an alphabet string) into value. */
static void make_value(char *value, size_t *vlen, int alg, size_t nbytes, int fmt, int jwk, const char *alphabet,
                       size_t length)
{
    int rc;
    if (jwk) {
        uint8_t key[JSK_GENERATE_BYTES_MAX];
        size_t n = 0;
        if ((rc = jsk_generate_size(&n, alg, nbytes)) == JSK_OK && (rc = jsk_random_fill(key, n)) == JSK_OK) {
            rc = jsk_jwk(value, VALUE_MAX, vlen, alg == JSK_ALG_UNSET ? JSK_ALG_HS256 : alg, key, n);
        }
        jsk_wipe(key, sizeof key);
    } else if (alphabet != NULL) {
        rc = jsk_generate_alphabet(value, VALUE_MAX, vlen, alg, alphabet, strlen(alphabet), length);
    } else {
        rc = jsk_generate(value, VALUE_MAX, vlen, alg, nbytes, fmt);
    }
    if (rc != JSK_OK) {
        cli_core_error("generate", rc);
    }
}

int cli_generate(int argc, char **argv)
{
    static const cli_option spec[] = {{"alg", 0, 0},  {"bytes", 0, 0},    {"format", 0, 0}, {"count", 0, 0},
                                      {"name", 0, 1}, {"alphabet", 0, 0}, {"length", 0, 0}, {NULL, 0, 0}};
    static char suffixed[CLI_COUNT_MAX][JSK_ENV_NAME_LEN_MAX + 24];
    cli_args a;
    const char *format, *alphabet, *bytes_text, *length_text, *count_text;
    const char *const *names;
    const char **var_names;
    char **lines;
    size_t *line_lens;
    int alg, fmt = JSK_ENCODING_BASE64URL, env = 0, jwk = 0, nnames;
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
    if (format != NULL) {
        if (strcmp(format, "env") == 0) {
            env = 1;
        } else if (strcmp(format, "jwk") == 0) {
            jwk = 1;
        } else if ((fmt = jsk_encoding_from_name(format, strlen(format))) < 0 || fmt == JSK_ENCODING_RAW ||
                   fmt == JSK_ENCODING_AUTO) { /* the checker's encodings: nothing to write */
            cli_usage_error("--format must be one of base64url, base64, hex, base64url-padded, env, jwk, got '%s'", format);
        }
    }
    if (length_text != NULL) {
        if (alphabet == NULL) {
            cli_usage_error("--length applies to --alphabet; use --bytes for random bytes");
        }
        length = cli_whole_number(length_text, "length", JSK_ALPHABET_LENGTH_MAX);
    }
    if (bytes_text != NULL && alphabet != NULL) {
        cli_usage_error("--bytes and --alphabet exclude each other (size an alphabet secret with --length)");
    }
    if (format != NULL && !env && alphabet != NULL) {
        cli_usage_error("--format %s encodes random bytes; an --alphabet secret is already text", format);
    }
    names = cli_opt_values(&a, "name");
    nnames = cli_opt_count(&a, "name");
    if (nnames > 0 && format != NULL && !env) {
        cli_usage_error("--name applies only to --format env");
    }
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
            const char *base = nnames == 1 ? names[0] : CLI_DEFAULT_ENV_NAME;
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
        char value[VALUE_MAX];
        size_t vlen = 0;
        make_value(value, &vlen, alg, nbytes, env ? JSK_ENCODING_BASE64URL : fmt, jwk, alphabet, length);
        if (env) {
            size_t cap = strlen(var_names[i]) + vlen + 4U;
            int rc;
            lines[i] = cli_malloc(cap);
            rc = jsk_env_line(lines[i], cap, &line_lens[i], var_names[i], strlen(var_names[i]), value, vlen);
            jsk_wipe(value, sizeof value);
            if (rc != JSK_OK) {
                cli_core_error("generate", rc);
            }
        } else {
            lines[i] = cli_malloc(vlen + 1);
            memcpy(lines[i], value, vlen + 1);
            line_lens[i] = vlen;
            jsk_wipe(value, sizeof value);
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
