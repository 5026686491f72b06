#!/usr/bin/env bash
# Install galley into a temporary prefix; a separate project must find it with
# find_package(galley) and with pkg-config, build, and run; so must a C program
# (capi_installed.bash) and Python.
set -eu
. "$(dirname "$0")/lib.sh"
need cmake pkg-config
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cmake --install "$BUILD" --prefix "$T/prefix" >/dev/null
cmake -S "$SRC/tests/consumer" -B "$T/build" -G Ninja -DCMAKE_PREFIX_PATH="$T/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$T/build" >/dev/null
"$T/build/consumer"
PKG_CONFIG_PATH="$T/prefix/lib/pkgconfig" pkg-config --modversion galley
test -x "$T/prefix/bin/galley"
PREFIX="$T/prefix"; . "$(dirname "$0")/capi_installed.bash"  # the C ABI and Python module, same install
echo ok
