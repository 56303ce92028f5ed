// jwt.js — the sign and JWKS panel, with the generator's secret or one typed in.
import * as kit from '../../wasm/api/jwt.mjs';
import { KEY_BYTES } from 'jsk:policy';
import { $id, plural, statusError } from './ui.js';

// generated() is what the generator made ({ key, what }); hooks.inspect(token) shows a token in the
// inspector.
export function initJwt(generated, hooks) {
  var jwtAlg = $id('jwt-alg');
  var jwtSecret = $id('jwt-secret');
  var jwtKey = $id('jwt-key');
  var payload = $id('jwt-payload');
  var token = $id('jwt-token');
  var signStatus = $id('jwt-sign-status');
  var jwks = $id('jwks');
  var jwksStatus = $id('jwks-status');
  payload.value = JSON.stringify({ sub: '1234567890', name: 'Test', iat: Math.floor(Date.now() / 1000) });

  // The key in use: the Secret field as written (its format menu), else the generator's secret (the
  // value of a .env line, the first one of a file, or its JWK). The core reads it (secretFormat).
  function key() {
    var text = jwtSecret.value;
    var format = $id('jwt-secret-format').value;
    var what = 'the secret you entered';
    if (!text) {
      text = generated().key;
      format = generated().jwk ? 'jwk' : 'text';
      what = generated().what;
      if (!text) return { text: '', format: 'text', bytes: 0, what: 'No secret to use: the generator has none (its settings have an error); enter one here.' };
    }
    var bytes = format === 'text' ? new TextEncoder().encode(text).length : null;
    return { text: text, format: format, bytes: bytes,
      what: 'Uses ' + what + (format === 'text' ? ' as text: ' + plural(bytes, 'byte') + '.'
        : format === 'jwk' ? ' as a JWK (its key, k).' : ' as ' + format + ' (its decoded bytes).') };
  }
  function showKey() {
    jwtKey.textContent = key().what;
  }
  jwtSecret.addEventListener('input', showKey);
  $id('jwt-secret-format').addEventListener('change', showKey);

  $id('jwt-sign').addEventListener('click', function () {
    var k = key();
    var alg = jwtAlg.value;
    payload.removeAttribute('aria-invalid');
    try {
      if (!k.text) throw Object.assign(new Error('no secret to sign with: enter one, or fix the generator\u2019s settings'), { code: 'ERR_INVALID_ARGUMENT' });
      token.value = kit.signJwt(payload.value, { secret: k.text, secretFormat: k.format, alg: alg });
      signStatus.className = 'ok';
      signStatus.textContent = 'Signed with ' + alg + '.';
    } catch (e) {
      token.value = '';
      if (e.code === 'ERR_BAD_JSON') payload.setAttribute('aria-invalid', 'true'); // the red border; the message says where
      statusError(signStatus, e, e.code === 'ERR_KEY_TOO_SHORT'
        ? 'This key is too short for ' + alg + ': it needs at least ' + KEY_BYTES[alg] + ' bytes' +
          (k.bytes !== null ? ' and has ' + k.bytes : '') + ' (RFC 7518, section 3.2). Generate an ' + alg + ' secret above.'
        : '');
    }
    $id('jwt-copy').disabled = !token.value;
    $id('jwt-inspect').disabled = !token.value;
  });

  $id('jwt-inspect').addEventListener('click', function () {
    if (token.value) hooks.inspect(token.value);
  });

  $id('jwks-make').addEventListener('click', function () {
    var previous = $id('jwks-previous').value;
    try {
      var k = key();
      var set = kit.toJwks(k.text, previous || undefined, { alg: jwtAlg.value, secretFormat: k.format });
      jwks.value = JSON.stringify(set, null, 2);
      jwksStatus.className = '';
      jwksStatus.textContent = set.keys.length > 1 ? '2 keys, the current one first.' : '1 key.';
    } catch (e) {
      jwks.value = '';
      statusError(jwksStatus, e);
    }
    $id('jwks-copy').disabled = !jwks.value;
  });

  return {
    showKey: showKey,
    setAlg: function (alg) { jwtAlg.value = alg; },
  };
}
