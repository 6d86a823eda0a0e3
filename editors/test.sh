#!/usr/bin/env bash
# The editor test suites: jiaodui in real Neovim (0.11.4 and 0.10) and real VS Code
# (code-server 4.100.3), against the server built from this checkout. `cargo test` stays the
# Rust tests; this is the separate command CI runs after it.
#
#   editors/test.sh [--only nvim|vscode] [--no-negative] [--vsix FILE]
#
# 1. installs the editors (editors/install-editors.sh; cached, so only the first run is slow),
# 2. builds the server (`cargo build`), unless JIAODUI_BIN names one,
# 3. runs the Neovim suites in both versions and the VS Code suites,
# 4. runs the negative checks: with a broken server path and with a server that never sends a
#    diagnostic, the same suites must fail, and for the expected reason. This keeps the suites
#    from passing vacuously. --no-negative (or JIAODUI_EDITOR_NEGATIVE=0) leaves them out.
# With --vsix FILE, the VS Code suites also run on that platform .vsix
# (scripts/package-vscode.sh) as a reporter installs it: no jiaodui.path, no jiaodui on PATH,
# only the server inside the .vsix.
#
# Screenshots and logs go to $JIAODUI_EDITOR_ARTEFACTS (default editors/test-results/).
# Exits 0 only when every leg passed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=${JIAODUI_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/jiaodui-tools}
ART=${JIAODUI_EDITOR_ARTEFACTS:-$ROOT/editors/test-results}
ONLY=
VSIX=
NEGATIVE=${JIAODUI_EDITOR_NEGATIVE:-1}
while [ $# -gt 0 ]; do
  case $1 in
    --only) ONLY=$2; shift 2 ;;
    --no-negative) NEGATIVE=0; shift ;;
    --vsix) VSIX=$(readlink -f "$2"); shift 2 ;;
    -h | --help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "editors/test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
want() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }

NVIM_011=$TOOLS/nvim-0.11.4/bin/nvim
NVIM_010=$TOOLS/nvim-0.10/nvim
CODE_SERVER=$TOOLS/code-server-4.100.3/node_modules/.bin/code-server
total=$SECONDS
declare -a SUMMARY=()
failures=0
record() { # record PASS|FAIL NAME SECONDS
  SUMMARY+=("$(printf '%-4s %-46s %4s s' "$1" "$2" "$3")")
  [ "$1" = PASS ] || failures=$((failures + 1))
}

# 1. Editors.
start=$SECONDS
if bash "$ROOT/editors/install-editors.sh"; then
  record PASS "install editors" $((SECONDS - start))
else
  record FAIL "install editors" $((SECONDS - start))
  printf '%s\n' "${SUMMARY[@]}"
  exit 1
fi

# 2. The server.
start=$SECONDS
if [ -n "${JIAODUI_BIN:-}" ]; then
  BIN=$JIAODUI_BIN
