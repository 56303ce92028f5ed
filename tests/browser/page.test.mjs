// page.test.mjs — the one-file page (dist/index.html, built by `node scripts/build.mjs`) in real
// headless Chromium, driven by playwright-core: opened from file:// and served by scripts/serve.mjs.
// Both must make no request besides the document, log no error, trip no CSP rule, show a passed
// self-test and generate, reformat and copy secrets. A third test reads the built file's CSP.
//
//   node --test tests/browser/page.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const pageFile = fileURLToPath(new URL('../../dist/index.html', import.meta.url));
const serveScript = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));
const WAIT = { timeout: 15_000 };
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const B64URL_43 = /^[A-Za-z0-9_-]{43}$/;
const COPIED = 'Copied.';
const COPY_FAILED = 'Copy failed: select the secret and copy it by hand.';

let browser = null;
let server = null; // the scripts/serve.mjs child process
let proxy = null; // an in-process logging proxy in front of it
const cleanups = [];

before(async () => {
  assert.ok(existsSync(pageFile), `${pageFile} is missing: run \`node scripts/build.mjs\` first`);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  for (const fn of cleanups.reverse()) await fn();
  if (browser) await browser.close();
  if (proxy) {
    proxy.closeAllConnections();
    await new Promise((done) => proxy.close(done));
  }
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
});

