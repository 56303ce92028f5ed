/* cmd_check_env.c — `jwt-secret check --env FILE`: the variables of a .env file, read by the core's
 * reader exactly as the dotenv package reads them (jsk_dotenv_*), checked one by one. Values are
 * never printed. Output is in order of each name's first assignment with the value of its last
 * (dotenv's object), and streamed: one report in memory at a time, whatever the file's size. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define ENV_FILE_MAX (64U << 20) /* 64 MiB: far beyond any .env file, and memory stays bounded */

typedef struct {
    size_t name_off, name_len;
    jsk_dotenv last; /* the reader just before this name's last assignment */
    int verdict;     /* after checking: jsk_verdict, or 0 for an input error */
} env_var;

/* Case-insensitive glob (* and ?) over the whole name. Iterative, going back only to the last '*':
 * O(pattern x name) time whatever the pattern (a recursive matcher is exponential on '*a*a*a*b'). */
static int glob_match(const char *g, const char *s, size_t n)
{
    size_t i = 0, star_i = 0;
    const char *star = NULL;
    while (i < n) {
        if (*g == '*') {
            star = ++g;
            star_i = i;
        } else if (*g != '\0' && (*g == '?' || (*g | 0x20) == (s[i] | 0x20) || *g == s[i])) {
            g++;
            i++;
        } else if (star != NULL) {
            g = star;
            i = ++star_i;
        } else {
            return 0;
        }
    }
    while (*g == '*') {
        g++;
    }
    return *g == '\0';
}

static int contains_ci(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word), i, k;
    for (i = 0; i + w <= n; i++) {
        for (k = 0; k < w && (s[i + k] | 0x20) == (word[k] | 0x20); k++) {
        }
        if (k == w) {
            return 1;
        }
    }
    return 0;
}

static int selected(const char *name, size_t n, const char *const *patterns, int npatterns)
{
    int k;
    if (npatterns == 0) {
        return contains_ci(name, n, "jwt") || contains_ci(name, n, "secret");
    }
    for (k = 0; k < npatterns; k++) {
        if (glob_match(patterns[k], name, n)) {
            return 1;
        }
    }
    return 0;
}

/* The next assignment, growing *value as needed. */
static int next_var(jsk_dotenv *it, size_t *off, size_t *len, uint8_t **value, size_t *cap, size_t *vlen,
                    unsigned *flags)
{
    for (;;) {
        int rc = jsk_dotenv_next(it, off, len, *value, *cap, vlen, flags);
        if (rc != JSK_ERR_BUFFER_TOO_SMALL) {
            return rc;
        }
        cli_wipe_free(*value, *cap);
        *cap = *vlen + 1U;
        *value = cli_malloc(*cap);
    }
}

static size_t hash_name(const uint8_t *s, size_t n)
{
    size_t h = 2166136261U, i;
    for (i = 0; i < n; i++) {
        h = (h ^ s[i]) * 16777619U;
    }
    return h;
}

/* The project's name, as context for every check: the "name" of the nearest package.json upward
 * from the .env file, and the name of that file's folder. Appended to context[0..*len) as lines. */
static void add_line(char *context, size_t *len, const char *s, size_t n)
{
    if (n > 0 && *len + n + 1 <= JSK_CONTEXT_LEN_MAX) {
        memcpy(context + *len, s, n);
        *len += n;
        context[(*len)++] = '\n';
    }
}

static void project_context(const char *file, char *context, size_t *len)
{
    char dir[4096];
    size_t n = strlen(file), depth;
    if (strcmp(file, "-") == 0 || n >= sizeof dir) {
        return;
    }
    memcpy(dir, file, n + 1);
    while (n > 0 && dir[n - 1] != '/') {
        n--; /* the folder, with its trailing slash */
    }
    if (n == 0) {
        memcpy(dir, "./", 3);
        n = 2;
    }
    dir[n] = '\0';
    {
        char real[4096];
        if (realpath(dir, real) != NULL) {
            const char *base = strrchr(real, '/');
            base = base != NULL ? base + 1 : real;
            add_line(context, len, base, strlen(base)); /* the folder's name */
            n = strlen(real);
            memcpy(dir, real, n + 1);
        }
    }
    for (depth = 0; depth < 32 && n + 14 < sizeof dir; depth++) {
        FILE *f;
        memcpy(dir + n, "/package.json", 14);
        if ((f = fopen(dir, "rb")) != NULL) {
            char buf[8192], *p, *q;
            size_t got = fread(buf, 1, sizeof buf - 1, f);
            fclose(f);
            buf[got] = '\0';
            /* the first "name": "..." (the top-level one in any package.json npm writes) */
            if ((p = strstr(buf, "\"name\"")) != NULL && (p = strchr(p + 6, ':')) != NULL &&
                (p = strchr(p, '"')) != NULL && (q = strchr(p + 1, '"')) != NULL) {
                char *at = memchr(p + 1, '/', (size_t)(q - p - 1)); /* @scope/name: the name */
                p = at != NULL && p[1] == '@' ? at : p;
                add_line(context, len, p + 1, (size_t)(q - p - 1));
            }
            return;
        }
        dir[n] = '\0';
        while (n > 1 && dir[n - 1] != '/') {
            n--;
        }
        if (n <= 1) {
            return;
        }
        dir[--n] = '\0';
    }
}

