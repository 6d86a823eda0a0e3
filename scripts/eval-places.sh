#!/bin/sh
# Runs `jiaodui check` over the real newspaper text in ../shared/data/news/ (read in place,
# never copied) and prints the place findings per 10 000 characters. The tagged corpora are
# stripped of their tags on the way in. Usage: scripts/eval-places.sh [jiaodui binary]
set -eu
bin=${1:-target/release/jiaodui}
news=${NEWS:-../shared/data/news}
out=${OUT:-/tmp/jiaodui-eval}
mkdir -p "$out"
run() { # name, issue date, command producing the text
    name=$1; date=$2; shift 2
    printf '[bulletin]\ndate = "%s"\n' "$date" > "$out/$name.toml"
    "$@" > "$out/$name.txt"
    "$bin" check --config "$out/$name.toml" --format json --no-progress "$out/$name.txt" > "$out/$name.json" || true
    chars=$(python3 -c "import sys;print(len(open(sys.argv[1],encoding='utf-8').read()))" "$out/$name.txt")
    python3 - "$out/$name.json" "$chars" "$name" <<'PY'
import json, sys, collections
findings = [f for f in json.load(open(sys.argv[1])) if f["rule"].startswith("place/")]
chars = int(sys.argv[2])
by_rule = collections.Counter(f["rule"] for f in findings)
print(f"{sys.argv[3]}: {chars} chars, {len(findings)} place findings, "
      f"{len(findings) * 10000 / chars:.2f} per 10k chars, {dict(by_rule)}")
PY
}
run pku 2001-01-02 cat "$news/sighan2005-pku-test/pku_test.utf8"
run msra 1997-12-31 sed -E 's#/(nr|ns|nt|o) ?##g' "$news/msra-ner-test/testright1.txt"
run pfr 1998-01-31 sed -E -e 's#^[0-9-]+/m  ##' -e 's#\{[a-z0-9]+\}##g' -e 's#\[##g' -e 's#\][a-z]+##g' -e 's#/[A-Za-z]+ *##g' "$news/pfr-199801-sample/test.txt"
