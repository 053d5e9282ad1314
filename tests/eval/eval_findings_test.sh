#!/usr/bin/env bash
# Unit tests of eval_findings.py (matching, scoring, gold validation).
set -euo pipefail
ROOT="$TEST_SRCDIR/$TEST_WORKSPACE"
export GOLD_JSON="$ROOT/tests/testdata/gold/gold.json"
exec python3 "$ROOT/tests/eval/eval_findings_test.py"
