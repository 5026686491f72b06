#!/usr/bin/env bash
# The JATS reader on the shared corpus of real articles (../shared/corpus/jats) and,
# when present, the held-out ones (../shared/holdout/jats or JATS_HOLDOUT=DIR):
#  - words kept: the words of title, abstracts, body and back (and sub-articles'),
#    extracted from the source by jats_reader.py (xml.etree, not galley), found in
#    `galley -s -f jats -t plain` (word multiset, NFC, case-folded); >= 99% each;
#  - metadata: title, every author, affiliations, DOI, a date, license, abstract;
#  - no crash, no error, one warning at most per kind.
# FULL=1 also scores pandoc's JATS reader on the same articles (the comparison figure).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${GALLEY:?}" "${SHARED:?}"
if ! command -v python3 >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then echo "FAIL: python3 is missing (CI=true)"; exit 1; fi
  echo "SKIP: python3 is not installed"; exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

files=("$SHARED"/corpus/jats/*.xml)
holdout=${JATS_HOLDOUT:-$SHARED/holdout/jats}
[ -d "$holdout" ] && files+=("$holdout"/*.xml)

status=0 sum_kept=0 sum_total=0 worst=1 worst_name=
# galley first, then one jats_reader.py run measures every article (a Python start per
# article and measure was most of this test's time).
: >"$work/list.tsv"
ok=()
for f in "${files[@]}"; do
  b=$(basename "$f" .xml)
  if ! "$GALLEY" -s -f jats -t plain "$f" -o "$work/$b.txt" 2>"$work/$b.err" ||
    ! "$GALLEY" -f jats -t json "$f" -o "$work/$b.json" 2>>"$work/$b.err"; then
    echo "FAIL $b: galley failed: $(head -c 300 "$work/$b.err")"
    status=1
    continue
  fi
  printf '%s\t%s\t%s\n' "$f" "$work/$b.txt" "$work/$b.json" >>"$work/list.tsv"
  ok+=("$b")
done
python3 "$here/jats_reader.py" batch "$work/list.tsv" >"$work/measures.txt"
[ "$(wc -l <"$work/measures.txt")" -eq "${#ok[@]}" ] || { echo "FAIL: jats_reader.py measured $(wc -l <"$work/measures.txt") of ${#ok[@]} articles"; status=1; }
printf '%-55s %8s %s\n' article words metadata
i=0
while IFS= read -r line; do
  b=${ok[$i]}
  i=$((i + 1))
  IFS=$'\t' read -r kept total ratio missing <<<"${line%%$'\x1f'*}"
  meta=${line#*$'\x1f'}
  printf '%-55s %7.2f%% %s\n' "$b" "$(awk -v r="$ratio" 'BEGIN{print r*100}')" "$meta"
  sum_kept=$((sum_kept + kept)) sum_total=$((sum_total + total))
  if awk -v r="$ratio" 'BEGIN{exit !(r < 0.99)}'; then
    echo "  FAIL: fewer than 99% of the words; most missing: $missing"
    status=1
  fi
  awk -v r="$ratio" -v w="$worst" 'BEGIN{exit !(r < w)}' && worst=$ratio worst_name=$b
  [ "$meta" = ok ] || status=1
done <"$work/measures.txt"
echo "all: $(awk -v k=$sum_kept -v t=$sum_total 'BEGIN{printf "%.2f", 100*k/t}')% of $sum_total words kept; worst $worst_name $(awk -v r="$worst" 'BEGIN{printf "%.2f", r*100}')%"

if [ "${FULL:-}" = "1" ] && command -v pandoc >/dev/null 2>&1; then
  pk=0 pt=0 pworst=1
  for f in "${files[@]}"; do
    b=$(basename "$f" .xml)
    pandoc -s -f jats -t plain "$f" -o "$work/$b.pandoc.txt" 2>/dev/null || continue
    IFS=$'\t' read -r kept total ratio _ < <(python3 "$here/jats_reader.py" words "$f" "$work/$b.pandoc.txt")
    pk=$((pk + kept)) pt=$((pt + total))
    awk -v r="$ratio" -v w="$pworst" 'BEGIN{exit !(r < w)}' && pworst=$ratio
    printf 'pandoc %-48s %7.2f%%\n' "$b" "$(awk -v r="$ratio" 'BEGIN{print r*100}')"
  done
  echo "pandoc: $(awk -v k=$pk -v t=$pt 'BEGIN{printf "%.2f", 100*k/t}')% kept; worst $(awk -v r="$pworst" 'BEGIN{printf "%.2f", r*100}')%"
fi
exit $status
