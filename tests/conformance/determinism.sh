#!/usr/bin/env bash
# Same input and options, same bytes, whatever the environment (docs/DETERMINISM.md).
#
# Converts every corpus document (the plain examples, the news texts, Readability's and
# trafilatura's pages with html+extract, pandoc's JSON documents) to every writer in batch
# mode, under environments that differ in every way a user's machine can:
#   a: TZ=UTC, LC_ALL=C, umask 022, -j 2, absolute paths in corpus order, cwd a scratch folder
#      (one conversion at a time is run d's single-file mode)
#   b: TZ=Asia/Tokyo, LC_ALL=tr_TR.UTF-8 (Turkish casing), umask 077, -j 2, relative paths
#      in reverse order, cwd another folder
#   c: TZ=America/New_York, LANG=de_DE.UTF-8, umask 002, -j 2, a copy of the inputs under
#      another root, shuffled, cwd /
#   b and c share the writers between them (every document is read in both; each writer
#   writes every document in one of them), so each output is made in two environments
#   and the test costs two thirds of what a third full run would
#   d: single-file mode (no batch) for a sample, TZ=Pacific/Chatham, input on standard input
#      where the reader needs no file name
#   e: the library, as a program embedding galley calls it (tests/library_convert: one
#      galley::convert call for an article's first writer, then its Document from
#      read_document written by write_document for the others), for every third article
#      of run a with all its writers, in two processes (conformance.python_corpus takes
#      every article and writer through galley::convert)
# and compares the SHA-256 of every output. The digests of run a are kept in
# $BUILD/determinism-digests.txt; with GALLEY_DIGESTS_REFERENCE=FILE the script only makes
# run a and compares it with FILE (the sanitizer phase does that with its Clang build and the
# portable byte scans, so compiler and CPU features are covered too). With
# GALLEY_DIGESTS_OUT=FILE it only makes run a and writes its digests to FILE.
set -u
source "$(dirname "$0")/lib.sh"
need python3 sha256sum localedef
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Failures are counted in a file: the runs happen in subshells (their own cwd and umask).
bad() { echo "FAIL: $*"; echo x >>"$tmp/failures"; }
failures() { [ -f "$tmp/failures" ] && wc -l <"$tmp/failures" || echo 0; }
# Every writer but pdf (its engines are checked for identical bytes by pdf_render and pdf_archive).
writers=epub,jats_archiving,jats_publishing,jats_articleauthoring,html_print,json,plain,markdown,gfm,commonmark,nitf,newsml,ninjs,atom,rss
# The three JATS tag sets stay together: batch names their outputs .<tag set>.xml only when
# more than one is written.
writers_b=epub,jats_archiving,jats_publishing,jats_articleauthoring,markdown,nitf,ninjs,rss
writers_c=html_print,json,plain,gfm,commonmark,newsml,atom

