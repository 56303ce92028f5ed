// cm-pack.mjs — the entropy coder for the checker's compiled-in word lists (gen-strength-data.mjs):
// a binary arithmetic coder driven by a small context-mixing model, bit for bit the model that
// core/src/dict.c decodes with (jsk_dict_init). Integer arithmetic only, so both sides agree.
//
// The stream: for each section (list, rank bucket, word count) four header bytes, then each word
// as its shared-prefix length with the previous word of the section, its suffix and a 0 byte.
// Every byte is coded MSB first. The model, for each bit:
// - CM_INPUTS contexts of the byte (hashes; 0: none), each hashed with the bits of the byte seen so
//   far to one 16-bit counter (12-bit probability, 4-bit count) of a table of CM_COUNTERS; a
//   counter per bit, not a block per context, so that rare contexts take little of the table;
// - a mixer of the counters' stretched probabilities and a bias, in the logistic domain, with one
//   weight set per kind of byte and bits of the byte seen so far; its squashed output codes the bit.
// The counters, the mixer's weights and the stretch table are the caller's workspace during
// jsk_dict_init (CM_STATE_LEN in dict.c).

export const CM_COUNTERS = 300000; // 2 bytes each: with the rest of the state, over the workspace's hash table and digests regions
export const CM_INPUTS = 5;
const CM_KINDS = 5; // header, prefix length (and the defaults' tags), letter, first letter after the prefix, trigram cost
const CM_SETS = [0, 256, 512, 640, 768, 784]; // the mixer's first weight set per kind (then + c0: c0 < 256, 256, 128, 128, 16)
const CM_W = CM_INPUTS + 1; // weights a set: the inputs, then the bias
const CM_BIAS = 256;
const SQ = [1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994, 3348, 3607, 3785,
  3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094];

export function squash(d) {
  if (d > 2047) return 4095;
  if (d < -2047) return 1;
  const w = d & 127;
  const i = (d >> 7) + 16;
  return (SQ[i] * (128 - w) + SQ[i + 1] * w + 64) >> 7;
}
const STRETCH = new Int16Array(4096);
{
  let pi = 0;
  for (let x = -2047; x <= 2047; x++) {
    const v = squash(x);
    for (let i = pi; i <= v; i++) STRETCH[i] = x;
    pi = v + 1;
  }
  for (let i = pi; i < 4096; i++) STRETCH[i] = 2047;
}
// Counter update rates: 1/(n + 1.5) for the first uses of a context, then 1/16.5.
const RATE = Array.from({ length: 16 }, (_, n) => Math.floor(131072 / (2 * n + 3)));

const h2 = (a, b) => Math.imul((a ^ Math.imul(b + 0x3c6ef372, 0x2545f491)) >>> 0, 0x9e3779b1) >>> 0;
export const hashOf = (...xs) => xs.reduce((h, x) => h2(h, x), 0x811c9dc5);

// The contexts of one byte: [kind (mixer weight sets), ...CM_INPUTS hashes].
// s: { kind, list, word, k, prev, first, prevp }
export function contexts(s) {
  const w = s.word;
  const c1 = s.k >= 1 ? w[s.k - 1] : 0;
  const c2 = s.k >= 2 ? w[s.k - 2] : 0;
  const c3 = s.k >= 3 ? w[s.k - 3] : 0;
  if (s.kind === 0) return [0, hashOf(1, s.k), hashOf(2, s.k, c1), 0, 0, 0];
  const n = s.prev.length;
  if (s.kind === 1) {
    // The prefix length: from the previous word's (prevp), its length, the letter after its
    // prefix and its last letter.
    const after = s.prevp < n ? s.prev[s.prevp] : 0;
    const last = n > 0 ? s.prev[n - 1] : 0;
    return [1, hashOf(3, s.list, s.prevp), hashOf(4, s.prevp, n), hashOf(30, s.prevp, after), hashOf(6, s.list, n), hashOf(31, n, last)];
  }
  // A letter: orders 1 to 3, and the previous word's letter at this place (pc), which the first
  // letter after the shared prefix follows in sorted order.
  const pc = s.k < n ? s.prev[s.k] : 0;
  const o3 = s.first ? hashOf(27, s.k, pc) : hashOf(29, c3, c2, c1);
  return [2 + s.first, hashOf(7, s.list, c1), hashOf(8, c2, c1), o3, hashOf(10, s.first, pc, c1), hashOf(33, s.k, s.first ? pc : 255)];
}

// A context's counter for a bit: the context hashed with the bits of the byte so far (c0, with a
// leading 1), scaled to the table.
function slot(ctx, c0) {
  const h = Math.imul((ctx + Math.imul(c0, 0x2545f491)) >>> 0, 0x9e3779b1) >>> 0;
  return Math.floor((h * CM_COUNTERS) / 4294967296);
}

