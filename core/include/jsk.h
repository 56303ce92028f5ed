/*
 * jsk.h — the whole C API of jwt-secret-kit's portable core.
 *
 * Rules every function follows:
 *   - arguments in one order: the output first with its capacity (out, out_maxlen), then where its
 *     length goes when the call reports one (*out_len, which may be NULL); then alg, when the call
 *     takes one; then the inputs as (pointer, length), never NUL-scanned. Streaming calls take
 *     their context first, then their outputs, then their inputs (libsodium style);
 *   - an int result is JSK_OK (0) or a negative jsk_error; nothing aborts, nothing allocates. The
 *     calls that answer a question give a documented non-negative answer in place of JSK_OK:
 *     jsk_verify() (0 equal, JSK_MISMATCH not), jsk_audit_lines() (1 found, 0 not), and the
 *     *_from_name() parsers (the enum value);
 *   - sizes have one naming scheme: a function ending in _len returns the capacity a call needs
 *     (0 when it would overflow size_t or an argument is invalid), and a JSK_<THING>_LEN() macro
 *     where there is one gives the same number (kept equal by the tests); limits are
 *     JSK_<THING>_MAX and JSK_<THING>_MIN; fixed sizes are JSK_<THING>_BYTES; jsk_<type>_sizeof()
 *     is sizeof a struct, for bindings that allocate it;
 *   - text outputs are NUL-terminated, and their capacities count that NUL;
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
    JSK_ERR_UNKNOWN_FORMAT = -13,  /* not an encoding (or format) this call supports */
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
    JSK_ERR_BAD_PAYLOAD = -25,     /* a signed token whose payload is not a JSON object */
    JSK_ERR_SELF_TEST = -26,       /* jsk_self_test(): a known answer came out wrong */
    JSK_ERR_OPTION_CONFLICT = -27, /* generator options that do not go together (jsk_secret_check) */
    JSK_ERR_NOT_IN_MODULE = -28,   /* a WASM module built without that part (the generate module: JWK) */
    JSK_ERR_TOKEN_EXPIRED = -29,   /* the signature holds, but exp is not after the caller's now */
    JSK_ERR_TOKEN_NOT_YET_VALID = -30, /* the signature holds, but nbf is after the caller's now */
    JSK_ERR_BAD_TIME_CLAIM = -31,  /* exp, nbf or iat present but not a number (RFC 7519 NumericDate) */
    JSK_ERR_BAD_JWK = -32,         /* a key given as a JWK that is not {"kty":"oct","k":base64url,...} */
    JSK_ERR_DUPLICATE_NAME = -33   /* a name given twice where each must be once (a .env file's variables) */
} jsk_error;

#define JSK_ERROR_MIN (-33)

/* A plain-language message for err ("unknown error" for values outside the enum). */
const char *jsk_strerror(int err);
/* The stable code name, "ERR_BAD_CHARACTER" for JSK_ERR_BAD_CHARACTER; "ERR_UNKNOWN" otherwise. */
const char *jsk_error_code(int err);
/* 1 when err refuses a token that was read (a wrong signature, alg "none", a non-HMAC or pinned-away
 * algorithm, "crit", a wrong tag length, a payload that is not a JSON object, expired, not yet valid,
 * a time claim that is not a number): a negative answer (the CLI's exit 1), not an input error (exit 2); 0 otherwise. */
int jsk_error_is_refusal(int err);

/* ---------------------------------------------------------------- memory */

/* Overwrites len bytes at p with zeros through a volatile pointer, so the compiler cannot drop it. */
void jsk_wipe(void *p, size_t len);

/* ------------------------------------------------------------ algorithms */

/* An alg argument is one of these. JSK_ALG_UNSET means "no algorithm given" where a call allows
 * it (each says what it then does); it is unrelated to JSK_ERR_ALG_NONE, the refusal of a token
 * whose header says alg "none". */
