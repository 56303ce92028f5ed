// api.mjs — the JS API of jwt-secret-kit: one async init() (instantiate the WASM core, run a
// known-answer self-test), then synchronous calls into the C core. Every rule (sizes, formats,
// names, limits) is decided in C; this layer checks JS types, owns the WASM heap (every temporary
// is zeroed and freed, on success and on error) and turns C error codes into Errors with a `code`.
//
// The build (scripts/build.mjs) also turns this file into the classic script of the page: keep the
// one import line below as it is and the single `export { ... }` list at the end.
import createJskCore, { JSK_WASM_BASE64 } from './jsk-core.mjs';
// Engines without WebAssembly SIMD get the scalar build (the classic build of the page has none).
const loadScalarCore = () => import('./jsk-core-scalar.mjs');

const VERSION = '0.1.0';
const ALGORITHMS = Object.freeze(['HS256', 'HS384', 'HS512']);
const ENCODINGS = Object.freeze(['base64url', 'base64', 'hex', 'base64url-padded']);
const FORMATS = Object.freeze([...ENCODINGS, 'env', 'jwk']);
const DEFAULT_ENV_NAME = 'JWT_SECRET';
const GENERATE_OPTIONS = ['alg', 'bytes', 'format', 'alphabet', 'length', 'name'];
const MAX_ARG = 0x7fffffff; // sizes cross into wasm32 as i32: larger numbers would wrap
const NO_CRYPTO =
  'no cryptographically secure random source: globalThis.crypto.getRandomValues is not available ' +
  '(jwt-secret-kit needs a browser, a worker or Node.js >= 20, and never falls back to Math.random)';

const CHECK_ENCODINGS = Object.freeze(['raw', 'hex', 'base64', 'base64url', 'auto']);
const CHECK_OPTIONS = ['alg', 'encoding'];

let core = null; // the instantiated module once init() has succeeded
let dictionary = 0; // the analyzer's jsk_dict in the WASM heap, decoded on first use and kept
let pending = null; // the promise of the init() under way
let utf8Encoder = null;
let utf8Decoder = null;
const nameCodes = new Map(); // 'alg:HS256' -> 1: names the C core has accepted (not secrets)

/** The error every function throws: `code` is stable ("ERR_BAD_CHARACTER", ...), `message` is for people. */
class JwtSecretKitError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'JwtSecretKitError';
    this.code = code;
  }
}

function fail(code, message) {
  throw new JwtSecretKitError(code, message);
}

// ------------------------------------------------------------------------------- loading

