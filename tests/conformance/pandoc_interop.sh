#!/usr/bin/env bash
# Pandoc interop with the real pandoc 2.17: for each pandoc test document,
# pandoc makes the JSON; `galley -f json -t json --pandoc-api=1.22` must give
# JSON equal (as parsed JSON) to pandoc's, and pandoc must render galley's JSON
# to the same HTML as its own. Also 1.23 output read back by galley is stable.
set -u
. "$(dirname "$0")/lib.sh"
need pandoc python3

P=$SHARED/corpus/pandoc
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
check() {  # name, pandoc args...
  local name=$1; shift
  if ! pandoc "$@" -t json -o "$T/$name.pandoc.json" 2>"$T/err"; then echo "FAIL $name: pandoc could not read it: $(cat "$T/err")"; fail=1; return; fi
  if ! "$GALLEY" -f json -t json --pandoc-api=1.22 "$T/$name.pandoc.json" -o "$T/$name.galley.json"; then
    echo "FAIL $name: galley exited $?"; fail=1; return; fi
  if ! python3 - "$T/$name.pandoc.json" "$T/$name.galley.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
if a != b:
    for i, (x, y) in enumerate(zip(a["blocks"], b["blocks"])):
        if x != y:
            print("first difference in block", i, json.dumps(x)[:300], "\nvs", json.dumps(y)[:300]); break
    else:
        print("meta or block count differ")
    sys.exit(1)
PY
  then echo "FAIL $name: galley's JSON differs from pandoc's"; fail=1; return; fi
  pandoc -f json -t html5 "$T/$name.pandoc.json" -o "$T/$name.pandoc.html"
  if ! pandoc -f json -t html5 "$T/$name.galley.json" -o "$T/$name.galley.html" || ! cmp -s "$T/$name.pandoc.html" "$T/$name.galley.html"; then
    echo "FAIL $name: pandoc renders galley's JSON differently"; fail=1; return; fi
  # 1.23 round trip: galley's 1.23 output read back gives the same 1.23 output.
  "$GALLEY" -f json -t json "$T/$name.pandoc.json" -o "$T/$name.23.json" &&
  "$GALLEY" -f json -t json "$T/$name.23.json" -o "$T/$name.23b.json" && cmp -s "$T/$name.23.json" "$T/$name.23b.json" ||
    { echo "FAIL $name: 1.23 round trip unstable"; fail=1; return; }
  echo "ok   $name"
}
check testsuite -f markdown "$P/testsuite.txt"
check tables -f markdown "$P/tables.txt"
check html-reader -f html "$P/html-reader.html"
# writer.native is pandoc 3's (it has a Figure); pandoc 2.17 reads it once the
# figure is written in the 1.22 implicit-figure form.
python3 - "$P/writer.native" "$T/writer22.native" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
fig = re.compile(r'Figure\s*\(\s*"" , \[\] , \[\] \)\s*\(Caption Nothing \[ Plain \[ Str "lalune" \] \]\)\s*'
                 r'\[ Plain\s*\[ Image\s*\( "" , \[\] , \[\] \)\s*\[ Str "lalune" \]\s*\( "lalune.jpg" , "Voyage dans la Lune" \)\s*\]\s*\]')
s, n = fig.subn('Para [ Image ( "" , [] , [] ) [ Str "lalune" ] ( "lalune.jpg" , "fig:Voyage dans la Lune" ) ]', s)
assert n == 1, "writer.native's figure not found"
open(sys.argv[2], "w").write(s)
PY
check writer -f native "$T/writer22.native"
# In 1.23 mode the implicit figure must come out as pandoc 3's Figure, as in writer.native.
"$GALLEY" -f json -t json "$T/writer.pandoc.json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
figs = [b for b in d["blocks"] if b["t"] == "Figure"]
want = [["", [], []], [None, [{"t": "Plain", "c": [{"t": "Str", "c": "lalune"}]}]],
        [{"t": "Plain", "c": [{"t": "Image", "c": [["", [], []], [{"t": "Str", "c": "lalune"}], ["lalune.jpg", "Voyage dans la Lune"]]}]}]]
sys.exit(0 if len(figs) == 1 and figs[0]["c"] == want else 1)' && echo "ok   writer (1.23 Figure as in pandoc 3)" || { echo "FAIL writer: 1.23 Figure differs from writer.native"; fail=1; }
for t in nordics planets students; do check "tables-$t" -f native "$P/tables/$t.native"; done
exit $fail
