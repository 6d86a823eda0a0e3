#!/usr/bin/env bash
# Times `jiaodui check` (release build) against the peer, `autocorrect --lint` (npm package
# autocorrect-node 2.14), in one run, on three corpora of short drafts, and prints the
# ratios for BENCHMARKS.md:
#
#   dirty  the seed page (../shared/data/seed-page.txt) cut into two drafts of ~4 KB at a
#          headline, repeated: a finding every ~60 characters
#   clean  the same drafts after `jiaodui check --fix`
#   real   published news, one draft per news item, made by scripts/news-drafts.py from
#          ../shared/data/news (read there, never copied), made as many times as it takes
#
# Both tools run with no config, every rule on, from inside the corpus folder on `.`:
# jiaodui `--format json` against `autocorrect --lint --format json`, jiaodui `human`
# against `autocorrect --lint`; jiaodui's `sarif` and `github` are timed too and compared
# with its `json`. Reports go to /dev/null; each figure is the fastest of RUNS runs, the
# commands taking turns so that a change of load touches all alike, each started with the
# corpus just read into the page cache. Before timing, each
# format's findings are counted (streamed through a counter) and must equal those of a
# plain `jiaodui check --format json`.
#
#   scripts/bench-check.sh
#
# Environment:
#   BENCH_DIR  where the corpora and the peer live (default: ${TMPDIR:-/tmp}/jiaodui-bench,
#              outside the repository, so no jiaodui.toml is found and autocorrect reads no
#              .gitignore); corpora are made when missing
#   SIZE_MB    size of each corpus (default: 10)
#   RUNS       runs per command; the fastest counts (default: 3)
#   JIAODUI    a jiaodui binary to time instead of building target/release/jiaodui
#   PEER       the autocorrect CLI (default: autocorrect on PATH, else installed with npm
#              into $BENCH_DIR/peer); PEER=none times jiaodui alone
#   DATA       the shared data folder with seed-page.txt and news/ (default: ../shared/data
#              beside the repository)
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)
bench=${BENCH_DIR:-${TMPDIR:-/tmp}/jiaodui-bench}
size_mb=${SIZE_MB:-10}
runs=${RUNS:-3}
data=${DATA:-$repo/../shared/data}
target=${CARGO_TARGET_DIR:-$repo/target}

if [ ! -x /usr/bin/time ]; then
    echo "bench-check: /usr/bin/time (GNU time) is needed for peak memory" >&2
    exit 2
fi
case "$bench" in
"$repo"/*) echo "bench-check: BENCH_DIR must be outside the repository" >&2; exit 2 ;;
esac
mkdir -p "$bench"
bench=$(cd "$bench" && pwd)

if [ -n "${JIAODUI:-}" ]; then
    jiaodui=$(cd "$(dirname "$JIAODUI")" && pwd)/$(basename "$JIAODUI")
else
    cargo build --quiet --release --bin jiaodui
    jiaodui=$target/release/jiaodui
fi

if [ -z "${PEER:-}" ]; then
    if command -v autocorrect >/dev/null; then
        PEER=$(command -v autocorrect)
    else
        PEER=$bench/peer/node_modules/.bin/autocorrect
        if [ ! -x "$PEER" ]; then
            mkdir -p "$bench/peer"
            (cd "$bench/peer" && npm install --silent --no-audit --no-fund autocorrect-node@2.14 >&2)
        fi
    fi
fi

# A config anywhere above the corpora would change what is checked.
dir=$bench
while [ "$dir" != / ]; do
    for name in jiaodui.toml .jiaodui.toml .autocorrectrc; do
        if [ -e "$dir/$name" ]; then
            echo "bench-check: $dir/$name would configure the run; move BENCH_DIR" >&2
            exit 2
        fi
    done
    dir=$(dirname "$dir")
done

bytes_of() { find "$1" -type f \( -name '*.txt' -o -name '*.md' \) -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
files_of() { find "$1" -type f \( -name '*.txt' -o -name '*.md' \) | wc -l; }

# The dirty corpus: the seed page cut before its headline "社区为民解忧", then the two
# drafts written again and again, a hundred to a folder.
make_dirty() {
    local out=$1
    python3 - "$data/seed-page.txt" "$out" "$size_mb" <<'PY'
import os, sys
seed, out, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
page = open(seed, encoding="utf-8").read()
cut = page.index("社区为民解忧")
drafts = [page[:cut].encode(), page[cut:].encode()]
written, n = 0, 0
while written < size_mb * 1_000_000:
    folder = os.path.join(out, f"{n // 100:03d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{n:05d}.txt"), "wb") as f:
        f.write(drafts[n % 2])
    written += len(drafts[n % 2])
    n += 1
PY
}

make_real() {
    local out=$1 i=0
    while [ "$(bytes_of "$out")" -lt $((size_mb * 1000000)) ]; do
        python3 scripts/news-drafts.py "$out/$(printf %02d $i)" "$data/news" >/dev/null 2>&1
        rm -f "$out/$(printf %02d $i)/manifest.tsv"
        i=$((i + 1))
        [ "$i" -lt 100 ] || { echo "bench-check: no news drafts from $data/news" >&2; exit 2; }
    done
}

# Makes a corpus unless one with the same parameters is there.
ensure_corpus() {
    local name=$1 dir=$bench/$1 want
    want="corpus=$1 size_mb=$size_mb"
    [ -f "$dir.done" ] && [ "$(cat "$dir.done")" = "$want" ] && return
    rm -rf "$dir" "$dir.done"
    mkdir -p "$dir"
    case $name in
    dirty) make_dirty "$dir" ;;
    clean)
        ensure_corpus dirty
        cp -r "$bench/dirty/." "$dir"
        (cd "$dir" && "$jiaodui" check --fix . >/dev/null) || true
        ;;
    real) make_real "$dir" ;;
    esac
    echo "$want" >"$dir.done"
}

# Findings of one format, counted as the report streams past (exit status 1, for findings,
# is expected).
# The corpora have no issue date, and every run says so on stderr: the counts leave it out.
count_findings() {
    local n
    case $1 in
    json) n=$({ "$jiaodui" check --format json . 2>/dev/null || true; } | grep -c '^  {' || true) ;;
    sarif) n=$({ "$jiaodui" check --format sarif . 2>/dev/null || true; } | grep -c '^  {"ruleId"' || true) ;;
    github) n=$({ "$jiaodui" check --format github . 2>/dev/null || true; } | grep -c '^::' || true) ;;
    human) n=$({ "$jiaodui" check . 2>/dev/null || true; } | sed -n 's/.*发现 \([0-9]*\) 处问题.*/\1/p') ;;
    esac
    echo "${n:-0}"
}

