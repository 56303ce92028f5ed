/* check_report.c — what the checker reports: names for verdicts and findings, the time-to-guess
 * and fix texts, and the report as one line of JSON: the one serialisation the JS API and the CLI
 * (both builds) print. */
#include <math.h>
#include <string.h>

#include "jsk.h"
#include "text_internal.h"

static const char *const verdict_names[] = {NULL, "weak", "fair", "strong"};
static const char *const finding_names[] = {
    NULL,         "EMPTY",    "KNOWN_SECRET", "PLACEHOLDER", "KNOWN_CONSTANT", "LOOKS_LIKE_JWT",
    "UUID",       "DICTIONARY", "REPEAT",     "SEQUENCE",    "KEYBOARD",       "DATE",
    "SHORT_KEY",  "LOW_ENTROPY", "WHITESPACE", "INVALID_UTF8", "ENCODED",        "ENCODED_TEXT", "CONTEXT"};

size_t jsk_report_sizeof(void) { return sizeof(jsk_report); }

const char *jsk_verdict_name(int verdict)
{
    return verdict >= JSK_VERDICT_WEAK && verdict <= JSK_VERDICT_STRONG ? verdict_names[verdict] : NULL;
}

const char *jsk_finding_name(int code)
{
    return code >= JSK_FINDING_EMPTY && code <= JSK_FINDING_CONTEXT ? finding_names[code] : NULL;
}

/* The report's writers, by their short names (text.c has them for every text the core writes). */
typedef jsk_text out_t;
static void raw(out_t *o, const char *s) { jsk_text_put(o, s); }
static void str(out_t *o, const char *s) { jsk_text_json_string(o, s); }
static void uint_(out_t *o, unsigned long long v) { jsk_text_uint(o, v); }

static void fixed1(out_t *o, double v) { jsk_text_fixed1(o, v); }

/* 10^y for the report's figures (two significant digits, whole units): e^(f ln 10) by its series
 * on an eighth of the range, squared back, times 10 for each whole power. Accurate to about 1e-14
 * relative, far beyond what is printed; libm's pow would add its tables to the check module. */
static double pow10_(double y)
{
    double n = floor(y), z = (y - n) * 2.302585092994045684 / 8.0, term = 1.0, sum = 1.0, r;
    int k;
    for (k = 1; k < 18; k++) {
        term *= z / k;
        sum += term;
    }
    r = sum * sum;
    r *= r;
    r *= r;
    for (; n >= 1.0; n -= 1.0) {
        r *= 10.0;
    }
    for (; n <= -1.0; n += 1.0) {
        r /= 10.0;
    }
    return r;
}

/* 10^x with two significant digits, as C's "%.2g" writes it ("52", "2.9e+05", "5.2e-05"), but
 * without printf (whose float formatting would add kilobytes to every WASM module); 0 below 1e-6,
 * and at most 1e+300, beyond which a double would overflow (guesses_log10 keeps the size). */
static void pow10_number(out_t *o, double x)
{
    double e;
    unsigned m;
    long ex;
    if (x < -6.0) {
        raw(o, "0");
        return;
    }
    if (x >= 300.0) {
        x = 300.0;
    }
    e = floor(x);
    m = (unsigned)floor(pow10_(x - e) * 10.0 + 0.5); /* 10..100: the two digits */
    if (m >= 100) {
        m = 10;
        e += 1.0;
    }
    ex = (long)e;
    if (ex < -4 || ex >= 2) { /* d[.d]e+XX */
        uint_(o, m / 10U);
        if (m % 10U != 0) {
            raw(o, ".");
            uint_(o, m % 10U);
        }
        raw(o, ex < 0 ? "e-" : "e+");
        if (ex > -10 && ex < 10) {
            raw(o, "0");
        }
        uint_(o, (unsigned long long)(ex < 0 ? -ex : ex));
    } else if (ex == 1) { /* two digits */
        uint_(o, m);
    } else { /* ex in -4..0: d[.d] or 0.000dd */
        long k;
        if (ex == 0) {
            uint_(o, m / 10U);
            if (m % 10U != 0) {
                raw(o, ".");
                uint_(o, m % 10U);
            }
            return;
        }
        raw(o, "0.");
        for (k = 1; k < -ex; k++) {
            raw(o, "0");
        }
        uint_(o, m % 10U != 0 ? m : m / 10U);
    }
}

/* A plain-words duration for log10(seconds). */
static void duration(out_t *o, double lg);

