#!/usr/bin/env bash
# --shard auto (issue 24): the shard from what Slurm job arrays and Kubernetes
# Indexed Jobs set, and `galley report merge`.
#  - for N = 1, 3, 7, the shards that auto finds from SLURM_ARRAY_TASK_ID
#    (arrays 0-(N-1), 1-N and 0-(2N-2):2) and from JOB_COMPLETION_INDEX with
#    auto/N list every input of the manifest exactly once, and each is the
#    --shard K/N it stands for (read from --plan: nothing is converted);
#  - no scheduler, an index past the last shard, a count missing, both
#    schedulers, a non-number: exit 2 and a message saying so;
#  - 3 real Kubernetes-style shards converted with --report, merged with
#    `galley report merge` (files given in any order) = the report of one
#    unsharded run (all but times and jobs), byte-identical outputs;
#  - merge refuses a non-report, a report whose summary does not add up, the
#    same shard twice, reports of other formats.
set -u
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }

# About 20 inputs of two readers, from folders whose files share stems (so
# that names depend on all inputs, not on a shard's).
list="$tmp/inputs.lst"
{
  ls "$SHARED"/examples/plain/*.txt | head -8
  find "$SHARED/corpus/news-text" -type f -name '*.txt' | LC_ALL=C sort | head -8
  ls "$SHARED"/corpus/readability/*/source.html | head -7
} >"$list"
total=$(wc -l <"$list")
[ "$total" -ge 15 ] || bad "expected at least 15 inputs, found $total"

unset SLURM_ARRAY_TASK_ID SLURM_ARRAY_TASK_MIN SLURM_ARRAY_TASK_COUNT SLURM_ARRAY_TASK_STEP JOB_COMPLETION_INDEX
plan_inputs() {  # SPEC [VAR=VALUE...]: the plan's shard, then its inputs and outputs, one a line
  local spec=$1; shift
  env "$@" "$GALLEY" --manifest "$list" -f html+extract --to epub,jats --output-dir "$tmp/out" --shard "$spec" \
      --plan 2>"$tmp/plan.err" |
    $PY -c 'import json,sys; p=json.load(sys.stdin); print("shard", p["shard"]); [print(a["input"], *(o["path"] for o in a["outputs"])) for a in p["articles"]]'
}

plan_inputs 1/1 >"$tmp/all" || bad "plan of all inputs failed: $(cat "$tmp/plan.err")"
sed -n '2,$p' "$tmp/all" >"$tmp/all.lines"
[ "$(wc -l <"$tmp/all.lines")" = "$total" ] || bad "the plan lists $(wc -l <"$tmp/all.lines") of $total inputs"

for n in 1 3 7; do
  for k in $(seq 1 "$n"); do plan_inputs "$k/$n" >"$tmp/explicit.$k"; done
  for scheme in slurm0 slurm1 slurmstep k8s; do
    : >"$tmp/union"
    for k in $(seq 1 "$n"); do
      i=$((k - 1))
      case $scheme in
        slurm0) vars=(SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_COUNT=$n); spec=auto ;;
        slurm1) vars=(SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=$n); spec=auto ;;
        slurmstep) vars=(SLURM_ARRAY_TASK_ID=$((2 * i)) SLURM_ARRAY_TASK_STEP=2 SLURM_ARRAY_TASK_COUNT=$n); spec=auto ;;
        k8s) vars=(JOB_COMPLETION_INDEX=$i); spec=auto/$n ;;
      esac
      plan_inputs "$spec" "${vars[@]}" >"$tmp/auto" || { bad "$scheme N=$n K=$k: $(cat "$tmp/plan.err")"; continue; }
      want_shard=$([ "$n" = 1 ] && echo None || echo "$k/$n")
      [ "$(head -1 "$tmp/auto")" = "shard $want_shard" ] || bad "$scheme N=$n K=$k: plan says $(head -1 "$tmp/auto")"
      cmp -s "$tmp/auto" "$tmp/explicit.$k" || bad "$scheme N=$n K=$k: auto is not --shard $k/$n"
      sed -n '2,$p' "$tmp/auto" >>"$tmp/union"
    done
    if ! LC_ALL=C sort "$tmp/union" | cmp -s - <(LC_ALL=C sort "$tmp/all.lines"); then
      bad "$scheme N=$n: the shards do not cover the inputs exactly once ($(wc -l <"$tmp/union") lines for $total)"
    fi
  done
  echo "N=$n: Slurm (from 0, from 1, step 2) and Kubernetes shards cover the $total inputs exactly once"
done

# Clear failures: exit 2, the reason named.
expect_error() {  # WANT ENV... -- SPEC
  local want=$1; shift
  local spec=${*: -1}
  local vars=("${@:1:$#-1}") rc
  env "${vars[@]}" "$GALLEY" --manifest "$list" --output-dir "$tmp/out" --shard "$spec" \
      --plan >/dev/null 2>"$tmp/err"
  rc=$?
  [ "$rc" = 2 ] || bad "--shard $spec with ${vars[*]:-no variables}: exit $rc, expected 2"
  grep -q -- "$want" "$tmp/err" || bad "--shard $spec with ${vars[*]:-no variables}: '$want' not in: $(cat "$tmp/err")"
}
expect_error "no scheduler's task number" auto
expect_error "no scheduler's task number" auto/3
expect_error "use --shard auto/N" JOB_COMPLETION_INDEX=0 auto
expect_error "shard 4 of 3, past the last one" JOB_COMPLETION_INDEX=3 auto/3
expect_error "shard 3 of 2, past the last one" SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=2 auto
expect_error "not SLURM_ARRAY_TASK_MIN=1" SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=2 auto
expect_error "SLURM_ARRAY_TASK_COUNT says 4" SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=4 auto/3
expect_error "not SLURM_ARRAY_TASK_COUNT" SLURM_ARRAY_TASK_ID=0 auto
expect_error "both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX" SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=2 JOB_COMPLETION_INDEX=0 auto/2
expect_error "JOB_COMPLETION_INDEX is '-1', not a number" JOB_COMPLETION_INDEX=-1 auto/2
expect_error "auto/N needs a number" JOB_COMPLETION_INDEX=0 auto/0
expect_error "--shard must be K/N" 0/3

