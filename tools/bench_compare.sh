#!/usr/bin/env bash
# Speed, memory and alignment quality of `factdiff compare` on generated
# corpora of 10, 1,000 and 10,000 articles (tools/gen_corpus.py, seed 1).
#
#   tools/bench_compare.sh              # all sizes
#   SIZES="10 1000" tools/bench_compare.sh
#   FACTDIFF_BIN=/tmp/factdiff_old BENCH_DIR=/tmp/b tools/bench_compare.sh
#   GEN_FLAGS="--undated 0.2" COMPARE_FLAGS="--date-estimate-slack-days=0" \
#     SIZES=1000 tools/bench_compare.sh   # a fifth of the articles undated,
#                                         # without date estimates
#
# For each size: 3 runs (1 for sizes >= 10,000), median wall time and peak
# RSS from /usr/bin/time -v, articles/s, and pairwise alignment precision /
# recall of same-event statement pairs across documents
# (tools/score_alignment.py). Targets: 1,000 articles < 10 s; 10,000 < 120 s
# and < 2 GB peak. Work files go to ${BENCH_DIR:-/tmp/factdiff_bench}.
# A run that exceeds ${BENCH_TIMEOUT:-900} seconds is stopped and reported.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10 1000 10000"}
DIR=${BENCH_DIR:-/tmp/factdiff_bench}
TIMEOUT=${BENCH_TIMEOUT:-900}
SEED=${SEED:-1}
# Extra flags for tools/gen_corpus.py (each set gets its own corpus folder)
# and for `factdiff compare`.
read -r -a GEN_FLAGS <<<"${GEN_FLAGS:-}"
read -r -a COMPARE_FLAGS <<<"${COMPARE_FLAGS:-}"
SUFFIX=$(printf '%s' "${GEN_FLAGS[*]:-}" | tr -c 'A-Za-z0-9.' '_')

# FACTDIFF_BIN: a binary to measure instead of building //cli:factdiff
# (e.g. an older build kept for a before/after table).
if [[ -n ${FACTDIFF_BIN:-} ]]; then
  BIN=$FACTDIFF_BIN
else
  bazel build //cli:factdiff >&2  # .bazelrc builds with -c opt
  BIN=$PWD/bazel-bin/cli/factdiff
fi
mkdir -p "$DIR"

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# "h:mm:ss" or "m:ss.ss" -> seconds.
to_seconds() {
  awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }'
}

printf '%-8s %-5s %10s %10s %12s %10s %10s %8s %s\n' articles runs wall_s \
  articles/s peak_MiB precision recall events status
for n in $SIZES; do
  corpus="$DIR/corpus_$n${SUFFIX:+_$SUFFIX}"
  if [[ ! -f "$corpus/truth.json" ]]; then
    python3 tools/gen_corpus.py --articles "$n" --seed "$SEED" \
      ${GEN_FLAGS[@]+"${GEN_FLAGS[@]}"} --out "$corpus" >&2
  fi
  runs=3
  (( n >= 10000 )) && runs=1
  walls=() rss=() status=ok
  for ((r = 1; r <= runs; r++)); do
    out="$DIR/report_$n.json" tv="$DIR/time_${n}_$r.txt"
    rc=0
    # One factdiff process gets every file (xargs could split the list).
    mapfile -d '' files < <(find "$corpus/" -name '*.md' -print0 | sort -z)
    /usr/bin/time -v -o "$tv" timeout "$TIMEOUT" "$BIN" compare \
      --format=json ${COMPARE_FLAGS[@]+"${COMPARE_FLAGS[@]}"} "${files[@]}" \
      >"$out" 2>"$DIR/stderr_$n.txt" || rc=$?
    if (( rc != 0 )); then
      status="rc=$rc"
      grep -m1 -E 'factdiff:|terminate|Killed|exceeded' "$DIR/stderr_$n.txt" \
        >&2 || true
    fi
    walls+=("$(grep 'Elapsed (wall clock)' "$tv" | awk '{print $NF}' |
      to_seconds)")
    rss+=("$(grep 'Maximum resident set size' "$tv" | awk '{print $NF}')")
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  peak_kb=$(printf '%s\n' "${rss[@]}" | median)
  if [[ $status == ok ]]; then
    score=$(python3 tools/score_alignment.py "$out" "$corpus/truth.json")
  else
    score='{"precision": "-", "recall": "-", "events": "-"}'
  fi
  field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$1'])" "$score"; }
  printf '%-8s %-5s %10.2f %10.1f %12.1f %10s %10s %8s %s\n' "$n" "$runs" \
    "$wall" "$(awk -v n="$n" -v w="$wall" 'BEGIN{print (w > 0 ? n / w : 0)}')" \
    "$(awk -v k="$peak_kb" 'BEGIN{print k / 1024}')" \
    "$(field precision)" "$(field recall)" "$(field events)" "$status"
  echo "  $n: $score" >&2
done
