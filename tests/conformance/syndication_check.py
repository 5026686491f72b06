#!/usr/bin/env python3
"""Checks for syndication_xml.sh (NewsML-G2 and NITF).

corpus ROWS RT_NEWSML_REPORT RT_NITF_REPORT
    ROWS: input, json, newsml, nitf per line (the first batch run). For each
    document: the newsml and nitf files name its headline, bylines and date and
    hold every body word; read back to JSON (the reports of the second runs) they
    keep title, authors, date, language, subject and every body word.
examples EX_TSV
    EX_TSV: IPTC source XML, galley's JSON of it. What the XML says (headline,
    byline, dates, body words: read here with ElementTree, not by galley) is in
    the JSON.
Words are compared without punctuation (NITF's <q> has no quotation marks, a
writer's curly quotes are not the reader's straight ones)."""
import json, re, sys, datetime
import xml.etree.ElementTree as ET

NAR = "{http://iptc.org/std/nar/2006-10-01/}"


# ---- Pandoc JSON ----
# A picture or a formula inside running text ("we<img>rde", "Reith<img>Ab") leaves the
# text as one word or two, depending on the format (NITF moves pictures after the block). The words
# required are those the text has either way: the body read with IMAGE_GAP " " and "".
IMAGE_GAP = " "


def body_words(blocks):
    global IMAGE_GAP
    IMAGE_GAP = " "
    apart = words(blk(blocks))
    IMAGE_GAP = ""
    joined = words(blk(blocks))
    IMAGE_GAP = " "
    return apart & joined

def inl(xs):
    out = []
    for x in xs or []:
        t, c = x.get("t"), x.get("c")
        if t == "Str": out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"): out.append(" ")
        elif t in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"): out.append(inl(c))
        elif t == "Quoted": out.append(inl(c[1]))
        elif t == "Cite": out.append(inl(c[1]))
        elif t == "Code": out.append(" " + c[1] + " ")
        # a formula is written in line with the text around it ("$p$-Tree" as "p-Tree")
        elif t == "Math": out.append(IMAGE_GAP + c[1] + IMAGE_GAP)
        elif t == "Link": out.append(inl(c[1]))
        elif t == "Image": out.append(IMAGE_GAP + inl(c[1]) + IMAGE_GAP)  # alt text: an attribute in XHTML
        elif t == "Span": out.append(inl(c[1]))
        elif t == "Note": out.append(" " + blk(c) + " ")
        # RawInline: a writer may drop it (with a warning): not required
    return "".join(out)


def blk(bs):
    out = []
    for b in bs or []:
        t, c = b.get("t"), b.get("c")
        if t in ("Plain", "Para"): out.append(inl(c))
        elif t == "LineBlock": out.append(" ".join(inl(l) for l in c))
        elif t == "CodeBlock": out.append(c[1])
        elif t == "BlockQuote": out.append(blk(c))
        elif t == "OrderedList": out.extend(blk(i) for i in c[1])
        elif t == "BulletList": out.extend(blk(i) for i in c)
        elif t == "DefinitionList":
            for term, defs in c:
                out.append(inl(term)); out.extend(blk(d) for d in defs)
        elif t == "Header": out.append(inl(c[2]))
        elif t == "Table":
            attr, caption, specs, head, bodies, foot = c
            out.append(blk(caption[1]))
            rows = list(head[1]) + [r for b in bodies for r in b[2] + b[3]] + list(foot[1])
            for r in rows:
                for cell in r[1]: out.append(blk(cell[4]))
        elif t == "Figure": out.append(blk(c[1][1])); out.append(blk(c[2]))
        elif t == "Div": out.append(blk(c[1]))
    return "\n".join(out)


def blk_nogap(blocks):
    global IMAGE_GAP
    IMAGE_GAP = ""
    try:
        return blk(blocks)
    finally:
        IMAGE_GAP = " "


def meta_text(v):
    if v is None: return ""
    t, c = v.get("t"), v.get("c")
    if t == "MetaString": return c
    if t == "MetaInlines": return inl(c)
    if t == "MetaBlocks": return blk(c)
    if t == "MetaList": return " ".join(meta_text(x) for x in c)
    if t == "MetaMap": return " ".join(meta_text(x) for x in c.values())
    if t == "MetaBool": return str(c).lower()
    return ""


def authors(meta):
    v = meta.get("author")
    if v is None: return []
    items = v["c"] if v.get("t") == "MetaList" else [v]
    names = []
    for a in items:
        n = meta_text(a["c"].get("name")) if a.get("t") == "MetaMap" else meta_text(a)
        n = norm(n)
        if n: names.append(n)
    return names


def norm(s): return " ".join(s.split())


def words(s):
    out = set()
    for w in s.split():
        w = "".join(ch for ch in w if ch.isalnum())
        if w: out.add(w)
    return out


