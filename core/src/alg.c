/* alg.c — the HS* algorithms by name and their key sizes (RFC 7518 §3.2: key >= hash output). */
#include <string.h>

#include "jsk.h"

static const struct {
    const char *name;
    size_t key_bytes;
} algs[] = {
    {NULL, 0},
    {"HS256", JSK_HS256_KEY_BYTES},
    {"HS384", JSK_HS384_KEY_BYTES},
    {"HS512", JSK_HS512_KEY_BYTES},
};

size_t jsk_alg_key_bytes(int alg)
{
    return (alg >= JSK_ALG_HS256 && alg <= JSK_ALG_HS512) ? algs[alg].key_bytes : 0;
}

const char *jsk_alg_name(int alg)
{
    return (alg >= JSK_ALG_HS256 && alg <= JSK_ALG_HS512) ? algs[alg].name : NULL;
}

int jsk_alg_from_name(const char *name, size_t name_len)
{
    int alg;

    if (name == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    for (alg = JSK_ALG_HS256; alg <= JSK_ALG_HS512; alg++) {
        if (name_len == strlen(algs[alg].name) && memcmp(name, algs[alg].name, name_len) == 0) {
            return alg;
        }
    }
    return JSK_ERR_UNKNOWN_ALG;
}
