# Shared helpers for conformance scripts (sourced).
# need TOOL...: when a checker is missing, fail under CI=true, else skip.
need() {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      if [ "${CI:-}" = "true" ]; then echo "FAIL: required checker '$tool' is missing (CI=true)"; exit 1; fi
      echo "SKIP: '$tool' is not installed"; exit 0
    fi
  done
}
: "${GALLEY:?GALLEY must point at the galley binary}"
: "${SHARED:?SHARED must point at ../shared}"
# java_quick ARGS...: java for a checker run of seconds (EPUBCheck, vnu). The C1 compiler
# alone and the serial collector halve such a run's CPU time (C2 and the parallel
# collector's threads do not pay back that soon: EPUBCheck on five JATS books 25 -> 12 s,
# vnu on five print pages 12 -> 5 s, the same reports). C1's frames are larger: vnu
# overflows its schema's recursion with less than a 16 MB stack.
java_quick() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss16m "$@"; }
