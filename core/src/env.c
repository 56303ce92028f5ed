/* env.c — one "NAME=value" line for a .env file, quoted only when the value needs it. */
#include <string.h>

#include "jsk.h"

int jsk_env_name_check(const char *name, size_t name_len)
{
    size_t i;

    if (name == NULL && name_len > 0) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (name_len == 0 || name_len > JSK_ENV_NAME_LEN_MAX) {
        return JSK_ERR_BAD_NAME;
    }
    for (i = 0; i < name_len; i++) {
        char c = name[i];
        int alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9')) {
            return JSK_ERR_BAD_NAME;
        }
    }
    return JSK_OK;
}

/* Characters no dotenv parser (Node's dotenv, python-dotenv, docker compose, shells) treats specially. */
static int bare_safe(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           (c != '\0' && strchr("_+/=.:@%,~-", c) != NULL);
}

int jsk_env_line(char *out, size_t out_maxlen, size_t *out_len, const char *name, size_t name_len,
                 const char *value, size_t value_len)
{
    size_t i, o = 0, need;
    int quote = 0, rc;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (out == NULL || (value == NULL && value_len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if ((rc = jsk_env_name_check(name, name_len)) != JSK_OK) {
        return rc;
    }
    if (value_len == 0 || value_len > JSK_ALPHABET_LENGTH_MAX * 2U) {
        return JSK_ERR_UNSAFE_VALUE;
    }
    for (i = 0; i < value_len; i++) {
        char c = value[i];
        if (bare_safe(c)) {
            continue;
        }
        if (c < '!' || c > '~' || c == '\'') {
            return JSK_ERR_UNSAFE_VALUE;
        }
        quote = 1;
    }
    need = name_len + 1U + value_len + (quote ? 2U : 0U) + 1U;
    if (out_maxlen < need) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    memcpy(out, name, name_len);
    o = name_len;
    out[o++] = '=';
    if (quote) {
        out[o++] = '\'';
    }
    memcpy(out + o, value, value_len);
    o += value_len;
    if (quote) {
        out[o++] = '\'';
    }
    out[o] = '\0';
    if (out_len != NULL) {
        *out_len = o;
    }
    return JSK_OK;
}
