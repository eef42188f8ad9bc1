#!/usr/bin/env bash
# One entry point for a fresh machine:
#   bash scripts/run.sh demo             build, serve the demo pages, open Chromium with the extension
#   bash scripts/run.sh demo --firefox   the same in Firefox ESR with the Firefox build (or BROWSER=firefox)
#   bash scripts/run.sh test             typecheck, unit tests, both builds, end-to-end tests in Chromium and Firefox
# Installs Debian's Chromium and Firefox ESR (when missing and allowed) and the npm dependencies first.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-}"
case "$what" in demo|test) ;; *) echo "usage: bash scripts/run.sh demo [--firefox]|test" >&2; exit 2 ;; esac
browser="${BROWSER:-chromium}"
if [ "${2:-}" = "--firefox" ]; then browser=firefox; fi
case "$browser" in chromium|chrome|firefox) ;; *) echo "BROWSER must be chromium or firefox (got: $browser)" >&2; exit 2 ;; esac

# apt_install PACKAGE... : install Debian packages when running as root with apt.
apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing $* (apt-get install)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    return 1
  fi
}

need_chromium=1; need_firefox=1
if [ "$what" = demo ]; then
  if [ "$browser" = firefox ]; then need_chromium=0; else need_firefox=0; fi
fi

if [ "$need_chromium" = 1 ] && [ ! -x "${CHROMIUM_PATH:-/usr/lib/chromium/chromium}" ]; then
  apt_install chromium fonts-noto-core || {
    echo "Chromium not found at /usr/lib/chromium/chromium: install it (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
    exit 1
  }
fi

firefox_found() {
  [ -n "${FIREFOX_PATH:-}" ] && [ -x "$FIREFOX_PATH" ] && return 0
  [ -x /usr/lib/firefox-esr/firefox-esr ] || [ -x /usr/bin/firefox-esr ]
}
if [ "$need_firefox" = 1 ] && ! firefox_found; then
  apt_install firefox-esr fonts-noto-core || {
    echo "Firefox ESR not found: install it (sudo apt-get install firefox-esr) or set FIREFOX_PATH." >&2
    exit 1
  }
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

if [ "$what" = test ]; then npm test
elif [ "$browser" = firefox ]; then npm run demo:firefox
else npm run demo
fi
