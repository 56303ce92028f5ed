#!/usr/bin/env node
// link-members.mjs — CMake's link launcher for the WASM modules: runs the link with the linker's
// --trace on and writes the input files it took (objects, archive members) to OUT, one a line.
// scripts/error-tables.mjs reads them: a module's error table holds the codes its C sources use.
//
//   node scripts/link-members.mjs OUT emcc ARGS...
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [out, cmd, ...argv] = process.argv.slice(2);
const r = spawnSync(cmd, [...argv, '-Wl,--trace'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (r.error) throw r.error;
if (r.status === 0) writeFileSync(out, r.stdout);
else process.stdout.write(r.stdout);
process.exit(r.status ?? 1);
