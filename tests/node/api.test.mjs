// api.test.mjs — the JS API over the WASM core: encodings against Buffer, every preset and format,
// argument errors with stable codes, and a heap scan proving no secret stays in WASM memory.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, test } from 'node:test';

import { importWithMemories } from './wasm-memory.mjs';

// The core's WebAssembly.Memory, captured as it is instantiated, to scan it later.
const { modules: [kit], memories } = await importWithMemories(new URL('../../dist/index.mjs', import.meta.url));
const { ready, init, generateSecret, describeSecret, encode, decode, JwtSecretKitError } = kit;

const throwsCode = (fn, code) =>
  assert.throws(fn, (e) => {
    assert.ok(e instanceof JwtSecretKitError, `expected a JwtSecretKitError, got ${e}`);
    assert.ok(e instanceof Error);
    assert.equal(e.code, code, `code of "${e.message}"`);
    assert.ok(e.message.length > 10);
    return true;
  });

before(async () => {
  await ready;
  await init(); // a second init() is a no-op
});

describe('encodings agree with Buffer', () => {
  test('every length 0..300 in every encoding, both ways', () => {
    for (let len = 0; len <= 300; len++) {
      const bytes = new Uint8Array(randomBytes(len));
      const buf = Buffer.from(bytes);
      const want = {
        base64: buf.toString('base64'),
        base64url: buf.toString('base64url'),
        hex: buf.toString('hex'),
        'base64url-padded': buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
      };
      for (const [format, text] of Object.entries(want)) {
        assert.equal(encode(bytes, format), text, `${format} of ${len} bytes`);
        assert.deepEqual(decode(text, format), bytes, `decode ${format} of ${len} bytes`);
      }
      assert.equal(encode(bytes), want.base64url, 'base64url is the default');
    }
  });

  test('RFC 4648 §10 vectors', () => {
    const vectors = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [plain, b64] of vectors) {
      const bytes = new TextEncoder().encode(plain);
      assert.equal(encode(bytes, 'base64'), b64);
      assert.equal(encode(bytes, 'base64url'), b64.replace(/=+$/, ''));
      assert.equal(encode(bytes, 'hex'), Buffer.from(plain).toString('hex'));
      assert.deepEqual(decode(Buffer.from(plain).toString('hex').toUpperCase(), 'hex'), bytes);
    }
  });

  test('strict decoding: each rejection has its code', () => {
    throwsCode(() => decode('Zh==', 'base64'), 'ERR_TRAILING_BITS');
    throwsCode(() => decode('Zh', 'base64url'), 'ERR_TRAILING_BITS');
    throwsCode(() => decode('Zg', 'base64'), 'ERR_BAD_PADDING');
    throwsCode(() => decode('Zg==', 'base64url'), 'ERR_BAD_PADDING');
    throwsCode(() => decode('Zm9v Yg==', 'base64'), 'ERR_BAD_CHARACTER');
    throwsCode(() => decode('-_8=', 'base64'), 'ERR_BAD_CHARACTER');
    throwsCode(() => decode('+/8', 'base64url'), 'ERR_BAD_CHARACTER');
    throwsCode(() => decode('Zm\0v', 'base64url'), 'ERR_BAD_CHARACTER');
    throwsCode(() => decode('Zmé9', 'base64url'), 'ERR_BAD_CHARACTER');
    throwsCode(() => decode('Z', 'base64url'), 'ERR_BAD_LENGTH');
    throwsCode(() => decode('abc', 'hex'), 'ERR_BAD_LENGTH');
    throwsCode(() => decode('0g', 'hex'), 'ERR_BAD_CHARACTER');
    throwsCode(() => decode('00', 'binary'), 'ERR_UNKNOWN_FORMAT');
    throwsCode(() => decode(42, 'hex'), 'ERR_INVALID_ARGUMENT');
    throwsCode(() => encode('text', 'hex'), 'ERR_INVALID_ARGUMENT');
    throwsCode(() => encode([1, 2], 'hex'), 'ERR_INVALID_ARGUMENT');
  });

  test('an input too large for the WASM heap: ERR_OUT_OF_MEMORY, and the API keeps working', () => {
    throwsCode(() => encode(new Uint8Array(150 * 2 ** 20), 'hex'), 'ERR_OUT_OF_MEMORY');
    assert.match(generateSecret(), /^[A-Za-z0-9_-]{43}$/);
  });

  test('a megabyte round trip', () => {
    const bytes = new Uint8Array(randomBytes(1 << 20));
    const text = encode(bytes, 'base64');
    assert.equal(text, Buffer.from(bytes).toString('base64'));
    assert.deepEqual(decode(text, 'base64'), bytes);
  });
});

