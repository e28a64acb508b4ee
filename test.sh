#!/usr/bin/env bash
# The whole test suite, browser tests included, on a fresh machine: installs what the tests need, then runs them.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

# Headless Chromium for the browser tests (Debian's package; Playwright never downloads a browser here).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# A Devanagari font for the Hindi and Nepali charts (ChartFonts looks for Noto Sans Devanagari); without it they render as boxes.
if [ ! -e /usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-core >/dev/null
fi

dotnet build CitizenData.sln -c Release -warnaserror -nologo -v quiet
dotnet test CitizenData.sln -c Release --no-build --nologo --logger "console;verbosity=normal" "$@"