typedef enum jsk_alg {
    JSK_ALG_UNSET = 0, /* no algorithm given: the caller chose a size by itself, or the default */
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

/* The low-level codecs (jsk_encode()/jsk_decode() below choose among them by jsk_encoding).
 * Base64 variants, as flags: bit 1 = no padding, bit 2 = URL-safe alphabet (RFC 4648 §5). */
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

/* -------------------------------------------------------------- encodings */

/* One vocabulary for how a secret's bytes are written as text (the generator's --format) and how
 * an application turns a secret string into HMAC key bytes (the checker's --encoding). Which call
 * takes which:
 *   jsk_encode(), jsk_decode(), jsk_generate(), jsk_encoded_len(), jsk_decoded_len():
 *       BASE64URL, BASE64, HEX, BASE64URL_PADDED (strict: padding exactly as the encoding says);
 *   jsk_check(): RAW, HEX, BASE64, BASE64URL, AUTO (base64 and base64url with optional padding,
 *       as decoding libraries accept it, so BASE64URL_PADDED is not needed there).
 * Any other value is JSK_ERR_UNKNOWN_FORMAT. The numbers are stable. */
typedef enum jsk_encoding {
    JSK_ENCODING_BASE64URL = 1,        /* RFC 4648 §5, unpadded: the generator's default */
    JSK_ENCODING_BASE64 = 2,           /* RFC 4648 §4, padded (jsk_check(): as jjwt's Decoders.BASE64) */
    JSK_ENCODING_HEX = 3,              /* lowercase written, either case read */
    JSK_ENCODING_BASE64URL_PADDED = 4, /* RFC 4648 §5 with '=' padding */
    JSK_ENCODING_RAW = 5,              /* the string's own UTF-8 bytes, as jsonwebtoken and jose use it */
    JSK_ENCODING_AUTO = 6              /* raw, plus every decoding that succeeds, as alternatives */
} jsk_encoding;

/* "base64url", "base64", "hex", "base64url-padded", "raw", "auto" (exact, case-sensitive) to
 * jsk_encoding; JSK_ERR_UNKNOWN_FORMAT otherwise. jsk_encoding_name() is the reverse (NULL for a
 * value outside the enum). */
int jsk_encoding_from_name(const char *name, size_t name_len);
const char *jsk_encoding_name(int encoding);
/* Capacity (including the NUL) that encoding bin_len bytes needs; 0 for an encoding jsk_encode()
 * does not write, or when the size would overflow size_t. */
size_t jsk_encoded_len(size_t bin_len, int encoding);
/* A capacity that always holds the decoding of text_len characters (jsk_decode() reports the exact
 * count); 0 for an encoding jsk_decode() does not read. */
size_t jsk_decoded_len(size_t text_len, int encoding);
/* jsk_hex_* / jsk_base64_* chosen by encoding. *out_len (may be NULL) gets the characters written,
 * *bin_len (may be NULL) the bytes. */
int jsk_encode(char *out, size_t out_maxlen, size_t *out_len, const uint8_t *bin, size_t bin_len, int encoding);
int jsk_decode(uint8_t *bin, size_t bin_maxlen, size_t *bin_len, const char *text, size_t text_len, int encoding);

/* --------------------------------------------------------------- entropy */

/* The only randomness in the project. Fills buf with len bytes from the platform CSPRNG:
 * getrandom() (or getentropy()) natively, crypto.getRandomValues() in chunks of at most
 * 65536 bytes in WebAssembly. JSK_ERR_NO_ENTROPY when there is no such source or it fails;
 * buf is then zeroed. */
int jsk_random_fill(uint8_t *buf, size_t len);

/* ------------------------------------------------------------- generator */

#define JSK_GENERATE_BYTES_MIN 1U
#define JSK_GENERATE_BYTES_MAX 4096U
#define JSK_ALPHABET_SYMBOLS_MIN 2U
#define JSK_ALPHABET_SYMBOLS_MAX 94U /* printable ASCII without space: '!' .. '~' */
#define JSK_ALPHABET_LENGTH_MAX 4096U

/* Resolves how many random bytes to draw.
 *   alg given, nbytes 0      -> the algorithm's key size (HS256 32, HS384 48, HS512 64);
 *   alg given, nbytes given  -> nbytes, but JSK_ERR_KEY_TOO_SHORT below the algorithm's size;
 *   no alg (JSK_ALG_UNSET)   -> nbytes, which must be 1..4096 (JSK_ERR_OUT_OF_RANGE);
 *   neither                  -> HS256's 32.
 * Any nbytes must be within JSK_GENERATE_BYTES_MIN..JSK_GENERATE_BYTES_MAX. */
int jsk_generate_size(size_t *nbytes_out, int alg, size_t nbytes);

/* Draws the number of random bytes jsk_generate_size(alg, nbytes) resolves and writes them in
 * encoding (BASE64URL, BASE64, HEX or BASE64URL_PADDED), NUL-terminated; out_maxlen >=
 * jsk_encoded_len(bytes, encoding). *out_len (may be NULL) gets the number of characters. The raw
 * bytes are wiped before return. */
int jsk_generate(char *out, size_t out_maxlen, size_t *out_len, int alg, size_t nbytes, int encoding);

/* Checks a custom alphabet: JSK_ALPHABET_SYMBOLS_MIN..MAX (2..94) distinct bytes in '!'..'~'
 * (JSK_ERR_BAD_ALPHABET otherwise). */
int jsk_alphabet_check(const char *alphabet, size_t alphabet_len);
/* Bits of entropy of a uniformly random string of length symbols over an alphabet of n symbols. */
double jsk_alphabet_entropy_bits(size_t n, size_t length);
/* The shortest length whose entropy reaches the algorithm's key size in bits (HS256: 256 bits;
 * JSK_ALG_UNSET counts as HS256); 0 for an invalid n or alg. */
size_t jsk_alphabet_default_length(int alg, size_t n);
/* Resolves the length of an alphabet secret of n symbols, as jsk_generate_size() does for bytes:
 * length 0 means jsk_alphabet_default_length(alg, n); at most JSK_ALPHABET_LENGTH_MAX (4096,
 * JSK_ERR_OUT_OF_RANGE); with alg given, a length whose entropy is below the algorithm's key size
 * in bits is JSK_ERR_KEY_TOO_SHORT. */
int jsk_alphabet_length(size_t *length_out, int alg, size_t n, size_t length);
/* A string of the resolved length over alphabet (checked by jsk_alphabet_check()). Each character
 * is drawn uniformly by rejection sampling over masked random bytes: no modulo bias.
 * out_maxlen >= length + 1. */
int jsk_generate_alphabet(char *out, size_t out_maxlen, size_t *out_len, int alg, const char *alphabet,
                          size_t alphabet_len, size_t length);

/* ------------------------------------------------ one secret from a caller's options */

/* What one generated secret is written as: one of the generator's four encodings
 * (JSK_ENCODING_BASE64URL .. JSK_ENCODING_BASE64URL_PADDED), a .env line, or a JWK. */
#define JSK_FORMAT_ENV 16
#define JSK_FORMAT_JWK 17
/* "base64url", "base64", "hex", "base64url-padded", "env", "jwk"; JSK_ERR_UNKNOWN_FORMAT otherwise. */
int jsk_format_from_name(const char *name, size_t name_len);
const char *jsk_format_name(int format);

/* The rules of jsk_secret_check(), as *rule says which one a refused request breaks. */
#define JSK_RULE_LENGTH_WITHOUT_ALPHABET 1 /* a length sizes alphabet secrets only */
#define JSK_RULE_BYTES_AND_ALPHABET 2      /* an alphabet secret is sized by length, not bytes */
#define JSK_RULE_FORMAT_AND_ALPHABET 3     /* an alphabet secret is already text: no encoding */
#define JSK_RULE_NAME_WITHOUT_ENV 4        /* a variable name makes a .env line */

/* The options of one secret as a caller gives them (the CLI's flags, the JS API's options), each
 * 0 / NULL when not given: alg (sizes it; default HS256's 32 bytes), bytes (1..4096, at least
 * alg's size), format (a JSK_FORMAT_* or encoding value; default base64url, or env when a name
 * is given), alphabet (2..94 distinct printable ASCII) with length (default: alg's bits), name
 * (the .env variable; default JWT_SECRET). Options that do not go together are
 * JSK_ERR_OPTION_CONFLICT with *rule (may be NULL) set; ranges, the alphabet and the name are
 * checked as the calls below check them. */
int jsk_secret_check(int *rule, int alg, size_t bytes, int format, const char *alphabet, size_t alphabet_len,
                     size_t length, const char *name, size_t name_len);
/* The rule's message, each option name written after prefix ("--" on the command line, "" in
 * the JS API), the format by its name: "--bytes and --alphabet exclude each other (...)". */
int jsk_secret_rule_message(char *out, size_t out_maxlen, int rule, int format, const char *prefix,
                            size_t prefix_len);
/* The capacity (with NUL) jsk_secret() needs for these options; 0 when they are refused. */
size_t jsk_secret_len(int alg, size_t bytes, int format, const char *alphabet, size_t alphabet_len, size_t length,
                      const char *name, size_t name_len);
/* What jsk_secret() would make, as JSON: {"alg","format","bytes" (null for an alphabet secret),
 * "characters" (of the value), "entropy_bits"}. 128 bytes suffice. */
int jsk_secret_describe(char *out, size_t out_maxlen, size_t *out_len, int alg, size_t bytes, int format,
                        const char *alphabet, size_t alphabet_len, size_t length, const char *name, size_t name_len);
/* One new secret: the value, a "NAME=value" line (format env), or a JWK (format jwk, with its
 * RFC 7638 kid). Random bytes are wiped; on error out is zeroed. */
int jsk_secret(char *out, size_t out_maxlen, size_t *out_len, int alg, size_t bytes, int format, const char *alphabet,
               size_t alphabet_len, size_t length, const char *name, size_t name_len);

/* ------------------------------------------------------------ .env lines */

#define JSK_ENV_NAME_LEN_MAX 128U
#define JSK_ENV_NAME_DEFAULT "JWT_SECRET" /* the variable a .env secret gets when none is named */

/* Checks an environment variable name: [A-Za-z_][A-Za-z0-9_]*, at most JSK_ENV_NAME_LEN_MAX (128)
 * characters (JSK_ERR_BAD_NAME otherwise). */
int jsk_env_name_check(const char *name, size_t name_len);
/* Writes "NAME=value". A value made only of [A-Za-z0-9_+/=.:@%,~-] is written bare; any other
 * printable ASCII without a single quote is written single-quoted (literal in dotenv parsers);
 * anything else is JSK_ERR_UNSAFE_VALUE. out_maxlen >= name_len + value_len + 4 is always enough. */
int jsk_env_line(char *out, size_t out_maxlen, size_t *out_len, const char *name, size_t name_len,
                 const char *value, size_t value_len);

/* ------------------------------------------------ .env files: several secrets, names x environments */

/* How jsk_env_file() lays out secrets for variable names x environments. Every file is complete:
 * a header comment, then each variable once (never a name twice in a file: the last would win).
 *   FILES     one file per environment, ".env.<environment>" (the names of dotenv-flow, Vite,
 *             Next.js), or ".env" without environments
 *   PREFIX    one ".env" for every environment, each name prefixed: PRODUCTION_JWT_SECRET
 *   ROTATION  as FILES, each name twice: NAME_CURRENT and NAME_PREVIOUS (sign with the current
 *             key; verify with the current, then the previous one)
 *   K8S       as FILES, a Kubernetes Secret manifest each, "jwt-secrets[.<environment>].yaml"
 *             (metadata.name jwt-secrets[-<environment>], type Opaque, stringData: NAME: 'value') */
#define JSK_ENV_LAYOUT_FILES 1
#define JSK_ENV_LAYOUT_PREFIX 2
#define JSK_ENV_LAYOUT_ROTATION 3
#define JSK_ENV_LAYOUT_K8S 4
#define JSK_ENV_FILES_NAMES_MAX 32U         /* variable names in one request */
#define JSK_ENV_FILES_ENVIRONMENTS_MAX 8U   /* environments in one request */
#define JSK_ENV_ENVIRONMENT_LEN_MAX 32U     /* an environment's name: [A-Za-z][A-Za-z0-9_-]* */
#define JSK_ENV_FILE_NAME_LEN_MAX 64U       /* a file's name, with its NUL */

/* "files", "prefix", "rotation", "k8s"; JSK_ERR_UNKNOWN_FORMAT otherwise. */
int jsk_env_layout_from_name(const char *name, size_t name_len);
const char *jsk_env_layout_name(int layout);

/* The requests of the calls below: alg and bytes size every secret as jsk_generate_size() does
 * (values are base64url); names and environments are lists, each item ended by '\n' (the last may
 * lack it); no names means JWT_SECRET, no environments one file. Each variable (with its prefix or
 * suffix) must pass jsk_env_name_check(), and be once in its file, case aside
 * (JSK_ERR_DUPLICATE_NAME); environments are letters, digits, '-' and '_', a letter first, at
 * most 32, no two alike with case, '-' and '_' aside (JSK_ERR_BAD_NAME, JSK_ERR_DUPLICATE_NAME).
 * At most 32 names and 8 environments (JSK_ERR_OUT_OF_RANGE).
 * jsk_env_files_check() checks a request: *files (may be NULL) gets the number of files, *cap
 * (may be NULL) a capacity for jsk_env_files_json() that also fits any one file, and on a refused
 * item *culprit (may be NULL) says which: k > 0 the k-th name, -k the k-th environment, 0 none. */
int jsk_env_files_check(size_t *files, size_t *cap, int *culprit, int alg, size_t bytes, int layout, const char *names,
                        size_t names_len, const char *envs, size_t envs_len);
/* File index (0-based) of the request: its text into out, its name into name_out
 * (JSK_ENV_FILE_NAME_LEN_MAX suffices). New secrets on every call; on error out is zeroed. */
int jsk_env_file(char *out, size_t out_maxlen, size_t *out_len, char *name_out, size_t name_maxlen, int alg,
                 size_t bytes, int layout, const char *names, size_t names_len, const char *envs, size_t envs_len,
                 size_t index);
/* Every file of the request as JSON: {"layout","alg","bytes","files":[{"name","environment" (null
 * for a file of every environment or of none),"variables":[...],"content"}]}. */
int jsk_env_files_json(char *out, size_t out_maxlen, size_t *out_len, int alg, size_t bytes, int layout,
                       const char *names, size_t names_len, const char *envs, size_t envs_len);

/* ------------------------------------------------ commands beside a secret */

#define JSK_HOWTO_MAKE 1  /* the same kind of secret made on one's own machine */
#define JSK_HOWTO_STORE 2 /* a new one put where it belongs, through a pipe only */
#define JSK_HOWTO_JSON_LEN_MAX 8192U

/* The commands for a secret of alg/bytes (resolved as jsk_generate_size() does) in format (an
 * encoding, JSK_FORMAT_ENV or JSK_FORMAT_JWK; 0 is base64url), named name (default JWT_SECRET;
 * the .env variable, the key in a store, and in lower case with '-' for '_' a store's resource
 * name), as JSON: [{"tool","what","command"}, ...].
 *   MAKE: openssl, node, python3 (none for a JWK), then jwt-secret and npx jwt-secret-kit.
 *   STORE: gh (GitHub Actions), kubectl (a Secret, and a manifest from --layout k8s), docker
 *   (Swarm), vault, aws (Secrets Manager), gcloud (Secret Manager), az (Key Vault); the value is
 *   always piped from jwt-secret generate, its newline removed. JSK_HOWTO_JSON_LEN_MAX suffices. */
int jsk_secret_howto(char *out, size_t out_maxlen, size_t *out_len, int which, int alg, size_t bytes, int format,
                     const char *name, size_t name_len);

/* ------------------------------------------------------------ SHA-2 and HMAC */

#define JSK_SHA256_BYTES 32U
#define JSK_SHA384_BYTES 48U
#define JSK_SHA512_BYTES 64U
#define JSK_HMAC_BYTES_MAX 64U /* the longest tag (HS512): a capacity that fits every alg */

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

/* Constant-time comparison of len bytes (any length): 0 when equal, JSK_MISMATCH otherwise. A
 * mismatch is an answer, not a failure: JSK_MISMATCH is positive, so it is never a jsk_error. */
#define JSK_MISMATCH 1
int jsk_verify(const uint8_t *a, const uint8_t *b, size_t len);

/* ------------------------------------------------------------- JSON, JWS, JWK */

#define JSK_JSON_DEPTH_MAX 64
#define JSK_JWS_LEN_MAX 1048576U     /* tokens and payloads: 1 MiB (JSK_ERR_TOO_LARGE above) */
#define JSK_JWS_HEADER_LEN_MAX 4096U /* decoded header bytes */

/* Strict JSON (RFC 8259) check: UTF-8, no trailing commas or comments, nesting at most
 * JSK_JSON_DEPTH_MAX. require_object: the top level must be an object. */
int jsk_json_check(const uint8_t *text, size_t len, int require_object);
/* Where and why jsk_json_check() refuses text, in words: "line 1, column 6 (byte 5): expected a
 * colon (:) after the member name" (lines end at \n, columns count characters from 1, the byte
 * offset counts from 0). JSK_OK with an empty text when the JSON is fine;
 * JSK_JSON_ERROR_TEXT_LEN_MAX bytes always suffice. */
#define JSK_JSON_ERROR_TEXT_LEN_MAX 256U
int jsk_json_error_text(char *out, size_t out_maxlen, size_t *out_len, const uint8_t *text, size_t len,
                        int require_object);

/* Capacity (with NUL) of a compact JWS signed with alg over a payload of payload_len bytes; 0 for
 * an unknown alg or a payload over JSK_JWS_LEN_MAX. */
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
    uint8_t tag[JSK_HMAC_BYTES_MAX];
    size_t tag_len;
} jsk_jws;

