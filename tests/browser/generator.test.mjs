// generator.test.mjs — the generator's controls, from file:// and from http://127.0.0.1 (scripts/serve.mjs):
// a custom size, the "several secrets" .env block (names edited, added, removed; environments as
// blocks or prefixes), the .env download (read back from Playwright's download), mask/reveal, and
// the clipboard cleared 30 s after a copy (Playwright's clock stands in for the 30 s). Then the
// page's statements about the network are compared with the policy it runs under. Each page must
// stay silent: no request besides its document, no console error, no CSP violation.
// In each engine (engines.mjs); the download, the clipboard and its clearing (Playwright's download
// events, permissions and clock) are checked in Chromium only and skipped by name elsewhere.
//
//   node --test tests/browser/generator.test.mjs    (JSK_ENGINES=firefox for one engine)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { WAIT, assertDetectorsWorkIn, assertQuietIn, eachEngine, expectSoon, pageFile, skipStep } from './helpers.mjs';

const NO_DOWNLOAD = 'only Chromium\'s driver (Playwright) hands over downloads';
const NO_CLIPBOARD = 'reading the clipboard needs a permission only Chromium\'s driver grants';
const NAMES = ['JWT_ACCESS_TOKEN_SECRET', 'JWT_REFRESH_TOKEN_SECRET', 'JWT_EMAIL_TOKEN_SECRET'];
const ENVS = ['development', 'staging', 'production'];
const B64URL = (n) => new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((n * 4) / 3)}}$`);
const ENV_LINE = /^([A-Za-z_][A-Za-z0-9_]*)=([A-Za-z0-9_-]+)$/;

// What the generator shows.
function view(page) {
  return page.evaluate(() => {
    const $ = (id) => document.getElementById(id);
    return {
      text: $('secret').value,
      size: $('size').textContent,
      label: $('secret-label').textContent,
      error: $('gen-error').textContent || null, // the line keeps its place when empty (no layout jump)
      invalid: [...document.querySelectorAll('[aria-invalid="true"]')].map((el) => el.id || el.getAttribute('aria-label')),
      copy: !$('copy').disabled,
      download: !$('download').hidden,
      several: !$('several').hidden,
      format: !$('format-field').hidden,
      bytes: [$('bytes').value, $('bytes').min],
    };
  });
}

// A .env text's lines, each secret replaced by <secret>, and the secrets by name.
function envShape(text) {
  const secrets = [];
  const shape = text.split('\n').map((line) => {
    const m = ENV_LINE.exec(line);
    if (!m) return line;
    secrets.push([m[1], m[2]]);
    return `${m[1]}=<secret>`;
  });
  return { shape, secrets, values: secrets.map((s) => s[1]) };
}
// What Download saves for the text shown: the text, ending with one line end.
const asFile = (text) => (text.endsWith('\n') ? text : `${text}\n`);
const fileMenu = (page) => page.$$eval('#env-file option', (os) => os.map((o) => o.value));

// Types into a field as a user would, then Enter (which submits the generator's form).
async function enter(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Enter');
}
const nameInput = (i) => `#names li:nth-child(${i}) input`;
const removeButton = (i) => `#names li:nth-child(${i}) button`;

async function downloadFile(page) {
  const [download] = await Promise.all([page.raw.waitForEvent('download', WAIT), page.click('#download')]);
  const text = readFileSync(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text };
}

// A .env file as the issue asks: "\n" line ends (the last one too), one line per entry, nothing
// trailing, every line a comment, a blank or NAME=value with an unquoted base64url value.
function assertEnvFile(text) {
  assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), 'the file does not end with exactly one line end');
  assert.doesNotMatch(text, /\r/, 'a carriage return in the file');
  for (const line of text.slice(0, -1).split('\n')) {
    assert.doesNotMatch(line, /\s$/, `trailing whitespace: ${JSON.stringify(line)}`);
    assert.match(line, /^(#.*|[A-Za-z_][A-Za-z0-9_]*=[A-Za-z0-9_-]+|)$/, `not a .env line: ${JSON.stringify(line)}`);
  }
}

async function clipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}
async function statusBecomes(page, text) {
  await page.waitForFunction((t) => document.getElementById('copy-status').textContent === t, text, WAIT);
}

