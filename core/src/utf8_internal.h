/* utf8_internal.h — one strict UTF-8 sequence check (no overlongs, no surrogates, at most U+10FFFF),
 * shared by the JSON checker and the analyzer. Internal to the core. */
#ifndef JSK_UTF8_INTERNAL_H
#define JSK_UTF8_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* The length (1..4) of the valid UTF-8 sequence at s (avail bytes available), or 0. */
static inline size_t jsk_utf8_sequence(const uint8_t *s, size_t avail)
{
    size_t need, k;
    uint32_t cp;
    if (avail == 0) {
        return 0;
    }
    if (s[0] < 0x80) {
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        need = 1;
        cp = s[0] & 0x1FU;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        need = 2;
        cp = s[0] & 0x0FU;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        need = 3;
        cp = s[0] & 0x07U;
    } else {
        return 0;
    }
    for (k = 1; k <= need; k++) {
        if (k >= avail || (s[k] & 0xC0U) != 0x80U) {
            return 0;
        }
        cp = (cp << 6) | (s[k] & 0x3FU);
    }
    if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
        return 0;
    }
    return need + 1;
}

#endif
