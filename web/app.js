// app.js — the page: a generator and a checker over the JwtSecretKit global (the classic JS API).
// Nothing is stored, logged or sent: a secret lives in its field until replaced or the page closes.
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

  // The checker: live, on every input. The secret stays in its field; the report never holds it.
  function $(id) { return document.getElementById('check-' + id); }
  var checkInput = $('input');
  var checkShow = $('show');
  var checkAlg = $('alg');
  var checkEnc = $('enc');
  var checkGenerate = $('generate');
  var checkReady = false;
  var shown = {};

  // Writes only what changed, so the polite live region announces only the news.
  function put(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }
  function list(el, items) {
    var key = JSON.stringify(items);
    if (shown[el.id] === key) return;
    shown[el.id] = key;
    el.textContent = '';
    items.forEach(function (item) {
      var li = document.createElement('li');
      if (item[0]) {
        var code = document.createElement('code');
        code.textContent = item[0];
        li.append(code, ' ');
      }
      li.append(item[1]);
      el.appendChild(li);
    });
  }

  function errorText(e, encoding) {
    if (e.code === 'ERR_OUT_OF_RANGE') return 'Too long to check: the limit is 1 MiB.';
    var what = encoding === 'raw' || encoding === 'auto' ? 'this secret' : 'this as ' + encoding;
    return 'Cannot check ' + what + ': ' + String(e.message).replace(/^checkSecret: /, '') + '.';
  }

  function check() {
    if (!checkReady) return;
    var text = checkInput.value;
    var alg = checkAlg.value;
    var encoding = checkEnc.value;
    var r = null;
    var error = '';
    if (text) {
      try { r = kit.checkSecret(text, { alg: alg, encoding: encoding }); } catch (e) { error = errorText(e, encoding); }
    }
    $('hint').hidden = !!text;
    $('error').hidden = !error;
    put($('error'), error);
    $('report').hidden = !r;
    if (!r) return;
    var verdict = $('verdict');
    put(verdict, r.verdict);
    verdict.className = 'badge ' + r.verdict;
    var used = checkEnc.querySelector('[value="' + r.encoding + '"]');
    put($('for'), 'for ' + r.alg + ', used as ' + (used ? used.textContent : r.encoding));
    put($('bits'), (r.entropy_capped ? 'at least ' : 'about ') + r.entropy_bits + ' bits');
    put($('bytes'), plural(r.key_bytes, 'byte') +
      (r.length !== r.key_bytes ? ', decoded from ' + plural(r.length, 'character') : ''));
    put($('time'), r.time_to_guess);
    list($('findings'), r.findings.length ? r.findings.map(function (f) { return [f.code, f.message]; })
      : [['', 'No problems found.']]);
    var alts = encoding === 'auto' ? r.alternatives : [];
    $('alts-box').hidden = !alts.length;
    list($('alts'), alts.map(function (a) {
      return ['', 'decoded as ' + a.encoding + ': ' + a.key_bytes + '-byte key \u2014 ' +
        a.verdicts[alg] + ' for ' + alg];
    }));
    var fix = r.verdict !== 'strong' && r.fix;
    $('fix').hidden = !fix;
    if (fix) {
      put($('fix-cmd'), r.fix);
      put(checkGenerate, 'Generate an ' + alg + ' secret above');
    }
  }

  checkInput.addEventListener('input', check);
  checkAlg.addEventListener('change', check);
  checkEnc.addEventListener('change', check);
  checkShow.addEventListener('click', function () {
    var show = checkInput.type === 'password';
    checkInput.type = show ? 'text' : 'password';
    checkShow.setAttribute('aria-pressed', String(show));
  });
  checkGenerate.addEventListener('click', function () {
    form.elements.alg.value = checkAlg.value;
    generate();
    output.focus();
  });

  kit.ready.then(function () {
    selfTest.textContent = 'Self-test passed: the WebAssembly core ' + kit.VERSION +
      ' and the browser\u2019s CSPRNG work. No network access is possible from this page.';
    selfTest.className = 'ok';
    copy.disabled = false;
    generate();
    checkReady = true;
    check();
  }, function (error) {
    selfTest.textContent = 'Self-test failed, no secret will be generated: ' + error.message;
    selfTest.className = 'bad';
    document.getElementById('generate').disabled = true;
    checkInput.disabled = true;
  });
})();
