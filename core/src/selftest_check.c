/* selftest_check.c — the check module's known answers (jsk_self_test_check): the analyzer's
 * verdicts on a known weak secret and on a random one. */
#include "selftest_internal.h"

/* The documented example secret of jwt.io is weak; a random one is strong (both HS256, raw). */
static int check_analyzer(const jsk_dict *dict, const char *fresh, jsk_report *r)
{
    static const char *const weak = "your-256-bit-secret";
    if (jsk_check(r, JSK_ALG_HS256, dict, (const uint8_t *)weak, strlen(weak), JSK_ENCODING_RAW) != JSK_OK ||
        r->verdict != JSK_VERDICT_WEAK ||
        jsk_check(r, JSK_ALG_HS256, dict, (const uint8_t *)fresh, 43, JSK_ENCODING_RAW) != JSK_OK ||
        r->verdict != JSK_VERDICT_STRONG) {
        return FAIL;
    }
    return 0;
}

int jsk_self_test_check(const jsk_dict *dict)
{
    /* 32 random bytes (node:crypto randomBytes) as base64url, drawn once for this test: the check
     * module carries no generator, and a random key is strong whoever drew it. */
    static const char *const random_key = "_TbSPsDXRVrlsUEKyGlad2h32GFAeQrOaF3oA5nCzYo";
    jsk_report report;
    int rc = dict == NULL ? FAIL : check_analyzer(dict, random_key, &report);

    jsk_wipe(&report, sizeof report);
    return outcome(rc);
}

