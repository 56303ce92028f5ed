// index.js — the page's script (bundled by scripts/build.mjs into one minified classic inline
// script). The audit runs in Web Workers made from their own script (worker.js), which the page
// carries as a data block. Nothing is stored, logged or sent: a secret lives in its field until replaced
// or the page closes.
import { runPage } from './page.js';

export { default as auditWorkerSource } from 'jsk:worker-source'; // () => the workers' script

runPage();
