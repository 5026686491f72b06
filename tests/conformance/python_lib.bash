# Sourced by the Python module's conformance scripts: PY runs Debian's interpreter with
# the build tree's package (build/python) first on the path. A build without the module
# (GALLEY_PYTHON=OFF) fails them under CI=true and skips them otherwise.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PYTHON=${GALLEY_PYTHON_EXECUTABLE:-/usr/bin/python3}
if [ ! -x "$PYTHON" ] || ! ls "$BUILD"/python/galley/_galley.*.so >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then echo "FAIL: no Python module in $BUILD/python (configure with -DGALLEY_PYTHON=ON)"; exit 1; fi
  echo "SKIP: no Python module in $BUILD/python (GALLEY_PYTHON=OFF)"; exit 0
fi
PY() { PYTHONPATH="$BUILD/python" PYTHONDONTWRITEBYTECODE=1 "$PYTHON" "$@"; }
