// howto.test.mjs — several secrets as .env files and the commands beside a secret, as users get
// them: generateEnvFiles (every layout, parsed by the real dotenv package: each variable once, each
// value the right size), the CLI's --env/--layout/--out-dir, the Kubernetes manifests (a strict
// structural check: there is no YAML library here and kubectl has no cluster; `kubectl create
// secret --dry-run=client` does run), and makeCommands/storeCommands, whose commands are RUN where
// the tool is on this machine (openssl, node, python3, the CLI; kubectl and aws against nothing
// but a local stand-in) and their output checked: alphabet and decoded length.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

const kit = await import('../../dist/index.mjs');
const jwtEntry = await import('../../dist/jwt.mjs');
const { generateEnvFiles, makeCommands, storeCommands, ENV_LAYOUTS, JwtSecretKitError } = kit;
const dotenv = createRequire(import.meta.url)('dotenv');
const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
const nativeCli = fileURLToPath(new URL('../../build/native/jwt-secret', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'jsk-howto-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

before(async () => {
  await kit.ready;
  await jwtEntry.ready;
});

const ALPHABETS = {
  base64url: /^[A-Za-z0-9_-]+$/,
  'base64url-padded': /^[A-Za-z0-9_-]+={0,2}$/,
  base64: /^[A-Za-z0-9+/]+={0,2}$/,
  hex: /^[0-9a-f]+$/,
};
const decoded = (text, format) => Buffer.from(text, format === 'hex' ? 'hex' : format.startsWith('base64url') ? 'base64url' : 'base64');
// The exact length of each encoding of n bytes.
const lengthOf = (n, format) =>
  format === 'hex' ? 2 * n : format === 'base64url' ? Math.ceil((4 * n) / 3) : 4 * Math.ceil(n / 3);

function checkValue(value, bytes, format, what) {
  assert.match(value, ALPHABETS[format], `${what}: alphabet of ${JSON.stringify(value)}`);
  assert.equal(value.length, lengthOf(bytes, format), `${what}: length`);
  assert.equal(decoded(value, format).length, bytes, `${what}: decoded length`);
  assert.equal(decoded(value, format).toString(format === 'hex' ? 'hex' : format.startsWith('base64url') ? 'base64url' : 'base64')
    .replace(/=+$/, ''), value.replace(/=+$/, ''), `${what}: canonical`);
}

// A .env file: dotenv reads every variable once, in order, nothing else; each value is the size asked.
function checkEnvFile(file, bytes) {
  const parsed = dotenv.parse(file.content);
  assert.deepEqual(Object.keys(parsed), file.variables, `${file.name}: the variables dotenv reads`);
  const assignments = file.content.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  assert.equal(assignments.length, file.variables.length, `${file.name}: one line per variable`);
  assert.equal(new Set(file.variables.map((v) => v.toUpperCase())).size, file.variables.length, `${file.name}: each once`);
  for (const [k, v] of Object.entries(parsed)) checkValue(v, bytes, 'base64url', `${file.name} ${k}`);
  assert.match(file.content, /^# \S+: JWT secrets/);
  assert.ok(file.content.endsWith('\n') && !file.content.includes('\r'));
}

// A Kubernetes Secret manifest as the core writes it, checked line by line (no YAML library here):
// comments, then exactly these keys, every stringData value a single-quoted base64url string.
function checkManifest(text, { name, keys, bytes }) {
  const lines = text.split('\n');
  assert.equal(lines.pop(), '');
  while (lines[0].startsWith('# ')) lines.shift();
  assert.deepEqual(lines.slice(0, 6), ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${name}`, 'type: Opaque', 'stringData:']);
  assert.match(name, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'metadata.name is a DNS-1123 label');
  const data = lines.slice(6);
  assert.deepEqual(data.map((l) => l.slice(2, l.indexOf(':'))), keys);
  for (const l of data) {
    const m = /^ {2}([A-Za-z_][A-Za-z0-9_]*): '([A-Za-z0-9_-]+)'$/.exec(l);
    assert.ok(m, `stringData line ${l}`);
    checkValue(m[2], bytes, 'base64url', m[1]);
  }
}

describe('generateEnvFiles', () => {
  const names = ['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET', 'JWT_EMAIL_SECRET'];
  const environments = ['development', 'staging', 'production'];

  test('every layout, with and without environments, at three sizes: dotenv reads each variable once', () => {
    assert.deepEqual(ENV_LAYOUTS, ['files', 'prefix', 'rotation', 'k8s']);
    for (const layout of ['files', 'prefix', 'rotation']) {
      for (const envs of [undefined, environments]) {
        for (const [alg, bytes] of [[undefined, undefined], ['HS384', undefined], [undefined, 100]]) {
          const r = generateEnvFiles({ names, environments: envs, layout, alg, bytes });
          const size = bytes ?? (alg === 'HS384' ? 48 : 32);
          assert.equal(r.layout, layout);
          assert.equal(r.bytes, size);
          assert.equal(r.alg, alg ?? 'HS256');
          const want = layout === 'prefix' || !envs ? ['.env'] : envs.map((e) => `.env.${e}`);
          assert.deepEqual(r.files.map((f) => f.name), want);
          for (const f of r.files) checkEnvFile(f, size);
          const all = r.files.flatMap((f) => f.variables);
          if (layout === 'prefix' && envs) assert.ok(all.includes('PRODUCTION_JWT_EMAIL_SECRET') && !all.includes('JWT_EMAIL_SECRET'));
          if (layout === 'rotation') assert.deepEqual(r.files[0].variables.slice(0, 2), ['JWT_ACCESS_SECRET_CURRENT', 'JWT_ACCESS_SECRET_PREVIOUS']);
          // No value twice anywhere.
          const values = r.files.flatMap((f) => Object.values(dotenv.parse(f.content)));
          assert.equal(new Set(values).size, values.length);
        }
      }
    }
  });

  test('rotation says how to use the pair; the default is one .env with JWT_SECRET', () => {
    const [file] = generateEnvFiles({ layout: 'rotation' }).files;
    assert.match(file.content, /# Sign with the current key; verify with the current, then the previous one\.\n/);
    const d = generateEnvFiles();
    assert.equal(d.files.length, 1);
    assert.deepEqual(d.files[0].variables, ['JWT_SECRET']);
    assert.equal(jwtEntry.generateEnvFiles({ names: 'A' }).files[0].variables[0], 'A');
  });

  test('k8s: a Secret manifest per environment', () => {
    const r = generateEnvFiles({ names: names.slice(0, 2), environments: ['production', 'eu-west'], layout: 'k8s', alg: 'HS512' });
    assert.deepEqual(r.files.map((f) => f.name), ['jwt-secrets.production.yaml', 'jwt-secrets.eu-west.yaml']);
    checkManifest(r.files[0].content, { name: 'jwt-secrets-production', keys: names.slice(0, 2), bytes: 64 });
    checkManifest(r.files[1].content, { name: 'jwt-secrets-eu-west', keys: names.slice(0, 2), bytes: 64 });
  });

  test('refusals name the item at fault', () => {
    const refused = (options, code, item) =>
      assert.throws(() => generateEnvFiles(options), (e) => {
        assert.ok(e instanceof JwtSecretKitError);
        assert.equal(e.code, code, e.message);
        assert.deepEqual(e.item, item);
        return true;
      });
    refused({ names: ['A', 'B', 'a'] }, 'ERR_DUPLICATE_NAME', { option: 'names', index: 2 });
    refused({ names: ['A', '1B'] }, 'ERR_BAD_NAME', { option: 'names', index: 1 });
    refused({ names: ['A', ''] }, 'ERR_BAD_NAME', { option: 'names', index: 1 });
    refused({ environments: ['dev', 'Dev'] }, 'ERR_DUPLICATE_NAME', { option: 'environments', index: 1 });
    refused({ environments: ['dev', 'prod eu'] }, 'ERR_BAD_NAME', { option: 'environments', index: 1 });
    refused({ names: ['X', 'B_X'], environments: ['a', 'a_b'], layout: 'prefix' }, 'ERR_DUPLICATE_NAME', { option: 'names', index: 0 });
    refused({ alg: 'HS512', bytes: 32 }, 'ERR_KEY_TOO_SHORT', undefined);
    assert.throws(() => generateEnvFiles({ layout: 'blocks' }), { code: 'ERR_UNKNOWN_FORMAT' });
    assert.throws(() => generateEnvFiles({ names: ['A\nB'] }), { code: 'ERR_BAD_NAME' });
    assert.throws(() => generateEnvFiles({ nmes: [] }), { code: 'ERR_INVALID_ARGUMENT' });
    assert.throws(() => generateEnvFiles({ names: Array.from({ length: 33 }, (_, i) => `N${i}`) }), { code: 'ERR_OUT_OF_RANGE' });
  });
});

// ------------------------------------------------------------------ the CLI's .env files

function runCli(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 30000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('jwt-secret generate --env / --layout / --out-dir', () => {
  test('printed: the files one after the other, each a complete .env file', () => {
    const r = runCli(['generate', '--name', 'A', '--name', 'B', '--env', 'development', '--env', 'production', '--alg', 'HS384']);
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.split('\n\n');
    assert.equal(files.length, 2);
    files.forEach((content, i) => {
      const name = ['.env.development', '.env.production'][i];
      checkEnvFile({ name, content: i === 0 ? `${content}\n` : content, variables: ['A', 'B'] }, 48);
      assert.ok(content.startsWith(`# ${name}: JWT secrets for ${name.slice(5)} (HS384, 48 random bytes each, base64url).\n`));
    });
  });

  test('--out-dir: new files, mode 0600, the same text as the API; refuses to overwrite', () => {
    const dir = mkdtempSync(join(scratch, 'out-'));
    const r = runCli(['generate', '--layout', 'rotation', '--env', 'staging', '--env', 'production', '--out-dir', dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `wrote ${dir}/.env.staging\nwrote ${dir}/.env.production\n`);
    assert.deepEqual(readdirSync(dir).sort(), ['.env.production', '.env.staging']);
    for (const f of readdirSync(dir)) {
      assert.equal(statSync(join(dir, f)).mode & 0o777, 0o600, f);
      checkEnvFile({ name: f, content: readFileSync(join(dir, f), 'utf8'), variables: ['JWT_SECRET_CURRENT', 'JWT_SECRET_PREVIOUS'] }, 32);
    }
    const again = runCli(['generate', '--env', 'production', '--env', 'dev', '--out-dir', dir]);
    assert.equal(again.status, 2);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, /\.env\.production exists: not overwritten \(nothing was written\)/);
    assert.ok(!readdirSync(dir).includes('.env.dev'));
  });

  test('--format k8s is the k8s layout; usage errors name the item', () => {
    const r = runCli(['generate', '--format', 'k8s', '--name', 'JWT_SECRET']);
    assert.equal(r.status, 0, r.stderr);
    checkManifest(r.stdout, { name: 'jwt-secrets', keys: ['JWT_SECRET'], bytes: 32 });
    const bad = (args, pattern) => {
      const e = runCli(args);
      assert.equal(e.status, 2, args.join(' '));
      assert.equal(e.stdout, '');
      assert.match(e.stderr, pattern);
    };
    bad(['generate', '--env', 'dev', '--env', 'DEV'], /--env 'DEV': the same environment twice/);
    bad(['generate', '--env', 'dev', '--name', 'A', '--name', 'a'], /--name 'a': the same name twice .*ERR_DUPLICATE_NAME/);
    bad(['generate', '--layout', 'blocks'], /--layout must be one of files, prefix, rotation, k8s/);
    bad(['generate', '--env', 'dev', '--count', '2'], /--count does not apply/);
    bad(['generate', '--env', 'dev', '--format', 'hex'], /--format hex does not apply/);
    bad(['generate', '--out-dir', join(scratch, 'nope')], /not a directory/);
  });
});

