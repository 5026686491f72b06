#!/usr/bin/env bash
# Batch mode (issue 8) over every example, news-text and readability article
# (about 325; html inputs with -f html+extract) to epub, jats and html_print
# with -j 2, plus one deliberately broken input:
#  - the broken input fails alone, the others convert; exit status 1;
#  - the summary line and --report agree with the files found on disk;
#  - no temporary file is left; outputs look like what they claim to be;
#  - a second run skips everything (up to date); removing one output
#    rebuilds exactly that one;
#  - --shard K/N splits the inputs into disjoint parts covering all of them;
#  - SIGINT in the middle leaves no partial file.
set -u
source "$(dirname "$0")/lib.sh"
need python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }

list="$tmp/inputs.lst"
{
  ls "$SHARED"/examples/plain/*.txt
  find "$SHARED/corpus/news-text" -type f -name '*.txt' | LC_ALL=C sort
  ls "$SHARED"/corpus/readability/*/source.html
} >"$list"
printf '{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[' >"$tmp/broken.json"
echo "$tmp/broken.json" >>"$list"
total=$(wc -l <"$list")
echo "inputs: $total"
[ "$total" -ge 300 ] || bad "only $total inputs found"

# check_run LABEL STDERR REPORT OUTDIR: the summary line, the report and the
# disk agree. Prints "converted uptodate failed written".
check_run() {
  python3 - "$@" <<'EOF'
import json, os, re, sys
label, errf, repf, outdir = sys.argv[1:5]
err = open(errf, encoding="utf-8", errors="replace").read()
m = re.search(r"galley: (\d+) articles? .*?: (\d+) converted \((\d+) with warnings\), (\d+) up to date, (\d+) failed; (\d+) files written, (\d+) up to date", err)
if not m:
    print(f"FAIL: {label}: no summary line"); sys.exit(1)
total, conv, warn, fresh, failed, written, fresh_files = map(int, m.groups())
rep = json.load(open(repf))
s = rep["summary"]
problems = []
if (s["articles"], s["converted"], s["with-warnings"], s["up-to-date"], s["failed"], s["files-written"], s["files-up-to-date"]) != \
   (total, conv, warn, fresh, failed, written, fresh_files):
    problems.append(f"summary line {m.group(0)!r} != report {s}")
if conv + fresh + failed != total:
    problems.append("converted + up to date + failed != articles")
on_disk, tmpfiles, records = set(), [], set()
for root, dirs, files in os.walk(outdir):
    if root == outdir and ".galley" in dirs:  # the up-to-date records (cli/freshness.hpp)
        dirs.remove(".galley")
        for r2, _, fs2 in os.walk(os.path.join(outdir, ".galley")):
            for f in fs2:
                if ".galley-" in f:
                    tmpfiles.append(os.path.join(r2, f))
                elif f.endswith(".source"):
                    records.add(os.path.normpath(os.path.join(outdir, os.path.relpath(os.path.join(r2, f[:-7]), os.path.join(outdir, ".galley")))))
                else:
                    problems.append(f"unexpected file in the record folder: {f}")
    for f in files:
        p = os.path.join(root, f)
        (tmpfiles if ".galley-" in f else [None]).append(p)
        if ".galley-" not in f:
            on_disk.add(os.path.normpath(p))
if tmpfiles:
    problems.append(f"temporary files left: {tmpfiles[:3]}")
expected, n_written = set(), 0
for a in rep["articles"]:
    for o in a["outputs"]:
        if o["status"] in ("written", "up-to-date"):
            expected.add(os.path.normpath(o["path"]))
        if o["status"] == "written":
            n_written += 1
            if os.path.getsize(o["path"]) != o["bytes"]:
                problems.append(f"{o['path']}: {os.path.getsize(o['path'])} bytes, report says {o['bytes']}")
            head = open(o["path"], "rb").read(4096)
            want = {"epub3": b"PK\x03\x04", "jats_archiving": b"<article", "html_print": b"<html"}[o["format"]]
            if (not head.startswith(want)) if o["format"] == "epub3" else (want not in head):
                problems.append(f"{o['path']} does not look like {o['format']}")
if n_written != written:
    problems.append(f"report lists {n_written} written outputs, summary says {written}")
if not on_disk <= records:
    problems.append(f"outputs without an up-to-date record: {sorted(on_disk - records)[:3]}")
if expected != on_disk:
    problems.append(f"on disk but not in the report: {sorted(on_disk - expected)[:3]}; "
                    f"in the report but not on disk: {sorted(expected - on_disk)[:3]}")
names = [a["input"] for a in rep["articles"] if a["status"] == "failed"]
for p in problems:
    print(f"FAIL: {label}: {p}")
print(f"{label}: {total} articles, {conv} converted ({warn} with warnings), {fresh} up to date, {failed} failed "
      f"{names[:5]}; {written} files written, {len(on_disk)} files on disk", file=sys.stderr)
print(conv, fresh, failed, written, " ".join(os.path.basename(n) for n in names))
sys.exit(1 if problems else 0)
EOF
}

out="$tmp/out"
start=$(date +%s.%N)
"$GALLEY" --manifest "$list" -f html+extract --to epub,jats,html_print --output-dir "$out" -j 2 \
  --report "$tmp/r1.json" 2>"$tmp/e1"
