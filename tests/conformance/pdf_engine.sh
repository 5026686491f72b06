#!/usr/bin/env bash
# How galley runs a PDF engine, with stand-in engines (scripts named weasyprint
# that record what they were given) and then the real ones on a hostile page:
#  1. a missing engine is an error naming the Debian package; an unknown one a usage error;
#  2. a failing engine: exit 4, its message shown, no PDF (an old one untouched);
#     one that exits 0 without writing a PDF: exit 4 too;
#  3. a hanging engine (and the helper it started) is killed at -V pdf-timeout;
#  4. engine warnings become galley warnings; --pdf-engine-opt reaches the engine;
#  5. the engine runs in a private folder (mode 0700, removed afterwards), in a
#     network namespace of its own where a connection to 192.0.2.1 fails;
#  6. the print HTML it gets names no local file (raw HTML's <img src=/etc/...>,
#     rel=attachment links, url(file:...) refused, warning resource-refused);
#     the real WeasyPrint attaches nothing from such a page;
#  7. Chromium runs no script: an onerror handler that survives the print HTML
#     changes the page in a plain Chromium (the control) and not through galley.
set -u
. "$(dirname "$0")/lib.sh"
need python3 pdftotext pdfdetach

T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
seed="$SHARED/examples/plain/seed-bacgiang.txt"
mkdir -p "$T/bin"
fake() {  # fake NAME BODY: $T/bin/NAME, a bash script; the last argument is the PDF to write
  printf '#!/bin/bash\n%s\n' "$2" > "$T/bin/$1"; chmod +x "$T/bin/$1"
}
MINIPDF='printf "%%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n" > "${@: -1}"'

# 1. missing / unknown engine
out=$(env PATH=/nonexistent "$GALLEY" -f plain "$seed" -o "$T/m.pdf" 2>&1); rc=$?
[ $rc -eq 4 ] && echo "$out" | grep -q "galley.pdf.engine-missing" && echo "$out" | grep -q "apt-get install weasyprint" \
  || bad "missing weasyprint: rc=$rc: $out"
out=$(env PATH=/nonexistent "$GALLEY" -f plain "$seed" --pdf-engine=chromium -o "$T/m.pdf" 2>&1)
echo "$out" | grep -q "Debian package 'chromium'" || bad "missing chromium: $out"
[ -e "$T/m.pdf" ] && bad "a PDF was written without an engine"
out=$("$GALLEY" -f plain "$seed" --pdf-engine=/bin/true -o "$T/m.pdf" 2>&1); rc=$?
[ $rc -eq 2 ] && echo "$out" | grep -q "galley.pdf.engine-unknown" || bad "unknown engine: rc=$rc: $out"
echo "1. missing and unknown engines: clear errors"

# 2. failing engine
fake weasyprint 'echo "ERROR: the engine broke on purpose" >&2; echo "%PDF-half" > "${@: -1}"; exit 3'
echo "old" > "$T/old.pdf"
out=$("$GALLEY" -f plain "$seed" --pdf-engine="$T/bin/weasyprint" -o "$T/old.pdf" 2>&1); rc=$?
[ $rc -eq 4 ] && echo "$out" | grep -q "exited with status 3" && echo "$out" | grep -q "broke on purpose" || bad "failing engine: rc=$rc: $out"
[ "$(cat "$T/old.pdf")" = "old" ] || bad "a failing engine replaced the old PDF"
ls "$T" | grep -q '\.tmp' && bad "a temporary output was left behind"
fake weasyprint 'echo "quietly did nothing"; exit 0'
out=$("$GALLEY" -f plain "$seed" --pdf-engine="$T/bin/weasyprint" -o "$T/none.pdf" 2>&1); rc2=$?
[ $rc2 -eq 4 ] && echo "$out" | grep -q "galley.pdf.no-output" || bad "engine without a PDF: rc=$rc2: $out"
[ -e "$T/none.pdf" ] && bad "a PDF from an engine that wrote none"
echo "2. failing engine: exit $rc, message passed on, old PDF untouched; no PDF written: exit $rc2"

