#!/usr/bin/env bash
# API throughput against its own ceiling: builds release, starts Koers (fresh SQLite, seed, no rate limits) and
# a minimal axum server answering the same bytes, loads the overview and the largest actieplan query
# alternately at 50 connections and prints req/s, p50, p99 and the ratio per query. Figures only.
#   bash .ci/bench-api.sh                                  # 20 s per server, 50 connections
#   bash .ci/bench-api.sh --seconds 5 --connections 10     # any `koers-bench api` option
#   bash .ci/bench-api.sh --addr 127.0.0.1:8080 --pid N    # a Koers you started (e.g. under perf)
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
koers_bench "API: Koers against the same bytes from plain axum" api "$@"
