/*
 * jsk.h — the whole C API of jwt-secret-kit's portable core.
 *
 * Rules every function follows:
 *   - output first, with an explicit capacity; inputs as (pointer, length), never NUL-scanned;
 *   - the result is JSK_OK (0) or a negative jsk_error; nothing aborts, nothing allocates;
 *   - text outputs are NUL-terminated, and their capacity macros count that NUL;
 *   - secret bytes held on the stack are wiped (through a volatile pointer) before returning,
 *     on success and on error;
 *   - the only source of randomness is jsk_random_fill(): getrandom()/getentropy() natively,
 *     crypto.getRandomValues() (through the shim in wasm/entropy.js) in WebAssembly.
 */
#ifndef JSK_H
#define JSK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define JSK_VERSION_STRING "0.1.0"

/* ---------------------------------------------------------------- errors */

/* Every failure is one of these. The numbers and the names from jsk_error_code() are stable:
 * the JS glue turns them into Error.code, the CLIs into exit status 2. */
typedef enum jsk_error {
    JSK_OK = 0,
    JSK_ERR_INVALID_ARGUMENT = -1, /* NULL pointer with a non-zero length, bad enum value */
    JSK_ERR_BUFFER_TOO_SMALL = -2, /* the output capacity is below what the call needs */
    JSK_ERR_BAD_CHARACTER = -3,    /* a character outside the encoding's alphabet */
    JSK_ERR_BAD_PADDING = -4,      /* missing, misplaced or unexpected '=' padding */
    JSK_ERR_TRAILING_BITS = -5,    /* the last character carries non-zero unused bits */
    JSK_ERR_BAD_LENGTH = -6,       /* an encoded length no valid input can have */
    JSK_ERR_NO_ENTROPY = -7,       /* no CSPRNG available, or it failed: never a fallback */
    JSK_ERR_BAD_ALPHABET = -8,     /* custom alphabet: 2..94 distinct printable ASCII */
    JSK_ERR_OUT_OF_RANGE = -9,     /* a size or count outside its documented range */
    JSK_ERR_KEY_TOO_SHORT = -10,   /* below the algorithm's minimum (RFC 7518 §3.2) */
    JSK_ERR_BAD_NAME = -11,        /* not a valid environment variable name */
    JSK_ERR_UNKNOWN_ALG = -12,     /* not HS256, HS384 or HS512 */
    JSK_ERR_UNKNOWN_FORMAT = -13,  /* not a format this call supports */
    JSK_ERR_UNSAFE_VALUE = -14,    /* a value that cannot be written to a .env line safely */
    JSK_ERR_MALFORMED_TOKEN = -15, /* not three base64url parts joined by exactly two dots */
    JSK_ERR_BAD_JSON = -16,        /* not valid JSON, or not an object where one is required */
    JSK_ERR_ALG_NONE = -17,        /* alg "none": an unsigned token proves nothing */
    JSK_ERR_ALG_NOT_HMAC = -18,    /* an algorithm other than HS256/384/512 */
    JSK_ERR_ALG_MISMATCH = -19,    /* the header's alg is not the one the caller pinned */
    JSK_ERR_CRIT = -20,            /* a "crit" header parameter (RFC 7515 section 4.1.11) */
    JSK_ERR_BAD_SIGNATURE = -21,   /* the signature does not match */
    JSK_ERR_BAD_TAG_LENGTH = -22,  /* the signature is not the algorithm's length */
    JSK_ERR_MISSING_ALG = -23,     /* the header has no alg */
    JSK_ERR_TOO_LARGE = -24,       /* an input over the documented size limit */
    JSK_ERR_SELF_TEST = -25        /* jsk_self_test(): a known answer came out wrong */
} jsk_error;

#define JSK_ERROR_MIN (-25)

/* A plain-language message for err ("unknown error" for values outside the enum). */
const char *jsk_strerror(int err);
/* The stable code name, "ERR_BAD_CHARACTER" for JSK_ERR_BAD_CHARACTER; "ERR_UNKNOWN" otherwise. */
const char *jsk_error_code(int err);

/* ---------------------------------------------------------------- memory */

/* Overwrites len bytes at p with zeros through a volatile pointer, so the compiler cannot drop it. */
void jsk_wipe(void *p, size_t len);

