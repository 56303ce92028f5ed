import zxcvbn from 'zxcvbn';
import core from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { randomBytes } from 'node:crypto';
import { ready, checkSecret } from '../../dist/index.mjs';
await ready;
const z = new core.ZxcvbnFactory({ dictionary: {...common.dictionary, ...en.dictionary}, graphs: common.adjacencyGraphs, translations: en.translations });
const s64 = randomBytes(48).toString('base64url');
for (const [n, f] of [['ours', (s) => checkSecret(s, {alg:'HS256', encoding:'raw'})], ['zxcvbn', zxcvbn], ['ts', (s) => z.check(s)]]) {
  for (let i=0;i<50;i++) f(randomBytes(48).toString('base64url'));
  let t=performance.now(); for (let i=0;i<200;i++) f(s64); console.log(n, '64ch', ((performance.now()-t)/200).toFixed(4), 'ms');
}
for (const len of [65536, 1<<20]) {
  for (const s of [randomBytes(len).toString('base64url').slice(0,len), 'password'.repeat(len/8)]) {
    let t=performance.now(); const r = checkSecret(s, {alg:'HS256', encoding:'raw'}); console.log('ours', len, (performance.now()-t).toFixed(2), r.verdict, r.entropy_bits, r.entropy_capped, r.key_bytes, r.length, r.findings.map(f=>f.code));
    t=performance.now(); const q = z.check(s); console.log('ts', len, (performance.now()-t).toFixed(2), q.score, q.password?.length);
  }
}
for (const len of [250, 500, 1000, 2000]) {
  const s = randomBytes(len).toString('base64url').slice(0,len);
  let t=performance.now(); const r = zxcvbn(s); console.log('zxcvbn', len, (performance.now()-t).toFixed(1), r.score);
  const p = 'password'.repeat(len/8+1).slice(0,len);
  t=performance.now(); const r2 = zxcvbn(p); console.log('zxcvbn pw', len, (performance.now()-t).toFixed(1), r2.score);
}
