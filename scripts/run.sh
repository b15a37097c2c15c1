#!/usr/bin/env bash
# Sets up what is missing, builds, and runs khuyenhoc on the embedded dataset (arguments are passed on).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product khuyenhoc >&2
exec .build/release/khuyenhoc "$@"
