/* test_strength.c — the analyzer natively: dictionary decoding, verdicts and findings for each
 * category, encodings, the JSON report, and bounded time on 1 MiB of hostile input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "jsk.h"

static jsk_dict dict;

static int has_finding(const jsk_report *r, int code)
{
    size_t i;
    for (i = 0; i < r->n_findings; i++) {
        if (r->findings[i].code == code) {
            return 1;
        }
    }
    return 0;
}

static int verdict(const char *s, int alg, int encoding)
{
    jsk_report r;
    int rc = jsk_check(&r, alg, &dict, (const uint8_t *)s, strlen(s), encoding);
    return rc == JSK_OK ? r.verdict : rc;
}

static jsk_report report(const char *s)
{
    jsk_report r;
    CHECK_RC(jsk_check(&r, JSK_ALG_HS256, &dict, (const uint8_t *)s, strlen(s), JSK_ENCODING_RAW), 0);
    return r;
}

static void test_verdicts(void)
{
    static const char *weak[] = {"your-256-bit-secret", "Your_512_Bit_Secret", "secret", "keyboard cat", "password123",
                                 "P@ssw0rd!", "qwertyuiop", "1qaz2wsx3edc", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                                 "super-secret-jwt-token-with-at-least-32-characters-long", "<your-secret>", "${JWT_SECRET}",
                                 "changeme", "xxxxxxxxxxxxxxxx", "19900101", "0123456789abcdef0123456789abcdef",
                                 "correcthorsebatterystaple", "myapp-jwt-secret", "drowssap", "abcabcabcabcabcabcabc",
                                 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                                 /* counting and interleaved runs in hex, as code assistants write them */
                                 "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b",
                                 "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0",
                                 "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                                 "x7Qk1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f",
                                 /* words of other languages and scripts; instructions whatever their length */
                                 "clave-secreta-para-desarrollo", "ganti-dengan-kunci-rahasia",
                                 "\xe6\x9b\xbf\xe6\x8d\xa2\xe4\xb8\xba\xe9\x9a\x8f\xe6\x9c\xba\xe5\xad\x97\xe7\xac\xa6\xe4\xb8\xb2",
                                 "acme-super-secret-jwt-key-2025-change-in-production",
                                 "please-replace-this-with-a-real-secret-in-prod",
                                 "The quick brown fox jumps over the lazy dog", NULL};
    size_t i;
    for (i = 0; weak[i] != NULL; i++) {
        int v = verdict(weak[i], JSK_ALG_HS256, JSK_ENCODING_RAW);
        if (v != JSK_VERDICT_WEAK) {
            fprintf(stderr, "expected weak: %s (got %d)\n", weak[i], v);
        }
        CHECK(v == JSK_VERDICT_WEAK);
    }
    /* Real random output: strong for HS256 whatever its characters. */
    CHECK(verdict("Yb3rT9sQ1kLmN0pXz7vW2cD8fG4hJ6aE5uI-_oRqKtY", JSK_ALG_HS256, JSK_ENCODING_RAW) == JSK_VERDICT_STRONG);
    CHECK(verdict("8f14e45fceea167a5a36dedd4bea2543cb4d9f0c1f0a8d2b6e7c3a9b5d1e0f27", JSK_ALG_HS256, JSK_ENCODING_RAW) ==
          JSK_VERDICT_STRONG);
    CHECK(verdict("8f14e45fceea167a5a36dedd4bea2543cb4d9f0c1f0a8d2b6e7c3a9b5d1e0f27", JSK_ALG_HS512, JSK_ENCODING_RAW) ==
          JSK_VERDICT_FAIR);
    CHECK(verdict("8f14e45fceea167a5a36dedd4bea2543cb4d9f0c1f0a8d2b6e7c3a9b5d1e0f27", JSK_ALG_HS256, JSK_ENCODING_HEX) ==
          JSK_VERDICT_STRONG);
    CHECK(verdict("8f14e45fceea167a5a36dedd4bea2543cb4d9f0c1f0a8d2b6e7c3a9b5d1e0f27", JSK_ALG_HS384, JSK_ENCODING_HEX) ==
          JSK_VERDICT_FAIR);
    CHECK(verdict("3f2504e0-4f89-41d3-9a0c-0305e82c3301", JSK_ALG_HS256, JSK_ENCODING_RAW) == JSK_VERDICT_FAIR);
    /* Two UUIDs v4 joined: 244 bits, fair; random text over the 94 printable characters, Ascii85
     * and Django's alphabet: strong, whatever chance matches they hold. */
    CHECK(verdict("3f2504e0-4f89-41d3-9a0c-0305e82c3301-9b2e04c1-7f3a-4d2b-8c1e-5a6f7b8c9d0e", JSK_ALG_HS256,
                  JSK_ENCODING_RAW) == JSK_VERDICT_FAIR);
    CHECK(verdict("Zfm34n=gD(KbeWgM'm[>=M|)U5#~MG?1g*4r4F3>", JSK_ALG_HS256, JSK_ENCODING_RAW) == JSK_VERDICT_STRONG);
    CHECK(verdict("Rgv6_SF;500+]7odo'tYu|IXeD~FBBxT'u=y!{D~", JSK_ALG_HS256, JSK_ENCODING_RAW) == JSK_VERDICT_STRONG);
    CHECK(verdict("?EUR.+3:^#9[2>J-D=Q>\">S[$[O-W!>\"S-=^X<@I", JSK_ALG_HS256, JSK_ENCODING_RAW) == JSK_VERDICT_STRONG);
    CHECK(verdict("NVZhln0-uq2xCxBV50+ZgXuEQFiOwp-Cfo6/EVnF", JSK_ALG_HS256, JSK_ENCODING_RAW) == JSK_VERDICT_STRONG);
    CHECK(verdict("((mezrum1_#g5e7h67&x@n-*m#$81f#024pdi@9xx3)qq5%8!a", JSK_ALG_HS256, JSK_ENCODING_RAW) ==
          JSK_VERDICT_STRONG);
    CHECK(verdict("[HC/cm(rC**5]WY$Y1(kZ+t?yQ[U-tM[*qH]l@n^x?FmNzqN9uEg.$rmU3/ooFU]", JSK_ALG_HS256, JSK_ENCODING_RAW) ==
          JSK_VERDICT_STRONG);
    CHECK(verdict("JTUhRYl5Q55amepFog14STpQsl0w1Y3AkqOit1dvUQ5", JSK_ALG_HS256, JSK_ENCODING_RAW) == JSK_VERDICT_STRONG);
    CHECK(verdict("Yb3rT9sQ1kLmN0pXz7vW2cD8fG4hJ6aE5uI-_oRqKtY", JSK_ALG_HS384, JSK_ENCODING_RAW) == JSK_VERDICT_FAIR);
    CHECK(verdict("", JSK_ALG_HS256, JSK_ENCODING_RAW) == JSK_VERDICT_WEAK);
    CHECK(verdict("zz", JSK_ALG_HS256, JSK_ENCODING_HEX) == JSK_ERR_BAD_CHARACTER);
    CHECK(verdict("abc", JSK_ALG_HS256, JSK_ENCODING_HEX) == JSK_ERR_BAD_LENGTH);
    CHECK(verdict("a+b/", JSK_ALG_HS256, JSK_ENCODING_BASE64URL) == JSK_ERR_BAD_CHARACTER);
    CHECK(verdict("x", 9, JSK_ENCODING_RAW) == JSK_ERR_UNKNOWN_ALG);
    CHECK(verdict("x", JSK_ALG_HS256, 9) == JSK_ERR_UNKNOWN_FORMAT);
}

