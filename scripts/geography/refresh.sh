#!/bin/bash
# Takes in a release of vietnamadminunits (PyPI): downloads it with pip, converts it into
# seeds/geography/ with convert.py. Development time only; commit what it writes.
# Usage: scripts/geography/refresh.sh [VERSION]   (default: the version SOURCE.md names)
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${1:-$(sed -n 's/.*vietnamadminunits\](https:\/\/pypi.org\/project\/vietnamadminunits\/) \([0-9.]*\).*/\1/p' seeds/geography/SOURCE.md 2>/dev/null | head -1)}"
version="${version:-1.0.4}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --dest "$work" "vietnamadminunits==$version"
python3 -m zipfile -e "$work"/vietnamadminunits-"$version"-*.whl "$work/package"
python3 scripts/geography/convert.py "$work/package" seeds/geography "$version"
