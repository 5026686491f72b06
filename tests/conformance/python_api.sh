#!/usr/bin/env bash
# The Python module's API (same bytes as the command for the same options, warnings,
# threads, stubs) and bad input (wrong types, invalid UTF-8, huge and deep input):
# always a galley.Error, never a crash (tests/python/api_and_bad_input.py).
set -u
. "$(dirname "$0")/python_lib.bash"
PY "$SRC/tests/python/api_and_bad_input.py" "$GALLEY" "$SRC"
