/* main.c — jwt-secret, the native command line over the C core: the same commands, flags, outputs
 * and exit codes as the Node CLI (wasm/cli.mjs); tests/node/cli-native.test.mjs runs one table
 * against both. The only C in the project that does I/O. Randomness: getrandom() via the core. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "jsk.h"

#define MAX_COUNT 1000
#define AUDIT_LIMIT_SECONDS 600.0

/* ------------------------------------------------------------------ texts */

static const char *const USAGE =
    "jwt-secret " JSK_VERSION_STRING " — generate HMAC secrets for JWTs (HS256, HS384, HS512)\n"
    "\n"
    "Usage:\n"
    "  jwt-secret generate [options]   print new random secrets, one per line\n"
    "  jwt-secret check [options] [SECRET]\n"
    "                                  how safe an existing secret is (exit 0 strong, 1 not)\n"
    "  jwt-secret sign --alg ALG [--secret S] [--payload JSON]\n"
    "                                  print a token signed with the secret\n"
    "  jwt-secret verify TOKEN [--secret S] [--alg ALG]\n"
    "                                  check a token's signature (exit 0 valid, 1 not)\n"
    "  jwt-secret audit TOKEN [--wordlist FILE] [--json]\n"
    "                                  is the token's secret a known weak one? (exit 1 found)\n"
    "  jwt-secret help [COMMAND]       show help\n"
    "  jwt-secret --version\n"
    "\n"
    "Run 'jwt-secret COMMAND --help' for a command's options.\n";

static const char *const GENERATE_USAGE =
    "Usage: jwt-secret generate [--alg ALG] [--bytes N] [--format FORMAT] [--count N]\n"
    "                           [--name VAR]... [--alphabet CHARS] [--length N]\n"
    "\n"
    "Prints new secrets from the operating system's CSPRNG, one per line, nothing else.\n"
    "\n"
    "Options:\n"
    "  --alg ALG          size the secret for ALG: HS256 = 32 random bytes (default),\n"
    "                     HS384 = 48, HS512 = 64 (RFC 7518 section 3.2)\n"
    "  --bytes N          random bytes, 1..4096; with --alg, at least the algorithm's size\n"
    "  --format FORMAT    base64url (default, unpadded), base64, hex, base64url-padded,\n"
    "                     env (NAME=value lines for a .env file), or jwk (one JWK per line:\n"
    "                     {\"kty\":\"oct\",\"k\",…,\"kid\"} with the RFC 7638 thumbprint as kid)\n"
    "  --count N          how many secrets, 1..1000 (default 1)\n"
    "  --name VAR         variable name for --format env (default JWT_SECRET); implies\n"
    "                     --format env. Repeat it for one secret per variable; with a\n"
    "                     single name and --count N the names get _1.._N suffixes\n"
    "  --alphabet CHARS   draw each character uniformly from CHARS (2..94 distinct\n"
    "                     printable ASCII characters) instead of encoding random bytes\n"
    "  --length N         characters for --alphabet (default: enough for the\n"
    "                     algorithm's bits, 256 for HS256)\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 success, 2 usage or input error (message on stderr, nothing on stdout).\n";

static const char *const CHECK_USAGE =
    "Usage: jwt-secret check [--alg ALG] [--encoding ENC] [--json] [--batch] [SECRET]\n"
    "       jwt-secret check --env FILE [--var-pattern GLOB]... [--alg ALG] [--encoding ENC]\n"
    "\n"
    "Tells whether a secret is safe as an HMAC key: weak (guessable), fair (not\n"
    "practically guessable, but below the algorithm's size) or strong. Without SECRET\n"
    "it reads standard input. One trailing newline is removed from standard input.\n"
    "The output never contains the secret.\n"
    "\n"
    "Options:\n"
    "  --alg ALG        HS256 (default), HS384, HS512\n"
    "  --encoding ENC   raw (default), hex, base64, base64url, auto\n"
    "  --json           one JSON object per secret\n"
    "  --batch          one secret per line of standard input\n"
    "  --env FILE       check the variables of a .env file (- reads standard input),\n"
    "                   read as the dotenv package reads it; values are never printed\n"
    "  --var-pattern GLOB  which variables --env checks (* and ?, case-insensitive;\n"
    "                   repeatable; default: names containing JWT or SECRET)\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 every secret strong, 1 any weak or fair, 2 usage or input error.\n";

static const char *const SIGN_USAGE =
    "Usage: jwt-secret sign [--alg ALG] [--secret S] [--payload JSON]\n"
    "\n"
    "Prints a compact JWS (a JWT) with the header {\"alg\":ALG,\"typ\":\"JWT\"}.\n"
    "Without --secret the secret is read from standard input (one trailing newline removed).\n"
    "\n"
    "Exit status: 0 signed, 2 usage or input error.\n";

static const char *const VERIFY_USAGE =
    "Usage: jwt-secret verify TOKEN [--secret S] [--alg ALG] [--json]\n"
    "\n"
    "Checks TOKEN's HMAC signature with the secret. Only HS256/384/512 are accepted.\n"
    "\n"
    "Exit status: 0 valid, 1 invalid (wrong signature, refused algorithm), 2 usage or\n"
    "malformed input.\n";

static const char *const AUDIT_USAGE =
    "Usage: jwt-secret audit TOKEN [--wordlist FILE] [--json] [--force] [--hashcat]\n"
    "\n"
    "Tries the built-in list of weak secrets, then FILE (one candidate per line, taken\n"
    "exactly), against an HS256/384/512 token. For lists too large for one CPU, the\n"
    "equivalent hashcat command is printed instead:\n"
    "  hashcat -m 16500 -a 0 TOKEN FILE\n"
    "\n"
    "Exit status: 0 not found, 1 found (the secret is weak), 2 usage or input error.\n";

/* ------------------------------------------------------------------ errors */

static void usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("jwt-secret: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nRun 'jwt-secret help' for usage.\n", stderr);
    exit(2);
}

