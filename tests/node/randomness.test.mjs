// randomness.test.mjs — the generator's output is statistically uniform, it fails closed when the
// randomness source is missing or broken, and checkSecret() leaves no copy of the secret in the WASM
// heap (generate/sign/verify/audit are scanned in api.test.mjs and jwt.test.mjs).
//
// Statistics: chi-square tests, each rejected only at p < 1e-6 in either tail (too uneven, or too
// even to be random). There are about 200 of them, so a correct generator fails a run with
// probability about 4e-4; a biased one (modulo bias, a stuck byte, a skipped position) fails every
// time — the "power" tests below feed known-biased samples to the same code to prove it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { before, describe, test } from 'node:test';

import { importWithMemories } from './wasm-memory.mjs';

// The core's WebAssembly.Memory, captured as it is instantiated, to scan it later.
const { modules: [kit], memories } = await importWithMemories(new URL('../../dist/index.mjs', import.meta.url));
const { generateSecret, checkSecret, JwtSecretKitError } = kit;

const P_MIN = 1e-6;

// ------------------------------------------------------------------- chi-square, from scratch
// log Γ(x) (Lanczos, g = 7, n = 9): about 15 significant digits for x > 0.
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
function logGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

// Regularized incomplete gamma P(a, x) and Q = 1 - P (series below a + 1, continued fraction above).
function gammaPQ(a, x) {
  if (x <= 0) return { P: 0, Q: 1 };
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 100000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    const P = sum * Math.exp(lead);
    return { P, Q: 1 - P };
  }
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const Q = Math.exp(lead) * h;
  return { P: 1 - Q, Q };
}

// Chi-square of observed counts against expected probabilities (uniform when omitted).
function chiSquare(counts, probabilities) {
  const total = counts.reduce((a, b) => a + b, 0);
  let x2 = 0;
  counts.forEach((observed, i) => {
    const expected = total * (probabilities ? probabilities[i] : 1 / counts.length);
    x2 += ((observed - expected) * (observed - expected)) / expected;
  });
  const df = counts.length - 1;
  const { P, Q } = gammaPQ(df / 2, x2 / 2);
  return { x2, df, upper: Q, lower: P };
}

function assertUniform(counts, what) {
  const r = chiSquare(counts);
  assert.ok(r.upper > P_MIN, `${what}: too uneven, chi2 = ${r.x2.toFixed(1)} on ${r.df} df, p = ${r.upper.toExponential(2)}`);
  // "Too even" only where the statistic is continuous enough: with 1 degree of freedom (a bit's two
  // counts) chi2 is exactly 0 whenever the counts are equal, which a fair source does about once in
  // sqrt(pi n / 2) runs (0.08% per bit here), and the lower tail then reads p = 0.
  if (r.df >= 8) {
    assert.ok(r.lower > P_MIN, `${what}: too even to be random, chi2 = ${r.x2.toFixed(1)} on ${r.df} df, p = ${r.lower.toExponential(2)}`);
  }
  return r;
}

before(async () => {
  await kit.ready;
});

describe('the statistics themselves', () => {
  test('chi-square p-values match known quantiles', () => {
    // Upper 5% points of chi-square: 1 df 3.841, 10 df 18.307, 255 df 293.25; median of 1 df 0.455.
    const q = (x, df) => gammaPQ(df / 2, x / 2).Q;
    assert.ok(Math.abs(q(3.841459, 1) - 0.05) < 1e-5);
    assert.ok(Math.abs(q(18.307038, 10) - 0.05) < 1e-5);
    assert.ok(Math.abs(q(293.247835, 255) - 0.05) < 1e-4);
    assert.ok(Math.abs(q(0.454936, 1) - 0.5) < 1e-5);
    assert.ok(q(400, 255) < 1e-6 && q(200, 255) > 0.99);
  });

  test('power: modulo bias, a stuck value and a too-regular counter are all rejected', () => {
    // byte % 94, as a naive generator would pick from 94 symbols: 1e6 draws.
    const bytes = randomBytes(1e6);
    const mod = new Array(94).fill(0);
    for (const b of bytes) mod[b % 94]++;
    assert.ok(chiSquare(mod).upper < P_MIN, 'modulo bias over 94 symbols must be caught');
    const mod62 = new Array(62).fill(0);
    for (const b of bytes) mod62[b % 62]++;
    assert.ok(chiSquare(mod62).upper < P_MIN, 'modulo bias over 62 symbols must be caught');
    // One byte value in 256 drawn 1.5 times as often, over a mebibyte.
    const skew = new Array(256).fill(0);
    for (const b of randomBytes(1 << 20)) skew[b]++;
    skew[0] += Math.round(skew[0] * 0.5);
    assert.ok(chiSquare(skew).upper < P_MIN, 'a 50% excess of one byte value must be caught');
    // A counter: perfectly even counts are as suspicious as uneven ones.
    assert.ok(chiSquare(new Array(256).fill(4096)).lower < P_MIN, 'exactly even counts must be caught');
  });
});