rc=$?
end=$(date +%s.%N)
secs=$(python3 -c "print(round($end - $start, 2))")
grep -E '^galley: |^  ' "$tmp/e1" | head -20
[ "$rc" = 1 ] || bad "first run: exit $rc, expected 1 (one failure)"
read -r conv fresh failed written failed_names < <(check_run first "$tmp/e1" "$tmp/r1.json" "$out") || bad "first run inconsistent"
[ "${failed:-x}" = 1 ] && [ "$failed_names" = broken.json ] || bad "expected broken.json to fail alone, got ${failed:-?} failure(s): ${failed_names:-}"
[ "${conv:-0}" = $((total - 1)) ] || bad "expected $((total - 1)) converted, got ${conv:-?}"
[ "${written:-0}" = $(((total - 1) * 3)) ] || bad "expected $(((total - 1) * 3)) files written, got ${written:-?}"
grep -q 'galley.json' "$tmp/e1" || bad "the failure reason of broken.json is not in the summary"
echo "first run: ${secs} s for $total articles ($(python3 -c "print(round($total / $secs, 1))") articles/s, -j 2)"

# Second run: everything up to date.
"$GALLEY" --manifest "$list" -f html+extract --to epub,jats,html_print --output-dir "$out" -j 2 \
  --report "$tmp/r2.json" 2>"$tmp/e2"
rc=$?
[ "$rc" = 1 ] || bad "second run: exit $rc, expected 1 (broken.json again)"
read -r conv fresh failed written _ < <(check_run second "$tmp/e2" "$tmp/r2.json" "$out") || bad "second run inconsistent"
[ "${conv:-x}" = 0 ] && [ "${written:-x}" = 0 ] && [ "${fresh:-0}" = $((total - 1)) ] ||
  bad "second run converted ${conv:-?} and wrote ${written:-?} files (expected all up to date)"

# Remove one output: exactly that one is rebuilt.
victim=$(find "$out" -name '*.xml' | head -1)
rm "$victim"
"$GALLEY" --manifest "$list" -f html+extract --to epub,jats,html_print --output-dir "$out" -j 2 \
  --report "$tmp/r3.json" 2>"$tmp/e3"
read -r conv fresh failed written _ < <(check_run third "$tmp/e3" "$tmp/r3.json" "$out") || bad "third run inconsistent"
[ "${conv:-x}" = 1 ] && [ "${written:-x}" = 1 ] && [ -s "$victim" ] || bad "removing one output rebuilt ${written:-?} files"

# Shards: disjoint, covering every input, the same output names as a full run.
for k in 1 2 3; do
  "$GALLEY" --manifest "$list" -f html+extract --to json --output-dir "$tmp/shards" --shard "$k/3" -j 2 \
    --report "$tmp/s$k.json" 2>/dev/null
done
"$GALLEY" --manifest "$list" -f html+extract --to json --output-dir "$tmp/full" -j 2 --report "$tmp/sf.json" 2>/dev/null
python3 - "$tmp" <<'EOF' || bad "shards"
import json, os, sys
t = sys.argv[1]
parts = [[a["input"] for a in json.load(open(f"{t}/s{k}.json"))["articles"]] for k in (1, 2, 3)]
full = json.load(open(f"{t}/sf.json"))["articles"]
allin = [a["input"] for a in full]
flat = [x for p in parts for x in p]
assert len(flat) == len(set(flat)) == len(allin) and set(flat) == set(allin), "shards overlap or miss inputs"
assert all(abs(len(p) - len(allin) / 3) < 1 for p in parts), [len(p) for p in parts]
rel = lambda root, p: os.path.relpath(p, root)
full_names = sorted(rel(f"{t}/full", o["path"]) for a in full for o in a["outputs"])
shard_names = sorted(rel(f"{t}/shards", o["path"]) for k in (1, 2, 3)
                     for a in json.load(open(f"{t}/s{k}.json"))["articles"] for o in a["outputs"])
assert full_names == shard_names, "shards name their outputs differently"
assert len(set(full_names)) == len(full_names), "two inputs share an output name"
print("shards: %d + %d + %d = %d inputs, disjoint, same output names" % (*map(len, parts), len(allin)))
EOF

# SIGINT in the middle: no temporary or partial file.
"$GALLEY" --manifest "$list" -f html+extract --to epub,jats,html_print --output-dir "$tmp/int" -j 2 2>/dev/null &
pid=$!
sleep 1.5
kill -INT "$pid" 2>/dev/null
wait "$pid"
rc=$?
left=$(find "$tmp/int" -name '.*galley-*' | head -3)
[ -z "$left" ] || bad "SIGINT left temporary files: $left"
python3 - "$tmp/int" <<'EOF' || bad "SIGINT left a damaged output"
import os, sys, zipfile
n = 0
for root, dirs, files in os.walk(sys.argv[1]):
    if ".galley" in dirs:
        dirs.remove(".galley")
    for f in files:
        p = os.path.join(root, f)
        n += 1
        if f.endswith(".epub"):
            assert zipfile.ZipFile(p).testzip() is None, p
        elif f.endswith(".xml"):
            assert open(p, "rb").read().rstrip().endswith(b"</article>"), p
        elif f.endswith(".html"):
            assert open(p, "rb").read().rstrip().endswith(b"</html>"), p
print(f"SIGINT: {n} complete outputs, no partial file")
EOF
echo "interrupted run exit status: $rc"

if [ "$failures" -gt 0 ]; then echo "FAILED: $failures problem(s)"; exit 1; fi
echo "PASS"
