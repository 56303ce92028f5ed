// hostile.test.mjs — hostile input for the CLI (dist/cli.mjs) and the JS API (dist/index.mjs): empty,
// whitespace only, NUL, invalid UTF-8, 10 MiB, malformed tokens of every shape, headers that are not
// JSON / not an object / without alg / with none, RS256 or crit, oversize fields, bad flags.
// Each must get a clear answer: exit 1 (a negative answer, on stdout) or 2 (an input error: a
// "jwt-secret: ..." line on stderr, nothing on stdout) from the CLI, and from the API an Error with
// a stable code (or, where the input is merely bad news, a weak verdict). Never a crash, a WASM trap,
// a stack trace or a hang: every CLI case runs under a 10 s spawnSync timeout, and the API cases run
// in a worker thread that is terminated when a case takes longer than 10 s.
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const LIMIT_MS = 10000;
const MIB = 1 << 20;
const SECRET = 'hostile-test-secret-0123456789abcdef0123456789abcdef0123456789ab'; // 64 bytes: every HS*
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const b64u = (data) => Buffer.from(data).toString('base64url');

// A token from raw header text (or an object), payload text and a signature (HMAC with SECRET by
// default; a string is taken as the third part as it is).
function token(header, payload = '{"sub":"1"}', sig) {
  const h = b64u(typeof header === 'string' ? header : JSON.stringify(header));
  const input = `${h}.${b64u(payload)}`;
  if (typeof sig === 'string') return `${input}.${sig}`;
  const alg = typeof header === 'object' && HASH[header.alg] ? header.alg : 'HS256';
  return `${input}.${createHmac(HASH[alg], SECRET).update(input).digest('base64url')}`;
}

const GOOD = token({ alg: 'HS256', typ: 'JWT' });
const [GOOD_H, GOOD_P, GOOD_S] = GOOD.split('.');
const NONE = token({ alg: 'none', typ: 'JWT' }, '{"sub":"1"}', '');
const RS256 = token({ alg: 'RS256', typ: 'JWT' }, '{"sub":"1"}', b64u(Buffer.alloc(256, 7)));
const CRIT = token({ alg: 'HS256', crit: ['exp'], exp: 1 });
const NO_ALG = token({ typ: 'JWT' });
const NOT_JSON = token('not json at all');
const NOT_OBJECT = token('["HS256"]');
const STRING_HEADER = token('"HS256"');
const ALG_NUMBER = token('{"alg":256}');
const DUP_ALG = token('{"alg":"HS256","alg":"none"}');
const DEEP_HEADER = token(`{"alg":"HS256","x":${'['.repeat(100)}${']'.repeat(100)}}`);
const BIG_HEADER = token({ alg: 'HS256', pad: 'x'.repeat(5000) }); // over the 4 KiB header limit
const BAD_UTF8_HEADER = `${b64u(Buffer.from([0x7b, 0x22, 0x61, 0x6c, 0x67, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]))}.${GOOD_P}.${GOOD_S}`;
const SHORT_TAG = `${GOOD_H}.${GOOD_P}.${GOOD_S.slice(0, 20)}`;
const BAD_SIG = `${GOOD_H}.${GOOD_P}.${GOOD_S.startsWith('A') ? 'B' : 'A'}${GOOD_S.slice(1)}`;
const HS384 = token({ alg: 'HS384', typ: 'JWT' });
const PADDED = `${GOOD}=`;
const JWE = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..MTIz.YWJj.ZGVm';
const AUDIT_BIG = token({ alg: 'HS256' }, JSON.stringify({ pad: 'y'.repeat(8192) })); // over 8 KiB
const ARG_BIG = token({ alg: 'HS256' }, JSON.stringify({ pad: 'z'.repeat(90000) })); // ~120 KiB: argv's limit is 128 KiB
const HUGE = () => token({ alg: 'HS256' }, JSON.stringify({ pad: 'w'.repeat(MIB) })); // over 1 MiB

