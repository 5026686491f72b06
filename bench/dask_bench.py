#!/usr/bin/python3
"""Dask against `galley -j 2` (issue 24), side by side in one run: every input of
../shared/corpus (FULL: 1,421 files, of which some fail alike in both) to EPUB,
JATS and print HTML (-f html+extract), alternately with

  galley --manifest ALL -f html+extract --to epub,jats,html_print --output-dir A -j 2
  galley.dask.convert_many(ALL, ..., output_dir=B, client=<LocalCluster: 2 worker
                           processes, 1 thread each, 127.0.0.1>)

each into a fresh folder, --runs times (the cluster made by galley.dask.local_cluster,
with galley.dask.CLUSTER_CONFIG, unless --dask-defaults); wall time from the call to its end (the
cluster is started once, before, as a cluster is long-lived; its start-up is
printed apart). After each pair: the two folders hold the same files with the
same bytes, and the reports agree (all but times and jobs). With --kill, one more
Dask run in which one worker is SIGKILLed after 100 results: every article must
still be converted exactly once, with the same files.

usage: PYTHONPATH=build/python /usr/bin/python3 bench/dask_bench.py [--runs 3]
       [--galley build/galley] [--batch-size N] [--kill] [--every 1]
       [--dask-defaults]
"""
import argparse
import json
import logging
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time


