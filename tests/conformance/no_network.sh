#!/usr/bin/env bash
# No conversion ever opens a network connection. Runs a representative set of
# conversions (plain, html with remote images/links/stylesheets/scripts, json,
# epub, jats, html_print) twice:
#   1. under `unshare -n` (a network namespace with no interfaces): they must succeed;
#   2. under `strace -f -e trace=connect,sendto,sendmsg`: zero calls to a non-local
#      socket (AF_INET/AF_INET6; AF_UNIX such as nscd is reported but allowed).
# Needs util-linux unshare (and root or user namespaces) and strace.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need unshare strace
if ! unshare -n true 2>/dev/null; then
  if [ "${CI:-}" = "true" ]; then echo "FAIL: unshare -n not permitted (CI=true)"; exit 1; fi
  echo "SKIP: unshare -n not permitted here"; exit 0
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
printf '\211PNG\r\n\032\n0000' > local.png
cat > remote.html <<'HTML'
<!DOCTYPE html><html><head><title>Remote things</title>
<link rel="stylesheet" href="http://127.0.0.1:9/style.css"><script src="https://example.invalid/a.js"></script>
<meta property="og:image" content="https://example.invalid/og.png"></head>
<body><article><h1>Remote things</h1>
<p>An image <img src="http://127.0.0.1:9/a.png" alt="a"> and <img src="https://example.invalid/b.jpg" alt="b">
and <img src="//example.invalid/c.gif" alt="c"> and a local one <img src="local.png" alt="l">.</p>
<p>A <a href="https://example.invalid/story">link</a>, <iframe src="https://example.invalid/embed"></iframe></p>
<figure><img src="https://example.invalid/fig.png" alt="f"><figcaption>Caption</figcaption></figure>
</article></body></html>
HTML
cat > remote.xhtml <<'XML'
<?xml version="1.0"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://127.0.0.1:9/xhtml11.dtd" [
<!ENTITY ext SYSTEM "http://127.0.0.1:9/entity.txt">]>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>X</title></head><body><p>&ext; text</p></body></html>
XML
plain_in="$SRC/examples/article.txt"
if [ ! -f "$plain_in" ]; then printf 'Headline\n\nHANOI - Body text.\n' > article.txt; plain_in=article.txt; fi

conversions=(
  "$plain_in -t epub3 -o a.epub"
  "$plain_in -t jats_archiving -o a.xml"
  "$plain_in -t html_print -o a.html"
  "$plain_in -t json -o a.json"
  "remote.html -f html+extract -t epub3 -o r.epub"
  "remote.html -t jats_publishing -o r.xml"
  "remote.html -t html_print -o r.html"
  "remote.html -t plain -o r.txt"
  "remote.xhtml -t json -o x.json"
  "remote.html -t json --source-url https://example.invalid/news/ -o s.json"
  "a.json -t jats_articleauthoring -o b.xml"
)
# PDF: the engine (WeasyPrint) is galley's child, traced with it (strace -f).
if command -v weasyprint >/dev/null; then conversions+=("$plain_in -t pdf -o a.pdf" "remote.html -t pdf -o r.pdf")
elif [ "${CI:-}" = "true" ]; then echo "FAIL: weasyprint missing (CI=true): PDF conversions untested"; exit 1; fi

fail=0
for c in "${conversions[@]}"; do
  # shellcheck disable=SC2086
  if ! unshare -n "$GALLEY" $c 2>/dev/null; then echo "FAIL (no network namespace): galley $c"; fail=1; fi
done

for c in "${conversions[@]}"; do
  # shellcheck disable=SC2086
  strace -f -qq -e trace=connect,sendto,sendmsg -o trace.txt "$GALLEY" $c 2>/dev/null || { echo "FAIL (under strace): galley $c"; fail=1; }
  if grep -E 'AF_INET6?' trace.txt >/dev/null; then
    echo "FAIL: network connection attempted by: galley $c"; grep -E 'AF_INET6?' trace.txt | head -5; fail=1
  fi
  n=$(grep -c -E '^[0-9]+ +connect\(' trace.txt || true)
  echo "galley $c: $n connect() call(s), none to AF_INET/AF_INET6"
done
[ "$fail" = 0 ] && echo "no_network: ${#conversions[@]} conversions, no network access"
exit "$fail"