// Malformed tokens of every shape: each is refused with one of these codes (API) / exit 2 (CLI).
const MALFORMED = {
  empty: '',
  'one dot': '.',
  'two dots only': '..',
  'two parts': `${GOOD_H}.${GOOD_P}`,
  'four parts': `${GOOD}.${GOOD_S}`,
  'JWE, five parts': JWE,
  'no dots': 'abcdef',
  'empty header': `.${GOOD_P}.${GOOD_S}`,
  'empty signature': `${GOOD_H}.${GOOD_P}.`,
  'space inside': `${GOOD_H}.${GOOD_P} .${GOOD_S}`,
  'standard base64 characters': `${GOOD_H}.${GOOD_P}.${GOOD_S.slice(0, -2)}+/`,
  'non-ASCII': `${GOOD_H}.é${GOOD_P}.${GOOD_S}`,
  'header of impossible length': `A.${GOOD_P}.${GOOD_S}`,
  'leading newline': `\n${GOOD}`,
  'trailing newline': `${GOOD}\n`,
};

// ------------------------------------------------------------------------------- JS API cases
// run(kit) runs in the worker. expect: { code } (a code or a list of codes) or { verdict } (a
// returned report, for input that is bad news rather than an error).
const apiCases = [];
const api = (name, run, expect) => apiCases.push({ name, run, expect });