describe('generator output is uniform', () => {
  test('1 MiB of random bytes (generateSecret({ bytes: 4096, format: "hex" }) x 256): bytes and byte pairs', () => {
    const blocks = [];
    for (let i = 0; i < 256; i++) blocks.push(Buffer.from(generateSecret({ bytes: 4096, format: 'hex' }), 'hex'));
    const all = Buffer.concat(blocks);
    assert.equal(all.length, 1 << 20);
    assert.equal(new Set(blocks.map((b) => b.toString('base64'))).size, 256, 'no block repeats');
    const counts = new Array(256).fill(0);
    for (const b of all) counts[b]++;
    assertUniform(counts, 'byte values');
    const pairs = new Array(65536).fill(0);
    for (let i = 0; i + 1 < all.length; i += 2) pairs[(all[i] << 8) | all[i + 1]]++;
    assertUniform(pairs, 'byte pairs');
    // Each of the 8 bits is set half the time.
    for (let bit = 0; bit < 8; bit++) {
      let ones = 0;
      for (let v = 0; v < 256; v++) if (v & (1 << bit)) ones += counts[v];
      assertUniform([ones, all.length - ones], `bit ${bit}`);
    }
  });

  // 32 random bytes in each format: every character position, over N secrets, must be uniform over
  // the symbols that position can hold. 32 bytes = 256 bits = 42 base64 characters of 6 bits and
  // one of 4 bits (its two low bits are zero: 16 possible symbols), then '=' when padded.
  const N = 20000;
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const every4th = (alphabet) => [...alphabet].filter((_, i) => i % 4 === 0).join('');
  const FORMATS = {
    base64url: Array.from({ length: 43 }, (_, i) => (i < 42 ? B64URL : every4th(B64URL))),
    base64: Array.from({ length: 44 }, (_, i) => (i < 42 ? B64 : i === 42 ? every4th(B64) : '=')),
    'base64url-padded': Array.from({ length: 44 }, (_, i) => (i < 42 ? B64URL : i === 42 ? every4th(B64URL) : '=')),
    hex: Array.from({ length: 64 }, () => '0123456789abcdef'),
  };
  for (const [format, positions] of Object.entries(FORMATS)) {
    test(`per-position bias, ${format} of 32 bytes: ${positions.length} positions over ${N} secrets`, () => {
      const counts = positions.map((alphabet) => new Map([...alphabet].map((c) => [c, 0])));
      for (let n = 0; n < N; n++) {
        const s = generateSecret({ bytes: 32, format });
        assert.equal(s.length, positions.length);
        for (let i = 0; i < s.length; i++) {
          const m = counts[i];
          const c = s[i];
          const v = m.get(c);
          if (v === undefined) assert.fail(`${format}: '${c}' cannot appear at position ${i} (${s})`);
          m.set(c, v + 1);
        }
      }
      positions.forEach((alphabet, i) => {
        if (alphabet.length > 1) assertUniform([...counts[i].values()], `${format} position ${i}`);
      });
    });
  }

  // Custom alphabets: sizes chosen so rejection sampling is exercised hard (65: half the masked
  // bytes rejected; 3: a quarter), plus the extremes 2 and 94. 1e6 characters each.
  const printable = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');
  const ALPHABETS = {
    2: '01',
    3: 'abc',
    10: '0123456789',
    36: '0123456789abcdefghijklmnopqrstuvwxyz',
    62: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    65: printable.slice(0, 65),
    94: printable,
  };
  for (const [size, alphabet] of Object.entries(ALPHABETS)) {
    test(`custom alphabet of ${size} symbols: 10^6 characters, no bias beyond noise`, () => {
      const index = new Int16Array(128).fill(-1);
      [...alphabet].forEach((c, i) => {
        index[c.charCodeAt(0)] = i;
      });
      const counts = new Array(alphabet.length).fill(0);
      const first = new Array(alphabet.length).fill(0); // the first character: no start-up bias
      let total = 0;
      while (total < 1e6) {
        const s = generateSecret({ alphabet, length: 4096 });
        assert.equal(s.length, 4096);
        for (let i = 0; i < s.length; i++) {
          const k = index[s.charCodeAt(i)];
          if (k < 0) assert.fail(`'${s[i]}' is not in the alphabet`);
          counts[k]++;
        }
        first[index[s.charCodeAt(0)]]++;
        total += s.length;
      }
      assertUniform(counts, `alphabet of ${size}`);
      if (alphabet.length <= 10) assertUniform(first, `first characters, alphabet of ${size}`);
    });
  }
});

