#!/usr/bin/env bash
# One entry point for a fresh machine:
#   bash scripts/run.sh demo   build, serve the demo pages, open Chromium with the extension
#   bash scripts/run.sh test   typecheck, unit tests, build, end-to-end tests
# Installs Debian's Chromium (when missing and allowed) and the npm dependencies first.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-}"
case "$what" in demo|test) ;; *) echo "usage: bash scripts/run.sh demo|test" >&2; exit 2 ;; esac

if [ ! -x "${CHROMIUM_PATH:-/usr/lib/chromium/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Debian Chromium (apt-get install chromium)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  else
    echo "Chromium not found at /usr/lib/chromium/chromium: install it (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

if [ "$what" = demo ]; then npm run demo; else npm test; fi
