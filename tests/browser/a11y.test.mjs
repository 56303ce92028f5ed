// a11y.test.mjs — accessibility, layout and screenshots of the page, from file://:
// - axe-core (the devDependency) finds no serious or critical violation, light and dark, at 1280 and
//   375 px wide, with every panel filled (several secrets, a checker report, a signed and verified
//   token, a JWKS, an audit result, the policy shown) and in the generator's error state. axe runs
//   inside the real page, under its CSP: its source is evaluated through the DevTools protocol
//   (page.evaluate), which the policy does not apply to — a <script> tag would be refused — and
//   axe itself then loads nothing and evaluates nothing, so the page still reports no violation.
// - No horizontal scroll at 375 and 320 px, in every mode.
// - Keyboard only, in each engine: every visible control is reached by Tab and shows a focus ring
//   (Chromium only: the others do not take the focus round the document); the generator is driven
//   from the keyboard (presets, size, several secrets, add a name, copy, mask, download).
// axe-core and the screenshots run in Chromium (Playwright) and are shown as skipped elsewhere.
// - Screenshots, desktop (1280) and phone (375), light and dark, written to tests/browser/screenshots/.
//   The page's random source is replaced by a seeded one in that context only, so the pictures
//   change only when the page does.
//
//   node --test tests/browser/a11y.test.mjs    (JSK_ENGINES=chromium for one engine)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  WAIT, assertQuiet, assertQuietIn, assertQuietWithWorkers, eachEngine, openPage, pageFile, skipStep, useBrowser, watchWorkers,
} from './helpers.mjs';
import { enginesToRun } from './engines.mjs';

const harness = useBrowser(); // Chromium (Playwright), for the Chromium-only tests below
// A test run in Chromium only, shown as skipped, with why, for the other engines selected.
function chromiumOnly(name, why, fn) {
  for (const engine of enginesToRun()) {
    if (engine === 'chromium') test(`chromium: ${name}`, fn);
    else test(`${engine}: ${name}`, { skip: `${engine}: ${why}` }, () => {});
  }
}
const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const axeSource = readFileSync(axePath, 'utf8');
const axeVersion = JSON.parse(readFileSync(new URL('package.json', pathToFileURL(axePath)), 'utf8')).version;
const shotsDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
const JWT_IO = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

// Runs axe-core in the page (WCAG 2.0/2.1/2.2 A and AA rules and best practices); returns its
// violations and the number of rules that passed.
async function runAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return {
      passes: r.passes.length,
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      })),
    };
  });
}

function assertAxeClean(result, what) {
  const grave = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(grave, [], `axe-core ${axeVersion}, ${what}: serious or critical violations`);
  const rest = result.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ') || 'none';
  console.log(`axe-core ${axeVersion}, ${what}: ${result.passes} rules passed; other violations: ${rest}`);
}

