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
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
const { errorTableModule } = await import('./error-tables.mjs');
const { policy, module: policyModulePath } = generatePolicy(buildDir);
const policyConsts = await import(pathToFileURL(policyModulePath).href);

// The WASM modules as the loader takes them (wasm/api/core.mjs): base64 of the raw-deflated binary.
// Deflated by zopfli (Debian's package, scripts/setup.sh installs it): the same raw deflate format,
// about 5% smaller than zlib -9 (generate-only app: -180 bytes gzipped; jwt-only: -1.3 KB), checked
// here by inflating it back. Cached by the binary's hash (build/zopfli/), since it takes seconds.
const { inflateRawSync } = await import('node:zlib');
const zopfliCache = join(buildDir, 'zopfli');
mkdirSync(zopfliCache, { recursive: true });
const wasmPacked = (name) => {
  const path = join(wasmBuild, `jsk-${name}.wasm`);
  const binary = readFileSync(path);
  const cached = join(zopfliCache, `${createHash('sha256').update(binary).digest('hex')}.deflate`);
  let packed = existsSync(cached) ? readFileSync(cached) : null;
  if (!packed) {
    try {
      packed = execFileSync('zopfli', ['--deflate', '-c', path], { maxBuffer: 1 << 28 });
    } catch (e) {
      process.stderr.write(`build: zopfli --deflate failed (${e.code === 'ENOENT' ? 'not installed: run scripts/setup.sh, or apt-get install zopfli' : e.message})\n`);
      process.exit(1);
    }
    if (!inflateRawSync(packed).equals(binary)) throw new Error(`zopfli's deflate of jsk-${name}.wasm does not inflate back to it`);
    writeFileSync(cached, packed);
  }
  return packed.toString('base64');
};
const packed = Object.fromEntries(['generate', 'codecs', 'generate-full', 'jwt', 'check', 'audit', 'audit-scalar', 'inspect', 'envfiles', 'page-all']
  .map((n) => [n, wasmPacked(n)]));

