/* json_internal.h — what json.c reports about the top level of an object (the JWS header's members,
 * the inspector's claims) and where a text stops being JSON. Internal to the core. */
#ifndef JSK_JSON_INTERNAL_H
#define JSK_JSON_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* Top-level members found by name (json.c's member_names, in this order). */
enum {
    JSK_JM_ALG,
    JSK_JM_CRIT,
    JSK_JM_TYP,
    JSK_JM_KID,
    JSK_JM_JKU,
    JSK_JM_X5U,
    JSK_JM_JWK,
    JSK_JM_X5C,
    JSK_JM_IAT,
    JSK_JM_NBF,
    JSK_JM_EXP,
    JSK_JM_KTY,
    JSK_JM_K,
    JSK_JSON_MEMBERS
};

typedef struct {
    int alg_count;     /* how many "alg" members (more than one is refused) */
    int alg_is_string;
    char alg[16];      /* its decoded text, non-ASCII bytes as 0x80 */
    size_t alg_len;    /* full decoded length */
    int has_crit;
    int count[JSK_JSON_MEMBERS];    /* how many times each member appears at the top level */
    size_t at[JSK_JSON_MEMBERS];    /* where the last one's value starts */
    size_t error_at;                /* JSK_ERR_BAD_JSON: the byte offset of the first error */
    const char *error_why;          /* and what is wrong there, in words */
} jsk_json_top;

int jsk_json_scan(const uint8_t *text, size_t len, int require_object, jsk_json_top *top);
/* The string at text[at] (a valid JSON text): decoded into out (cap bytes; non-ASCII as 0x80),
 * *out_len its full length. 0, or -1 when there is no string there. */
int jsk_json_string_at(const uint8_t *text, size_t len, size_t at, char *out, size_t cap, size_t *out_len);
/* The number at text[at]: its value, and the length of its text (0 when it is not a number). */
size_t jsk_json_number_at(const uint8_t *text, size_t len, size_t at, double *value);

/* jwk.c: where a JWK's "k" is (its text, without the quotes), checked as jsk_key_parse() checks a JWK
 * (JSK_ERR_BAD_JWK, JSK_ERR_ALG_MISMATCH) but not decoded; *jwk_alg (may be NULL) its alg. */
int jsk_jwk_k(const char *text, size_t len, int alg, int *jwk_alg, size_t *k_at, size_t *k_len);

#endif
