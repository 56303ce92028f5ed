/* inspect.c — a token read offline without a key (jsk_jwt_inspect) and an honest verification
 * (jsk_jwt_verify_report): what each part holds, what a careful reviewer would say about it, and
 * why text that is not a token is not one, in words. Lenient where jws.c is strict (any alg, any
 * signature length, non-canonical base64url), so that it can explain what jws.c refuses. No
 * allocation, no libm, no printf: the jwt module carries this code. */
#include <string.h>

#include "jsk.h"
#include "lint_internal.h"
#include "utf8_internal.h"

/* Notes on what the tolerant reading removed, as bits. */
enum { NOTE_WHITESPACE = 1, NOTE_BOM = 2, NOTE_AUTHORIZATION = 4, NOTE_BEARER = 8, NOTE_QUOTES = 16 };

typedef jsk_lint inspection;

static const char *const part_names[4] = {"", "part 1 (the header)", "part 2 (the payload)", "part 3 (the signature)"};

static int is_space(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static int lower(uint8_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* text[at..) starts with word (lowercase ASCII), ignoring ASCII case. */
static int starts_with_ci(const char *text, size_t n, size_t at, const char *word)
{
    size_t k, w = strlen(word);
    if (n - at < w) {
        return 0;
    }
    for (k = 0; k < w; k++) {
        if (lower((uint8_t)text[at + k]) != word[k]) {
            return 0;
        }
    }
    return 1;
}

static int b64u_value(uint8_t c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A'
         : c >= 'a' && c <= 'z' ? c - 'a' + 26
         : c >= '0' && c <= '9' ? c - '0' + 52
         : c == '-' ? 62 : c == '_' ? 63 : -1;
}

/* s[0..n): base64url characters, n % 4 != 1. Decodes into out (which may be NULL to count);
 * *noncanonical is set when the last character's unused bits are not zero. Returns the bytes. */
static size_t b64u_decode(uint8_t *out, const char *s, size_t n, int *noncanonical)
{
    size_t i, o = 0;
    uint32_t acc = 0;
    unsigned bits = 0;
    for (i = 0; i < n; i++) {
        acc = (acc << 6) | (uint32_t)b64u_value((uint8_t)s[i]);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (out != NULL) {
                out[o] = (uint8_t)(acc >> bits);
            }
            o++;
        }
    }
    *noncanonical = (acc & ((1U << bits) - 1U)) != 0;
    return o;
}

/* ------------------------------------------------------------------------ words */

/* A name from the token in a message: printable ASCII of at most 15 characters, else a stand-in. */
static void quoted_name(jsk_text *t, const char *s, size_t n, const char *otherwise)
{
    size_t i;
    for (i = 0; i < n && n <= 15; i++) {
        if ((uint8_t)s[i] < 0x20 || (uint8_t)s[i] > 0x7e) {
            break;
        }
    }
    if (n == 0 || n > 15 || i < n) {
        jsk_text_put(t, otherwise);
        return;
    }
    jsk_text_put(t, "\"");
    jsk_lint_put_n(t, s, n);
    jsk_text_put(t, "\"");
}

/* "line 1, column 5 (byte 4): why" for JSON that json.c refused. */
static void json_position(jsk_text *t, const uint8_t *s, size_t n, const jsk_json_top *top)
{
    size_t i, line = 1, column = 1;
    for (i = 0; i < top->error_at && i < n; i++) {
        if (s[i] == '\n') {
            line++;
            column = 1;
        } else if ((s[i] & 0xC0U) != 0x80U) {
            column++;
        }
    }
    jsk_text_put(t, "line ");
    jsk_text_uint(t, line);
    jsk_text_put(t, ", column ");
    jsk_text_uint(t, column);
    jsk_text_put(t, " (byte ");
    jsk_text_uint(t, top->error_at);
    jsk_text_put(t, "): ");
    jsk_text_put(t, top->error_why);
}

/* Not a token: code, the part (0 for none), where (in the caller's text), and the words. */
static jsk_text fail(inspection *a, int code, int part, int has_at, size_t at)
{
    jsk_text t = {a->error_msg, 0, sizeof a->error_msg, 0};
    a->error = code;
    a->error_part = part;
    a->error_has_at = has_at;
    a->error_at = at;
    a->error_msg[0] = '\0';
    if (part > 0) {
        jsk_text_put(&t, part_names[part]);
        jsk_text_put(&t, " ");
    }
    return t;
}

/* ------------------------------------------------------------------- reading */

/* Removes what commonly surrounds a pasted token, noting each kind. */
static void unwrap(inspection *a, const char *text, size_t len)
{
    size_t s = 0, e = len;
    int round, changed = 1;
    for (round = 0; round < 8 && changed; round++) {
        changed = 0;
        while (s < e && is_space((uint8_t)text[s])) {
            s++, changed = 1, a->notes |= NOTE_WHITESPACE;
        }
        while (e > s && is_space((uint8_t)text[e - 1])) {
            e--, changed = 1, a->notes |= NOTE_WHITESPACE;
        }
        if (e - s >= 3 && memcmp(text + s, "\xEF\xBB\xBF", 3) == 0) {
            s += 3, changed = 1, a->notes |= NOTE_BOM;
        }
        if (starts_with_ci(text, e, s, "authorization")) {
            size_t k = s + 13;
            while (k < e && (text[k] == ' ' || text[k] == '\t')) {
                k++;
            }
            if (k < e && text[k] == ':') {
                for (s = k + 1; s < e && (text[s] == ' ' || text[s] == '\t'); s++) {
                }
                changed = 1, a->notes |= NOTE_AUTHORIZATION;
            }
        }
        if (starts_with_ci(text, e, s, "bearer") && e - s > 6 && (text[s + 6] == ' ' || text[s + 6] == '\t')) {
            for (s += 6; s < e && (text[s] == ' ' || text[s] == '\t'); s++) {
            }
            changed = 1, a->notes |= NOTE_BEARER;
        }
        if (e - s >= 2 && (text[s] == '"' || text[s] == '\'' || text[s] == '`') && text[e - 1] == text[s]) {
            s++, e--, changed = 1, a->notes |= NOTE_QUOTES;
        }
    }
    a->start = s;
    a->end = e;
}

/* The three parts, their characters and lengths; 0, or -1 with a->error set. */
static int split(inspection *a, const char *text)
{
    size_t i, part = 1, begin = a->start;
    jsk_text t;

    a->dots = 0;
    if (a->end == a->start) {
        t = fail(a, JSK_ERR_MALFORMED_TOKEN, 0, 0, 0);
        jsk_text_put(&t, "there is no token here: the text is empty. A JWT looks like xxxxx.yyyyy.zzzzz: three "
                         "base64url parts separated by two dots");
        return -1;
    }
    for (i = a->start; i < a->end; i++) {
        if (text[i] == '.') {
            if (a->dots < 2) {
                a->dot[a->dots] = i;
            }
            a->dots++;
        }
    }
    if (a->dots != 2) {
        static const char *const counts[] = {"no dot", "one dot", "", "three dots", "four dots"};
        t = fail(a, JSK_ERR_MALFORMED_TOKEN, 0, 0, 0);
        jsk_text_put(&t, "a JWT has three parts separated by two dots; this text has ");
        if (a->dots < 5) {
            jsk_text_put(&t, counts[a->dots]);
        } else {
            jsk_text_uint(&t, a->dots);
            jsk_text_put(&t, " dots");
        }
        if (a->dots == 4) {
            jsk_text_put(&t, ": five parts make a JWE, an encrypted token, which cannot be read without its key");
        }
        return -1;
    }
    for (i = a->start; i <= a->end; i++) {
        uint8_t c = i < a->end ? (uint8_t)text[i] : '.';
        if (c == '.') {
            size_t n = i - begin;
            if (part == 1 && n == 0) {
                t = fail(a, JSK_ERR_MALFORMED_TOKEN, 1, 1, begin);
                jsk_text_put(&t, "is empty: a JWT starts with its header, base64url-encoded JSON such as "
                                 "eyJhbGciOiJIUzI1NiJ9 ({\"alg\":\"HS256\"})");
                return -1;
            }
            part++;
            begin = i + 1;
            continue;
        }
        if (b64u_value(c) < 0) {
            t = fail(a, c == '=' ? JSK_ERR_BAD_PADDING : JSK_ERR_MALFORMED_TOKEN, (int)part, 1, i);
            if (c == '=') {
                jsk_text_put(&t, "has '=' padding: a JWT uses base64url without padding (RFC 7515 section 2); "
                                 "remove the '=' characters");
            } else if (is_space(c)) {
                jsk_text_put(&t, "has a space or line break inside it: a token has none (was it wrapped or split "
                                 "when it was copied?)");
            } else if (c == '+' || c == '/') {
                jsk_text_put(&t, "has a '+' or '/': that is base64, not base64url (a JWT uses - and _ instead)");
            } else {
                jsk_text_put(&t, "has a character that is not base64url (");
                if (c >= 0x21 && c <= 0x7e) {
                    char q[4] = {'\'', (char)c, '\'', 0};
                    jsk_text_put(&t, q);
                } else {
                    static const char hex[] = "0123456789ABCDEF";
                    char b[7] = {'b', 'y', 't', 'e', ' ', 0, 0};
                    jsk_text_put(&t, b);
                    b[0] = '0', b[1] = 'x', b[2] = hex[c >> 4], b[3] = hex[c & 15U], b[4] = 0;
                    jsk_text_put(&t, b);
                }
                jsk_text_put(&t, "): a JWT uses only A-Z, a-z, 0-9, - and _");
            }
            jsk_text_put(&t, "; at offset ");
            jsk_text_uint(&t, i);
            return -1;
        }
    }
    return 0;
}

/* A part's length: base64url never has 4k+1 characters. 0, or -1 with a->error set. */
static int part_length(inspection *a, int part, size_t begin, size_t n)
{
    jsk_text t;
    if (n % 4U != 1U) {
        return 0;
    }
    t = fail(a, JSK_ERR_BAD_LENGTH, part, 1, begin);
    jsk_text_put(&t, "is not valid base64url: ");
    jsk_lint_count_of(&t, n, "character");
    jsk_text_put(&t, " is a length no encoder writes (one character too many or too few: was the token cut or "
                     "altered when it was copied?)");
    return -1;
}

static void noncanonical(inspection *a, int part)
{
    int ok;
    jsk_text t = jsk_lint_finding(a, "NONCANONICAL_BASE64URL", JSK_LINT_WARNING,
                              "strict verifiers (this kit among them) refuse such a token; others accept it, so two "
                              "tokens that differ only there pass as the same. Re-encode it canonically",
                              &ok);
    if (ok) {
        jsk_text_put(&t, part_names[part]);
        jsk_text_put(&t, " ends with a character whose unused bits are not zero");
    }
}

/* alg: the finding it deserves, and a->alg for HS*. */
static void judge_alg(inspection *a)
{
    static const char *const asymmetric[] = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
                                             "ES384", "ES512", "ES256K", "EdDSA", "Ed25519", "Ed448", NULL};
    char alg[16];
    size_t n = 0, k;
    int ok;
    jsk_text t;

    if (a->htop.count[JSK_JM_ALG] == 0) {
        jsk_lint_add(a, "ALG_MISSING", JSK_LINT_DANGER, "the header has no alg",
            "no verifier can tell how to check this token; a verifier must refuse it");
        return;
    }
    if (a->htop.count[JSK_JM_ALG] > 1) {
        jsk_lint_add(a, "ALG_DUPLICATE", JSK_LINT_DANGER, "the header has alg more than once",
            "libraries disagree on which one counts, which is how forgeries slip through; refuse the token");
        return;
    }
    if (jsk_json_string_at(a->header, a->header_len, a->htop.at[JSK_JM_ALG], alg, sizeof alg, &n) != 0) {
        jsk_lint_add(a, "ALG_UNKNOWN", JSK_LINT_DANGER, "the header's alg is not a string",
            "no verifier should accept it; a JWS alg is a name such as \"HS256\"");
        return;
    }
    if (n <= sizeof alg && (a->alg = jsk_alg_from_name(alg, n)) > 0) {
        return;
    }
    a->alg = 0;
    a->alg_none = n == 4;
    if (n == 4 && lower((uint8_t)alg[0]) == 'n' && lower((uint8_t)alg[1]) == 'o' && lower((uint8_t)alg[2]) == 'n' &&
        lower((uint8_t)alg[3]) == 'e') {
        t = jsk_lint_finding(a, "ALG_NONE", JSK_LINT_DANGER,
                         "anyone can write such a token. A verifier must refuse alg none; pin the algorithm "
                         "(for example algorithms: ['HS256'])",
                         &ok);
        if (ok) {
            jsk_text_put(&t, "alg is ");
            quoted_name(&t, alg, n, "none");
            jsk_text_put(&t, ": the token is not signed");
        }
        return;
    }
    a->alg_none = 0;
    for (k = 0; asymmetric[k] != NULL && n <= sizeof alg; k++) {
        if (n == strlen(asymmetric[k]) && memcmp(alg, asymmetric[k], n) == 0) {
            t = jsk_lint_finding(a, "ALG_ASYMMETRIC", JSK_LINT_WARNING,
                             "verify it with the issuer's public key, never with a secret, and pin the algorithm: a "
                             "verifier that takes a secret for it is open to algorithm confusion (an attacker signs "
                             "with HS256 and the public key as the secret)",
                             &ok);
            if (ok) {
                jsk_text_put(&t, "alg ");
                quoted_name(&t, alg, n, "");
                jsk_text_put(&t, " is a public-key algorithm: an HMAC secret cannot check it");
            }
            return;
        }
    }
    t = jsk_lint_finding(a, "ALG_UNKNOWN", JSK_LINT_DANGER,
                     "no verifier should accept it; the JWS algorithms are HS256/384/512 (HMAC) and RS*, PS*, "
                     "ES*, EdDSA (public keys)",
                     &ok);
    if (ok) {
        jsk_text_put(&t, "alg ");
        quoted_name(&t, alg, n, "(unprintable or long)");
        jsk_text_put(&t, " is not a JWS algorithm");
    }
}