async function generatorChecks(t, h, page, origin) {
  const chromium = h.name === 'chromium';
  // ---------------------------------------------------------------------------- a custom size
  let v = await view(page);
  assert.deepEqual(v.bytes, ['32', '32']);
  assert.match(v.text, B64URL(32));
  await enter(page, '#bytes', '100');
  v = await view(page);
  assert.match(v.text, B64URL(100));
  assert.equal(v.size, '100 random bytes = 800 bits of entropy, 134 characters as base64url');
  await page.selectOption('#format', 'hex');
  assert.match((await view(page)).text, /^[0-9a-f]{200}$/);
  await page.selectOption('#format', 'jwk');
  const jwk = JSON.parse((await view(page)).text);
  assert.equal(Buffer.from(jwk.k, 'base64url').length, 100);
  assert.equal(jwk.alg, 'HS256');
  await page.selectOption('#format', 'base64url');

  // A preset sets the size (and the least allowed); less than the algorithm's size is refused.
  await page.check('input[name=alg][value=HS512]');
  v = await view(page);
  assert.deepEqual(v.bytes, ['64', '64']);
  assert.match(v.text, B64URL(64));
  for (const bad of ['40', '4097', '', '64.5']) {
    await enter(page, '#bytes', bad);
    v = await view(page);
    assert.equal(v.error, 'Size: a whole number of bytes from 64 (HS512) to 4096.', `size ${bad}`);
    assert.deepEqual(v.invalid, ['bytes']);
    assert.deepEqual([v.text, v.copy, v.size], ['', false, 'Nothing generated: fix the settings below.']);
    assert.equal(await page.getAttribute('#bytes', 'aria-describedby'), 'bytes-hint gen-error');
  }
  await enter(page, '#bytes', '4096');
  v = await view(page);
  assert.deepEqual([v.error, v.invalid, v.copy], [null, [], true]);
  assert.match(v.text, B64URL(4096));
  await page.check('input[name=alg][value=HS256]');
  assert.deepEqual((await view(page)).bytes, ['32', '32']);

  // ------------------------------------------------------- several secrets, as .env files (the core's)
  assert.equal((await view(page)).download, false, 'Download shown for a base64url secret');
  await page.check('input[name=mode][value=several]');
  v = await view(page);
  assert.deepEqual([v.several, v.format, v.label, v.download, v.copy], [true, false, 'Your secrets: .env.development', true, true]);
  assert.deepEqual(await fileMenu(page), ENVS.map((e) => `.env.${e}`));
  assert.equal(v.size, '9 secrets (3 names \u00d7 3 environments) in 3 files, each 32 random bytes = 256 bits of entropy, 43 characters as base64url.');
  // One file per environment, each with every name once; 9 different secrets in all.
  const files = {};
  for (const e of ENVS) {
    await page.selectOption('#env-file', `.env.${e}`);
    const f = await view(page);
    assert.equal(f.label, `Your secrets: .env.${e}`);
    assert.match(f.text, new RegExp(`^# \\.env\\.${e}: `));
    const shape = envShape(f.text);
    assert.deepEqual(shape.secrets.map((x) => x[0]), NAMES, `.env.${e}`);
    shape.values.forEach((x) => assert.match(x, B64URL(32)));
    assertEnvFile(f.text.endsWith('\n') ? f.text : `${f.text}\n`);
    files[e] = shape;
  }
  const all = Object.values(files).flatMap((f) => f.values);
  assert.equal(new Set(all).size, 9, 'a secret repeats');
  await page.selectOption('#env-file', '.env.development');
  v = await view(page);
  let env = envShape(v.text);
  assert.deepEqual(env.values, files.development.values, 'switching files made new secrets');
  assert.deepEqual(await page.$$eval('#names input', (els) => els.map((el) => [el.value, el.getAttribute('aria-label')])),
    NAMES.map((n, i) => [n, `Variable name ${i + 1}`]));
  assert.deepEqual(await page.$$eval('#names button', (els) => els.map((el) => el.getAttribute('aria-label'))),
    NAMES.map((n) => `Remove ${n}`));

  // The sign panel uses the shown file's first secret, and says which.
  assert.equal(await page.textContent('#jwt-key'), 'Uses the generated JWT_ACCESS_TOKEN_SECRET of .env.development as text: 43 bytes.');
  await page.click('#jwt-sign');
  const [head, p, sig] = (await page.inputValue('#jwt-token')).split('.');
  assert.equal(createHmac('sha256', env.values[0]).update(`${head}.${p}`).digest('base64url'), sig);

  // Download: the file shown, under its name, exactly as shown plus a final line end.
  let file;
  if (chromium) {
    file = await downloadFile(page);
    assert.match(file.name, /^\.?env\.development$/); // Chromium drops the leading dot, and the page says so:
    assert.equal(await page.textContent('#copy-status'), 'Downloading .env.development (browsers save it without its leading dot: rename it to .env.development).');
    assert.equal(file.text, asFile(v.text));
  } else await skipStep(t, h, 'the shown .env file downloads under its name', NO_DOWNLOAD);

  // New secret gives 9 new secrets.
  await page.click('#generate');
  const again = envShape((await view(page)).text);
  assert.deepEqual(again.secrets.map((x) => x[0]), NAMES);
  assert.equal(again.values.filter((x) => all.includes(x)).length, 0, 'New secret kept a secret');

  // Prefixes: one file; no environment: one .env; rotation: _CURRENT and _PREVIOUS; Kubernetes.
  await page.selectOption('#env-layout', 'prefix');
  v = await view(page);
  assert.equal(v.label, 'Your secrets: .env');
  assert.equal(await page.isVisible('#env-file'), false, 'a file menu for one file');
  assert.deepEqual(envShape(v.text).secrets.map((x) => x[0]), ENVS.flatMap((e) => NAMES.map((n) => `${e.toUpperCase()}_${n}`)));
  assert.equal(await page.textContent('#jwt-key'), 'Uses the generated DEVELOPMENT_JWT_ACCESS_TOKEN_SECRET of .env as text: 43 bytes.');
  for (const e of ENVS) await page.uncheck(`input[name=env][value=${e}]`);
  v = await view(page);
  assert.deepEqual(envShape(v.text).secrets.map((x) => x[0]), NAMES);
  assert.match(v.size, /^3 secrets \(3 names\) in 1 file, each 32 random bytes/);
  for (const e of ENVS) await page.check(`input[name=env][value=${e}]`);
  await page.selectOption('#env-layout', 'rotation');
  v = await view(page);
  assert.deepEqual(envShape(v.text).secrets.map((x) => x[0]), NAMES.flatMap((n) => [`${n}_CURRENT`, `${n}_PREVIOUS`]));
  assert.match(v.size, /^18 secrets \(3 names × 3 environments × current and previous\) in 3 files/);
  await page.selectOption('#env-layout', 'k8s');
  v = await view(page);
  assert.match(v.text, /^apiVersion: v1\nkind: Secret\nmetadata:\n {2}name: jwt-secrets-development\ntype: Opaque\nstringData:$/m);
  const k8s = [...v.text.matchAll(/^ {2}([A-Z_]+): '([A-Za-z0-9_-]{43})'$/gm)].map((m) => m[1]);
  assert.deepEqual(k8s, NAMES);
  await page.selectOption('#env-layout', 'files');

  // Names: edited, refused when not a variable name, empty or twice (the core's words), added and removed.
  await enter(page, nameInput(1), 'API_ACCESS_SECRET');
  const names = ['API_ACCESS_SECRET', ...NAMES.slice(1)];
  assert.deepEqual(envShape((await view(page)).text).secrets.map((x) => x[0]), names);
  assert.equal(await page.getAttribute(removeButton(1), 'aria-label'), 'Remove API_ACCESS_SECRET');
  for (const [bad, message] of [
    ['1BAD', /^Cannot write the \.env files: 1BAD: variable name must match \[A-Za-z_\]\[A-Za-z0-9_\]\* \(at most 128 characters\)\.$/],
    ['JWT-SECRET', /^Cannot write the \.env files: JWT-SECRET: variable name must match /],
    ['', /^Cannot write the \.env files: variable name 2 is empty: /],
    ['api_access_secret', /^Cannot write the \.env files: api_access_secret: the same name twice/],
  ]) {
    await enter(page, nameInput(2), bad);
    v = await view(page);
    assert.match(v.error, message);
    assert.deepEqual(v.invalid, ['Variable name 2']);
    assert.deepEqual([v.text, v.copy], ['', false]);
  }
  await enter(page, nameInput(2), NAMES[1]);
  v = await view(page);
  assert.deepEqual([v.error, v.invalid], [null, []]);

  await page.click('#name-add');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Variable name 4');
  await page.keys('JWT_API_KEY_SECRET');
  await page.keys(['Enter']);
  v = await view(page);
  assert.deepEqual(envShape(v.text).secrets.map((x) => x[0]), [...names, 'JWT_API_KEY_SECRET']);
  assert.match(v.size, /^12 secrets \(4 names × 3 environments\)/);
  await page.click(removeButton(4));
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Variable name 3');
  assert.deepEqual(envShape((await view(page)).text).secrets.map((x) => x[0]), names);
  await page.click(removeButton(1));
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Variable name 1');
  await page.click(removeButton(1));
  assert.deepEqual(envShape((await view(page)).text).secrets.map((x) => x[0]), [NAMES[2]]);
  assert.equal(await page.isDisabled(removeButton(1)), true, 'the last name can be removed');

  // -------------------------------------------------------------------------------- mask/reveal
  await page.click('#name-add');
  await enter(page, nameInput(2), NAMES[0]);
  v = await view(page);
  env = envShape(v.text);
  assert.equal(await page.textContent('#mask'), 'Hide');
  await page.click('#mask');
  assert.equal(await page.textContent('#mask'), 'Show'); // the label says what a click does
  const masked = (await view(page)).text;
  assert.deepEqual(masked.split('\n'), v.text.split('\n').map((l) => l.replace(/=(.*)$/, (m, s) => `=${'\u2022'.repeat(s.length)}`)));
  const shown = await page.evaluate(() => document.body.innerText + document.getElementById('secret').value);
  env.values.forEach((s) => assert.ok(!shown.includes(s), 'a masked secret is on the page'));
  // Masked, Copy and Download still give the secrets.
  if (chromium) {
    await harnessClipboard(page, origin);
    await page.click('#copy');
    await statusBecomes(page, 'Copied.');
    assert.equal(await clipboard(page), v.text);
    file = await downloadFile(page);
    assert.equal(file.text, asFile(v.text));
  } else await skipStep(t, h, 'masked, Copy and Download give the secrets', `${NO_CLIPBOARD}; ${NO_DOWNLOAD}`);
  // New secrets stay masked; revealed on demand.
  await page.click('#generate');
  assert.match((await view(page)).text, /^JWT_EMAIL_TOKEN_SECRET=•{43}$/m);
  await page.click('#mask');
  assert.match((await view(page)).text, /^JWT_EMAIL_TOKEN_SECRET=[A-Za-z0-9_-]{43}$/m);

  // One secret again: the .env line downloads as jwt-secret.env; a JWK is masked in its k only.
  await page.check('input[name=mode][value=one]');
  await page.selectOption('#format', 'env');
  v = await view(page);
  assert.deepEqual([v.several, v.format, v.label, v.download], [false, true, 'Your HS256 secret', true]);
  assert.match(v.text, /^JWT_SECRET=[A-Za-z0-9_-]{43}$/);
  if (chromium) {
    file = await downloadFile(page);
    assert.equal(file.name, 'jwt-secret.env');
    assert.equal(file.text, asFile(v.text));
    assertEnvFile(file.text);
  } else await skipStep(t, h, 'the .env line downloads as jwt-secret.env', NO_DOWNLOAD);
  await page.selectOption('#format', 'jwk');
  assert.equal((await view(page)).download, false);
  const jwkText = (await view(page)).text;
  await page.click('#mask');
  const jwkMasked = JSON.parse((await view(page)).text);
  assert.deepEqual(jwkMasked, { ...JSON.parse(jwkText), k: '\u2022'.repeat(43) });
  await page.selectOption('#format', 'base64url');
  assert.match((await view(page)).text, /^•{43}$/);
  await page.click('#mask');
  assert.match((await view(page)).text, B64URL(32));
}

