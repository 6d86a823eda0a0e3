// The jiaodui extension: starts `jiaodui lsp` for plain-text and Markdown drafts and adds the
// commands, the status-bar item and the rule-docs links around it. All proofreading happens
// in the server; this file only wires VS Code to it.
import * as vscode from 'vscode';
import {
  CodeAction,
  CodeActionRequest,
  CodeActionResolveRequest,
  Command,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { describeSource, findServer, ServerSource } from './server';
import { StatusItem, StatusSnapshot } from './status';
import { RULE_SCHEME, RuleDocs, SHOW_RULE_DOCS, showRuleDocs, withRuleLinks } from './rules';

export const INSTALL_URL = 'https://github.com/jiaodui/jiaodui#install';
const FIX_ALL_KIND = 'source.fixAll.jiaodui';
// Plain objects, so that this is both a vscode.DocumentSelector and a protocol one.
const SELECTOR: { scheme: string; language: string }[] = [
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'plaintext' },
  { scheme: 'untitled', language: 'markdown' },
];

/** What `activate` returns: used by the extension-host tests, and by other extensions. */
export interface JiaoduiApi {
  /** The running client, or undefined while stopped or when the server was not found. */
  readonly client: LanguageClient | undefined;
  /** The executable in use. */
  readonly serverPath: string | undefined;
  /** Where it came from: the `jiaodui.path` setting, the bundled server, or PATH. */
  readonly serverSource: ServerSource | undefined;
  /** Settles when the current (re)start attempt has finished: resolves once the server runs. */
  ready(): Promise<void>;
  status(): StatusSnapshot;
  /** Applies every safe fix in the document; resolves to the number of fix-all actions applied. */
  fixAll(doc?: vscode.TextDocument): Promise<number>;
}

let client: LanguageClient | undefined;
let serverPath: string | undefined;
let serverSource: ServerSource | undefined;
let extensionPath: string | undefined;
let starting: Promise<void> = Promise.resolve();
let status: StatusItem;
let output: vscode.LogOutputChannel;
let ruleDocs: RuleDocs;

