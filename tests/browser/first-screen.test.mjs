// first-screen.test.mjs — the secret and its Copy button on the first screen, without scrolling, at
// the sizes people open the page at (a small phone, a large phone, a laptop), from file:// and from
// http://127.0.0.1 (served with the page's headers), in every engine (light and dark in Chromium,
// which emulates the colour scheme): the settings come after them. And a click right after fixing
// an input error is not lost (issue #11, problem 8).
//
//   node --test tests/browser/first-screen.test.mjs      (JSK_ENGINES=firefox: one engine)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { assertQuietIn, eachEngine, pageFile, skipStep } from './helpers.mjs';

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
      height: innerHeight, width: innerWidth };
  });
}

eachEngine((h) => {
  for (const origin of ['file', 'http']) {
    test(`${h.name}: ${origin === 'file' ? 'file://' : 'http://127.0.0.1'} — the secret and Copy are on the first screen at ${SIZES.map((s) => `${s[0]}×${s[1]}`).join(', ')}`, async (t) => {
      const url = origin === 'file' ? pathToFileURL(pageFile).href : await h.startServer();
      const schemes = h.name === 'chromium' ? ['light', 'dark'] : ['light'];
      if (h.name !== 'chromium') await skipStep(t, h, 'the dark colour scheme', 'only Chromium\'s driver emulates prefers-color-scheme (the layout is the same)');
      for (const [width, height, what] of SIZES) {
        if (h.name === 'webkit' && width < 447) {
          await skipStep(t, h, `${width}×${height} (${what})`, 'MiniBrowser\'s window cannot be narrower than 447 px');
          continue;
        }
        for (const colorScheme of schemes) {
          const page = await h.open(url, { viewport: { width, height }, contextOptions: { colorScheme } });
          const s = await firstScreen(page);
          const where = `${width}×${height} (${what}), ${colorScheme}: secret ${JSON.stringify(s.secret)}, Copy ${JSON.stringify(s.copy)}, viewport ${s.width}×${s.height}`;
          assert.equal(s.scrollY, 0, where);
          assert.ok(s.inside, `not on the first screen at ${where}`);
          assert.match(s.value, /^[A-Za-z0-9_-]{43}$/, where);
          assert.ok(s.copyEnabled, `Copy is disabled at ${where}`);
          assert.ok(s.settings > s.copy.bottom, `the settings come before the secret at ${where}`);
          await assertQuietIn(t, h, page, url);
          await page.close();
        }
      }
    });
  }

  // The field's change event fires when the click's mousedown takes the focus; if the error line
  // then vanished and the layout moved, the mouseup would land elsewhere and the click would do
  // nothing. The size is typed key by key (no change event until the focus leaves the field).
  test(`${h.name}: file:// — fixing a bad size and clicking New secret at once: the click is not lost`, async (t) => {
    const url = pathToFileURL(pageFile).href;
    for (const [width, height] of h.name === 'webkit' ? [[1366, 768]] : [[375, 667], [1366, 768]]) {
      const page = await h.open(url, { viewport: { width, height } });
      await page.fill('#bytes', '5');
      assert.match(await page.textContent('#gen-error'), /^Size: a whole number of bytes from 32/);
      await page.fill('#bytes', '');
      // Count the secrets written into the field from here on.
      await page.evaluate(() => {
        const el = document.getElementById('secret');
        const desc = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
        window.__writes = [];
        Object.defineProperty(el, 'value', { configurable: true, get() { return desc.get.call(this); },
          set(v) { desc.set.call(this, v); window.__writes.push(v); } });
      });
      const top = () => page.evaluate(() => document.getElementById('generate').getBoundingClientRect().top + scrollY);
      const before = await top();
      await page.type('#bytes', '64'); // typed: change fires when the click takes the focus
      await page.click('#generate');
      await page.waitForFunction(() => window.__writes.filter((v) => v !== '').length >= 2, undefined, { timeout: 5000 }).catch(() => {});
      const writes = await page.evaluate(() => window.__writes.filter((v) => v !== ''));
      assert.equal(await page.textContent('#gen-error'), '');
      assert.ok(writes.length >= 2, `the click was lost: ${writes.length} secret(s) written after the fix (the change's, and the click's)`);
      assert.match(writes.at(-1), /^[A-Za-z0-9_-]{86}$/);
      assert.notEqual(writes.at(-1), writes.at(-2), 'New secret made no new secret');
      assert.equal(await top(), before, 'New secret moved when the error went away');
      await assertQuietIn(t, h, page, url);
      await page.close();
    }
  });
});
