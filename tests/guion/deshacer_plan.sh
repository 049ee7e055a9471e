#!/usr/bin/env bash
# deshacer_plan.sh — the plan's own actions are undone and redone like any
# other (row images): a year copied with `poa nuevo-anio` is removed by z in
# the plan it was copied from and comes back with Ctrl-R; a unit added in
# the units screen (U) goes away with z; the plan's data (P) too.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
db="$tmp/plan.db"
"$POA" nuevo-anio "$db" 2025 >/dev/null || fail "nuevo-anio"
[ "$(sqlite3 "$db" 'SELECT count(*) FROM plan')" = 2 ] || fail "no hay dos planes"
start_with deshacer_anio 120 40 "$db" --anio 2024
keys z
wait_for 'Deshecho: Nuevo año 2025 desde 2024'
quit
[ "$(sqlite3 "$db" 'SELECT count(*) FROM plan')" = 1 ] || fail "z no quitó el plan 2025"
[ "$(sqlite3 "$db" "SELECT count(*) FROM actividad")" = 89 ] || fail "actividades: $(sqlite3 "$db" 'SELECT count(*) FROM actividad')"
start_with rehacer_anio 120 40 "$db" --anio 2024
keys C-r
wait_for 'Rehecho: Nuevo año 2025 desde 2024'
quit
[ "$(sqlite3 "$db" 'SELECT count(*) FROM plan p JOIN unidad u ON u.plan_id = p.id WHERE p.anio = 2025')" = 8 ] \
    || fail "Ctrl-R no volvió a copiar el año"
[ "$(sqlite3 "$db" "SELECT count(*) FROM actividad")" = 178 ] || fail "actividades tras rehacer"

# a unit added in the units screen, then undone
start_with unidad 120 40 "$db" --anio 2024
keys U
wait_for 'Unidades'
keys a
type_text 'Unidad de Prueba'
keys Enter
wait_for 'Guardado: unidad nueva «Unidad de Prueba»'
quit
[ "$(sqlite3 "$db" "SELECT count(*) FROM unidad WHERE nombre = 'Unidad de Prueba'")" = 1 ] || fail "no se agregó la unidad"
start_with unidad_z 120 40 "$db" --anio 2024
keys z
wait_for 'Deshecho: Nueva unidad «Unidad de Prueba»'
quit
[ "$(sqlite3 "$db" "SELECT count(*) FROM unidad WHERE nombre = 'Unidad de Prueba'")" = 0 ] || fail "z no quitó la unidad"

