/* dict_internal.h — the hash the dictionary table and the analyzer's incremental matcher share. */
#ifndef JSK_DICT_INTERNAL_H
#define JSK_DICT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "jsk.h"

/* Polynomial hash with the first character at the lowest power: h(c.t) = c + B * h(t), so a match
 * can grow to the left one character at a time, and a reversed one to the right (c * B^len). */
#define JSK_HASH_B 0x01000193U

static inline uint32_t jsk_hash_text(const uint8_t *w, size_t len)
{
    uint32_t h = 0;
    while (len-- > 0) {
        h = w[len] + JSK_HASH_B * h;
    }
    return h;
}

static inline uint32_t jsk_hash_text_mapped(const uint8_t *w, size_t len, const uint8_t *map)
{
    uint32_t h = 0;
    while (len-- > 0) {
        h = map[w[len]] + JSK_HASH_B * h;
    }
    return h;
}

/* The index of the word equal to text mapped through map[] (read backwards when reversed), or -1. */
int jsk_dict_find(const jsk_dict *dict, uint32_t hash, size_t len, const uint8_t *text, int reversed,
                  const uint8_t *map);

/* Digests of common words (digest_words.c): the first 36 bits of MD5, SHA-1, SHA-256 and SHA-512 of
 * w into out[i], out[count + i], out[2 * count + i], out[3 * count + i]; each quarter sorted; the
 * lookup of a hex digest. */
#define JSK_DIGEST_KINDS 4U
void jsk_digest_words_add(uint64_t *out, size_t count, size_t i, const uint8_t *w, size_t len);
void jsk_digest_words_sort(uint64_t *v, size_t n);
int jsk_digest_of_word(const jsk_dict *dict, const uint8_t *s, size_t n);

#endif
