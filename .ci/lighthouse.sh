#!/usr/bin/env bash
# Lighthouse scores of the served app: starts Koers (release build, a fresh seeded SQLite database in a temp
# folder, frontend/dist) on a free port, runs Lighthouse (npm, pinned in e2e/lighthouse/package-lock.json and
# installed there) with the installed Chromium against `/`, `/actieplan/<first plan>` and `/presentatie`, and
# prints the median of the runs per page: performance and accessibility scores, FCP, LCP, TBT, CLS.
#
# Profile: Lighthouse's mobile preset (a Moto G class screen, simulated slow 4G) with the CPU slowdown
# calibrated to this machine kind: its benchmark index is 440–570, so the default 4× models a phone far slower
# than Lighthouse's reference device; 1× here models that device (see Lighthouse's throttling docs). Report the
# multiplier with every figure. Then CLS with the desktop preset at several widths (the header used to reflow
# when a scrollbar appeared).
#
#   bash .ci/lighthouse.sh
#   KOERS_LH_RUNS=5 KOERS_LH_CPU=1 KOERS_LH_WIDTHS="320 1340 2560" bash .ci/lighthouse.sh
#   KOERS_BIN=target/debug/koers bash .ci/lighthouse.sh     # a binary already built (figures then say so)
# Reports (JSON) stay in target/lighthouse/. Needs nothing but the npm registry (first run) and Chromium.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd_repo_root

RUNS=${KOERS_LH_RUNS:-3}
CPU=${KOERS_LH_CPU:-1}
WIDTHS=${KOERS_LH_WIDTHS:-320 390 768 1024 1280 1340 1345 1366 1920 2560}
OUT=${CARGO_TARGET_DIR:-target}/lighthouse
LH_DIR=e2e/lighthouse

ensure_build_tools
ensure_chromium
command -v curl >/dev/null || ensure_apt curl

# npm ci unless node_modules were installed from the same lockfile (as e2e/axe/install.sh does).
STAMP="$LH_DIR/node_modules/.koers-lock"
if [[ -f "$STAMP" ]] && cmp -s "$LH_DIR/package-lock.json" "$STAMP"; then
    info "lighthouse in $LH_DIR: present"
else
    info "npm ci in $LH_DIR"
    (cd "$LH_DIR" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$LH_DIR/package-lock.json" "$STAMP"
fi
LIGHTHOUSE="$PWD/$LH_DIR/node_modules/.bin/lighthouse"

[ -f frontend/dist/index.html ] || bash .ci/build-frontend.sh
if [ -z "${KOERS_BIN:-}" ]; then
    cargo build --release -p koers-backend
    KOERS_BIN=${CARGO_TARGET_DIR:-target}/release/koers
fi
[ -x "$KOERS_BIN" ] || die "no koers binary at $KOERS_BIN"

WORK=$(mktemp -d /tmp/koers-lighthouse.XXXXXX)
PID=""
cleanup() {
    if [ -n "$PID" ]; then
        kill "$PID" 2>/dev/null || true
        wait "$PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# A free port: bind 0 and read it back.
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
BASE="http://127.0.0.1:$PORT"
DATABASE_URL="sqlite://$WORK/koers.db?mode=rwc" KOERS_ADDR="127.0.0.1:$PORT" KOERS_STATIC_DIR=frontend/dist \
    KOERS_LOG=warn KOERS_RATE_PER_SECOND=100000 KOERS_RATE_BURST=100000 "$KOERS_BIN" serve >"$WORK/koers.log" 2>&1 &
PID=$!
deadline=$((SECONDS + 120))
until curl -fsS "$BASE/readyz" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/koers.log" >&2; die "koers stopped"; }
    [ "$SECONDS" -lt "$deadline" ] || die "koers not ready within 120 s"
    sleep 0.2
done
PLAN=$(curl -fsS "$BASE/graphql" -H 'content-type: application/json' \
    -d '{"query":"{ actieplannen { id } }"}' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).data.actieplannen[0].id))')
