#!/usr/bin/env bash
# tablero_nombres.sh — the board's name column grows with the terminal up to
# the longest name while the bar keeps a readable width: at 120×40 the ARS
# units up to 55 characters read whole with a bar of 20–40 columns; at
# 200×60 all of them (the longest has 60) with a bar of at most 40; at
# 80×24 names of 25 characters still read whole (20 before), beside a bar of 10.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv

# columns of the bar on the row of a unit (filled, partial and empty cells)
bar_w() { row " $1" | { grep -o '[█▏▎▍▌▋▊▉░]' || :; } | wc -l; }
# the unit's name whole: followed by a space, not by «…»
whole() { row " $1" | grep -qF " $1 " || fail "nombre cortado: $(row " $(cut -c1-20 <<<"$1")")"; }

UNIDADES=('Departamento Atención Al usuario' 'Departamento Financiero' 'Departamento Juridico'
    'Departamento de Afiliación' 'Departamento de Auditoria de los Servicios de Salud'
    'Departamento de Comunicaciones' 'Departamento de Planificación y Desarrollo'
    'Departamento de Recursos Humanos' 'Dirección Administrativa Financiera'
    'División de Administración de Servicios TIC' 'División de Compras y Contrataciones'
    'Operaciones de Afiliación' 'Sección de Delegados' 'Sección de Protocolo y Eventos'
    'Sección de Reembolso a Afiliados')
LARGA='División Desarrollo de Sistemas e Implementación de Sistemas'

start t120 120 40
keys b
wait_for 'Ejecución'
for u in "${UNIDADES[@]}"; do
    check "whole $(printf %q "$u")"
done
check <<'C'
w=$(bar_w 'Departamento de Afiliación')
[ "$w" -ge 20 ] && [ "$w" -le 40 ] || fail "barra de $w columnas a 120"
[ "$(screen_width)" -le 120 ] || fail "más ancho que la terminal"
row ' Departamento de Afiliación' | grep -qE '9 +0 +9 +0$' || fail "cuentas: $(row ' Departamento de Afiliación')"
C
quit

start t200 200 60
keys b
wait_for 'Ejecución'
for u in "${UNIDADES[@]}" "$LARGA"; do
    check "whole $(printf %q "$u")"
done
check <<'C'
w=$(bar_w 'Departamento de Afiliación')
[ "$w" -ge 20 ] && [ "$w" -le 40 ] || fail "barra de $w columnas a 200"
C
quit

start t80 80 24
keys b
wait_for 'Ejecución'
check "whole 'Operaciones de Afiliación'"
check "whole 'Departamento Financiero'"
check <<'C'
w=$(bar_w 'Operaciones de Afiliación')
[ "$w" -ge 10 ] || fail "barra de $w columnas a 80"
[ "$(screen_width)" -le 80 ] || fail "más ancho que la terminal"
C
quit
