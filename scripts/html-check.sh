#!/usr/bin/env bash
# The HTML report in a real browser: renders `jiaodui check --format html examples` in
# headless Chromium and checks that every finding of `--format json` is highlighted, visible,
# with its span and text, shows its message on hover, and that the filters work
# (scripts/html-check.py). Run by .ci/run.
#
#   scripts/html-check.sh                 # check
#   scripts/html-check.sh --screenshot    # check, then write docs/html-report.png
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
jiaodui="${CARGO_TARGET_DIR:-target}/release/jiaodui"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# The examples are dated 2023-03-15; pinning today keeps their findings the same every day.
export JIAODUI_TODAY=2023-03-15
# Exit status 1 is findings, which the examples have.
"$jiaodui" check --format json --output "$dir/report.json" examples || [ $? -eq 1 ]
"$jiaodui" check --format html --output "$dir/report.html" examples || [ $? -eq 1 ]
args=("$dir/report.json" "$dir/report.html")
if [ "${1:-}" = "--screenshot" ]; then
    args+=(--screenshot docs/html-report.png)
fi
python3 scripts/html-check.py "${args[@]}"
