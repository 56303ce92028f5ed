// check.mjs — checkSecret: the core's analyzer (jsk_check_secret) and its JSON report (jsk_report_json).
import { CHECK_ENCODINGS, CHECK_LIMITS } from 'jsk:policy';
import { algArg, encodingArg, optionsOf, stringArg } from './args.mjs';
import checkWasm from 'jsk:wasm/check';
import checkErrors from 'jsk:errors/check';
import { defineCore, fail, putBytes, putString, readString, readU32 } from './core.mjs';

let dictionary = 0; // the analyzer's jsk_dict in the module's heap, decoded once and kept (it holds no secret)

// The dictionary is decoded at init, before anything else is allocated: it stays at the bottom of
// the module's stack of blocks (wasm/heap.c) for the module's lifetime.
function loadDictionary(m) {
  if (dictionary === 0) {
    const size = m.jsk_dict_workspace_len();
    const dict = m.jsk_wasm_alloc(m.jsk_dict_sizeof());
    const workspace = m.jsk_wasm_alloc(size);
    if (!dict || !workspace) fail('ERR_OUT_OF_MEMORY', `cannot allocate the analyzer's dictionary (${size} bytes)`);
    const rc = m.jsk_dict_init(dict, workspace, size);
    if (rc < 0) return rc;
    dictionary = dict;
  }
  return dictionary;
}

/** The check module: the strength analyzer, its dictionaries, and the audit's built-in list. */
export const checkCore = /* @__PURE__ */ defineCore('check', () => checkWasm, checkErrors, (m) => {
  const dict = loadDictionary(m);
  return dict < 0 ? dict : m.jsk_self_test_check(dict);
});

const CHECK_OPTIONS = ['alg', 'encoding', 'secretFormat', 'context'];

// The context words, one per line, as jsk_check_secret takes them (its limits are the core's).
function contextText(words, context) {
  if (words === undefined) return '';
  const list = typeof words === 'string' ? [words] : words;
  if (!Array.isArray(list) || !list.every((w) => typeof w === 'string')) {
    fail('ERR_INVALID_ARGUMENT', `${context}: context must be a string or an array of strings`);
  }
  return list.join('\n');
}

/**
 * How safe `secret` (a string, used as its UTF-8 bytes, or a Uint8Array) is as an HMAC key for
 * `alg` (default HS256) used with `encoding` ('raw' default, 'hex', 'base64', 'base64url', or
 * 'auto' for raw plus what decoding libraries get), knowing `context` (a word or an array of words an
 * attacker knows about the project: its name, the repository's, the company's; they cost almost
 * nothing where the secret holds them). Returns the report of the C core: verdict
 * ('weak' | 'fair' | 'strong'), key_bytes, entropy_bits, findings [{ code, message }], verdicts per
 * algorithm, time_to_guess, meaning, fix, ... The report never contains the secret.
 * Or, instead of `encoding`, `secretFormat`: the secret as signJwt/verifyJwt take it ('text',
 * 'base64', 'base64url', 'hex' or 'jwk': a JWK is judged by its "k"), for verifyJwt's secretCheck.
 */
export function checkSecret(secret, options) {
  const context = 'checkSecret';
  const o = optionsOf(options, CHECK_OPTIONS, context);
  if (typeof secret !== 'string' && !(secret instanceof Uint8Array)) {
    fail('ERR_INVALID_ARGUMENT', `${context}: secret must be a string or a Uint8Array`);
  }
  return checkCore.withHeap((alloc, m) => {
    const alg = algArg(alloc, o.alg, context);
    // Not given: 0 (the core's default, and its rule that the two do not go together).
    const encoding = o.encoding === undefined ? 0 : encodingArg(alloc, o.encoding, CHECK_ENCODINGS, 'encoding', context);
    let format = 0;
    if (o.secretFormat !== undefined) {
      const [fP, fLen] = putString(alloc, stringArg(o.secretFormat, 'secretFormat', context));
      format = m.jsk_key_format_from_name(fP, fLen);
      if (format < 0) checkCore.failWith('ERR_UNKNOWN_FORMAT', `${context}: secretFormat '${o.secretFormat}'`);
    }
    const [p, n] = typeof secret === 'string' ? putString(alloc, secret) : [putBytes(alloc, secret), secret.length];
    const [c, cn] = putString(alloc, contextText(o.context, context));
    const report = alloc(m.jsk_report_sizeof());
    checkCore.check(m.jsk_check_secret(report, alg, dictionary, p, n, encoding, format, c, cn), context);
    const cap = CHECK_LIMITS.report_json_len_max;
    const json = alloc(cap);
    const lenP = alloc(4);
    checkCore.check(m.jsk_report_json(json, cap, lenP, report), context);
    return JSON.parse(readString(m, json, readU32(m, lenP)));
  });
}

/** The audit's built-in candidates (the public weak-secret list and the analyzer's words, one per
 * line; public words, no secret), made once by the check module for the audit module. */
let builtinCandidates = null;
export function builtinList() {
  if (builtinCandidates === null) {
    builtinCandidates = checkCore.withHeap((alloc, m) => {
      const cap = m.jsk_audit_builtin_len(dictionary);
      const out = alloc(cap);
      const lenP = alloc(4);
      checkCore.check(m.jsk_audit_builtin(out, cap, lenP, dictionary), 'auditToken');
      return m.HEAPU8.slice(out, out + readU32(m, lenP));
    });
  }
  return builtinCandidates;
}
