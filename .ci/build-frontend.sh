#!/usr/bin/env bash
# Builds Koers' wasm front end and GraphiQL explorer into frontend/dist/.
#
# Installs what is missing (and skips what is present at the right version):
#   - rustup target wasm32-unknown-unknown
#   - wasm-bindgen-cli, the same version as the wasm-bindgen crate in Cargo.lock
#   - wasm-split-cli (crate wasm_split_cli_support), the version known to work with that wasm-bindgen
#   - wasm-opt (binaryen 132 from npm, frontend/tools/; Debian's binaryen is too old)
#   - GraphiQL + React UMD bundles (npm, frontend/explorer/)
#   - NL Design System CSS: the Utrecht component CSS and the design tokens (npm, frontend/nlds/)
# Then: cargo build (profile wasm-release, relocations kept) → wasm-split (the lazy routes' views into their own
# modules, code they share into chunks) → wasm-bindgen --target web on the main module → wasm-opt -Oz on every
# module → copy static files → content-hashed names under dist/assets/ (frontend/tools/hash-assets.mjs) →
# brotli and gzip copies of each (served precompressed by the backend).
#
# Runnable from any directory; idempotent. No network access except the crates.io and npm registries.
# Environment: CARGO_TARGET_DIR (default <repo>/target), CARGO_BUILD_FLAGS (e.g. "--locked" in CI).
set -euo pipefail

start=$SECONDS
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FRONTEND="$ROOT/frontend"
DIST="$FRONTEND/dist"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
PROFILE="wasm-release"
WASM_TARGET="wasm32-unknown-unknown"
BINARYEN_VERSION="132"

log() { printf '==> %s\n' "$*"; }
fail() { printf 'build-frontend: %s\n' "$*" >&2; exit 1; }

case ":$PATH:" in
  *":$HOME/.cargo/bin:"*) ;;
  *) [[ -d "$HOME/.cargo/bin" ]] && PATH="$HOME/.cargo/bin:$PATH" ;;
esac

for tool in cargo rustup npm gzip; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done

# The CLI must match the wasm-bindgen crate exactly; take the version from Cargo.lock.
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
[[ -n "$WBG_VERSION" ]] || fail "wasm-bindgen not found in Cargo.lock"
# wasm-split reads wasm-bindgen's internals (0.2.125 and 0.2.128 broke earlier releases): the pair below is the
# one tested together. Upgrade both at once, rebuild and run the browser tests.
WASM_SPLIT_VERSION="0.2.4"
WASM_SPLIT_FOR_WBG="0.2.130"
[[ "$WBG_VERSION" == "$WASM_SPLIT_FOR_WBG" ]] ||
  fail "wasm-bindgen $WBG_VERSION in Cargo.lock, but wasm-split-cli $WASM_SPLIT_VERSION is tested with $WASM_SPLIT_FOR_WBG"

# --- tools -------------------------------------------------------------------------------------------------

if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  log "rustup target $WASM_TARGET: present"
else
  log "rustup target add $WASM_TARGET"
  rustup target add "$WASM_TARGET"
fi

installed_wbg="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [[ "$installed_wbg" == "$WBG_VERSION" ]]; then
  log "wasm-bindgen $WBG_VERSION: present"
else
  log "cargo install wasm-bindgen-cli --version $WBG_VERSION (found: ${installed_wbg:-none})"
  # Without --locked: the CLI's own lockfile names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

installed_split="$(cargo install --list 2>/dev/null | awk '/^wasm_split_cli_support v/ { sub(/^v/, "", $2); sub(/:$/, "", $2); print $2 }')"
if [[ "$installed_split" == "$WASM_SPLIT_VERSION" ]] && command -v wasm-split-cli >/dev/null; then
  log "wasm-split-cli $WASM_SPLIT_VERSION: present"
else
  log "cargo install wasm_split_cli_support --version $WASM_SPLIT_VERSION (found: ${installed_split:-none})"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# npm ci in a folder unless its node_modules were installed from the same lockfile.
