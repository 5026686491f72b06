#!/usr/bin/env bash
# galley server: good and bad requests, limits, isolation, graceful stop (server_requests.py).
set -euo pipefail
: "${GALLEY:?GALLEY must point at the galley binary}" "${SRC:?SRC must point at the source dir}"
exec python3 "$SRC/tests/conformance/server_requests.py"