#define URL_ADVICE "a verifier that follows it lets whoever wrote the token choose the key; verify with your own key only"
#define KEY_ADVICE "a verifier that trusts it accepts tokens signed by anyone; verify with your own key only"

static void judge_header_keys(inspection *a)
{
    static const struct {
        int member;
        const char *code, *what, *advice;
    } keys[] = {
        {JSK_JM_JKU, "HEADER_KEY_URL", "the header has jku, a URL to fetch the key from", URL_ADVICE},
        {JSK_JM_X5U, "HEADER_KEY_URL", "the header has x5u, a URL to fetch a certificate from", URL_ADVICE},
        {JSK_JM_JWK, "HEADER_EMBEDDED_KEY", "the header has jwk, a key carried inside the token", KEY_ADVICE},
        {JSK_JM_X5C, "HEADER_EMBEDDED_KEY", "the header has x5c, certificates carried inside the token", KEY_ADVICE},
    };
    size_t k;
    for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        if (a->htop.count[keys[k].member] > 0) {
            jsk_lint_add(a, keys[k].code, JSK_LINT_DANGER, keys[k].what, keys[k].advice);
        }
    }
    if (a->htop.count[JSK_JM_CRIT] > 0) {
        jsk_lint_add(a, "CRIT", JSK_LINT_WARNING, "the header has crit, extensions every verifier must understand",
            "a verifier must refuse the token unless it implements each one (RFC 7515 section 4.1.11)");
    }
}

