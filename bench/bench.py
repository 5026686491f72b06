#!/usr/bin/env python3
"""galley's benchmark: builds large inputs from ../shared/corpus, then times
galley and pandoc on the same conversions in one run and prints ratios and
peak memory (max RSS of each process, from wait4).

usage: bench/bench.py [--galley build/galley] [--runs 3] [--only NAME,...] [--markdown]
("plain reader alone" in --only runs build/galley-phases for the reader by itself.)
"""
import argparse, glob, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
OUT = os.path.join(HERE, "out")


def read_text(path):
    raw = open(path, "rb").read()
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(enc)
    return raw.decode("utf-8", "replace")


def build_inputs():
    os.makedirs(OUT, exist_ok=True)
    # JSON: pandoc's test documents (1.22 JSON) repeated until >= 3 MB.
    big_json = os.path.join(OUT, "big.json")
    if not os.path.exists(big_json):
        docs = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(SHARED, "corpus/pandoc/json/*.json")))]
        blocks, size = [], 0
        while size < 3_200_000:
            for d in docs:
                blocks.extend(d["blocks"])
                size += len(json.dumps(d["blocks"]))
        doc = {"pandoc-api-version": docs[0]["pandoc-api-version"], "meta": docs[0]["meta"], "blocks": blocks}
        json.dump(doc, open(big_json, "w"))
    # Plain text: every news-text article, UTF-8, repeated to >= 20 MB.
    big_txt = os.path.join(OUT, "big.txt")
    if not os.path.exists(big_txt):
        texts = [read_text(p) for p in sorted(glob.glob(os.path.join(SHARED, "corpus/news-text/**/*.txt"), recursive=True))]
        with open(big_txt, "w", encoding="utf-8") as f:
            size = 0
            while size < 20_000_000:
                for t in texts:
                    s = t.replace("\r\n", "\n").strip() + "\n\n"
                    f.write(s)
                    size += len(s.encode())
    # One article for per-article conversions.
    # HTML: the readability pages' bodies concatenated into one page (~3 MB).
    big_html = os.path.join(OUT, "big.html")
    if not os.path.exists(big_html):
        parts, size = [], 0
        for p in sorted(glob.glob(os.path.join(SHARED, "corpus/readability/*/expected.html"))):
            s = read_text(p)
            parts.append("<section>" + s + "</section>")
            size += len(s.encode())
            if size > 3_000_000:
                break
        while size < 3_000_000:
            parts += parts
            size *= 2
        with open(big_html, "w", encoding="utf-8") as f:
            f.write("<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Big</title></head><body><main>")
            f.write("\n".join(parts))
            f.write("</main></body></html>\n")
    return big_json, big_txt, big_html


def build_jats():
    """The 20 JATS articles of corpus/jats as one article (~4 MB): the first one's front
    matter, every article's body and back in turn (jats:json, jats:epub)."""
    big = os.path.join(OUT, "big.jats")
    if not os.path.exists(big):
        import re
        files = sorted(glob.glob(os.path.join(SHARED, "corpus/jats/*.xml")))
        parts = {"body": [], "back": []}
        for p in files:
            s = read_text(p)
            for part in parts:
                m = re.search(r"<%s>(.*?)</%s>" % (part, part), s, re.S)
                if m:
                    parts[part].append(m.group(1))
        first = read_text(files[0])
        head = first[:first.index("<body>")]
        head = re.sub(r"<!DOCTYPE[^>]*>", "", head, count=1)
        head = head.replace("<article ", '<article xmlns:mml="http://www.w3.org/1998/Math/MathML" ', 1) \
            if "xmlns:mml" not in head else head
        with open(big, "w", encoding="utf-8") as f:
            f.write(head + "<body>" + "".join(parts["body"]) + "</body><back>" + "".join(parts["back"]) + "</back></article>\n")
    return big


