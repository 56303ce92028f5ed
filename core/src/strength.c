/* strength.c — jsk_check(): how an application would use a secret as an HMAC key, how many guesses
 * finding it takes, and a verdict per algorithm with findings that explain it. The entropy estimate
 * is in strength_match.c; machine formats, placeholders and verdict rules are here. */
#include <math.h>
#include <string.h>

#include "jsk.h"
#include "codec_internal.h"
#include "dict_internal.h"
#include "strength_data.h"
#include "strength_internal.h"
#include "utf8_internal.h"

/* A string counts as patterned when its patterns save at least 32 bits, or 15% of what it could
 * hold if it were random: chance matches in random output (a year, "abc", a short word) save less. */
#define RANDOM_MARGIN_BITS 32.0
#define RANDOM_MARGIN_SHARE 0.15
/* Machine-made text: several chance matches can add up. In 10^6 random Django keys one had 65 bits of
 * them (a l33t password, a short word, a counting run): 80 bits, or 25% for 256-bit keys. */
#define RANDOM_MARGIN_MACHINE_BITS 80.0
#define RANDOM_MARGIN_MACHINE_SHARE 0.25
#define WORDLIST_RULES_BITS 48.0 /* 10^8 candidates times 10^6 rules: about a day on one GPU */
#define DIGEST_OF_WORD_BITS 12.0 /* which of a few hundred words, and which of three hashes */
#define ENCODING_CHOICE_BITS 2.0 /* hex, base64 or base64url: which one an attacker tries */
#define DECODED_TEXT_MAX 1024    /* bytes (a long paragraph): longer encoded text is judged as it is */
#define FEW_KEYS_MARGIN_BITS 48.0
#define MACHINE_MIN_SAVING 16.0 /* bits: a pattern must be 65536 times likelier than random characters */

/* ------------------------------------------------------------------ messages */

typedef struct {
    char *buf;
    size_t len, cap;
} text_t;

static void put(text_t *t, const char *s)
{
    while (*s != '\0' && t->len + 1 < t->cap) {
        t->buf[t->len++] = *s++;
    }
    t->buf[t->len] = '\0';
}

static void put_uint(text_t *t, unsigned long long v)
{
    char digits[24];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + v % 10U);
        v /= 10U;
    } while (v > 0 && n < sizeof digits);
    while (n > 0 && t->len + 1 < t->cap) {
        t->buf[t->len++] = digits[--n];
    }
    t->buf[t->len] = '\0';
}

static jsk_finding *add_finding(jsk_report *r, int code)
{
    jsk_finding *f;
    size_t i;
    for (i = 0; i < r->n_findings; i++) {
        if (r->findings[i].code == code) {
            return NULL; /* one finding per code */
        }
    }
    if (r->n_findings >= JSK_REPORT_FINDINGS_MAX) {
        return NULL;
    }
    f = &r->findings[r->n_findings++];
    f->code = code;
    f->message[0] = '\0';
    return f;
}

static void finding(jsk_report *r, int code, const char *message)
{
    jsk_finding *f = add_finding(r, code);
    if (f != NULL) {
        text_t t = {f->message, 0, sizeof f->message};
        put(&t, message);
    }
}

/* ------------------------------------------------------------- decoding */


static int utf8_valid(const uint8_t *s, size_t n)
{
    size_t i = 0, step;
    while (i < n) {
        if ((step = jsk_utf8_sequence(s + i, n - i)) == 0) {
            return 0;
        }
        i += step;
    }
    return 1;
}

/* ------------------------------------------------------------- shapes */

static int hexchar(uint8_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static int b64urlchar(uint8_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
}

/* Base32 (RFC 4648: A-Z 2-7, or lowercase, with up to six '=' of padding): 5 bits a character. */
static int base32_shape(const uint8_t *s, size_t n)
{
    size_t i, pad = 0;
    int upper = 0, lower = 0, digit = 0;
    while (pad < n && pad < 6 && s[n - 1 - pad] == '=') {
        pad++;
    }
    if (n - pad < 16) {
        return 0;
    }
    for (i = 0; i < n - pad; i++) {
        uint8_t c = s[i];
        upper |= c >= 'A' && c <= 'Z';
        lower |= c >= 'a' && c <= 'z';
        digit |= c >= '2' && c <= '7';
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
            return 0;
        }
    }
    /* Lowercase letters alone are more likely typed than base32. */
    return upper ? !lower : lower && digit;
}

/* Text that a generator could have made from an alphabet of two or more character classes (the 94
 * printable characters, Ascii85, Z85, Django's alphabet, lowercase and digits): printable ASCII
 * without spaces, 24 characters or more. */
#define LOWER_GENERATED_MIN 40 /* below 188 bits: never strong, and typed lowercase phrases stay typed */
/* Lowercase text at most this many bits a letter under the letter model of typed words is typed:
 * English runs about 3.5, random letters 5.3 (the least of 10^6 random 55-letter strings: 4.70). */
#define LOWER_TYPED_BITS 4.5

static int lower_only(const uint8_t *s, size_t n)
{
    size_t i;
    for (i = 0; i < n && s[i] >= 'a' && s[i] <= 'z'; i++) {
    }
    return i == n;
}

static int maybe_generated(const uint8_t *s, size_t n)
{
    size_t i;
    unsigned classes = 0;
    if (n < 24) {
        return 0; /* shorter random text holds less than 160 bits: fair at best, whatever it matches */
    }
    for (i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (c < 0x21 || c > 0x7e) {
            return 0; /* spaces, controls and non-ASCII: typed, not generated */
        }
        classes |= ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ? 1U : (c >= '0' && c <= '9') ? 2U : 4U;
    }
    /* Lowercase letters alone: a generator of them too (64 such hold 300 bits), once the text is
     * long enough that chance short words add up (1 in 35 of 64 random ones lost 45 bits to them),
     * unless the letters read as typed words (estimate_text). */
    return (classes != 1U && classes != 2U && classes != 4U) || (classes == 1U && n >= LOWER_GENERATED_MIN && lower_only(s, n));
}

/* Words joined by one separator ("ship-in-the-harbor-is-safe", "MY_APP_JWT_KEY",
 * "clave_muy_segura_min_32_caracteres"): letters of one case only, or digits only, between single
 * '-', '_' or '.', three words of letters or more. People type that; a generator of base64url or
 * Django keys draws digits and both cases and mixes letters with digits (43 random base64url
 * characters with no capital: about 1 in 10^11, and then each part all letters or all digits), so
 * such text is read as words, not as machine-made. */
