// inspect.test.mjs — the token inspector and "Verify it", from file:// and http://127.0.0.1: a token
// decoded live (its parts coloured at the core's offsets, header and payload as node decodes them,
// its times as dates, the findings in words), the built-in audit run in the background on the
// audit's workers ("signed with a known weak secret"), and a verification that never says a plain
// "Valid" for an expired token or a weak secret. References: node:crypto signs the tokens, jose
// decodes them. Screenshots of the inspector on an expired token signed with "secret" go to
// tests/browser/screenshots/ (phone and desktop) for the README. In every engine (the worker count
// and the screenshots are Chromium's: Playwright reports workers and shoots elements).
//
//   node --test tests/browser/inspect.test.mjs      (JSK_ENGINES=webkit: one engine)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { WAIT, assertQuietIn, eachEngine, pageFile, skipStep, watchWorkers } from './helpers.mjs';

const shotsDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
const b64url = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

function hsToken(alg, secret, payload, header = {}) {
  const input = `${b64url({ alg, typ: 'JWT', ...header })}.${b64url(payload)}`;
  return `${input}.${createHmac(`sha${alg.slice(2)}`, secret).update(input).digest('base64url')}`;
}

// What the inspector shows.
function inspectorView(page) {
  return page.evaluate(() => {
    const $ = (id) => document.getElementById(id);
    const shown = (el) => !el.hidden && el.getClientRects().length > 0;
    return {
      empty: shown($('inspect-empty')),
      error: shown($('inspect-error')) ? $('inspect-error').textContent : null,
      notes: [...$('inspect-notes').querySelectorAll('li')].map((li) => li.textContent),
      parts: [...$('inspect-parts').querySelectorAll('span')].map((s) => [s.className, s.textContent]),
      header: shown($('inspect-view')) ? $('inspect-header').textContent : null,
      payload: shown($('inspect-view')) ? $('inspect-payload').textContent : null,
      facts: [...$('inspect-facts').querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]),
      times: $('inspect-times').textContent,
      findings: [...$('inspect-findings').querySelectorAll('li')].map((li) => [li.className, li.querySelector('small.code').textContent]),
      audit: $('inspect-audit').textContent,
    };
  });
}

async function paste(page, text) {
  await page.fill('#inspect-token', text);
  await new Promise((r) => setTimeout(r, 300)); // the inspector reads 150 ms after the last keystroke
  await page.waitForFunction(() => document.getElementById('inspect-view').hidden === false ||
    document.getElementById('inspect-error').hidden === false, undefined, WAIT);
  return inspectorView(page);
}

async function verify(page, secret, format = 'text', alg = '') {
  await page.fill('#verify-secret', secret);
  await page.selectOption('#verify-format', format);
  await page.selectOption('#verify-alg', alg);
  // The background check of the token (its text above Verify) has ended: nothing moves the button
  // between the driver finding it and clicking it.
  await page.waitForFunction(() => !/^(Trying |The known-weak-secret check starts)/.test(document.getElementById('inspect-audit').textContent), undefined, WAIT);
  await page.evaluate(() => { delete document.getElementById('verify-result').dataset.verdict; });
  await page.click('#verify');
  try {
    await page.waitForFunction(() => document.getElementById('verify-result').dataset.verdict ||
      /Not verified/.test(document.getElementById('verify-result').textContent), undefined, WAIT);
  } catch (e) {
    // Say what the page showed (a hint instead of a verdict, or nothing: the click was lost).
    const seen = await page.evaluate(() => `result: "${document.getElementById('verify-result').textContent.trim()}", ` +
      `token box: ${document.getElementById('inspect-token').value.length} chars, focus: ${document.activeElement && document.activeElement.id}`);
    throw new Error(`Verify gave no verdict (${seen}): ${e.message}`);
  }
  return page.$eval('#verify-result', (el) => ({
    verdict: el.dataset.verdict ?? null,
    badge: el.querySelector('.badge') ? el.querySelector('.badge').textContent : null,
    text: el.textContent.replace(/\s+/g, ' ').trim(),
    codes: [...el.querySelectorAll('li small.code')].map((c) => c.textContent),
    code: el.querySelector('p small.code') ? el.querySelector('p small.code').textContent : null,
  }));
}