// Clipboard permissions, as a user who allowed them would have (file:// takes no origin).
async function harnessClipboard(page, origin) {
  await page.context.grantPermissions(['clipboard-read', 'clipboard-write'], origin ? { origin } : {});
}

// The clipboard is emptied 30 s after a copy when the box is ticked: unless it holds something
// else by then; also when it cannot be read; not when the box is unticked in the meantime.
async function clipboardClearChecks(page, origin) {
  await harnessClipboard(page, origin);
  const text = (await view(page)).text;
  assert.equal(await page.isChecked('#clip-clear'), false);
  await page.check('#clip-clear');
  await page.click('#copy');
  await statusBecomes(page, 'Copied; the clipboard will be cleared in 30 s.');
  assert.equal(await clipboard(page), text);
  await page.raw.clock.fastForward(29_000);
  assert.equal(await clipboard(page), text, 'cleared before 30 s');
  await page.raw.clock.fastForward(2_000);
  await statusBecomes(page, 'Clipboard cleared.');
  assert.equal(await clipboard(page), '');

  await page.click('#copy');
  await statusBecomes(page, 'Copied; the clipboard will be cleared in 30 s.');
  await page.evaluate(() => navigator.clipboard.writeText('copied from elsewhere'));
  await page.raw.clock.fastForward(31_000);
  await statusBecomes(page, 'Clipboard left alone: it holds something else now.');
  assert.equal(await clipboard(page), 'copied from elsewhere');

  // Reading refused all the same (as browsers may): cleared.
  await page.click('#copy');
  await statusBecomes(page, 'Copied; the clipboard will be cleared in 30 s.');
  await page.evaluate(() => {
    window.__readText = navigator.clipboard.readText;
    navigator.clipboard.readText = () => Promise.reject(new DOMException('Read permission denied.', 'NotAllowedError'));
  });
  await page.raw.clock.fastForward(31_000);
  await statusBecomes(page, 'Clipboard cleared.');
  await page.evaluate(() => { navigator.clipboard.readText = window.__readText; });
  assert.equal(await clipboard(page), '');

  // Reading not allowed (Playwright says 'denied' where a user would see 'prompt'): the page does not
  // ask (that would put up a permission prompt, 30 s after the copy) and clears all the same.
  await page.context.clearPermissions();
  await page.context.grantPermissions(['clipboard-write'], origin ? { origin } : {});
  assert.notEqual(await page.evaluate(() => navigator.permissions.query({ name: 'clipboard-read' }).then((p) => p.state)), 'granted');
  await page.evaluate(() => {
    window.__reads = 0;
    window.__readText = navigator.clipboard.readText;
    navigator.clipboard.readText = function () { window.__reads++; return window.__readText.call(this); };
  });
  await page.click('#copy');
  await statusBecomes(page, 'Copied; the clipboard will be cleared in 30 s.');
  await page.raw.clock.fastForward(31_000);
  await statusBecomes(page, 'Clipboard cleared.');
  assert.equal(await page.evaluate(() => window.__reads), 0, 'the page read the clipboard without permission');
  await page.evaluate(() => { navigator.clipboard.readText = window.__readText; });
  await harnessClipboard(page, origin);
  assert.equal(await clipboard(page), '');

  // Unticked while waiting: nothing is cleared.
  await page.click('#copy');
  await statusBecomes(page, 'Copied; the clipboard will be cleared in 30 s.');
  await page.uncheck('#clip-clear');
  await page.raw.clock.fastForward(31_000);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(await clipboard(page), text);
  assert.notEqual(await page.textContent('#copy-status'), 'Clipboard cleared.');
  await page.click('#copy');
  await statusBecomes(page, 'Copied.');
}

