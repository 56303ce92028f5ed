// jwt.mjs — hmac, signJwt, verifyJwt, toJwk and toJwks over the core's HMAC, JWS and JWK code
// (jsk_hmac, jsk_jws_sign, jsk_jwt_verify_report, jsk_jws_open, jsk_jwk, jsk_jwks), with secrets
// read in the form the caller names (jsk_key_parse).
import { algArg, algName, bytesArg, optionsOf, putSecret, requiredAlg, stringArg } from './args.mjs';
import jwtWasm from 'jsk:wasm/jwt';
import { VERDICTS } from 'jsk:policy';
import jwtErrors from 'jsk:errors/jwt';
import { defineCore, fail, fromUtf8, putBytes, putString, readString, readU32 } from './core.mjs';
import { decodeWith } from './codec.mjs';

/** The jwt module: SHA-2, HMAC, JWS sign/verify, JWK and JWKS (and the codecs). */
export const jwtCore = /* @__PURE__ */ defineCore('jwt', () => jwtWasm, jwtErrors, (m) => m.jsk_self_test_jwt());

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

// The key bytes of options.secret in options.secretFormat ('text', the default: its UTF-8 bytes;
// 'base64', 'base64url', 'hex', 'jwk'), parsed by the core: [pointer, length, the JWK's alg or 0].
function putKey(alloc, o, pinned, context) {
  const m = alloc.m;
  const [sP, sLen] = putSecret(alloc, o.secret, context);
  if (o.secretFormat === undefined || o.secretFormat === 'text') return [sP, sLen, 0];
  const [fP, fLen] = putString(alloc, stringArg(o.secretFormat, 'secretFormat', context));
  const format = m.jsk_key_format_from_name(fP, fLen);
  if (format < 0) jwtCore.failWith('ERR_UNKNOWN_FORMAT', `${context}: secretFormat '${o.secretFormat}'`);
  const key = alloc(sLen);
  const outs = alloc(8); // key length, the JWK's alg
  jwtCore.check(m.jsk_key_parse(key, sLen, outs, outs + 4, pinned, sP, sLen, format), `${context}: secret (${o.secretFormat})`);
  return [key, readU32(alloc.m, outs), readU32(alloc.m, outs + 4)];
}

/**
 * A compact JWS over payload (an object, serialised with JSON.stringify, or JSON text) with header
 * {"alg":ALG,"typ":"JWT"}. options: { secret (string or Uint8Array), secretFormat ('text': its
 * UTF-8 bytes, the default; 'base64', 'base64url', 'hex' or 'jwk'), alg (default HS256, or a JWK's
 * alg) }. The key must be at least the algorithm's size (RFC 7518 section 3.2). Payload text that
 * is not a JSON object throws ERR_BAD_JSON saying where (line, column, byte).
 */
export function signJwt(payload, options) {
  const context = 'signJwt';
  const o = optionsOf(options, ['secret', 'alg', 'secretFormat'], context);
  let text = payload;
  if (typeof payload !== 'string') {
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      fail('ERR_BAD_JSON', `${context}: payload must be an object or its JSON text`);
    }
    text = JSON.stringify(payload);
  }
  return jwtCore.withHeap((alloc, m) => {
    const pinned = algArg(alloc, o.alg, context);
    const [kP, kLen, jwkAlg] = putKey(alloc, o, pinned, context);
    const alg = pinned || jwkAlg || requiredAlg(alloc, undefined, context);
    const [pP, pLen] = putString(alloc, text);
    const cap = m.jsk_jws_sign_len(alg, pLen);
    if (cap === 0) jwtCore.failWith('ERR_TOO_LARGE', context);
    const out = alloc(cap);
    const lenP = alloc(4);
    const rc = m.jsk_jws_sign(out, cap, lenP, alg, kP, kLen, pP, pLen);
    if (rc === jwtCore.value('ERR_BAD_JSON')) {
      // where the text stops being a JSON object, in the core's words
      const where = alloc(256);
      m.jsk_json_error_text(where, 256, lenP, pP, pLen, 1);
      jwtCore.check(rc, `${context}: the payload at ${readString(m, where, readU32(m, lenP))}`);
    }
    jwtCore.check(rc, context);
    return readString(m, out, readU32(m, lenP));
  });
}

