#!/usr/bin/env bash
# movimiento.sh — the list movement written once (lista.c) on every screen:
# in the unit's table and on the board PgDn/Ctrl-F move one page (the rows
# shown less one), End/Home go to the last/first row, never past the list;
# and the help names every bound key, Ctrl-B, Ctrl-F and Mayús-Tab included.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
printf '[plan]\ncorte = 3\n' >"$tmp/config.ini"
start_with mov 80 24 --config "$tmp/config.ini" "$tmp/plan.db"
# the position at the right end of the status line: " 15/24 "
pos() { screen | sed -n '23p' | grep -oE '[0-9]+/[0-9]+ *$' | tr -d ' '; }
wait_pos() { check "[ \"\$(pos)\" = $1 ] || fail \"posición \$(pos), no $1\""; }

# the board: Objetivos are 5 rows
keys b
wait_for 'Tablero · Corte 3'
keys 2
wait_for ' Objetivos '
wait_pos 1/5
keys End
wait_pos 5/5
keys PgDn
wait_pos 5/5
keys Home
wait_pos 1/5
keys C-f
wait_pos 5/5
keys C-b
wait_pos 1/5

# Comercialización's table: 24 actividades under their objetivos, 16 rows
# shown at 80×24: a page is 15 rows, headings included
keys 1
wait_for ' Unidades '
keys Down Enter
wait_for 'Comercialización: 24 actividades'
wait_pos 1/24
keys PgDn
wait_pos 15/24
keys C-f
wait_pos 24/24
keys PgDn
wait_pos 24/24
keys C-b
wait_pos 12/24
keys Home
wait_pos 1/24
keys End
wait_pos 24/24

# the plan's tree: End is the last of its 115 rows, PgUp a page back (15
# rows shown: 14)
# Esc walks back the way it came (table → board), and the board goes to the
# plan even when it was opened from the table (no table ↔ board circle)
keys Escape
wait_for 'Tablero · Corte 3'
keys Enter
wait_for 'Seguimiento · Corte 3 JUL-SEP (abierto) · Comercialización'
keys b
wait_for 'Tablero · Corte 3'
keys Escape
wait_for 'Plan (árbol)'
wait_pos 1/115
keys End
wait_pos 115/115
keys PgUp
wait_pos 101/115
keys C-b
wait_pos 87/115

# every bound key is named in the help
keys F1
wait_for 'Ayuda: teclas de poa'
has 'RePág, Ctrl-B    Página anterior'
has 'AvPág, Ctrl-F    Página siguiente'
has 'Tab, Mayús-Tab   Árbol / cronograma'
keys Escape
wait_for 'F10Salir'
quit
