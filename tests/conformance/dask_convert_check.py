"""galley.dask against `galley -j 2` (run by dask_convert.sh). One LocalCluster
(two worker processes, one thread each, 127.0.0.1, every port chosen by the system)
for every case, as its start-up is most of the time:

 1. convert_many on a manifest (every 24th input of the corpus, FULL=1: all of
    it, plus an input that fails and one that does not exist) to epub, jats and
    html_print: the same files (outputs and .galley records) with the same bytes
    as `galley --manifest ... -j 2`, and the same report (all but times, jobs
    and the output folder in paths); the report adds up (galley report merge).
 2. again: nothing converted, the report equal to galley's second run's.
 3. a fresh folder, one worker SIGKILLed after 8 results while it has a task:
    every article still ends up converted exactly once (one entry each, the
    statuses and outputs of galley's first run), no temporary file left.
 4. the client (examples/dask_convert.py) SIGKILLed after it printed 8
    articles, then run again: every article once, those 8 up to date, the rest
    converted, the files equal to galley's.
 5. bad calls fail before any task: an unreadable manifest (InputError), an
    unknown format (UsageError), no output folder.
No timing is asserted; waits are for conditions (a worker idle, a process gone).
"""
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from distributed import Client

import galley
import galley.dask

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from batch_compare import comparable, tree  # noqa: E402

GALLEY, SHARED, SRC = os.environ["GALLEY"], os.environ["SHARED"], os.environ["SRC"]
FULL = os.environ.get("FULL") == "1"
PY = sys.executable
FORMATS = "epub,jats,html_print"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, flush=True)
    return cond


def same_tree(root, ref_root, label):
    got, temps = tree(root)
    want, _ = tree(ref_root)
    check(not temps, f"{label}: temporary files left: {temps[:3]}")
    diff = sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))
    check(not diff, f"{label}: {len(diff)} files differ from galley -j 2's, e.g. {diff[:3]}")
    return len(got)


def cli(lst, out, report):
    p = subprocess.run([GALLEY, "--manifest", lst, "-f", "html+extract", "--to", FORMATS, "--output-dir", out,
                        "-j", "2", "--quiet", "--report", report], capture_output=True, text=True)
    check(p.returncode == 1, f"galley -j 2 on {out}: exit {p.returncode} (expected 1: one input fails)")
    return json.load(open(report))


