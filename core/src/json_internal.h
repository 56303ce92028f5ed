/* json_internal.h — what json.c reports about the top level of an object: the JWS header members. */
#ifndef JSK_JSON_INTERNAL_H
#define JSK_JSON_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    int alg_count;     /* how many "alg" members (more than one is refused) */
    int alg_is_string;
    char alg[16];      /* its decoded text, non-ASCII bytes as 0x80 */
    size_t alg_len;    /* full decoded length */
    int has_crit;
} jsk_json_top;

int jsk_json_scan(const uint8_t *text, size_t len, int require_object, jsk_json_top *top);

#endif
