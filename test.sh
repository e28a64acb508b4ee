#!/usr/bin/env bash
# The whole test suite, browser tests included, on a fresh machine: installs what the tests need, then runs them.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
APT_UPDATED=""
apt_install() {
  if [ -z "$APT_UPDATED" ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# Headless Chromium for the browser tests (Debian's package; Playwright never downloads a browser here).
if ! command -v chromium >/dev/null 2>&1; then
  apt_install chromium
fi

# npm: the build fetches the official Web Chat bundle with `npm pack`, and the Direct Line tests run the official
# Node client (botframework-directlinejs), whose packages are installed here once (the tests also install them if absent).
if ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
DIRECTLINE_NODE=tests/Bot.Tests/Channels/DirectLine/node
if [ ! -d "$DIRECTLINE_NODE/node_modules/botframework-directlinejs" ]; then
  (cd "$DIRECTLINE_NODE" && npm install --no-audit --no-fund --loglevel=error)
fi

# A Devanagari font for the Hindi and Nepali charts (ChartFonts looks for Noto Sans Devanagari); without it they render as boxes.
if [ ! -e /usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-core >/dev/null
fi

dotnet build CitizenData.sln -c Release -warnaserror -nologo -v quiet
dotnet test CitizenData.sln -c Release --no-build --nologo --logger "console;verbosity=normal" "$@"
