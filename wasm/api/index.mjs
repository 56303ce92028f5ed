// index.mjs — the JS API of jwt-secret-kit: one async init() (instantiate the WASM core, run its
// known-answer self-test), then synchronous calls into the C core. Every rule (names, sizes,
// formats, limits, error codes and messages) is the core's: this layer checks JS types, owns the
// WASM heap and turns C error codes into Errors with a `code`. One module per feature:
//   core.mjs (loading, errors, heap)  generate.mjs  check.mjs  jwt.mjs  audit.mjs
// scripts/build.mjs bundles them with esbuild into the ES modules, the CommonJS/classic script and
// the page's script.
import { init } from './core.mjs';

export { ALGORITHMS, CHECK_ENCODINGS, ENCODINGS, FORMATS, VERSION } from 'jsk:policy';
export { JwtSecretKitError, init } from './core.mjs';
export { decode, describeSecret, encode, generateSecret } from './generate.mjs';
export { checkSecret } from './check.mjs';
export { hmac, signJwt, toJwk, toJwks, verifyJwt } from './jwt.mjs';
export { auditToken, createAudit } from './audit.mjs';

/** init() started at import: `await ready` before the first call. */
export const ready = init();
ready.catch(() => {}); // a rejection is reported to whoever awaits `ready`, not as "unhandled"
