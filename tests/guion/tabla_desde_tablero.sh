#!/usr/bin/env bash
# tabla_desde_tablero.sh — Enter on a unit of the board opens its
# seguimiento table on the unit's first activity («1/14»), also after the
# table showed another unit; s then opens that activity's form.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
start tabla 120 40
keys b
wait_for 'Tablero · Corte 1'
keys Enter
wait_for 'Seguimiento · Corte 1 EN-MAR (abierto) · Departamento'
check <<'C'
line 39 | grep -q 'Departamento Atención Al usuario: 14 actividades' || fail "estado: $(line 39)"
line 39 | grep -qE ' 1/14 *$' || fail "posición: $(line 39)"
C
hasnt 'Elija una actividad'
# back to the board, another unit
keys Escape
wait_for 'Tablero · Corte 1'
keys Down
keys Enter
wait_for 'Seguimiento · Corte 1 EN-MAR (abierto) · Departamento'
check <<'C'
line 39 | grep -q 'Departamento de Afiliación: 9 actividades' || fail "estado: $(line 39)"
line 39 | grep -qE ' 1/9 *$' || fail "posición: $(line 39)"
C
keys s
wait_for 'Formulario de seguimiento · Corte 1'
hasnt 'Elija una actividad'
has 'Alianza estratégica con el MINERD'
keys Escape Escape
# from the plan, a unit with the selected activity of another: its first
keys Escape
wait_for 'Plan (árbol)'
quit