describe('envLine: the core writes .env lines the real dotenv reads back', () => {
  test('bare, quoted and refused values; names by the core\'s rule', async () => {
    const dotenv = (await import('dotenv')).default;
    const { envLine } = kit;
    assert.equal(envLine('JWT_SECRET', 'abc_-XYZ'), 'JWT_SECRET=abc_-XYZ');
    for (const value of ['abc', 'x#y', 'q"z', '$HOME', 'a=b', generateSecret({ format: 'base64' })]) {
      const line = envLine('K', value);
      assert.equal(dotenv.parse(`${line}\n`).K, value, line);
    }
    throwsCode(() => envLine('9BAD', 'x'), 'ERR_BAD_NAME');
    throwsCode(() => envLine('', 'x'), 'ERR_BAD_NAME');
    throwsCode(() => envLine('K', "it's"), 'ERR_UNSAFE_VALUE');
    throwsCode(() => envLine('K', 'a b'), 'ERR_UNSAFE_VALUE'); // printable means '!'..'~' here
    throwsCode(() => envLine('K', 'a\nb'), 'ERR_UNSAFE_VALUE');
    throwsCode(() => envLine('K', 5), 'ERR_INVALID_ARGUMENT');
  });
});

describe('generateSecret', () => {
  const presets = { HS256: 32, HS384: 48, HS512: 64 };
  const patterns = {
    base64url: /^[A-Za-z0-9_-]+$/,
    base64: /^[A-Za-z0-9+/]+={0,2}$/,
    hex: /^[0-9a-f]+$/,
    'base64url-padded': /^[A-Za-z0-9_-]+={0,2}$/,
  };
  const lengths = (n) => ({
    base64url: Math.ceil((n * 4) / 3),
    base64: Math.ceil(n / 3) * 4,
    hex: 2 * n,
    'base64url-padded': Math.ceil(n / 3) * 4,
  });

  test('every preset in every encoding: right length, right bytes, unique', () => {
    for (const [alg, n] of Object.entries(presets)) {
      for (const [format, re] of Object.entries(patterns)) {
        const seen = new Set();
        for (let i = 0; i < 300; i++) {
          const s = generateSecret({ alg, format });
          assert.match(s, re);
          assert.equal(s.length, lengths(n)[format], `${alg} ${format}`);
          assert.equal(decode(s, format).length, n);
          seen.add(s);
        }
        assert.equal(seen.size, 300, `${alg} ${format}: all unique`);
      }
    }
  });

  test('defaults: HS256, 32 bytes, unpadded base64url (43 characters)', () => {
    assert.match(generateSecret(), /^[A-Za-z0-9_-]{43}$/);
    assert.match(generateSecret({}), /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(describeSecret(), { alg: null, format: 'base64url', bytes: 32, characters: 43, entropyBits: 256 });
    assert.deepEqual(describeSecret({ alg: 'HS512', format: 'hex' }), {
      alg: 'HS512', format: 'hex', bytes: 64, characters: 128, entropyBits: 512,
    });
  });

  test('env format: NAME=value, default JWT_SECRET; name implies env', () => {
    assert.match(generateSecret({ format: 'env' }), /^JWT_SECRET=[A-Za-z0-9_-]{43}$/);
    assert.match(generateSecret({ format: 'env', alg: 'HS384' }), /^JWT_SECRET=[A-Za-z0-9_-]{64}$/);
    assert.match(generateSecret({ name: 'JWT_REFRESH_SECRET' }), /^JWT_REFRESH_SECRET=[A-Za-z0-9_-]{43}$/);
    assert.match(generateSecret({ name: '_a1', alphabet: 'abc#$' }), /^_a1='[abc#$]{111}'$/);
    throwsCode(() => generateSecret({ name: '1JWT' }), 'ERR_BAD_NAME');
    throwsCode(() => generateSecret({ name: 'JWT-SECRET' }), 'ERR_BAD_NAME');
    throwsCode(() => generateSecret({ name: '' }), 'ERR_BAD_NAME');
    throwsCode(() => generateSecret({ name: 'X'.repeat(129) }), 'ERR_BAD_NAME');
    throwsCode(() => generateSecret({ name: 'X', format: 'hex' }), 'ERR_OPTION_CONFLICT');
    throwsCode(() => generateSecret({ name: 7 }), 'ERR_INVALID_ARGUMENT');
  });

  test('bytes: any size 1..4096 alone, at least the algorithm size with alg', () => {
    assert.equal(decode(generateSecret({ bytes: 1 })).length, 1);
    assert.equal(decode(generateSecret({ bytes: 16 })).length, 16);
    assert.equal(decode(generateSecret({ bytes: 4096, format: 'hex' }), 'hex').length, 4096);
    assert.equal(decode(generateSecret({ alg: 'HS256', bytes: 64 })).length, 64);
    throwsCode(() => generateSecret({ alg: 'HS256', bytes: 31 }), 'ERR_KEY_TOO_SHORT');
    throwsCode(() => generateSecret({ alg: 'HS512', bytes: 48 }), 'ERR_KEY_TOO_SHORT');
    throwsCode(() => generateSecret({ bytes: 4097 }), 'ERR_OUT_OF_RANGE');
    for (const bad of [0, -1, 1.5, '32', NaN, Infinity, 2 ** 32 + 32, null]) {
      throwsCode(() => generateSecret({ bytes: bad }), 'ERR_OUT_OF_RANGE');
    }
  });

  test('custom alphabets: only its characters, default length for the bits, no bias shortcut', () => {
    const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const s = generateSecret({ alphabet: alnum });
    assert.match(s, /^[A-Za-z0-9]{43}$/);
    assert.equal(generateSecret({ alphabet: '0123456789', alg: 'HS512' }).length, 155);
    assert.equal(generateSecret({ alphabet: '01', length: 10 }).length, 10);
    assert.deepEqual(describeSecret({ alphabet: '0123456789abcdef', alg: 'HS256' }), {
      alg: 'HS256', format: 'base64url', bytes: null, characters: 64, entropyBits: 256,
    });
    const counts = new Map();
    for (let i = 0; i < 200; i++) for (const c of generateSecret({ alphabet: 'abc', length: 100 })) counts.set(c, (counts.get(c) ?? 0) + 1);
    assert.deepEqual([...counts.keys()].sort(), ['a', 'b', 'c']);
    for (const n of counts.values()) assert.ok(Math.abs(n - 20000 / 3) < 600, `symbol count ${n}`);
    throwsCode(() => generateSecret({ alphabet: '0123456789', alg: 'HS256', length: 77 }), 'ERR_KEY_TOO_SHORT');
    throwsCode(() => generateSecret({ alphabet: 'a' }), 'ERR_BAD_ALPHABET');
    throwsCode(() => generateSecret({ alphabet: 'abca' }), 'ERR_BAD_ALPHABET');
    throwsCode(() => generateSecret({ alphabet: 'ab c' }), 'ERR_BAD_ALPHABET');
    throwsCode(() => generateSecret({ alphabet: 'abcé' }), 'ERR_BAD_ALPHABET');
    throwsCode(() => generateSecret({ alphabet: 'ab\0' }), 'ERR_BAD_ALPHABET');
    throwsCode(() => generateSecret({ alphabet: '01', length: 4097 }), 'ERR_OUT_OF_RANGE');
    throwsCode(() => generateSecret({ alphabet: 'ab', bytes: 32 }), 'ERR_OPTION_CONFLICT');
    throwsCode(() => generateSecret({ alphabet: 'ab', format: 'hex' }), 'ERR_OPTION_CONFLICT');
    throwsCode(() => generateSecret({ length: 20 }), 'ERR_OPTION_CONFLICT');
    // The rules and their words are the core's: the CLI says the same with "--" before each option.
    assert.throws(() => generateSecret({ alphabet: 'ab', bytes: 32 }), {
      message: 'generateSecret: bytes and alphabet exclude each other (size an alphabet secret with length)',
    });
  });

  test('bad options: unknown names and values are errors, never ignored', () => {
    throwsCode(() => generateSecret({ byte: 64 }), 'ERR_INVALID_ARGUMENT');
    throwsCode(() => generateSecret('HS256'), 'ERR_INVALID_ARGUMENT');
    throwsCode(() => generateSecret(null), 'ERR_INVALID_ARGUMENT');
    throwsCode(() => generateSecret([]), 'ERR_INVALID_ARGUMENT');
    throwsCode(() => generateSecret({ alg: 'hs256' }), 'ERR_UNKNOWN_ALG');
    throwsCode(() => generateSecret({ alg: 'none' }), 'ERR_UNKNOWN_ALG');
    throwsCode(() => generateSecret({ alg: 'RS256' }), 'ERR_UNKNOWN_ALG');
    throwsCode(() => generateSecret({ alg: 256 }), 'ERR_INVALID_ARGUMENT');
    throwsCode(() => generateSecret({ format: 'jwk', alphabet: 'abc' }), 'ERR_OPTION_CONFLICT');
    throwsCode(() => generateSecret({ format: 'pem' }), 'ERR_UNKNOWN_FORMAT');
    throwsCode(() => generateSecret({ format: 'HEX' }), 'ERR_UNKNOWN_FORMAT');
    throwsCode(() => describeSecret({ alg: 'HS1' }), 'ERR_UNKNOWN_ALG');
  });
});

describe('heap hygiene', () => {
  // Every module's memory (generate, codecs, jwt, inspect, envfiles, check, audit): a secret must be in none of them.
  const absent = (needle, what) => memories.forEach((m, i) =>
    assert.equal(Buffer.from(m.buffer).indexOf(Buffer.from(needle)), -1, `${what} left in the heap of WASM module #${i}`));

  test('the memories of the seven modules were captured', () => {
    assert.equal(memories.length, 7);
    for (const m of memories) assert.ok(m.buffer.byteLength >= 1 << 16);
  });

  test('no generated secret, in text or as bytes, stays in WASM memory', () => {
    for (const format of ['hex', 'base64url', 'base64', 'env']) {
      for (const alg of ['HS256', 'HS512']) {
        const s = generateSecret({ alg, format });
        const value = format === 'env' ? s.slice(s.indexOf('=') + 1) : s;
        absent(value, `${alg} ${format} secret`);
        const bytes = decode(value, format === 'env' ? 'base64url' : format);
        absent(bytes, `${alg} ${format} secret bytes`);
      }
    }
    const a = generateSecret({ alphabet: 'abcdefghijklmnopqrstuvwxyz', length: 64 });
    absent(a, 'alphabet secret');
  });

  test('no secret of generated .env files stays in WASM memory (the envfiles module), in any layout', () => {
    for (const layout of ['files', 'prefix', 'rotation', 'k8s']) {
      const set = kit.generateEnvFiles({ names: ['A_SECRET', 'B_SECRET'], environments: ['dev', 'prod'], layout, bytes: 48 });
      const values = set.files.flatMap((f) => [...f.content.matchAll(/(?:=|: ')([A-Za-z0-9_-]{64})/g)].map((m) => m[1]));
      assert.equal(values.length, layout === 'rotation' ? 8 : 4, `${layout}: the secrets found in the files`);
      for (const v of values) {
        absent(v, `${layout} .env secret`);
        absent(decode(v, 'base64url'), `${layout} .env secret bytes`);
      }
      absent(set.files[0].content, `${layout} file text`);
    }
  });

  test('encode/decode inputs and outputs are wiped, also when decoding fails', () => {
    const bytes = new Uint8Array(randomBytes(48));
    const text = encode(bytes, 'base64');
    absent(bytes, 'encoded bytes');
    absent(text, 'encoded text');
    decode(text, 'base64');
    absent(bytes, 'decoded bytes');
    const bad = `${text.slice(0, 40)}!!!!`;
    assert.throws(() => decode(bad, 'base64'));
    absent(bad, 'rejected input');
    const badHex = `${Buffer.from(bytes).toString('hex')}zz`;
    assert.throws(() => decode(badHex, 'hex'));
    absent(badHex, 'rejected hex input');
    absent(bytes.subarray(0, 32), 'partially decoded bytes');
  });
});

describe('randomness source', () => {
  test('no crypto.getRandomValues after init: ERR_NO_ENTROPY, then working again', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    try {
      Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true });
      throwsCode(() => generateSecret(), 'ERR_NO_ENTROPY');
      throwsCode(() => generateSecret({ alphabet: 'abc' }), 'ERR_NO_ENTROPY');
      Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true, writable: true });
      throwsCode(() => generateSecret(), 'ERR_NO_ENTROPY');
      Object.defineProperty(globalThis, 'crypto', {
        value: { getRandomValues() { throw new Error('broken'); } }, configurable: true, writable: true,
      });
      throwsCode(() => generateSecret({ alg: 'HS512' }), 'ERR_NO_ENTROPY');
    } finally {
      Object.defineProperty(globalThis, 'crypto', saved);
    }
    assert.match(generateSecret(), /^[A-Za-z0-9_-]{43}$/);
  });
});

