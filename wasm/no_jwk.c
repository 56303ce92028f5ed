/* no_jwk.c — the generate module's JWK: not there. The module leaves out SHA-256 and the JWK code
 * (about 1.5 KB gzipped of a module of five), so jsk_secret() with JSK_FORMAT_JWK answers
 * JSK_ERR_NOT_IN_MODULE there; the JS layer then makes the secret's bytes here and its JWK in the
 * jwt module, where that module is loaded (wasm/api/generate.mjs). Linked before the core's
 * archive, so the archive's jwk.c is never pulled in. */
#include "jsk.h"

size_t jsk_jwk_len(size_t key_len)
{
    (void)key_len;
    return 1;
}

int jsk_jwk(char *out, size_t out_maxlen, size_t *out_len, int alg, const uint8_t *key, size_t key_len)
{
    (void)out;
    (void)out_maxlen;
    (void)alg;
    (void)key;
    (void)key_len;
    if (out_len != NULL) {
        *out_len = 0;
    }
    return JSK_ERR_NOT_IN_MODULE;
}
