/* policy-dump.c — prints the core's policy document (jsk_policy_json) for scripts/gen-policy.mjs,
 * which generates the JS API's constants, its TypeScript unions and the page's limits from it.
 * Built with Emscripten for Node next to the WASM modules (a build tool, not shipped). */
#include <stdio.h>

#include "jsk.h"

int main(void)
{
    static char out[JSK_POLICY_JSON_LEN_MAX];
    size_t n;
    int rc = jsk_policy_json(out, sizeof out, &n);
    if (rc != JSK_OK) {
        fprintf(stderr, "policy-dump: %s (%s)\n", jsk_strerror(rc), jsk_error_code(rc));
        return 1;
    }
    puts(out);
    return 0;
}
