#!/usr/bin/env bash
# Installs what the tests that use real consumers need: a headless browser and CJK fonts (Debian
# packages), and the SPARQL servers. Skips what is already there; without root, the tests that
# need a missing tool are skipped with a reason instead.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "note: not root or no apt-get; tests needing ${need[*]} will be skipped" >&2
  fi
fi
