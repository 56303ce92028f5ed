// generate.mjs — generateSecret, describeSecret, encode, decode and envLine over the core's
// generator and codecs (jsk_secret*, jsk_encode, jsk_decode, jsk_env_line).
import { DEFAULT_ENCODING, ENCODINGS, FORMATS } from 'jsk:policy';
import generateWasm from 'jsk:wasm/generate';
import codecsWasm from 'jsk:wasm/codecs';
import generateErrors from 'jsk:errors/generate';
import codecsErrors from 'jsk:errors/codecs';
import { algArg, algName, encodingArg, optionsOf, sizeArg, stringArg } from './args.mjs';
import { decodeWith } from './codec.mjs';
import { companion, defineCore, fail, putBytes, putString, readCString, readString, readU32 } from './core.mjs';

/** The generate module: the CSPRNG shim, the encoders, the generator, .env lines, alphabets; what
 * generateSecret needs and nothing else. */
export const generateCore = /* @__PURE__ */ defineCore('generate', () => generateWasm, generateErrors, (m) => m.jsk_self_test_generate());
/** The codecs module: the decoders and encoders, describeSecret, .env lines; a companion (see
 * core.mjs), so that an app that only calls generateSecret carries and loads none of it. */
export const codecsCore = /* @__PURE__ */ companion(defineCore('codecs', () => codecsWasm, codecsErrors, (m) => m.jsk_self_test_codecs()));
let jwkMaker = null;

const GENERATE_OPTIONS = ['alg', 'bytes', 'format', 'alphabet', 'length', 'name'];

// generateSecret()/describeSecret() options as the core's jsk_secret* calls take them. Which options
// go together, the defaults and every limit are the core's (jsk_secret_check): the CLI's generate
// asks the same function, so both accept and refuse the same things in the same words.
function secretArgs(core, alloc, options, context) {
  const o = optionsOf(options, GENERATE_OPTIONS, context);
  const m = alloc.m;
  let format = 0;
  if (o.format !== undefined) {
    const [p, n] = putString(alloc, stringArg(o.format, 'format', context));
    format = m.jsk_format_from_name(p, n);
    if (format < 0) fail('ERR_UNKNOWN_FORMAT', `${context}: unknown format '${o.format}' (expected ${FORMATS.join(', ')})`);
  }
  const [alphabet, alphabetLength] = o.alphabet === undefined ? [0, 0] : putString(alloc, stringArg(o.alphabet, 'alphabet', context));
  const [name, nameLength] = o.name === undefined ? [0, 0] : putString(alloc, stringArg(o.name, 'name', context));
  const args = [algArg(alloc, o.alg, context), sizeArg(o.bytes, 'bytes', context), format, alphabet, alphabetLength,
    sizeArg(o.length, 'length', context), name, nameLength];
  const ruleP = alloc(4);
  const rc = m.jsk_secret_check(ruleP, ...args);
  if (rc === core.value('ERR_OPTION_CONFLICT')) {
    const cap = 256;
    const out = alloc(cap);
    core.check(m.jsk_secret_rule_message(out, cap, readU32(m, ruleP), format, 0, 0), context); // no "--" prefix here
    fail('ERR_OPTION_CONFLICT', `${context}: ${readCString(m, out)}`);
  }
  core.check(rc, context);
  return args;
}

/**
 * A new random secret from the platform CSPRNG.
 * options: alg ('HS256' | 'HS384' | 'HS512': sizes the secret, default 32 bytes = HS256),
 * bytes (1..4096, at least the alg's size when alg is given), format ('base64url' default,
 * 'base64', 'hex', 'base64url-padded', 'env', 'jwk'), name (the variable for 'env', default
 * JWT_SECRET; a name alone means 'env'), alphabet (2..94 distinct printable ASCII characters, drawn
 * uniformly) with length (default: enough characters for the alg's bits). (The names, limits and
 * which options go together are the core's.)
 */
