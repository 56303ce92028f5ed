// verify.js — "Verify it", under the inspector: the token the inspector read, checked with a secret
// written as text, base64, base64url, hex or a JWK, its algorithm pinned or taken from the header
// (and said so). The verdict is the core's report (verifyJwt's result, or the report on the error it
// throws: signature, times, the key's size, findings): never a plain "Valid" for an expired token or
// a too-short key. The checker's report on the secret goes in when the check module is loaded, and
// the core's report says what it means for the token (a weak secret is a danger even when the
// signature holds).
import { verifyJwt } from '../../wasm/api/jwt.mjs';
import { showFindings } from './inspect.js';
import { $id, say } from './ui.js';

var BADGE = { valid: ['strong', 'Valid'], 'valid-with-warnings': ['fair', 'Valid, with warnings'], invalid: ['weak', 'Invalid'] };

// hooks: token() -> the token the inspector found (or ''); generated() -> the generator's secret
// ({ key } as text); judge(secretText, format, alg) -> checkSecret's result for the secret, or
// undefined while the check module is not loaded (or for a JWK).
export function initVerify(hooks) {
  var secret = $id('verify-secret');
  var format = $id('verify-format');
  var alg = $id('verify-alg');
  var button = $id('verify');
  var out = $id('verify-result');

  function verify() {
    var token = hooks.token();
    if (!token) {
      say(out, 'hint', '', 'Paste a token above first: there is nothing to verify.');
      return;
    }
    var text = secret.value;
    var fmt = format.value;
    var what = 'the secret you entered';
    if (!text) {
      text = hooks.generated().key;
      fmt = hooks.generated().jwk ? 'jwk' : 'text';
      what = 'the generated secret';
    }
    var r;
    try {
      var ok = verifyJwt(token, { secret: text, secretFormat: fmt, alg: alg.value || undefined, now: Date.now() / 1000,
        secretCheck: hooks.judge(text, fmt, alg.value) });
      r = { verdict: ok.verdict, headline: ok.headline, findings: ok.findings, alg: ok.alg, alg_from: ok.algFrom,
        signature_valid: true, code: null };
    } catch (e) {
      if (!e.report) {
        // The key could not be read (bad base64, not a JWK, ...): nothing was verified.
        delete out.dataset.verdict;
        say(out, 'bad', e.code, 'Not verified: ' + e.message.replace(/^[A-Za-z]+: /, ''));
        return;
      }
      r = e.report; // refused: the core's report says why
    }
    var findings = r.findings || [];
    var verdict = r.verdict;
    var badge = document.createElement('span');
    badge.className = 'badge ' + BADGE[verdict][0];
    badge.textContent = BADGE[verdict][1];
    var head = document.createElement('p');
    head.className = 'verdict';
    head.append(badge, ' ', r.headline);
    if (r.code) {
      var code = document.createElement('small');
      code.className = 'code';
      code.textContent = r.code;
      head.append(' ', code);
    }
    var how = document.createElement('p');
    how.className = 'hint';
    how.textContent = 'Checked with ' + what + ' (' + fmt + (r.key_bytes !== undefined ? ', ' + r.key_bytes + ' bytes' : '') + '), ' +
      (r.alg_from === 'pinned' ? r.alg + ' as you pinned it.' : r.alg ? r.alg + ' as the token\u2019s header says (pin it in your verifier).' : 'no algorithm.');
    var list = document.createElement('ul');
    list.className = 'findings';
    showFindings(list, findings);
    out.replaceChildren(head, how, list);
    out.dataset.verdict = verdict;
  }

  button.addEventListener('click', verify);
  return {
    ready: function () { button.disabled = false; },
    disable: function () { button.disabled = true; },
    clear: function () {
      delete out.dataset.verdict;
      say(out, 'hint', '', 'Paste a token above and its secret here, then Verify.');
    },
  };
}
