// checker.js — the checker panel: live, on every input. The secret stays in its field; the report
// (the core's, never holding the secret) is shown as it comes.
import * as kit from '../../wasm/api/check.mjs';
import { CHECK_LIMITS } from 'jsk:policy';
import { $id, byteSize, messageOf, plural } from './ui.js';

// hooks: generate(alg) when the "Generate an ... secret" button is pressed.
export function initChecker(hooks) {
  function $(id) { return $id('check-' + id); }
  var checkInput = $('input');
  var checkAlg = $('alg');
  var checkEnc = $('enc');
  var checkProject = $('project');
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
    if (e.code === 'ERR_OUT_OF_RANGE') return 'Too long to check: the limit is ' + byteSize(CHECK_LIMITS.len_max) + '.';
    var what = encoding === 'raw' || encoding === 'auto' ? 'this secret' : 'this as ' + encoding;
    return 'Cannot check ' + what + ': ' + messageOf(e) + '.';
  }

  function check() {
    if (!checkReady) return;
    var text = checkInput.value;
    var alg = checkAlg.value;
    var encoding = checkEnc.value;
    var r = null;
    var error = '';
    if (text) {
      // The project's name, when given, is what an attacker tries first (the core costs it so).
      var project = checkProject.value.trim();
      var options = project ? { alg: alg, encoding: encoding, context: project.split(/[\s,]+/) } : { alg: alg, encoding: encoding };
      try { r = kit.checkSecret(text, options); } catch (e) { error = checkErrorText(e, encoding); }
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
    put($('meaning'), r.meaning || '');
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
  checkProject.addEventListener('input', check);
  checkGenerate.addEventListener('click', function () {
    hooks.generate(checkAlg.value);
  });

  return {
    ready: function () {
      checkReady = true;
      check();
    },
    disable: function () { checkInput.disabled = true; },
  };
}