api('checkSecret: empty string', (k) => k.checkSecret(''), { verdict: 'weak', finding: 'EMPTY' });
api('checkSecret: whitespace only', (k) => k.checkSecret(' \t\r\n  '), { verdict: 'weak', finding: 'WHITESPACE' });
api('checkSecret: NUL bytes', (k) => k.checkSecret('\0\0\0\0'), { verdict: 'weak' });
api('checkSecret: invalid UTF-8 (Uint8Array)', (k) => k.checkSecret(new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1])), { verdict: 'weak', finding: 'INVALID_UTF8' });
api('checkSecret: lone surrogates in a string', (k) => k.checkSecret('\ud800\udfff\ud800'), { verdict: 'weak' });
api('checkSecret: 10 MiB string', (k) => k.checkSecret('a'.repeat(10 * MIB)), { code: 'ERR_OUT_OF_RANGE' });
api('checkSecret: 10 MiB Uint8Array', (k) => k.checkSecret(new Uint8Array(10 * MIB).fill(0x41)), { code: 'ERR_OUT_OF_RANGE' });
api('checkSecret: 1 MiB + 1 byte', (k) => k.checkSecret('b'.repeat(MIB + 1)), { code: 'ERR_OUT_OF_RANGE' });
api('checkSecret: not a string', (k) => k.checkSecret(12345), { code: 'ERR_INVALID_ARGUMENT' });
api('checkSecret: null', (k) => k.checkSecret(null), { code: 'ERR_INVALID_ARGUMENT' });
api('checkSecret: bad hex', (k) => k.checkSecret('xyz0', { encoding: 'hex' }), { code: 'ERR_BAD_CHARACTER' });
api('checkSecret: odd hex', (k) => k.checkSecret('abc', { encoding: 'hex' }), { code: 'ERR_BAD_LENGTH' });
api('checkSecret: base64 with trailing bits', (k) => k.checkSecret('Zh==', { encoding: 'base64' }), { code: 'ERR_TRAILING_BITS' });
api('checkSecret: invalid UTF-8 as hex', (k) => k.checkSecret(new Uint8Array([0xff, 0xfe]), { encoding: 'hex' }), { code: 'ERR_BAD_CHARACTER' });
api('checkSecret: unknown encoding', (k) => k.checkSecret('s', { encoding: 'rot13' }), { code: 'ERR_UNKNOWN_FORMAT' });
api('checkSecret: alg none', (k) => k.checkSecret('s', { alg: 'none' }), { code: 'ERR_UNKNOWN_ALG' });
api('checkSecret: unknown option', (k) => k.checkSecret('s', { algorithm: 'HS256' }), { code: 'ERR_INVALID_ARGUMENT' });
api('generateSecret: bytes 0', (k) => k.generateSecret({ bytes: 0 }), { code: 'ERR_OUT_OF_RANGE' });
api('generateSecret: bytes 2^32 + 32', (k) => k.generateSecret({ bytes: 2 ** 32 + 32 }), { code: 'ERR_OUT_OF_RANGE' });
api('generateSecret: alg RS256', (k) => k.generateSecret({ alg: 'RS256' }), { code: 'ERR_UNKNOWN_ALG' });
api('generateSecret: alphabet with NUL', (k) => k.generateSecret({ alphabet: 'ab\0' }), { code: 'ERR_BAD_ALPHABET' });
api('generateSecret: empty alphabet', (k) => k.generateSecret({ alphabet: '' }), { code: 'ERR_BAD_ALPHABET' });
api('generateSecret: 10 MiB alphabet', (k) => k.generateSecret({ alphabet: 'ab'.repeat(5 * MIB) }), { code: 'ERR_BAD_ALPHABET' });
api('generateSecret: env name with newline', (k) => k.generateSecret({ name: 'JWT\nSECRET' }), { code: 'ERR_BAD_NAME' });
api('decode: NUL in hex', (k) => k.decode('00\0', 'hex'), { code: 'ERR_BAD_LENGTH' });
api('decode: 10 MiB of junk', (k) => k.decode('!'.repeat(10 * MIB), 'base64'), { code: 'ERR_BAD_CHARACTER' });
for (const [shape, t] of Object.entries(MALFORMED)) {
  api(`verifyJwt: malformed token (${shape})`, (k) => k.verifyJwt(t, { secret: SECRET }),
    { code: ['ERR_MALFORMED_TOKEN', 'ERR_BAD_LENGTH', 'ERR_BAD_PADDING', 'ERR_BAD_JSON', 'ERR_BAD_CHARACTER'] });
}
api('verifyJwt: header not JSON', (k) => k.verifyJwt(NOT_JSON, { secret: SECRET }), { code: 'ERR_BAD_JSON' });
api('verifyJwt: header an array', (k) => k.verifyJwt(NOT_OBJECT, { secret: SECRET }), { code: 'ERR_BAD_JSON' });
api('verifyJwt: header a string', (k) => k.verifyJwt(STRING_HEADER, { secret: SECRET }), { code: 'ERR_BAD_JSON' });
api('verifyJwt: header without alg', (k) => k.verifyJwt(NO_ALG, { secret: SECRET }), { code: 'ERR_MISSING_ALG' });
api('verifyJwt: alg a number', (k) => k.verifyJwt(ALG_NUMBER, { secret: SECRET }), { code: 'ERR_BAD_JSON' });
api('verifyJwt: duplicate alg', (k) => k.verifyJwt(DUP_ALG, { secret: SECRET }), { code: 'ERR_BAD_JSON' });
api('verifyJwt: alg none', (k) => k.verifyJwt(NONE, { secret: SECRET }), { code: 'ERR_ALG_NONE' });
api('verifyJwt: alg RS256', (k) => k.verifyJwt(RS256, { secret: SECRET }), { code: 'ERR_ALG_NOT_HMAC' });
api('verifyJwt: crit', (k) => k.verifyJwt(CRIT, { secret: SECRET }), { code: 'ERR_CRIT' });
api('verifyJwt: header nested 100 deep', (k) => k.verifyJwt(DEEP_HEADER, { secret: SECRET }), { code: 'ERR_BAD_JSON' });
api('verifyJwt: header over 4 KiB', (k) => k.verifyJwt(BIG_HEADER, { secret: SECRET }), { code: 'ERR_TOO_LARGE' });
api('verifyJwt: invalid UTF-8 in the header', (k) => k.verifyJwt(BAD_UTF8_HEADER, { secret: SECRET }), { code: 'ERR_BAD_JSON' });
api('verifyJwt: short tag', (k) => k.verifyJwt(SHORT_TAG, { secret: SECRET }), { code: 'ERR_BAD_TAG_LENGTH' });
api('verifyJwt: wrong signature', (k) => k.verifyJwt(BAD_SIG, { secret: SECRET }), { code: 'ERR_BAD_SIGNATURE' });
api('verifyJwt: padded', (k) => k.verifyJwt(PADDED, { secret: SECRET }), { code: 'ERR_BAD_PADDING' });
api('verifyJwt: alg pinned to another', (k) => k.verifyJwt(HS384, { secret: SECRET, alg: 'HS256' }), { code: 'ERR_ALG_MISMATCH' });
api('verifyJwt: empty secret', (k) => k.verifyJwt(GOOD, { secret: '' }), { code: 'ERR_BAD_SIGNATURE' });
api('verifyJwt: no secret', (k) => k.verifyJwt(GOOD, {}), { code: 'ERR_INVALID_ARGUMENT' });
api('verifyJwt: token not a string', (k) => k.verifyJwt(new Uint8Array(10), { secret: SECRET }), { code: 'ERR_INVALID_ARGUMENT' });
api('verifyJwt: token over 1 MiB', (k) => k.verifyJwt(HUGE(), { secret: SECRET }), { code: 'ERR_TOO_LARGE' });
api('verifyJwt: 10 MiB of dots', (k) => k.verifyJwt('.'.repeat(10 * MIB), { secret: SECRET }), { code: ['ERR_TOO_LARGE', 'ERR_MALFORMED_TOKEN'] });
api('signJwt: payload not JSON', (k) => k.signJwt('{sub:1}', { secret: SECRET }), { code: 'ERR_BAD_JSON' });
api('signJwt: payload an array', (k) => k.signJwt('[1,2]', { secret: SECRET }), { code: 'ERR_BAD_JSON' });
api('signJwt: payload nested 1000 deep', (k) => k.signJwt(`{"a":${'['.repeat(1000)}${']'.repeat(1000)}}`, { secret: SECRET }), { code: 'ERR_BAD_JSON' });
api('signJwt: payload with a NUL', (k) => k.signJwt('{"a":"\0"}', { secret: SECRET }), { code: 'ERR_BAD_JSON' });
api('signJwt: payload over 1 MiB', (k) => k.signJwt({ pad: 'p'.repeat(MIB) }, { secret: SECRET }), { code: 'ERR_TOO_LARGE' });
api('signJwt: empty payload', (k) => k.signJwt('', { secret: SECRET }), { code: 'ERR_BAD_JSON' });
api('signJwt: short secret', (k) => k.signJwt({}, { secret: 'short' }), { code: 'ERR_KEY_TOO_SHORT' });
api('signJwt: alg none', (k) => k.signJwt({}, { secret: SECRET, alg: 'none' }), { code: 'ERR_UNKNOWN_ALG' });
api('signJwt: alg RS256', (k) => k.signJwt({}, { secret: SECRET, alg: 'RS256' }), { code: 'ERR_UNKNOWN_ALG' });
api('createAudit: token over 8 KiB', (k) => k.createAudit(AUDIT_BIG), { code: 'ERR_TOO_LARGE' });
api('createAudit: empty token', (k) => k.createAudit(''), { code: 'ERR_MALFORMED_TOKEN' });
api('auditToken: alg none', (k) => k.auditToken(NONE), { code: 'ERR_ALG_NONE' });
api('auditToken: crit', (k) => k.auditToken(CRIT), { code: 'ERR_CRIT' });
api('auditToken: wordlist not text', (k) => k.auditToken(GOOD, { wordlist: 42, builtin: false }), { code: 'ERR_INVALID_ARGUMENT' });
api('auditToken: chunkBytes 0', (k) => k.auditToken(GOOD, { chunkBytes: 0 }), { code: 'ERR_OUT_OF_RANGE' });
api('auditToken: shard out of range', (k) => k.auditToken(GOOD, { shard: { index: 2, count: 2 } }), { code: 'ERR_INVALID_ARGUMENT' });
api('auditToken: invalid UTF-8 and NUL wordlist', (k) => k.auditToken(GOOD, { builtin: false, wordlist: new Uint8Array([0xff, 0, 0x0a, 0xc3, 0x0a, 0, 0, 0]) }), { found: false });
api('auditToken: 10 MiB wordlist of one line', (k) => k.auditToken(GOOD, { builtin: false, wordlist: new Uint8Array(10 * MIB).fill(0x61) }), { found: false });
api('hmac: unknown alg', (k) => k.hmac('HS999', SECRET, 'msg'), { code: 'ERR_UNKNOWN_ALG' });
api('toJwk: secret not bytes', (k) => k.toJwk({ k: 1 }), { code: 'ERR_INVALID_ARGUMENT' });