def gone(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"  # a zombie has ended
    except FileNotFoundError:
        return True


def children(pid):
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except (FileNotFoundError, ProcessLookupError, IndexError):
                pass
    return out


def wait_for(cond, what, limit=300):
    # A guard against hanging for ever, not a timing assertion: the conditions
    # come true in well under a second.
    deadline = time.monotonic() + limit
    while not cond():
        if time.monotonic() > deadline:
            check(False, f"gave up waiting for {what}")
            return
        time.sleep(0.05)


_tmp = None


def main():
    global _tmp
    _tmp = tempfile.mkdtemp(prefix="galley-dask-")
    # Dask's worker processes import this file again (multiprocessing spawn): the
    # work is only done when it runs as the program.
    tmp = _tmp
    corpus = sorted(os.path.join(d, n) for d, _, ns in os.walk(os.path.join(SHARED, "corpus")) for n in ns)
    sample = corpus if FULL else corpus[::24]
    with open(os.path.join(tmp, "broken.json"), "w") as f:
        f.write('{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[')
    lst = os.path.join(tmp, "inputs.lst")
    with open(lst, "w") as f:
        f.write("\n".join(sample + [os.path.join(tmp, "broken.json"), os.path.join(tmp, "no-such-file.txt")]) + "\n")
    total = len(sample) + 2
    print(f"{total} inputs ({'all of the corpus' if FULL else 'every 24th of the corpus'}, a broken one, a missing one)")

    ref = os.path.join(tmp, "cli")
    t = time.monotonic()
    cli_report = cli(lst, ref, ref + ".json")
    cli_secs = time.monotonic() - t
    cli_again = cli(lst, ref, ref + "-again.json")
    failed_inputs = sorted(a["input"] for a in cli_report["articles"] if a["status"] == "failed")
    print(f"galley -j 2: {cli_report['summary']['converted']} converted, {len(failed_inputs)} failed, "
          f"{cli_report['summary']['files-written']} files, {cli_secs:.1f} s")
    check(len(failed_inputs) >= 2, f"expected the broken and the missing input to fail: {failed_inputs}")

    cluster = galley.dask.local_cluster(2, silence_logs=logging.CRITICAL)
    client = Client(cluster)
    check(cluster.scheduler_address.startswith("tcp://127.0.0.1:"), f"scheduler at {cluster.scheduler_address}")
    print(f"LocalCluster {cluster.scheduler_address}, {len(client.nthreads())} workers")
    kw = dict(from_="html+extract", to=FORMATS.split(","), client=client, galley=GALLEY)

    # 1. The same outputs and report as galley -j 2.
    out = os.path.join(tmp, "dask")
    t = time.monotonic()
    rep = galley.dask.convert_many(lst, output_dir=out, report=out + ".json", **kw)
    dask_secs = time.monotonic() - t
    check(json.load(open(out + ".json")) == rep, "the report file is not the report returned")
    check(rep["summary"]["jobs"] == 2, f"jobs {rep['summary']['jobs']}")
    check(comparable(rep, out) == comparable(cli_report, ref), "report differs from galley -j 2's")
    n = same_tree(out, ref, "first run")
    m = subprocess.run([GALLEY, "report", "merge", out + ".json", "-o", os.path.join(tmp, "m.json")], capture_output=True,
                       text=True)
    check(m.returncode == 0, f"galley report merge refuses the Dask report: {m.stderr}")
    print(f"1. convert_many: {rep['summary']['converted']} converted, {rep['summary']['failed']} failed, {n} files "
          f"identical to galley -j 2's, {dask_secs:.1f} s")

    # 2. Again: up to date.
    rep = galley.dask.convert_many(lst, output_dir=out, report=out + ".json", **kw)
    check(rep["summary"]["files-written"] == 0, f"second run wrote {rep['summary']['files-written']} files")
    check(comparable(rep, out) == comparable(cli_again, ref), "second report differs from galley's second run's")
    same_tree(out, ref, "second run")
    print(f"2. again: {rep['summary']['up-to-date']} up to date, {rep['summary']['files-written']} files written")

    # 3. A worker killed mid-run.
    out = os.path.join(tmp, "killed-worker")
    killed = {}


    def kill_one(entry, done, total_):
        if done != 8 or killed:
            return
        busy = [addr for addr, keys in client.processing().items() if keys]
        if not check(busy and done < total_, f"no worker had a task after {done} of {total_} results"):
            return
        pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
        killed.update(pid=pid, addr=busy[0], kids=children(pid), at=done)
        os.kill(pid, signal.SIGKILL)


    rep = galley.dask.convert_many(lst, output_dir=out, report=out + ".json", on_result=kill_one, **kw)
    check(bool(killed), "no worker was killed")
    # The killed worker's galley process finishes its article (atomically) on its own: wait for it to end.
    for pid in killed.get("kids", []):
        wait_for(lambda: gone(pid), f"galley process {pid} of the killed worker to end")
    inputs = [a["input"] for a in rep["articles"]]
    check(len(inputs) == len(set(inputs)) == total, f"{len(inputs)} entries, {len(set(inputs))} inputs, {total} expected")
    check(comparable(rep, out) == comparable(cli_report, ref), "after a killed worker, the report differs from galley's")
    same_tree(out, ref, "killed worker")
    print(f"3. worker {killed.get('addr')} (pid {killed.get('pid')}, {len(killed.get('kids', []))} galley process) "
          f"killed after {killed.get('at')} results: {rep['summary']['converted']} converted once each, "
          f"{rep['summary']['failed']} failed, outputs identical")

    # 4. The client killed mid-run, then run again.
    out = os.path.join(tmp, "killed-client")
    example = [PY, os.path.join(SRC, "examples", "dask_convert.py"), "--scheduler", cluster.scheduler_address,
               "--manifest", lst, "-f", "html+extract", "--to", FORMATS, "--output-dir", out, "--report", out + ".json",
               "--galley", GALLEY]
    p = subprocess.Popen(example, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    printed = []
    for line in p.stdout:
        if "] converted " in line:
            printed.append(line.split("] converted ", 1)[1].strip())
        if len(printed) == 8:
            break
    p.kill()
    p.wait()
    check(len(printed) == 8, f"the example printed {len(printed)} conversions before it was killed")
    # Tasks of the dead client that had started run to their end: wait until no worker converts.
    wait_for(lambda: not any(client.run(galley.dask.busy).values()), "the workers to finish the dead client's tasks")
    p = subprocess.run(example, capture_output=True, text=True)
    check(p.returncode == 1, f"the resumed example exited {p.returncode} (expected 1: failed inputs): {p.stderr[-500:]}")
    rep = json.load(open(out + ".json"))
    by_input = {a["input"]: a for a in rep["articles"]}
    check(len(rep["articles"]) == len(by_input) == total, f"resumed report: {len(rep['articles'])} entries for {total}")
    check(all(by_input.get(i, {}).get("status") == "up-to-date" for i in printed),
          "articles converted before the client died are not up to date in the resumed run")
    check(sorted(i for i, a in by_input.items() if a["status"] == "failed") == failed_inputs, "other failures")
    check(rep["summary"]["up-to-date"] + rep["summary"]["converted"] + rep["summary"]["failed"] == total, "counts")
    same_tree(out, ref, "killed client")
    print(f"4. client killed after {len(printed)} articles, run again: {rep['summary']['up-to-date']} up to date, "
          f"{rep['summary']['converted']} converted, outputs identical")

    # 5. Bad calls.
    for label, call, want in [
        ("no manifest", lambda: galley.dask.convert_many(os.path.join(tmp, "nothing.lst"), output_dir=out, **kw),
         galley.InputError),
        ("unknown format", lambda: galley.dask.convert_many(lst, output_dir=out, **dict(kw, to=["nosuch"])),
         galley.UsageError),
        ("no output folder", lambda: galley.dask.convert_many(lst, **kw), galley.UsageError),
    ]:
        try:
            call()
            check(False, f"{label}: no error")
        except want as e:
            check(bool(getattr(e, "id", "")) and str(e), f"{label}: {e!r} has no id")
            print(f"5. {label}: {type(e).__name__} {e.id}: {e}")

    client.close()
    cluster.close()
    if failures:
        print(f"FAILED: {len(failures)} problem(s)")
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    try:
        status = main()
    finally:
        shutil.rmtree(_tmp, ignore_errors=True)
    sys.exit(status)
