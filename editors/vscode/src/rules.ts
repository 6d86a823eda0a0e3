// Rule docs. A diagnostic whose code has no link of its own (the server sent no
// `codeDescription`) gets a link to the command `jiaodui.showRuleDocs`, which opens a
// read-only Markdown document `jiaodui-rule:/<rule id>.md` holding the output of
// `jiaodui explain <rule id>` from the server in use: the docs match the installed version
// and need no network. Diagnostic code links are opened with commands allowed, in both the
// hover and the Problems panel.
import { execFile } from 'child_process';
import * as vscode from 'vscode';

export const RULE_SCHEME = 'jiaodui-rule';
export const SHOW_RULE_DOCS = 'jiaodui.showRuleDocs';

export function ruleDocUri(rule: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${rule}.md` });
}

export function ruleLink(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCS}?${encodeURIComponent(JSON.stringify([rule]))}`);
}

export function withRuleLinks(d: vscode.Diagnostic): vscode.Diagnostic {
  if (d.source === 'jiaodui' && (typeof d.code === 'string' || typeof d.code === 'number')) {
    d.code = { value: d.code, target: ruleLink(String(d.code)) };
  }
  return d;
}

/** Opens the docs of a rule; resolves to the document shown. */
export async function showRuleDocs(rule: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(ruleDocUri(rule));
  await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  return doc;
}

export class RuleDocs implements vscode.TextDocumentContentProvider {
  constructor(private readonly server: () => string | undefined) {}

  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const rule = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const exe = this.server();
    if (!exe) {
      return Promise.resolve(`# ${rule}\n\n找不到 jiaodui 程序，无法显示规则说明。\n`);
    }
    return new Promise((resolve) => {
      execFile(exe, ['explain', rule], { timeout: 10000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
        if (err) resolve(`# ${rule}\n\n\`jiaodui explain ${rule}\` 运行失败：\n\n\`\`\`\n${stderr || err.message}\n\`\`\`\n`);
        else resolve(stdout);
      });
    });
  }
}
