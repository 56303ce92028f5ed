// jwt.test.mjs — the JWT toolkit of the JS API (hmac, signJwt, verifyJwt, toJwk, toJwks,
// generateSecret({ format: 'jwk' }), createAudit, auditToken) against independent implementations:
// node:crypto for HMAC, the RFC 7515 A.1 example, jose and jsonwebtoken for interop, refusals with
// their stable codes, the audit's counting/order/sharding/cancel contracts (SIMD and scalar builds
// alike), and a scan of the WASM memory proving no copy of a secret stays behind.
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';

import { importWithMemories } from './wasm-memory.mjs';

// Both builds, with the WebAssembly.Memory of each core captured as it is instantiated.
const {
  modules: [kit, scalar],
  memories,
} = await importWithMemories(new URL('../../dist/index.mjs', import.meta.url), new URL('../../dist/scalar.mjs', import.meta.url));
const jose = await import('jose');
const { default: jsonwebtoken } = await import('jsonwebtoken');

const ALGS = ['HS256', 'HS384', 'HS512'];
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const SIZE = { HS256: 32, HS384: 48, HS512: 64 };
const BLOCK = { HS256: 64, HS384: 128, HS512: 128 };
const utf8 = new TextEncoder();
const b64u = (data) => Buffer.from(data).toString('base64url');
const bytesOf = (value) => (typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value));

const throwsCode = (fn, code, what = '') =>
  assert.throws(fn, (e) => {
    assert.ok(e instanceof kit.JwtSecretKitError || e instanceof scalar.JwtSecretKitError, `${what}: expected a JwtSecretKitError, got ${e}`);
    assert.equal(e.code, code, `${what}: code of "${e.message}"`);
    return true;
  });

