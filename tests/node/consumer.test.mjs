// consumer.test.mjs — the package as users get it: `npm pack`, then `npm install` of the tarball
// (offline: it has no dependencies) into a fresh temporary project, which then
//   (a) imports it from Node ESM and require()s it from CommonJS, and runs its `jwt-secret` bin;
//   (b) type-checks strict TypeScript against it: an ES module and a .cts file (require), each with
//       @ts-expect-error for a wrong algorithm, under nodenext and node16 (and the ES module under
//       bundler resolution); each must read its own declarations (.d.mts / .d.cts);
//   (c) builds a Vite app with it (no configuration) that uses it on the page and in a module Web
//       Worker, and a webpack app (no configuration file), each served on 127.0.0.1 and opened in
//       headless Chromium.
// The fixtures are in tests/consumer/. Needs a fresh dist/ (node scripts/build.mjs).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'tests/consumer');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const viteBin = join(root, 'node_modules/vite/bin/vite.js');
const webpackBin = join(root, 'node_modules/webpack-cli/bin/cli.js');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const scratch = mkdtempSync(join(tmpdir(), 'jsk-consumer-'));
const project = join(scratch, 'app');
after(() => rmSync(scratch, { recursive: true, force: true }));

const timed = (what, fn) => {
  const started = performance.now();
  const r = fn();
  console.log(`${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return r;
};

// Runs a command; fails the test with its output if it exits non-zero.
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120000, ...options });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} exited ${r.status} ${r.signal ?? ''}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

let tarball;

before(() => {
  // The npm cache and config stay inside the scratch directory: nothing global is touched.
  const env = { ...process.env, npm_config_cache: join(scratch, 'npm-cache'), npm_config_update_notifier: 'false' };
  const packed = timed('npm pack', () =>
    JSON.parse(run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: root, env })));
  tarball = join(scratch, packed[0].filename);
  console.log(`tarball ${packed[0].filename}: ${packed[0].size} bytes packed, ${packed[0].unpackedSize} unpacked, ${packed[0].entryCount} files`);
  cpSync(join(fixtures, 'vite'), project, { recursive: true });
  cpSync(join(fixtures, 'webpack'), join(project, 'webpack'), { recursive: true });
  for (const f of ['esm.mjs', 'cjs.cjs', 'usage.ts', 'usage.cts']) cpSync(join(fixtures, f), join(project, f));
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'jsk-consumer', private: true, type: 'module' }, null, 2)}\n`);
  timed('npm install (offline)', () =>
    run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: project, env }));
});

