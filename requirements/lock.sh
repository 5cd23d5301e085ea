#!/usr/bin/env bash
# Re-resolve the dependencies declared in pyproject.toml and pin them exactly:
# requirements/base.lock (runtime) and requirements/dev.lock (runtime + tests and lint).
# Run by `make lock` after changing pyproject.toml; `make run` / `make test` install the locks.
set -euo pipefail
cd "$(dirname "$0")/.."
deps() { python3 -c "import sys, tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; print('\n'.join(p['dependencies'] if sys.argv[1] == 'base' else p['optional-dependencies']['dev']))" "$1"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet --upgrade pip
deps base | tr '\n' '\0' | xargs -0 "$tmp/venv/bin/pip" install --quiet
{ echo "# Pinned by requirements/lock.sh from pyproject.toml; do not edit by hand."; "$tmp/venv/bin/pip" freeze --all --exclude pip --exclude setuptools --exclude wheel; } > requirements/base.lock
deps dev | tr '\n' '\0' | xargs -0 "$tmp/venv/bin/pip" install --quiet
{ echo "# Pinned by requirements/lock.sh from pyproject.toml; do not edit by hand."; echo "-r base.lock"; "$tmp/venv/bin/pip" freeze --all --exclude pip --exclude setuptools --exclude wheel | grep -vxFf requirements/base.lock; } > requirements/dev.lock
echo "requirements/base.lock: $(grep -c '==' requirements/base.lock) packages; requirements/dev.lock: $(grep -c '==' requirements/dev.lock) more"
