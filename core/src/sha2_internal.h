/* sha2_internal.h — the SHA-2 round constants and initial values, defined once in sha2.c and
 * shared with the audit's multi-candidate rounds in audit.c. */
#ifndef JSK_SHA2_INTERNAL_H
#define JSK_SHA2_INTERNAL_H

#include <stdint.h>

extern uint32_t jsk_sha256_k[64]; /* writable on purpose: see sha2.c */
extern uint64_t jsk_sha512_k[80];
extern const uint32_t jsk_sha256_iv[8];
extern const uint64_t jsk_sha384_iv[8];
extern const uint64_t jsk_sha512_iv[8];

#endif
