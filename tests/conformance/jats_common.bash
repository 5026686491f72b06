# Shared by jats_valid.sh and jats_vs_pandoc.sh (sourced; not a test itself).
# Builds the list of test documents and validates JATS files with xmllint.
: "${GALLEY:?GALLEY must point at the galley binary}"
: "${SHARED:?SHARED must point at ../shared}"

JATS_SCHEMAS=$SHARED/schemas/jats
JATS_TAGSETS=(jats_archiving jats_publishing jats_articleauthoring)

# require TOOL: a missing checker fails under CI=true and skips otherwise.
jats_require() {
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ "${CI:-}" = "true" ]; then echo "FAIL: required tool '$1' is missing (CI=true)"; exit 1; fi
    echo "SKIP: '$1' is not installed"; exit 0
  fi
}

# jats_dtd WRITER [mathml3] -> path of the DTD
jats_dtd() {
  local suffix=${2:+-mathml3}
  case $1 in
    jats_archiving) echo "$JATS_SCHEMAS/archiving/JATS-archivearticle1-3$suffix.dtd" ;;
    jats_publishing) echo "$JATS_SCHEMAS/publishing/JATS-journalpublishing1-3$suffix.dtd" ;;
    jats_articleauthoring) echo "$JATS_SCHEMAS/articleauthoring/JATS-articleauthoring1-3$suffix.dtd" ;;
  esac
}
jats_catalog() {
  case $1 in
    jats_archiving) echo "$JATS_SCHEMAS/archiving/catalog-jats-v1-3-no-base.xml" ;;
    jats_publishing) echo "$JATS_SCHEMAS/publishing/catalog-jats-v1-3-no-base.xml" ;;
    jats_articleauthoring) echo "$JATS_SCHEMAS/articleauthoring/catalog-jats-v1-3-no-base.xml" ;;
  esac
}

# jats_validate DTD FILE... : validates all files in one run; prints the files that
# fail (one per line, with the first error) on stdout. galley-dtd-validate
# (GALLEY_DTD_VALIDATE, built with the tests) is xmllint --dtdvalid with the DTD parsed
# once instead of once per file; the same messages.
jats_validate() {
  local dtd=$1; shift
  [ $# -gt 0 ] || return 0
  local log; log=$(mktemp)
  if [ -x "${GALLEY_DTD_VALIDATE:-}" ]; then
    "$GALLEY_DTD_VALIDATE" "$dtd" "$@" >/dev/null 2>"$log" || true
  else
    xmllint --noout --nonet --dtdvalid "$dtd" "$@" >/dev/null 2>"$log" || true
  fi
  # "failed to load external entity" is the DOCTYPE's https system id under --nonet: not an error.
  grep -v 'failed to load external entity\|^ *\^$' "$log" |
    awk -v files="$(printf '%s\n' "$@")" '
      BEGIN { n = split(files, f, "\n"); for (i = 1; i <= n; i++) want[f[i]] = 1 }
      /error/ { split($0, a, ":"); if ((a[1] in want) && !(a[1] in first)) first[a[1]] = $0 }
      /does not validate against/ { for (x in want) if (index($0, "Document " x " ") == 1 && !(x in first)) first[x] = $0 }
      END { for (x in first) print x "\t" first[x] }' | sort
  rm -f "$log"
}

# jats_validate_catalog WRITER FILE... : validates through the DOCTYPE's public id and the catalog.
jats_validate_catalog() {
  local cat; cat=$(jats_catalog "$1"); shift
  [ $# -gt 0 ] || return 0
  local log; log=$(mktemp)
  XML_CATALOG_FILES=$cat xmllint --noout --nonet --valid "$@" >/dev/null 2>"$log" || true
  grep -o '^[^:]*\.xml:[0-9]*:.*error.*' "$log" | awk -F: '!seen[$1]++ { print $1 "\t" $0 }' | sort
  rm -f "$log"
}

# Fix pandoc 3's Figure in writer.native for pandoc 2.17 (the implicit-figure form).
jats_fix_native() {
  python3 -c '
import re, sys
s = sys.stdin.read()
pat = re.compile(r"Figure\s*\(\s*\"\"\s*,\s*\[\s*\]\s*,\s*\[\s*\]\s*\)\s*\(Caption Nothing \[\s*Plain\s*\[(?P<cap>.*?)\]\s*\]\)\s*\[\s*Plain\s*\[\s*Image\s*(?P<attr>\(.*?\))\s*\[(?P<alt>.*?)\]\s*\(\s*\"(?P<src>[^\"]*)\"\s*,\s*\"(?P<title>[^\"]*)\"\s*\)\s*\]\s*\]", re.S)
s = pat.sub(lambda m: "Para [ Image %s [%s] ( \"%s\" , \"fig:%s\" ) ]" % (m["attr"], m["alt"], m["src"], m["title"]), s)
sys.stdout.write(s)'
}

# every_nth N: keeps every N-th line of stdin (the first included) unless FULL=1.
every_nth() {
  if [ "${FULL:-}" = "1" ]; then cat; else awk -v n="$1" '(NR - 1) % n == 0'; fi
}

# jats_cases DIR: writes the test documents as lines "name<TAB>format<TAB>path" to
# DIR/cases.tsv, converting pandoc's sources to JSON first (needs pandoc).
jats_cases() {
  local dir=$1 p=$SHARED/corpus/pandoc
  : >"$dir/cases.tsv"
  local f
  for f in "$SHARED"/examples/plain/*.txt; do
    printf 'example/%s\tplain\t%s\n' "$(basename "$f" .txt)" "$f" >>"$dir/cases.tsv"
  done
  if command -v pandoc >/dev/null 2>&1; then
    if command -v python3 >/dev/null 2>&1 &&
      jats_fix_native <"$p/writer.native" | pandoc -f native -t json -o "$dir/writer.json" 2>/dev/null; then
      printf 'pandoc/writer.native\tjson\t%s\n' "$dir/writer.json" >>"$dir/cases.tsv"
    else
      echo "note: pandoc could not read writer.native"
    fi
    pandoc -f markdown -t json -o "$dir/testsuite.json" "$p/testsuite.txt" &&
      printf 'pandoc/testsuite.txt\tjson\t%s\n' "$dir/testsuite.json" >>"$dir/cases.tsv"
    pandoc -f markdown -t json -o "$dir/tables.json" "$p/tables.txt" &&
      printf 'pandoc/tables.txt\tjson\t%s\n' "$dir/tables.json" >>"$dir/cases.tsv"
  elif [ "${CI:-}" = "true" ]; then
    echo "FAIL: pandoc is missing (CI=true): the pandoc test documents cannot be converted"; exit 1
  else
    echo "note: pandoc is not installed: pandoc's documents are left out"
  fi
  for f in "$p"/json/*.json; do
    printf 'pandoc/json/%s\tjson\t%s\n' "$(basename "$f")" "$f" >>"$dir/cases.tsv"
  done
  find "$SHARED/corpus/news-text" -type f -iname '*.txt' ! -iname 'README*' | LC_ALL=C sort | every_nth 10 |
    while IFS= read -r f; do printf 'news-text/%s\tplain\t%s\n' "${f#"$SHARED"/corpus/news-text/}" "$f"; done \
      >>"$dir/cases.tsv"
  grep -l '"readerable": *true' "$SHARED"/corpus/readability/*/expected-metadata.json | LC_ALL=C sort | every_nth 6 |
    while IFS= read -r m; do
      d=$(dirname "$m")
      printf 'readability/%s\thtml+extract\t%s\n' "$(basename "$d")" "$d/source.html"
    done >>"$dir/cases.tsv"
}
