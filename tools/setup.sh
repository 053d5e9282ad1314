#!/usr/bin/env bash
# Installs everything factdiff needs to build and test, from Debian 12's
# package archive. Idempotent: safe to run twice; skips apt-get entirely when
# every package is already installed. Must run as root (or with sudo).
set -euo pipefail

PACKAGES=(
  bazel-bootstrap          # Bazel 4.2.3
  g++
  libabsl-dev              # Abseil 20220623
  libeigen3-dev            # Eigen 3.4
  libprotobuf-dev protobuf-compiler
  libgrpc++-dev protobuf-compiler-grpc
  libgtest-dev libgmock-dev
  libbenchmark-dev
  libicu-dev               # normalization, sentence boundaries
  libsqlite3-dev           # the corpus store of `factdiff check`
  chromium                 # headless browser test of the HTML report
  python3                  # benchmark adapters and evaluation scripts
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages already installed" >&2
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done" >&2
