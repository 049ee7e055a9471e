#!/bin/bash
# limites.sh — `poa seguimiento --observaciones` with a text longer than an
# Excel cell (32,767 characters) is bad input: exit 2, the message names the
# option, the activity and the length, and the file is left byte-identical;
# the limit itself is accepted; a report of a plan that holds a longer text
# (an older poa) names the cell instead of failing in English.
source "$(dirname "$0")/lib.bash"
DB="$TMP/caja.db"
"$POA" importar "$DB" "$POA_FIXTURES/seguimiento2024_t3_caja.csv" >/dev/null
cp "$DB" "$TMP/antes.db"
largo=$(head -c 32768 /dev/zero | tr '\0' 'a')
expect_code 2 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" \
    --observaciones "$largo"
expect_in "$TMP/err" "poa: --observaciones de la actividad «AO.6.1», corte 3: el texto tiene 32768 caracteres y una celda de Excel admite hasta 32.767"
if cmp -s "$DB" "$TMP/antes.db"; then ok; else bad "el archivo cambió"; fi
expect_code 2 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" \
    --evidencia "$largo"
expect_in "$TMP/err" "poa: --evidencia de la actividad «AO.6.1»"
expect_code 0 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" \
    --observaciones "${largo:1}"
n=$(sqlite3 "$DB" "SELECT length(observaciones) FROM seguimiento s JOIN actividad a ON a.id = s.actividad_id WHERE a.codigo = 'AO.6.1' AND s.corte = 3 AND length(observaciones) > 1000")
if [ "$n" = 32767 ]; then ok; else bad "observaciones guardadas: «$n»"; fi
# a plan written by an older poa may hold a longer text: the XLSX report
# names the cell in Spanish instead of libxlsxwriter's English, and leaves
# no file
sqlite3 "$DB" "UPDATE seguimiento SET observaciones = observaciones || 'bb' WHERE length(observaciones) = 32767"
expect_code 1 "$POA" exportar "$DB" --xlsx "$TMP/informe.xlsx" --informe seguimiento --corte 3
expect_grep -E "$TMP/err" "No se escribió «.*informe.xlsx»: la celda Seguimiento EN-SEP![A-Z]+[0-9]+ tendría 32769 caracteres y Excel admite 32767"
if [ -e "$TMP/informe.xlsx" ]; then bad "quedó un informe a medias"; else ok; fi
finish
