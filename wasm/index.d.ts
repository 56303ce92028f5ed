// Type declarations for jwt-secret-kit (the ES module in dist/index.mjs).

export type Algorithm = 'HS256' | 'HS384' | 'HS512';
export type Encoding = 'base64url' | 'base64' | 'hex' | 'base64url-padded';
export type SecretFormat = Encoding | 'env';

/** Stable error codes: every thrown JwtSecretKitError carries one. */
export type ErrorCode =
  | 'ERR_INVALID_ARGUMENT'
  | 'ERR_BUFFER_TOO_SMALL'
  | 'ERR_BAD_CHARACTER'
  | 'ERR_BAD_PADDING'
  | 'ERR_TRAILING_BITS'
  | 'ERR_BAD_LENGTH'
  | 'ERR_NO_ENTROPY'
  | 'ERR_BAD_ALPHABET'
  | 'ERR_OUT_OF_RANGE'
  | 'ERR_KEY_TOO_SHORT'
  | 'ERR_BAD_NAME'
  | 'ERR_UNKNOWN_ALG'
  | 'ERR_UNKNOWN_FORMAT'
  | 'ERR_UNSAFE_VALUE'
  | 'ERR_NOT_READY'
  | 'ERR_NO_WEBASSEMBLY'
  | 'ERR_WASM_LOAD'
  | 'ERR_SELF_TEST'
  | 'ERR_OUT_OF_MEMORY';

export class JwtSecretKitError extends Error {
  readonly name: 'JwtSecretKitError';
  readonly code: ErrorCode;
}

export interface GenerateOptions {
  /** Sizes the secret for this algorithm: HS256 = 32 bytes (the default), HS384 = 48, HS512 = 64. */
  alg?: Algorithm;
  /** Random bytes, 1..4096; with `alg`, at least the algorithm's size (RFC 7518 §3.2). */
  bytes?: number;
  /** Text form of the bytes (default 'base64url', unpadded); 'env' gives `NAME=value`. */
  format?: SecretFormat;
  /** Variable name for format 'env' (default 'JWT_SECRET'); implies format 'env'. */
  name?: string;
  /** Draw characters uniformly from these 2..94 distinct printable ASCII characters instead. */
  alphabet?: string;
  /** Characters for `alphabet` (default: enough for the algorithm's bits, HS256 when no alg). */
  length?: number;
}

export interface SecretDescription {
  alg: Algorithm | null;
  format: SecretFormat;
  /** Random bytes drawn; null for an alphabet secret. */
  bytes: number | null;
  /** Characters of the secret itself (without `NAME=` for 'env'). */
  characters: number;
  /** Bits of entropy: 8 per random byte, or length × log2(alphabet size). */
  entropyBits: number;
}

export const VERSION: string;
export const ALGORITHMS: readonly Algorithm[];
export const ENCODINGS: readonly Encoding[];
export const FORMATS: readonly SecretFormat[];

/** init() started at import. Await it once; every other call is synchronous afterwards. */
export const ready: Promise<void>;
/** Instantiates and self-tests the WASM core (once; a failed init() may be retried). */
export function init(): Promise<void>;

export function generateSecret(options?: GenerateOptions): string;
export function describeSecret(options?: GenerateOptions): SecretDescription;
export function encode(bytes: Uint8Array, format?: Encoding): string;
export function decode(text: string, format?: Encoding): Uint8Array;
