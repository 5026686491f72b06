#!/usr/bin/env python3
"""Corpus documents -> JSON (A) -> JATS (galley's writer) -> JSON (B) with the JATS reader.

jats_round_trip.py WORKDIR LIBRARY_CONVERT LIST [--min-ratio R]
LIST has lines "READER<TAB>PATH". B must equal A once what JATS cannot carry is
normalised away in both (docs/JATS.md, "Round trip: known limits of JATS"):
  - header levels: JATS nests sec elements; levels come back as the nesting depth;
  - attributes: only ids survive (and a Div's first class, a CodeBlock's language);
    Spans are unwrapped (named-content keeps an id, not the span);
  - Plain and Para are both <p>; Quoted is written as quotation marks;
  - links: internal links without a target element in JATS become their text;
  - metadata: the keys JATS holds (docs/METADATA.md's JATS column), compared as text;
    `credit` without `publisher` comes back as `publisher`; `article-type` is added.
Exits 1 when a conversion fails or fewer than R (default 0.95) of the documents are equal;
prints each difference (first differing path) for the documents that are not."""
import json
import os
import subprocess
import sys

work, conv, listing = sys.argv[1:4]
min_ratio = float(sys.argv[sys.argv.index("--min-ratio") + 1]) if "--min-ratio" in sys.argv else 0.95
docs = [l.rstrip("\n").split("\t") for l in open(listing, encoding="utf-8") if l.strip()]
os.makedirs(work, exist_ok=True)


