#!/usr/bin/env bash
# What the release wasm is made of: builds it as Trunk does (cargo, wasm-bindgen, wasm-opt -Oz)
# but keeping function names, then groups twiggy's per-item sizes by crate and kind. The names
# only label the items: the figures are code and data bytes, which the shipped, stripped wasm
# has the same. Installs twiggy 0.8.0 (cargo) when it is not there. See docs/wasm-size.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
TWIGGY_VERSION=0.8.0
if [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt $TWIGGY_VERSION" ]; then
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi
out=target/wasm-size
rm -rf "$out" && mkdir -p "$out"
CARGO_PROFILE_RELEASE_STRIP=false cargo build --quiet --release --target wasm32-unknown-unknown \
  --bin explainer-widget --no-default-features
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name explainer-widget \
  target/wasm32-unknown-unknown/release/explainer-widget.wasm
# The same features Trunk passes (www/index.html); --debuginfo keeps the names section.
wasm-opt -Oz --debuginfo --enable-bulk-memory --enable-bulk-memory-opt \
  --enable-nontrapping-float-to-int --enable-reference-types --enable-sign-ext \
  --enable-multivalue --enable-mutable-globals "$out/explainer-widget_bg.wasm" -o "$out/named.wasm"
twiggy top -n 100000 --format csv "$out/named.wasm" > "$out/top.csv"
node tests/bench/wasm-size.mjs "$out/top.csv"
echo "largest items: twiggy top -n 30 $out/named.wasm; who keeps one: twiggy dominators $out/named.wasm"
