"""galley.dask: a batch of articles converted on a Dask cluster.

    from distributed import Client
    import galley.dask
    client = Client("tcp://scheduler:8786")
    report = galley.dask.convert_many("articles.lst", from_="html+extract",
                                      to=["epub", "jats", "html_print"],
                                      output_dir="/archive/out", client=client,
                                      report="/archive/out/report.json")

The outputs have the names and bytes of `galley --manifest articles.lst
--output-dir /archive/out ...`, the report is that command's --report JSON,
and a run resumes: outputs that are up to date (by content, as the command
decides: docs/BATCH.md) are not converted again, so after the client or a
worker died, running the same call again finishes the rest.

Nothing here names an output, decides "up to date" or writes a report entry:
the galley executable does (docs/DISTRIBUTED.md). The client runs
`galley ... --plan`; every Dask task hands its articles to a `galley ...
--worker` process that the Dask worker keeps (one per worker thread), which
converts each article once (read once, every format written atomically with
its up-to-date record) and answers with the article's report entry. A task
that runs twice (Dask runs a dead worker's tasks again) writes the same bytes
twice and gives one entry; the client keeps one entry per article.

Workers need the galley executable (the same version: `galley=` names it)
and the inputs and output folder at the same paths as the client; relative
paths are taken from the client's working folder.
"""
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import uuid

try:
    import distributed
except ImportError as _e:  # pragma: no cover - depends on the installation
    raise ImportError("galley.dask needs Dask's distributed scheduler "
                      "(Debian: apt-get install python3-distributed)") from _e

from . import InputError, InternalError, OutputError, UsageError

__all__ = ["convert_many", "plan", "busy", "local_cluster", "CLUSTER_CONFIG"]

# Dask settings for a cluster that converts (dask.config keys). Measured on an idle
# LocalCluster of 2 workers (bench/dask_bench.py's machine): 1.78 s of CPU time in
# 10 s with Dask's defaults, 0.19 s with these; most of it is the workers'
# sampling profiler (every 10 ms, also while converting), then the event loops'
# 20 ms ticks. Give them to a cluster's Dask configuration (YAML, or environment
# variables such as DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False).
CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}


def local_cluster(n_workers=2, **kwargs):
    """A LocalCluster of n_workers processes, one thread each, on 127.0.0.1 with
    every port chosen by the system, made with CLUSTER_CONFIG; kwargs go to
    LocalCluster."""
    import dask

    options = dict(n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=0,
                   dashboard_address="127.0.0.1:0")
    options.update(kwargs)
    with dask.config.set(CLUSTER_CONFIG):
        return distributed.LocalCluster(**options)

# Exit status of the galley executable -> the exception galley's module raises for it.
_EXIT_ERRORS = {2: UsageError, 3: InputError, 4: OutputError}


def _error(cls, error_id, message):
    err = cls(f"[{error_id}] {message}")
    err.id, err.message = error_id, message
    return err


def _executable(galley):
    exe = galley or os.environ.get("GALLEY") or shutil.which("galley")
    if not exe:
        raise _error(UsageError, "galley.dask.executable",
                     "the galley executable was not found: pass galley= or set GALLEY")
    return os.path.abspath(exe) if os.sep in exe else exe


def _option_pairs(flag, values):
    out = []
    for key, value in (values or {}).items():
        if value is True:
            value = "true"
        if not isinstance(key, str) or not isinstance(value, str):
            raise _error(UsageError, "galley.python.type",
                         f"{flag} values are strings (or True): {key!r}: {value!r}")
        out += [flag, f"{key}={value}"]
    return out


def _conversion_options(from_, to, output_dir, force, metadata, variables, options):
    """The command-line options every galley process of the run gets (plan and workers)."""
    if not output_dir:
        raise _error(UsageError, "galley.dask.output-dir", "output_dir is required")
    formats = to if isinstance(to, str) else ",".join(to)
    args = ["--to", formats, "--output-dir", os.fspath(output_dir)]
    if from_:
        args += ["-f", from_]
    if force:
        args.append("--force")
    args += _option_pairs("-M", metadata) + _option_pairs("-V", variables)
    return args + [os.fspath(o) for o in options]