int cli_check_env(const char *file, const char *const *patterns, int npatterns, int alg, int encoding, int json,
                  const char *given_context, size_t given_len)
{
    char context[JSK_CONTEXT_LEN_MAX];
    size_t context_len = given_len;
    cli_bytes in = {NULL, 0, 0};
    jsk_dotenv it, before;
    env_var *vars = NULL;
    size_t nvars = 0, vars_cap = 0, *slots = NULL, nslots = 0, off, len, cap = 4096, vlen, i;
    uint8_t *value = cli_malloc(cap);
    unsigned flags;
    int rc, any_weak = 0, any_error = 0;
    const char *where = strcmp(file, "-") == 0 ? "standard input" : file;
    const char *alg_name = jsk_alg_name(alg == JSK_ALG_UNSET ? JSK_ALG_HS256 : alg);
    jsk_report *r;

    cli_read_file(&in, file, "env", ENV_FILE_MAX);
    memcpy(context, given_context, given_len);
    project_context(file, context, &context_len);

    /* 1. Which names, in order of first assignment, and where each one's last assignment is. */
    jsk_dotenv_init(&it, in.data, in.len);
    for (;;) {
        size_t h, s;
        before = it;
        if ((rc = next_var(&it, &off, &len, &value, &cap, &vlen, &flags)) == 0) {
            break;
        }
        if (rc < 0) {
            cli_core_error("check --env", rc);
        }
        jsk_wipe(value, vlen);
        if ((flags & JSK_DOTENV_IGNORED) != 0 || !selected((const char *)in.data + off, len, patterns, npatterns)) {
            continue;
        }
        if (nvars * 2U >= nslots) { /* open addressing, at most half full */
            size_t k;
            free(slots);
            nslots = nslots == 0 ? 64U : nslots * 2U;
            slots = cli_malloc(sizeof *slots * nslots);
            memset(slots, 0, sizeof *slots * nslots);
            for (k = 0; k < nvars; k++) {
                for (s = hash_name(in.data + vars[k].name_off, vars[k].name_len) & (nslots - 1U); slots[s] != 0;
                     s = (s + 1U) & (nslots - 1U)) {
                }
                slots[s] = k + 1U;
            }
        }
        h = hash_name(in.data + off, len);
        for (s = h & (nslots - 1U); slots[s] != 0; s = (s + 1U) & (nslots - 1U)) {
            env_var *v = &vars[slots[s] - 1U];
            if (v->name_len == len && memcmp(in.data + v->name_off, in.data + off, len) == 0) {
                break;
            }
        }
        if (slots[s] == 0) {
            if (nvars == vars_cap) {
                env_var *bigger;
                vars_cap = vars_cap == 0 ? 16U : vars_cap * 2U;
                bigger = cli_malloc(sizeof *vars * vars_cap);
                if (nvars > 0) {
                    memcpy(bigger, vars, sizeof *vars * nvars);
                }
                free(vars);
                vars = bigger;
            }
            vars[nvars].name_off = off;
            vars[nvars].name_len = len;
            slots[s] = ++nvars;
        }
        vars[slots[s] - 1U].last = before;
    }
    free(slots);
    if (nvars == 0) {
        cli_wipe_free(in.data, in.cap);
        cli_wipe_free(value, cap);
        if (npatterns == 0) {
            cli_usage_error("no variable in %s matches the default pattern (names containing JWT or SECRET)", where);
        } else {
            size_t need = 1;
            char *which;
            int k;
            for (k = 0; k < npatterns; k++) {
                need += strlen(patterns[k]) + 4U;
            }
            which = cli_malloc(need);
            which[0] = '\0';
            for (k = 0; k < npatterns; k++) {
                strcat(which, k > 0 ? ", '" : "'");
                strcat(which, patterns[k]);
                strcat(which, "'");
            }
            cli_usage_error("no variable in %s matches --var-pattern %s", where, which);
        }
    }

    /* 2. Each variable's final value, checked and reported, one at a time. */
    r = cli_malloc(sizeof *r);
    for (i = 0; i < nvars; i++) {
        env_var *v = &vars[i];
        const char *name = (const char *)in.data + v->name_off;
        it = v->last;
        if ((rc = next_var(&it, &off, &len, &value, &cap, &vlen, &flags)) != 1) {
            cli_core_error("check --env", rc < 0 ? rc : JSK_ERR_INVALID_ARGUMENT);
        }
        rc = jsk_check_context(r, alg, cli_dict(), value, vlen, encoding, (const uint8_t *)context, context_len);
        jsk_wipe(value, vlen);
        if (rc != JSK_OK) { /* not valid in --encoding: reported in place, the rest still checked */
            v->verdict = 0;
            any_error = 1;
            if (json) {
                cli_out("{\"name\":", 8);
                cli_json_string((const uint8_t *)name, v->name_len);
                cli_printf(",\"error\":{\"code\":\"%s\",\"message\":", jsk_error_code(rc));
                cli_json_string((const uint8_t *)jsk_strerror(rc), strlen(jsk_strerror(rc)));
                cli_puts("}}");
            } else {
                cli_printf("%.*s: error: %s (%s)\n", (int)v->name_len, name, jsk_strerror(rc), jsk_error_code(rc));
            }
            cli_flush();
            fprintf(stderr, CLI_NAME ": %.*s: %s (%s)\n", (int)v->name_len, name, jsk_strerror(rc), jsk_error_code(rc));
            continue;
        }
        v->verdict = r->verdict;
        any_weak |= r->verdict != JSK_VERDICT_STRONG;
        if (json) {
            char text[JSK_REPORT_JSON_LEN_MAX];
            size_t n;
            if ((rc = jsk_report_json(text, sizeof text, &n, r)) != JSK_OK) {
                cli_core_error("check --env", rc);
            }
            cli_out("{\"name\":", 8);
            cli_json_string((const uint8_t *)name, v->name_len);
            cli_out(",", 1);
            cli_out(text + 1, n - 1);
            cli_out("\n", 1);
        } else {
            cli_printf("%.*s: %s (%llu%s bits, %zu-byte key", (int)v->name_len, name, jsk_verdict_name(r->verdict),
                       cli_whole_bits(r), r->entropy_capped ? "+" : "", r->key_bytes);
            if (r->n_findings > 0) {
                cli_printf(", %s", jsk_finding_name(r->findings[0].code));
            }
            cli_puts(")");
        }
        jsk_wipe(r, sizeof *r);
    }
    cli_wipe_free(r, sizeof *r);
    cli_wipe_free(value, cap);

    /* 3. The summary (text only): which names need a new secret, which could not be checked. */
    if (!json) {
        int pass;
        for (pass = 0; pass < 3; pass++) {
            int first = 1;
            if ((pass == 0 && (any_weak || any_error)) || (pass == 1 && !any_weak) || (pass == 2 && !any_error)) {
                continue;
            }
            cli_printf("%s", pass == 0 ? "all strong for " : pass == 1 ? "not strong for " : "not checked for ");
            cli_printf("%s: ", alg_name);
            for (i = 0; i < nvars; i++) {
                int v = vars[i].verdict;
                if ((pass == 0) || (pass == 1 && v != 0 && v != JSK_VERDICT_STRONG) || (pass == 2 && v == 0)) {
                    cli_printf("%s%.*s", first ? "" : ", ", (int)vars[i].name_len, (const char *)in.data + vars[i].name_off);
                    first = 0;
                }
            }
            if (pass == 1) {
                cli_printf(" (fix: jwt-secret generate --alg %s)", alg_name);
            } else if (pass == 2) {
                cli_printf(" (not valid in --encoding %s)", jsk_encoding_name(encoding));
            }
            cli_out("\n", 1);
        }
    }
    cli_wipe_free(in.data, in.cap);
    free(vars);
    return any_error ? CLI_EXIT_ERROR : any_weak ? CLI_EXIT_NEGATIVE : CLI_EXIT_OK;
}
