#!/usr/bin/env node
// build.mjs — everything into build/ and dist/: the native core and tests (CMake), the WASM core
// (CMake under emcmake), then the package files and the one-file page assembled from them.
//
//   node scripts/build.mjs [--wasm-only] [--build-dir DIR] [--dist-dir DIR]
//
// The WASM builds are linked without SINGLE_FILE and embedded here as base64: the JS API hands the
// bytes to the glue itself, so no Emscripten version ever fetch()es its own binary. The JS outputs
// are bundled by esbuild from the same sources (wasm/api/*.mjs, web/app/*.js), with two build-time
// modules: 'jsk:policy' (the core's rules, scripts/gen-policy.mjs) and 'jsk:wasm-core' (which core
// an output carries: see coreModule below).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
const { generatePolicy, declarations } = await import('./gen-policy.mjs');
const { policy, module: policyModulePath } = generatePolicy(buildDir);
const policyConsts = await import(pathToFileURL(policyModulePath).href);

// 'jsk:wasm-core' per output: the Emscripten factory (createCore), its binary (coreBase64) and the
// scalar fallback loader (loadFallbackCore, or null). The ES modules import the separate core files
// (dist/jsk-core*.mjs, kept external); the classic script bundles the SIMD core in. Build-time
// modules live in esbuild's 'jsk' namespace, so no build path ends up in an output.
const coreModules = {
  esm: "export { default as createCore, JSK_WASM_BASE64 as coreBase64 } from './jsk-core.mjs';\n" +
    "export const loadFallbackCore = () => import('./jsk-core-scalar.mjs');\n",
  scalar: "export { default as createCore, JSK_WASM_BASE64 as coreBase64 } from './jsk-core-scalar.mjs';\n" +
    'export const loadFallbackCore = null;\n',
  bundled: "export { default as createCore } from 'jsk:glue/jsk-core';\n" +
    `export const coreBase64 = ${JSON.stringify(wasmBase64('jsk-core.wasm'))};\nexport const loadFallbackCore = null;\n`,
};
const buildModules = (core) => ({
  name: 'jsk-build-modules',
  setup(b) {
    b.onResolve({ filter: /^jsk:/ }, (a) => ({ path: a.path.slice(4), namespace: 'jsk' }));
    b.onResolve({ filter: /^\.\/jsk-core(-scalar)?\.mjs$/ }, (a) => (a.namespace === 'jsk' ? { path: a.path, external: true } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'jsk' }, (a) => {
      const glue = /^glue\/([\w-]+)$/.exec(a.path);
      const contents = a.path === 'policy' ? readFileSync(policyModulePath, 'utf8')
        : a.path === 'wasm-core' ? coreModules[core]
          : glue ? readFileSync(join(wasmBuild, `${glue[1]}.mjs`), 'utf8') : null;
      if (contents === null) throw new Error(`no build-time module jsk:${a.path}`);
      return { contents, resolveDir: root, loader: 'js' };
    });
  },
});
const bundle = async (options, core) => {
  const r = await esbuild.build({
    bundle: true, write: false, target: 'es2020', legalComments: 'none', charset: 'utf8', logLevel: 'silent',
    absWorkingDir: root, plugins: [buildModules(core)], ...options,
  });
  return options.metafile ? { text: r.outputFiles[0].text, exports: Object.values(r.metafile.outputs)[0].exports } : r.outputFiles[0].text;
};
const written = new Set(['THIRD-PARTY-NOTICES.txt']); // gen-notices.mjs writes that one
const write = (name, text) => {
  written.add(name);
  writeFileSync(join(distDir, name), text);
};

// 1. The ES module cores (SIMD, and scalar for engines without SIMD): Emscripten's ES6 glue with
//    its binary as a second export.
for (const name of ['jsk-core', 'jsk-core-scalar']) {
  write(`${name}.mjs`, await bundle({
    stdin: { contents: `export { default } from 'jsk:glue/${name}';\n` +
      `export const JSK_WASM_BASE64 = ${JSON.stringify(wasmBase64(`${name}.wasm`))};\n`, resolveDir: root },
    format: 'esm', minify: true,
  }));
}

// 2. The ES module API (SIMD with the scalar fallback) and the same API over the scalar core only
//    (tests, benchmarks, engines known to lack SIMD).
const api = join(root, 'wasm/api/index.mjs');
write('index.mjs', await bundle({ entryPoints: [api], format: 'esm' }, 'esm'));
write('scalar.mjs', await bundle({ entryPoints: [api], format: 'esm' }, 'scalar'));

