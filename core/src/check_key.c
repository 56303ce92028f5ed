/* check_key.c — the analyzer behind the front ends' options: a secret read in an encoding, or written
 * in a key format as a verifier or signer takes it (text, base64, base64url, hex or a JWK), so that
 * every front end judges every key format the same way (the CLI's verify, the page's Verify,
 * checkSecret's secretFormat for verifyJwt's secretCheck). */
#include "json_internal.h"
#include "jsk.h"

int jsk_check_secret(jsk_report *report, int alg, const jsk_dict *dict, const uint8_t *secret, size_t len,
                     int encoding, int key_format, const uint8_t *context, size_t context_len)
{
    size_t k_at, k_len;
    int rc, named;

    if (encoding != 0 && key_format != 0) {
        return JSK_ERR_OPTION_CONFLICT;
    }
    if (secret == NULL && len > 0) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    switch (key_format) {
    case 0:
        return jsk_check_context(report, alg, dict, secret, len, encoding == 0 ? JSK_ENCODING_RAW : encoding, context,
                                 context_len);
    case JSK_ENCODING_RAW:
    case JSK_ENCODING_BASE64:
    case JSK_ENCODING_BASE64URL:
    case JSK_ENCODING_HEX:
        return jsk_check_context(report, alg, dict, secret, len, key_format, context, context_len);
    case JSK_FORMAT_JWK:
        /* Read as signing and verification read a JWK; the key is its "k", base64url as written, for
         * the JWK's alg when the caller names none (a JWK that names its alg pins it). */
        rc = jsk_jwk_k((const char *)secret, len, alg, &named, &k_at, &k_len);
        if (rc != JSK_OK) {
            return rc;
        }
        return jsk_check_context(report, alg != JSK_ALG_UNSET ? alg : named, dict, secret + k_at, k_len,
                                 JSK_ENCODING_BASE64URL, context, context_len);
    default:
        return JSK_ERR_UNKNOWN_FORMAT;
    }
}