// ------------------------------------------------------------------ commands, run for real

const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const sh = (command) => spawnSync('sh', ['-c', command], { encoding: 'utf8', timeout: 30000 });
// "jwt-secret" in a command is this build's CLI (the native one when built, else the npm bin).
const jwtSecret = has(nativeCli) || spawnSync('test', ['-x', nativeCli]).status === 0 ? nativeCli : `${process.execPath} ${cli}`;
const local = (command) => command.replace(/(^|\| )jwt-secret /g, `$1${jwtSecret} `);

describe('makeCommands: every command makes that format and size', () => {
  const formats = ['base64url', 'base64', 'hex', 'base64url-padded', 'env'];
  for (const bytes of [32, 48, 64, 100]) {
    for (const format of formats) {
      test(`${bytes} bytes, ${format}`, (t) => {
        const list = makeCommands({ bytes, format, name: format === 'env' ? 'MY_KEY' : undefined });
        assert.deepEqual(list.map((c) => c.tool), ['openssl', 'node', 'python3', 'jwt-secret', 'npx']);
        for (const { tool, command } of list) {
          if (tool === 'npx') {
            // npx would fetch the package: the same arguments as jwt-secret's, run above.
            assert.equal(command, `npx jwt-secret-kit${list[3].command.slice('jwt-secret'.length)}`);
            continue;
          }
          if (tool !== 'jwt-secret' && !has(tool)) {
            t.diagnostic(`${tool} is not installed here: "${command}" not run`);
            continue;
          }
          const r = sh(tool === 'jwt-secret' ? local(command) : command);
          assert.equal(r.status, 0, `${command}: ${r.stderr}`);
          assert.ok(r.stdout.endsWith('\n') && r.stdout.indexOf('\n') === r.stdout.length - 1, `${command}: one line`);
          let value = r.stdout.slice(0, -1);
          if (format === 'env') {
            assert.ok(value.startsWith('MY_KEY='), command);
            assert.deepEqual(Object.keys(dotenv.parse(r.stdout)), ['MY_KEY']);
            value = value.slice(7);
          }
          checkValue(value, bytes, format === 'env' ? 'base64url' : format, command);
        }
      });
    }
  }

  test('the exact commands for 32 bytes base64url and 64 bytes hex', () => {
    assert.deepEqual(makeCommands({ bytes: 32 }).map((c) => c.command), [
      "openssl rand -base64 32 | tr -d '\\n=' | tr '+/' '-_'; echo",
      `node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`,
      `python3 -c "import secrets; print(secrets.token_urlsafe(32))"`,
      'jwt-secret generate --bytes 32 --format base64url',
      'npx jwt-secret-kit generate --bytes 32 --format base64url',
    ]);
    assert.deepEqual(makeCommands({ alg: 'HS512', format: 'hex' }).map((c) => c.command), [
      'openssl rand -hex 64',
      `node -e "console.log(require('crypto').randomBytes(64).toString('hex'))"`,
      `python3 -c "import secrets; print(secrets.token_hex(64))"`,
      'jwt-secret generate --alg HS512 --bytes 64 --format hex',
      'npx jwt-secret-kit generate --alg HS512 --bytes 64 --format hex',
    ]);
    assert.deepEqual(makeCommands({ format: 'jwk' }).map((c) => c.tool), ['jwt-secret', 'npx']);
    assert.throws(() => makeCommands({ name: 'no good' }), { code: 'ERR_BAD_NAME' });
    assert.throws(() => makeCommands({ format: 'k8s' }), { code: 'ERR_UNKNOWN_FORMAT' });
  });
});