/* ------------------------------------------------------------ algorithms */

typedef enum jsk_alg {
    JSK_ALG_NONE = 0, /* "no algorithm given": the caller chose a size by itself */
    JSK_ALG_HS256 = 1,
    JSK_ALG_HS384 = 2,
    JSK_ALG_HS512 = 3
} jsk_alg;

#define JSK_HS256_KEY_BYTES 32U
#define JSK_HS384_KEY_BYTES 48U
#define JSK_HS512_KEY_BYTES 64U

/* The key size an algorithm needs: its hash output size (RFC 7518 §3.2); 0 for anything else. */
size_t jsk_alg_key_bytes(int alg);
/* "HS256"... for a valid alg, NULL otherwise. */
const char *jsk_alg_name(int alg);
/* Exact, case-sensitive name to jsk_alg; JSK_ERR_UNKNOWN_ALG otherwise. */
int jsk_alg_from_name(const char *name, size_t name_len);

/* ----------------------------------------------------------------- codecs */

/* Base64 variants, as flags: bit 1 = no padding, bit 2 = URL-safe alphabet (RFC 4648 §5). */
#define JSK_BASE64_VARIANT_ORIGINAL 1
#define JSK_BASE64_VARIANT_ORIGINAL_NO_PADDING 3
#define JSK_BASE64_VARIANT_URLSAFE 5
#define JSK_BASE64_VARIANT_URLSAFE_NO_PADDING 7

/* Capacity (including the NUL) that encoding BIN_LEN bytes needs. */
#define JSK_HEX_ENCODED_LEN(BIN_LEN) (((size_t)(BIN_LEN)) * 2U + 1U)
#define JSK_BASE64_ENCODED_LEN(BIN_LEN, VARIANT)                                        \
    (((VARIANT) & 2)                                                                    \
         ? ((size_t)(BIN_LEN) / 3U) * 4U + (((size_t)(BIN_LEN) % 3U) ? ((size_t)(BIN_LEN) % 3U) + 1U : 0U) + 1U \
         : (((size_t)(BIN_LEN) + 2U) / 3U) * 4U + 1U)

/* The same numbers as functions (for the JS glue), kept equal to the macros by a test.
 * They return 0 when the size would overflow size_t or the variant is invalid. */
size_t jsk_hex_encoded_len(size_t bin_len);
size_t jsk_base64_encoded_len(size_t bin_len, int variant);

/* Lowercase hex. JSK_ERR_BUFFER_TOO_SMALL unless hex_maxlen >= JSK_HEX_ENCODED_LEN(bin_len). */
int jsk_hex_encode(char *hex, size_t hex_maxlen, const uint8_t *bin, size_t bin_len);
/* Either case; even length; no separators or whitespace. *bin_len (may be NULL) gets the size. */
int jsk_hex_decode(uint8_t *bin, size_t bin_maxlen, size_t *bin_len, const char *hex, size_t hex_len);

int jsk_base64_encode(char *b64, size_t b64_maxlen, const uint8_t *bin, size_t bin_len, int variant);
/* Strict: only the variant's alphabet; padding exactly as the variant says (required for padded
 * variants, refused for unpadded ones); unused bits of the last character must be zero. */
int jsk_base64_decode(uint8_t *bin, size_t bin_maxlen, size_t *bin_len, const char *b64, size_t b64_len,
                      int variant);

/* --------------------------------------------------------------- entropy */

/* The only randomness in the project. Fills buf with len bytes from the platform CSPRNG:
 * getrandom() (or getentropy()) natively, crypto.getRandomValues() in chunks of at most
 * 65536 bytes in WebAssembly. JSK_ERR_NO_ENTROPY when there is no such source or it fails;
 * buf is then zeroed. */
int jsk_random_fill(uint8_t *buf, size_t len);

/* ------------------------------------------------------------- generator */

#define JSK_GENERATE_MIN_BYTES 1U
#define JSK_GENERATE_MAX_BYTES 4096U
#define JSK_ALPHABET_MIN_SYMBOLS 2U
#define JSK_ALPHABET_MAX_SYMBOLS 94U /* printable ASCII without space: '!' .. '~' */
#define JSK_ALPHABET_MAX_LENGTH 4096U

