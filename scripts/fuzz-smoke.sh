#!/usr/bin/env bash
# Runs every fuzz target briefly (FUZZ_SECONDS each, default 60) from its seed corpus.
# cargo-fuzz needs nightly features of rustc; RUSTC_BOOTSTRAP lets the stable toolchain
# provide them.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${FUZZ_SECONDS:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --quiet
export RUSTC_BOOTSTRAP=1
for target in $(cargo fuzz list); do
    work=$(mktemp -d)
    cp -r corpus/"$target"/. "$work"/ 2>/dev/null || true
    echo "fuzz $target for ${seconds}s"
    cargo fuzz run -O "$target" "$work" -- -max_total_time="$seconds" -max_len=8192 2>&1 | tail -n 3
    rm -rf "$work"
done
