#!/usr/bin/env bash
# Runs the whole test suite: formatting and lints, native tests, browser tests in headless
# Chromium and Firefox, a release build and its size, and end-to-end tests against the built dist/ in
# Chromium, Firefox ESR and WebKit, one engine after another, then the planted faults
# (tests/planted/run.mjs: each must fail its test in every engine). EXPLAINER_ENGINES="firefox"
# runs the browser steps in fewer engines (for a quick local check; CI runs all three);
# EXPLAINER_ENGINE_LIMIT is the most seconds one engine's end-to-end run may take (1500 unless set).
#
#   scripts/test.sh                          the whole suite (what CI runs)
#   scripts/test.sh e2e [NAME ...]           only the release build and the end-to-end files
#                                            named (tests/e2e/NAME.test.mjs; all when none),
#                                            e.g. EXPLAINER_ENGINES=webkit scripts/test.sh e2e embed
set -euo pipefail
cd "$(dirname "$0")/.."
# A full disk shows up deep in a build as a linker's "IO failure on output stream": say it first.
# A first run's build takes about 2 GB; the browsers' profiles a few hundred MB more.
# (The target folder may not exist yet: its nearest existing parent is on the same disk.)
disk=${CARGO_TARGET_DIR:-.}
while [ ! -e "$disk" ]; do disk=$(dirname "$disk"); done
free_mb=$(df -Pm "$disk" | awk 'NR == 2 { print $4 }')
if [ "$free_mb" -lt 3000 ]; then
  printf 'warning: only %s MB free on the disk that holds %s; a first run needs about 3,000 MB\n' \
    "$free_mb" "${CARGO_TARGET_DIR:-target/}" >&2
fi

# What the tools leave in the temporary folder (profiles of browsers whose driver was stopped,
# xvfb-run's folders) goes in one folder of this run's, removed when the run ends, so that runs
# on a machine that is kept do not fill its disk.
run_tmp=$(mktemp -d -t explainer-run-XXXXXX)
trap 'rm -rf "$run_tmp"' EXIT
export TMPDIR="$run_tmp"

only_e2e=false
files=(tests/e2e/)
if [ "${1:-}" = e2e ]; then
  only_e2e=true
  shift
  if [ $# -gt 0 ]; then
    files=()
    for name in "$@"; do
      file="tests/e2e/${name%.test.mjs}.test.mjs"
      [ -f "$file" ] || { echo "error: no end-to-end test file $file" >&2; exit 2; }
      files+=("$file")
    done
  fi
elif [ $# -gt 0 ]; then
  echo "usage: scripts/test.sh [e2e [NAME ...]]" >&2
  exit 2
fi

scripts/setup.sh
source scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }

if ! $only_e2e; then
  step "formatting"
  cargo fmt --all --check

  step "lints (native and wasm32)"
  cargo clippy --workspace --all-targets --all-features -- -D warnings
  cargo clippy --target wasm32-unknown-unknown --no-default-features --all-targets -- -D warnings
  cargo clippy --target wasm32-unknown-unknown --no-default-features --features messages --all-targets -- -D warnings
  cargo clippy --target wasm32-unknown-unknown --no-default-features --features authoring --bin explainer-studio -- -D warnings
  cargo clippy --target wasm32-unknown-unknown --no-default-features --features publishing --bin explainer-publisher --bin explainer-card -- -D warnings

  step "native tests"
  cargo test --workspace --all-features

  step "the page's scripts against the contracts the Rust defines (node)"
  node --test tests/contracts/

  # The runner picks its browser from the driver variables it finds: one engine at a time.
  # (WebKitGTK has no driver the wasm-bindgen runner knows; the end-to-end suite covers WebKit.)
  step "browser tests (wasm-bindgen-test) in headless Chromium"
  env -u GECKODRIVER cargo test --target wasm32-unknown-unknown --no-default-features --features messages --test browser --test browser_panic
  step "browser tests (wasm-bindgen-test) in headless Firefox"
  env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" cargo test --target wasm32-unknown-unknown --no-default-features --features messages --test browser --test browser_panic
fi

step "release build"
trunk build --release

step "the built widget's size (tests/dist/)"
node --test tests/dist/

# One engine after another: two cores are not enough to run browsers side by side.
for engine in ${EXPLAINER_ENGINES:-chromium firefox webkit}; do
  step "end-to-end tests in $engine, against dist/"
  started=$SECONDS
  # A test that hangs fails at --test-timeout; `timeout` ends a run that will not end even so
  # (a browser process holding the runner open), so CI reports it instead of waiting out its limit.
  status=0
  EXPLAINER_ENGINE=$engine timeout --kill-after=30 "${EXPLAINER_ENGINE_LIMIT:-1500}" \
    node --test --test-concurrency=1 --test-timeout=600000 "${files[@]}" || status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    printf '==> %s: end-to-end tests did not finish in %s s\n' "$engine" "${EXPLAINER_ENGINE_LIMIT:-1500}"
  fi
  [ "$status" -eq 0 ] || exit "$status"
  printf '==> %s: end-to-end tests took %d s\n' "$engine" $((SECONDS - started))
done

if ! $only_e2e; then
  step "planted faults: each fails its test in every engine"
  started=$SECONDS
  node tests/planted/run.mjs ${EXPLAINER_ENGINES:-chromium firefox webkit}
  printf '==> planted faults took %d s\n' $((SECONDS - started))
fi
