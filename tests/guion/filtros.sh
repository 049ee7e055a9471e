#!/usr/bin/env bash
# filtros.sh — f filters by seguimiento state at the corte, as calc_actividad
# judges it (the export's semáforo and estado columns, verificar's «sin
# reporte»): in the plan's tree (rojo, sin reporte, no vencida; the title and
# the status say so; Esc takes it off; another corte judges again) and in the
# unit table (Esc takes the filter off before going back).
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
"$POA" exportar "$tmp/plan.db" --csv "$tmp/c.csv" --corte 3 >/dev/null || fail "exportar"
"$POA" exportar "$tmp/plan.db" --csv "$tmp/c2.csv" --corte 2 >/dev/null || fail "exportar 2"
# count FILE COLUMN VALUE [UNIT]: actividades of the export with that value
count() {
    /usr/bin/python3 - "$@" <<'PY'
import csv, sys
f, col, val = sys.argv[1:4]
uni = sys.argv[4] if len(sys.argv) > 4 else None
print(sum(1 for r in csv.DictReader(open(f, encoding="utf-8"))
          if r[col] == val and (uni is None or r["unidad"] == uni)))
PY
}
rojo=$(count "$tmp/c.csv" semaforo rojo)
sinrep=$(count "$tmp/c.csv" estado "sin reporte")
novenc=$(count "$tmp/c.csv" estado "no vencida")
rojo2=$(count "$tmp/c2.csv" semaforo rojo)
pdi="Planificación y Desarrollo Institucional"
rojo_pdi=$(count "$tmp/c.csv" semaforo rojo "$pdi")
sinrep_pdi=$(count "$tmp/c.csv" estado "sin reporte" "$pdi")
[ "$rojo" -gt 0 ] && [ "$sinrep" -gt 0 ] && [ "$rojo" != "$sinrep" ] || fail "el ejemplo no sirve: rojo $rojo, sin reporte $sinrep"
# activity rows of the tree: "├─  CODE" (summary rows carry ▾ ▸ or ─)
acts_on_screen() { screen | grep -cE '[├└]─  [A-Z0-9]' || true; }

start plan 200 60
keys f
wait_for 'Filtrar por estado al corte 3'
has "Rojo ($rojo)"
has "Sin reporte ($sinrep)"
has "No vencida ($novenc)"
keys Down Enter
wait_for "Estado rojo al corte 3: $rojo actividades (Esc quita el filtro)"
has 'Unidad: todas · Estado: rojo · Corte 3'
check "[ \"\$(acts_on_screen)\" = $rojo ] || fail \"filas: \$(acts_on_screen), no $rojo\""
# a verde one is not there: AO.3.1 of Logística y Activos is at 100 %
hasnt 'AO.3.1 Actualizar el diagnóstico'
# sin reporte: verificar's list
keys f
wait_for 'Filtrar por estado al corte 3'
type_text 'sin rep'
keys Enter
wait_for "Estado sin reporte al corte 3: $sinrep actividades"
check "[ \"\$(acts_on_screen)\" = $sinrep ] || fail \"filas: \$(acts_on_screen), no $sinrep\""
has 'AO.6.11'
has 'AO.4.1'
# Esc takes it off, as the other filters
keys Escape
wait_for 'Sin filtros'
hasnt 'Estado:'
check "[ \"\$(acts_on_screen)\" -gt $rojo ] || fail 'el filtro sigue'"
# rojo again, then corte 2 (on the board): the tree is judged again
keys f Down Enter
wait_for "Estado rojo al corte 3: $rojo actividades"
keys b c
wait_for 'Corte (trimestre acumulado)'
keys Up Enter
wait_for 'Tablero · Corte 2'
keys Escape
wait_for 'Estado: rojo · Corte 2'
# (at corte 2 nearly everything is due and unreported: more rows than fit)
check "[ \"\$(acts_on_screen)\" -gt $rojo ] || fail \"corte 2: \$(acts_on_screen) filas\""
keys f
wait_for 'Filtrar por estado al corte 2'
has "Rojo ($rojo2)"
keys Escape
quit

# the unit table (at corte 3: what the first session remembered is dropped)
rm -rf "$XDG_STATE_HOME"
start tabla 160 50
keys S
wait_for 'Tabla de seguimiento de la unidad'
type_text 'Planificación y'
keys Enter
wait_for "Seguimiento · Corte 3 JUL-SEP (abierto) · $pdi"
keys f
wait_for 'Filtrar por estado al corte 3'
has "Rojo ($rojo_pdi)"
keys Down Enter
wait_for "$pdi: $rojo_pdi actividades en estado rojo al corte 3 · Esc quita el filtro"
has '· Estado: rojo'
check "[ \"\$(screen | grep -cE '^AO\.')\" = $rojo_pdi ] || fail \"filas: \$(screen | grep -cE '^AO\.')\""
keys f
type_text 'sin rep'
keys Enter
wait_for "$pdi: $sinrep_pdi actividades en estado sin reporte"
check "[ \"\$(screen | grep -cE '^AO\.')\" = $sinrep_pdi ] || fail \"filas: \$(screen | grep -cE '^AO\.')\""
# Esc: the filter first, the screen stays; Esc again goes back
keys Escape
wait_for "$pdi: 15 actividades · Enter edita"
hasnt '· Estado:'
has 'Seguimiento · Corte 3'
keys Escape
wait_for 'Plan (árbol)'
quit
