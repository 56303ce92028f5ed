// page.mjs — the page benchmark: dist/index.html in headless Chromium against the BASELINE page
// (built from commit 6abe647, before issue 11), side by side in one run, as ratios:
//   1. time to first secret: from navigation start (the document's time origin) to the moment the
//      generated secret is in #secret's value, from file:// and from a 127.0.0.1 HTTP server, with
//      the CPU at normal speed and slowed 4× through the DevTools protocol;
//   2. the page's audit rate: "Audit a token" with a 3M- and a 5M-line wordlist (secret on the last
//      line), from the click on Start to the result (file read included), next to the CLIs on the
//      same list.
// Every load uses a fresh browser context (no cache, no compiled code shared), and the pages
// alternate. The baseline page is built once in a temporary `git worktree` and cached under
// build/bench-baseline/<commit>/ (git-ignored); nothing built is committed.
// `node tests/bench/index.mjs` runs it; it also runs on its own. Environment (for quick runs):
//   JSK_PAGE_LOADS (loads per page and setting, default 9), JSK_PAGE_AUDIT_ROUNDS (default 3),
//   JSK_PAGE_AUDIT_LINES (default "3000000,5000000"; "0" skips the audit part),
//   JSK_PAGE_CURRENT (the current page, default dist/index.html), JSK_PAGE_BASELINE (a commit).
import { spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BASELINE = process.env.JSK_PAGE_BASELINE || '6abe647';
const CURRENT = resolve(process.env.JSK_PAGE_CURRENT || join(ROOT, 'dist/index.html'));
const LOADS = Math.max(1, Number(process.env.JSK_PAGE_LOADS) || 9);
const AUDIT_ROUNDS = Math.max(1, Number(process.env.JSK_PAGE_AUDIT_ROUNDS) || 3);
const AUDIT_LINES = (process.env.JSK_PAGE_AUDIT_LINES ?? '3000000,5000000').split(',').map(Number).filter((n) => n > 0);
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const THROTTLE = 4;
const LOAD_TIMEOUT_MS = 60_000; // one load, throttled included
const AUDIT_TIMEOUT_MS = 300_000; // one audit of the longest list
const BUILD_TIMEOUT_MS = 900_000; // the baseline's WASM build

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const int = (n) => n.toLocaleString('en-US');
const ms = (x) => `${x.toFixed(0)} ms`;
const rate = (r) => `${(r / 1e6).toFixed(2)} M`;
const faster = (base, cur) => (base >= cur ? `${(base / cur).toFixed(2)}× faster` : `${(cur / base).toFixed(2)}× slower`);

function withTimeout(promise, timeoutMs, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no result within ${timeoutMs / 1000} s`)), timeoutMs); }),
  ]);
}

function git(args, opts = {}) {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', ...opts });
  if (r.error || r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.error?.message ?? (r.stderr || r.stdout).trim()}`);
  return r.stdout.trim();
}

// ---- the baseline page: built once per commit in a temporary worktree, cached under build/ --------
function baselinePage() {
  const sha = git(['rev-parse', '--verify', `${BASELINE}^{commit}`]);
  const cacheDir = join(ROOT, 'build', 'bench-baseline', sha);
  const cached = join(cacheDir, 'index.html');
  if (existsSync(cached)) return { sha, path: cached, built: false };
  const tmp = mkdtempSync(join(tmpdir(), 'jsk-baseline-'));
  const tree = join(tmp, 'tree');
  const t0 = performance.now();
  console.log(`(building the baseline page from ${sha.slice(0, 7)} in a temporary worktree: the WASM build takes a few minutes once; cached in build/bench-baseline/)`);
  try {
    git(['worktree', 'add', '--detach', tree, sha]);
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(tree, 'node_modules'));
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--wasm-only', '--build-dir', join(tmp, 'build'), '--dist-dir', join(tmp, 'dist')],
      { cwd: tree, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 << 20 });
    if (r.error || r.status !== 0) {
      throw new Error(`the baseline build (${sha.slice(0, 7)}) failed: ${r.error?.code === 'ETIMEDOUT' ? `no result within ${BUILD_TIMEOUT_MS / 1000} s` : (r.stderr || r.stdout || r.error?.message || '').trim().split('\n').slice(-5).join(' / ')}`);
    }
    mkdirSync(cacheDir, { recursive: true });
    const page = readFileSync(join(tmp, 'dist', 'index.html'));
    const part = `${cached}.${process.pid}.tmp`;
    const fd = openSync(part, 'w');
    try { writeSync(fd, page); } finally { closeSync(fd); }
    renameSync(part, cached); // atomic: a half-written page is never taken for a cached one
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT });
    rmSync(tmp, { recursive: true, force: true });
    spawnSync('git', ['worktree', 'prune'], { cwd: ROOT });
  }
  return { sha, path: cached, built: true, seconds: (performance.now() - t0) / 1000 };
}

