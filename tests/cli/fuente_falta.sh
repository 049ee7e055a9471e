#!/usr/bin/env bash
# fuente_falta.sh — without Carlito a report is still written (exit 0), its
# row heights estimated: `poa exportar` says so in one line on stderr, as the
# workbook's Comments property does; with the font it says nothing.
source "$(dirname "$0")/lib.bash"

AVISO="poa: aviso: falta la fuente Carlito (paquete fonts-crosextra-carlito): las alturas de fila y los saltos de página del informe son estimados"
require expect_code 0 "$POA" importar "$TMP/caja.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"

# with the font: no warning
expect_code 0 "$POA" exportar "$TMP/caja.db" --xlsx "$TMP/con.xlsx" --informe todo --corte 3
check_eq "stderr con la fuente" "$(cat "$TMP/err")" ""

# a fontconfig that knows no font at all
mkdir -p "$TMP/fc"
printf '<?xml version="1.0"?>\n<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n' \
    "$TMP/fc" "$TMP/fc" >"$TMP/fc/fonts.conf"
export FONTCONFIG_FILE="$TMP/fc/fonts.conf"
expect_code 0 "$POA" exportar "$TMP/caja.db" --xlsx "$TMP/sin.xlsx" --informe todo --corte 3
check_eq "stderr sin la fuente" "$(cat "$TMP/err")" "$AVISO"
expect_in "$TMP/out" "Escrito «$TMP/sin.xlsx» (informe: todo)"
check "el informe existe" test -s "$TMP/sin.xlsx"
expect_code 0 "$POA" exportar "$TMP/caja.db" --xlsx "$TMP/capt.xlsx" --informe captura --corte 3 \
    --unidad Operaciones
check_eq "stderr de la captura sin la fuente" "$(cat "$TMP/err")" "$AVISO"
TMPD="$TMP" check_py "comentario del libro" <<'PYEOF'
import os, zipfile
T = os.environ["TMPD"]
core = zipfile.ZipFile(f"{T}/sin.xlsx").read("docProps/core.xml").decode()
check("Alturas de fila estimadas" in core, core)
PYEOF
finish
