"""Comparing two runs of one batch (galley --output-dir, shards, galley.dask):
shared by conformance.dask_convert, conformance.shard_auto and bench/dask_bench.py."""
import json
import os


def comparable(report, root):
    """The --report without what differs between two runs of one batch: times,
    jobs and the output folder (paths made relative to `root`)."""
    r = json.loads(json.dumps(report))
    r["output-dir"] = None
    del r["summary"]["seconds"], r["summary"]["jobs"]
    for a in r["articles"]:
        del a["seconds"]
        for o in a["outputs"]:
            o["path"] = os.path.relpath(o["path"], root)
    return r


def tree(root):
    """relative path -> bytes of every file below root (the .galley records too),
    and the temporary files (.NAME.galley-XXXXXX) found."""
    files, temps = {}, []
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            if ".galley-" in n:
                temps.append(p)
            else:
                with open(p, "rb") as f:
                    files[os.path.relpath(p, root)] = f.read()
    return files, temps
