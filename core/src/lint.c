/* lint.c — what a careful reviewer says about a token's header keys, claims and times (shared with
 * the inspector, inspect.c), and the honest verification report (jsk_jwt_verify_report): the
 * signature as jws.c checks it, then times, key size and findings, with a verdict and a headline.
 * Here because verification needs it: this is what the jwt module carries (the inspector's reading
 * of arbitrary text is in its own module). No allocation, no libm, no printf. */
#include <string.h>

#include "jsk.h"
#include "lint_internal.h"
#include "utf8_internal.h"

static const char *const severity_names[] = {"danger", "warning", "info"};
const char *const jsk_lint_claim_names[3] = {"iat", "nbf", "exp"};

/* ------------------------------------------------------------------------ words */

void jsk_lint_put_n(jsk_text *t, const char *s, size_t n)
{
    char buf[2] = {0, 0};
    size_t i;
    for (i = 0; i < n; i++) {
        buf[0] = s[i];
        jsk_text_put(t, buf);
    }
}

/* Whole seconds of a non-negative double (no libm), saturated far beyond any real date. */
unsigned long long jsk_lint_whole(double v)
{
    return v <= 0 ? 0 : v >= 1e15 ? 1000000000000000ULL : (unsigned long long)v;
}

void jsk_lint_count_of(jsk_text *t, unsigned long long n, const char *unit)
{
    jsk_text_uint(t, n);
    jsk_text_put(t, " ");
    jsk_text_put(t, unit);
    if (n != 1) {
        jsk_text_put(t, "s");
    }
}

/* "45 seconds", "3 minutes", "5 hours", "12 days", "about 3 years": the largest whole unit. */
void jsk_lint_duration(jsk_text *t, double seconds)
{
    unsigned long long s = jsk_lint_whole(seconds);
    if (s < 60) {
        jsk_lint_count_of(t, s, "second");
    } else if (s < 3600) {
        jsk_lint_count_of(t, s / 60, "minute");
    } else if (s < 86400) {
        jsk_lint_count_of(t, s / 3600, "hour");
    } else if (s < 365ULL * 86400) {
        jsk_lint_count_of(t, s / 86400, "day");
    } else {
        jsk_text_put(t, "about ");
        jsk_lint_count_of(t, s / (365ULL * 86400), "year");
    }
}

/* A new finding; returns its "what" buffer as a text to write into (NULL when the list is full). */
jsk_text jsk_lint_finding(jsk_lint *a, const char *code, int severity, const char *advice, int *ok)
{
    jsk_text t = {NULL, 0, 0, 0};
    *ok = a->nf < JSK_LINT_FINDINGS_MAX;
    if (*ok) {
        jsk_lint_finding_t *f = &a->f[a->nf++];
        f->code = code;
        f->severity = severity;
        f->advice = advice;
        f->what[0] = '\0';
        t.buf = f->what;
        t.cap = sizeof f->what;
    }
    return t;
}

void jsk_lint_add(jsk_lint *a, const char *code, int severity, const char *what, const char *advice)
{
    int ok;
    jsk_text t = jsk_lint_finding(a, code, severity, advice, &ok);
    if (ok) {
        jsk_text_put(&t, what);
    }
}

void jsk_lint_claims(jsk_lint *a)
{
    size_t k;
    int ok;
    jsk_text t;

    for (k = 0; k < 3; k++) {
        int m = k == 0 ? JSK_JM_IAT : k == 1 ? JSK_JM_NBF : JSK_JM_EXP;
        if (a->ptop.count[m] == 0) {
            continue;
        }
        a->value_at[k] = a->ptop.at[m];
        a->value_len[k] = jsk_json_number_at(a->payload, a->payload_len, a->ptop.at[m], &a->value[k]);
        if (a->value_len[k] > 0) {
            a->has[k] = 1;
        } else {
            a->bad[k] = 1;
            t = jsk_lint_finding(a, "CLAIM_NOT_NUMBER", JSK_LINT_DANGER,
                             "verifiers disagree on it (one that ignores exp accepts the token forever). Write "
                             "seconds since 1970",
                             &ok);
            if (ok) {
                jsk_text_put(&t, jsk_lint_claim_names[k]);
                jsk_text_put(&t, " is not a number");
            }
        }
    }
}

