/* error.c — one table of messages and stable code names for every jsk_error. Two arrays, so that a
 * WASM module that only names errors (jsk_error_code) does not carry the sentences. */
#include "jsk.h"

static const char *const codes[] = {
    /* 0 */ "OK",
    /* -1 */ "ERR_INVALID_ARGUMENT",
    /* -2 */ "ERR_BUFFER_TOO_SMALL",
    /* -3 */ "ERR_BAD_CHARACTER",
    /* -4 */ "ERR_BAD_PADDING",
    /* -5 */ "ERR_TRAILING_BITS",
    /* -6 */ "ERR_BAD_LENGTH",
    /* -7 */ "ERR_NO_ENTROPY",
    /* -8 */ "ERR_BAD_ALPHABET",
    /* -9 */ "ERR_OUT_OF_RANGE",
    /* -10 */ "ERR_KEY_TOO_SHORT",
    /* -11 */ "ERR_BAD_NAME",
    /* -12 */ "ERR_UNKNOWN_ALG",
    /* -13 */ "ERR_UNKNOWN_FORMAT",
    /* -14 */ "ERR_UNSAFE_VALUE",
    /* -15 */ "ERR_MALFORMED_TOKEN",
    /* -16 */ "ERR_BAD_JSON",
    /* -17 */ "ERR_ALG_NONE",
    /* -18 */ "ERR_ALG_NOT_HMAC",
    /* -19 */ "ERR_ALG_MISMATCH",
    /* -20 */ "ERR_CRIT",
    /* -21 */ "ERR_BAD_SIGNATURE",
    /* -22 */ "ERR_BAD_TAG_LENGTH",
    /* -23 */ "ERR_MISSING_ALG",
    /* -24 */ "ERR_TOO_LARGE",
    /* -25 */ "ERR_BAD_PAYLOAD",
    /* -26 */ "ERR_SELF_TEST",
    /* -27 */ "ERR_OPTION_CONFLICT",
    /* -28 */ "ERR_NOT_IN_MODULE",
    /* -29 */ "ERR_TOKEN_EXPIRED",
    /* -30 */ "ERR_TOKEN_NOT_YET_VALID",
    /* -31 */ "ERR_BAD_TIME_CLAIM",
    /* -32 */ "ERR_BAD_JWK",
    /* -33 */ "ERR_DUPLICATE_NAME",
};

static const char *const messages[] = {
    /* 0 */ "success",
    /* -1 */ "invalid argument",
    /* -2 */ "output buffer too small",
    /* -3 */ "character outside the encoding's alphabet",
    /* -4 */ "missing, misplaced or unexpected '=' padding",
    /* -5 */ "non-zero unused bits in the last character (not a canonical encoding)",
    /* -6 */ "impossible length for this encoding",
    /* -7 */ "no cryptographically secure random source (crypto.getRandomValues / getrandom) is available; "
              "refusing to generate a secret (this kit never falls back to Math.random or the time)",
    /* -8 */ "alphabet must be 2 to 94 distinct printable ASCII characters (no space)",
    /* -9 */ "value out of range",
    /* -10 */ "key shorter than the algorithm's hash output (RFC 7518 section 3.2)",
    /* -11 */ "variable name must match [A-Za-z_][A-Za-z0-9_]* (at most 128 characters)",
    /* -12 */ "unknown algorithm (expected HS256, HS384 or HS512)",
    /* -13 */ "unknown format",
    /* -14 */ "value cannot be written safely to a .env line",
    /* -15 */ "not a compact JWS: three base64url parts joined by exactly two dots",
    /* -16 */ "not valid JSON, or not a JSON object where one is required",
    /* -17 */ "alg \"none\" is refused: an unsigned token proves nothing",
    /* -18 */ "only HS256, HS384 and HS512 are accepted (an HMAC secret cannot check other algorithms)",
    /* -19 */ "the token's alg is not the algorithm pinned by the verifier",
    /* -20 */ "the header has \"crit\" parameters, which this verifier does not support (RFC 7515 section 4.1.11)",
    /* -21 */ "the signature does not match: wrong secret, or the token was altered",
    /* -22 */ "the signature's length does not match the algorithm",
    /* -23 */ "the header has no \"alg\"",
    /* -24 */ "input larger than the documented limit",
    /* -25 */ "the token is signed, but its payload is not a JSON object (or is nested deeper than 64 levels)",
    /* -26 */ "the self-test failed: this build gives wrong answers and must not be used",
    /* -27 */ "options that do not go together",
    /* -28 */ "not in this WebAssembly module: a JWK needs the jwt module (the root entry has it)",
    /* -29 */ "the token has expired (exp is not after now)",
    /* -30 */ "the token is not valid yet (nbf is after now)",
    /* -31 */ "exp, nbf or iat is not a number (RFC 7519 NumericDate)",
    /* -32 */ "not an HMAC JWK: it needs \"kty\":\"oct\" and \"k\" (base64url), and an alg, if any, of HS256/384/512",
    /* -33 */ "the same name twice (in a .env file the last assignment would win)",
};

const char *jsk_strerror(int err)
{
    if (err > 0 || err < JSK_ERROR_MIN) {
        return "unknown error";
    }
    return messages[-err];
}

const char *jsk_error_code(int err)
{
    if (err > 0 || err < JSK_ERROR_MIN) {
        return "ERR_UNKNOWN";
    }
    return codes[-err];
}
