// Finding the `jiaodui` executable: the `jiaodui.path` setting first, else `jiaodui` on PATH.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type ServerLookup =
  | { ok: true; path: string; from: 'setting' | 'PATH' }
  | { ok: false; message: string; from: 'setting' | 'PATH' };

const EXE = process.platform === 'win32' ? 'jiaodui.exe' : 'jiaodui';

/** Resolves the server executable; `configured` is the raw `jiaodui.path` setting. */
export function findServer(configured: string | undefined, workspaceRoot?: string): ServerLookup {
  const setting = (configured ?? '').trim();
  if (setting) {
    const resolved = expand(setting, workspaceRoot);
    if (isExecutable(resolved)) return { ok: true, path: resolved, from: 'setting' };
    return {
      ok: false,
      from: 'setting',
      message: `The setting jiaodui.path is "${setting}", but ${resolved} is not an executable file.`,
    };
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, EXE);
    if (isExecutable(candidate)) return { ok: true, path: candidate, from: 'PATH' };
  }
  return {
    ok: false,
    from: 'PATH',
    message: 'The jiaodui executable was not found on PATH, and the setting jiaodui.path is empty.',
  };
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
