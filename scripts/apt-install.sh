#!/usr/bin/env bash
# Install Debian packages when we can (root with apt-get); say clearly when we cannot.
set -u
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "Cannot install $* here (needs root and apt-get). Install it with your package manager." >&2
  exit 1
fi
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1; then
  apt-get update -qq >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
fi
