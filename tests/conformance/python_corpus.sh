#!/usr/bin/env bash
# galley.convert writes what the command writes, byte for byte, for every corpus
# document and writer (tests/python/corpus_identical.py says how). The command's
# outputs are those conformance.determinism recorded ($BUILD/determinism-digests.txt,
# its run a; ctest runs it first: fixture determinism_digests); when they are missing
# or older than $GALLEY, the command converts the corpus here as well.
set -u
. "$(dirname "$0")/python_lib.bash"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
PY "$SRC/tests/python/corpus_identical.py" "$GALLEY" "$SHARED" "$T" "$BUILD/determinism-digests.txt"
