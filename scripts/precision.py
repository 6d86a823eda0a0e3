#!/usr/bin/env python3
"""Measures how often `jiaodui check` cries wolf on real published newspaper text.

    scripts/precision.py [--bin FILE] [--news DIR] [--work DIR] [--judged FILE]
                         [--append-unjudged] [--show-unjudged] [--only NAME,…]

1. Takes the jiaodui binary (`--bin`), or builds it (`cargo build --release`).
2. Turns the news corpora into drafts with scripts/news-drafts.py, in a fresh temporary
   folder (or `--work DIR`). The corpora are read where they lie and never copied into the
   repository; a corpus that is absent is skipped with a note.
3. Runs `check --format json` over the drafts once per configuration: `none` (no config
   file at all), `house` (the 人民日报 style of the corpora written out as keys: reported
   bylines, `、` between names, full-width digits allowed) and one per preset
   (`preset = "人民日报"`, `"新华社"`, `"地方日报"`). A build that does not know the
   `preset` key rejects the file; that run is skipped with a note.
4. Prints findings per 10 000 characters (characters of the drafts, line breaks not
   counted) per rule and corpus, and the totals.
5. Reads the judged sample (docs/precision/judged.tsv), keyed by corpus, draft, line,
   byte span and rule, and for each configuration picks its sample: every finding when
   there are fewer than 300, else the 300 whose seeded hash of the key is lowest — a
   uniform sample that stays the same from run to run and from configuration to
   configuration wherever the findings are the same, so verdicts carry over and only new
   findings need judging. It lists the unjudged ones (`--show-unjudged` prints each with its
   context from the draft, for the judge's eyes only; `--append-unjudged` adds them to the
   file with an empty verdict to fill in) and prints the false rate: findings per 10 000
   characters × the false share of the judged sample, with the 95 % Wilson interval of that
   share; then the false findings by cause, ranked by their estimated rate.

Verdicts: TRUE only when the flagged text is wrong by GB/T 15834 or GB/T 15835, the
gazetteer, or the paper's own printed style; FALSE otherwise. The file keeps at most the
flagged characters (the finding's text, cut to 12 characters), never more of the corpus.
"""

import argparse
import collections
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SEED = "jiaodui-precision-1"
SAMPLE = 300
TEXT_CHARS = 12
COLUMNS = ["corpus", "draft", "line", "span", "rule", "text", "verdict", "cause", "reason"]
HOUSE = '[byline]\nform = "reported"\nseparator = "、"\n\n[dates]\ndigits = "any"\n'
CONFIGS = {
    "none": None,
    "house": HOUSE,
    "人民日报": 'preset = "人民日报"\n',
    "新华社": 'preset = "新华社"\n',
    "地方日报": 'preset = "地方日报"\n',
}


def binary(args):
    if args.bin:
        return os.path.abspath(args.bin)
    print("precision: cargo build --release --bin jiaodui", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "--bin", "jiaodui"], cwd=REPO, check=True)
    return os.path.join(REPO, "target", "release", "jiaodui")


def make_drafts(args, work):
    drafts = os.path.join(work, "drafts")
    command = [sys.executable, os.path.join(REPO, "scripts", "news-drafts.py"), drafts]
    if args.news:
        command.append(args.news)
    done = subprocess.run(command, capture_output=True, text=True)
    sys.stderr.write(done.stderr)
    if done.returncode != 0:
        print("precision: no corpus found, nothing measured")
        sys.exit(0)
    chars = collections.Counter()
    with open(os.path.join(drafts, "manifest.tsv"), encoding="utf-8") as f:
        next(f)
        for row in f:
            corpus, _, _, count = row.rstrip("\n").split("\t")
            chars[corpus] += int(count)
    return drafts, chars


def stray_config(folder):
    """A jiaodui.toml above the drafts would silently turn the `none` run into another."""
    folder = os.path.abspath(folder)
    while True:
        for name in ("jiaodui.toml", ".jiaodui.toml"):
            if os.path.exists(os.path.join(folder, name)):
                return os.path.join(folder, name)
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def run_check(jiaodui, drafts, work, name, text):
    """The findings of one configuration, or None when the build rejects its config."""
    command = [jiaodui, "check", "--format", "json", "--no-progress"]
    if text is not None:
        path = os.path.join(work, f"config-{name}.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        command += ["--config", path]
    done = subprocess.run(command + ["."], cwd=drafts, capture_output=True, text=True)
    if done.returncode == 2:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
        if text and text.startswith("preset") and "preset" in done.stderr:
            print(f"precision: `{name}` skipped: this build rejects the `preset` key ({message})")
            return None
        sys.exit(f"precision: `{name}`: check failed: {done.stderr.strip()}")
    if done.returncode not in (0, 1):
        sys.exit(f"precision: `{name}`: check crashed ({done.returncode}): {done.stderr.strip()}")
    findings = []
    for f in json.loads(done.stdout or "[]"):
        parts = os.path.normpath(f["path"]).split(os.sep)
        if len(parts) != 2:
            continue
        f["corpus"], f["draft"] = parts
        f["key"] = key_of(f["corpus"], f["draft"], f["start"]["line"], span_of(f), f["rule"])
        findings.append(f)
    return findings


def span_of(finding):
    return f"{finding['span'][0]}-{finding['span'][1]}"


def key_of(corpus, draft, line, span, rule):
    return (corpus, draft, str(line), span, rule)


def short(text):
    text = " ".join(text.split())
    return text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 1] + "…"


