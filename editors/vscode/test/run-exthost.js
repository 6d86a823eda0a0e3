// Runs the extension-host tests in code-server's real workbench: opens the workbench in
// headless Chromium with the `extensionDevelopmentPath` and `extensionTestsPath` payload,
// which makes the remote extension host load the extension from its folder and call the
// test module's run() (the contract @vscode/test-electron uses on the desktop).
//
//   node run-exthost.js BASE_URL WORKSPACE TESTS_MODULE EXTENSION_DIR
//
// Exits 0 when run() resolved, 1 when it rejected or did not settle in time.
'use strict';
const { chromium } = require('playwright-core');
const { FLAGS, CHROMIUM } = require('./browser');

const [base, folder, tests, dev] = process.argv.slice(2);
const timeout = Number(process.env.JIAODUI_EXTHOST_TIMEOUT_MS || 180000);
const remote = (p) => `vscode-remote://${new URL(base).host}${p}`;
const payload = [
  ['extensionTestsPath', remote(tests)],
  ['extensionDevelopmentPath', remote(dev)],
];

(async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  let code = 'timeout';
  try {
    const page = await browser.newPage();
    let done;
    const exited = new Promise((resolve) => (done = resolve));
    await page.exposeFunction('codeAutomationExit', (c) => done(c));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (/error|fail|not ok/i.test(type + text)) console.log(`[exthost ${type}] ${text.slice(0, 2000)}`);
    });
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), timeout))]);
  } finally {
    await browser.close();
  }
  if (code !== 0) console.log(`extension-host tests: exit ${code}`);
  process.exit(code === 0 ? 0 : 1);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