/* Output formats for random bytes. */
typedef enum jsk_format {
    JSK_FORMAT_BASE64URL = 1,        /* RFC 4648 §5, unpadded: the default */
    JSK_FORMAT_BASE64 = 2,           /* RFC 4648 §4, padded */
    JSK_FORMAT_HEX = 3,              /* lowercase */
    JSK_FORMAT_BASE64URL_PADDED = 4  /* RFC 4648 §5 with '=' padding */
} jsk_format;

/* "base64url", "base64", "hex", "base64url-padded" to jsk_format; JSK_ERR_UNKNOWN_FORMAT otherwise. */
int jsk_format_from_name(const char *name, size_t name_len);
/* Capacity (including the NUL) that nbytes encoded in format needs; 0 for a bad format. */
size_t jsk_format_encoded_len(size_t nbytes, int format);
/* A capacity that always holds the decoding of text_len characters in format; 0 for a bad format. */
size_t jsk_format_decoded_max_len(size_t text_len, int format);
/* jsk_hex_* / jsk_base64_* chosen by format. *out_len (may be NULL) gets the characters written. */
int jsk_encode(char *out, size_t out_maxlen, size_t *out_len, const uint8_t *bin, size_t bin_len, int format);
int jsk_decode(uint8_t *bin, size_t bin_maxlen, size_t *bin_len, const char *text, size_t text_len, int format);

/* Resolves how many random bytes to draw.
 *   alg given, nbytes 0      -> the algorithm's key size (HS256 32, HS384 48, HS512 64);
 *   alg given, nbytes given  -> nbytes, but JSK_ERR_KEY_TOO_SHORT below the algorithm's size;
 *   no alg (JSK_ALG_NONE)    -> nbytes, which must be 1..4096 (JSK_ERR_OUT_OF_RANGE);
 *   neither                  -> HS256's 32. */
int jsk_generate_size(size_t *nbytes_out, int alg, size_t nbytes);

/* Draws the resolved number of random bytes and writes them encoded in format, NUL-terminated.
 * *out_len (may be NULL) gets the number of characters. The raw bytes are wiped before return. */
int jsk_generate(char *out, size_t out_maxlen, size_t *out_len, int alg, size_t nbytes, int format);

/* Checks a custom alphabet: 2..94 distinct bytes in '!'..'~'. */
int jsk_alphabet_check(const char *alphabet, size_t alphabet_len);
/* Bits of entropy of a uniformly random string of length symbols over an alphabet of n symbols. */
double jsk_alphabet_entropy_bits(size_t n, size_t length);
/* The shortest length whose entropy reaches the algorithm's key size in bits (HS256: 256 bits;
 * JSK_ALG_NONE counts as HS256); 0 for an invalid n or alg. */
size_t jsk_alphabet_default_length(size_t n, int alg);
/* Resolves the length of an alphabet secret, as jsk_generate_size() does for bytes: length 0 means
 * jsk_alphabet_default_length(); at most 4096 (JSK_ERR_OUT_OF_RANGE); with alg given, a length whose
 * entropy is below the algorithm's key size in bits is JSK_ERR_KEY_TOO_SHORT. */
int jsk_alphabet_length(size_t *length_out, size_t n, int alg, size_t length);
/* A string of the resolved length over alphabet (checked by jsk_alphabet_check()). Each character
 * is drawn uniformly by rejection sampling over masked random bytes: no modulo bias.
 * out_maxlen >= length + 1. */
int jsk_generate_alphabet(char *out, size_t out_maxlen, size_t *out_len, const char *alphabet,
                          size_t alphabet_len, int alg, size_t length);

/* ------------------------------------------------------------ .env lines */

#define JSK_ENV_NAME_MAX 128U

/* Checks an environment variable name: [A-Za-z_][A-Za-z0-9_]*, at most 128 characters. */
int jsk_env_name_check(const char *name, size_t name_len);
/* Writes "NAME=value". A value made only of [A-Za-z0-9_+/=.:@%,~-] is written bare; any other
 * printable ASCII without a single quote is written single-quoted (literal in dotenv parsers);
 * anything else is JSK_ERR_UNSAFE_VALUE. out_maxlen >= name_len + value_len + 4 is always enough. */
int jsk_env_line(char *out, size_t out_maxlen, size_t *out_len, const char *name, size_t name_len,
                 const char *value, size_t value_len);

