#!/usr/bin/env python3
"""Renders `jiaodui check --format html` in headless Chromium and checks, for every finding
of `--format json` on the same drafts, that its highlight is in the page with its byte span
and exactly its text, and visible: a box of non-zero size (or, for a finding split where it
crosses another, every fragment so, their texts together the finding's). Hovering each
highlight must show its message; unticking a rule in the filters must switch its highlights
off.

A copy of the page gets a probe script at its end that measures every highlight after the
page's own script ran and writes what it found as JSON into the page; Chromium's
`--dump-dom` prints the page as it is then. Nothing but Debian's `chromium` is needed.

usage: html-check.py JSON_REPORT HTML_REPORT [--screenshot PNG]
"""

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PROBE = r"""
<script>
(function () {
  var out = { marks: [], hover: 0, hoverFailed: [], filter: null };
  var marks = document.querySelectorAll("mark[data-span]");
  marks.forEach(function (m) {
    var box = m.getBoundingClientRect();
    var style = getComputedStyle(m);
    var section = m.closest("section");
    out.marks.push({
      path: section ? section.getAttribute("data-path") : null,
      span: m.getAttribute("data-span"),
      rule: m.getAttribute("data-rule"),
      f: m.getAttribute("data-f"),
      text: m.textContent,
      width: box.width,
      height: box.height,
      shown: style.visibility !== "hidden" && style.display !== "none" && style.opacity !== "0"
    });
  });
  var pop = document.getElementById("pop");
  marks.forEach(function (m) {
    m.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    var entry = m.closest("section").querySelector('li.f[data-f="' + m.getAttribute("data-f") + '"] .msg');
    var popBox = pop.getBoundingClientRect();
    if (!pop.hidden && popBox.width > 0 && entry && pop.textContent.indexOf(entry.textContent) >= 0) {
      out.hover += 1;
    } else {
      out.hoverFailed.push(m.getAttribute("data-span"));
    }
  });
  var box = document.querySelector("#filters fieldset:last-of-type input");
  if (box) {
    var rule = box.parentNode.textContent.trim().split(" ")[0];
    box.click();
    var of = document.querySelectorAll('mark[data-rule="' + rule + '"]');
    var off = document.querySelectorAll('mark[data-rule="' + rule + '"].off');
    out.filter = { rule: rule, marks: of.length, off: off.length };
  }
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("html-check: no chromium on PATH (apt-get install chromium)")


def headless(*args):
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-dev-shm-usage", "--hide-scrollbars", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)


def probe(page):
    with tempfile.TemporaryDirectory() as tmp:
        probed = os.path.join(tmp, "probe.html")
        with open(page, encoding="utf-8") as f:
            text = f.read()
        at = text.rindex("</body>")
        with open(probed, "w", encoding="utf-8") as f:
            f.write(text[:at] + PROBE + text[at:])
        dom = headless("--window-size=1280,1000", "--dump-dom", "file://" + probed).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    if not found:
        sys.exit("html-check: the probe wrote nothing; the page did not run")
    return json.loads(html.unescape(found.group(1)))


def normal(text):
    # The HTML parser reads CR LF and a lone CR as LF.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check(findings, result):
    marks = {}
    for m in result["marks"]:
        marks.setdefault((m["path"], m["span"], m["rule"]), []).append(m)
    visible = lambda m: m["shown"] and m["width"] > 0 and m["height"] > 0
    problems = []
    checked = 0
    for finding in findings:
        if finding["rule"] == "file/unreadable":
            continue
        checked += 1
        key = (finding["path"], "%d-%d" % tuple(finding["span"]), finding["rule"])
        want = normal(finding["text"])
        elements = marks.get(key, [])
        whole = [m for m in elements if m["text"] == want]
        parts = [m for m in elements if m["f"] == (elements[0]["f"] if elements else None)]
        if any(visible(m) for m in whole):
            continue
        if parts and "".join(m["text"] for m in parts) == want and all(map(visible, parts)):
            continue
        problems.append("%s %s %s %r: %s" % (key + (want, elements or "no element")))
    return checked, problems


def main():
    args = sys.argv[1:]
    screenshot = None
    if "--screenshot" in args:
        at = args.index("--screenshot")
        screenshot = args[at + 1]
        del args[at:at + 2]
    json_report, html_report = args
    with open(json_report, encoding="utf-8") as f:
        findings = json.load(f)
    result = probe(os.path.abspath(html_report))
    checked, problems = check(findings, result)
    marks = len(result["marks"])
    if result["hoverFailed"]:
        problems.append("hover shows no message for spans %s" % result["hoverFailed"][:10])
    flt = result["filter"]
    if flt is None or flt["marks"] == 0 or flt["off"] != flt["marks"]:
        problems.append("the rule filter did not switch highlights off: %s" % flt)
    for problem in problems:
        print("html-check: " + problem, file=sys.stderr)
    if problems:
        sys.exit("html-check: %d of %d findings' highlights failed" % (len(problems), checked))
    print("html-check: %d findings, %d highlights, all visible with their text; "
          "%d show their message on hover; filter %s" % (checked, marks, result["hover"], flt))
    if screenshot:
        headless("--window-size=1100,820", "--screenshot=" + os.path.abspath(screenshot),
                 "file://" + os.path.abspath(html_report))
        print("html-check: screenshot %s, %d KB" % (screenshot, os.path.getsize(screenshot) // 1024))


if __name__ == "__main__":
    main()
