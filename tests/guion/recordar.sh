#!/usr/bin/env bash
# recordar.sh — the interface opens at the last corte with seguimiento (the
# Caja's file holds corte 3: the board and the export dialog say T3), and
# remembers per file the corte, the unit filter, the selected row, the folds
# and the screen: a second session finds them as the first left them; another
# file keeps its own; a damaged state file is ignored without a word, and
# config's recordar = no opens as the first time.
source "$(dirname "$0")/lib.bash"
recordar=1   # every session here reads what the one before left
import_fixture seguimiento2024_t3_caja.csv
"$POA" importar "$tmp/plan2.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv" >/dev/null || fail "importar 2"

start primera 120 40
has 'Corte 3 JUL-SEP (abierto)'
keys b
wait_for 'Tablero · Corte 3 JUL-SEP'
keys Escape x
wait_for 'Exportar para el Consejo Directivo'
has 'informe-2024-T3.xlsx'
has '◂ 3 JUL-SEP (abierto) ▸'
keys Escape
# corte 2 (chosen on the board), then back to the plan
keys b c
wait_for 'Corte (trimestre acumulado)'
keys Up Enter
wait_for 'Tablero · Corte 2 ABR-JUN'
keys Escape
wait_for 'Plan (árbol)'
has 'Corte 2 ABR-JUN (abierto)'
# fold O.E.3's Auditoría Interna (the 8th row)
keys Down Down Down Down Down Down Down
wait_for 'Meta operativa · Auditoría Interna'
keys -
check 'row "Auditoría Interna (2)" | grep -q "▸" || fail "no se plegó: $(row "Auditoría Interna (2)")"'
hasnt 'AO.3.1 Auditoría de Macroproceso'
# a unit filter and a row inside it
keys u
wait_for 'Filtrar por unidad'
type_text 'Comercializ'
keys Enter
wait_for 'Unidad: Comercialización'
keys Down Down Down Down Down
wait_for 'Actividad AO.6.1 · Comercialización'
has ' 6/34'
quit

start segunda 120 40
has 'Corte 2 ABR-JUN (abierto)'
has 'Unidad: Comercialización'
has 'Actividad AO.6.1 · Comercialización'
has ' 6/34'
# the fold too, once the filter is off
keys Escape
wait_for 'Unidad: todas'
check 'row "Auditoría Interna (2)" | grep -q "▸" || fail "se perdió el pliegue: $(row "Auditoría Interna (2)")"'
hasnt 'AO.3.1 Auditoría de Macroproceso'
has 'AO.6.1 Gestión'
# the export dialog proposes the corte on screen
keys x
wait_for 'informe-2024-T2.xlsx'
keys Escape
# left on the board: the next session opens there
keys b
wait_for 'Tablero · Corte 2 ABR-JUN'
quit

start tercera 120 40
has 'Tablero · Corte 2 ABR-JUN'
keys Escape
wait_for 'Plan (árbol)'
has 'Unidad: todas'
quit

# another file: its own state (nothing yet: the data's corte, no filter)
start_with otro 120 40 "$tmp/plan2.db"
has 'Corte 3 JUL-SEP (abierto)'
has 'Unidad: todas'
has ' 1/115'
keys Down Down
quit
start_with otro2 120 40 "$tmp/plan2.db"
has ' 3/115'
quit
# and the first file still has its own
start cuarta 120 40
has 'Corte 2 ABR-JUN (abierto)'
has 'Actividad AO.6.1 · Comercialización'
quit

# a damaged state file: ignored, no message, exit 0
ls "$XDG_STATE_HOME"/poa/plan.db-*.estado >/dev/null || fail "no hay archivo de estado"
for f in "$XDG_STATE_HOME"/poa/plan.db-*.estado; do printf 'poa-estado 1\n\x00\xff basura\ncorte=9\n' >"$f"; done
start danado 120 40
has 'Corte 3 JUL-SEP (abierto)'
has 'Unidad: todas'
has ' 1/115'
quit
[ ! -s "$tmp/err.txt" ] || fail "dijo algo: $(cat "$tmp/err.txt")"

# recordar = no: as the first time, and nothing written
printf '[interfaz]\nrecordar = no\n' >"$tmp/config.ini"
start segunda_sin 120 40
keys Down Down
quit
rm -rf "$XDG_STATE_HOME"
start_with sin 120 40 --config "$tmp/config.ini" "$tmp/plan.db"
has 'Corte 3 JUL-SEP (abierto)'
keys Down Down
quit
[ ! -e "$XDG_STATE_HOME" ] || fail "recordar = no escribió $(ls -R "$XDG_STATE_HOME")"
