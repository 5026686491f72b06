#!/bin/bash
# Web archives made by a real client: GNU Wget archives a loopback site
# (corpus article text around generated images: figure, no alt, srcset, one
# image the archive lacks) with --warc-file --page-requisites; a second crawl,
# deduplicated against the first (--warc-dedup), adds chunked and gzip-encoded
# responses, a 301 redirect and revisit records. From the archives galley makes
# EPUBs (EPUBCheck clean, images inside), print HTML (WeasyPrint renders it with
# its images; a PNG of page 1 is kept in $BUILD/test-artifacts/warc_wget/) and a
# BagIt bag whose article.json records each image's WARC-Record-ID.
set -u
source "$SRC/tests/conformance/lib.sh"
need wget python3 java weasyprint pdftoppm pdfimages unzip zip
JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
[ -f "$JAR" ] || need epubcheck-jar-missing
T=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=1574689080
fail=0
bad() { echo "FAIL: $*"; fail=1; }

python3 "$SRC/tests/conformance/warc_site.py" "$SHARED" "$T/site" || { echo "FAIL: site"; exit 1; }
python3 "$SRC/tests/conformance/warc_server.py" "$T/site" >"$T/port" 2>"$T/server.err" &
server=$!
for _ in $(seq 100); do [ -s "$T/port" ] && break; sleep 0.1; done
PORT=$(head -1 "$T/port")
[ -n "$PORT" ] || { echo "FAIL: server did not start"; cat "$T/server.err"; exit 1; }
B="http://127.0.0.1:$PORT"

cd "$T"
wget -q --tries=1 --timeout=30 -e robots=off --page-requisites -P dl1 --warc-file=news --warc-cdx \
  "$B/story-one.html" "$B/story-two.html" "$B/story-three.html"
[ -s news.warc.gz ] && [ -s news.cdx ] || { echo "FAIL: wget made no WARC"; exit 1; }
wget -q --tries=1 --timeout=30 -e robots=off --page-requisites --compression=auto -P dl2 --warc-file=second \
  --warc-dedup=news.cdx "$B/chunked/story-one.html" "$B/gzip/story-two.html" "$B/old/story-three.html"
[ -s second.warc.gz ] || { echo "FAIL: second wget made no WARC"; exit 1; }
cat news.warc.gz second.warc.gz >both.warc.gz  # gzip members one after another: still one WARC
zcat news.warc.gz >news.warc                     # the same records, not compressed
zcat second.warc.gz | grep -aq '^WARC-Type: revisit' || bad "the second crawl has no revisit records"
zcat second.warc.gz | grep -aq '^Transfer-Encoding: chunked' || bad "no chunked response in the archive"
zcat second.warc.gz | grep -aq '^Content-Encoding: gzip' || bad "no gzip-encoded response in the archive"
zcat second.warc.gz | grep -aq '^HTTP/1.1 301' || bad "no redirect in the archive"

# Batch: every HTML response is an article (news.warc: 3 pages; both: + the chunked and gzip ones).
for w in news.warc both.warc.gz; do
  "$GALLEY" "$w" --to epub,html_print,json --output-dir "out-$w" -j 2 --report "rep-$w.json" 2>"err-$w" || { bad "batch $w"; cat "err-$w"; }
done
n_news=$(find out-news.warc -name '*.epub' | wc -l)
n_both=$(find out-both.warc.gz -name '*.epub' | wc -l)
[ "$n_news" = 3 ] || bad "news.warc: $n_news EPUBs, want 3"
[ "$n_both" = 5 ] || bad "both.warc.gz: $n_both EPUBs, want 5 (3 + chunked + gzip)"
grep -h 'warc-digest\|payload digest mismatch' err-* && bad "payload digests of wget's records do not match"

# Single articles by --url: through the redirect; the latest capture of
# story-three is the second crawl's revisit records (page and images), which
# resolve to the first crawl's responses by WARC-Refers-To.
"$GALLEY" both.warc.gz --url "$B/old/story-three.html" -o redirect.epub 2>err-redirect || bad "--url through the redirect"
"$GALLEY" both.warc.gz --url "$B/story-three.html" -o revisit.epub 2>err-revisit || bad "--url of a revisit record"
"$GALLEY" both.warc.gz --url "$B/story-three.html" -t json -o revisit.json 2>/dev/null
python3 - <<'PY' || bad "revisit article: page and images not resolved through revisit records"
import gzip, json
first = {}
refers = {}
cur = {}
for part, name in ((first, "news.warc.gz"), (refers, "second.warc.gz")):
    for line in gzip.open(name).read().split(b"\r\n"):
        if line.startswith(b"WARC/1."): cur = {}
        if b": " in line:
            k, v = line.decode("latin-1").split(": ", 1)
            cur[k] = v
            if k == "WARC-Payload-Digest" and cur.get("WARC-Type") in ("response", "revisit"):
                part.setdefault(cur["WARC-Target-URI"].strip("<>"), (cur["WARC-Type"], cur["WARC-Record-ID"]))
