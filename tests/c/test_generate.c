/* test_generate.c — the generator: preset sizes and lengths, uniqueness, every range and argument
 * error, custom alphabets, .env lines, and a chi-square test of rejection sampling (10^6 characters
 * for alphabets of 10, 36 and 62 symbols) that a modulo-biased sampler fails. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "jsk.h"

static void test_presets(void)
{
    static const struct {
        int alg, encoding;
        size_t chars, bytes;
    } cases[] = {
        {JSK_ALG_HS256, JSK_ENCODING_BASE64URL, 43, 32},   {JSK_ALG_HS384, JSK_ENCODING_BASE64URL, 64, 48},
        {JSK_ALG_HS512, JSK_ENCODING_BASE64URL, 86, 64},   {JSK_ALG_HS256, JSK_ENCODING_BASE64, 44, 32},
        {JSK_ALG_HS384, JSK_ENCODING_BASE64, 64, 48},      {JSK_ALG_HS512, JSK_ENCODING_BASE64, 88, 64},
        {JSK_ALG_HS256, JSK_ENCODING_HEX, 64, 32},         {JSK_ALG_HS384, JSK_ENCODING_HEX, 96, 48},
        {JSK_ALG_HS512, JSK_ENCODING_HEX, 128, 64},        {JSK_ALG_HS256, JSK_ENCODING_BASE64URL_PADDED, 44, 32},
        {JSK_ALG_UNSET, JSK_ENCODING_BASE64URL, 43, 32},
    };
    char out[200];
    uint8_t dec[200];
    size_t i, len, n;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_RC(jsk_generate(out, sizeof out, &len, cases[i].alg, 0, cases[i].encoding), 0);
        CHECK(len == cases[i].chars && strlen(out) == len);
        CHECK_RC(jsk_decode(dec, sizeof dec, &n, out, len, cases[i].encoding), 0);
        CHECK(n == cases[i].bytes);
    }
}

static void test_unique(void)
{
    enum { N = 2000 };
    static char seen[N][44];
    size_t i, j, len;
    int dup = 0;
    for (i = 0; i < N; i++) {
        CHECK_RC(jsk_generate(seen[i], sizeof seen[i], &len, JSK_ALG_HS256, 0, JSK_ENCODING_BASE64URL), 0);
        for (j = 0; j < i; j++) {
            dup |= strcmp(seen[i], seen[j]) == 0;
        }
    }
    CHECK(!dup);
}

static void test_ranges(void)
{
    char out[10000];
    size_t len, n;

    CHECK_RC(jsk_generate_size(&n, JSK_ALG_UNSET, 0), 0);
    CHECK(n == 32);
    CHECK_RC(jsk_generate_size(&n, JSK_ALG_HS512, 0), 0);
    CHECK(n == 64);
    CHECK_RC(jsk_generate_size(&n, JSK_ALG_HS256, 31), JSK_ERR_KEY_TOO_SHORT);
    CHECK(n == 0);
    CHECK_RC(jsk_generate_size(&n, JSK_ALG_HS384, 47), JSK_ERR_KEY_TOO_SHORT);
    CHECK_RC(jsk_generate_size(&n, JSK_ALG_HS256, 100), 0);
    CHECK(n == 100);
    CHECK_RC(jsk_generate_size(&n, JSK_ALG_UNSET, 1), 0);
    CHECK_RC(jsk_generate_size(&n, JSK_ALG_UNSET, 4096), 0);
    CHECK_RC(jsk_generate_size(&n, JSK_ALG_UNSET, 4097), JSK_ERR_OUT_OF_RANGE);
    CHECK_RC(jsk_generate_size(&n, JSK_ALG_HS512, 5000), JSK_ERR_OUT_OF_RANGE);
    CHECK_RC(jsk_generate_size(&n, 4, 0), JSK_ERR_UNKNOWN_ALG);
    CHECK_RC(jsk_generate_size(&n, -1, 0), JSK_ERR_UNKNOWN_ALG);
    CHECK_RC(jsk_generate_size(NULL, 1, 0), JSK_ERR_INVALID_ARGUMENT);

    CHECK_RC(jsk_generate(out, sizeof out, &len, JSK_ALG_UNSET, 1, JSK_ENCODING_HEX), 0);
    CHECK(len == 2);
    CHECK_RC(jsk_generate(out, sizeof out, &len, JSK_ALG_UNSET, 4096, JSK_ENCODING_HEX), 0);
    CHECK(len == 8192 && strlen(out) == 8192);
    CHECK_RC(jsk_generate(out, sizeof out, &len, JSK_ALG_UNSET, 4096, JSK_ENCODING_BASE64), 0);
    CHECK(len == 5464);
    CHECK_RC(jsk_generate(out, sizeof out, &len, JSK_ALG_HS256, 0, 0), JSK_ERR_UNKNOWN_FORMAT);
    CHECK_RC(jsk_generate(out, sizeof out, &len, JSK_ALG_HS256, 0, JSK_ENCODING_RAW), JSK_ERR_UNKNOWN_FORMAT);
    CHECK_RC(jsk_generate(out, sizeof out, &len, JSK_ALG_HS256, 0, JSK_ENCODING_AUTO), JSK_ERR_UNKNOWN_FORMAT);
    CHECK_RC(jsk_generate(out, sizeof out, &len, JSK_ALG_HS256, 0, JSK_ENCODING_AUTO + 1), JSK_ERR_UNKNOWN_FORMAT);
    CHECK_RC(jsk_generate(out, 43, &len, JSK_ALG_HS256, 0, JSK_ENCODING_BASE64URL), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK_RC(jsk_generate(out, 44, &len, JSK_ALG_HS256, 0, JSK_ENCODING_BASE64URL), 0);
    CHECK_RC(jsk_generate(NULL, 44, &len, JSK_ALG_HS256, 0, JSK_ENCODING_BASE64URL), JSK_ERR_INVALID_ARGUMENT);
    CHECK_RC(jsk_random_fill(NULL, 1), JSK_ERR_INVALID_ARGUMENT);
    CHECK_RC(jsk_random_fill(NULL, 0), 0);
    {
        /* More than one getrandom()/getRandomValues chunk in one call. */
        static uint8_t big[200000];
        size_t zeros = 0, i;
        CHECK_RC(jsk_random_fill(big, sizeof big), 0);
        for (i = 0; i < sizeof big; i++) {
            zeros += big[i] == 0;
        }
        CHECK(zeros > 600 && zeros < 960); /* 781 expected, well over 6 sigma either side */
    }
}

