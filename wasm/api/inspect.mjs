// inspect.mjs — inspectJwt over the inspect module (jsk_jwt_inspect): a token read offline, without
// its key. The C core writes the whole answer (notes, parts, claims, times, findings, or why the text
// is not a token) as JSON; this layer moves the text in and the JSON out.
import inspectWasm from 'jsk:wasm/inspect';
import inspectErrors from 'jsk:errors/inspect';
import { optionsOf, stringArg } from './args.mjs';
import { JwtSecretKitError, companion, defineCore, fail, putString, readString, readU32 } from './core.mjs';

/** The inspect module: the token inspector. It joins the init() of an entry only where inspectJwt is used. */
export const inspectCore = /* @__PURE__ */ companion(defineCore('inspect', () => inspectWasm, inspectErrors, (m) => m.jsk_self_test_inspect()));

/**
 * What a token says about itself, read without its key: the core's report (see InspectResult in
 * the declarations). text may hold the token with white space, a BOM, "Authorization:", "Bearer "
 * or quotes around it: each removal is a note. Offsets index the string (UTF-16 code units; the C
 * core and the CLI count UTF-8 bytes). options.now: the time in seconds since 1970 that
 * exp, nbf and iat are judged against (default: now). Text that is not a token throws a
 * JwtSecretKitError whose message says which part is wrong and how (code ERR_MALFORMED_TOKEN,
 * ERR_BAD_JSON, ERR_BAD_PADDING, ERR_BAD_LENGTH or ERR_TOO_LARGE); its `inspection` holds the
 * report (notes, and the parts when the dots were found).
 */
export function inspectJwt(text, options) {
  const context = 'inspectJwt';
  const o = optionsOf(options, ['now'], context);
  stringArg(text, 'text', context);
  const now = o.now === undefined ? Date.now() / 1000 : o.now;
  if (typeof now !== 'number' || !Number.isFinite(now)) fail('ERR_INVALID_ARGUMENT', `${context}: now must be a number of seconds`);
  const report = inspectCore.withHeap((alloc, m) => {
    const [tP, tLen] = putString(alloc, text);
    const cap = m.jsk_jwt_inspect_len(tLen);
    if (cap === 0) inspectCore.failWith('ERR_TOO_LARGE', context);
    const out = alloc(cap);
    const lenP = alloc(4);
    inspectCore.check(m.jsk_jwt_inspect(out, cap, lenP, tP, tLen, now), context);
    return JSON.parse(readString(m, out, readU32(m, lenP)));
  });
  toStringOffsets(text, report);
  if (!report.ok) {
    const e = new JwtSecretKitError(report.error.code, `${context}: ${report.error.message}`);
    e.inspection = report;
    throw e;
  }
  return report;
}

// The core counts offsets in UTF-8 bytes of the text; a JS caller indexes the string (UTF-16 code
// units). Every offset of the report, converted in one pass over the text.
function toStringOffsets(text, report) {
  const spans = [report.token, ...(report.parts ?? []), report.error].filter((x) => x && typeof x.offset === 'number');
  const bytes = new Set();
  for (const s of spans) {
    bytes.add(s.offset);
    if (typeof s.length === 'number') bytes.add(s.offset + s.length);
  }
  const index = new Map();
  let b = 0;
  for (let i = 0; i <= text.length; i++) {
    if (bytes.has(b)) index.set(b, i);
    if (i === text.length) break;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      b += 4;
      i++;
    } else {
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
  }
  for (const s of spans) {
    const end = typeof s.length === 'number' ? index.get(s.offset + s.length) : undefined;
    s.offset = index.get(s.offset) ?? s.offset;
    if (end !== undefined) s.length = end - s.offset;
  }
}