// A compact JWS made with node:crypto alone (any key length, any header text).
function handSign(alg, secret, payload = { sub: '1234567890', name: 'John Doe', iat: 1516239022 }, header = null) {
  const h = b64u(header ?? JSON.stringify({ alg, typ: 'JWT' }));
  const p = b64u(typeof payload === 'string' ? payload : JSON.stringify(payload));
  const tag = createHmac(HASH[alg] ?? 'sha256', bytesOf(secret)).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${tag}`;
}

// A string whose UTF-8 form is exactly `bytes` long, mixing 1-, 2-, 3- and 4-byte characters.
const CHARS = ['a', 'Z', '7', ' ', '~', 'é', 'ß', 'Ω', 'ж', '€', '日', '本', '✓', '😀', '🔑'];
function utf8String(bytes) {
  let s = '';
  let n = 0;
  while (n < bytes) {
    const c = CHARS[randomInt(CHARS.length)];
    const len = Buffer.byteLength(c);
    if (n + len > bytes) continue;
    s += c;
    n += len;
  }
  assert.equal(Buffer.byteLength(s), bytes);
  return s;
}

const lines = (...items) => items.join('\n');
const strip = ({ seconds, ...rest }) => rest; // everything but the timing

// ---------------------------------------------------------------------------------- HMAC

describe('hmac agrees with node:crypto createHmac', () => {
  const KEY_LENGTHS = [0, 1, 31, 32, 63, 64, 65, 127, 128, 129, 255, 256, 1000, 2000];
  const MSG_LENGTHS = [0, 1, 55, 56, 63, 64, 65, 111, 112, 119, 120, 127, 128, 129, 1000];

  for (const alg of ALGS) {
    test(`${alg}: every key length x every message length, as bytes and as UTF-8 strings`, () => {
      let n = 0;
      for (const kl of KEY_LENGTHS) {
        for (const ml of MSG_LENGTHS) {
          const keyBytes = new Uint8Array(randomBytes(kl));
          const msgBytes = new Uint8Array(randomBytes(ml));
          const want = createHmac(HASH[alg], keyBytes).update(msgBytes).digest();
          const got = kit.hmac(alg, keyBytes, msgBytes);
          assert.ok(got instanceof Uint8Array);
          assert.equal(got.length, SIZE[alg]);
          assert.deepEqual(Buffer.from(got), want, `${alg} bytes key ${kl} msg ${ml}`);

          const keyText = utf8String(kl);
          const msgText = utf8String(ml);
          // node:crypto turns strings into UTF-8 itself: an independent encoding of the same text.
          const wantText = createHmac(HASH[alg], keyText).update(msgText).digest();
          assert.deepEqual(Buffer.from(kit.hmac(alg, keyText, msgText)), wantText, `${alg} text key ${kl} msg ${ml}`);
          // mixed: string key with byte message and the other way round
          assert.deepEqual(Buffer.from(kit.hmac(alg, keyText, msgBytes)), createHmac(HASH[alg], keyText).update(msgBytes).digest());
          assert.deepEqual(Buffer.from(kit.hmac(alg, keyBytes, msgText)), createHmac(HASH[alg], keyBytes).update(msgText).digest());
          n += 4;
        }
      }
      assert.equal(n, KEY_LENGTHS.length * MSG_LENGTHS.length * 4);
    });
  }

  test('RFC 4231 test case 2 ("Jefe"), a lone surrogate (U+FFFD as node does), subarray views', () => {
    assert.equal(
      Buffer.from(kit.hmac('HS256', 'Jefe', 'what do ya want for nothing?')).toString('hex'),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    const lone = 'key\uD800tail';
    assert.deepEqual(Buffer.from(kit.hmac('HS384', lone, lone)), createHmac('sha384', lone).update(lone).digest());
    const big = new Uint8Array(randomBytes(300));
    const key = big.subarray(7, 7 + 40);
    const msg = big.subarray(100, 250);
    assert.deepEqual(Buffer.from(kit.hmac('HS512', key, msg)), createHmac('sha512', key).update(msg).digest());
  });

  test('argument errors', () => {
    throwsCode(() => kit.hmac('HS1', 'k', 'm'), 'ERR_UNKNOWN_ALG', 'alg');
    throwsCode(() => kit.hmac('none', 'k', 'm'), 'ERR_UNKNOWN_ALG', 'none');
    throwsCode(() => kit.hmac('HS256', 5, 'm'), 'ERR_INVALID_ARGUMENT', 'key number');
    throwsCode(() => kit.hmac('HS256', undefined, 'm'), 'ERR_INVALID_ARGUMENT', 'key missing');
    throwsCode(() => kit.hmac('HS256', 'k', [1, 2]), 'ERR_INVALID_ARGUMENT', 'message array');
  });

  test('dist/scalar.mjs gives the same tags (subset)', () => {
    for (const alg of ALGS) {
      for (const kl of [0, 1, 32, 64, 65, 128, 129, 1000]) {
        for (const ml of [0, 55, 56, 64, 111, 112, 128, 1000]) {
          const key = new Uint8Array(randomBytes(kl));
          const msg = new Uint8Array(randomBytes(ml));
          const want = createHmac(HASH[alg], key).update(msg).digest();
          assert.deepEqual(Buffer.from(scalar.hmac(alg, key, msg)), want, `scalar ${alg} key ${kl} msg ${ml}`);
          const kt = utf8String(kl);
          assert.deepEqual(Buffer.from(scalar.hmac(alg, kt, msg)), createHmac(HASH[alg], kt).update(msg).digest());
        }
      }
    }
  });
});

// ------------------------------------------------------------------------- RFC 7515 A.1

describe('RFC 7515 Appendix A.1', () => {
  const token =
    'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9' +
    '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ' +
    '.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const k = 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow';
  const secret = new Uint8Array(Buffer.from(k, 'base64url'));

  for (const [name, api] of [['SIMD', kit], ['scalar', scalar]]) {
    test(`${name}: the RFC's token verifies with the RFC's key, header and payload decoded`, () => {
      assert.equal(secret.length, 64);
      // exp is 1300819380 (2011): judged one second before it, the token is in its time
      const now = 1300819379;
      const r = api.verifyJwt(token, { secret, now });
      assert.equal(r.valid, true);
      assert.equal(r.alg, 'HS256');
      assert.deepEqual(r.header, { typ: 'JWT', alg: 'HS256' });
      assert.deepEqual(r.payload, { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
      assert.equal(api.verifyJwt(token, { secret, alg: 'HS256', now }).payload.iss, 'joe');
      // at exp itself it has expired, as jsonwebtoken and jose say: the error carries the report
      assert.throws(() => api.verifyJwt(token, { secret, now: 1300819380 }), (e) =>
        e.code === 'ERR_TOKEN_EXPIRED' && e.refusal === true && e.report.signature_valid === true &&
        e.report.headline === 'The signature is valid (HS256), but the token expired just now.');
      // the tag is HMAC-SHA-256 over the signing input, byte for byte
      const input = token.slice(0, token.lastIndexOf('.'));
      assert.equal(b64u(api.hmac('HS256', secret, input)), 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    });
  }

  test('altered: one bit of the tag, the payload, the key; pinned to another alg', () => {
    // change one character inside the tag (the last one carries unused bits: see ERR_TRAILING_BITS below)
    const at = token.length - 10;
    const flipped = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    throwsCode(() => kit.verifyJwt(flipped, { secret }), 'ERR_BAD_SIGNATURE', 'tag');
    const parts = token.split('.');
    const payload = b64u(Buffer.from(parts[1], 'base64url').toString().replace('joe', 'eve'));
    throwsCode(() => kit.verifyJwt(`${parts[0]}.${payload}.${parts[2]}`, { secret }), 'ERR_BAD_SIGNATURE', 'payload');
    const other = secret.slice();
    other[63] ^= 1;
    throwsCode(() => kit.verifyJwt(token, { secret: other }), 'ERR_BAD_SIGNATURE', 'key');
    throwsCode(() => kit.verifyJwt(token, { secret: secret.subarray(0, 63) }), 'ERR_BAD_SIGNATURE', 'short key');
    throwsCode(() => kit.verifyJwt(token, { secret, alg: 'HS384' }), 'ERR_ALG_MISMATCH', 'pinned');
    // the last character of a 32-byte tag has 2 unused bits, which must be zero (canonical base64url)
    throwsCode(() => kit.verifyJwt(`${token.slice(0, -1)}l`, { secret }), 'ERR_TRAILING_BITS', 'non-canonical tag');
  });
});

// ----------------------------------------------------------------------------- interop

const future = Math.floor(Date.now() / 1000) + 3600;
const PAYLOADS = [
  { sub: 'user-ü', name: 'Zoë 日本語 😀', admin: true, iat: 1700000000, exp: future },
  { n: 1.5, neg: -42, big: 2 ** 53 - 1, tiny: 1e-7, zero: 0, exp: future },
  { nested: { a: [1, { b: null, c: [true, false, 'x'] }], deep: { deeper: { deepest: 'ok' } } }, exp: future },
  { esc: 'quote " backslash \\ slash / newline \n tab \t nul \u0000 ls \u2028 ctl \u001f', exp: future },
  { long: 'x'.repeat(5000), list: Array.from({ length: 100 }, (_, i) => i * 3), exp: future },
];

const secretsFor = (alg) => [
  ['random bytes', new Uint8Array(randomBytes(SIZE[alg]))],
  ['random long bytes', new Uint8Array(randomBytes(BLOCK[alg] + 37))],
  ['UTF-8 string', utf8String(SIZE[alg] + 5)],
];

describe('interop with jose and jsonwebtoken', () => {
  for (const alg of ALGS) {
    test(`${alg}: our tokens verify in jose (jwtVerify) and jsonwebtoken (verify)`, async () => {
      for (const [kind, secret] of secretsFor(alg)) {
        const keyBytes = new Uint8Array(bytesOf(secret));
        for (const payload of PAYLOADS) {
          const token = kit.signJwt(payload, { secret, alg });
          assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
          const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url'));
          assert.deepEqual(header, { alg, typ: 'JWT' });
          const r = await jose.jwtVerify(token, keyBytes, { algorithms: [alg] });
          assert.deepEqual(r.payload, payload, `jose ${alg} ${kind}`);
          assert.deepEqual(r.protectedHeader, { alg, typ: 'JWT' });
          const j = jsonwebtoken.verify(token, Buffer.from(keyBytes), { algorithms: [alg] });
          assert.deepEqual(j, payload, `jsonwebtoken ${alg} ${kind}`);
          // ours too, and the scalar build signs the same bytes
          assert.deepEqual(kit.verifyJwt(token, { secret, alg }).payload, payload);
          assert.equal(scalar.signJwt(payload, { secret, alg }), token);
        }
        // a payload given as JSON text is signed as is
        const text = '{"b":2,"a":"ü"}';
        const t2 = kit.signJwt(text, { secret, alg });
        assert.equal(Buffer.from(t2.split('.')[1], 'base64url').toString(), text);
        assert.deepEqual((await jose.jwtVerify(t2, keyBytes, { algorithms: [alg] })).payload, { b: 2, a: 'ü' });
        // and a wrong key is refused by both libraries
        const wrong = new Uint8Array(keyBytes);
        wrong[0] ^= 0x80;
        await assert.rejects(jose.jwtVerify(t2, wrong, { algorithms: [alg] }), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
        assert.throws(() => jsonwebtoken.verify(t2, Buffer.from(wrong), { algorithms: [alg] }), /invalid signature/);
      }
    });

    test(`${alg}: jose and jsonwebtoken tokens verify in ours; another secret gives ERR_BAD_SIGNATURE`, async () => {
      for (const [kind, secret] of secretsFor(alg)) {
        const keyBytes = new Uint8Array(bytesOf(secret));
        for (const payload of PAYLOADS) {
          const viaJose = await new jose.SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT', kid: 'k-1' }).sign(keyBytes);
          for (const api of [kit, scalar]) {
            const r = api.verifyJwt(viaJose, { secret, alg });
            assert.equal(r.valid, true);
            assert.equal(r.alg, alg);
            assert.deepEqual(r.header, { alg, typ: 'JWT', kid: 'k-1' });
            assert.deepEqual(r.payload, payload, `jose -> ours ${alg} ${kind}`);
            assert.deepEqual(api.verifyJwt(viaJose, { secret }).payload, payload, 'alg taken from the header');
          }
          const viaJwt = jsonwebtoken.sign(payload, Buffer.from(keyBytes), { algorithm: alg });
          const r2 = kit.verifyJwt(viaJwt, { secret, alg });
          assert.deepEqual(r2.payload, jsonwebtoken.decode(viaJwt), `jsonwebtoken -> ours ${alg} ${kind}`);
          assert.equal(typeof r2.payload.iat, 'number');

          const other = new Uint8Array(randomBytes(keyBytes.length));
          const foreign = await new jose.SignJWT(payload).setProtectedHeader({ alg }).sign(other);
          throwsCode(() => kit.verifyJwt(foreign, { secret, alg }), 'ERR_BAD_SIGNATURE', `jose, other secret ${alg}`);
          throwsCode(() => kit.verifyJwt(jsonwebtoken.sign(payload, Buffer.from(other), { algorithm: alg }), { secret, alg }),
            'ERR_BAD_SIGNATURE', `jsonwebtoken, other secret ${alg}`);
        }
      }
    });

    test(`${alg}: our JWK imports in jose and verifies our token; k is the secret`, async () => {
      for (const [kind, secret] of secretsFor(alg)) {
        const keyBytes = bytesOf(secret);
        const jwk = kit.toJwk(secret, { alg });
        assert.deepEqual(Object.keys(jwk), ['kty', 'k', 'alg', 'use', 'kid']);
        assert.equal(jwk.kty, 'oct');
        assert.equal(jwk.alg, alg);
        assert.equal(jwk.use, 'sig');
        assert.deepEqual(Buffer.from(jwk.k, 'base64url'), keyBytes, `k of ${kind}`);
        assert.equal(jwk.k, b64u(keyBytes));
        assert.equal(jwk.kid, await jose.calculateJwkThumbprint({ kty: 'oct', k: jwk.k }));
        const key = await jose.importJWK(jwk, alg);
        const token = kit.signJwt(PAYLOADS[0], { secret, alg });
        assert.deepEqual((await jose.jwtVerify(token, key, { algorithms: [alg] })).payload, PAYLOADS[0]);
        // and jose's own export of the key has the same k
        assert.equal((await jose.exportJWK(new Uint8Array(keyBytes))).k, jwk.k);
      }
    });

    test(`${alg}: generateSecret({ format: 'jwk' }) is a fresh key of the alg's size, usable by jose and by us`, async () => {
      const seen = new Set();
      for (let i = 0; i < 20; i++) {
        const text = kit.generateSecret({ format: 'jwk', alg });
        assert.equal(typeof text, 'string');
        const jwk = JSON.parse(text);
        const key = Buffer.from(jwk.k, 'base64url');
        assert.equal(key.length, SIZE[alg]);
        assert.equal(jwk.alg, alg);
        assert.equal(jwk.kid, await jose.calculateJwkThumbprint({ kty: 'oct', k: jwk.k }));
        seen.add(jwk.k);
        if (i === 0) {
          const viaJose = await new jose.SignJWT({ a: 1 }).setProtectedHeader({ alg }).sign(await jose.importJWK(jwk, alg));
          assert.deepEqual(kit.verifyJwt(viaJose, { secret: new Uint8Array(key), alg }).payload, { a: 1 });
        }
      }
      assert.equal(seen.size, 20);
    });
  }

  test('kid equals jose calculateJwkThumbprint({kty, k}) for many random keys (1..300 bytes)', async () => {
    for (let i = 0; i < 300; i++) {
      const n = i < 100 ? i + 1 : randomInt(1, 301);
      const key = new Uint8Array(randomBytes(n));
      const alg = ALGS[i % 3];
      const jwk = (i % 2 ? scalar : kit).toJwk(key, { alg });
      assert.equal(jwk.k, b64u(key));
      assert.equal(jwk.kid, await jose.calculateJwkThumbprint({ kty: 'oct', k: jwk.k }), `key of ${n} bytes`);
    }
    // text secrets: the thumbprint is over the UTF-8 bytes
    const s = 'pässwörd-ключ-🔑';
    assert.equal(kit.toJwk(s).kid, await jose.calculateJwkThumbprint({ kty: 'oct', k: b64u(Buffer.from(s)) }));
    assert.equal(kit.toJwk(s).alg, 'HS256', 'HS256 by default');
  });

  test('toJwks: both kids, distinct, current first and previous second', () => {
    for (const alg of ALGS) {
      const current = new Uint8Array(randomBytes(SIZE[alg]));
      const previous = new Uint8Array(randomBytes(SIZE[alg]));
      const set = kit.toJwks(current, previous, { alg });
      assert.deepEqual(Object.keys(set), ['keys']);
      assert.equal(set.keys.length, 2);
      assert.deepEqual(set.keys[0], kit.toJwk(current, { alg }));
      assert.deepEqual(set.keys[1], kit.toJwk(previous, { alg }));
      assert.notEqual(set.keys[0].kid, set.keys[1].kid);
      assert.equal(set.keys[1].k, b64u(previous));
      const single = kit.toJwks(current, undefined, { alg });
      assert.equal(single.keys.length, 1);
      assert.deepEqual(single.keys[0], set.keys[0]);
      assert.deepEqual(kit.toJwks(current, null, { alg }), single);
    }
    throwsCode(() => kit.toJwks(undefined, 'x'.repeat(32)), 'ERR_INVALID_ARGUMENT', 'current missing');
    throwsCode(() => kit.toJwk(undefined), 'ERR_INVALID_ARGUMENT', 'toJwk secret missing');
    throwsCode(() => kit.toJwk(''), 'ERR_OUT_OF_RANGE', 'toJwk empty secret');
    throwsCode(() => kit.toJwk('x'.repeat(32), { alg: 'RS256' }), 'ERR_UNKNOWN_ALG', 'toJwk RS256');
  });
});