npm_ci() {
  local dir="$1" stamp="$1/node_modules/.koers-lock"
  if [[ -f "$stamp" ]] && cmp -s "$dir/package-lock.json" "$stamp"; then
    log "npm packages in ${dir#"$ROOT"/}: present"
  else
    log "npm ci in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}

npm_ci "$FRONTEND/tools"
npm_ci "$FRONTEND/explorer"
npm_ci "$FRONTEND/nlds"

WASM_OPT="$FRONTEND/tools/node_modules/.bin/wasm-opt"
"$WASM_OPT" --version | grep -q "version $BINARYEN_VERSION" || fail "wasm-opt is not binaryen $BINARYEN_VERSION"

# --- build -------------------------------------------------------------------------------------------------

# The profile's `strip = true` would drop the `target_features` section wasm-bindgen reads to know which wasm
# features (reference types …) it may use; strip only debug info here, wasm-opt strips the rest below.
export CARGO_PROFILE_WASM_RELEASE_STRIP="debuginfo"
# Leptos' `erase_components`: components become type-erased views, which cuts the wasm by about a sixth
# (fewer monomorphised view types) without changing behaviour.
# `--emit-relocs`: wasm-split needs the linker's relocations to see which code each split point reaches.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} --cfg erase_components -Clink-args=--emit-relocs"
log "cargo build -p koers-frontend --target $WASM_TARGET --profile $PROFILE (strip=debuginfo, --cfg erase_components, --emit-relocs)"
# shellcheck disable=SC2086 # CARGO_BUILD_FLAGS is a list of flags
(cd "$ROOT" && cargo build -p koers-frontend --target "$WASM_TARGET" --profile "$PROFILE" ${CARGO_BUILD_FLAGS:-})
WASM_IN="$TARGET_DIR/$WASM_TARGET/$PROFILE/koers-frontend.wasm"
[[ -f "$WASM_IN" ]] || fail "no wasm at $WASM_IN"

log "fresh $DIST"
rm -rf "$DIST"
mkdir -p "$DIST/explorer"

SPLIT="$TARGET_DIR/koers-split"
rm -rf "$SPLIT"
mkdir -p "$SPLIT"
log "wasm-split → main module, one module per lazy route, shared chunks, __wasm_split.js"
wasm-split-cli "$WASM_IN" "$SPLIT" --target web --out-name koers
[[ -f "$SPLIT/koers.wasm" && -f "$SPLIT/__wasm_split.js" ]] || fail "wasm-split wrote no koers.wasm / __wasm_split.js"

# The split modules import the main module's functions by their linker names: keep and do not rename them.
log "wasm-bindgen --target web (main module) → dist/koers.js, dist/koers_bg.wasm"
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle --out-dir "$DIST" --out-name koers \
  "$SPLIT/koers.wasm"
cp "$SPLIT/__wasm_split.js" "$DIST/"
find "$SPLIT" -maxdepth 1 -name '*.wasm' ! -name koers.wasm -exec cp {} "$DIST/" \;

# The features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept them. (It warns
# about a name subsection wasm-split writes and it does not know: harmless, filtered.)
log "wasm-opt -Oz ($(find "$DIST" -maxdepth 1 -name '*.wasm' | wc -l) modules)"
for w in "$DIST"/*.wasm; do
  "$WASM_OPT" -Oz \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-debug --strip-producers --strip-target-features \
    "$w" -o "$w" 2> >(grep -v 'unknown name subsection' >&2)
done

log "static files → dist/"
cp "$FRONTEND/index.html" "$FRONTEND/start.js" "$FRONTEND/style.css" "$FRONTEND/ansichten.css" \
  "$FRONTEND/presentatie.css" "$FRONTEND/afdruk.css" "$DIST/"

log "GraphiQL explorer → dist/explorer/"
NM="$FRONTEND/explorer/node_modules"
cp "$FRONTEND/explorer/index.html" "$FRONTEND/explorer/explorer.js" "$FRONTEND/explorer/explorer.css" \
  "$NM/react/umd/react.production.min.js" \
  "$NM/react-dom/umd/react-dom.production.min.js" \
  "$NM/graphiql/graphiql.min.js" \
  "$NM/graphiql/graphiql.min.css" \
  "$DIST/explorer/"
for pkg in react react-dom graphiql; do
  cp "$NM/$pkg/LICENSE" "$DIST/explorer/LICENSE-$pkg.txt"
done

# The components of the Utrecht component library that the views use (class names utrecht-<component>),
# concatenated into one file; the whole library (component-library-css) is about four times as large.
NLDS_COMPONENTEN=(document page-header page-body page-footer skip-link heading-1 heading-2 heading-3 heading-4
  heading-5 paragraph link table button form-field form-label textbox select status-badge)
log "NL Design System CSS → dist/nlds/"
NLDS_NM="$FRONTEND/nlds/node_modules"
TOKENS="$NLDS_NM/@nl-design-system-unstable/voorbeeld-design-tokens"
mkdir -p "$DIST/nlds"
cp "$TOKENS/dist/theme.css" "$DIST/nlds/design-tokens.css"
cp "$TOKENS/LICENSE.md" "$DIST/nlds/LICENSE-voorbeeld-design-tokens.md"
: >"$DIST/nlds/componenten.css"
for c in "${NLDS_COMPONENTEN[@]}"; do
  css="$NLDS_NM/@utrecht/$c-css/dist/index.min.css"
  [[ -f "$css" ]] || fail "no $css (npm ci in frontend/nlds)"
  printf '/* @utrecht/%s-css %s, EUPL-1.2 */\n' "$c" \
    "$(node -p "require('$NLDS_NM/@utrecht/$c-css/package.json').version")" >>"$DIST/nlds/componenten.css"
  cat "$css" >>"$DIST/nlds/componenten.css"
  printf '\n' >>"$DIST/nlds/componenten.css"
done
cp "$NLDS_NM/@utrecht/component-library-css/LICENSE.md" "$DIST/nlds/LICENSE-utrecht-component-library-css.md"

log "content-hashed names → dist/assets/"
node "$FRONTEND/tools/hash-assets.mjs" "$DIST"

# Brotli (quality 11) and gzip (level 9) copies next to every wasm, JS, CSS and HTML file; the backend serves
# them to browsers that accept them. Node's zlib, since node is already needed for npm.
log "precompressing dist/ (.br, .gz)"
(cd "$DIST" && find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) -print0 |
  xargs -0 node -e '
    const fs = require("fs"), zlib = require("zlib");
    const br = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } };
    for (const f of process.argv.slice(1)) {
      const data = fs.readFileSync(f);
      fs.writeFileSync(f + ".br", zlib.brotliCompressSync(data, br));
      fs.writeFileSync(f + ".gz", zlib.gzipSync(data, { level: 9 }));
    }')

# --- report ------------------------------------------------------------------------------------------------

log "sizes (raw / gzip -9; per route: bash .ci/bench-size)"
for f in "$DIST"/assets/*.{wasm,js,css}; do
  printf '    %-40s %8d B  %8d B gzip\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)"
done
printf '    %-16s %8d B (explorer, uncompressed)\n' "explorer/" "$(du -sb --exclude='*.br' --exclude='*.gz' "$DIST/explorer" | cut -f1)"
log "done in $((SECONDS - start)) s: $DIST"
