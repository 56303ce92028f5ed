#!/usr/bin/env node
// cli.mjs — `jwt-secret`, the Node command line over the JS API (the same C core as the page).
// Exit status: 0 success, 1 a negative answer, 2 usage or input error (stderr only, stdout empty).
import { ALGORITHMS, FORMATS, JwtSecretKitError, VERSION, generateSecret, ready } from './index.mjs';

const MAX_COUNT = 1000;

const USAGE = `jwt-secret ${VERSION} — generate HMAC secrets for JWTs (HS256, HS384, HS512)

Usage:
  jwt-secret generate [options]   print new random secrets, one per line
  jwt-secret help [COMMAND]       show help
  jwt-secret --version

Run 'jwt-secret generate --help' for the options.
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

// Parses argv against a table of options: { name: { value: bool, repeat: bool } }.
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
    if (eq >= 0) {
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

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-V') return { out: `${VERSION}\n` };
  if (command === undefined) return { err: `jwt-secret: missing command\n\n${USAGE}`, code: 2 };
  if (command === '-h' || command === '--help') return { out: USAGE };
  if (command === 'help') {
    if (rest.length === 0) return { out: USAGE };
    if (rest[0] === 'generate') return { out: GENERATE_USAGE };
    throw new UsageError(`unknown command '${rest[0]}'`);
  }
  if (command === 'generate') {
    await ready;
    return generate(rest);
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
