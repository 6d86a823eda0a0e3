#!/usr/bin/env bash
# Packages the VS Code extension for one platform, with the jiaodui server inside it.
#
#   scripts/package-vscode.sh TARGET
#
# TARGET is a VS Code platform name (linux-x64, linux-arm64, darwin-x64, darwin-arm64,
# win32-x64). Builds the server with scripts/build-server.sh (which also writes the download
# archive), unless JIAODUI_SERVER_BIN names a binary built already, then writes
# dist/jiaodui-TARGET.vsix: the extension, marked for that platform, with the server at
# server/jiaodui (server/jiaodui.exe on Windows). VS Code and the Marketplace pick the .vsix
# that matches the reporter's machine, so nothing else needs installing; the extension
# prefers an explicit `jiaodui.path`, then this bundled server, then `jiaodui` on PATH.
#
# Needs Node 20 or later and npm; the packager (@vscode/vsce) is pinned in
# editors/vscode/package-lock.json to a release that runs on Node 20.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

target=${1:?usage: scripts/package-vscode.sh TARGET (linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64)}
exe=jiaodui
[[ $target == win32-* ]] && exe=jiaodui.exe
start=$SECONDS

# The extension and the server are released together under one version.
crate_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
ext_version=$(node -p 'require("./editors/vscode/package.json").version')
if [ "$crate_version" != "$ext_version" ]; then
    echo "package-vscode: Cargo.toml says $crate_version, editors/vscode/package.json says $ext_version" >&2
    exit 1
fi

server=${JIAODUI_SERVER_BIN:-}
if [ -z "$server" ]; then
    server=$(scripts/build-server.sh "$target" | tail -n 1)
fi
[ -f "$server" ] || { echo "package-vscode: no server binary at $server" >&2; exit 1; }

ext=$root/editors/vscode
# The server is copied into the extension's folder for vsce to pick up, and removed again
# afterwards, so a later run from the source folder (the extension-host tests load it from
# there) never finds a stale bundled server.
bundle=$ext/server
cleanup() { rm -rf "$bundle"; }
trap cleanup EXIT
rm -rf "$bundle"
mkdir -p "$bundle"
cp "$server" "$bundle/$exe"
chmod 755 "$bundle/$exe"
cat data/NOTICE >"$bundle/NOTICE-data"

cd "$ext"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
npm run -s typecheck
mkdir -p "$root/dist"
vsix=$root/dist/jiaodui-$target.vsix
rm -f "$vsix"
# vsce runs the `vscode:prepublish` script (a minified esbuild bundle) first.
npx --no-install vsce package --no-dependencies --target "$target" --out "$vsix" >&2

# The server must be in the package, and executable: VS Code keeps the Unix mode bits that
# the archive records when it installs an extension.
node -e '
const [vsix, name] = process.argv.slice(1);
const buf = require("fs").readFileSync(vsix);
const want = "extension/server/" + name;
// Walk the zip central directory: signature 0x02014b50, name at offset 46.
for (let i = buf.lastIndexOf(Buffer.from("PK\x05\x06")), off = buf.readUInt32LE(i + 16), n = buf.readUInt16LE(i + 10); n > 0; n--) {
  const nameLen = buf.readUInt16LE(off + 28), extra = buf.readUInt16LE(off + 30), comment = buf.readUInt16LE(off + 32);
  const file = buf.toString("utf8", off + 46, off + 46 + nameLen);
  if (file === want) {
    const mode = buf.readUInt32LE(off + 38) >>> 16;
    if (!name.endsWith(".exe") && (mode & 0o111) === 0) { console.error(`${want} is not executable in ${vsix} (mode ${mode.toString(8)})`); process.exit(1); }
    console.error(`package-vscode: ${want}, ${buf.readUInt32LE(off + 24)} bytes, mode ${mode.toString(8)}`);
    process.exit(0);
  }
  off += 46 + nameLen + extra + comment;
}
console.error(`${want} is missing from ${vsix}`); process.exit(1);
' "$vsix" "$exe"

echo "package-vscode: $vsix ($(wc -c <"$vsix" | tr -d ' ') bytes) in $((SECONDS - start)) s" >&2
echo "$vsix"
