// budgets.test.mjs — what users download must not grow: the page (gzipped, as a static host serves
// it) and the npm package (`npm pack`). The page: issue #9's split into per-feature modules did not
// grow it (125,386 B gzip -9 at commit 1b03237 before, 125,161 B after, at 2e40218), within that
// issue's 130 KB. Issue #11's page v2 adds the token inspector (its findings and errors in words),
// the .env files, the commands beside a secret and a Verify panel: about 19 KB more, of which the
// page's one module for jwt, audit, inspector and .env files saved 14 KB over four (144,854 B).
// Then (this session): per-module error tables, zopfli, and one module after the generator that
// also carries the checker (page-all: one copy of SHA-2, the codecs, JSON and text writers instead
// of two): 133,0xx B. Then the analyzer's dictionaries coded 10.6% smaller (a counter per bit, a
// mixer weight set per kind of byte and bits seen: 47,604 -> 42,541 B), the page's stylesheet
// minified and its markup's indentation dropped: 129,070 B. The limit is issue #9's 130 KB; the
// tarball's was its size before the one-CLI work (commit 6abe647: 624,355 B; 515,736 B after issue
// #9); issue #11 adds the inspector, the .env files and the commands to the CLI (its .wasm 185 ->
// 240 KB), the classic script and the page (modules of their own): 638,743 B, limit 660,000. The
// per-feature bundles have their budgets in consumer.test.mjs (built from the packed package).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);
const PAGE_GZIP_MAX = 130000;
const PACK_MAX = 660000;

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
