#!/usr/bin/env node
// cli.mjs — `jwt-secret`, the Node command line over the JS API (the same C core as the page).
// Exit status: 0 success, 1 a negative answer, 2 usage or input error (stderr only, stdout empty).
import { ALGORITHMS, CHECK_ENCODINGS, FORMATS, JwtSecretKitError, VERSION, checkSecret, generateSecret, ready } from './index.mjs';

const MAX_COUNT = 1000;

const USAGE = `jwt-secret ${VERSION} — generate HMAC secrets for JWTs (HS256, HS384, HS512)

Usage:
  jwt-secret generate [options]   print new random secrets, one per line
  jwt-secret check [options] [SECRET]
                                  how safe an existing secret is (exit 0 strong, 1 not)
  jwt-secret help [COMMAND]       show help
  jwt-secret --version

Run 'jwt-secret generate --help' or 'jwt-secret check --help' for the options.
`;

const CHECK_USAGE = `Usage: jwt-secret check [--alg ALG] [--encoding ENC] [--json] [--batch] [SECRET]

Tells whether a secret is safe as an HMAC key: weak (guessable), fair (not
practically guessable, but below the algorithm's size) or strong. Without SECRET
it reads standard input, which keeps the secret out of your shell history and
process list:  printf %s "$JWT_SECRET" | jwt-secret check
One trailing newline is removed from standard input; nothing else is trimmed.
The output never contains the secret.

Options:
  --alg ALG        the algorithm the secret is for: HS256 (default), HS384, HS512
  --encoding ENC   how your application turns the text into the key:
                     raw        the text's bytes (jsonwebtoken, jose; default)
                     hex        hex-decoded
                     base64     base64-decoded (padding optional; jjwt Decoders.BASE64)
                     base64url  base64url-decoded (padding optional)
                     auto       raw, plus what decoding libraries would get
  --json           one JSON object per secret: verdict, key_bytes, entropy_bits,
                   findings [{code, message}], verdicts, time_to_guess, fix, ...
  --batch          one secret per line of standard input (only the \\n or \\r\\n
                   ending is removed: spaces are part of the secret); one result
                   per line, in order
  -h, --help       show this help

The attacker model: one modern GPU trying 2x10^9 HS256 guesses a second.
Exit status: 0 every secret strong, 1 any weak or fair, 2 usage or input error.
`;

const GENERATE_USAGE = `Usage: jwt-secret generate [--alg ALG] [--bytes N] [--format FORMAT] [--count N]
                           [--name VAR]... [--alphabet CHARS] [--length N]

Prints new secrets from the operating system's CSPRNG, one per line, nothing else.

Options:
  --alg ALG          size the secret for ALG: HS256 = 32 random bytes (default),
                     HS384 = 48, HS512 = 64 (RFC 7518 section 3.2)
  --bytes N          random bytes, 1..4096; with --alg, at least the algorithm's size
  --format FORMAT    base64url (default, unpadded), base64, hex, base64url-padded, or
                     env (NAME=value lines for a .env file)
  --count N          how many secrets, 1..${MAX_COUNT} (default 1)
  --name VAR         variable name for --format env (default JWT_SECRET); implies
                     --format env. Repeat it for one secret per variable; with a
                     single name and --count N the names get _1.._N suffixes
  --alphabet CHARS   draw each character uniformly from CHARS (2..94 distinct
                     printable ASCII characters) instead of encoding random bytes
  --length N         characters for --alphabet (default: enough for the
                     algorithm's bits, 256 for HS256)
  -h, --help         show this help

Examples:
  jwt-secret generate                              # 43 characters, 256 bits
  jwt-secret generate --alg HS512 --format hex
  jwt-secret generate --name JWT_ACCESS_SECRET --name JWT_REFRESH_SECRET >> .env
  jwt-secret generate --alphabet 0123456789abcdefghijklmnopqrstuvwxyz

Exit status: 0 success, 2 usage or input error (message on stderr, nothing on stdout).
`;

class UsageError extends Error {}

