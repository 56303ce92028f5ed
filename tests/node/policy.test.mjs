// policy.test.mjs — the JS side says what the core says. The live WASM core is asked for every
// error code it has (jsk_error_code over JSK_ERROR_MIN..-1, through jsk-policy-dump, the build's
// own tool, and through the shipped module) and the generated declarations must list exactly those;
// the API's exported constants must equal the policy's; the page shows the core's numbers.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readPolicy } from '../../scripts/gen-policy.mjs';
import * as kit from '../../dist/index.mjs';

const root = new URL('../../', import.meta.url);
const policy = readPolicy(new URL('build/wasm/', root).pathname);
await kit.ready;

// The string literals of `export type NAME = ...;` in a declaration file.
function union(dts, name) {
  const m = new RegExp(`export type ${name} =([^;]*);`).exec(dts);
  assert.ok(m, `${name} is declared`);
  return [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]);
}

// Every error code the C core has, asked one value at a time (jsk_error_code, jsk_strerror,
// jsk_error_is_refusal over JSK_ERROR_MIN..-1) by the build's policy dump, which links the same
// core objects as the WASM modules (they no longer carry the table: the JS layer has it, below).
async function liveErrorCodes() {
  return policy.errors;
}

test("the JS layer throws the core's errors as the core words them (its table is generated from the core)", async () => {
  const { ERRORS } = await import(new URL('build/gen/policy.mjs', root).href);
  assert.deepEqual(ERRORS.map(([code, message, refusal], i) => ({ value: -1 - i, code, message, refusal })), policy.errors);
  const cases = [
    [() => kit.decode('zz', 'hex'), 'ERR_BAD_CHARACTER'],
    [() => kit.generateSecret({ bytes: 8, alg: 'HS256' }), 'ERR_KEY_TOO_SHORT'],
    [() => kit.verifyJwt('a.b', { secret: 'x'.repeat(32) }), 'ERR_MALFORMED_TOKEN'],
    [() => kit.checkSecret('x', { encoding: 'hex' }), 'ERR_BAD_LENGTH'],
  ];
  for (const [fn, code] of cases) {
    const want = policy.errors.find((e) => e.code === code);
    assert.throws(fn, (e) => e.code === code && e.message.endsWith(`: ${want.message}`) && e.refusal === want.refusal, code);
  }
});

for (const file of ['index.d.mts', 'index.d.cts']) {
  const dts = readFileSync(new URL(`dist/${file}`, root), 'utf8');

  test(`${file}: CoreErrorCode is exactly the live core's error codes, and RefusalCode its refusals`, async () => {
    const live = await liveErrorCodes();
    assert.deepEqual(live, policy.errors, 'the policy document lists every error the core reports, as it reports it');
    assert.deepEqual(union(dts, 'CoreErrorCode').sort(), live.map((e) => e.code).sort());
    assert.deepEqual(union(dts, 'RefusalCode').sort(), live.filter((e) => e.refusal).map((e) => e.code).sort());
    // The JS layer's own codes are not the core's.
    for (const code of union(dts, 'LoaderErrorCode')) assert.ok(!live.some((e) => e.code === code), code);
  });

  test(`${file}: the name unions are the policy's`, () => {
    assert.deepEqual(union(dts, 'Algorithm'), policy.algorithms.map((a) => a.name));
    assert.deepEqual(union(dts, 'Encoding'), policy.generate.encodings);
    assert.deepEqual(union(dts, 'SecretFormat'), policy.generate.formats);
    assert.deepEqual(union(dts, 'CheckEncoding'), policy.check.encodings);
    assert.deepEqual(union(dts, 'Verdict'), policy.check.verdicts);
    assert.deepEqual(union(dts, 'FindingCode'), policy.check.findings);
    assert.doesNotMatch(dts, /\/\* @policy/, 'no marker is left');
  });
}

test("the API's exported constants are the policy's", () => {
  assert.equal(kit.VERSION, policy.version);
  assert.deepEqual(kit.ALGORITHMS, policy.algorithms.map((a) => a.name));
  assert.deepEqual(kit.ENCODINGS, policy.generate.encodings);
  assert.deepEqual(kit.FORMATS, policy.generate.formats);
  assert.deepEqual(kit.CHECK_ENCODINGS, policy.check.encodings);
  for (const list of [kit.ALGORITHMS, kit.ENCODINGS, kit.FORMATS, kit.CHECK_ENCODINGS]) assert.ok(Object.isFrozen(list));
});

