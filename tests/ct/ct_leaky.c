/* ct_leaky.c — proof that the check can fail: two deliberately leaky routines, built like the
 * library and run like ct_verify, which memcheck must flag. `ct_leaky branch`: a memcmp-style
 * compare that returns at the first difference (a branch on secret data). `ct_leaky index`: a
 * table lookup at a secret index (a secret-dependent address: cache timing). Each run is EXPECTED
 * TO FAIL under valgrind --error-exitcode=1; scripts/hardening.sh fails if either one passes. */
#include <stdint.h>
#include <string.h>

#include "ctgrind.h"

static int leaky_compare(const uint8_t *a, const uint8_t *b, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++) {
        if (a[i] != b[i]) {
            return -1;
        }
    }
    return 0;
}

static const uint8_t table[256] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

static unsigned leaky_lookup(const uint8_t *s, size_t len)
{
    unsigned acc = 0;
    size_t i;
    for (i = 0; i < len; i++) {
        acc += table[s[i]];
    }
    return acc;
}

/* Called through pointers so the compiler cannot fold the work away at build time. */
static int (*volatile compare_p)(const uint8_t *, const uint8_t *, size_t) = leaky_compare;
static unsigned (*volatile lookup_p)(const uint8_t *, size_t) = leaky_lookup;

int main(int argc, char **argv)
{
    uint8_t a[32], b[32];
    int r;
    unsigned acc;

    ct_require_valgrind("ct_leaky");
    memset(a, 0x5A, sizeof a);
    memcpy(b, a, sizeof b);
    b[31] ^= 1;
    CT_SECRET(a, sizeof a);
    CT_SECRET(b, sizeof b);
    if (argc > 1 && strcmp(argv[1], "index") == 0) {
        acc = lookup_p(a, sizeof a);
        CT_PUBLIC(&acc, sizeof acc);
        printf("ct_leaky index: %u (memcheck must have reported a secret-dependent address)\n", acc);
    } else {
        r = compare_p(a, b, sizeof a);
        CT_PUBLIC(&r, sizeof r);
        printf("ct_leaky branch: %d (memcheck must have reported a secret-dependent branch)\n", r);
    }
    return 0;
}
