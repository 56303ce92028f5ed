// entry-jwt.mjs — jwt-secret-kit/jwt: hmac, signJwt, verifyJwt, toJwk and toJwks, over the jwt
// module; inspectJwt over the inspect module and the .env files and commands beside a secret
// (generateEnvFiles, makeCommands, storeCommands) over the envfiles module, which an app carries
// (and init() loads) only when it uses them (see `companions` in core.mjs).
import { companions } from './core.mjs';
import { jwtCore } from './jwt.mjs';

export { ALGORITHMS, ENV_LAYOUTS, VERSION } from 'jsk:policy';
export { JwtSecretKitError } from './core.mjs';
export { hmac, signJwt, toJwk, toJwks, verifyJwt } from './jwt.mjs';
export { generateEnvFiles, makeCommands, storeCommands } from './envfiles.mjs';
export { inspectJwt } from './inspect.mjs';

/** Instantiates the jwt module (and the inspect module where inspectJwt is used) and runs their
 * self-tests (see the root entry's init()). */
export const init = () => Promise.all([jwtCore, ...companions].map((c) => c.init())).then(() => {});
/** init() started at import: `await ready` before the first call. */
export const ready = init();
ready.catch(() => {});