function base64ToBytes(text) {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function load() {
  const c = globalThis.crypto;
  if (!c || typeof c.getRandomValues !== 'function') fail('ERR_NO_ENTROPY', NO_CRYPTO);
  if (typeof WebAssembly !== 'object') fail('ERR_NO_WEBASSEMBLY', 'WebAssembly is not available in this runtime');
  // Handing over the bytes ourselves keeps the glue from fetch()ing anything (a strict CSP
  // would log that as a violation); print/printErr keep it from writing to the console.
  const instantiate = (factory, base64) => factory({ wasmBinary: base64ToBytes(base64), print() {}, printErr() {} });
  let m;
  try {
    m = await instantiate(createJskCore, JSK_WASM_BASE64);
  } catch (e) {
    if (!(e instanceof WebAssembly.CompileError) || !loadScalarCore) {
      const simd = e instanceof WebAssembly.CompileError
        ? ' (this build needs WebAssembly SIMD: Chrome 91+, Firefox 89+, Safari 16.4+, Node 16.4+)'
        : '';
      fail('ERR_WASM_LOAD', `the WebAssembly core failed to load${simd}: ${(e && e.message) || e}`);
    }
    try {
      const scalar = await loadScalarCore();
      m = await instantiate(scalar.default, scalar.JSK_WASM_BASE64);
    } catch (e2) {
      fail('ERR_WASM_LOAD', `the WebAssembly core failed to load (no SIMD, and no scalar build): ${(e2 && e2.message) || e2}`);
    }
  }
  core = m;
  try {
    selfTest();
  } catch (e) {
    core = null;
    throw e.code === 'ERR_SELF_TEST' || e.code === 'ERR_NO_ENTROPY'
      ? e
      : new JwtSecretKitError('ERR_SELF_TEST', `self-test failed: ${e.message}`);
  }
}

// Known answers (RFC 4648 §10) and a sanity check of the generator, before anything is returned.
function selfTest() {
  const expect = (got, want, what) => {
    if (got !== want) fail('ERR_SELF_TEST', `self-test failed: ${what} gave ${got}, expected ${want}`);
  };
  const foobar = new Uint8Array([102, 111, 111, 98, 97, 114]);
  expect(encode(foobar, 'base64'), 'Zm9vYmFy', 'base64("foobar")');
  expect(encode(foobar.subarray(0, 5), 'base64'), 'Zm9vYmE=', 'base64("fooba")');
  expect(encode(foobar.subarray(0, 4), 'base64url'), 'Zm9vYg', 'base64url("foob")');
  expect(encode(foobar, 'hex'), '666f6f626172', 'hex("foobar")');
  expect(encode(new Uint8Array([0xfb, 0xff]), 'base64url'), '-_8', 'base64url(fb ff)');
  expect(Array.from(decode('666F6F', 'hex')).join(), '102,111,111', 'hex decode');
  let strict = '';
  try {
    decode('Zh==', 'base64');
  } catch (e) {
    strict = e.code;
  }
  expect(strict, 'ERR_TRAILING_BITS', 'strict base64 decoding');
  const a = generateSecret();
  const b = generateSecret();
  expect(a.length, 43, 'HS256 secret length');
  expect(a !== b, true, 'two fresh secrets differ');
  expect(checkSecret('your-256-bit-secret').verdict, 'weak', "check('your-256-bit-secret')");
  expect(checkSecret(a).verdict, 'strong', 'check(a fresh HS256 secret)');
}

/**
 * Instantiates the WASM core once and self-tests it. Resolves when every other call is usable;
 * rejects with ERR_NO_ENTROPY, ERR_NO_WEBASSEMBLY, ERR_WASM_LOAD or ERR_SELF_TEST. A failed
 * init() can be retried.
 */
function init() {
  if (core) return Promise.resolve();
  if (!pending) {
    pending = load().then(
      () => {
        pending = null;
      },
      (e) => {
        pending = null;
        throw e;
      },
    );
  }
  return pending;
}

/** init() started at import: `await ready` before the first call. */
const ready = init();
ready.catch(() => {}); // a rejection is reported to whoever awaits `ready`, not as "unhandled"

function loaded() {
  if (!core) fail('ERR_NOT_READY', 'jwt-secret-kit is not initialised: await ready (or init()) first');
  return core;
}

// --------------------------------------------------------------------------- WASM heap

// Runs fn(alloc) and afterwards zeroes and frees every block alloc() handed out, whatever happens.
function withHeap(fn) {
  const m = loaded();
  const blocks = [];
  const alloc = (size) => {
    const n = Math.max(1, size);
    const p = m._malloc(n);
    if (!p) fail('ERR_OUT_OF_MEMORY', `cannot allocate ${n} bytes in the WebAssembly heap`);
    blocks.push(p, n);
    return p;
  };
  try {
    return fn(alloc, m);
  } finally {
    for (let i = 0; i < blocks.length; i += 2) {
      m.HEAPU8.fill(0, blocks[i], blocks[i] + blocks[i + 1]); // HEAPU8 is re-read: memory may have grown
      m._free(blocks[i]);
    }
  }
}

function putBytes(alloc, bytes) {
  const p = alloc(bytes.length);
  loaded().HEAPU8.set(bytes, p);
  return p;
}

// A JS string as UTF-8 in the heap: [pointer, byte length]. The temporary copy is zeroed.
function putString(alloc, text) {
  utf8Encoder ??= new TextEncoder();
  const bytes = utf8Encoder.encode(text);
  const p = putBytes(alloc, bytes);
  bytes.fill(0);
  return [p, bytes.length];
}

function readU32(p) {
  const h = loaded().HEAPU8;
  return (h[p] | (h[p + 1] << 8) | (h[p + 2] << 16) | (h[p + 3] << 24)) >>> 0;
}

function readString(p, len) {
  utf8Decoder ??= new TextDecoder();
  return utf8Decoder.decode(loaded().HEAPU8.subarray(p, p + len));
}

function readCString(p) {
  const h = loaded().HEAPU8;
  let end = p;
  while (h[end] !== 0) end++;
  return readString(p, end - p);
}

// Throws the C error behind a negative result, with its stable code and message.
function check(rc, context) {
  if (rc >= 0) return rc;
  const m = loaded();
  fail(readCString(m._jsk_error_code(rc)), `${context}: ${readCString(m._jsk_strerror(rc))}`);
}

// ----------------------------------------------------------------------- argument checks

function optionsOf(options, allowed, context) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    fail('ERR_INVALID_ARGUMENT', `${context}: options must be an object`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      fail('ERR_INVALID_ARGUMENT', `${context}: unknown option '${key}' (expected ${allowed.join(', ')})`);
    }
  }
  return options;
}

