#!/bin/bash
# resumen.sh — `poa resumen` lists the units with their activity counts in
# one column: names with accents («Dirección», «Afiliación») are padded by
# the columns they take on screen, not by their bytes.
source "$(dirname "$0")/lib.bash"
expect_code 0 "$POA" importar "$TMP/p.db" "$POA_FIXTURES/poa2024_ars_semma.csv"
expect_code 0 "$POA" resumen "$TMP/p.db"
grep -E '^    .* +[0-9]+$' "$TMP/out" >"$TMP/filas"
check_eq "unidades listadas" "$(wc -l <"$TMP/filas")" 16
expect_grep "$TMP/filas" 'ó'   # the test needs names with accents
# the display column where each count ends: one value for all rows
anchos=$(python3 -c '
import sys
print(len({len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")}))' "$TMP/filas")
check_eq "columnas donde terminan las cifras" "$anchos" 1
finish