/* Exactly two dots, three unpadded base64url parts (the payload may be empty), a JSON object header
 * with one "alg" and no "crit"; alg must be HS256/384/512 (JSK_ERR_ALG_NONE, JSK_ERR_ALG_NOT_HMAC)
 * and the tag that algorithm's length. */
int jsk_jws_parse(jsk_jws *jws, const char *token, size_t token_len);
/* Parses, then checks the tag in constant time. alg (JSK_ALG_UNSET: take the header's HS*
 * algorithm) must match the header, or JSK_ERR_ALG_MISMATCH. *alg_out (may be NULL) gets the alg. */
int jsk_jws_verify(int *alg_out, int alg, const char *token, size_t token_len, const uint8_t *key,
                   size_t key_len);

/* A capacity that always holds the payload of a token of token_len bytes. */
size_t jsk_jws_payload_len(size_t token_len);
/* Verifies as jsk_jws_verify(), then writes the payload's bytes, exactly as signed: a token whose
 * signature holds but whose payload is not a JSON object (RFC 7519 section 7.2; nesting at most
 * JSK_JSON_DEPTH_MAX) is JSK_ERR_BAD_PAYLOAD. On any error the payload buffer is zeroed. */
int jsk_jws_open(uint8_t *payload, size_t payload_maxlen, size_t *payload_len, int *alg_out, int alg,
                 const char *token, size_t token_len, const uint8_t *key, size_t key_len);

