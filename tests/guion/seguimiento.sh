#!/usr/bin/env bash
# seguimiento.sh — the seguimiento form and table on the Caja at corte 3
# (from config.ini): AO.6.1 Comercialización shows 31 % rojo; a real and an
# accented observation entered in the form and then in the table change
# the % and semáforo on screen and are saved; closing corte 3 refuses
# edits; reopening asks a mandatory reason, which is kept in the file.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
printf '[plan]\ncorte = 3\n' >"$tmp/config.ini"

# start_cfg NAME COLS ROWS: the interface with that config.ini
start_cfg() { start_with "$1" "$2" "$3" --config "$tmp/config.ini" "$tmp/plan.db"; }

start_cfg seg 120 40
has 'Corte 3 JUL-SEP (abierto)'
# the form of AO.6.1 in Comercialización (found by its text)
keys /
type_text 'Seguro de Vida Opcional'
keys Enter
wait_for 'Actividad AO.6.1 · Comercialización'
keys s
wait_for 'Formulario de seguimiento · Corte 3 JUL-SEP (abierto) · Comercialización'
has 'AO.6.1 Realizar la venta del Seguro de Vida Opcional'
check <<'C'
row 'Programado acumulado EN-SEP' | grep -q '1565' || fail "programado: $(row 'Programado acumulado')"
C
check <<'C'
row '% de ejecución' | grep -q '31 %   ●R rojo' || fail "31 % rojo: $(row '% de ejecución')"
C
check <<'C'
row '% de ejecución' | grep -q 'exacto: 30.61 %' || fail "exacto: $(row '% de ejecución')"
C
has 'reportada'
has 'A septiembre 2024 se alcanzado'

# a real in the form: 1300 / 1565 = 83 % verde
keys Enter
wait_for 'Real acumulado EN-SEP de AO.6.1'
keys C-u
type_text '1300'
keys Enter
wait_for 'Guardado. AO.6.1: 83 %, verde'
check <<'C'
row '% de ejecución' | grep -q '83 %   ●V verde' || fail "83 % verde: $(row '% de ejecución')"
C
# an observation with accents, in two paragraphs
keys o
wait_for 'Observaciones JUL-SEP de AO.6.1'
keys C-u
type_text 'Campaña en Sonsonate ¶ Jornadas en Usulután'
keys Enter
wait_for 'Guardado'
has '    Campaña en Sonsonate'
has '    Jornadas en Usulután'
# Esc back to the plan, which follows the actividad
keys Escape
wait_for 'Plan (árbol)'
has 'Actividad AO.6.1 · Comercialización'

# the table of the unit, on the same row and the real column
keys S
wait_for 'Seguimiento · Corte 3 JUL-SEP (abierto) · Comercialización'
has 'ACCIÓN OPERATIVA'
has 'EN-SEP'
check <<'C'
row 'AO.6.1 ' | grep -q '1300  *83 % ●V' || fail "fila AO.6.1: $(row 'AO.6.1 ')"
C
# typing a number edits the real: 1000 / 1565 = 64 % amarillo
type_text '1000'
wait_for 'Real acumulado EN-SEP de AO.6.1'
keys Enter
wait_for 'Guardado. AO.6.1: 64 %, amarillo'
check <<'C'
row 'AO.6.1 ' | grep -q '1000  *64 % ●A' || fail "fila AO.6.1 tras editar: $(row 'AO.6.1 ')"
C
# other rows keep their figures (AO.6.4: 139 / 802 = 17 % rojo)
check <<'C'
row 'AO.6.4 ' | grep -q '139  *17 % ●R' || fail "fila AO.6.4: $(row 'AO.6.4 ')"
C
# to observaciones (scrolling sideways) and write one
keys Right Right
wait_for ' Observaciones: Campaña en Sonsonate'
keys Enter
wait_for 'Observaciones JUL-SEP de AO.6.1'
keys C-u
type_text 'Observación en la tabla: ñandú'
keys Enter
wait_for 'Guardado'
check <<'C'
row 'AO.6.1 ' | grep -q '64 % ●A Observación en la tabla' || fail "observación: $(row 'AO.6.1 ')"
C
has ' Observaciones: Observación en la tabla: ñandú'

# closing corte 3: confirmation, then edits are refused
keys K
wait_for '¿Cerrar el corte 3 (JUL-SEP)? Sus valores quedan congelados'
keys s
wait_for 'Corte 3 cerrado: sus valores quedan congelados'
has 'Corte 3 JUL-SEP (cerrado)'
keys Left Left
keys Enter
wait_for 'El corte 3 está cerrado desde'
has 'reábralo para editar'
keys s
wait_for 'Formulario de seguimiento · Corte 3 JUL-SEP (cerrado)'
keys r
wait_for 'El corte 3 está cerrado desde'
# reopening needs a reason: an empty one is refused
keys K
wait_for 'Reabrir el corte 3: motivo'
keys Enter
wait_for 'Sin motivo no se reabre: el corte 3 sigue cerrado'
has 'Corte 3 JUL-SEP (cerrado)'
keys K
wait_for 'Reabrir el corte 3: motivo'
type_text 'Corrección del real de septiembre'
keys Enter
wait_for 'Corte 3 reabierto. Motivo registrado: «Corrección del real de septiembre»'
has 'Corte 3 JUL-SEP (abierto)'
quit

# saved: the export at corte 3 has the new real, observation, % and semáforo
"$POA" exportar "$tmp/plan.db" --csv "$tmp/out.csv" --corte 3 >/dev/null || fail "exportar"
grep -q 'AO.6.1,Realizar la venta del Seguro de Vida Opcional.*,1000,31%,Observación en la tabla: ñandú,.*,1565,64%,amarillo,reportada$' "$tmp/out.csv" \
    || fail "csv: $(grep 'Vida Opcional' "$tmp/out.csv")"
# the reason is in the file: a new session shows it in the corte list
start_cfg seg2 120 40
keys b
wait_for 'Tablero · Corte 3 JUL-SEP (abierto)'
keys c
wait_for 'Corte (trimestre acumulado)'
has 'Corte 3 · JUL-SEP · abierto (reabierto: «Corrección del real de septiembre»)'
keys Escape
quit
