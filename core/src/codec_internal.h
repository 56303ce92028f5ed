/* codec_internal.h — decoding without keeping the bytes, for the analyzer (key sizes) and the JWS
 * parser (payload validity). Internal to the core. */
#ifndef JSK_CODEC_INTERNAL_H
#define JSK_CODEC_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* How many bytes s[0..len) decodes to in encoding (JSK_ENCODING_HEX, _BASE64 or _BASE64URL; base64
 * padding optional), decoding chunk by chunk through a stack buffer that is wiped. *uniform (may be
 * NULL) is 1 when the decoded bytes are all the same. The codec's error when s does not decode. */
int jsk_decoded_size(const uint8_t *s, size_t len, int encoding, size_t *bytes, int *uniform);

#endif
