/* secret.c — one generated secret from the options a caller gives (the CLI's flags, the JS API's
 * options object): which options go together, the defaults, and the text made (a value, a .env
 * line or a JWK). Both front ends call these, so they accept and refuse the same things and say
 * so in the same words. */
#include <string.h>

#include "jsk.h"

/* The rule a refused combination breaks, and its message; '@' stands for the option prefix
 * ("--" on the command line, "" in the JS API), '%' for the format's name. */
static const char *const rules[] = {
    /* 0 */ "",
    /* JSK_RULE_LENGTH_WITHOUT_ALPHABET */ "@length applies to @alphabet; use @bytes for random bytes",
    /* JSK_RULE_BYTES_AND_ALPHABET */ "@bytes and @alphabet exclude each other (size an alphabet secret with @length)",
    /* JSK_RULE_FORMAT_AND_ALPHABET */ "@format % encodes random bytes; an @alphabet secret is already text",
    /* JSK_RULE_NAME_WITHOUT_ENV */ "@name applies only to @format env",
};

int jsk_format_from_name(const char *name, size_t name_len)
{
    int e;
    if (name == NULL) {
        return JSK_ERR_UNKNOWN_FORMAT;
    }
    if (name_len == 3 && memcmp(name, "env", 3) == 0) {
        return JSK_FORMAT_ENV;
    }
    if (name_len == 3 && memcmp(name, "jwk", 3) == 0) {
        return JSK_FORMAT_JWK;
    }
    e = jsk_encoding_from_name(name, name_len);
    return e < 0 || e == JSK_ENCODING_RAW || e == JSK_ENCODING_AUTO ? JSK_ERR_UNKNOWN_FORMAT : e;
}

const char *jsk_format_name(int format)
{
    return format == JSK_FORMAT_ENV   ? "env"
           : format == JSK_FORMAT_JWK ? "jwk"
           : format >= JSK_ENCODING_BASE64URL && format <= JSK_ENCODING_BASE64URL_PADDED ? jsk_encoding_name(format)
                                                                                       : NULL;
}

/* Text written into a caller's buffer, counted past its end (no printf: see check_report.c). */
typedef struct {
    char *out;
    size_t cap, len;
} text_t;

static void put(text_t *t, const char *s)
{
    size_t n = strlen(s);
    if (t->len + n < t->cap) {
        memcpy(t->out + t->len, s, n);
    }
    t->len += n;
}

static void put_uint(text_t *t, unsigned long long v)
{
    char d[24];
    size_t n = sizeof d - 1;
    d[n] = '\0';
    do {
        d[--n] = (char)('0' + v % 10U);
        v /= 10U;
    } while (v > 0);
    put(t, d + n);
}

/* Everything a request resolves to. */
typedef struct {
    int alg, format, encoding; /* encoding: what random bytes are written in (0: alphabet) */
    size_t bytes, length, characters, cap;
    const char *name;
    size_t name_len;
    double bits;
} plan_t;

