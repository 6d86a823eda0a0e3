#!/usr/bin/env python3
"""Turns the real newspaper corpora into drafts as a paper prints them: one draft per news
item, never cut mid-item, with the annotation marks stripped.

    scripts/news-drafts.py OUT [NEWS]

NEWS defaults to ../shared/data/news (read in place; the corpora are never copied into the
repository). Writes OUT/pku/, OUT/msra/ and OUT/pfr/, one UTF-8 file per item, each line a
paragraph, and OUT/manifest.tsv (corpus, draft, source lines, characters). A draft's file
name starts with its issue date where the corpus gives one:

- pku  (人民日报, early January 2001): items are split at headline lines; the issue date is
  the day after the item's dateline (`本报北京12月31日讯` → 2001-01-01), else the date of the
  nearest dated item before it.
- msra (1990s news, no dates): the corpus cut paragraphs into sentences, so a line ending
  in `，` or a long line with no closing mark is joined to the next; `/tag` marks go.
- pfr  (人民日报, January 1998): paragraphs are regrouped by their `YYYYMMDD-PP-AAA-SSS`
  id and put in order; `/tag`, `[…]nt` brackets and `{pinyin}` marks go.

A missing corpus is skipped with a note; the exit status is 0 as long as one was read.
"""

import datetime
import os
import re
import sys
from collections import defaultdict

FINAL = set("。！？；，、：…—")
CLOSERS = set("”’」』）)")
DATELINE = re.compile(
    r"^[（(]?据?(?:本报|新华社|中新社)[^，。：]{0,12}?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:专?电|讯)"
)


def is_heading(line):
    """A short line with no closing punctuation: a headline, kicker or subtitle."""
    if not line or len(line) > 40:
        return False
    if line[0] in "（(" and line[-1] in "）)":
        return False  # a credit or note in parentheses belongs to the item above
    if line.startswith(("图片", "图：", "图为", "附图")):
        return False
    last = line[-1]
    if last in FINAL:
        return False
    if last in CLOSERS and len(line) > 1 and line[-2] in FINAL:
        return False
    return True


def split_items(lines):
    """Groups paragraph lines into items: an item starts at a run of heading lines that
    follows body text."""
    items, current, prev_heading = [], [], False
    for number, line in lines:
        heading = is_heading(line)
        if heading and not prev_heading and current:
            items.append(current)
            current = []
        current.append((number, line))
        prev_heading = heading
    if current:
        items.append(current)
    return items


def dateline_date(item, default_year_for):
    for _, line in item:
        m = DATELINE.match(line)
        if m:
            year = int(m.group(1)) if m.group(1) else default_year_for(int(m.group(2)))
            try:
                return datetime.date(year, int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def write(out, corpus, name, item):
    path = os.path.join(out, corpus, name)
    text = "\n".join(line for _, line in item) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    first, last = item[0][0], item[-1][0]
    return f"{corpus}\t{name}\t{first}-{last}\t{len(text) - text.count(chr(10))}\n"


def pku(news, out):
    path = os.path.join(news, "sighan2005-pku-test", "pku_test.utf8")
    with open(path, encoding="utf-8") as f:
        raw = f.read().splitlines()
    lines = [(i + 1, l.strip().strip("\u3000")) for i, l in enumerate(raw)]
    lines = [(n, l) for n, l in lines if l]
    items = split_items(lines)
    dates = [dateline_date(item, lambda month: 2001 if month <= 6 else 2000) for item in items]
    issue = []
    for d in dates:
        issue.append(d + datetime.timedelta(days=1) if d else None)
    # Undated items take the issue date of the nearest dated item before them (or after,
    # at the start of the file).
    last = next((d for d in issue if d), None)
    for i, d in enumerate(issue):
        if d:
            last = d
        else:
            issue[i] = last
    manifest = []
    for i, item in enumerate(items, 1):
        manifest.append(write(out, "pku", f"{issue[i - 1].isoformat()}-{i:04}.txt", item))
    return manifest


MSRA_TAG = re.compile(r"/(?:nr|ns|nt|o)(?: |$)")


def msra(news, out):
    path = os.path.join(news, "msra-ner-test", "testright1.txt")
    with open(path, encoding="utf-8") as f:
        raw = f.read().splitlines()
    lines = []
    pending, pending_start = "", None
    for i, l in enumerate(raw, 1):
        text = MSRA_TAG.sub("", l).strip()
        if not text:
            continue
        if pending_start is None:
            pending_start = i
        pending += text
        last = pending[-1]
        cut_sentence = last == "，" or (len(pending) > 40 and last not in FINAL | CLOSERS)
        if cut_sentence:
            continue
        lines.append((pending_start, pending))
        pending, pending_start = "", None
    if pending:
        lines.append((pending_start, pending))
    return [
        write(out, "msra", f"{i:04}.txt", item)
        for i, item in enumerate(split_items(lines), 1)
    ]


PFR_ID = re.compile(r"^(\d{8})-(\d{2})-(\d{3})-(\d{3})/m\s+")


def pfr_text(tokens):
    text = re.sub(r"\{[a-z]+\d?\}", "", tokens)
    text = re.sub(r"\][a-z]+", "", text)
    text = text.replace("[", "")
    words = [re.sub(r"/[A-Za-z]+$", "", w) for w in text.split()]
    return "".join(words)


def pfr(news, out):
    path = os.path.join(news, "pfr-199801-sample", "test.txt")
    articles = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for number, l in enumerate(f, 1):
            m = PFR_ID.match(l)
            if not m:
                continue
            day, page, article, para = m.groups()
            articles[(day, page, article)].append((int(para), number, pfr_text(l[m.end():])))
    manifest = []
    for (day, page, article), paras in sorted(articles.items()):
        paras.sort()
        item = [(number, text) for _, number, text in paras if text]
        if not item:
            continue
        date = f"{day[:4]}-{day[4:6]}-{day[6:]}"
        manifest.append(write(out, "pfr", f"{date}-{page}-{article}.txt", item))
    return manifest


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    news = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "data", "news"
    )
    manifest, read = [], 0
    for corpus, convert in (("pku", pku), ("msra", msra), ("pfr", pfr)):
        os.makedirs(os.path.join(out, corpus), exist_ok=True)
        try:
            manifest += convert(news, out)
            read += 1
        except FileNotFoundError as err:
            print(f"news-drafts: {corpus} skipped: {err.filename} not found", file=sys.stderr)
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("corpus\tdraft\tsource_lines\tchars\n")
        f.writelines(manifest)
    if not read:
        sys.exit("news-drafts: no corpus found under " + news)
    counts = defaultdict(lambda: [0, 0])
    for row in manifest:
        corpus, _, _, chars = row.rstrip("\n").split("\t")
        counts[corpus][0] += 1
        counts[corpus][1] += int(chars)
    for corpus, (files, chars) in counts.items():
        print(f"{corpus}: {files} drafts, {chars} characters")


if __name__ == "__main__":
    main()
