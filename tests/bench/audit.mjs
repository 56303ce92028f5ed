// audit.mjs — the token-audit benchmark: how many candidate secrets per second each tool tries
// against one captured HS256/HS512 token, side by side in one run, on the same tokens and list:
//   jwt-secret-kit auditToken() on the SIMD WASM build (dist/index.mjs) and the scalar one
//   (dist/scalar.mjs); jwt-secret-kit's native build (build/native/jsk_audit_bench); a Node
//   createHmac loop (what jwt-cracker does); OpenSSL's HMAC() and EVP_MAC from C
//   (build/native/openssl_hmac_bench, when CMake found OpenSSL); hashcat -m 16500 -a 0 (when
//   installed, with an OpenCL device such as PoCL's).
// The list: LINES generated lines `cand0000001`… with one planted secret near the end. Every
// contender must first find the planted secret on its exact line (that pass is also the warm-up);
// the speed is then measured with the token's signature altered, so nothing matches and every
// candidate is tried: the list is cut into ROUNDS slices and each slice is timed for each contender
// in turn; the median rate is reported. Everything runs on one thread except hashcat (both cores)
// and the optional scaling section (two worker threads). This file is also that section's worker.
import { spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const ROOT = new URL('../../', import.meta.url);
const LINES = 2_000_000; // generated candidates; the planted secret makes LINES + 1 lines
const PLANT_AT = LINES - 1000; // 0-based line of the planted secret
const ROUNDS = 5;
const NATIVE = fileURLToPath(new URL('build/native/jsk_audit_bench', ROOT));
const OPENSSL = fileURLToPath(new URL('build/native/openssl_hmac_bench', ROOT));
const HASHCAT_TIMEOUT_MS = 240_000; // a cold kernel cache costs ~1 min of OpenCL compilation

// ---- worker side (scaling section): one SIMD audit of one shard, on demand ----------------------
if (!isMainThread && workerData?.role === 'audit-shard') {
  const api = await import('../../dist/index.mjs');
  await api.ready;
  const { listPath, token, shard } = workerData;
  const list = new Uint8Array(readFileSync(listPath)); // not a Buffer (see run())
  // warm-up: a full pass of this shard
  api.auditToken(token, { wordlist: list, builtin: false, shard });
  parentPort.on('message', () => {
    const t0 = performance.now();
    const r = api.auditToken(token, { wordlist: list, builtin: false, shard });
    parentPort.postMessage({ ms: performance.now() - t0, tried: r.tried, found: r.found });
  });
  parentPort.postMessage({ ready: true });
}

// ---- helpers -----------------------------------------------------------------------------------
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtRate = (r) => `${(r / 1e6).toFixed(2)} M`;
const fmtRatio = (r) => `${r.toFixed(2)}×`;
const int = (n) => n.toLocaleString('en-US');
const b64 = (s) => Buffer.from(s).toString('base64url');

function makeToken(alg, payload, secret) {
  const signingInput = `${b64(JSON.stringify({ alg, typ: 'JWT' }))}.${b64(JSON.stringify(payload))}`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  return `${signingInput}.${createHmac(hash, secret).update(signingInput).digest('base64url')}`;
}

// The same token with its signature's first character changed: still valid base64url (the first
// character carries no padding bits), and no candidate signs it.
function alterSignature(token) {
  const i = token.lastIndexOf('.') + 1;
  return `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`;
}

// Where slice i of count starts: the byte after the first "\n" at or past len * i / count
// (the same cut as the C harnesses make).
function cut(bytes, i, count) {
  if (i <= 0) return 0;
  if (i >= count) return bytes.length;
  const nl = bytes.indexOf(0x0a, Math.floor((bytes.length * i) / count));
  return nl < 0 ? bytes.length : nl + 1;
}

function tool(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) return { ok: false, missing: r.error.code === 'ENOENT', why: `${r.error.code ?? r.error.message}` };
  return { ok: r.status === 0, status: r.status, stdout: r.stdout, stderr: r.stderr, why: `exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}` };
}

