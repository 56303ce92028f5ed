/* selftest.c — jsk_self_test(): known answers for what every front end relies on, so a miscompiled
 * or broken build (a wrong optimiser, a 32-bit size_t slip) refuses to work instead of handing out
 * wrong secrets or verdicts. Each step returns 0 or -1; only the generator's NO_ENTROPY passes
 * through, because a missing CSPRNG is the platform's fault, not the build's. The parts live in
 * selftest_<module>.c, one file per WASM module, so that each module links only its own part (and
 * its error table holds only its own codes: scripts/error-tables.mjs). */
#include "jsk.h"

int jsk_self_test(const jsk_dict *dict)
{
    int rc = jsk_self_test_generate();

    if (rc == JSK_OK) {
        rc = jsk_self_test_codecs();
    }
    if (rc == JSK_OK) {
        rc = jsk_self_test_jwt();
    }
    if (rc == JSK_OK) {
        rc = jsk_self_test_audit();
    }
    if (rc == JSK_OK && dict != NULL) {
        rc = jsk_self_test_check(dict);
    }
    return rc;
}
