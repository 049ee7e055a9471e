#!/usr/bin/env bash
# xlsx_poa.sh — the ARS SEMMA POA (monthly cronograma) as XLSX: the
# institution's block layout, entregable and indicador merged down over their
# activities, month cells, presupuesto as currency with its note, text that
# looks like a formula kept as text, --unidad and --informe, and the errors:
# bad options (exit 2) and an unwritable folder (exit 1, no file left).
# The preparation, import, exports and xlsx-inspect are `require`d: the
# checks read the workbooks they write.
source "$(dirname "$0")/lib.bash"

# one activity and one responsable rewritten to look like formulas
require check "preparar ars.csv" sed -e 's/,1.2,Gestionar con los directivos del MINERD/,1.2,=SUMA(A1) Gestionar con los directivos del MINERD/' \
    -e '0,/Afiliación\/ Direccion Ejecutiva/s//@Afiliación/' \
    "$POA_FIXTURES/poa2024_ars_semma.csv" >"$TMP/ars.csv"
require expect_code 0 "$POA" importar "$TMP/ars.db" "$TMP/ars.csv"
require expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/poa.xlsx" --informe poa
require check "xlsx-inspect poa.xlsx" "$POA_TOOLS/xlsx-inspect" --json "$TMP/poa.xlsx" >"$TMP/poa.json"
# ARS has no seguimiento: todo is its POA (and the verification sheet);
# the unit's tablero asked for by name
require expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/uni.xlsx" --informe todo --unidad "Departamento de Planificación y Desarrollo" --anio 2024
require expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/unitb.xlsx" --informe tablero --unidad "Departamento de Planificación y Desarrollo" --anio 2024
require check "xlsx-inspect unitb.xlsx" "$POA_TOOLS/xlsx-inspect" --json "$TMP/unitb.xlsx" >"$TMP/unitb.json"
require check "xlsx-inspect uni.xlsx" "$POA_TOOLS/xlsx-inspect" --json "$TMP/uni.xlsx" >"$TMP/uni.json"

JSON="$TMP/poa.json" UNI="$TMP/uni.json" UNITB="$TMP/unitb.json" check_py "xlsx" <<'PYEOF'
import json, os, sys
d = json.load(open(os.environ["JSON"]))
check(d["sheet_names"] == ["POA 2024"], d["sheet_names"])
s = d["sheets"][0]
c = {x["cell"]: x for x in s["cells"]}
v = lambda r: c[r]["value"] if r in c else None
check(v("A1") == "PLAN OPERATIVO ANUAL 2024" and v("A2") == "ARS SEMMA", (v("A1"), v("A2")))
check([v("A4"), v("B4"), v("C4"), v("D4"), v("P4"), v("Q4"), v("R4")] ==
      ["Entregables", "Indicadores", "Actividades", "Cronograma", "Responsables", "Presupuesto", "Nota del presupuesto"],
      [v("A4"), v("B4"), v("C4"), v("D4"), v("P4"), v("Q4")])
check([v(x + "5") for x in "DGJM"] == ["1er. Trim.", "2do. Trim.", "3er. Trim.", "4to. Trim."], "quarters")
for m in ["A4:A6", "D4:O4", "D5:F5", "M5:O5", "Q4:Q6"]:
    check(m in s["merged"], m)
check(s["freeze"] == "A7" and s["print"]["repeat_rows"] == "4:6", (s["freeze"], s["print"]))
check(s["print"]["header"]["right"] == "Año 2024" and s["print"]["orientation"] == "landscape", s["print"])
check(len(s["print"].get("row_breaks", [])) == 15, s["print"].get("row_breaks"))  # 16 units, one page each

