#!/usr/bin/env bash
# start.sh — `npm start`: set up, build, print a fresh secret, serve dist/ on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh start
node scripts/build.mjs
echo
echo "A fresh HS256 secret (32 random bytes, base64url):"
node dist/cli.mjs generate
echo
exec node scripts/serve.mjs
