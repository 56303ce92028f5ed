#!/usr/bin/env node
// cli.mjs — `jwt-secret`, the Node command line over the JS API (the same C core as the page).
// Exit status: 0 success, 1 a negative answer, 2 usage or input error (stderr only, stdout empty).
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import {
  ALGORITHMS, CHECK_ENCODINGS, FORMATS, JwtSecretKitError, VERSION, auditToken, checkSecret, createAudit, generateSecret,
  ready, signJwt, verifyJwt,
} from './index.mjs';

const MAX_COUNT = 1000;

const USAGE = `jwt-secret ${VERSION} — generate HMAC secrets for JWTs (HS256, HS384, HS512)

Usage:
  jwt-secret generate [options]   print new random secrets, one per line
  jwt-secret check [options] [SECRET]
                                  how safe an existing secret is (exit 0 strong, 1 not)
  jwt-secret check --env FILE [--var-pattern GLOB]
                                  check the secrets in a .env file (for CI and hooks)
  jwt-secret sign --alg ALG [--secret S] [--payload JSON]
                                  print a token signed with the secret
  jwt-secret verify TOKEN [--secret S] [--alg ALG]
                                  check a token's signature (exit 0 valid, 1 not)
  jwt-secret audit TOKEN [--wordlist FILE] [--json]
                                  is the token's secret a known weak one? (exit 1 found)
  jwt-secret help [COMMAND]       show help
  jwt-secret --version

Run 'jwt-secret COMMAND --help' for a command's options.
`;

const SIGN_USAGE = `Usage: jwt-secret sign [--alg ALG] [--secret S] [--payload JSON]

Prints a compact JWS (a JWT) with the header {"alg":ALG,"typ":"JWT"}.
Without --secret the secret is read from standard input (one trailing newline removed),
which keeps it out of your shell history and process list.

Options:
  --alg ALG        HS256 (default), HS384 or HS512
  --secret S       the secret as text (its UTF-8 bytes are the key); it must have at
                   least 32/48/64 bytes for HS256/384/512 (RFC 7518 section 3.2)
  --payload JSON   a JSON object (default: {"iat": <now>})
  -h, --help       show this help

Exit status: 0 signed, 2 usage or input error.
`;

const VERIFY_USAGE = `Usage: jwt-secret verify TOKEN [--secret S] [--alg ALG] [--json]

Checks TOKEN's HMAC signature with the secret. Only HS256/384/512 are accepted:
"none", other algorithms and "crit" headers are refused. With --alg the algorithm
is pinned; without it, the header's HS* algorithm is used. Without --secret the
secret is read from standard input.

Options:
  --secret S       the secret as text
  --alg ALG        require this algorithm (HS256, HS384, HS512)
  --json           print {"valid", "alg", "header", "payload"} or {"valid":false,"code","message"}
  -h, --help       show this help

Exit status: 0 valid, 1 invalid (wrong signature, refused algorithm), 2 usage or
malformed input.
`;

const AUDIT_USAGE = `Usage: jwt-secret audit TOKEN [--wordlist FILE] [--json] [--force] [--hashcat]

Tries the built-in list of weak secrets (documented JWT defaults and their variants,
common passwords, words and names), then FILE, against an HS256/384/512 token.
FILE has one candidate per line, taken exactly: only the \\n or \\r\\n ending is
removed, so spaces are part of a candidate.

Options:
  --wordlist FILE  more candidates, one per line
  --json           print {"found", "secret", "alg", "tried", "seconds"}
  --force          run even when the list would take longer than 10 minutes here
  --hashcat        also print the equivalent hashcat command (GPU-scale cracking)
  -h, --help       show this help

For lists too large for one CPU, the equivalent hashcat command is printed instead:
  hashcat -m 16500 -a 0 TOKEN FILE

Exit status: 0 not found, 1 found (the secret is weak), 2 usage or input error.
`;