test("the API's defaults and errors are the core's", () => {
  const alg = policy.algorithms.find((a) => a.name === policy.default_alg);
  assert.equal(kit.describeSecret().alg, null);
  assert.equal(kit.describeSecret().bytes, alg.key_bytes, 'the default size');
  assert.equal(kit.describeSecret().format, policy.generate.default_encoding);
  assert.ok(kit.generateSecret({ format: 'env' }).startsWith(`${policy.generate.env_name_default}=`));
  assert.equal(kit.checkSecret('x').encoding, policy.check.default_encoding);
  for (const a of policy.algorithms) assert.equal(kit.hmac(a.name, 'k', 'm').length, a.key_bytes);
  const byCode = Object.fromEntries(policy.errors.map((e) => [e.code, e]));
  const thrown = (fn) => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    assert.fail('did not throw');
  };
  const cases = [
    [() => kit.generateSecret({ bytes: policy.generate.bytes_max + 1 }), 'ERR_OUT_OF_RANGE'],
    [() => kit.generateSecret({ alg: 'HS512', bytes: 32 }), 'ERR_KEY_TOO_SHORT'],
    [() => kit.generateSecret({ name: '1X' }), 'ERR_BAD_NAME'],
    [() => kit.generateSecret({ name: 'X'.repeat(policy.generate.env_name_len_max + 1) }), 'ERR_BAD_NAME'],
    [() => kit.decode('Zh==', 'base64'), 'ERR_TRAILING_BITS'],
    [() => kit.verifyJwt(kit.signJwt({ a: 1 }, { secret: 'k'.repeat(32) }), { secret: 'j'.repeat(32) }), 'ERR_BAD_SIGNATURE'],
    [() => kit.verifyJwt('a.b', { secret: 'k' }), 'ERR_MALFORMED_TOKEN'],
  ];
  for (const [fn, code] of cases) {
    const e = thrown(fn);
    assert.equal(e.code, code);
    assert.ok(e.message.endsWith(`: ${byCode[code].message}`), `${code}: the core's message, got ${e.message}`);
    assert.equal(e.refusal, byCode[code].refusal, `${code}: refusal as the core says`);
  }
  assert.ok(kit.generateSecret({ name: 'X'.repeat(policy.generate.env_name_len_max) }));
});

