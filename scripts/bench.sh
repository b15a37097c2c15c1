#!/usr/bin/env bash
# The side-by-side benchmark (not part of the test suite): builds khuyenhoc and khuyenhoc-bench in
# release mode, installs polars and DuckDB from PyPI if missing, generates the synthetic national
# dataset once (kept in /tmp between runs), checks that the three engines give the same answers and
# prints the table. Arguments go to Benchmarks/compare.py, e.g. --observations 20000000 --runs 3;
# --no-provenance skips the (slow today) load of the dataset with quotes, --no-pack the packed file.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if ! python3 -c "import polars, duckdb" >/dev/null 2>&1; then
  echo "bench: installing polars and duckdb (pip)" >&2
  python3 -m pip install --quiet --disable-pip-version-check polars duckdb >&2
fi
swift build -c release --product khuyenhoc >&2
swift build -c release --product khuyenhoc-bench >&2
exec python3 Benchmarks/compare.py "$@"
