// dotenv.test.mjs — the C core's .env reader (jsk_dotenv_*) against the real `dotenv` package:
// thousands of generated files (a seeded PRNG, so every run makes the same files; DOTENV_SEED and
// DOTENV_FILES change that) are read by dotenv.parse() and by build/native/dotenv_dump (one run
// over all of them), and every variable must be equal byte for byte. The files mix what .env files
// in the wild hold and what breaks readers: BOM, CRLF/CR/U+2028 line ends, `export`, `KEY: value`,
// the three quotes, multi-line and unterminated quotes, escapes, comments, duplicates, empty
// values, `=` and `#` in values, every JS white space character, non-BMP text, invalid UTF-8,
// no final newline, very long lines and names, more than 1024 variables.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';

const require = createRequire(import.meta.url);
const dotenv = require('dotenv');
const dump = fileURLToPath(new URL('../../build/native/dotenv_dump', import.meta.url));
const SEED = Number(process.env.DOTENV_SEED ?? 20240611);
const FILES = Number(process.env.DOTENV_FILES ?? 4000);

// mulberry32: small, seeded, reproducible.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JS_WS = ['\t', '\v', '\f', ' ', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004',
  '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '\ufeff'];
const EOLS = ['\n', '\r\n', '\r', '\u2028', '\u2029'];
// Raw bytes that are not UTF-8 (or not all of it): lone continuation, overlong, truncated, surrogate,
// above U+10FFFF, bytes never valid.
const INVALID = [[0x80], [0xbf], [0xc0, 0xaf], [0xc1, 0x81], [0xc2], [0xe2, 0x82], [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80], [0xf0, 0x90, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80], [0xfe], [0xff],
  [0xf0, 0x8f, 0xbf, 0xbf], [0xe1, 0x80], [0xc3]];
const UNICODE = ['é', 'ß', '€', '中文', '😀', '𝄞', '\u{10ffff}', '\u0000', '\u00ad', '\u200b', '\ufffd', '\u0085'];

