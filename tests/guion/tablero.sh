#!/usr/bin/env bash
# tablero.sh — the board at 80×24 on the Caja at corte 3: units with bars,
# % and semáforo marks, counts, the roll-up rule in words; objetivos and
# ejes; sorting by %; an edit from the unit's table moves the unit's figure
# by the same amount a fresh start computes; the ASCII fallback.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
printf '[plan]\ncorte = 3\n' >"$tmp/config.ini"

start_cfg() { start_with "$1" "$2" "$3" --config "$tmp/config.ini" "$tmp/plan.db"; }
# the whole percent shown on a row
pct_of() { row "$1" | grep -oE '[0-9]+ % ' | head -1; }

start_cfg tab 80 24
keys b
wait_for 'Tablero · Corte 3 JUL-SEP (abierto)'
has 'Regla: Promedio simple del % de ejecución de las actividades vencidas'
has 'Institución:'
has 'Total Report.'
# every unit of the Caja has a row with a bar, a % and a mark
for u in 'Auditoría Interna' 'Comercialización' 'Logística y Activos' 'Operaciones' 'UAIP'; do
    check "row $(printf %q " $u") | grep -qE '█.* [0-9]+ % ●[VAR]' || fail $(printf %q "fila de $u")"
done
# Comercialización: 24 actividades, all reported
check <<'C'
row ' Comercialización' | grep -qE '24 +24 +0 +0$' || fail "cuentas: $(row ' Comercialización')"
C
shot antes_f
check <<'C'
[ -n "$(cur_shot=$antes_f pct_of ' Comercialización')" ] || fail "sin % para Comercialización"
C

# objetivos and ejes
keys 2
wait_for ' Objetivos '
has 'O.E.4 Modernizar'
check <<'C'
row 'O.E.4' | grep -q '69 % ●A' || fail "O.E.4: $(row 'O.E.4')"
C
keys 3
wait_for '(sin eje)'
keys Tab
wait_for ' Unidades  '
# by %: the first row has the highest figure
keys o
wait_for 'Ordenado por % de ejecución'
check <<'C'
first=$(screen | sed -n '8,20p' | grep -oE '[0-9]+ % ●' | head -1 | grep -oE '^[0-9]+')
last=$(screen | sed -n '8,20p' | grep -oE '[0-9]+ % ●' | tail -1 | grep -oE '^[0-9]+')
[ "$first" -ge "$last" ] || fail "orden por %: $first antes de $last"
C
keys o
wait_for 'Ordenado por nombre'

# Enter on Comercialización opens its table; raising AO.6.4 (17 %) to its
# programado (802) moves the unit's figure
keys Down
wait_for '— Comercialización'
keys Enter
wait_for 'Seguimiento · Corte 3 JUL-SEP (abierto) · Comercialización'
keys Down Down Down Down
wait_for 'AO.6.4 Realizar la venta'
type_text '802'
keys Enter
wait_for 'Guardado. AO.6.4: 100 %, verde'
keys Escape
wait_for 'Tablero · Corte 3'
shot despues_f
check <<'C'
antes=$(cur_shot=$antes_f pct_of ' Comercialización')
[ "$antes" != "$(pct_of ' Comercialización')" ] || fail "el tablero no cambió: $antes"
C
quit
# the same figure computed afresh
start_cfg tab2 80 24
keys b
wait_for 'Tablero · Corte 3'
check <<'C'
despues=$(cur_shot=$despues_f pct_of ' Comercialización')
[ "$(pct_of ' Comercialización')" = "$despues" ] || fail "recalculado: $(pct_of ' Comercialización') ≠ $despues"
C
quit

# without UTF-8: bars in #, marks in ASCII
guion_env=(LC_ALL=C)
start_cfg tab3 80 24
wait_for 'Terminal sin UTF-8: se muestra sin acentos'
keys b
wait_for 'Tablero'
check <<'C'
row ' Comercializ' | grep -qE '#+.* [0-9]+ % \*[VAR]' || fail "ASCII: $(row ' Comercializ')"
C
# and the texts in their ASCII spelling, not as bytes the terminal cannot show
has ' Comercializacion '
has 'Regla: Promedio simple del % de ejecucion'
keys Escape
wait_for 'Plan (arbol)'
quit