export function generateSecret(options) {
  const context = 'generateSecret';
  const made = generateCore.withHeap((alloc, m) => {
    const args = secretArgs(generateCore, alloc, options, context);
    const cap = m.jsk_secret_len(...args);
    const out = alloc(cap);
    const lenP = alloc(4);
    const rc = m.jsk_secret(out, cap, lenP, ...args);
    // The generate module has no JWK code (wasm/no_jwk.c): the JWK is made where the jwt module
    // is loaded (the root entry and the page wire it with useJwkMaker).
    if (rc === generateCore.value('ERR_NOT_IN_MODULE') && jwkMaker) return null;
    generateCore.check(rc, context);
    return readString(m, out, readU32(m, lenP));
  });
  return made ?? jwkMaker(options);
}

/** Where generateSecret({ format: 'jwk' }) gets its JWK from: jwkText(keyBytes, alg) -> JWK text
 * (the jwt module's jsk_jwk) over bytes drawn here. The root entry and the page set it;
 * jwt-secret-kit/generate alone has none. */
export function useJwkMaker(jwkText) {
  jwkMaker = (options) => {
    const key = decode(generateSecret({ ...options, format: 'base64url' }), 'base64url');
    try {
      return jwkText(key, options.alg);
    } finally {
      key.fill(0);
    }
  };
}

/**
 * What generateSecret(options) would make, without making it: { alg (null when not given), format,
 * bytes (random bytes drawn, null for an alphabet secret), characters (of the secret itself),
 * entropyBits }.
 */
export function describeSecret(options) {
  return codecsCore.withHeap((alloc, m) => {
    const context = 'describeSecret';
    const args = secretArgs(codecsCore, alloc, options, context);
    const cap = 256;
    const out = alloc(cap);
    const lenP = alloc(4);
    codecsCore.check(m.jsk_secret_describe(out, cap, lenP, ...args), context);
    const d = JSON.parse(readString(m, out, readU32(m, lenP)));
    return { alg: args[0] === 0 ? null : algName(args[0]), format: d.format, bytes: d.bytes, characters: d.characters, entropyBits: d.entropy_bits };
  });
}

/** bytes (a Uint8Array) as text: 'base64url' (default, unpadded), 'base64', 'hex', 'base64url-padded'. */
export function encode(bytes, format = DEFAULT_ENCODING) {
  const context = 'encode';
  if (!(bytes instanceof Uint8Array)) fail('ERR_INVALID_ARGUMENT', `${context}: bytes must be a Uint8Array`);
  return codecsCore.withHeap((alloc, m) => {
    const enc = encodingArg(alloc, format, ENCODINGS, 'format', context);
    const cap = m.jsk_encoded_len(bytes.length, enc);
    if (cap === 0 || bytes.length > 0x7fffffff) codecsCore.failWith('ERR_OUT_OF_RANGE', context);
    const inP = putBytes(alloc, bytes);
    const out = alloc(cap);
    const lenP = alloc(4);
    codecsCore.check(m.jsk_encode(out, cap, lenP, inP, bytes.length, enc), context);
    return readString(m, out, readU32(m, lenP));
  });
}

/** A .env line, NAME=value, as the core writes it (jsk_env_line): the name checked by the core's
 * rules, a value that needs it single-quoted, and refused (ERR_UNSAFE_VALUE) when no quoting is
 * safe. The page uses it to show the same key as a .env line. */
export function envLine(name, value) {
  const context = 'envLine';
  stringArg(name, 'name', context);
  stringArg(value, 'value', context);
  return codecsCore.withHeap((alloc, m) => {
    const [nP, nLen] = putString(alloc, name);
    const [vP, vLen] = putString(alloc, value);
    const cap = nLen + vLen + 4;
    const out = alloc(cap);
    const lenP = alloc(4);
    codecsCore.check(m.jsk_env_line(out, cap, lenP, nP, nLen, vP, vLen), context);
    return readString(m, out, readU32(m, lenP));
  });
}

/** Strict decoding of text in format (see encode): a bad character, padding or length throws. */
export function decode(text, format = DEFAULT_ENCODING) {
  return decodeWith(codecsCore, text, format, 'decode');
}