int jsk_time_to_guess(char *out, size_t out_maxlen, double seconds_log10)
{
    char quoted[80];
    out_t o = {quoted, 0, sizeof quoted, 0};
    size_t n;
    if (out == NULL || out_maxlen == 0) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    quoted[0] = '\0';
    duration(&o, seconds_log10);
    n = o.len >= 2 ? o.len - 2 : 0; /* without the quotes str() added */
    if (o.overflow || out_maxlen < n + 1) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    memcpy(out, quoted + 1, n);
    out[n] = '\0';
    return JSK_OK;
}

int jsk_report_fix(char *out, size_t out_maxlen, const jsk_report *r)
{
    char fix[64] = "";
    if (out == NULL || r == NULL || jsk_alg_name(r->alg) == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (r->verdict != JSK_VERDICT_STRONG) {
        strcpy(fix, "jwt-secret generate --alg ");
        strcat(fix, jsk_alg_name(r->alg));
        if (r->encoding == JSK_ENCODING_HEX) {
            strcat(fix, " --format hex");
        } else if (r->encoding == JSK_ENCODING_BASE64) {
            strcat(fix, " --format base64");
        }
    }
    if (out_maxlen < strlen(fix) + 1) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    strcpy(out, fix);
    return JSK_OK;
}

static void duration(out_t *o, double lg)
{
    static const struct {
        double seconds;
        const char *unit;
    } units[] = {{31557600e9, "billion years"}, {31557600e6, "million years"}, {31557600e3, "thousand years"},
                 {31557600.0, "years"}, {86400.0, "days"}, {3600.0, "hours"}, {60.0, "minutes"}, {1.0, "seconds"}};
    char text[64];
    out_t t = {text, 0, sizeof text, 0};
    size_t i;

    text[0] = '\0';
    if (lg < 0.0) {
        str(o, "less than a second");
        return;
    }
    if (lg > log10(4.35e17)) {
        str(o, "longer than the age of the universe");
        return;
    }
    for (i = 0; i < sizeof units / sizeof units[0]; i++) {
        double n = pow10_(lg) / units[i].seconds;
        if (n >= 1.0) {
            uint_(&t, (unsigned long long)floor(n));
            raw(&t, " ");
            raw(&t, units[i].unit);
            break;
        }
    }
    str(o, text);
}

static int has_code(const jsk_report *r, int code)
{
    size_t i;
    for (i = 0; i < r->n_findings; i++) {
        if (r->findings[i].code == code) {
            return 1;
        }
    }
    return 0;
}

int jsk_report_meaning(char *out, size_t out_maxlen, const jsk_report *r)
{
    char one[80], many[80];
    const char *alg;
    size_t need;
    out_t o;
    if (out == NULL || r == NULL || jsk_alg_name(r->alg) == NULL || jsk_verdict_name(r->verdict) == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    o.buf = out;
    o.len = 0;
    o.cap = out_maxlen;
    o.overflow = 0;
    if (out_maxlen > 0) {
        out[0] = '\0';
    }
    alg = jsk_alg_name(r->alg);
    need = jsk_alg_key_bytes(r->alg);
    jsk_time_to_guess(one, sizeof one, r->seconds_log10);
    jsk_time_to_guess(many, sizeof many, r->seconds_log10 - 3.0);
    if (r->verdict == JSK_VERDICT_WEAK && r->length == 0) {
        raw(&o, "anyone can sign tokens: there is nothing to guess");
    } else if (r->verdict == JSK_VERDICT_WEAK &&
               (has_code(r, JSK_FINDING_KNOWN_SECRET) || has_code(r, JSK_FINDING_PLACEHOLDER) ||
                has_code(r, JSK_FINDING_KNOWN_CONSTANT) || has_code(r, JSK_FINDING_LOOKS_LIKE_JWT))) {
        raw(&o, "a wordlist-and-rules attack (published defaults, placeholders, common words and passwords, "
                "the project's name, with their variants) finds it in ");
        raw(&o, one);
        raw(&o, " on one GPU");
    } else if (r->verdict == JSK_VERDICT_WEAK) {
        raw(&o, "a wordlist-and-rules attack finds it in ");
        raw(&o, one);
        raw(&o, " on one GPU, ");
        raw(&o, many);
        raw(&o, " on 1,000: below ");
        uint_(&o, (unsigned long long)floor(JSK_WEAK_BELOW_BITS + 0.5));
        raw(&o, " bits, guessing it is within an attacker's reach");
    } else if (r->verdict == JSK_VERDICT_FAIR) {
        raw(&o, "not practically guessable (");
        raw(&o, one);
        raw(&o, " on one GPU), but below what ");
        raw(&o, alg);
        raw(&o, " asks: ");
        uint_(&o, need);
        raw(&o, " random bytes, ");
        uint_(&o, 8U * need);
        raw(&o, " bits");
    } else {
        raw(&o, "brute force on one GPU would take ");
        raw(&o, one);
        raw(&o, ", and it meets ");
        raw(&o, alg);
        raw(&o, "'s ");
        uint_(&o, need);
        raw(&o, " bytes of key");
    }
    return o.overflow || out_maxlen == 0 ? JSK_ERR_BUFFER_TOO_SMALL : JSK_OK;
}

static void verdict_map(out_t *o, const int verdicts[3])
{
    int a;
    raw(o, "{");
    for (a = JSK_ALG_HS256; a <= JSK_ALG_HS512; a++) {
        if (a > JSK_ALG_HS256) {
            raw(o, ",");
        }
        str(o, jsk_alg_name(a));
        raw(o, ":");
        str(o, jsk_verdict_name(verdicts[a - 1]));
    }
    raw(o, "}");
}

int jsk_report_json(char *out, size_t out_maxlen, size_t *out_len, const jsk_report *r)
{
    static const char *const shape_names[] = {"hex", "base64", "base64url", "uuid", "jwt"};
    out_t o = {out, 0, out_maxlen, 0};
    size_t i;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (out == NULL || r == NULL || jsk_verdict_name(r->verdict) == NULL || jsk_alg_name(r->alg) == NULL) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (out_maxlen > 0) {
        out[0] = '\0';
    }
    raw(&o, "{\"verdict\":");
    str(&o, jsk_verdict_name(r->verdict));
    raw(&o, ",\"alg\":");
    str(&o, jsk_alg_name(r->alg));
    raw(&o, ",\"encoding\":");
    str(&o, jsk_encoding_name(r->encoding));
    raw(&o, ",\"key_bytes\":");
    uint_(&o, r->key_bytes);
    raw(&o, ",\"length\":");
    uint_(&o, r->length);
    raw(&o, ",\"entropy_bits\":");
    fixed1(&o, r->entropy_bits);
    raw(&o, r->entropy_capped ? ",\"entropy_capped\":true" : ",\"entropy_capped\":false");
    raw(&o, ",\"guesses_log10\":");
    fixed1(&o, r->entropy_bits * 0.30102999566398120);
    raw(&o, ",\"seconds_to_guess\":");
    pow10_number(&o, r->seconds_log10);
    raw(&o, ",\"time_to_guess\":");
    duration(&o, r->seconds_log10);
    raw(&o, ",\"meaning\":");
    {
        char meaning[JSK_REPORT_MEANING_LEN_MAX];
        jsk_report_meaning(meaning, sizeof meaning, r);
        str(&o, meaning);
    }
    raw(&o, ",\"verdicts\":");
    verdict_map(&o, r->verdicts);
    raw(&o, ",\"findings\":[");
    for (i = 0; i < r->n_findings; i++) {
        raw(&o, i > 0 ? ",{\"code\":" : "{\"code\":");
        str(&o, jsk_finding_name(r->findings[i].code));
        raw(&o, ",\"message\":");
        str(&o, r->findings[i].message);
        raw(&o, "}");
    }
    raw(&o, "],\"shapes\":[");
    for (i = 0; i < 5; i++) {
        if (r->shapes & (1U << i)) {
            raw(&o, o.buf[o.len - 1] == '[' ? "" : ",");
            str(&o, shape_names[i]);
        }
    }
    raw(&o, "],\"alternatives\":[");
    for (i = 0; i < r->n_alternatives; i++) {
        raw(&o, i > 0 ? ",{\"encoding\":" : "{\"encoding\":");
        str(&o, jsk_encoding_name(r->alternatives[i].encoding));
        raw(&o, ",\"key_bytes\":");
        uint_(&o, r->alternatives[i].key_bytes);
        raw(&o, ",\"verdicts\":");
        verdict_map(&o, r->alternatives[i].verdicts);
        raw(&o, "}");
    }
    raw(&o, "],\"fix\":");
    if (r->verdict == JSK_VERDICT_STRONG) {
        raw(&o, "null");
    } else {
        char fix[64];
        jsk_report_fix(fix, sizeof fix, r);
        str(&o, fix);
    }
    raw(&o, "}");
    if (o.overflow) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    if (out_len != NULL) {
        *out_len = o.len;
    }
    return JSK_OK;
}
