#!/usr/bin/env bash
# Replays every past fuzzing finding (tests/fuzz/regressions/<target>/*) through the
# fuzz targets linked with a plain main() (replay_<target>, built with the tests), so
# each finding is checked on every run: with gcc here, and under ASan+UBSan in
# tests/conformance/sanitizers.sh. A crash, an abort or a failed output check fails.
# The targets' own checks apply: well-formed XML, a readable zip, a JSON round trip.
set -euo pipefail
: "${SRC:?SRC must point at the source dir}" "${BUILD:?BUILD must point at the build dir}"
fail=0; n=0
for dir in "$SRC"/tests/fuzz/regressions/*/; do
  name=$(basename "$dir")
  bin=$BUILD/tests/${name/fuzz_/replay_}
  [ -x "$bin" ] || { echo "FAIL: $bin is not built"; fail=1; continue; }
  files=("$dir"*)
  [ -e "${files[0]}" ] || continue
  if "$bin" "${files[@]}" > /tmp/galley-fuzz-regress.$$ 2>&1; then
    n=$((n + ${#files[@]}))
  else
    echo "FAIL: $name fails on a regression input:"; tail -n 30 /tmp/galley-fuzz-regress.$$; fail=1
  fi
done
rm -f /tmp/galley-fuzz-regress.$$
[ "$n" -gt 0 ] || { echo "FAIL: no regression inputs found"; exit 1; }
[ "$fail" = 0 ] && echo "fuzz_regressions: $n regression inputs replayed without a crash"
exit "$fail"
