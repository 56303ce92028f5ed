// entry-check.mjs — jwt-secret-kit/check: checkSecret, over the check module only (the analyzer
// and its dictionaries).
import { checkCore } from './check.mjs';

export { ALGORITHMS, CHECK_ENCODINGS, VERSION } from 'jsk:policy';
export { JwtSecretKitError } from './core.mjs';
export { checkSecret } from './check.mjs';

/** Instantiates the check module, decodes its dictionaries and runs its self-test. */
export const init = () => checkCore.init();
/** init() started at import: `await ready` before the first call. */
export const ready = init();
ready.catch(() => {});
