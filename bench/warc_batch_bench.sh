#!/bin/bash
# Batch conversion of a large WARC (issue 23: memory bounded for multi-GB archives):
# PAGES HTML pages (readability corpus text, two PNG pictures each, one of them in a
# srcset) among FILLER_MB of other records (10 MB application/octet-stream
# responses, as a crawl's downloads and videos are), plain WARC. Runs
#   galley big.warc --to epub,html_print --output-dir out -j 2
# under /usr/bin/time and prints wall time, peak resident memory and pages/s.
#   bash bench/warc_batch_bench.sh [GALLEY] [SHARED] [PAGES] [FILLER_MB] [EXTRA OPTIONS...]
# e.g. an older binary that reads the archive whole: add --max-input-size=2000000000.
# Not part of ctest (1 GB of disk).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
galley=${1:-$here/build/galley}
shared=${2:-$here/../shared}
pages=${3:-40}
filler=${4:-1000}
shift 4 2>/dev/null || shift $#
T=${WARC_BENCH_DIR:-$(mktemp -d)}
[ -n "${WARC_BENCH_DIR:-}" ] || trap 'rm -rf "$T"' EXIT
if [ ! -s "$T/big.warc" ]; then
python3 - "$shared" "$T/big.warc" "$pages" "$filler" <<'PY'
import base64, glob, hashlib, html, os, re, struct, sys, zlib
shared, out, pages, filler = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def png(w, h, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
texts = []
for p in sorted(glob.glob(os.path.join(shared, "corpus/readability/*/expected.html"))):
    paras = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", t)).split())
             for t in re.findall(r"<p[^>]*>(.*?)</p>", open(p, encoding="utf-8").read(), re.S)]
    paras = [t for t in paras if len(t) > 80][:8]
    if len(paras) >= 3: texts.append(paras)
n = 0
def record(f, uri, ctype, body):
    global n
    n += 1
    http = b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (ctype, len(body)) + body
    d = base64.b32encode(hashlib.sha1(body).digest())
    f.write((b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
             b"WARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\nWARC-Payload-Digest: sha1:%s\r\n"
             b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n") % (uri, n, d, len(http)))
    f.write(http + b"\r\n\r\n")
blob = os.urandom(10 << 20)
per_page = max(1, filler // 10 // pages)
with open(out, "wb") as f:
    for i in range(pages):
        paras = texts[i % len(texts)]
        body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story %d</title></head><body><article><h1>Story %d</h1>" % (i, i)
                + "".join("<p>%s</p>" % html.escape(t) for t in paras[:2])
                + "<figure><img src=\"/img/%d-a.png\" alt=\"First picture\"><figcaption>The first picture.</figcaption></figure>" % i
                + "".join("<p>%s</p>" % html.escape(t) for t in paras[2:5])
                + "<figure><img src=\"/img/%d-small.png\" srcset=\"/img/%d-small.png 400w, /img/%d-large.png 1600w, /img/%d-huge.png 3200w\" alt=\"Second picture\"><figcaption>The second picture.</figcaption></figure>" % (i, i, i, i)
                + "".join("<p>%s</p>" % html.escape(t) for t in paras[5:])
                + "</article></body></html>").encode()
        record(f, b"http://example.org/news/story-%d.html" % i, b"text/html; charset=utf-8", body)
        record(f, b"http://example.org/img/%d-a.png" % i, b"image/png", png(64, 48, (i % 250, 80, 160)))
        record(f, b"http://example.org/img/%d-small.png" % i, b"image/png", png(40, 30, (20, 160, i % 250)))
        record(f, b"http://example.org/img/%d-large.png" % i, b"image/png", png(160, 120, (20, 160, i % 250)))
        for k in range(per_page):  # the huge candidate is not archived; downloads between the pages
            record(f, b"http://example.org/files/%d-%d.bin" % (i, k), b"application/octet-stream", blob)
PY
fi
size=$(stat -c %s "$T/big.warc")
rm -rf "$T/out"
/usr/bin/time -f "%e %M" -o "$T/time" "$galley" "$T/big.warc" --to epub,html_print --output-dir "$T/out" -j 2 --quiet "$@" \
  >"$T/log" 2>&1 || true
read -r wall rss < <(tail -1 "$T/time")
made=$(find "$T/out" -name '*.epub' 2>/dev/null | wc -l)
echo "$(basename "$galley"): $((size / 1000000)) MB WARC, $pages pages: $made EPUBs in ${wall} s ($(echo "$made / $wall" | bc -l | cut -c1-5) pages/s), peak RSS $((rss / 1024)) MB"
grep -m3 -i "error\|galley\." "$T/log" || true
