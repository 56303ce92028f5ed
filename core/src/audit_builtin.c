/* audit_builtin.c — the audit's built-in candidate list: the curated JWT defaults (with their
 * variants) as printed, in lower and upper case, then the analyzer's dictionaries in three cases
 * (the common passwords also with 1, 123 and ! appended), one candidate per line. Built from the
 * data compiled into the core; it holds no secret. */
#include <string.h>

#include "jsk.h"
#include "strength_data.h"

size_t jsk_audit_builtin_len(const jsk_dict *dict)
{
    /* every default as printed, lowercase and uppercase; every word in three cases, and the
     * passwords with three common suffixes: generous, lines included */
    return dict == NULL ? 0 : jsk_jwt_defaults_size * 3U + (size_t)dict->count * 4U * 3U + jsk_dict_char_count * 3U +
                                   (size_t)dict->count * 3U * 8U + 64U;
}

static void put_case(char *out, size_t *o, const char *w, size_t len, int mode)
{
    size_t i;
    for (i = 0; i < len; i++) {
        char c = w[i];
        if ((mode == 1 && i == 0) || mode == 2) {
            c = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
        } else if (mode == 3) {
            c = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        out[(*o)++] = c;
    }
}

int jsk_audit_builtin(char *out, size_t out_maxlen, size_t *out_len, const jsk_dict *dict)
{
    size_t o = 0, i, start = 0;
    uint32_t idx;
    int mode;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (out == NULL || dict == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (out_maxlen < jsk_audit_builtin_len(dict)) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    /* 1. The curated defaults as printed, then lowercase and uppercase. */
    for (mode = 0; mode < 4; mode++) {
        if (mode == 1) {
            continue;
        }
        start = 0;
        for (i = 0; i < dict->defaults_len; i++) {
            if (dict->defaults[i] == '\n') {
                put_case(out, &o, dict->defaults + start, i - start, mode);
                out[o++] = '\n';
                start = i + 1;
            }
        }
    }
    /* 2. The dictionaries, most common lists first: lowercase, Capitalised, UPPERCASE; passwords
     *    also with 1, 123 and ! appended. */
    for (mode = 0; mode < 3; mode++) {
        for (idx = 0; idx < dict->count; idx++) {
            uint32_t e = dict->entries[idx];
            const char *w = dict->words + (e >> 8);
            size_t len = e & 0xFFU;
            unsigned list = dict->info[idx] >> 5;
            if (list == JSK_LIST_JWT || (mode > 0 && (list == JSK_LIST_CONSTANTS))) {
                continue;
            }
            put_case(out, &o, w, len, mode == 0 ? 0 : mode == 1 ? 1 : 2);
            out[o++] = '\n';
            if (mode == 0 && list == JSK_LIST_PASSWORDS) {
                static const char *const suffixes[] = {"1", "123", "!"};
                size_t s;
                for (s = 0; s < 3; s++) {
                    put_case(out, &o, w, len, 0);
                    memcpy(out + o, suffixes[s], strlen(suffixes[s]));
                    o += strlen(suffixes[s]);
                    out[o++] = '\n';
                }
            }
        }
    }
    if (out_len != NULL) {
        *out_len = o;
    }
    return JSK_OK;
}