def _run_galley(cmd, stdin_text=None):
    """Runs a short galley command; its output, or the galley error it ended with."""
    p = subprocess.run(cmd, input=stdin_text, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if p.returncode != 0:
        text = p.stderr.strip().removeprefix("galley: ")
        error_id, message = "galley.dask.galley", text or f"galley exited with status {p.returncode}"
        if text.startswith("[galley.") and "] " in text:
            error_id, message = text[1:text.index("] ")], text[text.index("] ") + 2:]
        raise _error(_EXIT_ERRORS.get(p.returncode, InternalError), error_id, message)
    return p.stdout


def plan(paths_or_manifest, from_=None, to=("epub",), output_dir=None, *, force=False, metadata=None,
         variables=None, options=(), galley=None, jobs=None):
    """What convert_many would do, from `galley ... --plan`: {"galley", "formats",
    "output-dir", "shard", "inputs", "articles": [{"input", "reader", "outputs":
    [{"format", "path", "status": "pending"|"up-to-date"}], ("up-to-date": entry)}]}."""
    exe = _executable(galley)
    conv = _conversion_options(from_, to, output_dir, force, metadata, variables, options)
    return _plan(exe, conv, paths_or_manifest, jobs)


def _plan(exe, conv, paths_or_manifest, jobs):
    stdin_text = None
    if isinstance(paths_or_manifest, (str, os.PathLike)):
        inputs = ["--manifest", os.fspath(paths_or_manifest)]
    else:
        # A list goes in as a manifest on standard input: no command-line length limit.
        paths = [os.fspath(p) for p in paths_or_manifest]
        for p in paths:
            if "\n" in p or "\r" in p or p != p.strip() or p.startswith("#") or not p:
                raise _error(UsageError, "galley.dask.input", f"a path a manifest cannot hold: {p!r}")
        inputs, stdin_text = ["--manifest", "-"], "".join(p + "\n" for p in paths)
    cmd = [exe] + conv + inputs + ["--plan"] + (["-j", str(jobs)] if jobs else [])
    return json.loads(_run_galley(cmd, stdin_text))


# --- on the workers ---------------------------------------------------------

# Idle `galley --worker` processes of this Dask worker, by command: a task takes
# one (or starts one) and gives it back, so each worker thread has its own.
_pool_lock = threading.Lock()
_idle = {}
_taken = 0  # processes converting right now (busy())


def busy():
    """How many galley processes of this Dask worker are converting now: 0 once
    every task it was given has ended (tests wait for that after killing a
    client: `client.run(galley.dask.busy)`)."""
    return _taken


def _take_process(key):
    global _taken
    cmd, cwd, env_items = key
    with _pool_lock:
        _taken += 1
        for other in [k for k in _idle if k != key]:  # another run's options: not needed any more
            for p in _idle.pop(other):
                _close(p)
        idle = _idle.setdefault(key, [])
        if idle:
            return idle.pop()
    env = dict(os.environ)
    for name, value in env_items:
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    # stdin closes when this worker dies, however it dies: galley then finishes
    # the article it is on (its outputs are written atomically) and ends.
    try:
        return subprocess.Popen(list(cmd), cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                encoding="utf-8", errors="replace", bufsize=1)
    except BaseException:
        _give_back(key, None)
        raise


def _give_back(key, p):
    global _taken
    with _pool_lock:
        _taken -= 1
        if p is not None:
            _idle.setdefault(key, []).append(p)


def _close(p):
    try:
        p.stdin.close()
        p.wait(timeout=30)
    except Exception:  # noqa: BLE001 - a process that will not end is killed
        p.kill()


def _failed_entry(article, error_id, message):
    """The report entry of an article whose conversion did not answer (the galley
    process died on it, or the Dask task failed): failed, like a reading error
    in batch mode (outputs up to date stay so, the others failed)."""
    return {
        "input": article["input"],
        "reader": article["reader"],
        "status": "failed",
        "error": {"id": error_id, "message": f"[{error_id}] {message}"},
        "outputs": [{"format": o["format"], "path": o["path"],
                     "status": "up-to-date" if o["status"] == "up-to-date" else "failed"}
                    for o in article["outputs"]],
        "warnings": {"count": 0, "by-kind": {}, "messages": []},
        "seconds": 0.0,
    }


def _convert_articles(cmd, cwd, env_items, articles):
    """A Dask task: [(index, plan article)] -> [(index, report entry)]."""
    key = (tuple(cmd), cwd, tuple(env_items))
    out = []
    p = _take_process(key)
    try:
        for index, article in articles:
            request = {k: article[k] for k in ("input", "reader", "outputs")}
            try:
                p.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
                p.stdin.flush()
                line = p.stdout.readline()
            except (BrokenPipeError, OSError):
                line = ""
            if not line:
                status = p.wait()
                out.append((index, _failed_entry(article, "galley.dask.worker-died",
                                                 f"galley --worker ended (status {status}) converting this article")))
                _give_back(key, None)
                p = _take_process(key)  # the next article gets a new process
                continue
            entry = json.loads(line)
            if "input" not in entry:  # {"error": ...}: the request did not fit the worker's options
                err = entry.get("error", {})
                entry = _failed_entry(article, err.get("id", "galley.dask.worker"),
                                      err.get("message", line.strip()).split("] ", 1)[-1])
            out.append((index, entry))
    except BaseException:
        _close(p)
        _give_back(key, None)
        raise
    _give_back(key, p)
    return out


# --- on the client ----------------------------------------------------------

_COUNTS = ("articles", "converted", "with-warnings", "up-to-date", "failed", "files-written",
           "files-up-to-date", "warnings")


def _summary(entries, jobs, seconds):
    # The counts batch mode's report has (src/cli/report.cpp, report_summary);
    # `galley report merge` checks that a report's summary adds up this way.
    s = dict.fromkeys(_COUNTS, 0)
    s["articles"] = len(entries)
    for e in entries:
        s["converted"] += e["status"] == "converted"
        s["up-to-date"] += e["status"] == "up-to-date"
        s["failed"] += e["status"] == "failed"
        w = e["warnings"]["count"]
        s["with-warnings"] += w > 0
        s["warnings"] += w
        for o in e["outputs"]:
            s["files-written"] += o["status"] == "written"
            s["files-up-to-date"] += o["status"] == "up-to-date"
    s["jobs"] = jobs
    s["seconds"] = round(seconds, 3)
    return s


def _write_atomic(path, text):
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".galley-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _auto_batch_size(articles, jobs):
    # Each Dask task costs a few milliseconds of client, scheduler and worker
    # CPU time, about what converting a small article does: large runs put up
    # to 8 articles in a task (at least 32 tasks per worker thread remain for
    # balance and for little work lost with a worker), small runs one.
    return max(1, min(8, articles // (32 * jobs)))


def convert_many(paths_or_manifest, from_=None, to=("epub",), output_dir=None, client=None, *, report=None,
                 force=False, metadata=None, variables=None, options=(), galley=None, batch_size=None,
                 window=None, on_result=None):
    """Converts many articles on the Dask cluster of `client` (default: the current client).

    paths_or_manifest: a manifest file (one path a line, as --manifest) or a list of paths.
    from_: reader extensions per reader, as -f ("html+extract"); to: a format or a list.
    output_dir: the output folder (required). report: where to write the --report JSON.
    force, metadata ({key: value} as -M), variables (-V), options (more galley
    options, e.g. ["--toc", "--css", "style.css"]): as on the command line.
    galley: the executable (default: $GALLEY, else galley on PATH).
    batch_size: articles per Dask task (default: 1 for small runs, up to 8
    for large ones); window: tasks in flight at once
    (default 8 per worker thread). on_result(entry, done, total) is called
    on the client for each article as its entry arrives.

    Returns the report (a dict; written to `report` too). Each article's
    failure is in its entry; the others carry on. Raises galley.UsageError
    (bad options) or InputError (an unreadable manifest) before converting."""
    start = time.monotonic()
    if client is None:
        try:
            client = distributed.get_client()
        except ValueError:
            raise _error(UsageError, "galley.dask.client", "no Dask client: pass client= or create one") from None
    if batch_size is not None and batch_size < 1:
        raise _error(UsageError, "galley.dask.batch-size", "batch_size must be at least 1")
    exe = _executable(galley)
    conv = _conversion_options(from_, to, output_dir, force, metadata, variables, options)
    jobs = sum(client.nthreads().values()) or 1
    the_plan = _plan(exe, conv, paths_or_manifest, None)
    articles = the_plan["articles"]
    total = len(articles)
    entries = [None] * total
    done = 0

    def arrived(index, entry):
        nonlocal done
        if entries[index] is not None:  # one entry per article, whatever ran twice
            return
        entries[index] = entry
        done += 1
        if on_result:
            on_result(entry, done, total)

    todo = []
    for i, a in enumerate(articles):
        if "up-to-date" in a:
            arrived(i, a["up-to-date"])
        else:
            todo.append((i, a))
    # What makes the output: the options, the working folder relative paths
    # start from, and SOURCE_DATE_EPOCH (the freshness records include it).
    worker_cmd = [exe] + conv + ["--worker"]
    env_items = [("SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH"))]
    cwd = os.getcwd()
    run = uuid.uuid4().hex[:12]
    batch_size = batch_size or _auto_batch_size(len(todo), jobs)
    chunks = iter([todo[k:k + batch_size] for k in range(0, len(todo), batch_size)])
    in_flight = {}
    pending = distributed.as_completed()

    def submit_next():
        chunk = next(chunks, None)
        if chunk is None:
            return
        fut = client.submit(_convert_articles, worker_cmd, cwd, env_items, chunk,
                            key=f"galley-{run}-{chunk[0][0]}", pure=False)
        in_flight[fut.key] = chunk
        pending.add(fut)

    for _ in range(window or 8 * jobs):
        submit_next()
    for fut in pending:
        chunk = in_flight.pop(fut.key)
        try:
            results = fut.result()
        except Exception as e:  # noqa: BLE001 - e.g. KilledWorker: the chunk's articles failed, the rest go on
            results = [(i, _failed_entry(a, "galley.dask.task", f"{type(e).__name__}: {e}")) for i, a in chunk]
        fut.release()
        for index, entry in results:
            arrived(index, entry)
        submit_next()

    rep = {k: the_plan[k] for k in ("galley", "formats", "output-dir", "shard")}
    rep["summary"] = _summary(entries, jobs, time.monotonic() - start)
    rep["articles"] = entries
    if report:
        _write_atomic(os.fspath(report), json.dumps(rep, indent=2, ensure_ascii=False) + "\n")
    return rep