// One run of hashcat -m 16500 -a 0 over the list; returns { exitCode, cracked, speeds, ms, error }.
function hashcat(token, listPath, dir, tag) {
  const outfile = join(dir, `hashcat-${tag}.out`);
  const t0 = performance.now();
  const r = spawnSync('hashcat', ['-m', '16500', '-a', '0', '--potfile-disable', '--restore-disable', '--logfile-disable',
    '--session', `jsk-bench-${process.pid}-${tag}`, '--outfile', outfile, '--outfile-format', '2',
    '--status', '--status-json', '--status-timer', '1', '--quiet', token, listPath],
  { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20, timeout: HASHCAT_TIMEOUT_MS });
  const ms = performance.now() - t0;
  if (r.error) return { error: r.error.code === 'ETIMEDOUT' ? `no result within ${HASHCAT_TIMEOUT_MS / 1000} s` : String(r.error.code ?? r.error.message), ms };
  // exit 0: cracked; 1: exhausted; anything else is an error
  if (r.status !== 0 && r.status !== 1) {
    const lines = (text) => text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('{'));
    const msg = lines(r.stderr).length ? lines(r.stderr) : lines(r.stdout);
    const hint = /platform found|No devices found/i.test(`${r.stdout}${r.stderr}`) ? ' (it needs an OpenCL runtime: `apt-get install pocl-opencl-icd`)' : '';
    return { error: `exit ${r.status}: ${msg.slice(-2).join(' / ') || 'no message'}${hint}`, ms };
  }
  const status = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => { try { return JSON.parse(l); } catch { return null; } }).filter(Boolean);
  const speeds = status.map((s) => s.devices.reduce((a, d) => a + d.speed, 0)).filter((s) => s > 0);
  const last = status.at(-1);
  const cracked = existsSync(outfile) ? readFileSync(outfile, 'utf8').split('\n').filter(Boolean) : [];
  return { exitCode: r.status, cracked, speeds, progress: last?.progress, ms };
}

