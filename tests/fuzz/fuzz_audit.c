/* fuzz_audit.c — the audit's line reader and candidate loop (the wordlist path) on any input, against
 * fixed tokens signed with "secret" (HS256, HS384, HS512). The first byte picks the token and final;
 * the second where to cut the input into two calls; the rest is the candidate list.
 * Properties, checked against a plain reference (a line splitter and jsk_jws_verify per line):
 * the answer is the first line that signs the token, or none; *consumed and the found offset and
 * length stay inside the buffer and on line boundaries; `tried` counts the candidates; and feeding
 * the list in two calls (the first not final) gives the same answer as one call. */
#include "fuzz.h"

#define URL JSK_BASE64_VARIANT_URLSAFE_NO_PADDING

static jsk_audit audit;
static char tokens[3][256];
static size_t token_lens[3], signed_lens[3];
static uint8_t tags[3][JSK_HMAC_BYTES_MAX];

static void init_tokens(void)
{
    static const char header[3][32] = {"{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"alg\":\"HS384\",\"typ\":\"JWT\"}",
                                       "{\"alg\":\"HS512\",\"typ\":\"JWT\"}"};
    static const char payload[] = "{\"sub\":\"fuzz\",\"iat\":1700000000}";
    int i;
    if (token_lens[0] != 0) {
        return;
    }
    for (i = 0; i < 3; i++) {
        uint8_t tag[JSK_HMAC_BYTES_MAX];
        char *t = tokens[i];
        size_t o;
        FUZZ_ASSERT(jsk_base64_encode(t, 256, (const uint8_t *)header[i], strlen(header[i]), URL) == JSK_OK);
        o = strlen(t);
        t[o++] = '.';
        FUZZ_ASSERT(jsk_base64_encode(t + o, 256 - o, (const uint8_t *)payload, strlen(payload), URL) == JSK_OK);
        o += strlen(t + o);
        FUZZ_ASSERT(jsk_hmac(tag, sizeof tag, i + 1, (const uint8_t *)"secret", 6, (const uint8_t *)t, o) == JSK_OK);
        memcpy(tags[i], tag, sizeof tag);
        signed_lens[i] = o;
        t[o++] = '.';
        FUZZ_ASSERT(jsk_base64_encode(t + o, 256 - o, tag, jsk_alg_key_bytes(i + 1), URL) == JSK_OK);
        token_lens[i] = strlen(t);
    }
}

static int line_signs(int t, const uint8_t *key, size_t len)
{
    uint8_t tag[JSK_HMAC_BYTES_MAX];
    FUZZ_ASSERT(jsk_hmac(tag, sizeof tag, t + 1, key, len, (const uint8_t *)tokens[t], signed_lens[t]) == JSK_OK);
    return memcmp(tag, tags[t], jsk_alg_key_bytes(t + 1)) == 0;
}

typedef struct {
    int found;
    size_t offset, len, consumed;
    uint64_t tried;
} answer;

/* The reference: split into lines as documented, and sign the token's signing input with each one. */
static answer reference(int t, const uint8_t *buf, size_t n, int final)
{
    answer a = {0, 0, 0, 0, 0};
    size_t start = 0, i;
    for (i = 0; i <= n; i++) {
        size_t len, next;
        if (i < n && buf[i] == '\n') {
            len = i - start;
            if (len > 0 && buf[i - 1] == '\r') {
                len--;
            }
            next = i + 1;
        } else if (i == n && final && start < n) {
            len = n - start; /* a last line without "\n": nothing is removed */
            next = n;
        } else {
            continue;
        }
        a.tried++;
        if (line_signs(t, buf + start, len)) {
            a.found = 1;
            a.offset = start;
            a.len = len;
            a.consumed = next;
            return a;
        }
        start = next;
    }
    a.consumed = final ? n : start;
    return a;
}

static answer run(const uint8_t *buf, size_t n, int final)
{
    answer a = {0, 0, 0, 0, 0};
    size_t consumed = (size_t)-1, off = (size_t)-1, len = (size_t)-1;
    uint64_t before = audit.tried;
    int rc = jsk_audit_lines(&audit, &off, &len, &consumed, buf, n, final);
    FUZZ_ASSERT(rc == 0 || rc == 1);
    FUZZ_ASSERT(consumed <= n);
    a.found = rc;
    a.consumed = consumed;
    a.tried = audit.tried - before;
    if (rc == 1) {
        FUZZ_ASSERT(off <= n && len <= n - off && off + len <= consumed);
        /* and the line found does sign the token, as jsk_jws_verify() sees it */
        FUZZ_ASSERT(jsk_jws_verify(NULL, audit.alg, tokens[audit.alg - 1], token_lens[audit.alg - 1], buf + off, len) ==
                    JSK_OK);
        a.offset = off;
        a.len = len;
    }
    return a;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int t, final;
    size_t n, cut;
    uint8_t *buf;
    answer want, one, first, second;

    if (size < 2) {
        return 0;
    }
    init_tokens();
    t = (data[0] >> 1) % 3;
    final = data[0] & 1;
    n = size - 2;
    buf = fuzz_copy(data + 2, n);
    cut = n == 0 ? 0 : (size_t)data[1] * n / 255U;

    want = reference(t, buf, n, final);

    FUZZ_ASSERT(jsk_audit_init(&audit, tokens[t], token_lens[t]) == JSK_OK && audit.alg == t + 1);
    one = run(buf, n, final);
    FUZZ_ASSERT(one.found == want.found && one.tried == want.tried);
    if (want.found) {
        FUZZ_ASSERT(one.offset == want.offset && one.len == want.len);
        /* consumed steps over the found line's terminator, when it is in the buffer */
        FUZZ_ASSERT(one.consumed == want.consumed);
    } else {
        FUZZ_ASSERT(one.consumed == want.consumed);
    }

    /* The same list in two calls: the first is not final and stops at its last complete line. */
    FUZZ_ASSERT(jsk_audit_init(&audit, tokens[t], token_lens[t]) == JSK_OK);
    first = run(buf, cut, 0);
    if (first.found) {
        FUZZ_ASSERT(want.found && first.offset == want.offset && first.len == want.len && first.tried == want.tried);
    } else {
        FUZZ_ASSERT(first.consumed == 0 || buf[first.consumed - 1] == '\n');
        second = run(buf + first.consumed, n - first.consumed, final);
        FUZZ_ASSERT(second.found == want.found && first.tried + second.tried == want.tried);
        if (want.found) {
            FUZZ_ASSERT(first.consumed + second.offset == want.offset && second.len == want.len);
        } else {
            FUZZ_ASSERT(first.consumed + second.consumed == want.consumed);
        }
    }
    free(buf);
    return 0;
}