async function assertNoSideScroll(page, width, what) {
  const wide = await page.evaluate((w) => ({
    scroll: document.documentElement.scrollWidth,
    over: [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > w + 0.5)
      .map((el) => el.id || `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 5),
  }), width);
  assert.deepEqual(wide, { scroll: width, over: [] }, `the page is wider than ${width} px (${what})`);
}

// Fills every panel, so that axe sees the page's states: several secrets, a checker report with
// findings and a fix, a signed and verified token, a JWKS, an audit that found the secret, the policy.
async function fillPanels(page) {
  await page.check('input[name=mode][value=several]');
  await page.fill('#check-input', 'your-256-bit-secret');
  await page.waitForSelector('#check-fix:not([hidden])', WAIT);
  await page.click('#jwt-sign');
  await page.fill('#jwks-previous', 'previous-secret-previous-secret-1');
  await page.click('#jwks-make');
  await page.fill('#audit-token', JWT_IO);
  await page.click('#audit-start');
  await page.waitForFunction(() => document.getElementById('audit-result').dataset.state === 'found', null, { timeout: 60_000 });
  await page.click('#audit-reveal');
  await page.click('footer summary');
}

// A seeded xorshift in place of crypto.getRandomValues, for the screenshots only.
function seededRandom() {
  let s = 0x2545f491;
  Object.defineProperty(Crypto.prototype, 'getRandomValues', {
    value(a) {
      const b = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      for (let i = 0; i < b.length; i++) {
        s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
        b[i] = s & 255;
      }
      return a;
    },
  });
}

chromiumOnly('file:// — screenshots (1280 and 375 px, light and dark) written to tests/browser/screenshots/',
  'the README\'s pictures are Chromium\'s (and colour-scheme emulation is Playwright\'s); every engine\'s screenshot is checked in engines.test.mjs', async () => {
  const url = pathToFileURL(pageFile).href;
  const { page, seen } = await openPage(harness, url, { viewport: DESKTOP }, (p, context) => context.addInitScript(seededRandom));
  mkdirSync(shotsDir, { recursive: true });
  // The pictures go into the README: show the secret masked, so nobody copies a published secret.
  await page.click('#mask');
  assert.equal(await page.textContent('#mask'), 'Show');
  const written = [];
  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      // From the top to the end of the generator (its result box), the whole width.
      const bottom = await page.evaluate(() => Math.ceil(document.querySelector('#secret').closest('.result')
        .getBoundingClientRect().bottom + window.scrollY + 24));
      const path = `${shotsDir}${name}-${colorScheme}.png`;
      const png = await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height: bottom } });
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      assert.equal(png.readUInt32BE(16), viewport.width, `${path} is not ${viewport.width} px wide`);
      written.push(path);
    }
  }
  // Every panel, desktop, light (the README's gallery): the generator's settings in Several mode,
  // make/store/rotate, the checker with a report, a signed token and a JWKS, the audit panel.
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.check('input[name=mode][value=several]');
  await page.fill('#check-input', 'your-256-bit-secret');
  await page.waitForSelector('#check-fix:not([hidden])', WAIT);
  await page.click('#jwt-sign');
  await page.click('#jwks-make');
  for (const [name, selector] of [['generator', 'section.generator'], ['howto', '#howto'],
    ['check', 'section[aria-labelledby=check-heading]'], ['sign', 'section[aria-labelledby=use-heading]'], ['audit', '#audit']]) {
    const path = `${shotsDir}panel-${name}.png`;
    const png = await page.locator(selector).screenshot({ path });
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    written.push(path);
  }
  console.log(`screenshots: ${written.join(', ')}`);
  await assertQuiet(page, seen, url);
});

chromiumOnly('file:// — axe-core finds no serious or critical violation, light and dark, 1280 and 375 px; no sideways scroll',
  'axe-core runs in Chromium only (issue #11), with Playwright\'s colour-scheme emulation', async () => {
  const url = pathToFileURL(pageFile).href;
  const { page, seen } = await openPage(harness, url, { viewport: DESKTOP });
  const workers = watchWorkers(page);

  // The generator's error state (an invalid name, the size field's error), light and dark.
  await page.check('input[name=mode][value=several]');
  await page.fill('#names li:nth-child(2) input', '2BAD');
  await page.press('#names li:nth-child(2) input', 'Enter');
  await page.waitForSelector('#gen-error:not([hidden])', WAIT);
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    assertAxeClean(await runAxe(page), `1280 px, ${colorScheme}, generator error`);
  }
  await page.fill('#names li:nth-child(2) input', 'JWT_REFRESH_TOKEN_SECRET');
  await page.press('#names li:nth-child(2) input', 'Enter');

  await fillPanels(page);
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
      assertAxeClean(await runAxe(page), `${viewport.width} px, ${colorScheme}, every panel filled`);
    }
  }
  // Light and dark differ (prefers-color-scheme is followed).
  const colors = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    colors.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
  }
  assert.deepEqual(colors, ['rgb(255, 255, 255)', 'rgb(17, 19, 24)']);

  // Phone widths: nothing wider than the screen, whichever mode.
  for (const width of [375, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await assertNoSideScroll(page, width, 'several secrets, every panel filled');
    await page.selectOption('#env-layout', 'prefix');
    await assertNoSideScroll(page, width, 'prefixed names');
    await page.selectOption('#env-layout', 'files');
    await page.check('input[name=mode][value=one]');
    await page.selectOption('#format', 'jwk');
    await assertNoSideScroll(page, width, 'one secret, JWK');
    await page.selectOption('#format', 'base64url');
    await page.check('input[name=mode][value=several]');
  }
  await assertQuietWithWorkers(page, seen, url, workers);
});

// Focus moves by Tab to the element matching selector (at most 60 presses); returns how many.
async function tabTo(page, selector, key = 'Tab') {
  for (let i = 1; i <= 60; i++) {
    await page.keys([key]);
    if (await page.evaluate((s) => document.activeElement.matches(s), selector)) return i;
  }
  throw new Error(`${key} never reached ${selector}`);
}
const focused = (page) => page.evaluate(() => document.activeElement.id || document.activeElement.getAttribute('aria-label'));

eachEngine((h) => test(`${h.name}: file:// — keyboard only: every control reached by Tab with a visible focus ring; the generator driven by keys`, async (t) => {
  const url = pathToFileURL(pageFile).href;
  const chromium = h.name === 'chromium';
  const page = await h.open(url, { viewport: DESKTOP });
  if (chromium) await page.context.grantPermissions(['clipboard-read', 'clipboard-write']);

  // The first stops are the secret and its actions (the first screen), then the settings: arrows
  // pick an algorithm, which sets the size.
  await page.keys(['Tab']);
  assert.equal(await focused(page), 'secret');
  await page.keys(['Tab']);
  assert.equal(await focused(page), 'copy');
  await tabTo(page, 'input[name=alg][value=HS256]');
  await page.keys(['ArrowRight']);
  assert.equal(await page.isChecked('input[name=alg][value=HS384]'), true);
  assert.equal(await page.inputValue('#bytes'), '48');
  assert.match(await page.inputValue('#secret'), /^[A-Za-z0-9_-]{64}$/);
  await page.keys(['Tab']);
  assert.equal(await focused(page), 'format');
  await page.keys(['Tab']);
  assert.equal(await focused(page), 'bytes');
  await page.keys(['ArrowUp']); // 49
  await page.keys(['Enter']);
  assert.match(await page.textContent('#size'), /^49 random bytes = 392 bits of entropy, 66 characters/);
  // Several secrets, a name added and typed, Enter generates.
  await page.keys(['Tab']);
  assert.equal(await page.evaluate(() => document.activeElement.matches('input[name=mode][value=one]')), true);
  await page.keys(['ArrowRight']);
  assert.equal(await page.isVisible('#several'), true);
  await tabTo(page, '#name-add');
  await page.keys(['Enter']);
  assert.equal(await focused(page), 'Variable name 4');
  await page.keys('JWT_API_KEY_SECRET');
  await page.keys(['Enter']);
  assert.match(await page.textContent('#size'), /^12 secrets \(4 names × 3 environments\) in 3 files, each 49 random bytes/);
  assert.match(await page.inputValue('#secret'), /^JWT_API_KEY_SECRET=[A-Za-z0-9_-]{66}$/m);
  // Copy, mask and download from the keyboard (back up to the first screen).
  await tabTo(page, '#copy', 'Shift+Tab');
  await page.keys(['Enter']);
  await page.waitForFunction(() => document.getElementById('copy-status').textContent === 'Copied.', null, WAIT);
  const text = await page.inputValue('#secret');
  if (chromium) assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  else await skipStep(t, h, 'the clipboard holds the secrets', 'reading the clipboard needs a permission only Chromium\'s driver grants');
  await page.keys(['Tab']);
  assert.equal(await focused(page), 'generate');
  await page.keys(['Tab']);
  assert.equal(await focused(page), 'mask');
  await page.keys(['Space']);
  assert.equal(await page.textContent('#mask'), 'Show');
  assert.match(await page.inputValue('#secret'), /^JWT_API_KEY_SECRET=•{66}$/m);
  await page.keys(['Tab']);
  assert.equal(await focused(page), 'download');
  if (chromium) {
    const [download] = await Promise.all([page.raw.waitForEvent('download', WAIT), page.keys(['Enter'])]);
    assert.equal(readFileSync(await download.path(), 'utf8'), text.endsWith('\n') ? text : `${text}\n`);
  } else await skipStep(t, h, 'Enter on Download saves the secrets', 'only Chromium\'s driver (Playwright) hands over downloads');
  await page.keys(['Tab']);
  assert.equal(await focused(page), 'clip-clear');
  await page.keys(['Space']);
  assert.equal(await page.isChecked('#clip-clear'), true);
  await page.keys(['Space']);
  // The checker's "Generate one instead" brings the focus back to the generator.
  await tabTo(page, '#check-input');
  await page.keys('changeme');
  await tabTo(page, '#check-generate');
  await page.keys(['Enter']);
  assert.equal(await focused(page), 'secret');
  // The policy, opened from the keyboard.
  await tabTo(page, 'footer summary');
  await page.keys(['Enter']);
  assert.equal(await page.evaluate(() => document.querySelector('footer details').open), true);

  // A full round of Tab through the document (focus leaves it after the last stop and comes back
  // at the first): every visible, enabled control is a stop, in page order, and each shows a focus
  // ring (an outline of 2 px or more, not transparent). Headless Chromium only: seen here, Firefox
  // (no toolbar) brings the focus back to the last stop, and in WebKit it stays in MiniBrowser's
  // own window, so the round never starts again at the top.
  if (!chromium) {
    await skipStep(t, h, 'a full round of Tab: every control a stop, in order, with a focus ring',
      'after the last control the focus does not come back to the page\'s first (Firefox: back to the last; WebKit: stays in MiniBrowser\'s window)');
    await assertQuietIn(t, h, page, url);
    return;
  }
  const stops = [];
  let left = 0;
  for (let i = 0; i < 150 && left < 2; i++) {
    await page.keys(['Tab']);
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (el === document.body || el === null) return null;
      const s = getComputedStyle(el);
      return {
        key: el.id || el.getAttribute('aria-label') || `${el.tagName.toLowerCase()}[${el.name || el.textContent.trim().slice(0, 20)}]`,
        ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && s.outlineColor !== 'rgba(0, 0, 0, 0)',
      };
    });
    if (stop === null) left++;
    else if (left === 1) stops.push(stop);
  }
  assert.equal(left, 2, 'Tab did not go round the document');
  const expected = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button, summary, a[href], [tabindex]')]
    .filter((el) => !el.disabled && el.getClientRects().length > 0 && el.tabIndex >= 0 &&
      !(el.type === 'radio' && !el.checked) && !(el.closest('details:not([open])') && !el.matches('details > summary')))
    .map((el) => el.id || el.getAttribute('aria-label') || `${el.tagName.toLowerCase()}[${el.name || el.textContent.trim().slice(0, 20)}]`));
  assert.deepEqual(stops.map((s) => s.key), expected, 'Tab order');
  assert.ok(stops.length > 30, `only ${stops.length} stops`);
  assert.deepEqual(stops.filter((s) => !s.ring).map((s) => s.key), [], 'focused without a visible ring');
  await assertQuietIn(t, h, page, url);
}));