describe('the packed package', () => {
  test('the tarball holds exactly the package files and declares no runtime dependency', () => {
    const installed = join(project, 'node_modules/jwt-secret-kit');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.version, version);
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.peerDependencies, undefined);
    assert.equal(manifest.sideEffects, false);
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    // The ES modules' shared chunks have content-hashed names: chunk-XXXXXXXX.mjs.
    const chunks = listing.filter((f) => /^package\/dist\/chunk-[A-Z0-9]{8}\.mjs$/.test(f));
    assert.ok(chunks.length >= 4, `shared chunks: ${chunks.length}`);
    assert.deepEqual(listing.filter((f) => !chunks.includes(f)), [
      'package/LICENSE', 'package/README.md', 'package/dist/THIRD-PARTY-NOTICES.txt', 'package/dist/_headers', 'package/dist/audit.d.mts', 'package/dist/audit.mjs',
      'package/dist/check.d.mts', 'package/dist/check.mjs', 'package/dist/cli.mjs', 'package/dist/generate.d.mts', 'package/dist/generate.mjs',
      'package/dist/index.cjs', 'package/dist/index.d.cts', 'package/dist/index.d.mts', 'package/dist/index.html', 'package/dist/index.mjs',
      'package/dist/jsk-audit-scalar.mjs', 'package/dist/jsk-audit.mjs', 'package/dist/jsk-check.mjs', 'package/dist/jsk-codecs.mjs', 'package/dist/jsk-envfiles.mjs', 'package/dist/jsk-generate.mjs',
      'package/dist/jsk-inspect.mjs', 'package/dist/jsk-jwt.mjs', 'package/dist/jwt-secret-cli.cjs', 'package/dist/jwt-secret-cli.wasm', 'package/dist/jwt-secret-kit.js',
      'package/dist/jwt.d.mts', 'package/dist/jwt.mjs', 'package/dist/package.json', 'package/dist/scalar.mjs', 'package/package.json',
    ]);
    // Every file the exports map, main, module, types and bin name is in the tarball.
    const targets = JSON.stringify([manifest.exports, manifest.main, manifest.module, manifest.types, manifest.bin]).match(/\.?\/?dist\/[\w.-]+/g);
    for (const t of targets) assert.ok(existsSync(join(installed, t)), `${t} is named in package.json but not packed`);
  });

  test('(a) Node ESM: import { ready, generateSecret } from "jwt-secret-kit" (and the ./scalar entry)', () => {
    const out = JSON.parse(run(process.execPath, ['esm.mjs'], { cwd: project }));
    assert.match(out.entry, /\/node_modules\/jwt-secret-kit\/dist\/index\.mjs$/);
    assert.match(out.secret, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(out.verdict, 'strong');
    assert.equal(out.weak, 'weak');
    assert.equal(out.valid, true);
    assert.equal(out.scalar, 'strong');
    // jwt-secret-kit/generate shares the root's modules; the root makes JWKs in the jwt module.
    assert.match(out.generateEntry, /\/node_modules\/jwt-secret-kit\/dist\/generate\.mjs$/);
    assert.match(out.fromEntry, /^[A-Za-z0-9_-]{86}$/);
    assert.equal(out.jwkRoot.kty, 'oct');
    assert.equal(out.jwkRoot.alg, 'HS384');
  });

  test('(a) jwt-secret-kit/generate alone: secrets, and a clear error for a JWK (its module has no SHA-256)', () => {
    const code = "import { ready, generateSecret } from 'jwt-secret-kit/generate'; await ready;" +
      "let jwk; try { generateSecret({ format: 'jwk' }); } catch (e) { jwk = [e.code, e.message]; }" +
      "console.log(JSON.stringify({ secret: generateSecret({ name: 'API_SECRET' }), jwk }));";
    const out = JSON.parse(run(process.execPath, ['--input-type=module', '-e', code], { cwd: project }));
    assert.match(out.secret, /^API_SECRET=[A-Za-z0-9_-]{43}$/);
    assert.equal(out.jwk[0], 'ERR_NOT_IN_MODULE');
    assert.match(out.jwk[1], /^generateSecret: .*jwt module/);
  });

  test('(a) Node CommonJS: require("jwt-secret-kit") gets dist/index.cjs', () => {
    const out = JSON.parse(run(process.execPath, ['cjs.cjs'], { cwd: project }));
    assert.match(out.entry, /\/node_modules\/jwt-secret-kit\/dist\/index\.cjs$/);
    assert.equal(out.version, version);
    assert.match(out.secret, /^[A-Za-z0-9_-]{64}$/);
    assert.equal(out.verdict, 'strong');
    assert.equal(out.weak, 'weak');
    assert.equal(out.valid, true);
    assert.equal(out.code, 'ERR_UNKNOWN_ALG');
  });

  test('(a) the installed bin: jwt-secret generate, and check --env exits 1 on a weak .env', () => {
    const bin = join(project, 'node_modules/.bin/jwt-secret');
    const secret = run(bin, ['generate'], { cwd: project }).trim();
    assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
    writeFileSync(join(project, '.env'), `JWT_SECRET=${secret}\nSESSION_SECRET=changeme\n`);
    const r = spawnSync(bin, ['check', '--env', '.env'], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^JWT_SECRET: strong .*\nSESSION_SECRET: weak .*\nnot strong for HS256: SESSION_SECRET /);
    assert.ok(!r.stdout.includes(secret) && !r.stdout.includes('changeme'));
  });

  test('(a) the bin named after the package: `npx jwt-secret-kit` runs this package, offline', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/jwt-secret-kit/package.json'), 'utf8'));
    assert.deepEqual(manifest.bin, { 'jwt-secret-kit': 'dist/cli.mjs', 'jwt-secret': 'dist/cli.mjs' });
    const env = { ...process.env, npm_config_cache: join(scratch, 'npm-cache'), npm_config_update_notifier: 'false' };
    const out = run(npm, ['exec', '--offline', '--no', '--', 'jwt-secret-kit', 'generate', '--alg', 'HS384'], { cwd: project, env });
    assert.match(out.trim(), /^[A-Za-z0-9_-]{64}$/);
    const help = run(join(project, 'node_modules/.bin/jwt-secret-kit'), ['help'], { cwd: project });
    assert.match(help, /npx jwt-secret-kit COMMAND/);
  });

  test('(b) tsc --strict: ES module and .cts consumers (nodenext) get their own declarations', () => {
    const files = timed('tsc nodenext (usage.ts + usage.cts)', () =>
      run(process.execPath, [tsc, '--strict', '--noEmit', '--listFiles', '--target', 'es2022', '--module', 'nodenext',
        '--moduleResolution', 'nodenext', '--skipLibCheck', 'false', 'usage.ts', 'usage.cts'], { cwd: project }));
    const declarations = files.split('\n').filter((f) => f.includes('node_modules/jwt-secret-kit/')).map((f) => f.replace(/^.*\/node_modules\//, ''));
    assert.deepEqual(declarations.sort(), ['audit', 'check', 'generate', 'index', 'jwt'].map((n) => `jwt-secret-kit/dist/${n}.d.mts`)
      .concat('jwt-secret-kit/dist/index.d.cts').sort());
  });

  test('(b) tsc --strict under module node16, where requiring ESM-typed declarations is an error', () => {
    timed('tsc node16 (usage.ts + usage.cts)', () =>
      run(process.execPath, [tsc, '--strict', '--noEmit', '--target', 'es2022', '--module', 'node16', '--moduleResolution', 'node16',
        '--skipLibCheck', 'false', 'usage.ts', 'usage.cts'], { cwd: project }));
  });

  test('(b) tsc --strict: the ES module consumer under bundler resolution (Vite, webpack)', () => {
    timed('tsc bundler (usage.ts)', () =>
      run(process.execPath, [tsc, '--strict', '--noEmit', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
        '--skipLibCheck', 'false', 'usage.ts'], { cwd: project }));
  });

  test('(c) a Vite app built with no configuration shows a secret, from the page and from a Worker', async () => {
    const build = timed('vite build', () => run(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: project }));
    assert.doesNotMatch(build, /error/i);
    const dist = join(project, 'dist');
    assert.ok(statSync(join(dist, 'index.html')).isFile());

    const server = await serve(dist);
    const started = performance.now();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems = [];
      const requests = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${server.origin}/`);
      const wait = { timeout: 20000 };
      await page.waitForFunction(() => document.getElementById('secret').textContent !== '', null, wait);
      await page.waitForFunction(() => document.getElementById('worker').textContent !== '', null, wait);
      assert.match(await page.textContent('#secret'), /^[A-Za-z0-9_-]{43}$/);
      assert.equal(await page.textContent('#verdict'), 'strong');
      assert.match(await page.textContent('#worker'), /^[A-Za-z0-9_-]{86}$/, 'the Worker posted an HS512 secret');
      assert.deepEqual(problems, []);
      for (const url of requests) assert.ok(url.startsWith(`${server.origin}/`), `request outside the app: ${url}`);
      console.log(`chromium: ${((performance.now() - started) / 1000).toFixed(1)} s, ${requests.length} requests`);
    } finally {
      await browser.close();
      server.close();
    }
  });
});

// Budgets (issue #9): what a front end that uses one feature loads, from production Vite builds of
// the packed package, gzipped -9 (tests/bench/bundles.mjs); each app is also run in Chromium.
const BUDGETS = { generate: 8000, jwt: 20000, check: 85000 };

describe('per-feature bundles', () => {
  test('(d) Vite apps that use only generateSecret, only signJwt/verifyJwt, only checkSecret: sizes and budgets', async () => {
    const { measureBundles, kb } = await import('../bench/bundles.mjs');
    const rows = timed('vite build x4', () => measureBundles(project, ['generate', 'jwt', 'check', 'root-generate'], viteBin));
    const size = Object.fromEntries(rows.map((r) => [r.name, r.gzip]));
    for (const r of rows) console.log(`bundle ${r.name}: ${r.files} files, ${r.bytes} bytes, ${kb(r.gzip)} gzipped (${r.what})`);
    // The generate-only app carries the generate module alone (generateSecret: no decoder, no
    // describeSecret, their codecs module is a companion), its own error messages (the codes its C
    // and its JS can produce) and the loader; every module is deflated by zopfli.
    assert.ok(size.generate <= BUDGETS.generate, `generate-only app ${size.generate} > ${BUDGETS.generate}`);
    assert.ok(size.jwt <= BUDGETS.jwt, `jwt-only app ${size.jwt} > ${BUDGETS.jwt}`);
    assert.ok(size.check <= BUDGETS.check, `check-only app ${size.check} > ${BUDGETS.check}`);
    assert.ok(size.generate * 5 < size['root-generate'], 'the feature entry is far smaller than the root entry');

    const browser = await launchChromium();
    try {
      for (const r of rows) {
        const server = await serve(r.dist);
        try {
          const page = await browser.newPage();
          const problems = [];
          page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
          page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
          await page.goto(`${server.origin}/`);
          await page.waitForFunction(() => document.getElementById('o').textContent !== '', null, { timeout: 20000 });
          assert.match(await page.textContent('#o'), r.expect, r.name);
          assert.deepEqual(problems, [], r.name);
          await page.close();
        } finally {
          server.close();
        }
      }
    } finally {
      await browser.close();
    }
  });
});

describe('a webpack app', () => {
  test('(c) built by the webpack CLI with no configuration file, it shows a secret in Chromium', async () => {
    const out = join(project, 'webpack', 'dist');
    timed('webpack', () => run(process.execPath, [webpackBin, '--mode', 'production', '--entry', './webpack/index.js',
      '--output-path', out], { cwd: project }));
    cpSync(join(project, 'webpack', 'index.html'), join(out, 'index.html'));
    const server = await serve(out);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await page.goto(`${server.origin}/`);
      await page.waitForFunction(() => document.getElementById('verdict').textContent !== '', null, { timeout: 20000 });
      assert.match(await page.textContent('#secret'), /^[A-Za-z0-9_-]{64}$/);
      assert.equal(await page.textContent('#verdict'), 'strong');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      server.close();
    }
  });
});

// Debian's Chromium, headless, with the flags this machine's closed network needs.
async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// A static server for the built app on 127.0.0.1 (an ephemeral port).
function serve(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() });
    });
  });
}
