#!/usr/bin/env bash
# Times `jiaodui check` (release build) and the peer, `autocorrect --lint`, over the same
# generated corpora of ~4 KB drafts, and prints a Markdown table for BENCHMARKS.md.
#
#   scripts/bench-check.sh                 # 1MB 10MB 100MB
#   scripts/bench-check.sh 1MB 10MB        # only these sizes
#
# Environment:
#   CORPUS_DIR   where corpora live (default: bench-corpus, gitignored); generated when
#                missing or made with other parameters (see examples/gen-corpus.rs)
#   PEER         the autocorrect CLI (default: autocorrect on PATH, else
#                /work/peer/node_modules/.bin/autocorrect; install with
#                `npm install autocorrect-node` in a folder outside the repo); PEER=none skips it
#   FORMAT       jiaodui report format (default: human, like the peer's default output)
#   JIAODUI      a jiaodui binary to time instead of building target/release/jiaodui
#   RUNS         runs per tool and size; the fastest (wall clock) is reported (default: 1)
#
# Both tools run from inside the corpus folder on `.`, so that they walk the same files and
# neither reads this repository's .gitignore (autocorrect applies the .gitignore of its
# working directory, which lists bench-corpus/). Reports go to /dev/null: the figures are
# the cost of checking, not of a terminal. Exit status 1 (findings) is expected.
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1MB 10MB 100MB)
corpus_dir=${CORPUS_DIR:-bench-corpus}
format=${FORMAT:-human}
runs=${RUNS:-1}
seed=2023
target=${CARGO_TARGET_DIR:-$repo/target}

if [ -z "${PEER:-}" ]; then
    if command -v autocorrect >/dev/null; then
        PEER=$(command -v autocorrect)
    elif [ -x /work/peer/node_modules/.bin/autocorrect ]; then
        PEER=/work/peer/node_modules/.bin/autocorrect
    else
        PEER=none
    fi
fi

if [ ! -x /usr/bin/time ]; then
    echo "bench-check: /usr/bin/time (GNU time) is needed for peak memory" >&2
    exit 2
fi

if [ -n "${JIAODUI:-}" ]; then
    jiaodui=$JIAODUI
else
    cargo build --quiet --release --bin jiaodui
    jiaodui=$target/release/jiaodui
fi
gen=$target/release/examples/gen-corpus

# Generates a corpus unless a complete one with the same parameters is there.
ensure_corpus() {
    local size=$1 dir=$corpus_dir/$1
    local want="size=$size seed=$seed file_bytes=4096 error_rate=40"
    if [ -f "$dir/CORPUS" ] && [ "$(head -n1 "$dir/CORPUS")" = "$want" ]; then
        return
    fi
    rm -rf "$dir"
    mkdir -p "$corpus_dir"
    cargo build --quiet --release --example gen-corpus
    "$gen" --size "$size" --out "$dir" --seed "$seed"
}

# Runs a command under GNU time in a folder; prints "seconds peak_kib exit_status cpu_seconds".
measure() {
    local dir=$1
    shift
    local log
    log=$(mktemp)
    local status=0
    (cd "$dir" && /usr/bin/time -v "$@" >/dev/null 2>"$log") || status=$?
    local wall rss user sys
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    user=$(sed -n 's/.*User time (seconds): //p' "$log")
    sys=$(sed -n 's/.*System time (seconds): //p' "$log")
    if [ -z "$wall" ] || [ -z "$rss" ]; then
        echo "bench-check: no timing from: $*" >&2
        cat "$log" >&2
        rm -f "$log"
        exit 2
    fi
    rm -f "$log"
    # GNU time prints h:mm:ss or m:ss.ss.
    local seconds
    seconds=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$wall")
    echo "$seconds $rss $status $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
}

# Fastest of $runs runs: "seconds peak_kib exit_status cpu_seconds".
best_of() {
    local best="" line
    for _ in $(seq "$runs"); do
        line=$(measure "$@")
        if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
            best=$line
        fi
    done
    echo "$best"
}

row() {
    local name=$1 size=$2 bytes=$3 files=$4 result=$5
    read -r seconds rss status cpu <<<"$result"
    awk -v n="$name" -v s="$size" -v b="$bytes" -v f="$files" -v t="$seconds" -v r="$rss" -v x="$status" -v c="$cpu" 'BEGIN {
        mbs = (t > 0) ? b / 1e6 / t : 0
        mbc = (c > 0) ? b / 1e6 / c : 0
        printf "| %s | %s | %d | %.2f | %.1f | %.2f | %.1f | %.1f | %s |\n", n, s, f, t, mbs, c, mbc, r / 1024, x
    }'
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "jiaodui: $("$jiaodui" --version 2>/dev/null | head -n1)"
[ "$PEER" != none ] && echo "peer: autocorrect $("$PEER" --version 2>/dev/null | awk '{ print $NF }') ($PEER)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| tool | corpus | files | wall s | MB/s (wall) | CPU s | MB per CPU-s | peak RSS (MiB) | exit |"
echo "|---|---|---|---|---|---|---|---|---|"
for size in "${sizes[@]}"; do
    ensure_corpus "$size" >&2
    dir=$corpus_dir/$size
    bytes=$(sed -n 's/^files=[0-9]* bytes=\([0-9]*\)$/\1/p' "$dir/CORPUS")
    files=$(sed -n 's/^files=\([0-9]*\).*/\1/p' "$dir/CORPUS")
    row jiaodui "$size" "$bytes" "$files" "$(best_of "$dir" "$jiaodui" check --format "$format" .)"
    if [ "$PEER" != none ]; then
        row "autocorrect --lint" "$size" "$bytes" "$files" "$(best_of "$dir" "$PEER" --lint .)"
    fi
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