const CHECK_USAGE = `Usage: jwt-secret check [--alg ALG] [--encoding ENC] [--json] [--batch] [SECRET]
       jwt-secret check --env FILE [--var-pattern GLOB]... [--alg ALG] [--encoding ENC]
                        [--json]

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
  --env FILE       check the variables of a .env file instead (- reads it from
                   standard input), as the dotenv package reads it: KEY=VALUE,
                   \`export KEY=...\`, # comments, '...' taken as is, "..." with
                   \\n and \\r expanded, an unquoted value ends at #, the last
                   assignment of a name wins. One line per variable, "NAME:
                   verdict (bits, key bytes, first finding)", then a summary;
                   with --json one object per variable, {"name", ...report}
  --var-pattern GLOB
                   which variables --env checks: names matching GLOB (* any run
                   of characters, ? one character; whole name, case-insensitive;
                   repeat the option for more patterns). Default: names that
                   contain JWT or SECRET
  -h, --help       show this help

The attacker model: one modern GPU trying 2x10^9 HS256 guesses a second.
Exit status: 0 every secret strong, 1 any weak or fair (with --env: each such
variable is named), 2 usage or input error (with --env: the file cannot be read,
no variable matches, or a value is not valid in --encoding).
`;

const GENERATE_USAGE = `Usage: jwt-secret generate [--alg ALG] [--bytes N] [--format FORMAT] [--count N]
                           [--name VAR]... [--alphabet CHARS] [--length N]

Prints new secrets from the operating system's CSPRNG, one per line, nothing else.

Options:
  --alg ALG          size the secret for ALG: HS256 = 32 random bytes (default),
                     HS384 = 48, HS512 = 64 (RFC 7518 section 3.2)
  --bytes N          random bytes, 1..4096; with --alg, at least the algorithm's size
  --format FORMAT    base64url (default, unpadded), base64, hex, base64url-padded,
                     env (NAME=value lines for a .env file), or jwk (one JWK per line:
                     {"kty":"oct","k",…,"kid"} with the RFC 7638 thumbprint as kid)
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
  if (v.alg !== undefined) options.alg = algOption(v);
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

// ------------------------------------------------------------------------ check --env

// The variables of a .env file, read as the dotenv package (motdotla/dotenv) reads them, so that
// the values checked are the ones the application gets: [name, value] in order of first
// appearance, the last assignment of a name winning. Lines that are not assignments are skipped.
//   KEY=value   KEY = value   export KEY=value   KEY: value     (KEY: letters, digits, _ . -)
//   unquoted values are trimmed and end at the first #;  '...' and `...` are taken as they are;
//   "..." expands \n and \r (nothing else); quoted values may span lines.
const DOTENV_LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

function parseDotenv(text) {
  const vars = new Map();
  const src = text.replace(/\r\n?/g, '\n');
  DOTENV_LINE.lastIndex = 0;
  for (let m; (m = DOTENV_LINE.exec(src)) !== null; ) {
    let value = (m[2] ?? '').trim();
    const quote = value[0];
    value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
    if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    vars.set(m[1], value);
  }
  return vars;
}

// A glob over a whole variable name: * any run of characters, ? one; case-insensitive.
function globRegExp(glob) {
  const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'is');
}

const DEFAULT_ENV_PATTERN = /JWT|SECRET/i;

async function checkEnv(v, options) {
  let bytes;
  if (v.env === '-') {
    if (process.stdin.isTTY) throw new UsageError('--env - reads the .env file from standard input: pipe it in');
    bytes = await readStdin();
  } else {
    try {
      bytes = readFileSync(v.env);
    } catch (e) {
      const why = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' }[e.code] ?? e.code ?? e.message;
      throw new UsageError(`cannot read --env ${v.env}: ${why}`);
    }
  }
  const file = v.env === '-' ? 'standard input' : v.env;
  let text = new TextDecoder().decode(bytes);
  bytes.fill(0);
  const patterns = v['var-pattern'];
  const wanted = patterns ? patterns.map(globRegExp) : [DEFAULT_ENV_PATTERN];
  const selected = [...parseDotenv(text)].filter(([name]) => wanted.some((re) => re.test(name)));
  text = '';
  if (selected.length === 0) {
    const which = patterns ? `--var-pattern ${patterns.map((p) => `'${p}'`).join(', ')}` : 'the default pattern (names containing JWT or SECRET)';
    throw new UsageError(`no variable in ${file} matches ${which}`);
  }
  const results = selected.map(([name, value]) => {
    try {
      return { name, report: checkSecret(value, options) };
    } catch (e) {
      // A value that is not valid in --encoding is an input error, as for one SECRET (exit 2).
      if (e.code) e.message = `${name}: ${e.message}`;
      throw e;
    }
  });
  selected.length = 0;
  const notStrong = results.filter((r) => r.report.verdict !== 'strong').map((r) => r.name);
  let out;
  if (v.json) {
    out = results.map((r) => JSON.stringify({ name: r.name, ...r.report }));
  } else {
    out = results.map(({ name, report: r }) => {
      const bits = `${Math.floor(r.entropy_bits)}${r.entropy_capped ? '+' : ''} bits`;
      const first = r.findings.length > 0 ? `, ${r.findings[0].code}` : '';
      return `${name}: ${r.verdict} (${bits}, ${r.key_bytes}-byte key${first})`;
    });
    const alg = options.alg ?? 'HS256';
    out.push(
      notStrong.length === 0
        ? `all strong for ${alg}: ${results.map((r) => r.name).join(', ')}`
        : `not strong for ${alg}: ${notStrong.join(', ')} (fix: jwt-secret generate --alg ${alg})`,
    );
  }
  return { out: `${out.join('\n')}\n`, code: notStrong.length === 0 ? 0 : 1 };
}

async function check(argv) {
  const spec = { alg: {}, encoding: {}, json: { flag: true }, batch: { flag: true }, env: {}, 'var-pattern': { repeat: true } };
  const parsed = parseOptions(argv, spec, 'check');
  if (parsed.help) return { out: CHECK_USAGE };
  const { values: v, positionals } = parsed;
  const options = {};
  if (v.alg !== undefined) options.alg = algOption(v);
  if (v.encoding !== undefined) {
    if (!CHECK_ENCODINGS.includes(v.encoding)) {
      throw new UsageError(`--encoding must be one of ${CHECK_ENCODINGS.join(', ')}, got '${v.encoding}'`);
    }
    options.encoding = v.encoding;
  }
  if (v.env !== undefined) {
    if (positionals.length > 0) throw new UsageError('--env reads the secrets from FILE: give no SECRET');
    if (v.batch) throw new UsageError('--env and --batch exclude each other');
    if (v.env === '') throw new UsageError('--env needs a file name');
    return await checkEnv(v, options);
  }
  if (v['var-pattern'] !== undefined) throw new UsageError('--var-pattern applies only to --env');
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

// The secret for sign/verify: --secret, or standard input without one trailing newline.
async function secretArg(v) {
  if (v.secret !== undefined) return v.secret;
  const [bytes] = splitSecrets(await readStdin(), false);
  return bytes;
}

function algOption(v) {
  if (v.alg === undefined) return undefined;
  const alg = v.alg.toUpperCase();
  if (!ALGORITHMS.includes(alg)) throw new UsageError(`--alg must be one of ${ALGORITHMS.join(', ')}, got '${v.alg}'`);
  return alg;
}

async function sign(argv) {
  const parsed = parseOptions(argv, { alg: {}, secret: {}, payload: {} }, 'sign');
  if (parsed.help) return { out: SIGN_USAGE };
  const { values: v, positionals } = parsed;
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' for 'sign'`);
  const payload = v.payload ?? JSON.stringify({ iat: Math.floor(Date.now() / 1000) });
  const token = signJwt(payload, { secret: await secretArg(v), alg: algOption(v) ?? 'HS256' });
  return { out: `${token}\n` };
}

