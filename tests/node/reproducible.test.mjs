// reproducible.test.mjs — two WASM builds of the same tree, in different directories, give
// byte-identical dist/ files, and the same as the dist/ that `npm run build` made.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'jsk-repro-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function build(name) {
  const dist = join(scratch, name, 'dist');
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--wasm-only', '--build-dir', join(scratch, name, 'build'), '--dist-dir', dist], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dist;
}

const digests = (dir) =>
  Object.fromEntries(readdirSync(dir).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

test('two builds from the same tree are byte-identical', { timeout: 300000 }, () => {
  const a = digests(build('a'));
  const b = digests(build('b'));
  // Every file the package ships from dist/ (package.json "files"), and nothing else.
  // (A pattern such as chunk-*.mjs, the shared chunks of the ES modules, stands for what it matches.)
  const shipped = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).files
    .filter((f) => f.startsWith('dist/')).map((f) => f.slice(5));
  assert.ok(shipped.includes('jwt-secret-cli.wasm') && shipped.includes('index.html'));
  const pattern = (f) => new RegExp(`^${f.replace(/\./g, '\\.').replace(/\*/g, '[^/]+')}$`);
  for (const f of shipped) assert.ok(Object.keys(a).some((name) => pattern(f).test(name)), `dist/ has ${f}`);
  for (const name of Object.keys(a)) assert.ok(shipped.some((f) => pattern(f).test(name)), `${name} is shipped`);
  assert.deepEqual(a, b);
  assert.deepEqual(digests(join(root, 'dist')), a, 'the main dist/ matches a fresh build');
});
