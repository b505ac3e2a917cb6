#!/bin/sh
# Cargo's rustc wrapper (.cargo/config.toml), so that every build of a commit gives the same
# wasm wherever it is built, by `trunk build --release` alone as by the scripts: panic locations
# name source files, so for the wasm this machine's paths (cargo's registry, this checkout) are
# remapped to fixed ones. Anything else is compiled as asked.
root=$(cd "$(dirname "$0")/.." && pwd)
for arg in "$@"; do
  case "$arg" in
    wasm32-unknown-unknown | --target=wasm32-unknown-unknown)
      exec "$@" --remap-path-prefix="${CARGO_HOME:-$HOME/.cargo}/registry/src=/crates" --remap-path-prefix="$root=/explainer"
      ;;
  esac
done
exec "$@"
