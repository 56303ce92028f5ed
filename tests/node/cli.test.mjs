// cli.test.mjs — `jwt-secret` (dist/cli.mjs) as a user runs it: every flag, every bad flag.
// Contract (design.md): one secret per line and nothing else on stdout; usage or input errors exit 2
// with a message on stderr and nothing on stdout.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));

function run(args, input) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, timeout: 30000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lines(args) {
  const r = run(args);
  assert.equal(r.stderr, '', `stderr of ${args.join(' ')}`);
  assert.equal(r.status, 0, `status of ${args.join(' ')}`);
  assert.ok(r.stdout.endsWith('\n'));
  return r.stdout.slice(0, -1).split('\n');
}

function usageError(args, pattern) {
  const r = run(args);
  assert.equal(r.status, 2, `status of ${JSON.stringify(args)}: ${r.stderr}`);
  assert.equal(r.stdout, '', `stdout of ${JSON.stringify(args)}`);
  assert.match(r.stderr, /^jwt-secret: /);
  if (pattern) assert.match(r.stderr, pattern);
}

const B64URL = /^[A-Za-z0-9_-]+$/;

describe('jwt-secret generate', () => {
  test('default: one HS256 secret, 43 base64url characters (32 bytes)', () => {
    const out = lines(['generate']);
    assert.equal(out.length, 1);
    assert.match(out[0], /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(out[0], 'base64url').length, 32);
  });

  test('--alg sizes the secret (either case, --opt=value too)', () => {
    assert.equal(lines(['generate', '--alg', 'HS256'])[0].length, 43);
    assert.equal(lines(['generate', '--alg', 'HS384'])[0].length, 64);
    assert.equal(lines(['generate', '--alg', 'HS512'])[0].length, 86);
    assert.equal(lines(['generate', '--alg=hs512'])[0].length, 86);
    assert.equal(Buffer.from(lines(['generate', '--alg', 'HS384'])[0], 'base64url').length, 48);
  });

  test('--bytes: any size 1..4096, at least the algorithm size with --alg', () => {
    assert.equal(Buffer.from(lines(['generate', '--bytes', '16'])[0], 'base64url').length, 16);
    assert.equal(Buffer.from(lines(['generate', '--bytes', '1'])[0], 'base64url').length, 1);
    assert.equal(lines(['generate', '--bytes', '4096', '--format', 'hex'])[0].length, 8192);
    assert.equal(Buffer.from(lines(['generate', '--alg', 'HS256', '--bytes', '64'])[0], 'base64url').length, 64);
  });

  test('--format: base64url, base64, hex, base64url-padded, env', () => {
    assert.match(lines(['generate', '--format', 'base64url'])[0], /^[A-Za-z0-9_-]{43}$/);
    assert.match(lines(['generate', '--format', 'base64'])[0], /^[A-Za-z0-9+/]{43}=$/);
    assert.match(lines(['generate', '--format=hex'])[0], /^[0-9a-f]{64}$/);
    assert.match(lines(['generate', '--format', 'base64url-padded'])[0], /^[A-Za-z0-9_-]{43}=$/);
    assert.match(lines(['generate', '--format', 'env'])[0], /^JWT_SECRET=[A-Za-z0-9_-]{43}$/);
    assert.match(lines(['generate', '--format', 'hex', '--alg', 'HS384'])[0], /^[0-9a-f]{96}$/);
  });

  test('--count: that many distinct secrets, one per line', () => {
    const out = lines(['generate', '--count', '5']);
    assert.equal(out.length, 5);
    assert.equal(new Set(out).size, 5);
    for (const s of out) assert.match(s, /^[A-Za-z0-9_-]{43}$/);
    const many = lines(['generate', '--count', '1000', '--alg', 'HS512']);
    assert.equal(many.length, 1000);
    assert.equal(new Set(many).size, 1000);
  });

  test('--name: env lines, implied format, suffixes with --count, one secret per repeated name', () => {
    assert.match(lines(['generate', '--name', 'APP_JWT'])[0], /^APP_JWT=[A-Za-z0-9_-]{43}$/);
    assert.match(lines(['generate', '--format', 'env', '--name', 'X'])[0], /^X=[A-Za-z0-9_-]{43}$/);
    const three = lines(['generate', '--name', 'S', '--count', '3', '--alg', 'HS384']);
    assert.deepEqual(three.map((l) => l.split('=')[0]), ['S_1', 'S_2', 'S_3']);
    for (const l of three) assert.match(l.split('=')[1], /^[A-Za-z0-9_-]{64}$/);
    const two = lines(['generate', '--name', 'JWT_ACCESS_SECRET', '--name', 'JWT_REFRESH_SECRET']);
    assert.deepEqual(two.map((l) => l.split('=')[0]), ['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET']);
    assert.notEqual(two[0].split('=')[1], two[1].split('=')[1]);
    assert.equal(lines(['generate', '--format', 'env', '--count', '2']).map((l) => l.split('=')[0]).join(), 'JWT_SECRET_1,JWT_SECRET_2');
  });

  test('--alphabet and --length', () => {
    const s = lines(['generate', '--alphabet', '0123456789abcdef'])[0];
    assert.match(s, /^[0-9a-f]{64}$/);
    assert.match(lines(['generate', '--alphabet', 'ab', '--length', '12'])[0], /^[ab]{12}$/);
    assert.equal(lines(['generate', '--alphabet', '0123456789', '--alg', 'HS512'])[0].length, 155);
    // Quoted exactly when a character needs it ('#' starts a comment in dotenv files).
    for (let i = 0; i < 5; i++) {
      const line = lines(['generate', '--alphabet', 'xyz#', '--name', 'K', '--length', '8'])[0];
      assert.match(line, line.includes('#') ? /^K='[xyz#]{8}'$/ : /^K=[xyz]{8}$/);
    }
  });

  test('help and version go to stdout with status 0', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['help', 'generate'], ['generate', '--help'], ['generate', '--alg', 'X', '-h']]) {
      const r = run(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /Usage:\n? +jwt-secret/);
    }
    assert.match(run(['generate', '--help']).stdout, /--alphabet CHARS/);
    const v = run(['--version']);
    assert.equal(v.status, 0);
    assert.match(v.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  test('output is only secrets: safe to pipe, even into a reader that stops early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" generate --count 1000 | head -n 1`], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^[A-Za-z0-9_-]{43}\n$/);
    assert.equal(r.stderr, '');
  });
});

