/* test_dotenv.c — the .env reader (jsk_dotenv_*): hand cases for every way the old readers
 * disagreed with the dotenv package (each expectation was checked against dotenv 18.0.10's parse()),
 * the iterator's contract (every assignment in order, the __proto__ flag, a too-small buffer that
 * does not advance), no limits on names or variables, and linear time on 4 MiB hostile inputs (timed against 4 MiB of plain lines). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "jsk.h"

#define MAX_PAIRS 4

typedef struct dcase {
    const char *in;
    const char *pairs[MAX_PAIRS * 2 + 1]; /* name, value, name, value, ..., NULL: every assignment */
} dcase;

static const dcase cases[] = {
    /* plain, spaces around, names with . and - */
    {"A=1", {"A", "1", NULL}},
    {"A = b c  ", {"A", "b c", NULL}},
    {"A.b-c_1=x\nB=y", {"A.b-c_1", "x", "B", "y", NULL}},
    /* a BOM is JS white space */
    {"\xEF\xBB\xBF" "A=1", {"A", "1", NULL}},
    {"\xEF\xBB\xBF\xEF\xBB\xBF  A=1", {"A", "1", NULL}},
    /* Unicode white space around names and values: NBSP, U+3000, U+2028 */
    {"\xC2\xA0" "A\xC2\xA0=\xC2\xA0v\xE3\x80\x80", {"A", "v", NULL}},
    {"A=1\xE2\x80\xA8" "B=2", {"A", "1\xE2\x80\xA8" "B=2", NULL}}, /* [^#\r\n] runs over U+2028 */
    {"A=\xE2\x80\xA8" "B=2", {"A", "B=2", NULL}},
    {"A='x'\xE2\x80\xA8'y'", {"A", "x", NULL}},
    {"\xE2\x80\xA9" "A=1", {"A", "1", NULL}},
    /* invalid UTF-8 becomes U+FFFD, one per maximal subpart (WHATWG) */
    {"A=\xE2\x82x\xFF", {"A", "\xEF\xBF\xBDx\xEF\xBF\xBD", NULL}},
    {"A=\xED\xA0\x80", {"A", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", NULL}},
    {"A=\xF0\x90\x80", {"A", "\xEF\xBF\xBD", NULL}},
    {"A=\xC0\xAF", {"A", "\xEF\xBF\xBD\xEF\xBF\xBD", NULL}},
    {"A=\xF0\x9F\x98\x80", {"A", "\xF0\x9F\x98\x80", NULL}},
    /* line ends: CRLF, lone CR */
    {"A=1\r\nB=2\rC=3\r", {"A", "1", "B", "2", "C", "3", NULL}},
    /* KEY= with the (quoted) value on the next line; KEY= then an unquoted line is empty */
    {"A=\n'quoted'", {"A", "quoted", NULL}},
    {"A=\n 'x'", {"A", "x", NULL}},
    {"A=\n\nB=2", {"A", "", "B", "2", NULL}},
    /* separators */
    {"A\n=1", {"A", "1", NULL}},
    {"A: value", {"A", "value", NULL}},
    {"A:value", {NULL}},
    {"A : value", {NULL}},
    {"A:\n foo", {"A", "foo", NULL}},
    {"A: \nfoo", {"A", "", NULL}},
    /* export */
    {"export A=1", {"A", "1", NULL}},
    {"export\nA=1", {"A", "1", NULL}},
    {"export =1", {"export", "1", NULL}},
    {"exportA=1", {"exportA", "1", NULL}},
    {"export A", {NULL}},
    /* text after a closing quote, unterminated quotes */
    {"A='x' y", {"A", "'x' y", NULL}},
    {"A='x\nB=2", {"A", "'x", "B", "2", NULL}},
    {"A=\"a\\nb", {"A", "\"a\nb", NULL}}, /* began with '"': escapes expand though unterminated */
    /* a backslash before the closing quote, the same quote inside */
    {"A=\"x\\\"", {"A", "x\\", NULL}},
    {"A=\"x\\\"\nB=2\"", {"A", "x\\\"\nB=2", NULL}},
    {"A='it's'", {"A", "it's", NULL}},
    {"A='a\\'b'", {"A", "a\\'b", NULL}},
    {"A='a\\' # c' x", {"A", "a\\", NULL}},
    {"A=\"x\\\" # c", {"A", "x\\", NULL}},
    /* escapes only in double quotes */
    {"A=\"a\\nb\\rc\\\\n\"", {"A", "a\nb\rc\\\n", NULL}},
    {"A='a\\nb'", {"A", "a\\nb", NULL}},
    {"A=`a\\nb`", {"A", "a\\nb", NULL}},
    /* multi-line values */
    {"A=\"l1\nl2\"\nB=3", {"A", "l1\nl2", "B", "3", NULL}},
    {"A=\"l1\r\nl2\"", {"A", "l1\nl2", NULL}},
    /* comments, empty values, = and # */
    {"A= # c", {"A", "", NULL}},
    {"A=#x", {"A", "", NULL}},
    {"A=", {"A", "", NULL}},
    {"A=`x`#c", {"A", "x", NULL}},
    {"A=\"x\" # c \"y\"", {"A", "x", NULL}},
    {"A=b=c#d", {"A", "b=c", NULL}},
    {"A=\"b#c\"", {"A", "b#c", NULL}},
    {"#A=1\n  # B=2\nC=3", {"C", "3", NULL}},
    /* duplicates: every assignment, in order */
    {"A=1\nA=2\nB=3\nA=4", {"A", "1", "A", "2", "B", "3", "A", "4", NULL}},
    /* garbage lines and no final newline */
    {"not a line\nA=1\n=2\n", {"A", "1", NULL}},
    {"", {NULL}},
    {"\n\n  \n", {NULL}},
};

static int pair_count(const dcase *c)
{
    int n = 0;
    while (c->pairs[n * 2] != NULL) {
        n++;
    }
    return n;
}

static void test_cases(void)
{
    static uint8_t value[1024];
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const dcase *c = &cases[i];
        const uint8_t *text = (const uint8_t *)c->in;
        size_t len = strlen(c->in), name_off, name_len, value_len;
        unsigned flags;
        jsk_dotenv it;
        int k, n = pair_count(c), rc = 0;

        CHECK_RC(jsk_dotenv_init(&it, text, len), JSK_OK);
        for (k = 0; k < n; k++) {
            const char *want_name = c->pairs[k * 2], *want_value = c->pairs[k * 2 + 1];
            rc = jsk_dotenv_next(&it, &name_off, &name_len, value, sizeof value, &value_len, &flags);
            CHECK(rc == 1);
            if (rc != 1) {
                fprintf(stderr, "  case %zu: assignment %d missing\n", i, k);
                break;
            }
            if (name_len != strlen(want_name) || memcmp(text + name_off, want_name, name_len) != 0 ||
                value_len != strlen(want_value) || memcmp(value, want_value, value_len) != 0 || value[value_len] != 0) {
                CHECK(0);
                fprintf(stderr, "  case %zu: assignment %d is %.*s=[%.*s]\n", i, k, (int)name_len,
                        (const char *)text + name_off, (int)value_len, (const char *)value);
            }
            CHECK(flags == 0);
        }
        if (rc >= 0) {
            rc = jsk_dotenv_next(&it, &name_off, &name_len, value, sizeof value, &value_len, &flags);
            CHECK(rc == 0);
            if (rc != 0) {
                fprintf(stderr, "  case %zu: extra assignment %.*s=[%.*s]\n", i, (int)name_len,
                        (const char *)text + name_off, (int)value_len, (const char *)value);
            }
            CHECK(jsk_dotenv_next(&it, &name_off, &name_len, value, sizeof value, &value_len, &flags) == 0);
        }
    }
}

static void test_proto(void)
{
    static const char in[] = "__proto__=x\nconstructor=y\n__proto__=z";
    uint8_t value[16];
    size_t off, n, vlen;
    unsigned flags = 99;
    jsk_dotenv it;

    CHECK_RC(jsk_dotenv_init(&it, (const uint8_t *)in, sizeof in - 1), JSK_OK);
    CHECK(jsk_dotenv_next(&it, &off, &n, value, sizeof value, &vlen, &flags) == 1);
    CHECK(n == 9 && flags == JSK_DOTENV_IGNORED && vlen == 1 && value[0] == 'x');
    CHECK(jsk_dotenv_next(&it, &off, &n, value, sizeof value, &vlen, &flags) == 1);
    CHECK(n == 11 && flags == 0); /* an ordinary own property in JS */
    CHECK(jsk_dotenv_next(&it, &off, &n, value, sizeof value, &vlen, NULL) == 1);
    CHECK(n == 9 && vlen == 1 && value[0] == 'z');
    CHECK(jsk_dotenv_next(&it, &off, &n, value, sizeof value, &vlen, &flags) == 0);
}

static void test_buffer_too_small(void)
{
    static const char in[] = "junk\nA=\xFF\xFF\nB=2";
    uint8_t value[8];
    size_t off = 9, n = 9, vlen = 9, i;
    jsk_dotenv it;

    CHECK_RC(jsk_dotenv_init(&it, (const uint8_t *)in, sizeof in - 1), JSK_OK);
    CHECK_RC(jsk_dotenv_next(&it, &off, &n, NULL, 0, &vlen, NULL), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK(vlen == 6 && off == 0 && n == 0);
    memset(value, 0x55, sizeof value);
    CHECK_RC(jsk_dotenv_next(&it, &off, &n, value, 6, &vlen, NULL), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK(vlen == 6);
    for (i = 0; i < 6; i++) {
        CHECK(value[i] == 0); /* wiped */
    }
    CHECK(jsk_dotenv_next(&it, &off, &n, value, 7, &vlen, NULL) == 1); /* the same assignment */
    CHECK(off == 5 && n == 1 && vlen == 6 && memcmp(value, "\xEF\xBF\xBD\xEF\xBF\xBD", 7) == 0);
    CHECK(jsk_dotenv_next(&it, &off, &n, value, 2, &vlen, NULL) == 1);
    CHECK(off == 10 && vlen == 1 && value[0] == '2' && value[1] == 0);
    CHECK(jsk_dotenv_next(&it, &off, &n, value, 2, &vlen, NULL) == 0);
}

static void test_arguments(void)
{
    uint8_t value[4];
    size_t off, n, vlen;
    jsk_dotenv it;

    CHECK_RC(jsk_dotenv_init(NULL, (const uint8_t *)"", 0), JSK_ERR_INVALID_ARGUMENT);
    CHECK_RC(jsk_dotenv_init(&it, NULL, 1), JSK_ERR_INVALID_ARGUMENT);
    CHECK_RC(jsk_dotenv_init(&it, NULL, 0), JSK_OK);
    CHECK(jsk_dotenv_next(&it, &off, &n, value, sizeof value, &vlen, NULL) == 0);
    CHECK_RC(jsk_dotenv_next(&it, NULL, &n, value, sizeof value, &vlen, NULL), JSK_ERR_INVALID_ARGUMENT);
    CHECK_RC(jsk_dotenv_next(&it, &off, &n, NULL, 4, &vlen, NULL), JSK_ERR_INVALID_ARGUMENT);
    CHECK(jsk_dotenv_value_len_max(0) == JSK_DOTENV_VALUE_LEN_MAX(0));
    CHECK(jsk_dotenv_value_len_max(12345) == JSK_DOTENV_VALUE_LEN_MAX(12345));
    CHECK(jsk_dotenv_value_len_max(SIZE_MAX / 2) == SIZE_MAX);
    CHECK(jsk_dotenv_sizeof() == sizeof(jsk_dotenv));
}

/* No limit on name length or on the number of variables (the old reader stopped at 128 and 1024). */
static void test_no_limits(void)
{
    size_t cap = 3000 * 16 + 5000 + 16, len = 0, off, n, vlen, count = 0, i, last_off = 0;
    char *text = malloc(cap);
    uint8_t value[64];
    jsk_dotenv it;
    int rc;

    if (text == NULL) {
        CHECK(0);
        return;
    }
    memset(text, 'N', 5000);
    memcpy(text + 5000, "=long\n", 6);
    len = 5006;
    for (i = 0; i < 3000; i++) {
        len += (size_t)snprintf(text + len, cap - len, "V%zu=%zu\n", i, i);
    }
    CHECK_RC(jsk_dotenv_init(&it, (const uint8_t *)text, len), JSK_OK);
    CHECK(jsk_dotenv_next(&it, &off, &n, value, sizeof value, &vlen, NULL) == 1);
    CHECK(off == 0 && n == 5000 && vlen == 4 && memcmp(value, "long", 4) == 0);
    while ((rc = jsk_dotenv_next(&it, &off, &n, value, sizeof value, &vlen, NULL)) == 1) {
        count++;
        last_off = off;
        CHECK(vlen > 0 && n == vlen + 1 && memcmp(text + off + 1, value, vlen) == 0);
    }
    CHECK(rc == 0 && count == 3000);
    CHECK(memcmp(text + last_off, "V2999=", 6) == 0);
    free(text);
}

/* Fills text with prefix then copies of rep up to size bytes; returns the length. */
static size_t fill(uint8_t *text, size_t size, const char *prefix, const char *rep)
{
    size_t p = strlen(prefix), plen = strlen(rep);
    memcpy(text, prefix, p);
    for (; p + plen <= size; p += plen) {
        memcpy(text + p, rep, plen);
    }
    return p;
}

/* Reads text[0..len) to the end; returns the CPU seconds it took. */
static double read_all(const uint8_t *text, size_t len, uint8_t *value, size_t cap, size_t *count)
{
    size_t off, n, vlen;
    clock_t t0 = clock();
    jsk_dotenv it;
    int rc;

    *count = 0;
    CHECK_RC(jsk_dotenv_init(&it, text, len), JSK_OK);
    while ((rc = jsk_dotenv_next(&it, &off, &n, value, cap, &vlen, NULL)) == 1) {
        (*count)++;
    }
    CHECK(rc == 0);
    return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

/* 4 MiB of content that makes dotenv's regex backtrack (or an emulation re-scan) must be read in
 * time linear in its size: each must take less than 50 times as long as 4 MiB of plain "A=1"
 * lines (a ratio, so it also holds under valgrind and the sanitizers; a quadratic reader would
 * take about a million times as long). */
static void test_linear_time(void)
{
    static const char *const patterns[][2] = {
        /* prefix, then the repeated part */
        {"", " "},                 /* one 4 MiB run of white space and no name */
        {"", "\n"},                /* 4 MiB of empty lines */
        {"", "A"},                 /* one huge name, no separator */
        {"", "A "},                /* names separated by spaces, never a separator */
        {"", "A \n"},              /* a name and white space on every line: each fails at the next */
        {"", "export\n"},          /* export, a name on the next line, and so on, never a separator */
        {"", "export "},
        {"", "export A\n"},
        {"A='", "\\'"},            /* escaped quotes, never a closing one */
        {"A='", "\\' x"},          /* each escaped quote a candidate whose tail fails */
        {"A='", "\\'   #"},        /* each escaped quote a candidate whose tail matches */
        {"A='", "\\'\n"},
        {"", "A='\\'\n"},          /* every line opens a quote that closes on the next line */
        {"", "A=\"x\n"},           /* unterminated double quotes, one per line */
        {"", "A=\xE2\x80\xA8"},    /* U+2028 after = on every line: one value spans the file */
        {"", "A= '"},
        {"", "A: \n"},
        {"A", "="},
        {"", "#"},
        {"", "\xFF"},
        {"", "\xE2\x82"},
    };
    size_t size = 4U << 20, cap = JSK_DOTENV_VALUE_LEN_MAX(4U << 20), len, k, count;
    uint8_t *text = malloc(size), *value = malloc(cap);
    double base, secs;

    if (text == NULL || value == NULL) {
        CHECK(0);
        free(text);
        free(value);
        return;
    }
    len = fill(text, size, "", "A=1\n");
    base = read_all(text, len, value, cap, &count);
    CHECK(count == size / 4);
    for (k = 0; k < sizeof patterns / sizeof patterns[0]; k++) {
        len = fill(text, size, patterns[k][0], patterns[k][1]);
        secs = read_all(text, len, value, cap, &count);
        CHECK(secs < 50.0 * base + 0.05);
        if (secs >= 50.0 * base + 0.05 || getenv("DOTENV_TIMES") != NULL) {
            fprintf(stderr, "  pattern %zu: %.3f s (4 MiB of A=1 lines: %.3f s), %zu assignments\n", k, secs,
                    base, count);
        }
    }
    free(text);
    free(value);
}

int main(void)
{
    test_cases();
    test_proto();
    test_buffer_too_small();
    test_arguments();
    test_no_limits();
    test_linear_time();
    return check_report("dotenv");
}
