#!/usr/bin/env node
// gen-strength-data.mjs OUT.c — the strength analyzer's data, generated at build time as C.
//
// Sources (declared, licensed; the npm packages and what is taken from them: strength-sources.mjs):
//   core/data/jwt-weak-secrets.txt          this project's curated list of documented JWT defaults
//   core/data/secret-words.txt              this project's list of secret/key/change/... words in many languages
//   core/data/known-phrases.txt             this project's list of famous phrases (pangrams, filler text)
//   @zxcvbn-ts/language-common 4 (MIT)      common passwords, the EFF diceware list, keyboard graphs
//   @zxcvbn-ts/language-en 4 (MIT)          English common words, last names; with the rest, the letter
//                                           trigram model of typed words (jsk_ngram)
//   node:crypto                             well-known constants (hashes of "", "secret", ...)
// Output: words grouped by (list, rank bucket), front-coded (shared-prefix length + suffix) and
// entropy-coded (scripts/cm-pack.mjs), which the core decodes once into a caller-provided workspace
// (jsk_dict_init); the qwerty and keypad adjacency graphs as tables; a letter trigram model (4-bit costs) that lets the analyzer cost a
// word it does not know as a word.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CM_COUNTERS, CM_INPUTS, encode } from './cm-pack.mjs';
import { LANGUAGES, STRENGTH_PACKAGES, TAKE } from './strength-sources.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
if (!out) throw new Error('usage: gen-strength-data.mjs OUT.c');
const require = createRequire(join(root, 'package.json'));
const pkg = (key) => require(STRENGTH_PACKAGES.find((p) => p.key === key).name);
const common = pkg('common'); // @zxcvbn-ts/language-common
const en = pkg('en'); // @zxcvbn-ts/language-en
// The other languages: { key, common: their common words in rank order, all: every word list }.
const languages = LANGUAGES.map(([key]) => {
  const lists = Object.entries(pkg(key).dictionary);
  const common = lists.find(([n]) => n.startsWith('commonWords'));
  if (!common) throw new Error(`gen-strength-data: @zxcvbn-ts/language-${key} has no commonWords list`);
  return { key, common: common[1], all: lists.filter(([n]) => /^(commonWords|wikipedia|.*[Nn]ames)/.test(n)).map(([, l]) => l) };
});
// Latin letters without their accents (the analyzer folds U+00C0-U+017F the same way, jsk_latin_fold).
const SPECIAL_FOLD = { ß: 'ss', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', ð: 'd', ı: 'i', ħ: 'h' };
const fold = (w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[ßłŁøØđĐæÆœŒþðıħ]/g, (c) => SPECIAL_FOLD[c]);

// List ids: the core maps them to findings (keep in sync with core/src/strength_data.h).
const LIST = { jwt: 0, passwords: 1, english: 2, diceware: 3, names: 4, patterns: 5, constants: 6, keyboard: 7 };
// TAKE (how many of each source list the data keeps) is in strength-sources.mjs.
const MIN_LEN = 2; // two-letter words only from the English list (see add())
const MAX_LEN = 112;

const entries = new Map(); // word -> { list, rank }: the cheapest explanation wins
function add(word, list, rank) {
  const w = word.toLowerCase();
  if (w.length < (list === LIST.english ? MIN_LEN : 3) || w.length > MAX_LEN || !/^[\x20-\x7e]+$/.test(w)) return;
  const old = entries.get(w);
  if (!old || rank < old.rank || (rank === old.rank && list < old.list)) entries.set(w, { list, rank });
}

// 1. Our curated JWT defaults with their mechanical variants: separators and 256/384/512 sizes.
const curated = readFileSync(join(root, 'core/data/jwt-weak-secrets.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.length > 0 && !l.startsWith('#'));
const defaults = []; // the curated secrets with their variants, as printed (case kept): the audit's first candidates
curated.forEach((secret, i) => {
  const rank = i + 1;
  const forms = new Set([secret]);
  for (const size of ['256', '384', '512']) {
    if (/256|384|512/.test(secret)) forms.add(secret.replace(/256|384|512/g, size));
  }
  for (const form of [...forms]) {
    if (/[-_. ]/.test(form)) {
      for (const sep of ['-', '_', '.', ' ', '']) forms.add(form.replace(/[-_. ]/g, sep));
    }
  }
  for (const form of forms) {
    add(form, LIST.jwt, form === secret ? rank : rank + 1);
    if (!defaults.includes(form)) defaults.push(form);
  }
});

// 2. The zxcvbn-ts lists, in their own rank order.
// All-digit passwords are left to the sequence, repeat, date and keypad matchers (they cost little there).
common.dictionary['passwords-common'].slice(0, TAKE.passwords).forEach((w, i) => /^[0-9]+$/.test(w) || add(w, LIST.passwords, i + 1));
en.dictionary['commonWords-en'].slice(0, TAKE.english).forEach((w, i) => add(w, LIST.english, i + 1));
en.dictionary['lastnames-en'].slice(0, TAKE.names).forEach((w, i) => add(w, LIST.names, i + 1));
// Each other language's most common words of 4 letters or more (shorter ones the trigram model
// costs as cheaply, without chance matches in random text), accents folded, as common words.
for (const { common } of languages) {
  common.map(fold).filter((w) => /^[a-z]{4,}$/.test(w)).slice(0, TAKE.foreignWords).forEach((w, i) => add(w, LIST.english, i + 1));
}
// Diceware words are chosen uniformly: each one is worth log2(7776) bits, whatever its position.
const diceware = common.dictionary['diceware-common'];
diceware.forEach((w) => add(w, LIST.diceware, diceware.length));

// Our own lists: words secrets are built from in many languages (common words), famous phrases with
// their separator variants (common passwords).
const ownList = (name) => readFileSync(join(root, 'core/data', name), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
for (const w of ownList('secret-words.txt').flatMap((l) => l.trim().split(/\s+/))) add(w, LIST.english, 48);
ownList('known-phrases.txt').forEach((phrase, i) => {
  for (const sep of [' ', '-', '_', '.', '']) add(phrase.trim().replace(/ /g, sep), LIST.passwords, i + 1);
});

// 3. Character sequences and keyboard patterns the sequence and walk matchers cannot see as one run.
['0123456789abcdef', '0123456789abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmnopqrstuvwxyz0123456789',
  'abcdefghijklmnopqrstuvwxyz', '0123456789', 'abcd1234'].forEach((w, i) => add(w, LIST.patterns, i + 1));
['qwertyuiopasdfghjklzxcvbnm', 'azertyuiopqsdfghjklmwxcvbn', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  '1q2w3e4r5t6y7u8i9o0p', 'q1w2e3r4t5y6u7i8o9p0', 'zaq12wsx', '1qaz2wsx', '1q2w3e4r', 'qweasdzxc', 'qazwsxedcrfvtgbyhnujmikolp', '!@#$%^&*()',
  '!@#$%^&*', 'qwer1234', 'asdf1234', 'zxcv1234'].forEach((w, i) => add(w, LIST.keyboard, i + 1));

// 4. Well-known constants: digests of the empty string and of placeholder words, hex and base64.
//    (Keys whose bytes are all equal, such as zeros, are recognised by the analyzer itself.)
let c = 1;
for (const text of ['', 'secret', 'password']) {
  for (const alg of ['sha256', 'sha1', 'md5', 'sha512']) {
    const digest = createHash(alg).update(text).digest();
    add(digest.toString('hex'), LIST.constants, c);
    add(digest.toString('base64'), LIST.constants, c++);
  }
}

// 5. Digests (hex) of the words and passwords people hash to make a "random" key: MD5, SHA-1 and
//    SHA-256 of our curated JWT defaults as printed, a few words, the most common passwords and English
//    words. Not stored: jsk_dict_init computes them from the words it decodes (every default as
//    printed, the words of lists PASSWORDS and ENGLISH of rank below 256) and from the extra words
//    below, those of this list the rule misses (all-digit passwords, which the dictionary leaves out).
const DIGEST_MAX_BUCKET = 7; // rank < 256 (JSK_DIGEST_MAX_BUCKET)
const digestWords = [...new Set([...curated.slice(0, TAKE.digestDefaults), 'admin', 'root', 'test', 'dev', 'jwt', 'key', 'token',
  ...common.dictionary['passwords-common'].slice(0, TAKE.digestPasswords),
  ...en.dictionary['commonWords-en'].slice(0, TAKE.digestEnglish)])];
const digestRule = [...entries].filter(([, { list, rank }]) => (list === LIST.passwords || list === LIST.english) && Math.floor(Math.log2(rank)) <= DIGEST_MAX_BUCKET).map(([w]) => w);
const digestCovered = new Set([...defaults, ...digestRule]);
const digestExtra = digestWords.filter((w) => !digestCovered.has(w) && w.length > 0 && w.length < 255 && !w.includes('\n'));
const digestCount = defaults.length + digestRule.length + digestExtra.length;

// Words grouped by (list, floor(log2 rank)), sorted, front-coded (section: list, bucket, count as
// two bytes; word: shared-prefix length, the suffix, 0), and entropy-coded with the context-mixing
// model of cm-pack.mjs, which jsk_dict_init decodes with.
const groups = new Map();
for (const [word, { list, rank }] of entries) {
  const key = list * 64 + Math.floor(Math.log2(rank));
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(word);
}
// The words of list JWT are the curated defaults in lowercase: not coded again, but as a tag before
// each default line (1 + its rank bucket, or 0), from which jsk_dict_init adds them.
const seenJwt = new Set();
const defaultTags = defaults.map((form) => {
  const w = form.toLowerCase();
  const e = entries.get(w);
  if (!e || e.list !== LIST.jwt || seenJwt.has(w)) return 0;
  seenJwt.add(w);
  return 1 + Math.floor(Math.log2(e.rank));
});
for (const [w, { list }] of entries) if (list === LIST.jwt && !seenJwt.has(w)) throw new Error(`gen-strength-data: JWT word ${w} is no default line`);
const sections = [];
for (const key of [...groups.keys()].filter((k) => Math.floor(k / 64) !== LIST.jwt).sort((a, b) => a - b)) {
  const words = groups.get(key).sort();
  for (let start = 0; start < words.length; start += 0xffff) sections.push({ list: Math.floor(key / 64), bucket: key % 64, words: words.slice(start, start + 0xffff) });
}
let totalChars = 0;
let maxLen = 0;
for (const w of entries.keys()) {
  totalChars += w.length;
  maxLen = Math.max(maxLen, w.length);
}
// Keyboard adjacency: for each ASCII key, its neighbours per direction (unshifted, shifted).
function graphTable(name, dirs) {
  const g = common.adjacencyGraphs[name];
  const table = new Array(128 * dirs * 2).fill(0);
  let keys = 0;
  let degree = 0;
  for (const [key, neighbours] of Object.entries(g)) {
    if (key.length !== 1 || key.charCodeAt(0) > 127) continue;
    keys++;
    neighbours.forEach((n, d) => {
      if (!n) return;
      degree++;
      for (let s = 0; s < n.length && s < 2; s++) table[(key.charCodeAt(0) * dirs + d) * 2 + s] = n.charCodeAt(s);
    });
  }
  return { table, keys, degree: degree / keys };
}
const qwerty = graphTable('qwerty', 6);
const keypad = graphTable('keypad', 8);

// A letter trigram model of typed words: the cost in half bits (0..15) of each letter after two
// others (index 0: the start of a word, 1-26: a-z, 27: any other letter), trained on the word types
// of the lists (not only the part the dictionary keeps), add-0.3 smoothing.
const NG = 28;
function trigramModel() {
  const types = new Set();
  const addAll = (list) => {
    for (const w of list) for (const t of fold(w).toLowerCase().split(/[^a-z]+/)) if (t.length >= 2) types.add(t);
  };
  for (const { all } of languages) all.forEach(addAll);
  addAll(en.dictionary['commonWords-en']);
  addAll(en.dictionary['wikipedia-en']);
  addAll(en.dictionary['firstnames-en']);
  addAll(en.dictionary['lastnames-en'].slice(0, TAKE.ngramNames));
  addAll(common.dictionary['diceware-common']);
  addAll(common.dictionary['passwords-common'].slice(0, TAKE.ngramPasswords));
  addAll(ownList('secret-words.txt'));
  const counts = new Float64Array(NG * NG * NG);
  for (const w of types) {
    let a = 0;
    let b = 0;
    for (const ch of w) {
      const x = ch.charCodeAt(0) - 96;
      counts[(a * NG + b) * NG + x]++;
      a = b;
      b = x;
    }
  }
  const costs = new Array(NG * NG * NG).fill(0);
  for (let a = 0; a < NG; a++) {
    for (let b = 0; b < NG; b++) {
      let total = 0;
      for (let x = 1; x <= 26; x++) total += counts[(a * NG + b) * NG + x];
      for (let x = 1; x < NG; x++) {
        const p = (counts[(a * NG + b) * NG + x] + 0.3) / (total + 0.3 * 26);
        const cost = x === 27 ? 15 : Math.min(15, Math.round(-Math.log2(p) * 2));
        costs[(a * NG + b) * NG + x] = cost;
      }
    }
  }
  return { costs, types: types.size };
}
const ngram = trigramModel();
const bytes = encode(sections, ngram.costs, NG, defaults, defaultTags, digestExtra);

const hex = (arr) => {
  const lines = [];
  for (let i = 0; i < arr.length; i += 24) lines.push(`    ${arr.slice(i, i + 24).join(',')},`);
  return lines.join('\n');
};
const c99 = `/* Generated by scripts/gen-strength-data.mjs at build time: do not edit, do not commit.
 * ${entries.size} words from core/data/jwt-weak-secrets.txt (this project), @zxcvbn-ts/language-common and
 * @zxcvbn-ts/language-en (MIT), and digests computed with node:crypto. */
#include "strength_data.h"

/* Front-coded words, entropy-coded by scripts/cm-pack.mjs (${CM_INPUTS} contexts, ${CM_COUNTERS} counters). */
const uint8_t jsk_dict_blob[] = {
${hex(bytes)}
};
const size_t jsk_dict_blob_size = ${bytes.length}U;
const uint32_t jsk_dict_word_count = ${entries.size}U;
const uint32_t jsk_dict_jwt_count = ${seenJwt.size}U;
const uint32_t jsk_dict_char_count = ${totalChars}U;
const uint32_t jsk_dict_max_len = ${maxLen}U;

/* The curated JWT defaults and their separator/size variants, as printed, one per line: coded
 * last in jsk_dict_blob (${defaults.length} lines). */
const uint32_t jsk_jwt_defaults_count = ${defaults.length}U;
const size_t jsk_jwt_defaults_size = ${Buffer.byteLength(defaults.join('\n') + '\n')}U;

const uint8_t jsk_graph_qwerty[128 * 6 * 2] = {
${hex(qwerty.table)}
};
const double jsk_graph_qwerty_keys = ${qwerty.keys};
const double jsk_graph_qwerty_degree = ${qwerty.degree};
const uint8_t jsk_graph_keypad[128 * 8 * 2] = {
${hex(keypad.table)}
};
const double jsk_graph_keypad_keys = ${keypad.keys};
const double jsk_graph_keypad_degree = ${keypad.degree};

/* Digests of common words: computed by jsk_dict_init from ${digestCount} words (${digestExtra.length} extra words coded last in jsk_dict_blob). */
const uint32_t jsk_digest_extra_count = ${digestExtra.length}U;
const size_t jsk_digest_extra_size = ${Buffer.byteLength(digestExtra.map((w) => w + '\n').join(''))}U;
const uint32_t jsk_digest_word_count = ${digestCount}U;

/* The letter trigram model's ${NG * NG * NG} costs (${ngram.types} word types) are coded after the words in jsk_dict_blob. */
`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, c99);
