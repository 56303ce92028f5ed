// generate.mjs — generateSecret, describeSecret, encode and decode over the core's generator and
// codecs (jsk_generate*, jsk_encode, jsk_decode, jsk_env_line, jsk_jwk).
import { DEFAULT_ENCODING, DEFAULT_ENV_NAME, ENCODINGS, FORMATS } from 'jsk:policy';
import { algArg, algName, encodingArg, optionsOf, requiredAlg, sizeArg, stringArg } from './args.mjs';
import { check, fail, failWith, loaded, putBytes, putString, readString, readU32, withHeap } from './core.mjs';

const GENERATE_OPTIONS = ['alg', 'bytes', 'format', 'alphabet', 'length', 'name'];

// Resolves generateSecret()/describeSecret() options into what the C calls take.
// The option-conflict rules below are still JS: they are to move into one C call.
function resolveSecret(alloc, options, context) {
  const o = optionsOf(options, GENERATE_OPTIONS, context);
  const format = o.format === undefined ? (o.name !== undefined ? 'env' : DEFAULT_ENCODING) : o.format;
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
    // .env lines and JWKs carry base64url (the generator's default encoding).
    r.encoding = encodingArg(alloc, ENCODINGS.includes(format) ? format : DEFAULT_ENCODING, ENCODINGS, 'format', context);
    const sizeP = alloc(4);
    check(loaded()._jsk_generate_size(sizeP, r.alg, r.requested), context);
    r.bytes = readU32(sizeP);
    r.characters = loaded()._jsk_encoded_len(r.bytes, r.encoding) - 1;
    r.entropyBits = 8 * r.bytes;
  }
  return r;
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
 * A new random secret from the platform CSPRNG.
 * options: alg ('HS256' | 'HS384' | 'HS512': sizes the secret, default 32 bytes = HS256),
 * bytes (1..4096, at least the alg's size when alg is given), format ('base64url' default,
 * 'base64', 'hex', 'base64url-padded', 'env', 'jwk'), name (the variable for 'env', default
 * JWT_SECRET), alphabet (2..94 distinct printable ASCII characters, drawn uniformly) with length
 * (default: enough characters for the alg's bits). (The names and limits are the core's.)
 */
export function generateSecret(options) {
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
export function describeSecret(options) {
  return withHeap((alloc) => {
    const r = resolveSecret(alloc, options, 'describeSecret');
    const alg = r.alg === 0 ? null : algName(r.alg);
    return { alg, format: r.format, bytes: r.bytes, characters: r.characters, entropyBits: r.entropyBits };
  });
}

/** bytes (a Uint8Array) as text: 'base64url' (default, unpadded), 'base64', 'hex', 'base64url-padded'. */
export function encode(bytes, format = DEFAULT_ENCODING) {
  const context = 'encode';
  if (!(bytes instanceof Uint8Array)) fail('ERR_INVALID_ARGUMENT', `${context}: bytes must be a Uint8Array`);
  return withHeap((alloc, m) => {
    const enc = encodingArg(alloc, format, ENCODINGS, 'format', context);
    const cap = m._jsk_encoded_len(bytes.length, enc);
    if (cap === 0 || bytes.length > 0x7fffffff) failWith('ERR_OUT_OF_RANGE', context);
    const inP = putBytes(alloc, bytes);
    const out = alloc(cap);
    const lenP = alloc(4);
    check(m._jsk_encode(out, cap, lenP, inP, bytes.length, enc), context);
    return readString(out, readU32(lenP));
  });
}

/** Strict decoding of text in format (see encode): a bad character, padding or length throws. */
export function decode(text, format = DEFAULT_ENCODING) {
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
