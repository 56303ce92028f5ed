// helpers.mjs — what the browser tests share: one headless Chromium per test file (Debian's, driven
// by playwright-core), scripts/serve.mjs behind a logging proxy, pages whose requests, console
// errors, page errors and CSP violations are recorded, and the checks made on them.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const pageFile = fileURLToPath(new URL('../../dist/index.html', import.meta.url));
const serveScript = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));
export const WAIT = { timeout: 15_000 };
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

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
