#!/usr/bin/env bash
# edit_levels.sh — add, edit (accented text) and delete at every level; the
# month cells (x, a quantity, a quarter); everything saved at once: after
# quitting, the export and a reopened interface show it.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
start edit 120 40

# edit the text of actividad 1.1
keys Down Down Down Down
wait_for 'Actividad 1.1'
keys e
wait_for 'Texto:'
keys C-u
type_text 'Gestión de año'
keys Enter
wait_for 'Guardado'
has '1.1 Gestión de año'
# another field through the field list
keys E
wait_for 'Campo a editar'
type_text 'respons'
keys Enter
wait_for 'Responsables:'
keys C-u
type_text 'Planificación/ TIC'
keys Enter
wait_for 'Responsables: Planificación/ TIC'
# a sibling actividad (its code skips the siblings' 1.2 and 1.3), then delete it (after a "no")
keys a
wait_for 'Nueva actividad 1.4 — texto:'
type_text 'Diseño de campaña'
keys Enter
wait_for '1.4 Diseño de campaña'
keys d
wait_for '¿Borrar actividad 1.4 «Diseño de campaña»?'
has 'No contiene otros elementos.'
keys n
wait_for 'No se borró nada'
keys d
wait_for '¿Borrar actividad'
keys s
wait_for 'Guardado'
hasnt 'Diseño de campaña'

# a whole branch: eje > objetivo > meta > entregable > actividad
keys Home a
wait_for 'Nuevo eje — texto:'
type_text 'Eje de prueba ñ'
keys Enter
wait_for '├── Eje de prueba ñ'
keys A
wait_for 'Nuevo objetivo — texto:'
type_text 'Objetivo añadido'
keys Enter
wait_for '└── Objetivo añadido'
keys A
wait_for 'Unidad de la nueva meta operativa'
type_text 'Planificación'
keys Enter
wait_for 'Nueva meta operativa — texto (puede quedar vacío):'
type_text 'Meta de año'
keys Enter
wait_for 'Departamento de Planificación y Desarrollo: Meta de año'
keys A
wait_for 'Nuevo entregable — texto:'
type_text 'Informe único'
keys Enter
wait_for 'Indicador del entregable (puede quedar vacío):'
keys Enter
wait_for '└── Informe único'
keys A
wait_for 'Nueva actividad — texto:'
type_text 'Acción de prueba'
keys Enter
wait_for '└─  Acción de prueba'
# the grid: x in the first month, 5 in the second, fill the quarter, and
# the summary rows above show the months
keys Tab
wait_for 'Plan (cronograma)'
keys Left Left Left Left Left Left Left Left Left Left Left Left Space
wait_for 'Ene: x'
keys Right 5
wait_for 'Cantidad de Feb'
keys Enter
wait_for 'Feb: 5'
keys t
check 'row "Acción de prueba" | grep -qF "│ x  5  x │         │" || fail "meses: $(row "Acción de prueba")"'
check 'row "Informe único" | grep -qF "│━━━━━━━━━│         │" || fail "resumen: $(row "Informe único")"'
keys Tab
quit

# the file has it all
"$POA" exportar "$tmp/plan.db" --csv "$tmp/out.csv" >/dev/null
grep -F 'Gestión de año' "$tmp/out.csv" | grep -qF 'Planificación/ TIC' || fail "CSV: 1.1"
grep -F 'Acción de prueba' "$tmp/out.csv" | grep -F 'Eje de prueba ñ' | grep -F 'Objetivo añadido' |
    grep -F 'Meta de año' | grep -F 'Informe único' | grep -qF ',x,5,x,,,,,,,,,' || fail "CSV: la rama nueva"
! grep -qF 'Diseño de campaña' "$tmp/out.csv" || fail "CSV: la actividad borrada sigue"

# reopen: shown again; then delete the whole branch with its count
start edit2 120 40
has 'Eje de prueba ñ'
has '1.1 Gestión de año'
keys /
type_text 'eje de prueba'
keys Enter
wait_for '«eje de prueba»'
keys d
wait_for 'Se borran también 1 objetivo, 1 meta operativa, 1 entregable y 1 actividad.'
keys s
wait_for 'Guardado'
hasnt 'Eje de prueba'
quit
"$POA" exportar "$tmp/plan.db" --csv "$tmp/out2.csv" >/dev/null
! grep -qF 'Acción de prueba' "$tmp/out2.csv" || fail "CSV: la rama borrada sigue"
