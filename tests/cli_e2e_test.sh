#!/usr/bin/env bash
# End to end: runs the built factdiff binary on files, as a user would, and
# checks its JSON, its exit codes and its error messages.
set -uo pipefail

FACTDIFF="$TEST_SRCDIR/$TEST_WORKSPACE/cli/factdiff"
DATA="$TEST_SRCDIR/$TEST_WORKSPACE/tests/testdata"
EXAMPLES="$TEST_SRCDIR/$TEST_WORKSPACE/examples"
CHECK="$TEST_SRCDIR/$TEST_WORKSPACE/tests/check_report.py"
TMP="${TEST_TMPDIR:-$(mktemp -d)}"
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect_exit CODE CMD...: runs CMD, stdout to $TMP/out, stderr to $TMP/err.
expect_exit() {
  local want=$1; shift
  "$@" > "$TMP/out" 2> "$TMP/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    fail "exit $got (want $want): $*"; sed 's/^/  stderr: /' "$TMP/err"
    return 1
  fi
  return 0
}

# --- The main job: two articles that disagree on a toll --------------------
if expect_exit 0 "$FACTDIFF" compare --format=json "$DATA/good/a.md" "$DATA/good/b.md"; then
  python3 "$CHECK" "$TMP/out" --expect-kind=NUMERIC_MISMATCH --expect-count=1 \
      --expect-values=9,14 --files "$DATA/good/a.md" "$DATA/good/b.md" \
      || fail "JSON report of good/a.md b.md"
fi

# Text output names both documents and marks the figures.
if expect_exit 0 "$FACTDIFF" compare --color=never "$DATA/good/a.md" "$DATA/good/b.md"; then
  grep -q '\[14\]' "$TMP/out" || fail "text output does not mark [14]"
  grep -q 'numeric mismatch' "$TMP/out" || fail "text output lacks the finding"
fi

# Markdown output links to file:line.
if expect_exit 0 "$FACTDIFF" compare --format=markdown "$DATA/good/a.md" "$DATA/good/b.md"; then
  grep -q '^| \[f1\](#f1) |' "$TMP/out" || fail "markdown lacks the summary table"
  grep -qE '\]\([^)]*a\.md#L[0-9]+\)' "$TMP/out" || fail "markdown lacks file:line links"
fi

# --fail-on turns findings into exit code 1; hyphen and underscore both work.
expect_exit 1 "$FACTDIFF" compare --fail-on=low "$DATA/good/a.md" "$DATA/good/b.md"
expect_exit 1 "$FACTDIFF" compare --fail_on low "$DATA/good/a.md" "$DATA/good/b.md"

# Standard input and a JSON Document mix with files.
if expect_exit 0 "$FACTDIFF" compare --format=json - "$DATA/good/b.md" < "$DATA/good/a.md"; then
  python3 "$CHECK" "$TMP/out" --expect-count=1 --expect-ids=stdin,b \
      || fail "stdin document"
fi
if expect_exit 0 "$FACTDIFF" extract --format=json "$DATA/good/doc.json"; then
  grep -q '"id": "json-doc"' "$TMP/out" || fail "extract of doc.json lacks its id"
  grep -q '"low": 1240' "$TMP/out" || fail "extract of doc.json lacks 1,240"
fi

# --- Bad input: exit 2, one line on stderr naming the file, nothing on stdout
check_bad() {
  local pattern=$1; shift
  if expect_exit 2 "$FACTDIFF" "$@"; then
    [ -s "$TMP/out" ] && fail "stdout not empty for: $*"
    grep -q -- "$pattern" "$TMP/err" || { fail "stderr lacks '$pattern' for: $*"; cat "$TMP/err"; }
  fi
}
check_bad "empty.md: the article is empty" compare "$DATA/bad/empty.md" "$DATA/good/a.md"
check_bad "whitespace.md: the article is empty" compare "$DATA/bad/whitespace.md"
check_bad "frontmatter-only.md: the article is empty" compare "$DATA/bad/frontmatter-only.md"
check_bad "unclosed-frontmatter.md: front matter .* never closed" compare "$DATA/bad/unclosed-frontmatter.md"
check_bad "bad-date.md: front matter line .*2025-13-45" compare "$DATA/bad/bad-date.md"
check_bad "not-utf8.txt: not valid UTF-8 (byte 0xe9 at offset 7)" compare "$DATA/bad/not-utf8.txt"
check_bad "binary.bin: binary data" compare "$DATA/bad/binary.bin"
check_bad "malformed.pb: malformed Document protobuf" compare "$DATA/bad/malformed.pb"
check_bad "malformed.json: malformed Document JSON" compare "$DATA/bad/malformed.json"
check_bad "unknown-field.json: malformed Document JSON" compare "$DATA/bad/unknown-field.json"
check_bad "nope.md: no such file" compare "$DATA/nope.md"
check_bad "is a directory" compare "$DATA/good"
check_bad "unknown --format \"yaml\"" compare --format=yaml "$DATA/good/a.md"
check_bad "unknown flag --frmat" compare --frmat=json "$DATA/good/a.md"
check_bad "unknown command \"comapre\"" comapre "$DATA/good/a.md"
check_bad "no files given" compare
check_bad "two documents have the id \"a\"" compare "$DATA/good/a.md" "$DATA/good/a.md"
check_bad "unknown --fail-on" compare --fail-on=sometimes "$DATA/good/a.md"
check_bad "min_similarity must be in" compare --min-similarity=2 "$DATA/good/a.md"
check_bad "unknown embedder \"bogus\"" compare --embedder=bogus "$DATA/good/a.md" "$DATA/good/b.md"
check_bad "nope.vec: cannot open word-vector file" compare --embedder=word-vectors --vectors="$TMP/nope.vec" "$DATA/good/a.md"
printf 'troops 0.1 0.2 0.3\nkilled 0.3 x 0.1\n' > "$TMP/broken.vec"
check_bad "broken.vec:2: " compare --embedder=word-vectors --vectors="$TMP/broken.vec" "$DATA/good/a.md"

# --- Word vectors: a small GloVe file written here ----------------------------
python3 - "$TMP/small.vec" <<'PY'
import random, re, sys
random.seed(7)
words = set()
for path in sys.argv[2:]:
    words.update(re.findall(r"[a-z]+", open(path, encoding="utf-8").read().lower()))
words |= {"soldiers", "killed", "wounded", "people", "police", "said", "march",
          "crowd", "protesters", "arrested", "fire", "workers", "plant"}
with open(sys.argv[1], "w") as f:
    for w in sorted(words):
        f.write(w + " " + " ".join("%.4f" % random.uniform(-1, 1) for _ in range(16)) + "\n")
PY
if expect_exit 0 "$FACTDIFF" compare --format=json --embedder=word-vectors --vectors="$TMP/small.vec" "$DATA/good/a.md" "$DATA/good/b.md"; then
  python3 "$CHECK" "$TMP/out" || fail "word-vectors report"
fi

# --- The bundled examples run and find something ---------------------------
for set in "$EXAMPLES"/*/; do
  if expect_exit 0 "$FACTDIFF" compare --format=json "$set"*.md; then
    python3 "$CHECK" "$TMP/out" --min-count=1 || fail "no findings in $set"
  fi
done

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all end-to-end checks passed"
