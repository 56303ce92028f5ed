// engines.mjs — the three browser engines the browser tests run in, behind one small page API:
//   chromium  Debian's Chromium, driven by playwright-core (as before);
//   firefox   Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi;
//   webkit    WebKitGTK's MiniBrowser, driven over classic W3C WebDriver by WebKitWebDriver under
//             xvfb-run, with the small HTTP client below (no dependency).
// JSK_ENGINES=firefox (or a comma list) runs only those engines; all three by default.
//
// A page (engine.open(url, { viewport, init })) offers: goto, evaluate(fn, arg), waitForFunction,
// click, fill, type, press, keys, check, uncheck, selectOption, setFiles, inputValue, textContent,
// getAttribute, isEnabled, isChecked, isVisible, $eval, $$eval, setViewport, screenshot, problems()
// (console errors, page errors, CSP violations), requests() (null where it cannot be measured),
// close(). Chromium's and Firefox's pages keep the driver's page as page.raw (for the steps only
// they can take); what an engine cannot do, the tests skip by name (skipStep in helpers.mjs):
// WebKit runs no script before the page's (init) and reports no requests (requests() is null).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

// The engines selected by JSK_ENGINES (all by default), in the order above.
export function enginesToRun() {
  const wanted = (process.env.JSK_ENGINES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const w of wanted) if (!ENGINE_NAMES.includes(w)) throw new Error(`JSK_ENGINES: unknown engine ${w} (${ENGINE_NAMES.join(', ')})`);
  return wanted.length ? ENGINE_NAMES.filter((n) => wanted.includes(n)) : ENGINE_NAMES;
}

export async function launchEngine(name) {
  if (name === 'chromium') return launchChromium();
  if (name === 'firefox') return launchFirefox();
  if (name === 'webkit') return launchWebKit();
  throw new Error(`unknown engine ${name}`);
}

// Recorders installed in the page: CSP violations (before the page's script where the engine can run
// a script first; after load in WebKit), and in WebKit also console.error calls and uncaught errors.
function cspRecorder() {
  if (window.__cspViolations) return;
  window.__cspViolations = [];
  window.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
  }, true);
}
function errorRecorder() {
  if (window.__jskErrors) return;
  const seen = { consoleErrors: [], pageErrors: [] };
  window.__jskErrors = seen;
  const error = console.error;
  console.error = function (...args) {
    seen.consoleErrors.push(args.map(String).join(' '));
    return error.apply(this, args);
  };
  window.addEventListener('error', (e) => { if (e.error || e.message) seen.pageErrors.push(String(e.error?.stack || e.message)); });
  window.addEventListener('unhandledrejection', (e) => seen.pageErrors.push(`unhandled rejection: ${e.reason}`));
}

const json = (v) => (v === undefined ? 'undefined' : JSON.stringify(v));

