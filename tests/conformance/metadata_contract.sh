#!/usr/bin/env bash
# docs/METADATA.md is the contract every reader and writer follows. It starts from
# ../shared/docs/METADATA.md, where the project's contract is published, and may only
# add to it (the mappings of formats added since: PDF properties, NewsML-G2/NITF,
# ninjs/Atom/RSS): no published line may be changed or dropped. The sources cite the
# repository's copy.
set -u
source "$(dirname "$0")/lib.sh"
failures=0
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }
[ -f "$SRC/docs/METADATA.md" ] || bad "docs/METADATA.md is missing"
if [ -f "$SHARED/docs/METADATA.md" ]; then
  changed=$(diff "$SHARED/docs/METADATA.md" "$SRC/docs/METADATA.md" | grep '^<' | head -5)
  [ -z "$changed" ] || bad "docs/METADATA.md changes or drops lines of ../shared/docs/METADATA.md: $changed"
fi
stale=$(grep -rln 'shared/docs/METADATA' "$SRC"/src "$SRC"/include "$SRC"/converters "$SRC"/tests/unit "$SRC"/README.md 2>/dev/null)
[ -z "$stale" ] || bad "cite docs/METADATA.md, not shared's copy: $stale"
[ "$failures" -eq 0 ] && { echo "metadata contract: docs/METADATA.md holds shared/'s contract ($(diff "$SHARED/docs/METADATA.md" "$SRC/docs/METADATA.md" | grep -c '^>') lines added)"; exit 0; }
exit 1
