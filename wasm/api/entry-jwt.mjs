// entry-jwt.mjs — jwt-secret-kit/jwt: hmac, signJwt, verifyJwt, toJwk and toJwks, over the jwt
// module only.
import { jwtCore } from './jwt.mjs';

export { ALGORITHMS, VERSION } from 'jsk:policy';
export { JwtSecretKitError } from './core.mjs';
export { hmac, signJwt, toJwk, toJwks, verifyJwt } from './jwt.mjs';

/** Instantiates the jwt module and runs its self-test (see the root entry's init()). */
export const init = () => jwtCore.init();
/** init() started at import: `await ready` before the first call. */
export const ready = init();
ready.catch(() => {});
