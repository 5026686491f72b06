#!/usr/bin/env bash
# AddressSanitizer + UndefinedBehaviorSanitizer run of the unit and command tests.
# Opt-in (it rebuilds galley in a second tree, several minutes on 2 cores):
#   GALLEY_SANITIZE_TESTS=1 ctest --test-dir build -R conformance.sanitizers --output-on-failure
# Without GALLEY_SANITIZE_TESTS=1 it prints SKIP and passes, also under CI (CI opts in
# by setting the variable). What it does:
# Running it through ctest while your ctest already holds /tmp/galley-build.lock would
# deadlock: then set GALLEY_BUILD_LOCK_HELD=1 (the script then builds without taking it),
# or run the script directly:
#   GALLEY_SANITIZE_TESTS=1 SRC=$PWD bash tests/conformance/sanitizers.sh
#   1. configures $SRC/build-asan (override with GALLEY_ASAN_BUILD) with
#      -DGALLEY_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=RelWithDebInfo with Clang
#      (build/ uses GCC) and the portable byte scans (build/ uses SSE2);
#   2. builds it under the shared build lock (/tmp/galley-build.lock);
#   3. runs ctest -R "^(unit|command)\.|fuzz_regressions" in it: the unit tests, the
#      replayed fuzz findings and every command
#      test, with GALLEY pointing at the sanitized binary (ctest's environment
#      for the tree already does that). Any ASan/UBSan report fails the test
#      (-fno-sanitize-recover=all, halt_on_error);
#   4. beside step 3, converts one shard in three of the corpus (GALLEY_DIGESTS_SAMPLE,
#      default 3) to every writer with this build and compares the digests with those
#      build/'s run of conformance.determinism recorded
#      ($SRC/build/determinism-digests.txt): other compiler, other CPU code paths,
#      same bytes.
set -euo pipefail
if [ "${GALLEY_SANITIZE_TESTS:-}" != "1" ]; then
  echo "SKIP: set GALLEY_SANITIZE_TESTS=1 to build and run the ASan/UBSan tests"; exit 0
fi
: "${SRC:?SRC must point at the source dir}"
asan=${GALLEY_ASAN_BUILD:-$SRC/build-asan}
lock=/tmp/galley-build.lock
locked() { if [ "${GALLEY_BUILD_LOCK_HELD:-}" = "1" ]; then "$@"; else flock -w 3600 "$lock" "$@"; fi; }
jobs=${GALLEY_ASAN_JOBS:-2}
asan_opt="-O0 -gline-tables-only -DNDEBUG"
if [ ! -f "$asan/CMakeCache.txt" ]; then
  # -O0 with line tables only: what ASan's reports need (file and line). Clang compiles an
  # instrumented unity batch at -O0 in less than half the CPU time of -O1 (jats: 21 s against
  # 46 s); the tests below run slower, but the build is most of this phase's cost in CI.
  CC=${GALLEY_ASAN_CC:-clang} CXX=${GALLEY_ASAN_CXX:-clang++} locked cmake -S "$SRC" -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=${asan_opt}" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=${asan_opt}" \
    -DGALLEY_SANITIZE=address,undefined -DGALLEY_BUILD_TESTS=ON -DGALLEY_NO_SSE2=ON -DGALLEY_BUILD_BENCH=OFF -DGALLEY_UNITY=ON
fi
# lld links the instrumented executables in a fraction of GNU ld's time (a dozen of them,
# each with the whole library and its debug line tables: 93 s of CPU with ld).
asan_link=
command -v ld.lld >/dev/null 2>&1 && asan_link=-fuse-ld=lld
grep -qxF "CMAKE_EXE_LINKER_FLAGS:STRING=$asan_link" "$asan/CMakeCache.txt" ||
  locked cmake "$asan" "-DCMAKE_EXE_LINKER_FLAGS=$asan_link" "-DCMAKE_SHARED_LINKER_FLAGS=$asan_link" \
    "-DCMAKE_MODULE_LINKER_FLAGS=$asan_link" >/dev/null
# A tree configured with other optimisation flags (an older version of this script) is
# switched to these.
grep -qxF "CMAKE_CXX_FLAGS_RELWITHDEBINFO:STRING=$asan_opt" "$asan/CMakeCache.txt" ||
  locked cmake "$asan" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$asan_opt" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=$asan_opt" >/dev/null