function stringArg(value, what, context) {
  if (typeof value !== 'string') fail('ERR_INVALID_ARGUMENT', `${context}: ${what} must be a string`);
  return value;
}

// A size given by the caller: a whole number >= 1 (the C core checks the upper limits).
function sizeArg(value, what, context) {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 1 || value > MAX_ARG) {
    fail('ERR_OUT_OF_RANGE', `${context}: ${what} must be a whole number >= 1, got ${String(value)}`);
  }
  return value;
}

// A name's enum value as the C core parses it (remembered once accepted); -1 when it is unknown.
function nameCode(alloc, kind, name, parse) {
  const key = `${kind}:${name}`;
  let code = nameCodes.get(key);
  if (code === undefined) {
    const [p, n] = putString(alloc, name);
    code = parse(p, n);
    if (code < 0) return -1;
    nameCodes.set(key, code);
  }
  return code;
}

function algArg(alloc, alg, context) {
  if (alg === undefined) return 0;
  const code = nameCode(alloc, 'alg', stringArg(alg, 'alg', context), loaded()._jsk_alg_from_name);
  if (code < 0) fail('ERR_UNKNOWN_ALG', `${context}: unknown alg '${alg}' (expected ${ALGORITHMS.join(', ')})`);
  return code;
}

// An encoding's jsk_encoding value: one of `allowed` (the encodings the C call takes), by the C name.
function encodingArg(alloc, name, allowed, what, context) {
  const code = allowed.includes(stringArg(name, what, context))
    ? nameCode(alloc, 'encoding', name, loaded()._jsk_encoding_from_name)
    : -1;
  if (code < 0) fail('ERR_UNKNOWN_FORMAT', `${context}: unknown ${what} '${name}' (expected ${allowed.join(', ')})`);
  return code;
}

// Resolves generateSecret()/describeSecret() options into what the C calls take.
function resolveSecret(alloc, options, context) {
  const o = optionsOf(options, GENERATE_OPTIONS, context);
  const format = o.format === undefined ? (o.name !== undefined ? 'env' : 'base64url') : o.format;
  if (!FORMATS.includes(stringArg(format, 'format', context))) {
    fail('ERR_UNKNOWN_FORMAT', `${context}: unknown format '${format}' (expected ${FORMATS.join(', ')})`);
  }
  const env = format === 'env';
  if (o.name !== undefined && !env) {
    fail('ERR_INVALID_ARGUMENT', `${context}: name applies only to format 'env'`);
  }
  const r = { env, format, alg: algArg(alloc, o.alg, context), name: env ? o.name ?? DEFAULT_ENV_NAME : null };
  if (r.name !== null) stringArg(r.name, 'name', context);
  if (o.alphabet !== undefined) {
    if (o.bytes !== undefined) {
      fail('ERR_INVALID_ARGUMENT', `${context}: bytes and alphabet exclude each other (size an alphabet secret with length)`);
    }
    if (o.format !== undefined && !env) {
      fail('ERR_INVALID_ARGUMENT', `${context}: format '${format}' encodes random bytes; an alphabet secret is already text`);
    }
    [r.alphabet, r.alphabetLength] = putString(alloc, stringArg(o.alphabet, 'alphabet', context));
    check(loaded()._jsk_alphabet_check(r.alphabet, r.alphabetLength), context);
    const lengthP = alloc(4);
    check(loaded()._jsk_alphabet_length(lengthP, r.alg, r.alphabetLength, sizeArg(o.length, 'length', context)), context);
    r.length = readU32(lengthP);
    r.bytes = null;
    r.characters = r.length;
    r.entropyBits = loaded()._jsk_alphabet_entropy_bits(r.alphabetLength, r.length);
  } else {
    if (o.length !== undefined) {
      fail('ERR_INVALID_ARGUMENT', `${context}: length applies to alphabet secrets; size random bytes with bytes`);
    }
    r.requested = sizeArg(o.bytes, 'bytes', context);
    r.encoding = encodingArg(alloc, env || format === 'jwk' ? 'base64url' : format, ENCODINGS, 'format', context);
    const sizeP = alloc(4);
    check(loaded()._jsk_generate_size(sizeP, r.alg, r.requested), context);
    r.bytes = readU32(sizeP);
    r.characters = loaded()._jsk_encoded_len(r.bytes, r.encoding) - 1;
    r.entropyBits = 8 * r.bytes;
  }
  return r;
}

