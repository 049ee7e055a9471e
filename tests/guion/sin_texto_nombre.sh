#!/usr/bin/env bash
# sin_texto_nombre.sh — an element without code or text is named «objetivo
# sin texto» in the status line and the undo message, never «objetivo «»»:
# the fixture's objetivo without text (the third row, folded) cut, pasted at
# the end and undone.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
start sin_texto 120 40
keys '*' Down Down
wait_for '├─▸ (sin eje) · (objetivo sin texto) (1)'
keys X G V
wait_for 'Movido: objetivo sin texto (con 9 actividades)'
hasnt '«»'
keys z
wait_for 'Deshecho: Mover objetivo sin texto (con 9 actividades)'
hasnt '«»'
quit
"$POA" historial "$tmp/plan.db" --limite 3 >"$tmp/hist.txt" || fail "historial"
grep -qF 'objetivo sin texto' "$tmp/hist.txt" || fail "historial: $(cat "$tmp/hist.txt")"
! grep -qF '«»' "$tmp/hist.txt" || fail "historial con «»: $(cat "$tmp/hist.txt")"
