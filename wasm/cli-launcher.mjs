#!/usr/bin/env node
// The npm bin (`jwt-secret-kit`, also `jwt-secret`): runs the C command line (core/cli), built
// for Node with Emscripten, on this process's arguments, files, stdin, stdout and exit status.
// No rule lives here: help, options, messages, outputs and exit codes are the C program's.
// It passes one fact the C side cannot see for itself: whether stdin is a terminal (Emscripten's
// isatty() says yes for pipes too). node:tty is asked, not process.stdin, which would put a pipe
// into non-blocking mode under the C program's reads.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isatty } from 'node:tty';

const require = createRequire(import.meta.url);
const here = new URL('.', import.meta.url);
let createCli, wasmBinary;
try {
  createCli = require('./jwt-secret-cli.cjs');
  wasmBinary = readFileSync(new URL('jwt-secret-cli.wasm', here));
} catch (e) {
  process.stderr.write(`jwt-secret: cannot load the program (${e.message}); reinstall jwt-secret-kit\n`);
  process.exit(2);
}
createCli({ arguments: process.argv.slice(2), thisProgram: 'jwt-secret', stdinIsTerminal: isatty(0), wasmBinary });
