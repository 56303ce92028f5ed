/* fuzz_jws.c — compact JWS parsing and verification on any input, and signing with the input as
 * the payload. Properties: parse results describe the token (a dot at signing_input_len, the
 * payload between the dots, the algorithm's tag length); verify returns parse's refusal, or agrees
 * with an HMAC recomputed here; a pinned algorithm other than the header's is refused; whatever
 * jsk_jws_sign() accepts verifies with the same key and carries the payload unchanged.
 * The seeds include tokens signed with KEY, so the "valid" paths are reached too. */
#include "fuzz.h"

static const char KEY[] = "fuzz-key-0123456789abcdef0123456789abcdef0123456789abcdef01234567";
#define KEY_LEN (sizeof KEY - 1U)
#define URL JSK_BASE64_VARIANT_URLSAFE_NO_PADDING

static void check_parse_and_verify(const char *token, size_t size)
{
    jsk_jws jws;
    int rc = jsk_jws_parse(&jws, token, size), pin, alg_out = -1;

    if (rc == JSK_OK) {
        uint8_t tag[JSK_HMAC_BYTES_MAX];
        FUZZ_ASSERT(jws.alg >= JSK_ALG_HS256 && jws.alg <= JSK_ALG_HS512);
        FUZZ_ASSERT(jws.tag_len == jsk_alg_key_bytes(jws.alg));
        FUZZ_ASSERT(jws.signing_input_len < size && token[jws.signing_input_len] == '.');
        FUZZ_ASSERT(jws.payload_offset >= 2 && token[jws.payload_offset - 1] == '.');
        FUZZ_ASSERT(jws.payload_offset + jws.payload_b64_len == jws.signing_input_len);
        FUZZ_ASSERT(memchr(token + jws.signing_input_len + 1, '.', size - jws.signing_input_len - 1) == NULL);
        FUZZ_ASSERT(jsk_hmac(tag, sizeof tag, jws.alg, (const uint8_t *)KEY, KEY_LEN, (const uint8_t *)token,
                             jws.signing_input_len) == JSK_OK);
        rc = jsk_jws_verify(&alg_out, JSK_ALG_UNSET, token, size, (const uint8_t *)KEY, KEY_LEN);
        FUZZ_ASSERT(alg_out == jws.alg);
        FUZZ_ASSERT(rc == (memcmp(tag, jws.tag, jws.tag_len) == 0 ? JSK_OK : JSK_ERR_BAD_SIGNATURE));
        for (pin = JSK_ALG_HS256; pin <= JSK_ALG_HS512; pin++) {
            int prc = jsk_jws_verify(NULL, pin, token, size, (const uint8_t *)KEY, KEY_LEN);
            FUZZ_ASSERT(pin == jws.alg ? prc == rc : prc == JSK_ERR_ALG_MISMATCH);
        }
        /* a different key never verifies what KEY signed */
        if (rc == JSK_OK) {
            FUZZ_ASSERT(jsk_jws_verify(NULL, JSK_ALG_UNSET, token, size, (const uint8_t *)KEY, KEY_LEN - 1) ==
                        JSK_ERR_BAD_SIGNATURE);
        }
    } else {
        FUZZ_ASSERT(rc < 0 && rc >= JSK_ERROR_MIN);
        for (pin = JSK_ALG_UNSET; pin <= JSK_ALG_HS512; pin++) {
            FUZZ_ASSERT(jsk_jws_verify(&alg_out, pin, token, size, (const uint8_t *)KEY, KEY_LEN) == rc);
            FUZZ_ASSERT(alg_out == 0);
        }
    }
    FUZZ_ASSERT(jsk_jws_verify(NULL, 9, token, size, (const uint8_t *)KEY, KEY_LEN) == JSK_ERR_UNKNOWN_ALG);
}

static void check_sign(const uint8_t *payload, size_t size)
{
    int alg;
    for (alg = JSK_ALG_HS256; alg <= JSK_ALG_HS512; alg++) {
        size_t cap = jsk_jws_sign_len(alg, size), len = 0;
        char *out;
        int rc;
        if (cap == 0) {
            FUZZ_ASSERT(size > JSK_JWS_LEN_MAX);
            continue;
        }
        out = fuzz_alloc(cap);
        rc = jsk_jws_sign(out, cap, &len, alg, (const uint8_t *)KEY, KEY_LEN, payload, size);
        FUZZ_ASSERT(rc == jsk_jws_sign(out, cap, NULL, alg, (const uint8_t *)KEY, KEY_LEN, payload, size));
        if (rc == JSK_OK) {
            jsk_jws jws;
            uint8_t *back = fuzz_alloc(size);
            size_t back_len = 0;
            int got = 0;
            FUZZ_ASSERT(jsk_json_check(payload, size, 1) == JSK_OK);
            FUZZ_ASSERT(len + 1 <= cap && strlen(out) == len);
            FUZZ_ASSERT(jsk_jws_verify(&got, alg, out, len, (const uint8_t *)KEY, KEY_LEN) == JSK_OK && got == alg);
            FUZZ_ASSERT(jsk_jws_parse(&jws, out, len) == JSK_OK);
            FUZZ_ASSERT(jsk_base64_decode(back, size, &back_len, out + jws.payload_offset, jws.payload_b64_len, URL) ==
                        JSK_OK);
            FUZZ_ASSERT(back_len == size && (size == 0 || memcmp(back, payload, size) == 0));
            /* too short a key is refused, whatever the payload */
            FUZZ_ASSERT(jsk_jws_sign(out, cap, NULL, alg, (const uint8_t *)KEY, jsk_alg_key_bytes(alg) - 1, payload,
                                     size) == JSK_ERR_KEY_TOO_SHORT);
            free(back);
        } else {
            FUZZ_ASSERT(rc == JSK_ERR_BAD_JSON || rc == JSK_ERR_TOO_LARGE);
            FUZZ_ASSERT(jsk_json_check(payload, size, 1) != JSK_OK);
        }
        free(out);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_parse_and_verify((const char *)data, size);
    check_sign(data, size);
    return 0;
}
