/* policy.c — the project's rules as one JSON document, for front ends that are not C: names,
 * defaults, limits, error codes with their messages and which of them refuse a token. The JS
 * API, its TypeScript declarations and the page are generated from it at build time
 * (scripts/gen-policy.mjs), so they never re-type a rule the core already has. */
#include <stdio.h>
#include <string.h>

#include "jsk.h"
#include "text_internal.h"

int jsk_error_is_refusal(int err)
{
    return err == JSK_ERR_BAD_SIGNATURE || err == JSK_ERR_ALG_NONE || err == JSK_ERR_ALG_NOT_HMAC ||
           err == JSK_ERR_ALG_MISMATCH || err == JSK_ERR_CRIT || err == JSK_ERR_BAD_TAG_LENGTH ||
           err == JSK_ERR_BAD_PAYLOAD || err == JSK_ERR_TOKEN_EXPIRED || err == JSK_ERR_TOKEN_NOT_YET_VALID ||
           err == JSK_ERR_BAD_TIME_CLAIM;
}

typedef jsk_text sink;

/* Drops the comma the last member left (members are written "key":value,). */
static void drop_comma(sink *s)
{
    if (!s->overflow && s->len > 0 && s->buf[s->len - 1] == ',') {
        s->buf[--s->len] = '\0';
    }
}

static void num(sink *s, const char *key, double v)
{
    char buf[48];
    snprintf(buf, sizeof buf, "\"%s\":%.17g,", key, v);
    jsk_text_put(s, buf);
}

static void names(sink *s, const char *key, const char *const *list, size_t n)
{
    size_t i;
    jsk_text_put(s, "\"");
    jsk_text_put(s, key);
    jsk_text_put(s, "\":[");
    for (i = 0; i < n; i++) {
        if (i > 0) {
            jsk_text_put(s, ",");
        }
        jsk_text_json_string(s, list[i]);
    }
    jsk_text_put(s, "],");
}

int jsk_policy_json(char *out, size_t out_maxlen, size_t *out_len)
{
    static const char *const generate_encodings[] = {"base64url", "base64", "hex", "base64url-padded"};
    /* what `generate --format` takes: the encodings, then the two forms built on base64url */
    static const char *const generate_formats[] = {"base64url", "base64", "hex", "base64url-padded", "env", "jwk"};
    static const char *const check_encodings[] = {"raw", "hex", "base64", "base64url", "auto"};
    static const char *const verdicts[] = {"weak", "fair", "strong"};
    /* jsk_key_format_from_name()'s names, in its order */
    static const char *const key_formats[] = {"text", "base64", "base64url", "hex", "jwk"};
    sink s;
    int alg, e, f;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (out == NULL && out_maxlen > 0) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    s.buf = out;
    s.cap = out_maxlen;
    s.len = 0;
    s.overflow = 0;
    if (out_maxlen > 0) {
        out[0] = '\0';
    }
    jsk_text_put(&s, "{\"version\":");
    jsk_text_json_string(&s, JSK_VERSION_STRING);
    jsk_text_put(&s, ",\"algorithms\":[");
    for (alg = JSK_ALG_HS256; alg <= JSK_ALG_HS512; alg++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s{\"name\":\"%s\",\"key_bytes\":%u}", alg > JSK_ALG_HS256 ? "," : "",
                 jsk_alg_name(alg), (unsigned)jsk_alg_key_bytes(alg));
        jsk_text_put(&s, buf);
    }
    jsk_text_put(&s, "],\"default_alg\":\"HS256\",\"generate\":{");
    names(&s, "encodings", generate_encodings, 4);
    names(&s, "formats", generate_formats, 6);
    {
        /* the .env files' layouts (jsk_env_layout_name) */
        const char *layouts[JSK_ENV_LAYOUT_K8S];
        int l;
        for (l = JSK_ENV_LAYOUT_FILES; l <= JSK_ENV_LAYOUT_K8S; l++) {
            layouts[l - 1] = jsk_env_layout_name(l);
        }
        names(&s, "env_layouts", layouts, JSK_ENV_LAYOUT_K8S);
    }
    jsk_text_put(&s, "\"default_encoding\":\"base64url\",\"env_name_default\":\"JWT_SECRET\",");
    num(&s, "bytes_min", JSK_GENERATE_BYTES_MIN);
    num(&s, "bytes_max", JSK_GENERATE_BYTES_MAX);
    num(&s, "alphabet_symbols_min", JSK_ALPHABET_SYMBOLS_MIN);
    num(&s, "alphabet_symbols_max", JSK_ALPHABET_SYMBOLS_MAX);
    num(&s, "alphabet_length_max", JSK_ALPHABET_LENGTH_MAX);
    num(&s, "env_name_len_max", JSK_ENV_NAME_LEN_MAX);
    num(&s, "env_files_names_max", JSK_ENV_FILES_NAMES_MAX);
    num(&s, "env_files_environments_max", JSK_ENV_FILES_ENVIRONMENTS_MAX);
    drop_comma(&s);
    jsk_text_put(&s, "},\"check\":{");
    names(&s, "encodings", check_encodings, 5);
    names(&s, "verdicts", verdicts, 3);
    jsk_text_put(&s, "\"findings\":[");
    for (f = 1; jsk_finding_name(f) != NULL; f++) {
        if (f > 1) {
            jsk_text_put(&s, ",");
        }
        jsk_text_json_string(&s, jsk_finding_name(f));
    }
    jsk_text_put(&s, "],\"default_encoding\":\"raw\",");
    num(&s, "len_max", JSK_CHECK_LEN_MAX);
    num(&s, "report_json_len_max", JSK_REPORT_JSON_LEN_MAX);
    num(&s, "guesses_per_second", JSK_GUESSES_PER_SECOND);
    num(&s, "weak_below_bits", JSK_WEAK_BELOW_BITS);
    drop_comma(&s);
    jsk_text_put(&s, "},\"keys\":{");
    names(&s, "formats", key_formats, 5);
    drop_comma(&s);
    jsk_text_put(&s, "},\"jws\":{");
    num(&s, "len_max", JSK_JWS_LEN_MAX);
    num(&s, "header_len_max", JSK_JWS_HEADER_LEN_MAX);
    num(&s, "json_depth_max", JSK_JSON_DEPTH_MAX);
    drop_comma(&s);
    jsk_text_put(&s, "},\"audit\":{");
    num(&s, "token_len_max", JSK_AUDIT_TOKEN_LEN_MAX);
    drop_comma(&s);
    jsk_text_put(&s, "},\"errors\":[");
    for (e = -1; e >= JSK_ERROR_MIN; e--) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s{\"value\":%d,\"code\":", e < -1 ? "," : "", e);
        jsk_text_put(&s, buf);
        jsk_text_json_string(&s, jsk_error_code(e));
        jsk_text_put(&s, ",\"message\":");
        jsk_text_json_string(&s, jsk_strerror(e));
        jsk_text_put(&s, jsk_error_is_refusal(e) ? ",\"refusal\":true}" : ",\"refusal\":false}");
    }
    jsk_text_put(&s, "]}");
    if (s.overflow) {
        if (out_maxlen > 0) {
            out[0] = '\0';
        }
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    if (out_len != NULL) {
        *out_len = s.len;
    }
    return JSK_OK;
}
