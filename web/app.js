// app.js — the page over the JwtSecretKit global (the classic JS API): a generator, a checker, a
// sign/verify/JWKS panel and a token audit. Nothing is stored, logged or sent: a secret lives in
// its field until replaced or the page closes.
//
// The audit runs in Web Workers made from this very script (a Blob of the page's inline script
// text, so it works from file:// under the page's CSP: worker-src blob:). In a worker there is no
// document, and this file turns into an audit worker instead of the page.
(function () {
  'use strict';
  var kit = JwtSecretKit;
  var CHUNK = 256 * 1024; // bytes of candidates between progress reports (and chances to cancel)

  // --------------------------------------------------------------------------- audit worker
  // Gets { token, wordlist (its own slice, an ArrayBuffer or null), shard: { index, count } (of the
  // built-in list) }; posts { type: 'progress' | 'done' | 'error' | 'csp', ... }. The page ends it.
  if (typeof document === 'undefined') {
    self.addEventListener('securitypolicyviolation', function (e) {
      postMessage({ type: 'csp', text: e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') });
    });
    self.onmessage = function (event) {
      var job = event.data;
      kit.ready.then(function () {
        var list = new Uint8Array(job.wordlist || new ArrayBuffer(0));
        var lines = list.length && list[list.length - 1] !== 10 ? 1 : 0; // every line is a candidate
        for (var i = 0; i < list.length; i++) if (list[i] === 10) lines++;
        var base = 0;
        var builtin = null;
        var report = function (tried, type, r) {
          postMessage({ type: type || 'progress', tried: base + tried, lines: lines, builtin: builtin,
            found: !!(r && r.found), secret: r ? r.secret : null, source: r ? r.source : null });
        };
        report(0);
        var r = kit.auditToken(job.token, { shard: job.shard, chunkBytes: CHUNK, onProgress: report });
        if (!r.found) {
          base = builtin = r.tried;
          if (lines) r = kit.auditToken(job.token, { wordlist: list, builtin: false, chunkBytes: CHUNK, onProgress: report });
          else r.tried = 0;
        }
        report(r.tried, 'done', r);
      }).catch(function (e) {
        postMessage({ type: 'error', code: e.code || 'ERR_AUDIT', message: String(e.message || e) });
      });
    };
    return;
  }

  // ------------------------------------------------------------------------------- the page
  var pageScript = document.currentScript ? document.currentScript.textContent : '';
  function $id(id) { return document.getElementById(id); }
  var form = $id('generate-form');
  var output = $id('secret');
  var size = $id('size');
  var copy = $id('copy');
  var copyStatus = $id('copy-status');
  var selfTest = $id('self-test');
  var KEY_BYTES = { HS256: 32, HS384: 48, HS512: 64 };

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
    output.rows = opts.format === 'jwk' ? 5 : 3;
    size.textContent = plural(info.bytes, 'random byte') + ' = ' + info.entropyBits + ' bits of entropy, ' +
      plural(info.characters, 'character') + ' as ' +
      (opts.format === 'env' ? 'base64url' : opts.format === 'jwk' ? 'base64url in a JWK (kid: its RFC 7638 thumbprint)' : opts.format);
    copyStatus.textContent = '';
    showKey();
  }

  // Copy buttons: the clipboard API, else a selection and execCommand, else say so.
  function wireCopy(button, field, status, failText) {
    var timer = 0;
    function copied(ok) {
      status.textContent = ok ? 'Copied.' : failText;
      clearTimeout(timer);
      timer = setTimeout(function () { status.textContent = ''; }, 4000);
    }
    function fallback() {
      field.focus();
      field.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      copied(ok);
    }
    button.addEventListener('click', function () {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(function () { copied(true); }, fallback);
      } else {
        fallback();
      }
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    generate();
  });
  form.addEventListener('change', function (event) {
    if (event.target.name === 'alg') jwtAlg.value = event.target.value;
    generate();
  });
  wireCopy(copy, output, copyStatus, 'Copy failed: select the secret and copy it by hand.');
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    wireCopy(button, $id(button.dataset.copy), button.nextElementSibling, 'Copy failed: select the text and copy it by hand.');
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

  // An error as "CODE: message", without the API function's name.
  function errorText(e) {
    return (e.code ? e.code + ': ' : '') + String(e.message).replace(/^[A-Za-z]+: /, '');
  }
  // Replaces el's content with <p class=cls><code>CODE</code> text</p> (no <code> without a code); returns the <p>.
  function say(el, cls, code, text) {
    var p = document.createElement('p');
    p.className = cls;
    if (code) {
      var c = document.createElement('code');
      c.textContent = code;
      p.append(c, ' ');
    }
    p.append(text);
    el.replaceChildren(p);
    return p;
  }
  function sayError(el, e) {
    say(el, 'bad', e.code, String(e.message).replace(/^[A-Za-z]+: /, ''));
  }

  // ------------------------------------------------------------------------------ the checker
  // Live, on every input. The secret stays in its field; the report never holds it.
  function $(id) { return $id('check-' + id); }
  var checkInput = $('input');
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

  function checkErrorText(e, encoding) {
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
      try { r = kit.checkSecret(text, { alg: alg, encoding: encoding }); } catch (e) { error = checkErrorText(e, encoding); }
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
  checkGenerate.addEventListener('click', function () {
    form.elements.alg.value = checkAlg.value;
    jwtAlg.value = checkAlg.value;
    generate();
    output.focus();
  });

  // ------------------------------------------------------------------- sign, verify, JWKS
  var jwtAlg = $id('jwt-alg');
  var jwtSecret = $id('jwt-secret');
  var jwtKey = $id('jwt-key');
  var payload = $id('jwt-payload');
  var token = $id('jwt-token');
  var signStatus = $id('jwt-sign-status');
  var verifyToken = $id('jwt-verify-token');
  var verifyResult = $id('jwt-result');
  var jwks = $id('jwks');
  var jwksStatus = $id('jwks-status');
  payload.value = JSON.stringify({ sub: '1234567890', name: 'Test', iat: Math.floor(Date.now() / 1000) });

  // A key as typed: a JWK's key bytes (k), else the text's UTF-8 bytes (as jsonwebtoken and jose read a string).
  function keyOf(text) {
    if (/^\s*\{/.test(text)) {
      try {
        var jwk = JSON.parse(text);
        if (jwk && jwk.kty === 'oct' && typeof jwk.k === 'string') return kit.decode(jwk.k, 'base64url');
      } catch (e) { /* not a JWK: the text itself */ }
    }
    return text;
  }
  // The key in use: the Secret field, else the generator's secret (the value of a .env line).
  function key() {
    var text = jwtSecret.value;
    var what = 'the secret you entered';
    if (!text) {
      text = output.value;
      if (form.elements.format.value === 'env') text = text.slice(text.indexOf('=') + 1);
      what = 'the generated secret';
    }
    var k = keyOf(text);
    var n = typeof k === 'string' ? new TextEncoder().encode(k).length : k.length;
    return { key: k, bytes: n,
      what: 'Uses ' + what + (typeof k === 'string' ? ' as text' : '\u2019s JWK key (k)') + ': ' + plural(n, 'byte') + '.' };
  }
  function showKey() {
    jwtKey.textContent = key().what;
  }
  jwtSecret.addEventListener('input', showKey);

  $id('jwt-sign').addEventListener('click', function () {
    var k = key();
    var alg = jwtAlg.value;
    try {
      token.value = kit.signJwt(payload.value, { secret: k.key, alg: alg });
      verifyToken.value = token.value;
      signStatus.className = 'ok';
      signStatus.textContent = 'Signed with ' + alg + '.';
    } catch (e) {
      token.value = '';
      signStatus.className = 'bad';
      signStatus.textContent = errorText(e) + (e.code === 'ERR_KEY_TOO_SHORT'
        ? '. ' + alg + ' needs at least ' + KEY_BYTES[alg] + ' bytes; this key has ' + k.bytes + '. Generate an ' + alg + ' secret above.'
        : '');
    }
    $id('jwt-copy').disabled = !token.value;
  });

  $id('jwt-verify').addEventListener('click', function () {
    try {
      var r = kit.verifyJwt(verifyToken.value.trim(), { secret: key().key, alg: jwtAlg.value });
      var pre = document.createElement('pre');
      pre.textContent = JSON.stringify({ header: r.header, payload: r.payload }, null, 2);
      say(verifyResult, 'ok', '', 'Valid: the ' + r.alg + ' signature matches this secret.').after(pre);
    } catch (e) {
      sayError(verifyResult, e);
    }
  });

  $id('jwks-make').addEventListener('click', function () {
    var previous = $id('jwks-previous').value;
    try {
      var set = kit.toJwks(key().key, previous ? keyOf(previous) : undefined, { alg: jwtAlg.value });
      jwks.value = JSON.stringify(set, null, 2);
      jwksStatus.className = '';
      jwksStatus.textContent = set.keys.length > 1 ? '2 keys, the current one first.' : '1 key.';
    } catch (e) {
      jwks.value = '';
      jwksStatus.className = 'bad';
      jwksStatus.textContent = errorText(e);
    }
    $id('jwks-copy').disabled = !jwks.value;
  });

  // ------------------------------------------------------------------------------- the audit
  var auditBox = $id('audit');
  var auditToken = $id('audit-token');
  var auditFile = $id('audit-file');
  var start = $id('audit-start');
  var cancel = $id('audit-cancel');
  var bar = $id('audit-progress');
  var auditStatus = $id('audit-status');
  var auditResult = $id('audit-result');
  var auditSecret = $id('audit-secret');
  var reveal = $id('audit-reveal');
  var MASK = '\u2022'.repeat(10);
  var workerUrl = '';
  var run = null; // the audit under way
  var builtinTotal = 0; // lines of the built-in list, once a run has counted them
  var found = '';

  function fmt(n) { return n.toLocaleString('en-US'); }
  function sum(a) {
    var s = 0;
    for (var i = 0; i < a.length; i++) {
      if (a[i] === null) return null;
      s += a[i];
    }
    return s;
  }
  // One worker per core (at most 8); data-workers on the section overrides it.
  function workerCount() {
    var n = parseInt(auditBox.dataset.workers, 10);
    return n >= 1 ? Math.min(n, 64) : Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
  }
  function total(r) {
    var lines = sum(r.lines);
    var builtin = sum(r.builtin);
    if (builtin !== null) builtinTotal = builtin;
    return lines === null || !builtinTotal ? 0 : lines + builtinTotal;
  }
  function running(on) {
    var refocus = document.activeElement === (on ? start : cancel);
    start.disabled = on;
    auditFile.disabled = on;
    cancel.disabled = !on;
    if (refocus) (on ? cancel : start).focus();
  }

  function startAudit() {
    if (run) return;
    var text = auditToken.value.trim();
    var file = auditFile.files[0];
    found = '';
    auditSecret.textContent = '';
    auditResult.hidden = true;
    bar.max = 1;
    bar.value = 0;
    try {
      kit.createAudit(text).close(); // a malformed or non-HMAC token is refused here, with its code
      if (typeof Worker === 'undefined' || !pageScript) throw new Error('this browser cannot run Web Workers');
    } catch (e) {
      return finish(null, 'error', e);
    }
    var r = { n: workerCount(), workers: [], tried: [], lines: [], builtin: [], done: 0,
      t0: performance.now(), shown: 0, file: file ? file.name : '' };
    run = r;
    running(true);
    auditStatus.textContent = file ? 'Reading ' + file.name + '\u2026' : 'Starting\u2026';
    (file ? file.arrayBuffer() : Promise.resolve(null)).then(function (buf) {
      if (run === r) spawn(r, text, buf);
    }, function (e) {
      finish(r, 'error', new Error('cannot read the wordlist: ' + e.message));
    });
  }

  // Cuts the wordlist into one contiguous slice per worker, at line ends, and hands each over.
  function spawn(r, text, buf) {
    var bytes = buf ? new Uint8Array(buf) : null;
    var len = bytes ? bytes.length : 0;
    var from = 0;
    try {
      workerUrl = workerUrl || URL.createObjectURL(new Blob([pageScript], { type: 'text/javascript' }));
      for (var i = 0; i < r.n; i++) {
        var to = len;
        if (i < r.n - 1 && bytes) {
          var nl = bytes.indexOf(10, Math.floor((len * (i + 1)) / r.n));
          to = Math.max(from, nl < 0 ? len : nl + 1);
        }
        var slice = buf ? buf.slice(from, to) : null;
        from = to;
        var w = new Worker(workerUrl);
        w.onmessage = message.bind(null, r, i);
        w.onerror = function (e) {
          e.preventDefault();
          finish(r, 'error', new Error('an audit worker failed: ' + (e.message || 'unknown error')));
        };
        r.workers.push(w);
        r.tried.push(0);
        r.lines.push(null);
        r.builtin.push(null);
        w.postMessage({ token: text, wordlist: slice, shard: { index: i, count: r.n } }, slice ? [slice] : []);
      }
    } catch (e) {
      return finish(r, 'error', e);
    }
    auditStatus.textContent = 'Auditing on ' + plural(r.n, 'worker') + '\u2026';
  }

  function message(r, i, event) {
    var d = event.data;
    if (run !== r) return;
    if (d.type === 'csp') return console.error('Audit worker: Content Security Policy: ' + d.text);
    if (d.type === 'error') return finish(r, 'error', d);
    r.tried[i] = d.tried;
    r.lines[i] = d.lines;
    if (d.builtin !== null) r.builtin[i] = d.builtin;
    if (d.type === 'done') {
      if (d.found) return finish(r, 'found', d);
      if (++r.done === r.n) return finish(r, 'not-found');
    }
    var tried = sum(r.tried);
    var t = total(r);
    if (t) {
      bar.max = t;
      bar.value = tried;
    } else {
      bar.removeAttribute('value'); // indeterminate until the lists are counted
    }
    var now = performance.now();
    if (now - r.shown > 1000) { // the live region speaks at most once a second
      r.shown = now;
      auditStatus.textContent = 'Auditing on ' + plural(r.n, 'worker') + ': ' + fmt(tried) +
        (t ? ' of ' + fmt(t) : '') + ' candidates tried\u2026';
    }
  }

  function finish(r, state, d) {
    if (r) {
      if (run !== r) return;
      run = null;
      r.workers.forEach(function (w) { w.terminate(); });
      running(false);
    }
    var tried = r ? sum(r.tried) : 0;
    var seconds = r ? (performance.now() - r.t0) / 1000 : 0;
    var facts = r ? 'Tried ' + fmt(tried) + (tried === 1 ? ' candidate' : ' candidates') + ' in ' + seconds.toFixed(2) + ' s (' +
      fmt(Math.round(tried / Math.max(seconds, 1e-3))) + ' a second) on ' + plural(r.n, 'worker') + '.' : '';
    auditStatus.textContent = '';
    auditResult.hidden = false;
    auditResult.dataset.state = state;
    auditResult.dataset.tried = tried;
    auditResult.dataset.seconds = seconds;
    auditResult.dataset.workers = r ? r.n : 0;
    $id('audit-found').hidden = state !== 'found';
    auditSecret.textContent = '';
    if (r && state !== 'error') {
      bar.max = total(r) || tried || 1;
      bar.value = tried;
    }
    var verdict = $id('audit-verdict');
    if (state === 'found') {
      found = d.secret;
      auditSecret.textContent = MASK;
      reveal.setAttribute('aria-pressed', 'false');
      reveal.textContent = 'Reveal';
      say(verdict, 'bad', '', 'Found: this token is signed with a secret from ' + (d.source === 'wordlist'
        ? 'your wordlist (' + r.file + ')' : 'the built-in list of JWT defaults and common passwords') +
        '. Anyone with the list can sign tokens your server accepts: use a generated secret instead.');
    } else if (state === 'not-found') {
      say(verdict, '', '', 'Not found in ' + (r.file ? 'the built-in list or your wordlist' : 'the built-in list') +
        '. That does not make the secret strong: check the secret itself above.');
    } else if (state === 'cancelled') {
      say(verdict, '', '', 'Cancelled.');
    } else {
      sayError(verdict, d);
      facts = '';
    }
    $id('audit-facts').textContent = facts;
  }

  start.addEventListener('click', startAudit);
  cancel.addEventListener('click', function () { if (run) finish(run, 'cancelled'); });
  reveal.addEventListener('click', function () {
    var show = auditSecret.textContent === MASK;
    auditSecret.textContent = show ? found : MASK;
    reveal.textContent = show ? 'Hide' : 'Reveal';
    reveal.setAttribute('aria-pressed', String(show));
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
    $id('generate').disabled = true;
    checkInput.disabled = true;
    ['jwt-sign', 'jwt-verify', 'jwks-make', 'audit-start'].forEach(function (id) { $id(id).disabled = true; });
  });
})();
