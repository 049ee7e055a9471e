#!/bin/bash
# seguimiento.sh — scripted entry of a real (poa seguimiento / report), and
# closing and reopening a corte (poa corte / cut): messages, exit codes, and
# the cause and corrective measure (--causa) of a result in rojo;
# a refused edit that leaves the file byte-identical.
# Only the import is `require`d; a later step that fails shows up again in
# the checks after it, which is what the reader needs to see.
source "$(dirname "$0")/lib.bash"
DB="$TMP/caja.db"
require expect_code 0 "$POA" importar "$DB" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"

# entering a real and an observation; the % and semáforo follow
expect_code 0 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" \
      --real 1300 --observaciones "Ventas de septiembre incluidas"
expect_grep "$TMP/out" "real acumulado:      1300"
expect_grep "$TMP/out" "% de ejecución:      83 % (verde)"
expect_grep "$TMP/out" "observaciones:       Ventas de septiembre incluidas"
# "75%" and the alias
expect_code 0 "$POA" report "$DB" --corte 3 --actividad AO.6.13 --unidad "Comercialización" --real "60 %"
expect_grep "$TMP/out" "% de ejecución:      80 % (verde)"                       # pct 60/75
# the exported CSV has the new figures
expect_code 0 "$POA" exportar "$DB" --csv "$TMP/out.csv" --corte 3
expect_grep "$TMP/out.csv" 'AO.6.1,Realizar la venta.*,1300,31%,Ventas de septiembre incluidas,.*,1565,83%,verde,reportada$'

# the cause and corrective measure of a red result: AO.6.1 back to its
# published 479 (31 % rojo); «¿Quién falta?» then counts one fewer without it
sin_causa() { "$POA" recoleccion "$DB" --corte 3 --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["totales"]["sin_causa"])'; }
expect_code 0 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" --real 479
check "7 actividades en amarillo o rojo sin causa" test "$(sin_causa)" = 7
expect_code 0 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" \
      --causa "Los asegurados prefieren el Seguro Dotal; jornadas de suscripción en octubre"
expect_grep "$TMP/out" "% de ejecución:      31 % (rojo)"
expect_grep "$TMP/out" "causa y medida:      Los asegurados prefieren el Seguro Dotal; jornadas de suscripción en octubre"
check "sin causa no bajó a 6" test "$(sin_causa)" = 6
expect_code 0 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" \
      --causa "Los asegurados prefieren el Seguro Dotal; jornadas de suscripción en octubre"
expect_grep "$TMP/out" "Sin cambios."
expect_code 0 "$POA" historial "$DB"
expect_grep "$TMP/out" "corte3.causa"

# bad input: exit 2, file untouched
cp "$DB" "$TMP/antes.db"
# 32,768 characters: one more than an Excel cell holds
largo=$(printf 'ñ%.0s' $(seq 32768))
cabe=$(printf 'ñ%.0s' $(seq 32767))
expect_code 2 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" --causa "$largo"
expect_grep "$TMP/err" "poa: --causa de la actividad «AO.6.1», corte 3: el texto tiene 32768 caracteres y una celda de Excel admite hasta 32.767; acórtelo"
expect_code 0 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" --causa "$cabe"
# an empty --causa clears it: the red row counts again
expect_code 0 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" --causa ""
expect_not_grep "$TMP/out" "causa y medida:"
check "sin causa no volvió a 7" test "$(sin_causa)" = 7
cp "$DB" "$TMP/antes.db"
expect_code 2 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" --real setenta
expect_grep "$TMP/err" "«setenta» no es un valor real"
expect_code 2 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --real 5    # código repetido sin --unidad
expect_grep "$TMP/err" "--unidad"                                                # pide --unidad
check "el archivo cambió tras un error" cmp -s "$DB" "$TMP/antes.db"

# a real that does not match its target's unit is saved, with a warning
expect_code 0 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.13 --unidad "Comercialización" --real 75
expect_grep "$TMP/err" "aviso: el real «75» no lleva %"
expect_code 0 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.13 --unidad "Comercialización" --real 0.75

# closing corte 3 (the day read before and after: the test may straddle midnight)
dia1=$(date +%Y-%m-%d)
expect_code 0 "$POA" corte "$DB" cerrar 3
dia2=$(date +%Y-%m-%d)
expect_grep "$TMP/out" "Corte 3 (JUL-SEP) cerrado por"
cp "$DB" "$TMP/cerrado.db"
# editar un corte cerrado debe salir con 1
expect_code 1 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" --real 1
expect_grep -E "$TMP/err" "El corte 3 está cerrado desde ($dia1|$dia2) por .*; reábralo para editar"
check "el archivo cambió al rechazar la edición" cmp -s "$DB" "$TMP/cerrado.db"
expect_code 1 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" --causa "Otra"
expect_grep -E "$TMP/err" "El corte 3 está cerrado desde ($dia1|$dia2) por .*; reábralo para editar"
check "el archivo cambió al rechazar la causa" cmp -s "$DB" "$TMP/cerrado.db"
expect_error "$POA" cut "$DB" close 3                                            # cerrar dos veces
expect_grep "$TMP/err" "ya está cerrado"
# corte 4 is still open
expect_code 0 "$POA" seguimiento "$DB" --corte 4 --actividad AO.6.1 --unidad "Comercialización" --real 1600

# reopening needs a reason, recorded in the change log
expect_code 2 "$POA" corte "$DB" reabrir 3                                       # reabrir sin motivo
expect_grep "$TMP/err" "--motivo"
expect_code 0 "$POA" cut "$DB" reopen 3 --motivo "Comercialización corrigió sus ventas"
expect_grep "$TMP/out" "Motivo: Comercialización corrigió sus ventas"
expect_code 0 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" --real 1350
expect_code 2 "$POA" corte "$DB" abrir 3                                         # acción desconocida
expect_code 2 "$POA" corte "$DB" cerrar 7
finish