else
  (cd "$ROOT" && cargo build --locked --bin jiaodui) || { record FAIL "cargo build" $((SECONDS - start)); printf '%s\n' "${SUMMARY[@]}"; exit 1; }
  target=${CARGO_TARGET_DIR:-$ROOT/target}
  case $target in /*) ;; *) target=$ROOT/$target ;; esac
  BIN=$target/debug/jiaodui
fi
BIN=$(readlink -f "$BIN")
record PASS "server: $BIN" $((SECONDS - start))
echo "# editors/test.sh: server $BIN ($("$BIN" --version 2>/dev/null || echo 'no --version'))"

# 3. The suites against the real server.
leg() { # leg NAME COMMAND...
  local name=$1 start=$SECONDS; shift
  echo "# ---- $name"
  if "$@"; then record PASS "$name" $((SECONDS - start)); else record FAIL "$name" $((SECONDS - start)); fi
}
if want nvim; then
  leg "nvim 0.11.4" bash "$ROOT/editors/nvim/test/run.sh" "$NVIM_011" "$BIN"
  leg "nvim 0.10" bash "$ROOT/editors/nvim/test/run.sh" "$NVIM_010" "$BIN"
fi
if want vscode; then
  leg "vscode (code-server 4.100.3)" bash "$ROOT/editors/vscode/test/run.sh" "$CODE_SERVER" "$BIN" "$ART"
  if [ -n "$VSIX" ]; then
    leg "vscode, $(basename "$VSIX"), nothing on PATH" env JIAODUI_VSIX="$VSIX" \
      bash "$ROOT/editors/vscode/test/run.sh" "$CODE_SERVER" "$BIN" "$ART/packaged"
  fi
fi

# 4. Negative checks: each suite must fail, and for the expected reason.
expect_failure() { # expect_failure NAME PATTERNS COMMAND...: passes when COMMAND fails and prints
  # every one of PATTERNS (extended regexps, one per line)
  local name=$1 patterns=$2 start=$SECONDS out pattern ok=1; shift 2
  echo "# ---- negative: $name"
  out=$("$@" 2>&1)
  local rc=$?
  printf '%s\n' "$out" | grep -E '^(not ok|# (PASS|FAIL))' | sed 's/^/#   /'
  [ $rc != 0 ] || ok=0
  while IFS= read -r pattern; do
    printf '%s\n' "$out" | grep -Eq "$pattern" || { ok=0; echo "# missing: /$pattern/"; }
  done <<<"$patterns"
  if [ $ok = 1 ]; then
    record PASS "negative: $name" $((SECONDS - start))
  else
    printf '%s\n' "$out" | tail -30
    echo "# expected a failure (exit $rc) printing every pattern above"
    record FAIL "negative: $name" $((SECONDS - start))
  fi
}
if [ "$NEGATIVE" != 0 ]; then
  neg=$(mktemp -d "${TMPDIR:-/tmp}/jiaodui-negative.XXXXXX")
  trap 'rm -rf "$neg"' EXIT
  BROKEN=$neg/missing/jiaodui # does not exist
  SILENT=$neg/silent/jiaodui
  mkdir -p "$(dirname "$SILENT")"
  printf '#!/bin/sh\nexec node "%s" "$@" --silent\n' "$ROOT/editors/test/stub-server.js" >"$SILENT"
  chmod +x "$SILENT"
  export JIAODUI_TEST_TIMEOUT_MS=4000
  # The positive leg built the .vsix from this checkout (or the build failure is reported there).
  [ -f "$ROOT/editors/vscode/jiaodui.vsix" ] && export JIAODUI_VSCODE_REUSE_BUILD=1
  if want nvim; then
    for nv in "0.11.4:$NVIM_011" "0.10:$NVIM_010"; do
      expect_failure "nvim ${nv%%:*}, broken server path" 'not ok - .*client attached' \
        bash "$ROOT/editors/nvim/test/run.sh" "${nv#*:}" "$BROKEN" e2e-txt
      expect_failure "nvim ${nv%%:*}, server sends no diagnostics" 'not ok - .*three punct/halfwidth diagnostics arrive' \
        bash "$ROOT/editors/nvim/test/run.sh" "${nv#*:}" "$SILENT" e2e-txt
    done
  fi
  if want vscode; then
    expect_failure "vscode, broken server path" $'not ok - the extension activates\njiaodui.path 为“.*”，但 .* 不是可执行文件\nstate.*missing' \
      env JIAODUI_VSCODE_SUITES=exthost bash "$ROOT/editors/vscode/test/run.sh" "$CODE_SERVER" "$BROKEN" "$neg/art"
    expect_failure "vscode, server sends no diagnostics" 'not ok - exactly three punct/halfwidth diagnostics' \
      env JIAODUI_VSCODE_SUITES=exthost bash "$ROOT/editors/vscode/test/run.sh" "$CODE_SERVER" "$SILENT" "$neg/art"
  fi
fi

echo "# ==== editor tests ($((SECONDS - total)) s)"
printf '%s\n' "${SUMMARY[@]}"
echo "editor tests: $((${#SUMMARY[@]} - failures)) passed, $failures failed"
exit $((failures > 0))