test('verifyJwt: the payload exactly as signed, and a signed non-object payload is refused (ERR_BAD_PAYLOAD)', () => {
  const secret = 'k'.repeat(32);
  const text = '{"b":2,  "a":"\\u00fc","a":3}';
  const r = kit.verifyJwt(kit.signJwt(text, { secret }), { secret });
  assert.equal(r.payloadText, text);
  assert.deepEqual(r.payload, JSON.parse(text));
  // A token whose signature holds over a payload that is not a JSON object.
  const b64u = (s) => Buffer.from(s).toString('base64url');
  for (const payload of ['[1]', '"x"', '1', `${'['.repeat(65)}${']'.repeat(65)}`, `{"a":${'['.repeat(64)}${']'.repeat(64)}}`]) {
    const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(payload)}`;
    const tag = Buffer.from(kit.hmac('HS256', secret, input)).toString('base64url');
    const e = (() => { try { kit.verifyJwt(`${input}.${tag}`, { secret }); } catch (err) { return err; } return null; })();
    assert.equal(e?.code, 'ERR_BAD_PAYLOAD', payload.slice(0, 20));
    assert.equal(e.refusal, true);
  }
});

test('the page shows the core\'s numbers', () => {
  const html = readFileSync(new URL('dist/index.html', root), 'utf8');
  assert.doesNotMatch(html, /\{\{[A-Z_.a-z]+\}\}/, 'every placeholder is filled');
  assert.match(html, new RegExp(`max="${policy.generate.bytes_max}"`));
  for (const a of policy.algorithms) assert.match(html, new RegExp(`${a.name} <span class="hint">${a.key_bytes} bytes</span>`));
});

// Each module carries its own error table (scripts/error-tables.mjs): the codes of the C sources its
// link took and of the JS that looks codes up by name for it, each entry the core's.
test("each module's error table: the core's entries, for every code its C sources and its JS can produce", async () => {
  const { moduleCodes, errorTableModule } = await import('../../scripts/error-tables.mjs');
  const generated = await import(new URL('build/gen/policy.mjs', root).href);
  const options = { root: new URL('.', root).pathname.replace(/\/$/, ''), wasmBuild: new URL('build/wasm', root).pathname, policy };
  const sourceCodes = (file) => [...readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ' ').matchAll(/\bJSK_(ERR_[A-Z0-9_]+)\b/g)].map((m) => m[1]);
  for (const name of ['generate', 'codecs', 'jwt', 'check', 'audit', 'inspect', 'envfiles']) {
    const codes = moduleCodes(name, options);
    // The module's own sources (the self-test's part, the feature's C file) are in it.
    for (const [module, file] of [['generate', 'secret.c'], ['codecs', 'encoding.c'], ['jwt', 'jws.c'], ['check', 'strength.c'],
      ['inspect', 'inspect.c'], ['envfiles', 'env_files.c']]) {
      if (module === name) for (const c of sourceCodes(new URL(`core/src/${file}`, root))) assert.ok(codes.includes(c), `${name}: ${c} of ${file}`);
    }
    for (const c of ['ERR_NO_ENTROPY', 'ERR_SELF_TEST', 'ERR_INVALID_ARGUMENT']) assert.ok(codes.includes(c), `${name}: ${c}`);
    const text = errorTableModule(name, options);
    for (const [, n] of text.matchAll(/ERROR_(\d+)/g)) {
      const e = policy.errors.find((x) => x.value === -Number(n));
      assert.deepEqual(generated[`ERROR_${n}`], [e.code, e.message, e.refusal]);
    }
  }
  assert.ok(moduleCodes('generate', options).length < policy.errors.length, 'the generate module carries fewer messages than the whole table');
  // Every lookup by name in the JS API names its code literally (so the tables can hold it), but
  // the verify report's, whose module (jwt) carries the whole table.
  const dir = new URL('wasm/api/', root);
  for (const f of readdirSync(dir)) {
    for (const m of readFileSync(new URL(f, dir), 'utf8').matchAll(/\b(failWith|value)\(([^,)]*)/g)) {
      if (f === 'core.mjs' && /^code$/.test(m[2])) continue; // failWith's own definition
      assert.ok(/^'ERR_[A-Z0-9_]+'$/.test(m[2].trim()) || (f === 'jwt.mjs' && m[2] === 'report.code'), `${f}: ${m[0]}`);
    }
  }
  assert.equal(moduleCodes('jwt', options).length, policy.errors.length);
});

test('through jwt-secret-kit/generate: the generate module and, for decode and the like, its codecs companion', async () => {
  const g = await import('../../dist/generate.mjs');
  await g.ready;
  const word = (code) => policy.errors.find((e) => e.code === code).message;
  assert.throws(() => g.generateSecret({ alphabet: 'a' }), (e) => e.code === 'ERR_BAD_ALPHABET' && e.message.endsWith(word('ERR_BAD_ALPHABET')));
  assert.throws(() => g.decode('zz', 'hex'), (e) => e.code === 'ERR_BAD_CHARACTER' && e.message.endsWith(word('ERR_BAD_CHARACTER')));
  assert.throws(() => g.envLine('9X', 'v'), (e) => e.code === 'ERR_BAD_NAME');
  assert.equal(g.encode(g.decode('Zm9vYmFy', 'base64'), 'hex'), '666f6f626172');
  assert.equal(g.describeSecret({ alg: 'HS384' }).bytes, 48);
});

test("the feature entries' ready loads their companions (alone in a process: no other entry's init)", async () => {
  const { execFileSync } = await import('node:child_process');
  const run = (code) => execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }).trim();
  const dist = new URL('dist/', root).href;
  assert.equal(run(`const j = await import('${dist}jwt.mjs'); await j.ready; console.log(j.generateEnvFiles({}).files.length > 0)`), 'true');
  assert.equal(run(`const g = await import('${dist}generate.mjs'); await g.ready; console.log(g.encode(g.decode('Zm8', 'base64url'), 'hex'))`), '666f');
});
