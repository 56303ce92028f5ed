/* strength_random.c — false alarms of the analyzer on CSPRNG secrets, natively and at scale:
 * `jsk_strength_random [N [G]]` makes N secrets (default 100000) with each common generator and
 * alphabet (or generator G only, 0-19, to spread a run over cores) and counts those not judged as
 * they should be (strong for HS256; two joined UUIDs v4 fair at 244 bits), printing the first ten
 * with their findings. Exit 1 on any false alarm. tests/node/strength-random.test.mjs runs the same
 * generators by the thousand on every `npm test`; this one is for runs of a million and more. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsk.h"

static uint8_t rnd[256];
static size_t rnd_pos = sizeof rnd;

static unsigned byte(void)
{
    if (rnd_pos == sizeof rnd) {
        if (jsk_random_fill(rnd, sizeof rnd) != JSK_OK) {
            fprintf(stderr, "no entropy\n");
            exit(2);
        }
        rnd_pos = 0;
    }
    return rnd[rnd_pos++];
}

static void bytes(uint8_t *b, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        b[i] = (uint8_t)byte();
    }
}

/* Uniform over an alphabet by rejection. */
static size_t pick(char *out, const char *alpha, size_t n)
{
    size_t k = strlen(alpha), i, lim = 256 - 256 % k;
    for (i = 0; i < n; i++) {
        unsigned b;
        do {
            b = byte();
        } while (b >= lim);
        out[i] = alpha[b % k];
    }
    return n;
}

static size_t encode(char *out, size_t nbytes, int encoding)
{
    uint8_t b[64];
    size_t n;
    bytes(b, nbytes);
    jsk_encode(out, 256, &n, b, nbytes, encoding);
    return n;
}

static size_t base32(char *out, size_t nbytes, int pad)
{
    static const char A[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    uint8_t b[64];
    unsigned v = 0, bits = 0;
    size_t i, n = 0;
    bytes(b, nbytes);
    for (i = 0; i < nbytes; i++) {
        v = (v << 8) | b[i];
        bits += 8;
        while (bits >= 5) {
            out[n++] = A[(v >> (bits - 5)) & 31U];
            bits -= 5;
        }
    }
    if (bits > 0) {
        out[n++] = A[(v << (5 - bits)) & 31U];
    }
    while (pad && n % 8 != 0) {
        out[n++] = '=';
    }
    return n;
}

static size_t base85(char *out, size_t nbytes, const char *alpha)
{
    uint8_t b[64];
    size_t i, n = 0;
    int k;
    bytes(b, nbytes);
    for (i = 0; i + 4 <= nbytes; i += 4) {
        unsigned long v = ((unsigned long)b[i] << 24) | ((unsigned long)b[i + 1] << 16) | ((unsigned long)b[i + 2] << 8) | b[i + 3];
        for (k = 4; k >= 0; k--) {
            out[n + (size_t)k] = alpha != NULL ? alpha[v % 85U] : (char)(33 + v % 85U);
            v /= 85U;
        }
        n += 5;
    }
    return n;
}

static size_t uuids(char *out, int count)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = 0, i;
    int u;
    for (u = 0; u < count; u++) {
        uint8_t b[16];
        bytes(b, 16);
        b[6] = (uint8_t)((b[6] & 0x0F) | 0x40);
        b[8] = (uint8_t)((b[8] & 0x3F) | 0x80);
        if (u > 0) {
            out[n++] = '-';
        }
        for (i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out[n++] = '-';
            }
            out[n++] = hex[b[i] >> 4];
            out[n++] = hex[b[i] & 15];
        }
    }
    return n;
}

#define ALNUM "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
#define Z85 "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#"
#define PRINT94 "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
#define DJANGO "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)"

static long z85_as_base64;

/* Whether s is made of base64 characters only (or of base64url's): then it is also a valid base64
 * key, and costed as one (fewer bits than the generator drew): such a draw is counted and redrawn. */
static int also_base64(const char *s, size_t n)
{
    size_t i, j;
    for (i = 0; i < n && strchr(ALNUM "+/", s[i]) != NULL; i++) {
    }
    for (j = 0; j < n && strchr(ALNUM "-_", s[j]) != NULL; j++) {
    }
    return (i == n || j == n) && (z85_as_base64++, 1);
}

