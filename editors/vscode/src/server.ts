// Finding the `jiaodui` executable, in this order: the `jiaodui.path` setting, the server
// bundled in a platform .vsix (server/jiaodui inside the extension), `jiaodui` on PATH.
// An explicit setting is never second-guessed: when it names nothing runnable, that is the
// error, rather than quietly running another server. Knows nothing of the vscode API, so
// the unit tests run it in plain Node.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Where the server came from: shown in the output channel and the status-bar tooltip. */
export type ServerSource = 'setting' | 'bundled' | 'PATH';

export type ServerLookup =
  | { ok: true; path: string; from: ServerSource }
  | { ok: false; message: string; from: ServerSource };

export interface LookupOptions {
  /** The raw `jiaodui.path` setting. */
  configured?: string;
  /** The first workspace folder, for `${workspaceFolder}` and relative paths. */
  workspaceRoot?: string;
  /** The extension's own folder, where a platform .vsix carries server/jiaodui. */
  extensionPath?: string;
  /** Defaults to process.env.PATH; given by the tests. */
  envPath?: string;
  /** Defaults to process.platform; given by the tests. */
  platform?: NodeJS.Platform;
}

/** Resolves the server executable. */
export function findServer(opts: LookupOptions): ServerLookup {
  const platform = opts.platform ?? process.platform;
  const exe = platform === 'win32' ? 'jiaodui.exe' : 'jiaodui';
  const setting = (opts.configured ?? '').trim();
  if (setting) {
    const resolved = expand(setting, opts.workspaceRoot);
    if (isExecutable(resolved)) return { ok: true, path: resolved, from: 'setting' };
    return {
      ok: false,
      from: 'setting',
      message: `设置 jiaodui.path 为“${setting}”，但 ${resolved} 不是可执行文件。`,
    };
  }
  if (opts.extensionPath) {
    const bundled = path.join(opts.extensionPath, 'server', exe);
    if (fs.existsSync(bundled) && (isExecutable(bundled) || makeExecutable(bundled))) {
      return { ok: true, path: bundled, from: 'bundled' };
    }
  }
  const envPath = opts.envPath ?? process.env.PATH ?? '';
  for (const dir of envPath.split(platform === 'win32' ? ';' : ':')) {
    if (!dir) continue;
    const candidate = path.join(dir, exe);
    if (isExecutable(candidate)) return { ok: true, path: candidate, from: 'PATH' };
  }
  return {
    ok: false,
    from: 'PATH',
    message:
      '此扩展没有自带 jiaodui 语言服务，PATH 上也找不到 jiaodui 程序，设置 jiaodui.path 又是空的。',
  };
}

/** How the output channel and the status bar name a source. */
export function describeSource(from: ServerSource): string {
  switch (from) {
    case 'setting':
      return '设置 jiaodui.path';
    case 'bundled':
      return '扩展自带的语言服务';
    case 'PATH':
      return 'PATH 上的 jiaodui';
  }
}

/** Expands `~` and `${workspaceFolder}` and makes a relative path absolute against the workspace. */
function expand(p: string, workspaceRoot?: string): string {
  let out = p.replace(/\$\{workspaceFolder\}/g, workspaceRoot ?? '');
  if (out === '~' || out.startsWith('~/')) out = path.join(os.homedir(), out.slice(1));
  if (!path.isAbsolute(out) && workspaceRoot) out = path.join(workspaceRoot, out);
  return out;
}

function isExecutable(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The bundled server loses its executable bit when the .vsix was unpacked by a tool that
 * ignores Unix modes; the extension's folder belongs to the user, so setting it back is safe.
 */
function makeExecutable(p: string): boolean {
  try {
    fs.chmodSync(p, 0o755);
    return isExecutable(p);
  } catch {
    return false;
  }
}
