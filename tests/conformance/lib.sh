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
