#!/usr/bin/env bash
# Publisher JATS (../shared/corpus/jats, 20 real articles) through the JATS reader to:
#  - JATS (archiving): DTD-valid against the JATS 1.3 Archiving DTD with MathML 3
#    (xmllint, one run for all files);
#  - EPUB: EPUBCheck 0 errors / 0 warnings (one JVM, epub_batch_check.java) and Ace
#    0 violations;
#  - print HTML: the W3C checker (vnu, one JVM) without errors; WeasyPrint renders it,
#    and the PDF's text has every table's and figure's caption and the formulas' text.
# CI time: JATS is checked for all 20 (one xmllint run); EPUB (EPUBCheck) and print HTML
# (vnu) for every 5th article and the sample, PLOS ONE 0146913 (tables, figures, MathML);
# WeasyPrint for the sample; Ace (a headless Chromium per book) only with FULL=1.
# FULL=1: every check on every article. EPUBCheck and vnu (java_quick: C1 only) run in
# the background while WeasyPrint renders; their reports are read after it.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/jats_common.bash"
source "$here/lib.sh"
need xmllint java python3 weasyprint pdftotext
SRC=$(cd "$SRC" && pwd) GALLEY=$(realpath "$GALLEY") SHARED=$(cd "$SHARED" && pwd)  # the checks run in $work
JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
VNU=${VNU_JAR:-$SRC/tests/tools/node_modules/vnu-jar/build/dist/vnu.jar}
ACE=${ACE:-$SRC/tests/tools/node_modules/.bin/ace-cli}
export PUPPETEER_EXECUTABLE_PATH=${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}
for f in "$JAR" "$VNU" "$ACE" "$PUPPETEER_EXECUTABLE_PATH"; do
  if [ ! -e "$f" ]; then
    if [ "${CI:-}" = "true" ]; then echo "FAIL: $f is missing (CI=true)"; exit 1; fi
    echo "SKIP: $f is missing"; exit 0
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1574689080
status=0
sample=plos-journal.pone.0146913