static void judge_header(inspection *a)
{
    judge_alg(a);
    judge_header_keys(a);
}

static void judge_signature(inspection *a, size_t sig_chars)
{
    int ok;
    jsk_text t;
    if (a->alg == 0) {
        if (sig_chars == 0 && !a->alg_none) {
            jsk_lint_add(a, "SIGNATURE_EMPTY", JSK_LINT_DANGER, "the signature is empty: the token is not signed",
                "an unsigned token proves nothing; a verifier must refuse it");
        }
        return;
    }
    if (sig_chars == 0) {
        jsk_lint_add(a, "SIGNATURE_EMPTY", JSK_LINT_DANGER, "the signature is empty: the token is not signed",
            "an unsigned token proves nothing; a verifier must refuse it");
        return;
    }
    if (a->signature_bytes != jsk_alg_key_bytes(a->alg)) {
        t = jsk_lint_finding(a, "SIGNATURE_LENGTH", JSK_LINT_DANGER,
                         "it was not made with this algorithm, or it was cut: verification fails", &ok);
        if (ok) {
            jsk_text_put(&t, "the signature has ");
            jsk_text_uint(&t, a->signature_bytes);
            jsk_text_put(&t, " bytes; ");
            jsk_text_put(&t, jsk_alg_name(a->alg));
            jsk_text_put(&t, " signatures have ");
            jsk_text_uint(&t, jsk_alg_key_bytes(a->alg));
        }
    }
}

