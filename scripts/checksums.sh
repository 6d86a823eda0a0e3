#!/usr/bin/env bash
# Writes DIR/SHA256SUMS (default dist/) for the release assets in DIR: the server archives
# and the .vsix files that scripts/build-server.sh and scripts/package-vscode.sh write. The
# file is in the format `sha256sum -c SHA256SUMS` (or `shasum -a 256 -c`) checks, and is
# checked once here before anything is published.
set -euo pipefail
dir=${1:-dist}
cd "$dir"
shopt -s nullglob
assets=(jiaodui-*.tar.gz jiaodui-*.zip jiaodui-*.vsix)
if [ ${#assets[@]} = 0 ]; then
    echo "checksums: no release assets (jiaodui-*.tar.gz, .zip, .vsix) in $dir" >&2
    exit 1
fi
if command -v sha256sum >/dev/null; then
    sum=(sha256sum)
else
    sum=(shasum -a 256)
fi
"${sum[@]}" "${assets[@]}" >SHA256SUMS
"${sum[@]}" -c --quiet SHA256SUMS
echo "checksums: $dir/SHA256SUMS, ${#assets[@]} files" >&2
cat SHA256SUMS
