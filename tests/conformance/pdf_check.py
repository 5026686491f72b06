#!/usr/bin/env python3
"""Checks one galley PDF against the article it was made from (Pandoc JSON),
with poppler's tools: pdftotext finds every body and lede word, the headline,
the byline and "i / N" on every page; pdffonts lists only embedded fonts;
pdfinfo shows the title and author, and the catalog carries the language.

usage: pdf_check.py ARTICLE.json FILE.pdf LABEL
Prints one line per PDF; exit 1 with the problems when any.
"""
import json, re, subprocess, sys, unicodedata, zlib
from collections import Counter

doc_path, pdf_path, label = sys.argv[1:4]
doc = json.load(open(doc_path, encoding="utf-8"))
meta = doc.get("meta", {})

BLOCKS = {"Plain", "Para", "LineBlock", "CodeBlock", "RawBlock", "BlockQuote", "OrderedList", "BulletList",
          "DefinitionList", "Header", "HorizontalRule", "Table", "Figure", "Div"}


def inlines(xs):
    out = []
    for x in xs:
        t, c = x.get("t"), x.get("c")
        if t == "Str": out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"): out.append(" ")
        elif t in ("Image", "RawInline", "Math"): pass
        elif t == "Note": out.append(" " + blocks(c) + " ")
        elif t == "Code": out.append(c[1])
        elif isinstance(c, list):
            for part in c:
                if isinstance(part, list) and part and isinstance(part[0], dict) and "t" in part[0]:
                    out.append(blocks(part) if part[0]["t"] in BLOCKS else inlines(part))
    return "".join(out)


def blocks(bs):
    out = []
    def walk(v):
        if isinstance(v, dict) and "t" in v:
            t = v["t"]
            if t in ("Para", "Plain"): out.append(inlines(v["c"]))
            elif t == "Header": out.append(inlines(v["c"][2]))
            elif t == "CodeBlock": out.append(v["c"][1])
            elif t == "RawBlock": pass
            elif t in BLOCKS: walk(v.get("c"))
            else: out.append(inlines([v]))
        elif isinstance(v, list):
            for x in v: walk(x)
    walk(bs)
    return "\n".join(out)


def meta_text(k):
    v = meta.get(k)
    if not v: return ""
    if v["t"] == "MetaInlines": return inlines(v["c"])
    if v["t"] == "MetaString": return v["c"]
    if v["t"] == "MetaBlocks": return blocks(v["c"])
    if v["t"] == "MetaList":
        return ", ".join(inlines(x["c"]) if x["t"] == "MetaInlines" else x.get("c", "") for x in v["c"])
    return ""


def norm(s, join=True):
    s = unicodedata.normalize("NFC", s).replace("\u00ad", "")
    if join:
        s = re.sub(r"[-\u2010\u2011]\s*\n\s*", "", s)  # hyphenation at line ends
    return re.sub(r"\s+", " ", s)


def words(s, join=True):
    return Counter(w.lower() for w in re.findall(r"\w+", norm(s, join).replace("-", " ")))


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


problems = []
raw = run("pdftotext", "-enc", "UTF-8", pdf_path, "-")
pages = raw.split("\f")
if pages and not pages[-1].strip():
    pages = pages[:-1]
N = len(pages)
text = norm(raw)

title = norm(meta_text("title")).strip()
if title and title not in text: problems.append("headline missing")
author = norm(meta_text("author")).strip()
if author and author not in text: problems.append("byline missing: " + author)
for i, p in enumerate(pages, 1):
    if not re.search(r"(?<!\d)%d\s*/\s*%d(?!\d)" % (i, N), p):
        problems.append("page %d lacks '%d / %d'" % (i, i, N))
body = blocks(doc["blocks"]) + "\n" + meta_text("abstract")
expect = words(body)
got = words(raw) | words(raw, False)  # a line-end hyphen is hyphenation or a real hyphen
missing = {w: n - got[w] for w, n in expect.items() if got[w] < n}
for a, b in re.findall(r"(\w+)[-\u2010\u2011]\s*(\w+)", norm(body)):  # "2016-" + "2021" joined by pdftotext
    if got[(a + b).lower()] > 0:
        for w in (a.lower(), b.lower()):
            if missing.get(w):
                missing[w] -= 1
                if not missing[w]: del missing[w]
if missing: problems.append("words missing: " + ", ".join("%s(%d)" % kv for kv in list(missing.items())[:20]))

fonts = run("pdffonts", pdf_path).splitlines()[2:]
if not fonts: problems.append("pdffonts lists no font")
for line in fonts:
    cols = line.split()
    # name type... encoding emb sub uni object ID: emb is the fifth column from the end
    if len(cols) < 6 or cols[-5] != "yes": problems.append("font not embedded: " + line.strip())

info = {}
for line in run("pdfinfo", pdf_path).splitlines():
    k, _, v = line.partition(":")
    info[k.strip()] = v.strip()
if title and norm(info.get("Title", "")).strip() != title: problems.append("pdfinfo Title %r" % info.get("Title"))
if author and norm(info.get("Author", "")).strip() != author: problems.append("pdfinfo Author %r" % info.get("Author"))
if info.get("Encrypted", "no") != "no": problems.append("encrypted")
lang = meta_text("lang")
if lang:
    # /Lang sits in the catalog: in the file as is, or inside a compressed object stream
    data = open(pdf_path, "rb").read()
    found = re.search(rb"/Lang\s*\(([^)]*)\)", data)
    if not found:
        for m in re.finditer(rb"stream\r?\n", data):
            try:
                chunk = zlib.decompressobj().decompress(data[m.end():m.end() + 200000])
            except zlib.error:
                continue
            found = re.search(rb"/Lang\s*\(([^)]*)\)", chunk)
            if found: break
    if not found or found.group(1).decode("latin-1") != lang: problems.append("catalog /Lang is not %r" % lang)

print("%s: %d pages, %d body words, %d fonts embedded, Title/Author/Lang %s" %
      (label, N, sum(expect.values()), len(fonts), "ok" if not problems else "checked"))
for p in problems: print("  FAIL:", p)
sys.exit(1 if problems else 0)
