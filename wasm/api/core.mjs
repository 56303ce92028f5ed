// core.mjs — the one WASM core instance: async init() (instantiate, then the core's own
// known-answer self-test, jsk_self_test), the errors every call throws, and the heap helpers
// (every temporary is zeroed and freed, on success and on error).
//
// 'jsk:wasm-core' is the Emscripten factory and its binary, chosen per output by scripts/build.mjs
// (SIMD with a scalar fallback, scalar only, or the SIMD core bundled into the classic script);
// 'jsk:policy' is the core's policy (scripts/gen-policy.mjs).
import { coreBase64, createCore, loadFallbackCore } from 'jsk:wasm-core';
import { ERROR_VALUES } from 'jsk:policy';

const NO_CRYPTO =
  'no cryptographically secure random source: globalThis.crypto.getRandomValues is not available ' +
  '(jwt-secret-kit needs a browser, a worker or Node.js >= 20, and never falls back to Math.random)';

let core = null; // the instantiated module once init() has succeeded
let dictionary = 0; // the analyzer's jsk_dict in the WASM heap, decoded at init and kept
let pending = null; // the promise of the init() under way
let utf8Encoder = null;
let utf8Decoder = null;

/** The error every function throws: `code` is stable ("ERR_BAD_CHARACTER", ...), `message` is for
 * people, `refusal` says the core read a token and refused it (jsk_error_is_refusal). */
export class JwtSecretKitError extends Error {
  constructor(code, message, refusal = false) {
    super(message);
    this.name = 'JwtSecretKitError';
    this.code = code;
    this.refusal = refusal;
  }
}

export function fail(code, message) {
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
    m = await instantiate(createCore, coreBase64);
  } catch (e) {
    if (!(e instanceof WebAssembly.CompileError) || !loadFallbackCore) {
      const simd = e instanceof WebAssembly.CompileError
        ? ' (this build needs WebAssembly SIMD: Chrome 91+, Firefox 89+, Safari 16.4+, Node 16.4+)'
        : '';
      fail('ERR_WASM_LOAD', `the WebAssembly core failed to load${simd}: ${(e && e.message) || e}`);
    }
    try {
      const scalar = await loadFallbackCore();
      m = await instantiate(scalar.default, scalar.JSK_WASM_BASE64);
    } catch (e2) {
      fail('ERR_WASM_LOAD', `the WebAssembly core failed to load (no SIMD, and no scalar build): ${(e2 && e2.message) || e2}`);
    }
  }
  core = m;
  try {
    // The core's known answers (codecs, SHA-2, HMAC, JWS, generator, and the analyzer's verdicts
    // on its dictionary) before anything is returned.
    check(m._jsk_self_test(loadedDictionary(m)), 'self-test');
  } catch (e) {
    core = null;
    dictionary = 0;
    throw e.code === 'ERR_SELF_TEST' || e.code === 'ERR_NO_ENTROPY'
      ? e
      : new JwtSecretKitError('ERR_SELF_TEST', `self-test failed: ${e.message}`);
  }
}

/**
 * Instantiates the WASM core once and self-tests it. Resolves when every other call is usable;
 * rejects with ERR_NO_ENTROPY, ERR_NO_WEBASSEMBLY, ERR_WASM_LOAD or ERR_SELF_TEST. A failed
 * init() can be retried.
 */
export function init() {
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

export function loaded() {
  if (!core) fail('ERR_NOT_READY', 'jwt-secret-kit is not initialised: await ready (or init()) first');
  return core;
}

// The dictionary is decoded once into memory the module keeps for its lifetime (it holds no secret).
export function loadedDictionary(m = loaded()) {
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

// --------------------------------------------------------------------------- WASM heap

// Runs fn(alloc, module) and afterwards zeroes and frees every block alloc() handed out, whatever happens.
export function withHeap(fn) {
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

export function putBytes(alloc, bytes) {
  const p = alloc(bytes.length);
  loaded().HEAPU8.set(bytes, p);
  return p;
}

export function utf8(text) {
  utf8Encoder ??= new TextEncoder();
  return utf8Encoder.encode(text);
}

export function fromUtf8(bytes) {
  utf8Decoder ??= new TextDecoder();
  return utf8Decoder.decode(bytes);
}

// A JS string as UTF-8 in the heap: [pointer, byte length]. The temporary copy is zeroed.
export function putString(alloc, text) {
  const bytes = utf8(text);
  const p = putBytes(alloc, bytes);
  bytes.fill(0);
  return [p, bytes.length];
}

export function readU32(p) {
  const h = loaded().HEAPU8;
  return (h[p] | (h[p + 1] << 8) | (h[p + 2] << 16) | (h[p + 3] << 24)) >>> 0;
}

export function readString(p, len) {
  return fromUtf8(loaded().HEAPU8.subarray(p, p + len));
}

export function readCString(p) {
  const h = loaded().HEAPU8;
  let end = p;
  while (h[end] !== 0) end++;
  return readString(p, end - p);
}

// Throws the C error behind a negative result, with its stable code, the core's message and
// whether the core calls it a refusal.
export function check(rc, context) {
  if (rc >= 0) return rc;
  const m = loaded();
  throw new JwtSecretKitError(readCString(m._jsk_error_code(rc)), `${context}: ${readCString(m._jsk_strerror(rc))}`,
    m._jsk_error_is_refusal(rc) === 1);
}

// Throws the core's error `code` (a name from the policy) as if a C call had returned it.
export function failWith(code, context) {
  check(ERROR_VALUES[code], context);
}
