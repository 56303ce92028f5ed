// inspect.test.mjs — inspectJwt and the honest verifyJwt against references nobody here wrote:
// jose (decodeProtectedHeader, decodeJwt, jwtVerify) and jsonwebtoken (decode, verify with its
// TokenExpiredError and NotBeforeError), over generated tokens (random claims, times and algs) and
// random malformations; tolerant input with its notes and offsets; messages for text that is not a
// token; key forms (text, base64, base64url, hex, JWK) against jose's key import; hostile inputs in
// bounded time.
import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { describe, test } from 'node:test';

const kit = await import('../../dist/index.mjs');
const jwtEntry = await import('../../dist/jwt.mjs');
const jose = await import('jose');
const { default: jsonwebtoken } = await import('jsonwebtoken');
await kit.ready;
await jwtEntry.ready;

const ALGS = ['HS256', 'HS384', 'HS512'];
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const SIZE = { HS256: 32, HS384: 48, HS512: 64 };
const b64u = (data) => Buffer.from(data).toString('base64url');
const NOW = 1700000000;

// A token made with node:crypto alone: any header and payload text, any key.
function handToken(header, payload, key, alg = 'HS256') {
  const h = b64u(typeof header === 'string' ? header : JSON.stringify(header));
  const p = b64u(typeof payload === 'string' ? payload : JSON.stringify(payload));
  const tag = createHmac(HASH[alg] ?? 'sha256', key).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${tag}`;
}

const codeOf = (fn) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e.code ?? e.name;
  }
};

// What jsonwebtoken and jose answer for a token at `now` (integer seconds).
function referees(token, key, alg, now) {
  let jwt;
  try {
    jsonwebtoken.verify(token, key, { algorithms: [alg], clockTimestamp: now });
    jwt = 'ok';
  } catch (e) {
    jwt = e.name === 'TokenExpiredError' ? 'expired' : e.name === 'NotBeforeError' ? 'nbf' : `error:${e.message}`;
  }
  return jwt;
}
async function joseSays(token, key, alg, now) {
  try {
    await jose.jwtVerify(token, key, { algorithms: [alg], currentDate: new Date(now * 1000) });
    return 'ok';
  } catch (e) {
    if (e.code === 'ERR_JWT_EXPIRED') return 'expired';
    if (e.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && e.claim === 'nbf' && e.reason === 'check_failed') return 'nbf';
    if (e.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return 'claim';
    return `error:${e.code}`;
  }
}
const OURS = { ok: 'ok', ERR_TOKEN_EXPIRED: 'expired', ERR_TOKEN_NOT_YET_VALID: 'nbf', ERR_BAD_TIME_CLAIM: 'claim' };

describe('differential: generated tokens against jose and jsonwebtoken', () => {
  test('300 random tokens: header, payload and claims as jose and jsonwebtoken decode them; verdicts as they verify', async () => {
    for (let i = 0; i < 300; i++) {
      const alg = ALGS[randomInt(3)];
      const key = randomBytes(SIZE[alg] + randomInt(3) * 7);
      const claims = { sub: `u${i}`, n: randomInt(1000) };
      const base = NOW + randomInt(-100000, 100000);
      if (randomInt(4)) claims.iat = base - randomInt(0, 5000);
      if (randomInt(3)) claims.exp = base + randomInt(-3000, 200000) + (randomInt(5) === 0 ? 0.5 : 0);
      if (randomInt(3) === 0) claims.nbf = base + randomInt(-3000, 3000);
      const header = { alg, typ: 'JWT', ...(randomInt(2) ? { kid: `k${i}` } : {}) };
      const token = handToken(header, claims, key, alg);
      const now = NOW + randomInt(-100000, 100000);

      const r = kit.inspectJwt(token, { now });
      assert.deepEqual(JSON.parse(r.header), jose.decodeProtectedHeader(token));
      assert.deepEqual(JSON.parse(r.payload), jose.decodeJwt(token));
      assert.deepEqual(JSON.parse(r.payload), jsonwebtoken.decode(token));
      assert.equal(r.alg, alg);
      assert.equal(r.kid, header.kid ?? null);
      for (const c of ['iat', 'nbf', 'exp']) assert.equal(r.claims[c], claims[c] ?? null, c);
      assert.equal(r.times.expired, claims.exp !== undefined && now >= claims.exp);
      assert.equal(r.times.not_yet_valid, claims.nbf !== undefined && claims.nbf > now);
      assert.equal(r.findings.some((f) => f.code === 'NO_EXP'), claims.exp === undefined);
      if (claims.exp !== undefined && now < claims.exp) assert.equal(r.times.expires_in, Math.floor(claims.exp - now));

      const ours = OURS[codeOf(() => kit.verifyJwt(token, { secret: key, alg, now }))];
      const [jwtSays, joseVerdict] = [referees(token, key, alg, now), await joseSays(token, key, alg, now)];
      // jsonwebtoken checks nbf before exp, jose nbf before exp too: both name the first failed check
      assert.equal(ours, joseVerdict, `jose: ${JSON.stringify({ claims, now })}`);
      assert.equal(ours, jwtSays, `jsonwebtoken: ${JSON.stringify({ claims, now })}`);
    }
  });

  test('claims that are not numbers: invalid (ERR_BAD_TIME_CLAIM) as jose refuses them', async () => {
    const key = randomBytes(32);
    for (const claims of [{ exp: String(NOW + 100) }, { nbf: null }, { iat: 'yesterday' }, { exp: [NOW + 100] }, { exp: true }]) {
      const token = handToken({ alg: 'HS256' }, claims, key);
      assert.equal(codeOf(() => kit.verifyJwt(token, { secret: key, now: NOW })), 'ERR_BAD_TIME_CLAIM', JSON.stringify(claims));
      assert.equal(await joseSays(token, key, 'HS256', NOW), 'claim', JSON.stringify(claims));
      assert.ok(kit.inspectJwt(token, { now: NOW }).findings.some((f) => f.code === 'CLAIM_NOT_NUMBER'));
    }
  });

  test('random malformations: never more lenient than jsonwebtoken, inspectJwt always answers in words', () => {
    const key = randomBytes(32);
    const token = handToken({ alg: 'HS256', typ: 'JWT' }, { sub: '1', exp: NOW + 3600 }, key);
    const alphabet = 'AZaz09-_.= +/"\'\u0000\u00e9\ufeff';
    for (let i = 0; i < 400; i++) {
      let t = token;
      for (let k = 1 + randomInt(3); k > 0; k--) {
        const at = randomInt(t.length + 1);
        const op = randomInt(3);
        const c = alphabet[randomInt(alphabet.length)];
        t = op === 0 ? t.slice(0, at) + c + t.slice(at) : op === 1 ? t.slice(0, at) + t.slice(at + 1) : t.slice(0, at) + c + t.slice(at + 1);
      }
      const ours = codeOf(() => kit.verifyJwt(t, { secret: key, now: NOW }));
      if (ours === 'ok') {
        assert.doesNotThrow(() => jsonwebtoken.verify(t, key, { algorithms: ['HS256'], clockTimestamp: NOW }), t);
      }
      try {
        const r = kit.inspectJwt(t, { now: NOW });
        assert.equal(r.ok, true);
        assert.equal(r.parts.length, 3);
      } catch (e) {
        assert.ok(e instanceof kit.JwtSecretKitError, `${t}: ${e}`);
        assert.match(e.message, /^inspectJwt: [A-Z]/);
        assert.ok(['ERR_MALFORMED_TOKEN', 'ERR_BAD_JSON', 'ERR_BAD_PADDING', 'ERR_BAD_LENGTH'].includes(e.code), e.code);
        assert.equal(e.inspection.ok, false);
      }
    }
  });
});

describe('inspectJwt', () => {
  const key = randomBytes(32);
  const token = handToken({ alg: 'HS256', typ: 'JWT' }, { sub: '42', iat: NOW - 60, exp: NOW + 3600 }, key);

  test('tolerant input: each removal is a note; offsets index the string given', () => {
    for (const [text, notes] of [
      [`Bearer ${token}`, ['REMOVED_BEARER']],
      [`bearer\t${token}`, ['REMOVED_BEARER']],
      [`"${token}"`, ['REMOVED_QUOTES']],
      [`'${token}'\n`, ['REMOVED_WHITESPACE', 'REMOVED_QUOTES']],
      [`Authorization: Bearer ${token}`, ['REMOVED_AUTHORIZATION', 'REMOVED_BEARER']],
      [`\ufeff  \`${token}\`  `, ['REMOVED_WHITESPACE', 'REMOVED_BOM', 'REMOVED_QUOTES']],
      [`  "Bearer ${token}"`, ['REMOVED_WHITESPACE', 'REMOVED_BEARER', 'REMOVED_QUOTES']],
    ]) {
      const r = kit.inspectJwt(text, { now: NOW });
      assert.deepEqual(r.notes.map((n) => n.code), notes, JSON.stringify(text));
      for (const n of r.notes) assert.match(n.message, /^Removed /);
      assert.equal(text.slice(r.token.offset, r.token.offset + r.token.length), token);
      assert.deepEqual(r.parts.map((p) => text.slice(p.offset, p.offset + p.length)), token.split('.'));
    }
    assert.deepEqual(kit.inspectJwt(token, { now: NOW }).notes, []);
  });

  test('offsets after non-ASCII text are string indices', () => {
    const text = `"${token}"`;
    const r = kit.inspectJwt(`\ufeff${text}`, { now: NOW });
    assert.equal(r.token.offset, 2);
  });

  test('findings with their severities', () => {
    const find = (header, payload, code, now = NOW) =>
      kit.inspectJwt(handToken(header, payload, key), { now }).findings.find((f) => f.code === code);
    assert.equal(find({ alg: 'none' }, {}, 'ALG_NONE').severity, 'danger');
    assert.equal(kit.inspectJwt(`${b64u('{"alg":"none"}')}.${b64u('{}')}.`).findings[0].code, 'ALG_NONE');
    assert.equal(find({ alg: 'RS256' }, {}, 'ALG_ASYMMETRIC').severity, 'warning');
    assert.match(find({ alg: 'ES256' }, {}, 'ALG_ASYMMETRIC').message, /algorithm confusion/);
    assert.equal(find({ alg: 'HS999' }, {}, 'ALG_UNKNOWN').severity, 'danger');
    assert.equal(find({ typ: 'JWT' }, {}, 'ALG_MISSING').severity, 'danger');
    assert.equal(find({ alg: 'HS256' }, {}, 'NO_EXP').severity, 'warning');
    assert.equal(find({ alg: 'HS256' }, { iat: NOW, exp: NOW + 86401 }, 'LIFETIME_LONG').severity, 'warning');
    assert.equal(find({ alg: 'HS256' }, { iat: NOW, exp: NOW + 86400 }, 'LIFETIME_LONG'), undefined);
    assert.equal(find({ alg: 'HS256' }, { iat: NOW, exp: NOW + 31 * 86400 }, 'LIFETIME_LONG').severity, 'danger');
    assert.match(find({ alg: 'HS256' }, { exp: NOW - 7200 }, 'EXPIRED').message, /^The token expired 2 hours ago\./);
    assert.match(find({ alg: 'HS256' }, { nbf: NOW + 300 }, 'NOT_YET_VALID').message, /5 minutes/);
    assert.equal(find({ alg: 'HS256' }, { iat: NOW + 61 }, 'IAT_FUTURE').severity, 'warning');
    assert.equal(find({ alg: 'HS256' }, { iat: NOW + 60 }, 'IAT_FUTURE'), undefined);
    for (const h of ['jku', 'x5u']) assert.equal(find({ alg: 'HS256', [h]: 'https://evil' }, {}, 'HEADER_KEY_URL').severity, 'danger');
    for (const h of ['jwk', 'x5c']) assert.equal(find({ alg: 'HS256', [h]: {} }, {}, 'HEADER_EMBEDDED_KEY').severity, 'danger');
    assert.equal(find({ alg: 'HS256', crit: ['exp'] }, {}, 'CRIT').severity, 'warning');
    assert.match(find({ alg: 'HS512' }, {}, 'SIGNATURE_LENGTH').message, /32 bytes; HS512 signatures have 64/);
    assert.equal(find({ alg: 'HS256' }, [1], 'PAYLOAD_NOT_OBJECT').severity, 'danger');
    for (const f of kit.inspectJwt(handToken({ alg: 'RS256', jku: 'x' }, { iat: 'x' }, key)).findings) {
      assert.ok(['danger', 'warning', 'info'].includes(f.severity));
      assert.match(f.message, /^[A-Z].*\.$/, 'a sentence that says what to do');
    }
  });

  test('a payload that is not JSON or not UTF-8 is a finding, still shown when it is text', () => {
    const r = kit.inspectJwt(handToken({ alg: 'HS256' }, '{"a":1,}', key));
    assert.equal(r.payload, '{"a":1,}');
    assert.equal(r.payload_is_json, false);
    assert.match(r.findings.find((f) => f.code === 'PAYLOAD_NOT_JSON').message, /line 1, column 8 \(byte 7\)/);
    const bin = `${b64u('{"alg":"HS256"}')}.${b64u(Buffer.from([0xff, 0xfe, 0x00]))}.${b64u(randomBytes(32))}`;
    const r2 = kit.inspectJwt(bin);
    assert.equal(r2.payload, null);
    assert.ok(r2.findings.some((f) => f.code === 'PAYLOAD_NOT_UTF8'));
  });

  test('text that is not a token: which part, what is wrong, in words', () => {
    const says = (text) => {
      try {
        kit.inspectJwt(text);
      } catch (e) {
        return [e.code, e.message];
      }
      assert.fail(`no error for ${text}`);
    };
    const [code, message] = says('not.a.token');
    assert.equal(code, 'ERR_BAD_JSON');
    assert.match(message, /^inspectJwt: Part 1 \(the header\) is not base64url-encoded JSON/);
    assert.doesNotMatch(message, /TRAILING_BITS|unused bits/);
    assert.match(says('abc.def')[1], /three parts separated by two dots; this text has one dot/);
    assert.match(says('')[1], /the text is empty/);
    assert.match(says('a.b.c.d.e')[1], /JWE/);
    assert.match(says(`${token}=`)[1], /Part 3 \(the signature\) has '=' padding/);
    assert.match(says(token.replace('.', '.\n'))[1], /Part 2 \(the payload\) has a space or line break/);
    assert.match(says(`${b64u('{"alg":"HS256"')}.e30.x`)[1], /Part 1 \(the header\) is not valid JSON: line 1, column 15 \(byte 14\)/);
  });

  test('the /jwt entry exports it; arguments are checked', () => {
    assert.equal(jwtEntry.inspectJwt(token, { now: NOW }).alg, 'HS256');
    assert.throws(() => kit.inspectJwt(42), { code: 'ERR_INVALID_ARGUMENT' });
    assert.throws(() => kit.inspectJwt(token, { now: 'soon' }), { code: 'ERR_INVALID_ARGUMENT' });
    assert.throws(() => kit.inspectJwt(token, { clock: 1 }), { code: 'ERR_INVALID_ARGUMENT' });
    const r = kit.inspectJwt(token); // now: the clock
    assert.equal(r.times.expired, true);
  });
});

