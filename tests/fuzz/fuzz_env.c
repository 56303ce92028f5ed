/* fuzz_env.c — one .env line from any name and value. The first byte is the name's length, then
 * the name, then the value. Checked against a reference of the documented rules: a name is
 * [A-Za-z_][A-Za-z0-9_]*, 1..128 characters; a value of [A-Za-z0-9_+/=.:@%,~-] is written bare,
 * other printable ASCII without a single quote is single-quoted, anything else (and the empty
 * value) is refused; name_len + value_len + 4 bytes are always enough, one less than needed is not. */
#include "fuzz.h"

static int ref_name(const uint8_t *s, size_t n)
{
    size_t i;
    if (n == 0 || n > JSK_ENV_NAME_LEN_MAX) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        uint8_t c = s[i];
        int alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9')) {
            return 0;
        }
    }
    return 1;
}

/* 1 bare, 2 quoted, 0 refused */
static int ref_value(const uint8_t *s, size_t n)
{
    size_t i;
    int quote = 0;
    if (n == 0 || n > 2U * JSK_ALPHABET_LENGTH_MAX) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        uint8_t c = s[i];
        int bare = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   (c != 0 && memchr("_+/=.:@%,~-", c, 11) != NULL);
        if (bare) {
            continue;
        }
        if (c < '!' || c > '~' || c == '\'') {
            return 0;
        }
        quote = 1;
    }
    return quote ? 2 : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t name_len, value_len, cap, out_len = 99, need;
    char *name, *value, *out;
    int rc, want_name, want_value;

    if (size == 0) {
        return 0;
    }
    name_len = data[0] % 140U;
    if (name_len > size - 1) {
        name_len = size - 1;
    }
    value_len = size - 1 - name_len;
    name = (char *)fuzz_copy(data + 1, name_len);
    value = (char *)fuzz_copy(data + 1 + name_len, value_len);
    want_name = ref_name((const uint8_t *)name, name_len);
    want_value = ref_value((const uint8_t *)value, value_len);

    FUZZ_ASSERT((jsk_env_name_check(name, name_len) == JSK_OK) == want_name);
    cap = name_len + value_len + 4U;
    out = fuzz_alloc(cap);
    rc = jsk_env_line(out, cap, &out_len, name, name_len, value, value_len);
    if (!want_name) {
        FUZZ_ASSERT(rc == JSK_ERR_BAD_NAME && out_len == 0);
    } else if (!want_value) {
        FUZZ_ASSERT(rc == JSK_ERR_UNSAFE_VALUE && out_len == 0);
    } else {
        size_t o = name_len + 1U;
        FUZZ_ASSERT(rc == JSK_OK);
        need = name_len + 1U + value_len + (want_value == 2 ? 2U : 0U);
        FUZZ_ASSERT(out_len == need && out[need] == '\0');
        FUZZ_ASSERT(memcmp(out, name, name_len) == 0 && out[name_len] == '=');
        if (want_value == 2) {
            FUZZ_ASSERT(out[o] == '\'' && out[need - 1] == '\'');
            o++;
        }
        FUZZ_ASSERT(memcmp(out + o, value, value_len) == 0);
        FUZZ_ASSERT(jsk_env_line(out, need, NULL, name, name_len, value, value_len) == JSK_ERR_BUFFER_TOO_SMALL);
    }
    free(out);
    free(name);
    free(value);
    return 0;
}
