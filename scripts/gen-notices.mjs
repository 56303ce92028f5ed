#!/usr/bin/env node
// gen-notices.mjs — dist/THIRD-PARTY-NOTICES.txt: the license notices of the npm packages whose data
// the build compiles into the core (the list and what is taken from each: strength-sources.mjs),
// copied at build time from the packages' own LICENSE, NOTICE and third-party files in
// node_modules. Nothing of their text is kept in this repository.
//
//   node scripts/gen-notices.mjs [DIST_DIR]          (build.mjs calls writeNotices(distDir))
//
// writeNotices() writes the file and returns the text of the page's "Licenses" section, HTML-escaped
// for a <pre>: this project's LICENSE, then the same notices.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRENGTH_PACKAGES } from './strength-sources.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
// The files a package keeps its notices in, in this order: LICENSE first, then NOTICE, then the rest.
const NOTICE_FILES = [/^licen[cs]e(\.(md|txt))?$/i, /^notice(\.(md|txt))?$/i, /^(third[-_]party|copying)[\w.-]*$/i];
const RULE = '='.repeat(78);

const text = (file) => readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').trimEnd();

export function noticesText() {
  const self = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const parts = [
    `Third-party notices for ${self.name} ${self.version}`,
    '',
    'The strength checker\'s dictionaries and keyboard graphs are generated at build time from the npm',
    'packages below and compiled into the WebAssembly core, so they are part of every file that embeds',
    'the core: the package\'s modules and the one-file page. Each package\'s notices follow as it ships them.',
  ];
  for (const { name, uses } of STRENGTH_PACKAGES) {
    const dir = dirname(require.resolve(`${name}/package.json`));
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const files = readdirSync(dir)
      .map((f) => ({ f, rank: NOTICE_FILES.findIndex((re) => re.test(f)) }))
      .filter(({ rank }) => rank >= 0)
      .sort((a, b) => a.rank - b.rank || (a.f < b.f ? -1 : a.f > b.f ? 1 : 0))
      .map(({ f }) => f);
    if (!files.some((f) => NOTICE_FILES[0].test(f))) throw new Error(`gen-notices: ${name} has no LICENSE file in ${dir}`);
    parts.push('', RULE, `${name} ${meta.version} (${meta.license})`, meta.homepage ?? '', '', 'Used in the core:');
    for (const use of uses) parts.push(`  - ${use}`);
    for (const f of files) parts.push('', `--- ${f} ---`, '', text(join(dir, f)));
  }
  return `${parts.join('\n')}\n`;
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function writeNotices(distDir) {
  const notices = noticesText();
  mkdirSync(distDir, { recursive: true });
  writeFileSync(join(distDir, 'THIRD-PARTY-NOTICES.txt'), notices);
  const self = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return escapeHtml(`${self.name}\n\n${text(join(root, 'LICENSE'))}\n\n\n${notices}`.trimEnd());
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = resolve(process.argv[2] ?? join(root, 'dist'));
  writeNotices(distDir);
  console.log(`wrote ${join(distDir, 'THIRD-PARTY-NOTICES.txt')}`);
}
