// esm.mjs — run by tests/node/consumer.test.mjs inside a fresh project that installed the packed
// tarball: the package as a Node ES module consumer imports it. Prints one JSON line.
import { checkSecret, generateSecret, ready, signJwt, verifyJwt } from 'jwt-secret-kit';

await ready;
const secret = generateSecret();
const token = signJwt({ sub: '42' }, { secret });
const scalar = await import('jwt-secret-kit/scalar');
await scalar.ready;
const entry = await import('jwt-secret-kit/generate');
await entry.ready;

console.log(JSON.stringify({
  entry: import.meta.resolve('jwt-secret-kit'),
  secret,
  verdict: checkSecret(secret).verdict,
  weak: checkSecret('your-256-bit-secret').verdict,
  valid: verifyJwt(token, { secret }).valid,
  scalar: scalar.checkSecret(scalar.generateSecret({ alg: 'HS512' }), { alg: 'HS512' }).verdict,
  generateEntry: import.meta.resolve('jwt-secret-kit/generate'),
  fromEntry: entry.generateSecret({ alg: 'HS512' }),
  jwkRoot: JSON.parse(generateSecret({ format: 'jwk', alg: 'HS384' })),
}));
