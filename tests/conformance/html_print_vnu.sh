#!/usr/bin/env bash
# html_print output checked by the W3C Nu Html Checker (vnu): 0 errors on
#  - the example articles (shared/examples/plain/*.txt, -f plain),
#  - every Readability corpus page read with article extraction (-f html+extract),
#  - pandoc's testsuite.txt and tables (through pandoc's JSON, -f json), with --toc.
# One JVM checks all files. vnu.jar comes from tests/tools (npm install there).
set -u
. "$(dirname "$0")/lib.sh"
need java python3
VNU=${VNU_JAR:-$SRC/tests/tools/node_modules/vnu-jar/build/dist/vnu.jar}
if [ ! -f "$VNU" ]; then
  if [ "${CI:-}" = "true" ]; then echo "FAIL: $VNU missing (cd tests/tools && npm install)"; exit 1; fi
  echo "SKIP: $VNU missing (cd tests/tools && npm install)"; exit 0
fi

T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
converted=0
convert() {  # out-name, galley args...
  local name=$1; shift
  if "$GALLEY" "$@" -t html_print -o "$T/$name.html" 2>"$T/$name.err"; then
    converted=$((converted + 1))
  else
    echo "FAIL $name: galley exited $?: $(head -c 300 "$T/$name.err")"; fail=1
  fi
}

for f in "$SHARED"/examples/plain/*.txt; do
  convert "plain-$(basename "$f" .txt)" -f plain "$f"
done
for d in "$SHARED"/corpus/readability/*/; do
  [ -f "$d/source.html" ] || continue
  convert "readability-$(basename "$d")" -f html+extract "$d/source.html"
done
if command -v pandoc >/dev/null 2>&1; then
  pandoc -f markdown -t json "$SHARED/corpus/pandoc/testsuite.txt" -o "$T/testsuite.json"
  convert testsuite -f json --toc "$T/testsuite.json"
  pandoc -f native -t json "$SHARED/corpus/pandoc/tables.native" -o "$T/tables.json"
  convert tables -f json "$T/tables.json"
else
  need pandoc
fi

shopt -s nullglob
files=("$T"/*.html)
if [ ${#files[@]} -eq 0 ]; then echo "FAIL: nothing converted"; exit 1; fi
# vnu's CSS checker does not know CSS Generated Content for Paged Media
# (css-gcpm-3): exactly the footnote constructs of the print stylesheet are
# filtered (float: footnote, ::footnote-call, ::footnote-marker, @footnote);
# every other message counts.
GCPM='.*(“footnote”: Parse Error|“float”: “footnote” is not a “float” value|pseudo-class “::footnote-(call|marker)”).*'
java_quick -jar "$VNU" --errors-only --format gnu --filterpattern "$GCPM" "${files[@]}" >"$T/vnu.out" 2>&1
errors=$(grep -c ':[0-9.-]*: error' "$T/vnu.out" || true)
fatal=$(grep -c 'non-document-error\|fatal' "$T/vnu.out" || true)
echo "vnu: ${#files[@]} files checked, $errors errors, $fatal fatal"
if [ "$errors" -gt 0 ] || [ "$fatal" -gt 0 ]; then
  sed "s|$T/||" "$T/vnu.out" | head -60
  fail=1
fi
[ $fail -eq 0 ] && echo "PASS: $converted documents, 0 vnu errors"
exit $fail
