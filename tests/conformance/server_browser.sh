#!/usr/bin/env bash
# The server's page in headless Chromium (server_browser.js, playwright-core from
# tests/tools driving Debian's /usr/bin/chromium): upload, download the EPUB and
# check it with EPUBCheck, previews, warnings. Screenshots are kept in
# $BUILD/test-artifacts/ (server-page.png, server-page-epub.png).
set -euo pipefail
: "${GALLEY:?}" "${SRC:?}" "${BUILD:?}"
missing=()
[ -d "$SRC/tests/tools/node_modules/playwright-core" ] || missing+=("playwright-core (npm install in tests/tools)")
command -v node >/dev/null || missing+=(node)
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
{ command -v java >/dev/null && [ -f "$JAR" ]; } || missing+=("EPUBCheck ($JAR) or java")
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${CI:-}" = "true" ]; then echo "FAIL: missing ${missing[*]}"; exit 1; fi
  echo "SKIP: missing ${missing[*]}"; exit 0
fi
out="$BUILD/test-artifacts"
mkdir -p "$out"
rm -f "$out/server-page.epub" "$out/server-page.png" "$out/server-page-epub.png"
NODE_PATH="$SRC/tests/tools/node_modules" node "$SRC/tests/conformance/server_browser.js" "$GALLEY" "$SRC/examples/article.txt" "$out"
# The downloaded EPUB: valid, and the CLI's bytes.
java -jar "$JAR" -q "$out/server-page.epub"
"$GALLEY" "$SRC/examples/article.txt" -t epub3 -o "$out/server-page-cli.epub"
cmp "$out/server-page.epub" "$out/server-page-cli.epub"
[ -s "$out/server-page.png" ] || { echo "FAIL: no screenshot"; exit 1; }
echo "server_browser: EPUBCheck passed, the download is the CLI's EPUB, screenshot $out/server-page.png"