def when(s):
    """An ISO 8601 date (extended or basic) as an aware datetime; no zone = UTC."""
    s = (s or "").strip()
    m = re.match(r"^(\d{4})-?(\d{2})?-?(\d{2})?(?:[T ](\d{2}):?(\d{2})?:?(\d{2})?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", s)
    if not m: return None
    y, mo, d, h, mi, se, z = m.groups()
    tz = datetime.timezone.utc
    if z and z != "Z":
        z = z.replace(":", ""); sign = 1 if z[0] == "+" else -1
        tz = datetime.timezone(sign * datetime.timedelta(hours=int(z[1:3]), minutes=int(z[3:5])))
    return datetime.datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0), int(se or 0), tzinfo=tz)


BLOCKS = {"p", "td", "th", "li", "hl1", "hl2", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div", "section",
          "tr", "table", "caption", "media", "media-caption", "media-reference", "pre", "block", "bq", "blockquote",
          "figure", "figcaption", "fn", "body.content", "body", "aside", "ol", "ul", "dl", "header", "footer", "br",
          "hedline", "byline", "abstract", "dateline", "tagline", "headline", "title", "name", "description"}


def texts(e, calls):
    """The text nodes below e as a reader sees them (a space where a block ends),
    without the footnote calls' numbers (the writer's, not the article's): NITF's
    <a href="#id"> of an <fn id>, XHTML's doc-noteref."""
    block = local(e.tag) in BLOCKS
    if block: yield " "
    if e not in calls:
        if e.text: yield e.text
        for c in e:
            yield from texts(c, calls)
    if block: yield " "
    if e.tail: yield e.tail


def xml_words(path):
    """The words of an XML file's text and of its alt/title attributes. Text nodes
    joined with and without a space: "word<a>(1)</a>" is one word in the AST and
    "<p>a</p><p>b</p>" two, and the file says neither which it is."""
    root = ET.parse(path).getroot()
    fn_ids = {e.get("id") for e in root.iter() if local(e.tag) == "fn"}
    calls = {e for e in root.iter() if local(e.tag) == "a" and
             (e.get("role") == "doc-noteref" or (e.get("href") or "")[1:] in fn_ids and (e.get("href") or "").startswith("#"))}
    parts = list(texts(root, calls))
    attrs = [e.get(a) for e in root.iter() for a in ("alt", "alternate-text", "title") if e.get(a)]
    return root, words(" ".join(parts) + " " + " ".join(attrs)) | words("".join(parts))


def wkey(s):
    """Text compared by its words without punctuation: a title's Quoted inlines come
    back as curly quotes in a Str."""
    return [w for w in ("".join(ch for ch in t if ch.isalnum()) for t in s.split()) if w]


def report_map(path):
    rep = json.load(open(path))
    m = {}
    for a in rep["articles"]:
        for o in a["outputs"]:
            if o["status"] == "written": m[a["input"]] = o["path"]
    return m


def corpus(rows_path, rt_newsml, rt_nitf):
    back = {"newsml": report_map(rt_newsml), "nitf": report_map(rt_nitf)}
    fails, n, shown = 0, 0, 0
    counts = {"title": 0, "authors": 0, "date": 0, "lang": 0, "subject": 0}
    def fail(msg):
        nonlocal fails, shown
        fails += 1
        if shown < 25: print("FAIL: " + msg); shown += 1
    for line in open(rows_path):
        if not line.strip(): continue
        src, js, newsml, nitf = line.rstrip("\n").split("\t")
        n += 1
        d = json.load(open(js)); m = d["meta"]
        title, names = norm(meta_text(m.get("title"))), authors(m)
        date, lang, subject = m.get("date"), meta_text(m.get("lang")), norm(meta_text(m.get("subject")))
        body = body_words(d["blocks"])
        for k, v in (("title", title), ("authors", names), ("date", date), ("lang", lang), ("subject", subject)):
            if v: counts[k] += 1
        for fmt, path in (("newsml", newsml), ("nitf", nitf)):
            root, have = xml_words(path)
            alltext = " ".join(wkey(" ".join(root.itertext())))
            if title and " ".join(wkey(title)) not in alltext: fail(f"{src} -> {fmt}: headline missing: {title[:60]!r}")
            for a in names:
                if " ".join(wkey(a)) not in alltext: fail(f"{src} -> {fmt}: byline {a!r} missing")
            lost = body - have
            if lost: fail(f"{src} -> {fmt}: {len(lost)} body word(s) missing, e.g. {sorted(lost)[:5]}")
            rt = back[fmt].get(path)
            if not rt:
                fail(f"{src} -> {fmt}: not read back"); continue
            r = json.load(open(rt)); rm = r["meta"]
            if title and wkey(meta_text(rm.get("title"))) != wkey(title):
                fail(f"{src} -> {fmt} -> json: title {norm(meta_text(rm.get('title')))[:60]!r} != {title[:60]!r}")
            if [wkey(a) for a in authors(rm)] != [wkey(a) for a in names]: fail(f"{src} -> {fmt} -> json: authors {authors(rm)} != {names}")
            if date:
                a, b = when(meta_text(date)), when(meta_text(rm.get("date")))
                if a is None: pass  # not an ISO date: the writer warned; nothing to compare
                elif a != b: fail(f"{src} -> {fmt} -> json: date {meta_text(rm.get('date'))!r} != {meta_text(date)!r}")
            if lang and meta_text(rm.get("lang")).lower() != lang.lower():
                fail(f"{src} -> {fmt} -> json: lang {meta_text(rm.get('lang'))!r} != {lang!r}")
            if subject:
                got = norm(meta_text(rm.get("subject")))
                if wkey(got) != wkey(subject): fail(f"{src} -> {fmt} -> json: subject {got!r} != {subject!r}")
            for key in ("dateline", "credit"):  # beyond the list: cheap, and news copy has them
                if m.get(key) and wkey(meta_text(rm.get(key))) != wkey(meta_text(m.get(key))):
                    fail(f"{src} -> {fmt} -> json: {key} {meta_text(rm.get(key))!r} != {meta_text(m.get(key))!r}")
            lost = body - (words(blk(r["blocks"])) | words(blk_nogap(r["blocks"])))
            if lost: fail(f"{src} -> {fmt} -> json: {len(lost)} body word(s) lost, e.g. {sorted(lost)[:5]}")
    print(f"round trip: {n} documents x (newsml, nitf); with title {counts['title']}, authors {counts['authors']}, "
          f"date {counts['date']}, lang {counts['lang']}, subject {counts['subject']}; {fails} failure(s)")
    return fails == 0


