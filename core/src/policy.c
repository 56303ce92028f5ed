/* policy.c — the project's rules as one JSON document, for front ends that are not C: names,
 * defaults, limits, error codes with their messages and which of them refuse a token. The JS
 * API, its TypeScript declarations and the page are generated from it at build time
 * (scripts/gen-policy.mjs), so they never re-type a rule the core already has. */
#include <stdio.h>
#include <string.h>

#include "jsk.h"

int jsk_error_is_refusal(int err)
{
    return err == JSK_ERR_BAD_SIGNATURE || err == JSK_ERR_ALG_NONE || err == JSK_ERR_ALG_NOT_HMAC ||
           err == JSK_ERR_ALG_MISMATCH || err == JSK_ERR_CRIT || err == JSK_ERR_BAD_TAG_LENGTH ||
           err == JSK_ERR_BAD_PAYLOAD;
}

typedef struct {
    char *out;
    size_t cap, len;
} sink;

static void put(sink *s, const char *text)
{
    size_t n = strlen(text);
    if (s->len + n < s->cap) {
        memcpy(s->out + s->len, text, n);
        s->out[s->len + n] = '\0';
    }
    s->len += n;
}

/* A JSON string of ASCII/UTF-8 text with no control characters (all of ours). */
static void str(sink *s, const char *text)
{
    char one[2] = {0, 0};
    put(s, "\"");
    for (; *text != '\0'; text++) {
        if (*text == '"' || *text == '\\') {
            put(s, "\\");
        }
        one[0] = *text;
        put(s, one);
    }
    put(s, "\"");
}

static void num(sink *s, const char *key, double v)
{
    char buf[48];
    snprintf(buf, sizeof buf, "\"%s\":%.17g,", key, v);
    put(s, buf);
}

static void names(sink *s, const char *key, const char *const *list, size_t n)
{
    size_t i;
    put(s, "\"");
    put(s, key);
    put(s, "\":[");
    for (i = 0; i < n; i++) {
        if (i > 0) {
            put(s, ",");
        }
        str(s, list[i]);
    }
    put(s, "],");
}

int jsk_policy_json(char *out, size_t out_maxlen, size_t *out_len)
{
    static const char *const generate_encodings[] = {"base64url", "base64", "hex", "base64url-padded"};
    /* what `generate --format` takes: the encodings, then the two forms built on base64url */
    static const char *const generate_formats[] = {"base64url", "base64", "hex", "base64url-padded", "env", "jwk"};
    static const char *const check_encodings[] = {"raw", "hex", "base64", "base64url", "auto"};
    static const char *const verdicts[] = {"weak", "fair", "strong"};
    sink s;
    int alg, e, f;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (out == NULL && out_maxlen > 0) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    s.out = out;
    s.cap = out_maxlen;
    s.len = 0;
    if (out_maxlen > 0) {
        out[0] = '\0';
    }
    put(&s, "{\"version\":");
    str(&s, JSK_VERSION_STRING);
    put(&s, ",\"algorithms\":[");
    for (alg = JSK_ALG_HS256; alg <= JSK_ALG_HS512; alg++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s{\"name\":\"%s\",\"key_bytes\":%u}", alg > JSK_ALG_HS256 ? "," : "",
                 jsk_alg_name(alg), (unsigned)jsk_alg_key_bytes(alg));
        put(&s, buf);
    }
    put(&s, "],\"default_alg\":\"HS256\",\"generate\":{");
    names(&s, "encodings", generate_encodings, 4);
    names(&s, "formats", generate_formats, 6);
    put(&s, "\"default_encoding\":\"base64url\",\"env_name_default\":\"JWT_SECRET\",");
    num(&s, "bytes_min", JSK_GENERATE_BYTES_MIN);
    num(&s, "bytes_max", JSK_GENERATE_BYTES_MAX);
    num(&s, "alphabet_symbols_min", JSK_ALPHABET_SYMBOLS_MIN);
    num(&s, "alphabet_symbols_max", JSK_ALPHABET_SYMBOLS_MAX);
    num(&s, "alphabet_length_max", JSK_ALPHABET_LENGTH_MAX);
    num(&s, "env_name_len_max", JSK_ENV_NAME_LEN_MAX);
    s.len--; /* the last comma */
    put(&s, "},\"check\":{");
    names(&s, "encodings", check_encodings, 5);
    names(&s, "verdicts", verdicts, 3);
    put(&s, "\"findings\":[");
    for (f = 1; jsk_finding_name(f) != NULL; f++) {
        if (f > 1) {
            put(&s, ",");
        }
        str(&s, jsk_finding_name(f));
    }
    put(&s, "],\"default_encoding\":\"raw\",");
    num(&s, "len_max", JSK_CHECK_LEN_MAX);
    num(&s, "report_json_len_max", JSK_REPORT_JSON_LEN_MAX);
    num(&s, "guesses_per_second", JSK_GUESSES_PER_SECOND);
    num(&s, "weak_below_bits", JSK_WEAK_BELOW_BITS);
    s.len--;
    put(&s, "},\"jws\":{");
    num(&s, "len_max", JSK_JWS_LEN_MAX);
    num(&s, "header_len_max", JSK_JWS_HEADER_LEN_MAX);
    num(&s, "json_depth_max", JSK_JSON_DEPTH_MAX);
    s.len--;
    put(&s, "},\"audit\":{");
    num(&s, "token_len_max", JSK_AUDIT_TOKEN_LEN_MAX);
    s.len--;
    put(&s, "},\"errors\":[");
    for (e = -1; e >= JSK_ERROR_MIN; e--) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s{\"value\":%d,\"code\":", e < -1 ? "," : "", e);
        put(&s, buf);
        str(&s, jsk_error_code(e));
        put(&s, ",\"message\":");
        str(&s, jsk_strerror(e));
        put(&s, jsk_error_is_refusal(e) ? ",\"refusal\":true}" : ",\"refusal\":false}");
    }
    put(&s, "]}");
    if (s.len >= out_maxlen) {
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