static int plan(plan_t *p, int *rule, int alg, size_t bytes, int format, const char *alphabet, size_t alphabet_len,
                size_t length, const char *name, size_t name_len)
{
    int rc;
    memset(p, 0, sizeof *p);
    if (rule != NULL) {
        *rule = 0;
    }
    if ((alphabet == NULL && alphabet_len > 0) || (name == NULL && name_len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (alg != JSK_ALG_UNSET && jsk_alg_key_bytes(alg) == 0) {
        return JSK_ERR_UNKNOWN_ALG;
    }
    if (format != 0 && jsk_format_name(format) == NULL) {
        return JSK_ERR_UNKNOWN_FORMAT;
    }
    {
        int r = length > 0 && alphabet == NULL                           ? JSK_RULE_LENGTH_WITHOUT_ALPHABET
                : bytes > 0 && alphabet != NULL                          ? JSK_RULE_BYTES_AND_ALPHABET
                : alphabet != NULL && format != 0 && format != JSK_FORMAT_ENV ? JSK_RULE_FORMAT_AND_ALPHABET
                : name != NULL && format != 0 && format != JSK_FORMAT_ENV ? JSK_RULE_NAME_WITHOUT_ENV
                                                                         : 0;
        if (r != 0) {
            if (rule != NULL) {
                *rule = r;
            }
            return JSK_ERR_OPTION_CONFLICT;
        }
    }
    p->alg = alg;
    p->format = format != 0 ? format : name != NULL ? JSK_FORMAT_ENV : JSK_ENCODING_BASE64URL;
    if (alphabet != NULL) {
        if ((rc = jsk_alphabet_check(alphabet, alphabet_len)) != JSK_OK ||
            (rc = jsk_alphabet_length(&p->length, alg, alphabet_len, length)) != JSK_OK) {
            return rc;
        }
        p->characters = p->length;
        p->bits = jsk_alphabet_entropy_bits(alphabet_len, p->length);
    } else {
        if ((rc = jsk_generate_size(&p->bytes, alg, bytes)) != JSK_OK) {
            return rc;
        }
        p->encoding = p->format == JSK_FORMAT_ENV || p->format == JSK_FORMAT_JWK ? JSK_ENCODING_BASE64URL : p->format;
        p->characters = jsk_encoded_len(p->bytes, p->encoding) - 1U;
        p->bits = 8.0 * (double)p->bytes;
    }
    p->cap = p->characters + 1U;
    if (p->format == JSK_FORMAT_ENV) {
        p->name = name != NULL ? name : JSK_ENV_NAME_DEFAULT;
        p->name_len = name != NULL ? name_len : sizeof JSK_ENV_NAME_DEFAULT - 1U;
        if ((rc = jsk_env_name_check(p->name, p->name_len)) != JSK_OK) {
            return rc;
        }
        p->cap += p->name_len + 3U; /* NAME= and two quotes */
    } else if (p->format == JSK_FORMAT_JWK) {
        p->cap = jsk_jwk_len(p->bytes);
    }
    return JSK_OK;
}

int jsk_secret_check(int *rule, int alg, size_t bytes, int format, const char *alphabet, size_t alphabet_len,
                     size_t length, const char *name, size_t name_len)
{
    plan_t p;
    return plan(&p, rule, alg, bytes, format, alphabet, alphabet_len, length, name, name_len);
}

int jsk_secret_rule_message(char *out, size_t out_maxlen, int rule, int format, const char *prefix,
                            size_t prefix_len)
{
    const char *m, *fname = jsk_format_name(format);
    size_t o = 0, plen = prefix_len;
    if (out == NULL || out_maxlen == 0 || (prefix == NULL && prefix_len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    out[0] = '\0';
    if (rule < 1 || rule > JSK_RULE_NAME_WITHOUT_ENV) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    for (m = rules[rule]; *m != '\0'; m++) {
        const char *piece = *m == '@' ? prefix : *m == '%' ? (fname != NULL ? fname : "?") : m;
        size_t n = *m == '@' ? plen : *m == '%' ? strlen(piece) : 1U;
        if (o + n >= out_maxlen) {
            out[0] = '\0';
            return JSK_ERR_BUFFER_TOO_SMALL;
        }
        memcpy(out + o, piece, n);
        o += n;
    }
    out[o] = '\0';
    return JSK_OK;
}

size_t jsk_secret_len(int alg, size_t bytes, int format, const char *alphabet, size_t alphabet_len, size_t length,
                      const char *name, size_t name_len)
{
    plan_t p;
    return plan(&p, NULL, alg, bytes, format, alphabet, alphabet_len, length, name, name_len) == JSK_OK ? p.cap : 0U;
}

int jsk_secret_describe(char *out, size_t out_maxlen, size_t *out_len, int alg, size_t bytes, int format,
                        const char *alphabet, size_t alphabet_len, size_t length, const char *name, size_t name_len)
{
    plan_t p;
    text_t t;
    unsigned long long tenths;
    int rc = plan(&p, NULL, alg, bytes, format, alphabet, alphabet_len, length, name, name_len);
    if (out_len != NULL) {
        *out_len = 0;
    }
    if (rc != JSK_OK) {
        return rc;
    }
    if (out == NULL || out_maxlen == 0) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    t.out = out;
    t.cap = out_maxlen;
    t.len = 0;
    put(&t, "{\"alg\":\"");
    put(&t, jsk_alg_name(alg == JSK_ALG_UNSET ? JSK_ALG_HS256 : alg));
    put(&t, "\",\"format\":\"");
    put(&t, jsk_format_name(p.format));
    put(&t, "\",\"bytes\":");
    if (alphabet != NULL) {
        put(&t, "null");
    } else {
        put_uint(&t, p.bytes);
    }
    put(&t, ",\"characters\":");
    put_uint(&t, p.characters);
    put(&t, ",\"entropy_bits\":");
    tenths = (unsigned long long)(p.bits * 10.0 + 0.5);
    put_uint(&t, tenths / 10U);
    put(&t, ".");
    put_uint(&t, tenths % 10U);
    put(&t, "}");
    if (t.len >= out_maxlen) {
        out[0] = '\0';
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    out[t.len] = '\0';
    if (out_len != NULL) {
        *out_len = t.len;
    }
    return JSK_OK;
}

int jsk_secret(char *out, size_t out_maxlen, size_t *out_len, int alg, size_t bytes, int format, const char *alphabet,
               size_t alphabet_len, size_t length, const char *name, size_t name_len)
{
    plan_t p;
    size_t vlen = 0;
    int rc = plan(&p, NULL, alg, bytes, format, alphabet, alphabet_len, length, name, name_len);

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (rc != JSK_OK) {
        return rc;
    }
    if (out == NULL || out_maxlen < p.cap) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    if (p.format == JSK_FORMAT_JWK) {
        uint8_t key[JSK_GENERATE_BYTES_MAX];
        if ((rc = jsk_random_fill(key, p.bytes)) == JSK_OK) {
            rc = jsk_jwk(out, out_maxlen, out_len, alg == JSK_ALG_UNSET ? JSK_ALG_HS256 : alg, key, p.bytes);
        }
        jsk_wipe(key, sizeof key);
        return rc;
    }
    /* The value goes at the end of out; a .env line is then written at the start around it. */
    {
        char *value = out + (out_maxlen - (p.characters + 1U));
        rc = alphabet != NULL ? jsk_generate_alphabet(value, p.characters + 1U, &vlen, alg, alphabet, alphabet_len, p.length)
                              : jsk_generate(value, p.characters + 1U, &vlen, alg, bytes, p.encoding);
        if (rc == JSK_OK && p.format != JSK_FORMAT_ENV) {
            memmove(out, value, vlen + 1U);
            if (out_len != NULL) {
                *out_len = vlen;
            }
            if (value != out) {
                jsk_wipe(out + vlen + 1U, out_maxlen - vlen - 1U);
            }
            return JSK_OK;
        }
        if (rc == JSK_OK) {
            char line[JSK_ENV_NAME_LEN_MAX + 5472U + 8U]; /* the longest value: 4096 bytes as base64url */
            size_t llen = 0;
            rc = jsk_env_line(line, sizeof line, &llen, p.name, p.name_len, value, vlen);
            jsk_wipe(out, out_maxlen);
            if (rc == JSK_OK) {
                memcpy(out, line, llen + 1U);
                if (out_len != NULL) {
                    *out_len = llen;
                }
            }
            jsk_wipe(line, sizeof line);
            return rc;
        }
        jsk_wipe(out, out_maxlen);
        return rc;
    }
}
