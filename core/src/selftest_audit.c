/* selftest_audit.c — the audit module's known answers (jsk_self_test_audit): each algorithm's
 * pinned token found on a list that holds its key, and only there. */
#include "selftest_internal.h"

/* For each algorithm, a token pinned from node:crypto (createHmac over base64url of
 * {"alg":ALG,"typ":"JWT"} and {"sub":"self-test"}, key "0123456789abcdef" four times) is found by
 * the audit on the second line of a list, and not on a list without its key. */
static int check_audit(jsk_audit *audit)
{
    static const char *const tokens[3] = {
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzZWxmLXRlc3QifQ."
        "OksJ8RWqXw4s1FA8pR1e31aFfr6qnvMZHCaQA_Zw4eY",
        "eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzZWxmLXRlc3QifQ."
        "V04CrsLH5sZzB9c5Z7iphEWAriopSG7axu9R75v2CccLiJRmz87MNJqj1U6bAv7Y",
        "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzZWxmLXRlc3QifQ."
        "yq6Fbs-tFRLysNXi3V8ZSWoJXj7r8n0pzgN-Sw3sBREsWdyfrmL_K7JT6vgTZmO0Rm2SX9m2x8rgIHs9gyJ7XQ",
    };
    static const uint8_t lines[] = "not-it\n0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";
    size_t at, len, used, i;

    for (i = 0; i < 3; i++) {
        if (jsk_audit_init(audit, tokens[i], strlen(tokens[i])) != JSK_OK || audit->alg != (int)i + JSK_ALG_HS256 ||
            jsk_audit_lines(audit, &at, &len, &used, lines, 7, 1) != 0 ||
            jsk_audit_lines(audit, &at, &len, &used, lines, sizeof lines - 1, 1) != 1 || at != 7 || len != 64 ||
            audit->tried != 3) {
            return FAIL;
        }
    }
    return 0;
}

int jsk_self_test_audit(void)
{
    jsk_audit audit; /* about 42 KB of public data (a token's schedules) */
    int rc = check_audit(&audit);

    jsk_wipe(&audit, sizeof audit);
    return outcome(rc);
}