def build_math():
    """A TeX-heavy article (~2 MB Pandoc JSON, issue 19): every TeX formula of the corpus
    (Math nodes of pandoc's .native files, <tex-math> of corpus/jats) in turn, two inline
    formulas in a sentence and one display formula, until 15,000 formulas. Two copies:
    API 1.23 for galley, 1.22 for pandoc 2.17 (which refuses the newer number)."""
    import html, re
    galley_doc, pandoc_doc = os.path.join(OUT, "math.json"), os.path.join(OUT, "math-pandoc.json")
    if os.path.exists(galley_doc) and os.path.exists(pandoc_doc):
        return galley_doc, pandoc_doc
    corpus = os.path.join(SHARED, "corpus")
    tex = []

    def unhaskell(s):  # a Haskell string literal's body (show) -> text, as math_tex_pandoc reads it
        out, i = [], 0
        while i < len(s):
            m = re.match(r"\\(\d+)(\\&)?", s[i:])
            if m:
                out.append(chr(int(m.group(1)))); i += len(m.group(0)); continue
            if s[i] == "\\" and i + 1 < len(s):
                out.append({"n": "\n", "t": "\t"}.get(s[i + 1], s[i + 1])); i += 2; continue
            out.append(s[i]); i += 1
        return "".join(out)

    native = re.compile(r'Math\s+(?:InlineMath|DisplayMath)\s+"((?:[^"\\]|\\.)*)"')
    for f in sorted(glob.glob(os.path.join(corpus, "pandoc", "**", "*"), recursive=True)):
        if os.path.isfile(f):
            tex += [unhaskell(b) for b in native.findall(read_text(f))]
    for f in sorted(glob.glob(os.path.join(corpus, "jats", "*.xml"))):
        for m in re.findall(r"<tex-math[^>]*>(.*?)</tex-math>", read_text(f), re.S):
            m = html.unescape(re.sub(r"<!\[CDATA\[(.*?)\]\]>", r"\1", m, flags=re.S))
            b = re.search(r"\\begin\{document\}(.*)\\end\{document\}", m, re.S)  # PMC's LaTeX wrapper
            m = (b.group(1) if b else m).strip()
            for open_, close in (("\\(", "\\)"), ("\\[", "\\]"), ("$$", "$$"), ("$", "$")):
                if m.startswith(open_) and m.endswith(close) and len(m) >= len(open_) + len(close):
                    m = m[len(open_):len(m) - len(close)].strip()
                    break
            if m:
                tex.append(m)
    words = [{"t": "Str", "c": w} for w in "where the value of".split()]
    blocks, n = [], 0
    while n < 15000:
        for i in range(0, len(tex) - 2, 3):
            inline = lambda t: {"t": "Math", "c": [{"t": "InlineMath"}, t]}
            para = [{"t": "Str", "c": "Let"}, {"t": "Space"}, inline(tex[i]), {"t": "Space"}]
            for w in words:
                para += [w, {"t": "Space"}]
            para += [inline(tex[i + 1]), {"t": "Str", "c": ":"}]
            blocks.append({"t": "Para", "c": para})
            blocks.append({"t": "Para", "c": [{"t": "Math", "c": [{"t": "DisplayMath"}, tex[i + 2]]}]})
            n += 3
    for path, version in ((galley_doc, [1, 23]), (pandoc_doc, [1, 22])):
        json.dump({"pandoc-api-version": version, "meta": {"title": {"t": "MetaInlines", "c": [{"t": "Str", "c": "Formulas"}]}},
                   "blocks": blocks}, open(path, "w"))
    return galley_doc, pandoc_doc


