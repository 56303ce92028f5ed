/* ctgrind.h — ctgrind-style constant-time checks (Adam Langley's ctgrind, with memcheck's own client
 * requests): secret bytes are marked undefined, so memcheck reports every conditional jump and
 * every memory address that depends on them. A result that may be public is marked defined again
 * (declassified) before it is looked at. Run the programs under
 *   valgrind --error-exitcode=1 PROGRAM
 * Outside valgrind the marks do nothing, so the programs refuse to run there. */
#ifndef JSK_CT_CHECK_H
#define JSK_CT_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <valgrind/memcheck.h>

#define CT_SECRET(p, n) VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#define CT_PUBLIC(p, n) VALGRIND_MAKE_MEM_DEFINED((p), (n))

/* 1 when some bit of p[0..n) is still secret (undefined), read without reporting an error: proof
 * that the marks reached the code under test, so a clean run is not a vacuous one. */
static inline int ct_is_secret(const void *p, size_t n)
{
    const unsigned char *q = p;
    unsigned char vbits[256];
    size_t done, i, chunk;
    for (done = 0; done < n; done += chunk) {
        chunk = n - done < sizeof vbits ? n - done : sizeof vbits;
        if (VALGRIND_GET_VBITS(q + done, vbits, chunk) != 1) {
            return 0;
        }
        for (i = 0; i < chunk; i++) {
            if (vbits[i] != 0) {
                return 1;
            }
        }
    }
    return 0;
}

static inline void ct_require_valgrind(const char *name)
{
    if (!RUNNING_ON_VALGRIND) {
        fprintf(stderr, "%s: run me under valgrind (valgrind --error-exitcode=1 %s): the check means nothing outside it\n",
                name, name);
        exit(2);
    }
}

#endif
