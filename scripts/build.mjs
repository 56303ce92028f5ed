#!/usr/bin/env node
// build.mjs — everything into build/ and dist/: the native core and tests (CMake), the WASM core
// (CMake under emcmake), then the package files and the one-file page assembled from them.
//
//   node scripts/build.mjs [--wasm-only] [--build-dir DIR] [--dist-dir DIR]
//
// The two WASM builds are linked without SINGLE_FILE and embedded here as base64: the JS API hands
// the bytes to the glue itself, so no Emscripten version ever fetch()es its own binary.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? resolve(args[i + 1]) : fallback;
};
const buildDir = opt('--build-dir', join(root, 'build'));
const distDir = opt('--dist-dir', join(root, 'dist'));
const wasmOnly = args.includes('--wasm-only');

// emcc at -O1 and above needs acorn; Debian ships it in /usr/share/nodejs (design.md).
const env = { ...process.env, NODE_PATH: [process.env.NODE_PATH, '/usr/share/nodejs'].filter(Boolean).join(':') };
// Tool output is shown only when a step fails (or with VERBOSE=1), so `npm start` stays readable.
const run = (cmd, argv) => {
  try {
    const out = execFileSync(cmd, argv, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (process.env.VERBOSE) process.stdout.write(out);
  } catch (e) {
    process.stderr.write(`build: ${cmd} ${argv.join(' ')} failed\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    process.exit(1);
  }
};
const read = (p) => readFileSync(join(root, p), 'utf8');

// ------------------------------------------------------------------------- C builds
if (!wasmOnly) {
  run('cmake', ['-S', '.', '-B', join(buildDir, 'native'), '-DCMAKE_BUILD_TYPE=Release', '-Wno-dev']);
  run('cmake', ['--build', join(buildDir, 'native'), '-j', '2']);
}
const wasmBuild = join(buildDir, 'wasm');
run('emcmake', ['cmake', '-S', '.', '-B', wasmBuild, '-DCMAKE_BUILD_TYPE=Release', '-Wno-dev']);
run('cmake', ['--build', wasmBuild, '-j', '2']);

// ------------------------------------------------------------------------ dist files
mkdirSync(distDir, { recursive: true });
const wasmBase64 = (name) => readFileSync(join(wasmBuild, name)).toString('base64');

// 1. The ES module cores (SIMD, and scalar for engines without SIMD): Emscripten's ES6 glue with
//    its binary appended as an export.
for (const name of ['jsk-core', 'jsk-core-scalar']) {
  const esmGlue = readFileSync(join(wasmBuild, `${name}.mjs`), 'utf8');
  writeFileSync(
    join(distDir, `${name}.mjs`),
    `${esmGlue.trimEnd()}\nexport const JSK_WASM_BASE64 = ${JSON.stringify(wasmBase64(`${name}.wasm`))};\n`,
  );
}
copyFileSync(join(root, 'wasm/api.mjs'), join(distDir, 'index.mjs'));
copyFileSync(join(root, 'wasm/index.d.ts'), join(distDir, 'index.d.ts'));
// The CLI: the C program (core/cli) built for Node, and the launcher the npm bin runs.
for (const name of ['jwt-secret-cli.cjs', 'jwt-secret-cli.wasm']) copyFileSync(join(wasmBuild, name), join(distDir, name));
copyFileSync(join(root, 'wasm/cli-launcher.mjs'), join(distDir, 'cli.mjs'));
chmodSync(join(distDir, 'cli.mjs'), 0o755);

// 2. The classic script: the classic glue, the binary, and api.mjs turned into an IIFE that
//    defines one global, JwtSecretKit. The transformation is exact or the build fails.
const api = read('wasm/api.mjs');
const importLine = "import createJskCore, { JSK_WASM_BASE64 } from './jsk-core.mjs';\n";
const scalarLine = "const loadScalarCore = () => import('./jsk-core-scalar.mjs');\n";
if (!api.includes(scalarLine)) throw new Error('wasm/api.mjs must keep its loadScalarCore line');
// The same API over the scalar core only (tests, benchmarks, engines known to lack SIMD).
writeFileSync(
  join(distDir, 'scalar.mjs'),
  api.replace(importLine, importLine.replace('./jsk-core.mjs', './jsk-core-scalar.mjs')).replace(scalarLine, 'const loadScalarCore = null;\n'),
);
const exportMatch = api.match(/\nexport \{([^}]*)\};\n$/);
if (!api.includes(importLine) || !exportMatch) {
  throw new Error('wasm/api.mjs must keep its single import line and end with one `export { ... };` list');
}
const apiBody = api.slice(0, exportMatch.index).replace(importLine, '').replace(scalarLine, 'var loadScalarCore = null;\n');
if (/^\s*(import|export)\b|\bimport\(/m.test(apiBody)) {
  throw new Error('wasm/api.mjs has another import or export: the classic build cannot take it');
}
const classicGlue = readFileSync(join(wasmBuild, 'jsk-core-classic.js'), 'utf8');
const classic =
  `${classicGlue.trimEnd()}\n` +
  `var JSK_WASM_BASE64 = ${JSON.stringify(wasmBase64('jsk-core-classic.wasm'))};\n` +
  `var JwtSecretKit = (function () {\n'use strict';\n${apiBody}\nreturn {${exportMatch[1]}};\n})();\n`;
writeFileSync(join(distDir, 'jwt-secret-kit.js'), classic);

// 3. The CommonJS entry (`require('jwt-secret-kit')`: Node before 20.19 cannot require() an ES
//    module, and many back ends, test runners and TypeScript setups still emit require()): the same
//    classic glue, binary and API body, its exports as module.exports. The classic glue is the SIMD
//    build (Node >= 20 runs WebAssembly SIMD), so there is no scalar fallback here. The glue's own
//    UMD tail (`module.exports = createJskCore`) is overwritten by the last statement, a literal
//    of plain names that Node's cjs-module-lexer can read (for `import { x }` of a CJS file).
const exportNames = exportMatch[1].split(',').map((s) => s.trim()).filter(Boolean);
if (!exportNames.every((n) => /^[A-Za-z_$][\w$]*$/.test(n))) throw new Error('wasm/api.mjs: the export list must be plain names');
const cjs =
  `${classicGlue.trimEnd()}\n` +
  `var JSK_WASM_BASE64 = ${JSON.stringify(wasmBase64('jsk-core-classic.wasm'))};\n` +
  `var {${exportMatch[1]}} = (function () {\n'use strict';\n${apiBody}\nreturn {${exportMatch[1]}};\n})();\n` +
  `module.exports = {\n${exportNames.map((n) => `  ${n},\n`).join('')}};\n`;
writeFileSync(join(distDir, 'index.cjs'), cjs);
// The same declarations as a .d.cts: TypeScript (node16/nodenext) reads them as CommonJS for
// `require` and as ESM (index.d.ts, "type": "module") for `import`.
writeFileSync(
  join(distDir, 'index.d.cts'),
  read('wasm/index.d.ts').replace(/^\/\/ Type declarations for jwt-secret-kit \(the ES module in dist\/index\.mjs\)\./, '// Type declarations for jwt-secret-kit (the CommonJS entry, dist/index.cjs).'),
);

// 4. The page: one file, styles and scripts inline, a CSP that allows exactly those by hash.
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const style = read('web/style.css');
const script = `${classic}\n${read('web/app.js')}`;
for (const [what, text] of [['style', style], ['script', script]]) {
  if (new RegExp(`</${what}`, 'i').test(text)) throw new Error(`inline ${what} contains </${what}`);
}
const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(style)}`,
  "img-src data:",
  "worker-src blob:", // the audit's workers: Blobs of the page's own script (they inherit this CSP)
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
let page = read('web/index.html');
const fill = (marker, value) => {
  if (page.split(marker).length !== 2) throw new Error(`web/index.html must contain ${marker} exactly once`);
  page = page.replace(marker, () => value);
};
fill('<!-- @LICENSES -->', (await import('./gen-notices.mjs')).writeNotices(distDir)); // also writes dist/THIRD-PARTY-NOTICES.txt
fill('<!-- @CSP -->', `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
fill('/* @STYLE */', style);
fill('/* @SCRIPT */', script);
writeFileSync(join(distDir, 'index.html'), page);

console.log(`built ${distDir}/{index.mjs,index.cjs,jsk-core.mjs,jwt-secret-kit.js,index.html}`);
