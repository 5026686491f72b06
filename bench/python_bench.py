#!/usr/bin/env python3
"""The Python module against the C++ API, and 2 Python threads against 1, side by side
in one run (no timing assertion anywhere: the figures go in the README).

usage: PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py [--build build] [--calls 10000] [--runs 3]

1. Per-call cost: --calls small conversions of examples/article.txt (2.6 kB) through
   galley.convert, and the same through galley::convert in build/galley-convert-loop;
   CPU time of the loops alone (start-up excluded), best of --runs, alternating the two.
   The ratio is what a Python call costs on top of the conversion itself.
2. Threads: the same work (corpus pages with html+extract to EPUB) on 1 and on 2 Python
   threads; wall time; the GIL is released while converting, so 2 threads on 2 free cores
   should take about half the time.
"""
import argparse
import glob
import hashlib
import os
import subprocess
import sys
import threading
import time

import galley

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)
SHARED = os.path.normpath(os.path.join(SRC, "..", "shared"))
CASES = [("plain", "json"), ("plain", "jats"), ("plain", "html_print"), ("json", "plain")]


def python_loop(data, from_, to, calls):
    galley.convert(data, from_, to, warnings=[])
    t0 = time.process_time()
    for _ in range(calls):
        galley.convert(data, from_, to, warnings=[])
    return time.process_time() - t0


def cxx_loop(loop, path, from_, to, calls):
    out = subprocess.run([loop, str(calls), from_, to, path], check=True, capture_output=True, text=True).stdout
    return float(out.split()[1])


def threads_wall(pages, threads):
    chunks = [pages[i::threads] for i in range(threads)]
    def work(chunk):
        for p in chunk:
            galley.convert(p, "html+extract", "epub", warnings=[])
    ts = [threading.Thread(target=work, args=(c,)) for c in chunks]
    t0 = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0


def threads_wall_fn(fn, calls, threads):
    """Wall time of `calls` calls of fn spread over `threads` threads."""
    def work(k):
        for _ in range(k):
            fn()
    ts = [threading.Thread(target=work, args=(calls // threads,)) for _ in range(threads)]
    t0 = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(SRC, "build"))
    ap.add_argument("--calls", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    loop = os.path.join(a.build, "galley-convert-loop")
    article = os.path.join(SRC, "examples", "article.txt")
    json_path = os.path.join(HERE, "out", "article.json")
    os.makedirs(os.path.dirname(json_path), exist_ok=True)
    open(json_path, "w").write(galley.convert(open(article, "rb").read(), "plain", "json"))
    print(f"galley {galley.__version__}, {a.calls} calls per loop, best of {a.runs}")
    print("| conversion | input | C++ galley::convert | Python galley.convert | Python / C++ |")
    print("|---|---|---|---|---|")
    for from_, to in CASES:
        path = article if from_ == "plain" else json_path
        data = open(path, "rb").read()
        py, cxx = [], []
        for _ in range(a.runs):  # alternating, so a busy moment hits both
            cxx.append(cxx_loop(loop, path, from_, to, a.calls))
            py.append(python_loop(data, from_, to, a.calls))
        c, p = min(cxx), min(py)
        print(f"| {from_} -> {to} | {len(data) / 1000:.1f} kB | {c / a.calls * 1e6:.1f} µs/call | "
              f"{p / a.calls * 1e6:.1f} µs/call | {p / c:.3f} |", flush=True)
    # The control: hashlib releases the GIL too; its speed-up is what the machine's free
    # cores allow at the moment (other processes take some).
    blob = b"x" * (32 << 20)
    control = [[threads_wall_fn(lambda: hashlib.sha256(blob).digest(), 8, n) for n in (1, 2)] for _ in range(a.runs)]
    pages = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(SHARED, "corpus/readability/*/source.html")))[:60]]
    one, two = [], []
    for _ in range(a.runs):
        one.append(threads_wall(pages, 1))
        two.append(threads_wall(pages, 2))
    print(f"\n| threads | {len(pages)} pages html+extract -> epub, wall | speed-up |\n|---|---|---|")
    print(f"| 1 | {min(one):.3f} s | 1.00 |\n| 2 | {min(two):.3f} s | {min(one) / min(two):.2f} |")
    c1, c2 = min(c[0] for c in control), min(c[1] for c in control)
    print(f"| control: hashlib.sha256, 8 x 32 MB, 1 / 2 threads | {c1:.3f} / {c2:.3f} s | {c1 / c2:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
