// jwt.mjs — hmac, signJwt, verifyJwt, toJwk and toJwks over the core's HMAC, JWS and JWK code
// (jsk_hmac, jsk_jws_sign, jsk_jws_open, jsk_jwk, jsk_jwks).
import { algArg, algName, bytesArg, optionsOf, putSecret, requiredAlg, stringArg } from './args.mjs';
import jwtWasm from 'jsk:wasm/jwt';
import { defineCore, fail, fromUtf8, putBytes, putString, readString, readU32 } from './core.mjs';
import { decodeWith } from './codec.mjs';

/** The jwt module: SHA-2, HMAC, JWS sign/verify, JWK and JWKS (and the codecs). */
export const jwtCore = /* @__PURE__ */ defineCore('jwt', () => jwtWasm, (m) => m.jsk_self_test_jwt());

/** HMAC-SHA-256/384/512 of message under key (strings are UTF-8). */
export function hmac(alg, key, message) {
  const context = 'hmac';
  return jwtCore.withHeap((alloc, m) => {
    const code = requiredAlg(alloc, alg, context);
    const [kP, kLen] = putSecret(alloc, key, context);
    const msg = bytesArg(message, 'message', context);
    const mP = putBytes(alloc, msg);
    const tagLen = m.jsk_alg_key_bytes(code); // the hash output size
    const out = alloc(tagLen);
    jwtCore.check(m.jsk_hmac(out, tagLen, code, kP, kLen, mP, msg.length), context);
    return m.HEAPU8.slice(out, out + tagLen);
  });
}

/**
 * A compact JWS over payload (an object, serialised with JSON.stringify, or JSON text) with header
 * {"alg":ALG,"typ":"JWT"}. options: { secret (string: its UTF-8 bytes, or Uint8Array), alg }.
 * The secret must be at least the algorithm's size (RFC 7518 section 3.2).
 */
export function signJwt(payload, options) {
  const context = 'signJwt';
  const o = optionsOf(options, ['secret', 'alg'], context);
  let text = payload;
  if (typeof payload !== 'string') {
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      fail('ERR_BAD_JSON', `${context}: payload must be an object or its JSON text`);
    }
    text = JSON.stringify(payload);
  }
  return jwtCore.withHeap((alloc, m) => {
    const alg = requiredAlg(alloc, o.alg, context);
    const [kP, kLen] = putSecret(alloc, o.secret, context);
    const [pP, pLen] = putString(alloc, text);
    const cap = m.jsk_jws_sign_len(alg, pLen);
    if (cap === 0) jwtCore.failWith('ERR_TOO_LARGE', context);
    const out = alloc(cap);
    const lenP = alloc(4);
    jwtCore.check(m.jsk_jws_sign(out, cap, lenP, alg, kP, kLen, pP, pLen), context);
    return readString(m, out, readU32(m, lenP));
  });
}

/**
 * Verifies a compact JWS with the secret. The algorithm is pinned by options.alg, or else taken
 * from the header, and must be HS256/384/512: "none", other algorithms and "crit" are refused, and
 * so is a payload that is not a JSON object (ERR_BAD_PAYLOAD), as the CLI's verify does.
 * Returns { valid: true, alg, header, payload, payloadText }: payload parsed, payloadText exactly as
 * signed. Every failure throws with its code (ERR_BAD_SIGNATURE, ERR_ALG_NONE, ERR_ALG_MISMATCH,
 * ERR_MALFORMED_TOKEN, ...); `refusal` on the error is true when the core refused a token it read.
 */
export function verifyJwt(token, options) {
  const context = 'verifyJwt';
  const o = optionsOf(options, ['secret', 'alg'], context);
  stringArg(token, 'token', context);
  return jwtCore.withHeap((alloc, m) => {
    const pinned = algArg(alloc, o.alg, context);
    const [kP, kLen] = putSecret(alloc, o.secret, context);
    const [tP, tLen] = putString(alloc, token);
    const cap = m.jsk_jws_payload_len(tLen);
    const payload = alloc(cap);
    const outs = alloc(8); // payload_len, alg
    jwtCore.check(m.jsk_jws_open(payload, cap, outs, outs + 4, pinned, tP, tLen, kP, kLen), context);
    const payloadText = readString(m, payload, readU32(m, outs));
    // The header passed the core's strict JSON check (jsk_jws_parse) before the tag was compared.
    const header = JSON.parse(fromUtf8(decodeWith(jwtCore, token.slice(0, token.indexOf('.')), 'base64url', context)));
    return { valid: true, alg: algName(readU32(m, outs + 4)), header, payload: JSON.parse(payloadText), payloadText };
  });
}

/** The secret as a JWK: { kty: 'oct', k, alg, use: 'sig', kid } with kid its RFC 7638 thumbprint. */
export function toJwk(secret, options) {
  const o = optionsOf(options, ['alg'], 'toJwk');
  return JSON.parse(jwkText(secret, o.alg, 'toJwk'));
}

// The JWK as the core writes it (jsk_jwk): generateSecret's format 'jwk' through useJwkMaker().
export function jwkText(secret, alg, context = 'generateSecret') {
  return jwtCore.withHeap((alloc, m) => {
    const code = requiredAlg(alloc, alg, context);
    const [kP, kLen] = putSecret(alloc, secret, context);
    const cap = m.jsk_jwk_len(kLen);
    const out = alloc(cap);
    const lenP = alloc(4);
    jwtCore.check(m.jsk_jwk(out, cap, lenP, code, kP, kLen), context);
    return readString(m, out, readU32(m, lenP));
  });
}

/** A JWKS for rotation: { keys: [current, previous] } (previous optional), each with its kid. */
export function toJwks(current, previous, options) {
  const context = 'toJwks';
  const o = optionsOf(options, ['alg'], context);
  return jwtCore.withHeap((alloc, m) => {
    const alg = requiredAlg(alloc, o.alg, context);
    const [cP, cLen] = putSecret(alloc, current, context);
    const [pP, pLen] = previous === undefined || previous === null ? [0, 0] : putSecret(alloc, previous, context);
    const cap = m.jsk_jwks_len(cLen, pLen);
    const out = alloc(cap);
    const lenP = alloc(4);
    jwtCore.check(m.jsk_jwks(out, cap, lenP, alg, cP, cLen, pP, pLen), context);
    return JSON.parse(readString(m, out, readU32(m, lenP)));
  });
}

// Whether the audit would accept token (jsk_audit_token_check), for the page, which audits in
// workers and refuses a bad token before it starts them. Throws the core's error.
export function auditTokenCheck(token) {
  const context = 'auditToken';
  stringArg(token, 'token', context);
  jwtCore.withHeap((alloc, m) => {
    const [tP, tLen] = putString(alloc, token);
    jwtCore.check(m.jsk_audit_token_check(tP, tLen), context);
  });
}
