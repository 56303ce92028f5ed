// usage.ts — type-checked by tests/node/consumer.test.mjs with `tsc --strict --noEmit` in a fresh
// project ("type": "module") that installed the packed tarball: an ES module consumer under
// module/moduleResolution nodenext (and bundler), which must read dist/index.d.mts.
import {
  ALGORITHMS, checkSecret, generateSecret, JwtSecretKitError, ready, signJwt, verifyJwt,
  type Algorithm, type CheckReport, type Verdict,
} from 'jwt-secret-kit';

await ready;
const alg: Algorithm = ALGORITHMS[1];
const secret: string = generateSecret({ alg, format: 'base64url' });
const report: CheckReport = checkSecret(secret, { alg });
const verdict: Verdict = report.verdict;
const token: string = signJwt({ sub: '42' }, { secret, alg });
const payload: unknown = verifyJwt(token, { secret, alg }).payload;
try {
  generateSecret({ bytes: 0 });
} catch (e) {
  if (e instanceof JwtSecretKitError) console.log(e.code);
}
console.log(verdict, payload);

// @ts-expect-error RS256 is not an HMAC algorithm: the types allow HS256, HS384 and HS512 only
generateSecret({ alg: 'RS256' });
// @ts-expect-error the same for checkSecret
checkSecret(secret, { alg: 'RS256' });
// @ts-expect-error a verdict is 'weak' | 'fair' | 'strong'
const wrong: 'excellent' = report.verdict;
console.log(wrong);

// The per-feature entries: their own ready, the root's types, only their own names.
import { generateSecret as generateOnly, ready as generateReady } from 'jwt-secret-kit/generate';
import { checkSecret as checkOnly, ready as checkReady } from 'jwt-secret-kit/check';
import { ready as jwtReady, signJwt as signOnly } from 'jwt-secret-kit/jwt';
import { auditToken, ready as auditReady } from 'jwt-secret-kit/audit';
await Promise.all([generateReady, checkReady, jwtReady, auditReady]);
const fromEntry: string = generateOnly({ alg: 'HS512' });
const entryVerdict: Verdict = checkOnly(fromEntry).verdict;
console.log(signOnly({ sub: '1' }, { secret: fromEntry }), entryVerdict, auditToken(token).found);
// @ts-expect-error jwt-secret-kit/generate has no checkSecret
import { checkSecret as notThere } from 'jwt-secret-kit/generate';
console.log(notThere);
