#!/usr/bin/env bash
# Validates tests/testdata/gold/gold.json against the articles it cites.
set -euo pipefail
ROOT="$TEST_SRCDIR/$TEST_WORKSPACE"
exec python3 "$ROOT/tests/eval/eval_findings.py" \
    --gold "$ROOT/tests/testdata/gold/gold.json" --validate-only