describe('hostile inputs in bounded time', () => {
  const key = randomBytes(32);
  const timed = (what, fn) => {
    const t0 = performance.now();
    fn();
    const ms = performance.now() - t0;
    assert.ok(ms < 3000, `${what}: ${ms} ms`);
  };
  test('1 MB token, deep nesting, invalid UTF-8, NUL, BOM, a megabyte of dots', () => {
    const big = handToken({ alg: 'HS256' }, { pad: 'x'.repeat(700000), exp: NOW + 10 }, key);
    assert.ok(big.length > 900000);
    timed('1 MB inspect', () => assert.equal(kit.inspectJwt(big, { now: NOW }).payload.length, JSON.stringify({ pad: 'x'.repeat(700000), exp: NOW + 10 }).length));
    timed('1 MB verify', () => assert.equal(kit.verifyJwt(big, { secret: key, now: NOW }).verdict, 'valid'));
    timed('over 1 MiB', () => assert.throws(() => kit.inspectJwt('a'.repeat(2 ** 20 + 4097)), { code: 'ERR_TOO_LARGE' }));
    const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
    timed('deep', () => assert.ok(kit.inspectJwt(handToken({ alg: 'HS256' }, deep, key)).findings.some((f) => f.code === 'PAYLOAD_NOT_JSON')));
    timed('dots', () => assert.throws(() => kit.inspectJwt('.'.repeat(1000000)), { code: 'ERR_MALFORMED_TOKEN' }));
    timed('NUL', () => assert.throws(() => kit.inspectJwt(`a.\u0000.c`), /byte 0x00/));
    timed('lone surrogate', () => assert.throws(() => kit.inspectJwt('\ud800.a.b'), { code: 'ERR_MALFORMED_TOKEN' }));
    timed('BOM', () => assert.equal(kit.inspectJwt(`\ufeff${handToken({ alg: 'HS256' }, {}, key)}`).notes[0].code, 'REMOVED_BOM'));
    const nulPayload = handToken({ alg: 'HS256' }, '{"a":"\u0000"}', key);
    assert.throws(() => kit.verifyJwt(nulPayload, { secret: key }), { code: 'ERR_BAD_PAYLOAD' });
    assert.equal(kit.inspectJwt(nulPayload).payload, '{"a":"\u0000"}');
  });
});

