#!/bin/bash
# Formulas and inline SVG through every writer, checked by the real validators
# (tests/conformance/math-pages: MathML as HTML5 writes it and with xmlns,
# Wikipedia's hidden MathML with a TeX annotation and a fallback image, inline
# SVG with hostile parts, and a pandoc document whose formulas are TeX Math):
#  - EPUB: EPUBCheck 0 errors/0 warnings (one JVM for all books), Ace 0 violations
#    (two books; all with FULL=1: Ace takes 10-15 s a book), the manifest declares
#    mathml/svg where the chapters hold them;
#  - JATS, each tag set (archiving, publishing, article authoring) against each of
#    its DTD variants (MathML 2, the writer's default, and MathML 3 with
#    -V jats-mathml=3): DTD-valid, and every formula of the page (its
#    "formulas: N" comment) present as inline-formula/disp-formula;
#  - print HTML: the W3C checker (vnu) clean; Chromium's PDF (pdftotext) holds
#    the formulas' characters; a PNG of each PDF's first page (pdftoppm) is kept
#    in $BUILD/artefacts/math/;
#  - nothing executable in any output.
# The slow checkers (EPUBCheck, Ace, vnu, Chromium: JVMs and browsers) run as four
# background jobs while the quick checks run, so the test takes about as long as
# the slowest of them rather than their sum.
# A missing checker fails the test when CI=true, and skips it otherwise.
set -u
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/jats_common.bash"
need java python3 pandoc xmllint chromium pdftotext pdftoppm unzip
JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
ACE=${ACE:-$SRC/tests/tools/node_modules/.bin/ace-cli}
export PUPPETEER_EXECUTABLE_PATH=${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}
VNU=${VNU_JAR:-$SRC/tests/tools/node_modules/vnu-jar/build/dist/vnu.jar}
for f in "$JAR" "$ACE" "$VNU"; do
  if [ ! -e "$f" ]; then
    if [ "${CI:-}" = "true" ]; then echo "FAIL: $f is missing (CI=true)"; exit 1; fi
    echo "SKIP: $f is missing"; exit 0
  fi
done

