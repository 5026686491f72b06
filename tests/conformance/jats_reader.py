#!/usr/bin/env python3
"""Scores a JATS reader's output against the JATS source, independently of galley.

words SOURCE.xml OUTPUT.txt
    The words (NFC, case-folded, runs of letters and digits) of the article's title, subtitle,
    abstracts, body and back matter, and of each sub-article's title, abstract, body
    and back, extracted here with xml.etree; printed: kept total ratio, where kept
    counts each source word at most as often as the output (plain text) has it.
    Formulas (MathML, tex-math) are not words and are left out, and so are object ids,
    the abstracts' own titles ("Abstract") and all but the first rendering inside
    <alternatives>/<citation-alternatives>.

meta SOURCE.xml OUTPUT.json
    The metadata found in Pandoc JSON: title, every author, affiliations, DOI, a date,
    license, abstract; prints one line "ok" or the failures, tab separated.
"""
import collections
import html.entities
import json
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

WORD = re.compile(r"[^\W_]+")  # letters and digits: "_" and "^" are how plain text marks scripts
XLINK = "{http://www.w3.org/1999/xlink}href"
SKIP = {"math", "tex-math", "object-id"}
# Phrase markup inside a word ("<italic>E</italic>.coli", "3x<italic>TPS10</italic>"): no
# word boundary at its edges. Every other element's edges separate words, sub and sup too
# (plain text writes them apart: H_(2)O).
PHRASE = {"italic", "bold", "sc", "monospace", "underline", "strike", "roman", "sans-serif",
          "overline", "xref", "ext-link", "uri", "named-content", "styled-content", "abbrev", "email",
          "target", "private-char", "inline-formula"}


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse(path):
    data = open(path, "rb").read().decode("utf-8", "replace")
    # ElementTree has no DTD: named character entities become characters first.
    def ent(m):
        name = m.group(1)
        if name in ("amp", "lt", "gt", "quot", "apos"):
            return m.group(0)
        ch = html.entities.html5.get(name + ";")
        return ch if ch else " "
    data = re.sub(r"&([A-Za-z][A-Za-z0-9]*);", ent, data)
    data = re.sub(r"<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", "", data, count=1, flags=re.S)
    data = re.sub(r"^<\?xml[^>]*\?>", "", data.lstrip("\ufeff"))
    return ET.fromstring(data)


def text_of(el, out, phrase=PHRASE):
    """Character data of el in document order (not its tail), minus formulas and the
    renderings after the first inside alternatives."""
    if local(el.tag) in SKIP:
        return
    if el.text:
        out.append(el.text)
    alternatives = local(el.tag) in ("alternatives", "citation-alternatives")
    for i, c in enumerate(el):
        if not (alternatives and i > 0):
            # A footnote mark (xref to a fn) is renumbered by writers: its edges separate words.
            fn_mark = local(c.tag) == "xref" and c.get("ref-type") in ("fn", "table-fn") and phrase is PHRASE
            edge = "" if local(c.tag) in phrase and not fn_mark else " "
            out.append(edge)
            text_of(c, out, phrase)
            out.append(edge)
        if c.tail:
            out.append(c.tail)


def words(s):
    return WORD.findall(unicodedata.normalize("NFC", s).casefold())


# Metadata values are compared with the JSON, which has no script markers: sub and sup
# join words there.
META_PHRASE = PHRASE | {"sub", "sup"}


def region_text(els, phrase=PHRASE):
    out = []
    for el in els:
        text_of(el, out, phrase)
        out.append(" ")
    return "".join(out)


def abstract_parts(ab):
    return [c for c in ab if local(c.tag) != "title"]


def source_regions(root):
    parts = []
    def article_like(node, meta_path):
        meta = node.find(meta_path)
        if meta is not None:
            tg = meta.find("title-group")
            if tg is not None:
                parts.extend(e for e in tg if local(e.tag) in ("article-title", "subtitle"))
            for ab in meta:
                if local(ab.tag) in ("abstract", "trans-abstract"):
                    parts.extend(abstract_parts(ab))
        for c in node:
            if local(c.tag) in ("body", "back"):
                parts.append(c)
            elif local(c.tag) in ("sub-article", "response"):
                stub = "front-stub" if c.find("front-stub") is not None else "front/article-meta"
                article_like(c, stub)
    article_like(root, "front/article-meta")
    return parts


def cmd_words(src, out):
    root = parse(src)
    want = collections.Counter(words(region_text(source_regions(root))))
    have = collections.Counter(words(open(out, encoding="utf-8", errors="replace").read()))
    total = sum(want.values())
    kept = sum(min(n, have[w]) for w, n in want.items())
    missing = sorted(((n - have[w], w) for w, n in want.items() if have[w] < n), reverse=True)[:8]
    print("%d\t%d\t%.4f\t%s" % (kept, total, kept / total if total else 1.0,
                                " ".join("%s(-%d)" % (w, k) for k, w in missing)))


BLOCKS = {"Para", "Plain", "Header", "BulletList", "OrderedList", "Div", "BlockQuote", "Table", "Figure",
          "DefinitionList", "LineBlock", "CodeBlock"}


