// entry-audit.mjs — jwt-secret-kit/audit: auditToken and createAudit, over the audit module and
// the check module (whose dictionaries make auditToken's built-in list).
import { auditCore } from './audit.mjs';
import { checkCore } from './check.mjs';

export { ALGORITHMS, VERSION } from 'jsk:policy';
export { JwtSecretKitError } from './core.mjs';
export { auditToken, createAudit } from './audit.mjs';

/** Instantiates the audit and check modules and runs their self-tests. */
export const init = () => Promise.all([auditCore.init(), checkCore.init()]).then(() => {});
/** init() started at import: `await ready` before the first call. */
export const ready = init();
ready.catch(() => {});
