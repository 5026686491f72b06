#!/bin/bash
# WARC reading speed and memory (issue 23: >= 200 MB/s without conversion, memory
# independent of the file's size). Makes archives of HTML pages (the readability
# corpus' pages, each a response record with a correct payload digest) of about
# 100 MB and 1 GB, plain and gzip per record, and runs galley-warc-scan on each:
# the same indexing pass the warc reader makes. Not part of ctest (1 GB of disk).
#   bash bench/warc_bench.sh [BUILD] [SHARED]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shared=${2:-$here/../shared}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 - "$shared" "$T" <<'PY'
import base64, glob, gzip, hashlib, os, sys
shared, out = sys.argv[1], sys.argv[2]
pages = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(shared, "corpus/readability/*/source.html")))]
def record(i, body):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    d = base64.b32encode(hashlib.sha1(body).digest())
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/page/%d.html\r\n"
            b"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n"
            b"WARC-Payload-Digest: sha1:%s\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n") % (i, i, d, len(http))
    return head + http + b"\r\n\r\n"
for name, size in (("small", 100 * 10**6), ("big", 10**9)):
    n = 0
    with open(os.path.join(out, name + ".warc"), "wb") as plain, open(os.path.join(out, name + ".warc.gz"), "wb") as z:
        while plain.tell() < size:
            r = record(n, pages[n % len(pages)])
            plain.write(r)
            if name == "small" or n % 10 == 0:  # the gzip file of the 1 GB set: a tenth, to keep the set-up short
                z.write(gzip.compress(r, 1, mtime=0))
            n += 1
PY
for f in small.warc big.warc small.warc.gz big.warc.gz; do
  "$build/galley-warc-scan" "$T/$f" 3
done