// ------------------------------------------------------------------------------ the API

/**
 * A new random secret from the platform CSPRNG.
 * options: alg ('HS256' | 'HS384' | 'HS512': sizes the secret, default 32 bytes = HS256),
 * bytes (1..4096, at least the alg's size when alg is given), format ('base64url' default,
 * 'base64', 'hex', 'base64url-padded', 'env'), name (the variable for 'env', default JWT_SECRET),
 * alphabet (2..94 distinct printable ASCII characters, drawn uniformly) with length (default:
 * enough characters for the alg's bits).
 */
function generateSecret(options) {
  if (options && options.format === 'jwk') {
    return generateJwk(optionsOf(options, GENERATE_OPTIONS, 'generateSecret'), 'generateSecret');
  }
  return withHeap((alloc, m) => {
    const context = 'generateSecret';
    const r = resolveSecret(alloc, options, context);
    const cap = r.characters + 1;
    const out = alloc(cap);
    const lenP = alloc(4);
    if (r.bytes === null) {
      check(m._jsk_generate_alphabet(out, cap, lenP, r.alg, r.alphabet, r.alphabetLength, r.length), context);
    } else {
      check(m._jsk_generate(out, cap, lenP, r.alg, r.requested, r.encoding), context);
    }
    const valueLen = readU32(lenP);
    if (!r.env) return readString(out, valueLen);
    const [nameP, nameLen] = putString(alloc, r.name);
    const lineCap = nameLen + valueLen + 4;
    const line = alloc(lineCap);
    check(m._jsk_env_line(line, lineCap, lenP, nameP, nameLen, out, valueLen), context);
    return readString(line, readU32(lenP));
  });
}

/**
 * What generateSecret(options) would make, without making it: { alg, format, bytes (random bytes
 * drawn, null for an alphabet secret), characters (of the secret itself), entropyBits }.
 */
function describeSecret(options) {
  return withHeap((alloc) => {
    const r = resolveSecret(alloc, options, 'describeSecret');
    const alg = r.alg === 0 ? null : ALGORITHMS[r.alg - 1];
    return { alg, format: r.format, bytes: r.bytes, characters: r.characters, entropyBits: r.entropyBits };
  });
}

/** bytes (a Uint8Array) as text: 'base64url' (default, unpadded), 'base64', 'hex', 'base64url-padded'. */
function encode(bytes, format = 'base64url') {
  const context = 'encode';
  if (!(bytes instanceof Uint8Array)) fail('ERR_INVALID_ARGUMENT', `${context}: bytes must be a Uint8Array`);
  return withHeap((alloc, m) => {
    const enc = encodingArg(alloc, format, ENCODINGS, 'format', context);
    const cap = m._jsk_encoded_len(bytes.length, enc);
    if (cap === 0 || bytes.length > MAX_ARG) fail('ERR_OUT_OF_RANGE', `${context}: input too large`);
    const inP = putBytes(alloc, bytes);
    const out = alloc(cap);
    const lenP = alloc(4);
    check(m._jsk_encode(out, cap, lenP, inP, bytes.length, enc), context);
    return readString(out, readU32(lenP));
  });
}