// 3. The classic script and the CommonJS entry, one file: `<script src=".../jwt-secret-kit.js">`
//    defines the global JwtSecretKit; under require() it is module.exports (dist/package.json makes
//    .js files in dist/ CommonJS, and dist/index.cjs re-exports it so that `main` keeps its path).
//    The `0 && (...)` line lists the names for Node's cjs-module-lexer (`import { x }` of CJS).
//    The SIMD core only: Node >= 20 and the browsers that run the page have SIMD.
const exportNames = (await bundle({ entryPoints: [api], format: 'esm', metafile: true }, 'esm')).exports.sort();
const classic = await bundle({
  entryPoints: [api], format: 'iife', globalName: 'JwtSecretKit', minify: true,
  footer: { js: "if (typeof module === 'object' && module && typeof module.exports === 'object') module.exports = JwtSecretKit;\n" +
    `0 && (module.exports = { ${exportNames.join(', ')} });` },
}, 'bundled');
write('jwt-secret-kit.js', classic);
write('index.cjs', "// The CommonJS entry: the classic script, which is also a CommonJS module.\nmodule.exports = require('./jwt-secret-kit.js');\n");
write('package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

// 4. The declarations, their unions from the policy: index.d.mts for `import` (an explicit ES
//    module: dist/package.json says "commonjs"), index.d.cts for `require`.
write('index.d.mts', declarations(read('wasm/index.d.ts'), policy, 'Type declarations for jwt-secret-kit: the ES modules dist/index.mjs and dist/scalar.mjs.'));
write('index.d.cts', declarations(read('wasm/index.d.ts'), policy, 'Type declarations for jwt-secret-kit: the CommonJS entry, dist/index.cjs.'));

// 5. The CLI: the C program (core/cli) built for Node, its glue minified, and the launcher the npm
//    bin runs.
const cliGlue = readFileSync(join(wasmBuild, 'jwt-secret-cli.cjs'), 'utf8');
write('jwt-secret-cli.cjs', (await esbuild.transform(cliGlue, { minify: true, format: 'cjs', platform: 'node', target: 'node20', legalComments: 'none' })).code);
write('jwt-secret-cli.wasm', readFileSync(join(wasmBuild, 'jwt-secret-cli.wasm')));
write('cli.mjs', read('wasm/cli-launcher.mjs'));
chmodSync(join(distDir, 'cli.mjs'), 0o755);

// 6. The page: one file, styles and script inline, a CSP that allows exactly those by hash. The
//    script is the page's modules and the API bundled into one minified classic script (it also
//    defines JwtSecretKit, for the audit workers made from it). {{NAME}} and {{NAME.key}} in the
//    markup are the policy's constants (the numbers the page shows are the core's).
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const style = read('web/style.css');
const script = (await bundle({
  entryPoints: [join(root, 'web/app/index.js')], format: 'iife', globalName: 'JwtSecretKit', minify: true,
}, 'bundled')).trimEnd();
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
let page = read('web/index.html').replace(/\{\{([A-Z_]+)(?:\.([\w]+))?\}\}/g, (m, name, key) => {
  const v = key === undefined ? policyConsts[name] : policyConsts[name]?.[key];
  if (typeof v !== 'string' && typeof v !== 'number') throw new Error(`web/index.html: ${m} is not in the policy`);
  return String(v);
});
const fill = (marker, value) => {
  if (page.split(marker).length !== 2) throw new Error(`web/index.html must contain ${marker} exactly once`);
  page = page.replace(marker, () => value);
};
fill('<!-- @LICENSES -->', (await import('./gen-notices.mjs')).writeNotices(distDir)); // also writes dist/THIRD-PARTY-NOTICES.txt
fill('<!-- @CSP -->', `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
fill('/* @STYLE */', style);
fill('/* @SCRIPT */', script);
write('index.html', page);
// What earlier builds left in dist/ and this one does not make (dist/ is the build's own).
for (const name of readdirSync(distDir)) if (!written.has(name)) rmSync(join(distDir, name), { recursive: true });

console.log(`built ${distDir}/{index.mjs,scalar.mjs,jwt-secret-kit.js,index.html,cli.mjs,...}`);