static void test_alphabet_rules(void)
{
    char out[5000], all[96];
    size_t len, i;

    for (i = 0; i < 94; i++) {
        all[i] = (char)('!' + i);
    }
    CHECK_RC(jsk_alphabet_check(all, 94), 0);
    CHECK_RC(jsk_alphabet_check(all, 2), 0);
    all[94] = ' ';
    CHECK_RC(jsk_alphabet_check(all, 95), JSK_ERR_BAD_ALPHABET);
    CHECK_RC(jsk_alphabet_check("a", 1), JSK_ERR_BAD_ALPHABET);
    CHECK_RC(jsk_alphabet_check("", 0), JSK_ERR_BAD_ALPHABET);
    CHECK_RC(jsk_alphabet_check("abca", 4), JSK_ERR_BAD_ALPHABET);
    CHECK_RC(jsk_alphabet_check("ab c", 4), JSK_ERR_BAD_ALPHABET);
    CHECK_RC(jsk_alphabet_check("ab\0c", 4), JSK_ERR_BAD_ALPHABET);
    CHECK_RC(jsk_alphabet_check("ab\xc3\xa9", 4), JSK_ERR_BAD_ALPHABET);
    CHECK_RC(jsk_alphabet_check("ab\x7f", 3), JSK_ERR_BAD_ALPHABET);

    CHECK(jsk_alphabet_default_length(JSK_ALG_HS256, 62) == 43);
    CHECK(jsk_alphabet_default_length(JSK_ALG_UNSET, 62) == 43);
    CHECK(jsk_alphabet_default_length(JSK_ALG_HS256, 16) == 64);
    CHECK(jsk_alphabet_default_length(JSK_ALG_HS256, 10) == 78);
    CHECK(jsk_alphabet_default_length(JSK_ALG_HS512, 2) == 512);
    CHECK(jsk_alphabet_default_length(JSK_ALG_HS384, 64) == 64);
    CHECK(jsk_alphabet_default_length(JSK_ALG_HS256, 94) == 40);
    CHECK(jsk_alphabet_default_length(JSK_ALG_HS256, 1) == 0);
    CHECK(jsk_alphabet_default_length(JSK_ALG_HS256, 95) == 0);
    CHECK(fabs(jsk_alphabet_entropy_bits(16, 64) - 256.0) < 1e-9);
    /* The core's own log2 (no libm in the modules) against libm's, for every alphabet size and
     * length: the same tenths of a bit in reports, the same side of every algorithm's size, so the
     * default lengths are libm's smallest length reaching the bits. */
    {
        size_t n, length;
        for (n = 2; n <= 94; n++) {
            size_t want[3] = {0, 0, 0};
            for (length = 1; length <= JSK_ALPHABET_LENGTH_MAX; length++) {
                double got = jsk_alphabet_entropy_bits(n, length), ref = (double)length * log2((double)n);
                size_t a;
                CHECK((unsigned long long)(got * 10.0 + 0.5) == (unsigned long long)(ref * 10.0 + 0.5));
                for (a = 0; a < 3; a++) {
                    double bits = 256.0 + 128.0 * (double)a;
                    CHECK((got >= bits) == (ref >= bits));
                    if (want[a] == 0 && ref >= bits) {
                        want[a] = length;
                    }
                }
            }
            CHECK(jsk_alphabet_default_length(JSK_ALG_HS256, n) == want[0]);
            CHECK(jsk_alphabet_default_length(JSK_ALG_HS384, n) == want[1]);
            CHECK(jsk_alphabet_default_length(JSK_ALG_HS512, n) == want[2]);
        }
    }

    CHECK_RC(jsk_generate_alphabet(out, sizeof out, &len, JSK_ALG_HS256, "0123456789", 10, 0), 0);
    CHECK(len == 78 && strlen(out) == 78 && strspn(out, "0123456789") == 78);
    CHECK_RC(jsk_generate_alphabet(out, sizeof out, &len, JSK_ALG_HS256, "0123456789", 10, 77),
             JSK_ERR_KEY_TOO_SHORT);
    CHECK_RC(jsk_generate_alphabet(out, sizeof out, &len, JSK_ALG_UNSET, "0123456789", 10, 6), 0);
    CHECK(len == 6 && strlen(out) == 6);
    CHECK_RC(jsk_generate_alphabet(out, sizeof out, &len, JSK_ALG_UNSET, "01", 2, 4096), 0);
    CHECK(len == 4096);
    CHECK_RC(jsk_generate_alphabet(out, sizeof out, &len, JSK_ALG_UNSET, "01", 2, 4097), JSK_ERR_OUT_OF_RANGE);
    CHECK_RC(jsk_generate_alphabet(out, 78, &len, JSK_ALG_HS256, "0123456789", 10, 0), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK_RC(jsk_generate_alphabet(out, sizeof out, &len, JSK_ALG_UNSET, "aa", 2, 5), JSK_ERR_BAD_ALPHABET);
    CHECK_RC(jsk_generate_alphabet(out, sizeof out, &len, 9, "ab", 2, 5), JSK_ERR_UNKNOWN_ALG);
}

/* Chi-square critical value at p = 1e-4 (Wilson–Hilferty): a correct sampler fails 1 run in 10^4. */
static double chi2_critical(double df)
{
    const double z = 3.719;
    double t = 1.0 - 2.0 / (9.0 * df) + z * sqrt(2.0 / (9.0 * df));
    return df * t * t * t;
}

static double chi2(const unsigned long *counts, size_t n, unsigned long total)
{
    double expected = (double)total / (double)n, sum = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        double d = (double)counts[i] - expected;
        sum += d * d / expected;
    }
    return sum;
}