// Parses argv against a table of options: { name: { flag: bool, repeat: bool } }.
function parseOptions(argv, spec, command) {
  const values = {};
  const positionals = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { help: true };
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : null;
    const def = name !== null && Object.hasOwn(spec, name) ? spec[name] : null;
    if (!def) throw new UsageError(`unknown option '${eq < 0 ? arg : arg.slice(0, eq)}' for '${command}'`);
    let value;
    if (def.flag) {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      value = true;
    } else if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      if (i + 1 >= argv.length) throw new UsageError(`option --${name} needs a value`);
      value = argv[++i];
    }
    if (def.repeat) {
      (values[name] ??= []).push(value);
    } else {
      if (Object.hasOwn(values, name)) throw new UsageError(`option --${name} given more than once`);
      values[name] = value;
    }
  }
  return { values, positionals };
}

function wholeNumber(text, option, max) {
  if (!/^[0-9]{1,10}$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw new UsageError(`--${option} expects a whole number from 1 to ${max}, got '${text}'`);
  }
  return Number(text);
}

function generate(argv) {
  const spec = {
    alg: {}, bytes: {}, format: {}, count: {}, name: { repeat: true }, alphabet: {}, length: {},
  };
  const parsed = parseOptions(argv, spec, 'generate');
  if (parsed.help) return { out: GENERATE_USAGE };
  const { values: v, positionals } = parsed;
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' for 'generate'`);

  const options = {};
  if (v.alg !== undefined) {
    options.alg = v.alg.toUpperCase();
    if (!ALGORITHMS.includes(options.alg)) {
      throw new UsageError(`--alg must be one of ${ALGORITHMS.join(', ')}, got '${v.alg}'`);
    }
  }
  if (v.bytes !== undefined) options.bytes = wholeNumber(v.bytes, 'bytes', 4096);
  if (v.format !== undefined) {
    if (!FORMATS.includes(v.format)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${v.format}'`);
    }
    options.format = v.format;
  }
  if (v.alphabet !== undefined) options.alphabet = v.alphabet;
  if (v.length !== undefined) {
    if (v.alphabet === undefined) throw new UsageError('--length applies to --alphabet; use --bytes for random bytes');
    options.length = wholeNumber(v.length, 'length', 4096);
  }
  if (v.bytes !== undefined && v.alphabet !== undefined) {
    throw new UsageError('--bytes and --alphabet exclude each other (size an alphabet secret with --length)');
  }
  if (v.format !== undefined && v.format !== 'env' && v.alphabet !== undefined) {
    throw new UsageError(`--format ${v.format} encodes random bytes; an --alphabet secret is already text`);
  }
  const names = v.name ?? [];
  if (names.length > 0 && v.format !== undefined && v.format !== 'env') {
    throw new UsageError('--name applies only to --format env');
  }
  let count = v.count === undefined ? null : wholeNumber(v.count, 'count', MAX_COUNT);
  const env = options.format === 'env' || names.length > 0;
  let varNames = [];
  if (env) {
    options.format = 'env';
    if (names.length > 1) {
      if (count !== null && count !== names.length) {
        throw new UsageError(`--count ${count} does not match the ${names.length} --name options`);
      }
      if (new Set(names).size !== names.length) throw new UsageError('the same --name is given twice');
      varNames = names;
    } else {
      const base = names[0] ?? 'JWT_SECRET';
      varNames = count === null || count === 1 ? [base] : Array.from({ length: count }, (_, i) => `${base}_${i + 1}`);
    }
    count = varNames.length;
  }
  count ??= 1;

  const lines = [];
  for (let i = 0; i < count; i++) {
    lines.push(generateSecret(env ? { ...options, name: varNames[i] } : options));
  }
  return { out: `${lines.join('\n')}\n` };
}

// The bytes of standard input (empty when it is a terminal: the secret must be piped in).
async function readStdin() {
  if (process.stdin.isTTY) {
    throw new UsageError("no secret given: pipe it in (printf %s \"$JWT_SECRET\" | jwt-secret check) or pass it as an argument");
  }
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const all = Buffer.concat(chunks);
  const bytes = new Uint8Array(all);
  all.fill(0);
  for (const c of chunks) c.fill(0);
  return bytes;
}

