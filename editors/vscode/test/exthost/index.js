// Extension-host tests: the real vscode API in code-server's extension host, against the real
// `jiaodui lsp`: the one named by the jiaodui.path setting that test/run.sh writes, or, for a
// platform .vsix, the server bundled in it ($JIAODUI_EXPECT_SOURCE says which to expect).
// Loaded by the workbench through the `extensionTestsPath` payload, which calls run();
// run() rejecting fails the suite. Results are also appended to $JIAODUI_TEST_RESULTS.
'use strict';
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');

const RULE = 'punct/halfwidth';
const TIMEOUT = Number(process.env.JIAODUI_TEST_TIMEOUT_MS || 15000);
const EXPECT_SOURCE = process.env.JIAODUI_EXPECT_SOURCE;
const ALT_SERVER = process.env.JIAODUI_ALT_SERVER;
const results = process.env.JIAODUI_TEST_RESULTS;

function report(line) {
  console.log(line);
  if (results) fs.appendFileSync(results, line + '\n');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(what, cond, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await cond();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(50);
  }
}

const ours = (uri, rule) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'jiaodui' && (!rule || codeOf(d) === rule))
    .sort((a, b) => a.range.start.compareTo(b.range.start));
const codeOf = (d) => String(typeof d.code === 'object' ? d.code.value : d.code);
const show = (ds) => JSON.stringify(ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${codeOf(d)} ${d.message}`));

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const txt = vscode.Uri.joinPath(folder, 'draft.txt');
  const md = vscode.Uri.joinPath(folder, 'draft.md');
  const gb = vscode.Uri.joinPath(folder, 'gb18030.txt');
  const ext = vscode.extensions.getExtension('jiaodui.jiaodui');
  let api, doc, editor;
  const tests = [];
  // A failed `fatal` test stops the run: nothing after it can pass without a server that
  // reports diagnostics.
  const test = (name, fn, fatal = false) => tests.push({ name, fn, fatal });

  test('the extension activates on a plain-text draft and starts the server', async () => {
    assert.ok(ext, 'extension jiaodui.jiaodui is not installed');
    doc = await vscode.workspace.openTextDocument(txt);
    editor = await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'plaintext');
    await waitFor('activation', () => ext.isActive);
    api = ext.exports;
    // Rejects when the server is missing or fails to start; the status bar says why.
    await api.ready().catch((err) => {
      throw new Error(`${err.message}\n  # status bar: ${JSON.stringify(api.status())}`);
    });
    assert.ok(api.client && api.client.isRunning(), 'client not running');
    report(`# server ${api.serverPath} (from ${api.serverSource}): ${JSON.stringify(api.client.initializeResult.serverInfo)}`);
    if (EXPECT_SOURCE) assert.strictEqual(api.serverSource, EXPECT_SOURCE, `server ${api.serverPath}`);
  }, true);

  test('exactly three punct/halfwidth diagnostics, at the right UTF-16 columns (𠮷 before the comma)', async () => {
    await waitFor('three diagnostics', () => ours(txt, RULE).length >= 3);
    await sleep(500); // a server that pushes next to being pulled would show six
    const ds = ours(txt, RULE);
    assert.strictEqual(ds.length, 3, show(ds));
    const want = [[2, 29], [3, 9], [3, 18]];
    ds.forEach((d, i) => {
      const [line, ch] = want[i];
      assert.ok(d.range.isEqual(new vscode.Range(line, ch, line, ch + 1)), `diagnostic ${i}: ${show([d])}, want ${line}:${ch}`);
      assert.strictEqual(doc.getText(d.range), ',');
    });
  }, true);

  test("each diagnostic's code links to the rule docs", async () => {
    const d = ours(txt, RULE)[0];
    assert.strictEqual(typeof d.code, 'object', `code has no link: ${JSON.stringify(d.code)}`);
    const target = d.code.target;
    assert.ok(target instanceof vscode.Uri, 'no code target');
    if (target.scheme === 'command') {
      assert.strictEqual(target.path, 'jiaodui.showRuleDocs');
      const args = JSON.parse(decodeURIComponent(target.query));
      const docs = await vscode.commands.executeCommand(target.path, ...args);
      const text = docs.getText();
      assert.ok(text.includes(RULE), `rule docs do not name the rule: ${text.slice(0, 200)}`);
      if (/`jiaodui explain .*` 运行失败/.test(text)) {
        report(`# note: jiaodui explain ${RULE} failed, the docs page shows the error: ${text.slice(0, 300)}`);
        throw new Error(`jiaodui explain ${RULE} failed: ${text.slice(0, 300)}`);
      }
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.window.showTextDocument(doc);
    } else {
      // The server's own link (codeDescription): a web page that names the rule.
      assert.match(target.scheme, /^https?$/, `unexpected code link ${target}`);
      const letters = (s) => decodeURIComponent(s).toLowerCase().replace(/[^a-z]/g, '');
      assert.ok(letters(target.toString()).includes(letters(RULE)), `code link ${target} does not name ${RULE}`);
      report(`# rule docs link from the server: ${target}`);
    }
  });

  test('the status bar shows the server state and the finding count', async () => {
    const s = await waitFor('status running', () => api.status().state === 'running' && api.status());
    const n = ours(txt).length;
    assert.strictEqual(s.findings, n);
    assert.ok(s.text.includes(`jiaodui: ${n}`), `status text: ${s.text}`);
  });

  const hoverText = async (pos) => {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', txt, pos);
    return hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n')
      .trim();
  };

  test('hover on a finding explains its rule', async () => {
    assert.ok(api.client.initializeResult.capabilities.hoverProvider, 'the server offers no hover');
    const text = await hoverText(new vscode.Position(3, 9));
    assert.ok(text.includes(RULE), `hover: ${text.slice(0, 300)}`);
  });

  // The place hover may land later in the server: reported as skipped, never silently.
  test('hover on a place name (平城区)', async () => {
    const pos = doc.positionAt(doc.getText().indexOf('平城区新开街道') + 1);
    const text = await hoverText(pos);
    if (!text) return 'SKIP the server returned no hover content for a place name (place hover not implemented yet?)';
    report(`# hover: ${text.replace(/\s+/g, ' ').slice(0, 100)}`);
  });

  test('a quick fix applied: the preferred fix at the comma after 𠮷大爷说', async () => {
    const range = new vscode.Range(3, 9, 3, 10);
    let actions = [];
    let attempts = 0;
    const preferred = () => actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && a.isPreferred);
    // Asked again until it answers, as the light bulb is: a request made while the workbench
    // is still restoring its editors can come back empty.
    await waitFor('a preferred quick fix', async () => {
      attempts++;
      actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', txt, range, vscode.CodeActionKind.QuickFix.value, 10);
      return preferred().length > 0;
    }).catch(() => undefined);
    if (attempts > 1) report(`# quick fix: ${attempts} requests until the code actions came`);
    const fixes = preferred();
    assert.strictEqual(fixes.length, 1, `preferred quick fixes: ${JSON.stringify(actions.map((a) => [a.title, a.kind && a.kind.value, a.isPreferred]))}`);
    const fix = fixes[0];
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'edit not applied');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments || []));
    assert.strictEqual(doc.lineAt(3).text, '社区居民𠮷大爷说，现在楼道干净多了,孩子们也有地方玩了。');
    await waitFor('diagnostics 3 -> 2', () => ours(txt, RULE).length === 2);
  });

  test('diagnostics refresh after an edit', async () => {
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    assert.ok(await editor.edit((e) => e.insert(end, (doc.lineAt(doc.lineCount - 1).text ? '\n' : '') + '居民纷纷点赞;社区表示将继续开展活动。')));
    const line = doc.lineCount - 1;
    await waitFor('a finding on the new line', () => {
      const ds = ours(txt, RULE);
      return ds.length === 3 && ds[2].range.start.line === line && ds[2].range.start.character === 6;
    });
    await waitFor('status count', () => api.status().text.includes(`jiaodui: ${ours(txt).length}`));
  });

  test('"jiaodui: 全部修复" applies every safe fix', async () => {
    await vscode.commands.executeCommand('jiaodui.fixAll');
    const body = () => doc.getText(new vscode.Range(2, 0, doc.lineCount, 0));
    await waitFor('no half-width punctuation left', () => !/[,;]/.test(body()));
    await waitFor('no punct/halfwidth diagnostic left', () => ours(txt, RULE).length === 0);
    await waitFor('status shows the new count', () => api.status().text.includes(`jiaodui: ${ours(txt).length}`));
  });

  test('a Markdown draft gets diagnostics too', async () => {
    const mdDoc = await vscode.workspace.openTextDocument(md);
    await vscode.window.showTextDocument(mdDoc);
    assert.strictEqual(mdDoc.languageId, 'markdown');
    await waitFor('three diagnostics on draft.md', () => ours(md, RULE).length === 3);
  });

  // Without the extension's default of files.autoGuessEncoding for drafts, VS Code reads a
  // GB18030 file as UTF-8 with replacement characters and the server finds nothing in it.
  test('a GB18030 draft is decoded and checked (examples/gb18030-社区食堂.txt)', async () => {
    const gbDoc = await vscode.workspace.openTextDocument(gb);
    // In a tab of its own: in preview mode it would replace draft.md's tab, and the client
    // pulls diagnostics only for documents shown in tabs, which the next tests rely on.
    await vscode.window.showTextDocument(gbDoc, { preview: false });
    if (gbDoc.encoding) report(`# gb18030.txt opened as ${gbDoc.encoding}`);
    assert.strictEqual(gbDoc.lineAt(0).text, '社区食堂开业', `first line: ${JSON.stringify(gbDoc.lineAt(0).text)}`);
    await waitFor('two findings on gb18030.txt', () => ours(gb, RULE).length >= 2).catch((err) => {
      throw new Error(`${err.message}: ${show(ours(gb))}`);
    });
    await sleep(500);
    const ds = ours(gb, RULE);
    const want = [[2, 15], [2, 28]];
    assert.strictEqual(ds.length, 2, show(ds));
    ds.forEach((d, i) => {
      const [line, ch] = want[i];
      assert.ok(d.range.isEqual(new vscode.Range(line, ch, line, ch + 1)), `diagnostic ${i}: ${show([d])}, want ${line}:${ch}`);
    });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(md));
  });

  test('jiaodui.enable = false stops the server, true starts it again', async () => {
    const config = vscode.workspace.getConfiguration('jiaodui');
    await config.update('enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('status disabled', () => api.status().state === 'disabled');
      assert.strictEqual(api.client, undefined);
      await waitFor('findings cleared', () => ours(md).length === 0);
    } finally {
      await config.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('status running', () => api.status().state === 'running');
    await waitFor('diagnostics back', () => ours(md, RULE).length === 3);
  });

  test('"jiaodui: 重启语言服务" starts a new server that reports again', async () => {
    const before = api.client;
    await vscode.commands.executeCommand('jiaodui.restartServer');
    await api.ready();
    assert.ok(api.client && api.client !== before && api.client.isRunning(), 'no new running client');
    await waitFor('diagnostics after the restart', () => ours(md, RULE).length === 3);
    assert.strictEqual(api.status().state, 'running');
  });

  if (EXPECT_SOURCE === 'bundled') {
    test('an explicit jiaodui.path wins over the bundled server, and the bundled one returns without it', async () => {
      assert.ok(ALT_SERVER, 'JIAODUI_ALT_SERVER is not set');
      const config = vscode.workspace.getConfiguration('jiaodui');
      await config.update('path', ALT_SERVER, vscode.ConfigurationTarget.Global);
      try {
        await waitFor('the server from the setting', () => api.serverSource === 'setting' && api.status().state === 'running');
        assert.strictEqual(api.serverPath, ALT_SERVER);
        assert.ok(api.status().tooltip.includes(`设置 jiaodui.path：${ALT_SERVER}`), api.status().tooltip);
        await waitFor('diagnostics from it', () => ours(md, RULE).length === 3);
      } finally {
        await config.update('path', undefined, vscode.ConfigurationTarget.Global);
      }
      await waitFor('the bundled server again', () => api.serverSource === 'bundled' && api.status().state === 'running');
      assert.ok(api.status().tooltip.includes('扩展自带的语言服务'), api.status().tooltip);
      await waitFor('diagnostics after switching back', () => ours(md, RULE).length === 3);
    });
  }

  let passed = 0;
  let failed = 0;
  for (const { name, fn, fatal } of tests) {
    try {
      const skip = await fn();
      report(typeof skip === 'string' && skip.startsWith('SKIP') ? `ok - ${name} # ${skip}` : `ok - ${name}`);
      passed++;
    } catch (err) {
      failed++;
      report(`not ok - ${name}\n  # ${String((err && err.stack) || err).split('\n').slice(0, 6).join('\n  # ')}`);
      if (fatal) break;
    }
  }
  report(`# vscode ${vscode.version}: ${passed} passed, ${failed} failed, ${tests.length - passed - failed} not run`);
  if (failed) throw new Error(`${failed} extension-host test(s) failed`);
};
