#!/usr/bin/env bash
# hardening.sh — what CI runs after the normal tests (scripts/test.sh calls it):
#   1. the C unit tests (ctest programs) built with ASan + UBSan (-DJSK_SANITIZE=ON, build/sanitize),
#      and the native CLI of that build on the hostile CLI cases of tests/node/hostile.test.mjs;
#   2. the same programs, as built for release (build/native), under valgrind's memcheck;
#   3. a short fuzz pass: every libFuzzer harness for FUZZ_SECONDS (default here 5) s;
#   4. the constant-time check (tests/ct): jsk_verify, HMAC under a secret key and the codecs'
#      character mapping under memcheck with the secret marked undefined, and the deliberately
#      leaky routines, which must be caught.
# Any failure stops it with a non-zero status. Needs clang, libclang-rt-14-dev and valgrind
# (scripts/setup.sh test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
jobs=$(nproc 2>/dev/null || echo 2)
mkdir -p build
log=build/hardening.log
: >"$log"

# Runs a build step quietly: its output is shown only when it fails.
quiet() {
  if ! "$@" >>"$log" 2>&1; then
    echo "hardening: '$*' failed; the end of $log:" >&2
    tail -60 "$log" >&2
    exit 1
  fi
}
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }

# The ctest programs of a build directory, as absolute paths (from ctest's own listing).
test_programs() {
  ctest --test-dir "$1" --show-only=json-v1 |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const t of JSON.parse(s).tests)console.log(t.command[0])})'
}

# ---------------------------------------------------------------- 1. ASan + UBSan
t=$(date +%s)
quiet cmake -S . -B build/sanitize -DJSK_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -Wno-dev
quiet cmake --build build/sanitize -j "$jobs"
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if ! ctest --test-dir build/sanitize --output-on-failure >>"$log" 2>&1; then
  echo "hardening: the C tests failed under ASan + UBSan; the end of $log:" >&2
  tail -60 "$log" >&2
  exit 1
fi
n=$(test_programs build/sanitize | wc -l)
echo "hardening: ASan + UBSan: $n C test programs passed ($(elapsed "$t"))"
# The native CLI of the same build on the hostile CLI cases of tests/node/hostile.test.mjs.
if [ -x build/sanitize/jwt-secret ]; then
  t=$(date +%s)
  # A sanitizer report exits 86, which no expected status can be mistaken for.
  if ! JSK_HOSTILE_CLI="$PWD/build/sanitize/jwt-secret" ASAN_OPTIONS="$ASAN_OPTIONS:exitcode=86" \
    UBSAN_OPTIONS="$UBSAN_OPTIONS:exitcode=86" node --test tests/node/hostile.test.mjs >build/hostile-native.log 2>&1; then
    echo "hardening: the native CLI (ASan + UBSan) failed hostile input cases:" >&2
    grep -E '^ *not ok|error:|ERROR|runtime error' build/hostile-native.log | head -40 >&2
    exit 1
  fi
  echo "hardening: ASan + UBSan: native CLI, $(sed -n 's/^# pass //p' build/hostile-native.log) hostile CLI cases passed ($(elapsed "$t"))"
fi

# ---------------------------------------------------------------- 2. valgrind
t=$(date +%s)
quiet cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -Wno-dev
quiet cmake --build build/native -j "$jobs"
n=0
for prog in $(test_programs build/native); do
  if ! valgrind -q --error-exitcode=1 --leak-check=full "$prog" >>"$log" 2>&1; then
    echo "hardening: valgrind found errors in $prog; the end of $log:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  n=$((n + 1))
done
echo "hardening: valgrind memcheck: $n C test programs clean, no leaks ($(elapsed "$t"))"

# ---------------------------------------------------------------- 3. fuzzing
t=$(date +%s)
FUZZ_SECONDS=${FUZZ_SECONDS:-5} bash scripts/fuzz.sh | sed 's/^/hardening: /'
echo "hardening: fuzzing done ($(elapsed "$t"))"

# ---------------------------------------------------------------- 4. constant time
t=$(date +%s)
quiet cmake --build build/native --target ct_checks -j "$jobs"
for prog in ct_verify ct_codecs; do
  if ! valgrind -q --error-exitcode=1 "build/native/$prog" >"build/$prog.log" 2>&1; then
    echo "hardening: $prog: secret-dependent branch or memory access (or a wrong result):" >&2
    cat "build/$prog.log" >&2
    exit 1
  fi
  sed 's/^/hardening: /' "build/$prog.log"
done
# The control: leaky code built the same way must be caught, or the check proves nothing.
for kind in branch index; do
  want=$([ $kind = branch ] && echo 'Conditional jump or move depends on uninitialised value' || echo 'Use of uninitialised value of size')
  if valgrind -q --error-exitcode=1 build/native/ct_leaky "$kind" >"build/ct_leaky_$kind.log" 2>&1; then
    echo "hardening: ct_leaky $kind passed: the constant-time check cannot see a leak" >&2
    exit 1
  fi
  if ! grep -q "$want" "build/ct_leaky_$kind.log"; then
    echo "hardening: ct_leaky $kind failed, but not with '$want':" >&2
    cat "build/ct_leaky_$kind.log" >&2
    exit 1
  fi
  echo "hardening: ct_leaky $kind: caught as expected ($want)"
done
echo "hardening: constant-time check done ($(elapsed "$t"))"

echo "hardening: everything passed in $(elapsed "$start")"