// ---- a static server for the two pages (in memory, never cached) ---------------------------------
async function serve(pages) {
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url, 'http://x').pathname];
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': body.length });
    res.end(body);
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(0, '127.0.0.1', ok); });
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

// ---- first secret ---------------------------------------------------------------------------------
// Injected before the page's own script (not subject to its CSP). It wraps the textarea value
// setter: the first time #secret's value becomes non-empty, performance.now() (milliseconds since
// navigation start) is recorded. The cost is one id check per textarea write. A requestAnimationFrame
// poll is the fallback in case a page fills the field some other way (it says so: `how`).
const PROBE = `(() => {
  const rec = { t: 0, how: '', value: '' };
  let resolve;
  const done = new Promise((ok) => { resolve = ok; });
  Object.defineProperty(window, '__jskFirstSecret', { value: () => done });
  const desc = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
  const seen = (el, how) => {
    if (rec.t || el.id !== 'secret') return;
    const v = desc.get.call(el);
    if (v !== '') { rec.t = performance.now(); rec.how = how; rec.value = v; resolve(rec); }
  };
  Object.defineProperty(HTMLTextAreaElement.prototype, 'value', {
    configurable: true, enumerable: desc.enumerable, get: desc.get,
    set(v) { desc.set.call(this, v); seen(this, 'value setter'); },
  });
  const poll = () => {
    const el = document.getElementById('secret');
    if (el) seen(el, 'animation-frame poll');
    if (!rec.t) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

async function openPage(browser, url, throttle) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    if (throttle !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    // No polling from here: one evaluate that waits on the probe's promise.
    let rec;
    try {
      rec = await withTimeout(page.evaluate(() => window.__jskFirstSecret()), LOAD_TIMEOUT_MS, url);
    } catch (e) {
      throw new Error(`${url}: no secret in #secret (${e.message})${errors.length ? `; page errors: ${errors.slice(0, 3).join(' / ')}` : ''}`);
    }
    return { context, page, errors, rec };
  } catch (e) {
    await context.close().catch(() => {});
    throw e;
  }
}

async function firstSecret(browser, url, throttle) {
  const { context, rec } = await openPage(browser, url, throttle);
  try {
    if (!/^[A-Za-z0-9_-]{43}$/.test(rec.value)) throw new Error(`${url}: #secret holds ${JSON.stringify(rec.value)}, not a 43-character base64url secret`);
    return rec;
  } finally {
    await context.close();
  }
}

// ---- the audit panel ------------------------------------------------------------------------------
// A wordlist of `lines` random printable lines (6–16 characters of ! to ~, as in real lists) and
// the secret (longer than any of them, so no line equals it) as the last line.
function writeWordlist(path, lines, secret) {
  const buf = Buffer.allocUnsafe(lines * 17 + secret.length + 1);
  const rnd = randomBytes(1 << 20);
  let r = 0;
  const next = () => {
    if (r === rnd.length) { randomBytes(rnd.length).copy(rnd); r = 0; }
    return rnd[r++];
  };
  let p = 0;
  for (let i = 0; i < lines; i++) {
    const len = 6 + (next() % 11);
    for (let j = 0; j < len; j++) buf[p++] = 0x21 + (next() % 94);
    buf[p++] = 0x0a;
  }
  p += buf.write(`${secret}\n`, p, 'latin1');
  const fd = openSync(path, 'w');
  try { writeSync(fd, buf, 0, p); } finally { closeSync(fd); }
  return p;
}

