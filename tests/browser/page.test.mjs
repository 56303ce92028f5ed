// page.test.mjs — the one-file page (dist/index.html, built by `node scripts/build.mjs`) in each
// browser engine (Chromium, Firefox ESR, WebKit: engines.mjs): opened from file:// and served by
// scripts/serve.mjs. Steps an engine cannot take (the clipboard's permissions and the workers'
// lifecycle are Chromium's only) are skipped there by name; WebKit runs the audit tests from http,
// as it cannot read a file:// page's File in a worker (engines.test.mjs keeps that as a TODO).
// Both must make no request besides the document, log no error, trip no CSP rule, show a passed
// self-test and generate, reformat and copy secrets; the strength checker, the sign/verify/JWK
// panel and the token audit (in Web Workers made from the page's own script) are driven from
// file:// too, and the workers are shown to inherit the page's CSP. A last test reads the built
// file's CSP. The generator's other controls are in generator.test.mjs; accessibility (axe-core),
// keyboard, layout and screenshots in a11y.test.mjs; what they share in helpers.mjs.
//
//   node --test tests/browser/page.test.mjs    (JSK_ENGINES=firefox for one engine)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  WAIT, assertDetectorsWorkIn, assertQuietIn, assertQuietWithWorkers, eachEngine, expectSoon, pageFile, skipStep, watchWorkers,
} from './helpers.mjs';

const B64URL_43 = /^[A-Za-z0-9_-]{43}$/;
const COPIED = 'Copied.';
const COPY_FAILED = 'Copy failed: select the secret and copy it by hand.';

// The tests below run once in each engine (the list is registered at the end of the file).
const browserTests = [];
const browserTest = (name, fn) => browserTests.push([name, fn]);
const secret = (page) => page.inputValue('#secret');
const size = (page) => page.textContent('#size');

// Clicks Copy and returns the feedback shown, after putting a sentinel in the clipboard.
async function clickCopy(page) {
  await page.evaluate(() => navigator.clipboard.writeText('sentinel: not copied').catch(() => {}));
  await page.click('#copy');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '', null, WAIT);
  return page.textContent('#copy-status');
}

browserTest('file:// — offline, silent, self-tested; generates, reformats and copies secrets', async (t, h) => {
  const url = pathToFileURL(pageFile).href;
  const page = await h.open(url);

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
  if (h.name === 'chromium') {
    await page.context.grantPermissions(['clipboard-read']);
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    if (status === COPIED) assert.equal(clip, env2, 'the clipboard does not hold the secret shown');
    else assert.notEqual(clip, env2, '"Copy failed" was shown but the secret was copied');
  } else {
    t.diagnostic(`${h.name}: copy feedback "${status}"`);
    await skipStep(t, h, 'the clipboard holds the secret shown', 'reading the clipboard needs a permission only Chromium\'s driver grants');
  }

  await assertQuietIn(t, h, page, url);
  await assertDetectorsWorkIn(h, page);
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
  if (text) await page.type('#check-input', text);
}

browserTest('file:// — the checker: live verdicts, findings, errors; the secret is neither sent nor kept', async (t, h) => {
  const url = pathToFileURL(pageFile).href;
  const page = await h.open(url);
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
  assert.equal(await page.textContent('#check-show'), 'Show');
  await page.click('#check-show');
  assert.equal(await page.textContent('#check-show'), 'Hide'); // the label says what a click does
  assert.equal(await page.$eval('#check-input', (el) => el.type), 'text');
  await page.click('#check-show');
  assert.equal(await page.textContent('#check-show'), 'Show');
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

  await assertQuietIn(t, h, page, url);
  await assertDetectorsWorkIn(h, page);
});

browserTest('http://127.0.0.1 via scripts/serve.mjs — silent, self-tested; generates and copies secrets', async (t, h) => {
  const upstream = await h.startServer();
  const { url, log } = await h.startLoggingProxy(upstream);
  // The server's answer, asked directly (not through the proxy, whose log is the page's).
  const response = await fetch(upstream);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/html/);
  const page = await h.open(url);

  const first = await secret(page);
  assert.match(first, B64URL_43);
  await page.click('#generate');
  const second = await secret(page);
  assert.match(second, B64URL_43);
  assert.notEqual(second, first, 'Generate did not change the secret');

  if (h.name === 'chromium') {
    await page.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    assert.equal(await clickCopy(page), COPIED);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), second);
    await page.raw.waitForLoadState('networkidle');
  } else {
    const status = await clickCopy(page);
    assert.ok(status === COPIED || status === COPY_FAILED, `unexpected copy feedback: ${status}`);
    await skipStep(t, h, 'the clipboard holds the secret shown', 'reading the clipboard needs a permission only Chromium\'s driver grants');
  }

  // Let late requests (a favicon, say) arrive before counting.
  await new Promise((r) => setTimeout(r, 500));
  // The server's view first: Chromium fetches a favicon outside the page's request events.
  assert.deepEqual(log, ['GET /'], 'the server received requests besides the document');
  await assertQuietIn(t, h, page, url);
  await assertDetectorsWorkIn(h, page);
  assert.deepEqual(log, ['GET /'], 'a CSP-blocked fetch reached the server');
});

