// strength-random.test.mjs — no false alarms on random secrets, whatever generator or alphabet made
// them: 2,000 CSPRNG secrets per generator must be strong for HS256 (two joined UUIDs v4, 244 bits,
// fair). tests/bench/strength_random.c runs the same generators by the million natively.
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import { checkSecret, ready } from '../../dist/index.mjs';

const PER_GENERATOR = 2000;
const pick = (alphabet, n) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
const base32 = (buf, pad) => {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, v = 0, out = '';
  for (const b of buf) {
    v = ((v << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) { out += A[(v >>> (bits - 5)) & 31]; bits -= 5; }
  }
  if (bits > 0) out += A[(v << (5 - bits)) & 31];
  while (pad && out.length % 8) out += '=';
  return out;
};
// Z85 (ZeroMQ) and Ascii85 (btoa, no 'z' shorthand): 5 characters per 4 bytes.
const base85 = (buf, alphabet) => {
  let out = '';
  for (let i = 0; i < buf.length; i += 4) {
    let v = buf.readUInt32BE(i);
    const group = [];
    for (let k = 0; k < 5; k++) { group.push(alphabet ? alphabet[v % 85] : String.fromCharCode(33 + (v % 85))); v = Math.floor(v / 85); }
    out += group.reverse().join('');
  }
  return out;
};
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const Z85 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
const PRINTABLE = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');
const DJANGO = 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)'; // django.core.management.utils.get_random_secret_key

const notBase64 = (make) => {
  for (;;) {
    const s = make();
    if (!/^[A-Za-z0-9+/]+$/.test(s) && !/^[A-Za-z0-9_-]+$/.test(s)) return s;
  }
};

const GENERATORS = {
  'hex, 32 bytes (openssl rand -hex 32, secrets.token_hex(32))': () => randomBytes(32).toString('hex'),
  'HEX uppercase, 32 bytes': () => randomBytes(32).toString('hex').toUpperCase(),
  'hex, 64 bytes': () => randomBytes(64).toString('hex'),
  'base64, 32 bytes (openssl rand -base64 32)': () => randomBytes(32).toString('base64'),
  'base64, 64 bytes': () => randomBytes(64).toString('base64'),
  'base64url, 32 bytes (secrets.token_urlsafe(32))': () => randomBytes(32).toString('base64url'),
  'base64url, 48 bytes': () => randomBytes(48).toString('base64url'),
  'base32 padded, 32 bytes': () => base32(randomBytes(32), true),
  'base32 unpadded, 40 bytes': () => base32(randomBytes(40), false),
  // About 1 in 30,000 Z85 strings has only + and / for symbols, and about as many only - : such a
  // string is also valid base64 (or base64url) of 30 bytes, 240 bits, and is costed so (fair, as a
  // 30-byte base64 key must be). Those are drawn again.
  'Z85, 32 bytes (not also base64)': () => {
    for (;;) {
      const s = base85(randomBytes(32), Z85);
      if (!/^[A-Za-z0-9+/]+$/.test(s) && !/^[A-Za-z0-9_-]+$/.test(s)) return s;
    }
  },
  // Ascii85 as well: made of base64 characters only (about 1 in 2 million), it is a 30-byte base64 key too.
  'Ascii85, 32 bytes': () => notBase64(() => base85(randomBytes(32))),
  'alphanumeric, 43 characters': () => pick(ALNUM, 43),
  'alphanumeric, 64 characters': () => pick(ALNUM, 64),
  // As Z85: printable strings made of base64 (base64url) characters only, about 1 in 2.4 million of 40,
  // are a 30-byte base64 key as well, costed so (fair). Those are drawn again.
  '94 printable, 40 characters (password managers)': () => notBase64(() => pick(PRINTABLE, 40)),
  '94 printable, 64 characters': () => notBase64(() => pick(PRINTABLE, 64)),
  "Django's get_random_secret_key(), 50 characters": () => pick(DJANGO, 50),
  'three UUIDs v4 joined': () => [randomUUID(), randomUUID(), randomUUID()].join('-'),
  // One class only: 64 lowercase letters hold 300 bits, and chance short words in them once added up
  // to 45 bits 1 time in 35 (typed-text rules); lowercase and digits, 330 bits.
  'lowercase letters, 64 characters': () => pick('abcdefghijklmnopqrstuvwxyz', 64),
  'lowercase and digits, 64 characters': () => pick('abcdefghijklmnopqrstuvwxyz0123456789', 64),
};

