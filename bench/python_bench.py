#!/usr/bin/env python3
"""The Python module against the C++ API, and 2 Python threads against 1, side by side
in one run (no timing assertion anywhere: the figures go in the README).

usage: PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py [--build build]
       [--calls 10000] [--rounds 40] [--runs 3] [--skip-overhead] [--skip-threads]

1. Per-call cost: --calls small conversions of examples/article.txt (1.2 kB) through
   galley.convert, and the same through galley::convert in build/galley-convert-loop
   (--serve: one process, started once, answering rounds), in --rounds short rounds of
   calls/rounds each, the two sides interleaved (which side goes first alternates) so a
   busy moment of the machine hits both. Each side's round is timed by its thread's CPU
   time (not wall time: time spent waiting for a core while other processes run is not
   in it), start-up excluded. Per round: Python / C++; reported: the median of the
   rounds' ratios with its quartiles, and the ratio of the totals. The ratio is what a
   Python call costs on top of the conversion itself.
2. Threads: the same conversions (corpus pages with html+extract to EPUB) on 1 and on 2
   Python threads, interleaved, --runs times: the process's CPU time (user + system,
   getrusage) per conversion, which grows with threads if they contend (a lock spun on,
   cache lines bouncing), and the wall time; also the time the threads were runnable
   but waited for a core (/proc/thread-self/schedstat: the machine's other load), which
   tells a busy machine from contention. The GIL is released while converting.
"""
import argparse
import glob
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import threading
import time

import galley

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)
SHARED = os.path.normpath(os.path.join(SRC, "..", "shared"))
CASES = [("plain", "json"), ("plain", "jats"), ("plain", "html_print"), ("json", "plain")]


def python_round(data, from_, to, calls):
    convert = galley.convert
    t0 = time.thread_time()
    for _ in range(calls):
        convert(data, from_, to, warnings=[])
    return time.thread_time() - t0


