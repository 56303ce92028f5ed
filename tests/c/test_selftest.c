/* test_selftest.c — jsk_self_test() passes with and without the analyzer, repeatedly, and quickly;
 * its error has a stable name and message. (That each known answer would catch a wrong one is the
 * job of the other tests, which hold the same vectors and more.) */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "jsk.h"

/* Mean CPU milliseconds of one jsk_self_test(dict) over runs calls; -1 when one fails. */
static double mean_ms(const jsk_dict *dict, int runs)
{
    clock_t t0 = clock();
    int i;
    for (i = 0; i < runs; i++) {
        if (jsk_self_test(dict) != JSK_OK) {
            return -1.0;
        }
    }
    return (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC / runs;
}

int main(void)
{
    size_t size = jsk_dict_workspace_len();
    void *ws = malloc(size);
    jsk_dict dict;
    double without, with;

    CHECK(ws != NULL);
    CHECK_RC(jsk_self_test(NULL), JSK_OK);
    CHECK_RC(jsk_dict_init(&dict, ws, size), JSK_OK);
    CHECK_RC(jsk_self_test(&dict), JSK_OK);
    /* Each module's part on its own (the WASM modules run only theirs); the analyzer's part needs
     * its dictionary. */
    CHECK_RC(jsk_self_test_generate(), JSK_OK);
    CHECK_RC(jsk_self_test_codecs(), JSK_OK);
    CHECK_RC(jsk_self_test_jwt(), JSK_OK);
    CHECK_RC(jsk_self_test_audit(), JSK_OK);
    CHECK_RC(jsk_self_test_check(&dict), JSK_OK);
    CHECK_RC(jsk_self_test_check(NULL), JSK_ERR_SELF_TEST);

    without = mean_ms(NULL, 50);
    with = mean_ms(&dict, 50);
    printf("jsk_self_test: %.3f ms without the analyzer, %.3f ms with it (mean of 50; %u-bit size_t)\n", without, with,
           (unsigned)(sizeof(size_t) * 8));
    CHECK(without >= 0.0 && with >= 0.0);
    CHECK(with < 1000.0); /* a gross bound only: sanitizer and valgrind runs are far slower */

    CHECK(JSK_ERR_SELF_TEST >= JSK_ERROR_MIN && JSK_ERR_SELF_TEST < 0);
    CHECK(strcmp(jsk_error_code(JSK_ERR_SELF_TEST), "ERR_SELF_TEST") == 0);
    CHECK(strcmp(jsk_strerror(JSK_ERR_SELF_TEST), "unknown error") != 0);

    free(ws);
    return check_report("selftest");
}