/* The RFC 7638 thumbprint: base64url(SHA-256(canonical JSON of the required members)). */
int jsk_jwk_thumbprint(char *out, size_t out_maxlen, size_t *out_len, const uint8_t *canonical, size_t len);
/* Capacity (with NUL) of jsk_jwk() for a key of KEY_LEN bytes, and of jsk_jwks() for a current and
 * a previous key (PREVIOUS_LEN 0: none). The functions return the same numbers (kept equal to the
 * macros by a test), or 0 when the size would overflow size_t. */
#define JSK_JWK_LEN(KEY_LEN) (JSK_BASE64_ENCODED_LEN(KEY_LEN, JSK_BASE64_VARIANT_URLSAFE_NO_PADDING) + 43U + 64U)
#define JSK_JWKS_LEN(CURRENT_LEN, PREVIOUS_LEN) \
    (12U + JSK_JWK_LEN(CURRENT_LEN) + ((PREVIOUS_LEN) > 0U ? JSK_JWK_LEN(PREVIOUS_LEN) + 1U : 0U))
size_t jsk_jwk_len(size_t key_len);
size_t jsk_jwks_len(size_t current_len, size_t previous_len);
/* {"kty":"oct","k":…,"alg":…,"use":"sig","kid":<thumbprint of {"k":…,"kty":"oct"}>}; key_len >= 1. */
int jsk_jwk(char *out, size_t out_maxlen, size_t *out_len, int alg, const uint8_t *key, size_t key_len);
/* {"keys":[current, previous]}: a JWKS for rotation; previous may be absent (NULL, 0). Both keys are
 * held to the rule of signing: at least alg's size (RFC 7518 section 3.2, JSK_ERR_KEY_TOO_SHORT). */
