// first.js — the page's first script (scripts/build.mjs inlines it right after the generator's
// markup): the generator panel and the generate module, nothing else, so that the browser shows a
// secret before it has even parsed the rest of the page's code (index.js, the second script, at
// the end of the document). The second script takes over from here through `page`: it shares this
// script's modules (the build gives it this script's instances of every module both use, so the
// generate module is loaded once and nothing is bundled twice).
import { codecsCore, generateCore } from '../../wasm/api/generate.mjs';
import { fail } from '../../wasm/api/core.mjs';
import { initClipboard } from './clipboard.js';
import { initGenerator } from './generator.js';
import { $id } from './ui.js';

// The second script's hooks into the generator (until it has loaded, a JWK or .env files are
// "still loading", which the generator says in words), the generator, the promise of the first
// secret, and this script's element (the audit workers run both scripts: the second reads its
// text, not this one, which has a secret to show first).
export var page = { hooks: {}, generator: null, generated: null, script: null };

function notYet() {
  fail('ERR_NOT_READY', 'the rest of the page is still loading');
}

if (typeof document !== 'undefined') {
  page.script = document.currentScript;
  initClipboard();
  var hooks = page.hooks;
  page.generator = initGenerator({
    onAlg: function (alg) { if (hooks.onAlg) hooks.onAlg(alg); },
    onChange: function () { if (hooks.onChange) hooks.onChange(); },
    jwk: function (key, alg) { return (hooks.jwk || notYet)(key, alg); },
    envFiles: function (options) { return (hooks.envFiles || notYet)(options); },
  });
  page.generated = Promise.all([generateCore.init(), codecsCore.init()]).then(function () { page.generator.ready(); });
  page.generated.catch(function () { $id('generate').disabled = true; }); // the second script says why
}
