#!/usr/bin/env bash
# Writes: progress reports one after the other on SQLite by an API token (fresh seeded database), with
# reports/s, p50, p99 and the SQL statements one report costs. Figures only.
#   bash .ci/bench-writes.sh [--seconds 10]
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
koers_bench "writes: sequential progress reports" writes "$@"
