#!/usr/bin/env bash
# xlsx_poa.sh — the ARS SEMMA POA (monthly cronograma) as XLSX: the
# institution's block layout (Generales per unit, then eje, objetivo, meta),
# entregable and indicador merged down over their activities, month cells,
# presupuesto in the plan's one currency (xlsx_poa_presupuesto.sh has the
# totals, notes and titles), text that
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
      ["Entregables", "Indicadores", "Actividades", "Cronograma", "Responsables", "Presupuesto", None],
      [v("A4"), v("B4"), v("C4"), v("D4"), v("P4"), v("Q4"), v("R4")])
check([v(x + "5") for x in "DGJM"] == ["1er. Trim.", "2do. Trim.", "3er. Trim.", "4to. Trim."], "quarters")
for m in ["A4:A6", "D4:O4", "D5:F5", "M5:O5", "Q4:Q6"]:
    check(m in s["merged"], m)
check(s["freeze"] == "A7" and s["print"]["repeat_rows"] == "4:6", (s["freeze"], s["print"]))
check(s["print"]["header"]["right"] == "Año 2024" and s["print"]["orientation"] == "landscape", s["print"])
# each of the 16 units starts a page (its Generales block follows a manual
# break); the other breaks fall where the measured rows fill a page
primeras = sorted(int(x["cell"][1:]) for x in s["cells"] if x["cell"][0] == "A"
                  and x["cell"][1:].isdigit() and x["value"] == "Generales")
check(len(primeras) == 16, primeras)
saltos = set(s["print"].get("row_breaks", []))
check(all(row - 1 in saltos for row in primeras[1:]), (primeras, sorted(saltos)))

# first unit: its Generales block, then the block of its first meta
check(v("A7") == "Generales" and "A7:A9" in s["merged"], v("A7"))
check(v("B7") == "Nombre: Plan Operativo Anual del Departamento de Afiliación", v("B7"))
check(v("B8") == "Fecha: Enero 2024 - Diciembre 2024", v("B8"))
check(v("B9") == "Área: Departamento de Afiliación", v("B9"))
check(v("A10") == "Eje o perspectiva: Financiero", v("A10"))
check(v("A11").startswith("Objetivo estratégico de referencia: Alcanzar un balance financiero"), v("A11"))
check(v("A12") == "Meta operativa anual: Optimizar los procesos de servicios a un 85%", v("A12"))
check(v("A13") == "1. Cartera de afiliados en crecimiento conforme a lo planificado.", v("A13"))
check("A13:A15" in s["merged"] and "B13:B15" in s["merged"], "entregable merged over its 3 activities")
check(v("C13") == "1.1 Alianza estratégica con el MINERD para captar nuevos afiliados.", v("C13"))
# x . x | x x . | x . x | x x x
marks = ["x" if c.get(f"{col}13", {}).get("value") == "x" else "." for col in "DEFGHIJKLMNO"]
check("".join(marks) == "x.xxx.x.xxxx", "".join(marks))
check(c["D13"].get("fill") == "9DC3E6" and c.get("E13", {}).get("fill") is None, (c["D13"], c.get("E13")))
check(v("Q13") == "N/A", v("Q13"))
# formula-looking text stays text
check(c["C14"]["kind"] == "s" and v("C14") == "1.2 =SUMA(A1) Gestionar con los directivos del MINERD el cumplimiento de las afiliaciones a la ARS.", c["C14"])
# printed cells only: columns AO on hold the hidden record that reads the report back
at = [x for x in s["cells"] if x["kind"] == "s" and x["value"] == "@Afiliación" and len(x["cell"].rstrip("0123456789")) == 1]
check(len(at) == 1, "@ text kept as a string")
# the only formulas are the budget totals
fs = [x for x in s["cells"] if x["kind"] == "f"]
check(fs and all(x["value"].startswith("=SUMIF(") for x in fs), [x["value"] for x in fs][:3])
# quantities in month cells (Jornadas … en provincias: 1 5 3 4 3 2 1 1 1 4 5 2)
q = [x for x in s["cells"] if x["kind"] == "n" and x.get("fill") == "9DC3E6"]
check(len(q) >= 12, len(q))
# one symbol: the amounts written «$», «RD$» and without one all print «$»
money = [x for x in s["cells"] if x["kind"] == "n" and x["value"] == 1500000]
check(sorted(x["fmt"] for x in money) == ['"$" #,##0.00', '"$" #,##0.00" (1)"'], [x["fmt"] for x in money])
viat = [x for x in s["cells"] if x["kind"] == "n" and x["value"] == 9450]
check(len(viat) == 1 and viat[0]["fmt"] == '"$" #,##0.00" (1)"', viat)

u = json.load(open(os.environ["UNI"]))
names = u["sheet_names"]
check(len(names) == 2 and all(len(n) <= 31 for n in names), names)
check(names == ["POA 2024", "Observaciones de verificación"], names)
us = {x["name"]: x for x in u["sheets"]}
poa = us[names[0]]
areas = {x["value"] for x in poa["cells"] if x["kind"] == "s" and x["value"].startswith("Área:")}
check(areas == {"Área: Departamento de Planificación y Desarrollo"}, areas)
# one unit: no institution's total on its sheet
check(not any(x["value"] == "Total de la institución" for x in poa["cells"]), "institution total")
# its POA and its tablero name the unit; the tablero totals it
tb = json.load(open(os.environ["UNITB"]))["sheets"][0]
check(tb["name"] == "Tablero EN-MAR", tb["name"])
for h in (poa, tb):
    check(h["cells"][1]["value"] == "ARS SEMMA · Departamento de Planificación y Desarrollo", h["cells"][1])
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
