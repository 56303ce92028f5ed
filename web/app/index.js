// index.js — the page's script (bundled by scripts/build.mjs into one minified classic inline
// script, which also defines the JwtSecretKit global, as dist/jwt-secret-kit.js does). The audit
// runs in Web Workers made from this very script: where there is no document, it is an audit
// worker instead of the page. Nothing is stored, logged or sent: a secret lives in its field until
// replaced or the page closes.
import { runPage } from './page.js';
import { runWorker } from './worker.js';

export * from '../../wasm/api/index.mjs';

if (typeof document === 'undefined') {
  runWorker();
} else {
  runPage(document.currentScript ? document.currentScript.textContent : '');
}
