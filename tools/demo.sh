#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds factdiff and compares the
# articles of each example set in examples/. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bazel build //cli:factdiff
for set in examples/*/; do
  echo
  echo "=== factdiff compare ${set}*.md"
  bazel-bin/cli/factdiff compare --color=auto "${set}"*.md
done
