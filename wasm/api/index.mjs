// index.mjs — the root entry of jwt-secret-kit: every feature, and one init() for all of them.
// Every rule (names, sizes, formats, limits, error codes and messages) is the C core's: this layer
// checks JS types, owns the WASM heap and turns C error codes into Errors with a `code`. One WASM
// module per feature, each with its own entry, so an app pays only for what it imports:
//   generate.mjs (jwt-secret-kit/generate)  jwt.mjs, inspect.mjs and envfiles.mjs (/jwt)
//   check.mjs (/check)  audit.mjs (/audit)
//   core.mjs (the loader, the errors, the heap)
// scripts/build.mjs bundles them with esbuild into the ES modules, the CommonJS/classic script and
// the page's scripts.
import { auditCore } from './audit.mjs';
import { checkCore } from './check.mjs';
import { codecsCore, generateCore, useJwkMaker } from './generate.mjs';
import { envfilesCore } from './envfiles.mjs';
import { inspectCore } from './inspect.mjs';
import { jwkText, jwtCore } from './jwt.mjs';

export { ALGORITHMS, CHECK_ENCODINGS, ENCODINGS, ENV_LAYOUTS, FORMATS, VERSION } from 'jsk:policy';
export { JwtSecretKitError } from './core.mjs';
export { decode, describeSecret, encode, envLine, generateSecret } from './generate.mjs';
export { checkSecret } from './check.mjs';
export { hmac, signJwt, toJwk, toJwks, verifyJwt } from './jwt.mjs';
export { generateEnvFiles, makeCommands, storeCommands } from './envfiles.mjs';
export { inspectJwt } from './inspect.mjs';
export { auditToken, createAudit } from './audit.mjs';

/**
 * Instantiates every module once and runs its self-test. Resolves when every call is usable;
 * rejects with ERR_NO_ENTROPY, ERR_NO_WEBASSEMBLY, ERR_WASM_LOAD or ERR_SELF_TEST. A failed init()
 * can be retried. (The generate module first: it is the smallest.)
 */
export function init() {
  useJwkMaker(jwkText); // generateSecret({ format: 'jwk' }): the generate module has no JWK code
  return Promise.all([generateCore, codecsCore, jwtCore, inspectCore, envfilesCore, checkCore, auditCore].map((c) => c.init())).then(() => {});
}

/** init() started at import: `await ready` before the first call. */
export const ready = init();
ready.catch(() => {}); // a rejection is reported to whoever awaits `ready`, not as "unhandled"
