/* text.c — see text_internal.h. */
#include <string.h>

#include "text_internal.h"

void jsk_text_put(jsk_text *t, const char *s)
{
    size_t n = strlen(s);
    if (t->len + n + 1 > t->cap) {
        t->overflow = 1;
        return;
    }
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = '\0';
}

void jsk_text_json_string(jsk_text *t, const char *s)
{
    char esc[8];
    jsk_text_put(t, "\"");
    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            esc[2] = '\0';
        } else if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15U];
            esc[6] = '\0';
        } else {
            esc[0] = (char)c;
            esc[1] = '\0';
        }
        jsk_text_put(t, esc);
    }
    jsk_text_put(t, "\"");
}

void jsk_text_uint(jsk_text *t, unsigned long long v)
{
    char d[24];
    size_t n = sizeof d - 1;
    d[n] = '\0';
    do {
        d[--n] = (char)('0' + v % 10U);
        v /= 10U;
    } while (v > 0 && n > 0);
    jsk_text_put(t, d + n);
}

void jsk_text_fixed1(jsk_text *t, double v)
{
    unsigned long long tenths = (unsigned long long)(v * 10.0 + 0.5);
    jsk_text_uint(t, tenths / 10U);
    if (tenths % 10U != 0) {
        jsk_text_put(t, ".");
        jsk_text_uint(t, tenths % 10U);
    }
}
