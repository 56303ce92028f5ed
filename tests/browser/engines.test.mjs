// engines.test.mjs — the baseline, in each engine (Chromium, Firefox ESR, WebKit: engines.mjs), from
// file:// and from http://127.0.0.1 (scripts/serve.mjs behind a logging proxy): the page loads,
// passes its self-test and shows a secret; it logs no error, trips no CSP rule and makes no request
// besides its document; the audit's Web Workers find a token's secret in the built-in list and in a
// small wordlist file; generate, check, sign, inspect and verify work; a screenshot is a PNG of the viewport.
// In WebKit the load's console and CSP messages come from a MiniBrowser run of its own.
//
//   node --test tests/browser/engines.test.mjs                      (all three engines)
//   JSK_ENGINES=webkit node --test tests/browser/engines.test.mjs   (one of them)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import {
  WAIT, assertDetectorsWorkIn, assertQuietIn, eachEngine, pageFile, webkitConsoleClean, webkitConsoleProbe,
} from './helpers.mjs';

const JWT_IO = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const b64url = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
function nodeJwt(secret, payload) {
  const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

// Starts an audit and returns what its result panel shows once it is done.
async function audit(page, token) {
  await page.fill('#audit-token', token);
  await page.click('#audit-start');
  await page.waitForFunction(() => document.getElementById('audit-start').disabled === false &&
    !document.getElementById('audit-result').hidden, undefined, { timeout: 120_000 });
  return page.evaluate(() => ({
    state: document.getElementById('audit-result').dataset.state,
    workers: Number(document.getElementById('audit-result').dataset.workers),
    tried: Number(document.getElementById('audit-result').dataset.tried),
    verdict: document.getElementById('audit-verdict').textContent,
  }));
}

eachEngine((h) => {
  const loads = async (t, where) => {
    let url = pathToFileURL(pageFile).href;
    let log = null;
    if (where === 'http') ({ url, log } = await h.startLoggingProxy(await h.startServer()));
    const page = await h.open(url);
    assert.match(await page.inputValue('#secret'), /^[A-Za-z0-9_-]{43}$/);
    assert.match(await page.textContent('#size'), /32 random bytes/);
    await assertQuietIn(t, h, page, url);
    if (log) assert.deepEqual(log, ['GET /'], 'the server saw requests besides the document');
    if (h.name === 'webkit') {
      const lines = await webkitConsoleClean(h, url);
      t.diagnostic(`webkit: MiniBrowser printed ${lines.length} console line(s) while loading ${where}`);
      if (log) assert.deepEqual(log.filter((l) => l !== 'GET /'), [], 'the MiniBrowser run made requests besides the document');
    }
    await assertDetectorsWorkIn(h, page);
    return page;
  };

  test(`${h.name}: file:// — loads, self-tested, shows a secret; no error, no CSP violation, no request`, (t) => loads(t, 'file'));
  test(`${h.name}: http://127.0.0.1 — loads, self-tested, shows a secret; the server sees only the document`, (t) => loads(t, 'http'));

  if (h.name === 'webkit') {
    test('webkit: the MiniBrowser console run reports a CSP refusal (the console check above is live)', () => webkitConsoleProbe(h));
  }

  test(`${h.name}: file:// — generate, check, sign and verify`, async (t) => {
    const url = pathToFileURL(pageFile).href;
    const page = await h.open(url, { viewport: { width: 1280, height: 900 } });
    const first = await page.inputValue('#secret');
    await page.click('#generate');
    const second = await page.inputValue('#secret');
    assert.match(second, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(second, first, 'Generate did not change the secret');
    await page.check('input[name=alg][value=HS512]');
    assert.match(await page.inputValue('#secret'), /^[A-Za-z0-9_-]{86}$/);
    await page.selectOption('#format', 'hex');
    assert.match(await page.inputValue('#secret'), /^[0-9a-f]{128}$/);
    await page.selectOption('#format', 'base64url');
    await page.check('input[name=alg][value=HS256]');

    // The checker, typed key by key.
    await page.type('#check-input', 'your-256-bit-secret');
    await page.waitForFunction(() => !document.getElementById('check-verdict').hidden, undefined, WAIT);
    assert.equal(await page.textContent('#check-verdict'), 'weak');
    await page.fill('#check-input', await page.inputValue('#secret'));
    assert.equal(await page.textContent('#check-verdict'), 'strong');

    // Sign with the generated secret (checked with node:crypto), verify, and a tampered token.
    const secret = await page.inputValue('#secret');
    await page.click('#jwt-sign');
    const token = await page.inputValue('#jwt-token');
    const [head, payload, sig] = token.split('.');
    assert.equal(createHmac('sha256', secret).update(`${head}.${payload}`).digest('base64url'), sig);
    // Into the inspector, then Verify with the generated secret: a valid signature (with a warning:
    // the test payload has no exp); a tampered payload: invalid.
    await page.click('#jwt-inspect');
    await page.waitForFunction(() => document.getElementById('inspect-parts').textContent !== '', undefined, WAIT);
    await page.click('#verify');
    await page.waitForFunction(() => document.getElementById('verify-result').dataset.verdict, undefined, WAIT);
    assert.match(await page.getAttribute('#verify-result', 'data-verdict'), /^valid/);
    assert.match(await page.textContent('#verify-result'), /The signature is valid \(HS256\)/);
    await page.fill('#inspect-token', `${head}.${b64url({ sub: 'tampered' })}.${sig}`);
    await page.waitForFunction((p) => document.getElementById('inspect-parts').textContent.includes(p), b64url({ sub: 'tampered' }), WAIT);
    await page.click('#verify');
    await page.waitForFunction(() => document.getElementById('verify-result').dataset.verdict === 'invalid', undefined, WAIT);
    assert.match(await page.textContent('#verify-result'), /ERR_BAD_SIGNATURE/);

    const png = await page.screenshot();
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.equal(png.readUInt32BE(16), 1280, 'the screenshot is not the viewport\'s width');
    await assertQuietIn(t, h, page, url);
  });

  for (const where of ['file', 'http']) {
    test(`${h.name}: ${where === 'file' ? 'file://' : 'http://127.0.0.1'} — the audit's workers find the secret: the built-in list, then a wordlist file`, async (t) => {
      let url = pathToFileURL(pageFile).href;
      let log = null;
      if (where === 'http') ({ url, log } = await h.startLoggingProxy(await h.startServer()));
      const page = await h.open(url);
      let r = await audit(page, JWT_IO);
      assert.equal(r.state, 'found', r.verdict);
      assert.match(r.verdict, /^Found: .* the built-in list of JWT defaults/);
      assert.ok(r.workers >= 1);
      await page.click('#audit-reveal');
      assert.equal(await page.textContent('#audit-secret'), 'your-256-bit-secret');

      // WebKit cannot read a file:// page's File inside a worker (NotReadableError, "The I/O read
      // operation failed."; the same File reads fine on the page's thread): its workers ask the page
      // for each byte range (worker.js), so the wordlist audit works there from file:// too.
      await t.test(`${h.name}: a secret only in a wordlist file is found`, async () => {
        const only = `wordlist-only-${Date.now().toString(36)}`;
        const lines = Array.from({ length: 5000 }, (_, i) => `pw${i}`);
        lines.splice(2500, 0, ` ${only}`, only);
        await page.setFiles('#audit-file', { name: 'words.txt', buffer: Buffer.from(`${lines.join('\n')}\n`) });
        await page.waitForFunction(() => document.getElementById('audit-file').files.length === 1, undefined, WAIT);
        r = await audit(page, nodeJwt(only, { sub: 'audit' }));
        assert.equal(r.state, 'found', r.verdict);
        assert.match(r.verdict, /your wordlist \(words\.txt\)/);
        await page.click('#audit-reveal');
        assert.equal(await page.textContent('#audit-secret'), only);
      });
      await assertQuietIn(t, h, page, url);
      if (log) assert.deepEqual(log, ['GET /'], 'the server saw requests besides the document');
    });
  }
});