// ------------------------------------------------------------------ sign, verify, JWK, JWKS

const b64url = (x) => Buffer.from(typeof x === 'string' ? x : JSON.stringify(x)).toString('base64url');
const hsName = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
// A compact JWS made here with node:crypto, independently of the page.
function nodeJwt(alg, key, payload, header = { alg, typ: 'JWT' }) {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createHmac(hsName[alg], key).update(input).digest('base64url')}`;
}
const nodeSignatureOk = (token, alg, key) => {
  const [h, p, sig] = token.split('.');
  return createHmac(hsName[alg], key).update(`${h}.${p}`).digest('base64url') === sig;
};
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
// jwt.io's example token, signed with the secret `your-256-bit-secret`.
const JWT_IO = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';


browserTest('file:// — sign a test token; JWK format; a JWKS for rotation', async (t, h) => {
  const url = pathToFileURL(pageFile).href;
  const page = await h.open(url);

  // The default payload: {"sub":"1234567890","name":"Test","iat":<now>}.
  const payload = JSON.parse(await page.inputValue('#jwt-payload'));
  assert.deepEqual(Object.keys(payload), ['sub', 'name', 'iat']);
  assert.deepEqual([payload.sub, payload.name], ['1234567890', 'Test']);
  assert.ok(Math.abs(payload.iat - Date.now() / 1000) < 600, `iat is not now: ${payload.iat}`);
  assert.equal(await page.isEnabled('#jwt-copy'), false, 'Copy is enabled with no token');

  // Signed with the generator's secret (its text, as jsonwebtoken uses it), checked with node:crypto.
  const generated = await secret(page);
  assert.equal(await page.textContent('#jwt-key'), 'Uses the generated secret as text: 43 bytes.');
  await page.click('#jwt-sign');
  const token = await page.inputValue('#jwt-token');
  assert.match(token, JWT);
  assert.equal(await page.textContent('#jwt-sign-status'), 'Signed with HS256.');
  assert.ok(nodeSignatureOk(token, 'HS256', generated), 'the token does not verify with node:crypto');
  assert.deepEqual(JSON.parse(Buffer.from(token.split('.')[0], 'base64url')), { alg: 'HS256', typ: 'JWT' });
  assert.deepEqual(JSON.parse(Buffer.from(token.split('.')[1], 'base64url')), payload);
  assert.equal(await page.isEnabled('#jwt-copy'), true);
  await page.click('#jwt-copy');
  await page.waitForFunction(() => document.querySelector('#jwt-copy + span').textContent !== '', null, WAIT);
  const copyStatus = await page.textContent('#jwt-copy + span');
  assert.ok(['Copied.', 'Copy failed: select the text and copy it by hand.'].includes(copyStatus), copyStatus);
  if (copyStatus === 'Copied.' && h.name === 'chromium') {
    await page.context.grantPermissions(['clipboard-read']);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);
  } else if (copyStatus === 'Copied.') {
    await skipStep(t, h, 'the clipboard holds the token', 'reading the clipboard needs a permission only Chromium\'s driver grants');
  }

  // HS512 with a 43-byte key: refused by signJwt (RFC 7518 section 3.2), said clearly.
  await page.selectOption('#jwt-alg', 'HS512');
  await page.click('#jwt-sign');
  assert.equal(await page.getAttribute('#jwt-sign-status', 'class'), 'bad');
  assert.match(await page.textContent('#jwt-sign-status'),
    /^This key is too short for HS512: it needs at least 64 bytes and has 43 \(RFC 7518, section 3\.2\)\. Generate an HS512 secret above\. ERR_KEY_TOO_SHORT$/);
  assert.equal(await page.inputValue('#jwt-token'), '');
  assert.equal(await page.isEnabled('#jwt-copy'), false);
  // Invalid JSON payload: its code.
  await page.selectOption('#jwt-alg', 'HS256');
  await page.fill('#jwt-payload', '{"sub": ');
  await page.click('#jwt-sign');
  // Says where the JSON stops, and marks the box (aria-invalid: the red border).
  assert.match(await page.textContent('#jwt-sign-status'), /^the payload at line 1, column \d+.* ERR_BAD_JSON$/);
  assert.equal(await page.getAttribute('#jwt-payload', 'aria-invalid'), 'true');
  await page.fill('#jwt-payload', JSON.stringify(payload));
  // A secret written as base64url: the core decodes it (secretFormat), the token verifies with its bytes.
  const b64key = randomBytes(32);
  await page.fill('#jwt-secret', b64key.toString('base64url'));
  await page.selectOption('#jwt-secret-format', 'base64url');
  assert.equal(await page.textContent('#jwt-key'), 'Uses the secret you entered as base64url (its decoded bytes).');
  await page.click('#jwt-sign');
  assert.ok(nodeSignatureOk(await page.inputValue('#jwt-token'), 'HS256', b64key), 'signed with the decoded key');
  assert.equal(await page.getAttribute('#jwt-payload', 'aria-invalid'), null);
  await page.selectOption('#jwt-secret-format', 'text');
  await page.fill('#jwt-secret', '');

  // A pasted secret (64 bytes) for HS512; the generator's alg follows into the panel.
  const pasted = randomBytes(48).toString('base64url');
  await page.fill('#jwt-secret', pasted);
  assert.equal(await page.textContent('#jwt-key'), 'Uses the secret you entered as text: 64 bytes.');
  assert.equal(await page.getAttribute('#jwt-secret', 'type'), 'password');
  await page.check('input[name=alg][value=HS512]');
  assert.equal(await page.inputValue('#jwt-alg'), 'HS512');
  await page.click('#jwt-sign');
  const token512 = await page.inputValue('#jwt-token');
  assert.ok(nodeSignatureOk(token512, 'HS512', pasted), 'the HS512 token does not verify with node:crypto');
  await page.fill('#jwt-secret', '');

  // JWK format: valid JSON, kty oct, the key size of the algorithm and a 43-character kid that is
  // the RFC 7638 thumbprint.
  await page.check('input[name=alg][value=HS256]');
  await page.selectOption('#format', 'jwk');
  const jwk = JSON.parse(await secret(page));
  assert.deepEqual(Object.keys(jwk).sort(), ['alg', 'k', 'kid', 'kty', 'use']);
  assert.deepEqual([jwk.kty, jwk.alg, jwk.use], ['oct', 'HS256', 'sig']);
  assert.match(jwk.k, B64URL_43);
  assert.equal(Buffer.from(jwk.k, 'base64url').length, 32);
  assert.match(jwk.kid, B64URL_43);
  assert.equal(jwk.kid, createHash('sha256').update(`{"k":"${jwk.k}","kty":"oct"}`).digest('base64url'));
  assert.match(await size(page), /32 random bytes = 256 bits of entropy, 43 characters as base64url in a JWK/);
  // The panel then signs with the JWK's key bytes.
  assert.equal(await page.textContent('#jwt-key'), 'Uses the generated secret as a JWK (its key, k).');
  await page.click('#jwt-sign');
  assert.ok(nodeSignatureOk(await page.inputValue('#jwt-token'), 'HS256', Buffer.from(jwk.k, 'base64url')));
  await page.check('input[name=alg][value=HS512]');
  const jwk512 = JSON.parse(await secret(page));
  assert.equal(Buffer.from(jwk512.k, 'base64url').length, 64);
  assert.equal(jwk512.alg, 'HS512');
  assert.notEqual(jwk512.kid, jwk.kid);

  // JWKS for rotation: the current key (the generator's) and a previous one, each with its kid.
  const previous = randomBytes(64).toString('base64url');
  assert.equal(await page.isEnabled('#jwks-copy'), false);
  await page.fill('#jwks-previous', previous);
  await page.click('#jwks-make');
  const set = JSON.parse(await page.inputValue('#jwks'));
  assert.equal(set.keys.length, 2);
  assert.equal(await page.textContent('#jwks-status'), '2 keys, the current one first.');
  assert.deepEqual(set.keys.map((k) => [k.kty, k.alg, k.use]), [['oct', 'HS512', 'sig'], ['oct', 'HS512', 'sig']]);
  assert.equal(set.keys[0].k, jwk512.k);
  assert.equal(set.keys[0].kid, jwk512.kid);
  assert.equal(Buffer.from(set.keys[1].k, 'base64url').toString(), previous);
  assert.match(set.keys[1].kid, B64URL_43);
  assert.notEqual(set.keys[1].kid, set.keys[0].kid);
  assert.equal(await page.isEnabled('#jwks-copy'), true);
  // A previous key shorter than the algorithm's size is refused, as signing refuses it (issue #11).
  await page.fill('#jwks-previous', 'short');
  await page.click('#jwks-make');
  assert.match(await page.textContent('#jwks-status'), / ERR_KEY_TOO_SHORT$/);
  assert.equal(await page.inputValue('#jwks'), '');
  assert.equal(await page.isEnabled('#jwks-copy'), false);
  assert.match(await page.textContent('#jwks-heading'), /never publish it/);
  // Without a previous key: one.
  await page.fill('#jwks-previous', '');
  await page.click('#jwks-make');
  assert.equal(JSON.parse(await page.inputValue('#jwks')).keys.length, 1);

  // Phone width: nothing wider than the screen, with every panel filled.
  await page.fill('#audit-token', JWT_IO);
  await page.setViewport({ width: 360, height: 740 });
  // Firefox and WebKit may draw a classic scrollbar: the page must fit in what is left of the width.
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  if (h.name === 'webkit' && clientWidth > 360) {
    await skipStep(t, h, 'no sideways scroll at 360 px', `MiniBrowser's window is at least ${clientWidth} px wide (WebDriver sets the window, not the viewport)`);
  } else {
    assert.ok(clientWidth <= 360 && clientWidth > 330, `the viewport is ${clientWidth} px wide, not 360 less a scrollbar`);
    assert.equal(scrollWidth, clientWidth, 'the page scrolls sideways at 360 px');
  }

  // Nothing kept: no storage, no cookie; no secret in the markup.
  const kept = await page.evaluate(() => ({
    storage: localStorage.length + sessionStorage.length,
    cookie: document.cookie,
    html: (() => {
      const copy = document.documentElement.cloneNode(true);
      copy.querySelectorAll('script').forEach((el) => el.remove());
      return copy.outerHTML;
    })(),
  }));
  assert.deepEqual([kept.storage, kept.cookie], [0, '']);
  for (const s of [generated, pasted, previous, jwk.k]) assert.ok(!kept.html.includes(s), 'a secret shows up in the markup');

  await assertQuietIn(t, h, page, url);
  await assertDetectorsWorkIn(h, page);
});

