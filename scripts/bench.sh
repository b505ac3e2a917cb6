#!/usr/bin/env bash
# Benchmark: builds the release page, then prints file sizes (raw, gzip, brotli) and the median
# time to first content over several loads in headless Chromium, beside a static baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
trunk build --release
node tests/bench/bench.mjs
