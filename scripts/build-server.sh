#!/usr/bin/env bash
# Builds the release `jiaodui` binary for one platform and packs it for download.
#
#   scripts/build-server.sh TARGET
#
# TARGET is a VS Code platform name: linux-x64, linux-arm64, darwin-x64, darwin-arm64 or
# win32-x64. Each maps to the Rust target the release ships for it: static musl binaries for
# Linux (they run on any distribution, Alpine included), the native targets for macOS, and
# MSVC with the C runtime linked in for Windows (no Visual C++ redistributable needed).
#
# Writes dist/TARGET/jiaodui (jiaodui.exe on Windows), stripped of symbols, and the archive
# users download: dist/jiaodui-RUST_TARGET.tar.gz (.zip on Windows), holding the binary, the
# licences and the notice for the built-in gazetteer's data. Prints the binary's path last.
#
# JIAODUI_RUST_TARGET overrides the Rust target: a triple, or `host` for the machine's own
# target with no --target flag. CI sets `host`: its machine reaches crates.io but not the
# rustup servers, so `rustup target add x86_64-unknown-linux-musl` cannot run there, and a
# host build shares its artefacts with the other release builds of the CI run. The archive is
# then named after the triple actually built, so a dynamically linked glibc build is never
# passed off as the static one. The release workflow leaves it unset.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/build-server.sh TARGET (linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64)}
case $target in
    linux-x64) triple=x86_64-unknown-linux-musl ;;
    linux-arm64) triple=aarch64-unknown-linux-musl ;;
    darwin-x64) triple=x86_64-apple-darwin ;;
    darwin-arm64) triple=aarch64-apple-darwin ;;
    win32-x64) triple=x86_64-pc-windows-msvc ;;
    *) echo "build-server: unknown target $target" >&2; exit 2 ;;
esac
exe=jiaodui
[[ $target == win32-* ]] && exe=jiaodui.exe

host=$(rustc -vV | sed -n 's/^host: //p')
args=(build --release --locked --bin jiaodui)
if [ "${JIAODUI_RUST_TARGET:-}" = host ]; then
    triple=$host
    built=target/release/$exe
else
    triple=${JIAODUI_RUST_TARGET:-$triple}
    args+=(--target "$triple")
    built=target/$triple/release/$exe
    # Each variable applies to this one target, so build scripts and proc macros, which run
    # on the build machine, are compiled as usual.
    upper=$(echo "$triple" | tr 'a-z-' 'A-Z_')
    case $triple in
        *-windows-msvc) export "CARGO_TARGET_${upper}_RUSTFLAGS=-C target-feature=+crt-static" ;;
        *-linux-musl)
            # mimalloc is C: compile it against musl's headers too. `musl-gcc` (musl-tools on
            # Debian and Ubuntu) wraps the native gcc, so it serves the machine's own
            # architecture; another one needs its ARCH-linux-musl-gcc cross compiler. Rust
            # links the result itself, with the musl it ships.
            lower=$(echo "$triple" | tr - _)
            arch=${triple%%-*}
            cc_var=CC_$lower
            if [ -z "${!cc_var:-}" ]; then
                if [ "$arch" = "${host%%-*}" ] && command -v musl-gcc >/dev/null; then
                    export "$cc_var=musl-gcc"
                elif command -v "$arch-linux-musl-gcc" >/dev/null; then
                    export "$cc_var=$arch-linux-musl-gcc"
                else
                    echo "build-server: no C compiler for $triple: install musl-tools (musl-gcc) on an $arch machine" >&2
                    exit 1
                fi
            fi
            ;;
    esac
fi

start=$SECONDS
echo "build-server: cargo ${args[*]}" >&2
cargo "${args[@]}"

out=dist/$target
rm -rf "$out"
mkdir -p "$out"
cp "$built" "$out/$exe"
# The release profile keeps no debug info, but the symbol table is still there; a stripped
# copy is a few megabytes smaller. The build itself is left alone, so other release builds
# of the same checkout reuse it. (MSVC keeps symbols in a separate .pdb already.)
if [[ $target != win32-* ]] && command -v strip >/dev/null; then
    strip "$out/$exe" 2>/dev/null || echo "build-server: strip cannot read a $triple binary here; left as built" >&2
fi
chmod 755 "$out/$exe"

# The archive users download: the binary at the top (so `tar xz -C ~/.local/bin jiaodui`
# installs it), then the licences of the program and of the built-in gazetteer's data.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$out/$exe" LICENSE-MIT LICENSE-APACHE README.md CHANGELOG.md "$stage/"
cp data/NOTICE "$stage/NOTICE-data"
cp data/LICENSE-WTFPL "$stage/LICENSE-WTFPL-data"
rm -f dist/jiaodui-"$triple".*
if [[ $target == win32-* ]]; then
    archive=dist/jiaodui-$triple.zip
    if command -v 7z >/dev/null; then
        (cd "$stage" && 7z a -tzip -bso0 "$OLDPWD/$archive" .)
    else
        (cd "$stage" && zip -q -r "$OLDPWD/$archive" .)
    fi
else
    archive=dist/jiaodui-$triple.tar.gz
    # Binary first, so that extracting only it is quick.
    tar czf "$archive" -C "$stage" "$exe" LICENSE-MIT LICENSE-APACHE README.md CHANGELOG.md NOTICE-data LICENSE-WTFPL-data
fi

size() { wc -c <"$1" | tr -d ' '; }
echo "build-server: $triple in $((SECONDS - start)) s: $out/$exe ($(size "$out/$exe") bytes), $archive ($(size "$archive") bytes)" >&2
if command -v file >/dev/null; then
    echo "build-server: $(file -b "$out/$exe")" >&2
fi
echo "$out/$exe"