// ------------------------------------------------------------------------------- the audit

const BUILTIN_MIN = 60_000;
const AUDIT_WAIT = { timeout: 120_000 };
// n lines of made-up candidates, "\n"-terminated.
const wordlist = (n, prefix = 'pw') => {
  const lines = new Array(n);
  for (let i = 0; i < n; i++) lines[i] = `${prefix}${i.toString(36)}`;
  return Buffer.from(`${lines.join('\n')}\n`);
};

// Starts an audit and returns what the result panel shows once it is done.
async function audit(page, token, { file, workers, onStarted } = {}) {
  await page.fill('#audit-token', token);
  if (file !== undefined) {
    // The input's file list must be the new one before Start reads it (puppeteer's upload can
    // resolve before Firefox has swapped it: the audit then ran on the previous file).
    await page.$eval('#audit-file', (el) => { window.__jskPreviousFile = el.files[0] || null; });
    await page.setFiles('#audit-file', file);
    if ([file].flat().length > 0) {
      await page.waitForFunction(() => {
        const f = document.getElementById('audit-file').files[0];
        return !!f && f !== window.__jskPreviousFile;
      }, undefined, WAIT);
    }
  }
  await page.$eval('#audit', (el, n) => { if (n) el.dataset.workers = String(n); else delete el.dataset.workers; }, workers);
  const t0 = Date.now();
  await page.click('#audit-start');
  if (onStarted) await onStarted();
  await page.waitForFunction(() => document.getElementById('audit-start').disabled === false &&
    !document.getElementById('audit-result').hidden, null, AUDIT_WAIT);
  const wall = (Date.now() - t0) / 1000;
  return { wall, ...(await page.evaluate(() => {
    const result = document.getElementById('audit-result');
    const bar = document.getElementById('audit-progress');
    return {
      state: result.dataset.state,
      tried: Number(result.dataset.tried),
      seconds: Number(result.dataset.seconds),
      workers: Number(result.dataset.workers),
      verdict: document.getElementById('audit-verdict').textContent,
      facts: document.getElementById('audit-facts').textContent,
      foundShown: !document.getElementById('audit-found').hidden,
      secretShown: document.getElementById('audit-secret').textContent,
      bar: [bar.value, bar.max],
      cancelDisabled: document.getElementById('audit-cancel').disabled,
    };
  })) };
}

