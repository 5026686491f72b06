#!/usr/bin/env bash
# galley.dask.convert_many on a LocalCluster of two worker processes on the
# loopback address (issue 24), against `galley -j 2` on the same manifest:
# outputs, up-to-date records and report; a second run; a worker killed mid-run;
# the client (examples/dask_convert.py) killed mid-run and run again.
# Details in dask_convert_check.py. A sample of the corpus (every 24th input);
# FULL=1 takes every input of ../shared/corpus (minutes; bench/dask_bench.py
# measures the throughput).
set -u
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3  # Debian's: the one with python3-distributed and the module built for it
missing=""
[ -x "$PY" ] || missing="$PY"
[ -n "$missing" ] || "$PY" -c 'import distributed' 2>/dev/null || missing="python3-distributed"
[ -n "$missing" ] || [ -d "$BUILD/python/galley" ] || missing="the galley Python module (GALLEY_PYTHON=ON)"
if [ -n "$missing" ]; then
  if [ "${CI:-}" = "true" ]; then echo "FAIL: $missing is missing (CI=true)"; exit 1; fi
  echo "SKIP: $missing is missing"; exit 0
fi
export PYTHONPATH="$BUILD/python${PYTHONPATH:+:$PYTHONPATH}"
exec "$PY" "$(dirname "$0")/dask_convert_check.py"
