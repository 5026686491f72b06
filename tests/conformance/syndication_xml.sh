#!/usr/bin/env bash
# NewsML-G2 and NITF (issue 21): the writers' output is valid against IPTC's XSDs
# and keeps the article; the readers read it back and read IPTC's own examples.
#  1. A corpus sample -> newsml, nitf (and json) in one batch run: every file valid
#     (one xmllint per schema), headline, bylines, date and every body word present.
#     Sample (fixed strides, documented so a failure can be reproduced): every
#     plain example, every 3rd news-text article, every 4th readability page and
#     every 10th trafilatura-eval page (-f html+extract), every pandoc/json document.
#     FULL=1 takes every file.
#  2. Round trip article -> newsml -> galley -> json and the same for nitf: title,
#     authors, date, language, subject and every body word kept, per document.
#  3. newsml+nitf (NITF body in inlineXML, IPTC's listing 25) on every 4th document:
#     valid NewsML-G2, and the NITF inside valid against the NITF XSD.
#  4. IPTC's text items (the NITF sample, the text newsItems, listing 25) read without
#     losing headline, byline, dates or body words (taken from the XML by python).
#  5. Several articles -> one newsMessage: valid, newest first, deterministic.
#  6. Thin and bad input: no title, no date, markup in the title, control
#     characters, a 10 MB article: valid output, a warning for each stand-in or loss.
set -u
source "$(dirname "$0")/lib.sh"
need xmllint python3 gzip
NEWSML_XSD=$SHARED/schemas/iptc/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd
NITF_XSD=$SHARED/schemas/iptc/nitf/nitf-3-6.xsd
EX=$SHARED/examples/syndication
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }
stride() { if [ "${FULL:-}" = "1" ]; then cat; else awk -v n="$1" '(NR - 1) % n == 0'; fi; }