static int phrase_shape(const uint8_t *s, size_t n)
{
    size_t i, words = 0;
    uint8_t sep = 0;
    int lower = 0, upper = 0, letters = 0, digits = 0;
    if (n < 12) {
        return 0;
    }
    for (i = 0; i <= n; i++) {
        uint8_t c = i < n ? s[i] : 0;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
            letters++;
            continue;
        }
        if (c >= '0' && c <= '9') {
            digits++;
            continue;
        }
        if (letters > 0 && digits > 0) {
            return 0; /* a part that mixes letters and digits: how generated text looks */
        }
        words += letters > 0;
        letters = digits = 0;
        if (i == n) {
            break;
        }
        if ((c != '-' && c != '_' && c != '.') || (sep != 0 && c != sep) || i == 0 || i == n - 1 || s[i - 1] == c) {
            return 0;
        }
        sep = c;
    }
    return words >= 3 && !(lower && upper); /* one case: mixed case is how base64url looks */
}

/* The alphabet a brute-force attacker would pick for this string: hex 16, base64 64, base32 32,
 * otherwise the sum of the character classes present. Also notes the machine shapes it fits, and
 * whether it looks machine-made (*machine), where chance matches must not count. */
static double alphabet_bits(const uint8_t *s, size_t n, unsigned *shapes, int *machine, double *drawn)
{
    int lower = 0, upper = 0, digit = 0, other = 0, high = 0, urlsym = 0, stdsym = 0, hexlower = 1, hexupper = 1;
    size_t i, pad = 0;
    double card;

    while (pad < n && pad < 2 && s[n - 1 - pad] == '=') {
        pad++;
    }
    for (i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (c >= 'a' && c <= 'z') {
            lower = 1;
            hexupper = 0;
            hexlower &= c <= 'f';
        } else if (c >= 'A' && c <= 'Z') {
            upper = 1;
            hexlower = 0;
            hexupper &= c <= 'F';
        } else if (c >= '0' && c <= '9') {
            digit = 1;
        } else if (c >= 0x80) {
            high = 1;
            hexlower = hexupper = 0;
        } else if ((c == '-' || c == '_')) {
            urlsym = 1;
            hexlower = hexupper = 0;
        } else if (c == '+' || c == '/' || (c == '=' && i >= n - pad)) {
            stdsym = 1;
            hexlower = hexupper = 0;
        } else {
            other = 1;
            hexlower = hexupper = 0;
        }
    }
    *machine = 0;
    if (n > 0 && (hexlower || hexupper)) {
        *shapes |= JSK_SHAPE_HEX;
        *machine = n >= 16;
        return (lower || upper) ? 4.0 : log2(10.0);
    }
    if (base32_shape(s, n)) {
        *machine = 1;
        return 5.0;
    }
    /* Mixed-case text with base64's symbols, or long enough that lacking digits is chance. */
    if (!other && !high && !(urlsym && stdsym) && (urlsym || stdsym || (lower && upper && (digit || n >= 20))) &&
        !phrase_shape(s, n)) {
        *shapes |= stdsym ? JSK_SHAPE_BASE64 : JSK_SHAPE_BASE64URL;
        *machine = n >= 16;
        return 6.0;
    }
    *machine = !phrase_shape(s, n) && maybe_generated(s, n);
    other |= urlsym && stdsym; /* both base64 alphabets' symbols: symbols of any kind */
    /* Generated text with symbols: a generator of such text draws from all the printable characters,
     * whichever classes this one string happens to lack. */
    if (*machine && other) {
        /* Its patterns are weighed against the classes it draws from (see estimate_text). */
        *drawn = log2((double)((lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + 33));
        return log2(95.0);
    }
    card = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (urlsym || stdsym ? (other ? 0 : 2) : 0) +
           (other ? 33 : 0) + (high ? 128 : 0);
    return card > 1 ? log2(card) : 1.0;
}

/* Bits a string of this shape holds at most if it is random: 4 per hex digit, 8 per decoded byte
 * of canonical base64, otherwise the alphabet's bits per character. */
static double capacity_bits(const uint8_t *s, size_t n, unsigned shapes, double bf)
{
    size_t bytes;
    if (bf == 5.0) { /* base32: its padding holds nothing */
        while (n > 0 && s[n - 1] == '=') {
            n--;
        }
    }
    if (shapes & JSK_SHAPE_HEX) {
        return bf * (double)n;
    }
    if ((shapes & (JSK_SHAPE_BASE64 | JSK_SHAPE_BASE64URL)) &&
        jsk_decoded_size(s, n, (shapes & JSK_SHAPE_BASE64) ? JSK_ENCODING_BASE64 : JSK_ENCODING_BASE64URL, &bytes, NULL) == JSK_OK) {
        return 8.0 * (double)bytes;
    }
    return bf * (double)n;
}

/* Bits of s read as drawn from a smaller alphabet than its classes: which k of the 2^bf characters
 * (log2 C(2^bf, k)), then log2 k bits a character, as a hand mash of a few keys is
 * ("s9g8f7wf8sg9sgfs9df7...": 10 keys of 36). A complete code: random text, which uses nearly all
 * of its alphabet, costs more so. */
static double few_keys_bits(const uint8_t *s, size_t n, double bf, double *which, size_t *keys)
{
    uint8_t seen[32];
    size_t i, k = 0;
    double alphabet = 2.0, bits = 0.0;
    *keys = 0;
    while (alphabet < 256.0 && log2(alphabet) < bf - 1e-9) { /* 2^bf without pow(), kilobytes in WASM */
        alphabet += 1.0;
    }
    memset(seen, 0, sizeof seen);
    for (i = 0; i < n; i++) {
        if (!(seen[s[i] >> 3] & (1U << (s[i] & 7U)))) {
            seen[s[i] >> 3] |= (uint8_t)(1U << (s[i] & 7U));
            k++;
        }
    }
    if (k < 2 || (double)k >= alphabet) {
        return 1e9;
    }
    for (i = 0; i < k; i++) { /* log2 C(alphabet, k) */
        bits += log2((alphabet - (double)i) / (double)(i + 1));
    }
    *which = bits;
    *keys = k;
    return bits + (double)n * log2((double)k) + 1.0;
}

/* Bits of hex text read as its sequence of letters and digits, each class given the one before it
 * by an adaptive estimate ((count + 1/2) / (total + 1)), then which of 6 letters or 10 digits.
 * Letters and digits that take turns ("a3f7b2c9...", the "random" hex code assistants write) cost
 * their characters only: 64 such digits hold about 195 bits, not 256. A complete code: in random hex
 * the classes come 6 to 10, and this costs more than 4 bits a digit but by chance. */
static double hex_class_bits(const uint8_t *s, size_t n)
{
    unsigned count[3][2], total[3];
    double bits = 1.0; /* which model */
    size_t i;
    int prev = 2;
    memset(count, 0, sizeof count);
    memset(total, 0, sizeof total);
    for (i = 0; i < n; i++) {
        int cls = s[i] > '9';
        bits += log2(((double)total[prev] + 1.0) / ((double)count[prev][cls] + 0.5) * (cls ? 6.0 : 10.0));
        count[prev][cls]++;
        total[prev]++;
        prev = cls;
    }
    return bits;
}

/* UUID (8-4-4-4-12 hex): its version, or 0 when s is not one. */
static int uuid_version(const uint8_t *s, size_t n)
{
    size_t i;
    if (n != 36) {
        return 0;
    }
    for (i = 0; i < 36; i++) {
        int dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !hexchar(s[i])) {
            return 0;
        }
    }
    return hexchar(s[14]) && s[14] <= '9' ? s[14] - '0' : 15;
}