/** Strict decoding of text in format (see encode): a bad character, padding or length throws. */
function decode(text, format = 'base64url') {
  const context = 'decode';
  stringArg(text, 'text', context);
  return withHeap((alloc, m) => {
    const enc = encodingArg(alloc, format, ENCODINGS, 'format', context);
    const [inP, inLen] = putString(alloc, text);
    const cap = m._jsk_decoded_len(inLen, enc);
    const out = alloc(cap);
    const lenP = alloc(4);
    check(m._jsk_decode(out, cap, lenP, inP, inLen, enc), context);
    return m.HEAPU8.slice(out, out + readU32(lenP));
  });
}

// The dictionary is decoded once into memory the module keeps for its lifetime (it holds no secret).
function loadedDictionary(m) {
  if (dictionary === 0) {
    const size = m._jsk_dict_workspace_len();
    const dict = m._malloc(m._jsk_dict_sizeof());
    const workspace = m._malloc(size);
    if (!dict || !workspace) fail('ERR_OUT_OF_MEMORY', 'cannot allocate the analyzer dictionary');
    check(m._jsk_dict_init(dict, workspace, size), 'checkSecret');
    dictionary = dict;
  }
  return dictionary;
}

/**
 * How safe `secret` (a string, used as its UTF-8 bytes, or a Uint8Array) is as an HMAC key for
 * `alg` (default HS256) used with `encoding` ('raw' default, 'hex', 'base64', 'base64url', or
 * 'auto' for raw plus what decoding libraries get). Returns the report of the C core: verdict
 * ('weak' | 'fair' | 'strong'), key_bytes, entropy_bits, findings [{ code, message }], verdicts per
 * algorithm, time_to_guess, fix, ... The report never contains the secret.
 */
function checkSecret(secret, options) {
  const context = 'checkSecret';
  const o = optionsOf(options, CHECK_OPTIONS, context);
  if (typeof secret !== 'string' && !(secret instanceof Uint8Array)) {
    fail('ERR_INVALID_ARGUMENT', `${context}: secret must be a string or a Uint8Array`);
  }
  return withHeap((alloc, m) => {
    const alg = algArg(alloc, o.alg, context);
    const encoding = encodingArg(alloc, o.encoding ?? 'raw', CHECK_ENCODINGS, 'encoding', context);
    const dict = loadedDictionary(m);
    let p;
    let n;
    if (typeof secret === 'string') {
      [p, n] = putString(alloc, secret);
    } else {
      [p, n] = [putBytes(alloc, secret), secret.length];
    }
    const report = alloc(m._jsk_report_sizeof());
    check(m._jsk_check(report, alg, dict, p, n, encoding), context);
    const json = alloc(8192);
    const lenP = alloc(4);
    check(m._jsk_report_json(json, 8192, lenP, report), context);
    return JSON.parse(readString(json, readU32(lenP)));
  });
}

// ------------------------------------------------------------------------- JWT toolkit

const ALG_CODES = { HS256: 1, HS384: 2, HS512: 3 };

// Bytes of a secret or message given as a string (its UTF-8 bytes) or a Uint8Array.
function bytesArg(value, what, context) {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') {
    utf8Encoder ??= new TextEncoder();
    return utf8Encoder.encode(value);
  }
  fail('ERR_INVALID_ARGUMENT', `${context}: ${what} must be a string or a Uint8Array`);
}

function putSecret(alloc, secret, context) {
  if (secret === undefined) fail('ERR_INVALID_ARGUMENT', `${context}: secret is required`);
  if (typeof secret === 'string') return putString(alloc, secret);
  const bytes = bytesArg(secret, 'secret', context);
  return [putBytes(alloc, bytes), bytes.length];
}

function requiredAlg(alloc, alg, context) {
  const code = algArg(alloc, alg ?? 'HS256', context);
  return code;
}