// ---------------------------------------------------------------------------------- the worker
if (!isMainThread && workerData && workerData.hostileWorker) {
  const kit = await import('../../dist/index.mjs');
  await kit.ready;
  parentPort.on('message', (i) => {
    const c = apiCases[i];
    let reply;
    try {
      const value = c.run(kit);
      reply = {
        returned: true,
        verdict: value && value.verdict,
        findings: value && Array.isArray(value.findings) ? value.findings.map((f) => f.code) : null,
        found: value && typeof value.found === 'boolean' ? value.found : undefined,
      };
    } catch (e) {
      reply = {
        returned: false,
        kitError: e instanceof kit.JwtSecretKitError,
        isError: e instanceof Error,
        name: e && e.name,
        code: e && e.code,
        message: String((e && e.message) || e),
      };
    }
    parentPort.postMessage(reply);
  });
  parentPort.postMessage('ready');
}

// ---------------------------------------------------------------------------------- the tests
if (isMainThread) {
  const assert = (await import('node:assert/strict')).default;
  const { after, before, describe, test } = await import('node:test');
  // JSK_HOSTILE_CLI=build/native/jwt-secret runs the CLI cases against another build of the CLI.
  const cli = process.env.JSK_HOSTILE_CLI ?? fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
  const command = (args) => (cli.endsWith('.mjs') ? [process.execPath, [cli, ...args]] : [cli, args]);

  // ------------------------------------------------------------------------------- CLI cases
  // input: a string or bytes for stdin; exits: the statuses allowed (default [2]); stderr/stdout:
  // a pattern the message must match.
  const cliCases = [];
  const cliCase = (name, args, opts = {}) => cliCases.push({ name, args, ...opts });

  cliCase('no command', []);
  cliCase('unknown command', ['frobnicate']);
  cliCase('unknown help topic', ['help', 'nope']);
  cliCase('generate --bytes 0', ['generate', '--bytes', '0'], { stderr: /--bytes/ });
  cliCase('generate --bytes 4097', ['generate', '--bytes', '4097']);
  cliCase('generate --bytes -5', ['generate', '--bytes', '-5']);
  cliCase('generate --bytes 1e3', ['generate', '--bytes', '1e3']);
  cliCase('generate --bytes 99999999999999999999', ['generate', '--bytes', '99999999999999999999']);
  cliCase('generate --bytes with no value', ['generate', '--bytes'], { stderr: /needs a value/ });
  cliCase('generate --bytes= (empty)', ['generate', '--bytes=']);
  cliCase('generate --format pem', ['generate', '--format', 'pem'], { stderr: /--format/ });
  cliCase('generate --alg RS256', ['generate', '--alg', 'RS256'], { stderr: /--alg/ });
  cliCase('generate --alg none', ['generate', '--alg', 'none']);
  cliCase('generate --count 0', ['generate', '--count', '0']);
  cliCase('generate --count 1001', ['generate', '--count', '1001']);
  cliCase('generate --name 1BAD', ['generate', '--name', '1BAD']);
  cliCase('generate --name with a space', ['generate', '--name', 'A B']);
  cliCase('generate --alphabet of one symbol', ['generate', '--alphabet', 'a']);
  cliCase('generate --alphabet with a space', ['generate', '--alphabet', 'ab c']);
  cliCase('generate --alphabet non-ASCII', ['generate', '--alphabet', 'abcé']);
  cliCase('generate --alphabet 100 KiB', ['generate', '--alphabet', 'ab'.repeat(50000)]);
  cliCase('generate --length without --alphabet', ['generate', '--length', '10']);
  cliCase('generate unknown flag', ['generate', '--frobnicate'], { stderr: /unknown option/ });
  cliCase('generate flag of another command', ['generate', '--json']);
  cliCase('generate single dash flag', ['generate', '-x']);
  cliCase('generate positional', ['generate', 'extra']);
  cliCase('generate --bytes twice', ['generate', '--bytes', '32', '--bytes', '64']);
  cliCase('check: empty stdin', ['check'], { input: '', exits: [1], stdout: /^weak/ });
  cliCase('check: whitespace-only stdin', ['check'], { input: ' \t  \r\n', exits: [1], stdout: /WHITESPACE|EMPTY/ });
  cliCase('check: NUL bytes on stdin', ['check'], { input: Buffer.from([0, 0, 0, 0]), exits: [1], stdout: /^weak/ });
  cliCase('check: invalid UTF-8 on stdin', ['check'], { input: Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]), exits: [1], stdout: /INVALID_UTF8/ });
  cliCase('check --batch: invalid UTF-8 and NUL lines', ['check', '--batch'], { input: Buffer.from([0xff, 0x0a, 0, 0x0a, 0x0a]), exits: [1], stdout: /^weak/ });
  cliCase('check: 10 MiB on stdin', ['check'], { input: () => Buffer.alloc(10 * MIB, 0x61), stderr: /ERR_OUT_OF_RANGE/ });
  cliCase('check --batch: a 10 MiB line', ['check', '--batch'], { input: () => Buffer.alloc(10 * MIB, 0x62), stderr: /line 1: .*ERR_OUT_OF_RANGE/ });
  cliCase('check: 1 MiB + 1 byte on stdin', ['check', '--json'], { input: () => Buffer.alloc(MIB + 1, 0x63), stderr: /ERR_OUT_OF_RANGE/ });
  cliCase('check --encoding hex: not hex', ['check', '--encoding', 'hex', 'xyz0'], { stderr: /ERR_BAD_CHARACTER/ });
  cliCase('check --encoding hex: invalid UTF-8', ['check', '--encoding', 'hex'], { input: Buffer.from([0xff, 0xfe]), stderr: /ERR_BAD_CHARACTER/ });
  cliCase('check --encoding base64: trailing bits', ['check', '--encoding', 'base64', 'Zh=='], { stderr: /ERR_TRAILING_BITS/ });
  cliCase('check --batch --encoding base64url: bad line 2', ['check', '--batch', '--encoding', 'base64url'], { input: 'AAAA\n!!!!\n', stderr: /line 2/ });
  cliCase('check --encoding rot13', ['check', '--encoding', 'rot13', 'x']);
  cliCase('check --alg HS1024', ['check', '--alg', 'HS1024', 'x']);
  cliCase('check: two secrets', ['check', 'a', 'b']);
  cliCase('check --batch with a SECRET', ['check', '--batch', 'a']);
  cliCase('check --json=yes', ['check', '--json=yes', 'x'], { stderr: /takes no value/ });
  for (const [shape, t] of Object.entries(MALFORMED)) {
    if (t === '' || t.includes('\n')) continue; // as arguments these are covered below
    cliCase(`verify: malformed token (${shape})`, ['verify', t, '--secret', SECRET], { stderr: /ERR_/ });
  }
  cliCase('verify: empty token argument', ['verify', '', '--secret', SECRET], { stderr: /ERR_MALFORMED_TOKEN/ });
  cliCase('verify: token with a newline', ['verify', `${GOOD}\n`, '--secret', SECRET], { stderr: /ERR_MALFORMED_TOKEN/ });
  cliCase('verify: header not JSON', ['verify', NOT_JSON, '--secret', SECRET], { stderr: /ERR_BAD_JSON/ });
  cliCase('verify: header an array', ['verify', NOT_OBJECT, '--secret', SECRET], { stderr: /ERR_BAD_JSON/ });
  cliCase('verify: header without alg', ['verify', NO_ALG, '--secret', SECRET], { stderr: /ERR_MISSING_ALG/ });
  cliCase('verify: header with invalid UTF-8', ['verify', BAD_UTF8_HEADER, '--secret', SECRET], { stderr: /ERR_BAD_JSON/ });
  cliCase('verify: header over 4 KiB', ['verify', BIG_HEADER, '--secret', SECRET], { stderr: /ERR_TOO_LARGE/ });
  cliCase('verify: header nested 100 deep', ['verify', DEEP_HEADER, '--secret', SECRET], { stderr: /ERR_BAD_JSON/ });
  cliCase('verify: alg none', ['verify', NONE, '--secret', SECRET], { exits: [1], stdout: /ERR_ALG_NONE/ });
  cliCase('verify: alg RS256', ['verify', RS256, '--secret', SECRET], { exits: [1], stdout: /ERR_ALG_NOT_HMAC/ });
  cliCase('verify: crit', ['verify', CRIT, '--secret', SECRET], { exits: [1], stdout: /ERR_CRIT/ });
  cliCase('verify: wrong signature', ['verify', BAD_SIG, '--secret', SECRET], { exits: [1], stdout: /ERR_BAD_SIGNATURE/ });
  cliCase('verify: short tag', ['verify', SHORT_TAG, '--secret', SECRET], { exits: [1], stdout: /ERR_BAD_TAG_LENGTH/ });
  cliCase('verify: alg pinned to another', ['verify', HS384, '--secret', SECRET, '--alg', 'HS256'], { exits: [1], stdout: /ERR_ALG_MISMATCH/ });
  cliCase('verify: secret of NUL bytes on stdin', ['verify', GOOD], { input: Buffer.alloc(64), exits: [1], stdout: /ERR_BAD_SIGNATURE/ });
  cliCase('verify: secret of invalid UTF-8 on stdin', ['verify', GOOD], { input: Buffer.from([0xff, 0xfe, 0xfd]), exits: [1], stdout: /ERR_BAD_SIGNATURE/ });
  cliCase('verify: 120 KiB token, wrong secret', ['verify', ARG_BIG, '--secret', 'wrong'], { exits: [1], stdout: /ERR_BAD_SIGNATURE/ });
  cliCase('verify: no token', ['verify', '--secret', SECRET], { stderr: /TOKEN/ });
  cliCase('verify: --alg none', ['verify', GOOD, '--secret', SECRET, '--alg', 'none']);
  cliCase('sign: payload not JSON', ['sign', '--secret', SECRET, '--payload', '{sub:1}'], { stderr: /ERR_BAD_JSON/ });
  cliCase('sign: payload an array', ['sign', '--secret', SECRET, '--payload', '[1]'], { stderr: /ERR_BAD_JSON/ });
  cliCase('sign: payload empty', ['sign', '--secret', SECRET, '--payload', ''], { stderr: /ERR_BAD_JSON/ });
  cliCase('sign: payload nested 1000 deep', ['sign', '--secret', SECRET, '--payload', `{"a":${'['.repeat(1000)}${']'.repeat(1000)}}`], { stderr: /ERR_BAD_JSON/ });
  cliCase('sign: short secret', ['sign', '--secret', 'short'], { stderr: /ERR_KEY_TOO_SHORT/ });
  cliCase('sign: empty secret on stdin', ['sign'], { input: '', stderr: /ERR_KEY_TOO_SHORT/ });
  cliCase('sign: --alg none', ['sign', '--secret', SECRET, '--alg', 'none']);
  cliCase('sign: --alg RS256', ['sign', '--secret', SECRET, '--alg', 'RS256']);
  cliCase('sign: positional', ['sign', 'extra', '--secret', SECRET]);
  cliCase('audit: no token', ['audit'], { stderr: /TOKEN/ });
  cliCase('audit: malformed token', ['audit', 'a.b'], { stderr: /ERR_MALFORMED_TOKEN/ });
  cliCase('audit: alg none', ['audit', NONE], { stderr: /ERR_ALG_NONE/ });
  cliCase('audit: RS256', ['audit', RS256], { stderr: /ERR_ALG_NOT_HMAC/ });
  cliCase('audit: token over 8 KiB', ['audit', AUDIT_BIG], { stderr: /ERR_TOO_LARGE/ });
  cliCase('audit: missing wordlist', ['audit', GOOD, '--wordlist', '/nonexistent/list.txt'], { stderr: /--wordlist/ });
  cliCase('audit: wordlist is a directory', ['audit', GOOD, '--wordlist', '@DIR'], { stderr: /--wordlist .*: it is a directory/ });
  cliCase('audit: --wordlist with no value', ['audit', GOOD, '--wordlist'], { stderr: /needs a value/ });
  cliCase('check --env: a directory', ['check', '--env', '@DIR'], { stderr: /--env/ });
  cliCase('check --env: a missing file', ['check', '--env', '/nonexistent/.env'], { stderr: /--env/ });

  const tmp = mkdtempSync(join(tmpdir(), 'jsk-hostile-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('CLI: hostile input gets exit 1 or 2 and a clear message, within 10 s', () => {
    for (const c of cliCases) {
      test(c.name, { todo: c.todo }, () => {
        const args = c.args.map((a) => (a === '@DIR' ? tmp : a));
        const input = typeof c.input === 'function' ? c.input() : c.input;
        const started = Date.now();
        const r = spawnSync(...command(args), { input, timeout: LIMIT_MS, maxBuffer: 64 * MIB });
        const ms = Date.now() - started;
        const stdout = r.stdout ? r.stdout.toString('utf8') : '';
        const stderr = r.stderr ? r.stderr.toString('utf8') : '';
        assert.ok(!r.error, `spawn failed or timed out after ${ms} ms: ${r.error && r.error.code}`);
        assert.equal(r.signal, null, `killed by ${r.signal}`);
        const exits = c.exits ?? [2];
        assert.ok(exits.includes(r.status), `exit ${r.status}, expected ${exits.join(' or ')}\nstdout: ${stdout.slice(0, 300)}\nstderr: ${stderr.slice(0, 500)}`);
        assert.doesNotMatch(stderr + stdout, /internal error|RuntimeError|unreachable|Aborted|\n\s+at |Sanitizer|runtime error:/,
          'no crash, trap, sanitizer report or stack trace');
        if (r.status === 2 && (args.includes('--batch') || args.includes('--env'))) {
          // Streamed: an input error on one line or variable gets an error line in its place.
          for (const line of stdout.split('\n').filter(Boolean)) {
            if (/^(error\t|\{"line":|\{"name":"[^"]*","error":|[\w.-]+: error: )/.test(line)) assert.match(line, /ERR_[A-Z_]+/);
          }
          assert.match(stderr, /^jwt-secret: \S.{8,}/, 'a "jwt-secret: ..." message');
        } else if (r.status === 2) {
          assert.equal(stdout, '', 'nothing on stdout for an input error');
          assert.match(stderr, /^jwt-secret: \S.{8,}/, 'a "jwt-secret: ..." message');
        } else {
          assert.ok(stdout.length > 0, 'the negative answer is printed');
        }
        if (c.stderr) assert.match(stderr, c.stderr);
        if (c.stdout) assert.match(stdout, c.stdout);
      });
    }
  });

  describe('JS API: hostile input throws an Error with a code (or gets a weak verdict), within 10 s', { skip: process.env.JSK_HOSTILE_CLI !== undefined }, () => {
    let worker = null;
    const start = () =>
      new Promise((resolve, reject) => {
        worker = new Worker(new URL(import.meta.url), { workerData: { hostileWorker: true } });
        worker.once('message', (m) => (m === 'ready' ? resolve() : reject(new Error(`unexpected ${m}`))));
        worker.once('error', reject);
      });
    const ask = (i) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          worker.removeAllListeners('message');
          worker.terminate();
          worker = null;
          reject(new Error(`no answer within ${LIMIT_MS} ms (a hang)`));
        }, LIMIT_MS);
        worker.once('message', (m) => {
          clearTimeout(timer);
          resolve(m);
        });
        worker.postMessage(i);
      });
    before(start);
    after(() => worker && worker.terminate());

    apiCases.forEach((c, i) => {
      test(c.name, async () => {
        if (!worker) await start();
        const r = await ask(i);
        const { expect } = c;
        if (expect.code) {
          const codes = [].concat(expect.code);
          assert.equal(r.returned, false, `expected an error ${codes.join('|')}, got a result: ${JSON.stringify(r)}`);
          assert.ok(r.isError && r.kitError, `expected a JwtSecretKitError, got ${r.name}: ${r.message}`);
          assert.ok(codes.includes(r.code), `code ${r.code} ("${r.message}"), expected ${codes.join(' or ')}`);
          assert.ok(r.message.length > 10, 'a clear message');
          assert.doesNotMatch(r.message, /RuntimeError|unreachable|out of bounds/);
        } else {
          assert.equal(r.returned, true, `expected a result, got ${r.name} ${r.code}: ${r.message}`);
          if (expect.verdict) assert.equal(r.verdict, expect.verdict);
          if (expect.finding) assert.ok(r.findings.includes(expect.finding), `findings ${r.findings}`);
          if ('found' in expect) assert.equal(r.found, expect.found);
        }
      });
    });

    test('the API still works after all of that', async () => {
      if (!worker) await start();
      const r = await new Promise((resolve) => {
        worker.once('message', resolve);
        worker.postMessage(apiCases.findIndex((c) => c.name === 'checkSecret: empty string'));
      });
      assert.equal(r.verdict, 'weak');
    });
  });

  test(`at least 60 hostile cases (${cliCases.length} CLI, ${apiCases.length} API)`, { skip: process.env.JSK_HOSTILE_CLI !== undefined }, () => {
    assert.ok(cliCases.length + apiCases.length >= 60);
    assert.ok(cliCases.length >= 30 && apiCases.length >= 30);
  });
}
