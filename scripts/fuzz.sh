#!/usr/bin/env bash
# fuzz.sh — `npm run fuzz`: builds the libFuzzer harnesses of tests/fuzz (clang, ASan + UBSan) into
# build/fuzz and runs each for FUZZ_SECONDS (default 30) from its seed corpus, FUZZ_JOBS at a time
# (default: the number of cores). Fails on any crash, leak, timeout or sanitizer report; prints
# the executions of each harness. New corpus entries go to build/fuzz/corpus/<name> (the seeds in
# tests/fuzz/corpus are only read); a crashing input is saved as build/fuzz/artifacts/<name>-crash-*.
#   FUZZ_SECONDS=300 FUZZ_ONLY="jws audit" bash scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-30}
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
harnesses=${FUZZ_ONLY:-$(sed -n 's/^ *set(JSK_FUZZERS \(.*\))$/\1/p' CMakeLists.txt)}
out=build/fuzz

command -v clang >/dev/null 2>&1 || { echo "fuzz: clang is missing (bash scripts/setup.sh test installs it)" >&2; exit 1; }
mkdir -p "$out/artifacts" "$out/logs"
cmake -S . -B "$out" -DJSK_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
  -Wno-dev >"$out/logs/configure.log" 2>&1 || { cat "$out/logs/configure.log" >&2; exit 1; }
cmake --build "$out" --target fuzzers -j "$jobs" >"$out/logs/build.log" 2>&1 || { cat "$out/logs/build.log" >&2; exit 1; }

# One harness: its own corpus directory first (written), the seeds second (read only). Its exit
# status goes to a file: `wait` on a job already reaped by `wait -n` is not reliable across bashes.
fuzz_one() {
  local name=$1 rc=0
  mkdir -p "$out/corpus/$name"
  "$out/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/$name-" "$out/corpus/$name" "tests/fuzz/corpus/$name" \
    >"$out/logs/$name.log" 2>&1 || rc=$?
  echo "$rc" >"$out/logs/$name.rc"
}

echo "fuzz: ${seconds} s per harness, ${jobs} at a time: $harnesses"
failed=()
running=0
for name in $harnesses; do
  [ -d "tests/fuzz/corpus/$name" ] || { echo "fuzz: no seed corpus tests/fuzz/corpus/$name" >&2; exit 1; }
  rm -f "$out/logs/$name.rc"
  fuzz_one "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait
total=0
for name in $harnesses; do
  [ "$(cat "$out/logs/$name.rc" 2>/dev/null)" = 0 ] || failed+=("$name")
  log="$out/logs/$name.log"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  files=$(find "$out/corpus/$name" -type f | wc -l)
  printf 'fuzz: %-9s %12s executions  coverage %5s  corpus %5s\n' "$name" "${execs:-?}" "${cov:-?}" "$files"
  total=$((total + ${execs:-0}))
done
if [ ${#failed[@]} -gt 0 ]; then
  for name in "${failed[@]}"; do
    echo "---- fuzz_$name failed; the end of $out/logs/$name.log:" >&2
    tail -40 "$out/logs/$name.log" >&2
  done
  echo "fuzz: FAILED: ${failed[*]} (inputs in $out/artifacts/; replay with $out/fuzz_NAME FILE)" >&2
  exit 1
fi
echo "fuzz: all harnesses passed, $total executions in total"