/** HMAC-SHA-256/384/512 of message under key (strings are UTF-8). */
function hmac(alg, key, message) {
  const context = 'hmac';
  return withHeap((alloc, m) => {
    const code = requiredAlg(alloc, alg, context);
    const [kP, kLen] = putSecret(alloc, key, context);
    const msg = bytesArg(message, 'message', context);
    const mP = putBytes(alloc, msg);
    const out = alloc(64);
    check(m._jsk_hmac(out, 64, code, kP, kLen, mP, msg.length), context);
    return m.HEAPU8.slice(out, out + m._jsk_alg_key_bytes(code));
  });
}

/**
 * A compact JWS over payload (an object, serialised with JSON.stringify, or JSON text) with header
 * {"alg":ALG,"typ":"JWT"}. options: { secret (string: its UTF-8 bytes, or Uint8Array), alg }.
 * The secret must be at least the algorithm's size (RFC 7518 section 3.2).
 */
function signJwt(payload, options) {
  const context = 'signJwt';
  const o = optionsOf(options, ['secret', 'alg'], context);
  let text = payload;
  if (typeof payload !== 'string') {
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      fail('ERR_BAD_JSON', `${context}: payload must be an object or its JSON text`);
    }
    text = JSON.stringify(payload);
  }
  return withHeap((alloc, m) => {
    const alg = requiredAlg(alloc, o.alg, context);
    const [kP, kLen] = putSecret(alloc, o.secret, context);
    const [pP, pLen] = putString(alloc, text);
    const cap = m._jsk_jws_sign_len(alg, pLen);
    if (cap === 0) fail('ERR_TOO_LARGE', `${context}: payload larger than 1 MiB`);
    const out = alloc(cap);
    const lenP = alloc(4);
    check(m._jsk_jws_sign(out, cap, lenP, alg, kP, kLen, pP, pLen), context);
    return readString(out, readU32(lenP));
  });
}

