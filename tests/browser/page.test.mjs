// page.test.mjs — the one-file page (dist/index.html, built by `node scripts/build.mjs`) in real
// headless Chromium, driven by playwright-core: opened from file:// and served by scripts/serve.mjs.
// Both must make no request besides the document, log no error, trip no CSP rule, show a passed
// self-test and generate, reformat and copy secrets; the strength checker is driven from file://
// too. A last test reads the built file's CSP.
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

// What the checker panel shows, read from the DOM (only what is visible counts).
async function checkerView(page) {
  return page.evaluate(() => {
    const $ = (id) => document.getElementById(`check-${id}`);
    const shown = (el) => !el.hidden && !el.closest('[hidden]');
    const items = (el) => (shown(el) ? [...el.children].map((li) => li.textContent) : []);
    return {
      hint: shown($('hint')),
      error: shown($('error')) ? $('error').textContent : null,
      report: shown($('report')),
      verdict: shown($('verdict')) ? $('verdict').textContent : null,
      verdictClass: $('verdict').className,
      bits: $('bits').textContent,
      bytes: $('bytes').textContent,
      time: $('time').parentElement.textContent,
      findings: shown($('findings')) ? [...$('findings').querySelectorAll('li code')].map((c) => c.textContent) : [],
      findingText: items($('findings')).join('\n'),
      alts: items($('alts')),
      fix: shown($('fix')) ? $('fix-cmd').textContent : null,
      fixButton: shown($('fix')) ? $('generate').textContent : null,
    };
  });
}

// Types into the checker as a user would: it reports live, with no submit.
async function typeSecret(page, text) {
  await page.fill('#check-input', '');
  if (text) await page.locator('#check-input').pressSequentially(text);
}