static void core_error(const char *context, int rc)
{
    fprintf(stderr, "jwt-secret: %s: %s (%s)\n", context, jsk_strerror(rc), jsk_error_code(rc));
    exit(2);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n > 0 ? n : 1);
    if (p == NULL) {
        fputs("jwt-secret: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

/* Frees after wiping: buffers here may hold secrets. */
static void wipe_free(void *p, size_t n)
{
    if (p != NULL) {
        jsk_wipe(p, n);
        free(p);
    }
}

/* ------------------------------------------------------------------ options */

typedef struct {
    const char *name;
    int flag;   /* takes no value */
    int repeat; /* may be given more than once */
} opt_spec;

#define MAX_VALUES 64
typedef struct {
    const char *values[16][MAX_VALUES];
    int counts[16];
    const char *positionals[8];
    int npositionals;
    int help;
} parsed_t;

static int spec_index(const opt_spec *spec, const char *name, size_t len)
{
    int i;
    for (i = 0; spec[i].name != NULL; i++) {
        if (strlen(spec[i].name) == len && strncmp(spec[i].name, name, len) == 0) {
            return i;
        }
    }
    return -1;
}

static void parse(int argc, char **argv, const opt_spec *spec, const char *command, parsed_t *p)
{
    int i;
    memset(p, 0, sizeof *p);
    for (i = 0; i < argc; i++) {
        const char *arg = argv[i], *eq, *value;
        int idx;
        size_t name_len;
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            p->help = 1;
            return;
        }
        if (arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (p->npositionals < 8) {
                p->positionals[p->npositionals] = arg;
            }
            p->npositionals++;
            continue;
        }
        eq = strchr(arg, '=');
        name_len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
        idx = strncmp(arg, "--", 2) == 0 ? spec_index(spec, arg + 2, name_len - 2) : -1;
        if (idx < 0) {
            usage_error("unknown option '%.*s' for '%s'", (int)name_len, arg, command);
        }
        if (spec[idx].flag) {
            if (eq != NULL) {
                usage_error("option --%s takes no value", spec[idx].name);
            }
            value = "true";
        } else if (eq != NULL) {
            value = eq + 1;
        } else {
            if (i + 1 >= argc) {
                usage_error("option --%s needs a value", spec[idx].name);
            }
            value = argv[++i];
        }
        if (!spec[idx].repeat && p->counts[idx] > 0) {
            usage_error("option --%s given more than once", spec[idx].name);
        }
        if (p->counts[idx] < MAX_VALUES) {
            p->values[idx][p->counts[idx]] = value;
        }
        p->counts[idx]++;
    }
}

static const char *opt(const parsed_t *p, const opt_spec *spec, const char *name)
{
    int idx = spec_index(spec, name, strlen(name));
    return idx >= 0 && p->counts[idx] > 0 ? p->values[idx][0] : NULL;
}

static long whole_number(const char *text, const char *option, long max)
{
    size_t i, n = strlen(text);
    long v = 0;
    for (i = 0; i < n; i++) {
        if (text[i] < '0' || text[i] > '9' || i >= 10) {
            v = -1;
            break;
        }
        v = v * 10 + (text[i] - '0');
    }
    if (n == 0 || v < 1 || v > max) {
        usage_error("--%s expects a whole number from 1 to %ld, got '%s'", option, max, text);
    }
    return v;
}

/* --alg, case-insensitive, or JSK_ALG_UNSET when absent. */
static int alg_option(const char *text)
{
    char upper[16];
    size_t i, n;
    int alg;
    if (text == NULL) {
        return JSK_ALG_UNSET;
    }
    n = strlen(text);
    for (i = 0; i < n && i < sizeof upper - 1; i++) {
        upper[i] = (char)(text[i] >= 'a' && text[i] <= 'z' ? text[i] - 32 : text[i]);
    }
    upper[i] = '\0';
    alg = n < sizeof upper ? jsk_alg_from_name(upper, i) : -1;
    if (alg < 0) {
        usage_error("--alg must be one of HS256, HS384, HS512, got '%s'", text);
    }
    return alg;
}

/* ------------------------------------------------------------------ input */

typedef struct {
    uint8_t *data;
    size_t len, cap;
} bytes_t;

static void read_all(FILE *f, bytes_t *b)
{
    b->cap = 1 << 16;
    b->len = 0;
    b->data = xmalloc(b->cap);
    for (;;) {
        size_t n;
        if (b->len == b->cap) {
            uint8_t *bigger = xmalloc(b->cap * 2);
            memcpy(bigger, b->data, b->len);
            wipe_free(b->data, b->cap);
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

static void read_stdin(bytes_t *b)
{
    if (isatty(STDIN_FILENO)) {
        usage_error("no secret given: pipe it in (printf %%s \"$JWT_SECRET\" | jwt-secret check) or pass it as an argument");
    }
    read_all(stdin, b);
}

/* Without one final "\n" or "\r\n". */
static size_t strip_newline(const uint8_t *s, size_t n)
{
    if (n > 0 && s[n - 1] == '\n') {
        n--;
        if (n > 0 && s[n - 1] == '\r') {
            n--;
        }
    }
    return n;
}

/* ------------------------------------------------------------------ output */

static void out_json_string(FILE *f, const uint8_t *s, size_t n)
{
    size_t i;
    fputc('"', f);
    for (i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (c == '"' || c == '\\') {
            fputc('\\', f);
            fputc(c, f);
        } else if (c == '\b') {
            fputs("\\b", f);
        } else if (c == '\f') {
            fputs("\\f", f);
        } else if (c == '\n') {
            fputs("\\n", f);
        } else if (c == '\r') {
            fputs("\\r", f);
        } else if (c == '\t') {
            fputs("\\t", f);
        } else if (c < 0x20) {
            fprintf(f, "\\u%04x", c);
        } else {
            fputc(c, f);
        }
    }
    fputc('"', f);
}

/* A number with one decimal, as JSON.stringify prints it (256, 6.6). */
static void out_fixed1(FILE *f, double v)
{
    unsigned long long tenths = (unsigned long long)(v * 10.0 + 0.5);
    if (tenths % 10U == 0) {
        fprintf(f, "%llu", tenths / 10U);
    } else {
        fprintf(f, "%llu.%llu", tenths / 10U, tenths % 10U);
    }
}

/* The report's bits as whole bits, floored after the one-decimal rounding the JSON uses (as the Node
 * CLI floors the JSON value). */
static unsigned long long whole_bits(const jsk_report *r)
{
    return (unsigned long long)(r->entropy_bits * 10.0 + 0.5) / 10U;
}

/* ------------------------------------------------------------------ generate */

static int cmd_generate(int argc, char **argv)
{
    static const opt_spec spec[] = {{"alg", 0, 0}, {"bytes", 0, 0}, {"format", 0, 0}, {"count", 0, 0},
                                    {"name", 0, 1}, {"alphabet", 0, 0}, {"length", 0, 0}, {NULL, 0, 0}};
    parsed_t p;
    const char *format, *alphabet, *bytes_text, *length_text, *count_text;
    const char *const *names;
    int alg, fmt = JSK_ENCODING_BASE64URL, env = 0, jwk = 0, nnames, count = -1, i;
    size_t nbytes = 0, length = 0;
    char **lines;
    char **var_names;
    static char suffixed[MAX_COUNT][JSK_ENV_NAME_LEN_MAX + 16];

    parse(argc, argv, spec, "generate", &p);
    if (p.help) {
        fputs(GENERATE_USAGE, stdout);
        return 0;
    }
    if (p.npositionals > 0) {
        usage_error("unexpected argument '%s' for 'generate'", p.positionals[0]);
    }
    alg = alg_option(opt(&p, spec, "alg"));
    bytes_text = opt(&p, spec, "bytes");
    format = opt(&p, spec, "format");
    alphabet = opt(&p, spec, "alphabet");
    length_text = opt(&p, spec, "length");
    count_text = opt(&p, spec, "count");
    if (bytes_text != NULL) {
        nbytes = (size_t)whole_number(bytes_text, "bytes", 4096);
    }
    if (format != NULL) {
        if (strcmp(format, "env") == 0) {
            env = 1;
        } else if (strcmp(format, "jwk") == 0) {
            jwk = 1;
        } else if ((fmt = jsk_encoding_from_name(format, strlen(format))) < 0 || fmt == JSK_ENCODING_RAW ||
                   fmt == JSK_ENCODING_AUTO) { /* the checker's encodings: nothing to write */
            usage_error("--format must be one of base64url, base64, hex, base64url-padded, env, jwk, got '%s'", format);
        }
    }
    if (length_text != NULL) {
        if (alphabet == NULL) {
            usage_error("--length applies to --alphabet; use --bytes for random bytes");
        }
        length = (size_t)whole_number(length_text, "length", 4096);
    }
    if (bytes_text != NULL && alphabet != NULL) {
        usage_error("--bytes and --alphabet exclude each other (size an alphabet secret with --length)");
    }
    if (format != NULL && !env && alphabet != NULL) {
        usage_error("--format %s encodes random bytes; an --alphabet secret is already text", format);
    }
    names = p.values[4];
    nnames = p.counts[4] < MAX_VALUES ? p.counts[4] : MAX_VALUES;
    if (nnames > 0 && format != NULL && !env) {
        usage_error("--name applies only to --format env");
    }
    if (count_text != NULL) {
        count = (int)whole_number(count_text, "count", MAX_COUNT);
    }
    if (jwk && alphabet != NULL) {
        usage_error("--format jwk takes --alg and --bytes only");
    }
    var_names = xmalloc(sizeof(char *) * MAX_COUNT);
    if (env || nnames > 0) {
        env = 1;
        if (nnames > 1) {
            int a, b;
            if (count >= 0 && count != nnames) {
                usage_error("--count %d does not match the %d --name options", count, nnames);
            }
            for (a = 0; a < nnames; a++) {
                for (b = a + 1; b < nnames; b++) {
                    if (strcmp(names[a], names[b]) == 0) {
                        usage_error("the same --name is given twice");
                    }
                }
                var_names[a] = (char *)names[a];
            }
            count = nnames;
        } else {
            const char *base = nnames == 1 ? names[0] : "JWT_SECRET";
            if (count <= 1) {
                var_names[0] = (char *)base;
                count = 1;
            } else {
                for (i = 0; i < count; i++) {
                    snprintf(suffixed[i], sizeof suffixed[i], "%.*s_%d", (int)JSK_ENV_NAME_LEN_MAX, base, i + 1);
                    var_names[i] = suffixed[i];
                }
            }
        }
    }
    if (count < 0) {
        count = 1;
    }
    lines = xmalloc(sizeof(char *) * (size_t)count);
    for (i = 0; i < count; i++) {
        char value[10000];
        size_t vlen = 0;
        int rc;
        if (jwk) {
            uint8_t key[JSK_GENERATE_BYTES_MAX];
            size_t n;
            if ((rc = jsk_generate_size(&n, alg, nbytes)) != JSK_OK || (rc = jsk_random_fill(key, n)) != JSK_OK ||
                (rc = jsk_jwk(value, sizeof value, &vlen, alg == JSK_ALG_UNSET ? JSK_ALG_HS256 : alg, key, n)) != JSK_OK) {
                jsk_wipe(key, sizeof key);
                core_error("generateSecret", rc);
            }
            jsk_wipe(key, sizeof key);
        } else if (alphabet != NULL) {
            rc = jsk_generate_alphabet(value, sizeof value, &vlen, alg, alphabet, strlen(alphabet), length);
        } else {
            rc = jsk_generate(value, sizeof value, &vlen, alg, nbytes, env ? JSK_ENCODING_BASE64URL : fmt);
        }
        if (!jwk && rc != JSK_OK) {
            core_error("generateSecret", rc);
        }
        if (env) {
            char line[10000 + JSK_ENV_NAME_LEN_MAX + 8];
            size_t llen;
            rc = jsk_env_line(line, sizeof line, &llen, var_names[i], strlen(var_names[i]), value, vlen);
            jsk_wipe(value, sizeof value);
            if (rc != JSK_OK) {
                core_error("generateSecret", rc);
            }
            lines[i] = xmalloc(llen + 1);
            memcpy(lines[i], line, llen + 1);
            jsk_wipe(line, sizeof line);
        } else {
            lines[i] = xmalloc(vlen + 1);
            memcpy(lines[i], value, vlen + 1);
            jsk_wipe(value, sizeof value);
        }
    }
    /* Everything made before anything is printed: an error leaves stdout empty. */
    for (i = 0; i < count; i++) {
        puts(lines[i]);
        wipe_free(lines[i], strlen(lines[i]));
    }
    free(lines);
    free(var_names);
    return 0;
}

/* ------------------------------------------------------------------ check */

static jsk_dict dict;
static void *dict_workspace;

static const jsk_dict *loaded_dict(void)
{
    if (dict_workspace == NULL) {
        size_t n = jsk_dict_workspace_len();
        int rc;
        dict_workspace = xmalloc(n);
        if ((rc = jsk_dict_init(&dict, dict_workspace, n)) != JSK_OK) {
            core_error("checkSecret", rc);
        }
    }
    return &dict;
}

static void describe(const jsk_report *r)
{
    char time_text[80], fix[64];
    size_t i;
    jsk_time_to_guess(time_text, sizeof time_text, r->seconds_log10);
    printf("%s: about %llu bits of entropy%s, a %zu-byte key for %s (%s); time to guess on one GPU: %s\n",
           jsk_verdict_name(r->verdict), whole_bits(r),
           r->entropy_capped ? " or more" : "",
           r->key_bytes, jsk_alg_name(r->alg), jsk_encoding_name(r->encoding), time_text);
    for (i = 0; i < r->n_findings; i++) {
        printf("  - %s: %s\n", jsk_finding_name(r->findings[i].code), r->findings[i].message);
    }
    for (i = 0; i < r->n_alternatives; i++) {
        printf("  decoded as %s: a %zu-byte key, %s for %s\n", jsk_encoding_name(r->alternatives[i].encoding),
               r->alternatives[i].key_bytes, jsk_verdict_name(r->alternatives[i].verdicts[r->alg - 1]), jsk_alg_name(r->alg));
    }
    jsk_report_fix(fix, sizeof fix, r);
    if (fix[0] != '\0') {
        printf("  fix: %s\n", fix);
    }
}

/* ------------------------------------------------------------------ check --env */

/* One variable of a .env file: name and value (both copies; the value is wiped after use). */
typedef struct {
    char name[JSK_ENV_NAME_LEN_MAX + 1];
    uint8_t *value;
    size_t len;
} env_var;

static int name_char(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

static int space(uint8_t c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

/* The assignments of a .env file as the dotenv package reads them: [export] NAME=VALUE or
 * NAME: VALUE; quoted values ('…', "…", `…`) may span lines, "…" expands \n and \r; an unquoted
 * value is trimmed and ends at #; other lines are skipped; the last assignment of a name wins.
 * Works on a copy with "\r\n" and "\r" turned into "\n". Returns the number of variables. */
static size_t parse_dotenv(uint8_t *t, size_t n, env_var *vars, size_t max)
{
    size_t i = 0, w = 0, count = 0, k;
    for (k = 0; k < n; k++) { /* normalise line ends in place */
        if (t[k] == '\r') {
            t[w++] = '\n';
            if (k + 1 < n && t[k + 1] == '\n') {
                k++;
            }
        } else {
            t[w++] = t[k];
        }
    }
    n = w;
    while (i < n) {
        size_t line_end = i, name_start, name_end, v_start, v_end, next;
        uint8_t quote = 0;
        while (line_end < n && t[line_end] != '\n') {
            line_end++;
        }
        next = line_end + 1;
        k = i;
        while (k < line_end && space(t[k])) {
            k++;
        }
        if (line_end - k > 7 && memcmp(t + k, "export", 6) == 0 && space(t[k + 6])) {
            k += 6;
            while (k < line_end && space(t[k])) {
                k++;
            }
        }
        name_start = k;
        while (k < line_end && name_char(t[k])) {
            k++;
        }
        name_end = k;
        if (name_end == name_start) {
            i = next;
            continue;
        }
        while (k < line_end && space(t[k])) {
            k++;
        }
        if (k < line_end && t[k] == '=') {
            k++;
        } else if (k < line_end && t[k] == ':' && name_end == k && k + 1 < line_end && space(t[k + 1])) {
            k++;
        } else {
            i = next;
            continue;
        }
        while (k < line_end && space(t[k])) {
            k++;
        }
        v_start = k;
        if (k < n && (t[k] == '\'' || t[k] == '"' || t[k] == '`')) {
            size_t q = k + 1;
            quote = t[k];
            while (q < n && !(t[q] == quote && t[q - 1] != '\\')) {
                q++;
            }
            if (q < n) { /* a closed quote: the value may span lines */
                v_start = k + 1;
                v_end = q;
                while (next <= q + 1 && next < n + 1) {
                    size_t e = q + 1;
                    while (e < n && t[e] != '\n') {
                        e++;
                    }
                    next = e + 1;
                }
            } else {
                quote = 0;
                v_end = line_end;
            }
        } else {
            v_end = k;
            while (v_end < line_end && t[v_end] != '#') {
                v_end++;
            }
        }
        if (!quote) {
            while (v_end > v_start && (space(t[v_end - 1]))) {
                v_end--;
            }
        }
        if ((size_t)(name_end - name_start) <= JSK_ENV_NAME_LEN_MAX) {
            size_t slot, len = v_end - v_start, o = 0, j;
            char name[JSK_ENV_NAME_LEN_MAX + 1];
            memcpy(name, t + name_start, name_end - name_start);
            name[name_end - name_start] = '\0';
            for (slot = 0; slot < count && strcmp(vars[slot].name, name) != 0; slot++) {
            }
            if (slot == count) {
                if (count == max) {
                    i = next;
                    continue;
                }
                strcpy(vars[count].name, name);
                vars[count].value = NULL;
                count++;
            }
            wipe_free(vars[slot].value, vars[slot].len + 1);
            vars[slot].value = xmalloc(len + 1);
            for (j = 0; j < len; j++) {
                uint8_t c = t[v_start + j];
                if (quote == '"' && c == '\\' && j + 1 < len && (t[v_start + j + 1] == 'n' || t[v_start + j + 1] == 'r')) {
                    vars[slot].value[o++] = t[v_start + j + 1] == 'n' ? '\n' : '\r';
                    j++;
                } else {
                    vars[slot].value[o++] = c;
                }
            }
            vars[slot].len = o;
        }
        i = next;
    }
    return count;
}

/* Case-insensitive glob (* and ?) over the whole name. */
static int glob_match(const char *g, const char *s)
{
    if (*g == '\0') {
        return *s == '\0';
    }
    if (*g == '*') {
        return glob_match(g + 1, s) || (*s != '\0' && glob_match(g, s + 1));
    }
    if (*s == '\0') {
        return 0;
    }
    if (*g == '?' || (*g | 0x20) == (*s | 0x20) || *g == *s) {
        return glob_match(g + 1, s + 1);
    }
    return 0;
}

static int default_env_name(const char *name)
{
    return glob_match("*jwt*", name) || glob_match("*secret*", name);
}

static int check_env(const char *file, const char *const *patterns, int npatterns, int alg, int encoding, int json)
{
    enum { MAX_VARS = 1024 };
    static env_var vars[MAX_VARS];
    bytes_t in = {NULL, 0, 0};
    size_t nvars, i;
    int any_selected = 0, all_strong = 1, first_weak = 1;
    jsk_report *reports;
    int *selected;
    const char *alg_name = jsk_alg_name(alg == JSK_ALG_UNSET ? JSK_ALG_HS256 : alg);

    if (strcmp(file, "-") == 0) {
        if (isatty(STDIN_FILENO)) {
            usage_error("--env - reads the .env file from standard input: pipe it in");
        }
        read_all(stdin, &in);
    } else {
        FILE *f = fopen(file, "rb");
        struct stat st;
        if (f == NULL || (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode))) {
            usage_error("cannot read --env %s: %s", file,
                        f != NULL ? "it is a directory" : errno == ENOENT ? "no such file" : errno == EACCES ? "permission denied" : strerror(errno));
        }
        read_all(f, &in);
        fclose(f);
    }
    nvars = parse_dotenv(in.data, in.len, vars, MAX_VARS);
    wipe_free(in.data, in.cap);
    reports = xmalloc(sizeof *reports * (nvars > 0 ? nvars : 1));
    selected = xmalloc(sizeof *selected * (nvars > 0 ? nvars : 1));
    for (i = 0; i < nvars; i++) {
        int k;
        selected[i] = npatterns == 0 ? default_env_name(vars[i].name) : 0;
        for (k = 0; k < npatterns && !selected[i]; k++) {
            selected[i] = glob_match(patterns[k], vars[i].name);
        }
        any_selected |= selected[i];
    }
    if (!any_selected) {
        const char *where = strcmp(file, "-") == 0 ? "standard input" : file;
        if (npatterns == 0) {
            usage_error("no variable in %s matches the default pattern (names containing JWT or SECRET)", where);
        } else {
            char which[1024] = "";
            int k;
            for (k = 0; k < npatterns; k++) {
                size_t used = strlen(which);
                snprintf(which + used, sizeof which - used, "%s'%s'", k > 0 ? ", " : "", patterns[k]);
            }
            usage_error("no variable in %s matches --var-pattern %s", where, which);
        }
    }
    for (i = 0; i < nvars; i++) {
        int rc;
        if (!selected[i]) {
            continue;
        }
        rc = jsk_check(&reports[i], alg, loaded_dict(), vars[i].value, vars[i].len, encoding);
        if (rc != JSK_OK) {
            fprintf(stderr, "jwt-secret: %s: checkSecret: %s (%s)\n", vars[i].name, jsk_strerror(rc), jsk_error_code(rc));
            exit(2);
        }
    }
    for (i = 0; i < nvars; i++) {
        wipe_free(vars[i].value, vars[i].len + 1);
        vars[i].value = NULL;
    }
    for (i = 0; i < nvars; i++) {
        const jsk_report *r = &reports[i];
        if (!selected[i]) {
            continue;
        }
        all_strong &= r->verdict == JSK_VERDICT_STRONG;
        if (json) {
            char text[JSK_REPORT_JSON_LEN_MAX];
            size_t n;
            jsk_report_json(text, sizeof text, &n, r);
            fputs("{\"name\":", stdout);
            out_json_string(stdout, (const uint8_t *)vars[i].name, strlen(vars[i].name));
            printf(",%s\n", text + 1);
        } else {
            printf("%s: %s (%llu%s bits, %zu-byte key", vars[i].name, jsk_verdict_name(r->verdict),
                   whole_bits(r), r->entropy_capped ? "+" : "",
                   r->key_bytes);
            if (r->n_findings > 0) {
                printf(", %s", jsk_finding_name(r->findings[0].code));
            }
            puts(")");
        }
    }
    if (!json) {
        printf("%s for %s: ", all_strong ? "all strong" : "not strong", alg_name);
        for (i = 0; i < nvars; i++) {
            if (selected[i] && (all_strong || reports[i].verdict != JSK_VERDICT_STRONG)) {
                printf("%s%s", first_weak ? "" : ", ", vars[i].name);
                first_weak = 0;
            }
        }
        if (all_strong) {
            putchar('\n');
        } else {
            printf(" (fix: jwt-secret generate --alg %s)\n", alg_name);
        }
    }
    free(reports);
    free(selected);
    return all_strong ? 0 : 1;
}

static int cmd_check(int argc, char **argv)
{
    static const opt_spec spec[] = {{"alg", 0, 0}, {"encoding", 0, 0}, {"json", 1, 0}, {"batch", 1, 0},
                                    {"env", 0, 0},   {"var-pattern", 0, 1}, {NULL, 0, 0}};
    parsed_t p;
    const char *enc_text, *env_file;
    int alg, encoding = JSK_ENCODING_RAW, json, batch, all_strong = 1;
    bytes_t in = {NULL, 0, 0};
    size_t start = 0, line_no = 0, nreports = 0, cap = 16, k;
    jsk_report *reports;

    parse(argc, argv, spec, "check", &p);
    if (p.help) {
        fputs(CHECK_USAGE, stdout);
        return 0;
    }
    alg = alg_option(opt(&p, spec, "alg"));
    enc_text = opt(&p, spec, "encoding");
    json = opt(&p, spec, "json") != NULL;
    batch = opt(&p, spec, "batch") != NULL;
    /* base64url-padded is a format the generator writes; the checker's base64url takes padding anyway. */
    if (enc_text != NULL && ((encoding = jsk_encoding_from_name(enc_text, strlen(enc_text))) < 0 ||
                             encoding == JSK_ENCODING_BASE64URL_PADDED)) {
        usage_error("--encoding must be one of raw, hex, base64, base64url, auto, got '%s'", enc_text);
    }
    env_file = opt(&p, spec, "env");
    if (env_file != NULL) {
        if (p.npositionals > 0) {
            usage_error("--env reads the secrets from FILE: give no SECRET");
        }
        if (batch) {
            usage_error("--env and --batch exclude each other");
        }
        if (env_file[0] == '\0') {
            usage_error("--env needs a file name");
        }
        return check_env(env_file, p.values[5], p.counts[5] < MAX_VALUES ? p.counts[5] : MAX_VALUES, alg, encoding, json);
    }
    if (p.counts[5] > 0) {
        usage_error("--var-pattern applies only to --env");
    }
    if (p.npositionals > 1) {
        usage_error("give one SECRET, or none to read standard input");
    }
    if (p.npositionals == 1 && batch) {
        usage_error("--batch reads standard input: give no SECRET");
    }
    if (p.npositionals == 1) {
        in.len = strlen(p.positionals[0]);
        in.cap = in.len + 1;
        in.data = xmalloc(in.cap);
        memcpy(in.data, p.positionals[0], in.len);
    } else {
        read_stdin(&in);
    }
    reports = xmalloc(sizeof *reports * cap);
    /* Every secret is checked before anything is printed: an input error leaves stdout empty. */
    for (;;) {
        size_t end, len;
        int rc;
        if (batch) {
            const uint8_t *nl;
            if (start >= in.len) {
                break;
            }
            nl = memchr(in.data + start, '\n', in.len - start);
            end = nl != NULL ? (size_t)(nl - in.data) : in.len;
            len = end - start;
            if (nl != NULL && len > 0 && in.data[end - 1] == '\r') {
                len--;
            }
        } else {
            end = in.len;
            len = p.npositionals == 1 ? in.len : strip_newline(in.data, in.len);
        }
        line_no++;
        if (nreports == cap) {
            jsk_report *bigger = xmalloc(sizeof *reports * cap * 2);
            memcpy(bigger, reports, sizeof *reports * cap);
            free(reports);
            reports = bigger;
            cap *= 2;
        }
        rc = jsk_check(&reports[nreports], alg, loaded_dict(), in.data + start, len, encoding);
        if (rc != JSK_OK) {
            wipe_free(in.data, in.cap);
            if (batch) {
                fprintf(stderr, "jwt-secret: line %zu: checkSecret: %s (%s)\n", line_no, jsk_strerror(rc), jsk_error_code(rc));
                exit(2);
            }
            core_error("checkSecret", rc);
        }
        nreports++;
        if (!batch) {
            break;
        }
        start = end + 1;
    }
    wipe_free(in.data, in.cap);
    for (k = 0; k < nreports; k++) {
        const jsk_report *r = &reports[k];
        all_strong &= r->verdict == JSK_VERDICT_STRONG;
        if (json) {
            char text[JSK_REPORT_JSON_LEN_MAX];
            size_t n;
            jsk_report_json(text, sizeof text, &n, r);
            puts(text);
        } else if (batch) {
            size_t i;
            printf("%s\t", jsk_verdict_name(r->verdict));
            out_fixed1(stdout, r->entropy_bits);
            printf(" bits\t%zu bytes\t", r->key_bytes);
            for (i = 0; i < r->n_findings; i++) {
                printf("%s%s", i > 0 ? "," : "", jsk_finding_name(r->findings[i].code));
            }
            puts(r->n_findings == 0 ? "-" : "");
        } else {
            describe(r);
        }
    }
    free(reports);
    return all_strong ? 0 : 1;
}

/* ------------------------------------------------------------------ sign, verify */

/* --secret, or standard input without one trailing newline. */
static void secret_arg(const char *given, bytes_t *out)
{
    if (given != NULL) {
        out->len = strlen(given);
        out->cap = out->len + 1;
        out->data = xmalloc(out->cap);
        memcpy(out->data, given, out->len);
        return;
    }
    read_stdin(out);
    out->len = strip_newline(out->data, out->len);
}

static int cmd_sign(int argc, char **argv)
{
    static const opt_spec spec[] = {{"alg", 0, 0}, {"secret", 0, 0}, {"payload", 0, 0}, {NULL, 0, 0}};
    parsed_t p;
    bytes_t secret;
    char payload_default[64];
    const char *payload;
    char *token;
    size_t cap, len;
    int alg, rc;

    parse(argc, argv, spec, "sign", &p);
    if (p.help) {
        fputs(SIGN_USAGE, stdout);
        return 0;
    }
    if (p.npositionals > 0) {
        usage_error("unexpected argument '%s' for 'sign'", p.positionals[0]);
    }
    alg = alg_option(opt(&p, spec, "alg"));
    if (alg == JSK_ALG_UNSET) {
        alg = JSK_ALG_HS256;
    }
    payload = opt(&p, spec, "payload");
    if (payload == NULL) {
        snprintf(payload_default, sizeof payload_default, "{\"iat\":%lld}", (long long)time(NULL));
        payload = payload_default;
    }
    secret_arg(opt(&p, spec, "secret"), &secret);
    cap = jsk_jws_sign_len(alg, strlen(payload));
    if (cap == 0) {
        core_error("signJwt", JSK_ERR_TOO_LARGE);
    }
    token = xmalloc(cap);
    rc = jsk_jws_sign(token, cap, &len, alg, secret.data, secret.len, (const uint8_t *)payload, strlen(payload));
    wipe_free(secret.data, secret.cap);
    if (rc != JSK_OK) {
        core_error("signJwt", rc);
    }
    puts(token);
    free(token);
    return 0;
}

static int invalid_token(int rc)
{
    return rc == JSK_ERR_BAD_SIGNATURE || rc == JSK_ERR_ALG_NONE || rc == JSK_ERR_ALG_NOT_HMAC ||
           rc == JSK_ERR_ALG_MISMATCH || rc == JSK_ERR_CRIT || rc == JSK_ERR_BAD_TAG_LENGTH;
}

/* The decoded text of a token part (base64url), or NULL. */
static char *decode_part(const char *s, size_t n, size_t *out_len)
{
    char *out = xmalloc(n);
    size_t len;
    if (jsk_base64_decode((uint8_t *)out, n, &len, s, n, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING) != JSK_OK) {
        free(out);
        return NULL;
    }
    *out_len = len;
    return out;
}

static int cmd_verify(int argc, char **argv)
{
    static const opt_spec spec[] = {{"alg", 0, 0}, {"secret", 0, 0}, {"json", 1, 0}, {NULL, 0, 0}};
    parsed_t p;
    bytes_t secret;
    const char *token;
    int pinned, alg = 0, rc, json;

    parse(argc, argv, spec, "verify", &p);
    if (p.help) {
        fputs(VERIFY_USAGE, stdout);
        return 0;
    }
    if (p.npositionals != 1) {
        usage_error("give exactly one TOKEN");
    }
    token = p.positionals[0];
    pinned = alg_option(opt(&p, spec, "alg"));
    json = opt(&p, spec, "json") != NULL;
    secret_arg(opt(&p, spec, "secret"), &secret);
    rc = jsk_jws_verify(&alg, pinned, token, strlen(token), secret.data, secret.len);
    wipe_free(secret.data, secret.cap);
    if (rc == JSK_OK) {
        const char *d1 = strchr(token, '.'), *d2 = d1 != NULL ? strchr(d1 + 1, '.') : NULL;
        size_t hlen = 0, plen = 0;
        char *header = decode_part(token, (size_t)(d1 - token), &hlen);
        char *payload = d2 != NULL ? decode_part(d1 + 1, (size_t)(d2 - d1 - 1), &plen) : NULL;
        int payload_json = payload != NULL && jsk_json_check((const uint8_t *)payload, plen, 0) == JSK_OK;
        if (json) {
            printf("{\"valid\":true,\"alg\":\"%s\",\"header\":%.*s,\"payload\":", jsk_alg_name(alg), (int)hlen, header);
            if (payload_json) {
                printf("%.*s}\n", (int)plen, payload);
            } else {
                puts("null}");
            }
        } else {
            printf("valid: %s\n", jsk_alg_name(alg));
            if (payload_json) {
                printf("%.*s\n", (int)plen, payload);
            } else {
                puts("null");
            }
        }
        free(header);
        free(payload);
        return 0;
    }
    if (!invalid_token(rc)) {
        core_error("verifyJwt", rc);
    }
    if (json) {
        printf("{\"valid\":false,\"code\":\"%s\",\"message\":\"verifyJwt: %s\"}\n", jsk_error_code(rc), jsk_strerror(rc));
    } else {
        printf("invalid: verifyJwt: %s (%s)\n", jsk_strerror(rc), jsk_error_code(rc));
    }
    return 1;
}

/* ------------------------------------------------------------------ audit */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void print_hashcat(FILE *f, const char *token, const char *file)
{
    const char *c;
    fprintf(f, "hashcat -m 16500 -a 0 '%s' '", token);
    for (c = file; *c != '\0'; c++) {
        if (*c == '\'') {
            fputs("'\\''", f);
        } else {
            fputc(*c, f);
        }
    }
    fputs("'", f);
}

static int cmd_audit(int argc, char **argv)
{
    static const opt_spec spec[] = {{"wordlist", 0, 0}, {"json", 1, 0}, {"force", 1, 0}, {"hashcat", 1, 0}, {NULL, 0, 0}};
    static jsk_audit audit;
    parsed_t p;
    const char *token, *wordlist;
    FILE *f = NULL;
    char *builtin;
    size_t cap, len, consumed, off = 0, flen = 0;
    int rc, found = 0, json, force, hashcat;
    const char *source = "builtin";
    uint8_t *secret = NULL;
    size_t secret_len = 0;
    double started, seconds;
    unsigned long long tried;

    parse(argc, argv, spec, "audit", &p);
    if (p.help) {
        fputs(AUDIT_USAGE, stdout);
        return 0;
    }
    if (p.npositionals != 1) {
        usage_error("give exactly one TOKEN");
    }
    token = p.positionals[0];
    wordlist = opt(&p, spec, "wordlist");
    json = opt(&p, spec, "json") != NULL;
    force = opt(&p, spec, "force") != NULL;
    hashcat = opt(&p, spec, "hashcat") != NULL;
    if (wordlist != NULL && (f = fopen(wordlist, "rb")) == NULL) {
        usage_error("cannot read --wordlist %s: %s", wordlist, errno == ENOENT ? "ENOENT" : strerror(errno));
    }
    if (f != NULL) {
        struct stat st;
        if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
            fclose(f);
            usage_error("cannot read --wordlist %s: it is a directory", wordlist);
        }
    }
    if ((rc = jsk_audit_init(&audit, token, strlen(token))) != JSK_OK) {
        core_error("createAudit", rc);
    }
    /* 1. The built-in list; its speed here estimates the wordlist's time. */
    started = now();
    cap = jsk_audit_builtin_len(loaded_dict());
    builtin = xmalloc(cap);
    if ((rc = jsk_audit_builtin(builtin, cap, &len, loaded_dict())) != JSK_OK) {
        core_error("auditToken", rc);
    }
    found = jsk_audit_lines(&audit, &off, &flen, &consumed, (const uint8_t *)builtin, len, 1);
    if (found == 1) {
        secret = xmalloc(flen + 1);
        memcpy(secret, builtin + off, flen);
        secret_len = flen;
    }
    free(builtin);
    seconds = now() - started;
    if (found != 1 && f != NULL) {
        struct stat st;
        double rate = (double)audit.tried / (seconds > 1e-3 ? seconds : 1e-3);
        double estimate = fstat(fileno(f), &st) == 0 ? (double)st.st_size / 10.0 / rate : 0.0;
        if (estimate > AUDIT_LIMIT_SECONDS && !force) {
            fprintf(stderr, "jwt-secret: %s (%.0f MB) would take about %.0f minutes at %.2f M candidates/s on this CPU; a GPU does it far faster:\n  ",
                    wordlist, (double)st.st_size / 1e6, estimate / 60.0, rate / 1e6);
            print_hashcat(stderr, token, wordlist);
            fputs("\nRun again with --force to try it here anyway.\n", stderr);
            fclose(f);
            return 2;
        }
        if (hashcat) {
            fputs("GPU-scale alternative: ", stderr);
            print_hashcat(stderr, token, wordlist);
            fputc('\n', stderr);
        }
        {
            size_t bufcap = 4 << 20, have = 0;
            uint8_t *buf = xmalloc(bufcap);
            started = now();
            for (;;) {
                size_t n = fread(buf + have, 1, bufcap - have, f);
                int final = n == 0;
                have += n;
                found = jsk_audit_lines(&audit, &off, &flen, &consumed, buf, have, final);
                if (found == 1) {
                    secret = xmalloc(flen + 1);
                    memcpy(secret, buf + off, flen);
                    secret_len = flen;
                    source = "wordlist";
                    break;
                }
                if (final) {
                    break;
                }
                /* Keep the unfinished last line; grow the buffer if one line fills it. */
                memmove(buf, buf + consumed, have - consumed);
                have -= consumed;
                if (have == bufcap) {
                    uint8_t *bigger = xmalloc(bufcap * 2);
                    memcpy(bigger, buf, have);
                    wipe_free(buf, bufcap);
                    buf = bigger;
                    bufcap *= 2;
                }
            }
            wipe_free(buf, bufcap);
            seconds += now() - started;
        }
    }
    if (f != NULL) {
        fclose(f);
    }
    tried = (unsigned long long)audit.tried;
    {
        const char *alg_name = jsk_alg_name(audit.alg);
        char secs[32];
        size_t k;
        jsk_wipe(&audit, sizeof audit);
        snprintf(secs, sizeof secs, "%.3f", seconds);
        for (k = strlen(secs); k > 0 && secs[k - 1] == '0'; k--) {
            secs[k - 1] = '\0';
        }
        if (k > 0 && secs[k - 1] == '.') {
            secs[k - 1] = '\0';
        }
        if (json) {
            fputs("{\"found\":", stdout);
            fputs(found == 1 ? "true" : "false", stdout);
            fputs(",\"secret\":", stdout);
            if (found == 1) {
                out_json_string(stdout, secret, secret_len);
            } else {
                fputs("null", stdout);
            }
            printf(",\"alg\":\"%s\",\"tried\":%llu,\"seconds\":%s}\n", alg_name, tried, secs);
        } else if (found == 1) {
            fputs("found: the token is signed with ", stdout);
            out_json_string(stdout, secret, secret_len);
            printf(" (%s, %s list, %llu candidates in %s s). Anyone can forge tokens: rotate it (jwt-secret generate --alg %s).\n",
                   alg_name, source, tried, secs, alg_name);
        } else {
            printf("not found: %llu candidates in %s s (%s). Not proof of strength: check the secret itself with 'jwt-secret check'.\n",
                   tried, secs, alg_name);
        }
    }
    if (secret != NULL) {
        wipe_free(secret, secret_len + 1);
    }
    return found == 1 ? 1 : 0;
}

/* ------------------------------------------------------------------ main */

int main(int argc, char **argv)
{
    const char *command = argc > 1 ? argv[1] : NULL;
    int rc;

    if (command == NULL) {
        fprintf(stderr, "jwt-secret: missing command\n\n%s", USAGE);
        return 2;
    }
    if (strcmp(command, "--version") == 0 || strcmp(command, "-V") == 0) {
        puts(JSK_VERSION_STRING);
        return 0;
    }
    if (strcmp(command, "-h") == 0 || strcmp(command, "--help") == 0) {
        fputs(USAGE, stdout);
        return 0;
    }
    if (strcmp(command, "help") == 0) {
        const char *topic = argc > 2 ? argv[2] : NULL;
        const char *text = topic == NULL                  ? USAGE
                           : strcmp(topic, "generate") == 0 ? GENERATE_USAGE
                           : strcmp(topic, "check") == 0    ? CHECK_USAGE
                           : strcmp(topic, "sign") == 0     ? SIGN_USAGE
                           : strcmp(topic, "verify") == 0   ? VERIFY_USAGE
                           : strcmp(topic, "audit") == 0    ? AUDIT_USAGE
                                                            : NULL;
        if (text == NULL) {
            usage_error("unknown command '%s'", topic);
        }
        fputs(text, stdout);
        return 0;
    }
    if (strcmp(command, "generate") == 0) {
        rc = cmd_generate(argc - 2, argv + 2);
    } else if (strcmp(command, "check") == 0) {
        rc = cmd_check(argc - 2, argv + 2);
    } else if (strcmp(command, "sign") == 0) {
        rc = cmd_sign(argc - 2, argv + 2);
    } else if (strcmp(command, "verify") == 0) {
        rc = cmd_verify(argc - 2, argv + 2);
    } else if (strcmp(command, "audit") == 0) {
        rc = cmd_audit(argc - 2, argv + 2);
    } else {
        usage_error("unknown command '%s'", command);
        rc = 2;
    }
    if (dict_workspace != NULL) {
        free(dict_workspace);
    }
    if (fflush(stdout) != 0 && errno != EPIPE) {
        return 2;
    }
    return rc;
}
