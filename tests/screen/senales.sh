#!/usr/bin/env bash
# senales.sh — SIGTERM, SIGHUP, SIGINT (Ctrl-C) and SIGQUIT end the interface
# cleanly: the normal screen is back, the cursor visible, the exit status is
# 128+signal, and an edit confirmed before the signal is in the file. An edit
# still open in the line editor is discarded, never half saved. A crash
# restores the terminal too.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv

# The interface runs under a shell that stays after it (so the terminal's
# modes are read from a live pane) and prints its exit status; the shell
# writes poa's pid before exec'ing it, so the signal reaches poa itself. The
# outer shell traps SIGINT (Ctrl-C reaches the whole foreground group) so it
# survives to print; a trapped signal is back to default in its children.
start_wrapped() {
    cur="$1$$"
    sessions+=("$cur")
    "$T" start "$cur" 100 30 -- \
        "trap true INT; sh -c 'echo \$\$ > $tmp/pid; exec \"$POA\" \"$tmp/plan.db\"'; echo salida=\$?; exec sleep 60"
    "$T" wait "$cur" 'F10Salir' 10 >/dev/null || fail "la interfaz no arrancó"
}

n=0
for sig in TERM HUP INT QUIT; do
    n=$((n + 1))
    start_wrapped "sig$sig"
    [ "$("$T" modes "$cur")" = "alternate=1 cursor=0" ] || fail "la interfaz no usa la pantalla alterna"
    if [ "$n" -gt 1 ]; then
        # the session the previous signal ended remembered its row (estado.c)
        wait_for 'Actividad 1.2'
        keys g
    fi
    # confirm one edit (the text of activity 1.1), then open another and leave it open
    keys Down Down Down Down
    wait_for 'Actividad 1.1'
    keys F2
    wait_for 'Texto:'
    keys C-u
    type_text "Texto guardado antes de SIG$sig"
    keys Enter
    wait_for 'Guardado'
    keys Down F2
    wait_for 'Texto:'
    type_text " A MEDIO ESCRIBIR"
    wait_for 'A MEDIO ESCRIBIR'
    if [ "$sig" = INT ]; then
        keys C-c               # Ctrl-C from the keyboard: the terminal sends SIGINT
    else
        kill -s "$sig" "$(cat "$tmp/pid")"
    fi
    want=$((128 + $(kill -l "$sig")))
    wait_for "salida=" 10
    has "salida=$want"
    m=$("$T" modes "$cur")
    [ "$m" = "alternate=0 cursor=1" ] || fail "SIG$sig: terminal sin restaurar: $m"
    "$T" stop "$cur"
    "$POA" exportar "$tmp/plan.db" --csv "$tmp/out$n.csv" >/dev/null || fail "exportar tras SIG$sig"
    grep -qF "Texto guardado antes de SIG$sig" "$tmp/out$n.csv" || fail "SIG$sig: se perdió la edición confirmada"
    ! grep -qF "A MEDIO ESCRIBIR" "$tmp/out$n.csv" || fail "SIG$sig: se guardó una edición sin confirmar"
    [ ! -e "$tmp/plan.db-journal" ] || fail "SIG$sig: quedó un diario"
done
# A crash (here SIGABRT and SIGSEGV sent from outside) restores the terminal
# before the default action (or the sanitizer's report) ends the program.
for sig in ABRT SEGV; do
    start_wrapped "crash$sig"
    kill -s "$sig" "$(cat "$tmp/pid")"
    wait_for "salida=" 20
    screen | grep -q 'salida=0$' && fail "SIG$sig: salida 0"
    m=$("$T" modes "$cur")
    [ "$m" = "alternate=0 cursor=1" ] || fail "SIG$sig: terminal sin restaurar: $m"
    "$T" stop "$cur"
    "$POA" resumen "$tmp/plan.db" >/dev/null || fail "SIG$sig: el plan no abre después"
done
echo "6 passed, 0 failed"
