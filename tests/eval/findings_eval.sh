#!/usr/bin/env bash
# `bazel run //tests/eval:findings_eval [-- ARGS]`: scores factdiff's findings
# on the annotated example sets. ARGS go to eval_findings.py.
set -euo pipefail
if [[ -n "${RUNFILES_DIR:-}" && -d "$RUNFILES_DIR/factdiff" ]]; then
  ROOT="$RUNFILES_DIR/factdiff"
elif [[ -d "$0.runfiles/factdiff" ]]; then
  ROOT="$0.runfiles/factdiff"
else
  ROOT="$PWD"  # `bazel run` starts in the runfiles tree of the workspace
fi
exec python3 "$ROOT/tests/eval/eval_findings.py" \
    --gold "$ROOT/tests/testdata/gold/gold.json" \
    --factdiff "$ROOT/cli/factdiff" "$@"
