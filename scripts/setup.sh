#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine with Swift 6 lacks for khuyenhoc: GNU readline's
# development files (used by the shell) and pkg-config. Safe to run again: it installs only what is missing.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: Swift 6 is needed (https://www.swift.org/install/); 'swift' is not on PATH" >&2
  exit 1
fi

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists readline 2>/dev/null && [ ! -e /usr/include/readline/readline.h ]; then
  missing+=(libreadline-dev)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
elif command -v brew >/dev/null 2>&1; then
  brew install readline pkg-config
else
  echo "setup: please install ${missing[*]} (GNU readline development files) with your package manager" >&2
  exit 1
fi
