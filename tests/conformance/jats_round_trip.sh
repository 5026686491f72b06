#!/usr/bin/env bash
# Round trip through JATS: corpus documents -> JSON -> galley's JATS writer -> the JATS
# reader -> JSON must equal the first JSON once JATS's known limits are normalised away
# (tests/conformance/jats_round_trip.py, docs/JATS.md). Documents: the plain examples,
# the news texts, pandoc's JSON and testsuite.txt, the JATS articles themselves (their
# JSON through the writer and back), every 4th readability page and every 20th
# trafilatura page (FULL=1: all of them). Through galley::convert (galley-library-convert).
set -u
: "${GALLEY:?}" "${SHARED:?}" "${SRC:?}" "${GALLEY_LIBRARY_CONVERT:?}"
source "$SRC/tests/conformance/lib.sh"
need python3 gzip
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/traf"
step() { if [ "${FULL:-}" = "1" ]; then cat; else awk -v n="$1" 'NR % n == 1'; fi; }
{
  for f in "$SHARED"/examples/plain/*.txt; do printf 'plain\t%s\n' "$f"; done
  find "$SHARED/corpus/news-text" -name '*.txt' ! -name 'README*' | LC_ALL=C sort | while read -r f; do printf 'plain\t%s\n' "$f"; done
  ls "$SHARED"/corpus/readability/*/source.html | LC_ALL=C sort | step 4 | while read -r f; do printf 'html+extract\t%s\n' "$f"; done
  ls "$SHARED"/corpus/trafilatura-eval/pages/*.html.gz | LC_ALL=C sort | step 20 | while read -r f; do
    out="$work/traf/$(basename "$f" .gz)"; gzip -dc "$f" >"$out"; printf 'html+extract\t%s\n' "$out"; done
  for f in "$SHARED"/corpus/pandoc/json/*.json; do printf 'json\t%s\n' "$f"; done
  printf 'markdown\t%s\n' "$SHARED/corpus/pandoc/testsuite.txt"
  for f in "$SHARED"/corpus/jats/*.xml; do printf 'jats\t%s\n' "$f"; done
} >"$work/list.txt"
python3 "$SRC/tests/conformance/jats_round_trip.py" "$work/w" "$GALLEY_LIBRARY_CONVERT" "$work/list.txt" --min-ratio "${JATS_ROUND_TRIP_MIN:-0.95}"
