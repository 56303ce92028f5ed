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
  var maskButton = $id('mask');
  var download = $id('download');
  var genError = $id('gen-error');
  var bytesInput = $id('bytes');
  var names = $id('names');
  var clipClear = $id('clip-clear');
  var selfTest = $id('self-test');
  var KEY_BYTES = { HS256: 32, HS384: 48, HS512: 64 };
  var MAX_BYTES = 4096;
  var NAME_MAX = 128;
  var DEFAULT_NAMES = ['JWT_ACCESS_TOKEN_SECRET', 'JWT_REFRESH_TOKEN_SECRET', 'JWT_EMAIL_TOKEN_SECRET'];
  var CLEAR_SECONDS = 30;
  // What the generator made: the text (whatever the field shows while masked), the one secret the
  // sign panel uses and how it names it, and the file name when it is .env text.
  var made = { text: '', key: '', what: '', file: '', jwk: false };
  var masked = false;

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  // Status messages that go away by themselves (ms 0: they stay).
  function tell(status, text, ms) {
    status.textContent = text;
    clearTimeout(status.jskTimer);
    if (ms !== 0) status.jskTimer = setTimeout(function () { status.textContent = ''; }, ms || 4000);
  }

  // ----------------------------------------------------------------------------- the generator
  function nameInputs() {
    return Array.prototype.slice.call(names.querySelectorAll('input'));
  }
  function labelNames() {
    nameInputs().forEach(function (input, i, all) {
      input.setAttribute('aria-label', 'Variable name ' + (i + 1));
      var remove = input.nextElementSibling;
      remove.setAttribute('aria-label', 'Remove ' + (input.value.trim() || 'variable name ' + (i + 1)));
      remove.disabled = all.length === 1;
    });
  }
  function addName(value) {
    var li = document.createElement('li');
    var input = document.createElement('input');
    input.type = 'text';
    input.className = 'mono';
    input.value = value;
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.setAttribute('autocapitalize', 'characters');
    input.setAttribute('aria-describedby', 'gen-error');
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary';
    remove.textContent = 'Remove';
    li.append(input, remove);
    names.appendChild(li);
    labelNames();
    return input;
  }
  DEFAULT_NAMES.forEach(addName);
  names.addEventListener('input', labelNames);
  names.addEventListener('click', function (event) {
    var li = event.target.closest('button') && event.target.closest('li');
    if (!li || nameInputs().length === 1) return;
    var next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    labelNames();
    next.querySelector('input').focus();
    generate();
  });
  $id('name-add').addEventListener('click', function () {
    addName('').focus();
  });

  // The generator's settings, or what is wrong with them ({ error, bad: the fields at fault }).
  function settings() {
    var alg = form.elements.alg.value;
    var several = form.elements.mode.value === 'several';
    var raw = bytesInput.value.trim();
    var s = { alg: alg, several: several, format: several ? 'env' : form.elements.format.value, bytes: Number(raw),
      envs: [], layout: form.elements.layout.value, names: [], error: '', bad: [] };
    if (!/^\d+$/.test(raw) || s.bytes < KEY_BYTES[alg] || s.bytes > MAX_BYTES) {
      s.error = 'Size: a whole number of bytes from ' + KEY_BYTES[alg] + ' (' + alg + ') to ' + MAX_BYTES + '.';
      s.bad.push(bytesInput);
      return s;
    }
    if (!several) return s;
    form.querySelectorAll('input[name=env]:checked').forEach(function (box) { s.envs.push(box.value); });
    var longest = s.layout === 'prefix' ? Math.max.apply(null, s.envs.map(function (e) { return e.length + 1; }).concat(0)) : 0;
    var seen = {};
    nameInputs().forEach(function (input, i) {
      var name = input.value.trim();
      var problem = !name ? 'variable name ' + (i + 1) + ' is empty'
        : !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name + ' is not a variable name (letters, digits and _, not first a digit)'
          : name.length + longest > NAME_MAX ? name + ' is too long (at most ' + NAME_MAX + ' characters with its prefix)'
            : seen[name.toUpperCase()] ? name + ' is there twice' : '';
      seen[name.toUpperCase()] = true;
      if (problem) {
        if (!s.error) s.error = 'Cannot write the .env block: ' + problem + '.';
        s.bad.push(input);
      }
      s.names.push(name);
    });
    return s;
  }

  // A .env block: a secret per name, per environment (a block under a comment, or prefixed names).
  function several(s) {
    var lines = ['# ' + s.alg + ', ' + s.bytes + ' random bytes each (base64url). Not for version control.'];
    var first = null;
    (s.envs.length ? s.envs : [null]).forEach(function (env) {
      lines.push('');
      if (env && s.layout === 'blocks') lines.push('# ' + env);
      s.names.forEach(function (name) {
        var full = (env && s.layout === 'prefix' ? env.toUpperCase() + '_' : '') + name;
        var line = kit.generateSecret({ alg: s.alg, bytes: s.bytes, format: 'env', name: full });
        if (!first) first = { line: line, what: full + (env && s.layout === 'blocks' ? ' (' + env + ')' : '') };
        lines.push(line);
      });
    });
    return { text: lines.join('\n'), key: first.line.slice(first.line.indexOf('=') + 1),
      what: 'the generated ' + first.what, file: 'jwt-secrets.env', jwk: false, count: lines.length };
  }

  function generate() {
    var s = settings();
    if (!s.error) {
      try {
        var info = kit.describeSecret({ alg: s.alg, bytes: s.bytes, format: s.format });
        var fresh = s.several ? several(s) : kit.generateSecret({ alg: s.alg, bytes: s.bytes, format: s.format });
      } catch (e) {
        s.error = 'Cannot generate: ' + errorText(e) + '.';
      }
    }
    $id('format-field').hidden = s.several;
    $id('several').hidden = !s.several;
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    s.bad.forEach(function (el) { el.setAttribute('aria-invalid', 'true'); });
    genError.hidden = !s.error;
    genError.textContent = s.error;
    if (s.error) {
      made = { text: '', key: '', what: '', file: '', jwk: false };
      size.textContent = 'Nothing generated: fix the settings above.';
    } else {
      var encoding = s.format === 'env' ? 'base64url' : s.format === 'jwk' ? 'base64url in a JWK (kid: its RFC 7638 thumbprint)' : s.format;
      var each = plural(info.bytes, 'random byte') + ' = ' + info.entropyBits + ' bits of entropy, ' +
        plural(info.characters, 'character') + ' as ' + encoding;
      if (s.several) {
        made = fresh;
        var n = s.names.length * Math.max(1, s.envs.length);
        size.textContent = plural(n, 'secret') + ' (' + plural(s.names.length, 'name') +
          (s.envs.length ? ' \u00d7 ' + plural(s.envs.length, 'environment') : '') + '), each ' + each + '.';
      } else {
        var text = fresh;
        made = { text: text, key: s.format === 'env' ? text.slice(text.indexOf('=') + 1) : text,
          what: 'the generated secret', file: s.format === 'env' ? 'jwt-secret.env' : '', jwk: s.format === 'jwk' };
        size.textContent = each;
      }
    }
    $id('secret-label').textContent = s.several ? 'Your secrets (.env)' : 'Your secret';
    output.wrap = s.several ? 'off' : 'soft';
    output.rows = s.several ? Math.min(made.count || 3, 16) : s.format === 'jwk' ? 5 : 3;
    copy.disabled = !made.text;
    download.hidden = !made.file;
    tell(copyStatus, '', 0);
    render();
    showKey();
  }

  // The field shows the secrets, or bullets in their place (variable names and comments stay).
  function maskOf(text) {
    if (made.jwk) return text.replace(/("k"\s*:\s*")([^"]*)/, function (m, pre, k) { return pre + '\u2022'.repeat(k.length); });
    return text.split('\n').map(function (line) {
      var m = /^([A-Za-z_][A-Za-z0-9_]*=)(.*)$/.exec(line);
      return m ? m[1] + '\u2022'.repeat(m[2].length) : /^#|^$/.test(line) ? line : '\u2022'.repeat(line.length);
    }).join('\n');
  }
  function render() {
    output.value = masked ? maskOf(made.text) : made.text;
  }
  maskButton.addEventListener('click', function () {
    masked = !masked;
    maskButton.setAttribute('aria-pressed', String(masked));
    render();
  });

  function setAlg(alg) {
    form.elements.alg.value = alg;
    bytesInput.min = KEY_BYTES[alg];
    bytesInput.value = KEY_BYTES[alg];
    jwtAlg.value = alg;
  }

  // .env text as a file: one line each, "\n" line ends, nothing trailing.
  download.addEventListener('click', function () {
    if (!made.text || !made.file) return;
    var url = URL.createObjectURL(new Blob([made.text + '\n'], { type: 'text/plain;charset=utf-8' }));
    var a = document.createElement('a');
    a.href = url;
    a.download = made.file;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    tell(copyStatus, 'Downloading ' + made.file + '.');
  });

  // Clipboard clearing: CLEAR_SECONDS after a copy, if the box is ticked, the clipboard is emptied
  // unless it is known to hold something else by then (known only where reading it is allowed
  // already; else it is emptied all the same). A page without the focus may not write it: then it
  // waits for the focus.
  var clip = { text: null, timer: 0, status: null };
  function scheduleClear(text, status) {
    clearTimeout(clip.timer);
    window.removeEventListener('focus', clearClipboard);
    clip.text = clipClear.checked ? text : null;
    clip.status = status;
    if (clip.text !== null) clip.timer = setTimeout(clearClipboard, CLEAR_SECONDS * 1000);
    return clip.text !== null;
  }
  function clearClipboard() {
    window.removeEventListener('focus', clearClipboard);
    var text = clip.text;
    var status = clip.status;
    var cb = navigator.clipboard;
    if (text === null) return;
    if (!cb || !cb.writeText) {
      clip.text = null;
      return tell(status, 'Could not clear the clipboard: this browser does not let pages write it.', 10000);
    }
    // Read only where that is already allowed: asking would put a permission prompt up, long after
    // the copy. Unknown (null): emptied all the same, as the box promised.
    var query = navigator.permissions && navigator.permissions.query
      ? navigator.permissions.query({ name: 'clipboard-read' }).then(function (p) { return p.state === 'granted'; })
      : Promise.resolve(false);
    query.catch(function () { return false; }).then(function (granted) {
      return granted && cb.readText ? cb.readText().then(function (now) { return now === text; }) : null;
    }).catch(function () { return null; }).then(function (ours) {
      if (clip.text !== text) return; // cancelled, or a newer copy took over
      if (ours === false) {
        clip.text = null;
        return tell(status, 'Clipboard left alone: it holds something else now.', 10000);
      }
      return cb.writeText('').then(function () {
        if (clip.text === text) clip.text = null;
        tell(status, 'Clipboard cleared.', 10000);
      }, function () {
        if (clip.text !== text) return;
        if (!document.hasFocus()) {
          window.addEventListener('focus', clearClipboard);
          tell(status, 'The clipboard will be cleared when this page has the focus again.', 0);
        } else {
          clip.text = null;
          tell(status, 'Could not clear the clipboard: copy something else over the secret.', 10000);
        }
      });
    });
  }
  clipClear.addEventListener('change', function () {
    if (!clipClear.checked && clip.text !== null) {
      scheduleClear(null, clip.status);
      tell(clip.status, '');
    }
  });

  // Copy buttons: the clipboard API, else a selection and execCommand, else say so. text() is
  // what to copy; the fallback selects it in field (shown unmasked for the moment).
  function wireCopy(button, field, text, status, failText) {
    function copied(ok, value) {
      var clearing = ok && scheduleClear(value, status);
      tell(status, ok ? (clearing ? 'Copied; the clipboard will be cleared in ' + CLEAR_SECONDS + ' s.' : 'Copied.') : failText);
    }
    function fallback(value) {
      var shown = field.value;
      field.value = value;
      field.focus();
      field.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      field.value = shown;
      copied(ok, value);
    }
    button.addEventListener('click', function () {
      var value = text();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(value).then(function () { copied(true, value); }, function () { fallback(value); });
      } else {
        fallback(value);
      }
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    generate();
  });
  form.addEventListener('change', function (event) {
    if (event.target.name === 'alg') setAlg(event.target.value);
    generate();
  });
  wireCopy(copy, output, function () { return made.text; }, copyStatus, 'Copy failed: select the secret and copy it by hand.');
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
    setAlg(checkAlg.value);
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
  // The key in use: the Secret field, else the generator's secret (the value of a .env line; the
  // first one of several).
  function key() {
    var text = jwtSecret.value;
    var what = 'the secret you entered';
    if (!text) {
      text = made.key;
      what = made.what || 'the generator\u2019s secret, but it has none';
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
      ' and the browser\u2019s CSPRNG work.';
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