// The audit tests' page, from file:// in every engine (WebKit's workers cannot read a file:// page's
// File: they ask the page for the bytes, worker.js).
const auditUrl = async () => pathToFileURL(pageFile).href;
const auditTitle = (h, name) => (h.name === 'webkit' && /inherit its CSP/.test(name) ? name.replace(/^file:\/\//, 'http://127.0.0.1') : name);

async function reveal(page) {
  assert.equal(await page.textContent('#audit-reveal'), 'Reveal');
  await page.click('#audit-reveal');
  assert.equal(await page.textContent('#audit-reveal'), 'Hide');
  return page.textContent('#audit-secret');
}

browserTest('file:// — audit a token in Web Workers: built-in list, uploaded wordlist, not found, cancel; scaling', async (t, h) => {
  const url = await auditUrl(h);
  const page = await h.open(url);
  // Workers started and ended, as Playwright sees them (Chromium only; null elsewhere).
  const workers = h.name === 'chromium' ? watchWorkers(page.raw) : null;
  if (!workers) await skipStep(t, h, 'the workers started and ended are counted', 'only Chromium\'s driver (Playwright) reports workers');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const defaultWorkers = Math.max(1, Math.min(8, cores || 2));
  if (workers) assert.equal(workers.created, 0, 'workers started before an audit');
  assert.equal(await page.getAttribute('#audit-live', 'aria-live'), 'polite');
  assert.equal(await page.$eval('#audit-result', (el) => el.parentElement.id), 'audit-live');
  assert.equal(await page.getAttribute('#audit-status', 'aria-live'), 'polite');
  assert.deepEqual(await page.$eval('#audit-progress', (el) => [el.value, el.max]), [0, 1]);

  // jwt.io's example token: its secret is in the built-in list. Shown masked, revealed on demand.
  let r = await audit(page, JWT_IO);
  assert.equal(r.state, 'found', `${r.verdict} ${r.facts}`);
  assert.match(r.verdict, /^Found: .* the built-in list of JWT defaults/);
  assert.equal(r.foundShown, true);
  assert.match(r.secretShown, /^•+$/);
  assert.equal(r.workers, defaultWorkers);
  assert.ok(r.workers > 0 && (!workers || workers.created >= r.workers), `workers: page ${r.workers}, started ${workers?.created}`);
  assert.match(r.facts, new RegExp(`on ${r.workers} workers?\\.$`));
  assert.equal(await reveal(page), 'your-256-bit-secret');
  await page.click('#audit-reveal');
  assert.match(await page.textContent('#audit-secret'), /^•+$/);
  if (workers) await expectSoon(() => workers.closed === workers.created, 'the workers ending after a find');

  // A secret that only an uploaded wordlist has, among near misses (lines are taken exactly).
  const only = `wordlist-only-${randomBytes(8).toString('hex')}`;
  const token = nodeJwt('HS256', only, { sub: 'audit' });
  const lines = wordlist(200_000).toString().split('\n');
  lines.splice(150_000, 0, ` ${only}`, `${only} `, only.toUpperCase(), only);
  r = await audit(page, token, { file: { name: 'words.txt', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) } });
  assert.equal(r.state, 'found', `${r.verdict} ${r.facts}`);
  assert.match(r.verdict, /your wordlist \(words\.txt\)/);
  assert.equal(await reveal(page), only);
  assert.ok(r.tried > BUILTIN_MIN, `tried ${r.tried}`);

  // A strong random secret (HS384): not found; the whole built-in list tried; the bar at its max.
  await page.setFiles('#audit-file', []);
  const strong = nodeJwt('HS384', randomBytes(48), { sub: 'strong' });
  r = await audit(page, strong);
  assert.equal(r.state, 'not-found', `${r.verdict} ${r.facts}`);
  assert.match(r.verdict, /^Not found in the built-in list\./);
  assert.ok(r.tried > BUILTIN_MIN, `tried ${r.tried}`);
  const builtin = r.tried;
  assert.deepEqual(r.bar, [builtin, builtin], 'the progress bar did not reach its max');
  assert.equal(r.foundShown, false);
  assert.equal(r.secretShown, '', 'a secret is left in the result');
  assert.match(r.facts, new RegExp(`^Tried ${builtin.toLocaleString('en-US')} candidates in [\\d.]+ s`));

  // Scaling: a 2 M-line wordlist, 1 worker, then one per core. Every line is tried, once: the
  // count is the built-in list's (as counted by the same number of workers, alone) plus 2 M. The
  // large lists are files on disk (a buffer would be copied through the DevTools protocol).
  const dir = mkdtempSync(join(tmpdir(), 'jsk-page-'));
  h.cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const strong256 = nodeJwt('HS256', randomBytes(32), { sub: 'scaling' });
  const counts = [1, Math.max(2, defaultWorkers)];
  const alone = {};
  for (const n of counts) {
    r = await audit(page, strong256, { workers: n });
    assert.equal(r.state, 'not-found');
    assert.ok(Math.abs(r.tried - builtin) < 50, `built-in list: ${r.tried} (HS256) vs ${builtin} (HS384)`);
    alone[n] = r.tried;
  }
  const bigFile = join(dir, 'big.txt');
  writeFileSync(bigFile, wordlist(2_000_000));
  await page.setFiles('#audit-file', bigFile);
  await page.waitForFunction(() => (document.getElementById('audit-file').files[0] || {}).name === 'big.txt', undefined, WAIT);
  const rates = {};
  for (const n of counts) {
    r = await audit(page, strong256, { workers: n });
    assert.equal(r.state, 'not-found', `${r.verdict} ${r.facts}`);
    assert.match(r.verdict, /^Not found in the built-in list or your wordlist\./);
    assert.equal(r.workers, n);
    assert.equal(r.tried, alone[n] + 2_000_000, 'each candidate is tried exactly once');
    assert.deepEqual(r.bar, [r.tried, r.tried], 'the progress bar did not reach its max');
    rates[n] = r.tried / r.seconds;
    console.log(`audit HS256, ${r.tried} candidates: ${n} worker(s) ${Math.round(rates[n]).toLocaleString('en-US')}/s ` +
      `(${r.seconds.toFixed(2)} s, worker start-up included; ${cores} cores, load average ${loadavg()[0].toFixed(1)})`);
  }
  console.log(`audit scaling: ${(rates[counts[1]] / rates[1]).toFixed(2)}x with ${counts[1]} workers`);

  // Cancel a long run (3 M lines, HS512): it stops, says so, and its workers are gone.
  const before = workers?.created;
  const long = nodeJwt('HS512', randomBytes(64), { sub: 'long' });
  const longFile = join(dir, 'long.txt');
  writeFileSync(longFile, wordlist(3_000_000));
  let progressSeen = 0;
  r = await audit(page, long, {
    file: longFile,
    onStarted: async () => {
      assert.equal(await page.isEnabled('#audit-cancel'), true);
      assert.equal(await page.isEnabled('#audit-start'), false);
      await page.waitForFunction(() => document.getElementById('audit-progress').value > 0, null, AUDIT_WAIT);
      progressSeen = await page.$eval('#audit-progress', (el) => el.value);
      if (workers) assert.equal(page.raw.workers().length, defaultWorkers, 'the workers are not running');
      await page.click('#audit-cancel');
    },
  });
  assert.equal(r.state, 'cancelled', `${r.verdict} ${r.facts}`);
  assert.equal(r.verdict, 'Cancelled.');
  // The bar counts bytes of the lists while the workers run (they read the file themselves).
  assert.ok(progressSeen > 0 && r.tried > 0 && r.tried < BUILTIN_MIN + 3_000_000, `tried ${r.tried}, bar at ${progressSeen}`);
  assert.equal(r.cancelDisabled, true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'audit-start', 'focus did not return to Start');
  if (workers) {
    assert.equal(workers.created - before, defaultWorkers);
    await expectSoon(() => workers.closed === workers.created && page.raw.workers().length === 0, 'the workers ending on cancel');
  }

  // A malformed or non-HMAC token: refused at once, no worker started.
  const started = workers?.created;
  r = await audit(page, `${b64url({ alg: 'none' })}.${b64url({ sub: 'x' })}.AAAA`);
  assert.equal(r.state, 'error');
  assert.match(r.verdict, /^alg "none" is refused: .* ERR_ALG_NONE$/); // words first, the code in small print
  r = await audit(page, 'not a token');
  assert.match(r.verdict, / ERR_MALFORMED_TOKEN$/);
  if (workers) assert.equal(workers.created, started);

  const kept = await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length);
  assert.equal(kept, 0);
  if (workers) await assertQuietWithWorkers(page, page.seen, url, workers);
  else await assertQuietIn(t, h, page, url);
  await assertDetectorsWorkIn(h, page);
});