static size_t make(int g, char *out)
{
    size_t n;
    switch (g) {
    case 0: return encode(out, 32, JSK_ENCODING_HEX);
    case 1: {
        size_t i;
        n = encode(out, 32, JSK_ENCODING_HEX);
        for (i = 0; i < n; i++) {
            out[i] = (char)(out[i] >= 'a' ? out[i] - 32 : out[i]);
        }
        return n;
    }
    case 2: return encode(out, 64, JSK_ENCODING_HEX);
    case 3: return encode(out, 32, JSK_ENCODING_BASE64);
    case 4: return encode(out, 64, JSK_ENCODING_BASE64);
    case 5: return encode(out, 32, JSK_ENCODING_BASE64URL);
    case 6: return encode(out, 48, JSK_ENCODING_BASE64URL);
    case 7: return base32(out, 32, 1);
    case 8: return base32(out, 40, 0);
    case 9:
        /* Z85 with only + and / for symbols (about 1 in 30,000), or only - (as often), is also valid
         * base64 (base64url) of 30 bytes, and is costed so (240 bits, fair, as such a key must be):
         * counted apart, drawn again. */
        do {
            n = base85(out, 32, Z85);
        } while (also_base64(out, n));
        return n;
    case 10:
        /* Ascii85 too: made of base64 characters only (59 of its 85, so about 1 in 2 million), it
         * is valid base64 of 30 bytes as well, costed so (fair): drawn again. */
        do {
            n = base85(out, 32, NULL);
        } while (also_base64(out, n));
        return n;
    case 11: return pick(out, ALNUM, 43);
    case 12: return pick(out, ALNUM, 64);
    case 13:
    case 14:
        /* As Z85: 94 printable characters that happen to be base64 (base64url) characters only, about
         * 1 in 2.4 million of 40, are a 30-byte base64 key as well, costed so (240 bits, fair): drawn again. */
        do {
            n = pick(out, PRINT94, g == 13 ? 40 : 64);
        } while (also_base64(out, n));
        return n;
    case 15: return pick(out, DJANGO, 50);
    case 16: return uuids(out, 2);
    case 17: return uuids(out, 3);
    case 18: return pick(out, "abcdefghijklmnopqrstuvwxyz", 64);
    default: return pick(out, "abcdefghijklmnopqrstuvwxyz0123456789", 64);
    }
}

static const char *const names[] = {"hex, 32 bytes (openssl rand -hex 32, secrets.token_hex(32))", "HEX uppercase, 32 bytes",
                                    "hex, 64 bytes", "base64, 32 bytes (openssl rand -base64 32)", "base64, 64 bytes",
                                    "base64url, 32 bytes (secrets.token_urlsafe(32))", "base64url, 48 bytes",
                                    "base32 padded, 32 bytes", "base32 unpadded, 40 bytes", "Z85, 32 bytes (not also base64)",
                                    "Ascii85, 32 bytes", "alphanumeric, 43 characters", "alphanumeric, 64 characters",
                                    "94 printable, 40 characters (password managers)", "94 printable, 64 characters",
                                    "Django get_random_secret_key(), 50 characters", "two UUIDs v4 joined (fair, 244 bits)",
                                    "three UUIDs v4 joined", "lowercase letters, 64 characters",
                                    "lowercase and digits, 64 characters"};

#define GENERATORS 20

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 100000, i;
    int only = argc > 2 ? atoi(argv[2]) : -1; /* one generator, by its index, to split a run over cores */
    size_t ws_len = jsk_dict_workspace_len();
    void *ws = malloc(ws_len);
    jsk_dict dict;
    jsk_report r;
    int g, alarms = 0;

    if (ws == NULL || jsk_dict_init(&dict, ws, ws_len) != JSK_OK) {
        return 2;
    }
    for (g = 0; g < GENERATORS; g++) {
        long bad = 0;
        if (only >= 0 && g != only) {
            continue;
        }
        for (i = 0; i < n; i++) {
            char s[256];
            size_t len = make(g, s);
            int ok;
            if (jsk_check(&r, JSK_ALG_HS256, &dict, (const uint8_t *)s, len, JSK_ENCODING_RAW) != JSK_OK) {
                return 2;
            }
            ok = g == 16 ? r.verdict == JSK_VERDICT_FAIR && r.entropy_bits >= 240.0 : r.verdict == JSK_VERDICT_STRONG;
            if (!ok && bad++ < 10) {
                size_t f;
                printf("    %.*s: %s, %.1f bits [", (int)len, s, jsk_verdict_name(r.verdict), r.entropy_bits);
                for (f = 0; f < r.n_findings; f++) {
                    printf("%s%s", f > 0 ? " " : "", jsk_finding_name(r.findings[f].code));
                }
                printf("]\n");
            }
        }
        printf("%8ld of %ld  %s\n", bad, n, names[g]);
        alarms += bad > 0;
    }
    printf("(%ld Z85, Ascii85 or printable strings that are also valid base64 or base64url were drawn again)\n", z85_as_base64);
    free(ws);
    return alarms > 0 ? 1 : 0;
}