static void test_findings(void)
{
    jsk_report r = report("your-256-bit-secret");
    CHECK(has_finding(&r, JSK_FINDING_KNOWN_SECRET) && has_finding(&r, JSK_FINDING_SHORT_KEY));
    CHECK(r.key_bytes == 19 && r.entropy_bits < 20);
    /* Hex or base64 of text is judged as the text, and the report never quotes it. */
    r = report("bXktc2VjcmV0LWtleQ==");
    CHECK(has_finding(&r, JSK_FINDING_ENCODED_TEXT) && r.verdict == JSK_VERDICT_WEAK);
    r = report("6d792d73757065722d7365637265742d6a77742d6b65792d666f722d64657632303234");
    CHECK(has_finding(&r, JSK_FINDING_ENCODED_TEXT) && r.verdict == JSK_VERDICT_WEAK);
    /* Digests of common words: SHA-256 of "test", MD5 of "admin" (uppercase too). */
    r = report("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d0a08a4e2c1ba");
    CHECK(has_finding(&r, JSK_FINDING_KNOWN_CONSTANT) && r.verdict == JSK_VERDICT_WEAK);
    r = report("21232F297A57A5A743894A0E4A801FC3");
    CHECK(has_finding(&r, JSK_FINDING_KNOWN_CONSTANT) && r.verdict == JSK_VERDICT_WEAK);
    /* Context words (the project's name) cost almost nothing, whole or by their parts. */
    {
        static const char secret[] = "acmeshop-Billing-2024-Qx7v";
        static const char context[] = "acme-shop\nother";
        jsk_report plain, with;
        CHECK_RC(jsk_check(&plain, JSK_ALG_HS256, &dict, (const uint8_t *)secret, sizeof secret - 1, JSK_ENCODING_RAW), 0);
        CHECK_RC(jsk_check_context(&with, JSK_ALG_HS256, &dict, (const uint8_t *)secret, sizeof secret - 1, JSK_ENCODING_RAW,
                                   (const uint8_t *)context, sizeof context - 1), 0);
        CHECK(has_finding(&with, JSK_FINDING_CONTEXT) && !has_finding(&plain, JSK_FINDING_CONTEXT));
        CHECK(with.entropy_bits + 15.0 < plain.entropy_bits);
        CHECK(jsk_check_context(&with, JSK_ALG_HS256, &dict, (const uint8_t *)secret, 3, JSK_ENCODING_RAW, NULL, 1) ==
              JSK_ERR_INVALID_ARGUMENT);
    }
    r = report("${JWT_SECRET}");
    CHECK(has_finding(&r, JSK_FINDING_PLACEHOLDER));
    /* The requirement written out instead of met: a placeholder, weak, in any of these forms. */
    {
        static const char *const requirements[] = {"MyAppSecretThatIsAtLeast32CharactersLong!", "jwt_secret_min_32_chars",
                                                   "secret-key-that-must-be-long-enough", "clave_jwt_minimo_32_caracteres",
                                                   "ThisIsA32CharSecretKeyForMyApp", "kunci_rahasia_minimal_32_karakter"};
        size_t i;
        for (i = 0; i < sizeof requirements / sizeof requirements[0]; i++) {
            r = report(requirements[i]);
            CHECK(has_finding(&r, JSK_FINDING_PLACEHOLDER) && r.verdict == JSK_VERDICT_WEAK);
        }
        /* Not a requirement: a long phrase, a number next to an ordinary word, a count below 16. */
        r = report("correct-horse-battery-staple-mountain-river");
        CHECK(!has_finding(&r, JSK_FINDING_PLACEHOLDER));
        r = report("Kx9#vLq2$Wm7@Rt4!Ns8&Pz3*Hb6^Jd5%Cf1");
        CHECK(!has_finding(&r, JSK_FINDING_PLACEHOLDER));
    }
    r = report("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U");
    CHECK(has_finding(&r, JSK_FINDING_LOOKS_LIKE_JWT) && r.verdict == JSK_VERDICT_WEAK);
    r = report("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    CHECK(has_finding(&r, JSK_FINDING_UUID) && r.entropy_bits <= 122.0);
    r = report("qwerty123456");
    CHECK(r.verdict == JSK_VERDICT_WEAK);
    r = report("  Yb3rT9sQ1kLmN0pXz7vW2cD8fG4hJ6aE5uI-_oRqKtY ");
    CHECK(has_finding(&r, JSK_FINDING_WHITESPACE) && r.verdict == JSK_VERDICT_STRONG);
}

static void test_json(void)
{
    char json[JSK_REPORT_JSON_LEN_MAX];
    size_t n;
    jsk_report r = report("trustno1");
    CHECK_RC(jsk_report_json(json, sizeof json, &n, &r), 0);
    CHECK(n == strlen(json));
    CHECK(strncmp(json, "{\"verdict\":\"weak\",\"alg\":\"HS256\",\"encoding\":\"raw\",\"key_bytes\":8,", 63) == 0);
    CHECK(strstr(json, "\"fix\":\"jwt-secret generate --alg HS256\"") != NULL);
    CHECK(strstr(json, "trustno1") == NULL); /* the report never quotes the secret */
    CHECK_RC(jsk_report_json(json, 40, &n, &r), JSK_ERR_BUFFER_TOO_SMALL);
}

static void test_bounded(void)
{
    size_t n = JSK_CHECK_LEN_MAX, i;
    uint8_t *big = malloc(n + 1);
    jsk_report r;
    clock_t t0;
    double secs;
    const char *unit = "password";

    for (i = 0; i < n; i++) {
        big[i] = (uint8_t)unit[i % 8];
    }
    t0 = clock();
    CHECK_RC(jsk_check(&r, JSK_ALG_HS256, &dict, big, n, JSK_ENCODING_RAW), 0);
    CHECK(r.verdict == JSK_VERDICT_WEAK);
    for (i = 0; i < n; i++) {
        big[i] = (uint8_t)("abcdefghijklmnopqrstuvwxyz .,"[(i * 7 + i / 29) % 29]);
    }
    CHECK_RC(jsk_check(&r, JSK_ALG_HS256, &dict, big, n, JSK_ENCODING_RAW), 0);
    memset(big, 'A', n);
    CHECK_RC(jsk_check(&r, JSK_ALG_HS256, &dict, big, n, JSK_ENCODING_BASE64URL), 0);
    CHECK(r.verdict == JSK_VERDICT_WEAK && r.key_bytes == n / 4 * 3);
    secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("three 1 MiB checks: %.2f s\n", secs);
    CHECK(secs < 10.0);
    CHECK_RC(jsk_check(&r, JSK_ALG_HS256, &dict, big, n + 1, JSK_ENCODING_RAW), JSK_ERR_OUT_OF_RANGE);
    free(big);
}

/* Random text in the alphabets the newer explanations read (one keyboard row's letters, Hangul,
 * digits among letters) stays what it holds. */
static void random_text(char *out, size_t n, const char *alphabet)
{
    size_t k = strlen(alphabet), i;
    uint8_t b;
    for (i = 0; i < n; i++) {
        do {
            CHECK_RC(jsk_random_fill(&b, 1), 0);
        } while (b >= 256 - 256 % k);
        out[i] = alphabet[b % k];
    }
    out[n] = '\0';
}

static void test_scripts_numbers_rows(void)
{
    jsk_report r, q;
    char s[256];
    size_t i, k;

    /* A letter of another script costs a letter, not its three UTF-8 bytes; Hangul words are words
     * by their spaces (each about one word of 2^18), so a short Korean phrase is weak. */
    r = report("8\xea\xb8\xb0"); /* 8기 */
    CHECK(r.verdict == JSK_VERDICT_WEAK && r.entropy_bits < 16);
    r = report("\xec\x9a\xb0\xeb\xa6\xac \xed\x8c\x80 \xeb\xb9\x84\xeb\xb0\x80 \xed\x82\xa4 \xed\x99\x94\xec\x9d\xb4\xed\x8c\x85 2024"); /* 우리 팀 비밀 키 화이팅 2024 */
    CHECK(r.entropy_bits < 100);
    /* base64 of a Korean sentence is that sentence: not a strong key (it was 270 bits, by the byte) */
    r = report("7Jqw66asIO2UhOuhnOygne2KuCDruYTrsIAg7YKk64qUIOygiOuMgCDqs7XsnKDtlZjsp4Ag66eI7IS47JqUIOqwnOuwnO2MgCDtmZTsnbTtjIUgMjAyNOuFhCDsl6zrpoQ=");
    CHECK(r.verdict != JSK_VERDICT_STRONG && has_finding(&r, JSK_FINDING_ENCODED_TEXT));
    /* 40 random Hangul syllables (532 bits) with no space are not one word: strong. */
    for (i = 0; i < 100; i++) {
        uint8_t b[2];
        for (k = 0; k < 40; k++) {
            unsigned cp;
            do {
                CHECK_RC(jsk_random_fill(b, 2), 0);
                cp = ((unsigned)b[0] << 8 | b[1]) & 0x3FFFU;
            } while (cp >= 11172U);
            cp += 0xAC00U;
            s[3 * k] = (char)(0xE0U | (cp >> 12));
            s[3 * k + 1] = (char)(0x80U | ((cp >> 6) & 0x3FU));
            s[3 * k + 2] = (char)(0x80U | (cp & 0x3FU));
        }
        s[120] = '\0';
        r = report(s);
        CHECK(r.verdict == JSK_VERDICT_STRONG);
    }

    /* A number in typed text costs its digits (log2 10 each), not the string's alphabet. */
    r = report("clave_secreta_numero_93817");
    q = report("clave_secreta_numero_");
    CHECK(r.entropy_bits <= q.entropy_bits + 5 * 3.33 + 1.5);

    /* Hand mashes on one keyboard row, without the neighbour steps of a walk: weak, KEYBOARD. */
    r = report("dkfjalsghdkajfslgdh"); /* home row: 89 bits as 19 random lowercase letters */
    CHECK(r.verdict == JSK_VERDICT_WEAK && has_finding(&r, JSK_FINDING_KEYBOARD));
    r = report("wirueotyqpwieurotyp"); /* top row */
    CHECK(r.verdict == JSK_VERDICT_WEAK && has_finding(&r, JSK_FINDING_KEYBOARD));
    /* Random text stays random: 80 lowercase letters (376 bits), or only the home row's letters
     * and symbols in 96 characters (428 bits), or 64 of base64's characters, are strong. */
    for (i = 0; i < 200; i++) {
        random_text(s, 80, "abcdefghijklmnopqrstuvwxyz");
        r = report(s);
        CHECK(r.verdict == JSK_VERDICT_STRONG);
        random_text(s, 96, "asdfghjkl;'ASDFGHJKL:\"");
        r = report(s);
        CHECK(r.verdict == JSK_VERDICT_STRONG);
        random_text(s, 64, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
        r = report(s);
        CHECK(r.verdict == JSK_VERDICT_STRONG);
    }
}

static void test_copies_walks_lowercase(void)
{
    jsk_report r, q;
    char s[256];
    size_t i;
    unsigned fair = 0;

    /* Text copied from earlier in the string costs which position and how long (LZ77): a sentence
     * whose clauses come back, base64-encoded (304 bits, strong, before copies were seen)... */
    r = report("SXQgd2FzIHRoZSBiZXN0IG9mIHRpbWVzLCBpdCB3YXMgdGhlIHdvcnN0IG9mIHRpbWVzLCBpdCB3YXMgdGhlIGFnZSBvZiB3aXNkb20sIGl0IHdhcyB0aGUgYWdlIG9mIGZvb2xpc2huZXNzLCBpdCB3YXMgdGhlIGVwb2NoIG9mIGJlbGllZg==");
    CHECK(r.verdict != JSK_VERDICT_STRONG && r.entropy_bits < 240 && has_finding(&r, JSK_FINDING_ENCODED_TEXT));
    /* ...a phrase written twice, the second copy ending otherwise (189 bits before)... */
    r = report("YWNtZS10ZWNoLXNwcmluZy1ib290LWp3dC10dXRvcmlhbC1zZWNyZXQtYWNtZS10ZWNoLXNwcmluZy1ib290LWp3dC10dXRvcmlhbC1zZWNyZXQ=");
    q = report("YWNtZS10ZWNoLXNwcmluZy1ib290LWp3dC10dXRvcmlhbC1zZWNyZXQ="); /* the phrase once */
    CHECK(r.entropy_bits < q.entropy_bits + 16 && has_finding(&r, JSK_FINDING_REPEAT));
    /* ...a mash typed again with a few keys different (130 bits before). */
    r = report("sdkfj39dkfjw93kdjf93kdjfw93kdjfsdkfj39dkfjw93kdjf93kdjfw93kdjfsdkf");
    CHECK(r.entropy_bits < 100 && has_finding(&r, JSK_FINDING_REPEAT));
    /* Near misses: chance copies in random text (a 4-character one in 64 base64 characters about 1
     * time in 60) save nothing that counts; the random loops above and below check the verdicts. */

    /* A long mash of few keys (12 of lowercase and digits) that comes back changed: few keys are a
     * complete code over the whole string, so 48 bits saved is a pattern, not chance (it was called
     * random, 305 bits, strong). Near miss: Django keys (50 of 69 symbols, about 32 distinct in 50
     * characters) stay random and strong. */
    r = report("asdkjh3498ydfkjhs98dyf9834hkjshdf983y4fkjhsd983y4kjhsdf9834");
    CHECK(r.verdict == JSK_VERDICT_FAIR && r.entropy_bits < 220 && has_finding(&r, JSK_FINDING_REPEAT));
    for (i = 0; i < 2000; i++) {
        random_text(s, 50, "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)");
        r = report(s);
        fair += r.verdict != JSK_VERDICT_STRONG;
    }
    CHECK(fair == 0);

    /* allkeysgenerator.com-style keys: two streams stepping 3 along its character set, a few steps of
     * 2 or 4 (constructed here; the published ones are in the evaluation set): weak, not 159 bits. */
    r = report("cHfMjQnTrWuZx4A7D!G%M*Q-TaWdZg4k7p!s/v?y(B+EcHfKjPnSrVuYx3A6D9H/");
    CHECK(r.verdict == JSK_VERDICT_WEAK && has_finding(&r, JSK_FINDING_SEQUENCE));
    /* Near miss: the same characters in another order are random, strong. */
    r = report("QfM9!c7kDTyZ%rHnWj(u?E*GAgsp+-B3/Hc4KPxS6VaY/Hfv3ZnMjrbDdQx4ETuW");
    CHECK(r.verdict == JSK_VERDICT_STRONG);

    /* Hex whose letters and digits take turns, as code assistants write "random" keys: 64 such
     * digits hold about 195 bits (32 of 6 letters, 32 of 10 digits), fair, not 256. */
    r = report("b6d4e5f2e6b0d0c8c1f6f7c0b8d8d6b2e5c0f9c2f6c5d1d6d7c7f8f3c2b4e1c9");
    CHECK(r.verdict == JSK_VERDICT_FAIR && r.entropy_bits < 200 && has_finding(&r, JSK_FINDING_SEQUENCE));
    r = report("5A8F8E8D1D0C1A1D9B4E3A6F4B1F1F9B4B6F5E7D6E3C9F3A6E9F8F5C8C9A4C9B");
    CHECK(r.verdict == JSK_VERDICT_FAIR && r.entropy_bits < 200);
    /* Near misses: lowercase letters and digits taking turns hold 257 bits in 64 characters, strong;
     * random hex whose classes come in runs by chance (3 letters, 4 digits...) is random. */
    r = report("2l8f3x9n7k9t3r5x1i1p0l3r1b1f4c1p1a3f8d6t2x2n6e7c2u8p9x1h5o7j5p2x");
    CHECK(r.verdict == JSK_VERDICT_STRONG);
    for (i = 0; i < 2000; i++) {
        random_text(s, 64, "0123456789abcdef");
        r = report(s);
        fair += r.verdict != JSK_VERDICT_STRONG;
    }
    CHECK(fair == 0);

    /* Encoded text up to 1,024 bytes is read as text: base64 of a 470-character paragraph is
     * ENCODED_TEXT (it was judged as 640 random base64 characters, 3,800 bits). */
    memset(s, 0, sizeof s);
    {
        static const char para[] = "It is a truth universally acknowledged, that a single man in possession of a good fortune, "
                                   "must be in want of a wife. However little known the feelings or views of such a man may be on "
                                   "his first entering a neighbourhood, this truth is so well fixed in the minds of the surrounding "
                                   "families, that he is considered as the rightful property of some one or other of their daughters. "
                                   "My dear Mr. Bennet, said his lady to him one day, have you heard that Netherfield Park is let at last?";
        char b64[800];
        size_t n;
        CHECK_RC(jsk_encode(b64, sizeof b64, &n, (const uint8_t *)para, sizeof para - 1, JSK_ENCODING_BASE64), 0);
        r = report(b64);
        CHECK(has_finding(&r, JSK_FINDING_ENCODED_TEXT) && r.entropy_bits < 1200);
    }

    /* Vietnamese letters (two marks, U+1EA0-U+1EF9) are letters of words, not three bytes each: a
     * short phrase was 220 bits. Near miss: 40 random accented letters are not a word, strong. */
    r = report("b\xc3\xad_m\xe1\xba\xadt_jwt_b\xe1\xba\xa3o_m\xe1\xba\xadt_c\xe1\xbb\xa7" "a_b\xe1\xba\xa1n"); /* bí_mật_jwt_bảo_mật_của_bạn */
    CHECK(r.entropy_bits < 130 && r.verdict != JSK_VERDICT_STRONG);
    r = report("\xc3\xa7\xe1\xbb\xad\xc3\xb6\xc3\xac\xe1\xbb\xa1\xe1\xbb\xa7\xe1\xba\xb3\xc3\xba\xe1\xbb\x83\xc3\xbc"
               "\xe1\xbb\x83\xc3\xab\xc3\xaf\xe1\xba\xb1\xe1\xbb\x95\xe1\xba\xbf\xc3\xa7\xe1\xbb\xb1\xc3\xac\xc3\xb1"
               "\xe1\xbb\x9d\xc3\xba\xe1\xba\xb7\xc3\xa8\xe1\xbb\xab\xe1\xbb\xb9\xe1\xba\xab\xc3\xb8\xe1\xbb\xaf\xe1\xbb\x97"
               "\xc3\xb9\xe1\xba\xa9\xe1\xbb\x81\xc3\xa9\xc3\xaa\xe1\xbb\x95\xe1\xbb\x95\xc3\xaa\xe1\xbb\xb1\xc3\xa3");
    CHECK(r.verdict == JSK_VERDICT_STRONG);

    /* Encoded twice (base64 of base64 of text) is that text, for 4 bits of encodings: it was 186
     * bits. Near miss: base64 of a random base64 key is that key, 256 bits, strong. */
    r = report("WVdOdFpTMXpkWEJsY2kxelpXTnlaWFF0WTI5a1pTMW1iM0l0YW5kMA=="); /* acme-super-secret-code-for-jwt */
    CHECK(r.verdict == JSK_VERDICT_WEAK && has_finding(&r, JSK_FINDING_ENCODED_TEXT));
    r = report("dHZhejJCcmJWUUFOcUlMNGE4QktUZzArY0tBeFBTWU4xS1oxRDg5VGN2UT0=");
    CHECK(r.verdict == JSK_VERDICT_STRONG);

    /* Two Z85 keys (32 bytes) that earlier checkers called below what they hold, 1 in 10^6 each:
     * wrapped in [ ] with "jwt" inside by chance (a placeholder), and four 4-character l33t words
     * by chance (fair). In text read as machine-made, neither counts now; the real forms still do. */
    r = report("[?rYhw)PFC/vaaxZdKYaUzf26wph4+[V]mcyjwt]");
    CHECK(r.verdict == JSK_VERDICT_STRONG);
    r = report("Cm*}2<1.}9!(zWtW3eYUoh.!Bma1s:7Ous{7E8e#");
    CHECK(r.verdict == JSK_VERDICT_STRONG);
    r = report("<%= ENV['JWT_SECRET'] %>");
    CHECK(r.verdict == JSK_VERDICT_WEAK && has_finding(&r, JSK_FINDING_PLACEHOLDER));
    r = report("MyS3cr3tK3y!ForTh3App2024");
    CHECK(r.verdict == JSK_VERDICT_WEAK);

    /* 64 random lowercase letters (300 bits) are machine-made text: chance short words in them
     * once saved 45 bits 1 time in 35, "fair". Typed lowercase phrases of that length stay as cheap. */
    for (i = 0; i < 2000; i++) {
        random_text(s, 64, "abcdefghijklmnopqrstuvwxyz");
        r = report(s);
        fair += r.verdict != JSK_VERDICT_STRONG;
    }
    CHECK(fair == 0);
    r = report("thisismysupersecretkeyforsigningthejsonwebtokensofmyapplication");
    CHECK(r.verdict != JSK_VERDICT_STRONG && r.entropy_bits < 100);
    r = report("qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnmqwertyuiop");
    CHECK(r.verdict == JSK_VERDICT_WEAK);
    /* Lowercase that the letter model reads as typed words (at most 4.5 bits a letter; random
     * letters run 5.3) stays typed text, words and all, even with typos: not random, not 235 bits. */
    r = report("raninbowsareredrainbowsareyellowthatsthecolorofpeeandthatsit");
    CHECK(r.verdict != JSK_VERDICT_STRONG && r.entropy_bits < 140);
}

/* jsk_check_secret: a secret in a key format is judged as that encoding reads it; a JWK by its "k"
 * (the same report as k read as base64url), after the checks jsk_key_parse makes; an encoding and a
 * key format together are refused. */
static void test_key_formats(void)
{
    static const char weak_k[] = "a2tra2tra2tra2tra2tra2tra2tra2tra2tra2tra2s"; /* base64url of 32 k's */
    static const char strong_k[] = "Yb3rT9sQ1kLmN0pXz7vW2cD8fG4hJ6aE5uI-_oRqKtY";
    char jwk[160];
    jsk_report a, b;
    size_t i;

    for (i = 0; i < 2; i++) {
        const char *k = i == 0 ? weak_k : strong_k;
        snprintf(jwk, sizeof jwk, "{\"kty\":\"oct\",\"kid\":\"x\",\"k\":\"%s\",\"alg\":\"HS256\"}", k);
        CHECK_RC(jsk_check_secret(&a, JSK_ALG_HS256, &dict, (const uint8_t *)jwk, strlen(jwk), 0, JSK_FORMAT_JWK, NULL, 0), 0);
        CHECK_RC(jsk_check(&b, JSK_ALG_HS256, &dict, (const uint8_t *)k, strlen(k), JSK_ENCODING_BASE64URL), 0);
        CHECK(a.verdict == b.verdict && a.entropy_bits == b.entropy_bits && a.key_bytes == 32);
        CHECK(a.verdict == (i == 0 ? JSK_VERDICT_WEAK : JSK_VERDICT_STRONG));
    }
    /* A JWK that names its alg is judged for it when the caller names none (it pins the alg, as in
     * signing and verification); the caller's alg, when given, must agree. */
    snprintf(jwk, sizeof jwk, "{\"kty\":\"oct\",\"k\":\"%s\",\"alg\":\"HS512\"}", strong_k);
    CHECK_RC(jsk_check_secret(&a, JSK_ALG_UNSET, &dict, (const uint8_t *)jwk, strlen(jwk), 0, JSK_FORMAT_JWK, NULL, 0), 0);
    CHECK(a.alg == JSK_ALG_HS512);
    CHECK_RC(jsk_check_secret(&b, JSK_ALG_HS512, &dict, (const uint8_t *)jwk, strlen(jwk), 0, JSK_FORMAT_JWK, NULL, 0), 0);
    CHECK(b.alg == JSK_ALG_HS512 && b.verdict == a.verdict && b.entropy_bits == a.entropy_bits);
    snprintf(jwk, sizeof jwk, "{\"kty\":\"oct\",\"k\":\"%s\"}", strong_k);
    CHECK_RC(jsk_check_secret(&a, JSK_ALG_UNSET, &dict, (const uint8_t *)jwk, strlen(jwk), 0, JSK_FORMAT_JWK, NULL, 0), 0);
    CHECK(a.alg == JSK_ALG_HS256);
    /* The other key formats are the checker's encodings; text is RAW; nothing given is RAW. */
    CHECK_RC(jsk_check_secret(&a, 0, &dict, (const uint8_t *)"secret", 6, 0, JSK_ENCODING_RAW, NULL, 0), 0);
    CHECK(a.verdict == JSK_VERDICT_WEAK && a.key_bytes == 6);
    CHECK_RC(jsk_check_secret(&b, 0, &dict, (const uint8_t *)"secret", 6, 0, 0, NULL, 0), 0);
    CHECK(b.verdict == a.verdict && b.entropy_bits == a.entropy_bits);
    CHECK_RC(jsk_check_secret(&a, 0, &dict, (const uint8_t *)"736563726574", 12, 0, JSK_ENCODING_HEX, NULL, 0), 0);
    CHECK(a.verdict == JSK_VERDICT_WEAK && a.key_bytes == 6);
    /* Refused as signing and verification refuse them. */
    CHECK_RC(jsk_check_secret(&a, 0, &dict, (const uint8_t *)"{}", 2, 0, JSK_FORMAT_JWK, NULL, 0), JSK_ERR_BAD_JWK);
    for (i = 0; i < 2; i++) { /* an empty k; a k with an escape */
        const char *bad = i == 0 ? "{\"kty\":\"oct\",\"k\":\"\"}" : "{\"kty\":\"oct\",\"k\":\"a\\u0062\"}";
        CHECK_RC(jsk_check_secret(&a, 0, &dict, (const uint8_t *)bad, strlen(bad), 0, JSK_FORMAT_JWK, NULL, 0), JSK_ERR_BAD_JWK);
    }
    snprintf(jwk, sizeof jwk, "{\"kty\":\"oct\",\"k\":\"%s\",\"alg\":\"HS256\"}", strong_k);
    CHECK_RC(jsk_check_secret(&a, JSK_ALG_HS512, &dict, (const uint8_t *)jwk, strlen(jwk), 0, JSK_FORMAT_JWK, NULL, 0),
             JSK_ERR_ALG_MISMATCH);
    CHECK_RC(jsk_check_secret(&a, 0, &dict, (const uint8_t *)"x", 1, JSK_ENCODING_RAW, JSK_ENCODING_RAW, NULL, 0),
             JSK_ERR_OPTION_CONFLICT);
    CHECK_RC(jsk_check_secret(&a, 0, &dict, (const uint8_t *)"x", 1, 0, JSK_FORMAT_ENV, NULL, 0), JSK_ERR_UNKNOWN_FORMAT);
    CHECK_RC(jsk_check_secret(&a, 0, &dict, NULL, 1, 0, 0, NULL, 0), JSK_ERR_INVALID_ARGUMENT);
}

int main(void)
{
    size_t size = jsk_dict_workspace_len();
    void *ws = malloc(size);
    CHECK_RC(jsk_dict_init(&dict, ws, size), 0);
    CHECK_RC(jsk_dict_init(&dict, ws, size - 1), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK_RC(jsk_dict_init(&dict, ws, size), 0);
    CHECK(dict.count > 10000);
    test_verdicts();
    test_findings();
    test_json();
    test_bounded();
    test_scripts_numbers_rows();
    test_copies_walks_lowercase();
    test_key_formats();
    free(ws);
    return check_report("strength");
}
