#!/usr/bin/env python3
"""Turns the real newspaper corpora into drafts as a paper prints them: one draft per news
item, never cut mid-item, with the annotation marks stripped.

    scripts/news-drafts.py OUT [NEWS]

NEWS is the folder holding the corpora, read in place (they are research data and are never
copied into the repository). Without it: $JIAODUI_NEWS, else ../shared/data/news beside the
repository, else beside the main checkout when this is a git worktree. Writes OUT/pku/,
OUT/msra/ and OUT/pfr/, one UTF-8 file per item, each line a paragraph, and
OUT/manifest.tsv (corpus, draft, source lines, characters). A draft's file name starts with
its issue date where the corpus gives one:

- pku  (人民日报, 1–3 January 2001, raw text in page order): items are split where a headline
  starts one (see `split_items`); the issue date is the day after the latest dateline seen
  so far (`本报北京12月31日讯` → 2001-01-01): the file runs issue by issue, and an item
  datelined days earlier (`新华社北京2000年12月20日电`) is printed in the current issue.
- msra (1990s news, no dates): the corpus cut paragraphs into sentences and some sentences
  in two, so a line ending in `，`, a long line with no closing mark, or a line that leaves
  a quotation open is joined to the next; `/tag` marks go.
- pfr  (人民日报, January 1998, a random 10 % of paragraphs): paragraphs are regrouped by
  their `YYYYMMDD-PP-AAA-SSS` id and put in order; `/tag`, `[…]nt` brackets and `{pinyin}`
  marks (one syllable or several: `{bu4de2}`) go. Most items keep one or two paragraphs:
  that is what the sample holds.

A missing corpus is skipped with a note; the exit status is 0 as long as one was read.
"""

import datetime
import os
import re
import subprocess
import sys
from collections import defaultdict

FINAL = set("。！？；，、：…—")
CLOSERS = set("”’」』）)")
NUMERAL = "0-9０-９一二三四五六七八九十百〇○零"
# A news lead: a dateline with its day (`本报北京12月31日讯`, `新华社X地12月31日电`,
# `（本报X地12月30日电）`), `本报讯`, a dateline without a day (`据新华社X地电`), or a
# lead that names its source (`据某报报道，`).
DATELINE = re.compile(
    r"^[（(]?据?(?:本报|新华社|中新社)[^，。：]{0,14}?(?:(\d{4})年)?"
    rf"([{NUMERAL}]{{1,3}})月([{NUMERAL}]{{1,3}})日(?:专?电|讯)"
)
NEWS_LEAD = re.compile(
    r"^(?:[（(]?据?(?:本报|新华社|中新社)[^，。：“]{0,14}?(?:电|讯)|本报讯|据[^，。：“]{2,12}报道[，：]"
    r"|编者按|编者的话)"
)
# A date on a line of its own: the date under a letter, a speech or a decree, or the
# weekday line of a weather box.
DATE_LINE = re.compile(
    rf"^[{NUMERAL}]+年(?:[{NUMERAL}]+月(?:[{NUMERAL}]+日)?)?$|^星期[一二三四五六日天]$"
)
WEEKDAY_LINE = re.compile(r"^星期[一二三四五六日天]$")
# Lines that structure an item and never start one: chapters and articles of a law,
# numbered and bulleted list lines, section numerals, table rows (weather boxes).
LIST_LINE = re.compile(
    rf"^(?:第[{NUMERAL}]+[章节编部分条]|[{NUMERAL}]+[、．.]|[{NUMERAL}]+$|[①-⑳●■◆★▲□◇·])|℃"
)
# An end credit closing a paragraph: `（本报X地1月1日电）`, `（新华社记者王海摄）`,
# `（据新华社电）`, the names of a brief's writers `（王海）`.
END_CREDIT = re.compile(r"[（(]([^（()）]{1,24})[）)]$")
TRAILING_PARENS = re.compile(r"(?:[（(][^（()）]*[）)])+$")
PHOTO_MARK = re.compile(r"（(?:附)?图片")


def kind(line):
    """The role of a paragraph line in splitting: P (a line in parentheses — a credit, a
    date, a note — or opening with a dash — a subtitle, a source; it never splits), D (a
    date on its own), L (a list or table line), H (a headline-like line), B (body text)."""
    if line[0] in "（(" and line[-1] in "）)":
        return "P"
    if line.startswith(("——", "－－")) and not line.endswith(("——", "－－")):
        return "P"  # a subtitle under a headline, or the source under a reprinted piece
    if DATE_LINE.match(line):
        return "D"
    if LIST_LINE.search(line):
        return "L"
    if is_heading(line):
        return "H"
    return "B"


def is_heading(line):
    """A short line with no closing punctuation: a headline, kicker, subtitle or subheading."""
    if not line or len(line) > 40:
        return False
    if line.startswith(("图片", "图：", "图为", "附图")):
        return False
    # A sentence with its end credit (`……。（王海）`) is body text; a headline with a
    # note (`……（附图片1张）`) is not.
    line = TRAILING_PARENS.sub("", line) or line
    last = line[-1]
    if last in FINAL:
        return False
    if last in CLOSERS and len(line) > 1 and line[-2] in FINAL:
        return False
    return True


def closes_item(line):
    """Whether a body line ends with an end credit, so that whatever follows is a new item."""
    if line[0] in "（(" and line[-1] in "）)" or line.startswith(("——", "－－")):
        return True
    m = END_CREDIT.search(line)
    if not m:
        return False
    inner = m.group(1)
    if re.search(r"电|摄|记者|报道|供稿|本报|新华社|作者", inner):
        return True
    # Two to eight Han characters alone: the writers of a brief (`（王海）`, `（王海李敏）`).
    return re.fullmatch(r"[\u4e00-\u9fff]{2,8}", inner) is not None