function generator(rand) {
  const int = (n) => Math.floor(rand() * n);
  const pick = (a) => a[int(a.length)];
  const chance = (p) => rand() < p;

  const nameChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-';
  function name() {
    const r = rand();
    if (r < 0.05) return pick(['export', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', '1', 'export.x']);
    if (r < 0.08) return 'N'.repeat(100 + int(400)); // over 128 characters
    if (r < 0.1) return pick(['BAD NAME', 'é', 'A$B', 'A/B', '']);
    const n = 1 + int(chance(0.8) ? 8 : 40);
    let s = '';
    for (let i = 0; i < n; i++) s += nameChars[int(chance(0.7) ? 26 : nameChars.length)];
    return s;
  }
  function ws(max = 3) {
    let s = '';
    const n = int(max + 1);
    for (let i = 0; i < n; i++) s += chance(0.6) ? ' ' : chance(0.5) ? '\t' : pick(JS_WS);
    return s;
  }
  const eol = () => (chance(0.75) ? '\n' : pick(EOLS));
  // Text for a value: parts are strings or arrays of raw bytes.
  function chunk(parts, quote, multiline) {
    const n = int(chance(0.9) ? 12 : 200);
    for (let i = 0; i < n; i++) {
      const r = rand();
      if (r < 0.55) parts.push(String.fromCharCode(0x21 + int(94)));
      else if (r < 0.62) parts.push(' ');
      else if (r < 0.66) parts.push(pick(['=', '#', ' #', '\\n', '\\r', '\\', '\\\\']));
      else if (r < 0.7) parts.push(pick(["'", '"', '`']));
      else if (r < 0.72 && quote) parts.push('\\' + quote);
      else if (r < 0.76) parts.push(pick(JS_WS));
      else if (r < 0.8) parts.push(pick(UNICODE));
      else if (r < 0.83) parts.push(pick(INVALID));
      else if (r < 0.86 && multiline) parts.push(eol());
      else if (r < 0.87) parts.push(pick(['\u2028', '\u2029']));
      else parts.push(String.fromCharCode(0x61 + int(26)));
    }
  }
  function value(parts) {
    const r = rand();
    if (r < 0.08) return; // empty
    if (r < 0.4) { chunk(parts, null, false); return; }
    const q = pick(["'", '"', '`']);
    if (chance(0.1)) parts.push(eol()); // KEY= then the quoted value on the next line
    parts.push(q);
    chunk(parts, q, chance(0.3));
    const end = rand();
    if (end < 0.7) parts.push(q);
    else if (end < 0.8) parts.push('\\' + q); // backslash before the closing quote
    else if (end < 0.9) parts.push(q + pick([' trailing', 'x', ' # c', '  ', q])); // text after it
    // else: unterminated
  }
  function line(parts) {
    const r = rand();
    if (r < 0.06) { parts.push(ws() + '# ' + pick(['comment', 'A=1', 'x="y"'])); return; }
    if (r < 0.1) { parts.push(ws()); return; }
    if (r < 0.13) { parts.push(pick(['garbage line', '=x', ': y', 'export', 'export ', '"A=1"', '#'])); return; }
    if (chance(0.3)) parts.push(ws());
    if (chance(0.12)) parts.push('export' + pick([' ', '  ', '\t', '\n', ' \u00a0']));
    parts.push(name());
    parts.push(pick(['=', '=', '=', ' = ', '= ', ' =', '=\u00a0', ': ', ':', ':  ', ' : ', '=\n', '\n=', ':\n', '=\t']));
    value(parts);
    if (chance(0.15)) parts.push(ws() + pick(['# inline', '#', ' #x', '# "quoted" #']));
    if (chance(0.1)) parts.push(ws());
  }
  return function file() {
    const parts = [];
    if (chance(0.15)) parts.push('\ufeff');
    const r = rand();
    const lines = r < 0.02 ? 1025 + int(1500) : r < 0.1 ? 50 + int(200) : 1 + int(15);
    const dup = [];
    for (let i = 0; i < lines; i++) {
      if (i > 0) parts.push(eol());
      if (dup.length && chance(0.05)) parts.push(pick(dup)); // the same line again: last one wins
      else {
        const start = parts.length;
        line(parts);
        if (chance(0.1)) dup.push(parts.slice(start).filter((p) => typeof p === 'string').join(''));
      }
      if (chance(0.002)) parts.push('x'.repeat(20000 + int(50000))); // a very long line
    }
    if (chance(0.6)) parts.push(eol());
    return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  };
}

const dir = mkdtempSync(join(tmpdir(), 'jsk-dotenv-'));
after(() => process.env.DOTENV_KEEP || rmSync(dir, { recursive: true, force: true }));

test('the C reader reads what dotenv reads, over generated files', () => {
  assert.ok(existsSync(dump), `${dump} is missing: build it first (cmake -S . -B build/native && cmake --build build/native)`);
  const file = generator(prng(SEED));
  const paths = [];
  const expected = [];
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const buf = file();
    const path = join(dir, `${i}.env`);
    writeFileSync(path, buf);
    paths.push(path);
    bytes += buf.length;
    const parsed = dotenv.parse(buf);
    expected.push(new Map(Object.entries(parsed).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('hex')])));
  }
  const r = spawnSync(dump, paths, { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 120000 });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, FILES);

  let variables = 0;
  let assignments = 0;
  const diffs = [];
  lines.forEach((l, i) => {
    const got = JSON.parse(l);
    assert.equal(got.file, paths[i]);
    assignments += got.assignments;
    const want = expected[i];
    const names = new Set([...want.keys(), ...Object.keys(got.vars)]);
    for (const n of names) {
      variables++;
      const w = want.get(n);
      const g = Object.prototype.hasOwnProperty.call(got.vars, n) ? got.vars[n] : undefined;
      if (w !== g) diffs.push({ file: paths[i], name: n.length > 40 ? `${n.slice(0, 40)}...` : n, dotenv: w, c: g });
    }
  });
  console.log(`dotenv ${require('dotenv/package.json').version} differential: seed ${SEED}, ${FILES} files (${(bytes / 1048576).toFixed(1)} MiB), ` +
    `${assignments} assignments, ${variables} variables compared, ${diffs.length} differences`);
  assert.deepEqual(diffs.slice(0, 5), [], `${diffs.length} differences, first ones shown (DOTENV_KEEP=1 keeps ${dir})`);
  assert.ok(variables > FILES, 'the generator produced too few variables to mean anything');
});
