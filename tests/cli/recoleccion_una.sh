#!/bin/bash
# recoleccion_una.sh — «¿Quién falta?» of a plan with one unit and one
# actividad counts in the singular («1 unidad», «1 de 1 actividad vence»);
# two actividades keep the plural.
source "$(dirname "$0")/lib.bash"
head -2 "$POA_FIXTURES/poa2024_ars_semma.csv" >"$TMP/uno.csv"
head -3 "$POA_FIXTURES/poa2024_ars_semma.csv" >"$TMP/dos.csv"
require expect_code 0 "$POA" importar "$TMP/uno.db" "$TMP/uno.csv"
require expect_code 0 "$POA" importar "$TMP/dos.db" "$TMP/dos.csv"

expect_code 0 "$POA" recoleccion "$TMP/uno.db" --corte 1
expect_in "$TMP/out" "1 unidad — devueltas: 0 · pendientes: 0 · vencidas: 0 · no enviadas: 1"
expect_in "$TMP/out" "1 de 1 actividad vence al corte; "
expect_not_grep -E "$TMP/out" "(^|[^0-9])1 (unidades|actividades)"

expect_code 0 "$POA" recoleccion "$TMP/dos.db" --corte 1
expect_in "$TMP/out" "1 unidad — devueltas: 0"
expect_in "$TMP/out" "2 de 2 actividades vencen al corte; "
finish
