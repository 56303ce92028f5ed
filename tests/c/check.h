/* check.h — the smallest test harness: CHECK() records a failure with its line, main() returns it. */
#ifndef JSK_CHECK_H
#define JSK_CHECK_H

#include <stdio.h>

static int check_failures = 0;
static int check_count = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        check_count++;                                                               \
        if (!(cond)) {                                                               \
            check_failures++;                                                        \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define CHECK_RC(expr, want)                                                                           \
    do {                                                                                               \
        int rc_ = (expr);                                                                              \
        check_count++;                                                                                 \
        if (rc_ != (want)) {                                                                           \
            check_failures++;                                                                          \
            fprintf(stderr, "%s:%d: %s returned %d (%s), expected %d\n", __FILE__, __LINE__, #expr, rc_, \
                    jsk_error_code(rc_), (int)(want));                                                 \
        }                                                                                              \
    } while (0)

static int check_report(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures == 0 ? 0 : 1;
}

#endif
