#!/usr/bin/env bash
# galley -t pdf with each engine (WeasyPrint, Chromium) on the seed article and
# the examples (../shared/examples/plain), in batch mode with -j 2 (engines run
# in parallel): pdf_check.py checks every body and lede word, the headline,
# the byline and "i / N" page numbers (pdftotext), embedded fonts (pdffonts),
# title and author (pdfinfo) and the catalog's /Lang. A failed check fails.
# Then the seed once more through Chromium alone: the same bytes as in the
# batch (galley pins the dates Chromium stamps from the clock).
set -u
. "$(dirname "$0")/lib.sh"
need weasyprint chromium pdftotext pdffonts pdfinfo python3

T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
inputs=("$SHARED"/examples/plain/*.txt)
[ ${#inputs[@]} -ge 2 ] || { echo "FAIL: no examples in $SHARED/examples/plain"; exit 1; }
fail=0
"$GALLEY" -f plain --to json --output-dir "$T/json" -j 2 "${inputs[@]}" || { echo "FAIL: galley --to json"; exit 1; }
for engine in weasyprint chromium; do
  start=$(date +%s)
  if ! "$GALLEY" -f plain --to pdf --pdf-engine="$engine" --output-dir "$T/$engine" -j 2 "${inputs[@]}" 2>"$T/$engine.err"; then
    echo "FAIL: galley --to pdf --pdf-engine=$engine: $(tail -3 "$T/$engine.err")"; fail=1; continue
  fi
  echo "$engine: ${#inputs[@]} articles in $(( $(date +%s) - start )) s (-j 2)"
  for f in "${inputs[@]}"; do
    n=$(basename "$f" .txt)
    if [ ! -s "$T/$engine/$n.pdf" ]; then echo "FAIL: no $engine/$n.pdf"; fail=1; continue; fi
    python3 "$SRC/tests/conformance/pdf_check.py" "$T/json/$n.json" "$T/$engine/$n.pdf" "$engine $n" || fail=1
  done
done
n=$(basename "${inputs[0]}" .txt)
if [ -s "$T/chromium/$n.pdf" ]; then
  "$GALLEY" -f plain "${inputs[0]}" --pdf-engine=chromium -o "$T/again.pdf" 2>/dev/null || { echo "FAIL: chromium again"; fail=1; }
  if cmp -s "$T/again.pdf" "$T/chromium/$n.pdf"; then echo "chromium: the same bytes twice"
  else echo "FAIL: chromium gave different bytes for $n"; fail=1; fi
fi
[ $fail -eq 0 ] && echo "PASS"
exit $fail