static void judge_payload(inspection *a)
{
    size_t i;
    int ok;
    jsk_text t;

    a->payload_utf8 = 1;
    for (i = 0; i < a->payload_len;) {
        size_t step = jsk_utf8_sequence(a->payload + i, a->payload_len - i);
        if (step == 0) {
            a->payload_utf8 = 0;
            break;
        }
        i += step;
    }
    if (!a->payload_utf8) {
        jsk_lint_add(a, "PAYLOAD_NOT_UTF8", JSK_LINT_DANGER, "the payload decodes to bytes that are not UTF-8 text",
            "a JWT's payload is a JSON object of claims; this one may be encrypted, compressed or not a JWT at all");
        return;
    }
    if (jsk_json_scan(a->payload, a->payload_len, 0, &a->ptop) != JSK_OK) {
        t = jsk_lint_finding(a, "PAYLOAD_NOT_JSON", JSK_LINT_DANGER,
                         "a JWT's payload is a JSON object of claims such as {\"sub\":\"42\",\"exp\":1700000000}",
                         &ok);
        if (ok) {
            jsk_text_put(&t, "the payload is not JSON (");
            json_position(&t, a->payload, a->payload_len, &a->ptop);
            jsk_text_put(&t, ")");
        }
        return;
    }
    for (i = 0; i < a->payload_len && is_space(a->payload[i]); i++) {
    }
    if (a->payload[i] != '{') {
        jsk_lint_add(a, "PAYLOAD_NOT_OBJECT", JSK_LINT_DANGER, "the payload is JSON, but not an object",
            "a JWT's claims are an object such as {\"sub\":\"42\",\"exp\":1700000000}; verifiers refuse anything else");
        return;
    }
    a->payload_json = 1;
    jsk_lint_claims(a);
}

