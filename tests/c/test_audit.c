/* test_audit.c — the audit finds a token's secret among candidates, for every algorithm, every
 * lane position and batch split, long keys, CRLF lines and lines with spaces; and reports none
 * when it is absent. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "jsk.h"

static jsk_audit audit;

static void sign(char *token, size_t cap, int alg, const char *secret, size_t len)
{
    size_t n;
    /* jsk_jws_sign refuses short keys on purpose: weak tokens are built by hand. */
    {
        static const char *headers[] = {NULL, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9",
                                        "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9"};
        uint8_t tag[64];
        strcpy(token, headers[alg]);
        strcat(token, ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ");
        n = strlen(token);
        jsk_hmac(tag, sizeof tag, alg, (const uint8_t *)secret, len, (const uint8_t *)token, n);
        token[n++] = '.';
        jsk_base64_encode(token + n, cap - n, tag, jsk_alg_key_bytes(alg), JSK_BASE64_VARIANT_URLSAFE_NO_PADDING);
    }
}

static int find(const char *list, int final, size_t *off, size_t *len)
{
    size_t consumed;
    return jsk_audit_lines(&audit, off, len, &consumed, (const uint8_t *)list, strlen(list), final);
}

int main(void)
{
    char token[400], list[4000];
    size_t off, len, i;
    int alg;

    for (alg = JSK_ALG_HS256; alg <= JSK_ALG_HS512; alg++) {
        size_t pos;
        /* The secret at every position 0..9 of a list: every lane and the batch boundary. */
        sign(token, sizeof token, alg, "keyboard cat", 12);
        CHECK_RC(jsk_audit_init(&audit, token, strlen(token)), 0);
        for (pos = 0; pos < 10; pos++) {
            list[0] = '\0';
            for (i = 0; i < 10; i++) {
                strcat(list, i == pos ? "keyboard cat\n" : "not it\n");
            }
            audit.tried = 0;
            CHECK(find(list, 1, &off, &len) == 1);
            CHECK(len == 12 && memcmp(list + off, "keyboard cat", 12) == 0);
            CHECK(audit.tried == pos + 1);
        }
        audit.tried = 0;
        CHECK(find("a\nb\nc\nd\ne\nf\ng\n", 1, &off, &len) == 0);
        CHECK(audit.tried == 7);
        /* Lines taken exactly: the spaces are part of it, "\r\n" ends a line, no final newline. */
        sign(token, sizeof token, alg, " pass word ", 11);
        CHECK_RC(jsk_audit_init(&audit, token, strlen(token)), 0);
        CHECK(find("pass word\npass word \r\n pass word ", 1, &off, &len) == 1 && off == 22 && len == 11);
        CHECK(find("pass word\n pass word ", 0, &off, &len) == 0); /* the last line waits for more */
        CHECK(find("x\r\n pass word \r\ny", 1, &off, &len) == 1 && off == 3 && len == 11);
        /* Empty secret, and a key longer than a block (hashed first). */
        sign(token, sizeof token, alg, "", 0);
        CHECK_RC(jsk_audit_init(&audit, token, strlen(token)), 0);
        CHECK(find("a\n\nb\n", 1, &off, &len) == 1 && off == 2 && len == 0);
        memset(list, 'k', 300);
        sign(token, sizeof token, alg, list, 300);
        CHECK_RC(jsk_audit_init(&audit, token, strlen(token)), 0);
        list[300] = '\n';
        memcpy(list + 301, "abc\n", 5);
        memmove(list + 8, list, 306);
        memcpy(list, "a\nb\nc\nd\n", 8);
        CHECK(find(list, 1, &off, &len) == 1 && off == 8 && len == 300);
    }
    /* A refused token is refused here too. */
    CHECK_RC(jsk_audit_init(&audit, "eyJhbGciOiJub25lIn0.e30.", 24), JSK_ERR_ALG_NONE);
    CHECK_RC(jsk_audit_init(&audit, "a.b", 3), JSK_ERR_MALFORMED_TOKEN);
    return check_report("audit");
}