# The corpus, as paths relative to $tmp/in (trafilatura's pages are gzipped).
mkdir -p "$tmp/in"
cp -r "$SHARED/examples/plain" "$tmp/in/examples"
cp -r "$SHARED/corpus/news-text" "$tmp/in/news-text"
mkdir -p "$tmp/in/readability" "$tmp/in/trafilatura" "$tmp/in/pandoc"
for d in "$SHARED"/corpus/readability/*/; do
  n=$(basename "$d"); mkdir -p "$tmp/in/readability/$n"; cp "$d/source.html" "$tmp/in/readability/$n/"
done
for f in "$SHARED"/corpus/trafilatura-eval/pages/*.html.gz; do
  gzip -dc "$f" >"$tmp/in/trafilatura/$(basename "$f" .gz)"
done
cp "$SHARED"/corpus/pandoc/json/*.json "$tmp/in/pandoc/"
(cd "$tmp/in" && find . -type f \( -name '*.txt' -o -name '*.html' -o -name '*.json' \) ! -name 'README*' |
  sed 's|^\./||' | LC_ALL=C sort) >"$tmp/rel.lst"
total=$(wc -l <"$tmp/rel.lst")
echo "documents: $total, writers: $writers"
[ "$total" -ge 900 ] || bad "only $total documents found"
# GALLEY_DIGESTS_SAMPLE=N (with GALLEY_DIGESTS_REFERENCE): run a converts one shard in N
# (--shard 1/N: output names are still computed over every input, so they are the
# reference's) and is compared with the reference's lines for the files it wrote.
sample=${GALLEY_DIGESTS_SAMPLE:-1}
[ -n "${GALLEY_DIGESTS_REFERENCE:-}" ] || sample=1
shard=()
[ "$sample" -gt 1 ] && { shard=(--shard "1/$sample"); echo "sample: shard 1/$sample of the documents"; }

# digests DIR OUT: "sha256  relative-path" of every file below DIR, sorted.
digests() { (cd "$1" && find . -path ./.galley -prune -o -type f ! -name '.*' -print | LC_ALL=C sort | xargs -d '\n' sha256sum) >"$2"; }

# run LABEL MANIFEST JOBS WRITERS [VAR=VALUE...]: one batch run into $tmp/out-LABEL, in the
# caller's cwd and umask, with the variables given (LC_ALL=... for galley alone: bash
# itself cannot load a locale from LOCPATH).
run() {
  local label=$1 manifest=$2 jobs=$3 to=$4 started=$SECONDS
  shift 4
  env "$@" "$GALLEY" --manifest "$manifest" -f html+extract --to "$to" --output-dir "$tmp/out-$label" \
    -j "$jobs" --quiet --report "$tmp/report-$label.json" "${shard[@]}" 2>"$tmp/err-$label"
  local rc=$?
  # Pages that make no article fail alone; they must fail the same way in every run.
  [ "$rc" -le 1 ] || bad "run $label exited $rc: $(tail -3 "$tmp/err-$label")"
  digests "$tmp/out-$label" "$tmp/digests-$label"
  echo "run $label: $((SECONDS - started)) s"
}

# Run a: the reference.
sed "s|^|$tmp/in/|" "$tmp/rel.lst" >"$tmp/a.lst"
mkdir -p "$tmp/cwd-a"
(cd "$tmp/cwd-a" && umask 022 && run a "$tmp/a.lst" 2 "$writers" TZ=UTC LC_ALL=C LANG=C)
n=$(wc -l <"$tmp/digests-a")
echo "run a: $n outputs ($(grep -c 'FAILED\|error' "$tmp/err-a") inputs without an article)"
[ "$n" -ge $((total * 5 / sample)) ] || bad "run a wrote only $n outputs for $total documents"

# GALLEY_DIGESTS_OUT=FILE: keep run a's digests there and stop (to record another
# build's digests, e.g. before a refactoring).
if [ -n "${GALLEY_DIGESTS_OUT:-}" ]; then
  cp "$tmp/digests-a" "$GALLEY_DIGESTS_OUT"; echo "digests of run a in $GALLEY_DIGESTS_OUT"; exit 0
fi
if [ -n "${GALLEY_DIGESTS_REFERENCE:-}" ]; then
  reference=$GALLEY_DIGESTS_REFERENCE
  if [ "$sample" -gt 1 ]; then
    # The reference's lines for the paths the shard wrote (after the 64 hex digits and two
    # spaces: names hold spaces); every converted article of the
    # shard wrote all the writers' files, and no more of its articles failed than of the
    # whole corpus in the reference (those with no article).
    reference=$tmp/reference.sample
    awk 'NR == FNR { wrote[substr($0, 67)] = 1; next } substr($0, 67) in wrote' "$tmp/digests-a" "$GALLEY_DIGESTS_REFERENCE" >"$reference"
    python3 - "$tmp/report-a.json" "$GALLEY_DIGESTS_REFERENCE" "$total" "$writers" <<'PY' || bad "the shard's outputs are incomplete"
import json, sys
report = json.load(open(sys.argv[1]))
lines = sum(1 for _ in open(sys.argv[2]))
total, writers = int(sys.argv[3]), len(sys.argv[4].split(","))
failed_whole = total - lines // writers
articles = report["articles"]
short = [a["input"] for a in articles if a["status"] == "converted" and len(a["outputs"]) != writers]
failed = [a["input"] for a in articles if a["status"] == "failed"]
print(f"shard: {len(articles)} articles, {len(failed)} without an article (whole corpus: {failed_whole})")
if short or len(failed) > failed_whole:
    print("short:", short[:5], "failed:", failed[:5]); sys.exit(1)
PY
  fi
  if ! cmp -s "$reference" "$tmp/digests-a"; then
    diff "$reference" "$tmp/digests-a" | grep '^[<>]' | head -10
    bad "$(diff "$reference" "$tmp/digests-a" | grep -c '^[<>]') lines differ from $GALLEY_DIGESTS_REFERENCE"
  else
    echo "all $n outputs equal those of $GALLEY_DIGESTS_REFERENCE"
  fi
  [ "$(failures)" -eq 0 ] && { echo "determinism: reference comparison passed"; exit 0; }
  exit 1
fi
[ -n "${BUILD:-}" ] && [ -d "$BUILD" ] && cp "$tmp/digests-a" "$BUILD/determinism-digests.txt"

# A Turkish locale (its casing maps I to dotless ı), built here so no system locale is needed.
mkdir -p "$tmp/locale"
localedef -i tr_TR -f UTF-8 "$tmp/locale/tr_TR.UTF-8" 2>/dev/null || bad "localedef could not build tr_TR.UTF-8"
localedef -i de_DE -f UTF-8 "$tmp/locale/de_DE.UTF-8" 2>/dev/null || bad "localedef could not build de_DE.UTF-8"
LOCPATH="$tmp/locale" LC_ALL=tr_TR.UTF-8 python3 -c 'import locale; locale.setlocale(locale.LC_ALL, ""); assert "I".lower() in ("ı", "i")' \
  || bad "the Turkish locale does not load"

# Run b: relative paths (relative to the manifest's folder), reverse order.
tac "$tmp/rel.lst" | sed 's|^|in/|' >"$tmp/b.lst"
mkdir -p "$tmp/cwd-b/deeper"
(cd "$tmp/cwd-b/deeper" && umask 077 && run b "$tmp/b.lst" 2 "$writers_b" TZ=Asia/Tokyo LOCPATH="$tmp/locale" LC_ALL=tr_TR.UTF-8 LANG=tr_TR.UTF-8)

# Run c: a copy of the inputs elsewhere, shuffled (fixed seed: the test itself is repeatable).
mkdir -p "$tmp/elsewhere/other root"
cp -r "$tmp/in" "$tmp/elsewhere/other root/in"
python3 -c 'import random,sys; l=open(sys.argv[1]).read().split("\n")[:-1]; random.Random(7).shuffle(l); print("\n".join(sys.argv[2]+x for x in l))' \
  "$tmp/rel.lst" "$tmp/elsewhere/other root/in/" >"$tmp/c.lst"
(cd / && umask 002 && run c "$tmp/c.lst" 2 "$writers_c" -u LC_ALL TZ=America/New_York LOCPATH="$tmp/locale" LANG=de_DE.UTF-8)

# expected LABEL: run a's digests of the files that run LABEL wrote (a digest line is
# 64 hex digits, two spaces and the path); a file missing from LABEL's run is caught by
# the count below, one differing or unknown to run a by the comparison.
expected() { awk 'NR == FNR { want[substr($0, 67)]; next } substr($0, 67) in want' "$tmp/digests-$1" "$tmp/digests-a"; }
[ "$(cat "$tmp/digests-b" "$tmp/digests-c" | wc -l)" -eq "$n" ] ||
  bad "runs b and c wrote $(cat "$tmp/digests-b" "$tmp/digests-c" | wc -l) outputs between them, run a $n"
for label in b c; do
  eval "ws=\$writers_$label"
  expected "$label" >"$tmp/expected-$label"
  if [ -s "$tmp/expected-$label" ] && cmp -s "$tmp/expected-$label" "$tmp/digests-$label"; then
    echo "run $label: all $(wc -l <"$tmp/digests-$label") outputs ($ws) identical to run a"
  else
    diff "$tmp/expected-$label" "$tmp/digests-$label" | grep '^[<>]' | head -6
    bad "run $label: $(diff "$tmp/expected-$label" "$tmp/digests-$label" | grep -c '^>') outputs differ from run a"
  fi
  cmp -s "$tmp/err-a" "$tmp/err-$label" || true  # messages name paths; only outputs must match
done

# Run d: single-file mode for every 25th document, each writer, against run a's outputs.
checked=0 started=$SECONDS
while IFS= read -r rel; do
  stem=${rel%.*}
  case "$rel" in *.html) from=html+extract ;; *.json) from=json ;; *) from=plain ;; esac
  for w in epub jats_archiving html_print json plain; do
    # Batch names: the three JATS flavours share .xml, so they carry the format's name.
    case "$w" in epub) ext=epub ;; jats_*) ext=$w.xml ;; html_print) ext=html ;; json) ext=json ;; plain) ext=txt ;; esac
    ref=$(awk -v p="./$(basename "$stem").$ext" '$2 == p' "$tmp/digests-a")
    # Only documents whose batch output name is the bare stem (no folder needed to tell apart).
    [ "$(printf '%s\n' "$ref" | grep -c .)" -eq 1 ] || continue
    if [ "$from" = html+extract ]; then
      got=$(cd "$tmp" && TZ=Pacific/Chatham "$GALLEY" "in/$rel" -f "$from" -t "$w" -o - --quiet 2>/dev/null | sha256sum | cut -d' ' -f1)
    else
      got=$(cd / && TZ=Pacific/Chatham "$GALLEY" -f "$from" -t "$w" -o - --quiet <"$tmp/in/$rel" 2>/dev/null | sha256sum | cut -d' ' -f1)
    fi
    [ "$got" = "${ref%% *}" ] || bad "single-file $rel -> $w differs from batch"
    checked=$((checked + 1))
  done
done < <(awk 'NR % 25 == 1' "$tmp/rel.lst")
echo "run d: $checked single-file conversions compared in $((SECONDS - started)) s"
[ "$checked" -ge 50 ] || bad "only $checked single-file conversions compared"

# Run e: the library, as an embedding program calls it (galley::convert), for every third
# article of run a with all its writers. Every article and writer goes through
# galley::convert in conformance.python_corpus (the Python module calls it through the C
# ABI, and compares with run a's digests); this run checks the C++ entry points themselves
# at a third of the cost.
if [ -n "${GALLEY_LIBRARY_CONVERT:-}" ]; then
  # Two lists, alternate articles of the third (an article's writers stay together), for
  # two processes, and the outputs they must write (as digest lines name them: ./PATH).
  python3 - "$tmp/report-a.json" "$tmp/out-a" "$tmp/out-e" "$tmp/e" <<'PY'
import json, os, sys
report, out_a, out_e, lst = sys.argv[1:5]
lists = [open(f"{lst}{k}.lst", "w") for k in range(2)]
want = open(f"{lst}-want.lst", "w")
for k, a in enumerate(json.load(open(report))["articles"]):
    if k % 3:
        continue
    for o in a["outputs"]:
        if o["status"] != "written":
            continue
        rel = os.path.relpath(o["path"], out_a)
        os.makedirs(os.path.dirname(os.path.join(out_e, rel)), exist_ok=True)
        lists[k // 3 % 2].write(f'{a["reader"]}\t{o["format"]}\t{a["input"]}\t{os.path.join(out_e, rel)}\n')
        want.write(f"./{rel}\n")
PY
  started=$SECONDS
  for k in 0 1; do
    (cd "$tmp/cwd-a" && env TZ=Europe/Istanbul "$GALLEY_LIBRARY_CONVERT" <"$tmp/e$k.lst" 2>"$tmp/err-e$k") &
  done
  for k in 0 1; do
    wait -n || bad "the library failed where the command line did not: $(tail -3 "$tmp/err-e0" "$tmp/err-e1")"
  done
  digests "$tmp/out-e" "$tmp/digests-e"
  echo "run e: $((SECONDS - started)) s"
  # run a's lines for the files run e had to write: a file missing, extra or different
  # fails the comparison
  awk 'NR == FNR { want[$0]; next } substr($0, 67) in want' "$tmp/e-want.lst" "$tmp/digests-a" >"$tmp/expected-e"
  if [ -s "$tmp/expected-e" ] && cmp -s "$tmp/expected-e" "$tmp/digests-e"; then
    echo "run e: galley::convert wrote the same $(wc -l <"$tmp/digests-e") outputs as batch mode (every third article)"
  else
    diff "$tmp/expected-e" "$tmp/digests-e" | grep '^[<>]' | head -6
    bad "run e: $(diff "$tmp/expected-e" "$tmp/digests-e" | grep -c '^[<>]') lines differ from batch mode (missing, extra or different outputs)"
  fi
elif [ "${CI:-}" = "true" ]; then
  bad "GALLEY_LIBRARY_CONVERT is not set (ctest sets it)"
fi

# Packages: the same article bagged in two time zones (no SOURCE_DATE_EPOCH, so the
# provenance records two different clocks) has renditions with equal digests.
for tz in UTC Asia/Tokyo; do
  TZ=$tz "$GALLEY" package "$SRC/examples/article.txt" -o "$tmp/bag-${tz//\//-}" --quiet || bad "package under $tz failed"
done
grep -v provenance "$tmp/bag-UTC/manifest-sha256.txt" >"$tmp/bag-utc.sums"
grep -v provenance "$tmp/bag-Asia-Tokyo/manifest-sha256.txt" >"$tmp/bag-tokyo.sums"
if [ "$(grep -c 'data/article\.' "$tmp/bag-utc.sums")" -ge 4 ] && cmp -s "$tmp/bag-utc.sums" "$tmp/bag-tokyo.sums"; then
  echo "package: renditions have the same digests under UTC and Asia/Tokyo"
else
  diff "$tmp/bag-utc.sums" "$tmp/bag-tokyo.sums"; bad "package renditions differ between time zones"
fi

if [ "$(failures)" -eq 0 ]; then echo "determinism: $n outputs identical across 3 batch environments; $checked single-file checks"; exit 0; fi
echo "determinism: $(failures) failures"; exit 1
