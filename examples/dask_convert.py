#!/usr/bin/python3
"""Converts a manifest of articles on a Dask cluster with galley.dask.

    dask_convert.py --scheduler tcp://host:8786 --manifest articles.lst \\
        -f html+extract --to epub,jats,html_print --output-dir out --report report.json
    dask_convert.py --local 2 ...        # a LocalCluster of 2 worker processes here

The outputs and the report are those of `galley --manifest articles.lst
--output-dir out ... --report report.json`. Run it again after it (or a worker)
died: finished articles are up to date and only the rest is converted.
Prints one line per article, like galley's batch mode. Exit status: 0 every
article converted or up to date, 1 some failed, 2 bad options.
"""
import argparse
import sys

from distributed import Client

import galley
import galley.dask


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running Dask scheduler")
    where.add_argument("--local", type=int, metavar="N", help="start a LocalCluster of N worker processes")
    ap.add_argument("--manifest", required=True)
    ap.add_argument("-f", "--from", dest="from_")
    ap.add_argument("-t", "--to", default="epub")
    ap.add_argument("--output-dir", required=True)
    ap.add_argument("--report")
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--galley", help="the galley executable (default: $GALLEY, else galley on PATH)")
    ap.add_argument("--batch-size", type=int, help="articles per Dask task (default: by the run's size)")
    a = ap.parse_args()

    if a.local:
        cluster = galley.dask.local_cluster(a.local)
        client = Client(cluster)
    else:
        client = Client(a.scheduler)

    def progress(entry, done, total):
        status = {"converted": "converted ", "up-to-date": "up to date", "failed": "FAILED    "}[entry["status"]]
        extra = f": {entry['error']['message']}" if "error" in entry else ""
        if entry["status"] == "failed" and not extra:
            extra = ": " + next(o["error"]["message"] for o in entry["outputs"] if "error" in o)
        print(f"[{done:{len(str(total))}}/{total}] {status} {entry['input']}{extra}", flush=True)

    try:
        rep = galley.dask.convert_many(a.manifest, from_=a.from_, to=a.to.split(","), output_dir=a.output_dir,
                                       client=client, report=a.report, force=a.force, galley=a.galley,
                                       batch_size=a.batch_size, on_result=progress)
    except galley.Error as e:
        print(f"dask_convert: {e}", file=sys.stderr)
        return 2
    s = rep["summary"]
    print(f"galley.dask: {s['articles']} articles in {s['seconds']} s ({s['jobs']} workers): {s['converted']} converted, "
          f"{s['up-to-date']} up to date, {s['failed']} failed; {s['files-written']} files written", file=sys.stderr)
    client.close()
    return 1 if s["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
