// cli-env.test.mjs — `jwt-secret check --env FILE [--var-pattern GLOB]` (dist/cli.mjs): a .env file
// read as the dotenv package reads it, one line (or JSON object) per selected variable, exit 1 naming
// every variable that is not strong, exit 2 for usage and file errors. Never a value, nor a fragment.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { generateSecret, ready } from '../../dist/index.mjs';

const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jsk-env-'));
after(() => rmSync(dir, { recursive: true, force: true }));

await ready;
const strong = generateSecret(); // 43 base64url characters: strong for HS256, fair for HS512
const strong512 = generateSecret({ alg: 'HS512' });
const stale = 'an-older-assignment-that-is-overridden';

// Every value in the file (what the application would get), to make sure none leaks.
const values = {
  JWT_SECRET: strong,
  JWT_REFRESH_SECRET: strong512,
  SESSION_SECRET: 'correct horse battery # staple', // double quotes: spaces and # are part of it
  APP_JWT_KEY: 'Tr0ub4dor&3 with spaces', // single quotes, `export`
  NEXTAUTH_SECRET: 'changeme-please-replace-this', // unquoted, then a comment
  MULTILINE_SECRET: 'first-line-of-it\nsecond-line-of-it', // "\n" expanded in double quotes
  DATABASE_URL: 'postgres://admin:hunter2hunter2@db.internal/app', // not selected by default
  PAYMENT_API_TOKEN: 'tok_live_51Habcdefghijklmnop', // not selected by default
};
const commented = 'commented-out-value-never-read';

const envText = [
  '# Application settings',
  '',
  `JWT_SECRET=${stale}`,
  `DATABASE_URL=${values.DATABASE_URL}`,
  `   # JWT_SECRET=${commented}`,
  `JWT_SECRET=${strong}`,
  `export JWT_REFRESH_SECRET="${strong512}"`,
  `SESSION_SECRET = "${values.SESSION_SECRET}"   # inline comment`,
  `export APP_JWT_KEY='${values.APP_JWT_KEY}'`,
  '',
  `NEXTAUTH_SECRET=${values.NEXTAUTH_SECRET}  # TODO rotate`,
  'MULTILINE_SECRET="first-line-of-it\\nsecond-line-of-it"',
  `PAYMENT_API_TOKEN=${values.PAYMENT_API_TOKEN}`,
  'not a variable line',
  '',
].join('\r\n'); // CRLF, as a .env edited on Windows
const envFile = join(dir, '.env');
writeFileSync(envFile, envText);

function run(args, input) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, timeout: 30000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// No value, and no 8-character fragment of any value, in what the CLI printed.
function assertNoSecret(r) {
  const printed = r.stdout + r.stderr;
  for (const value of [...Object.values(values), stale, commented]) {
    for (let i = 0; i + 8 <= value.length; i++) {
      const fragment = value.slice(i, i + 8);
      assert.ok(!printed.includes(fragment), `output contains ${JSON.stringify(fragment)} of a value`);
    }
  }
}

const expectedBytes = (name) => Buffer.byteLength(values[name]);