before(async () => {
  await ready;
});

for (const [name, make] of Object.entries(GENERATORS)) {
  test(`${name}: ${PER_GENERATOR} are strong for HS256`, () => {
    const alarms = [];
    for (let i = 0; i < PER_GENERATOR; i++) {
      const s = make();
      const r = checkSecret(s);
      if (r.verdict !== 'strong') alarms.push(`${s}: ${r.verdict} ${r.entropy_bits} [${r.findings.map((f) => f.code)}]`);
    }
    assert.deepEqual(alarms, []);
  });
}

// CSPRNG base32 keys (40 bytes, unpadded) that an earlier analyzer called "fair": a long run of
// capitals that the model of typed words found barely word-like was costed as one word (18 bits
// for 20 letters). Found by `jsk_strength_random 1000000 8` (9 in 10^6); each must be strong.
const BASE32_ONCE_FAIR = [
  'LTBXXGI56ZSACS2BS23YF7224VACZEHMUMMENILIMFOTAMSN72EFJ3CX5RTF4W3B',
  'RSTAISYCZIJQZQ4BHNAH4UQ3TOC3QSVUABIGCSVSEIZSJ4IRESTALROKPI335TXP',
  '4NNEASPERFAKHORNOSNF45Z5EIYTM2X2QMGADVEQVAV436KDYDWWGSQCQVMJ3QIM',
  'HGHKDJE6UETGY6RHX6JACZAMUALISPEUHP65OHX5KLNCT4VOROWSZL7XSBPZYMVR',
  'LMKDXLHHCLQKWS6B3ENUTOIRLAUSSDADAFOG7JWD6X4XL3OU2VTTENWU7UA5UOV5',
  'RB2IFOIGMPN3H3TUEUFEANESKARMIEVINEHQU6JI3TBNGG5IMBE3LFISTWHDTEEC',
  'DPI4FRGERASZENOUOLELSF6YMHPHPT4Q3RXHTGWCEIWFXPMQ4TUMPPIWF5YQVIW5',
  'O5YHOQNSACQYOZKWCQY2PHNZKU6Z63RUIMC5OSIMPBSTAGESTRIBOEET6VLPEYM7',
  'INGLASSIRIMMTW34CDENMUSTSQLVVGQFKXVIXBDCMAO2NDWPKSS4HBZ6J35KOVLU'
];

test('runs of random capitals in base32 are not words: keys once called fair are strong', () => {
  for (const s of BASE32_ONCE_FAIR) {
    const r = checkSecret(s);
    assert.equal(r.verdict, 'strong', `${s}: ${r.verdict} ${r.entropy_bits} [${r.findings.map((f) => f.code)}]`);
    assert.equal(r.entropy_bits, 320);
  }
});

// A CSPRNG Django key (get_random_secret_key()) that an earlier analyzer called "fair": a l33t
// password ("kick45$"), a l33t word and a short counting run saved 65 bits together, over the 64 then
// needed. Found by `jsk_strength_random 1000000 15` (1 in 10^6); machine-made text now needs 80.
test('a random Django key whose chance matches add up to 65 bits is strong', () => {
  const s = 'd415ij^dt&yo0yokick45$vq1j%eo*+7&%9774ekf5cp6cu6%b';
  const r = checkSecret(s);
  assert.equal(r.verdict, 'strong', `${r.entropy_bits} [${r.findings.map((f) => f.code)}]`);
});

