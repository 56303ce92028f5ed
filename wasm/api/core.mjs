// core.mjs — the loader every WASM module goes through (generate, jwt, check, audit: one module per
// feature, built from the same C sources, so an app pays only for what it imports), the errors
// every call throws, and the heap helpers (every temporary is zeroed and given back, on success
// and on error).
//
// A module is a standalone .wasm (no Emscripten glue): its only import is the randomness shim
// below, its exports are the C functions, its memory and its allocator (wasm/heap.c). Its bytes
// arrive from scripts/build.mjs as base64 of the raw-deflated binary (about a fifth smaller once
// gzipped than base64 of the binary); DecompressionStream inflates them, so nothing is fetched.
// Before a module is usable its own part of the core's known-answer self-test passes. Each module
// brings its own error table: the core's codes and messages of the errors it can produce
// (scripts/error-tables.mjs makes them from the C it is linked from).

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

export function utf8(text) {
  utf8Encoder ??= new TextEncoder();
  return utf8Encoder.encode(text);
}

export function fromUtf8(bytes) {
  utf8Decoder ??= new TextDecoder();
  return utf8Decoder.decode(bytes);
}

// ------------------------------------------------------------------------------- loading

// The module's bytes from base64 of the raw-deflated binary (DecompressionStream works through
// microtasks: no task boundary, so a page's first module is ready before its first layout).
async function wasmBytes(base64) {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  // A runtime without DecompressionStream (browsers before 2023, Node.js before 18) fails here with
  // ERR_WASM_LOAD, "the WebAssembly NAME module failed to load: DecompressionStream is not defined".
  const inflater = new DecompressionStream('deflate-raw');
  const writer = inflater.writable.getWriter();
  writer.write(bytes).catch(() => {}); // an error surfaces at read()
  writer.close().catch(() => {});
  const reader = inflater.readable.getReader();
  const parts = [];
  let size = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    parts.push(r.value);
    size += r.value.length;
  }
  const out = new Uint8Array(size);
  for (let i = 0, at = 0; i < parts.length; at += parts[i].length, i++) out.set(parts[i], at);
  return out;
}

/** A module's binary (base64 of the deflated .wasm) compiled, for instances in other threads. */
export async function compileWasm(base64) {
  return WebAssembly.compile(await wasmBytes(base64));
}

async function instantiate(base64) {
  let memory = null;
  const imports = {
    env: {
      // The core's only randomness (entropy.c): crypto.getRandomValues over the module's memory,
      // at most 65536 bytes a call. Anything wrong is -1, JSK_ERR_NO_ENTROPY: there is no fallback.
      jsk_js_random_fill(ptr, len) {
        try {
          globalThis.crypto.getRandomValues(new Uint8Array(memory.buffer, ptr >>> 0, len >>> 0));
          return 0;
        } catch {
          return -1;
        }
      },
    },
  };
  // A module compiled elsewhere (the page compiles the audit module once for all its workers),
  // or the binary, compiled and instantiated synchronously where the engine allows it (our modules
  // are small, and V8 compiles lazily): a promise would wait for the next task, behind the page's
  // first layout.
  let instance;
  if (base64 instanceof WebAssembly.Module) {
    instance = await WebAssembly.instantiate(base64, imports);
  } else {
    const bytes = await wasmBytes(base64);
    try {
      instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e; // an engine's limit on synchronous compilation
      ({ instance } = await WebAssembly.instantiate(bytes, imports));
    }
  }
  const x = instance.exports;
  memory = x.memory;
  x._initialize?.();
  // The C functions by name, and HEAPU8: a view of the memory, made again after it has grown.
  let buffer = null;
  let view = null;
  return Object.create(x, {
    HEAPU8: {
      get() {
        if (buffer !== memory.buffer) {
          buffer = memory.buffer;
          view = new Uint8Array(buffer);
        }
        return view;
      },
    },
  });
}

// One instance per binary: where cores are one binary (the page's jwt, audit, inspect, envfiles
// and check after its generator; generate and codecs in the classic script), it is unpacked,
// compiled and instantiated once, and they share its heap (withHeap frees in reverse order, so
// calls nest). Each core still runs its own self-test on it. A failed load can be retried.
const instances = new Map();

// A binary, or a function that returns it (the page reads its modules from data blocks).
const text = (b) => (typeof b === 'function' ? b() : b);

// Modules that join the init() of the entry that exports them only when an app uses them (the
// inspect module: `jwt-secret-kit/jwt` exports inspectJwt, but an app that only signs and verifies
// must not carry it). Such a module is defined as `/* @__PURE__ */ companion(defineCore(...))`: a
// bundler drops the definition, and so this registration, when nothing uses it.
export const companions = [];
export const companion = (core) => (companions.push(core), core);

/**
 * One WASM module: name (for messages), binary() (the build's base64 of the deflated .wasm),
 * errors (its error table, 'jsk:errors/NAME': [code, message, refusal] at -1 - value), selfTest(m)
 * (its part of jsk_self_test, a C result), and optionally fallback() (a promise of another binary()
 * for engines that cannot compile this one: the audit's scalar build). Returns the module's init(),
 * loaded() and the heap and error helpers bound to it.
 */
