// Browser smoke test of the packaged extension in code-server: open the draft, read the
// Problems panel, the status bar and a diagnostic hover, and save a screenshot.
//
//   node ui-smoke.js BASE_URL WORKSPACE ARTEFACTS
//
// DOM selectors are not an API, so this stays one small test; the extension-host tests carry
// the coverage. A failure saves ARTEFACTS/ui-smoke-failure.png.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');
const { FLAGS, CHROMIUM } = require('./browser');

const [base, ws, art] = process.argv.slice(2);
const T = 60000;

(async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  const step = (name) => console.log(`# ui-smoke: ${name}`);
  try {
    await page.goto(`${base}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: T });
    step('workbench loaded');

    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: T });
    await page.keyboard.type('draft.txt');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="draft.txt"]', { timeout: T });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-lines:has-text("本报讯")', { timeout: T });
    step('draft.txt open');

    await page.waitForFunction(() => document.querySelectorAll('.monaco-editor [class*="squiggly-"]').length >= 3, null, { timeout: T });
    step('squiggles shown');

    await page.keyboard.press('Control+Shift+M');
    const rows = await page.waitForFunction(() => {
      const labels = [...document.querySelectorAll('.markers-panel .monaco-list-row')]
        .map((r) => r.getAttribute('aria-label') || '')
        .filter((l) => /jiaodui/.test(l));
      return labels.length >= 3 && labels;
    }, null, { timeout: T });
    const labels = await rows.jsonValue();
    step(`Problems panel: ${labels.length} jiaodui rows: ${labels.join(' | ')}`);
    if (labels.length !== 3) throw new Error(`expected 3 jiaodui problems, got ${labels.length}`);

    // The count follows the diagnostics (it may read 0 for a moment after the server
    // starts): wait for the expected count, and report what it showed if it never came.
    const statusText = await page
      .waitForFunction(() => {
        const item = [...document.querySelectorAll('.statusbar-item')].find((e) => /jiaodui: \d+/.test(e.innerText));
        const text = item ? item.innerText.trim() : '';
        return /jiaodui: 3\b/.test(text) && text;
      }, null, { timeout: T })
      .then((status) => status.jsonValue())
      .catch(() =>
        page.evaluate(() => {
          const item = [...document.querySelectorAll('.statusbar-item')].find((e) => /jiaodui: \d+/.test(e.innerText));
          return item ? item.innerText.trim() : '(no jiaodui count in the status bar)';
        }),
      );
    step(`status bar: ${statusText}`);
    if (!/jiaodui: 3\b/.test(statusText)) throw new Error(`status bar shows "${statusText}", expected 3 findings`);

    // Hover the comma after 𠮷大爷说 (line 4, UTF-16 column 10, 1-based).
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: T });
    await page.keyboard.type('4:10');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = await page.waitForFunction(() => {
      const h = [...document.querySelectorAll('.monaco-hover')].find((e) => /punct\/halfwidth/.test(e.innerText));
      return h && h.innerText;
    }, null, { timeout: T });
    step(`hover: ${(await hover.jsonValue()).replace(/\s+/g, ' ').slice(0, 160)}`);

    await page.screenshot({ path: path.join(art, 'vscode-problems-hover.png') });
    step(`screenshot saved: ${path.join(art, 'vscode-problems-hover.png')}`);
  } catch (err) {
    await page.screenshot({ path: path.join(art, 'ui-smoke-failure.png') }).catch(() => {});
    console.log(`not ok - ui-smoke: ${err.message.split('\n')[0]}`);
    await browser.close();
    process.exit(1);
  }
  await browser.close();
})();
