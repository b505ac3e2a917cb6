#!/usr/bin/env bash
# Benchmark: builds the release page, then prints file sizes (raw, gzip, brotli) and, for each
# way of showing the explainer, median times to first paint, to the question and to a working
# card, and CLS, over several loads in headless Chromium, unthrottled and as a slow phone,
# beside the static page of the same evidence.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
trunk build --release
# The tool's own speed on big sets is measured too: its release build.
cargo build --quiet --release --bin explainer
node tests/bench/bench.mjs
