#!/usr/bin/env python3
"""galley -t pdf beside pandoc's PDF route on the same article, in one run.

The article is the seed (../shared/examples/plain/seed-bacgiang.txt) read by
galley into Pandoc JSON once; then, best of --runs, wall and CPU time (children
included: the engine is most of the work):
  galley -f json -t pdf                        (print HTML -> WeasyPrint)
  pandoc -f json -t html5 --pdf-engine=weasyprint -o x.pdf
  galley -f json -t pdf --pdf-engine=chromium
  pandoc -f json -t html5 -s | weasyprint - x.pdf  (the two-step route by hand)
and prints each beside the pandoc + WeasyPrint time as a ratio.

usage: bench/pdf_bench.py [--galley build/galley] [--runs 3] [--input FILE.txt]
"""
import argparse, os, resource, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))


def timed(cmd, shell=False):
    """Wall seconds and CPU seconds (user + sys of the waited-for children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(cmd, shell=shell, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def best(cmd, runs, shell=False):
    results = [timed(cmd, shell) for _ in range(runs)]
    return min(r[0] for r in results), min(r[1] for r in results)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--galley", default=os.path.join(HERE, "..", "build", "galley"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--input", default=os.path.join(SHARED, "examples", "plain", "seed-bacgiang.txt"))
    a = ap.parse_args()
    for tool in ("pandoc", "weasyprint"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed")
    g = os.path.abspath(a.galley)
    with tempfile.TemporaryDirectory() as t:
        doc = os.path.join(t, "article.json")
        # API 1.22: the installed pandoc (2.17) reads no newer JSON; galley reads both
        subprocess.run([g, "-f", "plain", "-t", "json", "--pandoc-api=1.22", a.input, "-o", doc], check=True)
        out = lambda n: os.path.join(t, n)
        cases = [
            ("galley -t pdf (weasyprint)", [g, "-f", "json", "-t", "pdf", doc, "-o", out("g.pdf")], False),
            ("pandoc --pdf-engine=weasyprint", ["pandoc", "-f", "json", "-t", "html5", "--pdf-engine=weasyprint",
                                                doc, "-o", out("p.pdf")], False),
            ("pandoc -s -t html5 | weasyprint", f"pandoc -f json -t html5 -s '{doc}' | weasyprint - '{out('w.pdf')}'", True),
        ]
        if shutil.which("chromium"):
            cases.append(("galley -t pdf --pdf-engine=chromium",
                          [g, "-f", "json", "-t", "pdf", "--pdf-engine=chromium", doc, "-o", out("c.pdf")], False))
        rows = []
        for name, cmd, shell in cases:
            wall, cpu = best(cmd, a.runs, shell)
            rows.append((name, wall, cpu))
        ref = rows[1]
        print(f"article: {os.path.relpath(a.input, SHARED)} ({os.path.getsize(a.input)} bytes), best of {a.runs}")
        for name, wall, cpu in rows:
            print(f"{name:40} wall {wall:6.2f} s  cpu {cpu:6.2f} s   x{ref[1] / wall:5.2f} wall, x{ref[2] / cpu:5.2f} cpu "
                  f"vs pandoc --pdf-engine=weasyprint")
        sizes = {n: os.path.getsize(out(n)) for n in ("g.pdf", "p.pdf") if os.path.exists(out(n))}
        print("PDF sizes: " + ", ".join(f"{n} {s} bytes" for n, s in sizes.items()))


if __name__ == "__main__":
    main()
