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
 * [{ name, what, files, bytes, gzip, dist, expect }], gzip being the sum over the build's files. */
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
    const files = filesOf(dist);
    return {
      name, what, expect, dist, files: files.length,
      bytes: files.reduce((n, f) => n + statSync(f).size, 0),
      gzip: files.reduce((n, f) => n + gz(readFileSync(f)), 0),
    };
  });
}

export const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
