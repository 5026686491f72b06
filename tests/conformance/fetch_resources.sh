#!/bin/bash
# --fetch-resources: remote images fetched over http only when asked, never
# from private addresses unless --allow-private-network. Two loopback servers:
# "private" on 127.0.0.1 (logs every request it gets) and "public" on
# 127.0.0.2, which GALLEY_TEST_PUBLIC_ADDRESS lets count as public so that a
# public server redirecting to loopback can be played without the network.
# Checked: the default makes no request; with both flags the images are
# embedded (EPUB and print HTML); without --allow-private-network 127.0.0.1,
# ::1, 10.x, 169.254.169.254, localhost and a redirect to 127.0.0.1 are all
# refused and the private server sees no request; a page that is not an image
# and a redirect loop are refused with a warning; the article's fetch budget
# (--max-fetch-count, --max-fetch-size) and the fetched images' provenance.
set -u
source "$SRC/tests/conformance/lib.sh"
need python3 unzip
T=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

python3 "$SRC/tests/conformance/warc_site.py" "$SHARED" "$T/site" || exit 1
printf '<!DOCTYPE html><html><body>not an image</body></html>' >"$T/site/img/fake.png"
start() {  # start HOST LOG -> prints the port
  python3 "$SRC/tests/conformance/warc_server.py" "$T/site" "$1" "$2" >"$T/port.$1" 2>"$T/err.$1" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$T/port.$1" ] && break; sleep 0.1; done
}
start 127.0.0.1 "$T/private.log"
start 127.0.0.2 "$T/public.log"
P1=$(head -1 "$T/port.127.0.0.1")
P2=$(head -1 "$T/port.127.0.0.2")
[ -n "$P1" ] && [ -n "$P2" ] || { echo "FAIL: servers did not start"; cat "$T"/err.*; exit 1; }
PRIV="http://127.0.0.1:$P1"
PUB="http://127.0.0.2:$P2"

page() {  # page FILE URL... : an article whose images are the URLs
  {
    echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fetch test</title></head><body><article><h1>Fetch test</h1>'
    echo '<p>The harbour of the old town will be rebuilt over the next three years, the council said on Monday.</p>'
    local i=0
    for u in "${@:2}"; do
      i=$((i + 1))
      echo "<figure><img src=\"$u\" alt=\"Image $i\"><figcaption>Caption $i.</figcaption></figure><p>Paragraph $i of the article, long enough to be kept by extraction.</p>"
    done
    echo '</article></body></html>'
  } >"$1"
}
cd "$T"
page ok.html "$PRIV/img/photo-1.png" "$PRIV/img/photo-2.png" "$PRIV/redirect?to=/img/photo-3.png"

# 1. Default: no network at all.
"$GALLEY" ok.html -o none.epub 2>none.err || bad "default conversion"
[ -s private.log ] && bad "without --fetch-resources the server got requests: $(cat private.log)"
grep -q "resource-refused\|not fetched" none.err || bad "no warning that remote images are not fetched"

# 2. Both flags: embedded in EPUB and print HTML, each URL fetched once (cache shared by the formats).
"$GALLEY" ok.html --fetch-resources --allow-private-network --to epub,html_print --output-dir out 2>ok.err || { bad "fetch with --allow-private-network"; cat ok.err; }
k=$(unzip -l out/ok.epub | grep -c 'EPUB/media/image-.*\.png')
[ "$k" = 3 ] || { bad "EPUB holds $k fetched images, want 3"; cat ok.err; }
k=$(grep -o 'src="data:image/png;base64' out/ok.html | wc -l)
[ "$k" = 3 ] || bad "print HTML embeds $k fetched images, want 3"
n=$(grep -c '^/img/photo-1.png$' private.log)
[ "$n" = 1 ] || bad "photo-1 fetched $n times for two formats, want 1 (cache)"