int jsk_jwks(char *out, size_t out_maxlen, size_t *out_len, int alg, const uint8_t *current, size_t current_len,
             const uint8_t *previous, size_t previous_len);

/* ------------------------------------------------ keys as users write them */

/* How a verifier's or signer's secret is written: "text" (its UTF-8 bytes: JSK_ENCODING_RAW),
 * "base64", "base64url" (both with optional '=' padding), "hex" (JSK_ENCODING_*), or "jwk"
 * (JSK_FORMAT_JWK). JSK_ERR_UNKNOWN_FORMAT otherwise. */
int jsk_key_format_from_name(const char *name, size_t name_len);
/* The key bytes of text in format. key_maxlen >= text_len always suffices. A JWK must be a JSON
 * object with exactly one "kty" ("oct") and one "k" (base64url without padding, no escapes, at
 * least one byte); "alg", if present, must be HS256/384/512 (JSK_ERR_BAD_JWK otherwise) and equal
 * alg when alg is given (JSK_ERR_ALG_MISMATCH); *jwk_alg (may be NULL) gets it (JSK_ALG_UNSET when
 * absent) so that a verifier can pin it. Other members (kid, use, key_ops) are ignored. On error
 * key is zeroed. No size rule here: signing and verification apply their own. */
int jsk_key_parse(uint8_t *key, size_t key_maxlen, size_t *key_len, int *jwk_alg, int alg, const char *text,
                  size_t text_len, int format);

/* --------------------------------------------------------- token inspector */

/* Lifetimes above these are findings (LIFETIME_LONG): a warning above a day, danger above 30 days. */
#define JSK_LIFETIME_WARNING_SECONDS 86400.0
#define JSK_LIFETIME_DANGER_SECONDS 2592000.0
/* An iat later than now by more than this is a finding (IAT_FUTURE): clocks drift a little. */
#define JSK_IAT_FUTURE_LEEWAY_SECONDS 60.0
/* Inspector input: the token plus whatever surrounds it (whitespace, quotes, "Bearer ", a header line). */
#define JSK_INSPECT_LEN_MAX (JSK_JWS_LEN_MAX + 4096U)

/* The capacity jsk_jwt_inspect() needs for text of len bytes (6 * len + 96 KiB); 0 above
 * JSK_INSPECT_LEN_MAX. */
size_t jsk_jwt_inspect_len(size_t len);

/* Reads a token offline, without a key, and writes one JSON document (no newline) about it. Input is
 * taken tolerantly but never silently: surrounding white space, a BOM, an "Authorization:" header
 * name, a "Bearer " prefix (any case) and surrounding quotes (' " `) are removed, each with a note.
 * now is the caller's time in seconds since 1970 (NaN: times are not judged). Succeeds (JSK_OK)
 * for any text, token or not; only arguments, capacity and size are errors.
 *   A token:     {"ok":true,"notes":[{code,message}],"token":{offset,length},
 *                 "parts":[{name,offset,length}x3] (offsets in the ORIGINAL text),
 *                 "alg","typ","kid" (strings or null),"signature_bytes",
 *                 "claims":{"iat","nbf","exp"} (numbers as written, or null),
 *                 "times":{"expired","not_yet_valid" (booleans),"expires_in","expired_ago",
 *                          "valid_in","lifetime" (whole seconds or null),"text" (a sentence)},
 *                 "findings":[{code,severity ("danger"|"warning"|"info"),message}],
 *                 "header" (its JSON text as decoded),"payload_is_json","payload" (text as decoded,
 *                 or null when it is not UTF-8)}
 *   Not a token: {"ok":false,"notes":[...],"error":{"code","part" (0 none, 1 header, 2 payload,
 *                 3 signature),"offset" (in the original text, or null),"message"}, "parts"
 *                 when the dots were found}
 * Time and memory are linear in len; nothing is allocated (the payload is decoded into out's tail).
 * The WASM builds carry it in a module of its own (inspect), so that an app that only signs and
 * verifies does not load it. */
int jsk_jwt_inspect(char *out, size_t out_maxlen, size_t *out_len, const char *text, size_t len, double now);
/* The inspector's known answer (a pinned token read at a pinned time): JSK_OK or JSK_ERR_SELF_TEST. */
int jsk_self_test_inspect(void);

/* The report's JSON never exceeds this; jsk_jwt_verify_report_len(token_len) adds room for the
 * payload, which the report decodes into out's tail (0 above JSK_JWS_LEN_MAX). */
#define JSK_JWT_REPORT_JSON_LEN_MAX 16384U
size_t jsk_jwt_verify_report_len(size_t token_len);