// What every engine's page shares: everything but the native steps (navigate, evaluate, click, key
// presses, files, viewport, screenshot), which each engine's class gives.
class BasePage {
  constructor(engine) {
    this.engine = engine;
    this.seen = { requests: [], consoleErrors: [], pageErrors: [] };
    this.tmp = null;
  }
  async waitForFunction(fn, arg, { timeout = 15_000 } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await this.evaluate(fn, arg);
      if (v) return v;
      if (Date.now() > end) throw new Error(`${this.engine.name}: condition not met in ${timeout} ms: ${fn}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  // fn (serialised with its argument, as every engine does) runs in the page; a promise is awaited.
  // The source is evaluated by the driver, which the page's CSP does not apply to (an eval() in the
  // page would be refused and reported).
  evaluate(fn, arg) {
    return this.evalSource(typeof fn === 'function' ? `(${fn})(${json(arg)})` : fn);
  }
  $eval(selector, fn, arg) {
    return this.evalSource(`((el) => {
      if (!el) throw new Error('no element ' + ${JSON.stringify(selector)});
      return (${fn})(el, ${json(arg)});
    })(document.querySelector(${JSON.stringify(selector)}))`);
  }
  $$eval(selector, fn, arg) {
    return this.evalSource(`(${fn})([...document.querySelectorAll(${JSON.stringify(selector)})], ${json(arg)})`);
  }
  inputValue(selector) { return this.$eval(selector, (el) => el.value); }
  textContent(selector) { return this.$eval(selector, (el) => el.textContent); }
  getAttribute(selector, name) { return this.$eval(selector, (el, n) => el.getAttribute(n), name); }
  isEnabled(selector) { return this.$eval(selector, (el) => !el.disabled); }
  isDisabled(selector) { return this.$eval(selector, (el) => el.disabled); }
  isChecked(selector) { return this.$eval(selector, (el) => el.checked); }
  isVisible(selector) { return this.$eval(selector, (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'); }
  focus(selector) { return this.$eval(selector, (el) => el.focus()); }
  // As Playwright's fill: the value set at once, then input and change.
  fill(selector, text) {
    return this.$eval(selector, (el, t) => {
      el.focus();
      el.value = t;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, text);
  }
  selectOption(selector, value) { return this.fill(selector, value); }
  // Typed key by key, as a user would (native key events).
  async type(selector, text) {
    await this.focus(selector);
    await this.keys(text);
  }
  async press(selector, key) {
    await this.focus(selector);
    await this.keys([key]);
  }
  async check(selector) { if (!(await this.isChecked(selector))) await this.click(selector); }
  async uncheck(selector) { if (await this.isChecked(selector)) await this.click(selector); }
  // files: paths, or { name, buffer } objects (written to a temporary folder), or [] to clear.
  async setFiles(selector, files) {
    const list = [files].flat();
    if (list.length === 0) {
      return this.$eval(selector, (el) => {
        el.value = '';
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
    }
    const paths = list.map((f) => {
      if (typeof f === 'string') return f;
      this.tmp ??= mkdtempSync(join(tmpdir(), 'jsk-files-'));
      const dir = mkdtempSync(join(this.tmp, 'f-'));
      writeFileSync(join(dir, f.name), f.buffer);
      return join(dir, f.name);
    });
    return this.nativeSetFiles(selector, paths);
  }
  // Console errors, uncaught page errors and CSP violations seen so far.
  async problems() {
    const csp = await this.evaluate(() => window.__cspViolations ?? null);
    return { consoleErrors: this.seen.consoleErrors.slice(), pageErrors: this.seen.pageErrors.slice(), csp };
  }
  // Requests the engine saw (data: URLs, which are in the document, left out); null if it cannot tell.
  requests() { return this.seen.requests.filter((r) => !r.url.startsWith('data:')); }
  async close() {
    await this.nativeClose();
    if (this.tmp) rmSync(this.tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------ Chromium
async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    name: 'chromium',
    browser,
    async open(url, { viewport = DEFAULT_VIEWPORT, init = null, contextOptions = {} } = {}) {
      const page = new ChromiumPage(this);
      await page.start(browser, { viewport, ...contextOptions }, init);
      if (url) await page.goto(url);
      return page;
    },
    close: () => browser.close(),
  };
}

class ChromiumPage extends BasePage {
  async start(browser, options, init) {
    this.context = await browser.newContext(options);
    this.context.on('request', (r) => this.seen.requests.push({
      url: r.url(), type: r.resourceType(), navigation: r.isNavigationRequest(), main: r.frame() === this.raw?.mainFrame(),
    }));
    await this.context.addInitScript(cspRecorder);
    if (init) await this.context.addInitScript(init);
    this.raw = await this.context.newPage(); // the Playwright page, for Chromium-only steps
    this.raw.on('console', (m) => { if (m.type() === 'error') this.seen.consoleErrors.push(m.text()); });
    this.raw.on('pageerror', (e) => this.seen.pageErrors.push(String((e && e.stack) || e)));
  }
  goto(url) { return this.raw.goto(url); }
  evalSource(source) { return this.raw.evaluate(source); }
  click(selector) { return this.raw.click(selector); }
  async keys(keys) {
    if (typeof keys === 'string') await this.raw.keyboard.type(keys);
    else for (const k of keys) await this.raw.keyboard.press(k);
  }
  nativeSetFiles(selector, paths) { return this.raw.setInputFiles(selector, paths); }
  setViewport(size) { return this.raw.setViewportSize(size); }
  screenshot() { return this.raw.screenshot(); }
  nativeClose() { return this.context.close(); }
}

// ------------------------------------------------------------------------------------- Firefox
async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true });
  return {
    name: 'firefox',
    browser,
    async open(url, { viewport = DEFAULT_VIEWPORT, init = null } = {}) {
      const page = new FirefoxPage(this);
      await page.start(browser, viewport, init);
      if (url) await page.goto(url);
      return page;
    },
    close: () => browser.close(),
  };
}

class FirefoxPage extends BasePage {
  async start(browser, viewport, init) {
    this.context = await browser.createBrowserContext();
    this.raw = await this.context.newPage();
    // BiDi gives no resource type; navigation and URL are what the checks need.
    this.raw.on('request', (r) => this.seen.requests.push({ url: r.url(), navigation: r.isNavigationRequest() }));
    this.raw.on('console', (m) => { if (m.type() === 'error') this.seen.consoleErrors.push(m.text()); });
    // Firefox reports a CSP refusal as a page error ("Content-Security-Policy: ..."): kept apart.
    this.seen.cspMessages = [];
    this.raw.on('pageerror', (e) => {
      const text = String((e && e.stack) || e);
      (/Content-Security-Policy/.test(text) ? this.seen.cspMessages : this.seen.pageErrors).push(text);
    });
    await this.raw.evaluateOnNewDocument(cspRecorder);
    if (init) await this.raw.evaluateOnNewDocument(init);
    await this.raw.setViewport(viewport);
  }
  goto(url) { return this.raw.goto(url); }
  evalSource(source) { return this.raw.evaluate(source); }
  click(selector) { return this.raw.click(selector); }
  async keys(keys) {
    if (typeof keys === 'string') await this.raw.keyboard.type(keys);
    else {
      for (const k of keys) {
        if (k === 'Shift+Tab') { // a chord, as Playwright names it
          await this.raw.keyboard.down('Shift');
          await this.raw.keyboard.press('Tab');
          await this.raw.keyboard.up('Shift');
        } else await this.raw.keyboard.press(k === 'Space' ? ' ' : k); // Playwright's name for ' '
      }
    }
  }
  async nativeSetFiles(selector, paths) { await (await this.raw.$(selector)).uploadFile(...paths); }
  setViewport(size) { return this.raw.setViewport(size); }
  async screenshot() { return Buffer.from(await this.raw.screenshot()); }
  async problems() {
    const p = await super.problems();
    return { ...p, cspMessages: this.seen.cspMessages.slice() };
  }
  nativeClose() { return this.context.close(); }
}

// -------------------------------------------------------------------------------------- WebKit
const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

// WebKitWebDriver under its own xvfb-run (a timeout inside it so nothing outlives a stuck test); the
// X display it gets is reused for the MiniBrowser console runs. (--foreground keeps the driver in
// xvfb-run's process group, which close() ends.)
async function launchWebKit() {
  const port = await freePort();
  const driver = spawn('xvfb-run', ['-a', 'sh', '-c',
    `echo "X=$DISPLAY $XAUTHORITY"; exec timeout --foreground 3600 WebKitWebDriver --port=${port}`],
  { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  driver.stdout.on('data', (d) => { out += d; });
  driver.stderr.on('data', (d) => { out += d; });
  const base = `http://127.0.0.1:${port}`;
  const end = Date.now() + 20_000;
  for (;;) {
    const ready = await fetch(`${base}/status`).then((r) => r.json()).then((j) => j.value.ready, () => false);
    if (ready && /X=(\S+) (\S+)/.test(out)) break;
    if (driver.exitCode !== null || Date.now() > end) throw new Error(`WebKitWebDriver did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const [, display, xauthority] = out.match(/X=(\S+) (\S+)/);
  return {
    name: 'webkit',
    display,
    xauthority,
    current: null,
    // WebKitWebDriver has one session at a time: opening a page closes the one before.
    async open(url, { viewport = DEFAULT_VIEWPORT, init = null } = {}) {
      if (init) throw new Error('webkit: classic WebDriver cannot run a script before the page\'s own (skip this step in WebKit)');
      if (this.current) await this.current.close();
      const page = new WebKitPage(this, base);
      this.current = page;
      await page.start(viewport);
      if (url) await page.goto(url);
      return page;
    },
    // MiniBrowser alone, printing every console and CSP message of url for ms milliseconds: the
    // console check in WebKit (WebDriver has no console). Returns the "CONSOLE" lines.
    consoleRun(url, ms = 6000) {
      return new Promise((resolve, reject) => {
        const mb = spawn('timeout', [String(Math.ceil(ms / 1000)), MINIBROWSER, '--enable-write-console-messages-to-stdout=true', url],
          { env: { ...process.env, DISPLAY: display, XAUTHORITY: xauthority }, stdio: ['ignore', 'pipe', 'pipe'] });
        let text = ''; // the messages go to stdout or stderr, depending on what they are
        mb.stdout.on('data', (d) => { text += d; });
        mb.stderr.on('data', (d) => { text += d; });
        mb.on('error', reject);
        mb.on('exit', () => resolve(text.split('\n').filter((l) => / CONSOLE /.test(l))));
      });
    },
    async close() {
      if (driver.exitCode === null) {
        const exited = new Promise((r) => driver.once('exit', r));
        process.kill(-driver.pid, 'SIGTERM'); // xvfb-run's process group: Xvfb, the driver, MiniBrowser
        await exited;
      }
    },
  };
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'; // the W3C element reference key
// W3C WebDriver key codes for the key names the tests use.
const KEYS = {
  Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', Backspace: '\uE003', Space: ' ',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Home: '\uE011', End: '\uE010',
};

class WebKitPage extends BasePage {
  constructor(engine, base) {
    super(engine);
    this.base = base;
    this.seen.requests = null;
  }
  async cmd(method, path, body) {
    const r = await fetch(`${this.base}${path}`, {
      method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const j = await r.json();
    if (j.value && j.value.error) throw new Error(`WebDriver ${method} ${path}: ${j.value.error}: ${j.value.message}`);
    return j.value;
  }
  async start(viewport) {
    const s = await this.cmd('POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
    });
    this.session = `/session/${s.sessionId}`;
    await this.setViewport(viewport);
  }
  async goto(url) {
    await this.cmd('POST', `${this.session}/url`, { url });
    // No script can run before the page's own: the recorders start once it has loaded.
    await this.evalSource(`(${cspRecorder})(), (${errorRecorder})()`);
  }
  async evalSource(source) {
    const r = await this.cmd('POST', `${this.session}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${source})).then((v) => done({ v: v === undefined ? null : v }),
          (e) => done({ e: String((e && e.stack) || e) }));`,
      args: [],
    });
    if (r.e) throw new Error(`webkit: evaluate: ${r.e}`);
    return r.v;
  }
  async element(selector) {
    const e = await this.cmd('POST', `${this.session}/element`, { using: 'css selector', value: selector });
    return e[ELEMENT];
  }
  async click(selector) { await this.cmd('POST', `${this.session}/element/${await this.element(selector)}/click`, {}); }
  // Key presses to the focused element (WebDriver actions).
  async keys(keys) {
    const SHIFT = '\uE008';
    const chord = (k) => (k === 'Shift+Tab' ? [{ type: 'keyDown', value: SHIFT }, { type: 'keyDown', value: KEYS.Tab },
      { type: 'keyUp', value: KEYS.Tab }, { type: 'keyUp', value: SHIFT }] : null);
    const actions = typeof keys === 'string'
      ? [...keys].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }])
      : keys.flatMap((k) => chord(k) ?? [{ type: 'keyDown', value: KEYS[k] ?? k }, { type: 'keyUp', value: KEYS[k] ?? k }]);
    await this.cmd('POST', `${this.session}/actions`, { actions: [{ type: 'key', id: 'keyboard', actions }] });
  }
  // A file input takes its files as "send keys" of their paths, one a line.
  async nativeSetFiles(selector, paths) {
    await this.cmd('POST', `${this.session}/element/${await this.element(selector)}/value`, { text: paths.join('\n') });
  }
  // WebDriver sets the window's size: the viewport is set by measuring the window's frame.
  async setViewport({ width, height }) {
    await this.cmd('POST', `${this.session}/window/rect`, { width, height });
    const inner = await this.cmd('POST', `${this.session}/execute/sync`, { script: 'return [innerWidth, innerHeight]', args: [] });
    if (inner[0] !== width || inner[1] !== height) {
      await this.cmd('POST', `${this.session}/window/rect`, { width: 2 * width - inner[0], height: 2 * height - inner[1] });
    }
  }
  async screenshot() { return Buffer.from(await this.cmd('GET', `${this.session}/screenshot`), 'base64'); }
  async problems() {
    const p = await this.evaluate(() => ({ errors: window.__jskErrors, csp: window.__cspViolations ?? null }));
    return { consoleErrors: p.errors?.consoleErrors ?? [], pageErrors: p.errors?.pageErrors ?? [], csp: p.csp, afterLoadOnly: true };
  }
  requests() { return null; }
  async nativeClose() {
    if (this.session) await this.cmd('DELETE', this.session);
    this.session = null;
    if (this.engine.current === this) this.engine.current = null;
  }
}
