/* selftest_internal.h — what the parts of the self-test share (selftest_*.c: one file per WASM
 * module's part, so that a module links only its own known answers and what they call). */
#ifndef JSK_SELFTEST_INTERNAL_H
#define JSK_SELFTEST_INTERNAL_H

#include <string.h>

#include "jsk.h"

#define FAIL (-1)

static inline int same(const char *got, size_t got_len, const char *want)
{
    return got_len == strlen(want) && memcmp(got, want, got_len) == 0;
}

/* A wrong answer is JSK_ERR_SELF_TEST; only a missing CSPRNG passes through as itself. */
static inline int outcome(int rc)
{
    return rc == JSK_OK || rc == JSK_ERR_NO_ENTROPY ? rc : JSK_ERR_SELF_TEST;
}

#endif
