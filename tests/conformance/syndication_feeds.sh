#!/usr/bin/env bash
# Atom, RSS and ninjs (issue 21): valid output that keeps the article, read back.
#  1. A corpus sample -> json, atom, rss, ninjs (3.1) in one batch run, and
#     ninjs+v2, ninjs+v1 in two more (from that run's JSON): every Atom file valid against RFC 4287's
#     atom.rnc (one jing), every RSS file with RSS 2.0's required elements and
#     every ninjs file valid against its version's JSON Schema (one python);
#     headline, bylines, date and every body word in each. Sample (fixed strides,
#     so a failure can be reproduced): every plain example, every 2nd news-text
#     article, every 4th readability page and every 8th trafilatura-eval page
#     (-f html+extract), every pandoc/json document, IPTC's ninjs text items.
#     FULL=1 takes every file.
#  2. Round trip article -> ninjs -> galley -> json: title, authors, date,
#     language, subject and every body word, per document.
#  3. IPTC's ninjs example text items (1.6, 2.2, 3.1 and the provider samples)
#     read without losing headline, byline, dates or body words.
#  4. A feed of 1,000 articles (atom, rss, ninjs array): valid, entries newest
#     first, equal dates in input order, undated last, byte-identical twice.
#  5. Thin and bad input (no title, no date, markup in the title, control
#     characters, a 10 MB article): valid output and a warning for each stand-in.
set -u
source "$(dirname "$0")/lib.sh"
need python3 jing
python3 -c 'import jsonschema, referencing' 2>/dev/null || {
  if [ "${CI:-}" = "true" ]; then echo "FAIL: python3-jsonschema is missing (CI=true)"; exit 1; fi
  echo "SKIP: python3-jsonschema is not installed"; exit 0
}
export SHARED
CHECK=$SRC/tests/conformance/syndication_feeds.py
RNC=$SHARED/schemas/atom/atom.rnc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }
stride() { if [ "${FULL:-}" = "1" ]; then cat; else awk -v n="$1" '(NR - 1) % n == 0'; fi; }
FEED=(-V feed-url=https://example.org/feed -V feed-link=https://example.org/ -V feed-title=Test)

# atom_invalid FILE...: one jing for all files; prints the failing files' errors.
atom_invalid() {
  [ $# -gt 0 ] || return 0
  jing -c "$RNC" "$@" 2>&1 | grep -v '^\[warning\]' || true
}

# ---- 1. the corpus sample ----
# IPTC's ninjs text items, copied as .ninjs (the reader's extension): inputs of
# the sample too, so they are written as atom, rss and ninjs as well.
python3 - "$tmp" "$SHARED/examples/syndication/ninjs" <<'PY' || bad "copying IPTC's examples failed"
import json, os, shutil, sys
tmp, ex = sys.argv[1], sys.argv[2]
# IPTC's text items: type "text" (or a body without a type), every generation.
os.makedirs(os.path.join(tmp, "ex-in"))
exs = []
for root, dirs, files in os.walk(ex):
    dirs.sort()
    if "not-valid" in root or "should_fail" in root: continue
    for f in sorted(files):
        if not f.endswith(".json"): continue
        p = os.path.join(root, f)
        try: j = json.load(open(p, encoding="utf-8"))
        except ValueError: continue
        if not isinstance(j, dict): continue
        has_body = any(k.startswith("body") for k in j)
        if j.get("type", "text") == "text" and (has_body or "headline" in j or "headlines" in j):
            dst = os.path.join(tmp, "ex-in", f"{len(exs):03d}.ninjs")
            shutil.copyfile(p, dst)
            exs.append((p, dst))
open(os.path.join(tmp, "ex.tsv"), "w").write("\n".join("\t".join(e) for e in exs) + "\n")
open(os.path.join(tmp, "ex.lst"), "w").write("\n".join(e[1] for e in exs) + "\n")
PY
list=$tmp/inputs.lst
{
  ls "$SHARED"/examples/plain/*.txt
  find "$SHARED/corpus/news-text" -type f -name '*.txt' ! -iname 'README*' | LC_ALL=C sort | stride 2
  ls "$SHARED"/corpus/readability/*/source.html | LC_ALL=C sort | stride 4
  # trafilatura-eval's pages are gzipped: every 8th unpacked.
  mkdir -p "$tmp/traf"
  ls "$SHARED"/corpus/trafilatura-eval/pages/*.html.gz | LC_ALL=C sort | stride 8 | while read -r f; do
    out="$tmp/traf/$(basename "$f" .gz)"; gzip -dc "$f" >"$out"; echo "$out"; done
  ls "$SHARED"/corpus/pandoc/json/*.json
  cat "$tmp/ex.lst"
} >"$list"
echo "inputs: $(wc -l <"$list")"
"$GALLEY" -f html+extract -t json,atom,rss,ninjs --output-dir "$tmp/out" -j 2 --manifest "$list" "${FEED[@]}" \
  --report "$tmp/r3.json" --quiet || bad "the batch run failed (exit $?)"
# ninjs 2.2 and 1.6 from the Pandoc JSON of the first run: the writers get the same
# documents, without reading and extracting every page twice more.
python3 - "$tmp/r3.json" >"$tmp/json.lst" <<'PY'
import json, sys
for a in json.load(open(sys.argv[1]))["articles"]:
    for o in a["outputs"]:
        if o["format"] == "json" and o["status"] == "written": print(o["path"])
PY
"$GALLEY" -t ninjs+v2 --output-dir "$tmp/out2" -j 2 --manifest "$tmp/json.lst" --report "$tmp/r2.json" --quiet ||
  bad "the ninjs+v2 batch run failed"
"$GALLEY" -t ninjs+v1 --output-dir "$tmp/out1" -j 2 --manifest "$tmp/json.lst" --report "$tmp/r1.json" --quiet ||
  bad "the ninjs+v1 batch run failed"
# Rows: input and its outputs; the ninjs files copied as .ninjs (their reader's
# extension) for the round trip, and IPTC's examples likewise.
python3 - "$tmp" <<'PY' || bad "collecting the outputs failed"
import json, os, shutil, sys
tmp = sys.argv[1]
def outs(name):
    rep = json.load(open(os.path.join(tmp, name)))
    return {a["input"]: {o["format"]: o["path"] for o in a["outputs"] if o["status"] == "written"} for a in rep["articles"]}
r3, r2, r1 = outs("r3.json"), outs("r2.json"), outs("r1.json")
rows, rt = [], []
os.makedirs(os.path.join(tmp, "rt-in"))
for i, (src, o) in enumerate(sorted(r3.items())):
    n2, n1 = r2.get(o.get("json"), {}).get("ninjs"), r1.get(o.get("json"), {}).get("ninjs")
    if not ({"json", "atom", "rss", "ninjs"} <= set(o) and n2 and n1):
        print("FAIL: not converted: " + src); continue
    rows.append("\t".join([src, o["json"], o["atom"], o["rss"], o["ninjs"], n2, n1]))
    dst = os.path.join(tmp, "rt-in", f"{i:04d}.ninjs")
    shutil.copyfile(o["ninjs"], dst)
    rt.append((src, o["json"], dst))
open(os.path.join(tmp, "rows.tsv"), "w").write("\n".join(rows) + "\n")
open(os.path.join(tmp, "rt.tsv"), "w").write("\n".join("\t".join(r) for r in rt) + "\n")
open(os.path.join(tmp, "rt.lst"), "w").write("\n".join(r[2] for r in rt) + "\n")
PY
n=$(grep -c . "$tmp/rows.tsv")
mapfile -t atoms < <(cut -f3 "$tmp/rows.tsv")
bad_atom=$(atom_invalid "${atoms[@]}")
na=$(printf '%s' "$bad_atom" | grep -c . || true)
echo "atom: $n files, jing errors: $na"
[ "$na" -eq 0 ] || { bad "$na jing errors in the atom files"; printf '%s\n' "$bad_atom" | head -20; }
python3 "$CHECK" corpus "$tmp/rows.tsv" || bad "corpus checks"

echo "(${SECONDS}s)"
# ---- 2. round trip through ninjs ----
"$GALLEY" -t json --output-dir "$tmp/rt" -j 2 --manifest "$tmp/rt.lst" --report "$tmp/rt.json" --quiet ||
  bad "reading the ninjs outputs back failed"
python3 - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
rep = json.load(open(os.path.join(tmp, "rt.json")))
back = {a["input"]: o["path"] for a in rep["articles"] for o in a["outputs"] if o["status"] == "written"}
rows = []
for line in open(os.path.join(tmp, "rt.tsv")):
    src, js, nin = line.rstrip("\n").split("\t")
    if nin in back: rows.append("\t".join([src, js, back[nin]]))
    else: print("FAIL: not read back: " + src)
open(os.path.join(tmp, "rt-pairs.tsv"), "w").write("\n".join(rows) + "\n")
PY
python3 "$CHECK" roundtrip "$tmp/rt-pairs.tsv" || bad "round trip"

echo "(${SECONDS}s)"
# ---- 3. IPTC's example text items ----
# (read to JSON in the first batch run)
python3 - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
rep = json.load(open(os.path.join(tmp, "r3.json")))
back = {a["input"]: o["path"] for a in rep["articles"] for o in a["outputs"] if o["status"] == "written" and o["format"] == "json"}
rows = []
for line in open(os.path.join(tmp, "ex.tsv")):
    src, copy = line.rstrip("\n").split("\t")
    if copy in back: rows.append(src + "\t" + back[copy])
    else: print("FAIL: example not read: " + src)
open(os.path.join(tmp, "ex-pairs.tsv"), "w").write("\n".join(rows) + "\n")
PY
python3 "$CHECK" examples "$tmp/ex-pairs.tsv" || bad "IPTC examples"

echo "(${SECONDS}s)"
# ---- 4. a feed of 1,000 articles ----
python3 - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
d = os.path.join(tmp, "feed-in")
os.makedirs(d)
def s(t): return [x for w in t.split() for x in ({"t": "Str", "c": w}, {"t": "Space"})][:-1]
items, paths = [], []
for i in range(1000):
    meta = {"title": {"t": "MetaInlines", "c": s(f"Article {i} of the feed")},
            "identifier": {"t": "MetaString", "c": f"https://example.org/news/{i}"},
            "author": {"t": "MetaInlines", "c": s(f"Writer {i % 37}")}, "lang": {"t": "MetaString", "c": "en"}}
    # Dates: a permutation of hours, every 10th article sharing its neighbour's
    # hour (equal dates keep input order), every 50th undated (last), some with a zone.
    h = (i * 389) % 1000
    if i % 10 == 9: h = ((i - 1) * 389) % 1000
    key = None
    if i % 50 != 49:
        day, hour = divmod(h, 24)
        iso = f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}T{hour:02d}:00:00Z"
        if i % 7 == 3:  # the same instant written with a zone: 02:00+02:00 is 00:00Z
            import datetime
            t = datetime.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ") + datetime.timedelta(hours=2)
            iso = t.strftime("%Y-%m-%dT%H:%M:%S+02:00")
        meta["date"] = {"t": "MetaString", "c": iso}
        key = (1 + day // 28, 1 + day % 28, hour)
    body = [{"t": "Para", "c": s(f"Paragraph {k} of article {i}: the feed keeps every word of it.")} for k in range(5)]
    p = os.path.join(d, f"a{i:04d}.json")
    json.dump({"pandoc-api-version": [1, 23, 1], "meta": meta, "blocks": body}, open(p, "w"))
    items.append((key, i))
    paths.append(p)
dated = sorted([x for x in items if x[0]], key=lambda x: x[0], reverse=True)
# sorted() is stable and reverse=True keeps equal keys in input order.
order = [f"https://example.org/news/{i}" for _, i in dated] + [f"https://example.org/news/{i}" for k, i in items if not k]
open(os.path.join(tmp, "feed.lst"), "w").write("\n".join(paths) + "\n")
open(os.path.join(tmp, "feed-order.txt"), "w").write("\n".join(order) + "\n")
PY
for fmt in atom rss ninjs; do
  start=$(date +%s%N)
  "$GALLEY" -t $fmt --manifest "$tmp/feed.lst" "${FEED[@]}" -o "$tmp/feed.$fmt" --quiet || bad "the 1,000-article $fmt feed failed"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  "$GALLEY" -t $fmt --manifest "$tmp/feed.lst" "${FEED[@]}" -o "$tmp/feed2.$fmt" --quiet
  cmp -s "$tmp/feed.$fmt" "$tmp/feed2.$fmt" || bad "the $fmt feed differs between two runs"
  echo "feed $fmt: 1,000 articles in $ms ms, $(wc -c <"$tmp/feed.$fmt") bytes, identical twice"
done
bad_feed=$(atom_invalid "$tmp/feed.atom")
[ -z "$bad_feed" ] || { bad "the 1,000-entry atom feed is invalid"; printf '%s\n' "$bad_feed" | head; }
python3 "$CHECK" feed 1000 "$tmp/feed.atom" "$tmp/feed.rss" "$tmp/feed.ninjs" "$tmp/feed-order.txt" || bad "feed checks"

echo "(${SECONDS}s)"
# ---- 5. thin and bad input ----
python3 - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
d = os.path.join(tmp, "thin")
os.makedirs(d)
def s(t): return [x for w in t.split() for x in ({"t": "Str", "c": w}, {"t": "Space"})][:-1]
def doc(meta, blocks): return {"pandoc-api-version": [1, 23, 1], "meta": meta, "blocks": blocks}
para = [{"t": "Para", "c": s("Body text of a thin article.")}]
cases = {
    "no-title": doc({"date": {"t": "MetaString", "c": "2024-05-01"}}, para),
    "no-date": doc({"title": {"t": "MetaInlines", "c": s("Dateless")}}, para),
    "markup-title": doc({"title": {"t": "MetaInlines", "c": s("<b>Bold</b> & <script>x</script> ]]> \"q\"")},
                         "date": {"t": "MetaString", "c": "2024-05-01T10:00:00+07:00"}}, para),
    "control-chars": doc({"title": {"t": "MetaInlines", "c": s("Bell\u0007 and\u000b tab")},
                          "date": {"t": "MetaString", "c": "2024-05-01"}},
                         [{"t": "Para", "c": s("Form\u000c feed \u0001 and \ufffe end")}]),
    "empty": doc({}, []),
}
for name, dd in cases.items():
    json.dump(dd, open(os.path.join(d, name + ".json"), "w"))
# A 10 MB article (2,097,000 words), written as text: json.dump of two million
# small objects takes seconds.
para = '{"t":"Para","c":[' + ",".join(['{"t":"Str","c":"word"}'] * 200).replace('},{"t":"Str"', '},{"t":"Space"},{"t":"Str"') + "]}"
with open(os.path.join(d, "huge.json"), "w") as f:
    f.write('{"pandoc-api-version":[1,23,1],"meta":{"title":{"t":"MetaInlines","c":[{"t":"Str","c":"Ten"},{"t":"Space"},'
            '{"t":"Str","c":"megabytes"}]},"date":{"t":"MetaString","c":"2024-05-01"}},"blocks":[')
    f.write(",".join([para] * (10 * 1024 * 1024 // 1000)))
    f.write("]}")
PY
expect_warning() {  # CASE FORMAT PATTERN
  grep -q -- "$3" "$tmp/thin/$1.$2.err" || bad "$1 -> $2: no warning matching '$3' ($(head -c 200 "$tmp/thin/$1.$2.err"))"
}
for c in no-title no-date markup-title control-chars empty huge; do
  for fmt in atom rss ninjs ninjs+v1; do
    out=$tmp/thin/$c.$fmt
    "$GALLEY" -t $fmt "$tmp/thin/$c.json" "${FEED[@]}" -o "$out" 2>"$out.err" || bad "$c -> $fmt failed: $(head -c 200 "$out.err")"
  done
done
bad_thin=$(atom_invalid "$tmp"/thin/*.atom)
[ -z "$bad_thin" ] || { bad "thin atom outputs invalid"; printf '%s\n' "$bad_thin" | head; }
python3 "$CHECK" rss "$tmp"/thin/*.rss || bad "thin rss outputs"
python3 - "$tmp/thin" <<'PY' || bad "thin ninjs outputs invalid"
import glob, json, os, sys
sys.path.insert(0, os.path.join(os.environ["SRC"], "tests/conformance"))
import syndication_feeds as sf
vals = sf.validators()
bad = 0
for p in sorted(glob.glob(os.path.join(sys.argv[1], "*.ninjs"))) + sorted(glob.glob(os.path.join(sys.argv[1], "*.ninjs+v1"))):
    ver = "1.6" if p.endswith("+v1") else "3.1"
    if not sf.ninjs_validate(p, json.load(open(p, encoding="utf-8")), vals[ver]): bad += 1
for m in sf.problems: print("FAIL: " + m)
sys.exit(1 if sf.problems else 0)
PY
for fmt in atom rss ninjs ninjs+v1; do
  expect_warning no-title $fmt "has no title"
  expect_warning no-date $fmt "has no date"
  expect_warning empty $fmt "has no title"
  expect_warning control-chars $fmt "characters\? XML forbids\|invalid\|removed"
done
grep -q '&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;' "$tmp/thin/markup-title.atom" || bad "markup in the title is not escaped text in atom"
grep -q '"<b>Bold</b> & <script>x</script> ]]> \\"q\\""' "$tmp/thin/markup-title.ninjs" || bad "markup in the title is not kept as text in ninjs"
grep -q '2024-05-01T03:00:00Z' "$tmp/thin/markup-title.atom" || bad "+07:00 is not converted to UTC"
python3 - "$tmp/thin" <<'PY' || bad "the 10 MB article lost words"
import sys
for ext in ("atom", "rss", "ninjs", "ninjs+v1"):
    n = open(f"{sys.argv[1]}/huge.{ext}", encoding="utf-8").read().count("word")
    if n < 2097000: print(f"FAIL: huge.{ext} has {n} of 2,097,000 words"); sys.exit(1)
PY
echo "thin inputs: 6 cases x 4 formats"

echo "(${SECONDS}s)"
[ "$failures" -eq 0 ] && echo "PASS" || echo "FAIL ($failures)"
[ "$failures" -eq 0 ]
