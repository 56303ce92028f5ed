/* ct_codecs.c — the decoders' (and encoders') character mapping does not branch or index memory on
 * the characters: every byte value 0..255, marked secret, goes through hex_value(), b64_value()
 * (both alphabets), hex_digit() and b64_char(). The codec sources are compiled into this program
 * with the library's flags, and each mapping is called through a volatile function pointer so the
 * code checked is the function as compiled on its own, not a copy folded into a test loop.
 * (The decoders then branch once on "was every character valid": that answer is public, and it
 * is why the whole decode functions are not checked here.) See ctgrind.h; run under valgrind. */
#include <string.h>

#include "ctgrind.h"

#include "base64.c" /* these include core/src/ct.h, the branch-free comparisons */
#include "hex.c"
#include "wipe.c"

typedef unsigned (*map1)(unsigned);
typedef unsigned (*map2)(unsigned, unsigned);
typedef char (*char1)(unsigned);
typedef char (*char2)(unsigned, unsigned);

static map1 volatile hex_value_p = hex_value;
static map2 volatile b64_value_p = b64_value;
static char1 volatile hex_digit_p = hex_digit;
static char2 volatile b64_char_p = b64_char;

int main(void)
{
    unsigned in[256], out[6][256], c;
    static const char hexd[] = "0123456789abcdef";
    static const char b64o[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static const char b64u[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int failures = 0;

    ct_require_valgrind("ct_codecs");
    for (c = 0; c < 256; c++) {
        in[c] = c;
    }
    CT_SECRET(in, sizeof in);
    for (c = 0; c < 256; c++) {
        out[0][c] = hex_value_p(in[c]);
        out[1][c] = b64_value_p(in[c], 0U);
        out[2][c] = b64_value_p(in[c], 0xFFU);
        out[3][c] = (unsigned)(unsigned char)hex_digit_p(in[c] & 15U);
        out[4][c] = (unsigned)(unsigned char)b64_char_p(in[c] & 63U, 0U);
        out[5][c] = (unsigned)(unsigned char)b64_char_p(in[c] & 63U, 0xFFU);
    }
    if (!ct_is_secret(out, sizeof out)) {
        fprintf(stderr, "ct_codecs: the outputs are not marked secret: the check would be vacuous\n");
        failures++;
    }
    /* Declassify only now, to check that the mapping is also right. */
    CT_PUBLIC(out, sizeof out);
    for (c = 0; c < 256; c++) {
        unsigned lower = c | 0x20U;
        unsigned want_hex = c >= '0' && c <= '9' ? c - '0' : lower >= 'a' && lower <= 'f' ? lower - 'a' + 10U : 0x100U;
        const char *o = c > 0 && c < 128 ? strchr(b64o, (int)c) : NULL;
        const char *u = c > 0 && c < 128 ? strchr(b64u, (int)c) : NULL;
        failures += (out[0][c] >= 0x100U) != (want_hex >= 0x100U) || (want_hex < 0x100U && out[0][c] != want_hex);
        failures += (out[1][c] >= 0x100U) != (o == NULL) || (o != NULL && out[1][c] != (unsigned)(o - b64o));
        failures += (out[2][c] >= 0x100U) != (u == NULL) || (u != NULL && out[2][c] != (unsigned)(u - b64u));
        failures += out[3][c] != (unsigned char)hexd[c & 15U];
        failures += out[4][c] != (unsigned char)b64o[c & 63U];
        failures += out[5][c] != (unsigned char)b64u[c & 63U];
    }
    printf("ct_codecs: hex and base64 character mapping, 256 secret bytes each way: %s\n",
           failures == 0 ? "results right (memcheck reports any secret-dependent branch or address)" : "WRONG RESULTS");
    return failures == 0 ? 0 : 1;
}
