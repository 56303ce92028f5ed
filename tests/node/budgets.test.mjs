// budgets.test.mjs — what users download must not grow: the page (gzipped, as a static host serves
// it) and the npm package (`npm pack`). The page's limit is its size before it was split into
// per-feature modules (commit 1b03237: 125,386 B gzip -9; issue #9: "does not grow", and at most
// 130 KB); the tarball's is its size before the one-CLI work (commit 6abe647: 624,355 B). The
// per-feature bundles have their budgets in consumer.test.mjs (built from the packed package).
// Issue #11 (page v2) adds the .env files and the commands beside a secret to the jwt module, which
// the page carries: 125,161 -> 130,539 B measured (branch howto); the limit follows, still within
// issue #9's "at most 130 KB" (133,120 B), and is the figure to bring down again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);
const PAGE_GZIP_MAX = 130600;
const PACK_MAX = 624355;

test(`the page, gzipped, is at most ${PAGE_GZIP_MAX} bytes`, () => {
  const page = readFileSync(new URL('dist/index.html', root));
  const size = gzipSync(page, { level: 9 }).length;
  console.log(`# page: ${page.length} bytes, ${size} gzipped`);
  assert.ok(size <= PAGE_GZIP_MAX, `${size} > ${PAGE_GZIP_MAX}`);
});

test(`the npm package is at most ${PACK_MAX} bytes packed`, () => {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  console.log(`# npm pack: ${pack.size} bytes, ${pack.entryCount} files`);
  assert.ok(pack.size <= PACK_MAX, `${pack.size} > ${PACK_MAX}`);
});