// The audit workers are Blobs of the page's own script: they must inherit the page's CSP, under which
// WebAssembly may be compiled ('wasm-unsafe-eval') but nothing else is evaluated or fetched.
browserTest('file:// — the wordlist split between workers: every line tried once, a secret anywhere found (1 to 5 workers)', async (t, h) => {
  const page = await h.open(await auditUrl(h));
  // Lines of 1 to 200 printable characters, a few of 70,000 (longer than the workers' 64 KB scan
  // for a line start), some ending in CRLF; the last one without a newline.
  const rnd = randomBytes(1 << 16);
  let k = 0;
  const next = () => rnd[k++ % rnd.length];
  const lines = [];
  for (let i = 0; i < 3000; i++) {
    const len = i % 997 === 5 ? 70_000 : 1 + (next() % 200);
    let line = '';
    for (let j = 0; j < len; j++) line += String.fromCharCode(0x21 + ((next() + j) % 94));
    lines.push(i % 7 === 3 ? `${line}\r` : line);
  }
  const strong = nodeJwt('HS256', randomBytes(32), { sub: 'split' });
  const none = await audit(page, strong, { workers: 1 });
  const builtin = none.tried;
  for (const n of [1, 2, 3, 4, 5]) {
    const file = { name: `split-${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) };
    const r = await audit(page, strong, { file, workers: n });
    assert.equal(r.state, 'not-found', `${n} workers: ${r.verdict}`);
    assert.equal(r.tried, builtin + lines.length, `${n} workers: each line tried exactly once`);
    // Lines of 100 bytes, 600 of them: every worker's range starts exactly at a line start.
    const aligned = Array.from({ length: 600 }, (_, i) => `aligned-${String(i).padStart(90, '0')}`);
    const a = await audit(page, strong, { file: { name: 'aligned.txt', mimeType: 'text/plain', buffer: Buffer.from(`${aligned.join('\n')}\n`) }, workers: n });
    assert.equal(a.tried, builtin + 600, `${n} workers, ranges on line starts: each line tried exactly once`);
    // A secret on a random line (also the first and the last): found, whoever owns that line.
    for (const at of [0, 1 + (next() * 11) % (lines.length - 2), lines.length - 1]) {
      const secret = `split-secret-${randomBytes(6).toString('hex')}`;
      const withSecret = lines.slice();
      withSecret[at] = secret;
      const f = await audit(page, nodeJwt('HS256', secret, { sub: 'split' }),
        { file: { name: 'split.txt', mimeType: 'text/plain', buffer: Buffer.from(withSecret.join('\n')) }, workers: n });
      assert.equal(f.state, 'found', `${n} workers, line ${at}: ${f.verdict}`);
      assert.equal(await reveal(page), secret);
    }
  }
  await page.$eval('#audit', (el) => { delete el.dataset.workers; });
});

// HMAC zero-pads a short key, so "k" and "k\0" sign alike: with both in the list, the CLI reports
// the one that comes first. So does the page, whichever worker finds its line first: a find ends
// the audit only once every earlier part of the list has been tried.
browserTest('file:// — two lines that sign alike: the first in the list is reported (2 workers)', async (t, h) => {
  const page = await h.open(await auditUrl(h));
  const secret = `first-${randomBytes(6).toString('hex')}`;
  // About 4 MB, handed out in parts (to two workers, the first part is a sixth of the file): the
  // first line near the end of the first part, the second near the start of the next one, which the
  // other worker reaches well before.
  const lines = wordlist(600_000).toString('latin1').split('\n').filter(Boolean);
  const size = lines.reduce((n, l) => n + l.length + 1, 0);
  const lineAt = (offset) => { let n = 0; for (let i = 0; i < lines.length; i++) { n += lines[i].length + 1; if (n > offset) return i; } return lines.length - 1; };
  lines[lineAt((size / 6) * 0.97)] = `${secret}\0`;
  lines[lineAt((size / 6) * 1.01)] = secret;
  const r = await audit(page, nodeJwt('HS256', secret, { sub: 'first' }),
    { file: { name: 'twice.txt', mimeType: 'text/plain', buffer: Buffer.from(`${lines.join('\n')}\n`, 'latin1') }, workers: 2 });
  assert.equal(r.state, 'found', r.verdict);
  assert.equal(await reveal(page), `${secret}\0`);
  await page.$eval('#audit', (el) => { delete el.dataset.workers; });
});

browserTest('file:// — workers from the page inherit its CSP: the WASM core runs, eval and fetch are refused', async (t, h) => {
  // WebKit: from http (its probe worker's refused fetch never settles in a file:// page's worker).
  const url = h.name === 'webkit' ? await h.startServer() : await auditUrl(h);
  const page = await h.open(url);
  const workers = h.name === 'chromium' ? watchWorkers(page.raw) : null;

  // The real audit workers instantiate the WASM core: a find needs it.
  const r = await audit(page, JWT_IO, { workers: 2 });
  assert.equal(r.state, 'found');
  assert.equal(r.workers, 2);
  if (workers) {
    assert.equal(workers.created, 2);
    await assertQuietWithWorkers(page, page.seen, url, workers);
  } else {
    await skipStep(t, h, 'the workers started are counted', 'only Chromium\'s driver (Playwright) reports workers');
    await assertQuietIn(t, h, page, url);
  }

  // A worker made the same way, from the page's own script with a probe appended (so that the probe
  // runs as worker script, not as a DevTools evaluation, which CSP exempts): its audit works (the
  // audit module, from the page's data block, compiled and self-tested under the inherited CSP),
  // eval and fetch are refused, and the page's script relays those violations to its creator.
  const messages = await page.evaluate(() => new Promise((resolve) => {
    const probe = async (wasm) => {
      const out = {};
      try {
        // The worker's own job handler (what the page's audit posts), with its replies caught.
        const token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
        const post = self.postMessage;
        out.api = await new Promise((resolve) => {
          self.postMessage = (m) => {
            if (m.type === 'done') resolve(m.found && m.secret === 'your-256-bit-secret' && m.source === 'wordlist' ? 'works' : 'wrong');
            if (m.type === 'error') resolve(`${m.code}: ${m.message}`);
          };
          const file = new Blob(['secret\nyour-256-bit-secret\n']);
          self.onmessage({ data: { type: 'job', wasm, token, builtin: null, index: -1, file, range: { index: 0, start: 0, end: file.size } } });
        });
        self.postMessage = post;
      } catch (e) {
        out.api = `${e.code}: ${e.message}`;
      }
      try {
        eval('1'); // eslint-disable-line no-eval
        out.eval = 'allowed';
      } catch (e) {
        out.eval = e.name;
      }
      out.wasm = await WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => 'allowed', (e) => e.name);
      out.fetch = await fetch('http://127.0.0.1:9/csp-probe').then(() => 'allowed', (e) => e.name);
      postMessage({ type: 'probe', out });
    };
    const page = [...document.scripts].filter((s) => !s.type).map((s) => s.text).join('\n'); // the page's two scripts
    const wasm = document.getElementById('jsk-wasm-all').text; // the page's one module after the generator carries the audit
    const text = `${page}\n;(${probe})(${JSON.stringify(wasm)});\n`;
    const worker = new Worker(URL.createObjectURL(new Blob([text], { type: 'text/javascript' })));
    const seenMessages = [];
    worker.onmessage = (e) => {
      seenMessages.push(e.data);
      if (e.data.type === 'probe') setTimeout(() => { worker.terminate(); resolve(seenMessages); }, 300);
    };
    worker.onerror = (e) => resolve([{ type: 'error', message: e.message }]);
  }));
  const probe = messages.find((m) => m.type === 'probe');
  assert.ok(probe, JSON.stringify(messages));
  assert.deepEqual(probe.out, { api: 'works', eval: 'EvalError', wasm: 'allowed', fetch: 'TypeError' });
  // WebKit refuses eval and fetch in the worker (above) but fires no securitypolicyviolation event
  // there, so the page has nothing to relay: a visible TODO, not a pass.
  const todo = h.name === 'webkit' ? 'webkit fires no securitypolicyviolation event in a worker: the page relays nothing' : false;
  await t.test(`${h.name}: the page relays the worker's CSP violations`, { todo }, () => {
    const relayed = messages.filter((m) => m.type === 'csp').map((m) => m.text);
    assert.equal(relayed.length, messages.length - 1, JSON.stringify(messages));
    assert.ok(relayed.some((x) => /^script-src blocked eval/.test(x)), JSON.stringify(relayed));
    assert.ok(relayed.some((x) => /^connect-src blocked http:\/\/127\.0\.0\.1:9\/csp-probe/.test(x)), JSON.stringify(relayed));
  });
});

