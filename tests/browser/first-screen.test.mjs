// first-screen.test.mjs — the secret and its Copy button on the first screen, without scrolling, at
// the sizes people open the page at (a small phone, a large phone, a laptop), light and dark, from
// file:// and from http://127.0.0.1 (served with the page's headers): the settings come after them.
//
//   node --test tests/browser/first-screen.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { assertQuiet, openPage, pageFile, useBrowser } from './helpers.mjs';

const harness = useBrowser();
const SIZES = [[375, 667, 'iPhone SE'], [390, 844, 'iPhone 12–15'], [1366, 768, 'laptop']];

// Where the secret's field and Copy are, and whether both are wholly inside the viewport.
function firstScreen(page) {
  return page.evaluate(() => {
    const box = (id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right) };
    };
    const inside = (b) => b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight && b.right <= innerWidth;
    const secret = box('secret');
    const copy = box('copy');
    return { secret, copy, inside: inside(secret) && inside(copy), settings: box('generate-form').top,
      scrollY, value: document.getElementById('secret').value, copyEnabled: !document.getElementById('copy').disabled,
      height: innerHeight };
  });
}

for (const origin of ['file', 'http']) {
  test(`${origin === 'file' ? 'file://' : 'http://127.0.0.1'} — the secret and Copy are on the first screen at ${SIZES.map((s) => `${s[0]}×${s[1]}`).join(', ')}, light and dark`, async () => {
    const url = origin === 'file' ? pathToFileURL(pageFile).href : await harness.startServer();
    for (const [width, height, what] of SIZES) {
      for (const colorScheme of ['light', 'dark']) {
        const { page, seen } = await openPage(harness, url, { viewport: { width, height }, colorScheme });
        const s = await firstScreen(page);
        const where = `${width}×${height} (${what}), ${colorScheme}: secret ${JSON.stringify(s.secret)}, Copy ${JSON.stringify(s.copy)}, viewport height ${s.height}`;
        assert.equal(s.scrollY, 0, where);
        assert.ok(s.inside, `not on the first screen at ${where}`);
        assert.match(s.value, /^[A-Za-z0-9_-]{43}$/, where);
        assert.ok(s.copyEnabled, `Copy is disabled at ${where}`);
        assert.ok(s.settings > s.copy.bottom, `the settings come before the secret at ${where}`);
        await assertQuiet(page, seen, url);
        await page.close();
      }
    }
  });
}

// Issue #11, problem 8: a click right after fixing an input error must not be lost. The field's
// change event fires when the click's mousedown takes the focus; if the error line then vanished
// and the layout moved, the mouseup would land elsewhere and the click would do nothing.
test('file:// — fixing a bad size and clicking New secret at once: the click is not lost', async () => {
  const url = pathToFileURL(pageFile).href;
  for (const [width, height] of [[375, 667], [1366, 768]]) {
    const { page, seen } = await openPage(harness, url, { viewport: { width, height } });
    await page.fill('#bytes', '5');
    await page.press('#bytes', 'Tab');
    assert.match(await page.textContent('#gen-error'), /^Size: a whole number of bytes from 32/);
    // Count the secrets written into the field from here on.
    await page.evaluate(() => {
      const el = document.getElementById('secret');
      const desc = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
      window.__writes = [];
      Object.defineProperty(el, 'value', { configurable: true, get() { return desc.get.call(this); },
        set(v) { desc.set.call(this, v); window.__writes.push(v); } });
    });
    const before = await page.evaluate(() => document.getElementById('generate').getBoundingClientRect().top + scrollY);
    await page.fill('#bytes', '64'); // typed, not yet committed: change fires when the click takes the focus
    await page.click('#generate');
    const writes = await page.evaluate(() => window.__writes.filter((v) => v !== ''));
    assert.equal(await page.textContent('#gen-error'), '');
    assert.ok(writes.length >= 2, `the click was lost: ${writes.length} secret(s) written after the fix (the change's, and the click's)`);
    assert.match(writes.at(-1), /^[A-Za-z0-9_-]{86}$/);
    assert.notEqual(writes.at(-1), writes.at(-2), 'New secret made no new secret');
    const after = await page.evaluate(() => document.getElementById('generate').getBoundingClientRect().top + scrollY);
    assert.equal(after, before, 'New secret moved when the error went away');
    await assertQuiet(page, seen, url);
    await page.close();
  }
});