// ---------------------------------------------------------------------------- refusals

describe('verifyJwt and signJwt refuse with stable codes', () => {
  const S = 'k'.repeat(64); // any key: the refusals come before the signature
  const forge = (header, payload = '{"sub":"1"}', alg = 'HS256') => handSign(alg, S, payload, header);

  test('alg "none": the unsecured form (empty signature) and with a signature', () => {
    const withTag = forge('{"alg":"none"}');
    throwsCode(() => kit.verifyJwt(withTag, { secret: S }), 'ERR_ALG_NONE', 'none with a tag');
    throwsCode(() => kit.verifyJwt(forge('{"alg":"none","typ":"JWT"}'), { secret: S, alg: 'HS256' }), 'ERR_ALG_NONE', 'none pinned');
  });

  test('alg "none" as an attacker sends it: header.payload. (RFC 7519 section 6.1 unsecured JWT)', () => {
    const unsecured = `${b64u('{"alg":"none"}')}.${b64u('{"sub":"admin"}')}.`;
    // It must be refused; the code should say why (ERR_ALG_NONE), not only that it is malformed.
    throwsCode(() => kit.verifyJwt(unsecured, { secret: S }), 'ERR_ALG_NONE', 'unsecured none token');
  });

  test('a real RS256 token (jose generateKeyPair + SignJWT): ERR_ALG_NOT_HMAC, also pinned', async () => {
    const { privateKey } = await jose.generateKeyPair('RS256');
    const token = await new jose.SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    throwsCode(() => kit.verifyJwt(token, { secret: S }), 'ERR_ALG_NOT_HMAC', 'RS256');
    throwsCode(() => kit.verifyJwt(token, { secret: S, alg: 'HS256' }), 'ERR_ALG_NOT_HMAC', 'RS256 pinned');
    throwsCode(() => kit.auditToken(token), 'ERR_ALG_NOT_HMAC', 'audit RS256');
    throwsCode(() => kit.verifyJwt(forge('{"alg":"hs256"}'), { secret: S }), 'ERR_ALG_NOT_HMAC', 'lowercase alg');
    throwsCode(() => kit.verifyJwt(forge('{"alg":"HS1024"}'), { secret: S }), 'ERR_ALG_NOT_HMAC', 'HS1024');
    throwsCode(() => kit.verifyJwt(token, { secret: S, alg: 'RS256' }), 'ERR_UNKNOWN_ALG', 'pinning RS256');
  });

  test('crit, duplicate alg, pinned alg mismatch', () => {
    throwsCode(() => kit.verifyJwt(forge('{"alg":"HS256","crit":["exp"],"exp":1}'), { secret: S }), 'ERR_CRIT', 'crit');
    throwsCode(() => kit.verifyJwt(forge('{"alg":"HS256","crit":[]}'), { secret: S }), 'ERR_CRIT', 'empty crit');
    throwsCode(() => kit.verifyJwt(forge('{"alg":"HS256","alg":"HS256"}'), { secret: S }), 'ERR_BAD_JSON', 'duplicate alg');
    throwsCode(() => kit.verifyJwt(forge('{"alg":"none","alg":"HS256"}'), { secret: S }), 'ERR_BAD_JSON', 'duplicate alg none first');
    throwsCode(() => kit.verifyJwt(forge('{"alg":"HS256","alg":"none"}'), { secret: S }), 'ERR_BAD_JSON', 'duplicate alg none last');
    const hs256 = kit.signJwt({ a: 1 }, { secret: S, alg: 'HS256' });
    throwsCode(() => kit.verifyJwt(hs256, { secret: S, alg: 'HS512' }), 'ERR_ALG_MISMATCH', 'pinned HS512');
    throwsCode(() => kit.verifyJwt(hs256, { secret: S, alg: 'HS384' }), 'ERR_ALG_MISMATCH', 'pinned HS384');
    const hs512 = kit.signJwt({ a: 1 }, { secret: S, alg: 'HS512' });
    throwsCode(() => kit.verifyJwt(hs512, { secret: S, alg: 'HS256' }), 'ERR_ALG_MISMATCH', 'pinned HS256');
    assert.equal(kit.verifyJwt(hs512, { secret: S, alg: 'HS512' }).valid, true);
  });

  test('shape: extra dots, padding, tag length, empty token, oversize', () => {
    const good = kit.signJwt({ a: 1 }, { secret: S });
    const [h, p, t] = good.split('.');
    for (const bad of [`${good}.`, `${h}..${p}.${t}`, `.${good}`, `${good}.x.y`, `${h}.${p}`, `${h}`, '..', '.', 'a.b.c.d.e']) {
      throwsCode(() => kit.verifyJwt(bad, { secret: S }), 'ERR_MALFORMED_TOKEN', `malformed ${JSON.stringify(bad.slice(0, 20))}`);
    }
    throwsCode(() => kit.verifyJwt('', { secret: S }), 'ERR_MALFORMED_TOKEN', 'empty token');
    throwsCode(() => kit.verifyJwt(`${good}=`, { secret: S }), 'ERR_BAD_PADDING', 'padded tag');
    throwsCode(() => kit.verifyJwt(`${h}=.${p}.${t}`, { secret: S }), 'ERR_BAD_PADDING', 'padded header');
    throwsCode(() => kit.verifyJwt(`${h}.${p}==.${t}`, { secret: S }), 'ERR_BAD_PADDING', 'padded payload');
    throwsCode(() => kit.verifyJwt(`${h}.${p}.${t.slice(0, -1)}`, { secret: S }), 'ERR_BAD_TAG_LENGTH', 'tag one char short');
    throwsCode(() => kit.verifyJwt(`${h}.${p}.${t}A`, { secret: S }), 'ERR_BAD_TAG_LENGTH', 'tag one char long');
    const tag512 = createHmac('sha512', S).update(`${h}.${p}`).digest('base64url');
    throwsCode(() => kit.verifyJwt(`${h}.${p}.${tag512}`, { secret: S }), 'ERR_BAD_TAG_LENGTH', 'HS512-sized tag on HS256');
    throwsCode(() => kit.verifyJwt(`${h}.${p}.${t.slice(0, 22)}`, { secret: S }), 'ERR_BAD_TAG_LENGTH', 'truncated tag (16 bytes)');
    throwsCode(() => kit.verifyJwt(good.replace('.', '.+'), { secret: S }), 'ERR_MALFORMED_TOKEN', 'base64 +');
    throwsCode(() => kit.verifyJwt(` ${good}`, { secret: S }), 'ERR_MALFORMED_TOKEN', 'leading space');
    throwsCode(() => kit.verifyJwt(`${good}\n`, { secret: S }), 'ERR_MALFORMED_TOKEN', 'trailing newline');
    const huge = handSign('HS256', S, { x: 'a'.repeat((1 << 20) + 10) });
    assert.ok(huge.length > 1 << 20);
    throwsCode(() => kit.verifyJwt(huge, { secret: S }), 'ERR_TOO_LARGE', '1 MiB+ token');
    throwsCode(() => kit.signJwt({ x: 'a'.repeat((1 << 20) + 10) }, { secret: S }), 'ERR_TOO_LARGE', '1 MiB+ payload');
    throwsCode(() => kit.auditToken(handSign('HS256', S, { x: 'a'.repeat(9000) })), 'ERR_TOO_LARGE', 'audit of a long token');
  });

  test('header: not JSON, not an object, without alg, alg not a string', () => {
    throwsCode(() => kit.verifyJwt(forge('not json'), { secret: S }), 'ERR_BAD_JSON', 'not JSON');
    throwsCode(() => kit.verifyJwt(forge('{"alg":"HS256"'), { secret: S }), 'ERR_BAD_JSON', 'truncated JSON');
    throwsCode(() => kit.verifyJwt(forge('["HS256"]'), { secret: S }), 'ERR_BAD_JSON', 'array');
    throwsCode(() => kit.verifyJwt(forge('"HS256"'), { secret: S }), 'ERR_BAD_JSON', 'string');
    throwsCode(() => kit.verifyJwt(forge('null'), { secret: S }), 'ERR_BAD_JSON', 'null');
    throwsCode(() => kit.verifyJwt(forge('{"alg":"HS256"} x'), { secret: S }), 'ERR_BAD_JSON', 'trailing garbage');
    throwsCode(() => kit.verifyJwt(forge('{"typ":"JWT"}'), { secret: S }), 'ERR_MISSING_ALG', 'no alg');
    throwsCode(() => kit.verifyJwt(forge('{}'), { secret: S }), 'ERR_MISSING_ALG', 'empty object');
    throwsCode(() => kit.verifyJwt(forge('{"alg":256}'), { secret: S }), 'ERR_BAD_JSON', 'alg a number');
    // whitespace and escapes are JSON: accepted
    assert.equal(kit.verifyJwt(forge(' {\r\n "alg" : "HS256" } '), { secret: S }).alg, 'HS256');
    assert.equal(kit.verifyJwt(forge('{"alg":"\\u0048S256"}'), { secret: S }).alg, 'HS256');
  });

  test('arguments: secret missing or of the wrong type, unknown options', () => {
    const good = kit.signJwt({ a: 1 }, { secret: S });
    throwsCode(() => kit.verifyJwt(good, {}), 'ERR_INVALID_ARGUMENT', 'verify without secret');
    throwsCode(() => kit.verifyJwt(good), 'ERR_INVALID_ARGUMENT', 'verify without options');
    throwsCode(() => kit.verifyJwt(good, { secret: 42 }), 'ERR_INVALID_ARGUMENT', 'secret a number');
    throwsCode(() => kit.verifyJwt(good, { secret: S, algorithm: 'HS256' }), 'ERR_INVALID_ARGUMENT', 'unknown option');
    throwsCode(() => kit.verifyJwt(42, { secret: S }), 'ERR_INVALID_ARGUMENT', 'token a number');
    throwsCode(() => kit.signJwt({ a: 1 }, {}), 'ERR_INVALID_ARGUMENT', 'sign without secret');
    throwsCode(() => kit.signJwt({ a: 1 }), 'ERR_INVALID_ARGUMENT', 'sign without options');
    throwsCode(() => kit.signJwt({ a: 1 }, { secret: S, alg: 'none' }), 'ERR_UNKNOWN_ALG', 'sign alg none');
    throwsCode(() => kit.signJwt({ a: 1 }, { secret: S, alg: 'RS256' }), 'ERR_UNKNOWN_ALG', 'sign alg RS256');
  });

  test('secretCheck: the checker\'s report on the secret goes into the core\'s verdict, as the CLI\'s verify gives it', () => {
    const now = 1700000000;
    for (const [secret, weak] of [['k'.repeat(32), true], ['your-256-bit-secret-your-256-bit', true], [randomBytes(32).toString('base64url'), false]]) {
      const token = kit.signJwt({ sub: '1', exp: now + 60 }, { secret });
      const check = kit.checkSecret(secret, { alg: 'HS256' });
      assert.equal(check.verdict === 'weak', weak, secret);
      const r = kit.verifyJwt(token, { secret, alg: 'HS256', now, secretCheck: check });
      assert.deepEqual([r.valid, r.verdict], [true, weak ? 'valid-with-warnings' : 'valid'], secret);
      assert.equal(r.findings.some((f) => f.code === 'WEAK_SECRET' && f.severity === 'danger' && f.message.includes(check.meaning)), weak);
      if (weak) assert.match(r.headline, /^The signature is valid \(HS256\), but the secret itself is weak: /);
      // Without the checker's report nothing is judged: the plain verdict.
      assert.equal(kit.verifyJwt(token, { secret, alg: 'HS256', now }).verdict, 'valid');
      // The CLI runs the same analyzer and the same report: the same findings, message for message.
      const cli = spawnSync(process.execPath, [new URL('../../dist/cli.mjs', import.meta.url).pathname, 'verify', token, '--secret', secret,
        '--alg', 'HS256', '--now', String(now), '--json'], { encoding: 'utf8' });
      assert.deepEqual(JSON.parse(cli.stdout).findings, r.findings, secret);
    }
    // Every key format verifyJwt takes is judged the same way (checkSecret's secretFormat): text,
    // base64, base64url, hex as those encodings, a JWK by its k (read here with JSON.parse); the CLI
    // judges them alike. An encoding and a key format together are refused by the core.
    for (const [bytes, weak] of [[Buffer.from('k'.repeat(32)), true], [randomBytes(32), false]]) {
      const token = kit.signJwt({ sub: '1', exp: now + 60 }, { secret: bytes });
      const written = { text: bytes.toString('latin1'), base64: bytes.toString('base64'), base64url: bytes.toString('base64url'),
        hex: bytes.toString('hex'), jwk: JSON.stringify({ kty: 'oct', kid: 'x', k: bytes.toString('base64url'), alg: 'HS256' }) };
      for (const [format, secret] of Object.entries(written)) {
        if (format === 'text' && !weak) continue; // random bytes are no text
        const check = kit.checkSecret(secret, { secretFormat: format });
        const alone = format === 'jwk' ? kit.checkSecret(JSON.parse(secret).k, { encoding: 'base64url' })
          : kit.checkSecret(secret, { encoding: format === 'text' ? 'raw' : format });
        assert.deepEqual([check.verdict, check.entropy_bits, check.key_bytes], [alone.verdict, alone.entropy_bits, 32], format);
        assert.equal(check.verdict === 'weak', weak, `${format}: ${check.verdict}`);
        const r = kit.verifyJwt(token, { secret, secretFormat: format, alg: 'HS256', now, secretCheck: check });
        assert.equal(r.verdict, weak ? 'valid-with-warnings' : 'valid', format);
        const cli = spawnSync(process.execPath, [new URL('../../dist/cli.mjs', import.meta.url).pathname, 'verify', token, '--secret', secret,
          '--secret-format', format, '--alg', 'HS256', '--now', String(now), '--json'], { encoding: 'utf8' });
        assert.deepEqual(JSON.parse(cli.stdout).findings, r.findings, format);
      }
    }
    // A JWK that names its alg pins it, for the checker as for verification: judged for HS512 with
    // no alg given, as the CLI judges it.
    const jwk512 = JSON.stringify({ kty: 'oct', k: Buffer.from('k'.repeat(64)).toString('base64url'), alg: 'HS512' });
    const token512 = kit.signJwt({ sub: '1', exp: now + 60 }, { secret: jwk512, secretFormat: 'jwk' });
    const check512 = kit.checkSecret(jwk512, { secretFormat: 'jwk' });
    assert.deepEqual([check512.alg, check512.verdict], ['HS512', 'weak']);
    const r512 = kit.verifyJwt(token512, { secret: jwk512, secretFormat: 'jwk', now, secretCheck: check512 });
    const cli512 = spawnSync(process.execPath, [new URL('../../dist/cli.mjs', import.meta.url).pathname, 'verify', token512, '--secret', jwk512,
      '--secret-format', 'jwk', '--now', String(now), '--json'], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(cli512.stdout).findings, r512.findings);
    throwsCode(() => kit.checkSecret('secret', { secretFormat: 'text', encoding: 'raw' }), 'ERR_OPTION_CONFLICT', 'encoding and secretFormat');
    throwsCode(() => kit.checkSecret('secret', { secretFormat: 'pem' }), 'ERR_UNKNOWN_FORMAT', 'secretFormat pem');
    throwsCode(() => kit.checkSecret('{"kty":"oct"}', { secretFormat: 'jwk' }), 'ERR_BAD_JWK', 'a JWK without k');
    throwsCode(() => kit.checkSecret(JSON.stringify({ kty: 'oct', k: 'AAAA', alg: 'HS256' }), { secretFormat: 'jwk', alg: 'HS384' }),
      'ERR_ALG_MISMATCH', 'a JWK for another alg');
    // A wrong signature stays invalid (its report has no WEAK_SECRET); secretCheck must be a report.
    const token = kit.signJwt({ exp: now + 60 }, { secret: 'k'.repeat(32) });
    const weakCheck = kit.checkSecret('k'.repeat(33));
    assert.throws(() => kit.verifyJwt(token, { secret: 'k'.repeat(33), now, secretCheck: weakCheck }),
      (e) => e.code === 'ERR_BAD_SIGNATURE' && !e.report.findings.some((f) => f.code === 'WEAK_SECRET'));
    for (const bad of [null, 'weak', {}, { verdict: 'poor' }]) {
      throwsCode(() => kit.verifyJwt(token, { secret: 'k'.repeat(32), now, secretCheck: bad }), 'ERR_INVALID_ARGUMENT', JSON.stringify(bad));
    }
  });

  test('signJwt: a key shorter than the alg size is ERR_KEY_TOO_SHORT (counted in UTF-8 bytes)', () => {
    for (const alg of ALGS) {
      const n = SIZE[alg];
      throwsCode(() => kit.signJwt({ a: 1 }, { secret: 'x'.repeat(n - 1), alg }), 'ERR_KEY_TOO_SHORT', `${alg} ${n - 1} chars`);
      throwsCode(() => kit.signJwt({ a: 1 }, { secret: new Uint8Array(n - 1), alg }), 'ERR_KEY_TOO_SHORT', `${alg} ${n - 1} bytes`);
      throwsCode(() => kit.signJwt({ a: 1 }, { secret: '', alg }), 'ERR_KEY_TOO_SHORT', `${alg} empty`);
      assert.ok(kit.signJwt({ a: 1 }, { secret: 'x'.repeat(n), alg }));
      // 'é' is 2 bytes: n/2 of them is exactly n bytes although only n/2 characters
      assert.ok(kit.signJwt({ a: 1 }, { secret: 'é'.repeat(n / 2), alg }));
      throwsCode(() => kit.signJwt({ a: 1 }, { secret: `${'é'.repeat(n / 2 - 1)}x`, alg }), 'ERR_KEY_TOO_SHORT', `${alg} n-1 UTF-8 bytes`);
    }
    throwsCode(() => kit.signJwt({ a: 1 }, { secret: 'your-256-bit-secret' }), 'ERR_KEY_TOO_SHORT', 'jwt.io secret');
  });

  test('signJwt: payload must be a JSON object (value or text)', () => {
    const secret = S;
    for (const [payload, what] of [
      [[1, 2], 'array'], ['[1,2]', 'array text'], ['{bad', 'invalid text'], ['', 'empty text'], ['"str"', 'string text'],
      ['{"a":1} {"b":2}', 'two objects'], ['{"a":1,}', 'trailing comma'], [null, 'null'], [5, 'number'], [true, 'boolean'],
    ]) {
      throwsCode(() => kit.signJwt(payload, { secret }), 'ERR_BAD_JSON', `payload ${what}`);
    }
  });
});

