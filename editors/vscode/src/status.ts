// The status-bar item: the server's state and the number of findings in the current draft.
import * as vscode from 'vscode';

export type ServerState = 'starting' | 'running' | 'stopped' | 'missing' | 'disabled' | 'failed';

export interface StatusSnapshot {
  state: ServerState;
  text: string;
  tooltip: string;
  findings: number | undefined;
}

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private state: ServerState = 'starting';
  private detail = '';
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly isDraft: (doc: vscode.TextDocument) => boolean) {
    this.item = vscode.window.createStatusBarItem('jiaodui.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'jiaodui';
    this.item.command = 'jiaodui.showOutput';
    this.disposables.push(
      this.item,
      vscode.languages.onDidChangeDiagnostics(() => this.render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    );
    this.render();
  }

  /** Sets the server state; `detail` is shown in the tooltip (server version, error message). */
  set(state: ServerState, detail = ''): void {
    this.state = state;
    this.detail = detail;
    this.render();
  }

  snapshot(): StatusSnapshot {
    const tooltip = typeof this.item.tooltip === 'string' ? this.item.tooltip : this.item.tooltip?.value ?? '';
    return { state: this.state, text: this.item.text, tooltip, findings: this.findings() };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Findings reported by jiaodui in the active draft, or undefined when no draft is active. */
  private findings(): number | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.isDraft(doc)) return undefined;
    return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'jiaodui').length;
  }

  private render(): void {
    const findings = this.findings();
    const error = new vscode.ThemeColor('statusBarItem.errorBackground');
    this.item.backgroundColor = undefined;
    switch (this.state) {
      case 'starting':
        this.item.text = '$(sync~spin) jiaodui';
        break;
      case 'running':
        if (findings === undefined) this.item.text = '$(check) jiaodui';
        else if (findings === 0) this.item.text = '$(check) jiaodui: 0';
        else this.item.text = `$(warning) jiaodui: ${findings}`;
        break;
      case 'disabled':
        this.item.text = '$(circle-slash) jiaodui';
        break;
      case 'missing':
        this.item.text = '$(error) jiaodui: 找不到语言服务';
        this.item.backgroundColor = error;
        break;
      case 'stopped':
      case 'failed':
        this.item.text = '$(error) jiaodui';
        this.item.backgroundColor = error;
        break;
    }
    const count =
      findings === undefined ? '' : `\n本稿有 ${findings} 处问题`;
    this.item.tooltip = `jiaodui：${describe(this.state)}${this.detail ? `（${this.detail}）` : ''}${count}\n点击显示输出。`;
    this.item.show();
  }
}

function describe(state: ServerState): string {
  switch (state) {
    case 'starting': return '正在启动';
    case 'running': return '运行中';
    case 'stopped': return '已停止';
    case 'missing': return '找不到语言服务';
    case 'disabled': return '已在设置中关闭';
    case 'failed': return '语言服务出错';
  }
}
