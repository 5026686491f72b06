#!/usr/bin/env bash
# Batch throughput (issue 8): one `galley --output-dir` run over the example,
# news-text and readability articles (html with +extract) to EPUB and JATS,
# against pandoc run once per article and format (pandoc -f markdown/html
# -t epub3 / -s -t jats), with the same parallelism (N pandoc processes at a
# time). CPU time (user + system of all processes, from wait4) is the main
# figure, as in bench.py, so a busy machine does not distort the ratio; wall
# time is printed too.
#
# usage: bench/batch_bench.sh [--galley build/galley] [-j 2] [--every 5] [--runs 3]
#   --every N   pandoc (slow: ~0.3 s CPU per run) on every N-th article only;
#               galley is timed on the same sample and on all articles.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec python3 - "$here" "$@" <<'EOF'
import argparse, concurrent.futures as cf, glob, os, shutil, subprocess, sys, tempfile, time

here = sys.argv[1]
ap = argparse.ArgumentParser()
ap.add_argument("--galley", default=os.path.join(here, "..", "build", "galley"))
ap.add_argument("-j", type=int, default=2)
ap.add_argument("--every", type=int, default=5)
ap.add_argument("--runs", type=int, default=3)
a = ap.parse_args(sys.argv[2:])
shared = os.path.normpath(os.path.join(here, "..", "..", "shared"))
inputs = sorted(glob.glob(f"{shared}/examples/plain/*.txt")) + \
    sorted(glob.glob(f"{shared}/corpus/news-text/**/*.txt", recursive=True)) + \
    sorted(glob.glob(f"{shared}/corpus/readability/*/source.html"))
sample = inputs[::a.every]
tmp = tempfile.mkdtemp(prefix="galley-batch-bench-")

def run(cmd):
    t = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    return ru.ru_utime + ru.ru_stime, time.monotonic() - t, status

def galley(files, label):
    lst = os.path.join(tmp, label + ".lst")
    open(lst, "w").write("\n".join(files) + "\n")
    best = None
    for _ in range(a.runs):
        out = os.path.join(tmp, "g-" + label)
        shutil.rmtree(out, ignore_errors=True)
        cpu, wall, status = run([a.galley, "--manifest", lst, "-f", "html+extract", "--to", "epub,jats",
                                 "--output-dir", out, "-j", str(a.j), "--quiet"])
        if best is None or cpu < best[0]:
            best = (cpu, wall, status)
    return best

def pandoc(files):
    out = os.path.join(tmp, "p")
    os.makedirs(out, exist_ok=True)
    jobs = []
    for i, f in enumerate(files):
        fmt = "html" if f.endswith(".html") else "markdown"
        jobs.append(["pandoc", "-f", fmt, "-t", "epub3", "-o", f"{out}/{i}.epub", f])
        jobs.append(["pandoc", "-f", fmt, "-s", "-t", "jats", "-o", f"{out}/{i}.xml", f])
    t = time.monotonic()
    with cf.ThreadPoolExecutor(a.j) as ex:
        res = list(ex.map(run, jobs))
    return sum(r[0] for r in res), time.monotonic() - t, sum(1 for r in res if r[2] != 0)

print(f"{len(inputs)} articles; pandoc sample: every {a.every}th = {len(sample)} articles; -j {a.j}", flush=True)
gc, gw, gs = galley(inputs, "all")
print(f"galley, all {len(inputs)} articles -> epub+jats: CPU {gc:.2f} s, wall {gw:.2f} s "
      f"({len(inputs) / gw:.1f} articles/s wall, {len(inputs) / gc:.1f} articles/CPU-s), exit {gs >> 8}", flush=True)
sc, sw, _ = galley(sample, "sample")
print(f"galley, sample of {len(sample)}: CPU {sc:.2f} s, wall {sw:.2f} s", flush=True)
pc, pw, pf = pandoc(sample)
print(f"pandoc, sample of {len(sample)} ({2 * len(sample)} runs, {pf} failed): CPU {pc:.2f} s, wall {pw:.2f} s", flush=True)
print(f"ratio pandoc / galley on the sample: CPU x{pc / sc:.1f}, wall x{pw / sw:.1f}")
print(f"| batch (epub+jats, -j {a.j}) | {len(inputs)} articles | galley {gw:.2f} s wall, {gc:.2f} s CPU, "
      f"{len(inputs) / gw:.0f} articles/s | pandoc per article (sample {len(sample)}) CPU x{pc / sc:.1f}, wall x{pw / sw:.1f} |")
shutil.rmtree(tmp, ignore_errors=True)
EOF