function hs256(secret) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: '1234567890', name: 'Page bench', iat: 1700000000 })}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

async function pageAudit(browser, url, token, listPath, secret) {
  const { context, page } = await openPage(browser, url, 1);
  try {
    await page.waitForFunction(() => !document.getElementById('audit-start').disabled, null, { timeout: LOAD_TIMEOUT_MS });
    await page.fill('#audit-token', token);
    if (listPath) await page.setInputFiles('#audit-file', listPath);
    // Clicked in the page and timed there: t0 right before the click (the page reads the file on
    // it), t1 when #audit-result is shown (the page's finish()), seen by a MutationObserver. The
    // current page starts its workers (and warms their candidate loop up) when the token is entered,
    // as for a user, who enters it before choosing a file; nothing is done on the file choice, so
    // from the click is from the file choice.
    const r = await withTimeout(page.evaluate(() => new Promise((done) => {
      const result = document.getElementById('audit-result');
      let t0 = 0;
      const obs = new MutationObserver(() => {
        if (result.hidden) return;
        const t1 = performance.now();
        obs.disconnect();
        done({ ms: t1 - t0, state: result.dataset.state, tried: Number(result.dataset.tried), seconds: Number(result.dataset.seconds),
          workers: Number(result.dataset.workers), verdict: document.getElementById('audit-verdict').textContent });
      });
      obs.observe(result, { attributes: true, attributeFilter: ['hidden', 'data-state'] });
      t0 = performance.now();
      document.getElementById('audit-start').click();
    })), AUDIT_TIMEOUT_MS, `${url}: the audit`);
    if (!listPath) {
      if (r.state !== 'not-found') throw new Error(`${url}: the audit of the built-in list ended "${r.state}": ${r.verdict.trim()}`);
      return r;
    }
    if (r.state !== 'found') throw new Error(`${url}: the audit ended "${r.state}": ${r.verdict.trim()}`);
    await page.click('#audit-reveal');
    const shown = (await page.textContent('#audit-secret')).trim();
    if (shown !== secret) throw new Error(`${url}: the audit found ${JSON.stringify(shown)}, not the planted secret`);
    return r;
  } finally {
    await context.close();
  }
}

// The CLIs on the same list (end to end: process start, file read, audit), when built.
function cliAudit(cmd, args, token, listPath, secret) {
  const t0 = performance.now();
  const r = spawnSync(cmd, [...args, 'audit', token, '--wordlist', listPath, '--json'], { encoding: 'utf8', timeout: AUDIT_TIMEOUT_MS, maxBuffer: 16 << 20 });
  const wall = performance.now() - t0;
  if (r.error) throw new Error(`${cmd}: ${r.error.code === 'ETIMEDOUT' ? `no result within ${AUDIT_TIMEOUT_MS / 1000} s` : r.error.message}`);
  let j;
  try { j = JSON.parse(r.stdout); } catch { throw new Error(`${cmd} audit: exit ${r.status}, no JSON: ${(r.stderr || r.stdout).trim().slice(0, 200)}`); }
  if (!j.found || j.secret !== secret) throw new Error(`${cmd} audit: did not find the planted secret (${JSON.stringify(j).slice(0, 200)})`);
  return { tried: j.tried, seconds: j.seconds, wall };
}

