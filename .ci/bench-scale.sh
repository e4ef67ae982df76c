#!/usr/bin/env bash
# Scale: the same queries on the seed and on ~10 000 generated acties over the seed's own 21 opgaven:
# latency at one connection (overview; actieplan, text search and a full cursor walk per actie returned),
# SQL statements per request and RSS under load and after it. Figures only.
#   bash .ci/bench-scale.sh [--acties 10000 --seconds 5 --load-seconds 10]
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
koers_bench "scale: seed against generated acties" scale "$@"
