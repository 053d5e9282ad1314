#!/usr/bin/env bash
# Speed and memory of the CI path: `factdiff add` of a generated corpus into
# an SQLite store, then `factdiff check` of 10 new articles against it, and,
# as the baseline, `factdiff compare` of the same corpus plus the 10 articles
# (what a job without a store would have to run).
#
#   tools/bench_check.sh                  # 1,000 and 10,000 stored articles
#   SIZES="1000" tools/bench_check.sh
#
# Median of 3 runs for check and compare (1 run at >= 10,000), peak RSS from
# /usr/bin/time -v. Work files go to ${BENCH_DIR:-/tmp/factdiff_bench_check}.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000"}
DIR=${BENCH_DIR:-/tmp/factdiff_bench_check}
NEW=10
bazel build //cli:factdiff >&2
BIN=$PWD/bazel-bin/cli/factdiff
mkdir -p "$DIR"

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
to_seconds() {
  awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }'
}
# timed OUT CMD...: runs CMD under /usr/bin/time -v; prints "wall_s peak_MiB".
timed() {
  local out=$1; shift
  /usr/bin/time -v -o "$DIR/time.txt" "$@" > "$out" 2> "$DIR/stderr.txt" || {
    echo "failed: $*" >&2; cat "$DIR/stderr.txt" >&2; exit 1; }
  echo "$(grep 'Elapsed (wall clock)' "$DIR/time.txt" | awk '{print $NF}' | to_seconds)" \
       "$(grep 'Maximum resident set size' "$DIR/time.txt" | awk '{print $NF / 1024}')"
}

printf '%-8s %10s %10s %10s %10s %12s %12s %10s\n' stored add_s add_MiB \
  check_s check_MiB compare_s compare_MiB db_MiB
for n in $SIZES; do
  corpus="$DIR/corpus_$n"
  total=$((n + NEW))
  if [[ ! -d "$corpus" ]]; then
    python3 tools/gen_corpus.py --articles "$total" --seed 3 --out "$corpus" >&2
  fi
  mapfile -d '' files < <(find "$corpus/" -name '*.md' -print0 | sort -z)
  old=("${files[@]:0:$n}")
  new=("${files[@]:$n}")
  db="$DIR/store_$n.db"
  rm -f "$db" "$db-wal" "$db-shm"
  read -r add_s add_mb < <(timed "$DIR/add.txt" "$BIN" add --corpus="$db" "${old[@]}")
  runs=3; (( n >= 10000 )) && runs=1
  cs=() cm=() ps=() pm=()
  for ((r = 1; r <= runs; r++)); do
    read -r s m < <(timed "$DIR/check.json" "$BIN" check --corpus="$db" --format=json "${new[@]}")
    cs+=("$s"); cm+=("$m")
    read -r s m < <(timed "$DIR/compare.json" "$BIN" compare --format=json "${files[@]}")
    ps+=("$s"); pm+=("$m")
  done
  printf '%-8s %10.2f %10.0f %10.2f %10.0f %12.2f %12.0f %10.1f\n' "$n" \
    "$add_s" "$add_mb" \
    "$(printf '%s\n' "${cs[@]}" | median)" "$(printf '%s\n' "${cm[@]}" | median)" \
    "$(printf '%s\n' "${ps[@]}" | median)" "$(printf '%s\n' "${pm[@]}" | median)" \
    "$(du -m "$db" | awk '{print $1}')"
  python3 - "$DIR/check.json" "$DIR/compare.json" "${new[@]}" <<'PY' >&2
import json, os, sys
check = json.load(open(sys.argv[1])); comp = json.load(open(sys.argv[2]))
new = {os.path.splitext(os.path.basename(p))[0] for p in sys.argv[3:]}
def key(f): return (f["kind"], tuple(sorted((c["document_id"], c["text"]) for c in f["claims"])))
involving = [f for f in comp["findings"] if any(c["document_id"] in new for c in f["claims"])]
a = {key(f) for f in check["findings"]}; b = {key(f) for f in involving}
print(f"  check findings {len(a)}, compare findings involving the new articles {len(b)}, in both {len(a & b)}")
PY
done
