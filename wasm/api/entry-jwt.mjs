// entry-jwt.mjs — jwt-secret-kit/jwt: hmac, signJwt, verifyJwt, toJwk and toJwks, and the .env files
// and commands beside a secret (generateEnvFiles, makeCommands, storeCommands), over the jwt module only.
import { jwtCore } from './jwt.mjs';

export { ALGORITHMS, ENV_LAYOUTS, VERSION } from 'jsk:policy';
export { JwtSecretKitError } from './core.mjs';
export { hmac, signJwt, toJwk, toJwks, verifyJwt } from './jwt.mjs';
export { generateEnvFiles, makeCommands, storeCommands } from './envfiles.mjs';

/** Instantiates the jwt module and runs its self-test (see the root entry's init()). */
export const init = () => jwtCore.init();
/** init() started at import: `await ready` before the first call. */
export const ready = init();
ready.catch(() => {});
