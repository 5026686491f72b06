#!/bin/bash
# Bad web archives (warc_bad_make.py): each gives a clear error or a warning
# per record, never a crash, a hang (60 s limit) or unbounded memory (the gzip
# bomb, 512 MiB of zeros, must stay under 150 MB of resident memory).
set -u
source "$SRC/tests/conformance/lib.sh"
need python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
python3 "$SRC/tests/conformance/warc_bad_make.py" "$T" || { echo "FAIL: making the archives"; exit 1; }
cd "$T"

# check FILE WANT_EXIT(ok|error) PATTERN: run galley -t json, then look for PATTERN in its messages
check() {
  local f=$1 want=$2 pattern=$3 rc
  /usr/bin/time -f '%M' -o "$f.rss" timeout 60 "$GALLEY" "$f" -t json -o "$f.json" 2>"$f.err"
  rc=$?
  [ "$rc" = 124 ] && { bad "$f: hangs (over 60 s)"; return; }
  [ "$rc" -ge 128 ] && { bad "$f: crashed (exit $rc)"; cat "$f.err"; return; }
  if [ "$want" = ok ]; then
    [ "$rc" = 0 ] || { bad "$f: exit $rc, want a conversion with warnings"; cat "$f.err"; return; }
    grep -q '"c":"Good"' "$f.json" || bad "$f: the good page was lost"
  else
    [ "$rc" != 0 ] || bad "$f: exit 0, want an error"
    [ -e "$f.json" ] && bad "$f: an output was written after an error"
  fi
  grep -qE "$pattern" "$f.err" || { bad "$f: no message matching '$pattern'"; cat "$f.err"; }
  local rss; rss=$(tail -1 "$f.rss")
  [ "${rss:-0}" -lt 153600 ] || bad "$f: $rss KB resident"
  echo "ok  $f (exit $rc, ${rss} KB): $(grep -E "$pattern" "$f.err" | head -1 | cut -c1-150)"
}

check truncated.warc.gz  ok    'truncated gzip member'
check wrong-length.warc  ok    'no record starts at offset'
check bomb.warc.gz       ok    'gzip bomb'
check huge.warc          ok    'file ends inside the record'
check not-a-warc.warc    error 'galley.warc.not-warc'
check empty.warc         error 'galley.warc.no-pages|not a WARC'
check broken-http.warc   ok    'broken HTTP header: no HTTP/1.x status line'
grep -q 'broken HTTP header: HTTP header line without a name' broken-http.warc.err || bad "broken-http: second record not reported"
check digest.warc        ok    'payload digest mismatch'
grep -q '"mismatch"' digest.warc.json || bad "digest.warc: the record is not marked as a mismatch in the metadata"
check corrupt.warc.gz    error 'corrupt gzip member|galley.warc'
check bad-chunked.warc   ok    'image not in the archive.*(chunk|truncated)'

[ "$fail" = 0 ] && echo "OK: every bad archive gave an error or warnings"
exit "$fail"
