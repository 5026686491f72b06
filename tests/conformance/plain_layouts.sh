#!/usr/bin/env bash
# The plain reader against the labelled layouts in tests/plain-layouts (press releases, wire
# copy with slugs and two-line bylines, agency datelines and bylines in de/es/pt/it/nl/fr),
# scored by shared/tools/score-plain: every check must pass.
set -u
: "${GALLEY:?GALLEY must point to the galley binary}"
: "${SHARED:=$(cd "$(dirname "$0")/../../../shared" && pwd)}"
: "${SRC:=$(cd "$(dirname "$0")/../.." && pwd)}"
SCORER="$SHARED/tools/score-plain"
LABELS="$SRC/tests/plain-layouts/expected.json"
if [ ! -f "$LABELS" ]; then echo "FAIL: $LABELS missing"; exit 1; fi
if [ ! -x "$SCORER" ] || ! command -v python3 >/dev/null; then
  if [ "${CI:-}" = "true" ]; then echo "FAIL: score-plain or python3 missing"; exit 1; fi
  echo "SKIP: score-plain or python3 missing"; exit 0
fi
"$SCORER" "$GALLEY" "$LABELS"
