#!/usr/bin/env bash
# html_print rendered to PDF by WeasyPrint and headless Chromium: for the seed
# article and every example (-f plain), pdftotext must show the title, the
# byline, the running head (pages 2..N, not page 1), "i / N" on every page and
# every word of the body and lede. For pandoc's testsuite.txt (which has
# notes; -f json through pandoc): WeasyPrint puts the notes at the foot of
# the pages (no endnotes section), Chromium in the endnotes; no note is lost.
set -u
. "$(dirname "$0")/lib.sh"
need weasyprint chromium pdftotext python3 pandoc

T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
chrome() {  # html pdf
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$T/profile" --no-pdf-header-footer \
    --print-to-pdf="$2" "$1" >/dev/null 2>&1
}
render() {  # name: T/name.html -> T/name.weasy.pdf, T/name.chromium.pdf (+ .txt)
  local n=$1
  weasyprint "$T/$n.html" "$T/$n.weasy.pdf" 2>"$T/$n.weasy.err" || { echo "FAIL $n: weasyprint: $(tail -3 "$T/$n.weasy.err")"; fail=1; }
  chrome "$T/$n.html" "$T/$n.chromium.pdf" || { echo "FAIL $n: chromium exited $?"; fail=1; }
  for e in weasy chromium; do
    [ -s "$T/$n.$e.pdf" ] || { echo "FAIL $n: no PDF from $e"; fail=1; continue; }
    pdftotext -enc UTF-8 "$T/$n.$e.pdf" "$T/$n.$e.txt"
  done
}

