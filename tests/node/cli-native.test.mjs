// cli-native.test.mjs — the two builds of the one CLI program (core/cli): the npm bin
// (dist/cli.mjs, the Emscripten build for Node) and the native binary (build/native/jwt-secret).
// They are the same C code, so they agree by construction; this table checks that the builds do:
// exit codes, stdout and stderr equal byte for byte (times aside) over every help text, every
// error message and tricky inputs; random outputs have the same shape. A missing build fails.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';

const nodeCli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
const nativeCli = fileURLToPath(new URL('../../build/native/jwt-secret', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jsk-parity-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const runNode = (args, input) => spawnSync(process.execPath, [nodeCli, ...args], { input, encoding: 'latin1', timeout: 30000 });
const runNative = (args, input) => spawnSync(nativeCli, args, { input, encoding: 'latin1', timeout: 30000 });
const normalise = (text) => text.replace(/ in [0-9.]+ s/g, ' in T s').replace(/"seconds":[0-9.e+-]+/g, '"seconds":T');

function handToken(secret, alg = 'HS256', claims = { sub: 'me' }) {
  const h = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
  const p = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  return `${h}.${p}.${createHmac(hash, secret).update(`${h}.${p}`).digest('base64url')}`;
}

const strong = 'Yb3rT9sQ1kLmN0pXz7vW2cD8fG4hJ6aE5uI-_oRqKtY';
const hex = '8f14e45fceea167a5a36dedd4bea2543cb4d9f0c1f0a8d2b6e7c3a9b5d1e0f27';
const wordlist = join(dir, 'list.txt');
writeFileSync(wordlist, 'alpha\r\n pass word \r\nomega-xyzzy\n');
const envFile = join(dir, 'app.env');
writeFileSync(envFile, [
  '# settings', '', 'JWT_SECRET=an-older-assignment', `JWT_SECRET=${strong}`, '   # JWT_SECRET=commented',
  `export JWT_REFRESH_SECRET="${strong}${strong}"`, 'SESSION_SECRET = "correct horse battery # staple"   # note',
  "export APP_JWT_KEY='Tr0ub4dor&3 with spaces'", 'NEXTAUTH_SECRET=changeme-please  # TODO', 'MULTI_SECRET="a\\nb"',
  'DATABASE_URL=postgres://admin:hunter2@db/app', 'API_TOKEN: tok_live_abcdefghijklmnop', 'not a variable line', '',
].join('\r\n'));

// Inputs the two readers of old disagreed on (issue: BOM, Unicode whitespace, invalid UTF-8, ...).
const bomEnv = join(dir, 'bom.env');
writeFileSync(bomEnv, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('JWT_SECRET=secret\nOTHER_SECRET=changeme\n')]));
const trickyEnv = join(dir, 'tricky.env');
writeFileSync(trickyEnv, Buffer.concat([
  Buffer.from('\u00a0JWT_SECRET\u00a0=\u2028secret\u2028\nA_SECRET=\n"quoted on the next line"\nB_SECRET="x" trailing\n'),
  Buffer.from('C_SECRET=ab'), Buffer.from([0xff, 0xfe]), Buffer.from('cd\nD_SECRET="unterminated\nE_SECRET=next\n'),
  Buffer.from(`${'N'.repeat(200)}_SECRET=${strong}\nF_SECRET="a\\"b"\nG_SECRET='it's'\n`),
]));
const manyEnv = join(dir, 'many.env');
writeFileSync(manyEnv, Array.from({ length: 1500 }, (_, i) => `S${i}_SECRET=${i % 500 === 7 ? 'changeme' : strong}`).join('\n'));
const payloadToken = (secret, payload) => {
  const h = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const p = Buffer.from(payload).toString('base64url');
  return `${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`;
};
// Every option-parsing message, for every option of every command: a missing value, a value given
// to a flag, the option twice, and an unknown option.
const optionTable = {
  generate: { alg: 0, bytes: 0, format: 0, count: 0, name: 0, alphabet: 0, length: 0 },
  check: { alg: 0, encoding: 0, json: 1, batch: 1, env: 0, 'var-pattern': 0 },
  sign: { alg: 0, secret: 0, payload: 0 },
  verify: { alg: 0, secret: 0, json: 1 },
  audit: { wordlist: 0, json: 1, force: 1, hashcat: 1 },
};
const optionErrors = Object.entries(optionTable).flatMap(([command, options]) => [
  [[command, '--no-such-option']], [[command, '-x']],
  ...Object.entries(options).flatMap(([name, flag]) => (flag
    ? [[[command, `--${name}=yes`]], [[command, `--${name}`, `--${name}`]]]
    : [[[command, `--${name}`]], [[command, `--${name}=`, '1']]])),
]);
const helps = [[['help']], [['--help']], [['-h']], ...['generate', 'check', 'sign', 'verify', 'inspect', 'audit'].flatMap((c) => [[['help', c]], [[c, '--help']], [[c, '-h']]]), [['help', 'nope']]];

