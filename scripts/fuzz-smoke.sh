#!/usr/bin/env bash
# Runs every fuzz target briefly (FUZZ_SECONDS each, default 60) from its seed corpus.
# cargo-fuzz needs nightly features of rustc; RUSTC_BOOTSTRAP lets the stable toolchain
# provide them.
#
# The run leaves the checkout as it found it: cargo rewrites fuzz/Cargo.lock whenever the
# main crate's dependencies have changed since the lock was last committed, so the lock is
# put back on exit.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${FUZZ_SECONDS:-60}
saved_lock=$(mktemp)
cp Cargo.lock "$saved_lock"
trap 'cp "$saved_lock" Cargo.lock; rm -f "$saved_lock"' EXIT
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --quiet
export RUSTC_BOOTSTRAP=1
# Build every target first, whole output shown: a target that no longer compiles against
# the library fails here with its error, not as a truncated backtrace mid-run.
cargo fuzz build -O
for target in $(cargo fuzz list); do
    work=$(mktemp -d)
    cp -r corpus/"$target"/. "$work"/ 2>/dev/null || true
    # The Word reader is fed decompression and entity bombs: it must stay within bounds.
    limits=()
    if [ "$target" = docx ]; then limits=(-rss_limit_mb=512); fi
    echo "fuzz $target for ${seconds}s"
    log="$work.log"
    # Artifacts newer than this stamp are the run's own (the corpus folder changes as it runs).
    stamp="$work.stamp"
    : >"$stamp"
    if ! cargo fuzz run -O "$target" "$work" -- -max_total_time="$seconds" -max_len=8192 \
        ${limits[@]+"${limits[@]}"} >"$log" 2>&1; then
        # A finding must be reproducible from CI's log alone: the panic or sanitizer report,
        # the input libFuzzer prints as Base64 (`base64 -d > crash; cargo fuzz run TARGET
        # crash`), and the seed, which replays the run from the seed corpus.
        echo "fuzz $target failed:" >&2
        grep -E -A 4 'panicked at|==ERROR|ERROR: libFuzzer' "$log" >&2 || true
        grep -E '^(INFO: Seed:|Base64:|SUMMARY|artifact_prefix)' "$log" >&2 || true
        # libFuzzer prints Base64 for short inputs only; the artifact itself, in full.
        find artifacts/"$target" -type f -newer "$stamp" 2>/dev/null | while read -r found; do
            echo "$found, as base64:" >&2
            base64 -w 0 "$found" >&2
            echo >&2
        done
        tail -n 5 "$log" >&2
        exit 1
    fi
    tail -n 3 "$log"
    rm -rf "$work" "$log" "$stamp"
done
