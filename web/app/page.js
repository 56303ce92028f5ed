// page.js — the page: its panels wired together, the controls they share, and the self-test line.
import * as kit from '../../wasm/api/index.mjs';
import { initAudit } from './audit.js';
import { initChecker } from './checker.js';
import { initClipboard, wireCopy } from './clipboard.js';
import { initGenerator } from './generator.js';
import { initJwt } from './jwt.js';
import { $id } from './ui.js';

export function runPage(pageScript) {
  var jwt = null;
  initClipboard();
  var generator = initGenerator({
    onAlg: function (alg) { jwt.setAlg(alg); },
    onChange: function () { jwt.showKey(); },
  });
  jwt = initJwt(generator.made);
  var checker = initChecker({
    generate: function (alg) {
      generator.setAlg(alg);
      generator.generate();
      generator.focus();
    },
  });
  var audit = initAudit(pageScript);

  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var field = $id(button.dataset.copy);
    wireCopy(button, field, function () { return field.value; }, button.nextElementSibling,
      'Copy failed: select the text and copy it by hand.');
  });
  // Show/Hide buttons of password fields.
  document.querySelectorAll('[data-show]').forEach(function (button) {
    var input = $id(button.dataset.show);
    button.addEventListener('click', function () {
      var show = input.type === 'password';
      input.type = show ? 'text' : 'password';
      button.setAttribute('aria-pressed', String(show));
    });
  });
  // The policy this page runs under, as the browser read it.
  var policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  $id('csp').textContent = policy ? policy.content : 'none: this copy of the page has lost its policy';

  var selfTest = $id('self-test');
  kit.ready.then(function () {
    selfTest.textContent = 'Self-test passed: the WebAssembly core ' + kit.VERSION +
      ' and the browser\u2019s CSPRNG work.';
    selfTest.className = 'ok';
    generator.ready();
    checker.ready();
  }, function (error) {
    selfTest.textContent = 'Self-test failed, no secret will be generated: ' + error.message;
    selfTest.className = 'bad';
    $id('generate').disabled = true;
    checker.disable();
    ['jwt-sign', 'jwt-verify', 'jwks-make'].forEach(function (id) { $id(id).disabled = true; });
    audit.disable();
  });
}