/* ------------------------------------------------------------ SHA-2 and HMAC */

#define JSK_SHA256_BYTES 32U
#define JSK_SHA384_BYTES 48U
#define JSK_SHA512_BYTES 64U
#define JSK_HMAC_MAX_BYTES 64U

/* Caller-owned streaming contexts (FIPS 180-4). *_final() writes the digest and wipes the context. */
typedef struct jsk_sha256_ctx {
    uint32_t state[8];
    uint64_t count; /* bytes so far */
    uint8_t buf[64];
    size_t used;
} jsk_sha256_ctx;

typedef struct jsk_sha512_ctx { /* SHA-384 too: another IV, 48 bytes out */
    uint64_t state[8];
    uint64_t count;
    uint8_t buf[128];
    size_t used;
    size_t out_bytes;
} jsk_sha512_ctx;

void jsk_sha256_init(jsk_sha256_ctx *ctx);
void jsk_sha256_update(jsk_sha256_ctx *ctx, const uint8_t *in, size_t len);
void jsk_sha256_final(jsk_sha256_ctx *ctx, uint8_t out[JSK_SHA256_BYTES]);
void jsk_sha384_init(jsk_sha512_ctx *ctx);
void jsk_sha512_init(jsk_sha512_ctx *ctx);
void jsk_sha512_update(jsk_sha512_ctx *ctx, const uint8_t *in, size_t len);
void jsk_sha512_final(jsk_sha512_ctx *ctx, uint8_t *out); /* 48 or 64 bytes, as initialised */
/* The raw compression functions (one block), for multi-candidate HMAC in the audit. */
void jsk_sha256_compress(uint32_t state[8], const uint8_t block[64]);
void jsk_sha512_compress(uint64_t state[8], const uint8_t block[128]);
/* One-shot hash with the SHA-2 of an HS* algorithm: SHA-256 for HS256, SHA-384, SHA-512. */
int jsk_hash(uint8_t *out, size_t out_maxlen, int alg, const uint8_t *in, size_t len);

/* HMAC (RFC 2104) with the hash of alg. Key pads are wiped; *_final() wipes the context. */
typedef struct jsk_hmac_ctx {
    int alg;
    union {
        jsk_sha256_ctx s256;
        jsk_sha512_ctx s512;
    } inner, outer;
} jsk_hmac_ctx;

int jsk_hmac_init(jsk_hmac_ctx *ctx, int alg, const uint8_t *key, size_t key_len);
void jsk_hmac_update(jsk_hmac_ctx *ctx, const uint8_t *in, size_t len);
int jsk_hmac_final(jsk_hmac_ctx *ctx, uint8_t *out, size_t out_maxlen);
int jsk_hmac(uint8_t *out, size_t out_maxlen, int alg, const uint8_t *key, size_t key_len, const uint8_t *msg,
             size_t msg_len);

/* Constant-time comparison of len bytes (any length): 0 when equal, -1 otherwise. */
int jsk_verify(const uint8_t *a, const uint8_t *b, size_t len);

/* ------------------------------------------------------------- JSON, JWS, JWK */

#define JSK_JSON_MAX_DEPTH 64
#define JSK_JWS_MAX_BYTES 1048576U  /* tokens and payloads: 1 MiB */
#define JSK_JWS_HEADER_MAX 4096U    /* decoded header bytes */

/* Strict JSON (RFC 8259) check: UTF-8, no trailing commas or comments, nesting at most 64.
 * require_object: the top level must be an object. */
int jsk_json_check(const uint8_t *text, size_t len, int require_object);

/* Capacity (with NUL) of a compact JWS signed with alg over a payload of payload_len bytes. */
size_t jsk_jws_sign_len(int alg, size_t payload_len);
/* Signs the JSON object payload with header {"alg":ALG,"typ":"JWT"}. The key must be at least the
 * algorithm's size (RFC 7518 section 3.2: JSK_ERR_KEY_TOO_SHORT otherwise). */
int jsk_jws_sign(char *out, size_t out_maxlen, size_t *out_len, int alg, const uint8_t *key, size_t key_len,
                 const uint8_t *payload, size_t payload_len);

