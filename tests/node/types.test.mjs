// types.test.mjs — dist/index.d.ts type-checks real usage under `tsc --strict`, and every
// @ts-expect-error in tests/types/usage.ts (misuse) is indeed an error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const file = fileURLToPath(new URL('../types/usage.ts', import.meta.url));

test('tsc --strict accepts the usage file and its expected errors', () => {
  const r = spawnSync(process.execPath, [tsc, '--strict', '--noEmit', '--target', 'es2022', '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--skipLibCheck', 'false', file], { encoding: 'utf8', timeout: 120000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
