// app.js — the page: a generator over the JwtSecretKit global (the classic build of the JS API).
// Nothing is stored, logged or sent: the secret lives in the textarea until the next one replaces it.
(function () {
  'use strict';
  var kit = JwtSecretKit;
  var form = document.getElementById('generate-form');
  var output = document.getElementById('secret');
  var size = document.getElementById('size');
  var copy = document.getElementById('copy');
  var copyStatus = document.getElementById('copy-status');
  var selfTest = document.getElementById('self-test');
  var copyTimer = 0;

  function options() {
    return { alg: form.elements.alg.value, format: form.elements.format.value };
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function generate() {
    var opts = options();
    var info = kit.describeSecret(opts);
    output.value = kit.generateSecret(opts);
    size.textContent = plural(info.bytes, 'random byte') + ' = ' + info.entropyBits + ' bits of entropy, ' +
      plural(info.characters, 'character') + ' as ' + (opts.format === 'env' ? 'base64url' : opts.format);
    copyStatus.textContent = '';
  }

  function copied(ok) {
    copyStatus.textContent = ok ? 'Copied.' : 'Copy failed: select the secret and copy it by hand.';
    clearTimeout(copyTimer);
    copyTimer = setTimeout(function () { copyStatus.textContent = ''; }, 4000);
  }

  function copyFallback() {
    output.focus();
    output.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    copied(ok);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    generate();
  });
  form.addEventListener('change', generate);
  copy.addEventListener('click', function () {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(output.value).then(function () { copied(true); }, copyFallback);
    } else {
      copyFallback();
    }
  });

  kit.ready.then(function () {
    selfTest.textContent = 'Self-test passed: the WebAssembly core ' + kit.VERSION +
      ' and the browser\u2019s CSPRNG work. No network access is possible from this page.';
    selfTest.className = 'ok';
    copy.disabled = false;
    generate();
  }, function (error) {
    selfTest.textContent = 'Self-test failed, no secret will be generated: ' + error.message;
    selfTest.className = 'bad';
    document.getElementById('generate').disabled = true;
  });
})();