/* Reads text[a->start .. a->end) as a token; payload_buf (payload_cap bytes) receives the payload.
 * 0, or -1 with a->error. */
static int analyze(inspection *a, const char *text, uint8_t *payload_buf, size_t payload_cap, double now)
{
    size_t hb, pb, sb;
    int nc = 0;
    jsk_text t;

    if (split(a, text) != 0) {
        return -1;
    }
    hb = a->dot[0] - a->start;
    pb = a->dot[1] - a->dot[0] - 1;
    sb = a->end - a->dot[1] - 1;
    /* The header: base64url of a JSON object. */
    if (part_length(a, 1, a->start, hb) != 0) {
        return -1;
    }
    if (b64u_decode(NULL, text + a->start, hb, &nc) > sizeof a->header) {
        t = fail(a, JSK_ERR_TOO_LARGE, 1, 1, a->start);
        jsk_text_put(&t, "decodes to more than 4096 bytes: too large for a JWT header");
        return -1;
    }
    a->header_len = b64u_decode(a->header, text + a->start, hb, &nc);
    if (jsk_json_scan(a->header, a->header_len, 1, &a->htop) != JSK_OK) {
        int looks_json = a->header_len > 0 && (a->header[0] == '{' || a->header[0] == '[' || a->header[0] == '"');
        t = fail(a, JSK_ERR_BAD_JSON, 1, 1, a->start);
        jsk_text_put(&t, looks_json ? "is not valid JSON: " : "is not base64url-encoded JSON: decoded, it is not JSON (");
        json_position(&t, a->header, a->header_len, &a->htop);
        jsk_text_put(&t, looks_json ? ". A JWT header is an object such as {\"alg\":\"HS256\",\"typ\":\"JWT\"}"
                                    : "). A JWT header decodes to an object such as {\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        return -1;
    }
    if (nc) {
        noncanonical(a, 1);
    }
    if (part_length(a, 2, a->dot[0] + 1, pb) != 0 || part_length(a, 3, a->dot[1] + 1, sb) != 0) {
        return -1;
    }
    /* The signature: only its length matters here. */
    a->signature_bytes = b64u_decode(NULL, text + a->dot[1] + 1, sb, &nc);
    judge_header(a);
    judge_signature(a, sb);
    if (nc) {
        noncanonical(a, 3);
    }
    /* The payload, decoded into the caller's buffer. */
    if (b64u_decode(NULL, text + a->dot[0] + 1, pb, &nc) > payload_cap) {
        return -2; /* the caller sized it wrong */
    }
    a->payload = payload_buf;
    a->payload_len = b64u_decode(payload_buf, text + a->dot[0] + 1, pb, &nc);
    if (nc) {
        noncanonical(a, 2);
    }
    judge_payload(a);
    jsk_lint_times(a, now);
    return 0;
}

/* -------------------------------------------------------------------- output */

static void json_bytes(jsk_text *t, const uint8_t *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    char esc[8];
    size_t i;
    jsk_text_put(t, "\"");
    for (i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (c == '"' || c == '\\') {
            esc[0] = '\\', esc[1] = (char)c, esc[2] = 0;
        } else if (c < 0x20 || c == 0x7f) {
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4], esc[5] = hex[c & 15U], esc[6] = 0;
        } else {
            esc[0] = (char)c, esc[1] = 0;
        }
        jsk_text_put(t, esc);
    }
    jsk_text_put(t, "\"");
}