// Build-time modules, per output: 'jsk:wasm/NAME' is a module's binary; 'jsk:wasm/audit-fallback'
// says where the audit's scalar build comes from (a separate file the ES modules import only on an
// engine without SIMD; none in the classic script, the CommonJS entry and the page, whose engines
// have SIMD); 'jsk:policy' is the core's policy; 'jsk:errors/NAME' is a module's error table.
// They live in esbuild's 'jsk' namespace, so no build path ends up in an output.
// In the ES modules every binary is a file of its own (dist/jsk-NAME.mjs, its default export), so
// that index.mjs, the feature entries and scalar.mjs share them and a bundler keeps only those an
// app imports; the classic script and the page carry theirs inline.
const flavours = {
  esm: { audit: 'audit', external: true, fallback: "export const loadFallback = () => import('./jsk-audit-scalar.mjs').then((x) => () => x.default);\n" },
  scalar: { audit: 'audit-scalar', external: true, fallback: 'export const loadFallback = null;\n' },
  bundled: { audit: 'audit', external: false, fallback: 'export const loadFallback = null;\n' },
  // The page: the binaries and the workers' script are data blocks of the document
  // (<script type="application/octet-stream">, never executed), so the browser does not parse
  // 120 KB of string literals as JavaScript before it can show a secret.
  page: { audit: 'audit', external: false, dom: true, fallback: 'export const loadFallback = null;\n' },
};
const dataBlocks = {}; // id -> text, for the page
// A build-time module whose default export reads a data block of the page when first called (the
// loader takes a binary or a function that returns it; in the audit workers, which have no
// document, 'jsk:data' holds what the page posted). The generate module's block comes before the
// script, every other one after it: the parser reaches the script, which shows the secret, without
// going through 140 KB of data first.
const dataModule = (id, text) => {
  if (/<\/script/i.test(text)) throw new Error(`data block ${id} contains </script`);
  dataBlocks[id] = text;
  return `import { readData } from 'jsk:data';\nexport default () => readData(${JSON.stringify(id)});\n`;
};
const DATA_MODULE = `const posted = {};
export const readData = (id) => posted[id] ?? document.getElementById(id).text;
export const postData = (id, text) => { posted[id] = text; };
`;
const buildModules = (flavour) => ({
  name: 'jsk-build-modules',
  setup(b) {
    b.onResolve({ filter: /^jsk:/ }, (a) => ({ path: a.path.slice(4), namespace: 'jsk' }));
    b.onResolve({ filter: /^\.\/jsk-[\w-]+\.mjs$/ }, (a) => (a.namespace === 'jsk' ? { path: a.path, external: true } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'jsk' }, (a) => {
      const f = flavours[flavour];
      const wasm = /^wasm\/(generate|codecs|generate-full|jwt|check|audit|inspect|envfiles)$/.exec(a.path);
      const errors = /^errors\/(generate|codecs|jwt|check|audit|inspect|envfiles)$/.exec(a.path);
      // The page and the classic script carry everything: their generate and codecs modules are
      // one binary (generate-full), one data block or one string, instantiated once for both (core.mjs).
      const full = wasm && !f.external && /^(generate|codecs)$/.test(wasm[1]);
      const contents = a.path === 'policy' ? readFileSync(policyModulePath, 'utf8')
        : a.path === 'wasm/audit-fallback' ? f.fallback
          // The page's jwt, audit, inspect, envfiles and check modules are one (page-all): one data block, jsk-wasm-all.
          : wasm && f.dom ? (/^(jwt|audit|inspect|envfiles|check)$/.test(wasm[1]) ? dataModule('jsk-wasm-all', packed['page-all'])
            : dataModule(`jsk-wasm-${full ? 'generate' : wasm[1]}`, packed[full ? 'generate-full' : wasm[1]]))
          : full ? "export { default } from 'jsk:wasm/generate-full';\n"
          : wasm && f.external ? `export { default } from './jsk-${wasm[1] === 'audit' ? f.audit : wasm[1]}.mjs';\n`
            : wasm ? `export default ${JSON.stringify(packed[wasm[1] === 'audit' ? f.audit : wasm[1]])};\n`
            : a.path === 'data' ? DATA_MODULE
              // A module's error table: its own codes in the ES modules (scripts/error-tables.mjs);
              // the page and the classic script carry every module, so the core's whole table.
              : errors && f.external ? errorTableModule(errors[1], { root, wasmBuild, policy })
                : errors ? "export { ERRORS as default } from 'jsk:policy';\n" : null;
      if (contents === null) throw new Error(`no build-time module jsk:${a.path}`);
      return { contents, resolveDir: root, loader: 'js' };
    });
  },
});
// plugins: run before the build-time modules' (the page's shared modules, pageScripts()).
const bundle = async (options, core, plugins = []) => {
  const r = await esbuild.build({
    bundle: true, write: false, target: 'es2020', legalComments: 'none', charset: 'utf8', logLevel: 'silent',
    absWorkingDir: root, plugins: [...plugins, buildModules(core)], ...options,
  });
  if (options.splitting) return r;
  return options.metafile ? { text: r.outputFiles[0].text, exports: Object.values(r.metafile.outputs)[0].exports, inputs: r.metafile.inputs }
    : r.outputFiles[0].text;
};
const written = new Set(['THIRD-PARTY-NOTICES.txt']); // gen-notices.mjs writes that one
const write = (name, text) => {
  written.add(name);
  writeFileSync(join(distDir, name), text);
};