# validate XSD FILE...: one xmllint for all files; prints the files that fail.
validate() {
  local xsd=$1; shift
  [ $# -gt 0 ] || return 0
  xmllint --noout --nonet --schema "$xsd" "$@" 2>&1 >/dev/null | grep -v ' validates$' |
    awk '/fails to validate$/ { print $1 } / error : / { if (!seen[$1]++) print "  " $0 }'
}

# ---- 1. the corpus sample in one batch run ----
list=$tmp/inputs.lst
{
  ls "$SHARED"/examples/plain/*.txt
  find "$SHARED/corpus/news-text" -type f -name '*.txt' ! -iname 'README*' | LC_ALL=C sort | stride 3
  ls "$SHARED"/corpus/readability/*/source.html | LC_ALL=C sort | stride 4
  mkdir -p "$tmp/trafilatura"  # gzipped pages: the sampled ones unpacked
  ls "$SHARED"/corpus/trafilatura-eval/pages/*.html.gz | LC_ALL=C sort | stride 10 | while IFS= read -r f; do
    out=$tmp/trafilatura/$(basename "$f" .gz)
    gzip -dc "$f" >"$out" && echo "$out"
  done
  ls "$SHARED"/corpus/pandoc/json/*.json
} >"$list"
echo "inputs: $(wc -l <"$list")"
"$GALLEY" -f html+extract -t json,newsml,nitf --output-dir "$tmp/out" -j 2 --manifest "$list" \
  --report "$tmp/report.json" --quiet || bad "the batch run failed (exit $?)"
python3 - "$tmp/report.json" "$tmp" <<'PY'
import json, sys, os
rep = json.load(open(sys.argv[1]))
rows = []
for a in rep["articles"]:
    outs = {o["format"]: o["path"] for o in a["outputs"] if o["status"] == "written"}
    if {"json", "newsml", "nitf"} <= set(outs):
        rows.append("\t".join([a["input"], outs["json"], outs["newsml"], outs["nitf"]]))
    else:
        print("FAIL: not converted: " + a["input"] + " " + json.dumps(a.get("status")))
open(os.path.join(sys.argv[2], "rows.tsv"), "w").write("\n".join(rows) + "\n")
PY
cut -f3 "$tmp/rows.tsv" >"$tmp/newsml.lst"
cut -f4 "$tmp/rows.tsv" >"$tmp/nitf.lst"
n=$(wc -l <"$tmp/rows.tsv")
bad_newsml=$(validate "$NEWSML_XSD" $(cat "$tmp/newsml.lst"))
bad_nitf=$(validate "$NITF_XSD" $(cat "$tmp/nitf.lst"))
nb=$(printf '%s' "$bad_newsml" | grep -c '^/' || true)
nn=$(printf '%s' "$bad_nitf" | grep -c '^/' || true)
echo "newsml: $((n - nb))/$n valid against the NewsML-G2 2.35 Power XSD"
echo "nitf:   $((n - nn))/$n valid against the NITF 3.6 XSD"
[ "$nb" -eq 0 ] || { bad "$nb invalid newsml files"; printf '%s\n' "$bad_newsml" | head -20; }
[ "$nn" -eq 0 ] || { bad "$nn invalid nitf files"; printf '%s\n' "$bad_nitf" | head -20; }

# ---- 2. round trip: the outputs read back (one batch per format: their stems are the same) ----
"$GALLEY" -t json --output-dir "$tmp/rt-newsml" -j 2 --manifest "$tmp/newsml.lst" --report "$tmp/rt-newsml.json" --quiet ||
  bad "reading the newsml outputs back failed"
"$GALLEY" -t json --output-dir "$tmp/rt-nitf" -j 2 --manifest "$tmp/nitf.lst" --report "$tmp/rt-nitf.json" --quiet ||
  bad "reading the nitf outputs back failed"
python3 "$SRC/tests/conformance/syndication_check.py" corpus "$tmp/rows.tsv" "$tmp/rt-newsml.json" "$tmp/rt-nitf.json" ||
  failures=$((failures + 1))

# ---- 3. newsml+nitf on every 4th document ----
awk 'NR % 4 == 1' "$list" >"$tmp/nitf-body.lst"
"$GALLEY" -f html+extract -t newsml+nitf --output-dir "$tmp/out-nb" -j 2 --manifest "$tmp/nitf-body.lst" --quiet ||
  bad "newsml+nitf batch failed"
mapfile -t nb_files < <(find "$tmp/out-nb" -name '*.newsml' | LC_ALL=C sort)
bad_nb=$(validate "$NEWSML_XSD" "${nb_files[@]}")
python3 - "$tmp/inner" "${nb_files[@]}" <<'PY'
import sys, os, xml.etree.ElementTree as ET
out = sys.argv[1]; os.makedirs(out, exist_ok=True)
NAR = "{http://iptc.org/std/nar/2006-10-01/}"
for i, f in enumerate(sys.argv[2:]):
    inl = ET.parse(f).getroot().find(f".//{NAR}inlineXML")
    kids = list(inl) if inl is not None else []
    if inl is None or inl.get("contenttype") != "application/nitf+xml" or len(kids) != 1:
        print(f"FAIL: {f}: no NITF inlineXML"); continue
    ET.register_namespace("", "http://iptc.org/std/NITF/2006-10-18/")
    ET.ElementTree(kids[0]).write(os.path.join(out, f"{i}.xml"), encoding="utf-8", xml_declaration=True)
PY
bad_inner=$(validate "$NITF_XSD" "$tmp"/inner/*.xml)
echo "newsml+nitf: ${#nb_files[@]} items; NewsML-G2 invalid: $(printf '%s' "$bad_nb" | grep -c '^/' || true); NITF inside invalid: $(printf '%s' "$bad_inner" | grep -c '^/' || true)"
[ -z "$bad_nb" ] || { bad "newsml+nitf invalid"; printf '%s\n' "$bad_nb" | head; }
[ -z "$bad_inner" ] || { bad "NITF inside newsml+nitf invalid"; printf '%s\n' "$bad_inner" | head; }
[ "${#nb_files[@]}" -gt 10 ] || bad "newsml+nitf wrote only ${#nb_files[@]} files"

# ---- 4. IPTC's own text items ----
ex=("$EX/nitf/NTB_nitf_sample.xml" "$EX/newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"
    "$EX/newsml-g2/LISTING_22_Sports_story_in_NewsML-G2NITF.xml" "$EX/newsml-g2/Receiver View.xml"
    "$EX/newsml-g2/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml"
    "$EX/newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml" "$EX/newsml-g2/LISTING_27_Company_Financial_Information.xml")
: >"$tmp/ex.tsv"
for i in "${!ex[@]}"; do
  f=${ex[$i]}
  case $f in */nitf/*) from=nitf ;; *) from=newsml ;; esac
  if "$GALLEY" -f "$from" -t json "$f" -o "$tmp/ex$i.json" 2>"$tmp/ex$i.err"; then
    printf '%s\t%s\n' "$f" "$tmp/ex$i.json" >>"$tmp/ex.tsv"
  else
    bad "reading $f: $(head -c 300 "$tmp/ex$i.err")"
  fi
done
# Every IPTC example reads (photo, video, packages: metadata only, with a warning),
# and what was read is written again as NewsML-G2 and NITF, valid.
mkdir -p "$tmp/exall"
k=0
for f in "$EX"/newsml-g2/*.xml "$EX"/nitf/*.xml; do
  case $f in */nitf/*) from=nitf ;; *) from=newsml ;; esac
  k=$((k + 1))
  "$GALLEY" -f "$from" -t json "$f" -o "$tmp/exall/$k.json" 2>"$tmp/err" ||
    bad "reading $(basename "$f"): $(head -c 200 "$tmp/err")"
done
"$GALLEY" -t newsml,nitf --output-dir "$tmp/exall-out" -j 2 "$tmp"/exall/*.json --quiet || bad "writing the examples failed"
v=$( (validate "$NEWSML_XSD" "$tmp"/exall-out/*.newsml; validate "$NITF_XSD" "$tmp"/exall-out/*.nitf) )
echo "IPTC examples read and written again: $(ls "$tmp"/exall-out/*.newsml | wc -l) newsml, $(ls "$tmp"/exall-out/*.nitf | wc -l) nitf; invalid: $(printf '%s' "$v" | grep -c '^/' || true)"
[ -z "$v" ] || { bad "IPTC examples written again are invalid"; echo "$v" | head -5; }
python3 "$SRC/tests/conformance/syndication_check.py" examples "$tmp/ex.tsv" || failures=$((failures + 1))

# ---- 5. several articles, one newsMessage ----
# Five dated articles (two with the same date: input order kept), one undated (last).
python3 - "$tmp" <<'PY'
import json, sys
dates = ["2024-03-01T10:00:00Z", "2024-05-01T09:30:00+02:00", "", "2024-04-01T08:00:00Z", "2024-05-01T07:30:00Z", "2023-12-24"]
for i, d in enumerate(dates):
    meta = {"title": {"t": "MetaInlines", "c": [{"t": "Str", "c": f"Article{i}"}]}}
    if d: meta["date"] = {"t": "MetaString", "c": d}
    doc = {"pandoc-api-version": [1, 23, 1], "meta": meta,
           "blocks": [{"t": "Para", "c": [{"t": "Str", "c": f"Body{i}"}]}]}
    json.dump(doc, open(f"{sys.argv[1]}/m{i}.json", "w"))
PY
few=("$tmp"/m0.json "$tmp"/m1.json "$tmp"/m2.json "$tmp"/m3.json "$tmp"/m4.json "$tmp"/m5.json)
"$GALLEY" -t newsml "${few[@]}" -o "$tmp/msg1.xml" --quiet || bad "newsMessage: galley failed"
"$GALLEY" -t newsml "${few[@]}" -o "$tmp/msg2.xml" --quiet
cmp -s "$tmp/msg1.xml" "$tmp/msg2.xml" || bad "newsMessage: two runs differ"
"$GALLEY" -t newsml+nitf "${few[@]}" -o "$tmp/msg3.xml" --quiet || bad "newsMessage (nitf body): galley failed"
v=$(validate "$NEWSML_XSD" "$tmp/msg1.xml" "$tmp/msg3.xml")
[ -z "$v" ] || { bad "newsMessage invalid"; echo "$v" | head -5; }
python3 - "$tmp/msg1.xml" <<'PY' || failures=$((failures + 1))
import sys, xml.etree.ElementTree as ET
NAR = "{http://iptc.org/std/nar/2006-10-01/}"
root = ET.parse(sys.argv[1]).getroot()
items = root.findall(f"{NAR}itemSet/{NAR}newsItem")
heads = [i.find(f"{NAR}contentMeta/{NAR}headline").text for i in items]
# 1: 07:30Z (09:30+02:00) and 4: 07:30Z are equal: input order; 2 has no date: last.
want = ["Article1", "Article4", "Article3", "Article0", "Article5", "Article2"]
if root.tag != NAR + "newsMessage" or heads != want:
    print(f"FAIL: newsMessage order {heads}, expected {want}"); sys.exit(1)
sent = root.find(f"{NAR}header/{NAR}sent").text
if sent != "2024-05-01T07:30:00Z":
    print(f"FAIL: header/sent is {sent}, not the newest item's time"); sys.exit(1)
ids = [i.get("guid") for i in items]
if len(set(ids)) != len(ids):
    print("FAIL: newsMessage items share a guid"); sys.exit(1)
print(f"newsMessage: {len(items)} items, newest first, equal dates in input order, sent = {sent}")
PY

# 1,000 articles (dates spread over a year, every 7th undated, pairs with the same
# time): one newsMessage, valid, deterministic, newest first, undated last, one guid each.
python3 - "$tmp/many" <<'PY'
import json, os, sys
os.makedirs(sys.argv[1], exist_ok=True)
for i in range(1000):
    meta = {"title": {"t": "MetaInlines", "c": [{"t": "Str", "c": f"Story"}, {"t": "Space"}, {"t": "Str", "c": str(i)}]}}
    if i % 7:
        meta["date"] = {"t": "MetaString", "c": f"2024-{1 + (i * 5) % 12:02d}-{1 + (i // 2) % 28:02d}T{(i // 2) % 24:02d}:00:00Z"}
    doc = {"pandoc-api-version": [1, 23, 1], "meta": meta, "blocks": [{"t": "Para", "c": [{"t": "Str", "c": f"Body{i}"}]}]}
    json.dump(doc, open(os.path.join(sys.argv[1], f"s{i:04d}.json"), "w"))
PY
ls "$tmp"/many/*.json >"$tmp/many.lst"
"$GALLEY" -t newsml --manifest "$tmp/many.lst" -o "$tmp/many1.xml" --quiet || bad "1,000-article newsMessage: galley failed"
"$GALLEY" -t newsml --manifest "$tmp/many.lst" -o "$tmp/many2.xml" --quiet
cmp -s "$tmp/many1.xml" "$tmp/many2.xml" || bad "1,000-article newsMessage: two runs differ"
v=$(validate "$NEWSML_XSD" "$tmp/many1.xml")
[ -z "$v" ] || { bad "1,000-article newsMessage invalid"; echo "$v" | head -3; }
python3 - "$tmp/many1.xml" <<'PY' || failures=$((failures + 1))
import sys, xml.etree.ElementTree as ET
NAR = "{http://iptc.org/std/nar/2006-10-01/}"
items = ET.parse(sys.argv[1]).getroot().findall(f"{NAR}itemSet/{NAR}newsItem")
dated = [i.find(f"{NAR}contentMeta/{NAR}contentCreated") is not None for i in items]
times = [i.find(f"{NAR}contentMeta/{NAR}contentCreated").text for i, d in zip(items, dated) if d]
n = [int(i.find(f"{NAR}contentMeta/{NAR}headline").text.split()[1]) for i in items]
problems = []
if len(items) != 1000: problems.append(f"{len(items)} items")
if dated != sorted(dated, reverse=True): problems.append("undated items are not last")
if times != sorted(times, reverse=True): problems.append("dated items are not newest first")
for a, b, ta, tb in zip(n, n[1:], times, times[1:]):
    if ta == tb and a > b: problems.append(f"equal times out of input order: {a} before {b}"); break
if len({i.get("guid") for i in items}) != len(items): problems.append("guids repeat")
if problems: print("FAIL: 1,000-article newsMessage: " + "; ".join(problems)); sys.exit(1)
print(f"1,000-article newsMessage: valid, deterministic, {len(times)} dated newest first, {1000 - len(times)} undated last")
PY

# ---- 6. thin and bad input ----
printf 'Just one paragraph of text without a headline or a date, nothing else at all here.\n' >"$tmp/thin.txt"
printf '{"pandoc-api-version":[1,23,1],"meta":{"title":{"t":"MetaInlines","c":[{"t":"Str","c":"A"},{"t":"Space"},{"t":"Emph","c":[{"t":"Str","c":"<b>bold</b>"}]},{"t":"Space"},{"t":"Str","c":"&\\u0001\\u0007title"}]},"date":{"t":"MetaString","c":"2024-05-01T10:00:00Z"}},"blocks":[{"t":"Para","c":[{"t":"Str","c":"Control\\u0001characters\\u001f\\ufffe"},{"t":"Space"},{"t":"Str","c":"here"}]}]}' >"$tmp/markup.json"
python3 - "$tmp/big.txt" <<'PY'
import sys
para = "A long article about nothing in particular, written to be large enough. " * 20
with open(sys.argv[1], "w") as f:
    f.write("NEWS\nA headline for a very large article\n\n")
    while f.tell() < 10_500_000:
        f.write(para + "\n\n")
PY
python3 - "$tmp/deep.json" <<'PY'
import json, sys
b = {"t": "Para", "c": [{"t": "Str", "c": "deep"}]}
for _ in range(150): b = {"t": "BlockQuote", "c": [b]}  # 300 XML levels as NITF bq/block
json.dump({"pandoc-api-version": [1, 23, 1], "meta": {"title": {"t": "MetaInlines", "c": [{"t": "Str", "c": "Deep"}]}},
           "blocks": [b]}, open(sys.argv[1], "w"))
PY
"$GALLEY" -t nitf "$tmp/deep.json" -o "$tmp/deep.xml" 2>"$tmp/w-deep" || bad "deep nesting -> nitf: galley failed"
v=$(validate "$NITF_XSD" "$tmp/deep.xml")  # without --huge: libxml2's default depth limit of 256
[ -z "$v" ] || { bad "deep nesting -> nitf: invalid or too deep for libxml2"; echo "$v" | head -3; }
grep -q 'nested deeper' "$tmp/w-deep" || bad "deep nesting -> nitf: no warning about the flattened structure"
grep -q '>deep<' "$tmp/deep.xml" || bad "deep nesting -> nitf: the text is lost"
for fmt in newsml nitf newsml+nitf; do
  for case in thin markup big; do
    in=$tmp/$case.txt; [ -f "$in" ] || in=$tmp/$case.json
    out=$tmp/bad-$case-${fmt/+/-}.xml
    "$GALLEY" -t "$fmt" "$in" -o "$out" 2>"$tmp/w-$case-$fmt" || bad "$case -> $fmt: galley failed: $(head -c 200 "$tmp/w-$case-$fmt")"
  done
  case $fmt in nitf) xsd=$NITF_XSD ;; *) xsd=$NEWSML_XSD ;; esac
  v=$(validate "$xsd" "$tmp"/bad-*-${fmt/+/-}.xml)
  [ -z "$v" ] || { bad "thin/bad input -> $fmt invalid"; echo "$v" | head -5; }
  grep -q 'no title' "$tmp/w-thin-$fmt" || bad "no title -> $fmt: no warning about the stand-in headline"
  grep -q 'no date' "$tmp/w-thin-$fmt" || bad "no date -> $fmt: no warning about the stand-in time"
  grep -q 'forbids\|not allowed in XML' "$tmp/w-markup-$fmt" || bad "control characters -> $fmt: no warning about their removal"
  grep -q '&lt;b&gt;bold&lt;/b&gt;' "$tmp/bad-markup-${fmt/+/-}.xml" || bad "markup in the title -> $fmt: not escaped text"
done
size=$(wc -c <"$tmp/bad-big-nitf.xml")
[ "$size" -gt 10000000 ] || bad "the 10 MB article came out as $size bytes of NITF"
echo "thin and bad input: valid; warnings: $(cat "$tmp"/w-thin-nitf | grep -o '\[WARNING\][^:]*' | head -3 | tr '\n' ' ')"

[ "$failures" -eq 0 ] && { echo "PASS"; exit 0; }
echo "FAIL ($failures)"
exit 1
