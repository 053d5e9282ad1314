#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs every test. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bazel test //...