/* A header member's value as written when it is a string (valid JSON already), else null. */
static void header_string(jsk_text *t, const inspection *a, const char *name, int member)
{
    size_t at = a->htop.at[member], n = 0;
    char dummy[1];
    jsk_lint_key(t, name);
    if (a->htop.count[member] != 1 || jsk_json_string_at(a->header, a->header_len, at, dummy, 0, &n) != 0) {
        jsk_text_put(t, "null");
        return;
    }
    {
        size_t end = at + 1;
        while (a->header[end] != '"') {
            end += a->header[end] == '\\' ? 2 : 1;
        }
        jsk_lint_put_n(t, (const char *)a->header + at, end + 1 - at);
    }
}

static void notes_json(jsk_text *t, const inspection *a)
{
    static const struct {
        unsigned bit;
        const char *code, *message;
    } notes[] = {
        {NOTE_WHITESPACE, "REMOVED_WHITESPACE", "Removed white space around the token: it is not part of it."},
        {NOTE_BOM, "REMOVED_BOM", "Removed a byte order mark (U+FEFF) before the token: it is invisible, and not part of it."},
        {NOTE_AUTHORIZATION, "REMOVED_AUTHORIZATION", "Removed the header name \"Authorization:\" before the token."},
        {NOTE_BEARER, "REMOVED_BEARER",
         "Removed \"Bearer \" before the token: it names the HTTP authorization scheme and is not part of the token."},
        {NOTE_QUOTES, "REMOVED_QUOTES", "Removed the quotes around the token: they are not part of it."},
    };
    size_t i;
    int first = 1;
    jsk_text_put(t, "\"notes\":[");
    for (i = 0; i < sizeof notes / sizeof notes[0]; i++) {
        if (a->notes & notes[i].bit) {
            jsk_text_put(t, first ? "{\"code\":\"" : ",{\"code\":\"");
            jsk_text_put(t, notes[i].code);
            jsk_text_put(t, "\",\"message\":");
            jsk_text_json_string(t, notes[i].message);
            jsk_text_put(t, "}");
            first = 0;
        }
    }
    jsk_text_put(t, "]");
}

static void parts_json(jsk_text *t, const inspection *a)
{
    size_t b[3], e[3], k;
    static const char *const names[] = {"header", "payload", "signature"};
    b[0] = a->start, e[0] = a->dot[0];
    b[1] = a->dot[0] + 1, e[1] = a->dot[1];
    b[2] = a->dot[1] + 1, e[2] = a->end;
    jsk_lint_key(t, "token");
    jsk_text_put(t, "{\"offset\":");
    jsk_text_uint(t, a->start);
    jsk_text_put(t, ",\"length\":");
    jsk_text_uint(t, a->end - a->start);
    jsk_text_put(t, "}");
    jsk_lint_key(t, "parts");
    jsk_text_put(t, "[");
    for (k = 0; k < 3; k++) {
        jsk_text_put(t, k > 0 ? ",{\"name\":\"" : "{\"name\":\"");
        jsk_text_put(t, names[k]);
        jsk_text_put(t, "\",\"offset\":");
        jsk_text_uint(t, b[k]);
        jsk_text_put(t, ",\"length\":");
        jsk_text_uint(t, e[k] - b[k]);
        jsk_text_put(t, "}");
    }
    jsk_text_put(t, "]");
}

