// usage.ts — compiled with `tsc --strict --noEmit` by tests/node/types.test.mjs against
// dist/index.d.mts, through the package's own exports map: what users write must type-check, and misuse must not.
import {
  ALGORITHMS, auditToken, checkSecret, createAudit, decode, describeSecret, encode, envLine, generateSecret, hmac, init,
  inspectJwt, JwtSecretKitError, ready, signJwt, toJwk, toJwks, verifyJwt,
  type KeyFormat, type TokenFinding, type TokenInspection, type VerifiedJwt, type VerifyReport,
  type Algorithm, type AuditResult, type CheckReport, type ErrorCode, type GenerateOptions, type Jwk,
  type SecretDescription, type Verdict,
} from 'jwt-secret-kit';

async function main(): Promise<void> {
  await ready;
  await init();
  const alg: Algorithm = ALGORITHMS[0];
  const s: string = generateSecret({ alg, format: 'hex' });
  const e: string = generateSecret({ name: 'JWT_SECRET' });
  const opts: GenerateOptions = { alphabet: 'abc', length: 200 };
  const d: SecretDescription = describeSecret(opts);
  const bits: number = d.entropyBits;
  const bytes: number | null = d.bytes;
  const text: string = encode(new Uint8Array([1, 2, 3]), 'base64url-padded');
  const raw: Uint8Array = decode(text, 'base64url-padded');
  const line: string = envLine('JWT_SECRET', text);
  try {
    generateSecret({ bytes: 1 });
  } catch (err) {
    if (err instanceof JwtSecretKitError) {
      const code: ErrorCode = err.code;
      console.log(code, err.message);
    }
  }
  console.log(s, e, bits, bytes, raw, line);

  const report: CheckReport = checkSecret(s, { alg: 'HS384', encoding: 'auto' });
  const verdict: Verdict = report.verdicts.HS512;
  const token: string = signJwt({ sub: '1' }, { secret: s, alg: 'HS256' });
  const claims: unknown = verifyJwt(token, { secret: new Uint8Array(32) }).payload;
  const jwk: Jwk = toJwk(s, { alg: 'HS512' });
  const kids: string[] = toJwks(s, null).keys.map((k) => k.kid);
  const tag: Uint8Array = hmac('HS256', 'key', new Uint8Array([1]));
  const audit: AuditResult = auditToken(token, { wordlist: 'a\nb', onProgress: (n) => n < 10 });
  const session = createAudit(token);
  const hit = session.tryLines(new Uint8Array(0), true);
  if (hit.found) console.log(hit.line.length);
  session.close();
  console.log(verdict, claims, jwk.kid, kids, tag, audit.found);

  const fmt: KeyFormat = 'jwk';
  const seen: TokenInspection = inspectJwt(`Bearer ${token}`, { now: 1700000000 });
  const exp: number | null = seen.claims.exp;
  const first: TokenFinding | undefined = seen.findings[0];
  const part: number = seen.parts[1].offset;
  const checked: VerifiedJwt = verifyJwt(token, { secret: s, secretFormat: fmt, now: 1700000000 });
  const headline: string = checked.headline;
  const from: 'header' | 'pinned' = checked.algFrom;
  const sure: 'valid' | 'valid-with-warnings' = checked.verdict;
  try {
    verifyJwt(token, { secret: s });
  } catch (err) {
    const r = (err as { report?: VerifyReport }).report;
    if (r) console.log(r.verdict, r.code, r.signature_valid);
  }
  console.log(exp, first?.severity, part, headline, from, sure);
  // @ts-expect-error: not a key format
  signJwt({}, { secret: s, secretFormat: 'pem' });
  // @ts-expect-error: now is seconds, a number
  inspectJwt(token, { now: new Date() });

  // @ts-expect-error: verdicts are per HMAC algorithm only
  console.log(report.verdicts.RS256);
  // @ts-expect-error: signJwt needs a secret
  signJwt({}, {});
  // @ts-expect-error: not a check encoding
  checkSecret('x', { encoding: 'utf16' });

  // @ts-expect-error: not an HMAC algorithm
  generateSecret({ alg: 'RS256' });
  // @ts-expect-error: not a format
  generateSecret({ format: 'pem' });
  // @ts-expect-error: no such option
  generateSecret({ byte: 32 });
  // @ts-expect-error: bytes is a number
  generateSecret({ bytes: '32' });
  // @ts-expect-error: encode takes bytes
  encode('text');
  // @ts-expect-error: 'env' is not an encoding
  decode('x', 'env');
}

void main();

// .env files and the commands beside a secret (the jwt module's).
import { ENV_LAYOUTS, generateEnvFiles, makeCommands, storeCommands, type Command, type EnvFile, type EnvLayout } from 'jwt-secret-kit';
import { generateEnvFiles as envFilesFromJwt } from 'jwt-secret-kit/jwt';
export function envFiles(): void {
  const layout: EnvLayout = ENV_LAYOUTS[0];
  const files: EnvFile[] = generateEnvFiles({ names: ['A', 'B'], environments: 'production', layout, alg: 'HS512' }).files;
  const env: string | null = files[0].environment;
  const made: Command[] = makeCommands({ bytes: 64, format: 'hex' });
  const stored: string = storeCommands({ name: 'JWT_SECRET' })[0].command;
  console.log(env, made, stored, envFilesFromJwt().files[0].content);
  try {
    generateEnvFiles({ names: ['A', 'A'] });
  } catch (err) {
    if (err instanceof JwtSecretKitError && err.item) console.log(err.item.option, err.item.index);
  }
  // @ts-expect-error not a layout
  generateEnvFiles({ layout: 'blocks' });
  // @ts-expect-error names are strings
  generateEnvFiles({ names: [1] });
}