// Refusals of a parsed token are negative answers (exit 1); unparsable input is an input error (2).
const INVALID_TOKEN = new Set(['ERR_BAD_SIGNATURE', 'ERR_ALG_NONE', 'ERR_ALG_NOT_HMAC', 'ERR_ALG_MISMATCH', 'ERR_CRIT', 'ERR_BAD_TAG_LENGTH']);

async function verify(argv) {
  const parsed = parseOptions(argv, { alg: {}, secret: {}, json: { flag: true } }, 'verify');
  if (parsed.help) return { out: VERIFY_USAGE };
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('give exactly one TOKEN');
  try {
    const r = verifyJwt(positionals[0], { secret: await secretArg(v), alg: algOption(v) });
    return { out: v.json ? `${JSON.stringify(r)}\n` : `valid: ${r.alg}\n${JSON.stringify(r.payload)}\n` };
  } catch (e) {
    if (!INVALID_TOKEN.has(e.code)) throw e;
    if (v.json) return { out: `${JSON.stringify({ valid: false, code: e.code, message: e.message })}\n`, code: 1 };
    return { out: `invalid: ${e.message} (${e.code})\n`, code: 1 };
  }
}

const AUDIT_LIMIT_SECONDS = 600;

function hashcatCommand(token, file) {
  const quote = (x) => `'${String(x).replace(/'/g, "'\\''")}'`;
  return `hashcat -m 16500 -a 0 ${quote(token)} ${quote(file)}`;
}