# 3. hanging engine and its helper, killed at the time limit
fake weasyprint "sleep 300 & echo \$! > '$T/helper.pid'; sleep 300"
start=$(date +%s)
out=$(PATH="$T/bin:$PATH" "$GALLEY" -f plain "$seed" -V pdf-timeout=1 -o "$T/h.pdf" 2>&1); rc=$?
took=$(( $(date +%s) - start ))
[ $rc -eq 4 ] && echo "$out" | grep -q "galley.pdf.engine-timeout" || bad "timeout: rc=$rc: $out"
[ $took -le 10 ] || bad "the time limit took $took s"
[ -e "$T/h.pdf" ] && bad "a PDF after a timeout"
alive() {  # a process that exists and is not a zombie waiting for its reaper
  [ -r "/proc/$1/stat" ] && ! awk '{exit ($3 == "Z") ? 0 : 1}' "/proc/$1/stat"
}
helper=$(cat "$T/helper.pid" 2>/dev/null)
[ -n "$helper" ] || bad "the stand-in engine did not start its helper"
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -n "$helper" ] && alive "$helper" && sleep 0.2; done
if [ -n "$helper" ] && alive "$helper"; then bad "the engine's helper survived"; kill "$helper"; fi
echo "3. hanging engine stopped after $took s with its helper"

# 4 + 5. warnings, options, private folder, network namespace
fake weasyprint "
echo 'WARNING: a stand-in warning' >&2
printf '%s\n' \"\$@\" > '$T/argv'
html=\"\${@: -2:1}\"
stat -c %a \"\$(dirname \"\$html\")\" > '$T/mode'; dirname \"\$html\" > '$T/dir'
cp \"\$html\" '$T/seen.html'
readlink /proc/self/ns/net > '$T/netns'
python3 -c 'import socket; s = socket.socket(); s.settimeout(2); s.connect((\"192.0.2.1\", 80))' 2> '$T/connect' && echo connected > '$T/connect'
$MINIPDF"
out=$(PATH="$T/bin:$PATH" "$GALLEY" -f plain "$seed" --pdf-engine-opt=--presentational-hints -o "$T/w.pdf" 2>&1); rc=$?
[ $rc -eq 0 ] && [ -s "$T/w.pdf" ] || bad "stand-in engine run: rc=$rc: $out"
echo "$out" | grep -q '^\[WARNING\] weasyprint: WARNING: a stand-in warning' || bad "engine warning not passed on: $out"
grep -qx -- '--presentational-hints' "$T/argv" || bad "--pdf-engine-opt not passed on"
[ "$(tail -1 "$T/argv")" = "$(dirname "$(sed -n '$p' "$T/argv")")/article.pdf" ] || bad "output argument: $(tail -1 "$T/argv")"
[ "$(cat "$T/mode")" = 700 ] || bad "the engine's folder has mode $(cat "$T/mode")"
[ -e "$(cat "$T/dir")" ] && bad "the engine's folder was left behind"
echo "4. warnings and --pdf-engine-opt passed on; private folder, removed"
if echo "$out" | grep -q "no-network-namespace\|without a network namespace"; then
  if [ "${CI:-}" = "true" ]; then bad "no network namespace for the engine here (CI=true)"; else echo "SKIP 5: no network namespace permitted here"; fi
else
  [ "$(cat "$T/netns")" != "$(readlink /proc/self/ns/net)" ] || bad "the engine shares galley's network namespace"
  grep -q connected "$T/connect" && bad "the engine reached the network"
  echo "5. own network namespace ($(cat "$T/netns")); connect: $(tail -1 "$T/connect" | cut -c1-60)"
fi

