// helpers.mjs — what the browser tests share: one headless Chromium per test file (Debian's, driven
// by playwright-core), scripts/serve.mjs behind a logging proxy, pages whose requests, console
// errors, page errors and CSP violations are recorded, and the checks made on them.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, enginesToRun, launchEngine } from './engines.mjs';

export const pageFile = fileURLToPath(new URL('../../dist/index.html', import.meta.url));
const serveScript = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));
export const WAIT = { timeout: 15_000 };
export { CHROMIUM_ARGS };

// Registers the file's before/after hooks: h.browser is the browser; h.cleanups run at the end;
// h.startServer() and h.startLoggingProxy(upstream) start what the served tests need, stopped at the end.
export function useBrowser() {
  const stops = [];
  const h = {
    browser: null,
    cleanups: [],
    async startServer() {
      const { url, stop } = await startServer();
      stops.push(stop);
      return url;
    },
    async startLoggingProxy(upstream) {
      const { url, log, stop } = await startLoggingProxy(upstream);
      stops.push(stop);
      return { url, log };
    },
  };
  before(async () => {
    assert.ok(existsSync(pageFile), `${pageFile} is missing: run \`node scripts/build.mjs\` first`);
    h.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    for (const fn of h.cleanups.reverse()) await fn();
    if (h.browser) await h.browser.close();
    for (const stop of stops.reverse()) await stop();
  });
  return h;
}

// Starts scripts/serve.mjs on a free port (PORT=0) and returns the URL it prints.
async function startServer() {
  const server = spawn(process.execPath, [serveScript], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((done) => server.once('exit', done));
      server.kill('SIGTERM');
      await exited;
    }
  };
  server.stderr.on('data', (d) => { err += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      server.kill('SIGTERM');
      reject(new Error(`serve.mjs printed no URL in 10 s: ${out}${err}`));
    }, 10_000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop });
      }
    });
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited (${code ?? signal}) before serving: ${out}${err}`));
    });
  });
}

// A transparent proxy in front of serve.mjs that logs every request the server receives, so that
// requests Chromium makes outside the page's view (a favicon fetch, say) are counted too.
async function startLoggingProxy(upstream) {
  let proxy = null;
  const target = new URL(upstream);
  const log = [];
  proxy = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    const up = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upRes) => {
        res.writeHead(upRes.statusCode, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', (e) => res.destroy(e));
    req.pipe(up);
  });
  await new Promise((done) => proxy.listen(0, '127.0.0.1', done));
  const stop = async () => {
    proxy.closeAllConnections();
    await new Promise((done) => proxy.close(done));
  };
  return { url: `http://127.0.0.1:${proxy.address().port}/`, log, stop };
}

// A fresh page whose requests, console errors, page errors and CSP violations are all recorded.
export async function instrumentedPage(context) {
  const seen = { requests: [], consoleErrors: [], pageErrors: [] };
  let page = null;
  context.on('request', (r) => seen.requests.push({
    url: r.url(),
    type: r.resourceType(),
    navigation: r.isNavigationRequest(),
    main: page !== null && r.frame() === page.mainFrame(),
  }));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    window.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    }, true);
  });
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') seen.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => seen.pageErrors.push(String((e && e.stack) || e)));
  return { page, seen };
}

export async function waitForSelfTest(page, seen) {
  try {
    await page.waitForFunction(() => {
      const el = document.getElementById('self-test');
      return el.classList.contains('ok') || el.classList.contains('bad');
    }, null, WAIT);
  } catch (e) {
    const text = await page.textContent('#self-test').catch(() => '?');
    e.message += `\n#self-test still says: ${text}\nconsole errors: ${JSON.stringify(seen.consoleErrors)}` +
      `\npage errors: ${JSON.stringify(seen.pageErrors)}`;
    throw e;
  }
  const [cls, text] = await page.$eval('#self-test', (el) => [el.className, el.textContent]);
  assert.equal(cls, 'ok', `self-test did not pass: ${text}`);
  assert.match(text, /^Self-test passed/);
}

