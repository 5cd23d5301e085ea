#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through Playwright (never `playwright install`).
# Install it when missing; the tests skip with a clear message if it still is not there.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Installing Debian's chromium for the browser tests..."
"$(dirname "$0")/apt-install.sh" chromium && exit 0
echo "Chromium is not available: the browser tests will be skipped." >&2
exit 1
