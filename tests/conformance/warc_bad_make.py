#!/usr/bin/env python3
"""Writes the bad-archive catalogue of warc_bad.sh into DIR: each file a WARC
with one thing wrong (and a good page where the reader can still use one)."""
import base64
import gzip
import hashlib
import os
import sys
import zlib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
PAGE = (b"<!DOCTYPE html><html><head><title>Good page</title></head><body><article><h1>Good page</h1>"
        b"<p>The harbour of the old town will be rebuilt over the next three years, the council said.</p>"
        b"<figure><img src='/img/a.png' alt='A photo'><figcaption>A caption.</figcaption></figure>"
        b"<p>Engineers will first repair the north wall, damaged in the storms of last winter.</p></article></body></html>")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082")


def digest(b):
    return "sha1:" + base64.b32encode(hashlib.sha1(b).digest()).decode()


def record(kind, uri, block, fields=(), length=None, payload=None):
    head = [b"WARC/1.1", b"WARC-Type: " + kind.encode(), b"WARC-Target-URI: " + uri.encode(),
            b"WARC-Date: 2024-05-01T10:00:00Z",
            b"WARC-Record-ID: <urn:uuid:%s>" % hashlib.md5((kind + uri).encode()).hexdigest().encode()]
    if payload is not None:
        head.append(b"WARC-Payload-Digest: " + payload.encode())
    head += [f.encode() for f in fields]
    head.append(b"Content-Length: %d" % (len(block) if length is None else length))
    return b"\r\n".join(head) + b"\r\n\r\n" + block + b"\r\n\r\n"


def response(uri, body, ctype, status=b"200 OK", extra=b"", payload=True):
    block = b"HTTP/1.1 " + status + b"\r\nContent-Type: " + ctype + b"\r\nContent-Length: %d\r\n" % len(body) + extra + b"\r\n" + body
    return record("response", uri, block, ["Content-Type: application/http; msgtype=response"],
                  payload=digest(body) if payload else None)


page = response("http://example.org/page.html", PAGE, b"text/html; charset=utf-8")
image = response("http://example.org/img/a.png", PNG, b"image/png")
info = record("warcinfo", "", b"software: warc_bad_make.py\r\n")


def gz(b):
    return gzip.compress(b, mtime=0)


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


# 1. truncated gzip member: the image's member cut in half
img_member = gz(image)
write("truncated.warc.gz", gz(info) + gz(page) + img_member[: len(img_member) // 2])
# 2. wrong Content-Length: the image record says 40 bytes less than it holds
bad_len = record("response", "http://example.org/img/b.png", b"HTTP/1.1 200 OK\r\n\r\n" + PNG, length=40)
write("wrong-length.warc", info + bad_len + page + image)
# 3. gzip bomb: one member of 512 MiB of zeros (about 500 KiB compressed) declaring 1 GB
c = zlib.compressobj(9, zlib.DEFLATED, 31)
bomb = [c.compress(b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://example.org/z\r\nContent-Length: 1000000000\r\n\r\n")]
zeros = b"\0" * (1 << 20)
for _ in range(512):
    bomb.append(c.compress(zeros))
bomb.append(c.flush())
write("bomb.warc.gz", gz(info) + gz(page) + b"".join(bomb))
# 4. a record of 10 GB declared (the file ends long before)
write("huge.warc", info + page + record("resource", "http://example.org/huge", b"x" * 1000, length=10 * 1024 ** 3))
# 5. no WARC at all
write("not-a-warc.warc", b"<html><body>This is a web page saved with the wrong name.</body></html>\n")
write("empty.warc", b"")
# 6. broken HTTP headers: no status line; a field without a colon
broken1 = record("response", "http://example.org/img/a.png", b"HTTP/1.1 OK\r\nno colon here\r\n\r\n" + PNG)
broken2 = record("response", "http://example.org/other.html", b"HTTP/1.1 200 OK\r\nContent-Type text/html\r\n\r\n" + PAGE)
write("broken-http.warc", info + broken1 + broken2 + page)
# 7. a payload digest that does not match
wrong = response("http://example.org/img/a.png", PNG, b"image/png", payload=False).replace(
    b"Content-Length:", b"WARC-Payload-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\nContent-Length:", 1)
write("digest.warc", info + page + wrong)
# 8. a corrupt gzip member (bytes flipped in the middle of the page's member)
pm = bytearray(gz(page))
for i in range(20, 40):
    pm[i] ^= 0x5A
write("corrupt.warc.gz", gz(info) + bytes(pm) + gz(image))
# 9. a chunked body whose chunk sizes lie, and an unknown content coding
lying = response("http://example.org/img/a.png", b"ffff\r\n" + PNG + b"\r\n0\r\n\r\n", b"image/png",
                 extra=b"Transfer-Encoding: chunked\r\n")
write("bad-chunked.warc", info + page + lying)
