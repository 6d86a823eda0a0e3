#!/usr/bin/env bash
# A 100 MB draft on a single line, checked by the release binary: it must finish, report
# every finding and exit 0 (warnings only). Run by .ci/run; too big for `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir/huge.txt" <<'PY'
import sys
unit = "居民们说,这下好了。"
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for _ in range(100 * 1024 * 1024 // (len(unit.encode()) * 10000)):
        f.write(unit * 10000)
PY
start=$(date +%s)
timer=(/usr/bin/time -v)
[ -x /usr/bin/time ] || timer=()
"${timer[@]}" "${CARGO_TARGET_DIR:-target}"/release/jiaodui check --format json "$dir/huge.txt" > "$dir/out.json" 2> "$dir/time.txt"
end=$(date +%s)
count=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$dir/out.json")
expected=$(python3 -c "import sys; print(open(sys.argv[1], encoding='utf-8').read().count(','))" "$dir/huge.txt")
rss=$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}' "$dir/time.txt" 2>/dev/null || true)
echo "100 MB single line: $count findings in $((end - start)) s, peak RSS ${rss} KB"
[ "$count" = "$expected" ] || { echo "expected $expected findings"; exit 1; }
