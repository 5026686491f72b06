#!/usr/bin/env bash
# PDF/A and reproducibility with WeasyPrint, on the seed article:
#  - -V pdf-variant=pdf/a-3b: the checks a test can make offline: XMP metadata
#    (pdfaid part 3, conformance B, dc:title, dc:creator, xmp:CreateDate),
#    an sRGB OutputIntent (GTS_PDFA1) in the catalog, a file identifier, every
#    font embedded, no encryption, and the article attached as Pandoc JSON
#    (byte-identical to galley -t json) and JATS (well-formed XML), marked for
#    PDF/A-3 (catalog /AF, /AFRelationship, MIME /Subtype), every cross-reference
#    entry of every section (galley's incremental update too) pointing at its object;
#    veraPDF would be the validator beyond these (not packaged for Debian 12);
#  - -V pdf-variant=pdf/a-2b: no attachments (PDF/A-2 allows none that are not PDF/A);
#  - two runs with the same SOURCE_DATE_EPOCH give identical bytes, and so do two
#    runs without it (galley gives the engine its own output time), with dates
#    from the article.
set -u
. "$(dirname "$0")/lib.sh"
need weasyprint pdfinfo pdffonts pdfdetach python3

T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
seed="$SHARED/examples/plain/seed-bacgiang.txt"
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$GALLEY" -f plain -t json "$seed" -o "$T/seed.json" || bad "galley -t json"
"$GALLEY" -f plain "$seed" -V pdf-variant=pdf/a-3b -o "$T/a3.pdf" 2>"$T/a3.err" || bad "pdf/a-3b: $(tail -2 "$T/a3.err")"
if [ -s "$T/a3.pdf" ]; then
  pdfinfo -meta "$T/a3.pdf" > "$T/xmp.txt"
  for want in 'pdfaid:part="3"' 'pdfaid:conformance="B"' '<dc:title>' '<dc:creator>' '<xmp:CreateDate>2019-11-25T13:38:00Z'; do
    grep -qF "$want" "$T/xmp.txt" || bad "XMP lacks $want"
  done
  pdfinfo "$T/a3.pdf" | grep -q '^Encrypted: *no' || bad "encrypted"
  pdfinfo "$T/a3.pdf" | grep -q '^PDF version: *1\.7' || bad "PDF/A-3 as PDF 1.7 expected"
  pdffonts "$T/a3.pdf" | tail -n +3 | awk '$(NF-4) != "yes" {print; bad=1} END {exit bad}' || bad "a font is not embedded"
  python3 - "$T/a3.pdf" <<'PY' || fail=1
import re, sys
d = open(sys.argv[1], "rb").read()
problems = []
if not re.search(rb"/OutputIntents\s*\[", d): problems.append("no /OutputIntents in the catalog")
if not re.search(rb"/S\s*/GTS_PDFA1", d): problems.append("no GTS_PDFA1 output intent")
if not re.search(rb"/DestOutputProfile\s+\d+ 0 R", d): problems.append("no ICC profile for the output intent")
if not re.search(rb"/ID\s*\[\s*\(", d): problems.append("no file identifier (/ID) in the trailer")
if b"/Encrypt" in d: problems.append("/Encrypt present")
# PDF/A-3 attachments (ISO 19005-3 6.8): catalog /AF, /AFRelationship, a MIME /Subtype
if not re.search(rb"/AF\s*\[\s*\d+ 0 R\s+\d+ 0 R\s*\]", d): problems.append("no /AF array with both files")
if len(re.findall(rb"/AFRelationship\s*/(Source|Alternative|Data|Supplement|Unspecified)", d)) < 2:
    problems.append("attachments without /AFRelationship")
for mime in (rb"application#2Fjson", rb"application#2Fxml"):
    if not re.search(rb"/Subtype\s*/" + mime, d): problems.append("no MIME type " + mime.decode())
