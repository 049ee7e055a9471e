# lib.bash — shared by the screen tests (sourced, not a test itself): a
# temporary directory, an imported fixture, tui-drive with cleanup, checks.
set -euo pipefail
T="$POA_TOOLS/tui-drive"
tmp=$(mktemp -d)
# what the interface remembers per file (estado.c) stays inside the test
export XDG_STATE_HOME="$tmp/estado"
sessions=()
cleanup() {
    for s in "${sessions[@]}"; do "$T" stop "$s" >/dev/null 2>&1 || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT

fail() { echo "FALLA: $*" >&2; [ -n "${cur:-}" ] && "$T" screen "$cur" >&2 || true; exit 1; }

# import_fixture NAME.csv -> $tmp/plan.db
import_fixture() {
    "$POA" importar "$tmp/plan.db" "$POA_FIXTURES/$1" >/dev/null || fail "importar $1"
}

# start NAME COLS ROWS: the interface on $tmp/plan.db
start() {
    cur="$1$$"
    sessions+=("$cur")
    "$T" start "$cur" "$2" "$3" -- "$POA" "$tmp/plan.db"
    "$T" wait "$cur" 'F10Salir' 10 >/dev/null || fail "la interfaz no arrancó"
}

screen() { "$T" screen "$cur"; }
keys() { "$T" keys "$cur" "$@"; }
type_text() { "$T" type "$cur" "$1"; }
wait_for() { "$T" wait "$cur" "$1" "${2:-10}" >/dev/null || fail "no apareció «$1»"; }
wait_gone() { "$T" wait-gone "$cur" "$1" "${2:-10}" >/dev/null || fail "no desapareció «$1»"; }
settle() { "$T" settle "$cur" >/dev/null 2>&1 || sleep 0.3; }
has() { screen | grep -qF -- "$1" || fail "falta «$1» en la pantalla"; }
hasnt() { ! screen | grep -qF -- "$1" || fail "sobra «$1» en la pantalla"; }
# wait_until TIMEOUT CMD...: polls CMD (a test on the screen) until it holds
wait_until() {
    local limit=$(( $(date +%s%N) / 1000000 + $1 * 1000 )); shift
    until "$@"; do
        (( $(date +%s%N) / 1000000 < limit )) || fail "no se cumplió: $*"
        sleep 0.05
    done
}
# wait_row_change TEXT BEFORE: the first line with TEXT is no longer BEFORE
wait_row_change() {
    wait_until 10 row_differs "$1" "$2"
}
row_differs() { [ "$(screen | grep -F -- "$1" | head -1)" != "$2" ]; }
# the widest line of the screen, in columns
screen_width() { screen | wc -L; }
# line N of the screen (1-based)
line() { screen | sed -n "${1}p"; }
quit() {
    keys q
    local rc; rc=$("$T" wait-exit "$cur") || true
    [ "$rc" = 0 ] || fail "la salida fue $rc"
}
