#!/usr/bin/env python3
"""galley against an older galley: the same conversions of bench/'s inputs by two
executables, interleaved, in one run; prints each case's CPU-time ratio (new / old) with
its spread, and the same for new against itself (an A/A pair), which is the noise.

usage: bench/revisions.py --old OLD/galley [--new build/galley] [--runs 7] [--only NAME,...]
       bench/revisions.py --build REV [--old-dir /tmp/galley-REV]   (builds REV's CLI first:
       a git worktree and a Release tree with tests and bench off, under the build lock)

Timing: user + system CPU time of each child (os.wait4), not wall time, so other load on
the machine moves both sides alike; within a run the sides alternate which goes first.
With --instructions, each side also runs once under callgrind: its instruction count
(Ir) does not depend on the machine's load, so a ratio of 1.000 there means no change.
Only cases both executables can do are run (a writer the old one lacks is skipped).
Inputs are bench.py's (bench/out/big.*), built on first use.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import bench  # noqa: E402  (bench.py's input builders)


def cpu_run(argv):
    """CPU seconds (user + system) of one child run; None if it fails."""
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: converted with warnings
        return None
    return ru.ru_utime + ru.ru_stime


def instructions(argv):
    """Instructions executed by one run (callgrind's Ir total), or None."""
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Collected : (\d+)", p.stderr)
    return int(m.group(1)) if m else None


def build_revision(rev, out_dir):
    """REV's galley executable, built in a worktree at out_dir (kept for later runs)."""
    exe = os.path.join(out_dir, "build", "galley")
    if os.path.exists(exe):
        return exe
    tree = os.path.join(out_dir, "src")
    if not os.path.isdir(tree):
        subprocess.run(["git", "-C", SRC, "worktree", "add", "--detach", tree, rev], check=True)
    build = os.path.join(out_dir, "build")
    subprocess.run(["cmake", "-S", tree, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                    "-DGALLEY_BUILD_TESTS=OFF", "-DGALLEY_BUILD_BENCH=OFF", "-DGALLEY_UNITY=ON"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["flock", "/tmp/galley-build.lock", "cmake", "--build", build, "-j2", "--target", "galley_cli"],
                   check=True)
    return exe


def cases(tmp):
    big_json, big_txt, big_html = (os.path.join(bench.OUT, n) for n in ("big.json", "big.txt", "big.html"))
    if not all(os.path.exists(p) for p in (big_json, big_txt, big_html)):
        bench.build_inputs()
    jats = bench.build_jats()
    o = os.path.join(tmp, "out")
    out = []
    for to in ("json", "plain", "html_print", "jats", "jats_publishing", "jats_articleauthoring", "epub",
               "markdown", "nitf", "newsml", "ninjs"):
        suffix = [] if to != "epub" else ["-o", o + ".epub"]
        out.append((f"json:{to}", ["-f", "json", "-t", to, big_json] + suffix))
    # The same writers on a document without formulas (bench's HTML page as Pandoc JSON),
    # which tells the formula work (issue 19) from the rest.
    page_json = os.path.join(bench.OUT, "big-html.json")
    if not os.path.exists(page_json):
        with open(page_json, "wb") as f:
            subprocess.run([os.path.join(SRC, "build", "galley"), "-f", "html", "-t", "json", big_html], stdout=f,
                           check=True)
    for to in ("plain", "html_print", "jats", "epub"):
        suffix = [] if to != "epub" else ["-o", o + "-p.epub"]
        out.append((f"page json:{to}", ["-f", "json", "-t", to, page_json] + suffix))
    out += [("plain:json", ["-f", "plain", "-t", "json", big_txt]),
            ("html:json", ["-f", "html", "-t", "json", big_html]),
            ("html+extract:json", ["-f", "html+extract", "-t", "json", big_html]),
            ("html:epub", ["-f", "html", "-t", "epub", "-o", o + "-h.epub", big_html]),
            ("jats:json", ["-f", "jats", "-t", "json", jats])]
    return out


def spread(values):
    q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
    return statistics.median(values), q[0], q[2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--old")
    ap.add_argument("--build", help="a revision to build and use as --old")
    ap.add_argument("--old-dir")
    ap.add_argument("--new", default=os.path.join(SRC, "build", "galley"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--only", default="")
    ap.add_argument("--instructions", action="store_true", help="also count instructions (callgrind)")
    a = ap.parse_args()
    if a.build:
        a.old = build_revision(a.build, a.old_dir or os.path.join(tempfile.gettempdir(), "galley-" + a.build))
    if not a.old:
        ap.error("--old or --build is needed")
    only = set(filter(None, a.only.split(",")))
    with tempfile.TemporaryDirectory() as tmp:
        print(f"old: {a.old}\nnew: {a.new}\n{a.runs} runs per side, interleaved; CPU time (user+sys) per run; "
              f"load average {os.getloadavg()[0]:.2f}")
        ir_head, ir_rule = (" instructions new / old |", "---|") if a.instructions else ("", "")
        print("| case | old (s) | new (s) | new / old: median [quartiles] | new / new (A/A noise) |" + ir_head)
        print("|---|---|---|---|---|" + ir_rule)
        for name, args in cases(tmp):
            if only and name not in only:
                continue
            old_cmd, new_cmd = [a.old] + args, [a.new] + args
            if cpu_run(old_cmd) is None or cpu_run(new_cmd) is None:  # warm-up, and can both do it?
                print(f"| {name} | (not supported by both) | | | |")
                continue
            olds, news, news2 = [], [], []
            for i in range(a.runs):
                order = [(olds, old_cmd), (news, new_cmd), (news2, new_cmd)]
                if i % 2:
                    order.reverse()
                for sink, cmd in order:
                    sink.append(cpu_run(cmd))
            ratio = spread([n / o for n, o in zip(news, olds)])
            noise = spread([n / m for n, m in zip(news2, news)])
            ir = ""
            if a.instructions:
                i_old, i_new = instructions(old_cmd), instructions(new_cmd)
                ir = f" {i_new / i_old:.3f} ({i_old / 1e9:.2f}G -> {i_new / 1e9:.2f}G) |" if i_old and i_new else " ? |"
            print(f"| {name} | {statistics.median(olds):.3f} | {statistics.median(news):.3f} | "
                  f"{ratio[0]:.3f} [{ratio[1]:.3f}, {ratio[2]:.3f}] | {noise[0]:.3f} [{noise[1]:.3f}, {noise[2]:.3f}] |" + ir,
                  flush=True)


if __name__ == "__main__":
    main()