void jsk_lint_times(jsk_lint *a, double now)
{
    int ok;
    jsk_text t;
    if (a->has[2] && a->has[0]) {
        a->lifetime = a->value[2] - a->value[0];
    } else if (a->has[2] && a->has[1]) {
        a->lifetime = a->value[2] - a->value[1];
    } else {
        a->lifetime = -1;
    }
    if (!a->has[2] && !a->bad[2] && a->payload_json) {
        jsk_lint_add(a, "NO_EXP", JSK_LINT_WARNING, "the token has no exp: it never expires",
            "give every token an expiry");
    }
    if (a->lifetime > JSK_LIFETIME_WARNING_SECONDS) {
        t = jsk_lint_finding(a, "LIFETIME_LONG", a->lifetime > JSK_LIFETIME_DANGER_SECONDS ? JSK_LINT_DANGER : JSK_LINT_WARNING,
                         "a stolen token stays usable that long. Keep access tokens to minutes or hours",
                         &ok);
        if (ok) {
            jsk_text_put(&t, "the token is valid for ");
            jsk_lint_duration(&t, a->lifetime);
            jsk_text_put(&t, a->has[0] ? " (exp - iat)" : " (exp - nbf)");
        }
    }
    if (now != now) {
        return; /* NaN: no clock given */
    }
    a->judged = 1;
    if (a->has[2]) {
        if (now >= a->value[2]) {
            a->expired = 1;
            a->expired_ago = now - a->value[2];
            t = jsk_lint_finding(a, "EXPIRED", JSK_LINT_DANGER, "verifiers refuse it; get a new token", &ok);
            if (ok) {
                jsk_text_put(&t, "the token expired ");
                if (jsk_lint_whole(a->expired_ago) == 0) {
                    jsk_text_put(&t, "just now");
                } else {
                    jsk_lint_duration(&t, a->expired_ago);
                    jsk_text_put(&t, " ago");
                }
            }
        } else {
            a->expires_in = a->value[2] - now;
        }
    }
    if (a->has[1] && a->value[1] > now) {
        a->not_yet_valid = 1;
        a->valid_in = a->value[1] - now;
        t = jsk_lint_finding(a, "NOT_YET_VALID", JSK_LINT_DANGER, "verifiers refuse it until then (nbf)", &ok);
        if (ok) {
            jsk_text_put(&t, "the token is not valid for another ");
            jsk_lint_duration(&t, a->valid_in > 1 ? a->valid_in : 1);
        }
    }
    if (a->has[0] && a->value[0] > now + JSK_IAT_FUTURE_LEEWAY_SECONDS) {
        t = jsk_lint_finding(a, "IAT_FUTURE", JSK_LINT_WARNING,
                         "the issuer's clock is wrong, or someone else made the token",
                         &ok);
        if (ok) {
            jsk_text_put(&t, "iat is ");
            jsk_lint_duration(&t, a->value[0] - now);
            jsk_text_put(&t, " in the future");
        }
    }
}

/* -------------------------------------------------------------------- output */

void jsk_lint_key(jsk_text *t, const char *name)
{
    jsk_text_put(t, ",\"");
    jsk_text_put(t, name);
    jsk_text_put(t, "\":");
}

void jsk_lint_boolean(jsk_text *t, const char *name, int v)
{
    jsk_lint_key(t, name);
    jsk_text_put(t, v ? "true" : "false");
}

void jsk_lint_seconds(jsk_text *t, const char *name, int has, double v)
{
    jsk_lint_key(t, name);
    if (has) {
        jsk_text_uint(t, jsk_lint_whole(v));
    } else {
        jsk_text_put(t, "null");
    }
}

