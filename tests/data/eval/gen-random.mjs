// Generates random.jsonl: truly random secrets from the generators and alphabets people use,
// with the verdict each one must get, fixed before any checker runs.
//
//   node tests/data/eval/gen-random.mjs [--per N] [--seed TEXT] [--out FILE]
//
// Deterministic: the bytes come from AES-256-CTR keyed with SHA-256(seed) over a zero stream
// (node:crypto only), so the same seed always gives the same file. Characters over an alphabet
// are drawn by rejection sampling (uniform). Each line:
//   { value, generator, alphabet, size, entropy_bits, expect, expect_by_alg, split }
// expect (HS256): entropy >= 256 bits -> "strong"; 80..256 -> "fair"; 64..80 -> "not-strong"
// (weak or fair both acceptable); < 64 -> "weak". expect_by_alg applies the same rule with the
// hash size of HS384 (384) and HS512 (512). split: same rule as human.jsonl (first byte of
// SHA-256 of the value even -> "dev", odd -> "heldout").
import { createCipheriv, createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i < 0 ? dflt : args[i + 1]; };
const PER = Number(opt('--per', '30'));
const SEED = opt('--seed', 'jwt-secret-kit eval random v1');
const OUT = opt('--out', join(dirname(fileURLToPath(import.meta.url)), 'random.jsonl'));

// ---- deterministic byte stream -------------------------------------------------------------
const cipher = createCipheriv('aes-256-ctr', createHash('sha256').update(SEED).digest(), Buffer.alloc(16));
function randomBytes(n) { return cipher.update(Buffer.alloc(n)); }
function randomBelow(n) { // uniform integer in [0, n), n <= 2^32, by rejection
  const limit = Math.floor(0x100000000 / n) * n;
  for (;;) { const x = randomBytes(4).readUInt32BE(0); if (x < limit) return x % n; }
}
function fromAlphabet(alphabet, len) {
  const chars = [...alphabet];
  let s = '';
  for (let i = 0; i < len; i++) s += chars[randomBelow(chars.length)];
  return s;
}

// ---- encoders ------------------------------------------------------------------------------
const hex = (b) => b.toString('hex');
const b64 = (b) => b.toString('base64');
const b64url = (b) => b.toString('base64url');
function base32(b) { // RFC 4648, padded
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, val = 0, out = '';
  for (const byte of b) { val = (val << 8) | byte; bits += 8; while (bits >= 5) { out += A[(val >>> (bits - 5)) & 31]; bits -= 5; } }
  if (bits > 0) out += A[(val << (5 - bits)) & 31];
  while (out.length % 8) out += '=';
  return out;
}
function ascii85(b) { // btoa-style Ascii85 ('!'..'u', 'z' for a zero group), no <~ ~> delimiters
  let out = '';
  for (let i = 0; i < b.length; i += 4) {
    const chunk = Buffer.alloc(4); b.copy(chunk, 0, i, Math.min(i + 4, b.length));
    const n = Math.min(4, b.length - i);
    let v = chunk.readUInt32BE(0);
    if (v === 0 && n === 4) { out += 'z'; continue; }
    const d = [];
    for (let k = 0; k < 5; k++) { d.unshift(String.fromCharCode(33 + (v % 85))); v = Math.floor(v / 85); }
    out += d.join('').slice(0, n + 1);
  }
  return out;
}
function z85(b) { // ZeroMQ Z85 (length must be a multiple of 4)
  const A = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
  if (b.length % 4) throw new Error('z85 needs a multiple of 4 bytes');
  let out = '';
  for (let i = 0; i < b.length; i += 4) {
    let v = b.readUInt32BE(i); const d = [];
    for (let k = 0; k < 5; k++) { d.unshift(A[v % 85]); v = Math.floor(v / 85); }
    out += d.join('');
  }
  return out;
}
function uuid4() {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---- alphabets -----------------------------------------------------------------------------
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
let PRINT94 = ''; for (let c = 33; c <= 126; c++) PRINT94 += String.fromCharCode(c);
const DJANGO = 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)'; // get_random_secret_key()
if (ALNUM.length !== 62 || PRINT94.length !== 94 || DJANGO.length !== 50) throw new Error('alphabet size');