def build_articles(n=1000):
    """n news-text articles, one file each (the corpus cycled, a number added to each
    headline line so no two are alike), and a manifest listing them: the input of
    the many-articles-one-output cases (newsMessage) against batch JATS."""
    folder = os.path.join(OUT, "articles")
    manifest = os.path.join(OUT, "articles.lst")
    if not os.path.exists(manifest):
        os.makedirs(folder, exist_ok=True)
        texts = [read_text(p) for p in sorted(glob.glob(os.path.join(SHARED, "corpus/news-text/**/*.txt"), recursive=True))]
        names = []
        for i in range(n):
            lines = texts[i % len(texts)].replace("\r\n", "\n").strip().split("\n")
            lines[0] = lines[0] + f" {i}"
            name = f"a{i:04d}.txt"
            open(os.path.join(folder, name), "w", encoding="utf-8").write("\n".join(lines) + "\n")
            names.append("articles/" + name)
        open(manifest, "w").write("\n".join(names[1:]) + "\n")
    return manifest, os.path.join(folder, "a0000.txt")


def run(cmd):
    """Run a command; returns (CPU seconds, peak resident memory in MB).

    CPU time (user + system) rather than wall time, so that a busy machine does not
    distort the ratio. Both come from GNU time, which forks the command from its own small
    process: a child forked from Python would count Python's resident pages before
    exec in its peak (every figure under about 48 MB read 47.8 MB that way)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", t.name] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if p.returncode != 0:
            raise SystemExit(f"command failed ({p.returncode}): {' '.join(cmd)}")
        user, system, kb = t.read().split()[-3:]
    return float(user) + float(system), int(kb) / 1024.0


def best(cmd, runs):
    results = [run(cmd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--galley", default=os.path.join(HERE, "..", "build", "galley"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="")
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    g = os.path.abspath(a.galley)
    big_json, big_txt, big_html = build_inputs()
    manifest, first_article = build_articles()
    big_ninjs = os.path.join(OUT, "big.ninjs")
    if not os.path.exists(big_ninjs):
        subprocess.run([g, "-f", "json", "-t", "ninjs", big_json, "-o", big_ninjs, "--quiet"], check=True)
    # Markdown: big.json written by pandoc as Markdown (a neutral writer; ~3 MB)
    big_md = os.path.join(OUT, "big.md")
    if not os.path.exists(big_md):
        subprocess.run(["pandoc", "-f", "json", "-t", "markdown", big_json, "-o", big_md], check=True)
    o = os.path.join(OUT, "o")
    big_jats = build_jats()
    math_json, math_pandoc = build_math()
    cases = [
        # Formulas (issue 19): 15,000 TeX formulas to MathML, against pandoc --mathml (texmath).
        # The peer reads its own copy of the input (API 1.22): the 6th field names it.
        ("math json:html_print", math_json, ["-f", "json", "-t", "html_print"],
         ["pandoc", "-f", "json", "-s", "-t", "html5", "--mathml"], "pandoc", math_pandoc),
        ("math json:epub", math_json, ["-f", "json", "-t", "epub", "-o", o + ".epub"],
         ["pandoc", "-f", "json", "-t", "epub3", "--mathml", "-o", o + "-p.epub"], "pandoc", math_pandoc),
        ("math json:jats", math_json, ["-f", "json", "-t", "jats_articleauthoring"],
         ["pandoc", "-f", "json", "-s", "-t", "jats_articleauthoring"], "pandoc", math_pandoc),
        ("math json:plain", math_json, ["-f", "json", "-t", "plain"],
         ["pandoc", "-f", "json", "-t", "plain"], "pandoc", math_pandoc),
        # JATS reader (issue 22): the 20 corpus articles as one article, against pandoc's JATS reader.
        ("jats:json", big_jats, ["-f", "jats", "-t", "json"], ["pandoc", "-f", "jats", "-t", "json"], "pandoc"),
        ("jats:epub", big_jats, ["-f", "jats", "-t", "epub", "-o", o + ".epub"], ["pandoc", "-f", "jats", "-t", "epub3", "-o", o + "-p.epub"], "pandoc"),
        # name, input, galley args, peer command (pandoc, or xmllint), peer label
        ("json:json", big_json, ["-f", "json", "-t", "json"], ["pandoc", "-f", "json", "-t", "json"], "pandoc"),
        ("markdown:json", big_md, ["-f", "markdown", "-t", "json"], ["pandoc", "-f", "markdown", "-t", "json"], "pandoc"),
        ("commonmark:json", big_md, ["-f", "commonmark", "-t", "json"], ["pandoc", "-f", "commonmark", "-t", "json"], "pandoc"),
        ("json:gfm", big_json, ["-f", "json", "-t", "gfm"], ["pandoc", "-f", "json", "-t", "gfm"], "pandoc"),
        ("json:markdown", big_json, ["-f", "json", "-t", "markdown"], ["pandoc", "-f", "json", "-t", "markdown"], "pandoc"),
        ("json:plain", big_json, ["-f", "json", "-t", "plain"], ["pandoc", "-f", "json", "-t", "plain"], "pandoc"),
        ("plain:json", big_txt, ["-f", "plain", "-t", "json"], ["pandoc", "-f", "markdown", "-t", "json"], "pandoc markdown"),
        ("html:json", big_html, ["-f", "html", "-t", "json"], ["pandoc", "-f", "html", "-t", "json"], "pandoc"),
        ("html:json vs xmllint", big_html, ["-f", "html", "-t", "json"], ["xmllint", "--html", "--noout", "--huge"], "xmllint parse"),
        ("html+extract:json", big_html, ["-f", "html+extract", "-t", "json"], ["pandoc", "-f", "html", "-t", "json"], "pandoc"),
        ("json:jats", big_json, ["-f", "json", "-t", "jats"], ["pandoc", "-f", "json", "-s", "-t", "jats_archiving"], "pandoc"),
        ("json:epub", big_json, ["-f", "json", "-t", "epub", "-o", o + ".epub"], ["pandoc", "-f", "json", "-t", "epub3", "-o", o + "-p.epub"], "pandoc"),
        ("json:html_print", big_json, ["-f", "json", "-t", "html_print"], ["pandoc", "-f", "json", "-s", "-t", "html5"], "pandoc"),
        ("html:jats", big_html, ["-f", "html", "-t", "jats"], ["pandoc", "-f", "html", "-s", "-t", "jats_archiving"], "pandoc"),
        ("html:epub", big_html, ["-f", "html", "-t", "epub", "-o", o + ".epub"], ["pandoc", "-f", "html", "-t", "epub3", "-o", o + "-p.epub"], "pandoc"),
        # NewsML-G2 and NITF (issue 21): their peer is galley's JATS writer on the same input.
        ("json:newsml", big_json, ["-f", "json", "-t", "newsml"], [g, "-f", "json", "-t", "jats"], "galley jats"),
        ("json:nitf", big_json, ["-f", "json", "-t", "nitf"], [g, "-f", "json", "-t", "jats"], "galley jats"),
        # 1,000 articles into one newsMessage vs the same articles to JATS in batch mode.
        ("plain[1000]:newsml", first_article, ["-t", "newsml", "--manifest", manifest, "-o", o + ".newsml", "--quiet"],
         [g, "-t", "jats", "--output-dir", o + "-jats", "--force", "-j", "1", "--manifest", manifest, "--quiet"], "galley jats batch"),
        # ninjs, Atom and RSS (issue 21): the same peer; 1,000 articles into one feed / array.
        ("json:ninjs", big_json, ["-f", "json", "-t", "ninjs"], [g, "-f", "json", "-t", "jats"], "galley jats"),
        ("json:atom", big_json, ["-f", "json", "-t", "atom"], [g, "-f", "json", "-t", "jats"], "galley jats"),
        ("json:rss", big_json, ["-f", "json", "-t", "rss"], [g, "-f", "json", "-t", "jats"], "galley jats"),
        ("plain[1000]:atom", first_article, ["-t", "atom", "--manifest", manifest, "-o", o + ".atom", "--quiet"],
         [g, "-t", "jats", "--output-dir", o + "-jats", "--force", "-j", "1", "--manifest", manifest, "--quiet"], "galley jats batch"),
        ("plain[1000]:rss", first_article, ["-t", "rss", "--manifest", manifest, "-o", o + ".rss", "--quiet"],
         [g, "-t", "jats", "--output-dir", o + "-jats", "--force", "-j", "1", "--manifest", manifest, "--quiet"], "galley jats batch"),
        ("plain[1000]:ninjs", first_article, ["-t", "ninjs", "--manifest", manifest, "-o", o + ".ninjs", "--quiet"],
         [g, "-t", "jats", "--output-dir", o + "-jats", "--force", "-j", "1", "--manifest", manifest, "--quiet"], "galley jats batch"),
        # The ninjs reader on big.json written as ninjs; peer: Python's json.load of the same file.
        ("ninjs:json", big_ninjs, ["-f", "ninjs", "-t", "json"],
         ["python3", "-c", "import json, sys; json.load(open(sys.argv[1]))"], "python json.load"),
        ("html:html_print", big_html, ["-f", "html", "-t", "html_print"], ["pandoc", "-f", "html", "-s", "-t", "html5"], "pandoc"),
    ]
    only = set(filter(None, a.only.split(",")))
    rows = []
    for name, inp, gargs, peer, label, *peer_input in cases:
        if only and name not in only:
            continue
        mb = os.path.getsize(inp) / 1e6
        try:
            gt, gm = best([g] + gargs + [inp], a.runs)
        except SystemExit as e:
            print(f"{name}: galley failed: {e}", file=sys.stderr)
            continue
        pt, pm = best(peer + [peer_input[0] if peer_input else inp], 1 if label.startswith("pandoc") else a.runs)
        rows.append((name, mb, gt, gm, label, pt, pm))
        print(f"{name:24} {mb:6.1f} MB  galley {gt:7.3f} s {gm:7.1f} MB   {label} {pt:7.3f} s {pm:7.1f} MB   "
              f"speed x{pt / gt:6.1f}  galley {mb / gt:6.1f} MB/s", flush=True)
    # The plain reader alone (issue 3 asks >= 100 MB/s of it): galley-phases times the
    # reader and the writer apart in one process (CPU time, best of --runs; the first run
    # pays for the heap's page faults, later ones reuse it). Its peer is pandoc's whole
    # markdown -> json run from the table above: pandoc cannot time its reader alone.
    phases = os.path.join(os.path.dirname(g), "galley-phases")
    if os.path.exists(phases) and (not only or "plain reader alone" in only):
        env = dict(os.environ, GLIBC_TUNABLES="glibc.malloc.hugetlb=1")
        line = subprocess.run([phases, "plain", "json", big_txt, str(max(a.runs, 3))], env=env, check=True,
                              capture_output=True, text=True).stdout
        rt = float(line.split("read ")[1].split(" s")[0])
        mb = os.path.getsize(big_txt) / 1e6
        peer = next((r for r in rows if r[0] == "plain:json"), None)
        pt, pm = (peer[5], peer[6]) if peer else best(["pandoc", "-f", "markdown", "-t", "json", big_txt], 1)
        rows.append(("plain reader alone", mb, rt, 0, "pandoc markdown (whole run)", pt, pm))
        print(f"{'plain reader alone':24} {mb:6.1f} MB  galley {rt:7.3f} s ({mb / rt:6.1f} MB/s, in process)   "
              f"pandoc markdown->json {pt:7.3f} s   speed x{pt / rt:6.1f}", flush=True)
    if a.markdown:
        print("\n| conversion | input | galley | peak | peer | peer time | peer peak | peer time / galley time |")
        print("|---|---|---|---|---|---|---|---|")
        for name, mb, gt, gm, label, pt, pm in rows:
            peak = f"{gm:.0f} MB" if gm else "-"
            print(f"| {name} | {mb:.1f} MB | {gt:.3f} s ({mb / gt:.0f} MB/s) | {peak} | {label} | {pt:.3f} s | {pm:.0f} MB | {pt / gt:.1f}x |")


if __name__ == "__main__":
    main()
