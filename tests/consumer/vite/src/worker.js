// worker.js — the package inside a module Web Worker: an HS512 secret posted back to the page.
import { generateSecret, ready } from 'jwt-secret-kit';

ready.then(
  () => self.postMessage(generateSecret({ alg: 'HS512' })),
  (e) => self.postMessage(`error: ${e.code} ${e.message}`),
);