describe('verifyJwt: the honest report', () => {
  test('verdicts, headlines, alg_from; a short key is not plain "valid"', () => {
    const key = randomBytes(32);
    const token = handToken({ alg: 'HS256' }, { sub: '1', exp: NOW + 3600 }, key);
    let r = kit.verifyJwt(token, { secret: key, alg: 'HS256', now: NOW });
    assert.deepEqual([r.valid, r.verdict, r.algFrom, r.findings], [true, 'valid', 'pinned', []]);
    assert.equal(r.headline, 'The signature is valid (HS256) and the token expires in 1 hour.');
    r = kit.verifyJwt(token, { secret: key, now: NOW });
    assert.deepEqual([r.verdict, r.algFrom, r.findings.map((f) => f.code)], ['valid', 'header', ['ALG_NOT_PINNED']]);
    const short = handToken({ alg: 'HS256' }, { exp: NOW + 60 }, 'short');
    r = kit.verifyJwt(short, { secret: 'short', now: NOW });
    assert.equal(r.verdict, 'valid-with-warnings');
    assert.equal(r.findings[0].code, 'KEY_TOO_SHORT');
    assert.match(r.headline, /but the key has 5 bytes; HS256 needs at least 32/);
    r = kit.verifyJwt(handToken({ alg: 'HS256' }, {}, key), { secret: key, alg: 'HS256', now: NOW });
    assert.equal(r.verdict, 'valid-with-warnings');
    assert.deepEqual(r.findings.map((f) => f.code), ['NO_EXP']);
    assert.throws(() => kit.verifyJwt(handToken({ alg: 'HS256' }, { nbf: NOW + 10 }, key), { secret: key, now: NOW }), (e) =>
      e.code === 'ERR_TOKEN_NOT_YET_VALID' && /not valid for another 10 seconds/.test(e.report.headline));
  });

  test('secretFormat: base64, base64url, hex and JWK give the same key as jose imports', async () => {
    for (const alg of ALGS) {
      const key = randomBytes(SIZE[alg] + randomInt(5));
      const token = kit.signJwt({ sub: 'x', exp: NOW + 10 }, { secret: key, alg });
      const jwk = { kty: 'oct', k: b64u(key), alg };
      await jose.jwtVerify(token, await jose.importJWK(jwk, alg), { currentDate: new Date(NOW * 1000) });
      for (const [secret, secretFormat] of [[key.toString('base64'), 'base64'], [b64u(key), 'base64url'], [key.toString('hex'), 'hex'],
        [key.toString('hex').toUpperCase(), 'hex'], [JSON.stringify(jwk), 'jwk'], [JSON.stringify({ kty: 'oct', k: b64u(key) }), 'jwk']]) {
        assert.equal(kit.verifyJwt(token, { secret, secretFormat, now: NOW }).verdict, 'valid', secretFormat);
        assert.equal(kit.signJwt({ sub: 'x', exp: NOW + 10 }, { secret, secretFormat, alg }), token, secretFormat);
      }
      // a JWK's alg pins verification and sets signing's alg
      assert.equal(kit.verifyJwt(token, { secret: JSON.stringify(jwk), secretFormat: 'jwk', now: NOW }).algFrom, 'pinned');
      assert.equal(jose.decodeProtectedHeader(kit.signJwt({}, { secret: JSON.stringify(jwk), secretFormat: 'jwk' })).alg, alg);
    }
    const jwk = JSON.stringify({ kty: 'oct', k: b64u(randomBytes(32)), alg: 'HS256' });
    assert.throws(() => kit.signJwt({}, { secret: jwk, secretFormat: 'jwk', alg: 'HS512' }), { code: 'ERR_ALG_MISMATCH' });
    assert.throws(() => kit.signJwt({}, { secret: '{"kty":"RSA","k":"AAAA"}', secretFormat: 'jwk' }), { code: 'ERR_BAD_JWK' });
    assert.throws(() => kit.signJwt({}, { secret: 'zz', secretFormat: 'hex' }), { code: 'ERR_BAD_CHARACTER' });
    assert.throws(() => kit.signJwt({}, { secret: 'x'.repeat(32), secretFormat: 'pem' }), { code: 'ERR_UNKNOWN_FORMAT' });
  });

  test('signJwt says where the payload is not JSON', () => {
    assert.throws(() => kit.signJwt('{"a" 1}', { secret: 'x'.repeat(32) }), (e) =>
      e.code === 'ERR_BAD_JSON' && /line 1, column 6 \(byte 5\): expected a colon/.test(e.message));
    assert.throws(() => kit.signJwt('{\n  "a": [1,]\n}', { secret: 'x'.repeat(32) }), /line 2, column 11 \(byte 12\)/);
  });

  test('toJwks refuses keys shorter than the alg (as signing does)', () => {
    assert.throws(() => kit.toJwks('x'.repeat(32), 'short'), { code: 'ERR_KEY_TOO_SHORT' });
    assert.throws(() => kit.toJwks('short', 'x'.repeat(32)), { code: 'ERR_KEY_TOO_SHORT' });
    assert.equal(kit.toJwks('x'.repeat(64), 'y'.repeat(64), { alg: 'HS512' }).keys.length, 2);
  });
});
