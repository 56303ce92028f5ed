#!/usr/bin/env bash
# test.sh — `npm test`: set up, build, then every test: C (ctest, native and on wasm32 under Node)
# and Node/CLI/browser (node:test), then the hardening checks (scripts/hardening.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/setup.sh test
node scripts/build.mjs
ctest --test-dir build/native --output-on-failure
ctest --test-dir build/wasm --output-on-failure # the same C tests on wasm32, under Node
# The browser tests run in Chromium, Firefox ESR and WebKit (tests/browser/engines.mjs; JSK_ENGINES=
# firefox, say, for one engine alone).
node --test tests/node/*.test.mjs tests/browser/*.test.mjs
bash scripts/hardening.sh # sanitizers, valgrind, a short fuzz pass, the constant-time check
echo "npm test: everything passed in $(( $(date +%s) - start )) s"