describe('checkSecret: context words and the meaning of the verdict', () => {
  test("the project's name costs almost nothing, as the CLI's --context; the report says what its verdict means", () => {
    const secret = `zorblax-${randomBytes(2).toString('hex')}-jwt-key`;
    const without = kit.checkSecret(secret);
    const withName = kit.checkSecret(secret, { context: ['zorblax', 'acme'] });
    assert.ok(withName.entropy_bits < without.entropy_bits, `${withName.entropy_bits} < ${without.entropy_bits}`);
    assert.ok(withName.findings.some((f) => f.code === 'CONTEXT'));
    assert.equal(withName.verdict, 'weak');
    assert.equal(kit.checkSecret(secret, { context: 'zorblax' }).entropy_bits, kit.checkSecret(secret, { context: ['zorblax'] }).entropy_bits);
    for (const r of [without, withName]) {
      assert.equal(typeof r.meaning, 'string');
      assert.ok(r.meaning.length > 20);
      assert.ok(!r.meaning.includes(secret) && !r.meaning.includes('zorblax'), 'the report never holds the secret');
    }
    // A random secret stays strong whatever the context.
    const strong = generateSecret();
    assert.equal(kit.checkSecret(strong, { context: ['zorblax'] }).verdict, 'strong');
    throwsCode(() => kit.checkSecret('x', { context: 5 }), 'ERR_INVALID_ARGUMENT');
    throwsCode(() => kit.checkSecret('x', { context: ['a'.repeat(2000)] }), 'ERR_OUT_OF_RANGE');
  });
});
