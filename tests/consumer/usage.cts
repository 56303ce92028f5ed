// usage.cts — type-checked by tests/node/consumer.test.mjs with `tsc --strict --noEmit` (module
// nodenext): a CommonJS TypeScript consumer, whose imports compile to require() and must read
// dist/index.d.cts (the package's "require" condition).
import kit = require('jwt-secret-kit');
import { generateSecret, type Algorithm } from 'jwt-secret-kit';

const alg: Algorithm = 'HS512';
kit.ready.then(() => {
  const secret: string = generateSecret({ alg });
  const verdict: 'weak' | 'fair' | 'strong' = kit.checkSecret(secret, { alg }).verdict;
  console.log(verdict);
  // @ts-expect-error RS256 is not an HMAC algorithm
  kit.generateSecret({ alg: 'RS256' });
  // @ts-expect-error the same through a named import
  generateSecret({ alg: 'RS256' });
});
