// serve.test.mjs — `npm start`'s server (scripts/serve.mjs) sends the page with the headers the README
// tells static hosts to send (dist/_headers, written by the build): the page's own policy as a
// header plus frame-ancestors 'none' (which a <meta> policy cannot carry), no Referer, no sniffing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);

async function withServer(fn) {
  const server = spawn(process.execPath, [new URL('scripts/serve.mjs', root).pathname], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no URL from serve.mjs: ${out}`)), 10_000);
      server.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
    });
    return await fn(url);
  } finally {
    server.kill('SIGTERM');
  }
}

test('the page is served with its policy as a header, frame-ancestors, Referrer-Policy and nosniff', async () => {
  const page = readFileSync(new URL('dist/index.html', root), 'utf8');
  const meta = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  await withServer(async (url) => {
    for (const path of ['', 'index.html']) {
      const res = await fetch(url + path);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), page);
      assert.equal(res.headers.get('content-security-policy'), `${meta}; frame-ancestors 'none'`);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
    // Other files get no page policy (the package's modules are not pages).
    const mod = await fetch(`${url}index.mjs`);
    assert.equal(mod.status, 200);
    assert.equal(mod.headers.get('content-security-policy'), null);
    assert.equal(mod.headers.get('x-content-type-options'), 'nosniff');
  });
});

test('dist/_headers is in the static hosts\' format: a path, then indented "Name: value" lines', () => {
  const text = readFileSync(new URL('dist/_headers', root), 'utf8');
  const lines = text.trimEnd().split('\n');
  assert.deepEqual(lines.filter((l) => !l.startsWith('  ')), ['/', '/index.html']);
  for (const l of lines.filter((x) => x.startsWith('  '))) assert.match(l, /^ {2}[A-Za-z-]+: \S.*$/);
});
