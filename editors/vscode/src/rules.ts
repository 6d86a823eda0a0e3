// Rule docs: each diagnostic's code links to `jiaodui-rule:/<rule id>`, a read-only Markdown
// document holding the output of `jiaodui explain <rule id>` from the server in use, so the
// docs match the installed version and need no network.
import { execFile } from 'child_process';
import * as vscode from 'vscode';

export const RULE_SCHEME = 'jiaodui-rule';

/** The link a diagnostic code gets when the server sent none. */
export function ruleUri(rule: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${rule}.md` });
}

/**
 * Gives a jiaodui diagnostic whose code has no link (the server sent no `codeDescription`) a
 * link to the rule's docs.
 */
export function withRuleLinks(d: vscode.Diagnostic): vscode.Diagnostic {
  if (d.source === 'jiaodui' && (typeof d.code === 'string' || typeof d.code === 'number')) {
    d.code = { value: d.code, target: ruleUri(String(d.code)) };
  }
  return d;
}

export class RuleDocs implements vscode.TextDocumentContentProvider {
  constructor(private readonly server: () => string | undefined) {}

  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const rule = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const exe = this.server();
    if (!exe) return Promise.resolve(`# ${rule}\n\nThe jiaodui executable was not found, so its docs cannot be shown.\n`);
    return new Promise((resolve) => {
      execFile(exe, ['explain', rule], { timeout: 10000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
        if (err) resolve(`# ${rule}\n\n\`jiaodui explain ${rule}\` failed:\n\n\`\`\`\n${stderr || err.message}\n\`\`\`\n`);
        else resolve(stdout);
      });
    });
  }
}
