#!/usr/bin/env python3
"""Checks for syndication_feeds.sh (Atom, RSS, ninjs). Each sub-command reads
many files in this one process (never a process per file).

corpus ROWS        ROWS: input, json, atom, rss, ninjs 3.1, ninjs 2.2, ninjs 1.6 per
                   line. Every ninjs file valid against its version's JSON Schema
                   (the validator the schema declares, GeoJSON registered offline,
                   format checks on); every RSS file has RSS 2.0's required
                   elements; each output names the article's headline, bylines and
                   date and holds every body word.
roundtrip PAIRS    PAIRS: original json, json read back from ninjs. Title, authors,
                   date, language, subject and every body word kept.
examples PAIRS     PAIRS: IPTC ninjs example, galley's json of it: headline,
                   byline, dates and body words (read here from the example) kept.
feed N ATOM RSS NINJS ORDER  the N-article feeds: N entries each, in ORDER (the
                   expected ids, newest first), feed updated = newest entry.
rss FILES...       RSS 2.0 required elements only.
Words are compared without punctuation and case (curly quotes, HTML entities)."""
import datetime, html.parser, json, os, re, sys
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
XHTML = "{http://www.w3.org/1999/xhtml}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC = "{http://purl.org/dc/elements/1.1/}"
SCHEMAS = os.path.join(os.environ.get("SHARED", "../shared"), "schemas/iptc/ninjs")
problems = []


def fail(msg):
    problems.append(msg)


# ---- Pandoc JSON ----
def inl(xs, out):
    for x in xs or []:
        t, c = x.get("t"), x.get("c")
        if t == "Str": out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"): out.append(" ")
        elif t in ("Emph", "Strong", "Underline", "Strikeout", "SmallCaps"): inl(c, out)
        elif t in ("Superscript", "Subscript"):  # note calls read back as superscript numbers: apart from the word
            out.append(" "); inl(c, out); out.append(" ")
        elif t == "Quoted":  # as galley's (and pandoc's) stringify: curly quotes
            q = ("\u201c", "\u201d") if c[0]["t"] == "DoubleQuote" else ("\u2018", "\u2019")
            out.append(q[0]); inl(c[1], out); out.append(q[1])
        elif t == "Cite": inl(c[1], out)
        elif t == "Code": out.append(c[1])
        elif t in ("Link", "Span"): inl(c[1], out)
        elif t == "Note": blocks(c, out)
        elif t == "Image": out.append(" ")  # an <img> parts the words around it
        # Image alt text is an attribute in HTML, Math and raw markup are not words here.


def blocks(bs, out):
    for b in bs or []:
        t, c = b.get("t"), b.get("c")
        out.append("\n")
        if t in ("Para", "Plain"): inl(c, out)
        elif t == "Header": inl(c[2], out)
        elif t == "LineBlock":
            for line in c: inl(line, out); out.append(" ")
        elif t == "CodeBlock": out.append(c[1])
        elif t == "BlockQuote": blocks(c, out)
        elif t == "OrderedList":
            for item in c[1]: blocks(item, out)
        elif t == "BulletList":
            for item in c: blocks(item, out)
        elif t == "DefinitionList":
            for term, defs in c:
                inl(term, out)
                for d in defs: blocks(d, out)
        elif t == "Div": blocks(c[1], out)
        elif t == "Figure":
            blocks(c[1][1], out); blocks(c[2], out)
        elif t == "Table":
            blocks(c[1][1], out)
            rows = list(c[3][1])
            for body in c[4]: rows += body[2] + body[3]
            rows += c[5][1]
            for r in rows:
                for cell in r[1]: blocks(cell[4], out)
        out.append("\n")


def meta_text(v):
    if v is None: return ""
    t, c = v.get("t"), v.get("c")
    out = []
    if t == "MetaString": return c
    if t == "MetaInlines": inl(c, out)
    elif t == "MetaBlocks": blocks(c, out)
    elif t == "MetaList": return " ".join(meta_text(x) for x in c)
    elif t == "MetaMap": return meta_text(c.get("name"))
    elif t == "MetaBool": return "true" if c else "false"
    return re.sub(r"[ \t\r\n]+", " ", "".join(out)).strip(" \t\r\n")


def authors(meta):
    v = meta.get("author")
    if not v: return []
    items = v["c"] if v["t"] == "MetaList" else [v]
    return [a for a in (meta_text(x) for x in items) if a]


WORD = re.compile(r"\w+", re.UNICODE)


def words(s):
    return set(w.casefold() for w in WORD.findall(s or ""))


def doc_facts(path):
    d = json.load(open(path, encoding="utf-8"))
    m = d.get("meta", {})
    out = []
    blocks(d.get("blocks", []), out)
    return {"title": meta_text(m.get("title")), "authors": authors(m), "date": meta_text(m.get("date")),
            "lang": meta_text(m.get("lang")), "subject": meta_text(m.get("subject")),
            "body": words("".join(out)), "meta": m}


def utc(iso):
    """ISO 8601 as galley's UTC form; None when no date."""
    if not iso: return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", iso.strip())
    if not m: return None
    y, mo, d, h, mi, s, z = m.groups()
    t = datetime.datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0), int(s or 0))
    if z and z != "Z":
        sign = 1 if z[0] == "+" else -1
        zz = z[1:].replace(":", "")
        t -= sign * datetime.timedelta(hours=int(zz[:2]), minutes=int(zz[2:]))
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


