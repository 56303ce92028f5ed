// entry-generate.mjs — jwt-secret-kit/generate: secrets, describeSecret, encode, decode and
// envLine, over the generate module (a few kilobytes: no SHA-2, no analyzer) and, where an app uses
// describeSecret, encode, decode or envLine, the codecs module (a companion: see core.mjs).
import { companions } from './core.mjs';
import { generateCore } from './generate.mjs';

export { ALGORITHMS, ENCODINGS, FORMATS, VERSION } from 'jsk:policy';
export { JwtSecretKitError } from './core.mjs';
export { decode, describeSecret, encode, envLine, generateSecret } from './generate.mjs';

/** Instantiates the generate module (and the codecs module where it is used) and runs their
 * self-tests (see the root entry's init()). */
export const init = () => Promise.all([generateCore, ...companions].map((c) => c.init())).then(() => {});
/** init() started at import: `await ready` before the first call. */
export const ready = init();
ready.catch(() => {});
