#!/usr/bin/env bash
# docs/METADATA.md is the contract every reader and writer follows; it is kept in step
# with ../shared/docs/METADATA.md, where the project's contract is published, and the
# sources cite the repository's copy.
set -u
source "$(dirname "$0")/lib.sh"
failures=0
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }
[ -f "$SRC/docs/METADATA.md" ] || bad "docs/METADATA.md is missing"
if [ -f "$SHARED/docs/METADATA.md" ]; then
  cmp -s "$SRC/docs/METADATA.md" "$SHARED/docs/METADATA.md" ||
    bad "docs/METADATA.md differs from ../shared/docs/METADATA.md: $(diff "$SHARED/docs/METADATA.md" "$SRC/docs/METADATA.md" | head -5)"
fi
stale=$(grep -rln 'shared/docs/METADATA' "$SRC"/src "$SRC"/include "$SRC"/converters "$SRC"/tests/unit "$SRC"/README.md 2>/dev/null)
[ -z "$stale" ] || bad "cite docs/METADATA.md, not shared's copy: $stale"
[ "$failures" -eq 0 ] && { echo "metadata contract: docs/METADATA.md in step with shared/"; exit 0; }
exit 1
