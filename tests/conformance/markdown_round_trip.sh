#!/usr/bin/env bash
# Corpus documents -> gfm / commonmark / markdown -> galley -> JSON: the text
# (and, for gfm and markdown, the block structure and inline markup) must come
# back. Documents: the plain examples, the news texts, Readability's pages
# (html+extract), every 6th trafilatura page, pandoc's JSON, pandoc's
# testsuite.txt and this README. Through galley::convert (tests/library_convert).
# tests/markdown/round_trip.py says what is normalised and why. Measured: all 1,329
# round trips (443 documents x 3 flavours) keep every word and the structure too; the
# floors are 100%: a round trip that loses something fails the test.
set -u
: "${GALLEY:?}" "${SHARED:?}" "${SRC:?}" "${GALLEY_LIBRARY_CONVERT:?}"
source "$SRC/tests/conformance/lib.sh"
need python3 gzip
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/traf"
{
  for f in "$SHARED"/examples/plain/*.txt; do printf 'plain\t%s\n' "$f"; done
  find "$SHARED/corpus/news-text" -name '*.txt' ! -name 'README*' | LC_ALL=C sort | while read -r f; do printf 'plain\t%s\n' "$f"; done
  for f in "$SHARED"/corpus/readability/*/source.html; do printf 'html+extract\t%s\n' "$f"; done
  ls "$SHARED"/corpus/trafilatura-eval/pages/*.html.gz | LC_ALL=C sort | awk 'NR % 6 == 1' | while read -r f; do
    out="$work/traf/$(basename "$f" .gz)"; gzip -dc "$f" >"$out"; printf 'html+extract\t%s\n' "$out"; done
  for f in "$SHARED"/corpus/pandoc/json/*.json; do printf 'json\t%s\n' "$f"; done
  printf 'markdown\t%s\n' "$SHARED/corpus/pandoc/testsuite.txt" "$SRC/README.md"
} >"$work/list.txt"
python3 "$SRC/tests/markdown/round_trip.py" "$work/w" "$GALLEY_LIBRARY_CONVERT" "$work/list.txt" --min-ratio 1 --min-words 1