static double uuid_bits(int version)
{
    return version == 4 ? 122.0 : version == 7 ? 106.0 : version == 1 || version == 6 ? 60.0 : version == 3 || version == 5 ? 40.0 : 122.0;
}

/* UUIDs joined directly or by one separator: how many (0 when s is not made of them only), the
 * bits they hold together, and the version of the first. */
static size_t uuid_list(const uint8_t *s, size_t n, double *bits, int *first_version)
{
    size_t pos = 0, count = 0;
    *bits = 0.0;
    *first_version = 0;
    while (pos + 36 <= n) {
        int v = uuid_version(s + pos, 36);
        if (v == 0) {
            return 0;
        }
        if (count++ == 0) {
            *first_version = v;
        }
        *bits += uuid_bits(v);
        pos += 36;
        if (pos < n && strchr("-_.:,; ", s[pos]) != NULL && s[pos] != 0) {
            pos++;
            *bits += count == 1 ? 3.0 : 0.0; /* which separator, once */
        }
        if (pos == n) {
            return count;
        }
    }
    return 0;
}

/* Three base64url segments joined by two dots, the first decoding to a JSON object with "alg". */
static int looks_like_jwt(const uint8_t *s, size_t n)
{
    size_t dots[2], ndots = 0, i, hlen;
    uint8_t header[96];
    int rc, found = 0;

    for (i = 0; i < n; i++) {
        if (s[i] == '.') {
            if (ndots == 2) {
                return 0;
            }
            dots[ndots++] = i;
        } else if (!b64urlchar(s[i]) && s[i] != '=') {
            return 0;
        }
    }
    if (ndots != 2 || dots[0] < 8 || dots[1] == dots[0] + 1) {
        return 0;
    }
    hlen = dots[0] > 128 ? 128 : dots[0] - dots[0] % 4U;
    rc = jsk_base64_decode(header, sizeof header, &hlen, (const char *)s, hlen, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING);
    if (rc == JSK_OK) {
        for (i = 0; i < hlen && (header[i] == ' ' || header[i] == '\t' || header[i] == '\r' || header[i] == '\n'); i++) {
        }
        if (i < hlen && header[i] == '{') {
            for (; i + 5 <= hlen; i++) {
                if (memcmp(header + i, "\"alg\"", 5) == 0) {
                    found = 1;
                }
            }
        }
    }
    jsk_wipe(header, sizeof header);
    return found;
}

/* ------------------------------------------------------------- placeholders */

static uint8_t lc(uint8_t c) { return (uint8_t)(c >= 'A' && c <= 'Z' ? c + 32 : c); }

static int contains_ci(const uint8_t *s, size_t n, const char *word)
{
    size_t w = strlen(word), i, k;
    for (i = 0; i + w <= n; i++) {
        for (k = 0; k < w && lc(s[i + k]) == (uint8_t)word[k]; k++) {
        }
        if (k == w) {
            return 1;
        }
    }
    return 0;
}

/* A name wrapped in delimiters: <your-secret>, ${JWT_SECRET}, %env(APP_SECRET)%. What is inside
 * must read like a name (letters, digits, space, - _ . : /) or name a secret, or random text that
 * happens to start with a bracket and end with one would count. */
static int wrapped(const uint8_t *s, size_t n, int random, const char *open, const char *close)
{
    static const char *const names[] = {"secret", "key", "token", "jwt", "env", "your", "pass", "value", "here", NULL};
    size_t lo = strlen(open), lcl = strlen(close), i, odd = 0, syntax = 0;
    if (!(n > lo + lcl && memcmp(s, open, lo) == 0 && memcmp(s + n - lcl, close, lcl) == 0)) {
        return 0;
    }
    for (i = lo; i < n - lcl; i++) {
        uint8_t c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
            (c != 0 && strchr(" -_.:/", c) != NULL)) {
            continue;
        }
        if (c != 0 && strchr("()[]'\"=%$", c) != NULL) {
            syntax++; /* template syntax: %env(APP_SECRET)%, <%= ENV['JWT_SECRET'] %> */
        } else {
            odd++;
        }
    }
    if (odd == 0 && syntax == 0) {
        return 1;
    }
    /* Template syntax and at most two other characters, when it names a secret: random printable
     * text holds many others (and, now and then, "jwt" or "key" by chance: so not when the string
     * reads as random, as "[?rYhw)PFC/vaaxZdKYaUzf26wph4+[V]mcyjwt]", Z85, did once in 10^6). */
    for (i = 0; odd <= 2 && !random && names[i] != NULL; i++) {
        if (contains_ci(s + lo, n - lo - lcl, names[i])) {
            return 1;
        }
    }
    return 0;
}

/* The lowercase letters of s only, to compare with placeholder words whatever the separators. */
static size_t letters_only(const uint8_t *s, size_t n, char *out, size_t cap)
{
    size_t i, k = 0;
    for (i = 0; i < n && k + 1 < cap; i++) {
        uint8_t c = lc(s[i]);
        if (c >= 'a' && c <= 'z') {
            out[k++] = (char)c;
        } else if (!(c == '-' || c == '_' || c == ' ' || c == '.' || (c >= '0' && c <= '9'))) {
            return 0; /* other symbols: not a plain placeholder phrase */
        }
    }
    out[k] = '\0';
    return i == n ? k : 0;
}

