// audit.mjs — createAudit and auditToken: candidates tried against a token's tag by the core
// (jsk_audit_*, SIMD where the engine has it), from the built-in list and the caller's wordlist.
import { bytesArg, algName, optionsOf, sizeArg, stringArg } from './args.mjs';
import auditWasm from 'jsk:wasm/audit';
import auditErrors from 'jsk:errors/audit';
import { loadFallback } from 'jsk:wasm/audit-fallback';
import { builtinList } from './check.mjs';
import { defineCore, fail, fromUtf8, putBytes, putString, readU32 } from './core.mjs';

/** The audit module: the candidate loop (WebAssembly SIMD, with a scalar build where the package
 * needs one), HMAC-SHA-2 and the token parser. */
export const auditCore = /* @__PURE__ */ defineCore('audit', () => auditWasm, auditErrors, (m) => m.jsk_self_test_audit(), loadFallback);

/**
 * An incremental audit of a token: tryLines(bytes, final) tries each line of bytes (lines end at
 * "\n", a "\r" before it goes too; nothing else is trimmed) and returns { found, line } (line: the
 * matching candidate's bytes). Without final, an unterminated last line is kept for the next call.
 * close() wipes and frees it.
 */
export function createAudit(token) {
  const context = 'createAudit';
  stringArg(token, 'token', context);
  const m = auditCore.loaded();
  const blocks = [];
  const free = () => {
    for (const [p, n] of blocks) {
      m.HEAPU8.fill(0, p, p + n);
      m.jsk_wasm_free(p);
    }
    blocks.length = 0;
  };
  const alloc = (n) => {
    const p = m.jsk_wasm_alloc(Math.max(1, n));
    if (!p) {
      free();
      fail('ERR_OUT_OF_MEMORY', `${context}: cannot allocate ${n} bytes`);
    }
    blocks.push([p, Math.max(1, n)]);
    return p;
  };
  const auditP = alloc(m.jsk_audit_sizeof());
  auditCore.withHeap((tmp) => {
    const [tP, tLen] = putString(tmp, token);
    const rc = m.jsk_audit_init(auditP, tP, tLen);
    if (rc < 0) {
      free();
      auditCore.check(rc, context);
    }
  });
  const alg = algName(m.HEAPU8[auditP]); // jsk_audit.alg: the first field, little-endian
  let pending = new Uint8Array(0); // an unterminated line carried to the next call
  let closed = false;
  return {
    alg,
    get tried() {
      return closed ? 0 : m.jsk_audit_tried(auditP);
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
      return auditCore.withHeap((tmp) => {
        const buf = putBytes(tmp, data);
        const outs = tmp(12);
        const found = auditCore.check(m.jsk_audit_lines(auditP, outs + 4, outs + 8, outs, buf, data.length, final ? 1 : 0), 'tryLines');
        const consumed = readU32(m, outs);
        // Copies, never views: a Node Buffer's slice() shares the caller's memory, which the
        // caller may reuse for its next read (and which wiping the result would damage).
        const copy = (from, to) => Uint8Array.prototype.slice.call(data, from, to);
        if (found === 1) {
          const at = readU32(m, outs + 4);
          pending = new Uint8Array(0);
          return { found: true, line: copy(at, at + readU32(m, outs + 8)) };
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

/** Part index of bytes cut into count contiguous parts at line ends (a view, not a copy). */
export function linePart(bytes, index, count) {
  const cut = (i) => {
    if (i <= 0) return 0;
    if (i >= count) return bytes.length;
    const nl = bytes.indexOf(0x0a, Math.floor((bytes.length * i) / count));
    return nl < 0 ? bytes.length : nl + 1;
  };
  return bytes.subarray(cut(index), cut(index + 1));
}

/** Calls each(piece, last) on bytes cut into pieces of at least chunkBytes that end at a line end
 * (the last piece at the end of bytes), until each returns true; returns whether one did. */
export function eachLinePiece(bytes, chunkBytes, each) {
  for (let pos = 0; pos < bytes.length;) {
    let end = Math.min(bytes.length, pos + chunkBytes);
    if (end < bytes.length) {
      const nl = bytes.indexOf(0x0a, end);
      end = nl < 0 ? bytes.length : nl + 1;
    }
    if (each(bytes.subarray(pos, end), end === bytes.length)) return true;
    pos = end;
  }
  return false;
}

// The lines of bytes that belong to shard index of count.
function shardOf(bytes, shard) {
  if (!shard) return bytes;
  const { index, count } = shard;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    fail('ERR_INVALID_ARGUMENT', 'auditToken: shard must be { index, count } with 0 <= index < count');
  }
  return linePart(bytes, index, count);
}

/**
 * Is the token's secret a known weak one? Tries the built-in list (curated JWT defaults with their
 * variants, then the analyzer's dictionaries), then options.wordlist (a string or Uint8Array, one
 * candidate per line, taken exactly). onProgress(tried) is called between chunks; returning false
 * cancels. shard { index, count } takes one part of each list (one worker each).
 * Returns { found, secret, alg, tried, seconds, source, cancelled }.
 */
export function auditToken(token, options) {
  const context = 'auditToken';
  const o = optionsOf(options, ['wordlist', 'builtin', 'onProgress', 'chunkBytes', 'shard'], context);
  const m = auditCore.loaded();
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') fail('ERR_INVALID_ARGUMENT', `${context}: onProgress must be a function`);
  const chunkBytes = o.chunkBytes === undefined ? 1 << 20 : sizeArg(o.chunkBytes, 'chunkBytes', context);
  const sources = [];
  if (o.builtin !== false) sources.push(['builtin', builtinList()]);
  if (o.wordlist !== undefined) sources.push(['wordlist', bytesArg(o.wordlist, 'wordlist', context)]);
  const audit = createAudit(token);
  const started = performance.now();
  const result = (found, source, line, cancelled = false) => {
    const r = { found, secret: found ? fromUtf8(line) : null, alg: audit.alg, tried: audit.tried,
      seconds: (performance.now() - started) / 1000, source: found ? source : null, cancelled };
    if (line) line.fill(0);
    return r;
  };
  try {
    for (const [source, all] of sources) {
      let r = null;
      const stopped = eachLinePiece(shardOf(all, o.shard), chunkBytes, (piece) => {
        r = audit.tryLines(piece, true);
        return r.found || (o.onProgress !== undefined && o.onProgress(audit.tried) === false);
      });
      if (stopped) return r.found ? result(true, source, r.line) : result(false, null, null, true);
    }
    return result(false, null, null);
  } finally {
    audit.close();
  }
}