d = json.load(open("revisit.json"))["meta"]["warc"]["c"]
recs = [d["page"]["c"]] + [i["c"] for i in d["images"]["c"]]
assert len(recs) >= 4, recs
for r in recs:
    uri = r["warc-target-uri"]["c"]
    assert refers[uri][0] == "revisit", (uri, refers.get(uri))
    assert r["warc-record-id"]["c"] == first[uri][1], (uri, r)
PY

# WACZ: the same WARC inside a zip (archive/ and pages/pages.jsonl, as browsers make them).
mkdir -p wacz/archive wacz/pages && cp both.warc.gz wacz/archive/data.warc.gz
printf '{"format":"json-pages-1.0"}\n{"url":"%s/story-two.html"}\n' "$B" >wacz/pages/pages.jsonl
(cd wacz && zip -q -0 -r ../both.wacz archive pages)
"$GALLEY" both.wacz --url "$B/gzip/story-two.html" -o wacz.epub 2>err-wacz || { bad "WACZ"; cat err-wacz; }

# Every EPUB holds its article's images: photo-1 (figure), photo-2 (no alt), the srcset one.
mapfile -t books < <(find out-news.warc out-both.warc.gz -name '*.epub' | sort)
books+=(redirect.epub revisit.epub wacz.epub)
for b in "${books[@]}"; do
  k=$(unzip -l "$b" | grep -c 'EPUB/media/image-.*\.png')
  [ "$k" -ge 3 ] || bad "$b holds $k images, want 3"
  unzip -p "$b" 'EPUB/*.xhtml' | grep -q 'A photo the archive lacks' || bad "$b: the missing image's alt text is gone"
  unzip -p "$b" 'EPUB/*.xhtml' | grep -q '>http://127.0.0.1:[0-9]*/[a-z/]*img/' && bad "$b: a bare image URL line"
done
# EPUBCheck: the second archive's books and the single ones (news.warc's three are the same pages).
mapfile -t checked < <(printf '%s\n' "${books[@]}" | grep -v '^out-news')
java_quick -cp "$JAR" "$SRC/tests/conformance/epub_batch_check.java" "${checked[@]}" >check.out 2>&1
grep -q "^SUMMARY files=${#checked[@]} failing=0$" check.out || { bad "EPUBCheck"; grep -v '^INFO' check.out | head -20; }

# Print HTML: images embedded; WeasyPrint renders them (pdfimages counts them).
html=$(find out-both.warc.gz -name 'story-one.html' | head -1)
[ -n "$html" ] || bad "no print HTML for story-one"
k=$(grep -o 'src="data:image/png;base64' "$html" | wc -l)
[ "$k" -ge 3 ] || bad "print HTML embeds $k images, want 3"
weasyprint "$html" story.pdf 2>weasy.err || bad "weasyprint: $(tail -2 weasy.err)"
k=$(pdfimages -list story.pdf 2>/dev/null | tail -n +3 | wc -l)
[ "$k" -ge 3 ] || bad "the PDF shows $k images, want 3"
art="$BUILD/test-artifacts/warc_wget"
mkdir -p "$art" && pdftoppm -png -r 60 -f 1 -l 1 story.pdf "$art/story-one" && cp story.pdf "$art/"

# BagIt: the bag validates and article.json records the page's and the images' WARC records.
"$GALLEY" package both.warc.gz --url "$B/story-one.html" -o bag 2>err-bag || bad "package"
"$GALLEY" package --validate bag >/dev/null || bad "the bag does not validate"
python3 - "$B" <<'PY' || bad "bag: WARC provenance missing or wrong"
import gzip, json, re, sys
base = sys.argv[1]
ids = {}
cur = {}
for line in gzip.open("both.warc.gz").read().split(b"\r\n"):
    if line.startswith(b"WARC/1."): cur = {}
    if b": " in line:
        k, v = line.decode("latin-1").split(": ", 1)
        cur[k] = v
        if "WARC-Record-ID" in cur and "WARC-Target-URI" in cur and "WARC-Type" in cur and cur["WARC-Type"] == "response":
            ids.setdefault(cur["WARC-Target-URI"].strip("<>"), cur["WARC-Record-ID"])
w = json.load(open("bag/data/article.json"))["meta"]["warc"]["c"]
page = w["page"]["c"]
assert page["warc-record-id"]["c"] == ids[base + "/story-one.html"], page
for i in w["images"]["c"]:
    i = i["c"]
    assert i["warc-record-id"]["c"] == ids[i["warc-target-uri"]["c"]], i
    assert i["digest-check"]["c"] == "ok", i
    assert i["warc-payload-digest"]["c"].startswith("sha1:"), i
assert len(w["images"]["c"]) >= 3
assert any("missing" in m["c"] for m in w["images-missing"]["c"])
PY

[ "$fail" = 0 ] && echo "OK: wget WARCs -> ${#books[@]} EPUBs with their images (${#checked[@]} EPUBCheck clean), print HTML rendered with images, bag provenance"
exit "$fail"
