/* env_files.c — the .env files of several secrets: variable names × environments, in one of four
 * layouts (one file per environment, prefixed names in one file, a current/previous pair for
 * rotation, a Kubernetes Secret manifest per environment). Every file is complete on its own: a
 * header comment, then each variable exactly once (a .env file where a name comes back is broken:
 * the last assignment wins). The page, the JS API and the CLI all write their files here. */
#include <string.h>

#include "jsk.h"
#include "text_internal.h"

static const char *const layouts[] = {"", "files", "prefix", "rotation", "k8s"};

int jsk_env_layout_from_name(const char *name, size_t name_len)
{
    int i;
    for (i = JSK_ENV_LAYOUT_FILES; name != NULL && i <= JSK_ENV_LAYOUT_K8S; i++) {
        if (strlen(layouts[i]) == name_len && memcmp(layouts[i], name, name_len) == 0) {
            return i;
        }
    }
    return JSK_ERR_UNKNOWN_FORMAT;
}

const char *jsk_env_layout_name(int layout)
{
    return layout >= JSK_ENV_LAYOUT_FILES && layout <= JSK_ENV_LAYOUT_K8S ? layouts[layout] : NULL;
}

/* A list of items, each ended by '\n' (the last one may lack it). */
typedef struct {
    const char *s;
    size_t len, n;
} list_t;

static int list_item(const list_t *l, size_t index, const char **item, size_t *item_len)
{
    size_t i = 0, at = 0;
    *item = "";
    *item_len = 0;
    while (at < l->len) {
        const char *nl = memchr(l->s + at, '\n', l->len - at);
        size_t end = nl != NULL ? (size_t)(nl - l->s) : l->len;
        if (i == index) {
            *item = l->s + at;
            *item_len = end - at;
            return 1;
        }
        i++;
        at = end + 1U;
    }
    return 0;
}

static size_t list_count(const char *s, size_t len)
{
    size_t n = 0, i;
    for (i = 0; i < len; i++) {
        n += s[i] == '\n';
    }
    return n + (len > 0 && s[len - 1] != '\n');
}

/* Everything a request resolves to. */
typedef struct {
    int alg, layout;
    size_t bytes, chars; /* random bytes per secret, and their base64url characters */
    list_t names, envs;
} req_t;

static char upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c == '-' ? '_' : c;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c == '_' ? '-' : c;
}

/* The variable of name i in environment e (e == n for "no environment"), copy 0 or 1 (rotation's
 * CURRENT and PREVIOUS): prefixed with the environment's name in upper case for the prefix layout. */
static size_t full_name(char *out, const req_t *r, size_t i, size_t e, int copy)
{
    const char *name, *env;
    size_t nlen, elen, o = 0, k;
    list_item(&r->names, i, &name, &nlen);
    if (r->layout == JSK_ENV_LAYOUT_PREFIX && list_item(&r->envs, e, &env, &elen)) {
        for (k = 0; k < elen; k++) {
            out[o++] = upper(env[k]);
        }
        out[o++] = '_';
    }
    memcpy(out + o, name, nlen);
    o += nlen;
    if (r->layout == JSK_ENV_LAYOUT_ROTATION) {
        const char *suffix = copy == 0 ? "_CURRENT" : "_PREVIOUS";
        memcpy(out + o, suffix, strlen(suffix));
        o += strlen(suffix);
    }
    out[o] = '\0';
    return o;
}

#define FULL_NAME_MAX (JSK_ENV_NAME_LEN_MAX + JSK_ENV_ENVIRONMENT_LEN_MAX + 16U)

static int same_name(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i;
    if (alen != blen) {
        return 0;
    }
    for (i = 0; i < alen; i++) {
        if (upper(a[i]) != upper(b[i])) {
            return 0;
        }
    }
    return 1;
}

/* The files and how many variables each holds. */
static size_t file_count(const req_t *r)
{
    return r->layout == JSK_ENV_LAYOUT_PREFIX || r->envs.n == 0 ? 1U : r->envs.n;
}