# every cross-reference entry of every section points at its object
sx = int(d[d.rfind(b"startxref") + 9:].split()[0])
while sx:
    if d[sx:sx + 4] != b"xref": problems.append("startxref/Prev does not point at a xref table"); break
    body = d[sx + 4:d.find(b"trailer", sx)].split(b"\n")
    rows = [r for r in body if r.strip()]
    i = 0
    while i < len(rows):
        first, count = map(int, rows[i].split()); i += 1
        for k in range(count):
            off, gen, kind = rows[i].split(); i += 1
            if kind == b"n" and not d[int(off):].startswith(b"%d 0 obj" % (first + k)):
                problems.append("xref entry of object %d is wrong" % (first + k))
    m = re.search(rb"/Prev\s+(\d+)", d[d.find(b"trailer", sx):d.find(b"startxref", sx)])
    sx = int(m.group(1)) if m else 0
for p in problems: print("FAIL:", p)
sys.exit(1 if problems else 0)
PY
  pdfdetach -list "$T/a3.pdf" > "$T/attached.txt"
  grep -q 'article.json' "$T/attached.txt" && grep -q 'article.jats.xml' "$T/attached.txt" || bad "attachments: $(tr '\n' ' ' < "$T/attached.txt")"
  mkdir -p "$T/att" && (cd "$T/att" && pdfdetach -saveall "$T/a3.pdf")
  cmp -s "$T/att/article.json" "$T/seed.json" || bad "attached JSON differs from galley -t json"
  python3 -c 'import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); assert d.documentElement.tagName == "article"' \
    "$T/att/article.jats.xml" 2>/dev/null || bad "attached JATS is not a well-formed <article>"
  echo "pdf/a-3b: XMP, output intent, /ID, embedded fonts, no encryption, attachments: $(grep -c ':' "$T/attached.txt") files"
fi

"$GALLEY" -f plain "$seed" -V pdf-variant=pdf/a-2b -o "$T/a2.pdf" 2>/dev/null || bad "pdf/a-2b"
[ -s "$T/a2.pdf" ] && { pdfinfo -meta "$T/a2.pdf" | grep -qF 'pdfaid:part="2"' || bad "pdf/a-2b: XMP part"; \
  pdfdetach -list "$T/a2.pdf" | grep -q '^0 embedded files' || bad "pdf/a-2b has attachments"; }

SOURCE_DATE_EPOCH=1700000000 "$GALLEY" -f plain "$seed" -o "$T/r1.pdf" 2>/dev/null
SOURCE_DATE_EPOCH=1700000000 "$GALLEY" -f plain "$seed" -o "$T/r2.pdf" 2>/dev/null
if [ -s "$T/r1.pdf" ] && cmp -s "$T/r1.pdf" "$T/r2.pdf"; then echo "reproducible with SOURCE_DATE_EPOCH: $(md5sum < "$T/r1.pdf" | cut -c1-12)"
else bad "two runs with the same SOURCE_DATE_EPOCH differ"; fi
env -u SOURCE_DATE_EPOCH "$GALLEY" -f plain "$seed" -o "$T/u1.pdf" 2>"$T/u1.err" || bad "galley without SOURCE_DATE_EPOCH: $(tail -2 "$T/u1.err")"
env -u SOURCE_DATE_EPOCH "$GALLEY" -f plain "$seed" -o "$T/u2.pdf" 2>"$T/u2.err" || bad "galley without SOURCE_DATE_EPOCH: $(tail -2 "$T/u2.err")"
if [ -s "$T/u1.pdf" ] && cmp -s "$T/u1.pdf" "$T/u2.pdf"; then echo "reproducible without SOURCE_DATE_EPOCH"
else bad "two runs without SOURCE_DATE_EPOCH differ"; fi
pdfinfo "$T/u1.pdf" | grep -q '^CreationDate: *Mon Nov 25 13:38:00 2019 UTC' || bad "CreationDate is not the article's date"

[ $fail -eq 0 ] && echo "PASS"
exit $fail
