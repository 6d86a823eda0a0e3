#!/usr/bin/env bash
# A 100 MB draft on a single line, a half-width comma in every sentence, checked by the
# release binary in `json` and `human`: each run must finish, report every finding, exit 0
# (warnings only) and peak at no more than 3× the file's size + 30 MB, however many findings
# there are. The reports (hundreds of MB) stream through a small counting reader and are
# never held. Run by .ci/run; too big for `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir/huge.txt" "${CARGO_TARGET_DIR:-target}/release/jiaodui" <<'PY'
import os
import re
import subprocess
import sys
import time

path, jiaodui = sys.argv[1], sys.argv[2]
unit = "居民们说,这下好了。"
units_per_write = 10_000
writes = 100 * 1024 * 1024 // (len(unit.encode()) * units_per_write)
with open(path, "w", encoding="utf-8") as f:
    for _ in range(writes):
        f.write(unit * units_per_write)
expected = writes * units_per_write
size = writes * units_per_write * len(unit.encode())
limit_kib = (3 * size + 30_000_000) // 1024


def run(format):
    """Runs one check; returns (findings, seconds, exit status, peak RSS in KiB). JSON
    findings are lines that open an object; the human report says how many it found in its
    summary."""
    start = time.monotonic()
    child = subprocess.Popen(
        [jiaodui, "check", "--format", format, path], stdout=subprocess.PIPE
    )
    objects, tail, carry = 0, b"", b""
    while chunk := child.stdout.read(1 << 20):
        objects += (carry + chunk).count(b"\n  {")
        carry = chunk[-3:]
        tail = (tail + chunk)[-4096:]
    # wait4 gives this child's own peak, not the largest of all children so far.
    _, wait_status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(wait_status)
    seconds = time.monotonic() - start
    if format == "json":
        return objects, seconds, child.returncode, usage.ru_maxrss
    found = re.search(r"发现 (\d+) 处问题", tail.decode("utf-8", "replace"))
    findings = int(found.group(1)) if found else 0
    return findings, seconds, child.returncode, usage.ru_maxrss


failed = False
for format in ("json", "human"):
    findings, seconds, status, peak = run(format)
    print(
        f"{size / 1e6:.0f} MB single line, {format}: {findings} findings in {seconds:.1f} s, "
        f"peak RSS {peak} KiB (limit {limit_kib} KiB)"
    )
    if findings != expected:
        print(f"  expected {expected} findings")
        failed = True
    if status != 0:
        print(f"  expected exit status 0, got {status}")
        failed = True
    if peak > limit_kib:
        print("  over the memory limit: 3 × the file's size + 30 MB")
        failed = True
sys.exit(1 if failed else 0)
PY