// 1. The ES modules: the root entry and one per feature (generate, jwt, check, audit), split so
//    that they share one instance of each WASM module and bundlers keep only what an app imports.
//    The audit's scalar build is a file of its own, imported only where SIMD is missing.
const api = join(root, 'wasm/api/index.mjs');
const entries = { index: api, ...Object.fromEntries(['generate', 'jwt', 'check', 'audit'].map((n) => [n, join(root, `wasm/api/entry-${n}.mjs`)])) };
const split = await bundle({ entryPoints: entries, format: 'esm', splitting: true, outdir: distDir, outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]', metafile: true }, 'esm');
for (const f of split.outputFiles) write(f.path.slice(distDir.length + 1), f.text);
// What each entry exports (for the classic script's name list and the entries' declarations).
const exportsOf = (name) => Object.entries(split.metafile.outputs).find(([path]) => path.endsWith(`/${name}.mjs`))[1].exports.sort();
for (const [name, text] of Object.entries(packed)) {
  if (name === 'page-all' || name === 'generate-full') continue; // the page's and the classic script's own
  write(`jsk-${name}.mjs`, `// The ${name} WebAssembly module: base64 of the raw-deflated binary (wasm/api/core.mjs loads it).\nexport default ${JSON.stringify(text)};\n`);
}

// 2. The same API over the scalar audit build only (tests, benchmarks, engines known to lack SIMD).
write('scalar.mjs', await bundle({ entryPoints: [api], format: 'esm' }, 'scalar'));

// 3. The classic script and the CommonJS entry, one file: `<script src=".../jwt-secret-kit.js">`
//    defines the global JwtSecretKit; under require() it is module.exports (dist/package.json makes
//    .js files in dist/ CommonJS, and dist/index.cjs re-exports it so that `main` keeps its path).
//    The `0 && (...)` line lists the names for Node's cjs-module-lexer (`import { x }` of CJS).
//    The SIMD core only: Node >= 20 and the browsers that run the page have SIMD.
const exportNames = exportsOf('index');
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
//    The feature entries declare what they export, with the root's types.
for (const name of Object.keys(entries)) {
  if (name === 'index') continue;
  const names = exportsOf(name);
  write(`${name}.d.mts`, `// Type declarations for jwt-secret-kit/${name} (dist/${name}.mjs): the root entry's, for what this entry exports.\n` +
    `export { ${names.join(', ')} } from './index.mjs';\n`);
}

// 5. The CLI: the C program (core/cli) built for Node, its glue minified, and the launcher the npm
//    bin runs.
const cliGlue = readFileSync(join(wasmBuild, 'jwt-secret-cli.cjs'), 'utf8');
write('jwt-secret-cli.cjs', (await esbuild.transform(cliGlue, { minify: true, format: 'cjs', platform: 'node', target: 'node20', legalComments: 'none' })).code);
write('jwt-secret-cli.wasm', readFileSync(join(wasmBuild, 'jwt-secret-cli.wasm')));
write('cli.mjs', read('wasm/cli-launcher.mjs'));
chmodSync(join(distDir, 'cli.mjs'), 0o755);

// 6. The page: one file, styles and scripts inline, a CSP that allows exactly those by hash. Two
//    classic scripts, minified: the first (web/app/first.js) right after the generator's markup is
//    the generator and the generate module alone, so that a secret is on screen before the parser
//    has even reached the rest of the code; the second (web/app/index.js), right after it, is every
//    other panel and the JS API, and uses the first's modules (pageScripts() below). (Right after:
//    gzip finds the second's repeats of the first within its window; the secret does not wait.)
//    The WASM modules are data blocks. The audit workers run both scripts (a Blob of them), which in
//    a worker load only the audit module, whose binary the page posts to them. {{NAME}} and {{NAME.key}} in the
//    markup are the policy's constants (the numbers the page shows are the core's).
// The page's two scripts. The second must not carry a second copy of a module the first has: their
// state is one (the loaded instances, the data blocks posted to a worker, the generator), and the
// page pays for each byte. So every module the first script's graph holds is the first's: it ends
// by putting the exports the second uses into globalThis.__jsk (an array), and the second's copy of
// such a module is a shim that takes them from there. Four esbuild runs: the first script's module
// graph; the second, unminified, with a marker in place of each shared export, to see which ones
// survive its tree shaking; the first, exporting exactly those; the second, taking them (from the
// same sources as the probe, so it uses no export the probe did not see; the others are void 0).
async function pageScripts() {
  const first = join(root, 'web/app/first.js');
  const shared = new Set(Object.keys((await bundle({ entryPoints: [first], format: 'esm', metafile: true }, 'page')).inputs)); // 'web/app/ui.js', 'jsk:policy', ...
  const namesOf = new Map();
  const exportsOf = async (key) => {
    if (!namesOf.has(key)) {
      namesOf.set(key, (await bundle({ entryPoints: [key.startsWith('jsk:') ? key : join(root, key)], format: 'esm', metafile: true }, 'page')).exports.sort());
    }
    return namesOf.get(key);
  };
  const sharedModules = (shim) => ({
    name: 'jsk-page-shared',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (a) => {
        if (a.path === 'jsk-shared:array') return { path: 'array', namespace: 'jsk-shared' };
        if (a.kind === 'entry-point' || a.namespace === 'jsk-shared') return undefined;
        const key = a.path.startsWith('jsk:') ? a.path : /^\.\.?\//.test(a.path) ? relative(root, resolve(a.resolveDir, a.path)) : null;
        return key !== null && shared.has(key) ? { path: key, namespace: 'jsk-shared' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'jsk-shared' }, async (a) => ({ contents: a.path === 'array' ? 'export default globalThis.__jsk;\n'
        : shim(a.path, await exportsOf(a.path)), resolveDir: root, loader: 'js' }));
    },
  });
  const exportAs = (name, value) => (name === 'default' ? `export default ${value};` : `export const ${name} = ${value};`);
  const second = { entryPoints: [join(root, 'web/app/index.js')], format: 'iife' };
  // Which shared exports the second script uses: the markers its tree shaking keeps.
  const probe = await bundle(second, 'page', [sharedModules((key, names) => names.map((n) =>
    exportAs(n, `/* @__PURE__ */ __jskShared(${JSON.stringify(key)}, ${JSON.stringify(n)})`)).join('\n'))]);
  const used = [...new Set([...probe.matchAll(/__jskShared\("([^"]+)", "([^"]+)"\)/g)].map((m) => `${m[1]}\0${m[2]}`))]
    .sort().map((x) => x.split('\0'));
  const at = new Map(used.map(([key, name], i) => [`${key}\0${name}`, i]));
  const spec = (key) => JSON.stringify(key.startsWith('jsk:') ? key : `./${key}`);
  const firstEntry = [`import ${JSON.stringify(first)};`,
    ...used.map(([key, name], i) => (name === 'default' ? `import s${i} from ${spec(key)};` : `import { ${name} as s${i} } from ${spec(key)};`)),
    `globalThis.__jsk = [${used.map((u, i) => `s${i}`).join(', ')}];`].join('\n');
  const firstScript = (await bundle({ stdin: { contents: firstEntry, resolveDir: root, sourcefile: 'page-first.js', loader: 'js' },
    format: 'iife', minify: true }, 'page')).trimEnd();
  const secondScript = (await bundle({ ...second, minify: true }, 'page', [sharedModules((key, names) => ["import S from 'jsk-shared:array';",
    ...names.map((n) => exportAs(n, at.has(`${key}\0${n}`) ? `S[${at.get(`${key}\0${n}`)}]` : 'void 0'))].join('\n'))])).trimEnd();
  return [firstScript, secondScript];
}
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// The stylesheet minified by esbuild (comments and spaces out, the same rules; -0.5 KB gzipped).
const style = (await esbuild.transform(read('web/style.css'), { loader: 'css', minify: true, target: ['chrome100', 'firefox100', 'safari15'] })).code.trimEnd();
const [firstScript, script] = await pageScripts();
for (const [what, text] of [['style', style], ['script', firstScript], ['script', script]]) {
  if (new RegExp(`</${what}`, 'i').test(text)) throw new Error(`inline ${what} contains </${what}`);
}
const csp = [
  "default-src 'none'",
  `script-src ${sha256(firstScript)} ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(style)}`,
  "img-src data:",
  "worker-src blob:", // the audit's workers: Blobs of the page's own scripts (they inherit this CSP)
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
fill('/* @SCRIPT-FIRST */', firstScript);
fill('/* @SCRIPT */', script);
// In the order the page loads them (esbuild loads build-time modules in no fixed order, and the
// build must be reproducible).
const ORDER = ['jsk-wasm-generate', 'jsk-wasm-all'];
if (Object.keys(dataBlocks).some((id) => !ORDER.includes(id))) throw new Error(`unordered data blocks: ${Object.keys(dataBlocks)}`);
const blocks = (early) => ORDER.filter((id) => id in dataBlocks).map((id) => [id, dataBlocks[id]]).filter(([id]) => (id === 'jsk-wasm-generate') === early)
  .map(([id, text]) => `<script type="application/octet-stream" id="${id}">${text}</script>`).join('\n');
fill('<!-- @DATA -->', blocks(true));
fill('<!-- @DATA-LATE -->', blocks(false));
// The markup's indentation goes (a line's leading spaces render as nothing): not inside <pre>,
// <textarea>, <script> or <style>, whose text is kept as it is.
page = page.split(/(<(pre|textarea|script|style)\b[\s\S]*?<\/\2>)/).filter((part, i) => i % 3 !== 2)
  .map((part, i) => (i % 2 === 1 ? part : part.replace(/\n[ \t]+/g, '\n'))).join('');
write('index.html', page);
// The HTTP headers a static host should send with the page (Netlify / Cloudflare Pages `_headers`
// format; scripts/serve.mjs sends them too): the same policy as a header, plus what a <meta> policy
// cannot carry (frame-ancestors: no framing, so no clickjacking), no Referer, no MIME sniffing.
const headers = [
  ['Content-Security-Policy', `${csp}; frame-ancestors 'none'`],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
];
write('_headers', ['/', '/index.html'].map((path) => `${path}\n${headers.map(([n, v]) => `  ${n}: ${v}\n`).join('')}`).join(''));
// What earlier builds left in dist/ and this one does not make (dist/ is the build's own).
for (const name of readdirSync(distDir)) if (!written.has(name)) rmSync(join(distDir, name), { recursive: true });

console.log(`built ${distDir}/{index.mjs,scalar.mjs,jwt-secret-kit.js,index.html,cli.mjs,...}`);
