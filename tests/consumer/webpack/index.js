// index.js — a webpack app that uses the installed package (tests/node/consumer.test.mjs builds
// it with the webpack CLI and no configuration file, then opens it in headless Chromium).
import { checkSecret, generateSecret, ready } from 'jwt-secret-kit';

ready.then(() => {
  const secret = generateSecret({ alg: 'HS384' });
  document.getElementById('secret').textContent = secret;
  document.getElementById('verdict').textContent = checkSecret(secret, { alg: 'HS384' }).verdict;
});
