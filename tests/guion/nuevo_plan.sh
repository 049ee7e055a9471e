#!/usr/bin/env bash
# nuevo_plan.sh — a plan started from nothing in the interface: `poa
# nuevo.db` on a missing file opens the creation dialog (institution, the
# current year proposed, first unit); then an objetivo, a meta of that unit
# and one of a unit created from the picker, an entregable with indicador and
# an actividad with months. resumen and the CSV export show it all. Esc in
# the dialog leaves nothing; a poa file without plans opens the dialog too.
source "$(dirname "$0")/lib.bash"
# start_plain NAME COLS ROWS ARGS…: like start_with, without expecting the
# plan's bottom bar on the first screen (the dialog has none)
start_plain() {
    guion="$tmp/$1.guion"
    guion_size="$2x$3"
    shift 3
    guion_args=("$@")
    : >"$guion"
    checks=()
}
DB="$tmp/nuevo.db"

# ---- Esc: nothing made ----
start_plain esc 80 24 "$DB"
has '«'"$DB"'» no existe: aquí se empieza un plan nuevo.'
has 'Institución:'
keys Escape
end 0
grep -qF 'no se creó ningún plan' "$tmp/err.txt" || fail "Esc: $(cat "$tmp/err.txt")"
[ ! -e "$DB" ] || fail "Esc dejó el archivo"
# Esc after the first answers: nothing either
start_plain esc2 80 24 "$DB"
type_text 'Caja'
keys Enter
wait_for 'Institución:     Caja'
keys Escape
end 0
[ ! -e "$DB" ] || fail "Esc (2) dejó el archivo"

# ---- the dialog ----
start_plain crear 100 30 "$DB"
keys Enter
wait_for 'La institución no puede quedar vacía.'
type_text 'Caja Mutual de Prueba'
keys Enter
wait_for 'Año del plan:'
check 'row "Año del plan:" | grep -qF "'"$(date +%Y)"'" || fail "no propone el año actual: $(row "Año del plan:")"'
keys C-u
type_text '20x5'
keys Enter
wait_for 'no «20x5»'
keys C-u
type_text '2025'
keys Enter
wait_for 'Primera unidad (puede quedar vacía):'
has 'Año:             2025'
type_text 'Planificación'
keys Enter
wait_for 'Plan nuevo de «Caja Mutual de Prueba» 2025'
has 'F10Salir'
# an empty plan: an eje, or objetivos without ejes
keys A
wait_for '¿Qué agregar?'
has 'Eje (agrupa objetivos)'
has 'Objetivo estratégico (sin eje)'
keys Down Enter
wait_for 'Nuevo objetivo'
type_text 'Administrar los activos'
keys Enter
wait_for 'Guardado'
has 'Administrar los activos'
# a meta of the first unit
keys A
wait_for 'Unidad de la nueva meta operativa'
has '+ Nueva unidad…'
keys Enter
wait_for 'Nueva meta operativa — texto (puede quedar vacío):'
type_text 'Planear el año'
keys Enter
wait_for 'Planificación: Planear el año'
# a meta of a unit typed in the picker: it offers to create it
keys Up A
wait_for 'Unidad de la nueva meta operativa'
type_text 'Comunicaciones'
wait_for 'ninguna coincide; Enter crea «Comunicaciones»'
keys Enter
wait_for 'No hay ninguna unidad «Comunicaciones».'
keys s
wait_for 'Nueva meta operativa'
type_text 'Difundir la gestión'
keys Enter
wait_for 'Comunicaciones: Difundir la gestión'
# inside the meta: an entregable (with indicador) or an actividad
keys A
wait_for '¿Qué agregar?'
has 'Entregable (con indicador)'
has 'Actividad (sin entregable)'
keys Enter
wait_for 'Nuevo entregable'
type_text 'Memoria publicada'
keys Enter
wait_for 'Indicador del entregable (puede quedar vacío):'
type_text 'Memorias publicadas'
keys Enter
wait_for 'Memoria publicada'
keys A
wait_for 'Nueva actividad'
type_text 'Publicar la memoria anual'
keys Enter
wait_for 'Publicar la memoria anual'
# months: Ene and Mar
keys Tab
wait_for 'Plan (cronograma)'
keys Space Right Right Space
wait_for 'Mar: x'
keys Tab
quit

"$POA" resumen "$DB" >"$tmp/resumen.txt" || fail "resumen"
grep -qF 'Caja Mutual de Prueba · Plan Operativo Anual 2025' "$tmp/resumen.txt" || fail "resumen: $(cat "$tmp/resumen.txt")"
grep -qE '^  unidades: +2$' "$tmp/resumen.txt" || fail "resumen unidades: $(cat "$tmp/resumen.txt")"
grep -qE '^  objetivos: +1$' "$tmp/resumen.txt" || fail "resumen objetivos"
grep -qE '^  metas operativas: +2$' "$tmp/resumen.txt" || fail "resumen metas"
grep -qE '^  entregables: +1$' "$tmp/resumen.txt" || fail "resumen entregables"
grep -qE '^  actividades: +1$' "$tmp/resumen.txt" || fail "resumen actividades"
"$POA" exportar "$DB" --csv "$tmp/out.csv" >/dev/null || fail "exportar"
grep -F 'Publicar la memoria anual' "$tmp/out.csv" | grep -F 'Comunicaciones' |
    grep -F 'Administrar los activos' | grep -F 'Memoria publicada,Memorias publicadas' |
    grep -qF ',x,,x,,,,,,,,,' || fail "CSV: $(cat "$tmp/out.csv")"

# ---- a poa file without plans opens the dialog too ----
"$POA" nuevo "$tmp/vacio.db" --institucion X --anio 2024 >/dev/null || fail "poa nuevo"
sqlite3 "$tmp/vacio.db" 'DELETE FROM plan; DELETE FROM institucion;' || fail "sqlite3"
start_plain vacio 80 24 "$tmp/vacio.db"
has 'no tiene ningún plan: aquí se empieza uno.'
type_text 'Instituto'
keys Enter Enter Enter
wait_for 'Plan nuevo de «Instituto»'
quit
"$POA" resumen "$tmp/vacio.db" | grep -qF 'Instituto · Plan Operativo Anual' || fail "vacio.db sin plan"

# ---- --institucion and --anio are proposed in the dialog ----
start_plain propuesto 80 24 "$tmp/propuesto.db" --institucion 'Instituto Nacional' --anio 2031
check 'row "Institución:" | grep -qF "Instituto Nacional" || fail "no propone la institución: $(row "Institución:")"'
keys Enter
wait_for 'Año del plan:'
check 'row "Año del plan:" | grep -qF "2031" || fail "no propone el año: $(row "Año del plan:")"'
keys Enter Enter
wait_for 'Plan nuevo de «Instituto Nacional» 2031'
quit