// -------------------------------------------------------------------------------- audit

describe('auditToken', () => {
  // The number of built-in candidates, per alg, as the audit reports it for a token it does not crack.
  const builtinTried = {};
  for (const alg of ALGS) {
    builtinTried[alg] = kit.auditToken(handSign(alg, `not-a-weak-secret-${alg}-${randomInt(1e9)}`)).tried;
  }

  test('known secrets are found in the built-in list, for each alg, in the same list position', () => {
    const positions = {};
    for (const secret of ['your-256-bit-secret', 'keyboard cat', 'secret', 'Password123', 'password123', 'changeme', 'shhhhh', 'SECRET']) {
      for (const alg of ALGS) {
        const r = kit.auditToken(handSign(alg, secret));
        assert.equal(r.found, true, `${secret} ${alg}`);
        assert.equal(r.secret, secret);
        assert.equal(r.alg, alg);
        assert.equal(r.source, 'builtin');
        assert.equal(r.cancelled, false);
        assert.ok(r.tried >= 1 && r.tried <= builtinTried[alg]);
        assert.equal(typeof r.seconds, 'number');
        (positions[secret] ??= {})[alg] = r.tried;
      }
    }
    assert.equal(positions['your-256-bit-secret'].HS256, 1, "jwt.io's secret is tried first");
    // The list is the same bytes for every alg, so a secret sits at the same position for all three.
    for (const [secret, at] of Object.entries(positions)) {
      assert.equal(at.HS384, at.HS512, `${secret}: position HS384 vs HS512`);
      assert.equal(at.HS256, at.HS512, `${secret}: position HS256 vs HS512 (${JSON.stringify(at)})`);
    }
  });

  test('not found: tried = built-in count (same for every alg) + wordlist lines', () => {
    assert.ok(builtinTried.HS256 > 10000, `built-in list of ${builtinTried.HS256}`);
    const wordlist = lines('alpha', 'beta', '', 'gamma delta', 'x'.repeat(300), 'y'.repeat(100), 'z'.repeat(64), 'last');
    for (const alg of ALGS) {
      const token = handSign(alg, `nope-${randomInt(1e9)}`);
      const r = kit.auditToken(token, { wordlist });
      assert.equal(r.found, false);
      assert.equal(r.secret, null);
      assert.equal(r.source, null);
      assert.equal(r.cancelled, false);
      assert.equal(r.tried, builtinTried[alg] + 8, `${alg}: built-in + 8 lines`);
      assert.equal(kit.auditToken(token, { builtin: false }).tried, 0, 'nothing to try');
    }
    assert.equal(builtinTried.HS384, builtinTried.HS512);
    assert.equal(builtinTried.HS256, builtinTried.HS512, `built-in count HS256 ${builtinTried.HS256} vs HS512 ${builtinTried.HS512}`);
  });

  test('tried counts every wordlist line once, long lines included (wherever they fall in a lane batch)', () => {
    const problems = [];
    for (const alg of ALGS) {
      // found: tried is the 1-based position of the line, for a long secret at each lane position
      const longSecret = `S${'s'.repeat(199)}`;
      const tLong = handSign(alg, longSecret);
      for (let before = 0; before < 6; before++) {
        const items = [...Array.from({ length: before }, (_, i) => `w${i}`), longSecret, 'after'];
        for (const [name, api] of [['SIMD', kit], ['scalar', scalar]]) {
          const r = api.auditToken(tLong, { wordlist: lines(...items), builtin: false });
          assert.equal(r.secret, longSecret);
          if (r.tried !== before + 1) problems.push(`${name} ${alg}: 200-byte secret on line ${before + 1} reported tried ${r.tried}`);
        }
      }
    }
    for (const alg of ALGS) {
      const token = handSign(alg, `nope-${randomInt(1e9)}`);
      const long = 'L'.repeat(200);
      for (const items of [
        ['a', 'b', 'c', 'd', 'e'],
        [long, 'a', 'b', 'c', 'd'],
        ['a', long, 'b'],
        ['a', 'b', 'c', long, 'd', 'e'],
        ['a', 'b', 'c', 'd', long],
        [long, long, 'a', long],
      ]) {
        for (const [name, api] of [['SIMD', kit], ['scalar', scalar]]) {
          const tried = api.auditToken(token, { wordlist: lines(...items), builtin: false }).tried;
          if (tried !== items.length) {
            problems.push(`${name} ${alg}: not found in [${items.map((s) => (s.length > 10 ? `<${s.length} bytes>` : s)).join(',')}] reported tried ${tried}`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  for (const alg of ALGS) {
    test(`${alg}: wordlist secrets taken exactly: spaces, CRLF, empty line, longer than a block`, () => {
      const spaced = ' pass word ';
      const t1 = handSign(alg, spaced);
      const wl1 = lines('pass word', 'pass word ', ' pass word', 'password', spaced, 'after');
      const r1 = kit.auditToken(t1, { wordlist: wl1, builtin: false });
      assert.deepEqual(strip(r1), { found: true, secret: spaced, alg, tried: 5, source: 'wordlist', cancelled: false });
      assert.equal(kit.auditToken(t1, { wordlist: wl1 }).tried, builtinTried[alg] + 5, 'after the built-in list');
      assert.equal(kit.auditToken(t1, { wordlist: lines('pass word', 'password'), builtin: false }).found, false, 'never trimmed');

      // CRLF: "\r\n" ends a line, the "\r" is not part of the secret; a lone "\r" elsewhere is kept
      const crlf = ['one', 'two', 'three', 'four', 'five', 'Tr0ub4dor&3'].join('\r\n') + '\r\n';
      const r2 = kit.auditToken(handSign(alg, 'Tr0ub4dor&3'), { wordlist: crlf, builtin: false });
      assert.deepEqual(strip(r2), { found: true, secret: 'Tr0ub4dor&3', alg, tried: 6, source: 'wordlist', cancelled: false });
      const r2b = kit.auditToken(handSign(alg, 'a\rb'), { wordlist: 'x\r\na\rb\r\n', builtin: false });
      assert.equal(r2b.secret, 'a\rb');
      assert.equal(kit.auditToken(handSign(alg, 'five'), { wordlist: 'four\r\nfive', builtin: false }).secret, 'five', 'last line without a terminator');

      // the empty line is a candidate (the empty key)
      const r3 = kit.auditToken(handSign(alg, ''), { wordlist: lines('x', 'y', '', 'z'), builtin: false });
      assert.deepEqual(strip(r3), { found: true, secret: '', alg, tried: 3, source: 'wordlist', cancelled: false });
      assert.equal(kit.auditToken(handSign(alg, ''), { wordlist: 'x\r\n\r\ny', builtin: false }).secret, '', 'empty CRLF line');

      // a 200-byte secret (longer than the 64/128-byte block: HMAC hashes it first), at each lane position
      const long = Buffer.from(randomBytes(150)).toString('base64url').slice(0, 200);
      assert.equal(long.length, 200);
      const tLong = handSign(alg, long);
      for (let before = 0; before < 6; before++) {
        const items = [...Array.from({ length: before }, (_, i) => `w${i}`), long, 'after'];
        const r4 = kit.auditToken(tLong, { wordlist: lines(...items), builtin: false });
        assert.equal(r4.found, true, `long secret after ${before} lines`);
        assert.equal(r4.secret, long);
        assert.equal(r4.source, 'wordlist');
        // (its tried count is checked in the counting test below)
      }
      // and a long line that is not the secret does not hide a later short one
      const r4b = kit.auditToken(handSign(alg, 'short'), { wordlist: lines('a', long, 'b', 'short'), builtin: false });
      assert.equal(r4b.secret, 'short');
      // boundary: exactly a block (not hashed) and a block + 1 (hashed)
      for (const n of [BLOCK[alg], BLOCK[alg] + 1]) {
        const s = utf8String(n);
        const r5 = kit.auditToken(handSign(alg, s), { wordlist: lines('a', 'b', s), builtin: false });
        assert.equal(r5.secret, s, `${n}-byte UTF-8 secret`);
      }
    });
  }

  test('HMAC zero padding: "k" and "k\\0" give the same tag; the first match in list order is reported', () => {
    for (const alg of ALGS) {
      const token = handSign(alg, 'k');
      for (const api of [kit, scalar]) {
        const run = (...items) => {
          const r = api.auditToken(token, { wordlist: lines(...items), builtin: false });
          assert.equal(r.found, true);
          return [r.secret, r.tried];
        };
        assert.deepEqual(run('k', 'k\0'), ['k', 1]);
        assert.deepEqual(run('k\0', 'k'), ['k\0', 1]);
        assert.deepEqual(run('a', 'b', 'k\0', 'k'), ['k\0', 3], 'same lane batch');
        assert.deepEqual(run('a', 'b', 'k', 'k\0'), ['k', 3], 'same lane batch, other order');
        assert.deepEqual(run('a', 'b', 'c', 'k\0\0', 'k'), ['k\0\0', 4], 'last lane');
        assert.deepEqual(run('a', 'b', 'c', 'd', 'k', 'k\0'), ['k', 5], 'second batch');
        assert.deepEqual(run('k\0'.padEnd(BLOCK[alg], '\0'), 'k'), ['k'.padEnd(BLOCK[alg], '\0'), 1], 'padded to a full block');
        // one byte more than a block is hashed instead: no longer equivalent
        assert.deepEqual(run('k'.padEnd(BLOCK[alg] + 1, '\0'), 'x', 'k'), ['k', 3], 'block + 1 is not equivalent');
        // through chunks: the earlier equivalent wins even when it is in an earlier chunk
        const r = api.auditToken(token, { wordlist: lines('aaaa', 'k\0', 'bbbb', 'k'), builtin: false, chunkBytes: 3 });
        assert.equal(r.secret, 'k\0');
      }
    }
  });

  test('onProgress: increasing counts, last one = tried; returning false cancels', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word-${i}`);
    const wordlist = lines(...words);
    for (const alg of ALGS) {
      const token = handSign(alg, `nope-${randomInt(1e9)}`);
      const seen = [];
      const r = kit.auditToken(token, { wordlist, builtin: false, chunkBytes: 1000, onProgress: (n) => void seen.push(n) });
      assert.equal(r.tried, 3000);
      assert.ok(seen.length >= 20, `${seen.length} progress calls`);
      for (let i = 1; i < seen.length; i++) assert.ok(seen[i] > seen[i - 1], 'strictly increasing');
      assert.equal(seen.at(-1), r.tried);

      const calls = [];
      const c = kit.auditToken(token, { wordlist, builtin: false, chunkBytes: 1000, onProgress: (n) => (calls.push(n), calls.length < 3) });
      assert.equal(c.cancelled, true);
      assert.equal(c.found, false);
      assert.equal(c.secret, null);
      assert.equal(calls.length, 3);
      assert.equal(c.tried, calls[2]);
      assert.ok(c.tried < 3000);
      // a secret after the cancel point is not reached; returning undefined/true goes on
      const tFar = handSign(alg, 'word-2999');
      assert.equal(kit.auditToken(tFar, { wordlist, builtin: false, chunkBytes: 1000, onProgress: () => false }).found, false);
      assert.equal(kit.auditToken(tFar, { wordlist, builtin: false, chunkBytes: 1000, onProgress: () => true }).secret, 'word-2999');
      // over the built-in list too
      const b = [];
      const rb = kit.auditToken(token, { chunkBytes: 50000, onProgress: (n) => (b.push(n), b.length < 2) });
      assert.equal(rb.cancelled, true);
      assert.equal(rb.tried, b[1]);
      assert.ok(rb.tried < builtinTried[alg]);
    }
    throwsCode(() => kit.auditToken(handSign('HS256', 'x'), { onProgress: 5 }), 'ERR_INVALID_ARGUMENT', 'onProgress not a function');
    throwsCode(() => kit.auditToken(handSign('HS256', 'x'), { chunkBytes: 0 }), 'ERR_OUT_OF_RANGE', 'chunkBytes 0');
    throwsCode(() => kit.auditToken(handSign('HS256', 'x'), { wordlists: 'a' }), 'ERR_INVALID_ARGUMENT', 'unknown option');
  });

  test('shards: for count 1..4 exactly one shard finds the secret; not found, tried sums to the unsharded total', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `cand-${i}-${'p'.repeat(i % 7)}`);
    words.splice(1234, 0, 'sh4rd-s3cret');
    const wordlist = lines(...words);
    const problems = [];
    for (const alg of ALGS) {
      const hit = handSign(alg, 'sh4rd-s3cret');
      const miss = handSign(alg, `nope-${randomInt(1e9)}`);
      const total = kit.auditToken(miss, { wordlist }).tried;
      assert.equal(total, builtinTried[alg] + words.length);
      for (let count = 1; count <= (alg === 'HS256' ? 4 : 3); count++) {
        let found = 0;
        let sum = 0;
        let sumWordlistOnly = 0;
        for (let index = 0; index < count; index++) {
          const r = kit.auditToken(hit, { wordlist, shard: { index, count } });
          if (r.found) {
            found++;
            assert.equal(r.secret, 'sh4rd-s3cret');
            assert.equal(r.source, 'wordlist');
          }
          sum += kit.auditToken(miss, { wordlist, shard: { index, count } }).tried;
          sumWordlistOnly += kit.auditToken(miss, { wordlist, builtin: false, shard: { index, count } }).tried;
        }
        assert.equal(found, 1, `${alg} count ${count}: shards that found it`);
        assert.equal(sumWordlistOnly, words.length, `${alg} count ${count}: wordlist-only shards`);
        if (sum !== total) problems.push(`${alg} ${count} shards: tried sums to ${sum}, unsharded ${total}`);
      }
    }
    assert.deepEqual(problems, [], 'sum of tried over the shards = the unsharded total');
    const t = handSign('HS256', 'x');
    for (const shard of [{ index: 2, count: 2 }, { index: -1, count: 2 }, { index: 0, count: 0 }, { index: 0.5, count: 2 }, { index: 0 }]) {
      throwsCode(() => kit.auditToken(t, { wordlist: 'a', builtin: false, shard }), 'ERR_INVALID_ARGUMENT', JSON.stringify(shard));
    }
  });

  test('SIMD (index.mjs) and scalar (scalar.mjs) give identical results', () => {
    const long = 'Q'.repeat(150);
    const wordlist = lines('alpha', 'k\0', long, 'beta', ' spaced ', '', 'x'.repeat(129), 'tail');
    for (const alg of ALGS) {
      const cases = [
        [handSign(alg, 'keyboard cat'), {}],
        [handSign(alg, 'Password123'), {}],
        [handSign(alg, 'k'), { wordlist }],
        [handSign(alg, long), { wordlist, builtin: false }],
        [handSign(alg, ' spaced '), { wordlist, builtin: false }],
        [handSign(alg, ''), { wordlist, builtin: false, chunkBytes: 7 }],
        [handSign(alg, 'tail'), { wordlist, builtin: false, shard: { index: 1, count: 2 } }],
        [handSign(alg, `nope-${randomInt(1e9)}`), { wordlist }],
      ];
      for (const [token, options] of cases) {
        const a = kit.auditToken(token, options);
        const b = scalar.auditToken(token, options);
        assert.deepEqual(strip(a), strip(b), `${alg} ${JSON.stringify(options).slice(0, 60)}`);
      }
      let na = 0;
      let nb = 0;
      const a = kit.auditToken(handSign(alg, 'zz'), { chunkBytes: 20000, onProgress: () => ++na < 3 });
      const b = scalar.auditToken(handSign(alg, 'zz'), { chunkBytes: 20000, onProgress: () => ++nb < 3 });
      assert.deepEqual(strip(a), strip(b), 'cancelled');
    }
  });

  test('createAudit: alg, incremental lines across calls, final, close', () => {
    for (const alg of ALGS) {
      const a = kit.createAudit(handSign(alg, 'split-secret'));
      assert.equal(a.alg, alg);
      assert.equal(a.tried, 0);
      assert.deepEqual(a.tryLines(utf8.encode('one\ntwo\nspl')), { found: false });
      assert.equal(a.tried, 2, 'the unterminated line waits');
      const r = a.tryLines(utf8.encode('it-secret\r\nthree\n'));
      assert.equal(r.found, true);
      assert.equal(Buffer.from(r.line).toString(), 'split-secret');
      assert.equal(a.tried, 3);
      a.close();
      a.close();
      throwsCode(() => a.tryLines(utf8.encode('x\n')), 'ERR_INVALID_ARGUMENT', 'closed');

      const b = kit.createAudit(handSign(alg, 'last'));
      assert.deepEqual(b.tryLines(utf8.encode('a\nlast')), { found: false });
      assert.equal(b.tryLines(new Uint8Array(0), true).found, true, 'final flushes the kept line');
      b.close();
    }
    throwsCode(() => kit.createAudit(''), 'ERR_MALFORMED_TOKEN', 'empty');
    throwsCode(() => kit.createAudit(`${b64u('{"alg":"none"}')}.${b64u('{}')}.${b64u('sig')}`), 'ERR_ALG_NONE', 'none');
    throwsCode(() => kit.createAudit(42), 'ERR_INVALID_ARGUMENT', 'number');
  });
});

// ------------------------------------------------------------------------- heap hygiene

describe('heap hygiene: no copy of a secret stays in WASM memory', () => {
  const heaps = () => memories.map((m) => Buffer.from(m.buffer));
  // Every form a secret takes inside the core: its bytes (= its UTF-8 text), its base64url text (the
  // JWK's k), the HMAC key blocks key ^ ipad and key ^ opad, and for a key longer than a block the
  // key HMAC really uses, its digest (RFC 2104), with its pads too.
  const pads = (name, key) => [
    [name, key],
    [`${name}^ipad`, Buffer.from(key.map((x) => x ^ 0x36))],
    [`${name}^opad`, Buffer.from(key.map((x) => x ^ 0x5c))],
  ];
  const forms = (secret) => {
    const bytes = bytesOf(secret);
    const out = [...pads('bytes', bytes.subarray(0, 128)), ['base64url', Buffer.from(b64u(bytes))]];
    if (bytes.length > 64) {
      for (const alg of ALGS) out.push(...pads(`${HASH[alg]}(key)`, createHash(HASH[alg]).update(bytes).digest()));
    }
    return out;
  };
  const assertClean = (secret, after) => {
    for (const [form, needle] of forms(secret)) {
      assert.ok(needle.length >= 16, 'a needle long enough to mean something');
      heaps().forEach((heap, i) => {
        const at = heap.indexOf(needle);
        assert.equal(at, -1, `after ${after}: the secret (${form}) is in WASM memory #${i} at offset ${at}`);
      });
    }
  };
  const PREFIX = 'tÉst-'; // every test secret below starts with it: one scan finds any of them
  const freshText = () => `${PREFIX}${Buffer.from(randomBytes(33)).toString('base64url')}`; // 50 bytes, random
  const assertNoCandidate = (after) => {
    heaps().forEach((heap, i) => {
      const at = heap.indexOf(Buffer.from(PREFIX));
      assert.equal(at, -1, `after ${after}: a test secret / wordlist line (${JSON.stringify(heap.subarray(at, at + 50).toString())}) is in WASM memory #${i} at offset ${at}`);
    });
  };
  const freshBytes = (n = 48) => new Uint8Array(randomBytes(n));

  test('the scan would catch a leak: a copy planted at the top of memory is found, then removed', () => {
    const secret = freshText();
    for (const [i, memory] of memories.entries()) {
      const heap = Buffer.from(memory.buffer);
      const at = heap.length - 256;
      const saved = Buffer.from(heap.subarray(at, at + 256));
      try {
        Buffer.from(secret).copy(heap, at);
        assert.throws(() => assertClean(secret, 'planting'), new RegExp(`\\(bytes\\) is in WASM memory #${i} at offset ${at}`));
        assert.throws(() => assertNoCandidate('planting'), /test secret/);
      } finally {
        saved.copy(heap, at);
      }
      assertClean(secret, 'removing the planted copy');
    }
  });

  test('the memories of both builds were captured (seven modules each), and the scan sees their contents', () => {
    assert.equal(memories.length, 14, 'generate, codecs, jwt, inspect, envfiles, check and audit modules of the SIMD and scalar builds');
    for (const heap of heaps()) assert.ok(heap.length >= 1 << 16);
    assert.equal(heaps().filter((heap) => heap.indexOf('your-256-bit-secret') !== -1).length, 2,
      'the built-in list data (in each check module) is visible to the scan');
  });

  for (const [name, api] of [['SIMD', kit], ['scalar', scalar]]) {
    test(`${name}: hmac, signJwt, verifyJwt (valid and refused), toJwk, toJwks, generateSecret jwk`, () => {
      for (const secret of [freshText(), freshBytes(), freshBytes(200)]) {
        api.hmac('HS256', secret, 'message');
        assertClean(secret, 'hmac');
        for (const alg of ALGS) {
          const s = bytesOf(secret).length >= SIZE[alg] ? secret : freshBytes(SIZE[alg]);
          const token = api.signJwt({ sub: 'x', n: 1 }, { secret: s, alg });
          assertClean(s, `signJwt ${alg}`);
          api.verifyJwt(token, { secret: s, alg });
          assertClean(s, `verifyJwt ${alg} (valid)`);
          const other = typeof s === 'string' ? `${s}!` : Uint8Array.from([...s, 1]);
          assert.throws(() => api.verifyJwt(token, { secret: other, alg }), { code: 'ERR_BAD_SIGNATURE' });
          assertClean(other, `verifyJwt ${alg} (bad signature)`);
          assertClean(s, `verifyJwt ${alg} (bad signature)`);
          assert.throws(() => api.verifyJwt(token, { secret: s, alg: alg === 'HS256' ? 'HS512' : 'HS256' }), { code: 'ERR_ALG_MISMATCH' });
          assert.throws(() => api.verifyJwt(`${token}.`, { secret: s }), { code: 'ERR_MALFORMED_TOKEN' });
          assertClean(s, `verifyJwt ${alg} (refused)`);
          const jwk = api.toJwk(s, { alg });
          assertClean(s, `toJwk ${alg}`);
          assert.equal(jwk.k, b64u(bytesOf(s)));
        }
        const prev = freshText();
        api.toJwks(secret, prev);
        assertClean(secret, 'toJwks (current)');
        assertClean(prev, 'toJwks (previous)');
        assertNoCandidate('hmac/signJwt/verifyJwt/toJwk/toJwks');
      }
      for (const alg of ALGS) {
        const jwk = JSON.parse(api.generateSecret({ format: 'jwk', alg }));
        assertClean(Buffer.from(jwk.k, 'base64url'), `generateSecret jwk ${alg}`);
      }
    });

    test(`${name}: auditToken found (short, spaced, long, last line) and not found; createAudit; cancel`, () => {
      for (const alg of ALGS) {
        const candidates = Array.from({ length: 50 }, () => freshText());
        const wordlist = lines(...candidates);
        for (const at of [0, 3, 17, 49]) {
          const secret = candidates[at];
          const r = api.auditToken(handSign(alg, secret), { wordlist, builtin: false });
          assert.equal(r.secret, secret);
          assertClean(secret, `auditToken ${alg} found at line ${at}`);
        }
        const long = `${freshText()}${freshText()}${freshText()}${freshText()}`; // 200 bytes: hashed first
        const rl = api.auditToken(handSign(alg, long), { wordlist: lines('a', 'b', long, 'c'), builtin: false });
        assert.equal(rl.secret, long);
        assertClean(long, `auditToken ${alg} found a 200-byte secret`);

        const secret = freshText();
        const rn = api.auditToken(handSign(alg, secret), { wordlist, chunkBytes: 500 });
        assert.equal(rn.found, false);
        assertClean(secret, `auditToken ${alg} not found`);
        assertNoCandidate(`auditToken ${alg} not found (any wordlist line)`);

        const rc = api.auditToken(handSign(alg, secret), { wordlist, builtin: false, chunkBytes: 300, onProgress: () => false });
        assert.equal(rc.cancelled, true);
        assertNoCandidate(`auditToken ${alg} cancelled (any wordlist line)`);

        const audit = api.createAudit(handSign(alg, candidates[7]));
        const half = Buffer.from(`${candidates.slice(0, 5).join('\n')}\n${candidates[5].slice(0, 20)}`);
        assert.equal(audit.tryLines(new Uint8Array(half)).found, false);
        audit.close();
        assertClean(candidates[0], `createAudit ${alg} closed`);
        assertNoCandidate(`createAudit ${alg} closed (any line, the kept partial one too)`);
      }
    });
  }
});

describe('toJwks: keys as written', () => {
  test('secretFormat and previousFormat give the same set as the bytes; a short previous key is refused', () => {
    const cur = randomBytes(32);
    const prev = randomBytes(48);
    const fromBytes = kit.toJwks(new Uint8Array(cur), new Uint8Array(prev), { alg: 'HS256' });
    const written = kit.toJwks(cur.toString('hex'), prev.toString('base64'), { alg: 'HS256', secretFormat: 'hex', previousFormat: 'base64' });
    assert.deepEqual(written, fromBytes);
    const jwk = JSON.stringify({ kty: 'oct', k: cur.toString('base64url') });
    assert.deepEqual(kit.toJwks(jwk, prev.toString('base64url'), { alg: 'HS256', secretFormat: 'jwk', previousFormat: 'base64url' }), fromBytes);
    // The kid is the RFC 7638 thumbprint, computed here with node:crypto.
    assert.equal(fromBytes.keys[0].kid, createHash('sha256').update(`{"k":"${cur.toString('base64url')}","kty":"oct"}`).digest('base64url'));
    assert.throws(() => kit.toJwks(cur.toString('hex'), 'short', { alg: 'HS256', secretFormat: 'hex' }), (e) => e.code === 'ERR_KEY_TOO_SHORT');
    assert.throws(() => kit.toJwks('zz', undefined, { alg: 'HS256', secretFormat: 'hex' }), (e) => e.code === 'ERR_BAD_CHARACTER' || e.code === 'ERR_BAD_LENGTH');
  });
});