// Starts scripts/serve.mjs on a free port (PORT=0) and returns the URL it prints.
async function startServer() {
  server = spawn(process.execPath, [serveScript], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  server.stderr.on('data', (d) => { err += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.mjs printed no URL in 10 s: ${out}${err}`)), 10_000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
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
  return { url: `http://127.0.0.1:${proxy.address().port}/`, log };
}

// A fresh page whose requests, console errors, page errors and CSP violations are all recorded.
async function instrumentedPage(context) {
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

async function waitForSelfTest(page, seen) {
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

const secret = (page) => page.inputValue('#secret');
const size = (page) => page.textContent('#size');

// Everything the page did on its own: only the document request, no error, no CSP violation.
async function assertQuiet(page, seen, documentUrl) {
  const others = seen.requests.filter((r) => !(r.navigation && r.main && r.url === documentUrl));
  assert.deepEqual(others, [], 'the page made requests besides its own document');
  assert.equal(seen.requests.length, 1, 'the document request itself was not seen: is recording working?');
  assert.deepEqual(seen.consoleErrors, [], 'console errors');
  assert.deepEqual(seen.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
}

// Proves the detectors above are live: a same-origin fetch() the CSP must block shows up as a
// violation and as a console error. Call it after assertQuiet.
async function assertDetectorsWork(page, seen) {
  const blocked = await page.evaluate(() => fetch('csp-probe').then(() => false, () => true));
  assert.equal(blocked, true, 'connect-src did not block a fetch');
  await page.waitForFunction(() => window.__cspViolations.length > 0, null, WAIT);
  assert.match((await page.evaluate(() => window.__cspViolations))[0], /^connect-src blocked (file$|.*csp-probe)/);
  await expectSoon(() => seen.consoleErrors.some((t) => /Content Security Policy/.test(t)), 'CSP console error');
}

async function expectSoon(cond, what) {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(cond(), `${what} did not happen within 5 s`);
}

// Clicks Copy and returns the feedback shown, after putting a sentinel in the clipboard.
async function clickCopy(page) {
  await page.evaluate(() => navigator.clipboard.writeText('sentinel: not copied'));
  await page.click('#copy');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '', null, WAIT);
  return page.textContent('#copy-status');
}

test('file:// — offline, silent, self-tested; generates, reformats and copies secrets', async () => {
  const url = pathToFileURL(pageFile).href;
  const context = await browser.newContext();
  cleanups.push(() => context.close());
  const { page, seen } = await instrumentedPage(context);
  await page.goto(url);
  await waitForSelfTest(page, seen);

  // Default: HS256, base64url.
  const first = await secret(page);
  assert.match(first, B64URL_43);
  assert.match(await size(page), /32 random bytes/);
  assert.match(await size(page), /256 bits/);
  assert.equal(await page.isEnabled('#copy'), true);

  await page.click('#generate');
  const second = await secret(page);
  assert.match(second, B64URL_43);
  assert.notEqual(second, first, 'Generate did not change the secret');

  await page.check('input[name=alg][value=HS384]');
  assert.match(await secret(page), /^[A-Za-z0-9_-]{64}$/);
  assert.match(await size(page), /48 random bytes/);

  await page.check('input[name=alg][value=HS512]');
  const hs512 = await secret(page);
  assert.match(hs512, /^[A-Za-z0-9_-]{86}$/);
  assert.match(await size(page), /64 random bytes/);
  assert.match(await size(page), /512 bits/);

  await page.selectOption('#format', 'hex');
  const hex = await secret(page);
  assert.match(hex, /^[0-9a-f]{128}$/);
  assert.match(await size(page), /64 random bytes/);
  assert.match(await size(page), /512 bits/);
  assert.match(await size(page), /128 characters as hex/);

  await page.selectOption('#format', 'base64');
  assert.match(await secret(page), /^[A-Za-z0-9+/]{86}==$/);

  await page.selectOption('#format', 'env');
  const env = await secret(page);
  assert.match(env, /^JWT_SECRET=[A-Za-z0-9_-]{86}$/);
  assert.match(await size(page), /64 random bytes/);
  assert.match(await size(page), /512 bits/);

  await page.click('#generate');
  const env2 = await secret(page);
  assert.match(env2, /^JWT_SECRET=[A-Za-z0-9_-]{86}$/);
  assert.notEqual(env2, env, 'Generate did not change the secret');

  // Copy, as a user would (no permission granted beforehand). Chromium lets a focused page write
  // the clipboard on a click; either message is valid, but "Copied." must mean it was copied.
  const status = await clickCopy(page);
  assert.ok(status === COPIED || status === COPY_FAILED, `unexpected copy feedback: ${status}`);
  await context.grantPermissions(['clipboard-read']);
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  if (status === COPIED) assert.equal(clip, env2, 'the clipboard does not hold the secret shown');
  else assert.notEqual(clip, env2, '"Copy failed" was shown but the secret was copied');

  await assertQuiet(page, seen, url);
  await assertDetectorsWork(page, seen);
});

test('http://127.0.0.1 via scripts/serve.mjs — silent, self-tested; generates and copies secrets', async () => {
  const upstream = await startServer();
  const { url, log } = await startLoggingProxy(upstream);
  const context = await browser.newContext();
  cleanups.push(() => context.close());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const { page, seen } = await instrumentedPage(context);
  const response = await page.goto(url);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^text\/html/);
  await waitForSelfTest(page, seen);

  const first = await secret(page);
  assert.match(first, B64URL_43);
  await page.click('#generate');
  const second = await secret(page);
  assert.match(second, B64URL_43);
  assert.notEqual(second, first, 'Generate did not change the secret');

  assert.equal(await clickCopy(page), COPIED);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), second);

  // Let late requests (a favicon, say) arrive before counting.
  await page.waitForLoadState('networkidle');
  await new Promise((r) => setTimeout(r, 500));
  // The server's view first: Chromium fetches a favicon outside the page's request events.
  assert.deepEqual(log, ['GET /'], 'the server received requests besides the document');
  await assertQuiet(page, seen, url);
  await assertDetectorsWork(page, seen);
  assert.deepEqual(log, ['GET /'], 'a CSP-blocked fetch reached the server');
});

test('dist/index.html — strict CSP whose hashes match; one inline classic script; nothing external', () => {
  const html = readFileSync(pageFile, 'utf8');
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*>/gi)];
  assert.equal(metas.length, 1, 'exactly one CSP meta tag');
  const csp = metas[0][1];
  assert.ok(html.indexOf(metas[0][0]) < html.search(/<(script|style)\b/i), 'the CSP comes before any script or style');
  const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name.toLowerCase(), sources];
  }));
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  assert.deepEqual(directives.get('connect-src'), ["'none'"]);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*|https?:/);

  // Exactly one <script>: inline, classic (no type, no src), and its hash is the one allowed.
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
  assert.equal(scripts.length, 1, 'exactly one <script> element');
  const [, scriptAttrs, scriptText] = scripts[0];
  assert.equal(scriptAttrs.trim(), '', `the script has attributes: ${scriptAttrs}`);
  assert.ok(scriptText.length > 1000, 'the script is inline');
  const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const scriptSrc = directives.get('script-src');
  assert.ok(scriptSrc.some((s) => /^'sha256-[A-Za-z0-9+/]{43}='$/.test(s)), 'script-src has a sha256 hash');
  assert.deepEqual(scriptSrc, [hash(scriptText), "'wasm-unsafe-eval'"], 'script-src allows exactly this script');
  const styles = [...html.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi)];
  assert.equal(styles.length, 1, 'exactly one <style> element');
  assert.deepEqual(directives.get('style-src'), [hash(styles[0][2])], 'style-src allows exactly this style');

  // The markup (script and style bodies aside) has no other script and loads nothing external.
  const markup = html.replace(scripts[0][0], '<script></script>').replace(styles[0][0], '<style></style>');
  assert.equal(markup.match(/<script\b/gi).length, 1);
  assert.doesNotMatch(markup, /type\s*=\s*["']?module/i);
  const refs = [...markup.matchAll(/\s(?:src|href|srcset|action|formaction|data|poster)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)]
    .map((m) => m[1].replace(/^["']|["']$/g, ''));
  for (const ref of refs) {
    assert.doesNotMatch(ref, /^\s*(https?:)?\/\//i, `external reference: ${ref}`);
    assert.match(ref, /^(data:|#)/, `a reference that is neither data: nor a fragment: ${ref}`);
  }
  assert.doesNotMatch(styles[0][2], /@import|url\(\s*["']?(https?:)?\/\//i, 'the stylesheet loads something');
});
