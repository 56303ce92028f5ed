// index.js — the page's script (bundled by scripts/build.mjs into one minified classic inline
// script). The audit runs in Web Workers made from this very script: where there is no document,
// it is an audit worker (worker.js: the audit module only) instead of the page. Nothing is stored,
// logged or sent: a secret lives in its field until replaced or the page closes.
import { runPage } from './page.js';
import { runWorker } from './worker.js';

if (typeof document === 'undefined') runWorker();
else runPage(document.currentScript.text);
