#!/usr/bin/env bash
# tablero_paginas.sh — a section title of the tablero («Por unidad», «Por eje
# o perspectiva», «Por objetivo estratégico») prints on the page of its first
# row: no page break falls right under it (ARS SEMMA's tablero put «Por
# objetivo estratégico» alone at the foot of page 1). Every page break of a
# report is a manual one (paginas.sh), so the breaks stored are the pages.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3

require expect_code 0 "$POA" importar "$TMP/ars.db" "$POA_FIXTURES/poa2024_ars_semma.csv"
require expect_code 0 "$POA" importar "$TMP/caja.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
require expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/ars.xlsx" --informe tablero
require expect_code 0 "$POA" exportar "$TMP/caja.db" --xlsx "$TMP/caja.xlsx" --informe todo --corte 3
printf '[exportar]\nagrupar_seguimiento = objetivo\n' >"$TMP/objetivo.ini"
require expect_code 0 "$POA" --config "$TMP/objetivo.ini" exportar "$TMP/caja.db" \
    --xlsx "$TMP/cajao.xlsx" --informe todo --corte 3

for fx in ars caja cajao; do
    X="$TMP/$fx.xlsx" check_py "títulos de sección ($fx)" <<'PYEOF'
import os
import openpyxl
wb = openpyxl.load_workbook(os.environ["X"])
ws = [wb[n] for n in wb.sheetnames if n.startswith("Tablero")][0]
TITULOS = ("Por unidad", "Por eje o perspectiva", "Por objetivo estratégico")
titulos = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value in TITULOS]
check(len(titulos) >= 2, f"títulos {titulos}")
cortes = {b.id for b in ws.row_breaks.brk}   # the last row of each page
for r in titulos:
    check(r not in cortes, f"«{ws.cell(r, 1).value}» (fila {r}) queda solo al pie de una página; cortes {sorted(cortes)}")
PYEOF
done
finish
