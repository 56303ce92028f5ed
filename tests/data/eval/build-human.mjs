// Builds human.jsonl from the hand-labelled source lists in sources/*.txt.
// Run: node tests/data/eval/build-human.mjs   (no network, no checker involved)
//
// Source-list format (one value per line, taken exactly; no trimming):
//   @source TEXT   default source for the lines below (used when a line has no TAB)
//   @kind KIND     label for the lines below
//   @lang CODE     language of the words in the lines below (ISO 639-1)
//   @expect weak|not-strong
//   VALUE[<TAB>SOURCE]
// Lines starting with "#" are comments. The first occurrence of a value wins.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const KINDS = new Set(['placeholder', 'placeholder-phrase', 'word(s)+digits', 'project-template',
  'patterned-hex', 'encoded-text', 'non-english', 'keyboard', 'famous-phrase', 'digest-of-word',
  'known-default', 'other']);
const NO_LANG = new Set(['patterned-hex', 'keyboard', 'digest-of-word']);

export function splitOf(value) {
  return createHash('sha256').update(value, 'utf8').digest()[0] % 2 === 0 ? 'dev' : 'heldout';
}

const files = readdirSync(join(here, 'sources')).filter((f) => f.endsWith('.txt'))
  .sort((a, b) => (a === 'constructed.txt') - (b === 'constructed.txt') || (a < b ? -1 : a > b ? 1 : 0)); // constructed last: a real source wins
const seen = new Map();
const out = [];
for (const f of files) {
  let source = null, kind = null, lang = 'en', expect = 'weak';
  const lines = readFileSync(join(here, 'sources', f), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const at = `${f}:${i + 1}`;
    if (line.startsWith('@source ')) { source = line.slice(8); return; }
    if (line.startsWith('@kind ')) { kind = line.slice(6); if (!KINDS.has(kind)) throw new Error(`${at}: kind ${kind}`); return; }
    if (line.startsWith('@lang ')) { lang = line.slice(6); return; }
    if (line.startsWith('@expect ')) { expect = line.slice(8); if (!['weak', 'not-strong'].includes(expect)) throw new Error(`${at}: expect`); return; }
    const tab = line.indexOf('\t');
    const value = tab < 0 ? line : line.slice(0, tab);
    const src = tab < 0 ? source : line.slice(tab + 1);
    if (!kind || !src) throw new Error(`${at}: no kind or source`);
    if (value !== value.trim() || value.length === 0) throw new Error(`${at}: surrounding whitespace`);
    if (seen.has(value)) return;
    seen.set(value, at);
    const constructed = src.startsWith('constructed');
    const rec = { value, kind, expect, source: constructed ? 'constructed' : src };
    if (constructed && src !== 'constructed') rec.note = src.replace(/^constructed:\s*/, '');
    if (!NO_LANG.has(kind)) rec.lang = lang;
    rec.split = splitOf(value);
    out.push(rec);
  });
}
writeFileSync(join(here, 'human.jsonl'), out.map((r) => JSON.stringify(r)).join('\n') + '\n');

const count = (key) => out.reduce((m, r) => ((m[r[key] ?? '-'] = (m[r[key] ?? '-'] || 0) + 1), m), {});
const bySplit = {};
for (const r of out) { const k = `${r.kind}`; bySplit[k] ??= { dev: 0, heldout: 0 }; bySplit[k][r.split]++; }
console.log(`human.jsonl: ${out.length} values`);
console.log('split', count('split'));
console.log('expect', count('expect'));
console.log('lang', count('lang'));
console.log('constructed', out.filter((r) => r.source === 'constructed').length);
console.table(bySplit);
