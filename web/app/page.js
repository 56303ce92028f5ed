// page.js — the page: its panels wired together, the controls they share, and the self-test line.
import { VERSION } from 'jsk:policy';
import { checkCore } from '../../wasm/api/check.mjs';
import { useJwkMaker } from '../../wasm/api/generate.mjs';
import { jwkText, jwtCore } from '../../wasm/api/jwt.mjs';
import { envfilesCore, generateEnvFiles } from '../../wasm/api/envfiles.mjs';
import { initAudit } from './audit.js';
import { initHowto } from './howto.js';
import { inspectCore } from '../../wasm/api/inspect.mjs';
import { checkSecret } from '../../wasm/api/check.mjs';
import { initInspector } from './inspect.js';
import { initVerify } from './verify.js';
import { initChecker } from './checker.js';
import { wireCopy } from './clipboard.js';
import { page } from './first.js';
import { initJwt } from './jwt.js';
import { $id } from './ui.js';

// The second of the page's two scripts, at the end of the document: the first (first.js, right
// after the generator's markup) has shown a secret with the generate module alone. This one wires
// the other panels once the document is parsed, then, once the secret is painted, loads the jwt
// and check modules (the analyzer's dictionaries take the longest). The audit module loads in the
// audit's workers, which run both scripts (pageScript).
export function runPage(pageScript) {
  useJwkMaker(jwkText); // the format 'JWK' (the generate module has no JWK code)
  var jwt = null;
  var checker = null;
  var audit = null;
  var howto = null;
  var inspector = null;
  var verifier = null;
  var inspected = '';
  var checkLoaded = false;
  var jwtLoaded = false;
  var failure = null;
  var generator = page.generator;
  var generated = page.generated;
  page.hooks.onAlg = function (alg) { if (jwt) jwt.setAlg(alg); };
  page.hooks.onChange = function () {
    if (jwt) jwt.showKey();
    if (howto && jwtLoaded) howto.update();
  };
  page.hooks.jwk = function (key, alg) { return jwkText(key, alg); };
  page.hooks.envFiles = function (options) { return generateEnvFiles(options); };

  // The jwt panel's actions: off until the jwt module has loaded (or for good if a module fails).
  function jwtButtons() { return ['jwt-sign', 'jwks-make', 'verify'].map($id); }

  function failed(error) {
    failure = failure || error;
    $id('generate').disabled = true;
    if (!checker) return; // the rest of the page says so once it is parsed
    var selfTest = $id('self-test');
    selfTest.textContent = 'Self-test failed, no secret will be generated: ' + failure.message;
    selfTest.className = 'bad';
    checker.disable();
    jwtButtons().forEach(function (b) { b.disabled = true; });
    audit.disable();
  }
  generated.catch(failed);

  function rest() {
    jwt = initJwt(generator.made, { inspect: function (token) {
      inspector.show(token);
      $id('inspect-token').focus();
    } });
    jwt.showKey(); // the secret may have been made before this panel was
    checker = initChecker({
      generate: function (alg) {
        generator.setAlg(alg);
        generator.generate();
        generator.focus();
      },
    });
    audit = initAudit(pageScript);
    howto = initHowto(generator.spec);
    inspector = initInspector(pageScript, {
      onToken: function (report, token) { inspected = report ? token : ''; },
      auditReady: function () { return checkLoaded; },
      onAudit: function () {},
    });
    verifier = initVerify({
      token: function () { return inspected; },
      generated: generator.made,
      // The checker's report on the secret itself, for the core's verification report (a valid
      // signature made with a weak secret proves little).
      // Verify is enabled only once the checker has loaded (verifier.ready() below).
      judge: function (text, format, alg) {
        try {
          return checkSecret(text, { alg: alg || undefined, secretFormat: format });
        } catch (e) {
          return undefined; // a secret that cannot be read as a key: verifyJwt says what is wrong with it
        }
      },
    });
    document.querySelectorAll('[data-copy]').forEach(function (button) {
      var field = $id(button.dataset.copy);
      wireCopy(button, field, function () { return field.value; }, button.parentElement.querySelector('[role=status]'),
        'Copy failed: select the text and copy it by hand.');
    });
    // Show/Hide buttons of password fields.
    document.querySelectorAll('[data-show]').forEach(function (button) {
      var input = $id(button.dataset.show);
      button.addEventListener('click', function () {
        var show = input.type === 'password';
        input.type = show ? 'text' : 'password';
        button.textContent = show ? 'Hide' : 'Show';
      });
    });
    // The policy this page runs under, as the browser read it.
    var policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    $id('csp').textContent = policy ? policy.content : 'none: this copy of the page has lost its policy';

    var selfTest = $id('self-test');
    jwtButtons().forEach(function (b) { b.disabled = true; });
    if (failure) return failed(failure);
    generated.then(function () {
      // After the frame that shows the secret: a timer queued from requestAnimationFrame runs once
      // that frame is painted.
      return new Promise(function (resolve) {
        requestAnimationFrame(function () { setTimeout(resolve, 0); });
      });
    }).then(function () {
      return jwtCore.init();
    }).then(function () {
      if (failure) return;
      jwtButtons().forEach(function (b) { if (b.id !== 'verify') b.disabled = false; });
      // One binary (page-all) carries jwt, the inspector, the .env files and the checker: one instance.
      return Promise.all([inspectCore.init(), envfilesCore.init()]);
    }).then(function () {
      if (failure) return;
      jwtLoaded = true;
      howto.update();
      inspector.ready();
      if (generator.spec() === null || $id('several').hidden === false) generator.generate(false);
      return checkCore.init().then(function () {
        selfTest.textContent = 'Self-test passed: the WebAssembly core ' + VERSION +
          ' and the browser\u2019s CSPRNG work.';
        selfTest.className = 'ok';
        checker.ready();
        checkLoaded = true;
        verifier.ready(); // its verdict takes the checker's on the secret
        inspector.ready(); // the background check of a token pasted before needs the built-in list
      });
    }).catch(failed);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', rest);
  else rest();
}