describe('jwt-secret check', () => {
  const strong = () => lines(['generate'])[0];

  test('a known default: exit 1, weak, the findings and the fix, never the secret', () => {
    const r = run(['check', 'your-256-bit-secret']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^weak: /);
    assert.match(r.stdout, /KNOWN_SECRET/);
    assert.match(r.stdout, /fix: jwt-secret generate --alg HS256/);
    assert.ok(!r.stdout.includes('your-256-bit'));
  });

  test('a generated secret on stdin: exit 0, strong; one trailing newline (LF or CRLF) is not part of it', () => {
    const s = strong();
    for (const input of [s, `${s}\n`, `${s}\r\n`]) {
      const r = run(['check', '--json'], input);
      assert.equal(r.status, 0, r.stderr);
      const report = JSON.parse(r.stdout);
      assert.equal(report.verdict, 'strong');
      assert.equal(report.key_bytes, 43);
    }
    assert.equal(JSON.parse(run(['check', '--json'], `${s}\n\n`).stdout).key_bytes, 44, 'only one newline is removed');
  });

  test('--json carries the contract fields', () => {
    const r = JSON.parse(run(['check', '--json', '--alg', 'HS384', 'hunter2']).stdout);
    for (const key of ['verdict', 'key_bytes', 'entropy_bits', 'findings', 'verdicts', 'time_to_guess', 'fix']) assert.ok(key in r, key);
    assert.equal(r.alg, 'HS384');
    assert.ok(r.findings.every((f) => typeof f.code === 'string' && typeof f.message === 'string'));
  });

  test('--alg and --encoding change the answer', () => {
    const hex = lines(['generate', '--format', 'hex'])[0];
    assert.equal(run(['check', hex]).status, 0);
    assert.equal(run(['check', '--alg', 'HS512', hex]).status, 1);
    const r = JSON.parse(run(['check', '--json', '--encoding', 'hex', '--alg', 'hs256', hex]).stdout);
    assert.equal(r.key_bytes, 32);
    assert.equal(r.encoding, 'hex');
    const auto = JSON.parse(run(['check', '--json', '--encoding', 'auto', hex]).stdout);
    assert.deepEqual(auto.alternatives.map((a) => a.encoding), ['hex']);
  });

  test('--batch: one result per line, in order; spaces are part of a secret', () => {
    const s = strong();
    const r = run(['check', '--batch', '--json'], `secret\n ${s} \n${s}\r\n\nkeyboard cat`);
    assert.equal(r.status, 1);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(out.map((o) => o.verdict), ['weak', 'strong', 'strong', 'weak', 'weak']);
    assert.deepEqual(out.map((o) => o.key_bytes), [6, 45, 43, 0, 12]);
    assert.ok(out[1].findings.some((f) => f.code === 'WHITESPACE'));
    const plain = run(['check', '--batch'], `${s}\n${strong()}\n`);
    assert.equal(plain.status, 0);
    assert.deepEqual(plain.stdout.trimEnd().split('\n').map((l) => l.split('\t')[0]), ['strong', 'strong']);
  });

  test('input that does not decode: exit 2; in a batch, an error line in place of that line and the rest still checked', () => {
    let r = run(['check', '--encoding', 'hex', 'zz']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /ERR_BAD_CHARACTER/);
    r = run(['check', '--batch', '--encoding', 'hex'], `00ff\nnothex\n${'ab'.repeat(32)}\n`);
    assert.equal(r.status, 2);
    const out = r.stdout.split('\n');
    assert.equal(out.length, 4);
    assert.match(out[0], /^weak\t/);
    assert.equal(out[1], "error\tline 2: character outside the encoding's alphabet (ERR_BAD_CHARACTER)");
    assert.match(out[2], /^(weak|fair)\t/);
    assert.equal(r.stderr, "jwt-secret: line 2: character outside the encoding's alphabet (ERR_BAD_CHARACTER)\n");
    r = run(['check', '--batch', '--json', '--encoding', 'hex'], 'zz\n00ff');
    assert.equal(r.status, 2);
    const [first, second] = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(first, { line: 1, error: { code: 'ERR_BAD_CHARACTER', message: "character outside the encoding's alphabet" } });
    assert.equal(second.verdict, 'weak');
  });

  test('help', () => {
    const r = run(['check', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /--encoding ENC/);
    assert.match(run(['help', 'check']).stdout, /--batch/);
  });
});

// A token signed by node:crypto, with any secret (sign refuses short ones on purpose).
function handToken(secret, alg = 'HS256', claims = { sub: 'me' }) {
  const h = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
  const p = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  return `${h}.${p}.${createHmac(hash, secret).update(`${h}.${p}`).digest('base64url')}`;
}

describe('jwt-secret sign, verify, audit, generate --format jwk', () => {
  const JWT_IO = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

  test('sign then verify, every algorithm; the secret from --secret or stdin', () => {
    for (const alg of ['HS256', 'HS384', 'HS512']) {
      const secret = lines(['generate', '--alg', alg])[0];
      const token = lines(['sign', '--alg', alg, '--secret', secret, '--payload', '{"sub":"42","admin":false}'])[0];
      assert.match(token, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
      const v = run(['verify', token, '--secret', secret, '--alg', alg]);
      assert.equal(v.status, 0, v.stderr);
      // no exp: valid, with a warning line before the payload (the last line)
      assert.match(v.stdout, new RegExp(`^valid with warnings: ${alg}\nwarning: The token has no exp: it never expires\\. .*\\(NO_EXP\\)\n\\{"sub":"42","admin":false\\}\n$`));
      assert.equal(run(['verify', token, '--alg', alg], `${secret}\n`).status, 0);
      const json = JSON.parse(run(['verify', token, '--secret', secret, '--json']).stdout);
      assert.deepEqual([json.valid, json.alg, json.header.typ, json.payload.sub], [true, alg, 'JWT', '42']);
      const fromStdin = run(['sign', '--alg', alg], `${secret}\n`);
      assert.equal(fromStdin.status, 0, fromStdin.stderr);
      assert.equal(fromStdin.stdout.trim().split('.').length, 3);
    }
    const token = lines(['sign', '--secret', 'x'.repeat(32)])[0];
    assert.ok(Number.isInteger(JSON.parse(Buffer.from(token.split('.')[1], 'base64url')).iat), 'default payload has iat');
  });

  test('verify: wrong secret, pinned algorithm, refused algorithms: exit 1 with the code', () => {
    const secret = 's'.repeat(32);
    const token = handToken(secret);
    let r = run(['verify', token, '--secret', 'wrong'.repeat(8)]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /ERR_BAD_SIGNATURE/);
    r = run(['verify', token, '--secret', secret, '--alg', 'HS384']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /ERR_ALG_MISMATCH/);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${token.split('.')[1]}.x`;
    r = run(['verify', none, '--secret', secret, '--json']);
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).code, 'ERR_ALG_NONE');
    r = run(['verify', handToken(secret, 'HS256').replace(/^[^.]+/, Buffer.from('{"alg":"RS256"}').toString('base64url')), '--secret', secret]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /ERR_ALG_NOT_HMAC/);
  });

  test('sign and verify input errors: exit 2, stderr only', () => {
    for (const [args, pattern] of [
      [['sign', '--secret', 'short'], /ERR_KEY_TOO_SHORT/],
      [['sign', '--secret', 'x'.repeat(32), '--payload', '[1,2]'], /ERR_BAD_JSON/],
      [['sign', '--secret', 'x'.repeat(32), '--payload', '{"a":'], /ERR_BAD_JSON/],
      [['sign', '--alg', 'none', '--secret', 'x'.repeat(32)], /--alg must be one of/],
      [['verify', 'a.b', '--secret', 'x'], /ERR_MALFORMED_TOKEN/],
      [['verify', 'a.b.c.d', '--secret', 'x'], /ERR_MALFORMED_TOKEN/],
      [['verify', `${JWT_IO}=`, '--secret', 'x'], /ERR_BAD_PADDING/],
      [['verify', '--secret', 'x'], /exactly one TOKEN/],
      [['audit'], /exactly one TOKEN/],
      [['audit', 'not-a-token'], /ERR_MALFORMED_TOKEN/],
      [['audit', JWT_IO, '--wordlist', '/nonexistent/list.txt'], /cannot read --wordlist/],
    ]) {
      const r = run(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, pattern);
    }
  });

  test('audit: the built-in list finds documented defaults; exit 1 when found, 0 when not', () => {
    let r = run(['audit', JWT_IO, '--json']);
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout).secret, 'your-256-bit-secret');
    for (const [secret, alg] of [['keyboard cat', 'HS384'], ['ThisTokenIsNotSoSecretChangeIt', 'HS512'], ['password', 'HS256']]) {
      const out = JSON.parse(run(['audit', handToken(secret, alg), '--json']).stdout);
      assert.deepEqual([out.found, out.secret, out.alg], [true, secret, alg]);
    }
    r = run(['audit', handToken(lines(['generate'])[0])]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^not found: \d+ candidates/);
  });

  test('audit --wordlist: lines taken exactly (spaces kept, CRLF ends a line)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jsk-cli-'));
    try {
      const list = join(dir, 'list.txt');
      writeFileSync(list, 'alpha\r\n pass word \r\nomega-xyzzy\n');
      const out = JSON.parse(run(['audit', handToken(' pass word '), '--wordlist', list, '--json']).stdout);
      assert.deepEqual([out.found, out.secret], [true, ' pass word ']);
      const trimmed = JSON.parse(run(['audit', handToken('pass word'), '--wordlist', list, '--json']).stdout);
      assert.equal(trimmed.found, false, 'a trimmed candidate is not the secret');
      assert.equal(trimmed.tried > 60000, true);
      const r = run(['audit', handToken('omega-xyzzy'), '--wordlist', list, '--hashcat']);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /hashcat -m 16500 -a 0 'eyJ/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('audit --wordlist: a secret across the CLI\'s 4 MiB read boundary is found, in a list over 8 MiB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jsk-cli-'));
    try {
      const list = join(dir, 'big.txt');
      const secret = 'boundary-secret-42';
      const filler = Buffer.alloc((4 << 20) - 8, 'x\n'); // ends with a newline; the secret spans the boundary
      writeFileSync(list, Buffer.concat([filler, Buffer.from(`${secret}\n`), Buffer.alloc(5 << 20, 'y\n')]));
      const out = JSON.parse(run(['audit', handToken(secret), '--wordlist', list, '--json']).stdout);
      assert.deepEqual([out.found, out.secret], [true, secret]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('audit: a list too large for this CPU prints the hashcat command instead', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jsk-cli-'));
    try {
      const list = join(dir, 'huge.txt');
      writeFileSync(list, '');
      truncateSync(list, 50e9); // a sparse 50 GB file: hours here
      const r = run(['audit', handToken('x'.repeat(40)), '--wordlist', list]);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /would take about \d+ minutes/);
      assert.match(r.stderr, new RegExp(`hashcat -m 16500 -a 0 '[^']+' '${list.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`));
      assert.match(r.stderr, /--force/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('generate --format jwk: one JWK per line with an RFC 7638 kid', () => {
    const out = lines(['generate', '--format', 'jwk', '--alg', 'HS512', '--count', '3']);
    assert.equal(out.length, 3);
    for (const line of out) {
      const jwk = JSON.parse(line);
      assert.deepEqual(Object.keys(jwk), ['kty', 'k', 'alg', 'use', 'kid']);
      assert.equal(Buffer.from(jwk.k, 'base64url').length, 64);
      const canonical = JSON.stringify({ k: jwk.k, kty: 'oct' });
      assert.equal(jwk.kid, sha256url(canonical));
    }
  });
});

function sha256url(text) {
  return createHash('sha256').update(text).digest('base64url');
}

describe('bad invocations: exit 2, a message on stderr, nothing on stdout', () => {
  const cases = [
    [[], /missing command[^]*Usage:/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['help', 'frobnicate'], /unknown command/],
    [['generate', '--frob'], /unknown option '--frob'/],
    [['generate', '--frob=1'], /unknown option '--frob'/],
    [['generate', '-x'], /unknown option '-x'/],
    [['generate', 'extra'], /unexpected argument 'extra'/],
    [['generate', '--alg'], /--alg needs a value/],
    [['generate', '--alg', 'none'], /--alg must be one of HS256, HS384, HS512/],
    [['generate', '--alg', 'RS256'], /--alg must be one of/],
    [['generate', '--alg', ''], /--alg must be one of/],
    [['generate', '--alg', 'HS256', '--alg', 'HS512'], /given more than once/],
    [['generate', '--bytes', '0'], /--bytes expects a whole number from 1 to 4096, got '0'/],
    [['generate', '--bytes', '-1'], /--bytes/],
    [['generate', '--bytes', 'abc'], /--bytes/],
    [['generate', '--bytes', '1e3'], /--bytes/],
    [['generate', '--bytes', '32.5'], /--bytes/],
    [['generate', '--bytes', '4097'], /--bytes/],
    [['generate', '--bytes', '99999999999999999999'], /--bytes/],
    [['generate', '--bytes', '16', '--alg', 'HS256'], /RFC 7518/],
    [['generate', '--bytes', '63', '--alg', 'HS512'], /ERR_KEY_TOO_SHORT/],
    [['generate', '--count', '0'], /--count expects a whole number from 1 to 1000/],
    [['generate', '--count', '1001'], /--count/],
    [['generate', '--count', 'many'], /--count/],
    [['generate', '--format', 'HEX'], /--format must be one of/],
    [['generate', '--format', 'base32'], /--format must be one of/],
    [['generate', '--name', '9LIVES'], /ERR_BAD_NAME/],
    [['generate', '--name', 'JWT-SECRET'], /variable name/],
    [['generate', '--name', ''], /ERR_BAD_NAME/],
    [['generate', '--name', 'A', '--format', 'hex'], /--name applies only to --format env/],
    [['generate', '--name', 'A', '--name', 'B', '--count', '3'], /does not match/],
    [['generate', '--name', 'A', '--name', 'A'], /given twice/],
    [['generate', '--length', '10'], /--length applies to --alphabet/],
    [['generate', '--alphabet', 'aa'], /ERR_BAD_ALPHABET/],
    [['generate', '--alphabet', 'a'], /alphabet/],
    [['generate', '--alphabet', 'ab cd'], /alphabet/],
    [['generate', '--alphabet', 'abcé'], /alphabet/],
    [['generate', '--alphabet', 'ab', '--bytes', '32'], /exclude each other/],
    [['generate', '--alphabet', 'ab', '--format', 'hex'], /already text/],
    [['generate', '--alphabet', '0123456789', '--length', '20', '--alg', 'HS256'], /RFC 7518/],
    [['generate', '--alphabet', 'ab', '--length', '5000'], /--length/],
    [['generate', '--alphabet', "ab'", '--name', 'K'], /ERR_UNSAFE_VALUE/],
    [['check', '--alg', 'RS256', 'x'], /--alg must be one of/],
    [['check', '--encoding', 'utf8', 'x'], /--encoding must be one of raw, hex, base64, base64url, auto/],
    [['check', '--json=yes', 'x'], /takes no value/],
    [['check', 'a', 'b'], /one SECRET/],
    [['check', '--batch', 'a'], /--batch reads standard input/],
    [['check', '--frob', 'a'], /unknown option '--frob' for 'check'/],
    [['check', '--encoding', 'base64', 'a-b_'], /ERR_BAD_CHARACTER/],
  ];
  for (const [args, pattern] of cases) {
    test(JSON.stringify(args), () => usageError(args, pattern));
  }
});

describe('jwt-secret inspect, and verify\'s report, --secret-format, --now', () => {
  const NOW = '1700000000';
  const key = 'k'.repeat(32);
  const hand = (header, payload, secret = key) => {
    const h = Buffer.from(JSON.stringify(header)).toString('base64url');
    const p = Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)).toString('base64url');
    return `${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`;
  };
  const token = hand({ alg: 'HS256', typ: 'JWT' }, { sub: '42', iat: 1699999000, exp: 1700003600 });

  test('inspect: lines, or the core\'s JSON; TOKEN or stdin; notes; exit 0, or 1 with a danger finding', () => {
    let r = run(['inspect', `Bearer ${token}`, '--now', NOW]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'note: Removed "Bearer " before the token: it names the HTTP authorization scheme and is not part of the token.\n' +
      'header:  {"alg":"HS256","typ":"JWT"}\npayload: {"sub":"42","iat":1699999000,"exp":1700003600}\nalg: HS256\ntyp: JWT\n' +
      'time: valid for another 1 hour\n');
    r = run(['inspect', '--json', '--now', NOW], `"${token}"\n`);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual([json.ok, json.token.offset, json.claims.exp, json.times.expires_in], [true, 1, 1700003600, 3600]);
    r = run(['inspect', token, '--now', '1800000000']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^time: expired about 3 years ago$/m);
    assert.match(r.stdout, /^danger: The token expired about 3 years ago\. .*\(EXPIRED\)$/m);
    r = run(['inspect', hand({ alg: 'RS256', jku: 'https://x' }, {}), '--json', '--now', NOW]);
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout).findings.map((f) => f.code), ['ALG_ASYMMETRIC', 'HEADER_KEY_URL', 'NO_EXP']);
  });

  test('inspect: what is not a token is exit 2, stderr only, in words', () => {
    for (const [args, pattern] of [
      [['inspect', 'not.a.token'], /^jwt-secret: inspect: Part 1 \(the header\) is not base64url-encoded JSON: .* \(ERR_BAD_JSON\)\n$/],
      [['inspect', 'abc.def'], /this text has one dot \(ERR_MALFORMED_TOKEN\)/],
      [['inspect', `"Bearer x.y"`], /note: Removed "Bearer "[^]*one dot/],
      [['inspect', token, '--now', 'soon'], /--now expects seconds/],
      [['inspect', 'a', 'b'], /give one TOKEN/],
    ]) {
      const r = run(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, pattern);
    }
  });

  test('verify: verdict line, findings, exit 1 for expired and not yet valid; --json with the report', () => {
    // A random key: valid. The 32 k's: the signature holds, but the checker calls the secret weak,
    // and the core's report says so (the same report as the page's Verify and verifyJwt's secretCheck).
    const strong = randomBytes(32).toString('base64url');
    const good = hand({ alg: 'HS256', typ: 'JWT' }, { sub: '42', iat: 1699999000, exp: 1700003600 }, strong);
    let r = run(['verify', good, '--secret', strong, '--alg', 'HS256', '--now', NOW]);
    assert.deepEqual([r.status, r.stdout], [0, 'valid: HS256\n{"sub":"42","iat":1699999000,"exp":1700003600}\n']);
    r = run(['verify', token, '--secret', key, '--alg', 'HS256', '--now', NOW]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^valid with warnings: HS256\ndanger: The secret itself is weak: a wordlist-and-rules attack finds it in [^\n]* Anyone who guesses it can sign tokens that verify: rotate to a new random secret\. \(WEAK_SECRET\)\n\{"sub":"42","iat":1699999000,"exp":1700003600\}\n$/);
    // As hex and as a JWK, the same weak key is judged as what it is (the checker decodes it; a JWK by its k).
    r = run(['verify', token, '--secret', Buffer.from(key).toString('hex'), '--secret-format', 'hex', '--now', NOW, '--json']);
    assert.deepEqual(JSON.parse(r.stdout).findings.map((f) => f.code), ['WEAK_SECRET', 'ALG_NOT_PINNED']);
    const jwk = JSON.stringify({ kty: 'oct', kid: 'k1', k: Buffer.from(key).toString('base64url') });
    r = run(['verify', token, '--secret', jwk, '--secret-format', 'jwk', '--now', NOW, '--json']);
    assert.deepEqual([r.status, JSON.parse(r.stdout).verdict], [0, 'valid-with-warnings']);
    assert.deepEqual(JSON.parse(r.stdout).findings.map((f) => f.code), ['WEAK_SECRET', 'ALG_NOT_PINNED']);
    const strongJwk = JSON.stringify({ kty: 'oct', k: Buffer.from(strong).toString('base64url'), alg: 'HS256' });
    r = run(['verify', good, '--secret', strongJwk, '--secret-format', 'jwk', '--now', NOW]);
    assert.deepEqual([r.status, r.stdout], [0, 'valid: HS256\n{"sub":"42","iat":1699999000,"exp":1700003600}\n']);
    r = run(['verify', token, '--secret', key, '--now', '1700003600']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^invalid: The signature is valid \(HS256\), but the token expired just now\. \(ERR_TOKEN_EXPIRED\)\n/);
    r = run(['verify', hand({ alg: 'HS256' }, { nbf: 1700000100, exp: 1700003600 }), '--secret', key, '--now', NOW, '--json']);
    assert.equal(r.status, 1);
    const j = JSON.parse(r.stdout);
    assert.deepEqual([j.valid, j.code, j.signature_valid, j.verdict, j.alg_from], [false, 'ERR_TOKEN_NOT_YET_VALID', true, 'invalid', 'header']);
    assert.equal(j.message, 'the token is not valid yet (nbf is after now)');
    const short = hand({ alg: 'HS256' }, { exp: 1700000060 }, 'short');
    r = run(['verify', short, '--secret', 'short', '--alg', 'HS256', '--now', NOW, '--json']);
    assert.equal(r.status, 0);
    const s = JSON.parse(r.stdout);
    assert.deepEqual([s.valid, s.verdict, s.findings[0].code, s.payload.exp], [true, 'valid-with-warnings', 'KEY_TOO_SHORT', 1700000060]);
  });

  test('--secret-format: base64, base64url, hex, jwk sign and verify the same key; errors say which format', () => {
    const bytes = Buffer.from(key);
    const signed = lines(['sign', '--secret', key, '--payload', '{"a":1}'])[0];
    for (const [secret, format] of [[bytes.toString('base64'), 'base64'], [bytes.toString('base64url'), 'base64url'],
      [bytes.toString('hex'), 'hex'], [JSON.stringify({ kty: 'oct', k: bytes.toString('base64url'), alg: 'HS256' }), 'jwk']]) {
      assert.equal(lines(['sign', '--secret', secret, '--secret-format', format, '--payload', '{"a":1}'])[0], signed, format);
      assert.equal(run(['verify', signed, '--secret', secret, '--secret-format', format, '--now', NOW]).status, 0, format);
    }
    for (const [args, pattern] of [
      [['sign', '--secret', 'zz', '--secret-format', 'hex'], /the secret is not valid hex: .*\(ERR_BAD_CHARACTER\)/],
      [['sign', '--secret', '{"kty":"RSA"}', '--secret-format', 'jwk'], /\(ERR_BAD_JWK\)/],
      [['sign', '--secret', key, '--secret-format', 'pem'], /--secret-format must be one of/],
      [['sign', '--secret', key, '--payload', '{"a" 1}'], /--payload is not a JSON object: line 1, column 6 \(byte 5\): expected a colon/],
    ]) {
      const r = run(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, pattern);
    }
  });
});
