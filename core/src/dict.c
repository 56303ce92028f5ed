/* dict.c — the analyzer's dictionary: the compiled-in front-coded word lists decoded once into a
 * caller-owned workspace, with an open-addressing hash table for lookups by (hash, text). */
#include <string.h>

#include "dict_internal.h"
#include "jsk.h"
#include "strength_data.h"

static uint32_t slot_count(void)
{
    uint32_t n = 1024;
    while (n < 2U * jsk_dict_word_count) {
        n <<= 1;
    }
    return n;
}

size_t jsk_dict_sizeof(void) { return sizeof(jsk_dict); }

size_t jsk_dict_workspace_len(void)
{
    return (size_t)slot_count() * 4U + (size_t)jsk_dict_word_count * 5U + jsk_dict_char_count + 4U;
}

int jsk_dict_init(jsk_dict *dict, void *workspace, size_t workspace_len)
{
    uint32_t slots = slot_count(), n = 0, i;
    uint32_t *table, *entries;
    uint8_t *info;
    char *words;
    size_t pos = 0, chars = 0;

    if (dict == NULL || workspace == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (workspace_len < jsk_dict_workspace_len() || ((uintptr_t)workspace & 3U) != 0) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    memset(dict, 0, sizeof *dict);
    table = (uint32_t *)workspace;
    entries = table + slots;
    info = (uint8_t *)(entries + jsk_dict_word_count);
    words = (char *)(info + jsk_dict_word_count);
    memset(table, 0, (size_t)slots * 4U);

    while (pos < jsk_dict_blob_size) {
        /* Section header: 0xFF, list, rank bucket, count (little-endian 16 bits). */
        uint8_t list = jsk_dict_blob[pos + 1], bucket = jsk_dict_blob[pos + 2];
        uint32_t count = (uint32_t)jsk_dict_blob[pos + 3] | ((uint32_t)jsk_dict_blob[pos + 4] << 8);
        const char *prev = NULL;
        pos += 5;
        for (i = 0; i < count; i++) {
            size_t shared = jsk_dict_blob[pos++], len = shared;
            char *w = words + chars;
            if (shared > 0) {
                memcpy(w, prev, shared);
            }
            for (;;) {
                uint8_t c = jsk_dict_blob[pos++];
                w[len++] = (char)(c & 0x7FU);
                if (c & 0x80U) {
                    break;
                }
            }
            entries[n] = (uint32_t)(chars << 8) | (uint32_t)len;
            info[n] = (uint8_t)((list << 5) | (bucket & 31U));
            {
                uint32_t h = jsk_hash_text((const uint8_t *)w, len) & (slots - 1U);
                while (table[h] != 0) {
                    h = (h + 1U) & (slots - 1U);
                }
                table[h] = n + 1U;
            }
            if (len < 128) {
                dict->lengths[len >> 3] |= (uint8_t)(1U << (len & 7U));
            }
            prev = w;
            chars += len;
            n++;
        }
    }
    dict->words = words;
    dict->entries = entries;
    dict->info = info;
    dict->slots = table;
    dict->mask = slots - 1U;
    dict->count = n;
    dict->max_len = jsk_dict_max_len;
    return n == jsk_dict_word_count && chars == jsk_dict_char_count ? JSK_OK : JSK_ERR_INVALID_ARGUMENT;
}

int jsk_dict_find(const jsk_dict *dict, uint32_t hash, size_t len, const uint8_t *text, int reversed,
                  const uint8_t *map)
{
    uint32_t h = hash & dict->mask, idx;

    while ((idx = dict->slots[h]) != 0) {
        uint32_t e = dict->entries[idx - 1U];
        if ((e & 0xFFU) == len) {
            const char *w = dict->words + (e >> 8);
            size_t k;
            for (k = 0; k < len; k++) {
                uint8_t c = reversed ? text[len - 1 - k] : text[k];
                if ((uint8_t)w[k] != map[c]) {
                    break;
                }
            }
            if (k == len) {
                return (int)(idx - 1U);
            }
        }
        h = (h + 1U) & dict->mask;
    }
    return -1;
}