def per10k(count, chars):
    return count * 10000 / chars if chars else 0.0


def wilson(false, n, z=1.96):
    if n == 0:
        return 0.0, 1.0
    p = false / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def read_judged(path):
    judged = {}
    if not os.path.exists(path):
        return judged
    with open(path, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        for row in f:
            if not row.strip():
                continue
            cells = dict(zip(header, row.rstrip("\n").split("\t")))
            judged[key_of(*(cells[c] for c in COLUMNS[:5]))] = cells
    return judged


def append_unjudged(path, findings):
    new = not os.path.exists(path)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "a", encoding="utf-8") as f:
        if new:
            f.write("\t".join(COLUMNS) + "\n")
        for finding in findings:
            cells = list(finding["key"]) + [short(finding["text"]), "", "", ""]
            f.write("\t".join(cells) + "\n")


def sample_of(findings):
    """Every finding when there are fewer than SAMPLE, else the SAMPLE lowest by a seeded
    hash of the key: uniform, stable across runs and shared across configurations."""
    def rank(finding):
        return hashlib.sha256((SEED + "\t" + "\t".join(finding["key"])).encode()).hexdigest()

    unique = {f["key"]: f for f in findings}
    if len(unique) <= SAMPLE:
        return list(unique.values())
    return sorted(unique.values(), key=rank)[:SAMPLE]


def context(drafts, finding, width=30):
    """The finding's line with the flagged bytes marked, for the judge's terminal only."""
    with open(os.path.join(drafts, finding["corpus"], finding["draft"]), "rb") as f:
        data = f.read()
    start, end = finding["span"]
    line_start = data.rfind(b"\n", 0, start) + 1
    line_end = data.find(b"\n", end)
    line_end = len(data) if line_end < 0 else line_end
    before = data[line_start:start].decode("utf-8", "replace")[-width:]
    inside = data[start:end].decode("utf-8", "replace")
    after = data[end:line_end].decode("utf-8", "replace")[:width]
    return f"{before}【{inside}】{after}"


def rule_table(name, findings, chars):
    corpora = sorted(chars)
    counts = collections.Counter((f["rule"], f["corpus"]) for f in findings)
    rules = sorted({f["rule"] for f in findings})
    total_chars = sum(chars.values())
    print(f"\n### `{name}`: findings per 10 000 characters\n")
    print("| rule | " + " | ".join(corpora) + " | all | count |")
    print("|---" * (len(corpora) + 3) + "|")
    for rule in rules:
        cells = [f"{per10k(counts[(rule, c)], chars[c]):.2f}" for c in corpora]
        n = sum(counts[(rule, c)] for c in corpora)
        print(f"| {rule} | " + " | ".join(cells) + f" | {per10k(n, total_chars):.2f} | {n} |")
    by_corpus = collections.Counter(f["corpus"] for f in findings)
    cells = [f"**{per10k(by_corpus[c], chars[c]):.2f}**" for c in corpora]
    total = f"**{per10k(len(findings), total_chars):.2f}**"
    print("| **all** | " + " | ".join(cells) + f" | {total} | {len(findings)} |")


def breakdown(name, key, findings, done, total_chars, chars_of=None, order=None):
    """Findings and estimated false findings per 10 000 characters, by rule or by corpus:
    each group's rate times the false share of its judged findings (noisy where few)."""
    judged, false = collections.Counter(), collections.Counter()
    for f, v in done:
        judged[key(f)] += 1
        false[key(f)] += v == "FALSE"
    counts = collections.Counter(key(f) for f in findings)
    print(f"\n| {name} | findings /10k | judged | FALSE | false /10k (est.) |")
    print("|---|---|---|---|---|")
    for group in order or sorted(counts, key=lambda g: -counts[g]):
        rate = per10k(counts[group], chars_of(group) if chars_of else total_chars)
        est = f"{rate * false[group] / judged[group]:.2f}" if judged[group] else "–"
        print(f"| {group} | {rate:.2f} | {judged[group]} | {false[group]} | {est} |")