// [args, stdin]: outputs compared exactly.
const same = [
  ...helps,
  ...optionErrors,
  [['check', '--env', bomEnv]],
  [['check', '--env', trickyEnv, '--json']],
  [['check', '--env', trickyEnv, '--var-pattern', '*']],
  [['check', '--env', manyEnv]],
  [['check', '--env', envFile, '--encoding', 'hex']],
  [['check', '--batch', '--json', '--encoding', 'base64'], `${strong}\nnot base64!\n${Buffer.from('x'.repeat(40)).toString('base64')}\n`],
  [['check', '--batch'], Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xff, 0xc0, 0x0a]), Buffer.from('\ufeffsecret\n')])],
  [['verify', payloadToken(strong, '{"big":18446744073709551616,"e":1e400,"s":"\\u00e9\\ud83d\\ude00"}'), '--secret', strong]],
  [['verify', payloadToken(strong, '{"big":18446744073709551616}'), '--secret', strong, '--json']],
  [['verify', payloadToken(strong, `{"x":${'['.repeat(5000)}${']'.repeat(5000)}}`), '--secret', strong]],
  [['verify', payloadToken(strong, '[1,2]'), '--secret', strong, '--json']],
  [['verify', payloadToken(strong, 'not json'), '--secret', strong]],
  [['verify', payloadToken(strong, Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])), '--secret', strong]],
  [['verify', payloadToken(strong, '')], `${strong}\n`],
  [['check', 'your-256-bit-secret']],
  [['check', '--json', 'your-256-bit-secret']],
  [['check', strong]],
  [['check', '--json', '--alg', 'HS512', strong]],
  [['check', '--json', '--encoding', 'auto', hex]],
  [['check', '--encoding', 'hex', '--alg', 'hs384', hex]],
  [['check', '--json'], `${strong}\n`],
  [['check'], 'hunter2\r\n'],
  [['check', '--batch'], `secret\n ${strong} \n${strong}\r\n\nkeyboard cat`],
  [['check', '--batch', '--json'], 'Tr0ub4dor&3\ncorrect horse battery staple\n3f2504e0-4f89-41d3-9a0c-0305e82c3301\n${JWT_SECRET}\n'],
  [['check', '--json'], ''],
  [['check', '--encoding', 'hex', 'zz']],
  [['check', '--batch', '--encoding', 'hex'], '00ff\nnothex\n'],
  [['check', '--alg', 'RS256', 'x']],
  [['check', '--encoding', 'utf8', 'x']],
  [['check', '--json=yes', 'x']],
  [['check', 'a', 'b']],
  [['check', '--batch', 'a']],
  [['check', '--env', envFile]],
  [['check', '--env', envFile, '--json']],
  [['check', '--env', envFile, '--var-pattern', '*TOKEN', '--var-pattern', 'database_url', '--alg', 'HS512']],
  [['check', '--env', '-', '--var-pattern', '*SECRET'], `JWT_SECRET=${strong}\nOTHER_SECRET='x y'\n`],
  [['check', '--env', '-'], `JWT_SECRET=${strong}\n`],
  [['check', '--env', envFile, '--var-pattern', 'NOPE*']],
  [['check', '--env', join(dir, 'missing.env')]],
  [['check', '--env', envFile, 'x']],
  [['check', '--var-pattern', 'X', 'x']],
  [['verify', handToken(strong), '--secret', strong]],
  [['verify', handToken(strong), '--secret', strong, '--json']],
  [['verify', handToken(strong), '--alg', 'HS256'], `${strong}\n`],
  [['verify', handToken(strong), '--secret', 'wrong']],
  [['verify', handToken(strong), '--secret', strong, '--alg', 'HS384', '--json']],
  [['verify', handToken(strong, 'HS512'), '--secret', strong]],
  [['verify', `${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.`, '--secret', strong]],
  [['verify', 'a.b', '--secret', 'x']],
  [['verify', `${handToken(strong)}=`, '--secret', 'x']],
  [['verify', '--secret', 'x']],
  [['audit', handToken('your-256-bit-secret'), '--json']],
  [['audit', handToken('keyboard cat', 'HS384')]],
  [['audit', handToken(strong), '--json']],
  [['audit', handToken(' pass word '), '--wordlist', wordlist, '--json']],
  [['audit', handToken('pass word'), '--wordlist', wordlist]],
  [['audit', 'not-a-token']],
  [['audit', handToken(strong), '--wordlist', join(dir, 'missing.txt')]],
  [['sign', '--secret', 'short']],
  [['sign', '--secret', 'x'.repeat(32), '--payload', '[1]']],
  [['sign', '--secret', 'x'.repeat(32), '--payload', '{"sub":"1"}']],
  [['sign', '--alg', 'HS512', '--payload', '{"a":[1,2,{"b":null}]}'], `${'k'.repeat(64)}\n`],
  [['generate', '--bytes', '0']],
  [['generate', '--bytes', '16', '--alg', 'HS256']],
  [['generate', '--count', '1001']],
  [['generate', '--format', 'pem']],
  [['generate', '--name', '9LIVES']],
  [['generate', '--name', 'A', '--format', 'hex']],
  [['generate', '--name', 'A', '--name', 'B', '--count', '3']],
  [['generate', '--length', '10']],
  [['generate', '--alphabet', 'aa']],
  [['generate', '--alphabet', 'ab', '--bytes', '32']],
  [['generate', '--frob']],
  [['generate', 'extra']],
  [['frobnicate']],
  [[]],
  [['--version']],
];

