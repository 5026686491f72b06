#!/usr/bin/env bash
# Replays every past fuzzing finding (tests/fuzz/regressions/<target>/*) and the
# small built-in seeds through the libFuzzer binaries in build-fuzz/ (each input run
# once, -runs=0 style). The fuzz build is separate (clang, see docs/LIMITS.md):
#   bash tests/fuzz/run_fuzzers.sh 0        # builds build-fuzz and runs nothing new
# When build-fuzz has no fuzzer binaries this prints SKIP (also under CI, unless
# GALLEY_FUZZ_TESTS=1, which makes a missing fuzz build a failure).
set -euo pipefail
: "${SRC:?SRC must point at the source dir}"
fb=${GALLEY_FUZZ_BUILD:-$SRC/build-fuzz}/tests/fuzz
if ! ls "$fb"/fuzz_* >/dev/null 2>&1; then
  if [ "${GALLEY_FUZZ_TESTS:-}" = "1" ]; then echo "FAIL: no fuzz build in $fb (GALLEY_FUZZ_TESTS=1)"; exit 1; fi
  echo "SKIP: no libFuzzer binaries in $fb (bash tests/fuzz/run_fuzzers.sh 0 builds them)"; exit 0
fi
fail=0; n=0
for dir in "$SRC"/tests/fuzz/regressions/*/; do
  [ -d "$dir" ] || continue
  name=$(basename "$dir")
  [ -x "$fb/$name" ] || { echo "FAIL: $name is not built"; fail=1; continue; }
  files=("$dir"*)
  [ -e "${files[0]}" ] || continue
  if "$fb/$name" -timeout=10 -rss_limit_mb=3072 "${files[@]}" > /tmp/galley-fuzz-regress.$$ 2>&1; then
    n=$((n + ${#files[@]}))
  else
    echo "FAIL: $name crashes on a regression input:"; tail -n 30 /tmp/galley-fuzz-regress.$$; fail=1
  fi
done
rm -f /tmp/galley-fuzz-regress.$$
[ "$fail" = 0 ] && echo "fuzz_regressions: $n regression inputs replayed without a crash"
exit "$fail"
