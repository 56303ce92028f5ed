/* audit_native.c — the native build of jwt-secret-kit's audit, timed for tests/bench/audit.mjs.
 *
 *   jsk_audit_bench TOKEN WORDLIST [ROUNDS]
 *
 * 1. Correctness: audits TOKEN against WORDLIST (one candidate per line, as jsk_audit_lines() reads
 *    them) and must find a line that signs it; exits 1 otherwise.
 * 2. Speed: the same token with its signature altered (its first character changed), so no line
 *    matches and every candidate is tried: the list is cut at line ends into ROUNDS slices (5 by
 *    default), each slice is timed on its own, and the median rate is reported.
 * Prints one JSON object on stdout: found, index (1-based line of the match), secret, candidates,
 * rates (candidates/s of each slice), median. One thread. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"
#include "jsk.h"

static jsk_audit audit; /* ~42 KB: static, not on the stack */

int main(int argc, char **argv)
{
    size_t len, consumed = 0, off = 0, flen = 0, tlen, sig;
    uint8_t *list;
    char *token;
    int rounds = 5, i, rc;
    double *rates, t0, elapsed, total_n = 0, total_t = 0;
    uint64_t found_index;
    size_t found_off, found_len;
    char *dot;

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
    tlen = strlen(token);
    list = read_file(argv[2], &len);

    /* 1. Correctness. */
    rc = jsk_audit_init(&audit, token, tlen);
    if (rc < 0) {
        fprintf(stderr, "jsk_audit_init: %d\n", rc);
        return 2;
    }
    t0 = now();
    rc = jsk_audit_lines(&audit, &off, &flen, &consumed, list, len, 1);
    elapsed = now() - t0;
    if (rc != 1) {
        fprintf(stderr, "jsk_audit_lines did not find the secret (rc %d, tried %llu)\n", rc,
                (unsigned long long)audit.tried);
        return 1;
    }
    found_index = audit.tried;
    found_off = off;
    found_len = flen;
    (void)elapsed;

    /* 2. Speed: the token with its signature's first character changed (still valid base64url). */
    dot = strrchr(token, '.');
    if (dot == NULL || dot[1] == '\0') {
        fprintf(stderr, "bad token\n");
        return 2;
    }
    sig = (size_t)(dot - token) + 1U;
    token[sig] = token[sig] == 'A' ? 'B' : 'A';
    rates = calloc((size_t)rounds, sizeof *rates);
    if (rates == NULL) {
        return 2;
    }
    for (i = 0; i < rounds; i++) {
        size_t a = cut(list, len, i, rounds), b = cut(list, len, i + 1, rounds);
        rc = jsk_audit_init(&audit, token, tlen);
        if (rc < 0) {
            fprintf(stderr, "jsk_audit_init: %d\n", rc);
            return 2;
        }
        t0 = now();
        rc = jsk_audit_lines(&audit, &off, &flen, &consumed, list + a, b - a, 1);
        elapsed = now() - t0;
        if (rc != 0) {
            fprintf(stderr, "the altered token was found (rc %d)\n", rc);
            return 1;
        }
        rates[i] = (double)audit.tried / elapsed;
        total_n += (double)audit.tried;
        total_t += elapsed;
    }

    token[sig] = token[sig] == 'A' ? 'B' : 'A';
    printf("{\"tool\":\"jwt-secret-kit native\",\"found\":true,\"index\":%llu,\"secret\":",
           (unsigned long long)found_index);
    put_json_string(list + found_off, found_len);
    printf(",\"candidates\":%.0f,\"seconds\":%.6f,\"rates\":[", total_n, total_t);
    for (i = 0; i < rounds; i++) {
        printf("%s%.0f", i ? "," : "", rates[i]);
    }
    qsort(rates, (size_t)rounds, sizeof *rates, cmp_double);
    printf("],\"median\":%.0f}\n", rates[rounds / 2]);
    jsk_wipe(&audit, sizeof audit);
    free(rates);
    free(list);
    return 0;
}