export function activate(context: vscode.ExtensionContext): JiaoduiApi {
  output = vscode.window.createOutputChannel('jiaodui', { log: true });
  extensionPath = context.extensionPath;
  status = new StatusItem((doc) => vscode.languages.match(SELECTOR, doc) > 0);
  ruleDocs = new RuleDocs(() => serverPath);
  context.subscriptions.push(
    output,
    status,
    vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, ruleDocs),
    vscode.commands.registerCommand('jiaodui.fixAll', async () => {
      const applied = await fixAll();
      if (applied === 0) void vscode.window.showInformationMessage('jiaodui：本稿没有可自动修复的问题。');
    }),
    vscode.commands.registerCommand('jiaodui.restartServer', () => restart()),
    vscode.commands.registerCommand(SHOW_RULE_DOCS, (rule: string) => showRuleDocs(rule)),
    vscode.commands.registerCommand('jiaodui.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['jiaodui.enable', 'jiaodui.path', 'jiaodui.args'].some((key) => e.affectsConfiguration(key))) {
        void restart();
      }
    }),
  );
  starting = start();
  starting.catch(() => undefined); // reported in the status bar and the output; ready() rethrows
  return {
    get client() {
      return client;
    },
    get serverPath() {
      return serverPath;
    },
    get serverSource() {
      return serverSource;
    },
    ready: () => starting,
    status: () => status.snapshot(),
    fixAll,
  };
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(): Promise<void> {
  const config = vscode.workspace.getConfiguration('jiaodui');
  if (!config.get<boolean>('enable', true)) {
    status.set('disabled');
    return;
  }
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const found = findServer({ configured: config.get<string>('path'), workspaceRoot: root, extensionPath });
  if (!found.ok) {
    serverPath = undefined;
    serverSource = undefined;
    status.set('missing', found.message);
    output.error(found.message);
    void offerInstall(found.message);
    throw new Error(found.message);
  }
  serverPath = found.path;
  serverSource = found.from;
  output.info(`启动 ${found.path} lsp（${describeSource(found.from)}）`);
  status.set('starting', `${describeSource(found.from)}：${found.path}`);

  const serverOptions: ServerOptions = {
    command: found.path,
    args: ['lsp', ...config.get<string[]>('args', [])],
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    synchronize: {
      // The server reloads its configuration when a jiaodui.toml changes.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{jiaodui.toml,.jiaodui.toml}'),
    },
    middleware: {
      // Every diagnostic's code links to the rule's docs (`jiaodui explain RULE`, see
      // rules.ts), unless the server sent a link of its own.
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(withRuleLinks)),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && report.kind === 'full') report.items = report.items.map(withRuleLinks);
        return report;
      },
    },
  };
  const c = new LanguageClient('jiaodui', 'jiaodui', serverOptions, clientOptions);
  client = c;
  c.onDidChangeState((e) => {
    if (client !== c) return;
    if (e.newState === State.Running) status.set('running', serverDetail(c));
    else if (e.newState === State.Starting) status.set('starting', found.path);
    else status.set('stopped', found.path);
  });
  try {
    await c.start();
    status.set('running', serverDetail(c));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    status.set('failed', message);
    output.error(`语言服务未能启动：${message}`);
    throw err;
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(2000);
    } catch (err) {
      output.warn(`停止语言服务时出错：${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

async function restart(): Promise<void> {
  await starting.catch(() => undefined);
  await stop();
  status.set('starting');
  starting = start();
  await starting.catch(() => undefined);
}

/** The status bar's tooltip: which server runs, from where, e.g. `jiaodui 0.1.0，扩展自带的语言服务：/…/server/jiaodui`. */
function serverDetail(c: LanguageClient): string {
  const info = c.initializeResult?.serverInfo;
  const name = info ? `${info.name}${info.version ? ` ${info.version}` : ''}` : 'jiaodui';
  return `${name}，${serverSource ? describeSource(serverSource) : '语言服务'}：${serverPath}`;
}

async function offerInstall(message: string): Promise<void> {
  const install = '安装说明';
  const settings = '打开设置';
  const choice = await vscode.window.showErrorMessage(`jiaodui：${message}`, install, settings);
  if (choice === install) await vscode.env.openExternal(vscode.Uri.parse(INSTALL_URL));
  else if (choice === settings) await vscode.commands.executeCommand('workbench.action.openSettings', 'jiaodui.path');
}

/**
 * Asks the server for its `source.fixAll.jiaodui` actions on the whole document and applies
 * them. The server's fix-all applies only safe fixes, so this never makes a suggested change.
 */
async function fixAll(doc = vscode.window.activeTextEditor?.document): Promise<number> {
  await starting.catch(() => undefined);
  const c = client;
  if (!doc || !c || !c.isRunning()) return 0;
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'jiaodui');
  const result = await c.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: c.code2ProtocolConverter.asUri(doc.uri) },
    range: c.code2ProtocolConverter.asRange(whole),
    context: {
      diagnostics: await c.code2ProtocolConverter.asDiagnostics(ours),
      only: [FIX_ALL_KIND],
      triggerKind: 1,
    },
  });
  let applied = 0;
  for (const item of result ?? []) {
    if (Command.is(item)) {
      await vscode.commands.executeCommand(item.command, ...(item.arguments ?? []));
      applied++;
      continue;
    }
    let action: CodeAction = item;
    if (!action.kind?.startsWith('source.fixAll')) continue;
    if (!action.edit && !action.command && c.initializeResult?.capabilities.codeActionProvider) {
      action = await c.sendRequest(CodeActionResolveRequest.type, action);
    }
    if (action.edit) {
      const edit = await c.protocol2CodeConverter.asWorkspaceEdit(action.edit);
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error('jiaodui：全部修复的修改未能应用');
    }
    if (action.command) {
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    }
    applied++;
  }
  return applied;
}
