#!/bin/bash
# plurales.sh — a count of one reads in the singular wherever the command
# line prints a count: importar's summary of a one-row plan and exportar
# --csv of it («1 fila», «1 unidad», «1 actividad»); two keep the plural.
source "$(dirname "$0")/lib.bash"
head -2 "$POA_FIXTURES/poa2024_ars_semma.csv" >"$TMP/uno.csv"
head -3 "$POA_FIXTURES/poa2024_ars_semma.csv" >"$TMP/dos.csv"

expect_code 0 "$POA" importar "$TMP/uno.db" "$TMP/uno.csv"
expect_in "$TMP/out" "plantilla plana, 1 fila; nuevas: 1 unidad, 1 objetivo, 1 entregable, 1 actividad; 0 actividades actualizadas"
expect_not_grep -E "$TMP/out" "[^0-9]1 (filas|unidades|objetivos|entregables|actividades)"
expect_code 0 "$POA" exportar "$TMP/uno.db" --csv "$TMP/uno-out.csv"
expect_in "$TMP/out" "Exportada 1 actividad a «$TMP/uno-out.csv»"

expect_code 0 "$POA" importar "$TMP/dos.db" "$TMP/dos.csv"
expect_in "$TMP/out" "plantilla plana, 2 filas; nuevas: 1 unidad, 1 objetivo, 1 entregable, 2 actividades;"
expect_code 0 "$POA" exportar "$TMP/dos.db" --csv "$TMP/dos-out.csv"
expect_in "$TMP/out" "Exportadas 2 actividades a «$TMP/dos-out.csv»"
# importing the same row again: one activity without changes, nothing new
expect_code 0 "$POA" importar "$TMP/uno.db" "$TMP/uno.csv"
expect_in "$TMP/out" "1 fila; nuevas: 0 unidades, 0 objetivos, 0 entregables, 0 actividades; 0 actividades actualizadas"
finish
