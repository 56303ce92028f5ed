#!/usr/bin/env bash
# setup.sh [start|test] — installs what is missing for `npm start` or `npm test`:
# Debian packages (when running as root; otherwise prints the exact command) and the npm packages
# of the lockfile. Safe to run again: it does nothing when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-test}

missing=()
command -v emcc >/dev/null 2>&1 || missing+=(emscripten)
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v cc >/dev/null 2>&1 || missing+=(gcc libc6-dev)
command -v zopfli >/dev/null 2>&1 || missing+=(zopfli) # scripts/build.mjs deflates the WASM modules with it
if [ "$purpose" = test ]; then
  # The browser tests run in three engines (tests/browser/engines.mjs): Chromium, Firefox ESR
  # (driven by puppeteer-core over WebDriver BiDi) and WebKitGTK (WebKitWebDriver and MiniBrowser,
  # which the driver's package pulls in as libwebkit2gtk-4.1-0), the last under a virtual X server.
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  [ -x /usr/bin/xvfb-run ] || missing+=(xvfb)
  [ -x /usr/bin/xauth ] || missing+=(xauth)
  [ -x /usr/bin/time ] || missing+=(time) # GNU time: the CLI's peak memory in tests/node/cli-native.test.mjs
  # scripts/hardening.sh: clang with its sanitizer and libFuzzer runtime, and valgrind (whose
  # package also ships valgrind/memcheck.h for the constant-time check).
  if ! command -v clang >/dev/null 2>&1; then
    missing+=(clang libclang-rt-dev) # Debian 12: clang 14, and libclang-rt-dev pulls libclang-rt-14-dev
  elif ! printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }\n' |
    clang -x c - -fsanitize=fuzzer,address,undefined -o /dev/null >/dev/null 2>&1; then
    missing+=("libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev")
  fi
  { command -v valgrind >/dev/null 2>&1 && [ -f /usr/include/valgrind/memcheck.h ]; } || missing+=(valgrind)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

# npm packages exactly as the lockfile says; skipped when node_modules already matches it.
stamp=node_modules/.jsk-lockfile
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