// Everything the page did on its own: only the document request, no error, no CSP violation.
export async function assertQuiet(page, seen, documentUrl) {
  const others = seen.requests.filter((r) => !(r.navigation && r.main && r.url === documentUrl));
  assert.deepEqual(others, [], 'the page made requests besides its own document');
  assert.equal(seen.requests.length, 1, 'the document request itself was not seen: is recording working?');
  assert.deepEqual(seen.consoleErrors, [], 'console errors');
  assert.deepEqual(seen.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
}

// Proves the detectors above are live: a same-origin fetch() the CSP must block shows up as a
// violation and as a console error. Call it after assertQuiet.
export async function assertDetectorsWork(page, seen) {
  const blocked = await page.evaluate(() => fetch('csp-probe').then(() => false, () => true));
  assert.equal(blocked, true, 'connect-src did not block a fetch');
  await page.waitForFunction(() => window.__cspViolations.length > 0, null, WAIT);
  assert.match((await page.evaluate(() => window.__cspViolations))[0], /^connect-src blocked (file$|.*csp-probe)/);
  await expectSoon(() => seen.consoleErrors.some((t) => /Content Security Policy/.test(t)), 'CSP console error');
}

export async function expectSoon(cond, what) {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(cond(), `${what} did not happen within 5 s`);
}

// Workers that the page starts and ends, counted from Playwright's side.
export function watchWorkers(page) {
  const w = { created: 0, closed: 0, urls: new Set() };
  page.on('worker', (worker) => {
    w.created++;
    w.urls.add(worker.url());
    worker.on('close', () => { w.closed++; });
  });
  return w;
}

// assertQuiet, but the workers' scripts (blob: URLs of the page's own script, read from memory)
// are allowed: one load per worker, all from the same blob: URL.
export async function assertQuietWithWorkers(page, seen, documentUrl, workers) {
  const blobs = seen.requests.filter((r) => r.url.startsWith('blob:'));
  assert.ok(blobs.every((r) => r.type === 'script' && /^blob:(null|http:\/\/127\.0\.0\.1:\d+)\/[0-9a-f-]{36}$/.test(r.url)), JSON.stringify(blobs));
  assert.equal(blobs.length, workers.created, 'one blob: script load per worker');
  assert.equal(new Set(blobs.map((r) => r.url)).size, 1, 'all workers come from one blob: URL');
  assert.deepEqual([...workers.urls], [blobs[0].url]);
  await assertQuiet(page, { ...seen, requests: seen.requests.filter((r) => !r.url.startsWith('blob:')) }, documentUrl);
}

// A new context (options as browser.newContext's), closed at the end, with an instrumented page
// that has loaded url and passed its self-test. init(page) runs before the page loads.
export async function openPage(h, url, options = {}, init = null) {
  const context = await h.browser.newContext(options);
  h.cleanups.push(() => context.close());
  const { page, seen } = await instrumentedPage(context);
  if (init) await init(page, context);
  await page.goto(url);
  await waitForSelfTest(page, seen);
  return { context, page, seen };
}

// ------------------------------------------------------------------ the three engines (engines.mjs)

// For each engine selected (JSK_ENGINES, all three by default): a suite named after it whose
// before/after hooks launch and close that engine; body(h) declares its tests, h.engine being the
// engine, h.name its name. Test names start with the engine's name.
export function eachEngine(body) {
  for (const name of enginesToRun()) {
    describe(name, () => {
      const stops = [];
      const h = {
        name,
        engine: null,
        cleanups: [],
        async startServer() {
          const { url, stop } = await startServer();
          stops.push(stop);
          return url;
        },
        async startLoggingProxy(upstream) {
          const { url, log, stop } = await startLoggingProxy(upstream);
          stops.push(stop);
          return { url, log };
        },
        // A page at url (options: viewport { width, height }, init: a function run before the
        // page's script where the engine can, before(page): a step before navigating) whose
        // self-test has passed; closed at the end.
        async open(url, { before: beforeNavigating = null, ...options } = {}) {
          const page = await h.engine.open(null, options);
          h.cleanups.push(() => page.close());
          if (beforeNavigating) await beforeNavigating(page);
          await page.goto(url);
          await waitForSelfTestIn(page);
          return page;
        },
      };
      before(async () => {
        assert.ok(existsSync(pageFile), `${pageFile} is missing: run \`node scripts/build.mjs\` first`);
        h.engine = await launchEngine(name);
      });
      after(async () => {
        for (const fn of h.cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
        if (h.engine) await h.engine.close();
        for (const stop of stops.reverse()) await stop();
      });
      body(h);
    });
  }
}

// A step this engine cannot take, shown as a skipped subtest with the reason (never a silent pass).
export async function skipStep(t, h, what, why) {
  await t.test(`${what} (skipped in ${h.name})`, { skip: `${h.name}: ${why}` }, () => {});
}

export async function waitForSelfTestIn(page) {
  try {
    await page.waitForFunction(() => {
      const el = document.getElementById('self-test');
      return el.classList.contains('ok') || el.classList.contains('bad');
    }, undefined, WAIT);
  } catch (e) {
    const text = await page.textContent('#self-test').catch(() => '?');
    e.message += `\n#self-test still says: ${text}\nproblems: ${JSON.stringify(await page.problems().catch(() => '?'))}`;
    throw e;
  }
  const [cls, text] = await page.$eval('#self-test', (el) => [el.className, el.textContent]);
  assert.equal(cls, 'ok', `self-test did not pass: ${text}`);
  assert.match(text, /^Self-test passed/);
}

// The page was silent: no console error, no uncaught error, no CSP violation, and (where the engine
// reports requests) no request besides its document and its workers' blob: script. WebKit reports
// no requests over WebDriver, and its errors are recorded from the end of the load on (the load
// itself is checked by webkitConsoleClean): those steps are skipped there, by name.
export async function assertQuietIn(t, h, page, documentUrl) {
  const p = await page.problems();
  assert.deepEqual(p.consoleErrors, [], `${h.name}: console errors`);
  assert.deepEqual(p.pageErrors, [], `${h.name}: uncaught page errors`);
  assert.deepEqual(p.csp, [], `${h.name}: CSP violations`);
  if (p.cspMessages) assert.deepEqual(p.cspMessages, [], `${h.name}: CSP messages`);
  const requests = page.requests();
  if (requests === null) {
    await skipStep(t, h, 'no request besides the document', 'WebDriver reports no network requests (served pages are checked by the server\'s log instead)');
    return;
  }
  const others = requests.filter((r) => r.url !== documentUrl && !r.url.startsWith('blob:'));
  assert.deepEqual(others, [], `${h.name}: the page made requests besides its own document`);
  assert.ok(new Set(requests.filter((r) => r.url.startsWith('blob:')).map((r) => r.url)).size <= 1, 'workers from more than one blob: URL');
  // Firefox reports no request for a file:// document; Chromium and (over http) both do.
  if (h.name === 'chromium' || !documentUrl.startsWith('file:')) {
    assert.equal(requests.filter((r) => r.url === documentUrl).length, 1, `${h.name}: the document request itself was not seen: is recording working?`);
  }
}

// The detectors above are live: a fetch() the CSP must refuse is reported as a violation (and, in
// Chromium and Firefox, as a console or page error).
export async function assertDetectorsWorkIn(h, page) {
  const blocked = await page.evaluate(() => fetch('http://127.0.0.1:9/csp-probe').then(() => false, () => true));
  assert.equal(blocked, true, 'connect-src did not block a fetch');
  await page.waitForFunction(() => window.__cspViolations.length > 0, undefined, WAIT);
  assert.match((await page.problems()).csp[0], /^connect-src blocked http:\/\/127\.0\.0\.1:9\/csp-probe/);
  if (h.name === 'webkit') return;
  await expectSoon(() => [...page.seen.consoleErrors, ...(page.seen.cspMessages ?? [])]
    .some((m) => /Content[ -]Security[ -]Policy/.test(m)), `${h.name}: CSP message`);
}

// WebKit: MiniBrowser run alone on url prints every console and CSP message of the load; none may be
// an error or a security message. A page that breaks the CSP on purpose proves the run reports it.
export async function webkitConsoleClean(h, url) {
  const lines = await h.engine.consoleRun(url);
  assert.deepEqual(lines.filter((l) => /CONSOLE .*(ERROR|SECURITY|Refused)/.test(l)), [], `webkit console while loading ${url}`);
  return lines;
}
export async function webkitConsoleProbe(h) {
  const dir = mkdtempSync(join(tmpdir(), 'jsk-wk-'));
  try {
    const probe = join(dir, 'csp-probe.html');
    writeFileSync(probe, '<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src \'none\'">' +
      '<title>probe</title><script>console.error("probe")</script>\n');
    const lines = await h.engine.consoleRun(pathToFileURL(probe).href, 4000);
    assert.ok(lines.some((l) => /CONSOLE SECURITY ERROR Refused to execute a script/.test(l)), `the MiniBrowser run reported no CSP refusal: ${lines}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