// options.secretCheck, the checker's report on this secret (checkSecret's result: its verdict and
// meaning), as jsk_jwt_verify_report takes it: [verdict (jsk_verdict, 0: not judged), meaning (a C string)].
function judged(alloc, report, context) {
  if (report === undefined) return [0, 0];
  const verdict = VERDICTS.indexOf(report?.verdict) + 1;
  if (!verdict) fail('ERR_INVALID_ARGUMENT', `${context}: secretCheck must be checkSecret's result for this secret`);
  return [verdict, putString(alloc, `${report.meaning ?? ''}\0`)[0]];
}

/**
 * Verifies a compact JWS honestly (jsk_jwt_verify_report): the signature with the secret (the
 * algorithm pinned by options.alg, else a JWK's alg, else the header's; HS256/384/512 only: "none",
 * other algorithms and "crit" are refused, and so is a payload that is not a JSON object), then exp
 * and nbf against options.now (seconds since 1970; default: now), the key's size and the findings
 * the inspector gives a signed token; with options.secretCheck (checkSecret's result for this
 * secret), a weak secret is the danger WEAK_SECRET (valid, with warnings).
 * Returns { valid: true, alg, header, payload, payloadText, verdict ('valid' | 'valid-with-warnings'),
 * headline, findings, algFrom ('header' | 'pinned') }: valid means the signature holds and the token
 * is in its time; payloadText is the payload exactly as signed. Like jsonwebtoken, anything
 * the report calls invalid throws, with its code: ERR_BAD_SIGNATURE, ERR_ALG_NONE, ERR_ALG_MISMATCH,
 * ERR_TOKEN_EXPIRED, ERR_TOKEN_NOT_YET_VALID, ERR_BAD_TIME_CLAIM, ... (`refusal` true, and `report`
 * the core's report, whose headline says, for instance, that the signature is valid but the token
 * expired 3 hours ago); ERR_MALFORMED_TOKEN and the codec errors for text that is not a token.
 */
export function verifyJwt(token, options) {
  const context = 'verifyJwt';
  const o = optionsOf(options, ['secret', 'alg', 'secretFormat', 'now', 'secretCheck'], context);
  stringArg(token, 'token', context);
  const now = o.now === undefined ? Math.floor(Date.now() / 1000) : o.now;
  if (typeof now !== 'number' || !Number.isFinite(now)) fail('ERR_INVALID_ARGUMENT', `${context}: now must be a number of seconds`);
  return jwtCore.withHeap((alloc, m) => {
    const given = algArg(alloc, o.alg, context);
    const [kP, kLen, jwkAlg] = putKey(alloc, o, given, context);
    const pinned = given || jwkAlg;
    const [tP, tLen] = putString(alloc, token);
    const rcap = m.jsk_jwt_verify_report_len(tLen);
    if (rcap === 0) jwtCore.failWith('ERR_TOO_LARGE', context);
    const rOut = alloc(rcap);
    const lenP = alloc(4);
    jwtCore.check(m.jsk_jwt_verify_report(rOut, rcap, lenP, pinned, tP, tLen, kP, kLen, now, ...judged(alloc, o.secretCheck, context)), context);
    const report = JSON.parse(readString(m, rOut, readU32(m, lenP)));
    if (report.verdict === 'invalid') {
      try {
        jwtCore.failWith(report.code, context);
      } catch (e) {
        e.report = report;
        throw e;
      }
    }
    const cap = m.jsk_jws_payload_len(tLen);
    const payload = alloc(cap);
    const outs = alloc(8); // payload_len, alg
    jwtCore.check(m.jsk_jws_open(payload, cap, outs, outs + 4, pinned, tP, tLen, kP, kLen), context);
    const payloadText = readString(m, payload, readU32(m, outs));
    // The header passed the core's strict JSON check (jsk_jws_parse) before the tag was compared.
    const header = JSON.parse(fromUtf8(decodeWith(jwtCore, token.slice(0, token.indexOf('.')), 'base64url', context)));
    return {
      valid: true, alg: algName(readU32(m, outs + 4)), header, payload: JSON.parse(payloadText), payloadText,
      verdict: report.verdict, headline: report.headline, findings: report.findings, algFrom: report.alg_from,
    };
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
  const o = optionsOf(options, ['alg', 'secretFormat', 'previousFormat'], context);
  return jwtCore.withHeap((alloc, m) => {
    const alg = requiredAlg(alloc, o.alg, context);
    // Each key as written ('text' by default, or base64, base64url, hex, a JWK), read by the core.
    const [cP, cLen] = putKey(alloc, { secret: current, secretFormat: o.secretFormat }, alg, context);
    const [pP, pLen] = previous === undefined || previous === null ? [0, 0]
      : putKey(alloc, { secret: previous, secretFormat: o.previousFormat }, alg, context);
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