void jsk_lint_findings_json(jsk_text *t, const jsk_lint *a)
{
    size_t i;
    jsk_lint_key(t, "findings");
    jsk_text_put(t, "[");
    for (i = 0; i < a->nf; i++) {
        jsk_text_put(t, i > 0 ? ",{\"code\":\"" : "{\"code\":\"");
        jsk_text_put(t, a->f[i].code);
        jsk_text_put(t, "\",\"severity\":\"");
        jsk_text_put(t, severity_names[a->f[i].severity]);
        jsk_text_put(t, "\",\"message\":");
        {
            /* what, then what to do: one sentence each */
            char msg[JSK_LINT_WHAT_LEN + 400];
            jsk_text m = {msg, 0, sizeof msg, 0};
            msg[0] = '\0';
            jsk_text_put(&m, a->f[i].what);
            jsk_text_put(&m, ". ");
            if (a->f[i].advice[0] >= 'a' && a->f[i].advice[0] <= 'z') {
                char first[2] = {(char)(a->f[i].advice[0] - 32), 0};
                jsk_text_put(&m, first);
                jsk_text_put(&m, a->f[i].advice + 1);
            } else {
                jsk_text_put(&m, a->f[i].advice);
            }
            jsk_text_put(&m, ".");
            if (msg[0] >= 'a' && msg[0] <= 'z') {
                msg[0] = (char)(msg[0] - 32);
            }
            jsk_text_json_string(t, msg);
        }
        jsk_text_put(t, "}");
    }
    jsk_text_put(t, "]");
}

