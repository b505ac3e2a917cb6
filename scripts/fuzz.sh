#!/usr/bin/env bash
# Fuzzes the evidence format with cargo-fuzz (libFuzzer, nightly Rust): loading plus validation
# of whole files, and the inline markdown converter. Seeds come from the test fixtures and the
# bundled evidence sets; findings are written to fuzz/artifacts/<target>/.
#
#   scripts/fuzz.sh                      # every target, 10 minutes each
#   FUZZ_SECONDS=60 scripts/fuzz.sh inline_markdown
#
# A crash found becomes a regression test: copy its file to tests/fixtures/fuzz/<target>/ with a
# name saying what broke, and tests/fuzz_regressions.rs runs the same check on it every time.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-600}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(evidence_file inline_markdown)

if ! rustc +nightly --version >/dev/null 2>&1; then
  echo "==> installing a nightly toolchain (cargo-fuzz needs it)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# Seeds: whole files for the file target; every string in them for the markdown target.
mkdir -p fuzz/corpus/evidence_file fuzz/corpus/inline_markdown
files=$(find tests/fixtures www/evidence -name '*.json' | sort)
for file in $files; do
  cp "$file" "fuzz/corpus/evidence_file/seed-$(echo "$file" | tr / _)"
done
node -e '
  const fs = require("fs");
  const out = "fuzz/corpus/inline_markdown/";
  let n = 0;
  const walk = (v) => {
    if (typeof v === "string") fs.writeFileSync(out + "seed-" + n++, v);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const file of process.argv.slice(1)) {
    try { walk(JSON.parse(fs.readFileSync(file, "utf8"))); } catch { /* invalid fixtures */ }
  }
' $files
cp tests/fixtures/fuzz/inline_markdown/* fuzz/corpus/inline_markdown/ 2>/dev/null || true
cp tests/fixtures/fuzz/evidence_file/* fuzz/corpus/evidence_file/ 2>/dev/null || true

for target in "${targets[@]}"; do
  echo "==> fuzzing $target for ${seconds}s"
  # -max_len lets whole evidence files through; -timeout flags any input that takes over 10 s
  # (a hang), -rss_limit_mb any that exhausts memory.
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict="fuzz/dicts/$target.dict" -print_final_stats=1
done