static void test_rejection_sampling_bias(void)
{
    static const char *alphabets[] = {
        "0123456789",
        "0123456789abcdefghijklmnopqrstuvwxyz",
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    };
    enum { TOTAL = 1000000, CHUNK = 4000 };
    static char out[CHUNK + 1];
    size_t a;

    for (a = 0; a < 3; a++) {
        const char *alpha = alphabets[a];
        size_t n = strlen(alpha), i, len;
        unsigned long counts[94] = {0}, biased[94] = {0};
        uint8_t bytes[CHUNK];
        unsigned long done;
        double x, xb, crit = chi2_critical((double)(n - 1));

        for (done = 0; done < TOTAL; done += CHUNK) {
            CHECK_RC(jsk_generate_alphabet(out, sizeof out, &len, JSK_ALG_UNSET, alpha, n, CHUNK), 0);
            for (i = 0; i < len; i++) {
                counts[strchr(alpha, out[i]) - alpha]++;
            }
            /* The control: the same bytes reduced modulo n, the mistake rejection sampling avoids. */
            CHECK_RC(jsk_random_fill(bytes, CHUNK), 0);
            for (i = 0; i < CHUNK; i++) {
                biased[bytes[i] % n]++;
            }
        }
        x = chi2(counts, n, TOTAL);
        xb = chi2(biased, n, TOTAL);
        printf("alphabet of %2zu: chi-square %.1f (critical %.1f at p=1e-4); modulo control %.1f\n", n, x, crit,
               xb);
        CHECK(x < crit);
        CHECK(xb > crit); /* the test has the power to see modulo bias */
    }
}

