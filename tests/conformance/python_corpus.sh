#!/usr/bin/env bash
# galley.convert writes what the command writes, byte for byte, for every corpus
# document and writer (tests/python/corpus_identical.py says how).
set -u
. "$(dirname "$0")/python_lib.bash"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
PY "$SRC/tests/python/corpus_identical.py" "$GALLEY" "$SHARED" "$T"
