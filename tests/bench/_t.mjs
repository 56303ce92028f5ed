import zxcvbn from 'zxcvbn';
import core from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { randomBytes } from 'node:crypto';
const z = new core.ZxcvbnFactory({ dictionary: {...common.dictionary, ...en.dictionary}, graphs: common.adjacencyGraphs, translations: en.translations });
z.check('warmup'); 
for (const [name, gen] of [['hex32', () => randomBytes(32).toString('hex')], ['b64-32', () => randomBytes(32).toString('base64')], ['b64u-32', () => randomBytes(32).toString('base64url')], ['b64u-48', () => randomBytes(48).toString('base64url')], ['b64-64', () => randomBytes(64).toString('base64')], ['hex64', () => randomBytes(64).toString('hex')]]) {
  const ts = [], tz = [];
  for (let i = 0; i < 15; i++) { const s = gen(); let t = performance.now(); z.check(s); ts.push(performance.now() - t); t = performance.now(); zxcvbn(s); tz.push(performance.now() - t); }
  ts.sort((a,b)=>a-b); tz.sort((a,b)=>a-b);
  console.log(name, 'ts', ts.map(x=>x.toFixed(0)).join(' '), '| zx', tz.map(x=>x.toFixed(0)).join(' '));
}