/* The sentence about the token's times. */
static void times_text(jsk_text *t, const inspection *a)
{
    if (!a->judged) {
        jsk_text_put(t, "times not judged: no current time was given");
    } else if (a->expired) {
        jsk_text_put(t, "expired ");
        if (jsk_lint_whole(a->expired_ago) == 0) {
            jsk_text_put(t, "just now");
        } else {
            jsk_lint_duration(t, a->expired_ago);
            jsk_text_put(t, " ago");
        }
    } else if (a->not_yet_valid) {
        jsk_text_put(t, "not valid yet: valid in ");
        jsk_lint_duration(t, a->valid_in > 1 ? a->valid_in : 1);
    } else if (a->has[2]) {
        jsk_text_put(t, "valid for another ");
        jsk_lint_duration(t, a->expires_in);
    } else {
        jsk_text_put(t, "never expires (no exp)");
    }
}

size_t jsk_jwt_inspect_len(size_t len)
{
    return len > JSK_INSPECT_LEN_MAX ? 0 : len * 6U + 98304U;
}

static int start(char *out, size_t out_maxlen, size_t *out_len, const char *text, size_t len, inspection *a)
{
    if (out_len != NULL) {
        *out_len = 0;
    }
    if (out == NULL || (text == NULL && len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (len > JSK_INSPECT_LEN_MAX) {
        return JSK_ERR_TOO_LARGE;
    }
    if (out_maxlen < jsk_jwt_inspect_len(len)) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    memset(a, 0, sizeof *a);
    out[0] = '\0';
    return JSK_OK;
}

int jsk_jwt_inspect(char *out, size_t out_maxlen, size_t *out_len, const char *text, size_t len, double now)
{
    inspection a;
    jsk_text t = {out, 0, 0, 0};
    size_t pcap = len / 4U * 3U + 3U, tail, k;
    int rc = start(out, out_maxlen, out_len, text, len, &a);

    if (rc != JSK_OK) {
        return rc;
    }
    tail = out_maxlen - pcap;
    t.cap = tail; /* what is written must stay clear of the payload at out's tail */
    unwrap(&a, text, len);
    rc = analyze(&a, text, (uint8_t *)out + tail, pcap, now);
    if (rc == -2) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    jsk_text_put(&t, rc == 0 ? "{\"ok\":true," : "{\"ok\":false,");
    notes_json(&t, &a);
    if (a.dots == 2) {
        parts_json(&t, &a);
    }
    if (rc != 0) {
        jsk_lint_key(&t, "error");
        jsk_text_put(&t, "{\"code\":\"");
        jsk_text_put(&t, jsk_error_code(a.error));
        jsk_text_put(&t, "\",\"part\":");
        jsk_text_uint(&t, (unsigned long long)a.error_part);
        jsk_lint_seconds(&t, "offset", a.error_has_at, (double)a.error_at);
        jsk_lint_key(&t, "message");
        a.error_msg[0] = a.error_msg[0] >= 'a' && a.error_msg[0] <= 'z' ? (char)(a.error_msg[0] - 32) : a.error_msg[0];
        jsk_text_json_string(&t, a.error_msg);
        jsk_text_put(&t, "}}");
        return jsk_lint_finish(&t, out, out_maxlen, out_len);
    }
    header_string(&t, &a, "alg", JSK_JM_ALG);
    header_string(&t, &a, "typ", JSK_JM_TYP);
    header_string(&t, &a, "kid", JSK_JM_KID);
    jsk_lint_key(&t, "signature_bytes");
    jsk_text_uint(&t, a.signature_bytes);
    jsk_lint_key(&t, "claims");
    jsk_text_put(&t, "{");
    for (k = 0; k < 3; k++) {
        jsk_text_put(&t, k > 0 ? ",\"" : "\"");
        jsk_text_put(&t, jsk_lint_claim_names[k]);
        jsk_text_put(&t, "\":");
        if (a.has[k]) {
            jsk_lint_put_n(&t, (const char *)a.payload + a.value_at[k], a.value_len[k]);
        } else {
            jsk_text_put(&t, "null");
        }
    }
    jsk_text_put(&t, "}");
    jsk_lint_key(&t, "times");
    jsk_text_put(&t, "{\"expired\":");
    jsk_text_put(&t, a.expired ? "true" : "false");
    jsk_lint_boolean(&t, "not_yet_valid", a.not_yet_valid);
    jsk_lint_seconds(&t, "expires_in", a.judged && a.has[2] && !a.expired, a.expires_in);
    jsk_lint_seconds(&t, "expired_ago", a.expired, a.expired_ago);
    jsk_lint_seconds(&t, "valid_in", a.not_yet_valid, a.valid_in);
    jsk_lint_key(&t, "lifetime");
    if (a.lifetime >= 0) {
        jsk_text_uint(&t, jsk_lint_whole(a.lifetime));
    } else {
        jsk_text_put(&t, "null");
    }
    jsk_lint_key(&t, "text");
    {
        char words[96];
        jsk_text w = {words, 0, sizeof words, 0};
        words[0] = '\0';
        times_text(&w, &a);
        jsk_text_json_string(&t, words);
    }
    jsk_text_put(&t, "}");
    jsk_lint_findings_json(&t, &a);
    jsk_lint_key(&t, "header");
    json_bytes(&t, a.header, a.header_len);
    jsk_lint_boolean(&t, "payload_is_json", a.payload_json);
    jsk_lint_key(&t, "payload");
    if (!a.payload_utf8) {
        jsk_text_put(&t, "null}");
        return jsk_lint_finish(&t, out, out_maxlen, out_len);
    }
    /* Last: the payload, read from out's tail as it is written ahead of it (6 bytes at most per
     * byte; jsk_jwt_inspect_len() leaves room for that). */
    t.cap = out_maxlen;
    {
        static const char hex[] = "0123456789abcdef";
        const uint8_t *p = a.payload;
        size_t i;
        jsk_text_put(&t, "\"");
        for (i = 0; i < a.payload_len && !t.overflow; i++) {
            uint8_t c = p[i];
            char esc[8];
            if (t.len + 7 > tail + i) {
                t.overflow = 1; /* would overtake the bytes still to be read */
                break;
            }
            if (c == '"' || c == '\\') {
                esc[0] = '\\', esc[1] = (char)c, esc[2] = 0;
            } else if (c < 0x20 || c == 0x7f) {
                memcpy(esc, "\\u00", 4);
                esc[4] = hex[c >> 4], esc[5] = hex[c & 15U], esc[6] = 0;
            } else {
                esc[0] = (char)c, esc[1] = 0;
            }
            jsk_text_put(&t, esc);
        }
        jsk_text_put(&t, "\"}");
    }
    if (!t.overflow && t.len + 1 < out_maxlen) {
        memset(out + t.len + 1, 0, out_maxlen - t.len - 1); /* no stray payload bytes after the text */
    }
    return jsk_lint_finish(&t, out, out_maxlen, out_len);
}


int jsk_self_test_inspect(void)
{
    /* RFC 7515 A.1, quoted and after "Bearer ", read one second before its exp. */
    static const char text[] =
        "Bearer \"eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
        "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk\"";
    static const char *const want[] = {
        "{\"ok\":true,\"notes\":[{\"code\":\"REMOVED_BEARER\"",
        "\"token\":{\"offset\":8,\"length\":179}",
        "\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":null,\"signature_bytes\":32,\"claims\":{\"iat\":null,\"nbf\":null,\"exp\":1300819380}",
        "\"expires_in\":1,",
        "\"findings\":[]",
        "\"payload\":\"{\\\"iss\\\":\\\"joe\\\",\\u000d\\u000a \\\"exp\\\":1300819380,"};
    static char out[sizeof text * 6 + 98304];
    size_t n = 0, i;
    if (jsk_jwt_inspect(out, sizeof out, &n, text, sizeof text - 1, 1300819379.0) != JSK_OK) {
        return JSK_ERR_SELF_TEST;
    }
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        if (strstr(out, want[i]) == NULL) {
            return JSK_ERR_SELF_TEST;
        }
    }
    return JSK_OK;
}