function decodeJsonPart(text) {
  const bytes = decode(text, 'base64url');
  utf8Decoder ??= new TextDecoder();
  const json = utf8Decoder.decode(bytes);
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/**
 * Verifies a compact JWS with the secret. The algorithm is pinned by options.alg, or else taken
 * from the header, and must be HS256/384/512: "none", other algorithms and "crit" are refused.
 * Returns { valid: true, alg, header, payload }; every failure throws with its code
 * (ERR_BAD_SIGNATURE, ERR_ALG_NONE, ERR_ALG_MISMATCH, ERR_MALFORMED_TOKEN, ...).
 */
function verifyJwt(token, options) {
  const context = 'verifyJwt';
  const o = optionsOf(options, ['secret', 'alg'], context);
  stringArg(token, 'token', context);
  return withHeap((alloc, m) => {
    const pinned = algArg(alloc, o.alg, context);
    const [kP, kLen] = putSecret(alloc, o.secret, context);
    const [tP, tLen] = putString(alloc, token);
    const algP = alloc(4);
    check(m._jsk_jws_verify(algP, pinned, tP, tLen, kP, kLen), context);
    const [h, p] = token.split('.');
    return { valid: true, alg: ALGORITHMS[readU32(algP) - 1], header: decodeJsonPart(h), payload: decodeJsonPart(p) };
  });
}

/** The secret as a JWK: { kty: 'oct', k, alg, use: 'sig', kid } with kid its RFC 7638 thumbprint. */
function toJwk(secret, options) {
  const context = 'toJwk';
  const o = optionsOf(options, ['alg'], context);
  return withHeap((alloc, m) => {
    const alg = requiredAlg(alloc, o.alg, context);
    const [kP, kLen] = putSecret(alloc, secret, context);
    const cap = m._jsk_jwk_len(kLen);
    const out = alloc(cap);
    const lenP = alloc(4);
    check(m._jsk_jwk(out, cap, lenP, alg, kP, kLen), context);
    return JSON.parse(readString(out, readU32(lenP)));
  });
}

/** A JWKS for rotation: { keys: [current, previous] } (previous optional), each with its kid. */
function toJwks(current, previous, options) {
  const context = 'toJwks';
  const o = optionsOf(options, ['alg'], context);
  return withHeap((alloc, m) => {
    const alg = requiredAlg(alloc, o.alg, context);
    const [cP, cLen] = putSecret(alloc, current, context);
    const [pP, pLen] = previous === undefined || previous === null ? [0, 0] : putSecret(alloc, previous, context);
    const cap = m._jsk_jwks_len(cLen, pLen);
    const out = alloc(cap);
    const lenP = alloc(4);
    check(m._jsk_jwks(out, cap, lenP, alg, cP, cLen, pP, pLen), context);
    return JSON.parse(readString(out, readU32(lenP)));
  });
}

// A fresh random key of the alg's size (or bytes) as a JWK text: generateSecret({ format: 'jwk' }).
function generateJwk(o, context) {
  if (o.alphabet !== undefined || o.length !== undefined || o.name !== undefined) {
    fail('ERR_INVALID_ARGUMENT', `${context}: format 'jwk' takes alg and bytes only`);
  }
  return withHeap((alloc, m) => {
    const alg = requiredAlg(alloc, o.alg, context);
    const sizeP = alloc(4);
    check(m._jsk_generate_size(sizeP, alg, sizeArg(o.bytes, 'bytes', context)), context);
    const n = readU32(sizeP);
    const key = alloc(n);
    check(m._jsk_random_fill(key, n), context);
    const cap = m._jsk_jwk_len(n);
    const out = alloc(cap);
    const lenP = alloc(4);
    check(m._jsk_jwk(out, cap, lenP, alg, key, n), context);
    return readString(out, readU32(lenP));
  });
}

/**
 * An incremental audit of a token: tryLines(bytes, final) tries each line of bytes (lines end at
 * "\n", a "\r" before it goes too; nothing else is trimmed) and returns { found, line } (line: the
 * matching candidate's bytes). Without final, an unterminated last line is kept for the next call.
 * close() wipes and frees it.
 */
function createAudit(token) {
  const context = 'createAudit';
  stringArg(token, 'token', context);
  const m = loaded();
  const blocks = [];
  const free = () => {
    for (const [p, n] of blocks) {
      m.HEAPU8.fill(0, p, p + n);
      m._free(p);
    }
    blocks.length = 0;
  };
  const alloc = (n) => {
    const p = m._malloc(Math.max(1, n));
    if (!p) {
      free();
      fail('ERR_OUT_OF_MEMORY', `${context}: cannot allocate ${n} bytes`);
    }
    blocks.push([p, Math.max(1, n)]);
    return p;
  };
  const auditP = alloc(m._jsk_audit_sizeof());
  withHeap((tmp) => {
    const [tP, tLen] = putString(tmp, token);
    const rc = m._jsk_audit_init(auditP, tP, tLen);
    if (rc < 0) {
      free();
      check(rc, context);
    }
  });
  const alg = ALGORITHMS[m.HEAPU8[auditP] - 1]; // jsk_audit.alg: the first field, little-endian
  let pending = new Uint8Array(0); // an unterminated line carried to the next call
  let closed = false;
  return {
    alg,
    get tried() {
      return closed ? 0 : m._jsk_audit_tried(auditP);
    },
    tryLines(bytes, final = false) {
      if (closed) fail('ERR_INVALID_ARGUMENT', 'tryLines: this audit is closed');
      let data = bytesArg(bytes, 'bytes', 'tryLines');
      if (pending.length > 0) {
        const joined = new Uint8Array(pending.length + data.length);
        joined.set(pending);
        joined.set(data, pending.length);
        pending.fill(0);
        data = joined;
      }
      return withHeap((tmp) => {
        const buf = putBytes(tmp, data);
        const outs = tmp(12);
        const found = check(m._jsk_audit_lines(auditP, outs + 4, outs + 8, outs, buf, data.length, final ? 1 : 0), 'tryLines');
        const consumed = readU32(outs);
        // Copies, never views: a Node Buffer's slice() shares the caller's memory, which the
        // caller may reuse for its next read (and which wiping the result would damage).
        const copy = (from, to) => Uint8Array.prototype.slice.call(data, from, to);
        if (found === 1) {
          const at = readU32(outs + 4);
          pending = new Uint8Array(0);
          return { found: true, line: copy(at, at + readU32(outs + 8)) };
        }
        pending = final ? new Uint8Array(0) : copy(consumed, data.length);
        return { found: false };
      });
    },
    close() {
      if (!closed) {
        pending.fill(0);
        free();
        closed = true;
      }
    },
  };
}

let builtinCandidates = null; // the built-in list, made once (public words, no secret)

function builtinList(m) {
  if (builtinCandidates === null) {
    const dict = loadedDictionary(m);
    builtinCandidates = withHeap((alloc) => {
      const cap = m._jsk_audit_builtin_len(dict);
      const out = alloc(cap);
      const lenP = alloc(4);
      check(m._jsk_audit_builtin(out, cap, lenP, dict), 'auditToken');
      return m.HEAPU8.slice(out, out + readU32(lenP));
    });
  }
  return builtinCandidates;
}

// The lines of bytes that belong to shard index of count: contiguous slices cut at line ends.
function shardOf(bytes, shard) {
  if (!shard) return bytes;
  const { index, count } = shard;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    fail('ERR_INVALID_ARGUMENT', 'auditToken: shard must be { index, count } with 0 <= index < count');
  }
  const cut = (i) => {
    if (i <= 0) return 0;
    if (i >= count) return bytes.length;
    const at = Math.floor((bytes.length * i) / count);
    const nl = bytes.indexOf(0x0a, at);
    return nl < 0 ? bytes.length : nl + 1;
  };
  return bytes.subarray(cut(index), cut(index + 1));
}

