# Sourced by consumer_find_package.sh with PREFIX (an install of build/) and T (scratch):
# the C ABI as a C program uses it, and the Python module where the install put it.
# - examples/convert_article.c compiles as C99 with -Wall -Werror against the installed
#   galley.h and links with the static libraries pkg-config names (--static: their C++
#   and system dependencies from Libs.private/Requires.private), then converts
#   examples/article.txt to EPUB and JATS: the same bytes as the command's.
# - `import galley` from <prefix>/lib/python3.X/{site,dist}-packages with Debian's python3.
need cc
capi_pc=$(PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig" pkg-config --cflags --libs --static galley)
# shellcheck disable=SC2086  # the flags are words
cc -std=c99 -Wall -Wextra -Werror -pedantic "$SRC/examples/convert_article.c" -o "$T/convert_article_c" $capi_pc
mkdir -p "$T/c-out"
"$T/convert_article_c" "$SRC/examples/article.txt" "$T/c-out"
(cd "$SRC/examples" && "$PREFIX/bin/galley" article.txt -f plain -M "publisher=The Example Gazette" -t epub -o "$T/c-out/cli.epub" &&
   "$PREFIX/bin/galley" article.txt -f plain -M "publisher=The Example Gazette" -t jats -o "$T/c-out/cli.xml")
cmp "$T/c-out/article.epub" "$T/c-out/cli.epub"
cmp "$T/c-out/article.xml" "$T/c-out/cli.xml"
grep -q '<article-title>' "$T/c-out/article.xml"
echo "C ABI: convert_article.c built with pkg-config --static, EPUB and JATS equal the command's"
if ls "$BUILD"/python/galley/_galley.*.so >/dev/null 2>&1; then
  site=$(ls -d "$PREFIX"/lib/python3*/*-packages 2>/dev/null | head -1)
  [ -n "$site" ] && [ -f "$site/galley/__init__.py" ] && [ -f "$site/galley/__init__.pyi" ] || {
    echo "FAIL: the Python package is not below $PREFIX/lib/python3.X"; exit 1; }
  (cd "$T" && PYTHONPATH="$site" /usr/bin/python3 -c 'import galley, sys
assert galley.__file__.startswith(sys.argv[1]), galley.__file__
assert galley.convert(open(sys.argv[2], "rb").read(), "plain", "epub", metadata={"publisher": "The Example Gazette"},
                      resource_root=sys.argv[2].rsplit("/", 1)[0]) == open(sys.argv[3], "rb").read()
print("Python: import galley from", sys.argv[1], galley.__version__)' "$site" "$SRC/examples/article.txt" "$T/c-out/cli.epub")
elif [ "${CI:-}" = "true" ]; then
  echo "FAIL: build/ has no Python module (GALLEY_PYTHON=ON)"; exit 1
fi
