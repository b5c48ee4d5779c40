#!/usr/bin/env bash
# Makes sure headless Chromium is available for the notebook chart rendering and browser tests (Debian package).
set -euo pipefail
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then
    echo "chromium: $candidate"
    exit 0
  fi
done
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing; install it with: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "installing chromium (Debian package)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
echo "chromium: /usr/bin/chromium"