export function defineCore(name, binary, errors, selfTest, fallback = null) {
  let m = null; // the instance once init() has succeeded
  let pending = null; // the promise of the init() under way

  const loaded = () => m ?? fail('ERR_NOT_READY', `jwt-secret-kit's ${name} module is not initialised: await ready (or init()) first`);

  // Throws the C error behind a negative result, with its stable code, the core's message and
  // whether the core calls it a refusal (the module's table, generated from jsk_policy_json()).
  const raise = (rc, context) => {
    const [code, message, refusal] = errors[-rc - 1] ?? ['ERR_UNKNOWN', `unknown error ${rc}`, false];
    throw new JwtSecretKitError(code, `${context}: ${message}`, refusal);
  };
  const check = (rc, context) => (rc >= 0 ? rc : raise(rc, context));
  // The core's value of error `code` ('ERR_OPTION_CONFLICT' -> -27). Every table holds every code
  // the JS looks up by name (scripts/error-tables.mjs; tests/node/policy.test.mjs checks the calls).
  const value = (code) => -1 - errors.findIndex((e) => e?.[0] === code);

  async function load() {
    const c = globalThis.crypto;
    if (!c || typeof c.getRandomValues !== 'function') raise(value('ERR_NO_ENTROPY'), 'init'); // the core's words
    if (typeof WebAssembly !== 'object') fail('ERR_NO_WEBASSEMBLY', 'WebAssembly is not available in this runtime');
    const bin = text(binary());
    let mod;
    try {
      mod = await (instances.get(bin) ?? instances.set(bin, instantiate(bin)).get(bin));
    } catch (e) {
      instances.delete(bin);
      if (e instanceof JwtSecretKitError) throw e;
      const failed = (x) => fail('ERR_WASM_LOAD', `the WebAssembly ${name} module failed to load${
        x instanceof WebAssembly.CompileError ? ' (it may need WebAssembly SIMD: Chrome 91+, Firefox 89+, Safari 16.4+)' : ''}: ${(x && x.message) || x}`);
      if (!(e instanceof WebAssembly.CompileError) || !fallback) failed(e);
      try {
        mod = await instantiate(text((await fallback())()));
      } catch (e2) {
        failed(e2);
      }
    }
    try {
      check(selfTest(mod), 'self-test');
    } catch (e) {
      throw ['ERR_SELF_TEST', 'ERR_NO_ENTROPY', 'ERR_OUT_OF_MEMORY'].includes(e.code)
        ? e
        : new JwtSecretKitError('ERR_SELF_TEST', `self-test failed: ${e.message}`);
    }
    m = mod;
  }

  return {
    loaded,
    check,
    /** Instantiates the module once and self-tests it; a failed init() can be retried. */
    init() {
      if (m) return Promise.resolve();
      pending ??= load().finally(() => {
        pending = null;
      });
      return pending;
    },
    // Runs fn(alloc, m) and afterwards zeroes and gives back every block alloc() handed out, in
    // reverse order (wasm/heap.c is a stack), whatever happens.
    withHeap(fn) {
      const mod = loaded();
      const blocks = [];
      const alloc = (size) => {
        const n = Math.max(1, size);
        const p = mod.jsk_wasm_alloc(n);
        if (!p) fail('ERR_OUT_OF_MEMORY', `cannot allocate ${n} bytes in the WebAssembly heap`);
        blocks.push(p, n);
        return p;
      };
      alloc.m = mod;
      try {
        return fn(alloc, mod);
      } finally {
        for (let i = blocks.length - 2; i >= 0; i -= 2) {
          mod.HEAPU8.fill(0, blocks[i], blocks[i] + blocks[i + 1]); // HEAPU8 is re-read: memory may have grown
          mod.jsk_wasm_free(blocks[i]);
        }
      }
    },
    value,
    // Throws the core's error `code` (a name from the policy) as if a C call had returned it.
    failWith(code, context) {
      raise(value(code), context);
    },
  };
}

// --------------------------------------------------------------------------- WASM heap
// alloc is withHeap's: alloc.m is its module.

export function putBytes(alloc, bytes) {
  const p = alloc(bytes.length);
  alloc.m.HEAPU8.set(bytes, p);
  return p;
}

// A JS string as UTF-8 in the heap: [pointer, byte length]. The temporary copy is zeroed.
export function putString(alloc, text) {
  const bytes = utf8(text);
  const p = putBytes(alloc, bytes);
  bytes.fill(0);
  return [p, bytes.length];
}

export function readU32(m, p) {
  const h = m.HEAPU8;
  return (h[p] | (h[p + 1] << 8) | (h[p + 2] << 16) | (h[p + 3] << 24)) >>> 0;
}

export function readString(m, p, len) {
  return fromUtf8(m.HEAPU8.subarray(p, p + len));
}

export function readCString(m, p) {
  const h = m.HEAPU8;
  let end = p;
  while (h[end] !== 0) end++;
  return readString(m, p, end - p);
}