/* An honest verification: the signature as jsk_jws_verify() checks it (HS256/384/512 only, "none"
 * and "crit" refused, constant-time compare), then the time claims against now (NaN: not judged),
 * the key's size against the algorithm's (RFC 7518 section 3.2) and the findings the inspector would
 * give a signed token (jku/x5u/jwk/x5c headers, claims that are not numbers, no exp, a long
 * lifetime, expired, not yet valid, iat in the future), as one JSON document (no newline):
 *   {"verdict":"valid"|"valid-with-warnings"|"invalid","headline" (one sentence),
 *    "code" (null, or the refusal: ERR_BAD_SIGNATURE, ERR_TOKEN_EXPIRED, ...),"signature_valid",
 *    "alg","alg_from":"header"|"pinned","key_bytes","key_bytes_min","findings":[...]}
 * invalid: the signature is refused, or the token expired (exp <= now), is not valid yet
 * (nbf > now) or has a time claim that is not a number (the codes jsk_error_is_refusal() names);
 * valid-with-warnings: the signature holds but a finding is a danger or a warning (a key shorter
 * than the algorithm's hash is a danger: KEY_TOO_SHORT); valid: nothing to say (an info finding,
 * ALG_NOT_PINNED when the alg came from the header, does not count). secret_verdict is the
 * analyzer's verdict on the key (jsk_verdict; 0: not judged) and secret_meaning its sentence
 * (jsk_report_meaning, or NULL): a weak key is the danger WEAK_SECRET once the signature holds (the
 * analyzer and its dictionaries live in another WASM module, so the caller runs it and passes its
 * answer here; this function owns what the answer means for the token). A signed payload that is not
 * a JSON object is the refusal JSK_ERR_BAD_PAYLOAD. out_maxlen >= jsk_jwt_verify_report_len(len).
 * The token is taken exactly (no trimming). A text that is not a compact JWS at all is an error
 * (JSK_ERR_MALFORMED_TOKEN, ...) with nothing written, as jsk_jws_verify() answers it. */
int jsk_jwt_verify_report(char *out, size_t out_maxlen, size_t *out_len, int alg, const char *token, size_t len,
                          const uint8_t *key, size_t key_len, double now, int secret_verdict,
                          const char *secret_meaning);

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
    const uint8_t *ngram;    /* letter trigram model: cost in half bits of x after a, b (internal) */
    const char *defaults;    /* the curated JWT defaults and their variants, as printed, one per line */
    size_t defaults_len;
    const uint64_t *digests; /* first 36 bits of MD5, SHA-1, SHA-256 of common words: 3 sorted runs */
    uint32_t digest_count;   /* words in each run */
} jsk_dict;

/* Bytes of workspace jsk_dict_init() needs (about 850 KB), for a 4-byte aligned buffer; a smaller
 * or unaligned workspace is JSK_ERR_BUFFER_TOO_SMALL. */
size_t jsk_dict_workspace_len(void);
int jsk_dict_init(jsk_dict *dict, void *workspace, size_t workspace_len);

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
    JSK_FINDING_ENCODED = 16,       /* decodes as hex/base64: decoding libraries get fewer bytes */
    JSK_FINDING_ENCODED_TEXT = 17,  /* hex/base64 of readable text: judged as that text (never quoted) */
    JSK_FINDING_CONTEXT = 18        /* contains a context word (the project's name): attackers try it first */
} jsk_finding_code;

/* Shapes of machine-made strings, as bits of jsk_report.shapes. */
#define JSK_SHAPE_HEX 1U
#define JSK_SHAPE_BASE64 2U
#define JSK_SHAPE_BASE64URL 4U
#define JSK_SHAPE_UUID 8U
#define JSK_SHAPE_JWT 16U

#define JSK_CHECK_LEN_MAX 1048576U /* 1 MiB: longer input is JSK_ERR_OUT_OF_RANGE */
#define JSK_CHECK_BITS_MAX 2048.0  /* the estimate stops here (jsk_report.entropy_capped) */
#define JSK_REPORT_FINDINGS_MAX 16
#define JSK_FINDING_MESSAGE_LEN_MAX 200
#define JSK_GUESSES_PER_SECOND 2e9 /* one modern GPU on HS256 (hashcat -m 16500: 1.85e9 on an RTX 3090) */
#define JSK_WEAK_BELOW_BITS 80.0   /* below this an offline guessing attack is practical */

typedef struct jsk_finding {
    int code;
    char message[JSK_FINDING_MESSAGE_LEN_MAX]; /* never quotes the secret */
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
    int entropy_capped;  /* 1 when the analysis stopped at JSK_CHECK_BITS_MAX: the real value is higher */
    double seconds_log10; /* log10 of the expected time to guess: half the guesses at JSK_GUESSES_PER_SECOND */
    unsigned shapes;
    size_t n_findings;
    jsk_finding findings[JSK_REPORT_FINDINGS_MAX];
    size_t n_alternatives; /* auto: what decoding libraries get */
    jsk_interpretation alternatives[3];
} jsk_report;

/* "weak", "fair", "strong" and "KNOWN_SECRET"...; NULL for a value outside the enum. */
const char *jsk_verdict_name(int verdict);
const char *jsk_finding_name(int code);

/* Analyses secret (len bytes, at most JSK_CHECK_LEN_MAX) as a key for alg (JSK_ALG_UNSET means
 * HS256) used with encoding: RAW, HEX, BASE64, BASE64URL or AUTO (JSK_ERR_UNKNOWN_FORMAT
 * otherwise), with the dictionary from jsk_dict_init(). Time is linear in len. A secret that does
 * not decode in the given encoding is an error (JSK_ERR_BAD_CHARACTER, ...). Decoded bytes never
 * outlive the call. */
int jsk_check(jsk_report *report, int alg, const jsk_dict *dict, const uint8_t *secret, size_t len,
              int encoding);