/* What a token says about itself, after strict parsing (nothing is verified). */
typedef struct jsk_jws {
    int alg;                   /* JSK_ALG_HS256..HS512 */
    size_t signing_input_len;  /* bytes before the second dot: what the tag covers */
    size_t payload_offset;     /* the payload's base64url text: token + payload_offset */
    size_t payload_b64_len;
    uint8_t tag[JSK_HMAC_MAX_BYTES];
    size_t tag_len;
} jsk_jws;

/* Exactly two dots, three unpadded base64url parts (the payload may be empty), a JSON object header
 * with one "alg" and no "crit"; alg must be HS256/384/512 (JSK_ERR_ALG_NONE, JSK_ERR_ALG_NOT_HMAC)
 * and the tag that algorithm's length. */
int jsk_jws_parse(jsk_jws *jws, const char *token, size_t token_len);
/* Parses, then checks the tag in constant time. pinned_alg (JSK_ALG_NONE: take the header's HS*
 * algorithm) must match the header, or JSK_ERR_ALG_MISMATCH. *alg_out (may be NULL) gets the alg. */
int jsk_jws_verify(int *alg_out, const char *token, size_t token_len, const uint8_t *key, size_t key_len,
                   int pinned_alg);

/* The RFC 7638 thumbprint: base64url(SHA-256(canonical JSON of the required members)). */
int jsk_jwk_thumbprint(char *out, size_t out_maxlen, size_t *out_len, const uint8_t *canonical, size_t len);
/* {"kty":"oct","k":…,"alg":…,"use":"sig","kid":<thumbprint of {"k":…,"kty":"oct"}>}. */
size_t jsk_jwk_len(size_t key_len);
int jsk_jwk(char *out, size_t out_maxlen, size_t *out_len, int alg, const uint8_t *key, size_t key_len);
/* {"keys":[current, previous]}: a JWKS for rotation; previous may be absent (NULL, 0). */
int jsk_jwks(char *out, size_t out_maxlen, size_t *out_len, int alg, const uint8_t *current, size_t current_len,
             const uint8_t *previous, size_t previous_len);

/* ----------------------------------------------------- strength analysis */

/* The analyzer's dictionary, decoded once from data compiled into the core (generated at build
 * time by scripts/gen-strength-data.mjs) into a workspace the caller owns and keeps alive. */
typedef struct jsk_dict {
    const char *words;       /* every word, lowercase, concatenated */
    const uint32_t *entries; /* per word: offset into words << 8 | length */
    const uint8_t *info;     /* per word: list << 5 | floor(log2(rank)) */
    const uint32_t *slots;   /* open-addressing hash table: word index + 1, 0 when empty */
    uint32_t mask;           /* number of slots - 1 */
    uint32_t count;          /* words */
    uint32_t max_len;        /* longest word */
    uint8_t lengths[16];     /* bit L set when some word has length L (L < 128) */
} jsk_dict;

/* Bytes of workspace jsk_dict_init() needs (about 300 KB), for a 4-byte aligned buffer. */
size_t jsk_dict_workspace_size(void);
int jsk_dict_init(jsk_dict *dict, void *workspace, size_t workspace_size);

/* How the application uses the secret string as an HMAC key. */
typedef enum jsk_encoding {
    JSK_ENCODING_RAW = 1,       /* its UTF-8 bytes, as jsonwebtoken and jose do */
    JSK_ENCODING_HEX = 2,       /* hex-decoded */
    JSK_ENCODING_BASE64 = 3,    /* base64-decoded (padding optional), as jjwt's Decoders.BASE64 */
    JSK_ENCODING_BASE64URL = 4, /* base64url-decoded (padding optional) */
    JSK_ENCODING_AUTO = 5       /* raw, plus every decoding that succeeds, as alternatives */
} jsk_encoding;

typedef enum jsk_verdict { JSK_VERDICT_WEAK = 1, JSK_VERDICT_FAIR = 2, JSK_VERDICT_STRONG = 3 } jsk_verdict;