/**
 * Is the token's secret a known weak one? Tries the built-in list (curated JWT defaults with their
 * variants, then the analyzer's dictionaries), then options.wordlist (a string or Uint8Array, one
 * candidate per line, taken exactly). onProgress(tried) is called between chunks; returning false
 * cancels. shard { index, count } takes one part of each list (one worker each).
 * Returns { found, secret, alg, tried, seconds, source, cancelled }.
 */
function auditToken(token, options) {
  const context = 'auditToken';
  const o = optionsOf(options, ['wordlist', 'builtin', 'onProgress', 'chunkBytes', 'shard'], context);
  const m = loaded();
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') fail('ERR_INVALID_ARGUMENT', `${context}: onProgress must be a function`);
  const chunkBytes = o.chunkBytes === undefined ? 1 << 20 : sizeArg(o.chunkBytes, 'chunkBytes', context);
  const sources = [];
  if (o.builtin !== false) sources.push(['builtin', builtinList(m)]);
  if (o.wordlist !== undefined) sources.push(['wordlist', bytesArg(o.wordlist, 'wordlist', context)]);
  const audit = createAudit(token);
  const started = performance.now();
  const result = (found, source, line, cancelled = false) => {
    utf8Decoder ??= new TextDecoder();
    const r = { found, secret: found ? utf8Decoder.decode(line) : null, alg: audit.alg, tried: audit.tried,
      seconds: (performance.now() - started) / 1000, source: found ? source : null, cancelled };
    if (line) line.fill(0);
    return r;
  };
  try {
    for (const [source, all] of sources) {
      const bytes = shardOf(all, o.shard);
      for (let pos = 0; pos < bytes.length; ) {
        let end = Math.min(bytes.length, pos + chunkBytes);
        if (end < bytes.length) {
          const nl = bytes.indexOf(0x0a, end);
          end = nl < 0 ? bytes.length : nl + 1;
        }
        const r = audit.tryLines(bytes.subarray(pos, end), true);
        if (r.found) return result(true, source, r.line);
        pos = end;
        if (o.onProgress && o.onProgress(audit.tried) === false) return result(false, null, null, true);
      }
    }
    return result(false, null, null);
  } finally {
    audit.close();
  }
}

export {
  VERSION,
  ALGORITHMS,
  ENCODINGS,
  FORMATS,
  JwtSecretKitError,
  ready,
  init,
  generateSecret,
  describeSecret,
  encode,
  decode,
  CHECK_ENCODINGS,
  checkSecret,
  hmac,
  signJwt,
  verifyJwt,
  toJwk,
  toJwks,
  createAudit,
  auditToken,
};