n=0
for f in "$SHARED"/corpus/jats/*.xml; do
  b=$(basename "$f" .xml)
  n=$((n + 1))
  targets="jats_archiving:xml"
  # EPUB and print HTML: every 5th article and the sample (FULL=1: all).
  if [ "${FULL:-}" = "1" ] || [ $((n % 5)) -eq 1 ] || [ "$b" = "$sample" ]; then
    targets="$targets epub:epub html_print:html"
  fi
  for t in $targets; do
    if ! "$GALLEY" -f jats -t "${t%%:*}" "$f" -o "$work/$b.${t##*:}" 2>>"$work/$b.log"; then
      echo "FAIL $b: galley -t ${t%%:*}: $(tail -3 "$work/$b.log")"
      status=1
    fi
  done
done

cd "$work"
xmls=(*.xml)
bad=$(jats_validate "$(jats_dtd jats_archiving mathml3)" "${xmls[@]}")
echo "JATS archiving (MathML 3 DTD): $((${#xmls[@]} - $(printf '%s' "$bad" | grep -c .))) of ${#xmls[@]} valid"
[ -z "$bad" ] || { printf '  INVALID %s\n' "$bad" | head -20; status=1; }

epubs=(*.epub)
htmls=(*.html)
GCPM='.*(“footnote”: Parse Error|“float”: “footnote” is not a “float” value|pseudo-class “::footnote-(call|marker)”).*'
java_quick -cp "$JAR" "$SRC/tests/conformance/epub_batch_check.java" "${epubs[@]}" >check.out 2>&1 &
epubcheck_pid=$!
java_quick -jar "$VNU" --errors-only --format gnu --filterpattern "$GCPM" "${htmls[@]}" >vnu.out 2>&1 &
vnu_pid=$!

picked=("$sample")
[ "${FULL:-}" = "1" ] && picked=($(for f in *.epub; do echo "${f%.epub}"; done))
for b in "${picked[@]}"; do
  # Ace runs a headless Chromium per book (10-15 s): FULL=1 only, to keep CI's time.
  if [ "${FULL:-}" != "1" ]; then
    :
  elif ! "$ACE" -f -s -o "ace-$b" "$b.epub" >"ace-$b.log" 2>&1 || [ ! -f "ace-$b/report.json" ]; then
    echo "FAIL $b: ace-cli could not check it: $(tail -3 "ace-$b.log")"
    status=1
  elif ! python3 - "ace-$b/report.json" "$b" <<'EOF'; then
import json, sys
report = json.load(open(sys.argv[1]))
fails = [a for d in report.get("assertions", []) for a in d.get("assertions", [])
         if a["earl:result"]["earl:outcome"] == "fail"]
print("Ace %s: %d violation(s)" % (sys.argv[2], len(fails)))
for a in fails[:10]:
    print("  %s %s" % (a["earl:test"].get("dct:title"), a["earl:result"].get("dct:description", "")[:200]))
sys.exit(1 if fails else 0)
EOF
    status=1
  fi
  # WeasyPrint: the print page shows every caption of tables and figures and the formulas.
  if ! weasyprint "$b.html" "$b.pdf" 2>"$b.weasy.log"; then
    echo "FAIL $b: weasyprint: $(tail -3 "$b.weasy.log")"
    status=1
    continue
  fi
  pdftotext -enc UTF-8 "$b.pdf" "$b.pdf.txt"
  "$GALLEY" -f jats -t json "$SHARED/corpus/jats/$b.xml" -o "$b.json" 2>/dev/null
  python3 - "$b.json" "$b.pdf.txt" "$b" <<'EOF' || status=1
import json, re, sys, unicodedata
doc = json.load(open(sys.argv[1]))
pdf = unicodedata.normalize("NFC", open(sys.argv[2], encoding="utf-8").read())
# A line-end hyphen is hyphenation or a real hyphen: words of both readings count.
joined = re.sub(r"[-\u2010\u2011\u00ad]\s*\n\s*", "", pdf)
words_pdf = set(re.findall(r"[^\W_]+", pdf.casefold())) | set(re.findall(r"[^\W_]+", joined.casefold()))
def text(x):
    if isinstance(x, dict):
        t, c = x.get("t"), x.get("c")
        if t == "Str": return c
        if t in ("Space", "SoftBreak", "LineBreak"): return " "
        if t == "Math": return " " + c[1] + " "
        if t == "Note": return ""
        if t in ("Subscript", "Superscript"): return " " + text(c) + " "  # set apart on the page
        return text(c)
    if isinstance(x, list): return "".join(text(y) for y in x)
    return ""
captions, formulas, tables, figures = [], [], 0, 0
def walk(x):
    global tables, figures
    if isinstance(x, dict):
        if x.get("t") == "Table": tables += 1; captions.append(text(x["c"][1][1]))
        if x.get("t") == "Figure": figures += 1; captions.append(text(x["c"][1][1]))
        if x.get("t") == "Math": formulas.append(x["c"][1])
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(doc["blocks"])
missing = []
for cap in captions:
    w = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", cap).casefold())
    if w and sum(1 for x in w if x in words_pdf) < 0.98 * len(w): missing.append(cap[:80])
# A formula shows at least its letters and digits (MathML laid out as text by WeasyPrint).
fmissing = [f for f in formulas if re.findall(r"[A-Za-z0-9]+", f) and
            not all(t.casefold() in words_pdf or any(t.casefold() in w for w in words_pdf)
                    for t in re.findall(r"[A-Za-z0-9]+", f)[:3])]
print("WeasyPrint %s: %d tables, %d figures, %d captions (%d missing), %d formulas (%d missing)" %
      (sys.argv[3], tables, figures, len(captions), len(missing), len(formulas), len(fmissing)))
for m in (missing + fmissing)[:5]: print("  missing:", m)
sys.exit(1 if missing or fmissing or not tables or not figures else 0)
EOF
done
wait "$epubcheck_pid"
grep -v -E '^(INFO|Validating|Check finished|EPUBCheck completed|No errors)' check.out |
  grep -v '^RESULT .* fatals=0 errors=0 warnings=0$' | cut -c1-300 | head -30
if grep -q "^SUMMARY files=${#epubs[@]} failing=0$" check.out; then
  echo "EPUBCheck: ${#epubs[@]} EPUBs, 0 errors, 0 warnings"
else
  echo "FAIL: EPUBCheck"
  status=1
fi

wait "$vnu_pid"
errors=$(grep -c ': error\|non-document-error\|fatal' vnu.out || true)
echo "vnu: ${#htmls[@]} print HTML files, $errors errors"
[ "$errors" -eq 0 ] || { head -20 vnu.out; status=1; }
exit $status