eachEngine((h) => {
  for (const origin of ['file', 'http']) {
    test(`${h.name}: ${origin === 'file' ? 'file://' : 'http://127.0.0.1'} — the generator: custom size, several secrets as .env, download, mask, clipboard clearing`, async (t) => {
      let url = pathToFileURL(pageFile).href;
      let log = null;
      if (origin === 'http') {
        ({ url, log } = await h.startLoggingProxy(await h.startServer()));
      }
      const chromium = h.name === 'chromium';
      const page = await h.open(url, { before: chromium ? (p) => p.raw.clock.install() : null });
      await generatorChecks(t, h, page, origin === 'http' ? new URL(url).origin : null);
      if (chromium) await clipboardClearChecks(page, origin === 'http' ? new URL(url).origin : null);
      else await skipStep(t, h, 'the clipboard cleared 30 s after a copy', `${NO_CLIPBOARD}, and Playwright's clock stands in for the 30 s`);
      if (log) assert.deepEqual(log, ['GET /'], 'the server received requests besides the document');
      await assertQuietIn(t, h, page, url);
      await assertDetectorsWorkIn(h, page);
    });
  }

// The page's words about the network are the policy's: each directive it quotes is in force, as
// quoted; the policy it shows is the one in its <meta>; it has no link and no form that submits.
test(`${h.name}: file:// — the offline and no-network statements are what the CSP enforces; the save-for-offline hint`, async (t) => {
  const url = pathToFileURL(pageFile).href;
  const failed = [];
  const page = await h.open(url, {
    before: h.name === 'chromium' ? (p) => p.raw.on('requestfailed', (r) => failed.push([r.url(), r.failure().errorText])) : null,
  });
  const facts = await page.evaluate(() => ({
    policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
    shown: document.getElementById('csp').textContent,
    privacy: document.getElementById('privacy').textContent.replace(/\s+/g, ' '),
    quoted: [...document.querySelectorAll('#privacy code')].map((c) => c.textContent),
    lede: document.querySelector('.lede').textContent.replace(/\s+/g, ' '),
    selfTest: document.getElementById('self-test').textContent,
    links: document.querySelectorAll('a[href], area[href]').length,
    forms: [...document.forms].map((f) => f.getAttribute('action')),
    text: document.body.innerText,
  }));
  assert.equal(facts.shown, facts.policy);
  const directives = new Map(facts.policy.split(';').map((d) => d.trim().split(/\s+/)).map(([n, ...v]) => [n, v.join(' ')]));
  assert.deepEqual(facts.quoted, ["connect-src 'none'", "default-src 'none'", 'data:', 'worker-src blob:', "form-action 'none'"]);
  for (const q of facts.quoted.filter((c) => c.includes('-src') || c.includes('-action'))) {
    const [name, ...value] = q.split(' ');
    assert.equal(directives.get(name), value.join(' '), `the page quotes ${q}; the policy says ${name} ${directives.get(name)}`);
  }
  assert.equal(directives.get('img-src'), 'data:');
  assert.match(facts.privacy, /connect-src 'none' refuses every fetch, XHR, WebSocket and beacon/);
  assert.match(facts.lede, /made in your browser\. Nothing leaves this page \(see No network below\)\./);
  assert.doesNotMatch(facts.selfTest, /network/, 'the self-test claims something about the network it did not test');
  assert.equal(facts.links, 0, 'the page says it has no links');
  assert.deepEqual(facts.forms, [null]);
  assert.match(facts.text, /Works offline: save this page \(Ctrl\+S \/ ⌘S\) and open the file; it needs no network\./);
  // The quoted claims hold: a fetch, an image and a worker from elsewhere are refused.
  const refused = await page.evaluate(async () => {
    const out = {};
    out.fetch = await fetch('https://example.invalid/').then(() => 'allowed', (e) => e.name);
    out.image = await new Promise((done) => {
      const img = new Image();
      img.onload = () => done('allowed');
      img.onerror = () => done('refused');
      img.src = 'https://example.invalid/x.png';
    });
    out.worker = await new Promise((done) => {
      try {
        const w = new Worker('data:text/javascript,postMessage(1)');
        w.onmessage = () => done('allowed');
        w.onerror = () => done('refused');
      } catch (e) {
        done(e.name);
      }
    });
    return out;
  });
  // WebKit refuses the worker at once (new Worker throws a SecurityError), the others with an error event.
  if (refused.worker === 'SecurityError' && h.name === 'webkit') refused.worker = 'refused';
  assert.deepEqual(refused, { fetch: 'TypeError', image: 'refused', worker: 'refused' });
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations.map((v) => v.split(' ')[0]).sort(), ['connect-src', 'img-src', 'worker-src']);
  // Chromium reports the image as a request that failed, blocked by the policy before it was sent.
  if (h.name === 'chromium') {
    assert.deepEqual(page.seen.requests.slice(1).map((r) => r.url), ['https://example.invalid/x.png']);
    await expectSoon(() => failed.length === 1, 'the image request failing');
    assert.deepEqual(failed, [['https://example.invalid/x.png', 'csp']]);
  } else await skipStep(t, h, 'the refused image is a request that failed with "csp"', 'only Chromium\'s driver (Playwright) reports why a request failed');
});
});
