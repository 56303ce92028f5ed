// order.test.mjs — the page shows a secret first: the generate module is instantiated first and the
// secret is in its field before the module with the checker (the analyzer and its dictionaries) is
// even instantiated; that module (page-all: jwt, inspector, .env files, checker, audit) follows
// without a click, instantiated once for all its cores, and the audit's workers instantiate it too.
// The secret is made by the page's first script, before the parser has even reached the second (the
// rest of the page's code). An order, not a time (the bench measures the time: tests/bench/page.mjs).
// From file:// and from http://127.0.0.1, also with the CPU slowed 4x (DevTools protocol: Chromium
// only), in Chromium and Firefox. WebKit is skipped: classic WebDriver cannot run the recorder
// before the page's own script.
//
//   node --test tests/browser/order.test.mjs    (JSK_ENGINES=firefox for one engine)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { WAIT, assertQuietIn, eachEngine, pageFile } from './helpers.mjs';

// Runs before the page's own script (not subject to its CSP): logs, in order, each WebAssembly
// module instantiated (named by its self-test export) and the moment #secret first gets a value.
function recorder() {
  const log = [];
  Object.defineProperty(window, '__order', { value: log });
  // The loader instantiates synchronously where it can (new WebAssembly.Instance), else through
  // WebAssembly.instantiate: both are watched.
  // The page's one module after the generator (page-all) carries jwt, the audit, the inspector,
  // the .env files and the checker: it is "all", instantiated once for the five cores it serves.
  const named = (instance) => {
    const names = Object.keys(instance.exports);
    if (names.includes('jsk_self_test_jwt') && names.includes('jsk_self_test_check')) return 'all';
    const self = names.find((n) => n.startsWith('jsk_self_test_'));
    return self ? self.slice('jsk_self_test_'.length) : 'other';
  };
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = function (...args) {
    const started = performance.now();
    const instance = new Instance(...args);
    log.push({ what: named(instance), started, at: performance.now() });
    return instance;
  };
  WebAssembly.Instance.prototype = Instance.prototype;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    const started = performance.now();
    return instantiate.apply(this, args).then((r) => {
      log.push({ what: named(r.instance || r), started, at: performance.now() });
      return r;
    });
  };
  const desc = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
  Object.defineProperty(HTMLTextAreaElement.prototype, 'value', {
    configurable: true,
    get() { return desc.get.call(this); },
    set(v) {
      // How many scripts the parser had reached: the page's first (the generator) is enough.
      if (this.id === 'secret' && v && !log.some((e) => e.what === 'secret')) {
        log.push({ what: 'secret', at: performance.now(), scripts: [...document.scripts].filter((s) => !s.type).length });
      }
      return desc.set.call(this, v);
    },
  });
}

eachEngine((h) => {
  for (const [where, throttle] of [['file://', 1], ['http://127.0.0.1', 1], ['file://', 4]]) {
    const name = `${h.name}: ${where}${throttle > 1 ? `, CPU slowed ${throttle}x` : ''} — the secret is on screen before the checker's module is instantiated`;
    let skip = false;
    if (h.name === 'webkit') skip = 'webkit: classic WebDriver cannot run a script before the page\'s own (the recorder)';
    else if (throttle > 1 && h.name !== 'chromium') skip = `${h.name}: slowing the CPU needs the DevTools protocol (Chromium only)`;
    test(name, { skip }, async (t) => {
      const url = where === 'file://' ? pathToFileURL(pageFile).href : await h.startServer();
      const page = await h.open(url, {
        init: recorder,
        before: async (p) => {
          if (throttle > 1) {
            const cdp = await p.context.newCDPSession(p.raw);
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
          }
        },
      });
      // h.open waited for the self-test line: every module of the page has loaded by then.
      const log = await page.evaluate(() => window.__order);
      const order = log.map((e) => e.what).filter((w, i, all) => w !== all[i - 1]);
      assert.deepEqual(order, ['generate', 'secret', 'all'], JSON.stringify(log));
      assert.equal(log.filter((e) => e.what === 'all').length, 1, 'one instance of page-all for the jwt, inspect, envfiles and check cores');
      assert.equal(log.filter((e) => e.what === 'generate').length, 1, 'one instance of the generator for the generate and codecs cores');
      assert.equal(log.find((e) => e.what === 'secret').scripts, 1, 'the secret is made before the parser has reached the page\'s second script');
      const at = Object.fromEntries(log.map((e) => [e.what, e]));
      assert.ok(at.secret.at <= at.all.started, 'the module with the checker started loading only after the secret was shown');
      assert.match(await page.inputValue('#secret'), /^[A-Za-z0-9_-]{43}$/);
      console.log(`${h.name} ${where} x${throttle}: generate ${at.generate.at.toFixed(0)} ms, secret ${at.secret.at.toFixed(0)} ms, ` +
        `the rest (jwt, checker, ...) ${at.all.at.toFixed(0)} ms after navigation`);
      await page.waitForFunction(() => !document.getElementById('jwt-sign').disabled, null, WAIT);
      await assertQuietIn(t, h, page, url);
    });
  }
});
