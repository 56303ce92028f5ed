// cjs.cjs — run by tests/node/consumer.test.mjs inside a fresh project that installed the packed
// tarball: the package as a CommonJS consumer require()s it. Prints one JSON line.
'use strict';
const kit = require('jwt-secret-kit');
const { version } = require('jwt-secret-kit/package.json');

kit.ready.then(() => {
  const secret = kit.generateSecret({ alg: 'HS384' });
  const token = kit.signJwt({ sub: '42' }, { secret, alg: 'HS384' });
  let code = null;
  try {
    kit.generateSecret({ alg: 'RS256' });
  } catch (e) {
    code = e instanceof kit.JwtSecretKitError ? e.code : `not a JwtSecretKitError: ${e}`;
  }
  console.log(JSON.stringify({
    entry: require.resolve('jwt-secret-kit'),
    version,
    secret,
    verdict: kit.checkSecret(secret, { alg: 'HS384' }).verdict,
    weak: kit.checkSecret('your-256-bit-secret').verdict,
    valid: kit.verifyJwt(token, { secret, alg: 'HS384' }).valid,
    code,
  }));
});
