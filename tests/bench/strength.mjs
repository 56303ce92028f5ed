// strength.mjs — the strength-analyzer benchmark: jwt-secret-kit's checkSecret() against zxcvbn
// 4.4.2 and @zxcvbn-ts/core 4.x (with its common + English language packs), in one run:
//   1. detection of the weak secrets in tests/data/strength-table.json (raw rows only);
//   2. false alarms on secrets straight from node:crypto;
//   3. time per check (64 characters, then 64 KiB and 1 MiB inputs);
//   4. size, gzipped.
// The work that is not timed (sections 1 and 2, and zxcvbn's capped 64 KiB runs) is spread over
// two worker threads, one per core; every timing of section 3 runs on the main thread with the
// workers stopped. This file is also the workers' entry point (see the end).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import zxcvbn from 'zxcvbn';
import tsCore from '@zxcvbn-ts/core';
import * as tsCommon from '@zxcvbn-ts/language-common';
import * as tsEn from '@zxcvbn-ts/language-en';

const ROOT = new URL('../../', import.meta.url);
const pkgVersion = (name) => JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, ROOT))).version;
const ZX = `zxcvbn ${pkgVersion('zxcvbn')}`;
const TS = `@zxcvbn-ts/core ${pkgVersion('@zxcvbn-ts/core')}`;
const CAP_MS = 60_000; // one capped zxcvbn call on a 64 KiB input
const CSPRNG_PER_KIND = 300; // 10 kinds: 3000 secrets, each checked by jwt-secret-kit and zxcvbn
const TS_PER_KIND = 6; // @zxcvbn-ts/core takes ~0.2-1 s per random secret: a subset only

// The zxcvbn-like analysers, as { score 0..4, log10 of guesses, characters analysed }.
let tsFactory;
const analysers = {
  zxcvbn: (s) => {
    const r = zxcvbn(s);
    return { score: r.score, log10: r.guesses_log10, analysed: r.password.length };
  },
  'zxcvbn-ts': (s) => {
    tsFactory ??= new tsCore.ZxcvbnFactory({
      dictionary: { ...tsCommon.dictionary, ...tsEn.dictionary },
      graphs: tsCommon.adjacencyGraphs,
      translations: tsEn.translations,
    });
    const r = tsFactory.check(s);
    return { score: r.score, log10: r.guessesLog10, analysed: r.password.length };
  },
};

// ---- worker side ---------------------------------------------------------------------------
if (!isMainThread && workerData?.role === 'pool') {
  parentPort.on('message', ({ tool, inputs }) => {
    parentPort.postMessage(inputs.map((s) => analysers[tool](s)));
  });
} else if (!isMainThread && workerData?.role === 'capped') {
  const { tool, input } = workerData;
  analysers[tool]('warm-up');
  parentPort.postMessage({ started: true });
  const t0 = performance.now();
  const r = analysers[tool](input);
  parentPort.postMessage({ ms: performance.now() - t0, ...r });
}

// ---- main side: helpers ----------------------------------------------------------------------
const ours = (s, alg = 'HS256') => ourCheck(s, { alg, encoding: 'raw' });
let ourCheck;

function fmtTime(ms) {
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
const fmtRatio = (r) => (r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`);
const pct = (n, d) => `${((100 * n) / d).toFixed(1)} %`;
const int = (n) => n.toLocaleString('en-US');
function cell(s, max = 44) {
  let t = JSON.stringify(s).slice(1, -1);
  if (t.length > max) t = `${t.slice(0, max - 1)}…`;
  return `\`${t.replace(/\|/g, '\\|').replace(/`/g, "'")}\``;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const b64url = (bytes) => randomBytes(bytes).toString('base64url');

// Rough cost in ms, only to start the longest tasks first.
const estimate = (tool, len) => (tool === 'zxcvbn' ? 16 * (len / 64) ** 2.9 + 0.3 : 400 * (Math.min(len, 256) / 64) ** 1.15 + 5);