describe('jwt-secret check --env', () => {
  test('default pattern (JWT or SECRET in the name): one line per variable, exit 1 naming the weak ones', () => {
    const r = run(['check', '--env', envFile]);
    assertNoSecret(r);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const names = ['JWT_SECRET', 'JWT_REFRESH_SECRET', 'SESSION_SECRET', 'APP_JWT_KEY', 'NEXTAUTH_SECRET', 'MULTILINE_SECRET'];
    assert.deepEqual(lines.slice(0, -1).map((l) => l.split(':')[0]), names, r.stdout);
    const line = Object.fromEntries(lines.slice(0, -1).map((l) => [l.split(':')[0], l]));
    // The last assignment wins; the file's values as dotenv reads them (key bytes show it).
    assert.match(line.JWT_SECRET, /^JWT_SECRET: strong \(256 bits, 43-byte key\)$/);
    assert.match(line.JWT_REFRESH_SECRET, /^JWT_REFRESH_SECRET: strong \(\d+\+? bits, 86-byte key\)$/);
    assert.match(line.SESSION_SECRET, new RegExp(`^SESSION_SECRET: weak \\(\\d+ bits, ${expectedBytes('SESSION_SECRET')}-byte key, [A-Z_]+\\)$`));
    assert.match(line.APP_JWT_KEY, new RegExp(`^APP_JWT_KEY: (weak|fair) \\(\\d+ bits, ${expectedBytes('APP_JWT_KEY')}-byte key, [A-Z_]+\\)$`));
    assert.match(line.NEXTAUTH_SECRET, new RegExp(`^NEXTAUTH_SECRET: weak \\(\\d+ bits, ${expectedBytes('NEXTAUTH_SECRET')}-byte key, PLACEHOLDER\\)$`));
    assert.match(line.MULTILINE_SECRET, new RegExp(`^MULTILINE_SECRET: (weak|fair) \\(\\d+ bits, ${expectedBytes('MULTILINE_SECRET')}-byte key, [A-Z_]+\\)$`));
    assert.equal(
      lines.at(-1),
      'not strong for HS256: SESSION_SECRET, APP_JWT_KEY, NEXTAUTH_SECRET, MULTILINE_SECRET (fix: jwt-secret generate --alg HS256)',
    );
    assert.ok(!r.stdout.includes('DATABASE_URL') && !r.stdout.includes('PAYMENT_API_TOKEN'));
  });

  test('--var-pattern with many stars on a long name answers at once (no exponential backtracking)', () => {
    const name = `${'A'.repeat(60)}_SECRET`;
    const started = Date.now();
    let r = run(['check', '--env', '-', '--var-pattern', '*A*A*A*A*A*A*A*A*A*B'], `${name}=x\n`);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no variable in standard input matches --var-pattern/);
    r = run(['check', '--env', '-', '--var-pattern', '*A*A*A*A*A*A*A*A*A*a?SECRET'], `${name}=changeme\n`);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, new RegExp(`^${name}: weak `));
    assert.ok(Date.now() - started < 10000, `${Date.now() - started} ms`);
  });

  test('--var-pattern GLOB: whole name, * and ?, case-insensitive, repeatable; all strong is exit 0', () => {
    let r = run(['check', '--env', envFile, '--var-pattern', 'JWT_*']);
    assertNoSecret(r);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'JWT_SECRET: strong (256 bits, 43-byte key)\n' +
      `${r.stdout.split('\n')[1]}\nall strong for HS256: JWT_SECRET, JWT_REFRESH_SECRET\n`);
    assert.match(r.stdout.split('\n')[1], /^JWT_REFRESH_SECRET: strong /);

    r = run(['check', '--env', envFile, '--var-pattern', 'jwt_secre?']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'JWT_SECRET: strong (256 bits, 43-byte key)\nall strong for HS256: JWT_SECRET\n');

    r = run(['check', '--env', envFile, '--var-pattern', 'PAYMENT_*', '--var-pattern=*_URL']);
    assertNoSecret(r);
    assert.equal(r.status, 1);
    assert.deepEqual(r.stdout.trimEnd().split('\n').map((l) => l.split(':')[0]), ['DATABASE_URL', 'PAYMENT_API_TOKEN', 'not strong for HS256']);
    assert.match(r.stdout, /^not strong for HS256: DATABASE_URL, PAYMENT_API_TOKEN /m);

    // The whole name must match: JWT alone matches nothing.
    r = run(['check', '--env', envFile, '--var-pattern', 'JWT']);
    assert.equal(r.status, 2);
  });

  test('--alg and --encoding apply to every variable', () => {
    let r = run(['check', '--env', envFile, '--var-pattern', 'JWT_SECRET', '--alg', 'HS512']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^JWT_SECRET: fair \(256 bits, 43-byte key, SHORT_KEY\)\nnot strong for HS512: JWT_SECRET \(fix: jwt-secret generate --alg HS512\)\n$/);
    r = run(['check', '--env', envFile, '--var-pattern', 'JWT_SECRET', '--encoding', 'base64url']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^JWT_SECRET: strong \(256 bits, 32-byte key\)\n/);
    // A value that is not valid in the encoding: an error line in its place naming the variable, not
    // its value; every other variable is still checked; exit 2 at the end.
    r = run(['check', '--env', envFile, '--encoding', 'hex']);
    assertNoSecret(r);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /^JWT_SECRET: error: .*\(ERR_[A-Z_]+\)\n/);
    assert.match(r.stdout, /\nnot checked for HS256: JWT_SECRET, .*\(not valid in --encoding hex\)\n$/);
    assert.match(r.stderr, /^jwt-secret: JWT_SECRET: .*\(ERR_[A-Z_]+\)\n/);
    r = run(['check', '--env', '-', '--encoding', 'hex'], `A_SECRET=zz\nB_SECRET=${'ab'.repeat(32)}\nC_SECRET=00\n`);
    assert.equal(r.status, 2);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], "A_SECRET: error: character outside the encoding's alphabet (ERR_BAD_CHARACTER)");
    assert.match(lines[1], /^B_SECRET: weak \(\d+ bits, 32-byte key, [A-Z_]+\)$/);
    assert.match(lines[2], /^C_SECRET: weak \(\d+ bits, 1-byte key, [A-Z_]+\)$/);
    assert.match(r.stdout, /\nnot strong for HS256: B_SECRET, C_SECRET \(fix: jwt-secret generate --alg HS256\)\nnot checked for HS256: A_SECRET \(not valid in --encoding hex\)\n$/);
    assert.equal(r.stderr, "jwt-secret: A_SECRET: character outside the encoding's alphabet (ERR_BAD_CHARACTER)\n");
  });

  test('--json: one object per variable, {name, ...the check report}, and nothing else', () => {
    const r = run(['check', '--env', envFile, '--json']);
    assertNoSecret(r);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '');
    const objects = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(objects.map((o) => o.name), ['JWT_SECRET', 'JWT_REFRESH_SECRET', 'SESSION_SECRET', 'APP_JWT_KEY', 'NEXTAUTH_SECRET', 'MULTILINE_SECRET']);
    for (const o of objects) {
      assert.equal(Object.keys(o)[0], 'name');
      assert.ok(['weak', 'fair', 'strong'].includes(o.verdict));
      for (const key of ['alg', 'key_bytes', 'entropy_bits', 'findings', 'verdicts', 'fix']) assert.ok(key in o, key);
      assert.equal(o.key_bytes, expectedBytes(o.name));
      assert.equal(o.alg, 'HS256');
    }
    assert.deepEqual(objects.map((o) => o.verdict).slice(0, 3), ['strong', 'strong', 'weak']);
    assert.equal(objects.find((o) => o.name === 'NEXTAUTH_SECRET').findings[0].code, 'PLACEHOLDER');
  });

  test('usage and file errors: exit 2, a message on stderr, nothing on stdout', () => {
    const cases = [
      [['check', '--env', join(dir, 'missing.env')], /cannot read --env .*missing\.env: no such file/],
      [['check', '--env', dir], /it is a directory/],
      [['check', '--env', envFile, '--var-pattern', 'NOTHING_*'], /no variable in .* matches --var-pattern 'NOTHING_\*'/],
      [['check', '--env', envFile, 'a-secret'], /give no SECRET/],
      [['check', '--env', envFile, '--batch'], /--env and --batch exclude each other/],
      [['check', '--var-pattern', 'JWT_*', 'a-secret'], /--var-pattern applies only to --env/],
      [['check', '--env'], /--env needs a value/],
      [['check', '--env', envFile, '--env', envFile], /given more than once/],
    ];
    for (const [args, pattern] of cases) {
      const r = run(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '', args.join(' '));
      assert.match(r.stderr, pattern, args.join(' '));
      assertNoSecret(r);
    }
    const empty = join(dir, 'empty.env');
    writeFileSync(empty, '# nothing here\nPORT=8080\n');
    const r = run(['check', '--env', empty]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no variable in .*empty\.env matches the default pattern \(names containing JWT or SECRET\)/);
  });

  test('--env - reads the file from standard input (git show :.env | jwt-secret check --env -)', () => {
    const r = run(['check', '--env', '-', '--var-pattern', '*SECRET'], envText);
    assertNoSecret(r);
    assert.equal(r.status, 1);
    assert.deepEqual(r.stdout.trimEnd().split('\n').map((l) => l.split(':')[0]),
      ['JWT_SECRET', 'JWT_REFRESH_SECRET', 'SESSION_SECRET', 'NEXTAUTH_SECRET', 'MULTILINE_SECRET', 'not strong for HS256']);
    const none = run(['check', '--env', '-'], 'PORT=8080\n');
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no variable in standard input matches/);
  });

  test('an empty value is checked (weak), not skipped', () => {
    const file = join(dir, 'blank.env');
    writeFileSync(file, 'JWT_SECRET=\nexport API_SECRET=""\n');
    const r = run(['check', '--env', file]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^JWT_SECRET: weak \(0 bits, 0-byte key, EMPTY\)\nAPI_SECRET: weak \(0 bits, 0-byte key, EMPTY\)\n/);
  });

  test('the help text documents --env and --var-pattern', () => {
    const r = run(['check', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /--env FILE/);
    assert.match(r.stdout, /--var-pattern GLOB/);
    assert.match(run(['help']).stdout, /check --env FILE/);
  });
});

