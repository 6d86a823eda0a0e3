#!/usr/bin/env bash
# The language server under a storm of random traffic (tests/lsp_stress.rs) at full size:
# 10 000 messages per position encoding (UTF-16 pulling client, UTF-8 pushing client) with a
# 20 MB document, memory measured from /proc. Uses the release binary; about a minute and a
# half once built. Run by .ci/run; `cargo test` runs the same storm, smaller.
# JIAODUI_STRESS_SEED=<n> replays a run (each run prints its seed).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
target=$(cargo metadata --format-version 1 --no-deps --locked |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
JIAODUI_STRESS_FULL=1 JIAODUI_STRESS_BIN="$target/release/jiaodui" \
    cargo test --locked --quiet --test lsp_stress -- --nocapture --test-threads=1