// Runs tasks on two lanes, longest first; each lane owns one pool worker (made on first use).
async function runParallel(tasks, lanes = 2) {
  const pool = [];
  const call = async (lane, tool, inputs) => {
    pool[lane] ??= new Worker(new URL(import.meta.url), { workerData: { role: 'pool' } });
    const w = pool[lane];
    return new Promise((resolve, reject) => {
      const onError = (e) => { w.off('message', onMessage); reject(e); };
      const onMessage = (m) => { w.off('error', onError); resolve(m); };
      w.once('message', onMessage);
      w.once('error', onError);
      w.postMessage({ tool, inputs });
    });
  };
  const queue = [...tasks].sort((a, b) => b.cost - a.cost);
  const lane = async (i) => {
    while (queue.length) await queue.shift().run({ call: (tool, inputs) => call(i, tool, inputs), queue });
  };
  await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i)));
  await Promise.all(pool.filter(Boolean).map((w) => w.terminate()));
}

// One call of `tool` on `input` in a fresh worker, stopped after CAP_MS (worker.terminate()).
function capped(tool, input) {
  return new Promise((resolve) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { role: 'capped', tool, input } });
    let timer;
    let t0;
    const finish = (r) => { clearTimeout(timer); w.terminate().then(() => resolve(r)); };
    w.on('message', (m) => {
      if (m.started) {
        t0 = performance.now();
        timer = setTimeout(() => finish({ timeout: true, ms: performance.now() - t0 }), CAP_MS);
      } else finish(m);
    });
    w.on('error', (e) => finish({ error: `${e.code ?? e.name}: ${e.message}`, ms: t0 ? performance.now() - t0 : 0 }));
  });
}