def run(lines):
    """Converts the lines with two library_convert processes side by side (two cores)."""
    halves = [lines[0::2], lines[1::2]]
    procs = [subprocess.Popen([conv], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for h in halves if h]
    errs = [p.communicate("\n".join(h) + "\n")[1] for p, h in zip(procs, [h for h in halves if h])]
    return "".join(errs)


a_lines, x_lines, b_lines = [], [], []
for k, (reader, path) in enumerate(docs):
    a, x, b = (os.path.join(work, f"{k}.{e}") for e in ("a.json", "xml", "b.json"))
    a_lines.append(f"{reader}\tjson\t{path}\t{a}")
    x_lines.append(f"json\tjats\t{a}\t{x}")
    b_lines.append(f"jats\tjson\t{x}\t{b}")
run(a_lines)
have = [k for k in range(len(docs)) if os.path.exists(os.path.join(work, f"{k}.a.json"))]
err = run([x_lines[k] for k in have])
err += run([b_lines[k] for k in have if os.path.exists(os.path.join(work, f"{k}.xml"))])


def text_of(xs, out):
    """Inline content as canonical tokens: text runs and marked-up groups."""
    for x in xs:
        t, c = x["t"], x.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif t == "Quoted":
            q = ("\u201c", "\u201d") if c[0]["t"] == "DoubleQuote" else ("\u2018", "\u2019")
            out.append(q[0]); text_of(c[1], out); out.append(q[1])
        elif t in ("Span", "Cite"):
            text_of(c[1] if t == "Span" else c[1], out)
        elif t in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            inner = []
            text_of(c, inner)
            out.append((t, tuple(canon_text(inner))))
        elif t == "Link" and c[2][0].startswith("#"):
            # Internal links: JATS keeps them only when the target element is written,
            # under an id the writer may rewrite; compared by their text.
            text_of(c[1], out)
        elif t == "Link":
            inner = []
            text_of(c[1], inner)
            out.append(("Link", c[2][0], tuple(canon_text(inner))))
        elif t == "Image":
            out.append(("Image", c[2][0]))
        elif t == "Code":
            out.append(("Code", c[1]))
        elif t == "Math":
            # A MathML-only formula's linear text is made again from the MathML: spacing differs.
            out.append(("Math", c[0]["t"], "".join(c[1].split())))
        elif t == "Note":
            out.append(("Note", tuple(canon_blocks(c, [0], False))))
        elif t == "RawInline":
            if c[0] == "jats":
                out.append(("Raw", c[1]))


QUOTES = str.maketrans("", "", "\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u300c\u300d\u300e\u300f\"")


def canon_text(tokens):
    """Adjacent text merged, white space collapsed, none at the ends, quotation marks out."""
    out, buf = [], []
    def flush():
        s = " ".join("".join(buf).translate(QUOTES).split())
        if s:
            out.append(s)
        buf.clear()
    for t in tokens:
        if isinstance(t, str):
            buf.append(t)
        else:
            flush()
            out.append(t)
    flush()
    return out


def inl(xs):
    tokens = []
    text_of(xs, tokens)
    return tuple(canon_text(tokens))


def canon_blocks(bs, depth, sections=True):
    """Blocks as comparable tuples. Header levels become the nesting depth; where JATS
    cannot open a sec (lists, quotes, cells, notes, captions) a header is a bold paragraph.
    Ids are left out: the writer makes them valid, unique XML ids (rewritten-id)."""
    out = []
    stack = []  # header levels seen, for the nesting depth
    for b in bs:
        t, c = b["t"], b.get("c")
        if t in ("Para", "Plain"):
            x = inl(c)
            if x:
                out.append(("P", x))
        elif t == "Header" and not sections:
            out.append(("P", (("Strong", inl(c[2])),)))
        elif t == "Header":
            level = c[0]
            while stack and stack[-1] >= level:
                stack.pop()
            stack.append(level)
            out.append(("H", len(stack), inl(c[2])))
        elif t == "BulletList":
            out.append(("UL", tuple(tuple(canon_blocks(i, depth, False)) for i in c)))
        elif t == "OrderedList":
            out.append(("OL", c[0][0], tuple(tuple(canon_blocks(i, depth, False)) for i in c[1])))
        elif t == "DefinitionList":
            out.append(("DL", tuple((inl(term), tuple(tuple(canon_blocks(d, depth, False)) for d in defs)) for term, defs in c)))
        elif t == "BlockQuote":
            out.append(("Q", tuple(canon_blocks(c, depth, False))))
        elif t == "CodeBlock":
            out.append(("Code", tuple(c[0][1][:1]), c[1].rstrip("\n")))
        elif t == "LineBlock":
            out.append(("Lines", tuple(inl(l) for l in c)))
        elif t == "Div":
            out.append(("Div", tuple(c[0][1][:1]), tuple(canon_blocks(c[1], depth, sections))))
        elif t == "Figure":
            out.append(("Fig", tuple(canon_blocks(c[1][1], depth, False)), tuple(canon_blocks(c[2], depth, False))))
        elif t == "Table":
            rows = []
            head, bodies, foot = c[3], c[4], c[5]
            def row_cells(r):
                return tuple((cell[2], cell[3], tuple(canon_blocks(cell[4], depth, False))) for cell in r[1])
            for r in head[1]:
                rows.append(("head", row_cells(r)))
            for body in bodies:
                for r in body[2] + body[3]:
                    rows.append(("body", row_cells(r)))
            for r in foot[1]:
                rows.append(("foot", row_cells(r)))
            out.append(("Table", tuple(canon_blocks(c[1][1], depth, False)), tuple(rows)))
        elif t == "HorizontalRule":
            out.append(("HR",))
        elif t == "RawBlock":
            if c[0] == "jats":
                out.append(("Raw", c[1]))
    return out


JATS_KEYS = ["title", "subtitle", "subject", "author", "date", "date-modified", "abstract", "credit", "dateline",
             "publisher", "site-name", "keywords", "identifier", "source-url", "rights", "license", "image", "lang"]


def stringify(v):
    if isinstance(v, dict):
        t, c = v.get("t"), v.get("c")
        if t in ("Str", "MetaString"):
            return c
        if t in ("Space", "SoftBreak", "LineBreak"):
            return " "
        if t == "MetaBool":
            return ""
        if t == "MetaList":
            return " ; ".join(stringify(x) for x in c)
        if t in ("Para", "Plain", "Header"):
            return " " + stringify(c[-1] if t == "Header" else c) + " "
        if t == "MetaMap":
            return " ".join(stringify(c[k]) for k in sorted(c) if k in ("name", "email", "affiliation", "orcid"))
        if t == "Math":
            return c[1]
        if t == "Quoted":
            return stringify(c[1])
        if t == "Note":
            return ""
        return stringify(c)
    if isinstance(v, list):
        return "".join(stringify(x) for x in v)
    return ""


def canon_meta(m, original):
    out = {}
    for k in JATS_KEYS:
        if k in m:
            s = " ".join(stringify(m[k]).translate(QUOTES).replace("https://orcid.org/", "").split())
            if s:
                out[k] = s
    if original and "credit" in out and "publisher" not in out:
        out["publisher"] = out.pop("credit")
    if "orcid" in out.get("author", ""):
        pass
    return out


def canon_doc(path, original):
    d = json.load(open(path, encoding="utf-8"))
    return canon_meta(d.get("meta", {}), original), canon_blocks(d.get("blocks", []), [0])


def first_diff(a, b, path="blocks"):
    if type(a) != type(b):
        return f"{path}: {str(a)[:150]} | {str(b)[:150]}"
    if isinstance(a, (list, tuple)):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_diff(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            extra = a[len(b):] if len(a) > len(b) else b[len(a):]
            return f"{path}: length {len(a)} vs {len(b)}; first extra {str(extra[0])[:200]}"
        return None
    return f"{path}: {str(a)[:200]} | {str(b)[:200]}" if a != b else None


equal, failed, differing = 0, [], []
for k in have:
    reader, path = docs[k]
    a, b = os.path.join(work, f"{k}.a.json"), os.path.join(work, f"{k}.b.json")
    if not os.path.exists(b):
        failed.append(path)
        continue
    ma, ba = canon_doc(a, True)
    mb, bb = canon_doc(b, False)
    if ma == mb and ba == bb:
        equal += 1
        continue
    why = []
    for key in sorted(set(ma) | set(mb)):
        if ma.get(key) != mb.get(key):
            why.append(f"meta {key}: {ma.get(key, '')[:80]!r} | {mb.get(key, '')[:80]!r}")
    if ba != bb:
        why.append(first_diff(ba, bb))
    differing.append((path, why))

total = len(have)
for path, why in differing:
    print(f"DIFF {path}")
    for w in why[:3]:
        print(f"    {w}")
for path in failed:
    print(f"FAIL {path}: no round trip")
if err.strip():
    print("conversion errors:\n" + err[-2000:])
print(f"round trip: {equal}/{total} documents equal ({100.0 * equal / max(total, 1):.1f}%), "
      f"{len(differing)} differ, {len(failed)} failed")
sys.exit(0 if not failed and equal >= min_ratio * total else 1)