test('file:// — the checker: live verdicts, findings, errors; the secret is neither sent nor kept', async () => {
  const url = pathToFileURL(pageFile).href;
  const context = await browser.newContext();
  cleanups.push(() => context.close());
  const { page, seen } = await instrumentedPage(context);
  await page.goto(url);
  await waitForSelfTest(page, seen);
  const historyAtStart = await page.evaluate(() => history.length);

  // Empty: a neutral hint and nothing else. The field is a password field, never autocompleted.
  let v = await checkerView(page);
  assert.equal(v.hint, true);
  assert.equal(v.report, false);
  assert.equal(v.error, null);
  assert.deepEqual(
    await page.$eval('#check-input', (el) => [el.type, el.autocomplete, el.spellcheck, !!el.closest('form')]),
    ['password', 'off', false, false],
  );
  assert.equal(await page.getAttribute('#check-result', 'aria-live'), 'polite');

  // The Show toggle.
  assert.equal(await page.getAttribute('#check-show', 'aria-pressed'), 'false');
  await page.click('#check-show');
  assert.equal(await page.getAttribute('#check-show', 'aria-pressed'), 'true');
  assert.equal(await page.$eval('#check-input', (el) => el.type), 'text');
  await page.click('#check-show');
  assert.equal(await page.getAttribute('#check-show', 'aria-pressed'), 'false');
  assert.equal(await page.$eval('#check-input', (el) => el.type), 'password');

  // A documented default: weak, named as such, with the fix.
  const weakSecret = 'your-256-bit-secret';
  await typeSecret(page, weakSecret);
  v = await checkerView(page);
  assert.equal(v.hint, false);
  assert.equal(v.report, true);
  assert.equal(v.verdict, 'weak');
  assert.match(v.verdictClass, /\bweak\b/);
  assert.ok(v.findings.includes('KNOWN_SECRET'), `findings: ${v.findings}`);
  assert.ok(v.findings.includes('SHORT_KEY'), `findings: ${v.findings}`);
  assert.match(v.findingText, /KNOWN_SECRET a documented default/);
  assert.match(v.bits, /^about [\d.]+ bits$/);
  assert.equal(v.bytes, '19 bytes');
  assert.match(v.time, /less than a second.*one GPU, 2×10⁹ guesses\/s/);
  assert.equal(v.fix, 'jwt-secret generate --alg HS256');
  assert.match(v.fixButton, /HS256/);

  // A fresh HS256 secret from the generator: strong for HS256, fair for HS512.
  const fresh = await secret(page);
  assert.match(fresh, B64URL_43);
  await page.fill('#check-input', fresh);
  v = await checkerView(page);
  assert.equal(v.verdict, 'strong');
  assert.match(v.verdictClass, /\bstrong\b/);
  assert.equal(v.fix, null, 'a fix is offered for a strong secret');
  assert.equal(v.bytes, '43 bytes');
  assert.match(v.bits, /256 bits/);
  await page.selectOption('#check-alg', 'HS512');
  v = await checkerView(page);
  assert.equal(v.verdict, 'fair');
  assert.ok(v.findings.includes('SHORT_KEY'), `findings: ${v.findings}`);
  assert.equal(v.fix, 'jwt-secret generate --alg HS512');

  // auto: the report lists what decoding libraries get.
  await page.selectOption('#check-alg', 'HS256');
  await page.selectOption('#check-enc', 'auto');
  v = await checkerView(page);
  assert.equal(v.verdict, 'strong');
  assert.deepEqual(v.alts, ['decoded as base64url: 32-byte key — strong for HS256']);
  await page.selectOption('#check-enc', 'raw');
  assert.deepEqual((await checkerView(page)).alts, []);

  // A UUID: fair, and said why.
  await typeSecret(page, '3f2504e0-4f89-41d3-9a0c-0305e82c3301');
  v = await checkerView(page);
  assert.equal(v.verdict, 'fair');
  assert.match(v.verdictClass, /\bfair\b/);
  assert.ok(v.findings.includes('UUID'), `findings: ${v.findings}`);

  // Not hex, used hex-decoded: a message in the panel, no exception.
  await page.selectOption('#check-enc', 'hex');
  await typeSecret(page, 'zz');
  v = await checkerView(page);
  assert.equal(v.report, false);
  assert.match(v.error ?? '', /^Cannot check this as hex: character outside/);
  await page.selectOption('#check-enc', 'raw');
  v = await checkerView(page);
  assert.equal(v.error, null);
  assert.equal(v.verdict, 'weak');

  // Emptied: back to the hint.
  await typeSecret(page, '');
  v = await checkerView(page);
  assert.deepEqual([v.hint, v.report, v.error], [true, false, null]);

  // "Generate one instead" fills the generator with a fresh secret for the checker's algorithm.
  await typeSecret(page, weakSecret);
  await page.selectOption('#check-alg', 'HS384');
  assert.equal((await checkerView(page)).fix, 'jwt-secret generate --alg HS384');
  const before = await secret(page);
  await page.click('#check-generate');
  const generated = await secret(page);
  assert.match(generated, /^[A-Za-z0-9_-]{64}$/);
  assert.notEqual(generated, before);
  assert.equal(await page.isChecked('input[name=alg][value=HS384]'), true);
  assert.match(await size(page), /48 random bytes/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'secret');

  // Nothing kept or sent: no storage, no cookie, the URL unchanged, the secret in no markup.
  await page.selectOption('#check-alg', 'HS256');
  await page.fill('#check-input', fresh);
  assert.equal((await checkerView(page)).verdict, 'strong');
  const kept = await page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    href: location.href,
    search: location.search,
    hash: location.hash,
    history: history.length,
    html: (() => { // the markup, less the script (its self-test checks a documented default)
      const copy = document.documentElement.cloneNode(true);
      copy.querySelectorAll('script').forEach((el) => el.remove());
      return copy.outerHTML;
    })(),
    text: document.body.innerText,
  }));
  assert.deepEqual([kept.local, kept.session, kept.cookie], [0, 0, '']);
  assert.deepEqual([kept.href, kept.search, kept.hash, kept.history], [url, '', '', historyAtStart]);
  for (const s of [fresh, weakSecret]) {
    assert.ok(!kept.html.includes(s) && !kept.text.includes(s), 'a checked secret shows up in the page');
  }

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