/* jsk_check() with context: words an attacker knows about the secret's project (its name, the
 * repository's, the company's), one per line ('\n' or NUL between them) in context[0..context_len),
 * at most JSK_CONTEXT_LEN_MAX bytes (JSK_ERR_OUT_OF_RANGE beyond). Each word of 3 bytes or more, and
 * each of its parts between - _ . and spaces, costs almost nothing where the secret holds it
 * (ASCII case ignored), as zxcvbn's user_inputs; the finding is CONTEXT. At most
 * JSK_CONTEXT_WORDS_MAX words and parts are used. jsk_check() is this call with no context. */
#define JSK_CONTEXT_LEN_MAX 1024U
#define JSK_CONTEXT_WORDS_MAX 32U
int jsk_check_context(jsk_report *report, int alg, const jsk_dict *dict, const uint8_t *secret, size_t len,
                      int encoding, const uint8_t *context, size_t context_len);

/* jsk_check_context() as the front ends' options ask for it: the secret read in encoding (0: not
 * given, RAW), or written in key_format as a verifier or signer takes it (0: not given;
 * jsk_key_format_from_name(): text, base64, base64url and hex are read as those encodings; a JWK as
 * jsk_key_parse() reads one, JSK_ERR_BAD_JWK or JSK_ERR_ALG_MISMATCH, and judged by its "k",
 * base64url as written, for the JWK's alg when alg is JSK_ALG_UNSET), not both (JSK_ERR_OPTION_CONFLICT). The CLI's verify and the page pass its
 * verdict to jsk_jwt_verify_report(): a secret is judged in every format they take. */
int jsk_check_secret(jsk_report *report, int alg, const jsk_dict *dict, const uint8_t *secret, size_t len,
                     int encoding, int key_format, const uint8_t *context, size_t context_len);

/* The report as one line of JSON (no newline): verdict, alg, encoding, key_bytes, length,
 * entropy_bits, entropy_capped, seconds_to_guess (at most 1e+300), time_to_guess, meaning, verdicts,
 * findings[{code,message}], shapes, alternatives, fix. Bits have at most one decimal,
 * seconds_to_guess two significant digits. JSK_REPORT_JSON_LEN_MAX (8192) bytes always suffice. */
#define JSK_REPORT_JSON_LEN_MAX 8192U
int jsk_report_json(char *out, size_t out_maxlen, size_t *out_len, const jsk_report *report);

/* The report's time_to_guess text ("3 hours", "longer than the age of the universe") and its fix
 * ("jwt-secret generate --alg HS256", empty when strong), as in the JSON. */
int jsk_time_to_guess(char *out, size_t out_maxlen, double seconds_log10);
int jsk_report_fix(char *out, size_t out_maxlen, const jsk_report *report);

/* What the verdict means for this secret, in one sentence from the same bits as every other line:
 * how long a wordlist-and-rules attack (weak) or brute force (fair, strong) takes on one GPU, and
 * for fair what the algorithm asks. JSK_REPORT_MEANING_LEN_MAX bytes always suffice. */
#define JSK_REPORT_MEANING_LEN_MAX 256U
int jsk_report_meaning(char *out, size_t out_maxlen, const jsk_report *report);

/* sizeof(jsk_dict) and sizeof(jsk_report), for bindings that allocate them (the WASM glue). */
size_t jsk_dict_sizeof(void);
size_t jsk_report_sizeof(void);

/* ------------------------------------------------------------------ audit */

#define JSK_AUDIT_TOKEN_LEN_MAX 8192U

/* A token prepared for trying candidate secrets: its tag, and the schedules (plus round constants)
 * of the inner hash's message blocks, which do not depend on the key. No pointers; about 42 KB. */
typedef struct jsk_audit {
    int alg;
    size_t tag_len;
    uint8_t tag[JSK_HMAC_BYTES_MAX];
    uint32_t nblocks;
    uint64_t tried; /* candidates tried so far */
    union {
        uint32_t w256[(JSK_AUDIT_TOKEN_LEN_MAX + 9U + 63U) / 64U][64];
        uint64_t w512[(JSK_AUDIT_TOKEN_LEN_MAX + 17U + 127U) / 128U][80];
    } sched;
} jsk_audit;

/* Parses an HS256/384/512 token (as jsk_jws_parse(), at most JSK_AUDIT_TOKEN_LEN_MAX bytes). */
int jsk_audit_init(jsk_audit *audit, const char *token, size_t len);
/* What jsk_audit_init() answers about a token, without its 42 KB state (in jws.c: the jwt module
 * has it, for a front end that audits in workers and refuses a bad token before starting them). */
int jsk_audit_token_check(const char *token, size_t len);
/* Tries every line of buf as the secret, in order (the context first, then the outputs). Lines end at "\n" (a "\r" before it goes too);
 * nothing else is trimmed. Without final, a last line with no "\n" is left for the next call.
 * Returns 1 when a line signs the token (*found_offset, *found_len locate it in buf), 0 when none
 * does; *consumed says how many bytes were used. audit->tried counts the candidates. */
int jsk_audit_lines(jsk_audit *audit, size_t *found_offset, size_t *found_len, size_t *consumed,
                    const uint8_t *buf, size_t len, int final);
/* The built-in candidates, one per line: the curated JWT defaults with their variants as printed,
 * in lower and upper case, then the analyzer's dictionaries in three cases. jsk_audit_builtin_len()
 * is the capacity jsk_audit_builtin() needs (0 without a dict). */
size_t jsk_audit_builtin_len(const jsk_dict *dict);
int jsk_audit_builtin(char *out, size_t out_maxlen, size_t *out_len, const jsk_dict *dict);
/* sizeof(jsk_audit) and audit->tried as a double, for bindings. */
size_t jsk_audit_sizeof(void);
double jsk_audit_tried(const jsk_audit *audit);

/* ---------------------------------------------------------------- policy */

