// jwt.js — the sign and JWKS panel, with the generator's secret or one typed in.
import { decode } from '../../wasm/api/generate.mjs';
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

  // A key as typed: a JWK's key bytes (k), else the text's UTF-8 bytes (as jsonwebtoken and jose read a string).
  function keyOf(text) {
    if (/^\s*\{/.test(text)) {
      try {
        var jwk = JSON.parse(text);
        if (jwk && jwk.kty === 'oct' && typeof jwk.k === 'string') return decode(jwk.k, 'base64url');
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
      text = generated().key;
      what = generated().what || 'the generator\u2019s secret, but it has none';
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
      signStatus.className = 'ok';
      signStatus.textContent = 'Signed with ' + alg + '.';
    } catch (e) {
      token.value = '';
      statusError(signStatus, e, e.code === 'ERR_KEY_TOO_SHORT'
        ? 'This key is too short for ' + alg + ': it needs at least ' + KEY_BYTES[alg] + ' bytes and has ' + k.bytes +
          ' (RFC 7518, section 3.2). Generate an ' + alg + ' secret above.'
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
      var set = kit.toJwks(key().key, previous ? keyOf(previous) : undefined, { alg: jwtAlg.value });
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
