#!/usr/bin/env bash
# deshacer.sh — z undoes the last edits one by one on every screen: an
# accented text, a month cell and a real in the seguimiento form are undone
# and the screen shows the old values; the import before them is refused
# with its name; after quitting, `poa exportar --csv` equals the export
# from before the session and `poa historial` shows the undone actions.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
"$POA" exportar "$tmp/plan.db" --csv "$tmp/antes.csv" --corte 1 >/dev/null || fail "exportar antes"
start deshacer 120 40

# the text of actividad 1.1, with accents
keys Down Down Down Down
wait_for 'Actividad 1.1'
shot before_f
keys e
wait_for 'Texto:'
keys C-u
type_text 'Gestión de año ñandú'
keys Enter
wait_for 'Guardado'
has '1.1 Gestión de año ñandú'
# a month: the first cell of 1.1 is empty; Space marks it (the status
# already says «Guardado» from the text: wait for the row itself)
keys Tab
wait_for '· Ene: '
shot month_f
keys Space
check <<'C'
[ "$(row '1.1 Gestión')" != "$(row_in "$month_f" '1.1 Gestión')" ] || fail "la fila no cambió: $(row '1.1 Gestión')"
before=$(row_in "$before_f" '1.1 Alianza')
[ "$(row '1.1 Gestión')" != "$(sed 's/Alianza estratégica con el MINERD para captar nuevos afil…/Gestión de año ñandú                                      /' <<<"$before")" ] \
    || fail "el mes no cambió: $(row '1.1 Gestión')"
C
# a real in the seguimiento form (corte 1)
keys Tab s
wait_for 'Formulario de seguimiento · Corte 1'
keys Enter
wait_for 'Real acumulado EN-MAR de 1.1'
keys C-u
type_text '7'
keys Enter
wait_for 'Guardado. 1.1: '

# undo, newest first: the real, in the form itself
keys z
wait_for 'Deshecho: Seguimiento del corte 1 de la actividad «1.1»'
check <<'C'
row '▶ Real acumulado EN-MAR' | grep -q '(sin reporte)' || fail "real: $(row 'Real acumulado EN-MAR')"
C
has 'sin reporte · Sin reporte al corte'
# the month, on the plan
keys Escape
wait_for 'Plan (árbol)'
keys z
wait_for 'Deshecho: Cronograma de actividad «1.1 Gestión de año ñandú»'
# the text
keys z
wait_for 'Deshecho: Editar actividad «1.1 Gestión de año ñandú»'
hasnt '─  1.1 Gestión'
check <<'C'
before=$(row_in "$before_f" '1.1 Alianza')
[ "$(row '1.1 Alianza')" = "$before" ] || fail "la fila no volvió: $(row '1.1 Alianza') / $before"
C
# the import cannot be undone: said, nothing changes
keys z
wait_for 'La última acción (importar: 172 actividades nuevas'
has 'no se puede deshacer'
quit

"$POA" exportar "$tmp/plan.db" --csv "$tmp/despues.csv" --corte 1 >/dev/null || fail "exportar después"
cmp -s "$tmp/antes.csv" "$tmp/despues.csv" || fail "el CSV cambió: $(diff "$tmp/antes.csv" "$tmp/despues.csv" | head -5)"
"$POA" historial "$tmp/plan.db" >"$tmp/h.txt" || fail "historial"
grep -qF 'Deshacer: Editar actividad «1.1 Gestión de año ñandú»' "$tmp/h.txt" || fail "historial: $(head "$tmp/h.txt")"
[ "$(grep -c '(deshecho)' "$tmp/h.txt")" = 3 ] || fail "3 deshechas: $(cat "$tmp/h.txt")"
echo "deshacer: ok"