// Secrets from stdin: the whole input without one final newline, or (batch) one per line.
function splitSecrets(bytes, batch) {
  const strip = (b) => (b.length > 0 && b[b.length - 1] === 0x0d ? b.subarray(0, b.length - 1) : b);
  if (!batch) {
    return [bytes.length > 0 && bytes[bytes.length - 1] === 0x0a ? strip(bytes.subarray(0, bytes.length - 1)) : bytes];
  }
  const lines = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(strip(bytes.subarray(start, i)));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function describe(r) {
  const lines = [
    `${r.verdict}: about ${Math.floor(r.entropy_bits)} bits of entropy${r.entropy_capped ? ' or more' : ''}, ` +
      `a ${r.key_bytes}-byte key for ${r.alg} (${r.encoding}); time to guess on one GPU: ${r.time_to_guess}`,
  ];
  for (const f of r.findings) lines.push(`  - ${f.code}: ${f.message}`);
  for (const a of r.alternatives) {
    lines.push(`  decoded as ${a.encoding}: a ${a.key_bytes}-byte key, ${a.verdicts[r.alg]} for ${r.alg}`);
  }
  if (r.fix) lines.push(`  fix: ${r.fix}`);
  return lines.join('\n');
}

async function check(argv) {
  const parsed = parseOptions(argv, { alg: {}, encoding: {}, json: { flag: true }, batch: { flag: true } }, 'check');
  if (parsed.help) return { out: CHECK_USAGE };
  const { values: v, positionals } = parsed;
  const options = {};
  if (v.alg !== undefined) {
    options.alg = v.alg.toUpperCase();
    if (!ALGORITHMS.includes(options.alg)) throw new UsageError(`--alg must be one of ${ALGORITHMS.join(', ')}, got '${v.alg}'`);
  }
  if (v.encoding !== undefined) {
    if (!CHECK_ENCODINGS.includes(v.encoding)) {
      throw new UsageError(`--encoding must be one of ${CHECK_ENCODINGS.join(', ')}, got '${v.encoding}'`);
    }
    options.encoding = v.encoding;
  }
  if (positionals.length > 1) throw new UsageError('give one SECRET, or none to read standard input');
  if (positionals.length === 1 && v.batch) throw new UsageError('--batch reads standard input: give no SECRET');
  const secrets = positionals.length === 1 ? [new TextEncoder().encode(positionals[0])] : splitSecrets(await readStdin(), v.batch);
  const reports = secrets.map((secret, i) => {
    try {
      return checkSecret(secret, options);
    } catch (e) {
      if (v.batch && e.code) e.message = `line ${i + 1}: ${e.message}`;
      throw e;
    }
  });
  const out = reports.map((r) =>
    v.json ? JSON.stringify(r) : v.batch ? `${r.verdict}\t${r.entropy_bits} bits\t${r.key_bytes} bytes\t${r.findings.map((f) => f.code).join(',') || '-'}` : describe(r),
  );
  return { out: out.length > 0 ? `${out.join('\n')}\n` : '', code: reports.every((r) => r.verdict === 'strong') ? 0 : 1 };
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-V') return { out: `${VERSION}\n` };
  if (command === undefined) return { err: `jwt-secret: missing command\n\n${USAGE}`, code: 2 };
  if (command === '-h' || command === '--help') return { out: USAGE };
  if (command === 'help') {
    if (rest.length === 0) return { out: USAGE };
    if (rest[0] === 'generate') return { out: GENERATE_USAGE };
    if (rest[0] === 'check') return { out: CHECK_USAGE };
    throw new UsageError(`unknown command '${rest[0]}'`);
  }
  if (command === 'generate') {
    await ready;
    return generate(rest);
  }
  if (command === 'check') {
    await ready;
    return check(rest);
  }
  throw new UsageError(`unknown command '${command}'`);
}

process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0); // `jwt-secret generate --count 100 | head -1`
  throw e;
});

try {
  const { out, err, code = 0 } = await main(process.argv.slice(2));
  if (out) process.stdout.write(out);
  if (err) process.stderr.write(err);
  process.exitCode = code;
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`jwt-secret: ${e.message}\nRun 'jwt-secret help' for usage.\n`);
  } else if (e instanceof JwtSecretKitError || (e && typeof e.code === 'string' && e.code.startsWith('ERR_'))) {
    process.stderr.write(`jwt-secret: ${e.message} (${e.code})\n`);
  } else {
    process.stderr.write(`jwt-secret: internal error: ${(e && e.stack) || e}\n`);
  }
  process.exitCode = 2;
}
