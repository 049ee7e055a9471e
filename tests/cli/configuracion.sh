#!/usr/bin/env bash
# configuracion.sh — one table of keys drives config.ini: the distributed
# config.ini and the keys' table in docs/configuracion.md are what the table
# generates (poa --configuracion ini|md), and the distributed file loads
# without a warning.
source "$(dirname "$0")/lib.bash"
expect_code 0 "$POA" --configuracion ini
if diff -u "$POA_SRC/config.ini" "$TMP/out" >"$TMP/diff"; then ok; else
    bad "config.ini no es el generado (poa --configuracion ini > config.ini):"; cat "$TMP/diff" >&2; fi
expect_code 0 "$POA" --configuracion md
sed -n '/^<!-- generado: poa --configuracion md/,/^<!-- fin -->/p' "$POA_SRC/docs/configuracion.md" \
    | sed '1d;$d' >"$TMP/doc"
if diff -u "$TMP/doc" "$TMP/out" >"$TMP/diff"; then ok; else
    bad "la tabla de docs/configuracion.md no es la generada:"; cat "$TMP/diff" >&2; fi
expect_code 2 "$POA" --configuracion xml
expect_in "$TMP/err" "Uso: poa --configuracion md|ini"
# the generated file is a valid configuration: a command reads it silently
expect_code 0 "$POA" importar "$TMP/p.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
expect_code 0 "$POA" --config "$POA_SRC/config.ini" resumen "$TMP/p.db"
expect_not_in "$TMP/err" "aviso"
finish