T=$(mktemp -d)
jobs_started=()
# A failure must not leave checkers running after the test: end our own jobs.
trap 'for p in "${jobs_started[@]}"; do kill "$p" 2>/dev/null; done; wait; rm -rf "$T"' EXIT
ART=${BUILD:-$T}/artefacts/math
mkdir -p "$ART"
export SOURCE_DATE_EPOCH=1574689080
pages=$SRC/tests/conformance/math-pages
fail=0
names=()
for p in "$pages"/*; do
  name=$(basename "$p"); name=${name%.*}
  case $p in
    *.md) pandoc -f markdown -t json "$p" -o "$T/$name.json" || { echo "FAIL: pandoc $p"; fail=1; continue; }
          args=(-f json "$T/$name.json") ;;
    *) args=(-f html "$p") ;;
  esac
  names+=("$name")
  grep -o 'formulas: [0-9]*' "$p" | head -1 | cut -d' ' -f2 >"$T/$name.expected"
  for to in epub html_print; do
    ext=$to; [ "$to" = html_print ] && ext=html
    if ! "$GALLEY" "${args[@]}" -t "$to" -o "$T/$name.$ext" 2>"$T/$name.$to.log"; then
      echo "FAIL: galley ${args[*]} -t $to"; cat "$T/$name.$to.log"; fail=1
    fi
  done
  for ts in "${JATS_TAGSETS[@]}"; do
    for v in 2 3; do
      mkdir -p "$T/$ts-m$v"
      opt=(); [ $v = 3 ] && opt=(-V jats-mathml=3)
      if ! "$GALLEY" "${args[@]}" -t "$ts" "${opt[@]}" -o "$T/$ts-m$v/$name.xml" 2>"$T/$name.$ts.log"; then
        echo "FAIL: galley ${args[*]} -t $ts ${opt[*]}"; cat "$T/$name.$ts.log"; fail=1
      fi
    done
  done
done

# The slow checkers in the background; each leaves its output in $T, and its wall
# time in $T/time-<job> (printed at the end: the longest is the test's critical path).
timed() {  # timed JOB COMMAND...: the command's status, its wall seconds in $T/time-JOB
  local job=$1 start=$EPOCHREALTIME rc; shift
  "$@"; rc=$?
  awk -v job="$job" -v a="$EPOCHREALTIME" -v b="$start" 'BEGIN { printf "%s %.1f\n", job, a - b }' >"$T/time-$job"
  return $rc
}
timed epubcheck java -Xss1024k -cp "$JAR" "$SRC/tests/conformance/epub_batch_check.java" "$T"/*.epub >"$T/epubcheck.out" 2>&1 &
epubcheck_pid=$!
ace_names=(html5-mathml inline-svg)
[ "${FULL:-}" = "1" ] && ace_names=("${names[@]}")
ace_all() {
  for name in "${ace_names[@]}"; do
    "$ACE" -f -s -o "$T/ace-$name" "$T/$name.epub" >"$T/ace-$name.log" 2>&1
  done
}
timed ace ace_all &
ace_pid=$!
# The print stylesheet's footnote constructs (css-gcpm-3) are unknown to vnu's CSS
# checker: exactly those are filtered, as in html_print_vnu.sh.
GCPM='.*(“footnote”: Parse Error|“float”: “footnote” is not a “float” value|pseudo-class “::footnote-(call|marker)”).*'
timed vnu java -jar "$VNU" --errors-only --format gnu --filterpattern "$GCPM" "$T"/*.html >"$T/vnu.out" 2>&1 &
vnu_pid=$!
# One Chromium run a page (its PDF); the PNG is the PDF's first page, so no second launch.
chromium_all() {
  for name in "${names[@]}"; do
    chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$T/chrome" \
      --print-to-pdf="$T/$name.pdf" --no-pdf-header-footer "file://$T/$name.html" >/dev/null 2>&1
    [ -s "$T/$name.pdf" ] || continue
    pdftotext "$T/$name.pdf" "$T/$name.txt"
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$T/$name.pdf" "$ART/$name"
  done
}
timed chromium chromium_all &
chromium_pid=$!
jobs_started=("$epubcheck_pid" "$ace_pid" "$vnu_pid" "$chromium_pid")

# EPUB: the manifest properties and MathML's namespace and alttext, all books in one run.
for name in "${names[@]}"; do mkdir -p "$T/unz-$name" && unzip -q -o "$T/$name.epub" -d "$T/unz-$name"; done
python3 - "$T" "${names[@]}" <<'EOF' || fail=1
import glob, os, re, sys
bad = 0
for name in sys.argv[2:]:
    root = sys.argv[1] + '/unz-' + name
    opf = open(glob.glob(root + '/**/*.opf', recursive=True)[0], encoding='utf-8').read()
    for item in re.findall(r'<item\b[^>]*>', opf):
        href = re.search(r'href="([^"]*)"', item).group(1)
        props = (re.search(r'properties="([^"]*)"', item) or [None, ''])[1].split()
        files = glob.glob(root + '/**/' + os.path.basename(href), recursive=True)
        if not files or not href.endswith('.xhtml'):
            continue
        x = open(files[0], encoding='utf-8').read()
        for tag, prop in (('<math', 'mathml'), ('<svg', 'svg')):
            if (tag in x) != (prop in props):
                print("FAIL %s: %s has %s=%s but properties %s" % (name, href, tag, tag in x, props)); bad = 1
        if '<math' in x and '<math xmlns="http://www.w3.org/1998/Math/MathML"' not in x:
            print("FAIL %s: %s: MathML outside its namespace" % (name, href)); bad = 1
        if '<math' in x and 'alttext=' not in x:
            print("FAIL %s: %s: MathML without alttext" % (name, href)); bad = 1
sys.exit(bad)
EOF

