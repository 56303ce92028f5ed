/* bench_util.h — what the native audit harnesses share (audit_native.c, openssl_hmac.c): a
 * monotonic clock, reading the list, cutting it into slices at line ends, the median, JSON strings. */
#ifndef JSK_BENCH_UTIL_H
#define JSK_BENCH_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    long n;
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    buf = malloc((size_t)n + 1U);
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Where slice i of count starts: the byte after the first "\n" at or past len * i / count. */
static size_t cut(const uint8_t *buf, size_t len, int i, int count)
{
    size_t at;
    const uint8_t *nl;
    if (i <= 0) {
        return 0;
    }
    if (i >= count) {
        return len;
    }
    at = (size_t)((double)len * i / count);
    nl = memchr(buf + at, '\n', len - at);
    return nl == NULL ? len : (size_t)(nl - buf) + 1U;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void put_json_string(const uint8_t *s, size_t n)
{
    size_t i;
    putchar('"');
    for (i = 0; i < n; i++) {
        if (s[i] == '"' || s[i] == '\\') {
            printf("\\%c", s[i]);
        } else if (s[i] < 0x20) {
            printf("\\u%04x", s[i]);
        } else {
            putchar(s[i]);
        }
    }
    putchar('"');
}

#endif
