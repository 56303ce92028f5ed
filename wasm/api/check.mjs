// check.mjs — checkSecret: the core's analyzer (jsk_check) and its JSON report (jsk_report_json).
import { CHECK_DEFAULT_ENCODING, CHECK_ENCODINGS, CHECK_LIMITS } from 'jsk:policy';
import { algArg, encodingArg, optionsOf } from './args.mjs';
import { check, fail, loadedDictionary, putBytes, putString, readString, readU32, withHeap } from './core.mjs';

const CHECK_OPTIONS = ['alg', 'encoding', 'context'];

// The context words, one per line, as jsk_check_context takes them (its limits are the core's).
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
 */
export function checkSecret(secret, options) {
  const context = 'checkSecret';
  const o = optionsOf(options, CHECK_OPTIONS, context);
  if (typeof secret !== 'string' && !(secret instanceof Uint8Array)) {
    fail('ERR_INVALID_ARGUMENT', `${context}: secret must be a string or a Uint8Array`);
  }
  return withHeap((alloc, m) => {
    const alg = algArg(alloc, o.alg, context);
    const encoding = encodingArg(alloc, o.encoding ?? CHECK_DEFAULT_ENCODING, CHECK_ENCODINGS, 'encoding', context);
    const dict = loadedDictionary(m);
    const [p, n] = typeof secret === 'string' ? putString(alloc, secret) : [putBytes(alloc, secret), secret.length];
    const [c, cn] = putString(alloc, contextText(o.context, context));
    const report = alloc(m._jsk_report_sizeof());
    check(m._jsk_check_context(report, alg, dict, p, n, encoding, c, cn), context);
    const cap = CHECK_LIMITS.report_json_len_max;
    const json = alloc(cap);
    const lenP = alloc(4);
    check(m._jsk_report_json(json, cap, lenP, report), context);
    return JSON.parse(readString(json, readU32(lenP)));
  });
}
