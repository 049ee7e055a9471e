#!/usr/bin/env bash
# grafico_partes.sh — a tablero of 30 units (a generated plan of 2,000
# activities): the chart of % by unit is drawn as two charts of at most 20
# bars, titled «(1 de 2)» and «(2 de 2)», each starting a printed page of
# its own (a manual break right above its anchor), so none is cut across
# pages under the repeated header.
source "$(dirname "$0")/lib.bash"
require check "generar" python3 "$POA_TOOLS/generar_plan.py" 2000 -o "$TMP/p.csv"
require expect_code 0 "$POA" importar "$TMP/p.db" "$TMP/p.csv"
require expect_code 0 "$POA" exportar "$TMP/p.db" --xlsx "$TMP/t.xlsx" --informe tablero --corte 3
require check "xlsx-inspect" "$POA_TOOLS/xlsx-inspect" --json --values "$TMP/t.xlsx" >"$TMP/t.json"
JSON="$TMP/t.json" check_py "graficos" <<'PYEOF'
import json, os
s = json.load(open(os.environ["JSON"]))["sheets"][0]
ch = s["charts"]
check([c["title"] for c in ch] == ["% de ejecución por unidad al corte EN-SEP (1 de 2)",
                                   "% de ejecución por unidad al corte EN-SEP (2 de 2)"], ch)
saltos = s["print"].get("row_breaks", [])
anclas = [int(c["at"][1:]) for c in ch]
# a break with id b starts the next page at row b + 1
check(all(a - 1 in saltos for a in anclas), (anclas, saltos))
# 15 and 15 bars: each series covers its own rows of the sorted helper range
vals = [c["series"][0]["val"] for c in ch]
check(len(set(vals)) == 2, vals)
PYEOF
finish