mkdir -p "$OUT"

CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync"
# lh <report> <url> <flags...>: one Lighthouse run into $OUT/<report>.json.
lh() {
    local report=$1 url=$2
    shift 2
    CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} "$LIGHTHOUSE" "$url" --quiet --output=json \
        --output-path="$OUT/$report.json" --chrome-flags="$CHROME_FLAGS --user-data-dir=$WORK/chrome-$report" "$@" \
        >/dev/null 2>>"$WORK/lighthouse.log" || { tail -20 "$WORK/lighthouse.log" >&2; die "lighthouse failed on $url"; }
}

section "Lighthouse mobile (slow 4G simulated, CPU ×$CPU), median of $RUNS runs"
for page in "/" "/actieplan/$PLAN" "/presentatie"; do
    name=$(printf '%s' "$page" | tr -c 'a-zA-Z0-9' '_')
    for i in $(seq 1 "$RUNS"); do
        lh "mobile$name-$i" "$BASE$page" --only-categories=performance,accessibility \
            --throttling.cpuSlowdownMultiplier="$CPU"
    done
done
node - "$OUT" "$RUNS" "/" "/actieplan/$PLAN" "/presentatie" <<'EOF'
const fs = require("fs");
const [out, runs, ...pages] = process.argv.slice(2);
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${"page".padEnd(22)} ${"perf".padStart(5)} ${"a11y".padStart(5)} ${"FCP".padStart(7)} ${"LCP".padStart(7)} ${"TBT".padStart(7)} ${"CLS".padStart(6)}`);
for (const page of pages) {
  const name = page.replace(/[^a-zA-Z0-9]/g, "_");
  const r = [...Array(Number(runs)).keys()].map((i) => JSON.parse(fs.readFileSync(`${out}/mobile${name}-${i + 1}.json`)));
  const m = (f) => median(r.map(f));
  const a = (id) => m((x) => x.audits[id].numericValue);
  console.log(`${(page.length > 22 ? page.slice(0, 19) + "…" : page).padEnd(22)} ${String(Math.round(m((x) => x.categories.performance.score) * 100)).padStart(5)} ${String(Math.round(m((x) => x.categories.accessibility.score) * 100)).padStart(5)} ${(a("first-contentful-paint") / 1000).toFixed(2).padStart(6)}s ${(a("largest-contentful-paint") / 1000).toFixed(2).padStart(6)}s ${Math.round(a("total-blocking-time")).toString().padStart(5)}ms ${a("cumulative-layout-shift").toFixed(3).padStart(6)}`);
}
EOF

section "CLS with the desktop preset, per width (px)"
for w in $WIDTHS; do
    for page in "/" "/actieplan/$PLAN"; do
        name=$(printf '%s' "$page" | tr -c 'a-zA-Z0-9' '_')
        lh "cls-$w$name" "$BASE$page" --only-categories=performance --preset=desktop \
            --screenEmulation.width="$w" --screenEmulation.height=900 --screenEmulation.mobile=false
    done
done
node - "$OUT" "$PLAN" $WIDTHS <<'EOF'
const fs = require("fs");
const [out, plan, ...widths] = process.argv.slice(2);
let worst = 0;
for (const w of widths) {
  const cls = ["/", `/actieplan/${plan}`].map((p) =>
    JSON.parse(fs.readFileSync(`${out}/cls-${w}${p.replace(/[^a-zA-Z0-9]/g, "_")}.json`)).audits["cumulative-layout-shift"].numericValue);
  worst = Math.max(worst, ...cls);
  console.log(`${w.padStart(5)} px   /: ${cls[0].toFixed(3)}   /actieplan/…: ${cls[1].toFixed(3)}`);
}
console.log(`worst CLS ${worst.toFixed(3)} (target ≤ 0.05)`);
EOF
info "reports in $OUT (binary: $KOERS_BIN, CPU multiplier $CPU)"
