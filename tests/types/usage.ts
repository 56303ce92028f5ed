// usage.ts — compiled with `tsc --strict --noEmit` by tests/node/types.test.mjs against
// dist/index.d.ts, through the package's own exports map: what users write must type-check, and misuse must not.
import {
  ALGORITHMS, decode, describeSecret, encode, generateSecret, init, JwtSecretKitError, ready,
  type Algorithm, type ErrorCode, type GenerateOptions, type SecretDescription,
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
  try {
    generateSecret({ bytes: 1 });
  } catch (err) {
    if (err instanceof JwtSecretKitError) {
      const code: ErrorCode = err.code;
      console.log(code, err.message);
    }
  }
  console.log(s, e, bits, bytes, raw);

  // @ts-expect-error: not an HMAC algorithm
  generateSecret({ alg: 'RS256' });
  // @ts-expect-error: not a format
  generateSecret({ format: 'jwk' });
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
