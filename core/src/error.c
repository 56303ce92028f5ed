/* error.c — one table of messages and stable code names for every jsk_error. */
#include "jsk.h"

static const struct {
    const char *code;
    const char *message;
} errors[] = {
    /*  0 */ {"OK", "success"},
    /* -1 */ {"ERR_INVALID_ARGUMENT", "invalid argument"},
    /* -2 */ {"ERR_BUFFER_TOO_SMALL", "output buffer too small"},
    /* -3 */ {"ERR_BAD_CHARACTER", "character outside the encoding's alphabet"},
    /* -4 */ {"ERR_BAD_PADDING", "missing, misplaced or unexpected '=' padding"},
    /* -5 */ {"ERR_TRAILING_BITS", "non-zero unused bits in the last character (not a canonical encoding)"},
    /* -6 */ {"ERR_BAD_LENGTH", "impossible length for this encoding"},
    /* -7 */ {"ERR_NO_ENTROPY",
              "no cryptographically secure random source (crypto.getRandomValues / getrandom) is available; "
              "refusing to generate a secret"},
    /* -8 */ {"ERR_BAD_ALPHABET", "alphabet must be 2 to 94 distinct printable ASCII characters (no space)"},
    /* -9 */ {"ERR_OUT_OF_RANGE", "value out of range"},
    /* -10 */ {"ERR_KEY_TOO_SHORT", "key shorter than the algorithm's hash output (RFC 7518 section 3.2)"},
    /* -11 */ {"ERR_BAD_NAME", "variable name must match [A-Za-z_][A-Za-z0-9_]* (at most 128 characters)"},
    /* -12 */ {"ERR_UNKNOWN_ALG", "unknown algorithm (expected HS256, HS384 or HS512)"},
    /* -13 */ {"ERR_UNKNOWN_FORMAT", "unknown format"},
    /* -14 */ {"ERR_UNSAFE_VALUE", "value cannot be written safely to a .env line"},
};

const char *jsk_strerror(int err)
{
    if (err > 0 || err < JSK_ERROR_MIN) {
        return "unknown error";
    }
    return errors[-err].message;
}

const char *jsk_error_code(int err)
{
    if (err > 0 || err < JSK_ERROR_MIN) {
        return "ERR_UNKNOWN";
    }
    return errors[-err].code;
}
