#!/bin/bash
# Ace by DAISY (axe-core + EPUB Accessibility 1.1 checks) over galley's EPUBs:
# no violations (no assertion with earl:outcome "fail") for the example articles
# and a few extracted web pages. Each book takes 10-15 s (one headless Chromium).
#   FULL=1 adds more extracted pages and pandoc's test suite.
# Setup: cd tests/tools && PUPPETEER_SKIP_DOWNLOAD=1 npm install --ignore-scripts
# (Chromium from the system: /usr/bin/chromium, or set PUPPETEER_EXECUTABLE_PATH).
# A missing checker fails the test when CI=true, and skips it otherwise.
set -u
: "${GALLEY:?GALLEY (the galley binary) must be set}" "${SHARED:?SHARED must be set}" "${SRC:?SRC must be set}"
ACE=${ACE:-$SRC/tests/tools/node_modules/.bin/ace-cli}
export PUPPETEER_EXECUTABLE_PATH=${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}

missing() {
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: $1 is missing (CI=true)"
    exit 1
  fi
  echo "SKIP: $1 is missing"
  exit 0
}
[ -x "$ACE" ] || missing "ace-cli ($ACE; npm install in tests/tools)"
[ -x "$PUPPETEER_EXECUTABLE_PATH" ] || missing "Chromium ($PUPPETEER_EXECUTABLE_PATH)"
command -v python3 >/dev/null 2>&1 || missing "python3"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1574689080
failures=0
books=0

check() {  # check <from> <input> <name>
  local from=$1 input=$2 name=$3
  books=$((books + 1))
  if ! "$GALLEY" -f "$from" -t epub "$input" -o "$work/$name.epub" 2>"$work/$name.log"; then
    echo "FAIL: galley -f $from -t epub $input"
    cat "$work/$name.log"
    failures=$((failures + 1))
    return
  fi
  if ! "$ACE" -f -s -o "$work/ace-$name" "$work/$name.epub" >"$work/ace-$name.log" 2>&1 ||
     [ ! -f "$work/ace-$name/report.json" ]; then
    echo "FAIL: ace-cli could not check $name"
    cat "$work/ace-$name.log"
    failures=$((failures + 1))
    return
  fi
  if ! python3 - "$work/ace-$name/report.json" "$name" <<'EOF'; then
import json, sys
report = json.load(open(sys.argv[1]))
fails = []
for doc in report.get("assertions", []):
    for a in doc.get("assertions", []):
        if a["earl:result"]["earl:outcome"] == "fail":
            t = a["earl:test"]
            fails.append("%s: %s (%s) %s" % (doc["earl:testSubject"].get("url"), t.get("dct:title"),
                         t.get("earl:impact"), a["earl:result"].get("dct:description", "")[:200]))
print("%s: %d violation(s)" % (sys.argv[2], len(fails)))
for f in fails:
    print("  " + f)
sys.exit(1 if fails else 0)
EOF
    failures=$((failures + 1))
  fi
}

for f in "$SHARED"/examples/plain/*.txt; do check plain "$f" "plain-$(basename "$f" .txt)"; done
pages="001 bbc-1 nytimes-1"
[ "${FULL:-}" = "1" ] && pages="$pages aclu ars-1 wikipedia keep-tabular-data data-url-image medium-1 lemonde-1"
for p in $pages; do
  [ -f "$SHARED/corpus/readability/$p/source.html" ] && check html+extract "$SHARED/corpus/readability/$p/source.html" "page-$p"
done
if [ "${FULL:-}" = "1" ] && command -v pandoc >/dev/null 2>&1; then
  for f in testsuite tables; do
    pandoc -f markdown -t json "$SHARED/corpus/pandoc/$f.txt" -o "$work/$f.json" && check json "$work/$f.json" "pandoc-$f"
  done
fi

if [ "$failures" -ne 0 ]; then
  echo "FAIL: $failures of $books book(s)"
  exit 1
fi
echo "OK: $books EPUBs, no Ace violations"
