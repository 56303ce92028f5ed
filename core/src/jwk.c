/* jwk.c — an HMAC key as a JWK (RFC 7517) with its RFC 7638 thumbprint as "kid", and a JWKS holding
 * the current and the previous key for rotation. */
#include <string.h>

#include "json_internal.h"
#include "jsk.h"

#define URL JSK_BASE64_VARIANT_URLSAFE_NO_PADDING
#define KID_LEN 43U /* base64url of a SHA-256 digest */

int jsk_jwk_thumbprint(char *out, size_t out_maxlen, size_t *out_len, const uint8_t *canonical, size_t len)
{
    uint8_t digest[JSK_SHA256_BYTES];
    int rc;
    if (out_len != NULL) {
        *out_len = 0;
    }
    if (out == NULL || (canonical == NULL && len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (out_maxlen < KID_LEN + 1U) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    if ((rc = jsk_hash(digest, sizeof digest, JSK_ALG_HS256, canonical, len)) != JSK_OK) {
        return rc;
    }
    rc = jsk_base64_encode(out, out_maxlen, digest, sizeof digest, URL);
    if (rc == JSK_OK && out_len != NULL) {
        *out_len = KID_LEN;
    }
    return rc;
}

size_t jsk_jwk_len(size_t key_len)
{
    size_t k = jsk_base64_encoded_len(key_len, URL);
    /* {"kty":"oct","k":"…","alg":"HS512","use":"sig","kid":"…"}: JSK_JWK_LEN() */
    return k == 0 || k > (size_t)-1 - (KID_LEN + 64U) ? 0 : k + KID_LEN + 64U;
}

size_t jsk_jwks_len(size_t current_len, size_t previous_len)
{
    size_t cur = jsk_jwk_len(current_len), prev = previous_len > 0 ? jsk_jwk_len(previous_len) : 0;
    /* {"keys":[current,previous]}: JSK_JWKS_LEN() */
    if (cur == 0 || (previous_len > 0 && prev == 0) || cur > (size_t)-1 - 13U - prev) {
        return 0;
    }
    return 12U + cur + (previous_len > 0 ? prev + 1U : 0U);
}

/* Appends s at *o within cap (the caller sized the buffer). */
static void append(char *out, size_t *o, const char *s)
{
    size_t n = strlen(s);
    memcpy(out + *o, s, n);
    *o += n;
    out[*o] = '\0';
}

int jsk_jwk(char *out, size_t out_maxlen, size_t *out_len, int alg, const uint8_t *key, size_t key_len)
{
    static const char prefix[] = "{\"kty\":\"oct\",\"k\":\"";
    size_t need = jsk_jwk_len(key_len), klen, o = 0, canon_len;
    char kid[KID_LEN + 1];
    int rc;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (jsk_alg_key_bytes(alg) == 0) {
        return JSK_ERR_UNKNOWN_ALG;
    }
    if (out == NULL || (key == NULL && key_len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (key_len == 0 || need == 0) {
        return JSK_ERR_OUT_OF_RANGE;
    }
    if (out_maxlen < need) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    klen = jsk_base64_encoded_len(key_len, URL) - 1U;
    /* The RFC 7638 input first, built in out itself: {"k":"…","kty":"oct"} (members sorted). */
    append(out, &o, "{\"k\":\"");
    if ((rc = jsk_base64_encode(out + o, out_maxlen - o, key, key_len, URL)) != JSK_OK) {
        return rc;
    }
    o += klen;
    append(out, &o, "\",\"kty\":\"oct\"}");
    canon_len = o;
    rc = jsk_jwk_thumbprint(kid, sizeof kid, NULL, (const uint8_t *)out, canon_len);
    if (rc != JSK_OK) {
        jsk_wipe(out, canon_len);
        return rc;
    }
    /* Then the JWK, moving k into place: {"kty":"oct","k":"…","alg":…,"use":"sig","kid":…}. */
    memmove(out + sizeof prefix - 1U, out + 6, klen);
    memcpy(out, prefix, sizeof prefix - 1U);
    o = sizeof prefix - 1U + klen;
    out[o] = '\0';
    append(out, &o, "\",\"alg\":\"");
    append(out, &o, jsk_alg_name(alg));
    append(out, &o, "\",\"use\":\"sig\",\"kid\":\"");
    append(out, &o, kid);
    append(out, &o, "\"}");
    if (out_len != NULL) {
        *out_len = o;
    }
    return JSK_OK;
}

int jsk_jwks(char *out, size_t out_maxlen, size_t *out_len, int alg, const uint8_t *current, size_t current_len,
             const uint8_t *previous, size_t previous_len)
{
    size_t o = 0, n, need = jsk_jwks_len(current_len, previous_len);
    int rc;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (out == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (need == 0) {
        return JSK_ERR_OUT_OF_RANGE;
    }
    if (current_len < jsk_alg_key_bytes(alg)) {
        return jsk_alg_key_bytes(alg) == 0 ? JSK_ERR_UNKNOWN_ALG : JSK_ERR_KEY_TOO_SHORT; /* as signing */
    }
    if (out_maxlen < need) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    append(out, &o, "{\"keys\":[");
    if ((rc = jsk_jwk(out + o, out_maxlen - o, &n, alg, current, current_len)) != JSK_OK) {
        jsk_wipe(out, out_maxlen);
        return rc;
    }
    o += n;
    if (previous != NULL && previous_len > 0) {
        if (previous_len < jsk_alg_key_bytes(alg)) {
            jsk_wipe(out, out_maxlen); /* the same rule as signing: RFC 7518 section 3.2 */
            return JSK_ERR_KEY_TOO_SHORT;
        }
        append(out, &o, ",");
        if ((rc = jsk_jwk(out + o, out_maxlen - o, &n, alg, previous, previous_len)) != JSK_OK) {
            jsk_wipe(out, out_maxlen);
            return rc;
        }
        o += n;
    }
    append(out, &o, "]}");
    if (out_len != NULL) {
        *out_len = o;
    }
    return JSK_OK;
}

int jsk_key_format_from_name(const char *name, size_t name_len)
{
    static const struct {
        const char *name;
        int format;
    } names[] = {{"text", JSK_ENCODING_RAW}, {"base64", JSK_ENCODING_BASE64}, {"base64url", JSK_ENCODING_BASE64URL},
                 {"hex", JSK_ENCODING_HEX},  {"jwk", JSK_FORMAT_JWK}};
    size_t i;
    if (name == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (name_len == strlen(names[i].name) && memcmp(name, names[i].name, name_len) == 0) {
            return names[i].format;
        }
    }
    return JSK_ERR_UNKNOWN_FORMAT;
}

/* base64 or base64url with optional '=' padding, as key strings are written. */
static int decode_b64(uint8_t *key, size_t key_maxlen, size_t *key_len, const char *text, size_t len, int url)
{
    int padded = len > 0 && text[len - 1] == '=';
    int variant = url ? (padded ? JSK_BASE64_VARIANT_URLSAFE : URL)
                      : (padded ? JSK_BASE64_VARIANT_ORIGINAL : JSK_BASE64_VARIANT_ORIGINAL_NO_PADDING);
    return jsk_base64_decode(key, key_maxlen, key_len, text, len, variant);
}

/* A JWK's "oct" key: kty "oct", k (base64url, no padding), alg (if present) an HS* name that agrees
 * with the caller's; every one of them at most once and a string. Where k's text is (without its
 * quotes), and the JWK's alg (JSK_ALG_UNSET when absent). */
int jsk_jwk_k(const char *text, size_t len, int alg, int *jwk_alg, size_t *k_at, size_t *k_len)
{
    const uint8_t *t = (const uint8_t *)text;
    jsk_json_top top;
    char v[8];
    size_t vlen, at, i;
    int named = JSK_ALG_UNSET;

    if (jsk_json_scan(t, len, 1, &top) != JSK_OK) {
        return JSK_ERR_BAD_JWK;
    }
    if (top.count[JSK_JM_KTY] != 1 || top.count[JSK_JM_K] != 1 || top.count[JSK_JM_ALG] > 1 ||
        jsk_json_string_at(t, len, top.at[JSK_JM_KTY], v, sizeof v, &vlen) != 0 || vlen != 3 ||
        memcmp(v, "oct", 3) != 0) {
        return JSK_ERR_BAD_JWK;
    }
    if (top.count[JSK_JM_ALG] == 1) {
        if (jsk_json_string_at(t, len, top.at[JSK_JM_ALG], v, sizeof v, &vlen) != 0 || vlen > sizeof v ||
            (named = jsk_alg_from_name(v, vlen)) < 0) {
            return JSK_ERR_BAD_JWK;
        }
        if (alg != JSK_ALG_UNSET && alg != named) {
            return JSK_ERR_ALG_MISMATCH;
        }
    }
    /* k: a string of base64url characters only (no escapes), decoded strictly by the caller. */
    at = top.at[JSK_JM_K];
    if (t[at] != '"') {
        return JSK_ERR_BAD_JWK;
    }
    for (i = at + 1; i < len && t[i] != '"' && t[i] != '\\'; i++) {
    }
    if (i >= len || t[i] != '"' || i == at + 1) {
        return JSK_ERR_BAD_JWK;
    }
    *k_at = at + 1;
    *k_len = i - at - 1;
    if (jwk_alg != NULL) {
        *jwk_alg = named;
    }
    return JSK_OK;
}

static int parse_jwk(uint8_t *key, size_t key_maxlen, size_t *key_len, int *jwk_alg, int alg, const char *text,
                     size_t len)
{
    size_t k_at, k_len;
    int named, rc = jsk_jwk_k(text, len, alg, &named, &k_at, &k_len);
    if (rc != JSK_OK) {
        return rc;
    }
    rc = jsk_base64_decode(key, key_maxlen, key_len, text + k_at, k_len, URL);
    if (rc == JSK_OK && *key_len == 0) {
        rc = JSK_ERR_BAD_JWK;
    }
    if (rc == JSK_OK && jwk_alg != NULL) {
        *jwk_alg = named;
    }
    return rc;
}

int jsk_key_parse(uint8_t *key, size_t key_maxlen, size_t *key_len, int *jwk_alg, int alg, const char *text,
                  size_t text_len, int format)
{
    size_t n = 0;
    int rc;

    if (key_len != NULL) {
        *key_len = 0;
    }
    if (jwk_alg != NULL) {
        *jwk_alg = JSK_ALG_UNSET;
    }
    if ((key == NULL && key_maxlen > 0) || (text == NULL && text_len > 0) ||
        (alg != JSK_ALG_UNSET && jsk_alg_key_bytes(alg) == 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    switch (format) {
    case JSK_ENCODING_RAW:
        if (key_maxlen < text_len) {
            return JSK_ERR_BUFFER_TOO_SMALL;
        }
        if (text_len > 0) {
            memcpy(key, text, text_len);
        }
        n = text_len;
        rc = JSK_OK;
        break;
    case JSK_ENCODING_BASE64:
    case JSK_ENCODING_BASE64URL:
        rc = decode_b64(key, key_maxlen, &n, text, text_len, format == JSK_ENCODING_BASE64URL);
        break;
    case JSK_ENCODING_HEX:
        rc = jsk_hex_decode(key, key_maxlen, &n, text, text_len);
        break;
    case JSK_FORMAT_JWK:
        rc = parse_jwk(key, key_maxlen, &n, jwk_alg, alg, text, text_len);
        break;
    default:
        return JSK_ERR_UNKNOWN_FORMAT;
    }
    if (rc != JSK_OK) {
        jsk_wipe(key, key_maxlen);
        return rc;
    }
    if (key_len != NULL) {
        *key_len = n;
    }
    return JSK_OK;
}