// ---- the benchmark -------------------------------------------------------------------------------
export async function run() {
  const startedAt = performance.now();
  const simd = await import('../../dist/index.mjs');
  const scalar = await import('../../dist/scalar.mjs');
  await simd.ready;
  await scalar.ready;

  // Machine and versions.
  const cpu = cpus();
  const hcVersion = tool('hashcat', ['--version']);
  const sslVersion = tool('openssl', ['version']);
  const haveNative = existsSync(NATIVE);
  const haveOpenSSL = existsSync(OPENSSL);
  let flags = [];
  try {
    const have = new Set((readFileSync('/proc/cpuinfo', 'utf8').match(/^flags\s*:(.*)$/m)?.[1] ?? '').trim().split(/\s+/));
    flags = ['sse4_1', 'avx2', 'avx512f', 'avx512vl', 'sha_ni'].map((f) => `${f} ${have.has(f) ? 'yes' : 'no'}`);
  } catch { /* not Linux */ }
  let nativeFlags = '';
  try {
    const cache = readFileSync(new URL('build/native/CMakeCache.txt', ROOT), 'utf8');
    const get = (k) => cache.match(new RegExp(`^${k}:STRING=(.*)$`, 'm'))?.[1]?.trim() ?? '';
    nativeFlags = [get('CMAKE_C_FLAGS'), get(`CMAKE_C_FLAGS_${get('CMAKE_BUILD_TYPE').toUpperCase()}`)].filter(Boolean).join(' ');
  } catch { /* no native build */ }
  console.log(`\nMachine: ${cpu[0].model.trim()}, ${cpu.length} logical cores${flags.length ? ` (${flags.join(', ')})` : ''}; Node ${process.version}; load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`hashcat: ${hcVersion.ok ? hcVersion.stdout.trim() : 'not installed'}; openssl: ${sslVersion.ok ? sslVersion.stdout.trim() : 'not installed'}${haveOpenSSL ? '' : ' (no openssl_hmac_bench: CMake did not find OpenSSL\'s development files)'}`);

  // The list: LINES generated candidates and one planted secret, as a file (for the C harnesses
  // and hashcat) and as bytes (for the WASM builds) and strings (for the createHmac loop).
  const dir = mkdtempSync(join(tmpdir(), 'jsk-audit-bench-'));
  try {
    const secret = `planted-${randomBytes(6).toString('hex')}`;
    const words = Array.from({ length: LINES }, (_, i) => `cand${String(i + 1).padStart(7, '0')}`);
    words.splice(PLANT_AT, 0, secret);
    const listPath = join(dir, 'list.txt');
    writeFileSync(listPath, `${words.join('\n')}\n`);
    // A plain Uint8Array, not a Buffer: auditToken() wipes the found line with line.fill(0), and the
    // line comes from data.slice(), which for a Buffer is a view into the caller's bytes.
    const list = new Uint8Array(readFileSync(listPath));
    const plantedIndex = PLANT_AT + 1; // 1-based: candidates tried when it is found
    const cuts = Array.from({ length: ROUNDS + 1 }, (_, i) => cut(list, i, ROUNDS));
    const lineAt = cuts.map(() => 0); // lines before each cut (every line ends with "\n")
    for (let p = list.indexOf(0x0a); p >= 0; p = list.indexOf(0x0a, p + 1)) for (let i = 0; i < cuts.length; i++) if (p < cuts[i]) lineAt[i]++;
    if (lineAt[ROUNDS] !== words.length) throw new Error('bad list');
    console.log(`List: ${int(words.length)} lines (${int(list.length)} bytes), \`cand0000001\`… and one planted secret on line ${int(plantedIndex)}.`);
    console.log(`Each contender first finds the planted secret on that line (that pass is also the warm-up); speed is then measured on the`);
    console.log(`same token with its signature altered (nothing matches, all ${int(words.length)} candidates tried), the list cut into ${ROUNDS} slices, each`);
    console.log(`slice timed for each contender in turn; median of the ${ROUNDS} rates. One thread each, except hashcat.`);

    // The 500-byte token carries a realistic payload padded to 314 bytes of JSON (419 base64url
    // characters). An HS512 token cannot be ~105 bytes (its signature alone is 86 characters): it
    // gets the 105-byte HS256 token's header and payload, so the same 61-byte signing input.
    const big = { sub: '1234567890', name: 'Jane Doe', iat: 1700000000, exp: 1700003600, iss: 'https://auth.example.com',
      aud: 'api.example.com', scope: 'read:orders write:orders', pad: '' };
    big.pad = 'x'.repeat(314 - JSON.stringify(big).length);
    const tokens = [
      { title: 'HS256, 105-byte token (61-byte signing input)', alg: 'HS256', payload: { sub: '12345678' }, bytes: 105 },
      { title: 'HS256, 500-byte token (456-byte signing input)', alg: 'HS256', payload: big, bytes: 500 },
      { title: 'HS512, 148-byte token (the same 61-byte signing input; an HS512 signature alone is 86 characters)', alg: 'HS512', payload: { sub: '12345678' }, bytes: 148 },
    ];

    const notes = new Set();
    let scalingToken = null;
    const took = [];
    for (const t of tokens) {
      const tokenStart = performance.now();
      const token = makeToken(t.alg, t.payload, secret);
      const altered = alterSignature(token);
      const hash = t.alg === 'HS256' ? 'sha256' : 'sha512';
      const signingInput = token.slice(0, token.lastIndexOf('.'));
      const signature = token.slice(token.lastIndexOf('.') + 1);
      if (token.length !== t.bytes) throw new Error(`token of ${token.length} bytes, not ${t.bytes}`);
      if (!scalingToken) scalingToken = altered;

      // ---- in-process contenders: correctness (and warm-up), then timed slices -----------------
      const nodeLoop = (sig, from, to) => {
        for (let i = from; i < to; i++) {
          if (createHmac(hash, words[i]).update(signingInput).digest('base64url') === sig) return i + 1;
        }
        return 0;
      };
      const wasm = (api) => ({
        check: () => {
          const r = api.auditToken(token, { wordlist: list, builtin: false });
          if (!r.found || r.secret !== secret || r.tried !== plantedIndex) throw new Error(`found ${r.found}, ${r.secret}, after ${r.tried}`);
        },
        slice: (i) => {
          const t0 = performance.now();
          const r = api.auditToken(altered, { wordlist: list.subarray(cuts[i], cuts[i + 1]), builtin: false });
          const ms = performance.now() - t0;
          if (r.found || r.tried !== lineAt[i + 1] - lineAt[i]) throw new Error(`altered token: found ${r.found} after ${r.tried}`);
          return r.tried / (ms / 1000);
        },
      });
      const inProcess = [
        { name: 'jwt-secret-kit WASM SIMD (dist/index.mjs) auditToken', ...wasm(simd) },
        { name: 'jwt-secret-kit WASM scalar (dist/scalar.mjs) auditToken', ...wasm(scalar) },
        {
          name: `Node createHmac('${hash}', candidate).update(input).digest('base64url') loop (as jwt-cracker)`,
          check: () => {
            const at = nodeLoop(signature, 0, words.length);
            if (at !== plantedIndex) throw new Error(`found on line ${at}`);
          },
          slice: (i) => {
            const altSig = altered.slice(altered.lastIndexOf('.') + 1);
            const t0 = performance.now();
            const at = nodeLoop(altSig, lineAt[i], lineAt[i + 1]);
            const ms = performance.now() - t0;
            if (at !== 0) throw new Error('altered token found');
            return (lineAt[i + 1] - lineAt[i]) / (ms / 1000);
          },
        },
      ];
      for (const c of inProcess) {
        try { c.check(); } catch (e) { throw new Error(`${c.name}, ${t.title}: ${e.message}`); }
      }
      const samples = inProcess.map(() => []);
      for (let i = 0; i < ROUNDS; i++) inProcess.forEach((c, j) => samples[j].push(c.slice(i)));
      const rows = inProcess.map((c, j) => ({ name: c.name, threads: 1, rate: median(samples[j]), spread: samples[j] }));

      // ---- native harnesses ------------------------------------------------------------------
      const harness = (path, label) => {
        const r = tool(path, [token, listPath, String(ROUNDS)]);
        if (!r.ok) throw new Error(`${label}, ${t.title}: ${r.why}`);
        const j = JSON.parse(r.stdout);
        if (!j.found || j.secret !== secret || j.index !== plantedIndex) throw new Error(`${label}, ${t.title}: found ${j.secret} on line ${j.index}`);
        return j;
      };
      if (haveNative) {
        const j = harness(NATIVE, 'jsk_audit_bench');
        if (j.candidates !== words.length) throw new Error(`jsk_audit_bench tried ${j.candidates}`);
        rows.push({ name: `jwt-secret-kit native (build/native/jsk_audit_bench: jsk_audit_lines, built with \`${nativeFlags || 'default flags'}\`, no -march)`, threads: 1, rate: j.median, spread: j.rates });
      } else {
        rows.push({ name: 'jwt-secret-kit native', skip: 'build/native/jsk_audit_bench missing: run `node scripts/build.mjs`' });
      }
      if (haveOpenSSL) {
        const j = harness(OPENSSL, 'openssl_hmac_bench');
        rows.push({ name: `${j.version}, HMAC(EVP_${j.digest.toLowerCase()}(), …) per candidate (C)`, threads: 1, rate: j.hmac.median, spread: j.hmac.rates });
        rows.push({ name: `${j.version}, EVP_MAC: one context, EVP_MAC_init(key) + update + final per candidate (C)`, threads: 1, rate: j.evp_mac.median, spread: j.evp_mac.rates });
      } else {
        rows.push({ name: 'OpenSSL HMAC() from C', skip: 'not built: CMake found no OpenSSL development files (`apt-get install libssl-dev`, then `node scripts/build.mjs`)' });
      }

      // ---- hashcat ---------------------------------------------------------------------------
      const hcName = `hashcat ${hcVersion.ok ? hcVersion.stdout.trim() : ''} -m 16500 -a 0, OpenCL on the CPU, whole CPU (${cpu.length} cores)`;
      if (!hcVersion.ok) {
        rows.push({ name: 'hashcat -m 16500 -a 0', skip: 'hashcat not installed (`apt-get install hashcat pocl-opencl-icd`)' });
      } else {
        const found = hashcat(token, listPath, dir, `${t.alg}-${token.length}-found`);
        let row;
        if (found.error) {
          row = { name: hcName, skip: `could not run: ${found.error}` };
        } else if (found.exitCode !== 0 || found.cracked.length !== 1 || found.cracked[0] !== secret) {
          row = { name: hcName, skip: `did not find the planted secret (exit ${found.exitCode}, cracked ${JSON.stringify(found.cracked)})` };
        } else {
          if (found.ms > 30_000) notes.add(`hashcat's first run took ${(found.ms / 1000).toFixed(0)} s: it compiled its OpenCL kernel (cached afterwards under ~/.local/share/hashcat/kernels).`);
          const speed = hashcat(altered, listPath, dir, `${t.alg}-${token.length}-speed`);
          if (speed.error || speed.exitCode !== 1) {
            row = { name: hcName, skip: `speed run failed: ${speed.error ?? `exit ${speed.exitCode}`}` };
          } else if (!speed.progress || speed.progress[0] !== words.length) {
            row = { name: hcName, skip: `speed run tried ${speed.progress?.[0]} of ${words.length}` };
          } else {
            const rate = speed.speeds.length ? median(speed.speeds) : words.length / (speed.ms / 1000);
            row = { name: `${hcName}; end to end, start-up included: ${fmtRate(words.length / (speed.ms / 1000))}/s in all`, threads: cpu.length, rate, spread: speed.speeds };
          }
        }
        rows.push(row);
      }

      // ---- report ----------------------------------------------------------------------------
      const ours = rows[0].rate;
      console.log(`\n${t.title}: ${int(words.length)} candidates, none matching (speed run)`);
      console.log('| contender | threads | candidates/s | per thread | speed vs jwt-secret-kit WASM SIMD (per thread) | slowest–fastest slice |');
      console.log('|---|---:|---:|---:|---:|---:|');
      for (const r of rows) {
        if (r.skip) {
          console.log(`| ${r.name} | — | — | — | skipped: ${r.skip} | |`);
          continue;
        }
        const per = r.rate / r.threads;
        const lo = r.spread.length ? Math.min(...r.spread) / r.threads : NaN;
        const hi = r.spread.length ? Math.max(...r.spread) / r.threads : NaN;
        console.log(`| ${r.name} | ${r.threads} | ${fmtRate(r.rate)} | ${fmtRate(per)} | ${fmtRatio(per / ours)} | ${Number.isNaN(lo) ? '' : `${fmtRate(lo)}–${fmtRate(hi)}`} |`);
      }
      took.push((performance.now() - tokenStart) / 1000);
    }
    const scalingStart = performance.now();

    // ---- scaling: two worker threads, each auditing half of the list with the SIMD build --------
    const shardRun = async (count) => {
      const workers = Array.from({ length: count }, (_, index) => new Worker(new URL(import.meta.url), {
        workerData: { role: 'audit-shard', listPath, token: scalingToken, shard: count > 1 ? { index, count } : undefined },
      }));
      try {
        await Promise.all(workers.map((w) => new Promise((resolve, reject) => { w.once('message', resolve); w.once('error', reject); })));
        const rates = [];
        for (let round = 0; round < 3; round++) {
          const t0 = performance.now();
          const res = await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
            w.once('message', resolve);
            w.once('error', reject);
            w.postMessage('go');
          })));
          const ms = performance.now() - t0;
          const tried = res.reduce((a, r) => a + r.tried, 0);
          if (tried !== words.length || res.some((r) => r.found)) throw new Error(`scaling: tried ${tried}`);
          rates.push(tried / (ms / 1000));
        }
        return median(rates);
      } finally {
        await Promise.all(workers.map((w) => w.terminate()));
      }
    };
    const one = await shardRun(1);
    const two = await shardRun(2);
    console.log(`\nScaling: the SIMD WASM audit on worker_threads (HS256, 105-byte token, ${int(words.length)} candidates; median of 3 runs, each after a warm-up pass)`);
    console.log('| threads | candidates/s in all | per thread | vs one thread |');
    console.log('|---:|---:|---:|---:|');
    console.log(`| 1 (whole list) | ${fmtRate(one)} | ${fmtRate(one)} | 1.00× |`);
    console.log(`| 2 (auditToken shard { index, count: 2 } each) | ${fmtRate(two)} | ${fmtRate(two / 2)} | ${fmtRatio(two / one)} |`);

    notes.add('hashcat\'s rate is its own device speed (median of its once-a-second `--status-json` reports, both cores); its "slowest–fastest" column spans those reports.');
    for (const n of notes) console.log(`\nNote: ${n}`);
    console.log(`\n(audit section: ${((performance.now() - startedAt) / 1000).toFixed(0)} s: the tokens ${took.map((x) => `${x.toFixed(0)} s`).join(', ')}, scaling ${((performance.now() - scalingStart) / 1000).toFixed(0)} s; load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) await run();
