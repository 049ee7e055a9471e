#!/usr/bin/env bash
# unidades.sh — the units screen (U): the plan's units with their metas and
# actividades; a unit added, renamed, its misión and nota edited, moved; a
# unit with metas refused naming what it holds; an empty one deleted. The
# file has it all after quitting.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
start uni 120 40
keys U
wait_for 'Unidades · Caja Mutual'
check 'row "Comercialización" | grep -qE "Comercialización +[0-9]+ +24" || fail "cuentas: $(row "Comercialización")"'
check 'row "UAIP" | grep -qE "UAIP +1 +7" || fail "cuentas UAIP: $(row "UAIP")"'
check 'line 39 | grep -qE " 1/8$" || fail "posición: $(line 39)"'
# a new unit at the end
keys a
wait_for 'Nombre de la unidad nueva:'
type_text 'Gestión Documental'
keys Enter
wait_for 'Guardado: unidad nueva «Gestión Documental»'
check 'row "Gestión Documental" | grep -qE "Gestión Documental +0 +0" || fail "$(row "Gestión Documental")"'
check 'line 39 | grep -qE " 9/9$" || fail "posición: $(line 39)"'
# a name already there is refused
keys e C-u
type_text 'UAIP'
keys Enter
wait_for 'Ya hay una unidad «UAIP» en este plan'
# renamed, then its misión and nota
keys e C-u
type_text 'Gestión Documental y Archivo'
keys Enter
wait_for 'Guardado'
has 'Gestión Documental y Archivo'
keys E
wait_for 'Campo de la unidad'
keys Enter
wait_for 'Misión de la unidad:'
type_text 'Custodiar los expedientes de la institución'
keys Enter
wait_for 'Misión: Custodiar los expedientes de la institución'
keys E Down Enter
wait_for 'Nota de la unidad:'
type_text 'Creada en 2024'
keys Enter
wait_for 'Nota: Creada en 2024'
# moved up one place
keys K
wait_for 'Guardado: «Gestión Documental y Archivo» subió'
check 'line 39 | grep -qE " 8/9$" || fail "posición: $(line 39)"'
# a unit with metas: refused, naming what it holds
keys Home
keys d
wait_for 'No se borró: la unidad «Logística y Activos» tiene 2 metas operativas y 9 actividades:'
has 'muévalas o bórrelas antes'
# the empty one: deleted after a confirmation
keys End Up
wait_for 'Misión: Custodiar'
keys d
wait_for '¿Borrar la unidad «Gestión Documental y Archivo»?'
keys n
wait_for 'No se borró nada'
keys a
type_text 'Temporal'
keys Enter
wait_for 'Guardado: unidad nueva «Temporal»'
keys d
wait_for '¿Borrar la unidad «Temporal»?'
keys s
wait_for 'Guardado: se borró la unidad «Temporal»'
check '! screen | grep -q "^  Temporal " || fail "la unidad borrada sigue en la lista"'
check 'line 39 | grep -qE " 9/9$" || fail "posición: $(line 39)"'
# back to the plan: the new unit is in the filter's list
keys Escape
wait_for 'Plan (árbol)'
keys u
wait_for 'Gestión Documental y Archivo'
keys Escape
quit

"$POA" resumen "$tmp/plan.db" >"$tmp/res.txt"
grep -qE '^  unidades: +9$' "$tmp/res.txt" || fail "resumen: $(cat "$tmp/res.txt")"
/usr/bin/python3 - "$tmp/plan.db" <<'PY' || fail "archivo"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT nombre, mision, nota FROM unidad ORDER BY orden, id").fetchall()
names = [r[0] for r in rows]
assert len(rows) == 9, names
assert rows[7] == ("Gestión Documental y Archivo", "Custodiar los expedientes de la institución", "Creada en 2024"), rows[7]
assert "Temporal" not in names and "UAIP" in names, names
PY
