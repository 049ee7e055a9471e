#!/usr/bin/env bash
# rama_eje_deshacer.sh — an eje cut (X) and pasted (V) at the end of the
# plan is a move like any other: z puts it back in its place among the ejes
# (the screen and `poa exportar --csv` as before), Ctrl-R moves it again.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
"$POA" exportar "$tmp/plan.db" --csv "$tmp/antes.csv" >/dev/null || fail "exportar antes"
start rama_eje 120 40
keys '*'
wait_for '├─▸ Finanzas (3)'
check <<'C'
line 5 | grep -qF '├─▸ Finanzas (3)' || fail "Finanzas no es el segundo eje: $(line 5)"
C
keys Down X G V
wait_for 'Movido: eje «Finanzas» (con 43 actividades)'
check <<'C'
line 5 | grep -qF '├─▸ (sin eje) · (objetivo sin texto) (1)' || fail "no se movió: $(line 5)"
C
keys z
wait_for 'Deshecho: Mover eje «Finanzas» (con 43 actividades)'
check <<'C'
line 5 | grep -qF '├─▸ Finanzas (3)' || fail "z no lo devolvió: $(line 5)"
C
quit
"$POA" exportar "$tmp/plan.db" --csv "$tmp/despues.csv" >/dev/null || fail "exportar después"
cmp -s "$tmp/antes.csv" "$tmp/despues.csv" || fail "el plan no quedó como antes: $(diff "$tmp/antes.csv" "$tmp/despues.csv" | head -5)"
# redo after reopening: the eje goes to the end again
start rama_eje_rehacer 120 40
keys '*' C-r
wait_for 'Rehecho: Mover eje «Finanzas» (con 43 actividades)'
check <<'C'
line 5 | grep -qF '├─▸ (sin eje) · (objetivo sin texto) (1)' || fail "Ctrl-R no lo movió: $(line 5)"
C
quit
