#!/usr/bin/env bash
# Installs axe-core (npm, pinned by package-lock.json) for e2e/tests/toegankelijkheid.rs into e2e/axe/node_modules,
# unless it was installed from the same lockfile already. Runnable from any folder; .ci/test calls it.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STAMP="$DIR/node_modules/.koers-lock"
command -v npm >/dev/null || { echo "e2e/axe/install.sh: npm is not installed" >&2; exit 1; }
if [[ -f "$STAMP" ]] && cmp -s "$DIR/package-lock.json" "$STAMP"; then
  echo "==> axe-core in e2e/axe: present"
else
  echo "==> npm ci in e2e/axe"
  (cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$DIR/package-lock.json" "$STAMP"
fi