def judged_table(name, findings, chars, judged, drafts, show):
    total_chars = sum(chars.values())
    rate = per10k(len(findings), total_chars)
    sample = sample_of(findings)
    verdicts = [(f, judged.get(f["key"], {}).get("verdict", "").upper()) for f in sample]
    done = [(f, v) for f, v in verdicts if v in ("TRUE", "FALSE")]
    unjudged = [f for f, v in verdicts if v not in ("TRUE", "FALSE")]
    false = sum(1 for _, v in done if v == "FALSE")
    n = len(done)
    lo, hi = wilson(false, n)
    share = false / n if n else 0.0
    print(f"\n### `{name}`: judged sample\n")
    print(f"{len(findings)} findings ({rate:.2f} per 10 000 characters); sample {len(sample)}, "
          f"judged {n} ({n - false} TRUE, {false} FALSE), unjudged {len(unjudged)}.")
    if n:
        print(f"False share {share:.1%} (95 % Wilson {lo:.1%}–{hi:.1%}); **false findings "
              f"{rate * share:.2f} per 10 000 characters** (95 %: {rate * lo:.2f}–{rate * hi:.2f}).")
    breakdown("rule", lambda f: f["rule"], findings, done, total_chars)
    by_corpus = collections.Counter(f["corpus"] for f in findings)
    breakdown("corpus", lambda f: f["corpus"], findings, done, total_chars,
              chars_of=lambda c: chars[c], order=sorted(by_corpus))
    causes = collections.Counter()
    for f, v in done:
        if v == "FALSE":
            causes[judged[f["key"]].get("cause", "") or "(no cause)"] += 1
    if causes:
        print("\n| cause of FALSE findings | in sample | per 10k (est.) |")
        print("|---|---|---|")
        for cause, k in causes.most_common():
            print(f"| {cause} | {k} | {rate * k / n:.2f} |")
    trues = [(f, judged[f["key"]]) for f, v in done if v == "TRUE"]
    if trues:
        print("\nTRUE findings in the sample:")
        for f, cells in sorted(trues, key=lambda t: t[0]["key"]):
            print(f"- {'/'.join(f['key'][:2])}:{f['key'][2]} {f['rule']} `{short(f['text'])}`: "
                  f"{cells.get('cause', '')} — {cells.get('reason', '')}")
    if unjudged:
        print(f"\nUnjudged ({len(unjudged)}):")
        for f in sorted(unjudged, key=lambda f: f["key"]):
            line = "\t".join(f["key"]) + f"\t{short(f['text'])}"
            if show:
                line += f"\n    {f['message']}\n    {context(drafts, f)}"
            print(line)
    return unjudged


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", help="the jiaodui binary (default: build target/release/jiaodui)")
    parser.add_argument("--news", help="the folder of the corpora (default: see news-drafts.py)")
    parser.add_argument("--work", help="where the drafts and configs go (default: a fresh temp dir)")
    parser.add_argument("--judged", default=os.path.join(REPO, "docs", "precision", "judged.tsv"))
    parser.add_argument("--only", help="comma-separated configurations: " + ", ".join(CONFIGS))
    parser.add_argument("--show-unjudged", action="store_true",
                        help="print each unjudged finding with its context in the draft")
    parser.add_argument("--append-unjudged", action="store_true",
                        help="add the unjudged findings to the judged file, verdict empty")
    args = parser.parse_args()

    jiaodui = binary(args)
    work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="jiaodui-precision-"))
    os.makedirs(work, exist_ok=True)
    drafts, chars = make_drafts(args, work)
    stray = stray_config(drafts)
    if stray:
        sys.exit(f"precision: {stray} would apply to every draft; use --work elsewhere")
    print(f"Drafts in {drafts}")
    print("\n| corpus | characters |\n|---|---|")
    for corpus in sorted(chars):
        print(f"| {corpus} | {chars[corpus]:,} |")
    print(f"| all | {sum(chars.values()):,} |")

    judged = read_judged(args.judged)
    names = args.only.split(",") if args.only else list(CONFIGS)
    to_append = {}
    for name in names:
        findings = run_check(jiaodui, drafts, work, name, CONFIGS[name])
        if findings is None:
            continue
        rule_table(name, findings, chars)
        for f in judged_table(name, findings, chars, judged, drafts, args.show_unjudged):
            to_append[f["key"]] = f
    if args.append_unjudged and to_append:
        append_unjudged(args.judged, sorted(to_append.values(), key=lambda f: f["key"]))
        print(f"\nprecision: {len(to_append)} unjudged findings added to {args.judged}")


if __name__ == "__main__":
    main()
