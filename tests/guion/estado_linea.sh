#!/usr/bin/env bash
# estado_linea.sh — the status line at 80×24: an error on two lines clears
# both (no text of the detail panel left at their end); a message goes at
# the next action that says nothing of its own; the bottom bar lists the
# grid's keys while the cronograma has the focus and the F-keys again in the
# tree; a count of one in the singular («1 actividad»).
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
start estado 80 24

# actividad 1.1: its indicador fills the last detail line to the edge
keys Down Down Down Down
wait_for 'Indicador: % de crecimiento en las gestiones realizadas para lograr la afilia'
keys E
type_text 'Presupuesto'
keys Enter
wait_for 'Presupuesto:'
keys C-u
type_text 'mucho'
keys Enter
wait_for 'Presupuesto: «mucho» no es un importe'
check <<'C'
# the two lines above the bar hold the message and nothing else
line 22 | grep -q '^No se guardó: Presupuesto: «mucho» no es un importe' || fail "línea 22: $(line 22)"
! line 22 | grep -q 'afilia' || fail "queda texto del detalle: $(line 22)"
line 23 | grep -q '1.500.000,50' || fail "línea 23: $(line 23)"
C
# a move says nothing: the error goes with it
keys Down
wait_gone 'no es un importe'
has 'Actividad 1.2'
# a message of its own replaces it
keys E
type_text 'Presupuesto'
keys Enter
keys C-u
type_text 'RD$ 1.500.000,50'
keys Enter
wait_for 'Guardado'
keys Up
wait_gone 'Guardado'

# the bar: the grid's keys in the cronograma, the F-keys in the tree
has 'F2Editar'
keys Tab
wait_for 'Espacio Marcar mes'
check <<'C'
line 24 | grep -q '^Tab Árbol  Espacio Marcar mes  0…9 Cantidad  Supr Vaciar mes  F10Salir' ||
    fail "barra del cronograma: $(line 24)"
C
hasnt 'F2Editar'
keys Tab
wait_for 'F2Editar'
hasnt 'Espacio Marcar mes'
quit

# wider: every grid key fits
start ancho 120 30
keys Tab
check <<'C'
line 30 | grep -q 'Supr Vaciar mes  t Llenar trimestre  T Vaciar trimestre  F10Salir' ||
    fail "barra a 120 columnas: $(line 30)"
C
quit

# a plan of one activity
head -2 "$POA_FIXTURES/poa2024_ars_semma.csv" >"$tmp/uno.csv"
"$POA" importar "$tmp/uno.db" "$tmp/uno.csv" >/dev/null || fail "importar uno.csv"
start_with uno 80 24 "$tmp/uno.db"
has 'uno.db: 1 actividad. F1 muestra las teclas.'
quit