describe('check --context and the project name (jsk_check_context)', () => {
  test('--context WORD makes the project name cost almost nothing; --env adds package.json\'s name and the folder', () => {
    const secret = 'billingapi-jwt-signing-key-2025-Xk';
    let r = run(['check', '--json', secret]);
    const plain = JSON.parse(r.stdout);
    r = run(['check', '--json', '--context', 'billing-api', '--context', 'acme', secret]);
    const withContext = JSON.parse(r.stdout);
    assert.ok(withContext.findings.some((f) => f.code === 'CONTEXT'));
    assert.ok(withContext.entropy_bits + 8 < plain.entropy_bits, `${withContext.entropy_bits} vs ${plain.entropy_bits}`);
    const project = join(dir, 'project');
    spawnSync('mkdir', ['-p', join(project, 'config')]);
    writeFileSync(join(project, 'package.json'), '{\n  "name": "@acme/billing-api",\n  "version": "1.0.0"\n}\n');
    writeFileSync(join(project, 'config', '.env'), `JWT_SECRET=${secret}\n`);
    r = run(['check', '--env', join(project, 'config', '.env'), '--json']);
    assert.equal(r.status, 1);
    assert.ok(JSON.parse(r.stdout.split('\n')[0]).findings.some((f) => f.code === 'CONTEXT'), r.stdout);
    assert.ok(!r.stdout.includes(secret));
    assert.match(run(['check', '--help']).stdout, /--context WORD/);
  });
});