# Runs a command under GNU time in a folder; prints "seconds peak_kib cpu_seconds". The
# corpus is read first, so that every command, either tool's, starts with it in the page
# cache: this machine hands cached pages back within seconds (a tenth of the real corpus in
# 20 s), and a command that found its files gone would be timed reading the disk.
measure() {
    local dir=$1 log
    shift
    find "$dir" -type f -exec cat {} + >/dev/null
    log=$(mktemp)
    (cd "$dir" && /usr/bin/time -v "$@" >/dev/null 2>"$log") || true
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
        /Maximum resident set size/ { rss = $2 }
        /User time/ { cpu += $2 } /System time/ { cpu += $2 }
        END { if (rss == "") exit 1; print s, rss, cpu }' "$log" || {
        echo "bench-check: no timing from: $*" >&2
        cat "$log" >&2
        exit 2
    }
    rm -f "$log"
}

commands=(json human sarif github)
[ "$PEER" != none ] && commands+=(peer-json peer-human)
run_command() {
    local dir=$1 what=$2
    case $what in
    peer-json) measure "$dir" "$PEER" --lint --format json . ;;
    peer-human) measure "$dir" "$PEER" --lint . ;;
    human) measure "$dir" "$jiaodui" check . ;;
    *) measure "$dir" "$jiaodui" check --format "$what" . ;;
    esac
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "jiaodui: $("$jiaodui" --version 2>/dev/null | head -n1) ($jiaodui)"
[ "$PEER" != none ] && echo "peer: autocorrect $("$PEER" --version 2>/dev/null | awk '{ print $NF }') ($PEER)"
echo "runs: best of $runs; corpora of $size_mb MB in $bench"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A best
summary=()
for corpus in dirty clean real; do
    ensure_corpus "$corpus" >&2
    dir=$bench/$corpus
    bytes=$(bytes_of "$dir")
    files=$(files_of "$dir")
    plain=$(cd "$dir" && count_findings json)
    for format in json human sarif github; do
        got=$(cd "$dir" && count_findings "$format")
        if [ "$got" != "$plain" ]; then
            echo "bench-check: $corpus: $format reports $got findings, plain check $plain" >&2
            exit 1
        fi
    done
    for _ in $(seq "$runs"); do
        for what in "${commands[@]}"; do
            line=$(run_command "$dir" "$what")
            key=$corpus/$what
            if [ -z "${best[$key]:-}" ] || awk -v a="${line%% *}" -v b="${best[$key]%% *}" 'BEGIN { exit !(a < b) }'; then
                best[$key]=$line
            fi
        done
    done
    echo
    echo "### $corpus: $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }'), $plain findings"
    echo
    echo "| command | wall s | MB/s | CPU s | peak RSS (MiB) |"
    echo "|---|---|---|---|---|"
    for what in "${commands[@]}"; do
        read -r seconds rss cpu <<<"${best[$corpus/$what]}"
        case $what in
        peer-json) label="autocorrect --lint --format json" ;;
        peer-human) label="autocorrect --lint" ;;
        *) label="jiaodui check --format $what" ;;
        esac
        awk -v n="$label" -v t="$seconds" -v r="$rss" -v c="$cpu" -v b="$bytes" \
            'BEGIN { printf "| %s | %.2f | %.1f | %.2f | %.1f |\n", n, t, (t > 0 ? b / 1e6 / t : 0), c, r / 1024 }'
    done
    # Ratios of wall-clock seconds (field 1) or CPU seconds (field 3).
    ratio() {
        awk -v a="${best[$corpus/$1]}" -v b="${best[$corpus/$2]}" -v f="${3:-1}" \
            'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.1f", (y[f] > 0 ? x[f] / y[f] : 0) }'
    }
    if [ "$PEER" != none ]; then
        summary+=("| $corpus | $(ratio peer-json json)× | $(ratio peer-human human)× | $(ratio peer-json json 3)× | $(ratio peer-human human 3)× | $(ratio sarif json)× | $(ratio github json)× |")
    else
        summary+=("| $corpus | – | – | – | – | $(ratio sarif json)× | $(ratio github json)× |")
    fi
done
echo
echo "### Ratios (wall clock unless said, best of $runs)"
echo
echo "| corpus | json: autocorrect / jiaodui | human: autocorrect / jiaodui | json, CPU time | human, CPU time | sarif / json | github / json |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
