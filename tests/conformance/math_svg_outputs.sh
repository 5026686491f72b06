#!/bin/bash
# Formulas and inline SVG through every writer, checked by the real validators
# (tests/conformance/math-pages: MathML as HTML5 writes it and with xmlns,
# Wikipedia's hidden MathML with a TeX annotation and a fallback image, inline
# SVG with hostile parts, and a pandoc document whose formulas are TeX Math):
#  - EPUB: EPUBCheck 0 errors/0 warnings (one JVM), Ace 0 violations (two books;
#    all with FULL=1: Ace takes 10-15 s a book), the
#    manifest declares mathml/svg where the chapters hold them;
#  - JATS (archiving, MathML 3 DTD): DTD-valid, and every formula of the page
#    (its "formulas: N" comment) present as inline-formula/disp-formula;
#  - print HTML: the W3C checker (vnu) clean; Chromium's PDF (pdftotext) holds
#    the formulas' characters; a PNG of each page is kept in $BUILD/artefacts/math/;
#  - nothing executable in any output.
# A missing checker fails the test when CI=true, and skips it otherwise.
set -u
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/jats_common.bash"
need java python3 pandoc xmllint chromium pdftotext unzip
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

T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
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
  for to in epub html_print jats_archiving; do
    ext=$to; [ "$to" = jats_archiving ] && ext=xml; [ "$to" = html_print ] && ext=html
    if ! "$GALLEY" "${args[@]}" -t "$to" -V jats-mathml=3 -o "$T/$name.$ext" 2>"$T/$name.$to.log"; then
      echo "FAIL: galley ${args[*]} -t $to"; cat "$T/$name.$to.log"; fail=1
    fi
  done
done

# EPUB: EPUBCheck in one JVM, then Ace, manifest properties.
java -Xss1024k -cp "$JAR" "$SRC/tests/conformance/epub_batch_check.java" "$T"/*.epub >"$T/epubcheck.out" 2>&1 || {
  echo "FAIL: EPUBCheck"; grep -v '^RESULT.*fatals=0 errors=0 warnings=0' "$T/epubcheck.out" | head -30; fail=1; }
grep '^SUMMARY' "$T/epubcheck.out"
# Ace takes 10-15 s a book: two by default, all five with FULL=1.
ace_names=(html5-mathml inline-svg)
[ "${FULL:-}" = "1" ] && ace_names=("${names[@]}")
for name in "${names[@]}"; do
  case " ${ace_names[*]} " in *" $name "*) ;; *) continue ;; esac
  if ! "$ACE" -f -s -o "$T/ace-$name" "$T/$name.epub" >"$T/ace-$name.log" 2>&1 || [ ! -f "$T/ace-$name/report.json" ]; then
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
for name in "${names[@]}"; do
  mkdir -p "$T/unz-$name" && unzip -q -o "$T/$name.epub" -d "$T/unz-$name"
  python3 - "$T/unz-$name" "$name" <<'EOF' || fail=1
import glob, os, re, sys
root, name = sys.argv[1], sys.argv[2]
opf = open(glob.glob(root + '/**/*.opf', recursive=True)[0], encoding='utf-8').read()
bad = 0
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
done

# JATS: the MathML 3 DTD, every formula present.
bad=$(jats_validate "$(jats_dtd jats_archiving mathml3)" "$T"/*.xml)
if [ -n "$bad" ]; then echo "FAIL: JATS not valid:"; echo "$bad" | head -10; fail=1; fi
for name in "${names[@]}"; do
  want=$(cat "$T/$name.expected")
  got=$(grep -o '<inline-formula>\|<disp-formula>' "$T/$name.xml" | wc -l)
  echo "jats $name: $got of $want formula(s)"
  [ "$got" -eq "$want" ] || { echo "FAIL: jats $name: $got formulas, want $want"; fail=1; }
done

# Print HTML: vnu, then Chromium's PDF text and a PNG kept as an artefact.
# The print stylesheet's footnote constructs (css-gcpm-3) are unknown to vnu's CSS
# checker: exactly those are filtered, as in html_print_vnu.sh.
GCPM='.*(“footnote”: Parse Error|“float”: “footnote” is not a “float” value|pseudo-class “::footnote-(call|marker)”).*'
java -jar "$VNU" --errors-only --format gnu --filterpattern "$GCPM" "$T"/*.html >"$T/vnu.out" 2>&1
errors=$(grep -c ':[0-9.-]*: error' "$T/vnu.out" || true)
echo "vnu: $errors error(s)"
[ "$errors" -eq 0 ] || { sed "s|$T/||" "$T/vnu.out" | head -20; fail=1; }
for name in "${names[@]}"; do
  chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$T/chrome" \
    --print-to-pdf="$T/$name.pdf" --no-pdf-header-footer "file://$T/$name.html" >/dev/null 2>&1
  chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$T/chrome" \
    --screenshot="$ART/$name.png" --window-size=900,1200 "file://$T/$name.html" >/dev/null 2>&1
  [ -s "$ART/$name.png" ] || { echo "FAIL: no screenshot of $name"; fail=1; }
  [ -s "$T/$name.pdf" ] || { echo "FAIL: Chromium made no PDF of $name"; fail=1; continue; }
  pdftotext "$T/$name.pdf" "$T/$name.txt"
  python3 - "$T/$name.html" "$T/$name.txt" "$name" <<'EOF' || fail=1
import html, re, sys, unicodedata
page, text, name = open(sys.argv[1], encoding='utf-8').read(), open(sys.argv[2], encoding='utf-8').read(), sys.argv[3]
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
sys.exit(1 if missing else 0)
EOF
done

# Nothing executable anywhere.
for f in "$T"/*.xml "$T"/*.html "$T"/unz-*/*/*.xhtml; do
  [ -f "$f" ] || continue
  if grep -qiE '<script|javascript:|[[:space:]"]on[a-z]+=|<foreignObject' "$f"; then
    echo "FAIL: executable content in ${f#$T/}"; grep -oiE '.{40}(<script|javascript:|[[:space:]"]on[a-z]+=|<foreignObject).{40}' "$f" | head -3; fail=1
  fi
done
[ $fail -eq 0 ] && echo "PASS: ${#names[@]} pages; PNGs in $ART"
exit $fail
