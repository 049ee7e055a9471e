# lib.bash — shared by the scripted screen tests (sourced, not a test itself):
# the same helpers as tests/screen/lib.bash, but each session is one run of
# poa with POA_GUION: keys are written to a script, every check records a
# screen dump (:pantalla) and is evaluated against it after the run.
set -euo pipefail
tmp=$(mktemp -d)
# what the interface remembers per file (estado.c) stays inside the test;
# each session starts afresh unless the test sets recordar=1 (recordar.sh)
export XDG_STATE_HOME="$tmp/estado"
recordar=0
trap 'rm -rf "$tmp"' EXIT
nshot=0
cur_shot=
cur_line=
checks=()      # "FILE|LINE|CODE", in order
guion_env=()   # VAR=VALUE for the session (LC_ALL=C, NO_COLOR=1…)

fail() {
    echo "FALLA${cur_line:+ (línea $cur_line de $(basename "$0"))}: $*" >&2
    if [ -n "$cur_shot" ] && [ -f "$cur_shot" ]; then
        echo "--- pantalla ---" >&2
        cat "$cur_shot" >&2
    fi
    exit 1
}

import_fixture() {
    "$POA" importar "$tmp/plan.db" "$POA_FIXTURES/$1" >/dev/null || fail "importar $1"
}

# start NAME COLS ROWS: a session on $tmp/plan.db; start_with NAME COLS ROWS
# ARGS…: with poa's arguments given (--config …). Nothing runs until quit.
start() { start_with "$1" "$2" "$3" "$tmp/plan.db"; }
start_with() {
    guion="$tmp/$1.guion"
    guion_size="$2x$3"
    shift 3
    guion_args=("$@")
    : >"$guion"
    checks=()
    has 'F10Salir'
}

keys() { local k; for k in "$@"; do printf '%s\n' "$k" >>"$guion"; done; }
type_text() { printf ':texto %s\n' "$1" >>"$guion"; }
# resize COLS ROWS: as the terminal would (resizeterm + KEY_RESIZE)
resize() { printf ':tamano %s %s\n' "$1" "$2" >>"$guion"; }
# nothing to wait for: every key is processed before the next is read
settle() { :; }

# shot VAR: the screen at this point of the script goes to a file whose
# name is put in VAR (readable after the session ended)
shot() {
    nshot=$((nshot + 1))
    printf -v "$1" '%s' "$tmp/pantalla$nshot.txt"
    printf ':pantalla %s\n' "$tmp/pantalla$nshot.txt" >>"$guion"
}
# check CODE: CODE (a string, evaluated after the session) holds on the
# screen at this point; inside it `screen`, `line N`, `row TEXT` read it
# (or the code from stdin: check <<'C' … C)
check() {
    local f code
    if [ $# -gt 0 ]; then code=$1; else code=$(cat); fi
    shot f
    checks+=("$f|${BASH_LINENO[-2]}|$code")
}
has() { check "_has $(printf '%q' "$1") falta"; }
hasnt() { check "_hasnt $(printf '%q' "$1") sobra"; }
wait_for() { check "_has $(printf '%q' "$1") 'no apareció'"; }
wait_gone() { check "_hasnt $(printf '%q' "$1") 'no desapareció'"; }
_has() { grep -qF -- "$1" "$cur_shot" || fail "$2 «$1» en la pantalla"; }
_hasnt() { ! grep -qF -- "$1" "$cur_shot" || fail "$2 «$1» en la pantalla"; }

screen() {
    [ -n "$cur_shot" ] || { echo "screen: solo dentro de check '…'" >&2; exit 1; }
    cat "$cur_shot"
}
line() { screen | sed -n "${1}p"; }
screen_width() { screen | wc -L; }
row() { screen | grep -F -- "$1" | head -1; }
# row_in FILE TEXT: the first line with TEXT in a dump taken with shot
row_in() { grep -F -- "$2" "$1" | head -1; }

# run the session; its exit code must be RC (end RC), or 0 after q (quit)
quit() { keys q; end 0; }
end() {
    local rc=0
    # timeout: a bug, not waiting (a scripted session never waits for time)
    [ "$recordar" = 1 ] || rm -rf "$XDG_STATE_HOME"
    (cd "$tmp" && timeout 60 env "${guion_env[@]}" POA_GUION="$guion" POA_GUION_TAMANO="$guion_size" \
        "$POA" "${guion_args[@]}" >"$tmp/final.txt" 2>"$tmp/err.txt") || rc=$?
    local c
    for c in "${checks[@]}"; do
        cur_shot=${c%%|*}
        c=${c#*|}
        cur_line=${c%%|*}
        [ -f "$cur_shot" ] || fail "el guion no llegó aquí (salida $rc: $(cat "$tmp/err.txt"))"
        eval "${c#*|}"
    done
    cur_shot= cur_line=
    [ "$rc" = "$1" ] || fail "la salida fue $rc, no $1: $(cat "$tmp/err.txt")"
}
