// main.js — a Vite app that uses the installed package on the page and in a module Web Worker
// (tests/node/consumer.test.mjs builds it with `vite build`, no configuration).
import { checkSecret, generateSecret, ready } from 'jwt-secret-kit';

ready.then(() => {
  const secret = generateSecret();
  document.getElementById('secret').textContent = secret;
  document.getElementById('verdict').textContent = checkSecret(secret).verdict;
});

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.onmessage = (event) => {
  document.getElementById('worker').textContent = event.data;
};
worker.onerror = (event) => console.error(`worker failed: ${event.message}`);