# Tags that separate words when HTML is rendered (inline tags such as span do not:
# "<span>a</span><span>b</span>" reads "ab").
BLOCK_TAGS = set("""address article aside blockquote br caption dd div dl dt figcaption figure footer h1 h2 h3 h4
h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul title head body html img
sup sub""".split())  # sup/sub: note calls ("word<sup>3</sup>") are apart from the word


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
    def handle_data(self, d):
        self.parts.append(d)
    def handle_starttag(self, tag, attrs):
        if tag.split(":")[-1] in BLOCK_TAGS: self.parts.append(" ")  # "ns0:p" from ElementTree
    def handle_endtag(self, tag):
        if tag.split(":")[-1] in BLOCK_TAGS: self.parts.append(" ")


def html_text(s):
    p = Text()
    p.feed(s or "")
    p.close()
    return "".join(p.parts)


def missing(expected, have):
    return sorted(expected - have)


def check_article(label, facts, title, names, date, body_words):
    # Runs of ASCII white space are one space in a headline; U+3000 and the like are text.
    if facts["title"] and re.sub(r"[ \t\r\n]+", " ", facts["title"]).strip(" ") != title:
        fail(f"{label}: headline {title!r} != {facts['title']!r}")
    for a in facts["authors"]:
        if a not in names: fail(f"{label}: byline {a!r} missing (have {names})")
    want = utc(facts["date"])
    if want and date != want: fail(f"{label}: date {date!r} != {want!r}")
    lost = missing(facts["body"], body_words)
    if lost: fail(f"{label}: {len(lost)} body words missing, e.g. {lost[:8]}")


