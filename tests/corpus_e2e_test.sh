#!/usr/bin/env bash
# End to end: `factdiff add` and `factdiff check` on a real SQLite file, as a
# CI job would run them, including a process killed part-way through an add
# and two adds at once. Inspects the file with Python's sqlite3 module.
set -uo pipefail

FACTDIFF="$TEST_SRCDIR/$TEST_WORKSPACE/cli/factdiff"
EXAMPLES="$TEST_SRCDIR/$TEST_WORKSPACE/examples"
GEN="$TEST_SRCDIR/$TEST_WORKSPACE/tools/gen_corpus.py"
TMP="${TEST_TMPDIR:-$(mktemp -d)}"
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

expect_exit() {
  local want=$1; shift
  "$@" > "$TMP/out" 2> "$TMP/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    fail "exit $got (want $want): $*"; sed 's/^/  stderr: /' "$TMP/err"
    sed 's/^/  stdout: /' "$TMP/out" | head -5
    return 1
  fi
  return 0
}

# sql DB QUERY: prints the result rows of a read-only query.
sql() {
  python3 - "$1" "$2" <<'PY'
import sqlite3, sys
con = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
for row in con.execute(sys.argv[2]):
    print("|".join(str(x) for x in row))
PY
}

EQ="$EXAMPLES/earthquake"
DB="$TMP/newsroom.db"

# --- add: new, unchanged, updated ------------------------------------------
if expect_exit 0 "$FACTDIFF" add --corpus="$DB" "$EQ/highland-courier-mar14.md" \
    "$EQ/northern-ledger-mar16.md"; then
  grep -q '2 added, 0 updated, 0 unchanged' "$TMP/out" || fail "first add: $(cat "$TMP/out")"
fi
if expect_exit 0 "$FACTDIFF" add --corpus="$DB" --format=json "$EQ/highland-courier-mar14.md"; then
  grep -q '"unchanged": \["highland-courier-mar14"\]' "$TMP/out" || fail "re-add is not a no-op: $(cat "$TMP/out")"
fi
[ "$(sql "$DB" 'PRAGMA integrity_check')" = "ok" ] || fail "integrity_check after add"
[ "$(sql "$DB" 'SELECT COUNT(*) FROM documents')" = "2" ] || fail "2 documents stored"

# The same id with new text is an update, recorded.
mkdir -p "$TMP/edit"
sed 's/ at / near /' "$EQ/highland-courier-mar14.md" > "$TMP/edit/highland-courier-mar14.md"
if expect_exit 0 "$FACTDIFF" add --corpus="$DB" "$TMP/edit/highland-courier-mar14.md"; then
  grep -q '0 added, 1 updated' "$TMP/out" || fail "edited text is not an update: $(cat "$TMP/out")"
fi
[ "$(sql "$DB" "SELECT COUNT(*) FROM history WHERE document_id = 'highland-courier-mar14'")" = "1" ] \
  || fail "the update is not recorded in history"

# --- check: only findings that involve the new article ----------------------
if expect_exit 0 "$FACTDIFF" check --corpus="$DB" --format=json "$EQ/tarnavice-tribune-mar15.md"; then
  python3 - "$TMP/out" <<'PY' || fail "check JSON"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["findings"], "no findings against the stored earthquake articles"
for f in r["findings"]:
    ids = {c["document_id"] for c in f["claims"]}
    assert "tarnavice-tribune-mar15" in ids, f["summary"]
PY
fi
# Nothing is written by check.
[ "$(sql "$DB" 'SELECT COUNT(*) FROM documents')" = "2" ] || fail "check wrote to the store"
# --fail-on sets the exit code; github and sarif formats.
expect_exit 1 "$FACTDIFF" check --corpus="$DB" --fail-on=low "$EQ/tarnavice-tribune-mar15.md"
if expect_exit 0 "$FACTDIFF" check --corpus="$DB" --format=github "$EQ/tarnavice-tribune-mar15.md"; then
  grep -qE '^::(error|warning|notice) file=[^,]*tarnavice-tribune-mar15.md,line=[0-9]+' "$TMP/out" \
    || fail "github annotations: $(head -2 "$TMP/out")"
fi
if expect_exit 0 "$FACTDIFF" check --corpus="$DB" --format=sarif "$EQ/tarnavice-tribune-mar15.md"; then
  python3 - "$TMP/out" <<'PY' || fail "SARIF"
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0"
results = log["runs"][0]["results"]
assert results
loc = results[0]["locations"][0]["physicalLocation"]
assert loc["artifactLocation"]["uri"].endswith("tarnavice-tribune-mar15.md"), loc
assert loc["region"]["startLine"] >= 1
PY
fi

# --- errors: exit 2, a message naming the file ------------------------------
expect_exit 2 "$FACTDIFF" check "$EQ/tarnavice-tribune-mar15.md" && \
  { grep -q -- '--corpus' "$TMP/err" || fail "check without --corpus: $(cat "$TMP/err")"; }
expect_exit 2 "$FACTDIFF" check --corpus="$TMP/missing.db" "$EQ/tarnavice-tribune-mar15.md" && \
  { grep -q 'missing.db' "$TMP/err" || fail "missing corpus message: $(cat "$TMP/err")"; }
