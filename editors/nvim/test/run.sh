#!/usr/bin/env bash
# Runs the headless Neovim suites (e2e.lua on the .txt and .md drafts, plugin.lua) in one
# Neovim binary.
#
#   editors/nvim/test/run.sh NVIM SERVER [TESTS]
#
# NVIM is the editor binary; SERVER is the `jiaodui` executable to test (it is put on PATH
# as `jiaodui`, the way users install it); TESTS picks some of e2e-txt, e2e-md, plugin,
# encoding (the GB18030 example draft), missing-enable and missing-setup (no server on
# PATH; default: all of them). Every run gets fresh XDG folders and a fresh copy of the
# fixture project. Exits non-zero when any check fails.
set -uo pipefail
NVIM=$1 SERVER=$2 TESTS=${3:-e2e-txt e2e-md plugin encoding missing-enable missing-setup}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FIXTURES=$HERE/../../test/fixtures

W=$(mktemp -d "${TMPDIR:-/tmp}/jiaodui-nvim.XXXXXX")
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/bin" "$W/outside"
ln -s "$SERVER" "$W/bin/jiaodui"
cp -r "$FIXTURES/project" "$W/project"
cp "$FIXTURES/project/draft.txt" "$W/outside/draft.txt"
GB18030=$HERE/../../../examples/gb18030-社区食堂.txt
cp "$GB18030" "$W/project/gb18030.txt"
cp "$GB18030" "$W/outside/gb18030.txt"
# A PATH of system folders only, so no other jiaodui (e.g. in ~/.cargo/bin) is picked up;
# the tests of a missing server run without $W/bin.
SYSTEM_PATH=/usr/local/bin:/usr/bin:/bin

version=$("$NVIM" --version | head -1)
failed=0
run() { # run NAME SCRIPT ARGS...
  local name=$1 script=$2 start=$SECONDS search=$W/bin:$SYSTEM_PATH; shift 2
  [[ " $TESTS " == *" $name "* ]] || return 0
  [[ $name == missing-* ]] && search=$SYSTEM_PATH
  local state=$W/state-$RANDOM
  mkdir -p "$state"
  if PATH=$search XDG_STATE_HOME=$state/state XDG_DATA_HOME=$state/data \
    XDG_CONFIG_HOME=$state/config XDG_CACHE_HOME=$state/cache \
    timeout 120 "$NVIM" --headless --clean -l "$HERE/$script" "$@" </dev/null; then
    echo "# PASS $version $name ($((SECONDS - start)) s)"
  else
    echo "# FAIL $version $name ($((SECONDS - start)) s); lsp.log:"
    sed 's/^/#   /' "$state"/state/nvim/lsp.log 2>/dev/null | tail -20
    failed=$((failed + 1))
  fi
}
run e2e-txt e2e.lua "$W/project/draft.txt"
run e2e-md e2e.lua "$W/project/draft.md"
run plugin plugin.lua "$W/project/draft.txt" "$W/outside/draft.txt"
run encoding encoding.lua "$W/project/gb18030.txt" "$W/outside/gb18030.txt"
run missing-enable missing.lua enable "$W/project/draft.txt" "$W/project/draft.md"
run missing-setup missing.lua setup "$W/project/draft.txt" "$W/project/draft.md"
exit $((failed > 0))