# first block: Afiliación, Financiero
check(v("A7") == "Nombre: Plan Operativo Anual 2024" and v("D7") == "Área: Departamento de Afiliación", (v("A7"), v("D7")))
check(v("A8") == "Eje o perspectiva: Financiero", v("A8"))
check(v("A9").startswith("Objetivo estratégico de referencia: Alcanzar un balance financiero"), v("A9"))
check(v("A10") == "Meta operativa anual: Optimizar los procesos de servicios a un 85%", v("A10"))
check(v("A11") == "1. Cartera de afiliados en crecimiento conforme a lo planificado.", v("A11"))
check("A11:A13" in s["merged"] and "B11:B13" in s["merged"], "entregable merged over its 3 activities")
check(v("C11") == "1.1 Alianza estratégica con el MINERD para captar nuevos afiliados.", v("C11"))
# x . x | x x . | x . x | x x x
marks = ["x" if c.get(f"{col}11", {}).get("value") == "x" else "." for col in "DEFGHIJKLMNO"]
check("".join(marks) == "x.xxx.x.xxxx", "".join(marks))
check(c["D11"].get("fill") == "9DC3E6" and c.get("E11", {}).get("fill") is None, (c["D11"], c.get("E11")))
check(v("Q11") == "N/A", v("Q11"))
# formula-looking text stays text
check(c["C12"]["kind"] == "s" and v("C12") == "1.2 =SUMA(A1) Gestionar con los directivos del MINERD el cumplimiento de las afiliaciones a la ARS.", c["C12"])
# printed cells only: columns AO on hold the hidden record that reads the report back
at = [x for x in s["cells"] if x["kind"] == "s" and x["value"] == "@Afiliación" and len(x["cell"].rstrip("0123456789")) == 1]
check(len(at) == 1, "@ text kept as a string")
check(not any(x["kind"] == "f" for x in s["cells"]), "no formulas in the POA")
# quantities in month cells (Jornadas … en provincias: 1 5 3 4 3 2 1 1 1 4 5 2)
q = [x for x in s["cells"] if x["kind"] == "n" and x.get("fill") == "9DC3E6"]
check(len(q) >= 12, len(q))
# currency with the note
money = [x for x in s["cells"] if x["kind"] == "n" and x["value"] == 1500000]
check(len(money) == 2, money)
check(any(x["fmt"] == '"$"#,##0.00' for x in money) and any(x["fmt"] == '"RD$" #,##0.00' for x in money), [x["fmt"] for x in money])
m = [x for x in money if x["fmt"] == '"$"#,##0.00'][0]
row = m["cell"][1:]
check(v("R" + row) == "monto compartido con las actividades siguientes del entregable", v("R" + row))
viat = [x for x in s["cells"] if x["kind"] == "n" and x["value"] == 9450]
check(len(viat) == 1 and v("R" + viat[0]["cell"][1:]) == "(viaticos)", viat)

u = json.load(open(os.environ["UNI"]))
names = u["sheet_names"]
check(len(names) == 2 and all(len(n) <= 31 for n in names), names)
check(names == ["POA 2024", "Observaciones de verificación"], names)
us = {x["name"]: x for x in u["sheets"]}
poa = us[names[0]]
areas = {x["value"] for x in poa["cells"] if x["kind"] == "s" and x["value"].startswith("Área:")}
check(areas == {"Área: Departamento de Planificación y Desarrollo"}, areas)
tb = json.load(open(os.environ["UNITB"]))["sheets"][0]
check(tb["name"] == "Tablero EN-MAR", tb["name"])
check(tb["cells"][1]["value"] == "ARS SEMMA · Departamento de Planificación y Desarrollo", tb["cells"][1])
check(any(x["value"] == "Total de la unidad" for x in tb["cells"]), "unit total")

PYEOF

# errors: exit 2 for bad usage, exit 1 and nothing left for a failed write
expect_code 2 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/x.xlsx" --informe resumen   # bad --informe
expect_grep "$TMP/err" "poa, seguimiento, tablero, todo o captura"
expect_code 2 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/x.xlsx" --unidad "No existe"   # bad --unidad
expect_grep "$TMP/err" "ninguna unidad «No existe»"
check "file written after a usage error" test ! -e "$TMP/x.xlsx"
mkdir "$TMP/ro" && chmod a-w "$TMP/ro"
# root writes anywhere: the read-only folder proves nothing then
if [ "$(id -u)" != 0 ]; then
    expect_code 1 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/ro/x.xlsx"          # unwritable
    expect_grep "$TMP/err" "No se pudo"
    check_eq "files left in the folder" "$(ls -A "$TMP/ro")" ""
fi
expect_code 1 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/no-existe/x.xlsx"       # missing folder
expect_grep "$TMP/err" "No se pudo"
check "folder created" test ! -e "$TMP/no-existe"
finish