int jsk_lint_finish(jsk_text *t, char *out, size_t out_maxlen, size_t *out_len)
{
    if (t->overflow) {
        if (out_maxlen > 0) {
            out[0] = '\0';
        }
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    if (out_len != NULL) {
        *out_len = t->len;
    }
    return JSK_OK;
}


/* ------------------------------------------------------------- verification */


/* The refusals a report can give, by name, and the words of their headline. The names are
 * jsk_error_code()'s (a test keeps them equal): the jwt module does not carry the error table. */
static const struct refusal {
    int err;
    const char *code, *why;
} refusals[] = {
    {JSK_ERR_BAD_SIGNATURE, "ERR_BAD_SIGNATURE", "the signature does not match (a wrong secret, or an altered token)"},
    {JSK_ERR_ALG_NONE, "ERR_ALG_NONE", "the token is unsigned (alg \"none\")"},
    {JSK_ERR_ALG_NOT_HMAC, "ERR_ALG_NOT_HMAC", "its alg is not HS256, HS384 or HS512"},
    {JSK_ERR_ALG_MISMATCH, "ERR_ALG_MISMATCH", "its alg is not the one the verifier pinned"},
    {JSK_ERR_CRIT, "ERR_CRIT", "its header has crit"},
    {JSK_ERR_BAD_TAG_LENGTH, "ERR_BAD_TAG_LENGTH", "the signature's length does not match the algorithm"},
    {JSK_ERR_BAD_PAYLOAD, "ERR_BAD_PAYLOAD", "the payload is not a JSON object"},
    {JSK_ERR_TOKEN_EXPIRED, "ERR_TOKEN_EXPIRED", ""},
    {JSK_ERR_TOKEN_NOT_YET_VALID, "ERR_TOKEN_NOT_YET_VALID", ""},
    {JSK_ERR_BAD_TIME_CLAIM, "ERR_BAD_TIME_CLAIM", ""},
};

static const struct refusal *refusal_of(int err)
{
    size_t i;
    for (i = 0; i + 1 < sizeof refusals / sizeof refusals[0] && refusals[i].err != err; i++) {
    }
    return &refusals[i];
}

const char *jsk_lint_refusal_code(int err)
{
    const struct refusal *r = refusal_of(err);
    return r->err == err ? r->code : NULL;
}

size_t jsk_jwt_verify_report_len(size_t token_len)
{
    return token_len > JSK_JWS_LEN_MAX ? 0 : token_len / 4U * 3U + 3U + JSK_JWT_REPORT_JSON_LEN_MAX;
}

/* A signed token's claims and times (jws.c has parsed it: canonical base64url, a JSON object
 * header; jku, x5u, jwk and x5c do not matter once the caller's own key has checked it). The payload is decoded into payload_buf. 0, or JSK_ERR_BAD_PAYLOAD. */
static int read_signed(jsk_lint *a, const char *token, size_t len, uint8_t *payload_buf, size_t payload_cap, double now)
{
    const char *dot1 = memchr(token, '.', len), *dot2;
    size_t n = 0;
    dot2 = memchr(dot1 + 1, '.', len - (size_t)(dot1 - token) - 1);
    if (jsk_decode(payload_buf, payload_cap, &n, dot1 + 1, (size_t)(dot2 - dot1 - 1), JSK_ENCODING_BASE64URL) != JSK_OK ||
        jsk_json_scan(payload_buf, n, 1, &a->ptop) != JSK_OK) {
        return JSK_ERR_BAD_PAYLOAD; /* signed, but not a JSON object (RFC 7519 section 7.2) */
    }
    a->payload = payload_buf;
    a->payload_len = n;
    a->payload_json = 1;
    jsk_lint_claims(a);
    jsk_lint_times(a, now);
    return 0;
}

int jsk_jwt_verify_report(char *out, size_t out_maxlen, size_t *out_len, int alg, const char *token, size_t len,
                          const uint8_t *key_bytes, size_t key_len, double now, int secret_verdict,
                          const char *secret_meaning)
{
    jsk_lint a;
    jsk_text t = {out, 0, out_maxlen, 0};
    size_t pcap = len / 4U * 3U + 3U, worst = JSK_LINT_FINDINGS_MAX, i;
    int header_alg = 0, code = 0, sig;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (out == NULL || (token == NULL && len > 0) || (key_bytes == NULL && key_len > 0) || secret_verdict < 0 ||
        secret_verdict > JSK_VERDICT_STRONG) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (len > JSK_JWS_LEN_MAX) {
        return JSK_ERR_TOO_LARGE;
    }
    if (out_maxlen < jsk_jwt_verify_report_len(len)) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    memset(&a, 0, sizeof a);
    out[0] = '\0';
    sig = jsk_jws_verify(&header_alg, alg, token, len, key_bytes, key_len);
    if (sig != JSK_OK && !jsk_error_is_refusal(sig)) {
        return sig; /* not a token: an input error, as jsk_jws_verify() says */
    }
    if (sig == JSK_OK) {
        sig = read_signed(&a, token, len, (uint8_t *)out + out_maxlen - pcap, pcap, now);
        jsk_wipe(out + out_maxlen - pcap, pcap);
    }
    if (sig == JSK_OK) {
        size_t need = jsk_alg_key_bytes(header_alg);
        if (key_len < need) {
            int ok;
            jsk_text w = jsk_lint_finding(&a, "KEY_TOO_SHORT", JSK_LINT_DANGER,
                                      "a short key can be guessed offline from any token it signed (RFC 7518 section "
                                      "3.2). Rotate to a new secret",
                                      &ok);
            if (ok) {
                jsk_text_put(&w, "the key has ");
                jsk_text_uint(&w, key_len);
                jsk_text_put(&w, key_len == 1 ? " byte; " : " bytes; ");
                jsk_text_put(&w, jsk_alg_name(header_alg));
                jsk_text_put(&w, " needs at least ");
                jsk_text_uint(&w, need);
            }
        }
        if (secret_verdict == JSK_VERDICT_WEAK) {
            /* The analyzer's verdict on this secret (a module of its own in WASM: the caller passes it). */
            int ok;
            jsk_text w = jsk_lint_finding(&a, "WEAK_SECRET", JSK_LINT_DANGER,
                                      "anyone who guesses it can sign tokens that verify: rotate to a new random secret",
                                      &ok);
            if (ok) {
                jsk_text_put(&w, "the secret itself is weak");
                if (secret_meaning != NULL && secret_meaning[0] != '\0' && strlen(secret_meaning) + w.len + 3 <= w.cap) {
                    jsk_text_put(&w, ": ");
                    jsk_text_put(&w, secret_meaning);
                }
            }
        }
        if (alg == JSK_ALG_UNSET) {
            jsk_lint_add(&a, "ALG_NOT_PINNED", JSK_LINT_INFO, "the algorithm was taken from the token's header",
                "pin it, so that a token cannot choose it");
        }
        code = a.bad[0] || a.bad[1] || a.bad[2] ? JSK_ERR_BAD_TIME_CLAIM
             : a.expired                      ? JSK_ERR_TOKEN_EXPIRED
             : a.not_yet_valid                ? JSK_ERR_TOKEN_NOT_YET_VALID
                                              : 0;
    } else {
        code = sig;
    }
    for (i = 0; i < a.nf; i++) {
        if (a.f[i].severity != JSK_LINT_INFO && (worst == JSK_LINT_FINDINGS_MAX || a.f[i].severity < a.f[worst].severity)) {
            worst = i;
        }
    }
    jsk_text_put(&t, "{\"verdict\":\"");
    jsk_text_put(&t, code != 0 ? "invalid" : worst < JSK_LINT_FINDINGS_MAX ? "valid-with-warnings" : "valid");
    jsk_text_put(&t, "\",\"headline\":");
    {
        char line[JSK_LINT_WHAT_LEN + 160];
        jsk_text h = {line, 0, sizeof line, 0};
        line[0] = '\0';
        if (sig != JSK_OK) {
            jsk_text_put(&h, "Invalid: ");
            jsk_text_put(&h, refusal_of(sig)->why);
        } else {
            jsk_text_put(&h, "The signature is valid (");
            jsk_text_put(&h, jsk_alg_name(header_alg));
            if (code == JSK_ERR_TOKEN_EXPIRED || code == JSK_ERR_TOKEN_NOT_YET_VALID) {
                jsk_text_put(&h, "), but ");
                for (i = 0; i < a.nf; i++) {
                    if (strcmp(a.f[i].code, code == JSK_ERR_TOKEN_EXPIRED ? "EXPIRED" : "NOT_YET_VALID") == 0) {
                        jsk_text_put(&h, a.f[i].what);
                    }
                }
            } else if (code == JSK_ERR_BAD_TIME_CLAIM) {
                jsk_text_put(&h, "), but a time claim is not a number");
            } else if (worst < JSK_LINT_FINDINGS_MAX) {
                jsk_text_put(&h, "), but ");
                jsk_text_put(&h, a.f[worst].what);
            } else {
                jsk_text_put(&h, ")");
                if (a.judged && a.has[2]) {
                    jsk_text_put(&h, " and the token expires in ");
                    jsk_lint_duration(&h, a.expires_in);
                }
            }
        }
        jsk_text_put(&h, ".");
        jsk_text_json_string(&t, line);
    }
    jsk_lint_key(&t, "code");
    if (code != 0) {
        jsk_text_put(&t, "\"");
        jsk_text_put(&t, refusal_of(code)->code);
        jsk_text_put(&t, "\"");
    } else {
        jsk_text_put(&t, "null");
    }
    jsk_lint_boolean(&t, "signature_valid", sig == JSK_OK);
    jsk_lint_key(&t, "alg");
    if (jsk_alg_name(header_alg) != NULL) {
        jsk_text_put(&t, "\"");
        jsk_text_put(&t, jsk_alg_name(header_alg));
        jsk_text_put(&t, "\"");
    } else {
        jsk_text_put(&t, "null");
    }
    jsk_lint_key(&t, "alg_from");
    jsk_text_put(&t, alg == JSK_ALG_UNSET ? "\"header\"" : "\"pinned\"");
    jsk_lint_key(&t, "key_bytes");
    jsk_text_uint(&t, key_len);
    jsk_lint_key(&t, "key_bytes_min");
    jsk_text_uint(&t, jsk_alg_key_bytes(header_alg != 0 ? header_alg : alg));
    jsk_lint_findings_json(&t, &a);
    jsk_text_put(&t, "}");
    jsk_wipe(&a, sizeof a); /* it held the payload's claims */
    return jsk_lint_finish(&t, out, out_maxlen, out_len);
}
