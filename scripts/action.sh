#!/usr/bin/env bash
# The steps of the jiaodui GitHub Action (action.yml). Kept in a script so that
# tests/integrations.rs can run exactly what the Action runs, without GitHub.
#
#   scripts/action.sh install   cargo install jiaodui from the Action's checkout
#   scripts/action.sh check     jiaodui check --format github (and --format sarif when asked)
#
# Inputs come as the environment GitHub gives composite steps: INPUT_PATHS (space separated,
# default "."), INPUT_ARGS, INPUT_SARIF ("true"/"false"), INPUT_SARIF_FILE. JIAODUI_BIN names
# the binary to run (default: jiaodui on PATH). GITHUB_OUTPUT and GITHUB_PATH are used when set.
# The check step exits with jiaodui's status: 0 clean, 1 findings, 2 error.
set -euo pipefail

action_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

install() {
    local root=${CARGO_HOME:-$HOME/.cargo}
    local want
    want=$(sed -n 's/^version = "\(.*\)"/\1/p' "$action_dir/Cargo.toml" | head -n1)
    # A cached install of the same version is reused (e.g. with actions/cache on ~/.cargo/bin).
    if [ -x "$root/bin/jiaodui" ] && "$root/bin/jiaodui" --version | grep -q " $want\b"; then
        echo "jiaodui $want already installed"
    else
        cargo install --locked --path "$action_dir" --root "$root"
    fi
    if [ -n "${GITHUB_PATH:-}" ]; then
        echo "$root/bin" >>"$GITHUB_PATH"
    fi
}

check() {
    local jiaodui=${JIAODUI_BIN:-jiaodui}
    local -a paths args
    read -r -a paths <<<"${INPUT_PATHS:-.}"
    [ ${#paths[@]} -eq 0 ] && paths=(.)
    read -r -a args <<<"${INPUT_ARGS:-}"
    local status=0
    if [ "${INPUT_SARIF:-false}" = true ]; then
        local sarif_file=${INPUT_SARIF_FILE:-jiaodui.sarif}
        # Findings (1) are expected; only an error (2) stops the step here.
        "$jiaodui" check --format sarif "${args[@]}" "${paths[@]}" >"$sarif_file" || status=$?
        if [ "$status" -ge 2 ]; then
            echo "::error title=jiaodui::jiaodui check failed with exit status $status"
            exit "$status"
        fi
        status=0
    fi
    "$jiaodui" check --format github "${args[@]}" "${paths[@]}" || status=$?
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
        echo "exit-code=$status" >>"$GITHUB_OUTPUT"
    fi
    exit "$status"
}

case "${1:-}" in
install) install ;;
check) check ;;
*)
    echo "usage: scripts/action.sh install|check" >&2
    exit 2
    ;;
esac