/* Stable finding codes; jsk_finding_name() gives "KNOWN_SECRET"... */
typedef enum jsk_finding_code {
    JSK_FINDING_EMPTY = 1,          /* weak: nothing to guess */
    JSK_FINDING_KNOWN_SECRET = 2,   /* weak: a documented default or tutorial secret, or a variant */
    JSK_FINDING_PLACEHOLDER = 3,    /* weak: a template or placeholder left in place */
    JSK_FINDING_KNOWN_CONSTANT = 4, /* weak: a published constant (a digest of "", zeros) */
    JSK_FINDING_LOOKS_LIKE_JWT = 5, /* weak: a token is not a secret */
    JSK_FINDING_UUID = 6,           /* a UUID: v4 holds 122 random bits, others fewer */
    JSK_FINDING_DICTIONARY = 7,     /* explained by common passwords, words or names */
    JSK_FINDING_REPEAT = 8,
    JSK_FINDING_SEQUENCE = 9,
    JSK_FINDING_KEYBOARD = 10,
    JSK_FINDING_DATE = 11,          /* dates, years, times or Unix timestamps */
    JSK_FINDING_SHORT_KEY = 12,     /* fewer key bytes than the algorithm's hash output */
    JSK_FINDING_LOW_ENTROPY = 13,   /* fewer estimated bits than the algorithm's hash output */
    JSK_FINDING_WHITESPACE = 14,    /* leading or trailing whitespace: part of the key */
    JSK_FINDING_INVALID_UTF8 = 15,  /* raw bytes that are not UTF-8 */
    JSK_FINDING_ENCODED = 16        /* decodes as hex/base64: decoding libraries get fewer bytes */
} jsk_finding_code;

/* Shapes of machine-made strings, as bits of jsk_report.shapes. */
#define JSK_SHAPE_HEX 1U
#define JSK_SHAPE_BASE64 2U
#define JSK_SHAPE_BASE64URL 4U
#define JSK_SHAPE_UUID 8U
#define JSK_SHAPE_JWT 16U

#define JSK_CHECK_MAX_BYTES 1048576U /* 1 MiB: longer input is JSK_ERR_OUT_OF_RANGE */
#define JSK_REPORT_MAX_FINDINGS 16
#define JSK_FINDING_MESSAGE_MAX 200
#define JSK_GUESSES_PER_SECOND 2e9 /* one modern GPU on HS256 (hashcat -m 16500: 1.85e9 on an RTX 3090) */
#define JSK_WEAK_BELOW_BITS 80.0   /* below this an offline guessing attack is practical */

typedef struct jsk_finding {
    int code;
    char message[JSK_FINDING_MESSAGE_MAX]; /* never quotes the secret */
} jsk_finding;

typedef struct jsk_interpretation {
    int encoding;
    size_t key_bytes;
    int verdicts[3]; /* HS256, HS384, HS512 */
} jsk_interpretation;

typedef struct jsk_report {
    int alg;             /* the algorithm the verdict is for */
    int encoding;        /* the interpretation reported (auto reports raw) */
    int verdict;         /* jsk_verdict for alg */
    int verdicts[3];     /* HS256, HS384, HS512 */
    size_t length;       /* bytes of the text */
    size_t key_bytes;    /* bytes the HMAC gets */
    double entropy_bits; /* estimated log2 of the guesses an attacker needs */
    int entropy_capped;  /* 1 when the analysis stopped at JSK_CHECK_CAP_BITS: the real value is higher */
    double seconds_log10; /* log10 of the expected time to guess: half the guesses at JSK_GUESSES_PER_SECOND */
    unsigned shapes;
    size_t n_findings;
    jsk_finding findings[JSK_REPORT_MAX_FINDINGS];
    size_t n_alternatives; /* auto: what decoding libraries get */
    jsk_interpretation alternatives[3];
} jsk_report;

#define JSK_CHECK_CAP_BITS 2048.0

/* "raw", "hex", "base64", "base64url", "auto" to jsk_encoding; JSK_ERR_UNKNOWN_FORMAT otherwise. */
int jsk_encoding_from_name(const char *name, size_t name_len);
const char *jsk_encoding_name(int encoding);
const char *jsk_verdict_name(int verdict);
const char *jsk_finding_name(int code);

/* Analyses secret (len bytes, at most JSK_CHECK_MAX_BYTES) as a key for alg (JSK_ALG_NONE means
 * HS256) used with encoding. Time is linear in len. A secret that does not decode in the given
 * encoding is an error (JSK_ERR_BAD_CHARACTER, ...). Decoded bytes never outlive the call. */
