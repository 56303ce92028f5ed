// strength.test.mjs — checkSecret() against the expectation table written apart from the analyzer
// (tests/data/strength-table.json), thousands of CSPRNG secrets (no false alarms), UUIDs and 128-bit
// values (fair), RFC 7518 §3.2 lengths per algorithm, encodings, errors and bounds.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { checkSecret, generateSecret, ready } from '../../dist/index.mjs';

const table = JSON.parse(readFileSync(new URL('../data/strength-table.json', import.meta.url), 'utf8'));
const codes = (r) => r.findings.map((f) => f.code);

before(async () => {
  await ready;
});

describe('the expectation table', () => {
  test('has at least 150 cases across every category', () => {
    assert.ok(table.length >= 150, `${table.length} cases`);
    const categories = new Set(table.map((row) => row.category));
    for (const c of ['known-default', 'common-password', 'passphrase', 'pattern', 'placeholder', 'machine-format', 'rfc7518-length', 'encoding', 'edge']) {
      assert.ok(categories.has(c), `category ${c}`);
    }
    for (const v of ['weak', 'fair', 'strong']) assert.ok(table.some((row) => row.verdict === v), v);
  });

  test('every case gets its expected verdict and findings', () => {
    const wrong = [];
    for (const row of table) {
      const r = checkSecret(row.secret, { alg: row.alg ?? 'HS256', encoding: row.encoding ?? 'raw' });
      const missing = (row.codes ?? []).filter((c) => !codes(r).includes(c));
      if (r.verdict !== row.verdict || missing.length > 0) {
        wrong.push(`${JSON.stringify(row.secret).slice(0, 60)} ${row.alg}/${row.encoding}: expected ${row.verdict}, got ${r.verdict} (${r.entropy_bits} bits) missing [${missing}]`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});

describe('random secrets', () => {
  test('3600 CSPRNG secrets of >= 256 bits are all strong for HS256: zero false alarms', () => {
    const makers = [
      () => randomBytes(32).toString('hex'),
      () => randomBytes(48).toString('hex'),
      () => randomBytes(64).toString('hex'),
      () => randomBytes(32).toString('base64'),
      () => randomBytes(48).toString('base64'),
      () => randomBytes(64).toString('base64'),
      () => randomBytes(32).toString('base64url'), // Python's secrets.token_urlsafe(32)
      () => randomBytes(48).toString('base64url'),
      () => randomBytes(64).toString('base64url'),
      () => generateSecret(),
      () => generateSecret({ alphabet: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' }),
      () => generateSecret({ alg: 'HS512', format: 'base64' }),
    ];
    const alarms = [];
    for (const make of makers) {
      for (let i = 0; i < 300; i++) {
        const s = make();
        const r = checkSecret(s, { alg: 'HS256' });
        if (r.verdict !== 'strong') alarms.push(`${s}: ${r.verdict} ${r.entropy_bits} [${codes(r)}]`);
      }
    }
    assert.deepEqual(alarms, []);
  });

  test('the same random bytes under their own encoding: strong exactly from the algorithm size up', () => {
    for (const [alg, need] of [['HS256', 32], ['HS384', 48], ['HS512', 64]]) {
      for (let i = 0; i < 20; i++) {
        const at = randomBytes(need);
        const below = randomBytes(need - 1);
        for (const enc of ['hex', 'base64', 'base64url']) {
          const r = checkSecret(at.toString(enc), { alg, encoding: enc });
          assert.equal(r.key_bytes, need);
          assert.equal(r.verdict, 'strong', `${alg} ${enc} ${need} bytes`);
          const s = checkSecret(below.toString(enc), { alg, encoding: enc });
          assert.equal(s.key_bytes, need - 1);
          assert.equal(s.verdict, 'fair', `${alg} ${enc} ${need - 1} bytes`);
          assert.ok(codes(s).includes('SHORT_KEY'));
        }
      }
    }
  });

  test('random UUIDs (122 bits) and 128-bit values are fair, never strong', () => {
    for (let i = 0; i < 300; i++) {
      const u = checkSecret(randomUUID());
      assert.equal(u.verdict, 'fair');
      assert.ok(codes(u).includes('UUID'));
      assert.ok(u.entropy_bits <= 122);
      assert.equal(checkSecret(randomBytes(16).toString('hex')).verdict, 'fair');
      assert.equal(checkSecret(randomBytes(16).toString('base64url')).verdict, 'fair');
    }
  });

  test('a 32-byte random key is strong for HS256 and fair for HS384/HS512, whatever the text length', () => {
    const s = randomBytes(32).toString('base64url');
    const r = checkSecret(s, { alg: 'HS512' });
    assert.deepEqual(r.verdicts, { HS256: 'strong', HS384: 'fair', HS512: 'fair' });
    assert.equal(r.verdict, 'fair');
    assert.equal(r.fix, 'jwt-secret generate --alg HS512');
    assert.equal(checkSecret(s).fix, null);
  });
});

describe('encodings', () => {
  test('raw counts the UTF-8 bytes; decoded encodings count the key bytes', () => {
    assert.equal(checkSecret('é'.repeat(20)).key_bytes, 40);
    const hex = randomBytes(32).toString('hex');
    assert.equal(checkSecret(hex).key_bytes, 64);
    assert.equal(checkSecret(hex, { encoding: 'hex' }).key_bytes, 32);
    assert.equal(checkSecret(hex.toUpperCase(), { encoding: 'hex' }).key_bytes, 32);
    const b64 = randomBytes(33).toString('base64');
    assert.equal(checkSecret(b64, { encoding: 'base64' }).key_bytes, 33);
    assert.equal(checkSecret(b64.replace(/=+$/, ''), { encoding: 'base64' }).key_bytes, 33, 'padding optional');
  });

  test('auto: raw, plus what a decoding library gets', () => {
    const hex = randomBytes(32).toString('hex');
    const r = checkSecret(hex, { encoding: 'auto' });
    assert.equal(r.encoding, 'raw');
    assert.equal(r.key_bytes, 64);
    assert.deepEqual(r.alternatives, [{ encoding: 'hex', key_bytes: 32, verdicts: { HS256: 'strong', HS384: 'fair', HS512: 'fair' } }]);
    assert.ok(codes(r).includes('ENCODED'));
    const url = randomBytes(48).toString('base64url');
    assert.deepEqual(checkSecret(url, { encoding: 'auto', alg: 'HS384' }).alternatives.map((a) => [a.encoding, a.key_bytes]), [['base64url', 48]]);
    assert.deepEqual(checkSecret('correct horse', { encoding: 'auto' }).alternatives, []);
  });

  test('an all-zero key is a known constant however it is written', () => {
    for (const [text, encoding] of [['00'.repeat(32), 'hex'], [Buffer.alloc(32).toString('base64'), 'base64'], [Buffer.alloc(64).toString('base64url'), 'base64url']]) {
      const r = checkSecret(text, { encoding });
      assert.equal(r.verdict, 'weak');
      assert.ok(codes(r).includes('KNOWN_CONSTANT'), text);
    }
  });

  test('text that does not decode is an error with a code, not a verdict', () => {
    const bad = (s, encoding, code) => assert.throws(() => checkSecret(s, { encoding }), (e) => e.code === code);
    bad('zz', 'hex', 'ERR_BAD_CHARACTER');
    bad('abc', 'hex', 'ERR_BAD_LENGTH');
    bad('a+b/', 'base64url', 'ERR_BAD_CHARACTER');
    bad('a-b_', 'base64', 'ERR_BAD_CHARACTER');
    bad('Zh==', 'base64', 'ERR_TRAILING_BITS');
    bad('Z', 'base64url', 'ERR_BAD_LENGTH');
  });
});

describe('arguments, bounds and privacy', () => {
  test('bad arguments throw with stable codes', () => {
    const bad = (fn, code) => assert.throws(fn, (e) => e.code === code);
    bad(() => checkSecret(42), 'ERR_INVALID_ARGUMENT');
    bad(() => checkSecret(null), 'ERR_INVALID_ARGUMENT');
    bad(() => checkSecret('x', { alg: 'RS256' }), 'ERR_UNKNOWN_ALG');
    bad(() => checkSecret('x', { alg: 'none' }), 'ERR_UNKNOWN_ALG');
    bad(() => checkSecret('x', { encoding: 'utf8' }), 'ERR_UNKNOWN_FORMAT');
    bad(() => checkSecret('x', { algo: 'HS256' }), 'ERR_INVALID_ARGUMENT');
    bad(() => checkSecret('x'.repeat(1048577)), 'ERR_OUT_OF_RANGE');
  });

  test('bytes in: NUL, invalid UTF-8 and binary keys are judged, not refused', () => {
    const r = checkSecret(new Uint8Array([0xff, 0xfe, 0x00, 0x41]));
    assert.equal(r.verdict, 'weak');
    assert.ok(codes(r).includes('INVALID_UTF8'));
    const bin = checkSecret(new Uint8Array(randomBytes(64)));
    assert.equal(bin.key_bytes, 64);
    assert.equal(checkSecret(`${randomBytes(32).toString('base64url')}\0`).key_bytes, 44);
  });

  test('1 MiB inputs get an answer quickly, whatever they hold', () => {
    const mib = 1 << 20;
    const inputs = {
      random: randomBytes((mib / 4) * 3).toString('base64url'),
      repeated: 'password'.repeat(mib / 8),
      single: 'a'.repeat(mib),
      text: Array.from({ length: mib / 8 }, (_, i) => ['the', 'quick', 'brown', 'fox'][i % 4] + (i % 97)).join(' ').slice(0, mib),
    };
    for (const [name, s] of Object.entries(inputs)) {
      const t = process.hrtime.bigint();
      const r = checkSecret(s, { alg: 'HS512' });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      assert.ok(ms < 10000, `${name}: ${ms} ms`);
      assert.equal(r.key_bytes, Buffer.byteLength(s));
      assert.equal(r.verdict, name === 'random' ? 'strong' : name === 'text' ? r.verdict : 'weak', name);
    }
  });

  test('the report never contains the secret', () => {
    for (const s of ['keyboard cat', 'supersecretkey123', 'hunter2hunter2', randomBytes(32).toString('base64url'), '${JWT_SECRET}', 'Tr0ub4dor&3']) {
      const json = JSON.stringify(checkSecret(s, { encoding: 'auto' }));
      for (let i = 0; i + 8 <= s.length; i++) assert.ok(!json.includes(s.slice(i, i + 8)), `${s} leaks into ${json}`);
    }
  });
});
