/* encoding.c — the encodings by name (one vocabulary for the generator's formats and the checker's
 * encodings), and encoding/decoding dispatched on jsk_encoding. */
#include <string.h>

#include "codec_internal.h"
#include "jsk.h"

/* Indexed by jsk_encoding. */
static const char *const encoding_names[] = {NULL, "base64url", "base64", "hex", "base64url-padded", "raw", "auto"};

int jsk_encoding_from_name(const char *name, size_t name_len)
{
    int e;

    if (name == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    for (e = JSK_ENCODING_BASE64URL; e <= JSK_ENCODING_AUTO; e++) {
        if (name_len == strlen(encoding_names[e]) && memcmp(name, encoding_names[e], name_len) == 0) {
            return e;
        }
    }
    return JSK_ERR_UNKNOWN_FORMAT;
}

const char *jsk_encoding_name(int encoding)
{
    return encoding >= JSK_ENCODING_BASE64URL && encoding <= JSK_ENCODING_AUTO ? encoding_names[encoding] : NULL;
}

/* The base64 variant jsk_encode()/jsk_decode() use for an encoding, 0 for any other encoding. */
static int base64_variant(int encoding)
{
    switch (encoding) {
    case JSK_ENCODING_BASE64URL:
        return JSK_BASE64_VARIANT_URLSAFE_NO_PADDING;
    case JSK_ENCODING_BASE64:
        return JSK_BASE64_VARIANT_ORIGINAL;
    case JSK_ENCODING_BASE64URL_PADDED:
        return JSK_BASE64_VARIANT_URLSAFE;
    default:
        return 0;
    }
}

size_t jsk_encoded_len(size_t bin_len, int encoding)
{
    int variant = base64_variant(encoding);

    if (variant != 0) {
        return jsk_base64_encoded_len(bin_len, variant);
    }
    return encoding == JSK_ENCODING_HEX ? jsk_hex_encoded_len(bin_len) : 0;
}

size_t jsk_decoded_len(size_t text_len, int encoding)
{
    if (encoding == JSK_ENCODING_HEX) {
        return text_len / 2U;
    }
    return base64_variant(encoding) != 0 ? (text_len / 4U) * 3U + 2U : 0;
}

int jsk_encode(char *out, size_t out_maxlen, size_t *out_len, const uint8_t *bin, size_t bin_len, int encoding)
{
    int variant = base64_variant(encoding);
    int rc;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (variant != 0) {
        rc = jsk_base64_encode(out, out_maxlen, bin, bin_len, variant);
    } else if (encoding == JSK_ENCODING_HEX) {
        rc = jsk_hex_encode(out, out_maxlen, bin, bin_len);
    } else {
        return JSK_ERR_UNKNOWN_FORMAT;
    }
    if (rc == JSK_OK && out_len != NULL) {
        *out_len = jsk_encoded_len(bin_len, encoding) - 1U;
    }
    return rc;
}

int jsk_decode(uint8_t *bin, size_t bin_maxlen, size_t *bin_len, const char *text, size_t text_len, int encoding)
{
    int variant = base64_variant(encoding);

    if (variant != 0) {
        return jsk_base64_decode(bin, bin_maxlen, bin_len, text, text_len, variant);
    }
    if (encoding == JSK_ENCODING_HEX) {
        return jsk_hex_decode(bin, bin_maxlen, bin_len, text, text_len);
    }
    if (bin_len != NULL) {
        *bin_len = 0;
    }
    return JSK_ERR_UNKNOWN_FORMAT;
}

int jsk_decoded_size(const uint8_t *s, size_t len, int encoding, size_t *bytes, int *uniform)
{
    uint8_t buf[768], first = 0;
    size_t done = 0, total = 0, n, k;
    unsigned diff = 0;
    int padded = len > 0 && s[len - 1] == '=', rc = JSK_OK;

    *bytes = 0;
    if (encoding == JSK_ENCODING_HEX && len % 2U != 0) {
        return JSK_ERR_BAD_LENGTH;
    }
    while (done < len && rc == JSK_OK) {
        /* Hex pairs and whole base64 groups decode alone; the last chunk carries any padding. */
        size_t chunk = len - done <= 1024 ? len - done : (encoding == JSK_ENCODING_HEX ? 1024U : 1020U);
        int last = done + chunk == len;
        if (encoding == JSK_ENCODING_HEX) {
            rc = jsk_hex_decode(buf, sizeof buf, &n, (const char *)s + done, chunk);
        } else {
            int url = encoding == JSK_ENCODING_BASE64URL;
            int variant = url ? (last && padded ? JSK_BASE64_VARIANT_URLSAFE : JSK_BASE64_VARIANT_URLSAFE_NO_PADDING)
                              : (last && padded ? JSK_BASE64_VARIANT_ORIGINAL : JSK_BASE64_VARIANT_ORIGINAL_NO_PADDING);
            rc = jsk_base64_decode(buf, sizeof buf, &n, (const char *)s + done, chunk, variant);
        }
        first = total == 0 && n > 0 ? buf[0] : first;
        for (k = 0; k < n && rc == JSK_OK; k++) {
            diff |= buf[k] ^ first;
        }
        total += n;
        done += chunk;
    }
    jsk_wipe(buf, sizeof buf);
    first = 0;
    if (rc == JSK_OK) {
        *bytes = total;
        if (uniform != NULL) {
            *uniform = total > 1 && diff == 0; /* every byte the same: zeros, 0xFF... */
        }
    }
    return rc;
}