# ---- IPTC examples: the expectations from the XML itself ----
def local(tag): return tag.rsplit("}", 1)[-1]


def find_all(root, name): return [e for e in root.iter() if local(e.tag) == name]


def text_of(e): return norm(" ".join(e.itertext())) if e is not None else ""


def expected(path):
    root = ET.parse(path).getroot()
    exp = {"headline": "", "bylines": [], "dates": [], "body": set()}
    heads = [h for h in find_all(root, "headline") if not h.get("role")] or find_all(root, "hl1")
    if not heads:
        heads = find_all(root, "title")
    if heads: exp["headline"] = text_of(heads[0])
    creators = find_all(root, "creator")
    if creators:
        exp["bylines"] = [text_of(next((c for c in cr if local(c.tag) == "name"), None)) for cr in creators]
    else:
        for b in find_all(root, "byline"):
            exp["bylines"].append(text_of(b))  # compared by words: "By X, <byttl>T</byttl>"
    for name in ("firstCreated", "contentCreated", "versionCreated"):
        for e in find_all(root, name): exp["dates"].append(e.text)
    for e in find_all(root, "date.issue"): exp["dates"].append(e.get("norm"))
    for e in find_all(root, "pubdata"): exp["dates"].append(e.get("date.publication"))
    bodies = find_all(root, "body.content") + find_all(root, "body.end")
    # the text as written: adjacent elements are one word ("a@b.no/<a>c@d.no</a>")
    for b in bodies: exp["body"] |= words("".join(b.itertext()))
    return exp


def examples(tsv):
    fails = 0
    for line in open(tsv):
        if not line.strip(): continue
        src, js = line.rstrip("\n").split("\t")
        d = json.load(open(js)); m = d["meta"]
        exp = expected(src)
        name = src.rsplit("/", 1)[-1]
        problems = []
        if exp["headline"] and wkey(meta_text(m.get("title"))) != wkey(exp["headline"]):
            problems.append(f"headline {norm(meta_text(m.get('title')))!r} != {exp['headline']!r}")
        got_names = words(" ".join(authors(m)) + " " + meta_text(m.get("author")))
        for b in exp["bylines"]:
            missing = words(b) - got_names - words(meta_text(m.get("credit")))
            # "By" and the role title of an NITF byline are no part of the name
            missing -= {"By", "by"}
            if missing and not (words(b) & got_names): problems.append(f"byline {b!r} lost")
        dates = {when(x) for x in exp["dates"] if when(x)}
        have = {when(meta_text(m.get(k))) for k in ("date", "date-modified") if m.get(k)}
        if dates and not (dates & have): problems.append(f"dates {sorted(x.isoformat() for x in dates)} not kept: {sorted(x.isoformat() for x in have if x)}")
        lost = exp["body"] - words(blk(d["blocks"]))
        if lost: problems.append(f"{len(lost)} body words lost, e.g. {sorted(lost)[:6]}")
        if problems:
            fails += 1
            print(f"FAIL: {name}: " + "; ".join(problems))
        else:
            print(f"example {name}: headline, {len(exp['bylines'])} byline(s), {len(dates)} date(s), {len(exp['body'])} body words: kept")
    return fails == 0


if __name__ == "__main__":
    mode = sys.argv[1]
    ok = corpus(*sys.argv[2:5]) if mode == "corpus" else examples(sys.argv[2])
    sys.exit(0 if ok else 1)
