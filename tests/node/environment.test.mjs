// environment.test.mjs — runtimes without what the core needs fail loudly and clearly, in a fresh
// process each: no crypto.getRandomValues (never a Math.random fallback), no WebAssembly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const api = fileURLToPath(new URL('../../dist/index.mjs', import.meta.url));

// Runs `prelude`, imports the API, awaits ready and prints what happened as JSON.
function runWith(prelude) {
  const script = `${prelude}
const kit = await import(${JSON.stringify(api)});
const out = {};
try { await kit.ready; out.ready = 'resolved'; } catch (e) { out.ready = { code: e.code, message: e.message, name: e.name }; }
try { out.secret = kit.generateSecret(); } catch (e) { out.generate = e.code; }
process.stdout.write(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30000 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '', 'nothing is logged');
  return JSON.parse(r.stdout);
}

test('a normal runtime: ready resolves and a secret comes out', () => {
  const out = runWith('');
  assert.equal(out.ready, 'resolved');
  assert.match(out.secret, /^[A-Za-z0-9_-]{43}$/);
});

test('no globalThis.crypto: ready rejects with ERR_NO_ENTROPY and a message that says why', () => {
  const out = runWith("Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });");
  assert.equal(out.ready.code, 'ERR_NO_ENTROPY');
  assert.equal(out.ready.name, 'JwtSecretKitError');
  assert.match(out.ready.message, /getRandomValues/);
  assert.match(out.ready.message, /never falls back/);
  assert.equal(out.generate, 'ERR_NOT_READY');
  assert.equal(out.secret, undefined);
});

test('Math.random is never used: poisoning it changes nothing', () => {
  const out = runWith("Math.random = () => { throw new Error('Math.random called'); };");
  assert.equal(out.ready, 'resolved');
  assert.match(out.secret, /^[A-Za-z0-9_-]{43}$/);
});

test('a crypto without getRandomValues is refused too', () => {
  const out = runWith("Object.defineProperty(globalThis, 'crypto', { value: { subtle: {} }, configurable: true });");
  assert.equal(out.ready.code, 'ERR_NO_ENTROPY');
});

test('a getRandomValues that throws fails the self-test closed', () => {
  const out = runWith(
    "Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues() { throw new Error('no'); } }, configurable: true });",
  );
  assert.equal(out.ready.code, 'ERR_NO_ENTROPY');
  assert.equal(out.generate, 'ERR_NOT_READY');
});

test('no WebAssembly: ERR_NO_WEBASSEMBLY', () => {
  const out = runWith("delete globalThis.WebAssembly;");
  assert.equal(out.ready.code, 'ERR_NO_WEBASSEMBLY');
  assert.equal(out.generate, 'ERR_NOT_READY');
});

test('a getRandomValues that returns the same bytes every time fails the core\'s self-test (ERR_SELF_TEST)', () => {
  const out = runWith(
    "Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues(a) { a.fill(7); return a; } }, configurable: true });",
  );
  assert.equal(out.ready.code, 'ERR_SELF_TEST');
  assert.equal(out.ready.name, 'JwtSecretKitError');
  assert.equal(out.generate, 'ERR_NOT_READY');
});

test('no DecompressionStream (browsers before 2023): ERR_WASM_LOAD, naming what is missing', () => {
  const out = runWith('delete globalThis.DecompressionStream;');
  assert.equal(out.ready.code, 'ERR_WASM_LOAD');
  assert.match(out.ready.message, /module failed to load: DecompressionStream is not defined/);
  assert.equal(out.generate, 'ERR_NOT_READY');
});
