/* entropy.c — jsk_random_fill(): the project's one source of randomness, failing closed.
 * WebAssembly: the JS shim in wasm/entropy.js over crypto.getRandomValues() (<= 65536 bytes a call).
 * Native: getrandom() on Linux, getentropy() elsewhere (<= 256 bytes a call). Never a fallback. */
#include "jsk.h"

#if defined(__EMSCRIPTEN__)

/* Provided by wasm/entropy.js: fills [buf, buf+len) (len <= 65536), 0 on success, -1 without a CSPRNG. */
extern int jsk_js_random_fill(uint8_t *buf, size_t len);
#define CHUNK_MAX 65536U

static int fill_chunk(uint8_t *buf, size_t len) { return jsk_js_random_fill(buf, len) == 0 ? 0 : -1; }

#elif defined(__linux__)

#include <errno.h>
#include <sys/random.h>
#define CHUNK_MAX 65536U

static int fill_chunk(uint8_t *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = getrandom(buf, len, 0);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

#else

#include <unistd.h>
#if defined(__APPLE__)
#include <sys/random.h>
#endif
#define CHUNK_MAX 256U /* getentropy()'s limit */

static int fill_chunk(uint8_t *buf, size_t len) { return getentropy(buf, len) == 0 ? 0 : -1; }

#endif

int jsk_random_fill(uint8_t *buf, size_t len)
{
    size_t done = 0;

    if (buf == NULL && len > 0) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    while (done < len) {
        size_t n = len - done < CHUNK_MAX ? len - done : CHUNK_MAX;
        if (fill_chunk(buf + done, n) != 0) {
            jsk_wipe(buf, len);
            return JSK_ERR_NO_ENTROPY;
        }
        done += n;
    }
    return JSK_OK;
}
