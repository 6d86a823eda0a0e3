#!/usr/bin/env bash
# Runs the VS Code suites in code-server (the real VS Code workbench and extension host):
# builds and packages the extension, installs the .vsix into a fresh code-server, runs the
# browser smoke test (ui-smoke.js) and the extension-host tests (exthost/index.js).
#
#   editors/vscode/test/run.sh CODE_SERVER SERVER [ARTEFACTS]
#
# CODE_SERVER is the code-server executable, SERVER the `jiaodui` executable (written into
# the jiaodui.path setting), ARTEFACTS the folder for screenshots and logs (default
# editors/vscode/test-results). JIAODUI_VSCODE_SUITES picks "ui-smoke", "exthost" or both
# (the default). Exits non-zero when anything fails.
#
# JIAODUI_VSIX=FILE tests a platform .vsix (scripts/package-vscode.sh) as a reporter gets
# it: FILE is installed instead of a fresh build, jiaodui.path stays empty and code-server
# runs with no jiaodui on PATH, so the extension must run the server it carries. The
# extension-host tests then load the installed copy and check which server runs; SERVER
# only serves to check that an explicit jiaodui.path wins over the bundled server.
set -uo pipefail
CS=$1 SERVER=$2
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EXT=$(dirname "$HERE")
FIXTURES=$EXT/../test/fixtures
ART=${3:-$EXT/test-results}
mkdir -p "$ART"
ART=$(cd "$ART" && pwd)

# 1. Build and package the extension (npm ci only when the lock file changed) and run the
# unit tests. With JIAODUI_VSCODE_REUSE_BUILD=1 an existing jiaodui.vsix is used as it is.
start=$SECONDS
VSIX=${JIAODUI_VSIX:-}
if [ -n "$VSIX" ]; then
  VSIX=$(cd "$(dirname "$VSIX")" && pwd)/$(basename "$VSIX")
  [ -f "$VSIX" ] || { echo "# FAIL vscode: no .vsix at $VSIX"; exit 1; }
  echo "# vscode: testing the packaged $VSIX ($(du -k "$VSIX" | cut -f1) KB)"
else
  VSIX=$EXT/jiaodui.vsix
  [ "${JIAODUI_VSCODE_REUSE_BUILD:-0}" = 1 ] && [ -f "$VSIX" ] || (
    cd "$EXT" || exit 1
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error || exit 1
    fi
    npm run -s test:unit >"$ART/unit.log" 2>&1 || { cat "$ART/unit.log"; echo "# FAIL vscode: unit tests"; exit 1; }
    grep -E '^# (pass|fail)' "$ART/unit.log" | tr '\n' ' ' | sed 's/^/# vscode unit tests: /; s/ $/\n/'
    npm run -s package >"$ART/package.log" 2>&1 || { cat "$ART/package.log"; exit 1; }
  ) || { echo "# FAIL vscode: building the extension"; exit 1; }
  echo "# vscode: extension built and packaged in $((SECONDS - start)) s ($(du -k "$VSIX" | cut -f1) KB)"
fi

# 2. A fresh code-server on a free loopback port, all of its state inside $D.
D=$(mktemp -d "${TMPDIR:-/tmp}/jiaodui-vscode.XXXXXX")
WS=$D/ws
cp -r "$FIXTURES/project" "$WS"
cp "$EXT/../../examples/gb18030-社区食堂.txt" "$WS/gb18030.txt"
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" >"$D/config.yaml"
mkdir -p "$D/user/User" "$D/home"
cat >"$D/user/User/settings.json" <<JSON
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "chat.commandCenter.enabled": false,
  "window.commandCenter": false$([ -n "${JIAODUI_VSIX:-}" ] || printf ',\n  "jiaodui.path": "%s"' "$SERVER")
}
JSON
export HOME=$D/home XDG_CONFIG_HOME=$D/home/.config XDG_CACHE_HOME=$D/home/.cache XDG_DATA_HOME=$D/home/.local/share
if [ -n "${JIAODUI_VSIX:-}" ]; then
  # Node and the system folders only: the bundled server is the only one to be found.
  PATH=$(dirname "$(command -v node)"):/usr/local/bin:/usr/bin:/bin
  if command -v jiaodui >/dev/null; then
    echo "# FAIL vscode: $(command -v jiaodui) is on PATH, so the bundled server cannot be told apart"; exit 1
  fi
  export JIAODUI_EXPECT_SOURCE=bundled JIAODUI_ALT_SERVER=$SERVER
else
  export JIAODUI_EXPECT_SOURCE=setting
fi
A=(--config "$D/config.yaml" --user-data-dir "$D/user" --extensions-dir "$D/ext")
PGID=
cleanup() {
  [ -n "$PGID" ] && kill -- -"$PGID" 2>/dev/null
  sleep 1
  [ -n "$PGID" ] && kill -9 -- -"$PGID" 2>/dev/null
  # Keep the extension-host log with the artefacts, then drop everything else.
  rm -rf "$ART/logs"
  cp -r "$D/user/logs" "$ART/logs" 2>/dev/null
  cp "$D/cs.log" "$ART/code-server.log" 2>/dev/null
  rm -rf "$D"
}
trap cleanup EXIT

"$CS" "${A[@]}" --install-extension "$VSIX" >"$D/install.log" 2>&1 ||
  { cat "$D/install.log"; echo "# FAIL vscode: installing the .vsix"; exit 1; }
# setsid + a group kill: code-server keeps extension hosts and file watchers for a 3 h
# reconnection grace period, so killing its pid alone leaves orphans.
JIAODUI_TEST_RESULTS=$D/results.txt setsid "$CS" "${A[@]}" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$WS" >"$D/cs.log" 2>&1 &
PGID=$!
for _ in $(seq 300); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
BASE=http://127.0.0.1:$PORT
version=$("$CS" --config "$D/config.yaml" --version | head -1)
echo "# vscode: code-server $version on $BASE"

SUITES=${JIAODUI_VSCODE_SUITES:-ui-smoke exthost}
failed=0
start=$SECONDS
if [[ " $SUITES " != *" ui-smoke "* ]]; then
  :
elif timeout 180 node "$HERE/ui-smoke.js" "$BASE" "$WS" "$ART"; then
  echo "# PASS vscode ui-smoke ($((SECONDS - start)) s)"
else
  echo "# FAIL vscode ui-smoke ($((SECONDS - start)) s)"
  failed=$((failed + 1))
fi

[[ " $SUITES " == *" exthost "* ]] || exit $((failed > 0))
start=$SECONDS
: >"$D/results.txt"
# The extension the tests load: the source folder, or for a platform .vsix the copy that
# code-server unpacked from it, so that what runs is exactly what the .vsix holds.
DEV=$EXT
if [ -n "${JIAODUI_VSIX:-}" ]; then
  for DEV in "$D"/ext/jiaodui.jiaodui-*; do break; done
  echo "# vscode: extension-host tests on the installed $(basename "$DEV"), which holds:" "$DEV"/server/*
fi
timeout 240 node "$HERE/run-exthost.js" "$BASE" "$WS" "$HERE/exthost/index.js" "$DEV"
rc=$?
cat "$D/results.txt"
if [ $rc = 0 ] && grep -q '^# vscode .*: [0-9]* passed, 0 failed, 0 not run' "$D/results.txt"; then
  echo "# PASS vscode exthost ($((SECONDS - start)) s)"
else
  echo "# FAIL vscode exthost ($((SECONDS - start)) s)"
  failed=$((failed + 1))
fi
exit $((failed > 0))
