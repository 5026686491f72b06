#!/usr/bin/env bash
# Article extraction (+extract) on Readability's 130 test pages: mean F1 of
# 4-word shingles must be >= 0.95 (shared/tools/score-extract), and the
# metadata must match expected-metadata.json (title >= 90%; other rates printed).
set -u
: "${GALLEY:?GALLEY not set}" "${SHARED:?SHARED not set}" "${SRC:?SRC not set}"
corpus="$SHARED/corpus/readability"
if ! command -v python3 >/dev/null || [ ! -d "$corpus" ]; then
  if [ "${CI:-}" = "true" ]; then echo "FAIL: python3 or $corpus missing"; exit 1; fi
  echo "SKIP: python3 or $corpus missing"; exit 0
fi
status=0
echo "== score-extract (--min-f1 0.95)"
python3 "$SHARED/tools/score-extract" "$GALLEY" "$corpus" --min-f1 0.95 || status=1
echo "== metadata vs expected-metadata.json"
python3 "$SRC/tests/conformance/html_metadata.py" "$GALLEY" "$corpus" --min-title 0.9 || status=1
exit $status