static size_t copies(const req_t *r)
{
    return r->layout == JSK_ENV_LAYOUT_ROTATION ? 2U : 1U;
}

static int resolve(req_t *r, int *culprit, int alg, size_t bytes, int layout, const char *names, size_t names_len,
                   const char *envs, size_t envs_len)
{
    size_t i, j, e, ne;
    int rc;
    memset(r, 0, sizeof *r);
    if (culprit != NULL) {
        *culprit = 0;
    }
    if ((names == NULL && names_len > 0) || (envs == NULL && envs_len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (jsk_env_layout_name(layout) == NULL) {
        return JSK_ERR_UNKNOWN_FORMAT;
    }
    if ((rc = jsk_generate_size(&r->bytes, alg, bytes)) != JSK_OK) {
        return rc;
    }
    r->alg = alg == JSK_ALG_UNSET ? JSK_ALG_HS256 : alg;
    r->layout = layout;
    r->chars = jsk_encoded_len(r->bytes, JSK_ENCODING_BASE64URL) - 1U;
    r->names.s = names_len > 0 ? names : JSK_ENV_NAME_DEFAULT;
    r->names.len = names_len > 0 ? names_len : sizeof JSK_ENV_NAME_DEFAULT - 1U;
    r->names.n = list_count(r->names.s, r->names.len);
    r->envs.s = envs;
    r->envs.len = envs_len;
    r->envs.n = list_count(envs, envs_len);
    if (r->names.n > JSK_ENV_FILES_NAMES_MAX || r->envs.n > JSK_ENV_FILES_ENVIRONMENTS_MAX) {
        return JSK_ERR_OUT_OF_RANGE;
    }
    /* Environments: a letter, then letters, digits, '-' or '_'; no two alike (case, '-' and '_' aside). */
    for (e = 0; e < r->envs.n; e++) {
        const char *env, *other;
        size_t elen, olen;
        list_item(&r->envs, e, &env, &elen);
        for (j = 0; j < elen; j++) {
            char c = upper(env[j]);
            if (!((c >= 'A' && c <= 'Z') || (j > 0 && ((c >= '0' && c <= '9') || c == '_')))) {
                break;
            }
        }
        rc = elen == 0 || elen > JSK_ENV_ENVIRONMENT_LEN_MAX || j < elen ? JSK_ERR_BAD_NAME : JSK_OK;
        for (j = 0; rc == JSK_OK && j < e; j++) {
            list_item(&r->envs, j, &other, &olen);
            rc = same_name(env, elen, other, olen) ? JSK_ERR_DUPLICATE_NAME : JSK_OK;
        }
        if (rc != JSK_OK) {
            if (culprit != NULL) {
                *culprit = -(int)e - 1;
            }
            return rc;
        }
    }
    /* Every variable of a file: a valid name, and only once (case aside) in its file. */
    ne = r->envs.n > 0 ? r->envs.n : 1U;
    for (i = 0; i < r->names.n; i++) {
        const char *name;
        size_t nlen;
        list_item(&r->names, i, &name, &nlen);
        rc = jsk_env_name_check(name, nlen);
        for (e = 0; rc == JSK_OK && e < ne; e++) {
            size_t c, fe, k;
            for (c = 0; rc == JSK_OK && c < copies(r); c++) {
                char a[FULL_NAME_MAX], b[FULL_NAME_MAX];
                size_t alen = full_name(a, r, i, e, (int)c);
                rc = jsk_env_name_check(a, alen);
                /* Against the variables before it in the same file. */
                for (fe = r->layout == JSK_ENV_LAYOUT_PREFIX ? 0 : e; rc == JSK_OK && fe <= e; fe++) {
                    for (j = 0; rc == JSK_OK && j < (fe == e ? i : r->names.n); j++) {
                        for (k = 0; rc == JSK_OK && k < copies(r); k++) {
                            size_t blen = full_name(b, r, j, fe, (int)k);
                            rc = same_name(a, alen, b, blen) ? JSK_ERR_DUPLICATE_NAME : JSK_OK;
                        }
                    }
                }
            }
        }
        if (rc != JSK_OK) {
            if (culprit != NULL) {
                *culprit = (int)i + 1;
            }
            return rc;
        }
    }
    return JSK_OK;
}

/* Text out, raw or as the inside of a JSON string (the files hold no quote, backslash or control
 * character but '\n'). */
typedef struct {
    jsk_text t;
    int json;
} sink_t;

static void put_n(sink_t *s, const char *p, size_t n)
{
    char one[3];
    size_t i;
    for (i = 0; i < n; i++) {
        one[0] = p[i];
        one[1] = '\0';
        if (s->json && p[i] == '\n') {
            memcpy(one, "\\n", 3);
        }
        jsk_text_put(&s->t, one);
    }
}

static void put(sink_t *s, const char *p)
{
    put_n(s, p, strlen(p));
}

static void put_uint(sink_t *s, size_t v)
{
    jsk_text_uint(&s->t, v);
}

/* The file's name: ".env", ".env.<environment>", "jwt-secrets.yaml", "jwt-secrets.<environment>.yaml". */
static void file_name(sink_t *s, const req_t *r, size_t file)
{
    const char *env = NULL;
    size_t elen = 0;
    int one_env = r->layout != JSK_ENV_LAYOUT_PREFIX && list_item(&r->envs, file, &env, &elen);
    put(s, r->layout == JSK_ENV_LAYOUT_K8S ? "jwt-secrets" : ".env");
    if (one_env) {
        put(s, ".");
        put_n(s, env, elen);
    }
    if (r->layout == JSK_ENV_LAYOUT_K8S) {
        put(s, ".yaml");
    }
}

static void env_list(sink_t *s, const req_t *r, int as_prefix)
{
    size_t e, k;
    for (e = 0; e < r->envs.n; e++) {
        const char *env;
        size_t elen;
        list_item(&r->envs, e, &env, &elen);
        put(s, e == 0 ? "" : e + 1U == r->envs.n && !as_prefix ? " and " : ", ");
        for (k = 0; k < elen; k++) {
            char c = as_prefix ? upper(env[k]) : env[k];
            put_n(s, &c, 1);
        }
        if (as_prefix) {
            put(s, "_");
        }
    }
}

/* One file's text. */
static int write_file(sink_t *s, const req_t *r, size_t file)
{
    int k8s = r->layout == JSK_ENV_LAYOUT_K8S;
    size_t e, e_end, i, c;
    const char *env = NULL;
    size_t elen = 0;
    int one_env = r->layout != JSK_ENV_LAYOUT_PREFIX && list_item(&r->envs, file, &env, &elen);

    put(s, "# ");
    file_name(s, r, file);
    put(s, k8s ? ": a Kubernetes Secret with JWT secrets" : ": JWT secrets");
    if (r->envs.n > 0) {
        put(s, " for ");
        if (one_env) {
            put_n(s, env, elen);
        } else {
            env_list(s, r, 0);
        }
    }
    put(s, " (");
    put(s, jsk_alg_name(r->alg));
    put(s, ", ");
    put_uint(s, r->bytes);
    put(s, " random bytes each, base64url).\n");
    if (r->layout == JSK_ENV_LAYOUT_PREFIX && r->envs.n > 0) {
        put(s, "# One file for every environment: each environment's names start with ");
        env_list(s, r, 1);
        put(s, ".\n");
    }
    if (r->layout == JSK_ENV_LAYOUT_ROTATION) {
        put(s, "# Sign with the current key; verify with the current, then the previous one.\n"
               "# To rotate: move _CURRENT's value to _PREVIOUS, put a new secret in _CURRENT\n"
               "# (jwt-secret generate), and drop _PREVIOUS once the tokens it signed have expired.\n"
               "# _PREVIOUS is new and random here: put the key you are replacing there, if any.\n");
    }
    if (k8s) {
        put(s, "# kubectl apply -f ");
        file_name(s, r, file);
        put(s, ", then delete the file. In a pod, envFrom: [{secretRef: {name: ...}}]\n"
               "# makes each key an environment variable.\n");
    }
    put(s, "# Made by jwt-secret-kit. Keep this file out of version control.\n");
    if (k8s) {
        put(s, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: jwt-secrets");
        if (one_env) {
            put(s, "-");
            for (i = 0; i < elen; i++) {
                char ch = lower(env[i]);
                put_n(s, &ch, 1);
            }
        }
        put(s, "\ntype: Opaque\nstringData:\n");
    }
    e = r->layout == JSK_ENV_LAYOUT_PREFIX ? 0 : file;
    e_end = r->layout == JSK_ENV_LAYOUT_PREFIX ? (r->envs.n > 0 ? r->envs.n : 1U) : file + 1U;
    for (; e < e_end; e++) {
        if (r->layout == JSK_ENV_LAYOUT_PREFIX && r->envs.n > 0) {
            const char *group;
            size_t glen;
            list_item(&r->envs, e, &group, &glen);
            put(s, "\n# ");
            put_n(s, group, glen);
            put(s, "\n");
        }
        for (i = 0; i < r->names.n; i++) {
            for (c = 0; c < copies(r); c++) {
                char name[FULL_NAME_MAX], value[JSK_BASE64_ENCODED_LEN(JSK_GENERATE_BYTES_MAX, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING)];
                size_t nlen = full_name(name, r, i, e, (int)c), vlen = 0;
                int rc = jsk_generate(value, sizeof value, &vlen, r->alg, r->bytes, JSK_ENCODING_BASE64URL);
                if (rc != JSK_OK) {
                    jsk_wipe(value, sizeof value);
                    return rc;
                }
                put(s, k8s ? "  " : "");
                put_n(s, name, nlen);
                put(s, k8s ? ": '" : "=");
                put_n(s, value, vlen); /* base64url: bare in a .env line, and in single quotes in YAML */
                put(s, k8s ? "'\n" : "\n");
                jsk_wipe(value, sizeof value);
            }
        }
    }
    return JSK_OK;
}

int jsk_env_files_check(size_t *files, size_t *cap, int *culprit, int alg, size_t bytes, int layout, const char *names,
                        size_t names_len, const char *envs, size_t envs_len)
{
    req_t r;
    int rc = resolve(&r, culprit, alg, bytes, layout, names, names_len, envs, envs_len);
    size_t per_var, nf;
    if (files != NULL) {
        *files = 0;
    }
    if (cap != NULL) {
        *cap = 0;
    }
    if (rc != JSK_OK) {
        return rc;
    }
    nf = file_count(&r);
    if (files != NULL) {
        *files = nf;
    }
    /* A bound, JSON-escaped: a file's header is below 1 KB plus the environments' names three
     * times; a variable's line is its name, the value and at most 6 more characters. */
    per_var = FULL_NAME_MAX + r.chars + 8U;
    if (cap != NULL) {
        *cap = 2U * (nf * (1024U + 3U * (r.envs.len + r.envs.n * 2U) + 2U * r.names.len) +
                     r.names.n * copies(&r) * (r.envs.n > 0 ? r.envs.n : 1U) * per_var) +
               64U;
    }
    return JSK_OK;
}

/* The end of a writer: an overflow is BUFFER_TOO_SMALL; on any error the output (new secrets
 * included) is wiped; else its length. */
static int finish(const sink_t *s, int rc, char *out, size_t out_maxlen, size_t *out_len)
{
    if (rc == JSK_OK && s->t.overflow) {
        rc = JSK_ERR_BUFFER_TOO_SMALL;
    }
    if (rc != JSK_OK) {
        jsk_wipe(out, out_maxlen);
        return rc;
    }
    if (out_len != NULL) {
        *out_len = s->t.len;
    }
    return JSK_OK;
}

int jsk_env_file(char *out, size_t out_maxlen, size_t *out_len, char *name_out, size_t name_maxlen, int alg,
                 size_t bytes, int layout, const char *names, size_t names_len, const char *envs, size_t envs_len,
                 size_t index)
{
    req_t r;
    sink_t s;
    int rc = resolve(&r, NULL, alg, bytes, layout, names, names_len, envs, envs_len);
    if (out_len != NULL) {
        *out_len = 0;
    }
    if (rc != JSK_OK) {
        return rc;
    }
    if (index >= file_count(&r)) {
        return JSK_ERR_OUT_OF_RANGE;
    }
    if (out == NULL || out_maxlen == 0 || name_out == NULL || name_maxlen == 0) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    memset(&s, 0, sizeof s);
    s.t.buf = name_out;
    s.t.cap = name_maxlen;
    name_out[0] = '\0';
    file_name(&s, &r, index);
    if (s.t.overflow) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    s.t.buf = out;
    s.t.cap = out_maxlen;
    s.t.len = 0;
    out[0] = '\0';
    rc = write_file(&s, &r, index);
    return finish(&s, rc, out, out_maxlen, out_len);
}

int jsk_env_files_json(char *out, size_t out_maxlen, size_t *out_len, int alg, size_t bytes, int layout,
                       const char *names, size_t names_len, const char *envs, size_t envs_len)
{
    req_t r;
    sink_t s;
    size_t f, i, c, nf;
    int rc = resolve(&r, NULL, alg, bytes, layout, names, names_len, envs, envs_len);
    if (out_len != NULL) {
        *out_len = 0;
    }
    if (rc != JSK_OK) {
        return rc;
    }
    if (out == NULL || out_maxlen == 0) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    memset(&s, 0, sizeof s);
    s.t.buf = out;
    s.t.cap = out_maxlen;
    out[0] = '\0';
    nf = file_count(&r);
    put(&s, "{\"layout\":\"");
    put(&s, layouts[layout]);
    put(&s, "\",\"alg\":\"");
    put(&s, jsk_alg_name(r.alg));
    put(&s, "\",\"bytes\":");
    put_uint(&s, r.bytes);
    put(&s, ",\"files\":[");
    for (f = 0; rc == JSK_OK && f < nf; f++) {
        const char *env;
        size_t elen, e, e_end;
        put(&s, f > 0 ? ",{\"name\":\"" : "{\"name\":\"");
        file_name(&s, &r, f);
        put(&s, "\",\"environment\":");
        if (r.layout != JSK_ENV_LAYOUT_PREFIX && list_item(&r.envs, f, &env, &elen)) {
            put(&s, "\"");
            put_n(&s, env, elen);
            put(&s, "\"");
        } else {
            put(&s, "null");
        }
        put(&s, ",\"variables\":[");
        e = r.layout == JSK_ENV_LAYOUT_PREFIX ? 0 : f;
        e_end = r.layout == JSK_ENV_LAYOUT_PREFIX ? (r.envs.n > 0 ? r.envs.n : 1U) : f + 1U;
        for (; e < e_end; e++) {
            for (i = 0; i < r.names.n; i++) {
                for (c = 0; c < copies(&r); c++) {
                    char name[FULL_NAME_MAX];
                    size_t nlen = full_name(name, &r, i, e, (int)c);
                    put(&s, s.t.len > 0 && out[s.t.len - 1] == '[' ? "\"" : ",\"");
                    put_n(&s, name, nlen);
                    put(&s, "\"");
                }
            }
        }
        put(&s, "],\"content\":\"");
        s.json = 1;
        rc = write_file(&s, &r, f);
        s.json = 0;
        put(&s, "\"}");
    }
    put(&s, "]}");
    return finish(&s, rc, out, out_maxlen, out_len);
}
