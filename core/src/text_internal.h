/* text_internal.h — text written into a caller's buffer without printf (whose float formatting
 * would add kilobytes to every WASM module): the report's JSON, jsk_secret_describe, the policy.
 * Writes stop at the capacity and set overflow; the text so far stays NUL-terminated. */
#ifndef JSK_TEXT_INTERNAL_H
#define JSK_TEXT_INTERNAL_H

#include <stddef.h>

typedef struct jsk_text {
    char *buf;
    size_t len, cap;
    int overflow;
} jsk_text;

void jsk_text_put(jsk_text *t, const char *s);
/* s as a JSON string: quotes, backslashes and control characters escaped. */
void jsk_text_json_string(jsk_text *t, const char *s);
void jsk_text_uint(jsk_text *t, unsigned long long v);
/* v >= 0 with at most one decimal ("256", "6.6"): how every report and the CLI print bits. */
void jsk_text_fixed1(jsk_text *t, double v);

#endif
