// generate.mjs — the generation benchmark: jwt-secret-kit's generator against node:crypto, Web
// Crypto and nanoid. Every contender's output is checked first; then each is warmed up,
// calibrated to ~0.3 s a round, and measured over 5 alternating rounds; the median is reported
// with its ratio to ours. `node tests/bench/index.mjs` runs it; it also runs on its own.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { customAlphabet, nanoid } from 'nanoid';
import { generateSecret, ready, VERSION } from '../../dist/index.mjs';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const nanoAlnum = customAlphabet(ALNUM, 43);
const pkgVersion = (name) => JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url))).version;

const groups = [
  {
    title: 'A 256-bit HS256 secret as base64url text (32 random bytes, 43 characters)',
    check: (s) => /^[A-Za-z0-9_-]{43}$/.test(s),
    contenders: [
      ['jwt-secret-kit generateSecret() (WASM)', () => generateSecret()],
      ['node:crypto randomBytes(32).toString("base64url")', () => randomBytes(32).toString('base64url')],
      ['crypto.getRandomValues + Buffer base64url', () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')],
      [`nanoid ${pkgVersion('nanoid')} nanoid(43) (258 bits)`, () => nanoid(43)],
    ],
  },
  {
    title: 'A 43-character alphanumeric secret (62 symbols, unbiased, 256 bits)',
    check: (s) => /^[A-Za-z0-9]{43}$/.test(s),
    contenders: [
      ['jwt-secret-kit generateSecret({ alphabet })', () => generateSecret({ alphabet: ALNUM })],
      [`nanoid ${pkgVersion('nanoid')} customAlphabet(alnum, 43)`, () => nanoAlnum()],
    ],
  },
  {
    title: 'A 512-bit HS512 secret as hex (64 random bytes, 128 characters)',
    check: (s) => /^[0-9a-f]{128}$/.test(s),
    contenders: [
      ['jwt-secret-kit generateSecret({ alg: "HS512", format: "hex" })', () => generateSecret({ alg: 'HS512', format: 'hex' })],
      ['node:crypto randomBytes(64).toString("hex")', () => randomBytes(64).toString('hex')],
    ],
  },
];

function timeRound(fn, iterations) {
  const start = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < iterations; i++) sink += fn().length;
  const ns = Number(process.hrtime.bigint() - start);
  if (sink === 0) throw new Error('no output');
  return ns / iterations;
}

export async function run() {
  await ready;
  for (const group of groups) {
    for (const [name, fn] of group.contenders) {
      const a = fn();
      const b = fn();
      if (!group.check(a) || a === b) throw new Error(`${name}: wrong or repeated output ${a}`);
    }
    const iterations = group.contenders.map(([, fn]) => {
      for (let i = 0; i < 20000; i++) fn(); // warm-up: let V8 optimise
      let n = 1000;
      while (timeRound(fn, n) * n < 3e8 && n < 1e7) n *= 2;
      return n;
    });
    const samples = group.contenders.map(() => []);
    for (let round = 0; round < 5; round++) {
      group.contenders.forEach(([, fn], i) => samples[i].push(timeRound(fn, iterations[i])));
    }
    const medians = samples.map((s) => s.sort((x, y) => x - y)[2]);
    console.log(`\n${group.title}`);
    console.log('| contender | ns per secret | secrets/s | time vs jwt-secret-kit |');
    console.log('|---|---:|---:|---:|');
    group.contenders.forEach(([name], i) => {
      const ns = medians[i];
      console.log(`| ${name} | ${ns.toFixed(0)} | ${(1e9 / ns / 1e6).toFixed(2)} M | ${(ns / medians[0]).toFixed(2)}× |`);
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`jwt-secret-kit ${VERSION} bench — Node ${process.version}, ${cpus().length} × ${cpus()[0].model.trim()}, ${new Date().toISOString().slice(0, 10)}`);
  await run();
}
