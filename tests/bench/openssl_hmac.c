/* openssl_hmac.c — OpenSSL's HMAC over the candidates of a wordlist, timed for tests/bench/audit.mjs.
 *
 *   openssl_hmac_bench TOKEN WORDLIST [ROUNDS]
 *
 * For each line (lines end at "\n", a "\r" before it goes too: as jwt-secret-kit reads them) it
 * computes HMAC(alg, line, signing input) and compares it with the token's signature, two ways:
 *   "hmac":    HMAC(), the one-shot call (OpenSSL 3 fetches the HMAC implementation in each call);
 *   "evp_mac": one EVP_MAC_CTX made once, then EVP_MAC_init(key) + update + final per candidate.
 * 1. Correctness: each way must find a line that signs TOKEN; exits 1 otherwise.
 * 2. Speed: the same token with its signature altered (no line matches), the list cut at line ends
 *    into ROUNDS slices (5 by default), each slice timed for each way in turn; median rates.
 * Prints one JSON object on stdout. One thread. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>

enum { WAY_HMAC, WAY_EVP_MAC, WAYS };

/* base64url without padding; returns the decoded length, or (size_t)-1. */
static size_t b64url_decode(uint8_t *out, const char *in, size_t n)
{
    uint32_t acc = 0;
    int bits = 0;
    size_t i, o = 0;
    for (i = 0; i < n; i++) {
        int c = in[i], v;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '-') v = 62;
        else if (c == '_') v = 63;
        else return (size_t)-1;
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (uint8_t)(acc >> bits);
        }
    }
    return o;
}

static const EVP_MD *md;
static const char *md_name;
static EVP_MAC_CTX *mac_ctx;
static OSSL_PARAM mac_params[2];
static const uint8_t *msg;
static size_t msg_len;
static uint8_t tag[64];
static size_t tag_len;

/* Tries every line of buf[0..len); returns the 1-based index of the first match, 0 when none, and
 * counts the candidates in *tried; *at and *n locate the match. */
static uint64_t try_lines(int way, const uint8_t *buf, size_t len, uint64_t *tried, size_t *at, size_t *n)
{
    size_t pos = 0;
    uint64_t count = 0;
    uint8_t out[EVP_MAX_MD_SIZE];
    while (pos < len) {
        const uint8_t *nl = memchr(buf + pos, '\n', len - pos);
        size_t end = nl != NULL ? (size_t)(nl - buf) : len, klen = end - pos, olen = 0;
        unsigned int ulen = 0;
        if (nl != NULL && klen > 0 && buf[end - 1] == '\r') {
            klen--;
        }
        count++;
        if (way == WAY_HMAC) {
            /* HMAC() takes a non-NULL key: an empty line is a zero-length key */
            static const uint8_t empty[1] = {0};
            if (HMAC(md, klen ? buf + pos : empty, (int)klen, msg, msg_len, out, &ulen) == NULL) {
                fprintf(stderr, "HMAC failed\n");
                exit(2);
            }
            olen = ulen;
        } else {
            if (!EVP_MAC_init(mac_ctx, buf + pos, klen, mac_params) || !EVP_MAC_update(mac_ctx, msg, msg_len) ||
                !EVP_MAC_final(mac_ctx, out, &olen, sizeof out)) {
                fprintf(stderr, "EVP_MAC failed\n");
                exit(2);
            }
        }
        if (olen == tag_len && memcmp(out, tag, tag_len) == 0) {
            *tried = count;
            *at = pos;
            *n = klen;
            return count;
        }
        pos = nl != NULL ? end + 1 : end;
    }
    *tried = count;
    return 0;
}