// [args, pattern each stdout line must match, lines]: random outputs, compared by shape.
const shaped = [
  [['generate'], /^[A-Za-z0-9_-]{43}$/, 1],
  [['generate', '--alg', 'HS512', '--format', 'hex', '--count', '3'], /^[0-9a-f]{128}$/, 3],
  [['generate', '--format', 'base64', '--bytes', '48'], /^[A-Za-z0-9+/]{64}$/, 1],
  [['generate', '--format', 'base64url-padded'], /^[A-Za-z0-9_-]{43}=$/, 1],
  [['generate', '--name', 'S', '--count', '2', '--alg', 'HS384'], /^S_[12]=[A-Za-z0-9_-]{64}$/, 2],
  [['generate', '--alphabet', '0123456789abcdef'], /^[0-9a-f]{64}$/, 1],
  [['generate', '--alphabet', 'xyz#', '--name', 'K', '--length', '8'], /^K=('[xyz#]{8}'|[xyz]{8})$/, 1],
  [['generate', '--format', 'jwk', '--alg', 'HS512'], /^\{"kty":"oct","k":"[A-Za-z0-9_-]{86}","alg":"HS512","use":"sig","kid":"[A-Za-z0-9_-]{43}"\}$/, 1],
  [['sign', '--secret', 'x'.repeat(32)], /^eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/, 1],
];

