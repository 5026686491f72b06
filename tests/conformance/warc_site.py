#!/usr/bin/env python3
"""Builds the little web site the warc tests archive: corpus article text
(readability test pages' paragraphs) around images generated here (PNG,
written with zlib: no imaging library needed), in the ways pages carry them:
<figure> with caption, a bare <img> without alt text, srcset, <picture>, a
lazy-load data-src, and an image the archive will not hold."""
import html
import os
import re
import struct
import sys
import zlib

shared, out = sys.argv[1], sys.argv[2]


def png(w, h, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def paragraphs(name, n):
    src = open(os.path.join(shared, "corpus/readability", name, "expected.html"), encoding="utf-8").read()
    paras = []
    for p in re.findall(r"<p[^>]*>(.*?)</p>", src, re.S):
        text = html.unescape(re.sub(r"<[^>]+>", "", p)).strip()
        if len(text) > 80:
            paras.append(" ".join(text.split()))
    return paras[:n]


os.makedirs(os.path.join(out, "img"), exist_ok=True)
colours = [(200, 40, 40), (10, 120, 200), (20, 160, 60), (90, 90, 90), (220, 180, 20), (120, 40, 160)]
for i, c in enumerate(colours, 1):
    with open(os.path.join(out, "img", "photo-%d.png" % i), "wb") as f:
        f.write(png(40 * i, 20 * i, c))

pages = [("story-one.html", "lwn-1", "Harbour works begin"), ("story-two.html", "telegraph", "A second story"),
         ("story-three.html", "ehow-1", "A third story")]
for k, (file, corpus, title) in enumerate(pages):
    ps = paragraphs(corpus, 6)
    esc = [html.escape(p) for p in ps]
    body = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/news/">News</a></nav>
<article><h1>{title}</h1><p class="byline">By Ann Writer</p>
<p>{esc[0]}</p>
<figure><img src="img/photo-1.png" alt="Photo one of story {k + 1}"><figcaption>Caption of photo one.</figcaption></figure>
<p>{esc[1]}</p>
<p><img src="img/photo-2.png"></p>
<p>{esc[2]}</p>
<figure><img src="img/photo-3.png" srcset="img/photo-3.png 120w, img/photo-4.png 160w" alt="Photo three"><figcaption>A srcset image.</figcaption></figure>
<p>{esc[3] if len(esc) > 3 else esc[0]}</p>
<figure><img src="img/missing-{k}.png" alt="A photo the archive lacks"><figcaption>Not in the archive.</figcaption></figure>
<p>{esc[4] if len(esc) > 4 else esc[1]}</p>
</article><footer>Example News</footer></body></html>"""
    with open(os.path.join(out, file), "w", encoding="utf-8") as f:
        f.write(body)