# JATS: each tag set against its MathML 2 and MathML 3 DTDs, every formula present.
for ts in "${JATS_TAGSETS[@]}"; do
  for v in 2 3; do
    variant=; [ $v = 3 ] && variant=mathml3
    bad=$(jats_validate "$(jats_dtd "$ts" $variant)" "$T/$ts-m$v"/*.xml)
    nbad=$(printf '%s' "$bad" | grep -c . || true)
    [ -z "$bad" ] || { echo "FAIL: $ts, MathML $v DTD:"; echo "$bad" | sed "s|$T/||" | head -10; fail=1; }
    counts=
    for name in "${names[@]}"; do
      want=$(cat "$T/$name.expected")
      got=$(grep -o '<inline-formula>\|<disp-formula>' "$T/$ts-m$v/$name.xml" | wc -l)
      counts+=" $got/$want"
      [ "$got" -eq "$want" ] || { echo "FAIL: $ts (MathML $v) $name: $got formulas, want $want"; fail=1; }
    done
    echo "jats $ts, MathML $v DTD: $(( ${#names[@]} - nbad ))/${#names[@]} valid; formulas$counts"
  done
done

# Nothing executable anywhere.
for f in "$T"/*/*.xml "$T"/*.html "$T"/unz-*/*/*.xhtml; do
  [ -f "$f" ] || continue
  if grep -qiE '<script|javascript:|[[:space:]"]on[a-z]+=|<foreignObject' "$f"; then
    echo "FAIL: executable content in ${f#$T/}"; grep -oiE '.{40}(<script|javascript:|[[:space:]"]on[a-z]+=|<foreignObject).{40}' "$f" | head -3; fail=1
  fi
done

# The background checkers' verdicts.
wait "$epubcheck_pid" || {
  echo "FAIL: EPUBCheck"; grep -v '^RESULT.*fatals=0 errors=0 warnings=0' "$T/epubcheck.out" | head -30; fail=1; }
grep '^SUMMARY' "$T/epubcheck.out"
wait "$ace_pid"
for name in "${ace_names[@]}"; do
  if [ ! -f "$T/ace-$name/report.json" ]; then
    echo "FAIL: ace-cli could not check $name"; tail -5 "$T/ace-$name.log"; fail=1; continue
  fi
  python3 - "$T/ace-$name/report.json" "$name" <<'EOF' || fail=1
import json, sys
report = json.load(open(sys.argv[1]))
fails = [a for doc in report.get("assertions", []) for a in doc.get("assertions", [])
         if a["earl:result"]["earl:outcome"] == "fail"]
print("ace %s: %d violation(s)" % (sys.argv[2], len(fails)))
for a in fails:
    print("  %s %s" % (a["earl:test"].get("dct:title"), a["earl:result"].get("dct:description", "")[:200]))
sys.exit(1 if fails else 0)
EOF
done
wait "$vnu_pid"
errors=$(grep -c ':[0-9.-]*: error' "$T/vnu.out" || true)
echo "vnu: $errors error(s)"
[ "$errors" -eq 0 ] || { sed "s|$T/||" "$T/vnu.out" | head -20; fail=1; }
wait "$chromium_pid"
jobs_started=()
for name in "${names[@]}"; do
  [ -s "$ART/$name.png" ] || { echo "FAIL: no PNG of $name"; fail=1; }
  [ -s "$T/$name.txt" ] || { echo "FAIL: Chromium made no PDF of $name"; fail=1; }
done
python3 - "$T" "${names[@]}" <<'EOF' || fail=1
import html, os, re, sys, unicodedata
bad = 0
for name in sys.argv[2:]:
    base = sys.argv[1] + '/' + name
    if not os.path.exists(base + '.txt'):
        continue
    page, text = open(base + '.html', encoding='utf-8').read(), open(base + '.txt', encoding='utf-8').read()
    # Every token character of every formula must be in the PDF's text (white space and
    # invisible operators aside), in a renderer's own order: compare as a multiset.
    want = []
    for m in re.findall(r'<math\b.*?</math>', page, re.S):
        m = re.sub(r'<annotation\b.*?</annotation>', '', m, flags=re.S)
        for t in re.findall(r'<(?:mi|mn|mo|mtext)\b[^>]*>(.*?)</', m, re.S):
            want += [c for c in html.unescape(t) if not c.isspace() and c not in '\u2061\u2062\u2063']
    # Chromium draws mi as the font's mathematical italic (U+1D465 for x): NFKC folds them back.
    want = [unicodedata.normalize('NFKC', c) for c in want]
    have = [c for c in unicodedata.normalize('NFKC', text) if not c.isspace()]
    missing = []
    for c in want:
        if c in have: have.remove(c)
        else: missing.append(c)
    print("pdf %s: %d formula characters, %d missing %s" % (name, len(want), len(missing), ''.join(missing[:20])))
    bad |= bool(missing)
sys.exit(1 if bad else 0)
EOF
echo "timing (s, in parallel): $(cat "$T"/time-* | tr '\n' ' ')"
[ $fail -eq 0 ] && echo "PASS: ${#names[@]} pages; PNGs in $ART"
exit $fail