describe('the two builds of the CLI give the same answers', () => {
  test('both builds exist (a missing build is a failure, not a skip)', () => {
    assert.ok(existsSync(nodeCli), `${nodeCli} is missing: run npm run build`);
    assert.ok(existsSync(nativeCli), `${nativeCli} is missing: run npm run build`);
  });
  for (const [args, input] of same) {
    test(`same: ${JSON.stringify(args).slice(0, 120)}`, () => {
      const a = runNode(args, input);
      const b = runNative(args, input);
      assert.equal(b.status, a.status, `exit codes: node ${a.status}, native ${b.status}\n${a.stderr}\n${b.stderr}`);
      assert.ok([0, 1, 2].includes(a.status), `exit code ${a.status}`);
      assert.equal(normalise(b.stdout), normalise(a.stdout));
      assert.equal(normalise(b.stderr), normalise(a.stderr));
      if (a.status === 2) assert.match(a.stderr, /^jwt-secret: /m);
    });
  }
  for (const [args, pattern, count] of shaped) {
    test(`shaped: ${JSON.stringify(args)}`, () => {
      for (const r of [runNode(args), runNative(args)]) {
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stderr, '');
        const lines = r.stdout.trimEnd().split('\n');
        assert.equal(lines.length, count);
        for (const line of lines) assert.match(line, pattern);
      }
    });
  }
  test('a token signed by one verifies with the other', () => {
    const secret = 's'.repeat(48);
    const fromNode = runNode(['sign', '--alg', 'HS384', '--secret', secret]).stdout.trim();
    const fromNative = runNative(['sign', '--alg', 'HS384', '--secret', secret]).stdout.trim();
    assert.equal(runNative(['verify', fromNode, '--secret', secret]).status, 0);
    assert.equal(runNode(['verify', fromNative, '--secret', secret]).status, 0);
  });
});

// Bounded memory (both builds): results are streamed, so the peak does not grow with the input.
// Before, 200,000 batch lines held ~890 MB of reports. GNU time reports the peak resident set.
describe('bounded memory on big inputs, in both builds', () => {
  const peakKB = (cmd, args, inputFile) => {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { stdio: [openSync(inputFile, 'r'), 'ignore', 'pipe'], encoding: 'utf8', timeout: 120000 });
    const kb = Number(r.stderr.trim().split('\n').pop());
    assert.ok(Number.isFinite(kb) && kb > 0, `no peak from GNU time: ${r.stderr}`);
    return { status: r.status, kb };
  };
  const builds = [['native', nativeCli, []], ['node', process.execPath, [nodeCli]]];
  const lines = join(dir, 'lines.txt');
  writeFileSync(lines, Array.from({ length: 200000 }, (_, i) => `secret-${i}-${(i * 7919) % 1000}`).join('\n'));
  const env = join(dir, 'big.env');
  writeFileSync(env, Array.from({ length: 50000 }, (_, i) => `S${i}_SECRET="value-${i}"`).join('\n'));
  const words = join(dir, 'words.txt');
  writeFileSync(words, Array.from({ length: 1500000 }, (_, i) => `candidate-${i}`).join('\n'));
  const token = handToken(strong);
  for (const [name, cmd, pre] of builds) {
    test(`${name}: check --batch over 200,000 lines, check --env over 50,000 variables, audit over a 1.5M-line wordlist`, () => {
      const limit = name === 'native' ? 32 * 1024 : 160 * 1024; // KB: Node itself takes ~50 MB
      let r = peakKB(cmd, [...pre, 'check', '--batch'], lines);
      assert.equal(r.status, 1);
      assert.ok(r.kb < limit, `check --batch: ${r.kb} KB`);
      r = peakKB(cmd, [...pre, 'check', '--env', env], '/dev/null');
      assert.equal(r.status, 1);
      assert.ok(r.kb < limit, `check --env: ${r.kb} KB`);
      r = peakKB(cmd, [...pre, 'audit', token, '--wordlist', words, '--force'], '/dev/null');
      assert.equal(r.status, 0);
      assert.ok(r.kb < limit, `audit: ${r.kb} KB`);
    });
  }
});