[ ! -e "$TMP/missing.db" ] || fail "check created a corpus"
echo "not a database, just words" > "$TMP/words.db"
expect_exit 2 "$FACTDIFF" add --corpus="$TMP/words.db" "$EQ/tarnavice-tribune-mar15.md" && \
  { grep -q 'words.db' "$TMP/err" || fail "non-SQLite corpus message: $(cat "$TMP/err")"; }
python3 - "$TMP/future.db" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1]); con.execute("PRAGMA user_version = 99"); con.commit()
PY
expect_exit 2 "$FACTDIFF" check --corpus="$TMP/future.db" "$EQ/tarnavice-tribune-mar15.md" && \
  { grep -q 'newer' "$TMP/err" || fail "newer schema message: $(cat "$TMP/err")"; }

# A bad file in the middle of an add: nothing from that add is stored.
printf '\xff\xfe\x00binary' > "$TMP/broken.md"
expect_exit 2 "$FACTDIFF" add --corpus="$DB" "$EQ/tarnavice-tribune-mar15.md" "$TMP/broken.md" && \
  { grep -q 'broken.md' "$TMP/err" || fail "bad file message: $(cat "$TMP/err")"; }
[ "$(sql "$DB" 'SELECT COUNT(*) FROM documents')" = "2" ] || fail "a failed add stored something"

# --- a process killed part-way through an add --------------------------------
# 300 articles stored, then an add of 1,700 more (which refits the embedding
# model and rewrites every stored vector inside its transaction) killed with
# SIGKILL inside its transaction.
python3 "$GEN" --articles 2000 --seed 7 --out "$TMP/gen" > /dev/null || fail "gen_corpus"
ls "$TMP"/gen/*.md | head -300 > "$TMP/first"
ls "$TMP"/gen/*.md | tail -n +301 > "$TMP/second"
KDB="$TMP/kill.db"
expect_exit 0 "$FACTDIFF" add --corpus="$KDB" $(cat "$TMP/first")
before=$(sql "$KDB" 'SELECT COUNT(*) FROM documents')
before_statements=$(sql "$KDB" 'SELECT COUNT(*) FROM statements')
before_vectors=$(sql "$KDB" 'SELECT SUM(LENGTH(vector)), SUM(UNICODE(vector)) FROM statements')
[ "$before" = "300" ] || fail "300 documents before the kill (got $before)"
# Kill the add once its transaction has written uncommitted pages to the
# write-ahead log (polled every 5 ms), from a copy of the 300-article store
# each time; if the add got to commit first, try again.
cp "$KDB" "$TMP/kill-before.db"
mid_transaction=0
for attempt in 1 2 3 4 5 6; do
  cp "$TMP/kill-before.db" "$KDB"; rm -f "$KDB-wal" "$KDB-shm"
  "$FACTDIFF" add --corpus="$KDB" $(cat "$TMP/second") > /dev/null 2>&1 &
  pid=$!
  wal=0
  while kill -0 "$pid" 2>/dev/null; do
    wal=$(stat -c %s "$KDB-wal" 2>/dev/null || echo 0)
    [ "$wal" -gt 200000 ] && break
    sleep 0.005
  done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  [ "$(sql "$KDB" 'PRAGMA integrity_check')" = "ok" ] || fail "integrity after kill $attempt"
  n=$(sql "$KDB" 'SELECT COUNT(*) FROM documents')
  if [ "$n" = "2000" ]; then
    echo "kill $attempt: the add had committed"
    continue
  fi
  echo "kill $attempt: killed with ${wal} bytes in the write-ahead log; store as before"
  [ "$n" = "$before" ] || fail "kill $attempt left $n documents (want $before or 2000)"
  [ "$(sql "$KDB" 'SELECT COUNT(*) FROM statements')" = "$before_statements" ] \
    || fail "kill $attempt changed the statements"
  [ "$(sql "$KDB" 'SELECT SUM(LENGTH(vector)), SUM(UNICODE(vector)) FROM statements')" = "$before_vectors" ] \
    || fail "kill $attempt changed the stored vectors"
  [ "$wal" -gt 200000 ] && mid_transaction=1 && break
done
[ "$mid_transaction" -eq 1 ] || fail "no kill landed inside the write transaction"
# The store still works after the kills, and a check reads it.
expect_exit 0 "$FACTDIFF" add --corpus="$KDB" $(cat "$TMP/second")
[ "$(sql "$KDB" 'SELECT COUNT(*) FROM documents')" = "2000" ] || fail "2000 documents after the final add"

# --- two adds at once ----------------------------------------------------------
CDB="$TMP/concurrent.db"
"$FACTDIFF" add --corpus="$CDB" $(head -150 "$TMP/first") > "$TMP/c1" 2>&1 &
p1=$!
"$FACTDIFF" add --corpus="$CDB" $(tail -150 "$TMP/first") > "$TMP/c2" 2>&1 &
p2=$!
wait "$p1" || fail "concurrent add 1: $(cat "$TMP/c1")"
wait "$p2" || fail "concurrent add 2: $(cat "$TMP/c2")"
[ "$(sql "$CDB" 'SELECT COUNT(*) FROM documents')" = "300" ] || fail "concurrent adds lost documents"
[ "$(sql "$CDB" 'PRAGMA integrity_check')" = "ok" ] || fail "integrity after concurrent adds"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all corpus end-to-end checks passed"
