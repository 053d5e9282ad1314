#!/usr/bin/env bash
# The HTML report in a browser: renders each bundled example set with
# `factdiff compare --format=html`, loads the page in headless Chromium and
# checks the DOM Chromium built (findings, charts, anchors, no external
# resources) against the JSON report of the same articles; then takes
# screenshots at 1280 px and at a phone's width and checks the PNGs.
set -uo pipefail

RUNFILES="$TEST_SRCDIR/$TEST_WORKSPACE"
FACTDIFF="$RUNFILES/cli/factdiff"
EXAMPLES="$RUNFILES/examples"
CHECK="$RUNFILES/tests/html/check_html_dom.py"
TMP="${TEST_TMPDIR:-$(mktemp -d)}"
SHOTS="${TEST_UNDECLARED_OUTPUTS_DIR:-$TMP}"
mkdir -p "$SHOTS"
export HOME="$TMP"  # Chromium writes its caches and crash dumps under $HOME
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

CHROMIUM="${CHROMIUM:-}"
if [ -z "$CHROMIUM" ]; then
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$candidate" ]; then CHROMIUM="$candidate"; break; fi
  done
fi
if [ -z "$CHROMIUM" ] || [ ! -x "$CHROMIUM" ]; then
  echo "FAIL: chromium not found (looked for /usr/bin/chromium); install it with tools/setup.sh"
  exit 1
fi

# chromium ARGS... URL: headless, no GPU, a private profile; 60 s at most.
chromium() {
  timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
    --disable-dev-shm-usage --no-first-run --hide-scrollbars \
    --force-device-scale-factor=1 --user-data-dir="$TMP/profile" "$@"
}

for set in earthquake protest border-clashes; do
  html="$TMP/$set.html"
  json="$TMP/$set.json"
  if ! "$FACTDIFF" compare --format=html "$EXAMPLES/$set"/*.md > "$html" 2> "$TMP/err"; then
    fail "factdiff compare --format=html on examples/$set"; sed 's/^/  stderr: /' "$TMP/err"
    continue
  fi
  if ! "$FACTDIFF" compare --format=json "$EXAMPLES/$set"/*.md > "$json" 2> "$TMP/err"; then
    fail "factdiff compare --format=json on examples/$set"; sed 's/^/  stderr: /' "$TMP/err"
    continue
  fi
  if ! chromium --dump-dom "file://$html" > "$TMP/$set.dom" 2> "$TMP/chromium.err"; then
    fail "chromium --dump-dom on $set.html (exit $?)"; tail -20 "$TMP/chromium.err"
    continue
  fi
  python3 "$CHECK" dom "$TMP/$set.dom" "$json" || fail "DOM of examples/$set"
done

# Screenshots of the earthquake report: a desktop window and a phone's.
for size in 1280,2000 390,1600; do
  width="${size%,*}"
  png="$SHOTS/report-$width.png"
  [ "$width" = 1280 ] && png="$SHOTS/report.png"
  rm -f "$png"
  if ! chromium --screenshot="$png" --window-size="$size" \
      "file://$TMP/earthquake.html" > /dev/null 2> "$TMP/chromium.err"; then
    fail "chromium --screenshot at $size (exit $?)"; tail -20 "$TMP/chromium.err"
    continue
  fi
  python3 "$CHECK" png "$png" "$width" || fail "screenshot $png"
  echo "screenshot: $png"
done

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "PASS"