// ---- generators: [name, alphabet label, sizes, make(size) -> value, entropy(size)] ---------
const BYTE_SIZES = [64, 32, 16, 8, 4];
const bytesGen = (name, alphabet, enc, sizes = BYTE_SIZES) =>
  ({ name, alphabet, sizes, unit: 'bytes', make: (n) => enc(randomBytes(n)), bits: (n) => 8 * n });
const charGen = (name, alphabet, chars, sizes) =>
  ({ name, alphabet: `${[...chars].length} symbols`, sizes, unit: 'chars', make: (n) => fromAlphabet(chars, n), bits: (n) => n * Math.log2([...chars].length) });

const GENERATORS = [
  bytesGen('hex', 'hex lowercase', hex),
  bytesGen('hex-upper', 'hex uppercase', (b) => hex(b).toUpperCase()),
  bytesGen('base64', 'base64 padded', b64),
  bytesGen('base64url', 'base64url unpadded', b64url),
  bytesGen('base32', 'base32 RFC 4648 padded', base32),
  bytesGen('ascii85', 'Ascii85 (btoa)', ascii85),
  bytesGen('z85', 'Z85', z85),
  charGen('alphanumeric', ALNUM, ALNUM, [86, 43, 22, 11, 7]),
  charGen('printable-94', PRINT94, PRINT94, [79, 40, 20, 10, 6]),
  charGen('django-get_random_secret_key', DJANGO, DJANGO, [91, 50, 23, 12, 7]),
  // Python secrets.token_urlsafe(n): base64url of n bytes, unpadded (default n = 32)
  bytesGen('python-secrets.token_urlsafe', 'base64url unpadded', b64url, [64, 32, 16, 8]),
  // `openssl rand -base64 n` (padded; the 64-column line wrap of n >= 49 is joined into one line)
  bytesGen('openssl-rand-base64', 'base64 padded', b64, [64, 48, 32, 16, 8]),
  // `openssl rand -hex n`
  bytesGen('openssl-rand-hex', 'hex lowercase', hex, [64, 48, 32, 16, 8]),
  { name: 'uuid-v4', alphabet: 'UUID v4 (122 random bits)', sizes: [1, 2, 3], unit: 'uuids joined by "-"',
    make: (k) => Array.from({ length: k }, uuid4).join('-'), bits: (k) => 122 * k },
  { name: 'uuid-v4-concatenated', alphabet: 'UUID v4 without dashes', sizes: [2, 3], unit: 'uuids concatenated',
    make: (k) => Array.from({ length: k }, () => uuid4().replaceAll('-', '')).join(''), bits: (k) => 122 * k },
];

function verdict(bits, hashBits) {
  if (bits >= hashBits) return 'strong';
  if (bits >= 80) return 'fair';
  if (bits >= 64) return 'not-strong';
  return 'weak';
}
const splitOf = (v) => (createHash('sha256').update(v, 'utf8').digest()[0] % 2 === 0 ? 'dev' : 'heldout');

const lines = [];
const seen = new Set();
const summary = [];
for (const g of GENERATORS) {
  for (const size of g.sizes) {
    const bits = Math.round(g.bits(size) * 10) / 10;
    let made = 0;
    while (made < PER) {
      const value = g.make(size);
      if (seen.has(value)) continue; // (never happens at these sizes except the tiny ones)
      seen.add(value); made++;
      lines.push(JSON.stringify({
        value, generator: g.name, alphabet: g.alphabet, size: `${size} ${g.unit}`, entropy_bits: bits,
        expect: verdict(bits, 256),
        expect_by_alg: { HS256: verdict(bits, 256), HS384: verdict(bits, 384), HS512: verdict(bits, 512) },
        split: splitOf(value),
      }));
    }
    summary.push({ generator: g.name, size: `${size} ${g.unit}`, bits, expect: verdict(bits, 256), n: PER });
  }
}
writeFileSync(OUT, lines.join('\n') + '\n');
console.table(summary);
const tally = {};
for (const l of lines) { const r = JSON.parse(l); const k = `${r.expect}/${r.split}`; tally[k] = (tally[k] || 0) + 1; }
console.log(`${lines.length} values ->`, OUT, tally);