eachEngine((h) => {
  for (const [name, fn] of browserTests) test(`${h.name}: ${/audit|worker/i.test(name) ? auditTitle(h, name) : name}`, (t) => fn(t, h));
});

test('dist/index.html — strict CSP whose hashes match; two inline classic scripts (the generator first); nothing external', () => {
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
  assert.deepEqual(directives.get('worker-src'), ['blob:'], 'workers only from blob: (the page\'s own script)');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*|https?:/);

  // Exactly two scripts that run: inline, classic (no type, no src), the first (the generator)
  // before the second (everything else), and their hashes are the ones allowed, nothing more. The
  // others are data blocks (type="application/octet-stream": the WASM modules, base64 that no
  // browser executes), named, and nothing else.
  const all = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
  const blocks = all.filter((m) => /\btype="application\/octet-stream"/.test(m[1]));
  assert.deepEqual(blocks.map((m) => m[1].trim()).sort(), ['jsk-wasm-all', 'jsk-wasm-generate']
    .map((id) => `type="application/octet-stream" id="${id}"`), 'the data blocks');
  for (const [, , text] of blocks.filter((m) => /jsk-wasm-/.test(m[1]))) assert.match(text, /^[A-Za-z0-9+/]+=*$/, 'a module block is base64');
  const scripts = all.filter((m) => !blocks.includes(m));
  assert.equal(scripts.length, 2, 'exactly two <script> elements that run');
  for (const [, attrs, text] of scripts) {
    assert.equal(attrs.trim(), '', `a script has attributes: ${attrs}`);
    assert.ok(text.length > 1000, 'the script is inline');
  }
  assert.ok(html.indexOf(scripts[0][0]) > html.indexOf('id="secret"'), 'the first script comes after the secret\'s field');
  const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const scriptSrc = directives.get('script-src');
  assert.ok(scriptSrc.some((s) => /^'sha256-[A-Za-z0-9+/]{43}='$/.test(s)), 'script-src has a sha256 hash');
  assert.deepEqual(scriptSrc, [...scripts.map((m) => hash(m[2])), "'wasm-unsafe-eval'"], 'script-src allows exactly these scripts');
  const styles = [...html.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi)];
  assert.equal(styles.length, 1, 'exactly one <style> element');
  assert.deepEqual(directives.get('style-src'), [hash(styles[0][2])], 'style-src allows exactly this style');

  // The markup (script and style bodies aside) has no other script and loads nothing external.
  let markup = html.replace(styles[0][0], '<style></style>');
  for (const m of scripts) markup = markup.replace(m[0], '<script></script>');
  for (const b of blocks) markup = markup.replace(b[0], '');
  assert.equal(markup.match(/<script\b/gi).length, 2);
  assert.doesNotMatch(markup, /type\s*=\s*["']?module/i);
  const refs = [...markup.matchAll(/\s(?:src|href|srcset|action|formaction|data|poster)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)]
    .map((m) => m[1].replace(/^["']|["']$/g, ''));
  for (const ref of refs) {
    assert.doesNotMatch(ref, /^\s*(https?:)?\/\//i, `external reference: ${ref}`);
    assert.match(ref, /^(data:|#)/, `a reference that is neither data: nor a fragment: ${ref}`);
  }
  assert.doesNotMatch(styles[0][2], /@import|url\(\s*["']?(https?:)?\/\//i, 'the stylesheet loads something');
});
