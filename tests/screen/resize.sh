#!/usr/bin/env bash
# resize.sh — the layout follows the terminal: 80×24 works, 60×20 says it is
# too small and which size it needs, and going back restores the screen.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
start rsz 120 40
keys Down Down Down Down
wait_for 'Actividad 1.1'
"$T" resize "$cur" 80 24
# the redraw at the new size: nothing wider than 80 columns, the bar on the last line
redrawn_80() { [ "$(screen_width)" -le 80 ] && [ "$(line 24 | cut -c1-7)" = "F1Ayuda" ]; }
wait_until 10 redrawn_80
has '│1er.Trim.│2do.Trim.│3er.Trim.│4to.Trim.│'
has 'Actividad 1.1'
[ "$("$T" size "$cur")" = 80x24 ] || fail "tamaño: $("$T" size "$cur")"
# narrow: responsables/presupuesto by horizontal switch
keys '>'
wait_for 'Responsables'
has 'Afiliación/ Direc'
keys '<'
wait_for '│1er.Trim.'
"$T" resize "$cur" 60 20
wait_for 'Terminal demasiado pequeña: 60×20'
has 'Se necesitan al menos 80×24'
"$T" resize "$cur" 120 40
wait_gone 'Terminal demasiado pequeña'
wait_for 'F10Salir'
has 'Actividad 1.1'
has '1.1 Alianza estratégica'
quit