// ---- the benchmark ---------------------------------------------------------------------------
export async function run() {
  const api = await import('../../dist/index.mjs');
  await api.ready;
  ourCheck = api.checkSecret;
  const startedAt = performance.now();

  // Every contender's output is checked before anything is counted or timed.
  const sanity = [b64url(48), b64url(48)];
  for (const s of sanity) {
    if (ours(s).verdict !== 'strong') throw new Error(`jwt-secret-kit: ${s} is not strong`);
    for (const tool of Object.keys(analysers)) if (analysers[tool](s).score !== 4) throw new Error(`${tool}: ${s} is not score 4`);
  }
  if (ours('password').verdict !== 'weak') throw new Error('jwt-secret-kit: "password" is not weak');
  for (const tool of Object.keys(analysers)) if (analysers[tool]('password').score !== 0) throw new Error(`${tool}: "password" is not score 0`);

  // Inputs.
  const table = JSON.parse(readFileSync(new URL('tests/data/strength-table.json', ROOT), 'utf8'));
  const rows = table.filter((r) => (r.encoding ?? 'raw') === 'raw');
  const urlsafe = (n) => randomBytes(n).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const kinds = [
    ['hex, 32 bytes (64 chars)', () => randomBytes(32).toString('hex')],
    ['hex, 48 bytes (96 chars)', () => randomBytes(48).toString('hex')],
    ['hex, 64 bytes (128 chars)', () => randomBytes(64).toString('hex')],
    ['base64, 32 bytes (44 chars)', () => randomBytes(32).toString('base64')],
    ['base64, 48 bytes (64 chars)', () => randomBytes(48).toString('base64')],
    ['base64, 64 bytes (88 chars)', () => randomBytes(64).toString('base64')],
    ['Python secrets.token_urlsafe(32) (43 chars)', () => urlsafe(32)],
    ['Node base64url, 32 bytes (43 chars)', () => b64url(32)],
    ['Node base64url, 48 bytes (64 chars)', () => b64url(48)],
    ['Node base64url, 64 bytes (86 chars)', () => b64url(64)],
  ].map(([name, gen]) => ({ name, secrets: Array.from({ length: CSPRNG_PER_KIND }, gen) }));
  const large = [
    ['64 KiB random base64url text', b64url(49152)],
    ['64 KiB `password` × 8,192', 'password'.repeat(8192)],
    ['1 MiB random base64url text', b64url(786432)],
    ['1 MiB `password` × 131,072', 'password'.repeat(131072)],
  ].map(([name, input]) => ({ name, input, lowEntropy: input.startsWith('password') }));
  if (large.some((l) => l.input.length !== (l.name.startsWith('64') ? 65536 : 1048576))) throw new Error('bad large input');

  // ---- untimed work, on two worker threads -----------------------------------------------------
  const res = { table: { zxcvbn: [], 'zxcvbn-ts': [] }, csprng: kinds.map(() => ({ zxcvbn: [], 'zxcvbn-ts': [] })), large: {} };
  const tasks = [];
  const addChunks = (tool, inputs, sink, size) => {
    for (let i = 0; i < inputs.length; i += size) {
      const chunk = inputs.slice(i, i + size);
      tasks.push({
        cost: chunk.reduce((c, s) => c + estimate(tool, s.length), 0),
        run: async ({ call }) => { (await call(tool, chunk)).forEach((r, j) => { sink[i + j] = r; }); },
      });
    }
  };
  // Table rows one by one (one has 1,000 characters: zxcvbn spends ~30 s on it alone).
  for (const tool of Object.keys(analysers)) addChunks(tool, rows.map((r) => r.secret), res.table[tool], 1);
  kinds.forEach((k, i) => {
    addChunks('zxcvbn', k.secrets, res.csprng[i].zxcvbn, 50);
    addChunks('zxcvbn-ts', k.secrets.slice(0, TS_PER_KIND), res.csprng[i]['zxcvbn-ts'], TS_PER_KIND);
  });
  // zxcvbn on 64 KiB, capped. Its 1 MiB run is made only if the 64 KiB run of the same kind of
  // text finished in time: zxcvbn's work on 1 MiB includes all its work on the first 64 KiB (every
  // substring (i, j) of the prefix is looked up), and that prefix is an input of the same kind.
  for (const [small, big] of [[large[0], large[2]], [large[1], large[3]]]) {
    tasks.push({
      cost: CAP_MS,
      run: async ({ queue }) => {
        res.large[small.name] = await capped('zxcvbn', small.input);
        if (res.large[small.name].timeout) {
          res.large[big.name] = { inferred: true };
        } else {
          queue.unshift({ cost: CAP_MS, run: async () => { res.large[big.name] = await capped('zxcvbn', big.input); } });
        }
      },
    });
  }
  const parallelStart = performance.now();
  await runParallel(tasks);
  const parallelSeconds = (performance.now() - parallelStart) / 1000;

  // Ours on the same inputs (fast: done here, on the main thread).
  const ourTable = rows.map((r) => ours(r.secret, r.alg));
  const ourCsprng = kinds.map((k) => k.secrets.map((s) => ours(s)));

  // ---- timings, on the main thread alone -------------------------------------------------------
  const set64 = Array.from({ length: 6 }, () => b64url(48)); // 6 different 64-character secrets
  const contenders = [
    ['jwt-secret-kit checkSecret(s, { alg: "HS256", encoding: "raw" })', (s) => ours(s), (r) => r.verdict === 'strong', 3000],
    [`${ZX} zxcvbn(s)`, analysers.zxcvbn, (r) => r.score === 4, 30],
    [`${TS} check(s), common + en dictionaries`, analysers['zxcvbn-ts'], (r) => r.score === 4, 6],
  ];
  for (const [name, fn, ok] of contenders) for (const s of set64) if (!ok(fn(s))) throw new Error(`${name}: unexpected result for ${s}`);
  const timeRound = (fn, reps) => {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) for (const s of set64) fn(s);
    return (performance.now() - t0) / (reps * set64.length);
  };
  const reps = contenders.map(([, fn, , warm]) => {
    for (let i = 0; i < warm; i++) fn(set64[i % set64.length]); // warm-up
    let n = 1;
    while (timeRound(fn, n) * n * set64.length < 300 && n < 1e5) n *= 2; // ~0.3 s a round (at least one pass)
    return n;
  });
  const samples = contenders.map(() => []);
  for (let round = 0; round < 5; round++) contenders.forEach(([, fn], i) => samples[i].push(timeRound(fn, reps[i])));
  const per64 = samples.map(median);

  // Large inputs, here: ours, median of 3 calls; zxcvbn-ts, one call (it reads 256 characters
  // of any of them, in up to ~4 s). Each result is checked.
  const largeTimes = large.map(({ input, lowEntropy }) => {
    const o = [];
    let oRes;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      oRes = ours(input);
      o.push(performance.now() - t0);
      if (oRes.verdict !== (lowEntropy ? 'weak' : 'strong')) throw new Error(`jwt-secret-kit: ${oRes.verdict} for a large input`);
    }
    const t0 = performance.now();
    const tRes = analysers['zxcvbn-ts'](input);
    const ts = performance.now() - t0;
    if (tRes.score !== (lowEntropy ? 0 : 4)) throw new Error(`zxcvbn-ts: score ${tRes.score} for a large input`);
    return { ours: median(o), oRes, ts, tRes };
  });
  for (const [name, r] of Object.entries(res.large)) {
    if (r.score !== undefined && r.score !== (name.includes('password') ? 0 : 4)) throw new Error(`zxcvbn: score ${r.score} for ${name}`);
  }

  // zxcvbn's time against the input's length (one call each, random base64url text).
  const scaling = [128, 192, 256].map((len) => {
    const s = b64url(len).slice(0, len);
    let t0 = performance.now();
    const o = ours(s);
    const oMs = performance.now() - t0;
    t0 = performance.now();
    const z = analysers.zxcvbn(s);
    const zMs = performance.now() - t0;
    if (o.verdict !== 'strong' || z.score !== 4 || z.analysed !== len) throw new Error(`scaling: unexpected result at ${len}`);
    return { len, oMs, zMs };
  });

  // ---- report ------------------------------------------------------------------------------
  const nWeak = rows.filter((r) => r.verdict === 'weak');
  const idx = (r) => rows.indexOf(r);
  const weakIdx = nWeak.map(idx);
  const caught = {
    ours: new Set(weakIdx.filter((i) => ourTable[i].verdict === 'weak')),
  };
  const rules = [
    ['zxcvbn', '<4', ZX, (sc) => sc < 4, 'score < 4 (anything below its top score)'],
    ['zxcvbn', '<=2', ZX, (sc) => sc <= 2, 'score ≤ 2 (stricter)'],
    ['zxcvbn-ts', '<4', TS, (sc) => sc < 4, 'score < 4 (anything below its top score)'],
    ['zxcvbn-ts', '<=2', TS, (sc) => sc <= 2, 'score ≤ 2 (stricter)'],
  ];
  for (const [tool, rule, , pred] of rules) caught[`${tool}${rule}`] = new Set(weakIdx.filter((i) => pred(res.table[tool][i].score)));

  console.log(`\nDetection: the ${nWeak.length} rows of tests/data/strength-table.json whose expected verdict is \`weak\``);
  console.log(`(${rows.length} of the table's ${table.length} rows are \`raw\`: the text is the key; the other ${table.length - rows.length} decode hex/base64 first, which zxcvbn cannot model.`);
  console.log(`jwt-secret-kit is asked with each row's alg; zxcvbn and zxcvbn-ts see the text only. zxcvbn-ts reads only its first 256 characters.)`);
  console.log('| analyzer | counted as weak when | caught | share |');
  console.log('|---|---|---:|---:|');
  console.log(`| jwt-secret-kit ${api.VERSION} checkSecret | \`verdict === 'weak'\` for the row's alg | ${caught.ours.size} / ${nWeak.length} | ${pct(caught.ours.size, nWeak.length)} |`);
  for (const [tool, rule, label, , text] of rules) {
    const n = caught[`${tool}${rule}`].size;
    console.log(`| ${label} | ${text} | ${n} / ${nWeak.length} | ${pct(n, nWeak.length)} |`);
  }

  const cats = [...new Set(nWeak.map((r) => r.category))];
  console.log('\nThe same, by category (zxcvbn-like tools: score < 4)');
  console.log(`| category | weak rows | jwt-secret-kit | ${ZX} | ${TS} |`);
  console.log('|---|---:|---:|---:|---:|');
  for (const c of cats) {
    const ids = weakIdx.filter((i) => rows[i].category === c);
    const n = (set) => ids.filter((i) => set.has(i)).length;
    console.log(`| ${c} | ${ids.length} | ${n(caught.ours)} | ${n(caught['zxcvbn<4'])} | ${n(caught['zxcvbn-ts<4'])} |`);
  }

  console.log('\nStrictly more caught? Weak rows caught by one analyzer and missed by the other');
  console.log('| other analyzer, rule | caught by jwt-secret-kit only | caught by the other only | jwt-secret-kit catches strictly more |');
  console.log('|---|---:|---:|---|');
  const strictly = {};
  for (const [tool, rule, label, , text] of rules) {
    const other = caught[`${tool}${rule}`];
    const onlyOurs = [...caught.ours].filter((i) => !other.has(i));
    const onlyOther = [...other].filter((i) => !caught.ours.has(i));
    strictly[`${tool}${rule}`] = { onlyOurs, onlyOther };
    console.log(`| ${label}, ${text.split(' (')[0]} | ${onlyOurs.length} | ${onlyOther.length} | ${onlyOther.length === 0 && onlyOurs.length > 0 ? 'yes (a strict superset)' : 'no'} |`);
  }

  for (const [tool, label] of [['zxcvbn', ZX], ['zxcvbn-ts', TS]]) {
    // A few examples it rates at its top score (4) that we flag, one per category first.
    const missed = strictly[`${tool}<4`].onlyOurs;
    const picks = [];
    for (const c of cats) { const i = missed.find((m) => rows[m].category === c); if (i !== undefined) picks.push(i); }
    for (const i of missed) if (picks.length < 8 && !picks.includes(i)) picks.push(i);
    console.log(`\nExamples ${label} rates ${picks.length ? 'score 4 (its best)' : ''} that jwt-secret-kit flags as weak (${missed.length} in all)`);
    console.log(`| secret | category | ${label} score | its guesses | jwt-secret-kit findings |`);
    console.log('|---|---|---:|---:|---|');
    for (const i of picks.slice(0, 8)) {
      const z = res.table[tool][i];
      console.log(`| ${cell(rows[i].secret)} | ${rows[i].category} | ${z.score} | 10^${z.log10.toFixed(1)} | ${ourTable[i].findings.map((f) => f.code).join(', ')} |`);
    }
    const theirs = strictly[`${tool}<4`].onlyOther;
    if (theirs.length) {
      console.log(`Rows ${label} flags that jwt-secret-kit does not: ${theirs.map((i) => cell(rows[i].secret)).join(', ')}`);
    }
  }

  // Rows expected fair or strong: flagged as weak?
  const notWeak = rows.map((r, i) => [r, i]).filter(([r]) => r.verdict !== 'weak');
  const agree = rows.filter((r, i) => ourTable[i].verdict === r.verdict).length;
  console.log(`\nThe other ${notWeak.length} raw rows (expected \`fair\` or \`strong\`): flagged as weak anyway`);
  console.log('| analyzer, rule | flagged | share |');
  console.log('|---|---:|---:|');
  const flaggedOurs = notWeak.filter(([, i]) => ourTable[i].verdict === 'weak').length;
  console.log(`| jwt-secret-kit, verdict === 'weak' | ${flaggedOurs} / ${notWeak.length} | ${pct(flaggedOurs, notWeak.length)} |`);
  for (const [tool, rule, label, pred, text] of rules) {
    const n = notWeak.filter(([, i]) => pred(res.table[tool][i].score)).length;
    console.log(`| ${label}, ${text.split(' (')[0]} | ${n} / ${notWeak.length} | ${pct(n, notWeak.length)} |`);
  }
  console.log(`jwt-secret-kit's verdict equals the expected one on ${agree} of ${rows.length} raw rows.`);
  console.log('Note: the analyzer\'s curated list of documented defaults was written with this table in view, so for');
  console.log('jwt-secret-kit these detection figures are in-sample; zxcvbn and zxcvbn-ts never saw the table.');

  // 2. False alarms.
  const nCsprng = kinds.reduce((n, k) => n + k.secrets.length, 0);
  const falseOurs = ourCsprng.map((rs) => rs.filter((r) => r.verdict !== 'strong').length);
  const falseZ = res.csprng.map((r) => r.zxcvbn.filter((x) => x.score < 4).length);
  const falseT = res.csprng.map((r) => r['zxcvbn-ts'].filter((x) => x.score < 4).length);
  const minLog = (xs) => Math.min(...xs.map((x) => x.log10)).toFixed(1);
  console.log(`\nFalse alarms on ${int(nCsprng)} secrets from node:crypto randomBytes, each checked for HS256`);
  console.log(`(jwt-secret-kit: a false alarm is any verdict but \`strong\`; zxcvbn-like tools: score < 4. ${TS}`);
  console.log(`takes 0.2–1 s per such secret, so it checks the first ${TS_PER_KIND} of each kind only.)`);
  console.log(`| kind | secrets | jwt-secret-kit | ${ZX} | its fewest guesses | ${TS} |`);
  console.log('|---|---:|---:|---:|---:|---:|');
  kinds.forEach((k, i) => {
    console.log(`| ${k.name} | ${k.secrets.length} | ${falseOurs[i]} | ${falseZ[i]} | 10^${minLog(res.csprng[i].zxcvbn)} | ${falseT[i]} of ${res.csprng[i]['zxcvbn-ts'].length} |`);
  });
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const nTs = sum(res.csprng.map((r) => r['zxcvbn-ts'].length));
  console.log(`| **all** | ${int(nCsprng)} | **${sum(falseOurs)}** | **${sum(falseZ)}** | 10^${minLog(res.csprng.flatMap((r) => r.zxcvbn))} | **${sum(falseT)} of ${nTs}** |`);

  // 3. Time.
  console.log(`\nTime per check of a 64-character random secret (base64url of 48 random bytes; 6 different`);
  console.log('secrets, median of 5 alternating rounds after warm-up; every result checked first)');
  console.log('| analyzer | time per check | checks/s | time vs jwt-secret-kit |');
  console.log('|---|---:|---:|---:|');
  contenders.forEach(([name], i) => {
    console.log(`| ${name} | ${fmtTime(per64[i])} | ${int(Math.round(1000 / per64[i]))} | ${fmtRatio(per64[i] / per64[0])} |`);
  });

  console.log(`\nTime for one check of a large input (jwt-secret-kit: median of 3 calls; ${TS}: one call;`);
  console.log(`${ZX}: one call in a worker thread, stopped after ${CAP_MS / 1000} s)`);
  console.log('| input | analyzer | characters analysed | result | time | time vs jwt-secret-kit |');
  console.log('|---|---|---:|---|---:|---:|');
  large.forEach((l, i) => {
    const t = largeTimes[i];
    console.log(`| ${l.name} | jwt-secret-kit | ${int(t.oRes.length)} | ${t.oRes.verdict}, ${t.oRes.entropy_bits} bits | ${fmtTime(t.ours)} | 1.00× |`);
    const z = res.large[l.name];
    let zTime;
    let zRatio;
    let zRes;
    if (z.inferred) {
      zTime = `> ${CAP_MS / 1000} s (not run)`;
      zRatio = `> ${int(Math.round(CAP_MS / t.ours))}×`;
      zRes = 'not run: on the same kind of 64 KiB text it passed the cap, and here it would first do all that work on the first 64 KiB';
    } else if (z.timeout) {
      zTime = `> ${CAP_MS / 1000} s`;
      zRatio = `> ${int(Math.round(CAP_MS / t.ours))}×`;
      zRes = `stopped after ${(z.ms / 1000).toFixed(1)} s, no result`;
    } else if (z.error) {
      zTime = `failed after ${fmtTime(z.ms)}`;
      zRatio = '—';
      zRes = z.error;
    } else {
      zTime = fmtTime(z.ms);
      zRatio = fmtRatio(z.ms / t.ours);
      zRes = `score ${z.score}`;
    }
    console.log(`| | ${ZX} | ${z.analysed ? int(z.analysed) : int(l.input.length)} (all of it) | ${zRes} | ${zTime} | ${zRatio} |`);
    console.log(`| | ${TS} | ${int(t.tRes.analysed)} (truncated) | score ${t.tRes.score} | ${fmtTime(t.ts)} | ${fmtRatio(t.ts / t.ours)} |`);
  });
  console.log(`${ZX} has no length limit: lib/main.js hands the whole text to matching.omnimatch, whose`);
  console.log('dictionary matcher looks up every substring (i, j) in each of its 5 dictionaries, also reversed');
  console.log(`and l33t-decoded. ${TS} analyses password.substring(0, maxLength) with maxLength = 256 by`);
  console.log('default (src/index.ts, src/Options.ts), so its score for a long input describes the first 256');
  console.log('characters only. zxcvbn\'s time grows with the length like this (one call each, random base64url):');
  console.log(`| characters | jwt-secret-kit | ${ZX} | time vs jwt-secret-kit |`);
  console.log('|---:|---:|---:|---:|');
  for (const s of scaling) console.log(`| ${s.len} | ${fmtTime(s.oMs)} | ${fmtTime(s.zMs)} | ${fmtRatio(s.zMs / s.oMs)} |`);

  // 4. Size.
  const gz = (paths) => {
    const bufs = paths.map((p) => readFileSync(new URL(p, ROOT)));
    return { bytes: sum(bufs.map((b) => b.length)), gz: sum(bufs.map((b) => gzipSync(b, { level: 9 }).length)) };
  };
  // The checker as an app imports it: dist/check.mjs and every file it imports, statically (the
  // chunks it shares with the other entries, the check module's binary).
  const imported = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    const text = readFileSync(new URL(file, ROOT), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*["'](\.\/[\w.-]+\.mjs)["']/g)) imported(`dist/${m[1].slice(2)}`, seen);
    return seen;
  };
  const checkFiles = [...imported('dist/check.mjs')];
  const sizes = [
    [`jwt-secret-kit ${api.VERSION} checkSecret as an app imports it: dist/check.mjs and the ${checkFiles.length - 1} files it imports (loader, API, the check module)`, gz(checkFiles)],
    [`jwt-secret-kit ${api.VERSION} page: dist/index.html (everything inline)`, gz(['dist/index.html'])],
    [`${ZX}: dist/zxcvbn.js`, gz(['node_modules/zxcvbn/dist/zxcvbn.js'])],
    [`${TS} + language-common ${pkgVersion('@zxcvbn-ts/language-common')} + language-en ${pkgVersion('@zxcvbn-ts/language-en')}: their dist/zxcvbn-ts.js bundles`,
      gz(['node_modules/@zxcvbn-ts/core/dist/zxcvbn-ts.js', 'node_modules/@zxcvbn-ts/language-common/dist/zxcvbn-ts.js', 'node_modules/@zxcvbn-ts/language-en/dist/zxcvbn-ts.js'])],
  ];
  console.log('\nSize (gzip -9, each file compressed on its own, then summed)');
  console.log('| what | bytes | gzipped | gzipped vs jwt-secret-kit\'s checker |');
  console.log('|---|---:|---:|---:|');
  for (const [name, s] of sizes) console.log(`| ${name} | ${int(s.bytes)} | ${int(s.gz)} | ${fmtRatio(s.gz / sizes[0][1].gz)} |`);

  // Targets.
  const speedup = per64[1] / per64[0];
  const strictZ = strictly['zxcvbn<4'];
  const strictT = strictly['zxcvbn-ts<4'];
  const yes = (b) => (b ? 'met' : '**not met**');
  console.log('\nThe project\'s targets');
  console.log('| target | measured | |');
  console.log('|---|---|---|');
  console.log(`| ≥ 100× faster than zxcvbn per 64-character secret | ${fmtRatio(speedup)} (${fmtTime(per64[0])} vs ${fmtTime(per64[1])}) | ${yes(speedup >= 100)} |`);
  console.log(`| zero false alarms on CSPRNG secrets | ${sum(falseOurs)} of ${int(nCsprng)} | ${yes(sum(falseOurs) === 0)} |`);
  console.log(`| strictly more weak secrets caught (score < 4 rule) | vs zxcvbn: +${strictZ.onlyOurs.length} / −${strictZ.onlyOther.length}; vs zxcvbn-ts: +${strictT.onlyOurs.length} / −${strictT.onlyOther.length} | ${yes(!strictZ.onlyOther.length && strictZ.onlyOurs.length && !strictT.onlyOther.length && strictT.onlyOurs.length)} |`);
  console.log(`\n(strength section: ${((performance.now() - startedAt) / 1000).toFixed(0)} s, of which ${parallelSeconds.toFixed(0)} s untimed checks on two worker threads)`);
}

if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) await run();