eachEngine((h) => {
for (const origin of ['file', 'http']) {
  test(`${h.name}: ${origin === 'file' ? 'file://' : 'http://127.0.0.1'} — inspect a token live, the weak-secret check in the background, an honest Verify`, async (t) => {
    const url = origin === 'file' ? pathToFileURL(pageFile).href : await h.startServer();
    const page = await h.open(url, { viewport: { width: 1280, height: 900 } });
    const workers = h.name === 'chromium' ? watchWorkers(page.raw) : null;
    await page.waitForFunction(() => !document.getElementById('verify').disabled, undefined, WAIT);
    assert.equal((await inspectorView(page)).empty, true, 'no empty state before a token');

    // An expired token signed with "secret": decoded, parts coloured, times as dates, "expired",
    // and "signed with a known weak secret" from the background audit.
    const iat = now() - 7 * 86400;
    const payload = { sub: 'alice', admin: true, iat, exp: iat + 3600 };
    const token = hsToken('HS256', 'secret', payload, { kid: 'k1' });
    let v = await paste(page, `Bearer ${token}`);
    assert.equal(v.error, null);
    assert.ok(v.notes.some((n) => /Bearer/.test(n)), `no note about the Bearer prefix: ${v.notes}`);
    const [hd, pl, sg] = token.split('.');
    assert.deepEqual(v.parts, [['part-header', hd], ['part-payload', pl], ['part-signature', sg]]);
    assert.deepEqual(JSON.parse(v.header), decodeProtectedHeader(token));
    assert.deepEqual(JSON.parse(v.payload), decodeJwt(token));
    const facts = Object.fromEntries(v.facts);
    assert.match(facts['Algorithm'], /^HS256/);
    assert.equal(facts['Key id (kid)'], 'k1');
    assert.match(facts['Expires (exp)'], new RegExp(`^${new Date((iat + 3600) * 1000).toISOString().slice(0, 16).replace('T', ' ')}`));
    assert.match(v.times, /expired/i);
    assert.ok(v.findings.some(([cls, code]) => cls === 'danger' || /EXPIRED/.test(code)), `findings: ${JSON.stringify(v.findings)}`);
    await page.waitForFunction(() => /known weak secret/.test(document.getElementById('inspect-audit').textContent) &&
      !/^Trying/.test(document.getElementById('inspect-audit').textContent), undefined, { timeout: 60_000 });
    v = await inspectorView(page);
    assert.match(v.audit, /^Signed with a known weak secret: “secret”/);
    if (workers) assert.ok(workers.created >= 1, 'the background check ran in no worker');
    else await skipStep(t, h, 'the background check ran in workers', 'only Chromium\'s driver (Playwright) reports workers');

    // Screenshots for the README: the inspector on that token, desktop and phone.
    if (origin === 'file' && h.name === 'chromium') {
      mkdirSync(shotsDir, { recursive: true });
      await page.raw.locator('#inspect').screenshot({ path: `${shotsDir}inspector-desktop.png` });
    }

    // Verify with "secret": never a plain "Valid" (expired; and a 6-byte key for HS256).
    let r = await verify(page, 'secret');
    assert.equal(r.verdict, 'invalid');
    assert.match(r.text, /expired/i);
    assert.doesNotMatch(r.badge, /^Valid$/);
    // Not expired, but the same 6-byte secret: valid signature, with warnings.
    const fresh = hsToken('HS256', 'secret', { sub: 'alice', iat: now(), exp: now() + 600 });
    await paste(page, fresh);
    r = await verify(page, 'secret');
    assert.equal(r.verdict, 'valid-with-warnings', r.text);
    assert.equal(r.badge, 'Valid, with warnings');
    assert.ok(r.codes.length > 0, `no finding said why: ${r.text}`);
    assert.deepEqual(r.codes.filter((c) => c === 'KEY_TOO_SHORT' || c === 'WEAK_SECRET').sort(), ['KEY_TOO_SHORT', 'WEAK_SECRET'], r.text);
    // Long enough, but weak: the checker's report on it makes the core's verdict "with warnings".
    const weak32 = 'k'.repeat(32);
    await paste(page, hsToken('HS256', weak32, { sub: 'carol', iat: now(), exp: now() + 600 }));
    r = await verify(page, weak32);
    assert.equal(r.verdict, 'valid-with-warnings', r.text);
    assert.ok(r.codes.includes('WEAK_SECRET') && !r.codes.includes('KEY_TOO_SHORT'), r.text);
    assert.match(r.text, /but the secret itself is weak/);
    // The same weak key as a JWK: judged by its k, the same verdict.
    r = await verify(page, JSON.stringify({ kty: 'oct', kid: 'w', k: Buffer.from(weak32).toString('base64url') }), 'jwk');
    assert.equal(r.verdict, 'valid-with-warnings', r.text);
    assert.ok(r.codes.includes('WEAK_SECRET'), r.text);
    // A strong key written as base64url, hex and a JWK; the algorithm from the header, then pinned.
    const key = randomBytes(32);
    const good = hsToken('HS256', key, { sub: 'bob', iat: now(), exp: now() + 600 });
    await paste(page, good);
    r = await verify(page, key.toString('base64url'), 'base64url');
    assert.equal(r.verdict, 'valid', r.text);
    assert.equal(r.badge, 'Valid');
    assert.match(r.text, /as the token’s header says/);
    r = await verify(page, key.toString('hex'), 'hex', 'HS256');
    assert.equal(r.verdict, 'valid', r.text);
    assert.match(r.text, /as you pinned it/);
    r = await verify(page, JSON.stringify({ kty: 'oct', k: key.toString('base64url') }), 'jwk');
    assert.equal(r.verdict, 'valid', r.text);
    r = await verify(page, key.toString('hex'), 'hex', 'HS384');
    assert.equal(r.verdict, 'invalid');
    r = await verify(page, key.toString('base64url').replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), 'base64url');
    assert.equal(r.verdict, 'invalid');
    r = await verify(page, 'not base64!', 'base64');
    assert.equal(r.verdict, null, 'a key that cannot be read gave a verdict');
    assert.match(r.text, /^Not verified: /);

    // Algorithm confusion and "none": findings in words, no audit of an HMAC secret.
    v = await paste(page, `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ sub: 'x' })}.${randomBytes(256).toString('base64url')}`);
    assert.ok(v.findings.some(([cls]) => cls === 'danger' || cls === 'warning'), JSON.stringify(v.findings));
    v = await paste(page, `${b64url({ alg: 'none' })}.${b64url({ sub: 'x' })}.`);
    assert.ok(v.findings.some(([cls]) => cls === 'danger'), JSON.stringify(v.findings));
    // Not a token: the core's words, no internal code first.
    v = await paste(page, 'not.a.token');
    assert.ok(v.error && !/^ERR_/.test(v.error), `error: ${v.error}`);
    assert.doesNotMatch(v.error, /unused bits/);
    v = await paste(page, `"${token}"`);
    assert.equal(v.error, null);
    assert.ok(v.notes.length > 0, 'no note about the quotes');
    await page.fill('#inspect-token', '');
    await page.waitForFunction(() => !document.getElementById('inspect-empty').hidden, undefined, WAIT);

    await assertQuietIn(t, h, page, url);
    await page.close();
  });
}

test(`${h.name}: file:// — the inspector on a phone: the expired token signed with "secret" (screenshot)`,
  { skip: h.name === 'chromium' ? false : `${h.name}: the README's screenshots are Chromium's (element screenshots)` }, async () => {
  const url = pathToFileURL(pageFile).href;
  const page = await h.open(url, { viewport: { width: 390, height: 844 } });
  await page.waitForFunction(() => !document.getElementById('verify').disabled, undefined, WAIT);
  const iat = now() - 7 * 86400;
  await paste(page, hsToken('HS256', 'secret', { sub: 'alice', admin: true, iat, exp: iat + 3600 }, { kid: 'k1' }));
  await page.waitForFunction(() => /^Signed with a known weak secret/.test(document.getElementById('inspect-audit').textContent), undefined, { timeout: 60_000 });
  await verify(page, 'secret');
  mkdirSync(shotsDir, { recursive: true });
  await page.raw.locator('#inspect').screenshot({ path: `${shotsDir}inspector-phone.png` });
  await page.close();
});
});
