/* fuzz_json.c — the strict JSON checker on any input: never a crash, deep nesting included (it is
 * iterative), only documented results, and consistent answers: an accepted object is accepted as
 * a value too, surrounding whitespace changes nothing, and an accepted text is a valid array
 * element (unless that crosses the nesting limit). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int any = jsk_json_check(data, size, 0);
    int obj = jsk_json_check(data, size, 1);

    FUZZ_ASSERT(any == JSK_OK || any == JSK_ERR_BAD_JSON || any == JSK_ERR_TOO_LARGE);
    FUZZ_ASSERT(obj == JSK_OK || obj == JSK_ERR_BAD_JSON || obj == JSK_ERR_TOO_LARGE);
    if (obj == JSK_OK) {
        FUZZ_ASSERT(any == JSK_OK);
    }
    if (any == JSK_OK) {
        size_t i = 0;
        uint8_t *wrapped = fuzz_alloc(size + 4);
        while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')) {
            i++;
        }
        FUZZ_ASSERT(i < size);
        FUZZ_ASSERT(data[i] == '{' || data[i] == '[' || data[i] == '"' || data[i] == '-' ||
                    (data[i] >= '0' && data[i] <= '9') || data[i] == 't' || data[i] == 'f' || data[i] == 'n');
        FUZZ_ASSERT(obj == JSK_OK || data[i] != '{');
        /* " \t" + text + "\r\n" */
        wrapped[0] = ' ';
        wrapped[1] = '\t';
        memcpy(wrapped + 2, data, size);
        wrapped[size + 2] = '\r';
        wrapped[size + 3] = '\n';
        FUZZ_ASSERT(jsk_json_check(wrapped, size + 4, 0) == JSK_OK);
        FUZZ_ASSERT(jsk_json_check(wrapped, size + 4, 1) == obj);
        /* "[" + text + "]": valid, or refused only for depth */
        wrapped[0] = '[';
        memcpy(wrapped + 1, data, size);
        wrapped[size + 1] = ']';
        {
            int rc = jsk_json_check(wrapped, size + 2, 0);
            FUZZ_ASSERT(rc == JSK_OK || rc == JSK_ERR_BAD_JSON);
            if (rc != JSK_OK) {
                /* only the nesting limit may refuse it: the text must already be 64 deep */
                int depth = 0, max = 0, in_str = 0;
                for (i = 0; i < size; i++) {
                    uint8_t c = data[i];
                    if (in_str) {
                        if (c == '\\') {
                            i++;
                        } else if (c == '"') {
                            in_str = 0;
                        }
                    } else if (c == '"') {
                        in_str = 1;
                    } else if (c == '[' || c == '{') {
                        if (++depth > max) {
                            max = depth;
                        }
                    } else if (c == ']' || c == '}') {
                        depth--;
                    }
                }
                FUZZ_ASSERT(max >= JSK_JSON_DEPTH_MAX);
            }
        }
        free(wrapped);
    }
    return 0;
}
