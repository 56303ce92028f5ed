// index.mjs — `npm run bench`: side-by-side figures, in one run, on this machine.
// One header (versions and machine), then each section: generate.mjs (the generator against
// node:crypto, Web Crypto and nanoid), strength.mjs (the analyzer against zxcvbn and
// @zxcvbn-ts/core), audit.mjs (the token audit against Node's createHmac, OpenSSL and hashcat) and
// page.mjs (the page in headless Chromium against the page built from commit 6abe647).
// Each section checks every contender's output before timing it.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { VERSION } from '../../dist/index.mjs';
import { run as runGenerate } from './generate.mjs';
import { run as runStrength } from './strength.mjs';
import { run as runAudit } from './audit.mjs';
import { run as runCheckerEval } from './checker-eval.mjs';
import { run as runBundles } from './bundles.mjs';
import { run as runPage } from './page.mjs';

const pkgVersion = (name) => JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url))).version;
const cpu = cpus();
const started = performance.now();

console.log(`jwt-secret-kit ${VERSION} bench — ${new Date().toISOString().slice(0, 10)}`);
console.log(`Node ${process.version}; zxcvbn ${pkgVersion('zxcvbn')}; @zxcvbn-ts/core ${pkgVersion('@zxcvbn-ts/core')} (language-common ${pkgVersion('@zxcvbn-ts/language-common')}, language-en ${pkgVersion('@zxcvbn-ts/language-en')}); nanoid ${pkgVersion('nanoid')}`);
console.log(`Machine: ${cpu.length} × ${cpu[0].model.trim()} (${cpu.length} logical cores), ${process.platform} ${process.arch}`);

console.log('\n## What a front end pays: per-feature bundles');
await runBundles();

console.log('\n## Generating secrets');
await runGenerate();

console.log('\n## Checking secrets: strength analyzers');
await runStrength();

console.log('\n## The checker on the evaluation sets (tests/data/eval: dev and held-out)');
await runCheckerEval();

console.log('\n## Auditing tokens: candidates per second');
await runAudit();

console.log('\n## The page in headless Chromium: time to first secret, audit rate (against the page of 6abe647)');
await runPage();

console.log(`\n(bench: ${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