CHECK=$(cat <<'PY'
import json, re, sys, unicodedata
from collections import Counter
mode, doc_json, txt_path, engine = sys.argv[1:5]
doc = json.load(open(doc_json))
raw = open(txt_path, encoding="utf-8").read()
pages = raw.split("\f")
if pages and not pages[-1].strip():
    pages = pages[:-1]
N = len(pages)
def norm(s, join=True):
    s = unicodedata.normalize("NFC", s).replace("\u00ad", "")
    if join:
        s = re.sub(r"[-\u2010\u2011]\s*\n\s*", "", s)     # hyphenation at line ends
    return re.sub(r"\s+", " ", s)
def words(s):
    return Counter(w.lower() for w in re.findall(r"\w+", norm(s).replace("-", " ")))
def pdf_words(s):  # a line-end hyphen is either hyphenation or a real hyphen
    a = words(s)
    b = Counter(w.lower() for w in re.findall(r"\w+", norm(s, False).replace("-", " ")))
    return a | b
def inl_text(xs, skip_images=True):
    out = []
    for x in xs:
        t, c = x.get("t"), x.get("c")
        if t == "Str": out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"): out.append(" ")
        elif t in ("Image",) and skip_images: pass
        elif t in ("RawInline", "Math"): pass
        elif t == "Note": out.append(" " + blocks_text(c) + " ")
        elif t in ("Code",): out.append(c[1])
        elif isinstance(c, list):
            for part in c:
                if isinstance(part, list) and part and isinstance(part[0], dict) and "t" in part[0]:
                    out.append(inl_text(part) if part[0]["t"] not in BLOCKS else blocks_text(part))
    return "".join(out)
BLOCKS = {"Plain","Para","LineBlock","CodeBlock","RawBlock","BlockQuote","OrderedList","BulletList",
          "DefinitionList","Header","HorizontalRule","Table","Figure","Div"}
def blocks_text(bs):
    out = []
    def walk(v):
        if isinstance(v, dict) and "t" in v:
            if v["t"] in BLOCKS:
                if v["t"] in ("Para", "Plain"): out.append(inl_text(v["c"]))
                elif v["t"] == "Header": out.append(inl_text(v["c"][2]))
                elif v["t"] == "CodeBlock": out.append(v["c"][1])
                elif v["t"] == "RawBlock": pass
                else: walk(v.get("c"))
                return
            out.append(inl_text([v]))
        elif isinstance(v, list):
            for x in v: walk(x)
    walk(bs)
    return "\n".join(out)
meta = doc.get("meta", {})
def meta_text(k):
    v = meta.get(k)
    if not v: return ""
    if v["t"] == "MetaInlines": return inl_text(v["c"])
    if v["t"] == "MetaString": return v["c"]
    if v["t"] == "MetaBlocks": return blocks_text(v["c"])
    if v["t"] == "MetaList": return " ".join(inl_text(x["c"]) if x["t"] == "MetaInlines" else "" for x in v["c"])
    return ""
problems = []
all_text = norm(raw)
if mode == "article":
    title = norm(meta_text("title")).strip()
    if title and title not in all_text: problems.append("title missing")
    author = norm(meta_text("author")).strip()
    if author and author not in all_text: problems.append("byline missing: " + author)
    for i, p in enumerate(pages, 1):
        if not re.search(r"(?<!\d)%d\s*/\s*%d(?!\d)" % (i, N), p):
            problems.append("page %d lacks '%d / %d'" % (i, i, N))
    head = title[:30]
    if head:
        if N > 1:
            for i, p in enumerate(pages[1:], 2):
                if head not in norm(p): problems.append("page %d lacks the running head" % i)
        if norm(pages[0]).count(head) != 1: problems.append("page 1 has a running head (or no title)")
    expect = words(blocks_text(doc["blocks"]) + "\n" + meta_text("abstract"))
    got = pdf_words(raw)
    missing = {w: n - got[w] for w, n in expect.items() if got[w] < n}
    # pdftotext joins a line-end "2016-" with the next line's "2021": accept the joined form
    body_text = norm(blocks_text(doc["blocks"]) + "\n" + meta_text("abstract"))
    for a, b in re.findall(r"(\w+)[-\u2010\u2011]\s*(\w+)", body_text):
        if got[(a + b).lower()] > 0:
            for w in (a.lower(), b.lower()):
                if missing.get(w):
                    missing[w] -= 1
                    if not missing[w]: del missing[w]
    if missing: problems.append("words missing: " + ", ".join("%s(%d)" % kv for kv in list(missing.items())[:20]))
    print("%s %s: %d pages, %d body words" % (engine, doc_json.split("/")[-1], N, sum(expect.values())))
else:  # notes
    notes = []
    def find_notes(v):
        if isinstance(v, dict):
            if v.get("t") == "Note": notes.append(blocks_text(v["c"]))
            for x in v.values(): find_notes(x)
        elif isinstance(v, list):
            for x in v: find_notes(x)
    find_notes(doc["blocks"])
    got = pdf_words(raw)
    for n in notes:
        need = words(n)
        lost = [w for w, k in need.items() if got[w] < k]
        if lost: problems.append("note lost: %r (missing %s)" % (n[:50], lost[:5]))
    has_endnotes = re.search(r"(?m)^\s*NOTES\s*$|^\s*Notes\s*$", raw) is not None
    if engine == "weasy" and has_endnotes: problems.append("WeasyPrint shows an endnotes section")
    if engine == "chromium" and not has_endnotes: problems.append("Chromium shows no endnotes section")
    if engine == "weasy":
        # the first note's text sits on the page of its call, below the body text
        first = norm(notes[0]).strip()[:25] if notes else ""
        call_page = next((i for i, p in enumerate(pages) if first and first in norm(p)), None)
        if call_page is None: problems.append("first footnote not found on any page")
    print("%s notes: %d notes, %d pages, endnotes section: %s" % (engine, len(notes), N, has_endnotes))
for p in problems: print("  FAIL:", p)
sys.exit(1 if problems else 0)
PY
)

for f in "$SHARED"/examples/plain/*.txt; do
  n=$(basename "$f" .txt)
  "$GALLEY" -f plain -t json "$f" -o "$T/$n.json" || { echo "FAIL $n: galley -t json"; fail=1; continue; }
  "$GALLEY" -f plain -t html_print "$f" -o "$T/$n.html" 2>/dev/null || { echo "FAIL $n: galley -t html_print"; fail=1; continue; }
  render "$n"
  for e in weasy chromium; do
    [ -f "$T/$n.$e.txt" ] && { python3 -c "$CHECK" article "$T/$n.json" "$T/$n.$e.txt" "$e" || fail=1; }
  done
done

pandoc -f markdown -t json "$SHARED/corpus/pandoc/testsuite.txt" -o "$T/testsuite.json"
if "$GALLEY" -f json -t html_print "$T/testsuite.json" -o "$T/testsuite.html" 2>/dev/null; then
  render testsuite
  for e in weasy chromium; do
    [ -f "$T/testsuite.$e.txt" ] && { python3 -c "$CHECK" notes "$T/testsuite.json" "$T/testsuite.$e.txt" "$e" || fail=1; }
  done
else
  echo "FAIL testsuite: galley -f json -t html_print"; fail=1
fi

[ -n "${KEEP_PDF:-}" ] && cp "$T"/*.pdf "$KEEP_PDF"/ 2>/dev/null
[ $fail -eq 0 ] && echo "PASS"
exit $fail
