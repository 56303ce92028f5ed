// entry-generate.mjs — jwt-secret-kit/generate: secrets, describeSecret, encode and decode, over
// the generate module only (a few kilobytes: no SHA-2 beyond the JWK's thumbprint, no analyzer).
import { generateCore } from './generate.mjs';

export { ALGORITHMS, ENCODINGS, FORMATS, VERSION } from 'jsk:policy';
export { JwtSecretKitError } from './core.mjs';
export { decode, describeSecret, encode, envLine, generateSecret } from './generate.mjs';

/** Instantiates the generate module and runs its self-test (see the root entry's init()). */
export const init = () => generateCore.init();
/** init() started at import: `await ready` before the first call. */
export const ready = init();
ready.catch(() => {});
