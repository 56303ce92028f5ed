// bundles.mjs — what a front end pays for the package: small Vite apps (production builds, no
// configuration), each using one feature, and what the browser loads for each (every file of the
// build, gzipped -9, summed), next to nanoid and a crypto.getRandomValues one-liner. Used by the
// consumer test (budgets, on the packed tarball) and by `npm run bench` (the table).
//
//   const rows = measureBundles(projectDir, names, viteBin)  // projectDir/node_modules has jwt-secret-kit
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const SHOW = "document.querySelector('#o').textContent = ";

/** The apps: name -> [what it uses, its main.js, what #o must match once it ran]. */
export const APPS = {
  'generate': ["jwt-secret-kit/generate: generateSecret only",
    `import { ready, generateSecret } from 'jwt-secret-kit/generate';\nawait ready;\n${SHOW}generateSecret();\n`, /^[A-Za-z0-9_-]{43}$/],
  'jwt': ['jwt-secret-kit/jwt: signJwt + verifyJwt',
    "import { ready, signJwt, verifyJwt } from 'jwt-secret-kit/jwt';\nawait ready;\nconst secret = 'k'.repeat(32);\n" +
    `const token = signJwt({ sub: 'budget' }, { secret });\n${SHOW}verifyJwt(token, { secret }).valid ? token : 'invalid';\n`, /^eyJ[\w-]+\.[\w-]+\.[\w-]{43}$/],
  'check': ['jwt-secret-kit/check: checkSecret only',
    `import { ready, checkSecret } from 'jwt-secret-kit/check';\nawait ready;\n${SHOW}checkSecret('your-256-bit-secret').verdict;\n`, /^weak$/],
  'root-generate': ["jwt-secret-kit (the root entry): generateSecret, as before the split",
    `import { ready, generateSecret } from 'jwt-secret-kit';\nawait ready;\n${SHOW}generateSecret();\n`, /^[A-Za-z0-9_-]{43}$/],
  'nanoid': ['nanoid (for comparison)', `import { nanoid } from 'nanoid';\n${SHOW}nanoid(43);\n`, /^[A-Za-z0-9_-]{43}$/],
  'one-liner': ['crypto.getRandomValues + base64url, by hand (for comparison)',
    `const b = crypto.getRandomValues(new Uint8Array(32));\n${SHOW}btoa(String.fromCharCode(...b)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');\n`,
    /^[A-Za-z0-9_-]{43}$/],
};

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

function filesOf(dir) {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesOf(join(dir, f)) : [join(dir, f)]));
}

/** Builds every app (or those named) in projectDir/bundles/NAME; returns
 * [{ name, what, files, built, bytes, gzip, dist, expect }]: the files the browser loads (of
 * `built`), their bytes and the sum of their sizes gzipped. */
export function measureBundles(projectDir, names = Object.keys(APPS), vite = join(projectDir, 'node_modules/vite/bin/vite.js')) {
  if (!existsSync(vite)) throw new Error(`no Vite in ${projectDir}/node_modules`);
  return names.map((name) => {
    const [what, main, expect] = APPS[name];
    const app = join(projectDir, 'bundles', name);
    rmSync(app, { recursive: true, force: true });
    mkdirSync(join(app, 'src'), { recursive: true });
    writeFileSync(join(app, 'index.html'), '<!doctype html>\n<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>budget</title></head>\n' +
      '<body><p id="o"></p><script type="module" src="/src/main.js"></script></body></html>\n');
    writeFileSync(join(app, 'src/main.js'), main);
    execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', 'dist', app], { cwd: projectDir, stdio: ['ignore', 'pipe', 'pipe'] });
    const dist = join(app, 'dist');
    // What the browser loads: index.html and what it names (the entry script, modulepreload links);
    // a chunk only imported on demand (the audit's scalar build, for engines without SIMD) is not.
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const named = [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => join(dist, m[1])).filter((f) => existsSync(f));
    const files = [join(dist, 'index.html'), ...new Set(named)];
    const all = filesOf(dist);
    return {
      name, what, expect, dist, files: files.length, built: all.length,
      bytes: files.reduce((n, f) => n + statSync(f).size, 0),
      gzip: files.reduce((n, f) => n + gz(readFileSync(f)), 0),
    };
  });
}

export const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/** The bench section: the apps built against this tree's dist/ (a scratch project whose
 * node_modules links the repository, Vite and nanoid), as a table. */
export async function run() {
  const { mkdtempSync, symlinkSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const root = new URL('../../', import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'jsk-bundles-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules/jwt-secret-kit'));
    symlinkSync(join(root, 'node_modules/nanoid'), join(dir, 'node_modules/nanoid'));
    writeFileSync(join(dir, 'package.json'), '{ "name": "jsk-bundles", "private": true, "type": "module" }\n');
    const rows = measureBundles(dir, Object.keys(APPS), join(root, 'node_modules/vite/bin/vite.js'));
    const one = rows.find((r) => r.name === 'one-liner').gzip;
    console.log('Production Vite builds (no configuration) of an app that uses one feature; what the browser loads');
    console.log('(index.html and the files it names), each file gzipped -9, summed:');
    for (const r of rows) {
      console.log(`  ${r.what.padEnd(72)} ${kb(r.gzip).padStart(9)} gzipped (${r.files} files, ${r.bytes.toLocaleString('en-US')} bytes; ${(r.gzip / one).toFixed(1)}x the one-liner)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
