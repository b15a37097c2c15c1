#!/usr/bin/env bash
# Sets up what is missing and runs the whole test suite. The shell's end-to-end tests drive the real
# binary through a pseudo-terminal with tmux, and the notebook tests use Python's nbformat, so both are
# installed here too.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if ! command -v tmux >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "test: installing tmux for the terminal tests" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q tmux >/dev/null
  elif command -v brew >/dev/null 2>&1; then
    brew install tmux
  fi
fi
command -v tmux >/dev/null 2>&1 || { echo "test: tmux is needed for the terminal tests" >&2; exit 1; }
# The notebook tests validate the notebooks with Python's nbformat and run them through Jupyter
# (nbclient, jupyter_client, ipykernel) with the kernel in kernel/.
if ! python3 -c "import nbformat, nbclient, jupyter_client, ipykernel" >/dev/null 2>&1; then
  echo "test: installing nbformat, nbclient, jupyter_client and ipykernel (pip) for the notebook tests" >&2
  python3 -m pip install --quiet --disable-pip-version-check nbformat nbclient jupyter_client ipykernel >&2
fi
swift build --build-tests
swift test --skip-build
# The notebooks' stored outputs must be what a fresh run gives.
.build/debug/khuyenhoc notebook check Notebooks/*.ipynb
