#!/usr/bin/env bash
# grafico_pagina.sh — the tablero's chart prints on the page of the table's
# end (the total, the rule and the legend) when both fit on one page, and
# otherwise starts a page of its own, whole; read from the manual page
# breaks (xlsx-inspect; openpyxl's break N: the next page starts at row N+1).
source "$(dirname "$0")/lib.bash"

export SOURCE_DATE_EPOCH=1733097600
require expect_code 0 "$POA" importar "$TMP/ars.db" "$POA_FIXTURES/poa2024_ars_semma.csv"
require expect_code 0 "$POA" importar "$TMP/caja.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
require expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/ars.xlsx" --informe tablero
require expect_code 0 "$POA" exportar "$TMP/caja.db" --xlsx "$TMP/oper.xlsx" --informe tablero \
    --corte 3 --unidad Operaciones
for f in ars oper; do
    require check "xlsx-inspect $f" "$POA_TOOLS/xlsx-inspect" --json "$TMP/$f.xlsx" >"$TMP/$f.json"
done

TMPD="$TMP" check_py "gráfico" <<'PYEOF'
import json, os, re
T = os.environ["TMPD"]
def hoja(f):
    s = json.load(open(f"{T}/{f}.json"))["sheets"][0]
    fila_graf = int(re.sub(r"[A-Z]+", "", s["charts"][0]["at"]))
    total = [int(c["cell"][1:]) for c in s["cells"] if c["cell"].startswith("A") and
             str(c.get("value", "")).startswith("Total de la")][0]
    return s["print"].get("row_breaks", []), total, fila_graf
# one unit: total, rule, legend and chart fit on one page: the chart stays
# with them (it printed alone under the column header on page 2)
saltos, total, graf = hoja("oper")
check(saltos and not any(total <= b < graf for b in saltos), (saltos, total, graf))
# 16 units: the table's end and the chart are more than a page: the chart
# starts a page, the table's end stays with its rows
saltos, total, graf = hoja("ars")
check(graf - 1 in saltos, (saltos, graf))
check(not any(total <= b < graf - 1 for b in saltos), (saltos, total, graf))
PYEOF
finish