# ---- RSS 2.0 ----
def check_rss(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail(f"{path}: not well-formed: {e}")
        return None
    if root.tag != "rss" or root.get("version") != "2.0":
        fail(f"{path}: root is not <rss version=\"2.0\">")
        return None
    ch = root.find("channel")
    if ch is None:
        fail(f"{path}: no channel")
        return None
    for req in ("title", "link", "description"):
        e = ch.find(req)
        if e is None or not (e.text or "").strip(): fail(f"{path}: channel without {req}")
    for item in ch.findall("item"):
        if item.find("title") is None and item.find("description") is None:
            fail(f"{path}: an item has neither title nor description")
        g = item.find("guid")
        if g is not None and g.get("isPermaLink") not in (None, "true", "false"):
            fail(f"{path}: guid isPermaLink {g.get('isPermaLink')!r}")
        for d in item.findall("pubDate"):
            try:
                datetime.datetime.strptime(d.text, "%a, %d %b %Y %H:%M:%S %z")
            except (TypeError, ValueError):
                fail(f"{path}: pubDate {d.text!r} is no RFC 822 date")
    return ch


# ---- ninjs ----
def validators():
    from jsonschema import FormatChecker, validators as v
    from referencing import Registry, Resource
    geo = json.load(open(os.path.join(SCHEMAS, "geojson/GeoJSON.json")))
    reg = Registry().with_resource(geo["$id"], Resource.from_contents(geo))
    out = {}
    for ver in ("1.6", "2.2", "3.1"):
        schema = json.load(open(os.path.join(SCHEMAS, f"ninjs-schema_{ver}.json")))
        cls = v.validator_for(schema)
        out[ver] = cls(schema, registry=reg, format_checker=FormatChecker())
    return out


URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


def check_uris(label, obj):
    # jsonschema does not check format "uri" without extra packages: checked here.
    if isinstance(obj, dict):
        for k, val in obj.items():
            if k in ("uri", "href", "schema") and isinstance(val, str) and not URI.match(val):
                fail(f"{label}: {k} {val!r} is no absolute URI")
            check_uris(label, val)
    elif isinstance(obj, list):
        for x in obj: check_uris(label, x)


def ninjs_validate(label, doc, val):
    errs = list(val.iter_errors(doc))
    for e in errs[:3]: fail(f"{label}: schema: {e.message[:200]} at {list(e.absolute_path)}")
    check_uris(label, doc)
    return not errs


def ninjs_facts(j):
    if "headlines" in j:
        head = next((h["value"] for h in j["headlines"] if h.get("role") == "main"), j["headlines"][0]["value"])
        body = " ".join(html_text(b["value"]) for b in j.get("bodies", []))
        names = [p["name"] for p in j.get("people", []) if p.get("rel") == "author"]
        by = j.get("by", "")
    else:
        head = j.get("headline", "")
        body = html_text(j.get("body_html", ""))
        names = [p["name"] for p in j.get("person", []) if p.get("rel") == "author"]
        by = j.get("byline", "")
    date = j.get("firstCreated", j.get("firstcreated"))
    return head, names or ([by] if by else []), date, words(body)


def corpus(rows_path):
    vals = validators()
    n = 0
    counts = {"atom": 0, "rss": 0, "3.1": 0, "2.2": 0, "1.6": 0}
    for line in open(rows_path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 7: continue
        src, js, atom, rss, n3, n2, n1 = parts[:7]
        n += 1
        f = doc_facts(js)
        # Atom
        e = ET.parse(atom).getroot().find(ATOM + "entry")
        if e is None:
            fail(f"{src}: atom has no entry")
        else:
            names = [a.findtext(ATOM + "name") for a in e.findall(ATOM + "author")]
            content = e.find(ATOM + "content")
            text = html_text(ET.tostring(content, encoding="unicode")) if content is not None else ""
            check_article(f"{src} [atom]", f, e.findtext(ATOM + "title"), names, e.findtext(ATOM + "published"), words(text))
            counts["atom"] += 1
        # RSS
        ch = check_rss(rss)
        if ch is not None:
            it = ch.find("item")
            names = [c.text for c in it.findall(DC + "creator")]
            pub = it.findtext("pubDate")
            date = datetime.datetime.strptime(pub, "%a, %d %b %Y %H:%M:%S %z").strftime("%Y-%m-%dT%H:%M:%SZ") if pub else None
            check_article(f"{src} [rss]", f, it.findtext("title"), names, date, words(html_text(it.findtext(CONTENT))))
            counts["rss"] += 1
        # ninjs, each version
        for ver, path in (("3.1", n3), ("2.2", n2), ("1.6", n1)):
            j = json.load(open(path, encoding="utf-8"))
            if ninjs_validate(f"{src} [ninjs {ver}]", j, vals[ver]): counts[ver] += 1
            head, names, date, body = ninjs_facts(j)
            if ver == "1.6" or ver == "2.2" or ver == "3.1":
                # "by" joins several names into one line: each name must be in it.
                joined = " ".join(names)
                for a in f["authors"]:
                    if a not in names and a not in joined: fail(f"{src} [ninjs {ver}]: byline {a!r} missing")
                g = dict(f, authors=[])
                check_article(f"{src} [ninjs {ver}]", g, head, names, date, body)
    print(f"corpus: {n} documents; atom entries checked {counts['atom']}, rss {counts['rss']}; "
          f"ninjs valid: 3.1 {counts['3.1']}/{n}, 2.2 {counts['2.2']}/{n}, 1.6 {counts['1.6']}/{n}")


def roundtrip(pairs_path):
    n = 0
    for line in open(pairs_path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3: continue
        label, a, b = parts[:3]
        n += 1
        x, y = doc_facts(a), doc_facts(b)
        if x["title"] and x["title"] != y["title"]: fail(f"{label}: title {y['title']!r} != {x['title']!r}")
        if x["authors"] != y["authors"]: fail(f"{label}: authors {y['authors']} != {x['authors']}")
        if utc(x["date"]) and utc(x["date"]) != utc(y["date"]): fail(f"{label}: date {y['date']!r} != {x['date']!r}")
        if x["lang"] != y["lang"]: fail(f"{label}: lang {y['lang']!r} != {x['lang']!r}")
        if x["subject"] and x["subject"] != y["subject"]: fail(f"{label}: subject {y['subject']!r} != {x['subject']!r}")
        lost = missing(x["body"], y["body"])
        if lost: fail(f"{label}: {len(lost)} body words lost, e.g. {lost[:8]}")
    print(f"round trip: {n} documents compared")


def examples(pairs_path):
    n = 0
    for line in open(pairs_path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2: continue
        src, js = parts[:2]
        n += 1
        j = json.load(open(src, encoding="utf-8"))
        f = doc_facts(js)
        if "headlines" in j:
            head = next((h["value"] for h in j["headlines"] if h.get("role") == "main"), j["headlines"][0]["value"])
            bodies = j.get("bodies", [])
            rich = [b for b in bodies if "html" in (b.get("contentType") or b.get("contenttype") or "") or
                    "xml" in (b.get("contentType") or b.get("contenttype") or "")]
            body = (rich or bodies or [{"value": ""}])[0]["value"]
            by = j.get("by", "")
        else:
            head = j.get("headline", j.get("headline_main", ""))
            keys = sorted(k for k in j if k.startswith("body_"))
            rich = [k for k in keys if "html" in k or "xml" in k or k == "body_richtext"]
            body = j[(rich or keys)[0]] if keys else ""
            by = j.get("byline", "")
        if head and f["title"] != head.strip(): fail(f"{src}: headline {f['title']!r} != {head!r}")
        if by and by not in " ".join(f["authors"]): fail(f"{src}: byline {by!r} not in {f['authors']}")
        for key, mkey in (("firstCreated", "date"), ("firstcreated", "date")):
            if key in j and utc(j[key]) != utc(f["date"]): fail(f"{src}: {key} {j[key]!r} != date {f['date']!r}")
        vc = j.get("versionCreated", j.get("versioncreated"))
        if vc:
            got = utc(meta_text(f["meta"].get("date-modified"))) or utc(f["date"])
            if got != utc(vc): fail(f"{src}: versionCreated {vc!r} lost (date {f['date']!r})")
        lost = missing(words(html_text(body)), f["body"])
        if lost: fail(f"{src}: {len(lost)} body words lost, e.g. {lost[:8]}")
    print(f"examples: {n} IPTC text items read")


def feed(n, atom, rss, ninjs, order_path):
    order = [l.strip() for l in open(order_path) if l.strip()]
    root = ET.parse(atom).getroot()
    entries = root.findall(ATOM + "entry")
    ids = [e.findtext(ATOM + "id") for e in entries]
    if len(entries) != n: fail(f"atom feed: {len(entries)} entries, not {n}")
    if ids != order: fail(f"atom feed: entry order differs from newest-first (first difference at {next((i for i, (a, b) in enumerate(zip(ids, order)) if a != b), len(ids))})")
    ups = [e.findtext(ATOM + "updated") for e in entries]
    if root.findtext(ATOM + "updated") != max(ups): fail("atom feed: updated is not the newest entry's")
    if len(set(ids)) != len(ids): fail("atom feed: entry ids are not unique")
    ch = check_rss(rss)
    if ch is not None:
        guids = [i.findtext("guid") for i in ch.findall("item")]
        if guids != order: fail("rss feed: item order differs")
    arr = json.load(open(ninjs, encoding="utf-8"))
    if not isinstance(arr, list) or [x["uri"] for x in arr] != order: fail("ninjs feed: not the array in order")
    vals = validators()
    bad = sum(1 for x in arr if list(vals["3.1"].iter_errors(x)))
    if bad: fail(f"ninjs feed: {bad} items invalid")
    print(f"feed: {len(entries)} atom entries, {len(ch.findall('item')) if ch is not None else 0} rss items, "
          f"{len(arr)} ninjs items, newest first")


def main():
    cmd = sys.argv[1]
    if cmd == "corpus": corpus(sys.argv[2])
    elif cmd == "roundtrip": roundtrip(sys.argv[2])
    elif cmd == "examples": examples(sys.argv[2])
    elif cmd == "feed": feed(int(sys.argv[2]), *sys.argv[3:7])
    elif cmd == "rss":
        for p in sys.argv[2:]: check_rss(p)
        print(f"rss: {len(sys.argv) - 2} files checked")
    for p in problems[:40]: print("FAIL: " + p)
    if len(problems) > 40: print(f"... and {len(problems) - 40} more")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