// ---- the section ----------------------------------------------------------------------------------
export async function run() {
  const startedAt = performance.now();
  if (!existsSync(CURRENT)) throw new Error(`${CURRENT} is missing: run \`node scripts/build.mjs\` first`);
  const base = baselinePage();
  const short = base.sha.slice(0, 7);
  // The floor: a page with nothing but the field and an inline script that fills it. What a fresh
  // browser context takes to get any script of any page running; no page can show a secret sooner.
  const floorPath = join(ROOT, 'build', 'bench-floor.html');
  writeFileSync(floorPath, '<!doctype html><html><head><meta charset="utf-8"><title>floor</title></head><body>' +
    '<textarea id="secret"></textarea><script>document.getElementById("secret").value = "A".repeat(43);</script></body></html>\n');
  const pages = { baseline: base.path, current: CURRENT, floor: floorPath };
  const { chromium } = await import('playwright-core');
  const pw = JSON.parse(readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version;
  const server = await serve({ '/baseline/index.html': readFileSync(pages.baseline), '/current/index.html': readFileSync(pages.current),
    '/floor/index.html': readFileSync(pages.floor) });
  const urls = {
    'file://': { baseline: pathToFileURL(pages.baseline).href, current: pathToFileURL(pages.current).href, floor: pathToFileURL(pages.floor).href },
    http: { baseline: `${server.origin}/baseline/index.html`, current: `${server.origin}/current/index.html`, floor: `${server.origin}/floor/index.html` },
  };
  const dir = mkdtempSync(join(tmpdir(), 'jsk-page-bench-'));
  let browser = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: LOAD_TIMEOUT_MS });
    const size = (p) => readFileSync(p).length;
    console.log(`\nChromium ${browser.version()} (headless, ${CHROMIUM}), playwright-core ${pw}; ${cpus().length} logical cores; load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`Baseline: the page built from ${short} (${int(size(pages.baseline))} bytes${base.built ? `, built now in ${base.seconds.toFixed(0)} s` : ', cached build'}); current: ${CURRENT.startsWith(ROOT) ? CURRENT.slice(ROOT.length) : CURRENT} (${int(size(pages.current))} bytes).`);

    // 1. Time to first secret.
    console.log(`\nTime to first secret: navigation start to the secret in #secret's value (recorded in the page by a script`);
    console.log(`injected before its own), a fresh browser context per load, baseline and current alternating, one warm-up load each`);
    console.log(`not counted; median of ${LOADS}. CPU ×${THROTTLE}: Emulation.setCPUThrottlingRate { rate: ${THROTTLE} } (DevTools protocol).`);
    const firstRows = [];
    const hows = new Set();
    for (const throttle of [1, THROTTLE]) {
      for (const via of ['file://', 'http']) {
        const t = { baseline: [], current: [], floor: [] };
        for (let i = -1; i < LOADS; i++) {
          const order = i % 2 === 0 ? ['current', 'baseline', 'floor'] : ['floor', 'baseline', 'current'];
          for (const which of order) {
            const rec = await firstSecret(browser, urls[via][which], throttle);
            hows.add(rec.how);
            if (i >= 0) t[which].push(rec.t);
          }
        }
        const b = median(t.baseline);
        const c = median(t.current);
        const span = (xs) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
        const cpu = throttle === 1 ? 'normal CPU' : `CPU ×${throttle}`;
        firstRows.push({ via, cpu, b, c });
        const f = median(t.floor);
        console.log(`first secret (${via === 'http' ? 'http://127.0.0.1' : via}, ${cpu}): baseline ${short} ${ms(b)}, current ${ms(c)} — ${faster(b, c)} (median of ${LOADS}; baseline ${span(t.baseline)}, current ${span(t.current)}); ` +
          `the floor (a page that only fills the field) ${ms(f)}: beyond it, baseline ${ms(b - f)}, current ${ms(c - f)} — ${faster(b - f, c - f)}`);
      }
    }
    if (!(hows.size === 1 && hows.has('value setter'))) console.log(`(detected by: ${[...hows].join(', ')})`);

    // 2. The audit panel.
    if (AUDIT_LINES.length) {
      const secret = `page-bench-${randomBytes(8).toString('hex')}`; // 27 characters: no generated line equals it
      const token = hs256(secret);
      // The CLIs of the tree whose page is benched: dist/cli.mjs next to it, build/native/jwt-secret.
      const native = join(dirname(CURRENT), '..', 'build/native/jwt-secret');
      const nodeCli = join(dirname(CURRENT), 'cli.mjs');
      console.log(`\nThe page's audit ("Audit a token", file://): an HS256 token, a wordlist of random printable lines (6–16 characters)`);
      console.log(`with the secret on the last line, set with setInputFiles; timed in the page from the click on Start to the result`);
      console.log(`(file read, workers, built-in list and wordlist); candidates/s = the candidates the page counts as tried (built-in list`);
      console.log(`and wordlist; when a worker lags, the page stops it on the find, so "N of M tried") / that time; a fresh browser context`);
      console.log(`per run, pages alternating, median of ${AUDIT_ROUNDS}. The CLIs: one run each on the same list and token, end to end`);
      console.log('(process start, file read, audit).');
      // The built-in list's length on each page: one audit without a wordlist (not timed).
      const builtin = {};
      for (const which of ['baseline', 'current']) builtin[which] = (await pageAudit(browser, urls['file://'][which], token, null, secret)).tried;
      for (const lines of AUDIT_LINES) {
        const listPath = join(dir, `wordlist-${lines}.txt`);
        const bytes = writeWordlist(listPath, lines, secret);
        const t = { baseline: [], current: [] };
        let workers = 0;
        for (let i = 0; i < AUDIT_ROUNDS; i++) {
          for (const which of i % 2 ? ['current', 'baseline'] : ['baseline', 'current']) {
            const r = await pageAudit(browser, urls['file://'][which], token, listPath, secret);
            // The page stops every worker as soon as one finds the secret (on the last line, so at
            // the end of the last slice) and counts what each worker last reported: when a worker
            // lags, the count is below the whole work. The rate counts only what the page says was
            // tried (as the page's own "… a second" does), never more.
            workers = r.workers;
            t[which].push({ rate: r.tried / (r.ms / 1000), ms: r.ms, tried: r.tried, all: builtin[which] + lines + 1 });
          }
        }
        const pick = (xs) => xs.find((x) => x.rate === median(xs.map((y) => y.rate)));
        const b = pick(t.baseline);
        const c = pick(t.current);
        const of = (x) => `${(x.ms / 1000).toFixed(2)} s, ${int(x.tried)}${x.tried < x.all ? ` of ${int(x.all)}` : ''} tried`;
        console.log(`page audit, ${int(lines + 1)}-line wordlist (${(bytes / 1e6).toFixed(1)} MB, ${workers} workers): baseline ${short} ${rate(b.rate)} candidates/s (${of(b)}), current ${rate(c.rate)}/s (${of(c)}) — ${faster(c.rate, b.rate)} (median of ${AUDIT_ROUNDS})`);
        for (const [name, cmd, args] of [['native CLI (build/native/jwt-secret, one thread)', native, []], ['Node CLI (dist/cli.mjs, WASM)', process.execPath, [nodeCli]]]) {
          if (!existsSync(args[0] ?? cmd)) {
            console.log(`  ${name}: skipped (not built)`);
            continue;
          }
          const r = cliAudit(cmd, args, token, listPath, secret);
          console.log(`  ${name} audit on the same list: ${rate(r.tried / (r.wall / 1000))} candidates/s end to end (${(r.wall / 1000).toFixed(2)} s for ${int(r.tried)}; its own figure ${rate(r.tried / r.seconds)}/s)`);
        }
        rmSync(listPath, { force: true });
      }
      console.log('(hashcat on a list: see the audit section; the page and the CLIs are timed on the same list here.)');
    }
  } finally {
    if (browser) await browser.close().catch(() => {});
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n(page section: ${((performance.now() - startedAt) / 1000).toFixed(0)} s; load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