/* The rules front ends that are not C need, as one JSON object (no newline): version, algorithms
 * and their key sizes, the default algorithm, the generator's encodings, default encoding and
 * .env name, its limits, the checker's encodings, verdicts, finding names and limits, the JWS and
 * audit limits, and every error: value, code, message and whether it refuses a token.
 * JSK_POLICY_JSON_LEN_MAX always suffices. */
#define JSK_POLICY_JSON_LEN_MAX 16384U
int jsk_policy_json(char *out, size_t out_maxlen, size_t *out_len);

/* ------------------------------------------------------------ .env reader */

/* Reads a .env file exactly as the `dotenv` npm package's parse() (18.0.x, its default regex
 * parser, not the one its `fast` option selects) reads the same bytes: the bytes are decoded as UTF-8 (each invalid sequence becomes
 * U+FFFD, by the WHATWG decoder's rules), "\r\n" and lone "\r" become "\n", and then every match
 * of dotenv's multiline regex, in file order, is one assignment. JS semantics throughout: "white
 * space" is JS \s (ASCII 9-13 and space, U+00A0, U+1680, U+2000-200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000, U+FEFF, so a BOM is just leading white space); U+2028 and U+2029 end lines for
 * the regex's ^, $ and "." but not for its [^#\r\n] (an unquoted value runs over them). Values are
 * then trimmed, a pair of matching quotes is removed as dotenv's /^(['"`])([\s\S]*)\1$/mg does, and
 * in a value that began with a double quote "\n" and "\r" (backslash, letter) become LF and CR.
 *
 * The iterator yields EVERY assignment in file order, duplicates included: a caller that wants
 * dotenv's object applies them in order, so the last assignment of a name wins. dotenv stores
 * into a plain JS object, where obj['__proto__'] = 'x' is a no-op: such an assignment is still
 * yielded, flagged JSK_DOTENV_IGNORED, and a caller matching dotenv skips it (that name never
 * appears in dotenv's result).
 *
 * Names are [A-Za-z0-9_.-]+ (ASCII, any length) and are not copied: the name is
 * text[*name_off .. *name_off + *name_len). There is no limit on name length or on the number of
 * assignments. Time is linear in len (dotenv's backtracking regex is emulated, not run; see
 * core/src/dotenv.c), and the iterator reads nothing outside text[0..len). No allocation. */
typedef struct jsk_dotenv {
    const uint8_t *text; /* the caller's buffer, read-only; it must outlive the iteration */
    size_t len;
    size_t pos;          /* where the next search starts (dotenv's lastIndex, in bytes) */
    int line_start;      /* pos is at the start of a line */
} jsk_dotenv;

/* The assignment is one dotenv drops (the name is "__proto__"). */
#define JSK_DOTENV_IGNORED 1U

/* A value capacity (including the NUL) that always suffices for any value of a text of LEN bytes:
 * no byte decodes to more than 3 bytes of UTF-8 (an invalid byte becomes U+FFFD, EF BF BD). */
#define JSK_DOTENV_VALUE_LEN_MAX(LEN) (((size_t)(LEN)) * 3U + 1U)
/* The same, as a function (saturates at SIZE_MAX instead of wrapping). */
size_t jsk_dotenv_value_len_max(size_t len);
/* sizeof(jsk_dotenv), for bindings. */
size_t jsk_dotenv_sizeof(void);

/* Starts reading text[0..len) (text may be NULL when len is 0). JSK_ERR_INVALID_ARGUMENT otherwise. */
int jsk_dotenv_init(jsk_dotenv *it, const uint8_t *text, size_t len);
/* The next assignment. Returns 1 and sets the name (offset and length into text), the value
 * (valid UTF-8, NUL-terminated; *value_len excludes the NUL) and *flags (JSK_DOTENV_IGNORED or 0;
 * flags may be NULL); returns 0 at the end (and again on every later call). When the value does
 * not fit in value_maxlen bytes, returns JSK_ERR_BUFFER_TOO_SMALL, sets *value_len to the length
 * the value needs (without its NUL), leaves nothing in value (wiped), and does not advance: call
 * again with a larger buffer. JSK_DOTENV_VALUE_LEN_MAX(len) always suffices. */
int jsk_dotenv_next(jsk_dotenv *it, size_t *name_off, size_t *name_len, uint8_t *value,
                    size_t value_maxlen, size_t *value_len, unsigned *flags);

/* -------------------------------------------------------------- self-test */

/* The core's known-answer self-test, for every front end to run before it serves a call (the JS
 * API at init(), the CLI at start): base64/base64url/hex encode and decode (RFC 4648 section 10)
 * and strict refusals; SHA-256/384/512 (FIPS 180-4); HMAC-SHA-256/384/512 (RFC 4231 test case 2);
 * JWS verify (RFC 7515 A.1) and sign against a pinned token; the generator (sizes, two draws
 * differ); and, when dict is not NULL (it is then an initialised jsk_dict), the analyzer's verdicts
 * on a known weak secret and on a random one. JSK_OK, JSK_ERR_NO_ENTROPY when the generator has no
 * randomness, or JSK_ERR_SELF_TEST for any wrong answer. Fresh secrets are wiped. About 0.1 ms
 * natively (tests/c/test_selftest.c prints the figure). */
int jsk_self_test(const jsk_dict *dict);
/* The same known answers by part, for a front end that carries only some of the core (the WASM
 * modules): generate = the encoders and the generator (no decoder: a generate-only module has
 * none); codecs = the encoders, the decoders and their strict refusals; jwt = SHA-2, HMAC and JWS
 * (base64url through the JWS answers); check = the analyzer's verdicts (dict: an initialised
 * jsk_dict, required); audit = each algorithm's token found by jsk_audit_lines() on a list that
 * holds its key, and only then. jsk_self_test() runs generate, codecs, jwt, audit, and check when
 * dict is not NULL. */
int jsk_self_test_generate(void);
int jsk_self_test_codecs(void);
int jsk_self_test_jwt(void);
int jsk_self_test_check(const jsk_dict *dict);
int jsk_self_test_audit(void);

#ifdef __cplusplus
}
#endif

#endif /* JSK_H */