int main(int argc, char **argv)
{
    static const char *const names[WAYS] = {"hmac", "evp_mac"};
    const char *token, *dot1, *dot2;
    uint8_t header[512], *list;
    size_t len, hlen, at = 0, n = 0, first_at = 0, first_n = 0;
    uint64_t index[WAYS], tried;
    double *rates[WAYS], t0, elapsed;
    int rounds = 5, i, w;
    EVP_MAC *mac;

    if (argc < 3) {
        fprintf(stderr, "usage: %s TOKEN WORDLIST [ROUNDS]\n", argv[0]);
        return 2;
    }
    if (argc > 3) {
        rounds = atoi(argv[3]);
        if (rounds < 1 || rounds > 1000) {
            fprintf(stderr, "ROUNDS must be 1..1000\n");
            return 2;
        }
    }
    token = argv[1];
    dot1 = strchr(token, '.');
    dot2 = strrchr(token, '.');
    if (dot1 == NULL || dot2 == dot1 || (size_t)(dot1 - token) * 3U / 4U >= sizeof header) {
        fprintf(stderr, "bad token\n");
        return 2;
    }
    hlen = b64url_decode(header, token, (size_t)(dot1 - token));
    if (hlen == (size_t)-1) {
        fprintf(stderr, "bad token header\n");
        return 2;
    }
    header[hlen] = 0;
    if (strstr((char *)header, "\"HS256\"")) md_name = "SHA256";
    else if (strstr((char *)header, "\"HS384\"")) md_name = "SHA384";
    else if (strstr((char *)header, "\"HS512\"")) md_name = "SHA512";
    else {
        fprintf(stderr, "not an HS256/384/512 token\n");
        return 2;
    }
    md = EVP_get_digestbyname(md_name);
    msg = (const uint8_t *)token;
    msg_len = (size_t)(dot2 - token);
    tag_len = b64url_decode(tag, dot2 + 1, strlen(dot2 + 1) > 86 ? 86 : strlen(dot2 + 1));
    if (md == NULL || tag_len != (size_t)EVP_MD_get_size(md)) {
        fprintf(stderr, "bad signature length\n");
        return 2;
    }
    mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    mac_ctx = mac ? EVP_MAC_CTX_new(mac) : NULL;
    if (mac_ctx == NULL) {
        fprintf(stderr, "EVP_MAC_fetch failed\n");
        return 2;
    }
    mac_params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)md_name, 0);
    mac_params[1] = OSSL_PARAM_construct_end();
    list = read_file(argv[2], &len);

    /* 1. Correctness, each way. */
    for (w = 0; w < WAYS; w++) {
        index[w] = try_lines(w, list, len, &tried, &at, &n);
        if (index[w] == 0 || (w > 0 && (index[w] != index[0] || at != first_at || n != first_n))) {
            fprintf(stderr, "%s: the secret was not found (tried %llu)\n", names[w], (unsigned long long)tried);
            return 1;
        }
        first_at = at;
        first_n = n;
    }

    /* 2. Speed, on the token with one bit of its signature flipped. */
    tag[0] ^= 0x01;
    for (w = 0; w < WAYS; w++) {
        rates[w] = calloc((size_t)rounds, sizeof(double));
        if (rates[w] == NULL) {
            return 2;
        }
    }
    for (i = 0; i < rounds; i++) {
        size_t a = cut(list, len, i, rounds), b = cut(list, len, i + 1, rounds);
        for (w = 0; w < WAYS; w++) {
            t0 = now();
            if (try_lines(w, list + a, b - a, &tried, &at, &n) != 0) {
                fprintf(stderr, "%s: the altered signature was found\n", names[w]);
                return 1;
            }
            elapsed = now() - t0;
            rates[w][i] = (double)tried / elapsed;
        }
    }

    printf("{\"tool\":\"OpenSSL\",\"version\":\"%s\",\"digest\":\"%s\",\"found\":true,\"index\":%llu,\"secret\":",
           OpenSSL_version(OPENSSL_VERSION), md_name, (unsigned long long)index[0]);
    put_json_string(list + first_at, first_n);
    for (w = 0; w < WAYS; w++) {
        printf(",\"%s\":{\"rates\":[", names[w]);
        for (i = 0; i < rounds; i++) {
            printf("%s%.0f", i ? "," : "", rates[w][i]);
        }
        qsort(rates[w], (size_t)rounds, sizeof(double), cmp_double);
        printf("],\"median\":%.0f}", rates[w][rounds / 2]);
        free(rates[w]);
    }
    printf("}\n");
    EVP_MAC_CTX_free(mac_ctx);
    EVP_MAC_free(mac);
    free(list);
    return 0;
}