def tree_cpu(root_pid):
    """CPU seconds (user + system) of root_pid and its descendants, from /proc, by
    kind of process: each live process's own time plus that of its children that
    have ended (cutime, cstime), so a galley process that ends moves from one
    column to its parent's, not out of the sum."""
    ticks = os.sysconf("SC_CLK_TCK")
    procs = {}
    for e in os.listdir("/proc"):
        if e.isdigit():
            try:
                f = open(f"/proc/{e}/stat").read().rsplit(")", 1)[1].split()
                cmd = open(f"/proc/{e}/cmdline", "rb").read().split(b"\0")
                kind = "galley" if cmd[0].endswith(b"galley") else "python"
                procs[int(e)] = (int(f[1]), sum(map(int, f[11:15])) / ticks, kind)
            except (OSError, IndexError, ValueError):
                pass
    out, todo = {"client+scheduler": procs.get(root_pid, (0, 0.0, ""))[1]}, [p for p in procs if procs[p][0] == root_pid]
    while todo:
        pid = todo.pop()
        kind = "galley" if procs[pid][2] == "galley" else "nannies+workers"
        out[kind] = out.get(kind, 0.0) + procs[pid][1]
        todo += [p for p, v in procs.items() if v[0] == pid]
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--galley", default=os.path.join(here, "..", "build", "galley"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, help="articles per Dask task (default: convert_many's)")
    ap.add_argument("--every", type=int, default=1, help="every N-th input only (1: the whole corpus)")
    ap.add_argument("--kill", action="store_true")
    ap.add_argument("--dask-defaults", action="store_true", help="Dask's settings, not galley.dask.CLUSTER_CONFIG")
    a = ap.parse_args()
    exe = os.path.abspath(a.galley)
    sys.path.insert(0, os.path.join(here, "..", "tests", "conformance"))
    from batch_compare import comparable, tree
    from distributed import Client, LocalCluster
    import galley.dask

    shared = os.path.normpath(os.path.join(here, "..", "..", "shared"))
    corpus = sorted(os.path.join(d, n) for d, _, ns in os.walk(os.path.join(shared, "corpus")) for n in ns)[::a.every]
    tmp = tempfile.mkdtemp(prefix="galley-dask-bench-")
    lst = os.path.join(tmp, "all.lst")
    open(lst, "w").write("\n".join(corpus) + "\n")
    formats = "epub,jats,html_print"
    t = time.monotonic()
    if a.dask_defaults:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL)
    else:
        cluster = galley.dask.local_cluster(2, silence_logs=logging.CRITICAL)
    client = Client(cluster)
    client.wait_for_workers(2)
    print(f"{len(corpus)} inputs -> {formats}; LocalCluster of 2 workers started in {time.monotonic() - t:.1f} s; "
          f"batch_size {a.batch_size or 'auto'}, {'Dask defaults' if a.dask_defaults else 'galley.dask.CLUSTER_CONFIG'}",
          flush=True)

    cpu = {}

    def cli(out):
        t = time.monotonic()
        p = subprocess.Popen([exe, "--manifest", lst, "-f", "html+extract", "--to", formats, "--output-dir", out,
                              "-j", "2", "--quiet", "--report", out + ".json"], stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        cpu["cli"] = ru.ru_utime + ru.ru_stime
        return time.monotonic() - t, status >> 8, json.load(open(out + ".json"))

    def dask(out, on_result=None):
        # CPU: this process (client and scheduler), the nannies, the workers and their galley processes.
        c0 = tree_cpu(os.getpid())
        t = time.monotonic()
        rep = galley.dask.convert_many(lst, from_="html+extract", to=formats.split(","), output_dir=out,
                                       client=client, galley=exe, batch_size=a.batch_size, on_result=on_result)
        wall = time.monotonic() - t
        c1 = tree_cpu(os.getpid())
        cpu["parts"] = {k: c1.get(k, 0.0) - c0.get(k, 0.0) for k in c1}
        cpu["dask"] = sum(cpu["parts"].values())
        return wall, rep

    ok = True
    cli_times, dask_times, cli_cpu, dask_cpu = [], [], [], []
    for run in range(a.runs):
        ca, da = os.path.join(tmp, f"cli{run}"), os.path.join(tmp, f"dask{run}")
        ct, rc, crep = cli(ca)
        dt, drep = dask(da)
        same_files = tree(ca)[0] == tree(da)[0]
        same_report = comparable(crep, ca) == comparable(drep, da)
        ok &= same_files and same_report
        cli_times.append(ct)
        dask_times.append(dt)
        cli_cpu.append(cpu["cli"])
        dask_cpu.append(cpu["dask"])
        s = crep["summary"]
        print(f"run {run + 1}: galley -j 2 {ct:.2f} s wall, {cpu['cli']:.2f} s CPU ({len(corpus) / ct:.1f}/s); "
              f"dask {dt:.2f} s wall, {cpu['dask']:.2f} s CPU ({len(corpus) / dt:.1f}/s); ratio wall {ct / dt:.2f}, "
              f"CPU {cpu['cli'] / cpu['dask']:.2f} (dask CPU: "
              f"{', '.join(f'{k} {v:.2f} s' for k, v in sorted(cpu['parts'].items()))}); "
              f"{s['converted']} converted, {s['failed']} failed, "
              f"{s['files-written']} files; identical files {same_files}, same report {same_report}", flush=True)
        shutil.rmtree(ca)
        shutil.rmtree(da)
    cm, dm = statistics.median(cli_times), statistics.median(dask_times)
    cc, dc = statistics.median(cli_cpu), statistics.median(dask_cpu)
    print(f"median: galley -j 2 {cm:.2f} s wall, {cc:.2f} s CPU; dask {dm:.2f} s wall, {dc:.2f} s CPU: dask at "
          f"{cm / dm:.2f}x galley -j 2's throughput (wall), {cc / dc:.2f}x (CPU)")

    if a.kill:
        out = os.path.join(tmp, "kill")
        ref = os.path.join(tmp, "kill-ref")
        _, _, crep = cli(ref)
        killed = {}

        def kill(entry, done, total):
            if done == 100 and not killed:
                busy = [w for w, keys in client.processing().items() if keys]
                pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                killed.update(pid=pid, worker=busy[0])
                os.kill(pid, signal.SIGKILL)

        dt, drep = dask(out, kill)
        time.sleep(2)  # the killed worker's galley process finishes its article; only then compare the folders
        inputs = [e["input"] for e in drep["articles"]]
        once = len(inputs) == len(set(inputs)) == len(corpus)
        same = tree(ref)[0] == tree(out)[0] and comparable(crep, ref) == comparable(drep, out)
        ok &= bool(killed) and once and same
        print(f"killed worker {killed.get('worker')} (pid {killed.get('pid')}) after 100 results: {dt:.2f} s, "
              f"{drep['summary']['converted']} converted, {drep['summary']['failed']} failed, each article once: "
              f"{once}, files and report as galley's: {same}")
    client.close()
    cluster.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