def starts_item(lines, kinds, start, end, closed):
    """Whether the heading run lines[start:end], which follows body text, opens a new item.
    Only clear signs count; a lone short line between body paragraphs is a subheading of the
    item it stands in (features, commentaries with sections, the parts of a law), so an
    unclear run stays with the item above: a draft may hold a page, but an item is never cut.
    """
    run = [lines[i][1] for i in range(start, end)]
    heads = [line for line, k in zip(run, kinds[start:end]) if k == "H"]
    after = lines[end][1] if end < len(lines) else ""
    if closed:
        return True  # the item above ended with its credit
    if NEWS_LEAD.match(after) or any(NEWS_LEAD.match(line) for line in run):
        return True
    if any(PHOTO_MARK.search(line) for line in run):
        return True  # a photo item's headline: `……（图片）`
    if len(heads) > 4:
        return False  # verse: a headline group is never that long
    # A headline group (kicker, headline, subtitle, author), or a headline with a subtitle
    # after a dash. Lines with a comma inside are verse, not headlines.
    if sum(1 for line in heads if "，" not in line) >= 2:
        return True
    return any(re.search(r".(?:——|－－).", line) for line in run)


def kinds_of(lines):
    """The kind of every line; a line ending in a dash before a headline is its kicker
    (`……究竟是———` above a short headline), however long."""
    kinds = [kind(line) for _, line in lines]
    for i in range(len(lines) - 1):
        if kinds[i] == "B" and kinds[i + 1] == "H" and lines[i][1].endswith(("——", "－－")):
            kinds[i] = "H"
    return kinds


def split_items(lines):
    """Groups paragraph lines into items. An item starts at a run of headline-like lines that
    follows body text and shows a sign of a new item (`starts_item`). Signature lines under
    a letter or decree (one or two short lines and a date line) stay with it."""
    kinds = kinds_of(lines)
    items, current = [], []
    after_body = False  # the last line that counts was body text
    closed = False  # ... and it ended the item with a credit
    i = 0
    while i < len(lines):
        k = kinds[i]
        if k == "H" and after_body:
            end = i
            while end < len(lines) and kinds[end] in "HP":
                end += 1
            heads_before_date = end - i <= 2 and end < len(lines) and kinds[end] == "D"
            next_is_weekday = end + 1 < len(lines) and WEEKDAY_LINE.match(lines[end + 1][1])
            if heads_before_date and not next_is_weekday:
                # A signature: the sender's name, then the date on a line of its own.
                current.extend(lines[i : end + 1])
                i = end + 1
                closed = True
                continue
            if starts_item(lines, kinds, i, end, closed) and current:
                items.append(current)
                current = []
            current.extend(lines[i:end])
            after_body, closed = False, False
            i = end
            continue
        current.append(lines[i])
        if k in "BL":
            after_body = True
            closed = closes_item(lines[i][1])
        elif k == "P":
            closed = closed or (after_body and closes_item(lines[i][1]))
        elif k == "H":
            after_body = False
        i += 1
    if current:
        items.append(current)
    return items


def numeral(text):
    """An Arabic, full-width or Chinese day or month number (`12`, `１２`, `十二`)."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    digits["○"] = digits["零"] = 0
    if "十" in text:
        tens, _, units = text.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(units, 0) if units else 0)
    return digits.get(text)


def dateline_date(item, default_year_for):
    """The latest date of a dateline in the item (leads and end datelines in parentheses)."""
    found = []
    for _, line in item:
        for m in re.finditer(DATELINE.pattern.lstrip("^"), line):
            month, day = numeral(m.group(2)), numeral(m.group(3))
            if not month or not day:
                continue
            year = int(m.group(1)) if m.group(1) else default_year_for(month)
            try:
                found.append(datetime.date(year, month, day))
            except ValueError:
                pass
    return max(found) if found else None


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
    # The file runs issue by issue, so an item's issue is the day after the latest dateline
    # so far; the items before the first dateline take the first one's.
    first = next(d for d in dates if d)
    latest, issue = first, []
    for d in dates:
        if d and d > latest:
            latest = d
        issue.append(latest + datetime.timedelta(days=1))
    return [
        write(out, "pku", f"{issue[i].isoformat()}-{i + 1:04}.txt", item)
        for i, item in enumerate(items)
    ]


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
        # A quotation still open goes on in the next sentence of the same paragraph
        # (bounded, as a quotation over several paragraphs closes only at its end).
        in_quote = pending.count("“") > pending.count("”") and i - pending_start < 12
        if cut_sentence or in_quote:
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
    text = re.sub(r"\{(?:[a-zü]+[1-5])+\}", "", tokens)
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


def default_news():
    """$JIAODUI_NEWS, else ../shared/data/news beside the repository or its main checkout."""
    if os.environ.get("JIAODUI_NEWS"):
        return os.environ["JIAODUI_NEWS"]
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    roots = [repo]
    try:
        common = subprocess.run(
            ["git", "-C", repo, "rev-parse", "--path-format=absolute", "--git-common-dir"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        roots.append(os.path.dirname(common))
    except (OSError, subprocess.CalledProcessError):
        pass
    for root in roots:
        news = os.path.join(root, "..", "shared", "data", "news")
        if os.path.isdir(news):
            return os.path.normpath(news)
    return os.path.normpath(os.path.join(repo, "..", "shared", "data", "news"))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    news = sys.argv[2] if len(sys.argv) > 2 else default_news()
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