int jsk_check(jsk_report *report, const jsk_dict *dict, const uint8_t *secret, size_t len, int alg,
              int encoding);

/* The report as one line of JSON (no newline): verdict, alg, encoding, key_bytes, length,
 * entropy_bits, entropy_capped, seconds_to_guess (at most 1e+300), time_to_guess, verdicts,
 * findings[{code,message}], shapes, alternatives, fix. Numbers are written as JavaScript's
 * JSON.stringify writes them. 8192 bytes always suffice. */
#define JSK_REPORT_JSON_MAX 8192U
int jsk_report_json(char *out, size_t out_maxlen, size_t *out_len, const jsk_report *report);

/* The report's time_to_guess text ("3 hours", "longer than the age of the universe") and its fix
 * ("jwt-secret generate --alg HS256", empty when strong), as in the JSON. */
int jsk_time_to_guess(char *out, size_t out_maxlen, double seconds_log10);
int jsk_report_fix(char *out, size_t out_maxlen, const jsk_report *report);

/* sizeof(jsk_dict) and sizeof(jsk_report), for bindings that allocate them (the WASM glue). */
size_t jsk_dict_sizeof(void);
size_t jsk_report_sizeof(void);

/* ------------------------------------------------------------------ audit */

#define JSK_AUDIT_MAX_TOKEN 8192U

/* A token prepared for trying candidate secrets: its tag, and the schedules (plus round constants)
 * of the inner hash's message blocks, which do not depend on the key. No pointers; about 42 KB. */
typedef struct jsk_audit {
    int alg;
    size_t tag_len;
    uint8_t tag[JSK_HMAC_MAX_BYTES];
    uint32_t nblocks;
    uint64_t tried; /* candidates tried so far */
    union {
        uint32_t w256[(JSK_AUDIT_MAX_TOKEN + 9U + 63U) / 64U][64];
        uint64_t w512[(JSK_AUDIT_MAX_TOKEN + 17U + 127U) / 128U][80];
    } sched;
} jsk_audit;

/* Parses an HS256/384/512 token (as jsk_jws_parse(), at most JSK_AUDIT_MAX_TOKEN bytes). */
int jsk_audit_init(jsk_audit *audit, const char *token, size_t len);
/* Tries every line of buf as the secret, in order. Lines end at "\n" (a "\r" before it goes too);
 * nothing else is trimmed. Without final, a last line with no "\n" is left for the next call.
 * Returns 1 when a line signs the token (*found_offset, *found_len locate it in buf), 0 when none
 * does; *consumed says how many bytes were used. audit->tried counts the candidates. */
int jsk_audit_lines(jsk_audit *audit, const uint8_t *buf, size_t len, int final, size_t *consumed,
                    size_t *found_offset, size_t *found_len);
/* The built-in candidates, one per line: the curated JWT defaults with their variants as printed,
 * in lower and upper case, then the analyzer's dictionaries in three cases. */
size_t jsk_audit_builtin_size(const jsk_dict *dict);
/* sizeof(jsk_audit) and audit->tried as a double, for bindings. */
size_t jsk_audit_sizeof(void);
double jsk_audit_tried(const jsk_audit *audit);
int jsk_audit_builtin(char *out, size_t out_maxlen, size_t *out_len, const jsk_dict *dict);

/* -------------------------------------------------------------- self-test */

/* The core's known-answer self-test, for every front end to run before it serves a call (the JS
 * API at init(), the CLI at start): base64/base64url/hex encode and decode (RFC 4648 section 10)
 * and strict refusals; SHA-256/384/512 (FIPS 180-4); HMAC-SHA-256/384/512 (RFC 4231 test case 2);
 * JWS verify (RFC 7515 A.1) and sign against a pinned token; the generator (sizes, two draws
 * differ); and, when dict is not NULL (it is then an initialised jsk_dict), the analyzer's verdicts
 * on a known weak secret and on a fresh one. JSK_OK, JSK_ERR_NO_ENTROPY when the generator has no
 * randomness, or JSK_ERR_SELF_TEST for any wrong answer. Fresh secrets are wiped. About 0.1 ms
 * natively (tests/c/test_selftest.c prints the figure). */
int jsk_self_test(const jsk_dict *dict);

#ifdef __cplusplus
}
#endif

#endif /* JSK_H */