static void test_env_lines(void)
{
    char out[200];
    size_t len;
    char longname[130];

    CHECK_RC(jsk_env_line(out, sizeof out, &len, "JWT_SECRET", 10, "abc-_", 5), 0);
    CHECK(strcmp(out, "JWT_SECRET=abc-_") == 0 && len == 16);
    CHECK_RC(jsk_env_line(out, sizeof out, &len, "_x9", 3, "a+/=", 4), 0);
    CHECK(strcmp(out, "_x9=a+/=") == 0);
    CHECK_RC(jsk_env_line(out, sizeof out, &len, "S", 1, "a#b$c\"d", 7), 0);
    CHECK(strcmp(out, "S='a#b$c\"d'") == 0 && len == 11);
    CHECK_RC(jsk_env_line(out, sizeof out, &len, "S", 1, "a'b", 3), JSK_ERR_UNSAFE_VALUE);
    CHECK_RC(jsk_env_line(out, sizeof out, &len, "S", 1, "a b", 3), JSK_ERR_UNSAFE_VALUE);
    CHECK_RC(jsk_env_line(out, sizeof out, &len, "S", 1, "a\nb", 3), JSK_ERR_UNSAFE_VALUE);
    CHECK_RC(jsk_env_line(out, sizeof out, &len, "S", 1, "", 0), JSK_ERR_UNSAFE_VALUE);
    CHECK_RC(jsk_env_line(out, sizeof out, &len, "9S", 2, "a", 1), JSK_ERR_BAD_NAME);
    CHECK_RC(jsk_env_line(out, sizeof out, &len, "JWT-SECRET", 10, "a", 1), JSK_ERR_BAD_NAME);
    CHECK_RC(jsk_env_line(out, sizeof out, &len, "", 0, "a", 1), JSK_ERR_BAD_NAME);
    CHECK_RC(jsk_env_line(out, sizeof out, &len, "A B", 3, "a", 1), JSK_ERR_BAD_NAME);
    memset(longname, 'A', sizeof longname);
    CHECK_RC(jsk_env_name_check(longname, 128), 0);
    CHECK_RC(jsk_env_name_check(longname, 129), JSK_ERR_BAD_NAME);
    CHECK_RC(jsk_env_line(out, 5, &len, "S", 1, "abcd", 4), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK_RC(jsk_env_line(out, 7, &len, "S", 1, "abcd", 4), 0);
}

int main(void)
{
    test_presets();
    test_unique();
    test_ranges();
    test_alphabet_rules();
    test_rejection_sampling_bias();
    test_env_lines();
    return check_report("generate");
}
