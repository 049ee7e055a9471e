#!/bin/bash
# captura_muchas.sh — `poa importar plan.db captura-*.xlsx` takes every
# workbook of a plan with many units: the 16 of ARS SEMMA (17 arguments
# with the file) were refused with «sobra el argumento»; --simular reads
# all 16 and changes nothing.
source "$(dirname "$0")/lib.bash"
DB="$TMP/semma.db"
require expect_code 0 "$POA" importar "$DB" "$POA_FIXTURES/poa2024_ars_semma.csv"
require expect_code 0 "$POA" exportar "$DB" --xlsx "$TMP/cap" --informe captura --corte 1
[ "$(ls "$TMP"/cap/*.xlsx | wc -l)" = 16 ] || { echo "FALLA: no hay 16 libros" >&2; exit 1; }
cp "$DB" "$TMP/antes.db"
expect_code 0 "$POA" importar "$DB" "$TMP"/cap/*.xlsx --simular
expect_in "$TMP/out" "16 de 16 libros se tomarían; 0 rechazados"
expect_not_grep "$TMP/out" "sobra el argumento"
check "sin cambios" cmp "$DB" "$TMP/antes.db"
finish
