// args.mjs — the JS-side argument checks: JS types only (a string, a whole number, an options
// object with known keys). Whether a name, size or format is acceptable is the C core's answer.
import { ALGORITHMS, DEFAULT_ALG } from 'jsk:policy';
import { fail, putBytes, putString, utf8 } from './core.mjs';

const MAX_ARG = 0x7fffffff; // sizes cross into wasm32 as i32: larger numbers would wrap
const nameCodes = new Map(); // 'alg:HS256' -> 1: names the C core has accepted (not secrets)

export function optionsOf(options, allowed, context) {
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

export function stringArg(value, what, context) {
  if (typeof value !== 'string') fail('ERR_INVALID_ARGUMENT', `${context}: ${what} must be a string`);
  return value;
}

// A size given by the caller: a whole number >= 1 that fits an i32 (the C core checks the limits).
export function sizeArg(value, what, context) {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 1 || value > MAX_ARG) {
    fail('ERR_OUT_OF_RANGE', `${context}: ${what} must be a whole number >= 1, got ${String(value)}`);
  }
  return value;
}

// Bytes of a secret or message given as a string (its UTF-8 bytes) or a Uint8Array.
export function bytesArg(value, what, context) {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return utf8(value);
  fail('ERR_INVALID_ARGUMENT', `${context}: ${what} must be a string or a Uint8Array`);
}

export function putSecret(alloc, secret, context) {
  if (secret === undefined) fail('ERR_INVALID_ARGUMENT', `${context}: secret is required`);
  if (typeof secret === 'string') return putString(alloc, secret);
  const bytes = bytesArg(secret, 'secret', context);
  return [putBytes(alloc, bytes), bytes.length];
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

// An alg's jsk_alg value (0, JSK_ALG_UNSET, when not given).
export function algArg(alloc, alg, context) {
  if (alg === undefined) return 0;
  const code = nameCode(alloc, 'alg', stringArg(alg, 'alg', context), alloc.m.jsk_alg_from_name);
  if (code < 0) fail('ERR_UNKNOWN_ALG', `${context}: unknown alg '${alg}' (expected ${ALGORITHMS.join(', ')})`);
  return code;
}

// The alg's jsk_alg value, the core's default algorithm when not given.
export function requiredAlg(alloc, alg, context) {
  return algArg(alloc, alg ?? DEFAULT_ALG, context);
}

// The alg's name from its jsk_alg value (the policy lists them in enum order, from 1).
export const algName = (code) => ALGORITHMS[code - 1];

// An encoding's jsk_encoding value: one of `allowed` (the policy's list for this call), by the C name.
export function encodingArg(alloc, name, allowed, what, context) {
  const code = allowed.includes(stringArg(name, what, context))
    ? nameCode(alloc, 'encoding', name, alloc.m.jsk_encoding_from_name)
    : -1;
  if (code < 0) fail('ERR_UNKNOWN_FORMAT', `${context}: unknown ${what} '${name}' (expected ${allowed.join(', ')})`);
  return code;
}