class CxxLoop:
    """build/galley-convert-loop --serve: rounds of galley::convert calls on request."""

    def __init__(self, loop, path, from_, to):
        self.p = subprocess.Popen([loop, "--serve", from_, to, path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True, bufsize=1)

    def round(self, calls):
        self.p.stdin.write(f"{calls}\n")
        self.p.stdin.flush()
        return float(self.p.stdout.readline().split()[1])

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def quartiles(v):
    q = statistics.quantiles(v, n=4, method="inclusive")
    return q[0], statistics.median(v), q[2]


def overhead(a, loop, article, json_path):
    per_round = max(1, a.calls // a.rounds)
    print(f"galley {galley.__version__}: {per_round * a.rounds} calls per side in {a.rounds} interleaved rounds of "
          f"{per_round}, thread CPU time; load average {os.getloadavg()[0]:.2f}")
    print("| conversion | input | C++ galley::convert | Python galley.convert | Python / C++: median of rounds "
          "[quartiles] | ratio of totals |")
    print("|---|---|---|---|---|---|")
    for from_, to in CASES:
        path = article if from_ == "plain" else json_path
        data = open(path, "rb").read()
        cxx = CxxLoop(loop, path, from_, to)
        cxx.round(max(1, per_round // 10))  # warm both sides: caches, the allocator's heap
        python_round(data, from_, to, max(1, per_round // 10))
        py, cc = [], []
        for r in range(a.rounds):
            if r % 2:
                cc.append(cxx.round(per_round))
                py.append(python_round(data, from_, to, per_round))
            else:
                py.append(python_round(data, from_, to, per_round))
                cc.append(cxx.round(per_round))
        cxx.close()
        lo, med, hi = quartiles([p / c for p, c in zip(py, cc)])
        n = per_round * a.rounds
        print(f"| {from_} -> {to} | {len(data) / 1000:.1f} kB | {sum(cc) / n * 1e6:.1f} µs/call | "
              f"{sum(py) / n * 1e6:.1f} µs/call | {med:.3f} [{lo:.3f}, {hi:.3f}] | {sum(py) / sum(cc):.3f} |", flush=True)


def schedstat():
    """(seconds on a CPU, seconds runnable but waiting for one) of the calling thread."""
    try:
        on, waiting = open("/proc/thread-self/schedstat").read().split()[:2]
        return int(on) * 1e-9, int(waiting) * 1e-9
    except (OSError, ValueError):
        return 0.0, 0.0


def process_cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def threads_run(fn, items, threads):
    """fn over items on `threads` threads (each every threads-th item): wall time, the
    process's CPU time, and the seconds the threads waited for a core, summed."""
    queued = [0.0] * threads

    def work(k):
        q0 = schedstat()[1]
        for item in items[k::threads]:
            fn(item)
        queued[k] = schedstat()[1] - q0
    ts = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    c0, t0 = process_cpu(), time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0, process_cpu() - c0, sum(queued)


def scaling(a):
    pages = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(SHARED, "corpus/readability/*/source.html")))[:60]]
    convert = lambda p: galley.convert(p, "html+extract", "epub", warnings=[])  # noqa: E731
    # The control: hashlib releases the GIL too and shares nothing; its speed-up is what
    # the machine's free cores allow at the moment (other processes take some).
    blob = b"x" * (32 << 20)
    digest = lambda _: hashlib.sha256(blob).digest()  # noqa: E731
    threads_run(convert, pages[:8], 2)  # warm: registry, libxml2, the second thread's malloc arena
    runs = {name: {1: [], 2: []} for name in ("galley", "control")}
    load = [os.getloadavg()[0]]
    for _ in range(a.runs):
        for n in (1, 2) if _ % 2 == 0 else (2, 1):
            runs["galley"][n].append(threads_run(convert, pages, n))
            runs["control"][n].append(threads_run(digest, list(range(8)), n))
        load.append(os.getloadavg()[0])
    med = lambda v: statistics.median(v)  # noqa: E731
    print(f"\n{len(pages)} pages html+extract -> epub on 1 and 2 Python threads, {a.runs} runs interleaved, medians;"
          f" load average {min(load):.2f} to {max(load):.2f} ({os.cpu_count()} cores)")
    print("| threads | CPU time per conversion | wall | speed-up (wall) | waited for a core (all threads) |")
    print("|---|---|---|---|---|")
    for n in (1, 2):
        r = runs["galley"][n]
        print(f"| {n} | {med([x[1] for x in r]) / len(pages) * 1e3:.2f} ms | {med([x[0] for x in r]):.3f} s | "
              f"{med([x[0] for x in runs['galley'][1]]) / med([x[0] for x in r]):.2f} | {med([x[2] for x in r]):.3f} s |")
    c1, c2 = (med([x[0] for x in runs["control"][n]]) for n in (1, 2))
    g1, g2 = (med([x[1] for x in runs["galley"][n]]) for n in (1, 2))
    print(f"| CPU time per conversion, 2 threads / 1 | {g2 / g1:.3f} | | | |")
    print(f"| control: hashlib.sha256, 8 x 32 MB, 1 / 2 threads | | {c1:.3f} / {c2:.3f} s | {c1 / c2:.2f} | |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(SRC, "build"))
    ap.add_argument("--calls", type=int, default=10000)
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-overhead", action="store_true")
    ap.add_argument("--skip-threads", action="store_true")
    a = ap.parse_args()
    loop = os.path.join(a.build, "galley-convert-loop")
    article = os.path.join(SRC, "examples", "article.txt")
    json_path = os.path.join(HERE, "out", "article.json")
    os.makedirs(os.path.dirname(json_path), exist_ok=True)
    open(json_path, "w").write(galley.convert(open(article, "rb").read(), "plain", "json"))
    if not a.skip_overhead:
        overhead(a, loop, article, json_path)
    if not a.skip_threads:
        scaling(a)


if __name__ == "__main__":
    sys.exit(main())