async function audit(argv) {
  const parsed = parseOptions(argv, { wordlist: {}, json: { flag: true }, force: { flag: true }, hashcat: { flag: true } }, 'audit');
  if (parsed.help) return { out: AUDIT_USAGE };
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('give exactly one TOKEN');
  const token = positionals[0];
  const notes = [];
  let fd;
  if (v.wordlist !== undefined) {
    try {
      fd = openSync(v.wordlist, 'r');
    } catch (e) {
      throw new UsageError(`cannot read --wordlist ${v.wordlist}: ${e.code ?? e.message}`);
    }
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      throw new UsageError(`cannot read --wordlist ${v.wordlist}: it is a directory`);
    }
  }
  // 1. The built-in list; its speed here estimates the wordlist's time.
  let result;
  try {
    result = auditToken(token);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    throw e;
  }
  let tried = result.tried;
  let seconds = result.seconds;
  if (fd !== undefined && result.found) closeSync(fd);
  if (!result.found && fd !== undefined) {
    try {
      const size = fstatSync(fd).size;
      const rate = tried / Math.max(seconds, 1e-3); // candidates a second on this machine
      const estimate = size / 10 / rate; // about 10 bytes a line in common wordlists
      if (v.hashcat || (estimate > AUDIT_LIMIT_SECONDS && !v.force)) {
        notes.push(`GPU-scale alternative: ${hashcatCommand(token, v.wordlist)}`);
      }
      if (estimate > AUDIT_LIMIT_SECONDS && !v.force) {
        process.stderr.write(
          `jwt-secret: ${v.wordlist} (${(size / 1e6).toFixed(0)} MB) would take about ${Math.round(estimate / 60)} minutes ` +
            `at ${(rate / 1e6).toFixed(2)} M candidates/s on this CPU; a GPU does it far faster:\n  ${hashcatCommand(token, v.wordlist)}\n` +
            'Run again with --force to try it here anyway.\n',
        );
        return { code: 2 };
      }
      const session = createAudit(token);
      const started = performance.now();
      const chunk = Buffer.alloc(4 << 20);
      try {
        for (;;) {
          const n = readSync(fd, chunk, 0, chunk.length, null);
          const r = session.tryLines(chunk.subarray(0, n), n === 0);
          if (r.found) {
            result = { found: true, secret: new TextDecoder().decode(r.line), alg: session.alg, source: 'wordlist' };
            r.line.fill(0);
            break;
          }
          if (n === 0) break;
        }
        tried += session.tried;
        seconds += (performance.now() - started) / 1000;
      } finally {
        chunk.fill(0);
        session.close();
      }
    } finally {
      closeSync(fd);
    }
  }
  const report = { found: result.found, secret: result.found ? result.secret : null, alg: result.alg, tried, seconds: Number(seconds.toFixed(3)) };
  for (const note of notes) process.stderr.write(`${note}\n`);
  if (v.json) return { out: `${JSON.stringify(report)}\n`, code: report.found ? 1 : 0 };
  const out = report.found
    ? `found: the token is signed with ${JSON.stringify(report.secret)} (${report.alg}, ${result.source} list, ` +
      `${tried} candidates in ${report.seconds} s). Anyone can forge tokens: rotate it (jwt-secret generate --alg ${report.alg}).\n`
    : `not found: ${tried} candidates in ${report.seconds} s (${report.alg}). Not proof of strength: check the secret itself with 'jwt-secret check'.\n`;
  return { out, code: report.found ? 1 : 0 };
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
    if (rest[0] === 'sign') return { out: SIGN_USAGE };
    if (rest[0] === 'verify') return { out: VERIFY_USAGE };
    if (rest[0] === 'audit') return { out: AUDIT_USAGE };
    throw new UsageError(`unknown command '${rest[0]}'`);
  }
  if (command === 'generate') {
    await ready;
    return generate(rest);
  }
  const commands = { check, sign, verify, audit };
  if (Object.hasOwn(commands, command)) {
    await ready;
    return commands[command](rest);
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
