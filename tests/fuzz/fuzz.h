/* fuzz.h — what every libFuzzer harness shares: an assertion that aborts (libFuzzer reports it as a
 * crash, with the input saved), and exact-size heap copies so ASan sees any byte read or written
 * past a buffer the core was given. */
#ifndef JSK_FUZZ_H
#define JSK_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond)                                                                \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: FUZZ_ASSERT failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/* A heap block of exactly n bytes (n may be 0: a 1-byte block, never NULL). */
static inline void *fuzz_alloc(size_t n)
{
    void *p = malloc(n > 0 ? n : 1);
    if (p == NULL) {
        abort();
    }
    return p;
}

/* An exact-size heap copy of data[0..n). */
static inline uint8_t *fuzz_copy(const uint8_t *data, size_t n)
{
    uint8_t *p = fuzz_alloc(n);
    if (n > 0) {
        memcpy(p, data, n);
    }
    return p;
}

#endif