function model() {
  const t = new Uint16Array(CM_COUNTERS).fill(0x8000);
  const weights = new Int32Array(CM_SETS[CM_KINDS] * CM_W).fill(16384);
  const idx = new Int32Array(CM_INPUTS);
  const st = new Int32Array(CM_W);
  let set = 0;
  let pr = 2048;
  return {
    predict(ctx, c0) {
      set = (CM_SETS[ctx[0]] + c0) * CM_W;
      let dot = 0;
      for (let i = 0; i < CM_INPUTS; i++) {
        idx[i] = slot(ctx[i + 1], c0);
        st[i] = ctx[i + 1] === 0 ? 0 : STRETCH[t[idx[i]] >> 4];
      }
      st[CM_INPUTS] = CM_BIAS;
      for (let i = 0; i < CM_W; i++) dot += weights[set + i] * st[i];
      dot = Math.floor(dot / 65536);
      pr = squash(dot < -2047 ? -2047 : dot > 2047 ? 2047 : dot);
      return pr;
    },
    update(y, ctx) {
      const err = ((y << 12) - pr) * 48;
      for (let i = 0; i < CM_W; i++) weights[set + i] += (st[i] * err + 0x8000) >> 16;
      for (let i = 0; i < CM_INPUTS; i++) {
        if (ctx[i + 1] === 0) continue;
        const v = t[idx[i]];
        const n = v & 15;
        let p = v >> 4;
        p += Math.floor((((y << 12) - p) * RATE[n]) / 65536);
        t[idx[i]] = (p << 4) | (n < 15 ? n + 1 : 15);
      }
    },
  };
}

// One word, front-coded against the previous one: the shared prefix's length, the rest, a 0; ASCII,
// so 7 bits a byte.
function* wordItems(list, text, prev, prevp) {
  const word = [...Buffer.from(text, 'utf8')];
  let p = 0;
  while (p < prev.length && p < word.length && prev[p] === word[p]) p++;
  if (p > 127 || word.some((c) => c > 127)) throw new Error(`cm-pack: ${text} is not ASCII or too long`);
  yield { byte: p, bits: 7, ctx: contexts({ kind: 1, list, prev, prevp }) };
  for (let k = p; k <= word.length; k++) {
    yield { byte: k < word.length ? word[k] : 0, bits: 7, ctx: contexts({ kind: 2, list, word, k, prev, first: k === p ? 1 : 0 }) };
  }
  return [word, p];
}

// The dictionary's stream: each section's header, then its words.
function* dictionaryItems(sections) {
  for (const { list, bucket, words } of sections) {
    const head = [list, bucket, words.length & 255, words.length >> 8];
    for (let k = 0; k < 4; k++) yield { byte: head[k], bits: 8, ctx: contexts({ kind: 0, k, word: head }) };
    let prev = [];
    let prevp = 0;
    for (const text of words) [prev, prevp] = yield* wordItems(list, text, prev, prevp);
  }
}

// Lines of text in their order, coded as the words of a list of their own (8: the curated defaults
// as printed, 9: the extra words whose digests are known).
// tags, when given: a byte before each line (the defaults: 1 + the rank bucket of the line in
// lowercase as a word of list JWT, 0 when it is not one).
function* lineItems(list, lines, tags) {
  let prev = [];
  let prevp = 0;
  let tag = 0;
  for (const [i, text] of lines.entries()) {
    if (tags) {
      yield { byte: tags[i], bits: 8, ctx: [1, hashOf(13, tag), hashOf(14, tag, prevp), 0, 0, 0] };
      tag = tags[i];
    }
    [prev, prevp] = yield* wordItems(list, text, prev, prevp);
  }
}

// The letter trigram model's 4-bit costs v[(a * n + b) * n + x], in that order: each from its
// neighbours already decoded, from (b, x) across every a, as a bigram model would see it, and from
// the highest cost of its row so far (x > 0), which is the row's cost of an unseen letter.
export function ngramContexts(v, n, a, b, x) {
  const at = (aa, bb, xx) => (aa < 0 || bb < 0 || xx < 0 ? 16 : v[(aa * n + bb) * n + xx]);
  const left = at(a, b, x - 1);
  const up = at(a - 1, b, x);
  let top = 0;
  for (let k = 1; k < x; k++) top = Math.max(top, v[(a * n + b) * n + k]);
  return [4, hashOf(26, top, x), hashOf(21, up, x), hashOf(22, b, x), hashOf(23, left, up, at(a, b - 1, x)), hashOf(25, top, up)];
}
function* ngramItems(v, n) {
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) for (let x = 0; x < n; x++) yield { byte: v[(a * n + b) * n + x], bits: 4, ctx: ngramContexts(v, n, a, b, x) };
}

// The whole stream: the dictionary's sections, the trigram costs (n symbols), the two lists of lines.
export function encode(sections, ngram, n, defaults, defaultTags, extra) {
  const m = model();
  const out = [];
  let x1 = 0;
  let x2 = 0xffffffff;
  const items = function* () {
    yield* dictionaryItems(sections);
    yield* ngramItems(ngram, n);
    yield* lineItems(8, defaults, defaultTags);
    yield* lineItems(9, extra);
  };
  for (const { byte, bits, ctx } of items()) {
    let c0 = 1;
    for (let b = bits - 1; b >= 0; b--) {
      const y = (byte >> b) & 1;
      const p = m.predict(ctx, c0);
      const xmid = x1 + Math.floor((x2 - x1) / 4096) * p;
      if (y) x2 = xmid;
      else x1 = xmid + 1;
      m.update(y, ctx);
      c0 = (c0 << 1) | y;
      while (((x1 ^ x2) & 0xff000000) === 0) {
        out.push(x2 >>> 24);
        x1 = (x1 << 8) >>> 0;
        x2 = ((x2 << 8) | 255) >>> 0;
      }
    }
  }
  out.push(x1 >>> 24, (x1 >>> 16) & 255, (x1 >>> 8) & 255, x1 & 255);
  return out;
}