# 2b. The article's fetch budget: one image, then a fetch-budget warning; provenance in the metadata.
"$GALLEY" ok.html --fetch-resources --allow-private-network --max-fetch-count=1 -o budget.epub 2>budget.err ||
  { bad "fetch with --max-fetch-count=1"; cat budget.err; }
"$GALLEY" ok.html --fetch-resources --allow-private-network --max-fetch-count=1 -t json -o budget.json 2>/dev/null ||
  bad "fetch to JSON with --max-fetch-count=1"
k=$(unzip -l budget.epub | grep -c 'EPUB/media/image-.*\.png')
[ "$k" = 1 ] || bad "with --max-fetch-count=1 the EPUB holds $k fetched images, want 1"
grep -q "fetch budget of 1 remote images is used up: 2 more" budget.err || bad "no fetch-budget warning: $(cat budget.err)"
grep -q '"sha256"' budget.json || bad "no fetch provenance (sha256) in the JSON metadata"
unzip -p budget.epub EPUB/package.opf | grep -q 'dcterms:provenance">Image http://127.0.0.1' || bad "no dcterms:provenance in the EPUB package"
grep -q "not carried.*fetch" budget.err && bad "EPUB reports the fetch provenance as metadata not carried"
"$GALLEY" ok.html --fetch-resources --allow-private-network --max-fetch-size=10 -o small.epub 2>small.err || bad "fetch with --max-fetch-size=10"
grep -q "would pass the article's fetch budget of 10 bytes" small.err || bad "no fetch-budget warning for bytes: $(cat small.err)"

# 3. Without --allow-private-network every private address is refused, before connecting.
: >private.log
page refuse.html "$PRIV/img/photo-1.png" "http://[::1]:$P1/img/photo-1.png" "http://10.1.2.3/img/a.png" \
  "http://169.254.169.254/latest/meta-data/" "http://localhost:$P1/img/photo-1.png" \
  "$PUB/redirect?to=$PRIV/img/photo-1.png" "$PUB/img/photo-4.png"
GALLEY_TEST_PUBLIC_ADDRESS=127.0.0.2 "$GALLEY" refuse.html --fetch-resources -o refuse.epub 2>refuse.err || bad "refusal run failed"
for want in "127.0.0.1 is a loopback address" "::1 is a loopback address" "10.1.2.3 is a private address" \
            "169.254.169.254 is a link-local address"; do
  grep -qF "$want" refuse.err || bad "no refusal: $want"
done
grep -q "localhost:$P1/img/photo-1.png: not connecting: .* is a loopback" refuse.err || bad "localhost not refused"
grep -q "redirect?to=.*not connecting: 127.0.0.1 is a loopback" refuse.err || bad "redirect to loopback not refused"
[ -s private.log ] && bad "the private server was reached: $(tr '\n' ' ' <private.log)"
grep -q '^/redirect' public.log || bad "the public server was not asked"
k=$(unzip -l refuse.epub | grep -c 'EPUB/media/image-.*\.png')
[ "$k" = 1 ] || bad "refuse.epub holds $k images, want 1 (the public one)"
for i in 1 2 3 4 5 6; do unzip -p refuse.epub 'EPUB/*.xhtml' | grep -q "Image $i" || bad "alt text of refused image $i lost"; done

# 4. Not an image; a redirect loop.
page odd.html "$PUB/img/fake.png" "$PUB/loop"
GALLEY_TEST_PUBLIC_ADDRESS=127.0.0.2 "$GALLEY" odd.html --fetch-resources -o odd.epub 2>odd.err || bad "odd run failed"
grep -q "fake.png: not an image" odd.err || bad "an HTML page was accepted as an image"
grep -q "loop: more than 5 redirects" odd.err || bad "redirect loop not stopped"

[ "$fail" = 0 ] && echo "OK: fetching only when asked; 127.0.0.1, ::1, 10.x, 169.254.169.254, localhost and a redirect to loopback refused"
exit "$fail"
