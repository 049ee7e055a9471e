#!/usr/bin/env bash
# rama_anio.sh — a branch copied in one year and pasted into another year
# of the same file, in the interface: C on an objetivo of 2024, P to switch
# to 2025 (a plan with one unit), V: the objetivo arrives with its metas
# (their units made in 2025), activities and targets, and no seguimiento;
# z in 2025 takes it away again, and 2024 is left as it was.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
db="$tmp/plan.db"
INST='Caja Mutual de los Empleados del Ministerio de Educación'
"$POA" nuevo "$db" --institucion "$INST" --anio 2025 --unidad 'Planificación y Desarrollo Institucional' \
    >/dev/null || fail "nuevo 2025"
"$POA" exportar "$db" --csv "$tmp/2024-antes.csv" --anio 2024 >/dev/null || fail "exportar 2024"
start_with pegar 120 30 "$db" --anio 2024
has 'O.E.3 Administrar los activos'
keys C
wait_for 'Copiado: objetivo «O.E.3 Administrar los activos'
keys P Down Enter
wait_for 'Planes del archivo'
type_text '2025'
keys Enter
wait_for "POA 2025 · $INST"
keys V
wait_for 'Pegado del plan de otro año: objetivo «O.E.3 Administrar los activos'
has 'AO.3.1 Actualizar el diagnóstico'
quit
n() { sqlite3 "$db" "$1"; }
[ "$(n "SELECT count(*) FROM actividad a JOIN entregable e ON e.id = a.entregable_id JOIN meta m ON m.id = e.meta_id JOIN objetivo o ON o.id = m.objetivo_id JOIN eje j ON j.id = o.eje_id JOIN plan p ON p.id = j.plan_id WHERE p.anio = 2025")" = 8 ] \
    || fail "actividades en 2025"
[ "$(n "SELECT count(*) FROM unidad u JOIN plan p ON p.id = u.plan_id WHERE p.anio = 2025")" = 4 ] \
    || fail "unidades en 2025: $(n "SELECT group_concat(nombre) FROM unidad u JOIN plan p ON p.id = u.plan_id WHERE p.anio = 2025")"
[ "$(n "SELECT count(*) FROM seguimiento s JOIN actividad a ON a.id = s.actividad_id JOIN entregable e ON e.id = a.entregable_id JOIN meta m ON m.id = e.meta_id JOIN objetivo o ON o.id = m.objetivo_id JOIN eje j ON j.id = o.eje_id JOIN plan p ON p.id = j.plan_id WHERE p.anio = 2025")" = 0 ] \
    || fail "la copia trajo seguimiento"
[ "$(n "SELECT count(*) FROM meta_trimestre t JOIN actividad a ON a.id = t.actividad_id JOIN entregable e ON e.id = a.entregable_id JOIN meta m ON m.id = e.meta_id JOIN objetivo o ON o.id = m.objetivo_id JOIN eje j ON j.id = o.eje_id JOIN plan p ON p.id = j.plan_id WHERE p.anio = 2025")" -gt 0 ] \
    || fail "la copia no trajo las metas trimestrales"
"$POA" exportar "$db" --csv "$tmp/2024-despues.csv" --anio 2024 >/dev/null || fail "exportar 2024 después"
cmp -s "$tmp/2024-antes.csv" "$tmp/2024-despues.csv" || fail "el plan 2024 cambió"

# undone in 2025: nothing of it is left
start_with deshacer 120 30 "$db" --anio 2025
keys z
wait_for 'Deshecho: '
quit
[ "$(n "SELECT count(*) FROM objetivo o JOIN eje j ON j.id = o.eje_id JOIN plan p ON p.id = j.plan_id WHERE p.anio = 2025")" = 0 ] \
    || fail "z no quitó el objetivo pegado"
[ "$(n "SELECT count(*) FROM unidad u JOIN plan p ON p.id = u.plan_id WHERE p.anio = 2025")" = 1 ] \
    || fail "z dejó las unidades que creó el pegado"
