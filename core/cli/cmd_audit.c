/* cmd_audit.c — `jwt-secret audit`: is the token signed with a known weak secret? The built-in
 * list first (its speed here also estimates the wordlist's time), then the wordlist, read in
 * chunks (memory stays bounded whatever its size). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

#define CHUNK (4U << 20)

static void print_hashcat(FILE *f, const char *token, const char *file)
{
    const char *c;
    fprintf(f, "hashcat -m 16500 -a 0 '%s' '", token); /* a token that parsed has no quote */
    for (c = file; *c != '\0'; c++) {
        if (*c == '\'') {
            fputs("'\\''", f);
        } else {
            fputc(*c, f);
        }
    }
    fputs("'", f);
}

typedef struct {
    int found;
    uint8_t *secret;
    size_t secret_len;
    const char *source;
} audit_result;

static void keep(audit_result *r, const uint8_t *line, size_t len, const char *source)
{
    r->found = 1;
    r->secret = cli_malloc(len + 1);
    memcpy(r->secret, line, len);
    r->secret_len = len;
    r->source = source;
}

/* The wordlist, in chunks; a line that spans two chunks is carried over. */
static void try_wordlist(jsk_audit *audit, FILE *f, audit_result *r)
{
    size_t cap = CHUNK, have = 0, consumed, off, flen;
    uint8_t *buf = cli_malloc(cap);
    for (;;) {
        size_t n = fread(buf + have, 1, cap - have, f);
        int final = n == 0, rc;
        have += n;
        rc = jsk_audit_lines(audit, &off, &flen, &consumed, buf, have, final);
        if (rc < 0) {
            cli_core_error("audit", rc);
        }
        if (rc == 1) {
            keep(r, buf + off, flen, "wordlist");
            break;
        }
        if (final) {
            break;
        }
        memmove(buf, buf + consumed, have - consumed);
        have -= consumed;
        jsk_wipe(buf + have, cap - have);
        if (have == cap) { /* one line fills the buffer: grow it */
            uint8_t *bigger = cli_malloc(cap * 2);
            memcpy(bigger, buf, have);
            cli_wipe_free(buf, cap);
            buf = bigger;
            cap *= 2;
        }
    }
    cli_wipe_free(buf, cap);
}

int cli_audit(int argc, char **argv)
{
    static const cli_option spec[] = {{"wordlist", 0, 0}, {"json", 1, 0}, {"force", 1, 0}, {"hashcat", 1, 0}, {NULL, 0, 0}};
    static jsk_audit audit;
    cli_args a;
    const char *token, *wordlist, *alg_name;
    FILE *f = NULL;
    char *builtin, secs[32];
    size_t cap, len, consumed, off = 0, flen = 0, k;
    int rc, json, force, hashcat;
    audit_result r = {0, NULL, 0, "builtin"};
    double started, seconds;
    unsigned long long tried;

    cli_parse(&a, argc, argv, spec, "audit");
    if (a.help) {
        cli_out(cli_help("audit"), strlen(cli_help("audit")));
        return CLI_EXIT_OK;
    }
    if (a.npositionals != 1) {
        cli_usage_error("give exactly one TOKEN");
    }
    token = a.positionals[0];
    wordlist = cli_opt(&a, "wordlist");
    json = cli_opt(&a, "json") != NULL;
    force = cli_opt(&a, "force") != NULL;
    hashcat = cli_opt(&a, "hashcat") != NULL;
    if (wordlist != NULL) {
        f = cli_open_file(wordlist, "wordlist");
    }
    if ((rc = jsk_audit_init(&audit, token, strlen(token))) != JSK_OK) {
        cli_core_error("audit", rc);
    }
    started = cli_now();
    cap = jsk_audit_builtin_len(cli_dict());
    builtin = cli_malloc(cap);
    if ((rc = jsk_audit_builtin(builtin, cap, &len, cli_dict())) != JSK_OK) {
        cli_core_error("audit", rc);
    }
    rc = jsk_audit_lines(&audit, &off, &flen, &consumed, (const uint8_t *)builtin, len, 1);
    if (rc == 1) {
        keep(&r, (const uint8_t *)builtin + off, flen, "builtin");
    }
    free(builtin);
    seconds = cli_now() - started;
    if (!r.found && f != NULL) {
        struct stat st;
        double rate = (double)audit.tried / (seconds > 1e-3 ? seconds : 1e-3);
        double size = fstat(fileno(f), &st) == 0 ? (double)st.st_size : 0.0;
        double estimate = size / 10.0 / rate; /* about 10 bytes a line in common wordlists */
        if (estimate > CLI_AUDIT_LIMIT_SECONDS && !force) {
            cli_flush();
            fprintf(stderr,
                    CLI_NAME ": %s (%.0f MB) would take about %.0f minutes at %.2f M candidates/s on this CPU; a GPU does it far faster:\n  ",
                    wordlist, size / 1e6, estimate / 60.0, rate / 1e6);
            print_hashcat(stderr, token, wordlist);
            fputs("\nRun again with --force to try it here anyway.\n", stderr);
            fclose(f);
            return CLI_EXIT_ERROR;
        }
        if (hashcat) {
            fputs("GPU-scale alternative: ", stderr);
            print_hashcat(stderr, token, wordlist);
            fputc('\n', stderr);
        }
        started = cli_now();
        try_wordlist(&audit, f, &r);
        seconds += cli_now() - started;
    }
    if (f != NULL) {
        fclose(f);
    }
    tried = (unsigned long long)audit.tried;
    alg_name = jsk_alg_name(audit.alg);
    jsk_wipe(&audit, sizeof audit);
    snprintf(secs, sizeof secs, "%.3f", seconds); /* milliseconds, without trailing zeros */
    for (k = strlen(secs); k > 0 && secs[k - 1] == '0'; k--) {
        secs[k - 1] = '\0';
    }
    if (k > 0 && secs[k - 1] == '.') {
        secs[k - 1] = '\0';
    }
    if (json) {
        cli_printf("{\"found\":%s,\"secret\":", r.found ? "true" : "false");
        if (r.found) {
            cli_json_string(r.secret, r.secret_len);
        } else {
            cli_out("null", 4);
        }
        cli_printf(",\"alg\":\"%s\",\"tried\":%llu,\"seconds\":%s}\n", alg_name, tried, secs);
    } else if (r.found) {
        cli_out("found: the token is signed with ", 32);
        cli_json_string(r.secret, r.secret_len);
        cli_printf(" (%s, %s list, %llu candidates in %s s). Anyone can forge tokens: rotate it (jwt-secret generate --alg %s).\n",
                   alg_name, r.source, tried, secs, alg_name);
    } else {
        cli_printf("not found: %llu candidates in %s s (%s). Not proof of strength: check the secret itself with 'jwt-secret check'.\n",
                   tried, secs, alg_name);
    }
    if (r.secret != NULL) {
        cli_wipe_free(r.secret, r.secret_len + 1);
    }
    cli_args_free(&a);
    return r.found ? CLI_EXIT_NEGATIVE : CLI_EXIT_OK;
}
