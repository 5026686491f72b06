#!/usr/bin/env bash
# The commonmark reader against pandoc's on CommonMark's 655 spec examples:
# galley -f commonmark -t json --pandoc-api=1.22 must give pandoc -f commonmark's
# blocks on at least 99% of them (the issue asks 95%; 651 of 655 held when this
# was written). tests/markdown/commonmark_differences.md says why the rest differ.
set -u
: "${GALLEY:?}" "${SHARED:?}" "${SRC:?}"
source "$SRC/tests/conformance/lib.sh"
need pandoc python3 xargs
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 "$SRC/tests/markdown/spec_examples.py" "$SHARED/corpus/commonmark/spec.txt" "$work" "$GALLEY" \
  --min-ratio 0.99 --report "$work/report.md" || { cat "$work/report.md" 2>/dev/null | head -80; exit 1; }
