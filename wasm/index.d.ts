// Type declarations for jwt-secret-kit: the template of dist/index.d.mts and dist/index.d.cts.
// scripts/gen-policy.mjs replaces each "@policy KEY" comment marker below by a union of the core's
// names (jsk_policy_json()), and this comment by a generated-file header: names are never typed here.

export type Algorithm = /* @policy algorithms */;
export type Encoding = /* @policy generate.encodings */;
export type SecretFormat = /* @policy generate.formats */;
/** How generateEnvFiles lays out its files. */
export type EnvLayout = /* @policy generate.env_layouts */;

/** The core's error codes (jsk_error_code()), stable. */
export type CoreErrorCode = /* @policy errors */;
/** The codes of errors the core reports on a token it read and refused (jsk_error_is_refusal()). */
export type RefusalCode = /* @policy refusals */;
/** The JS layer's own codes: the core cannot be loaded or run, or its heap is full. */
export type LoaderErrorCode = 'ERR_NOT_READY' | 'ERR_NO_WEBASSEMBLY' | 'ERR_WASM_LOAD' | 'ERR_OUT_OF_MEMORY';
/** Stable error codes: every thrown JwtSecretKitError carries one. */
export type ErrorCode = CoreErrorCode | LoaderErrorCode;

export class JwtSecretKitError extends Error {
  readonly name: 'JwtSecretKitError';
  readonly code: ErrorCode;
  /** True when the core read a token and refused it (a wrong signature, alg "none", ...): a negative
   * answer, as the CLI's exit status 1, rather than an input error. */
  readonly refusal: boolean;
  /** generateEnvFiles: which name or environment the core refused. */
  readonly item?: { option: 'names' | 'environments'; index: number };
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
/** A .env line NAME=value as the core writes it (single-quoted when the value needs it; throws
 * ERR_BAD_NAME for a bad name, ERR_UNSAFE_VALUE when no quoting is safe). */
export function envLine(name: string, value: string): string;

export const ENV_LAYOUTS: readonly EnvLayout[];

export interface EnvFilesOptions {
  /** Variable names (default ['JWT_SECRET']), each once per file, case aside (ERR_DUPLICATE_NAME). */
  names?: string | readonly string[];
  /** Environments (default none: one file): a letter, then letters, digits, '-' or '_'. */
  environments?: string | readonly string[];
  /** 'files' (default): one file per environment, .env.<environment>; 'prefix': one .env,
   * PRODUCTION_JWT_SECRET=...; 'rotation': as files, NAME_CURRENT and NAME_PREVIOUS (sign with the
   * current key, verify with the current then the previous); 'k8s': a Kubernetes Secret manifest
   * per environment, jwt-secrets.<environment>.yaml. */
  layout?: EnvLayout;
  alg?: Algorithm;
  bytes?: number;
}
export interface EnvFile {
  /** '.env', '.env.production', 'jwt-secrets.production.yaml'. */
  name: string;
  /** The file's environment; null for a file of every environment (prefix) or of none. */
  environment: string | null;
  /** The variables (keys, for 'k8s') of the file, in order. */
  variables: string[];
  /** The whole file: a header comment, then one line per variable, "\n" line ends. */
  content: string;
}
export interface EnvFiles {
  layout: EnvLayout;
  alg: Algorithm;
  bytes: number;
  files: EnvFile[];
}
/** New secrets as .env files (the jwt module's: exported here and from jwt-secret-kit/jwt). A refused
 * name throws a JwtSecretKitError with `item: { option: 'names' | 'environments', index }`. */
export function generateEnvFiles(options?: EnvFilesOptions): EnvFiles;

export interface CommandOptions {
  alg?: Algorithm;
  bytes?: number;
  /** The secret's text (default 'base64url'); 'env' with name for a .env line. */
  format?: SecretFormat;
  /** The variable (default JWT_SECRET): the .env name, a store's key, and (lower case, '-') its resource name. */
  name?: string;
}
export interface Command {
  /** 'openssl', 'node', 'python3', 'jwt-secret', 'npx', 'gh', 'kubectl', 'docker', 'vault', 'aws', 'gcloud', 'az'. */
  tool: string;
  what: string;
  /** One shell command line (POSIX sh). */
  command: string;
}
/** The same kind of secret made on one's own machine: openssl, node, python3, jwt-secret, npx. */
export function makeCommands(options?: CommandOptions): Command[];
/** A new secret put where it belongs through a pipe only (never a command-line argument). */
export function storeCommands(options?: CommandOptions): Command[];

export type CheckEncoding = /* @policy check.encodings */;
export type Verdict = /* @policy check.verdicts */;
export type FindingCode = /* @policy check.findings */;

export interface CheckOptions {
  /** The algorithm the verdict is for (default HS256). */
  alg?: Algorithm;
  /** How the application turns the text into the key (default 'raw': its UTF-8 bytes). */
  encoding?: CheckEncoding;
  /** Instead of `encoding`: the secret as signJwt/verifyJwt take it (a JWK is judged by its "k"), for
   * verifyJwt's `secretCheck`. Both given: ERR_OPTION_CONFLICT. */
  secretFormat?: KeyFormat;
  /** Words an attacker knows about the project (its name, the repository's, the company's): they
   * cost almost nothing where the secret holds them, as zxcvbn's user_inputs. */
  context?: string | readonly string[];
}

/** The report of `checkSecret` (and of `jwt-secret check --json`). It never contains the secret. */
export interface CheckReport {
  verdict: Verdict;
  alg: Algorithm;
  encoding: Exclude<CheckEncoding, 'auto'>;
  key_bytes: number;
  length: number;
  entropy_bits: number;
  entropy_capped: boolean;
  guesses_log10: number;
  seconds_to_guess: number;
  time_to_guess: string;
  /** What the verdict means for this secret, in one sentence (one number of bits throughout). */
  meaning: string;
  verdicts: Record<Algorithm, Verdict>;
  findings: { code: FindingCode; message: string }[];
  shapes: ('hex' | 'base64' | 'base64url' | 'uuid' | 'jwt')[];
  alternatives: { encoding: Exclude<CheckEncoding, 'raw' | 'auto'>; key_bytes: number; verdicts: Record<Algorithm, Verdict> }[];
  fix: string | null;
}

export const CHECK_ENCODINGS: readonly CheckEncoding[];
export function checkSecret(secret: string | Uint8Array, options?: CheckOptions): CheckReport;

/** Secrets and messages: a string (its UTF-8 bytes) or bytes. */
export type Bytes = string | Uint8Array;

export function hmac(alg: Algorithm, key: Bytes, message: Bytes): Uint8Array;
/** How a secret string is written: its UTF-8 bytes ('text', the default), base64, base64url
 * (padding optional), hex, or a JWK ({"kty":"oct","k":...}; its alg, if any, must match). */
export type KeyFormat = /* @policy keys.formats */;
export function signJwt(
  payload: string | Record<string, unknown>,
  options: { secret: Bytes; alg?: Algorithm; secretFormat?: KeyFormat },
): string;

/** A finding about a token: what is wrong and what to do, in one message. */
export interface TokenFinding {
  code: string;
  severity: 'danger' | 'warning' | 'info';
  message: string;
}

export interface VerifiedJwt {
  /** The signature holds and the token is within its time (an invalid token throws). */
  valid: true;
  alg: Algorithm;
  header: Record<string, unknown>;
  /** The payload, a JSON object (the core refuses any other payload with ERR_BAD_PAYLOAD). */
  payload: Record<string, unknown>;
  /** The payload's text exactly as signed (jsk_jws_open), for byte-exact use or another JSON parser. */
  payloadText: string;
  /** 'valid-with-warnings' when a finding is a danger or a warning (a short key, no exp, ...). */
  verdict: 'valid' | 'valid-with-warnings';
  /** One sentence: "The signature is valid (HS256), but the key has 5 bytes; HS256 needs at least 32." */
  headline: string;
  findings: TokenFinding[];
  /** Whether the algorithm was pinned (options.alg, or a JWK's alg) or taken from the token's header. */
  algFrom: 'header' | 'pinned';
}

/** The core's verification report (jsk_jwt_verify_report), on the error verifyJwt throws as `report`. */
export interface VerifyReport {
  verdict: 'valid' | 'valid-with-warnings' | 'invalid';
  headline: string;
  code: ErrorCode | null;
  signature_valid: boolean;
  alg: Algorithm | null;
  alg_from: 'header' | 'pinned';
  key_bytes: number;
  key_bytes_min: number;
  findings: TokenFinding[];
}

/**
 * Throws a JwtSecretKitError when the token is not valid: a refused signature (ERR_BAD_SIGNATURE,
 * ERR_ALG_NONE, ...), an expired or not yet valid token (ERR_TOKEN_EXPIRED,
 * ERR_TOKEN_NOT_YET_VALID, judged at options.now, seconds since 1970, default now) or a time claim
 * that is not a number (ERR_BAD_TIME_CLAIM); the error's `report` is then the core's report.
 */
export function verifyJwt(
  token: string,
  options: {
    secret: Bytes;
    alg?: Algorithm;
    secretFormat?: KeyFormat;
    now?: number;
    /** checkSecret's result for this secret: a weak verdict is the danger WEAK_SECRET (valid, with warnings). */
    secretCheck?: { verdict: Verdict; meaning?: string };
  },
): VerifiedJwt;

/** What inspectJwt says about a token (jsk_jwt_inspect), read without its key. */
export interface TokenInspection {
  ok: true;
  /** What was removed around the token (REMOVED_WHITESPACE, REMOVED_BOM, REMOVED_AUTHORIZATION, REMOVED_BEARER, REMOVED_QUOTES). */
  notes: { code: string; message: string }[];
  /** Where the token and its parts are in the text given (offsets and lengths in UTF-8 bytes of it). */
  token: { offset: number; length: number };
  parts: { name: 'header' | 'payload' | 'signature'; offset: number; length: number }[];
  alg: string | null;
  typ: string | null;
  kid: string | null;
  signature_bytes: number;
  claims: { iat: number | null; nbf: number | null; exp: number | null };
  times: {
    expired: boolean;
    not_yet_valid: boolean;
    expires_in: number | null;
    expired_ago: number | null;
    valid_in: number | null;
    lifetime: number | null;
    /** "valid for another 59 minutes", "expired 3 hours ago", "never expires (no exp)", ... */
    text: string;
  };
  findings: TokenFinding[];
  /** The header's JSON text, exactly as decoded. */
  header: string;
  payload_is_json: boolean;
  /** The payload's text, exactly as decoded; null when it is not UTF-8. */
  payload: string | null;
}
/** Reads a token offline. Text that is not a token throws (the message says which part and what is wrong). */
export function inspectJwt(text: string, options?: { now?: number }): TokenInspection;

export interface Jwk {
  kty: 'oct';
  k: string;
  alg: Algorithm;
  use: 'sig';
  kid: string;
}
export function toJwk(secret: Bytes, options?: { alg?: Algorithm }): Jwk;
/** A JWKS for rotation, { keys: [current, previous] }: each key as written (secretFormat for the current
 * one, previousFormat for the previous, 'text' by default), each at least the alg's size. */
export function toJwks(
  current: Bytes,
  previous?: Bytes | null,
  options?: { alg?: Algorithm; secretFormat?: KeyFormat; previousFormat?: KeyFormat },
): { keys: Jwk[] };

export interface AuditOptions {
  /** More candidates, one per line, taken exactly (only "\n" or "\r\n" is removed). */
  wordlist?: Bytes;
  /** Try the built-in list first (default true). */
  builtin?: boolean;
  /** Called between chunks with the candidates tried so far; return false to cancel. */
  onProgress?: (tried: number) => boolean | void;
  chunkBytes?: number;
  /** Take one contiguous part of each list (one worker each). */
  shard?: { index: number; count: number };
}
export interface AuditResult {
  found: boolean;
  secret: string | null;
  alg: Algorithm;
  tried: number;
  seconds: number;
  source: 'builtin' | 'wordlist' | null;
  cancelled: boolean;
}
export function auditToken(token: string, options?: AuditOptions): AuditResult;
export interface TokenAudit {
  readonly alg: Algorithm;
  readonly tried: number;
  tryLines(bytes: Bytes, final?: boolean): { found: false } | { found: true; line: Uint8Array };
  close(): void;
}
export function createAudit(token: string): TokenAudit;