// Words joined by one separator, with a number among them, are typed text, not base64url: read as
// machine-made, their short words save too little each to count, and they came out strong.
test('a phrase of short words with a number in it is not strong', () => {
  for (const s of ['ten-klucz-jest-dla-apki-moja-nowa-wersja-12-tak', 'kod-dla-apki-nie-dawaj-nikomu-bo-to-tajne-99-ok',
    'KOD_DLA_APKI_NIE_DAWAJ_NIKOMU_BO_TO_TAJNE_99_OK']) {
    const r = checkSecret(s);
    assert.notEqual(r.verdict, 'strong', `${s}: ${r.entropy_bits}`);
    assert.ok(r.entropy_bits < 200, `${s}: ${r.entropy_bits}`);
  }
});

// A hand mash of a few keys holds log2(keys) bits a character, not its classes' bits: 56 characters
// of 8 keys drawn from lowercase and digits hold 168 bits (plus which 8 keys), never 256.
test('a mash of a few keys, however long, is not strong; random text of its classes is', () => {
  const classes = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 200; i++) {
    const keys = pick(classes, 8);
    const s = pick(keys, 56);
    const r = checkSecret(s);
    assert.notEqual(r.verdict, 'strong', `${s}: ${r.entropy_bits}`);
    // 8 keys that are all hex digits (about 1 in 700) make hex text: 4 bits a digit, 224, fair anyway.
    if (!/^[0-9a-f]+$/.test(s)) assert.ok(r.entropy_bits <= 200, `${s}: ${r.entropy_bits}`);
    const random = pick(classes, 56);
    assert.equal(checkSecret(random).verdict, 'strong', random);
  }
});

// Published digests of common words: SHA-512 as well as MD5, SHA-1 and SHA-256, in hex.
test('hex SHA-512 digests of common words are weak; random 64-byte hex is strong', () => {
  for (const w of ['secret', 'password', 'admin', 'letmein', 'dragon', 'qwerty']) {
    const r = checkSecret(createHash('sha512').update(w).digest('hex'));
    assert.equal(r.verdict, 'weak', w);
    assert.ok(r.findings.some((f) => f.code === 'KNOWN_CONSTANT'), w);
  }
  for (let i = 0; i < 200; i++) assert.equal(checkSecret(randomBytes(64).toString('hex'), { alg: 'HS512' }).verdict, 'strong');
});

// Key generator pages that walk their character set (allkeysgenerator.com's "encryption key": two
// interleaved streams, each about 3 places along lowercase, uppercase and digits without
// look-alikes, then 12 symbols): whatever the starting places, such a key is not strong.
test('keys that walk a generator page\'s character set are not strong, whatever the start', () => {
  const SET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789!$/%&?*)(-@+';
  for (let i = 0; i < 300; i++) {
    const at = [randomInt(SET.length), randomInt(SET.length)];
    let s = '';
    for (let k = 0; k < 64; k++) {
      s += SET[at[k % 2]];
      at[k % 2] = (at[k % 2] + (randomInt(8) === 0 ? 2 : 3)) % SET.length;
    }
    const r = checkSecret(s);
    assert.notEqual(r.verdict, 'strong', `${s}: ${r.entropy_bits}`);
    assert.ok(r.findings.some((f) => f.code === 'SEQUENCE'), s);
  }
});

test('UUIDs are costed as UUIDs: two v4 joined hold 244 bits, fair for HS256', () => {
  for (let i = 0; i < PER_GENERATOR; i++) {
    for (const sep of ['-', '', '_']) {
      const r = checkSecret([randomUUID(), randomUUID()].join(sep));
      assert.equal(r.verdict, 'fair');
      assert.ok(r.entropy_bits >= 244 && r.entropy_bits <= 247, `${r.entropy_bits}`);
      assert.ok(r.findings.some((f) => f.code === 'UUID'));
    }
  }
});
