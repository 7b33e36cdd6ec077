#!/usr/bin/env bash
# Make sure a headless Chromium exists for the browser tests.
# Debian's chromium package where apt works (no browser download); otherwise
# Playwright's own Chromium build. Prints the choice so CI logs show it.
set -euo pipefail
PY=${1:-.venv/bin/python}

if [ -x /usr/bin/chromium ]; then
  echo "chromium: using /usr/bin/chromium ($(/usr/bin/chromium --version 2>/dev/null || echo unknown version))"
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "chromium: installing Debian's chromium package"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "chromium: no apt here; installing Playwright's Chromium"
"$PY" -m playwright install --with-deps chromium
