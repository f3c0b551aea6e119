#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 600), seeded from samples/ (inputs and hostile
# cases). cargo-fuzz needs nightly features: the stable toolchain provides them under
# RUSTC_BOOTSTRAP=1. Findings land in fuzz/artifacts/<target>/; keep each as a regression case
# in samples/invalid/ with its expected message once fixed.
#
#   cargo install cargo-fuzz && ./fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text_parser akn_reader round_trip pdf_reader)
export RUSTC_BOOTSTRAP=1
for target in "${targets[@]}"; do
  corpus="corpus/$target"
  mkdir -p "$corpus"
  for f in ../samples/*.md ../samples/*.txt ../samples/*.xml ../samples/pdf/*.pdf ../samples/invalid/*; do
    case "$f" in *.expected|*.akn.xml) continue ;; esac
    # Small seeds only: libFuzzer's default length limit applies to mutations, not seeds.
    [ "$(stat -c %s "$f")" -lt 200000 ] && cp "$f" "$corpus/"
  done
  cargo fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | tail -n 25
done
