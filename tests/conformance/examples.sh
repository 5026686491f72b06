#!/usr/bin/env bash
# Every example program is built; the ctest entries example.* run them. This
# script checks that their outputs are what the README shows.
set -u
. "$(dirname "$0")/lib.sh"
out=$("$BUILD/examples/example_custom_format") || { echo "FAIL custom_format exited $?"; exit 1; }
echo "$out" | grep -qx "block 1: 5 words" || { echo "FAIL custom_format output: $out"; exit 1; }
echo ok