describe('fail closed: no randomness, no secret', () => {
  const throwsNoEntropy = (fn, what) =>
    assert.throws(fn, (e) => {
      assert.ok(e instanceof JwtSecretKitError, `${what}: expected a JwtSecretKitError, got ${e}`);
      assert.equal(e.code, 'ERR_NO_ENTROPY', `${what}: ${e.message}`);
      return true;
    }, what);
  const withCrypto = (value, fn) => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    try {
      Object.defineProperty(globalThis, 'crypto', { value, configurable: true, writable: true });
      return fn();
    } finally {
      Object.defineProperty(globalThis, 'crypto', saved);
    }
  };
  const every = [
    ['bytes', () => generateSecret()],
    ['HS512 hex', () => generateSecret({ alg: 'HS512', format: 'hex' })],
    ['alphabet', () => generateSecret({ alphabet: 'abcdef' })],
    ['env', () => generateSecret({ name: 'JWT_SECRET' })],
    ['jwk', () => generateSecret({ format: 'jwk' })],
  ];

  test('no crypto at start-up: init() rejects with ERR_NO_ENTROPY and no call works', () => {
    const script = `
      Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
      const kit = await import(${JSON.stringify(new URL('../../dist/index.mjs', import.meta.url).href)});
      const out = {};
      try { await kit.ready; out.ready = 'resolved'; } catch (e) { out.ready = e.code; out.message = e.message; }
      try { kit.generateSecret(); out.generate = 'returned'; } catch (e) { out.generate = e.code; }
      console.log(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 10000 });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.ready, 'ERR_NO_ENTROPY');
    assert.match(out.message, /getRandomValues/);
    assert.equal(out.generate, 'ERR_NOT_READY');
  });

  test('crypto missing, without getRandomValues, or getRandomValues not a function: every path throws', () => {
    for (const [label, value] of [['undefined', undefined], ['{}', {}], ['not a function', { getRandomValues: 42 }]]) {
      withCrypto(value, () => {
        for (const [what, fn] of every) throwsNoEntropy(fn, `crypto ${label}, ${what}`);
      });
    }
  });

  test('a getRandomValues that throws: every path throws, nothing is returned', () => {
    const broken = { getRandomValues() { throw new Error('entropy source failed'); } };
    withCrypto(broken, () => {
      for (const [what, fn] of every) throwsNoEntropy(fn, `throwing getRandomValues, ${what}`);
    });
  });

  test('a getRandomValues that fails part-way: no partial secret', () => {
    // The alphabet generator refills a 256-byte pool; '01' at length 4096 needs about 16 refills.
    let calls = 0;
    const flaky = {
      getRandomValues(a) {
        if (++calls > 3) throw new Error('entropy source failed');
        return globalThis.__realCrypto.getRandomValues(a);
      },
    };
    globalThis.__realCrypto = globalThis.crypto;
    try {
      withCrypto(flaky, () => throwsNoEntropy(() => generateSecret({ alphabet: '01', length: 4096 }), 'flaky source'));
      assert.ok(calls > 3, 'the failure happened after some successful calls');
    } finally {
      delete globalThis.__realCrypto;
    }
  });

  test('afterwards, with crypto back, everything works again', () => {
    for (const [, fn] of every) assert.equal(typeof fn(), 'string');
  });

  // A getRandomValues that returns without filling the array cannot be told from a working one in
  // general: any bytes it leaves are possible random output. The shim cannot detect it, so the
  // secret is then predictable (here: the same twice). This test documents that limit; a runtime
  // whose crypto.getRandomValues is replaced by such a function is compromised beyond what a
  // library can check. (If detection is ever added, the call must throw ERR_NO_ENTROPY instead.)
  test('documented limit: a getRandomValues that returns without filling cannot be detected', (t) => {
    const lazy = { getRandomValues(a) { return a; } };
    const outcome = withCrypto(lazy, () => {
      try {
        return { a: generateSecret(), b: generateSecret() };
      } catch (e) {
        return { code: e.code };
      }
    });
    if (outcome.code !== undefined) {
      assert.equal(outcome.code, 'ERR_NO_ENTROPY');
      t.diagnostic('a non-filling getRandomValues was detected (ERR_NO_ENTROPY)');
    } else {
      assert.match(outcome.a, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(outcome.a, outcome.b, 'undetected, and then predictable');
      t.diagnostic(`undetected: a non-filling getRandomValues gives a predictable secret (${outcome.a.slice(0, 8)}...)`);
    }
  });
});

describe('memory hygiene: checkSecret leaves no copy of the secret in the WASM heap', () => {
  // The memories of all five modules, one after another (the check module's is the one checkSecret uses).
  const heap = () => Buffer.concat(memories.map((m) => Buffer.from(m.buffer)));
  // Every form a copy could take: the text, fragments of 12 bytes from its start, middle and end,
  // lowercase, its letters only (lowercase), reversed, and the decoded key bytes.
  const forms = (text, decoded) => {
    const bytes = Buffer.from(text, 'utf8');
    const lower = text.toLowerCase();
    const letters = lower.replace(/[^a-z]/g, '');
    const out = {
      text: bytes,
      start: bytes.subarray(0, 12),
      middle: bytes.subarray(Math.max(0, (bytes.length >> 1) - 6), (bytes.length >> 1) + 6),
      end: bytes.subarray(-12),
      lowercase: Buffer.from(lower),
      reversed: Buffer.from([...text].reverse().join('')),
    };
    if (letters.length >= 12) out.letters = Buffer.from(letters.slice(0, 12));
    if (decoded && decoded.length >= 12) {
      out.decoded = decoded;
      out['decoded start'] = decoded.subarray(0, 12);
    }
    return out;
  };
  const assertAbsent = (text, decoded, what) => {
    const h = heap();
    for (const [form, needle] of Object.entries(forms(text, decoded))) {
      const at = h.indexOf(needle);
      assert.equal(at, -1, `${what}: its ${form} is in WASM memory at offset ${at}`);
    }
  };

  test('the memories of the seven modules were captured, and the scan sees what is in them', () => {
    assert.equal(memories.length, 7);
    const h = Buffer.from(memories[2].buffer);
    const at = h.length - 64;
    const saved = Buffer.from(h.subarray(at));
    Buffer.from('scan-canary-0123456789').copy(h, at);
    assert.notEqual(heap().indexOf('scan-canary-0123456789'), -1);
    saved.copy(h, at);
  });

  // Random lowercase letters: fragments of the secrets below must not occur in the core's own data
  // (its dictionaries contain words, sequences and known secrets), or the scan would see them.
  const letters = (n) => [...randomBytes(n)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  const cases = {
    'random base64url (strong)': () => [randomBytes(32).toString('base64url'), 'base64url'],
    'random hex': () => [randomBytes(48).toString('hex'), 'hex'],
    'random base64': () => [randomBytes(64).toString('base64'), 'base64'],
    'words and digits (weak)': () => [`Correct-Horse-Battery-${randomBytes(4).readUInt32BE()}-staple`, null],
    'placeholder-like phrase': () => [`insert_${letters(16)}_here_${letters(16)}`, null],
    'letters only': () => [letters(40), null],
    'letters, digits and separators': () => [`${letters(10)}-${letters(10)}.2024_${letters(10)} ${letters(6)}`, null],
    // (a header of its own: the core's self-test holds tokens whose first characters, eyJhbGciOiJI, every
    // {"alg":"HS… header shares)
    'a JWT used as a secret': () => [`${Buffer.from(JSON.stringify({ [letters(8)]: 1, alg: 'HS256' })).toString('base64url')}.${randomBytes(24).toString('base64url')}.${randomBytes(32).toString('base64url')}`, null],
    'a UUID': () => [`${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-4${randomBytes(2).toString('hex').slice(1)}-a${randomBytes(2).toString('hex').slice(1)}-${randomBytes(6).toString('hex')}`, null],
    'non-ASCII': () => [`clé-secrète-日本-${randomBytes(8).toString('base64url')}`, null],
    'longer than one analysis window (2000 characters)': () => [randomBytes(1500).toString('base64url').slice(0, 2000), 'base64url'],
    'whitespace around': () => [`  ${randomBytes(20).toString('base64url')}\t`, null],
  };
  for (const [what, make] of Object.entries(cases)) {
    test(what, () => {
      const [text, encoding] = make();
      const decoded = encoding ? Buffer.from(text, encoding) : null;
      for (const enc of ['raw', 'auto', ...(encoding ? [encoding] : [])]) {
        const r = checkSecret(text, { encoding: enc });
        assert.ok(['weak', 'fair', 'strong'].includes(r.verdict));
        assert.ok(!JSON.stringify(r).includes(text), 'the report does not contain the secret');
        assertAbsent(text, decoded, `${what} (${enc})`);
      }
      // As bytes too.
      checkSecret(new Uint8Array(Buffer.from(text)));
      assertAbsent(text, decoded, `${what} (Uint8Array)`);
    });
  }

  test('a secret refused by the decoder (bad character at the end) leaves nothing either', () => {
    const text = `${randomBytes(30).toString('hex')}zz`;
    assert.throws(() => checkSecret(text, { encoding: 'hex' }), (e) => e.code === 'ERR_BAD_CHARACTER');
    assertAbsent(text, Buffer.from(text.slice(0, -2), 'hex'), 'rejected hex');
  });
});