# The C ABI's example and the Python module are tested below as well; a tree configured
# before they existed gets the module switched on here.
grep -q '^GALLEY_PYTHON:BOOL=ON' "$asan/CMakeCache.txt" ||
  locked cmake "$asan" -DGALLEY_PYTHON=ON -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null
# Only what the tests below run: the executable, the unit tests and the fuzz replays
# (benchmarks, examples and consumer checks are covered by build/; building them again
# under ASan cost minutes of CI time).
targets=(galley_cli galley_tests)
targets+=(galley_python example_c_convert_article)  # the C ABI and Python checks below
known=$(cmake --build "$asan" --target help 2>/dev/null)
for f in "$SRC"/tests/fuzz/fuzz_*.cpp; do
  n=$(basename "$f" .cpp); t="replay_${n#fuzz_}"
  grep -q "^$t:" <<<"$known" && targets+=("$t")  # one may be missing without FuzzedDataProvider.h
done
locked cmake --build "$asan" -j"$jobs" --target "${targets[@]}"
# GALLEY_SANITIZE_BUILD_ONLY=1: stop here (.ci/test builds this tree at the lowest CPU
# priority while build/ is built and tested, so that it uses the cores those leave idle).
[ "${GALLEY_SANITIZE_BUILD_ONLY:-}" = "1" ] && { echo "sanitizers: $asan built"; exit 0; }
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# The corpus comparison (step 4) runs beside the tests: ctest -j2 leaves a core idle for
# much of its time (server waits, short processes). One shard in three
# (GALLEY_DIGESTS_SAMPLE): build/'s own run covers every document; this one checks that another
# compiler and the portable scans give the same bytes, which a third of 992 documents and
# 15 writers shows as well as all of them, in a third of the time.
reference=${GALLEY_DIGESTS_REFERENCE:-$SRC/build/determinism-digests.txt}
corpus_log=$(mktemp)
corpus_pid=
if [ -f "$reference" ]; then
  GALLEY="$asan/galley" SHARED="${SHARED:-$SRC/../shared}" GALLEY_DIGESTS_REFERENCE="$reference" \
    GALLEY_DIGESTS_SAMPLE=${GALLEY_DIGESTS_SAMPLE:-3} bash "$SRC/tests/conformance/determinism.sh" >"$corpus_log" 2>&1 &
  corpus_pid=$!
elif [ "${CI:-}" = "true" ]; then
  echo "FAIL: $reference is missing (conformance.determinism in build/ writes it)"; exit 1
else
  echo "SKIP: no $reference to compare the Clang build's outputs with"
fi
status=0
# conformance.server_requests: galley server's bad-request catalogue against $asan/galley.
ctest --test-dir "$asan" -R '^(unit|command)\.|^conformance\.(fuzz_regressions|server_requests)$' -j"$jobs" --output-on-failure || status=1
# The C example (galley.h) and the Python module's API and bad-input test under ASan+UBSan.
# The interpreter is not instrumented: clang's ASan runtime (which carries UBSan's too) is
# preloaded into it, and leak checking is off there (CPython keeps objects alive at exit
# on purpose); the C example runs with leak checking.
"$asan/examples/example_c_convert_article" "$SRC/examples/article.txt" "$(mktemp -d)" >/dev/null || status=1
asan_rt=$("${GALLEY_ASAN_CC:-clang}" -print-file-name=libclang_rt.asan-x86_64.so)
LD_PRELOAD=$asan_rt ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 PYTHONPATH="$asan/python" PYTHONDONTWRITEBYTECODE=1 \
  /usr/bin/python3 "$SRC/tests/python/api_and_bad_input.py" "$asan/galley" "$SRC" || status=1
if [ -n "$corpus_pid" ]; then
  wait "$corpus_pid" || status=1
  cat "$corpus_log"
fi
rm -f "$corpus_log"
[ "$status" -eq 0 ] || { echo "sanitizers: FAILED"; exit 1; }
echo "sanitizers: unit, command and fuzz-regression tests pass under ASan+UBSan ($asan), with the portable (non-SSE2) byte scans, built with ${GALLEY_ASAN_CXX:-clang++}"
