/* jws.c — compact JWS with HS256/384/512 (RFC 7515, RFC 7518): strict parsing, signing with a fixed
 * {"alg","typ"} header, and verification with the algorithm pinned and a constant-time compare. */
#include <string.h>

#include "codec_internal.h"
#include "json_internal.h"
#include "jsk.h"

#define URL JSK_BASE64_VARIANT_URLSAFE_NO_PADDING

static int is_url_char(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}


size_t jsk_jws_sign_len(int alg, size_t payload_len)
{
    size_t tag = jsk_alg_key_bytes(alg);
    if (tag == 0 || payload_len > JSK_JWS_LEN_MAX) {
        return 0;
    }
    /* header (at most 40 bytes of JSON) + payload + tag, base64url, two dots, NUL */
    return jsk_base64_encoded_len(40, URL) + jsk_base64_encoded_len(payload_len, URL) + jsk_base64_encoded_len(tag, URL) + 2U;
}

int jsk_jws_sign(char *out, size_t out_maxlen, size_t *out_len, int alg, const uint8_t *key, size_t key_len,
                 const uint8_t *payload, size_t payload_len)
{
    char header[48];
    uint8_t tag[JSK_HMAC_BYTES_MAX];
    size_t need = jsk_jws_sign_len(alg, payload_len), o, tag_len = jsk_alg_key_bytes(alg);
    int rc;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (tag_len == 0) {
        return JSK_ERR_UNKNOWN_ALG;
    }
    if (out == NULL || (key == NULL && key_len > 0) || (payload == NULL && payload_len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (payload_len > JSK_JWS_LEN_MAX) {
        return JSK_ERR_TOO_LARGE;
    }
    if (key_len < tag_len) {
        return JSK_ERR_KEY_TOO_SHORT;
    }
    if ((rc = jsk_json_check(payload, payload_len, 1)) != JSK_OK) {
        return rc;
    }
    if (out_maxlen < need) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    strcpy(header, "{\"alg\":\"");
    strcat(header, jsk_alg_name(alg));
    strcat(header, "\",\"typ\":\"JWT\"}");
    if ((rc = jsk_base64_encode(out, out_maxlen, (const uint8_t *)header, strlen(header), URL)) != JSK_OK) {
        return rc;
    }
    o = strlen(out);
    out[o++] = '.';
    if ((rc = jsk_base64_encode(out + o, out_maxlen - o, payload, payload_len, URL)) != JSK_OK) {
        return rc;
    }
    o += strlen(out + o);
    if ((rc = jsk_hmac(tag, sizeof tag, alg, key, key_len, (const uint8_t *)out, o)) != JSK_OK) {
        return rc;
    }
    out[o++] = '.';
    rc = jsk_base64_encode(out + o, out_maxlen - o, tag, tag_len, URL);
    jsk_wipe(tag, sizeof tag);
    if (rc == JSK_OK && out_len != NULL) {
        *out_len = o + strlen(out + o);
    }
    return rc;
}

int jsk_jws_parse(jsk_jws *jws, const char *token, size_t len)
{
    uint8_t header[JSK_JWS_HEADER_LEN_MAX];
    size_t dots[2], ndots = 0, i, header_len, payload_len, tag_b64_len;
    jsk_json_top top;
    int rc, alg;

    if (jws == NULL || (token == NULL && len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    memset(jws, 0, sizeof *jws);
    if (len > JSK_JWS_LEN_MAX) {
        return JSK_ERR_TOO_LARGE;
    }
    for (i = 0; i < len; i++) {
        uint8_t c = (uint8_t)token[i];
        if (c == '.') {
            if (ndots == 2) {
                return JSK_ERR_MALFORMED_TOKEN; /* a JWE (five parts) or junk */
            }
            dots[ndots++] = i;
        } else if (c == '=') {
            return JSK_ERR_BAD_PADDING; /* JWS uses base64url without padding (RFC 7515 section 2) */
        } else if (!is_url_char(c)) {
            return JSK_ERR_MALFORMED_TOKEN;
        }
    }
    if (ndots != 2 || dots[0] == 0) {
        return JSK_ERR_MALFORMED_TOKEN;
    }
    /* The header: a JSON object with exactly one "alg" and no "crit". */
    if (dots[0] > jsk_base64_encoded_len(sizeof header, URL)) {
        return JSK_ERR_TOO_LARGE;
    }
    if ((rc = jsk_base64_decode(header, sizeof header, &header_len, token, dots[0], URL)) != JSK_OK) {
        return rc;
    }
    if ((rc = jsk_json_scan(header, header_len, 1, &top)) != JSK_OK) {
        return rc;
    }
    if (top.alg_count == 0) {
        return JSK_ERR_MISSING_ALG;
    }
    if (top.alg_count > 1 || !top.alg_is_string) {
        return JSK_ERR_BAD_JSON; /* duplicate or non-string alg: ambiguous, refused */
    }
    if (top.has_crit) {
        return JSK_ERR_CRIT;
    }
    if (top.alg_len == 4 && memcmp(top.alg, "none", 4) == 0) {
        return JSK_ERR_ALG_NONE; /* also with the empty signature of an Unsecured JWS (RFC 7519 section 6.1) */
    }
    if (dots[1] + 1 == len) {
        return JSK_ERR_MALFORMED_TOKEN; /* no signature */
    }
    alg = top.alg_len <= sizeof top.alg ? jsk_alg_from_name(top.alg, top.alg_len) : JSK_ERR_UNKNOWN_ALG;
    if (alg < 0) {
        return JSK_ERR_ALG_NOT_HMAC;
    }
    /* The payload: canonical base64url (it may be empty); its content is the application's business. */
    if ((rc = jsk_decoded_size((const uint8_t *)token + dots[0] + 1, dots[1] - dots[0] - 1, JSK_ENCODING_BASE64URL,
                               &payload_len, NULL)) != JSK_OK) {
        return rc;
    }
    /* The tag: exactly the algorithm's length. */
    tag_b64_len = len - dots[1] - 1;
    if (tag_b64_len != jsk_base64_encoded_len(jsk_alg_key_bytes(alg), URL) - 1U) {
        return JSK_ERR_BAD_TAG_LENGTH;
    }
    if ((rc = jsk_base64_decode(jws->tag, sizeof jws->tag, &jws->tag_len, token + dots[1] + 1, tag_b64_len, URL)) != JSK_OK) {
        return rc;
    }
    jws->alg = alg;
    jws->signing_input_len = dots[1];
    jws->payload_offset = dots[0] + 1;
    jws->payload_b64_len = dots[1] - dots[0] - 1;
    return JSK_OK;
}

int jsk_jws_verify(int *alg_out, int alg, const char *token, size_t len, const uint8_t *key, size_t key_len)
{
    jsk_jws jws;
    uint8_t tag[JSK_HMAC_BYTES_MAX];
    int rc;

    if (alg_out != NULL) {
        *alg_out = 0;
    }
    if (key == NULL && key_len > 0) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (alg != JSK_ALG_UNSET && jsk_alg_key_bytes(alg) == 0) {
        return JSK_ERR_UNKNOWN_ALG;
    }
    if ((rc = jsk_jws_parse(&jws, token, len)) != JSK_OK) {
        return rc;
    }
    if (alg_out != NULL) {
        *alg_out = jws.alg;
    }
    if (alg != JSK_ALG_UNSET && alg != jws.alg) {
        return JSK_ERR_ALG_MISMATCH;
    }
    rc = jsk_hmac(tag, sizeof tag, jws.alg, key, key_len, (const uint8_t *)token, jws.signing_input_len);
    if (rc == JSK_OK && jsk_verify(tag, jws.tag, jws.tag_len) == JSK_MISMATCH) {
        rc = JSK_ERR_BAD_SIGNATURE;
    }
    jsk_wipe(tag, sizeof tag);
    jsk_wipe(&jws, sizeof jws);
    return rc;
}

size_t jsk_jws_payload_len(size_t token_len)
{
    return token_len / 4U * 3U + 3U;
}

int jsk_jws_open(uint8_t *payload, size_t payload_maxlen, size_t *payload_len, int *alg_out, int alg,
                 const char *token, size_t len, const uint8_t *key, size_t key_len)
{
    jsk_jws jws;
    int rc;

    if (payload_len != NULL) {
        *payload_len = 0;
    }
    if (payload == NULL && payload_maxlen > 0) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    rc = jsk_jws_verify(alg_out, alg, token, len, key, key_len);
    if (rc == JSK_OK) {
        rc = jsk_jws_parse(&jws, token, len);
    }
    if (rc != JSK_OK) {
        jsk_wipe(payload, payload_maxlen);
        return rc;
    }
    rc = jsk_base64_decode(payload, payload_maxlen, payload_len, token + jws.payload_offset, jws.payload_b64_len,
                           JSK_BASE64_VARIANT_URLSAFE_NO_PADDING);
    if (rc == JSK_OK && jsk_json_check(payload, *payload_len, 1) != JSK_OK) {
        rc = JSK_ERR_BAD_PAYLOAD; /* signed, but not a JSON object: not a JWT (RFC 7519 section 7.2) */
    }
    if (rc != JSK_OK) {
        jsk_wipe(payload, payload_maxlen);
        if (payload_len != NULL) {
            *payload_len = 0;
        }
    }
    jsk_wipe(&jws, sizeof jws);
    return rc;
}

int jsk_audit_token_check(const char *token, size_t len)
{
    jsk_jws jws;
    int rc;

    if (token == NULL && len > 0) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (len > JSK_AUDIT_TOKEN_LEN_MAX) {
        return JSK_ERR_TOO_LARGE;
    }
    rc = jsk_jws_parse(&jws, token, len);
    jsk_wipe(&jws, sizeof jws);
    return rc;
}