def stringify(v):
    """Text of a Pandoc JSON value (meta or inline list)."""
    if isinstance(v, dict):
        t, c = v.get("t"), v.get("c")
        if t == "Str":
            return c
        if t in ("Space", "SoftBreak", "LineBreak"):
            return " "
        if t in ("MetaString",):
            return c
        if t == "MetaBool":
            return ""
        if t == "MetaMap":
            return " ".join(stringify(x) for x in c.values())
        if t in ("Math", "Code", "RawInline"):
            return c[1] if isinstance(c, list) else ""
        if t == "Note":
            return ""
        if t in BLOCKS:
            return " " + stringify(c) + " "
        return stringify(c)
    if isinstance(v, list):
        return "".join(stringify(x) for x in v)
    return ""


def norm(s):
    return " ".join(words(s))


def cmd_meta(src, out):
    root = parse(src)
    doc = json.load(open(out, encoding="utf-8"))
    meta = doc.get("meta", {})
    fails = []
    am = root.find("front/article-meta")
    if am is None:
        print("no article-meta")
        return
    title = am.find("title-group/article-title")
    if title is not None and norm(region_text([title], META_PHRASE)) != norm(stringify(meta.get("title"))):
        fails.append("title")
    authors = [c for g in am.findall("contrib-group") for c in g.findall("contrib")
               if c.get("contrib-type", "author") == "author"]
    got = meta.get("author", {"c": []})
    got_list = got["c"] if got.get("t") == "MetaList" else [got]
    def author_name(v):
        if v.get("t") == "MetaMap":
            return stringify(v["c"].get("name"))
        return stringify(v)
    got_names = [norm(author_name(v)) for v in got_list]
    real = [a for a in authors if a.find("name") is not None or a.find("string-name") is not None
            or a.find("collab") is not None or a.find("name-alternatives") is not None]
    if len(got_names) != len(real):
        fails.append("authors %d/%d" % (len(got_names), len(real)))
    for a in real:
        n = a.find("name")
        if n is None and a.find("name-alternatives") is not None:
            n = a.find("name-alternatives/name")
        if n is not None:
            want = norm(" ".join(filter(None, [(n.findtext("given-names") or ""), (n.findtext("surname") or "")])))
            if not any(set(want.split()) <= set(g.split()) for g in got_names):
                fails.append("author " + want)
    # Every affiliation an author points at (or that sits in the author) is in some author's.
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    affs_got = " ".join(norm(stringify(v["c"].get("affiliation"))) for v in got_list if v.get("t") == "MetaMap")
    want_affs = []
    for a in real:
        want_affs += a.findall("aff")
        for x in a.findall("xref"):
            if x.get("ref-type") == "aff":
                for rid in x.get("rid", "").split():
                    if rid in ids:
                        want_affs.append(ids[rid])
    for aff in want_affs:
        for e in list(aff.iter()):
            for c in list(e):
                if local(c.tag) in ("label", "institution-id"):
                    c.text, c[:] = "", []
        t = words(region_text([aff]))
        if t and not set(t) <= set(affs_got.split()):
            fails.append("affiliation " + " ".join(t)[:40])
            break
    doi = next((i.text.strip() for i in am.findall("article-id") if i.get("pub-id-type") == "doi" and i.text), "")
    if doi and stringify(meta.get("identifier")) != doi:
        fails.append("doi")
    years = {d.findtext("year", "").strip() for d in am.findall("pub-date")} | \
            {d.get("iso-8601-date", "")[:4] for d in am.findall("pub-date")}
    if years - {""} and stringify(meta.get("date"))[:4] not in years:
        fails.append("date")
    lic = am.find("permissions/license")
    if lic is not None:
        url = lic.get(XLINK) or next((c.text for c in lic if local(c.tag) == "license_ref"), None)
        if url and stringify(meta.get("license")).strip() != url.strip():
            fails.append("license")
    abstracts = [a for a in am.findall("abstract")]
    if abstracts:
        main = next((a for a in abstracts if not a.get("abstract-type")), abstracts[0])
        want = collections.Counter(words(region_text(abstract_parts(main), META_PHRASE)))
        have = collections.Counter(words(stringify(meta.get("abstract"))))
        if sum(min(n, have[w]) for w, n in want.items()) < 0.99 * sum(want.values()):
            fails.append("abstract")
    print("ok" if not fails else "\t".join(fails))


def cmd_batch(listing, _=None):
    """Lines "SOURCE<TAB>PLAIN<TAB>JSON": per line, words' output, U+001F, meta's output
    (one Python start for every article: the starts cost more than the measuring)."""
    import contextlib, io
    for line in open(listing, encoding="utf-8"):
        if not line.strip():
            continue
        src, txt, out = line.rstrip("\n").split("\t")
        w, m = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(w):
            cmd_words(src, txt)
        with contextlib.redirect_stdout(m):
            cmd_meta(src, out)
        print(w.getvalue().rstrip("\n") + "\x1f" + m.getvalue().rstrip("\n"), flush=True)


if __name__ == "__main__":
    {"words": cmd_words, "meta": cmd_meta, "batch": cmd_batch}[sys.argv[1]](*sys.argv[2:4])
