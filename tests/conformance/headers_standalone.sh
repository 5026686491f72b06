#!/usr/bin/env bash
# Every public header compiles on its own (includes what it uses).
set -u
. "$(dirname "$0")/lib.sh"
need c++
fail=0
for h in "$SRC"/include/galley/*.hpp "$SRC"/include/galley/detail/*.hpp; do
  rel=${h#"$SRC"/include/}
  if ! echo "#include <$rel>" | c++ -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror \
        -I"$SRC/include" -I"$BUILD/include" -x c++ - 2>"$BUILD/header-check.log"; then
    echo "FAIL $rel"; cat "$BUILD/header-check.log"; fail=1
  else
    echo "ok   $rel"
  fi
done
exit $fail
