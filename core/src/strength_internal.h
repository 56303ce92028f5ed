/* strength_internal.h — what the analyzer's parts share: character maps, the estimate's context and
 * the summary of the cheapest explanation it found. Internal to the core. */
#ifndef JSK_STRENGTH_INTERNAL_H
#define JSK_STRENGTH_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "jsk.h"

typedef struct {
    uint8_t lower[256];  /* ASCII lowercase */
    uint8_t leet_a[256]; /* lowercase with l33t undone, 1 | 7 read as i i t */
    uint8_t leet_b[256]; /* the same with 1 | 7 read as l l l */
} jsk_maps;

typedef struct {
    const jsk_dict *dict;
    jsk_maps maps;
    double bf; /* bits per unexplained character: log2 of the string's alphabet */
    double min_saving; /* bits a match must save over brute force to count (machine-made strings) */
    int hex;           /* the string is hex text */
    int numbers;       /* numbers cost their digits: not hex digits and separators only (UUIDs) */
    const uint8_t *context;                 /* the caller's context words, see jsk_check_context() */
    uint16_t context_at[JSK_CONTEXT_WORDS_MAX]; /* offset and length of each word or part in context */
    uint16_t context_len[JSK_CONTEXT_WORDS_MAX];
    size_t n_context;
} jsk_strength_ctx;

#define JSK_PATH_DICTIONARY 1U
#define JSK_PATH_REPEAT 2U
#define JSK_PATH_SEQUENCE 4U
#define JSK_PATH_KEYBOARD 8U
#define JSK_PATH_DATE 16U
#define JSK_PATH_CONTEXT 32U

typedef struct {
    unsigned flags;        /* JSK_PATH_* kinds on the cheapest path */
    size_t jwt_chars;      /* characters explained by the curated JWT defaults */
    size_t constant_chars; /* characters explained by well-known constants */
    size_t brute_chars;    /* characters left unexplained */
    int random;            /* the patterns found were too few or small: read as random text */
} jsk_path;

void jsk_strength_maps(jsk_maps *maps);
/* Estimated bits to guess s[0..n); *capped is 1 when it stopped at JSK_CHECK_BITS_MAX early. */
double jsk_strength_estimate(const jsk_strength_ctx *cx, const uint8_t *s, size_t n, jsk_path *path, int *capped);

/* Lowercase ASCII letters s[0..n) (only those) read as one typed word under the letter model, in bits. */
double jsk_strength_lower_bits(const jsk_strength_ctx *cx, const uint8_t *s, size_t n);

/* Accented Latin letters U+00C0-U+017F without their accents ('.' where not a letter; strength.c). */
#define JSK_LATIN_FOLD_LEN 192U
extern const char jsk_latin_fold[];

#endif
