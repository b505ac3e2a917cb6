#!/usr/bin/env bash
# Runs the whole test suite: formatting and lints, native tests, browser tests in headless
# Chromium, a release build, and end-to-end tests against the built dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }

step "formatting"
cargo fmt --all --check

step "lints (native and wasm32)"
cargo clippy --workspace --all-targets --all-features -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --all-targets -- -D warnings

step "native tests"
cargo test --workspace --all-features

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --no-default-features --test browser --test browser_panic

step "release build"
trunk build --release

step "end-to-end tests (Playwright, headless Chromium, against dist/)"
node --test tests/e2e/
