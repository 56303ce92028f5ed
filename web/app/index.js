// index.js — the page's second script (bundled by scripts/build.mjs into a minified classic inline
// script at the end of the document; first.js is the first). The audit runs in Web Workers made
// from both scripts: where there is no document, it is an audit worker (worker.js: the audit
// module only) instead of the page. Nothing is stored, logged or sent: a secret lives in its
// field until replaced or the page closes.
import { page } from './first.js';
import { runPage } from './page.js';
import { runWorker } from './worker.js';

if (typeof document === 'undefined') runWorker();
else runPage(page.script.text + '\n' + document.currentScript.text);