static int contains(const char *hay, const char *needle) { return strstr(hay, needle) != NULL; }

/* Accented Latin letters (U+00C0-U+017F) without their accents, '.' where not a letter. */
const char jsk_latin_fold[] = "AAAAAAACEEEEIIIIDNOOOOO.OUUUUYTsaaaaaaaceeeeiiiidnooooo.ouuuuyty"
                                 "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNn"
                                 "OoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* Instructions to replace the value, in the languages projects are written in: a verb among the
 * words, with what it asks for (me, this, production, ...) or as the phrase's first or second
 * word. Whole words only, accents folded, whatever the length: "please-replace-this-with-a-real-
 * secret-in-prod", "acme-super-secret-jwt-key-2025-change-in-production", "ganti-dengan-...". */
static const char *const instruction_verbs[] = {
    "change", "replace", "update", "rotate", "regenerate", "insert", "put", "enter", "set", "fill", "modify", "swap",
    "cambiar", "cambia", "cambiame", "cambialo", "reemplazar", "reemplaza", "reemplazame", "sustituir", "sustituye",
    "trocar", "troque", "troca", "mudar", "mude", "alterar", "altere", "substituir", "substitua", "changer", "changez",
    "remplacer", "remplacez", "modifier", "modifiez", "aendern", "andern", "aendere", "ersetzen", "ersetze",
    "cambiare", "sostituire", "sostituisci", "modificare", "ganti", "gantilah", "ubah", "ubahlah", "masukkan", "zmien",
    "zmienic", "zastap", "wpisz", "schimba", "schimbati", "inlocuieste", "inlocuiti", "promeni", "promenite",
    "promijeni", "zameni", "zamenite", "zamijeni", "ozgartiring", "almashtiring", "zmente", "zmenit", "nahradte",
    "degistir", "degistirin", "wijzig", "wijzigen", "vervang", "vervangen", NULL};
static const char *const instruction_objects[] = {
    "me", "this", "it", "production", "prod", "real", "own", "yours", "before", "deploy", "deployment", "deploying",
    "later", "please", "with", "por", "favor", "produccion", "producao", "produksi", "produzione", "produktion",
    "produkcji", "produkcja", "productie", "productie", "uretim", "dengan", "esto", "isto", "ceci", "dies", "questo",
    "bitte", "prosze", "silakan", "tolong", NULL};
/* Scripts written without spaces: "replace", "change", "enter", "here" as UTF-8. */
static const char *const instruction_texts[] = {
    "\xe6\x9b\xbf\xe6\x8d\xa2", "\xe6\x9b\xbf\xe6\x8f\x9b", "\xe6\x9b\xb4\xe6\x94\xb9", "\xe4\xbf\xae\xe6\x94\xb9",
    "\xe6\x94\xb9\xe6\x88\x90", "\xe5\xa4\x89\xe6\x9b\xb4", "\xe7\xbd\xae\xe3\x81\x8d\xe6\x8f\x9b\xe3\x81\x88",
    "\xe5\x85\xa5\xe5\x8a\x9b", "\xeb\xb3\x80\xea\xb2\xbd", "\xea\xb5\x90\xec\xb2\xb4", "\xec\x9e\x85\xeb\xa0\xa5",
    "\xeb\xb0\x94\xea\xbe\xb8", "\xeb\xb0\x94\xea\xbf\x94", "\xd0\xb7\xd0\xb0\xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb8",
    "\xd0\xb8\xd0\xb7\xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb8", "\xd1\x81\xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb8", NULL};

static int in_list(const char *const *list, const char *w, size_t len)
{
    size_t i;
    for (i = 0; list[i] != NULL; i++) {
        if (strlen(list[i]) == len && memcmp(list[i], w, len) == 0) {
            return 1;
        }
    }
    return 0;
}

static int is_instruction(const uint8_t *s, size_t n)
{
    char word[24];
    size_t i = 0, len = 0, index = 0;
    int verb_at = -1, object = 0, found = 0;
    uint8_t prev = 0;

    for (i = 0; instruction_texts[i] != NULL; i++) {
        size_t w = strlen(instruction_texts[i]), k;
        for (k = 0; k + w <= n; k++) {
            if (memcmp(s + k, instruction_texts[i], w) == 0) {
                return 1;
            }
        }
    }
    /* Words: letters (accents folded) between anything else, or before a capital after a lowercase. */
    for (i = 0; i <= n && !found; i++) {
        char c = 0;
        size_t step = 1;
        if (i < n && s[i] >= 0xC3 && s[i] <= 0xC5 && i + 1 < n && (s[i + 1] & 0xC0U) == 0x80U) {
            size_t cp = ((size_t)(s[i] & 0x1FU) << 6) | (s[i + 1] & 0x3FU);
            c = cp >= 0xC0 && cp - 0xC0 < JSK_LATIN_FOLD_LEN ? jsk_latin_fold[cp - 0xC0] : 0;
            c = c == '.' ? 0 : c;
            step = 2;
        } else if (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) {
            c = (char)s[i];
        }
        if (len > 0 && (c == 0 || (prev >= 'a' && prev <= 'z' && c >= 'A' && c <= 'Z'))) {
            if (len <= sizeof word) {
                if (in_list(instruction_verbs, word, len)) {
                    verb_at = verb_at < 0 ? (int)index : verb_at;
                } else if (in_list(instruction_objects, word, len)) {
                    object = 1;
                }
            }
            index++;
            len = 0;
            found = verb_at >= 0 && (object || verb_at <= 1);
        }
        if (c != 0) {
            if (len < sizeof word) {
                word[len] = (char)lc((uint8_t)c);
            }
            len++;
        }
        prev = c != 0 ? (uint8_t)c : 0;
        i += step - 1;
    }
    jsk_wipe(word, sizeof word);
    return found;
}

