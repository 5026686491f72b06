#!/usr/bin/env bash
# The plain reader against the labelled examples (shared/examples/plain): every check must pass.
set -u
: "${GALLEY:?GALLEY must point to the galley binary}"
: "${SHARED:=$(cd "$(dirname "$0")/../../../shared" && pwd)}"
SCORER="$SHARED/tools/score-plain"
LABELS="$SHARED/examples/plain/expected.json"
if [ ! -x "$SCORER" ] || [ ! -f "$LABELS" ] || ! command -v python3 >/dev/null; then
  if [ "${CI:-}" = "true" ]; then echo "FAIL: score-plain, labels or python3 missing"; exit 1; fi
  echo "SKIP: score-plain, labels or python3 missing"; exit 0
fi
"$SCORER" "$GALLEY" "$LABELS"
