#!/usr/bin/env node
// serve.mjs — a static server for dist/ on http://127.0.0.1:8080 (PORT, HOST to change), loopback only.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', process.env.DIST_DIR ?? 'dist');
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

// The page's own headers, from the build's dist/_headers (a static host's format: a path, then its
// "  Name: value" lines): its Content-Security-Policy with frame-ancestors, Referrer-Policy, ...
async function pageHeaders() {
  const text = await readFile(join(dist, '_headers'), 'utf8').catch(() => '');
  const byPath = new Map();
  let current = null;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) byPath.set(line.trim(), (current = {}));
    else if (current && line.trim()) {
      const i = line.indexOf(':');
      current[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return byPath;
}

const server = createServer(async (req, res) => {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    res.writeHead(400).end('bad request\n');
    return;
  }
  const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(dist + sep) || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(req.method === 'GET' || req.method === 'HEAD' ? 404 : 405).end();
    return;
  }
  try {
    const body = await readFile(file);
    const own = (await pageHeaders()).get(path) ?? {};
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...own,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
  }
});

server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`Serving ${dist} at http://${host}:${actual}/`);
  console.log(`Offline copy (open it directly, no server needed): file://${join(dist, 'index.html')}`);
  console.log('Press Ctrl+C to stop.');
});