static int prev_digit(const uint8_t *s, size_t i) { return i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'; }

/* The requirement written out instead of met: "AtLeast32CharactersLong", "min_32_chars",
 * "must-be-long-enough", "pelo-menos-32-caracteres", "minimal_32_karakter", "32CharSecretKey".
 * Whole words (letters between anything else or before a capital after a lowercase; digits are a
 * word of their own): a word saying "at least" with a word saying what is counted, or a number of
 * 16 or more followed by one. */
static const char *const requirement_bounds[] = {"min", "minimum", "minimal", "minimo", "least", "atleast",
                                                 "mindestens", "menos", "must", "enough", NULL};
static const char *const requirement_units[] = {"char", "chars", "character", "characters", "caracteres",
                                                "caractere", "karakter", "zeichen", "bytes", "bits", "long",
                                                "length", NULL};

static int is_requirement(const uint8_t *s, size_t n)
{
    char word[16];
    size_t i, len = 0, number = 0;
    int bound = 0, unit = 0, counted = 0;
    uint8_t prev = 0;

    for (i = 0; i <= n; i++) {
        uint8_t c = i < n ? s[i] : 0;
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (len > 0 && (!letter || (prev >= 'a' && prev <= 'z' && c >= 'A' && c <= 'Z'))) { /* a word ends */
            int u = len <= sizeof word && in_list(requirement_units, word, len);
            bound = bound || (len <= sizeof word && in_list(requirement_bounds, word, len));
            unit = unit || u;
            counted = counted || (u && number >= 16U); /* "32chars", "32-characters" */
            number = 0;
            len = 0;
        }
        if (c >= '0' && c <= '9') {
            number = prev_digit(s, i) ? (number > 100000U ? number : number * 10U + (size_t)(c - '0')) : (size_t)(c - '0');
        } else if (!letter && c != '-' && c != '_' && c != ' ' && c != '.') {
            number = 0; /* only a separator keeps a number next to its unit */
        }
        if (letter) {
            if (len < sizeof word) {
                word[len] = (char)lc(c);
            }
            len++;
        }
        prev = letter ? c : 0;
    }
    jsk_wipe(word, sizeof word);
    return counted || (bound && unit);
}

static int is_placeholder(const uint8_t *s, size_t n, double bits, int random)
{
    static const char *const whole[] = {"changeme", "changethis", "changeit", "replaceme", "replacethis", "placeholder",
                                        "todo", "fixme", "tbd", "null", "undefined", "none", "dummy", "example",
                                        "sample", "secrethere", "keyhere", "xxx", NULL};
    static const char *const parts[] = {"changeme", "changethis", "replacewith", "replaceme", "replacethis",
                                        "yoursecret", "yourkey", "yourjwt", "yourtoken", "insert", "placeholder",
                                        "generatedsecret", "somesecret", "putyour", "enteryour", NULL};
    static const char *const starts[] = {"replacewith", "replaceme", "replacethis", "changeme", "changethis",
                                         "insertyour", "insert", "putyour", "enteryour", "addyour", "setyour",
                                         "generateyour", "generatea", NULL};
    char letters[128];
    size_t i, run = 1, k;
    int found = 0;

    if (wrapped(s, n, random, "<", ">") || wrapped(s, n, random, "${", "}") || wrapped(s, n, random, "{{", "}}") ||
        wrapped(s, n, random, "%", "%") || wrapped(s, n, random, "[", "]") || wrapped(s, n, random, "__", "__") ||
        wrapped(s, n, random, "@@", "@@") || wrapped(s, n, random, "#{", "}") || wrapped(s, n, random, "$(", ")") ||
        wrapped(s, n, random, "{", "}")) {
        return 1;
    }
    if (n >= 2 && s[0] == '$') {
        for (i = 1; i < n && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' || (s[i] >= '0' && s[i] <= '9')); i++) {
        }
        if (i == n) {
            return 1;
        }
    }
    /* xxxxxx, ******, ...... : six or more of a filler character. */
    for (i = 1; i < n; i++) {
        run = s[i] == s[i - 1] ? run + 1 : 1;
        if (run >= 6 && strchr("xX*.?#", s[i]) != NULL) {
            return 1;
        }
    }
    /* letters is a lowercase copy of the secret's letters: it is wiped before returning. */
    if (n < sizeof letters && (k = letters_only(s, n, letters, sizeof letters)) > 0) {
        for (i = 0; whole[i] != NULL && !found; i++) {
            found = strcmp(letters, whole[i]) == 0;
        }
        /* Instructions rather than secrets: "replace_with_a_secure_random_string", "change-me-...". */
        for (i = 0; starts[i] != NULL && !found; i++) {
            found = strncmp(letters, starts[i], strlen(starts[i])) == 0;
        }
        /* Phrases such as "replace_with_a_real_secret": only when the string is not random-looking. */
        for (i = 0; bits < 128.0 && parts[i] != NULL && !found; i++) {
            found = contains(letters, parts[i]);
        }
    }
    jsk_wipe(letters, sizeof letters); /* also what letters_only() copied before it gave up */
    return found || (!random && n <= 512 && (is_instruction(s, n) || is_requirement(s, n)));
}

/* ------------------------------------------------------------- verdicts */

static int verdict_for(int alg, size_t key_bytes, double bits, int forced_weak)
{
    size_t need = jsk_alg_key_bytes(alg);
    if (forced_weak || key_bytes == 0 || bits < JSK_WEAK_BELOW_BITS) {
        return JSK_VERDICT_WEAK;
    }
    return key_bytes >= need && bits >= 8.0 * (double)need ? JSK_VERDICT_STRONG : JSK_VERDICT_FAIR;
}

static void set_verdicts(int verdicts[3], size_t key_bytes, double bits, int forced_weak)
{
    int a;
    for (a = JSK_ALG_HS256; a <= JSK_ALG_HS512; a++) {
        verdicts[a - 1] = verdict_for(a, key_bytes, bits, forced_weak);
    }
}

static void add_encoded_finding(jsk_report *r, int encoding, size_t key_bytes)
{
    jsk_finding *f = add_finding(r, JSK_FINDING_ENCODED);
    text_t t;
    if (f == NULL) {
        return;
    }
    t.buf = f->message;
    t.len = 0;
    t.cap = sizeof f->message;
    put(&t, "it also decodes as ");
    put(&t, jsk_encoding_name(encoding));
    put(&t, " to a ");
    put_uint(&t, key_bytes);
    put(&t, "-byte key: libraries that decode it use those bytes, libraries that take the text (jsonwebtoken, jose) use all ");
    put_uint(&t, r->length);
}

/* ------------------------------------------------------------- the estimate */

/* Estimated bits to guess the text s[0..n), with its shapes and the kinds on the cheapest path. */
static double estimate_text(jsk_strength_ctx *cx, const uint8_t *s, size_t n, jsk_path *path, int *capped, unsigned *shapes)
{
    int machine = 0;
    size_t i;
    double bits, capacity, bf, first, few, classes, which = 0.0, drawn = 0.0;
    size_t keys = 0;
    bf = alphabet_bits(s, n, shapes, &machine, &drawn);
    if (machine && lower_only(s, n) && jsk_strength_lower_bits(cx, s, n) <= LOWER_TYPED_BITS * (double)n) {
        machine = 0; /* lowercase that reads as typed words ("rainbowsareredrainbowsareyellow...") */
    }
    /* In text a generator could have made, short chance matches are everywhere: first only clear
     * patterns count, and they are weighed against the classes this string draws from (Django's
     * 50 symbols: lowercase, digits, punctuation), not the 95 printable characters that its
     * capacity is counted in: a character that a pattern explains saves no more than it held. */
    cx->bf = drawn > 0.0 ? drawn : bf;
    cx->min_saving = machine ? MACHINE_MIN_SAVING : 0.0;
    cx->hex = (*shapes & JSK_SHAPE_HEX) != 0;
    for (i = 0, cx->numbers = 0; i < n && !cx->numbers; i++) {
        cx->numbers = !hexchar(s[i]) && strchr("-_.:,; ", s[i]) == NULL;
    }
    bits = jsk_strength_estimate(cx, s, n, path, capped);
    first = capacity_bits(s, n, *shapes, cx->bf);
    few = *capped ? 1e9 : few_keys_bits(s, n, cx->bf, &which, &keys);
    if (few < bits) {
        bits = few;
        memset(path, 0, sizeof *path);
        path->flags = JSK_PATH_REPEAT; /* few keys, each again and again */
    }
    /* A mash of few keys that also repeats itself ("kjhsdf983y4" typed again and again, changed): the
     * few keys' code with the patterns on top, a character no pattern explains costing log2 k bits,
     * not its alphabet's. Random text uses nearly all of its alphabet, and never gets here. */
    if (few < first) {
        jsk_path kpath;
        int kcapped = 0;
        double kbits, alphabet = cx->bf;
        cx->bf = log2((double)keys);
        kbits = jsk_strength_estimate(cx, s, n, &kpath, &kcapped) + which + 1.0;
        cx->bf = alphabet;
        if (!kcapped && kbits < bits) {
            bits = kbits;
            *path = kpath;
            path->flags |= JSK_PATH_REPEAT;
        }
    }
    cx->bf = bf;
    capacity = capacity_bits(s, n, *shapes, bf);
    /* Letters and digits of hex that take turns: one complete code over the whole string, so 32
     * bits saved is 1 chance in 2^32. */
    classes = *capped || bf != 4.0 ? 1e9 : hex_class_bits(s, n);
    if (classes < capacity - RANDOM_MARGIN_BITS && classes < bits) {
        memset(path, 0, sizeof *path);
        path->flags = JSK_PATH_SEQUENCE; /* a pattern, not random text */
        return classes;
    }
    /* A string that looks random and that patterns barely explain is random: small chance
     * matches (a year, "abc", a short word) in real random output must not lower it. Few keys are
     * one complete code over the whole string, like the classes above: 48 bits saved is enough (32,
     * and 16 for generators that draw from part of the classes, as Django's 50 of 69 symbols). */
    if (!*capped && few >= first - FEW_KEYS_MARGIN_BITS && first - bits < (machine ? RANDOM_MARGIN_MACHINE_BITS : RANDOM_MARGIN_BITS) &&
        first - bits < (machine ? RANDOM_MARGIN_MACHINE_SHARE : RANDOM_MARGIN_SHARE) * first) {
        memset(path, 0, sizeof *path);
        path->random = 1;
        return capacity;
    }
    if (machine && !*capped) {
        /* Patterned after all: now every match counts, as in typed text. */
        jsk_path typed;
        int typed_capped = 0;
        double typed_bits;
        cx->min_saving = 0.0;
        typed_bits = jsk_strength_estimate(cx, s, n, &typed, &typed_capped);
        if (typed_bits < bits && !typed_capped) {
            bits = typed_bits;
            *path = typed;
        }
    }
    return bits > capacity && !*capped ? capacity : bits;
}

/* Decodes s (hex or base64) into out when what it holds is readable text: printable ASCII, tabs,
 * line breaks and UTF-8 letters, at least 4 bytes. out is wiped when it is not. */
static int decoded_text(uint8_t *out, size_t cap, size_t *out_len, const uint8_t *s, size_t n, int encoding)
{
    size_t i = 0, step;
    if (jsk_decoded_len(n, encoding) > cap || jsk_decode(out, cap, out_len, (const char *)s, n, encoding) != JSK_OK) {
        jsk_wipe(out, cap);
        return 0;
    }
    while (i < *out_len) {
        uint8_t c = out[i];
        if (c >= 0x80 ? (step = jsk_utf8_sequence(out + i, *out_len - i)) == 0 : c == 0x7F || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            break;
        }
        i += c >= 0x80 ? step : 1U;
    }
    if (i < *out_len || *out_len < 4) {
        jsk_wipe(out, cap);
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ check */

/* The context words and their parts (between - _ . and spaces), 3 bytes or more, at most
 * JSK_CONTEXT_WORDS_MAX. */
static void context_words(jsk_strength_ctx *cx, const uint8_t *context, size_t n)
{
    size_t i = 0;
    cx->context = context;
    cx->n_context = 0;
    while (i < n) {
        size_t end = i, part;
        while (end < n && context[end] != '\n' && context[end] != '\0') {
            end++;
        }
        /* the whole line, then its parts */
        for (part = 0; part < 2; part++) {
            size_t a = i;
            while (a < end) {
                size_t b = a;
                while (b < end && (part == 0 || strchr("-_. ", context[b]) == NULL || context[b] == 0)) {
                    b++;
                }
                if (b - a >= 3 && cx->n_context < JSK_CONTEXT_WORDS_MAX && (part == 1 || b == end) &&
                    !(part == 1 && a == i && b == end)) {
                    cx->context_at[cx->n_context] = (uint16_t)a;
                    cx->context_len[cx->n_context++] = (uint16_t)(b - a);
                }
                a = b + 1;
            }
        }
        i = end + 1;
    }
}

int jsk_check(jsk_report *r, int alg, const jsk_dict *dict, const uint8_t *secret, size_t len, int encoding)
{
    return jsk_check_context(r, alg, dict, secret, len, encoding, NULL, 0);
}

int jsk_check_context(jsk_report *r, int alg, const jsk_dict *dict, const uint8_t *secret, size_t len, int encoding,
                      const uint8_t *context, size_t context_len)
{
    jsk_strength_ctx cx;
    jsk_path path;
    unsigned shapes = 0;
    size_t lo = 0, hi = len, key_bytes = len;
    double bits = 0.0;
    int capped = 0, forced_weak = 0, uniform = 0, encoded_text = 0, rc, uuid, a;
    uint8_t decoded[DECODED_TEXT_MAX];
    uint8_t decoded2[DECODED_TEXT_MAX * 3 / 4];
    size_t view_len = 0;
    const uint8_t *view = secret;
    size_t n_uuids;
    double ucap;

    if (r == NULL || dict == NULL || (secret == NULL && len > 0) || (context == NULL && context_len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    memset(r, 0, sizeof *r);
    if (alg == JSK_ALG_UNSET) {
        alg = JSK_ALG_HS256;
    }
    if (jsk_alg_key_bytes(alg) == 0) {
        return JSK_ERR_UNKNOWN_ALG;
    }
    if (encoding != JSK_ENCODING_RAW && encoding != JSK_ENCODING_HEX && encoding != JSK_ENCODING_BASE64 &&
        encoding != JSK_ENCODING_BASE64URL && encoding != JSK_ENCODING_AUTO) {
        return JSK_ERR_UNKNOWN_FORMAT; /* base64url-padded is base64url here: padding is optional */
    }
    if (len > JSK_CHECK_LEN_MAX || context_len > JSK_CONTEXT_LEN_MAX) {
        return JSK_ERR_OUT_OF_RANGE;
    }
    if (encoding != JSK_ENCODING_RAW && encoding != JSK_ENCODING_AUTO &&
        (rc = jsk_decoded_size(secret, len, encoding, &key_bytes, &uniform)) != JSK_OK) {
        return rc;
    }
    r->alg = alg;
    r->encoding = encoding == JSK_ENCODING_AUTO ? JSK_ENCODING_RAW : encoding;
    r->length = len;
    r->key_bytes = key_bytes;

    /* Surrounding whitespace is part of the key, but the analysis looks at what is inside it. */
    while (lo < hi && (secret[lo] == ' ' || secret[lo] == '\t' || secret[lo] == '\r' || secret[lo] == '\n')) {
        lo++;
    }
    while (hi > lo && (secret[hi - 1] == ' ' || secret[hi - 1] == '\t' || secret[hi - 1] == '\r' || secret[hi - 1] == '\n')) {
        hi--;
    }

    if (len == 0) {
        finding(r, JSK_FINDING_EMPTY, "the secret is empty: anyone can sign tokens");
        forced_weak = 1;
    } else {
        cx.dict = dict;
        jsk_strength_maps(&cx.maps);
        context_words(&cx, context, context_len);
        bits = estimate_text(&cx, secret + lo, hi - lo, &path, &capped, &shapes);
        view = secret + lo;
        view_len = hi - lo;
        /* Hex or base64 of readable text is that text, written another way; encoded twice (base64
         * of base64 of text), that text again, for 2 more bits. */
        {
            const uint8_t *src = secret + lo;
            size_t src_len = hi - lo, level, dlen = 0;
            unsigned sshapes = shapes;
            int outer = 0;
            for (level = 0; level < 2 && (sshapes & (JSK_SHAPE_HEX | JSK_SHAPE_BASE64 | JSK_SHAPE_BASE64URL)); level++) {
                int enc = (sshapes & JSK_SHAPE_HEX) ? JSK_ENCODING_HEX : (sshapes & JSK_SHAPE_BASE64) ? JSK_ENCODING_BASE64 : JSK_ENCODING_BASE64URL;
                uint8_t *dst = level == 0 ? decoded : decoded2;
                jsk_path dpath;
                int dcapped = 0;
                double dbits;
                outer = level == 0 ? enc : outer;
                if (!decoded_text(dst, level == 0 ? sizeof decoded : sizeof decoded2, &dlen, src, src_len, enc)) {
                    break;
                }
                sshapes = 0;
                dbits = estimate_text(&cx, dst, dlen, &dpath, &dcapped, &sshapes) + ENCODING_CHOICE_BITS * (double)(level + 1);
                if (dbits < bits) {
                    bits = dbits;
                    path = dpath;
                    capped = dcapped;
                    view = dst;
                    view_len = dlen;
                    encoded_text = outer; /* the finding names the encoding as written */
                }
                src = dst;
                src_len = dlen;
            }
        }
        if (lo > 0 || hi < len) {
            finding(r, JSK_FINDING_WHITESPACE,
                    "leading or trailing whitespace: it is part of the key for the HMAC, and easily lost when copied");
        }
        if ((encoding == JSK_ENCODING_RAW || encoding == JSK_ENCODING_AUTO) && !utf8_valid(secret, len)) {
            finding(r, JSK_FINDING_INVALID_UTF8,
                    "not valid UTF-8: tools and libraries may turn these bytes into different keys");
        }
        /* Machine formats. */
        n_uuids = uuid_list(secret + lo, hi - lo, &ucap, &uuid);
        if (n_uuids > 0) {
            shapes |= JSK_SHAPE_UUID;
            /* UUIDs are that unless something else explains them clearly better (16 bits, as above). */
            if (bits > ucap - MACHINE_MIN_SAVING) {
                bits = ucap;
            }
            finding(r, JSK_FINDING_UUID,
                    n_uuids > 1 ? "joined UUIDs: each holds at most 122 random bits (v4), and their dashes and version digits none"
                    : uuid == 4 ? "a random UUID (v4) holds only 122 random bits, and its 36 characters are not a 256-bit key"
                    : uuid == 7 ? "a UUID v7 starts with a timestamp: about 74 random bits plus a guessable time"
                    : uuid == 1 || uuid == 6
                        ? "a time-based UUID (v1/v6) is built from a timestamp and a node id: largely guessable"
                    : uuid == 3 || uuid == 5 ? "a name-based UUID (v3/v5) is a hash of a guessable name"
                                             : "a UUID is an identifier, not a secret key");
        }
        if (looks_like_jwt(secret + lo, hi - lo)) {
            shapes |= JSK_SHAPE_JWT;
            forced_weak = 1;
            finding(r, JSK_FINDING_LOOKS_LIKE_JWT,
                    "this is a JWT, not a secret: tokens travel in headers and logs, so anyone who saw it can sign with it");
        }
        if (encoded_text != 0) {
            finding(r, JSK_FINDING_ENCODED_TEXT,
                    encoded_text == JSK_ENCODING_HEX ? "hex-encoded text: it decodes to readable text, and is only as strong as that text"
                                                     : "base64-encoded text: it decodes to readable text, and is only as strong as that text");
        }
        if (is_placeholder(secret + lo, hi - lo, bits, path.random) ||
            (encoded_text != 0 && is_placeholder(view, view_len, bits, path.random))) {
            forced_weak = 1;
            finding(r, JSK_FINDING_PLACEHOLDER, "a placeholder or template left in place of a real secret");
        }
        if (jsk_digest_of_word(dict, secret + lo, hi - lo)) { /* MD5, SHA-1, SHA-256 of a common word */
            path.constant_chars = view_len;
            if (bits > DIGEST_OF_WORD_BITS) {
                bits = DIGEST_OF_WORD_BITS;
            }
        }
        if (uniform || (!capped && path.constant_chars * 10U >= view_len * 9U)) {
            forced_weak = 1;
            finding(r, JSK_FINDING_KNOWN_CONSTANT,
                    "a well-known constant: a published digest (such as SHA-256 of the empty string or MD5 of a common word), or a key whose bytes are all the same");
        }
        if (!capped && path.jwt_chars * 10U >= view_len * 4U) {
            forced_weak = 1;
            finding(r, JSK_FINDING_KNOWN_SECRET,
                    "a documented default or tutorial JWT secret, or a variant of one: it is in every attacker's wordlist");
        } else if (path.jwt_chars > 0) {
            path.flags |= JSK_PATH_DICTIONARY;
        }
        if (path.flags & JSK_PATH_CONTEXT) {
            finding(r, JSK_FINDING_CONTEXT,
                    "contains the project's name or another context word: an attacker who knows the project tries it first");
        }
        if (path.flags & JSK_PATH_DICTIONARY) {
            finding(r, JSK_FINDING_DICTIONARY, "built from common passwords, words or names that attackers try first");
        }
        if (path.flags & JSK_PATH_REPEAT) {
            finding(r, JSK_FINDING_REPEAT, "repeated characters or blocks add almost nothing to guess");
        }
        if (path.flags & JSK_PATH_SEQUENCE) {
            finding(r, JSK_FINDING_SEQUENCE, "contains a character sequence such as abc, 123 or 0123456789abcdef");
        }
        if (path.flags & JSK_PATH_KEYBOARD) {
            finding(r, JSK_FINDING_KEYBOARD, "contains a keyboard walk such as qwerty or 1qaz2wsx");
        }
        if (path.flags & JSK_PATH_DATE) {
            finding(r, JSK_FINDING_DATE, "contains a date, year, time or timestamp");
        }
    }
    if (bits > 8.0 * (double)key_bytes) {
        bits = 8.0 * (double)key_bytes; /* a key cannot hold more than 8 bits a byte */
    }
    /* Weak by a rule (a published default, a placeholder, a constant, a token): whatever its
     * patterns would cost, a wordlist-and-rules attack holds it, so every line reports that. */
    if (forced_weak && bits > WORDLIST_RULES_BITS) {
        bits = WORDLIST_RULES_BITS;
        capped = 0;
    }
    r->shapes = shapes;
    r->entropy_bits = bits;
    r->entropy_capped = capped;
    r->seconds_log10 = (bits - 1.0) * 0.30102999566398120 - log10(JSK_GUESSES_PER_SECOND);
    set_verdicts(r->verdicts, key_bytes, bits, forced_weak);
    r->verdict = r->verdicts[alg - 1];

    /* The algorithm's own requirements. */
    if (len > 0) {
        size_t need = jsk_alg_key_bytes(alg);
        if (key_bytes < need) {
            jsk_finding *f = add_finding(r, JSK_FINDING_SHORT_KEY);
            if (f != NULL) {
                text_t t = {f->message, 0, sizeof f->message};
                put(&t, jsk_alg_name(alg));
                put(&t, " needs a key of at least ");
                put_uint(&t, need);
                put(&t, " bytes (RFC 7518 section 3.2); this one has ");
                put_uint(&t, key_bytes);
            }
        }
        if (bits < 8.0 * (double)need) {
            jsk_finding *f = add_finding(r, JSK_FINDING_LOW_ENTROPY);
            if (f != NULL) {
                text_t t = {f->message, 0, sizeof f->message};
                put(&t, "about ");
                put_uint(&t, (unsigned long long)floor(bits));
                put(&t, " bits of entropy; ");
                put(&t, jsk_alg_name(alg));
                put(&t, " needs ");
                put_uint(&t, 8U * need);
                put(&t, ", as in ");
                put_uint(&t, need);
                put(&t, " random bytes");
            }
        }
    }

    /* auto: what a library that decodes the text would get instead. */
    if (encoding == JSK_ENCODING_AUTO && len > 0) {
        static const int tries[] = {JSK_ENCODING_HEX, JSK_ENCODING_BASE64URL, JSK_ENCODING_BASE64};
        size_t t;
        for (t = 0; t < 3 && r->n_alternatives < 3; t++) {
            size_t kb;
            if ((tries[t] == JSK_ENCODING_HEX && !(shapes & JSK_SHAPE_HEX)) ||
                (tries[t] != JSK_ENCODING_HEX && (shapes & JSK_SHAPE_HEX)) ||
                (tries[t] == JSK_ENCODING_BASE64 && !(shapes & JSK_SHAPE_BASE64)) ||
                (tries[t] == JSK_ENCODING_BASE64URL && !(shapes & JSK_SHAPE_BASE64URL))) {
                continue;
            }
            if (jsk_decoded_size(secret, len, tries[t], &kb, NULL) == JSK_OK && kb > 0) {
                jsk_interpretation *alt = &r->alternatives[r->n_alternatives++];
                double abits = bits < 8.0 * (double)kb ? bits : 8.0 * (double)kb;
                alt->encoding = tries[t];
                alt->key_bytes = kb;
                set_verdicts(alt->verdicts, kb, abits, forced_weak);
                add_encoded_finding(r, tries[t], kb);
            }
        }
    }
    jsk_wipe(decoded, sizeof decoded);
    jsk_wipe(decoded2, sizeof decoded2);
    for (a = 0; a < 3; a++) {
        if (r->verdicts[a] == 0) {
            return JSK_ERR_INVALID_ARGUMENT;
        }
    }
    return JSK_OK;
}