# Three Kubernetes shards, converted, merged = one unsharded run.
for k in 1 2 3; do
  JOB_COMPLETION_INDEX=$((k - 1)) "$GALLEY" --manifest "$list" -f html+extract \
    --to epub,jats --output-dir "$tmp/sharded" --shard auto/3 -j 2 --quiet --report "$tmp/s$k.json" 2>/dev/null ||
    bad "shard $k/3 failed"
done
"$GALLEY" --manifest "$list" -f html+extract --to epub,jats --output-dir "$tmp/whole" -j 2 --quiet \
  --report "$tmp/whole.json" 2>/dev/null || bad "the unsharded run failed"
"$GALLEY" report merge "$tmp/s3.json" "$tmp/s1.json" "$tmp/s2.json" -o "$tmp/merged.json" || bad "merge failed"
"$GALLEY" report merge "$tmp/s1.json" "$tmp/s2.json" "$tmp/s3.json" >"$tmp/merged2.json" || bad "merge to stdout failed"
cmp -s "$tmp/merged.json" "$tmp/merged2.json" || bad "merge depends on the order of its files"
PYTHONPATH="$(dirname "$0")" $PY - "$tmp" <<'EOF' || bad "merged report"
import json, sys
from batch_compare import comparable
t = sys.argv[1]
m, w = json.load(open(f"{t}/merged.json")), json.load(open(f"{t}/whole.json"))
assert m["shard"] is None, m["shard"]
sm, sw = comparable(m, f"{t}/sharded"), comparable(w, f"{t}/whole")
assert sm == sw, "merged shards differ from the unsharded run"
assert m["summary"]["jobs"] == 6, m["summary"]["jobs"]
print(f"merged 3 shards = the unsharded report: {m['summary']['articles']} articles, "
      f"{m['summary']['files-written']} files written, {m['summary']['warnings']} warnings")
EOF
diff -r -x .galley "$tmp/sharded" "$tmp/whole" >/dev/null || bad "sharded outputs differ from the unsharded run's"

# Partial merges say what is missing and can be merged again.
"$GALLEY" report merge "$tmp/s1.json" "$tmp/s3.json" -o "$tmp/part.json" 2>"$tmp/err" || bad "partial merge failed"
grep -q "shards 2 of 3 are not among the reports" "$tmp/err" || bad "partial merge: $(cat "$tmp/err")"
grep -q '"shard": "1,3/3"' "$tmp/part.json" || bad "partial merge: shard field $(grep '"shard"' "$tmp/part.json")"
"$GALLEY" report merge "$tmp/part.json" "$tmp/s2.json" -o "$tmp/again.json" || bad "merging a partial merge failed"
cmp -s "$tmp/again.json" "$tmp/merged.json" || bad "(1+3)+2 differs from 1+2+3"

# Refusals: exit 3 (or 2 for usage), a reason.
refuse() {  # WANT-EXIT WANT-TEXT FILES...
  local code=$1 want=$2; shift 2
  "$GALLEY" report merge "$@" -o "$tmp/x.json" 2>"$tmp/err"
  local rc=$?
  [ "$rc" = "$code" ] || bad "merge $*: exit $rc, expected $code"
  grep -q -- "$want" "$tmp/err" || bad "merge $*: '$want' not in: $(cat "$tmp/err")"
  [ ! -e "$tmp/x.json" ] || bad "merge $*: wrote a report anyway"
}
echo '{"a": 1}' >"$tmp/notreport.json"
echo 'not json' >"$tmp/notjson.json"
$PY -c 'import json,sys; r=json.load(open(sys.argv[1])); r["summary"]["converted"]+=1; json.dump(r,open(sys.argv[2],"w"))' \
  "$tmp/s1.json" "$tmp/tampered.json"
"$GALLEY" --manifest "$list" -f html+extract --to epub --output-dir "$tmp/sharded" --shard 2/3 --quiet \
  --report "$tmp/other.json" 2>/dev/null
refuse 3 "is not a galley batch report: no \"galley\" string" "$tmp/s1.json" "$tmp/notreport.json"
refuse 3 "not JSON" "$tmp/notjson.json"
refuse 3 "edited or cut short" "$tmp/tampered.json"
refuse 3 "shard 1/3 is in" "$tmp/s1.json" "$tmp/s1.json"
refuse 3 "their \"formats\" differ" "$tmp/s1.json" "$tmp/other.json"
"$GALLEY" --manifest "$list" -f html+extract --to epub,jats --output-dir "$tmp/sharded" --quiet \
  --report "$tmp/whole-here.json" 2>/dev/null
refuse 3 "some reports are of shards and some of whole runs" "$tmp/s1.json" "$tmp/whole-here.json"
refuse 2 "no reports given"
"$GALLEY" report frobnicate >/dev/null 2>&1; [ $? = 2 ] || bad "galley report frobnicate: not a usage error"

if [ "$failures" -gt 0 ]; then echo "FAILED: $failures problem(s)"; exit 1; fi
echo "PASS"
