#!/bin/bash
# EPUBCheck 4.2.6 over galley's EPUB output: every book must have 0 fatal errors,
# 0 errors and 0 warnings. All books are checked in ONE JVM (epub_batch_check.java).
#
# Inputs: the example articles (shared/examples/plain, -f plain), pandoc's
# testsuite.txt and tables.txt (pandoc -f markdown -t json at test time),
# readability pages (-f html+extract) and news-text files (-f plain).
# By default a representative subset (about a minute); every file with
#   FULL=1 ctest --test-dir build -R conformance.epub_epubcheck --output-on-failure
# (or: FULL=1 GALLEY=build/galley SHARED=../shared SRC=. bash tests/conformance/epub_epubcheck.sh).
# A missing checker fails the test when CI=true, and skips it otherwise.
set -u
: "${GALLEY:?GALLEY (the galley binary) must be set}" "${SHARED:?SHARED must be set}" "${SRC:?SRC must be set}"
JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
source "$SRC/tests/conformance/lib.sh"  # java_quick

missing() {
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: $1 is missing (CI=true)"
    exit 1
  fi
  echo "SKIP: $1 is missing"
  exit 0
}
command -v java >/dev/null 2>&1 && [ -f "$JAR" ] || missing "EPUBCheck ($JAR) or java"
command -v pandoc >/dev/null 2>&1 || missing "pandoc"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1574689080
failures=0
n=0

convert() {  # convert <from> <input> : one EPUB in $work
  local from=$1 input=$2 out
  n=$((n + 1))
  out=$(printf '%s/%03d-%s.epub' "$work" "$n" "$(basename "$input" | tr -c 'A-Za-z0-9._-' '_' | cut -c1-40)")
  if ! "$GALLEY" -f "$from" -t epub "$input" -o "$out" 2>"$out.log"; then
    echo "FAIL: galley -f $from -t epub $input"
    cat "$out.log"
    failures=$((failures + 1))
  fi
}

# example articles: always all of them
for f in "$SHARED"/examples/plain/*.txt; do convert plain "$f"; done

# pandoc's test documents
for f in testsuite tables; do
  if pandoc -f markdown -t json "$SHARED/corpus/pandoc/$f.txt" -o "$work/$f.json"; then
    convert json "$work/$f.json"
  else
    echo "FAIL: pandoc could not convert $f.txt"
    failures=$((failures + 1))
  fi
done

# readability pages through the HTML reader's article extraction
if [ "${FULL:-}" = "1" ]; then
  pages=$(ls "$SHARED/corpus/readability")
else
  pages="001 aclu ars-1 bbc-1 nytimes-1 wikipedia mathjax keep-tabular-data data-url-image lazy-image-1
         embedded-videos cnet-svg-classes medium-1 lemonde-1 heise hukumusume"
fi
for p in $pages; do
  [ -f "$SHARED/corpus/readability/$p/source.html" ] && convert html+extract "$SHARED/corpus/readability/$p/source.html"
done

# plain-text news (Vietnamese and English); subset: the first two files of each source
if [ "${FULL:-}" = "1" ]; then
  find "$SHARED/corpus/news-text" -name '*.txt' ! -name 'README*' -print0 | sort -z >"$work/news.lst"
else
  for d in "$SHARED"/corpus/news-text/*/; do
    find "$d" -name '*.txt' ! -name 'README*' -print0 | sort -z | head -z -n 2
  done >"$work/news.lst"
fi
while IFS= read -r -d '' f; do convert plain "$f"; done <"$work/news.lst"

# determinism: the same input twice gives the same bytes
"$GALLEY" -f plain -t epub "$SHARED/examples/plain/seed-bacgiang.txt" -o "$work/again-1.epub" 2>/dev/null
"$GALLEY" -f plain -t epub "$SHARED/examples/plain/seed-bacgiang.txt" -o "$work/again-2.epub" 2>/dev/null
if ! cmp -s "$work/again-1.epub" "$work/again-2.epub"; then
  echo "FAIL: two runs gave different bytes"
  failures=$((failures + 1))
fi

shopt -s nullglob
books=("$work"/[0-9]*.epub)
echo "checking ${#books[@]} EPUBs with EPUBCheck"
java_quick -cp "$JAR" "$SRC/tests/conformance/epub_batch_check.java" "${books[@]}" >"$work/check.out" 2>&1
grep -v -E '^(INFO|Validating|Check finished|EPUBCheck completed|No errors)' "$work/check.out" | grep -v '^RESULT .* fatals=0 errors=0 warnings=0$'  | cut -c1-400
grep -q "^SUMMARY files=${#books[@]} failing=0$" "$work/check.out" || failures=$((failures + 1))

if [ "$failures" -ne 0 ]; then
  echo "FAIL: $failures problem(s)"
  exit 1
fi
echo "OK: ${#books[@]} EPUBs, 0 errors, 0 warnings"