describe('storeCommands: the value only ever goes through a pipe', () => {
  const list = storeCommands({ name: 'JWT_SECRET', bytes: 48, format: 'hex' });

  test('every tool, each command a pipe from jwt-secret generate, no value on a command line', () => {
    assert.deepEqual(list.map((c) => c.tool), ['gh', 'kubectl', 'docker', 'vault', 'aws', 'gcloud', 'az']);
    for (const { command } of list) {
      assert.ok(command.startsWith("jwt-secret generate --bytes 48 --format hex | tr -d '\\n' | "), command);
      assert.equal(command.split('|').length, 3, command);
    }
    const b64 = storeCommands();
    assert.deepEqual(b64.map((c) => c.tool), ['gh', 'kubectl', 'kubectl', 'docker', 'vault', 'aws', 'gcloud', 'az']);
    assert.equal(b64[2].command, 'jwt-secret generate --bytes 32 --layout k8s --name JWT_SECRET | kubectl apply -f -');
    assert.equal(b64[0].command, "jwt-secret generate --bytes 32 --format base64url | tr -d '\\n' | gh secret set JWT_SECRET");
  });

  test('what each tool receives: the value alone, no newline (the pipe up to the tool, run)', () => {
    for (const { command } of list) {
      const upTo = command.slice(0, command.lastIndexOf('|'));
      const r = sh(local(upTo));
      assert.equal(r.status, 0, r.stderr);
      checkValue(r.stdout, 48, 'hex', command);
    }
  });

  test('kubectl create secret: run (client-side dry run), the key holds the value exactly', (t) => {
    if (!has('kubectl')) return t.skip('kubectl is not installed here');
    const { command } = list.find((c) => c.tool === 'kubectl');
    const r = sh(`${local(command)} --dry-run=client -o json`);
    assert.equal(r.status, 0, r.stderr);
    const secret = JSON.parse(r.stdout);
    assert.equal(secret.kind, 'Secret');
    assert.equal(secret.metadata.name, 'jwt-secret');
    checkValue(Buffer.from(secret.data.JWT_SECRET, 'base64').toString(), 48, 'hex', 'kubectl');
  });

  test('kubectl apply -f - gets a manifest from --layout k8s', () => {
    const { command } = storeCommands({ name: 'API_JWT_KEY' }).find((c) => c.command.includes('--layout k8s'));
    const r = sh(local(command.slice(0, command.lastIndexOf('|'))));
    assert.equal(r.status, 0, r.stderr);
    checkManifest(r.stdout, { name: 'jwt-secrets', keys: ['API_JWT_KEY'], bytes: 32 });
  });

  test('aws secretsmanager create-secret: run against a local stand-in, SecretString is the value', async (t) => {
    if (!has('aws')) return t.skip('aws is not installed here');
    const { command } = list.find((c) => c.tool === 'aws');
    const bodies = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        bodies.push(JSON.parse(body));
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        res.end(JSON.stringify({ ARN: 'arn:aws:secretsmanager:us-east-1:0:secret:jwt-secret', Name: 'jwt-secret' }));
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const env = { ...process.env, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'x', AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
      const child = spawn('sh', ['-c', `${local(command)} --endpoint-url http://127.0.0.1:${server.address().port}`], { env });
      let err = '';
      child.stderr.on('data', (d) => { err += d; });
      const status = await new Promise((resolve) => child.on('close', resolve));
      assert.equal(status, 0, err);
    } finally {
      server.close();
    }
    assert.equal(bodies.length, 1);
    assert.equal(bodies[0].Name, 'jwt-secret');
    checkValue(bodies[0].SecretString, 48, 'hex', 'aws');
  });
});
