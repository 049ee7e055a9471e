#!/bin/bash
# historial.sh — poa historial / history: the change log newest first, with
# who, what and before → after; --limite and --json; undone actions marked;
# bad usage exits 2; reading never changes the file.
# The set-up (import, entry, close, the edit of the log) is `require`d: every
# check reads the log those steps write.
source "$(dirname "$0")/lib.bash"
DB="$TMP/caja.db"
require expect_code 0 "$POA" importar "$DB" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
require expect_code 0 "$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" \
    --real 1300 --observaciones "Campaña en Usulután"
require expect_code 0 "$POA" corte "$DB" cerrar 3
cp "$DB" "$TMP/antes.db"

expect_code 0 "$POA" historial "$DB"
cp "$TMP/out" "$TMP/hist"
head -1 "$TMP/hist" >"$TMP/first"
expect_grep "$TMP/first" "Cierre del corte 3$"                                  # lo último primero
expect_grep "$TMP/first" "^[0-9-]* [0-9:]*  $(id -un)  Cierre"                   # momento y usuario
expect_in "$TMP/hist" "corte.estado: «abierto» → «cerrado»"
expect_in "$TMP/hist" "seguimiento.corte3.real: «479» → «1300»"
expect_in "$TMP/hist" "→ «Campaña en Usulután»"
expect_in "$TMP/hist" "Seguimiento del corte 3 de la actividad «AO.6.1» (Comercialización)"
expect_in "$TMP/hist" "plan.importar: — → «"
expect_not_grep "$TMP/hist" "deshecho"                                           # nada está deshecho

# --limite and the alias
expect_code 0 "$POA" history "$DB" --limite 1
out=$(cat "$TMP/out")
check_eq "--limite 1: líneas" "$(wc -l <<<"$out")" 2
# JSON: one object per row, null for a missing value
expect_code 0 "$POA" historial "$DB" --json --limite 0
check_py "json" "$(cat "$TMP/out")" <<'PY'
import json, sys
v = json.loads(sys.argv[1])
check(len(v) == 4, len(v))
check(v[0]["campo"] == "estado" and v[0]["despues"] == "cerrado" and v[0]["deshecho"] is False, v[0])
check(v[-1]["campo"] == "importar" and v[-1]["antes"] is None, v[-1])
check(any(r["antes"] == "479" and r["despues"] == "1300" for r in v), "ninguna fila 479 → 1300")
PY

# an undone action is marked (the undo itself is its own action)
require check "sqlite3" sqlite3 "$DB" "UPDATE cambio SET deshecho = 1 WHERE tabla = 'seguimiento'"
cp "$DB" "$TMP/antes.db"
expect_code 0 "$POA" historial "$DB"
expect_in "$TMP/out" "(Comercialización)  (deshecho)"

# bad usage: exit 2
expect_code 2 "$POA" historial "$DB" --limite muchas
expect_in "$TMP/err" "«muchas»"
expect_code 2 "$POA" historial                                                   # sin archivo
expect_code 2 "$POA" historial "$TMP/no.db"                                      # archivo inexistente
check "historial cambió el archivo" cmp -s "$DB" "$TMP/antes.db"
finish
