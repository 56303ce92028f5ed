/* strength_data.h — the analyzer's generated data (scripts/gen-strength-data.mjs writes the .c at
 * build time) and the list ids it uses. Internal to the core. */
#ifndef JSK_STRENGTH_DATA_H
#define JSK_STRENGTH_DATA_H

#include <stddef.h>
#include <stdint.h>

/* Word lists, in the order the generator numbers them. */
enum {
    JSK_LIST_JWT = 0,       /* our curated documented JWT defaults, with mechanical variants */
    JSK_LIST_PASSWORDS = 1, /* common passwords */
    JSK_LIST_ENGLISH = 2,   /* English words */
    JSK_LIST_DICEWARE = 3,  /* EFF diceware words */
    JSK_LIST_NAMES = 4,     /* last names */
    JSK_LIST_PATTERNS = 5,  /* character sequences */
    JSK_LIST_CONSTANTS = 6, /* digests of "" and placeholder words */
    JSK_LIST_KEYBOARD = 7,  /* keyboard rows and zig-zags */
    JSK_LIST_COUNT = 8
};

extern const uint8_t jsk_dict_blob[];
extern const size_t jsk_dict_blob_size;
extern const uint32_t jsk_dict_word_count;
extern const uint32_t jsk_dict_jwt_count; /* of which list JWT: the defaults in lowercase, added from their lines */
extern const uint32_t jsk_dict_char_count;
extern const uint32_t jsk_dict_max_len;
/* The curated defaults as printed, one per line: coded last in jsk_dict_blob (jsk_dict.defaults). */
extern const uint32_t jsk_jwt_defaults_count;
extern const size_t jsk_jwt_defaults_size;

/* Keyboard graphs: [key][direction][unshifted, shifted] -> neighbouring key, 0 for none. */
extern const uint8_t jsk_graph_qwerty[128 * 6 * 2];
extern const double jsk_graph_qwerty_keys;
extern const double jsk_graph_qwerty_degree;
extern const uint8_t jsk_graph_keypad[128 * 8 * 2];
extern const double jsk_graph_keypad_keys;
extern const double jsk_graph_keypad_degree;

/* Digests of common words, computed by jsk_dict_init: of every curated default as printed, of the
 * common passwords and words of rank below 256 (lists PASSWORDS and ENGLISH, bucket <= 7), and of
 * the extra words coded after the defaults (jsk_digest_extra_count lines, jsk_digest_extra_size
 * bytes with their newlines); jsk_digest_word_count in all. */
#define JSK_DIGEST_MAX_BUCKET 7
extern const uint32_t jsk_digest_extra_count;
extern const size_t jsk_digest_extra_size;
extern const uint32_t jsk_digest_word_count;

/* Letter trigram model: cost in half bits (0..15) of letter x after a, b (0 start, 1-26 a-z, 27 other
 * letter), at index (a * 28 + b) * 28 + x; coded after the words in jsk_dict_blob, decoded by
 * jsk_dict_init into the workspace (jsk_dict.ngram), one cost a byte. */
#define JSK_NGRAM_SYMBOLS 28
#define JSK_NGRAM_LEN (JSK_NGRAM_SYMBOLS * JSK_NGRAM_SYMBOLS * JSK_NGRAM_SYMBOLS)

#endif