# 6. local references refused, with a stand-in and with the real WeasyPrint
cat > "$T/hostile.json" <<'JSON'
{"pandoc-api-version":[1,23,1],"meta":{"title":{"t":"MetaInlines","c":[{"t":"Str","c":"Hostile"}]}},"blocks":[
{"t":"RawBlock","c":["html","<p id=\"x\">SAFE</p>"]},
{"t":"RawBlock","c":["html","<img src=\"data:image/gif;base64,R0lGOD\" onerror=\"document.getElementById('x').textContent='PWNED'\" alt=\"\">"]},
{"t":"RawBlock","c":["html","<p>a <a rel=\"attachment\" href=\"/etc/hostname\">leak</a> <img src=\"&#47;etc/hostname\" alt=\"h\"> <svg><image href=\"../../etc/hostname\"/></svg> <span style=\"background:u\\72l(file:///etc/hostname)\">s</span> <a href=\"other.html\">a link</a></p>"]},
{"t":"RawBlock","c":["html","<p><IMG SRC=/etc/hostname alt=u><img srcset=\"data:image/png;base64,AA 1x, /etc/hostname 2x\" alt=s><img src=\"  /etc/hostname\" alt=w><svg><image xlink:href=\"file:/etc/hostname\"/></svg></p>"]},
{"t":"Para","c":[{"t":"Str","c":"Body"}]}]}
JSON
out=$(PATH="$T/bin:$PATH" "$GALLEY" "$T/hostile.json" -o "$T/x.pdf" 2>&1)
# refused by the PDF writer's guard, or already removed from the raw HTML as unsafe
# attributes by the renderer (galley::clean_raw_html_attributes), which counts them
n=$(( $(echo "$out" | grep -c 'resource-refused\|may read only what galley embedded') + \
      $(echo "$out" | grep -o '[0-9]* unsafe attribute' | awk '{s += $1} END {print s + 0}') ))
grep -qi 'etc/hostname' "$T/seen.html" && bad "the engine was given local references: $(grep -o '[^ ]*etc/hostname[^ ]*' "$T/seen.html" | head -3)"
grep -q 'href="other.html"' "$T/seen.html" || bad "an ordinary link was changed"
[ "$n" -ge 8 ] || bad "expected 8 refusals, got $n: $out"
echo "6. $n local references refused before the engine"
if command -v weasyprint >/dev/null; then
  "$GALLEY" "$T/hostile.json" -o "$T/real.pdf" 2>/dev/null || bad "weasyprint on the hostile page"
  pdfdetach -list "$T/real.pdf" | grep -q hostname && bad "WeasyPrint attached /etc/hostname"
  pdftotext "$T/real.pdf" - | grep -q "$(cat /etc/hostname)" && bad "the host name is in the PDF"
  echo "   WeasyPrint: nothing local attached or printed"
elif [ "${CI:-}" = "true" ]; then bad "weasyprint missing (CI=true)"; fi

# 7. no script in Chromium
if command -v chromium >/dev/null; then
  "$GALLEY" "$T/hostile.json" -t html_print -o "$T/control.html" 2>/dev/null
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$T/control-profile" --no-pdf-header-footer \
    --print-to-pdf="$T/control.pdf" "$T/control.html" >/dev/null 2>&1
  control=$(pdftotext "$T/control.pdf" - 2>/dev/null | grep -c PWNED)
  "$GALLEY" "$T/hostile.json" --pdf-engine=chromium -o "$T/c.pdf" 2>/dev/null || bad "chromium on the hostile page"
  txt=$(pdftotext "$T/c.pdf" - 2>/dev/null)
  echo "$txt" | grep -q PWNED && bad "a script ran in Chromium"
  echo "$txt" | grep -q SAFE || bad "the hostile page's text is missing"
  if [ "$control" -gt 0 ]; then echo "7. Chromium: the handler ran in the control, not through galley"
  else echo "7. Chromium: no script ran (the control did not run it either: print HTML dropped it)"; fi
elif [ "${CI:-}" = "true" ]; then bad "chromium missing (CI=true)"; fi

[ $fail -eq 0 ] && echo "PASS"
exit $fail
