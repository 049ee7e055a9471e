#!/usr/bin/env bash
# campos_eleccion.sh — tipo de meta and sentido are chosen from a list of
# their allowed values (acumulable/porcentaje/hito, ascendente/descendente)
# that opens on the present one; Esc leaves the value; the choice is kept
# after quitting. Numbers typed in either convention (presupuesto with a
# currency symbol, meta anual, a target, the real of the seguimiento form)
# are saved as the numbers meant.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv

# field $1 of the selected row: its list (E), filtered down to it
field() { keys E; type_text "$1"; keys Enter; }

start eleccion 120 40
keys Down Down Down Down
wait_for 'Actividad 1.1'
field 'Tipo de meta'
wait_for ' Tipo de meta '
has '(3 de 3;'
has '  acumulable  '
has '  porcentaje  '
has '  hito  '
keys Down Down Enter
wait_for 'Guardado'
field 'Sentido'
wait_for '(2 de 2;'
has 'ascendente'
has 'descendente'
keys Down Enter
wait_for 'Guardado'
# Esc: nothing changes
field 'Tipo de meta'
wait_for '(3 de 3;'
keys Escape
wait_for 'Edición cancelada'
# typed numbers
field 'Presupuesto'
wait_for 'Presupuesto:'
keys C-u
type_text 'RD$ 150,000.50'
keys Enter
wait_for 'Guardado'
field 'Meta anual'
wait_for 'Meta anual:'
keys C-u
type_text '1.500'
keys Enter
wait_for 'Guardado'
field 'Meta 1er'
wait_for 'Meta 1er. Trim.:'
keys C-u
type_text '2,5'
keys Enter
wait_for 'Guardado'
field 'Meta 2do'
keys C-u
type_text '1.500.000,50'
keys Enter
wait_for 'Guardado'
# the real of the seguimiento form, by the same rule
keys s
wait_for 'Formulario de seguimiento · Corte 1'
keys Enter
wait_for 'Real acumulado EN-MAR de 1.1'
keys C-u
type_text '1.234,5'
keys Enter
wait_for 'Guardado. 1.1: '
check <<'C'
row 'Real acumulado EN-MAR' | grep -q '1234.5' || fail "real: $(row 'Real acumulado EN-MAR')"
C
keys Escape
quit

# reopened: the list of fields shows what was chosen and typed (from the
# top: forget the remembered position)
rm -rf "$XDG_STATE_HOME"
start otra 120 40
keys Down Down Down Down E
wait_for 'Campo a editar'
check <<'C'
row 'Tipo de meta' | grep -qE 'Tipo de meta +hito' || fail "$(row 'Tipo de meta')"
row 'Sentido' | grep -qE 'Sentido +descendente' || fail "$(row 'Sentido')"
row 'Presupuesto   ' | grep -qE 'Presupuesto +150000.5' || fail "$(row 'Presupuesto   ')"
row 'Moneda' | grep -qE 'Moneda +RD\$' || fail "$(row 'Moneda')"
row 'Meta anual' | grep -qE 'Meta anual +1500( |$)' || fail "$(row 'Meta anual')"
row 'Meta 1er' | grep -qE 'Meta 1er. Trim. +2.5( |$)' || fail "$(row 'Meta 1er')"
row 'Meta 2do' | grep -qE 'Meta 2do. Trim. +1500000.5( |$)' || fail "$(row 'Meta 2do')"
C
keys Escape
quit
