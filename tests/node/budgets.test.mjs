// budgets.test.mjs — what users download must not grow: the page (gzipped, as a static host serves
// it) and the npm package (`npm pack`). The page's limit is issue #9's budget, 130 KB gzip -9 (its
// split into per-feature modules did not grow it: 125,386 B at commit 1b03237 before, 125,161 B
// after, at 2e40218; the page v2 of issue #11 spends part of the rest on its new panels); the
// tarball's is its size before the one-CLI work (commit 6abe647: 624,355 B). The
// per-feature bundles have their budgets in consumer.test.mjs (built from the packed package).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);
const PAGE_GZIP_MAX = 130000;
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
