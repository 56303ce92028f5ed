/* dotenv_dump.c — the .env reader's result for each file named on the command line, one JSON line
 * per file: {"file":"PATH","assignments":N,"vars":{"NAME":"HEX",...}} with the variables as dotenv's
 * parse() returns them (the last assignment of a name wins, JSK_DOTENV_IGNORED ones are dropped)
 * and each value as lowercase hex of its UTF-8 bytes. A test helper for tests/node/dotenv.test.mjs,
 * built natively and never installed. Exit 2 when a file cannot be read or the reader fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsk.h"

typedef struct entry {
    size_t name_off, name_len, value_off, value_len, order;
} entry;

static const uint8_t *sort_text;

static int by_name_then_order(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    size_t n = x->name_len < y->name_len ? x->name_len : y->name_len;
    int c = memcmp(sort_text + x->name_off, sort_text + y->name_off, n);
    if (c != 0) {
        return c;
    }
    if (x->name_len != y->name_len) {
        return x->name_len < y->name_len ? -1 : 1;
    }
    return x->order < y->order ? -1 : x->order > y->order ? 1 : 0;
}

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf = NULL;
    size_t cap = 0, n = 0, got;

    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            uint8_t *bigger;
            cap = cap ? cap * 2 : 65536;
            bigger = realloc(buf, cap);
            if (bigger == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = bigger;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static int dump(const char *path)
{
    size_t len = 0, cap, used = 0, count = 0, room = 0, i, k, name_off, name_len, value_len;
    uint8_t *text = read_file(path, &len), *values = NULL;
    entry *entries = NULL;
    unsigned flags;
    jsk_dotenv it;
    int rc, first = 1;

    if (text == NULL) {
        fprintf(stderr, "dotenv_dump: cannot read %s\n", path);
        return 2;
    }
    /* Room for one more value of the largest possible size before each call, doubling. */
    cap = jsk_dotenv_value_len_max(len);
    values = malloc(cap);
    if (values == NULL || jsk_dotenv_init(&it, text, len) != JSK_OK) {
        return 2;
    }
    for (;;) {
        if (cap - used < jsk_dotenv_value_len_max(len)) {
            uint8_t *bigger;
            cap = cap * 2 > used + jsk_dotenv_value_len_max(len) ? cap * 2 : used + jsk_dotenv_value_len_max(len);
            bigger = realloc(values, cap);
            if (bigger == NULL) {
                return 2;
            }
            values = bigger;
        }
        rc = jsk_dotenv_next(&it, &name_off, &name_len, values + used, cap - used, &value_len, &flags);
        if (rc == 0) {
            break;
        }
        if (rc != 1) {
            fprintf(stderr, "dotenv_dump: %s: %s\n", path, jsk_strerror(rc));
            return 2;
        }
        if (count == room) {
            entry *bigger;
            room = room ? room * 2 : 64;
            bigger = realloc(entries, room * sizeof *entries);
            if (bigger == NULL) {
                return 2;
            }
            entries = bigger;
        }
        entries[count].name_off = name_off;
        entries[count].name_len = name_len;
        entries[count].value_off = used;
        entries[count].value_len = value_len;
        entries[count].order = count;
        if (flags & JSK_DOTENV_IGNORED) {
            entries[count].name_len = 0; /* marks it dropped */
        }
        count++;
        used += value_len + 1;
    }
    sort_text = text;
    if (count > 0) {
        qsort(entries, count, sizeof *entries, by_name_then_order);
    }
    printf("{\"file\":\"%s\",\"assignments\":%zu,\"vars\":{", path, count);
    for (i = 0; i < count; i++) {
        const entry *e = &entries[i];
        if (e->name_len == 0 || (i + 1 < count && entries[i + 1].name_len == e->name_len &&
                                 memcmp(text + entries[i + 1].name_off, text + e->name_off, e->name_len) == 0)) {
            continue; /* dropped, or a later assignment of the same name wins */
        }
        printf("%s\"%.*s\":\"", first ? "" : ",", (int)e->name_len, (const char *)text + e->name_off);
        for (k = 0; k < e->value_len; k++) {
            printf("%02x", values[e->value_off + k]);
        }
        putchar('"');
        first = 0;
    }
    printf("}}\n");
    free(entries);
    free(values);
    free(text);
    return 0;
}

int main(int argc, char **argv)
{
    int i, rc = 0;
    for (i = 1; i < argc; i++) {
        if (dump(argv[i]) != 0) {
            rc = 2;
        }
    }
    return rc;
}
