#!/usr/bin/env bash
# causa.sh — the cause and corrective measure in the seguimiento form: AO.6.1
# of Comercialización is 31 % rojo without one; `a` types it, it is saved
# (a new session shows it, «¿Quién falta?» counts one fewer without a cause),
# Enter on its line edits it too, and z undoes it.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
printf '[plan]\ncorte = 3\n' >"$tmp/config.ini"
start_cfg() { start_with "$1" "$2" "$3" --config "$tmp/config.ini" "$tmp/plan.db"; }
sin_causa() { "$POA" recoleccion "$tmp/plan.db" --corte 3 --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["totales"]["sin_causa"])'; }
# open_form: the form of AO.6.1 (found by its text)
open_form() {
    keys /
    type_text 'Seguro de Vida Opcional'
    keys Enter
    wait_for 'Actividad AO.6.1 · Comercialización'
    keys s
    wait_for 'Formulario de seguimiento · Corte 3 JUL-SEP (abierto) · Comercialización'
}
CAUSA='Los asegurados prefieren el Seguro Dotal; jornadas de suscripción en octubre'
[ "$(sin_causa)" = 7 ] || fail "sin causa antes: $(sin_causa)"

start_cfg causa 120 40
open_form
check <<'C'
row '% de ejecución' | grep -q '31 %   ●R rojo' || fail "31 % rojo: $(row '% de ejecución')"
C
check <<'C'
row 'Causa y medida correctiva' | grep -q '(falta: se pide en amarillo y rojo)' || fail "sin causa: $(row 'Causa y medida')"
C
has 'Enter o r/o/v/a editan.'
keys a
wait_for 'Causa y medida correctiva JUL-SEP de AO.6.1 (¶ separa párrafos):'
type_text "$CAUSA"
keys Enter
wait_for 'Guardado'
check <<C
row '▶ Causa y medida correctiva' | grep -qF '$CAUSA' || fail "la causa: \$(row 'Causa y medida')"
C
quit
[ "$(sin_causa)" = 6 ] || fail "sin causa después de escribirla: $(sin_causa)"
"$POA" historial "$tmp/plan.db" >"$tmp/hist.txt" || fail "historial"
grep -qF "corte3.causa" "$tmp/hist.txt" || fail "historial: $(cat "$tmp/hist.txt")"

# a new session: the cause is there; Enter on its line offers it to edit
start_cfg causa2 120 40
open_form
check <<C
row 'Causa y medida correctiva' | grep -qF '$CAUSA' || fail "la causa al reabrir: \$(row 'Causa y medida')"
C
keys Down Down Down
check <<'C'
row '▶ Causa y medida correctiva' >/dev/null && [ -n "$(row '▶ Causa y medida correctiva')" ] || fail "la causa no quedó marcada"
C
keys Enter
wait_for 'Causa y medida correctiva JUL-SEP de AO.6.1'
keys Escape
# z: the cause goes back to none
keys z
wait_for 'Deshecho: Seguimiento del corte 3 de la actividad «AO.6.1»'
check <<'C'
row 'Causa y medida correctiva' | grep -q '(falta: se pide en amarillo y rojo)' || fail "tras z: $(row 'Causa y medida')"
C
quit
[ "$(sin_causa)" = 7 ] || fail "sin causa tras deshacer: $(sin_causa)"
