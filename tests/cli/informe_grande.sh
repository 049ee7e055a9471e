#!/usr/bin/env bash
# informe_grande.sh — the `todo` report of a generated plan of 10,000
# activities in 150 units (tests/tools/generar_plan.py, seguimiento at cortes
# 2 and 3), read back with xlsx-inspect: the summary first and equal to the
# tablero; the tablero's formulas cached with calc's figures (poa verificar
# --json); the seguimiento unit → MISIÓN → eje → objetivos in code order
# (within each eje) → actions → the unit's note, 10,000 action rows; no page
# that ends on a block's header (the manual breaks, at most Excel's 1,023
# per sheet); the POA with a Generales block per unit and a budget total
# equal to the plan's.
source "$(dirname "$0")/lib.bash"

GEN="$POA_TOOLS/generar_plan.py"
require check "generar corte 2" python3 "$GEN" 10000 --corte 2 -o "$TMP/c2.csv"
require check "generar corte 3" python3 "$GEN" 10000 --corte 3 -o "$TMP/c3.csv"
require expect_code 0 "$POA" importar "$TMP/g.db" "$TMP/c2.csv"
require expect_code 0 "$POA" importar "$TMP/g.db" "$TMP/c3.csv"
require expect_code 0 "$POA" verificar "$TMP/g.db" --corte 3 --json
cp "$TMP/out" "$TMP/verificar.json"
require expect_code 0 "$POA" exportar "$TMP/g.db" --xlsx "$TMP/g.xlsx" --corte 3
require check "xlsx-inspect" "$POA_TOOLS/xlsx-inspect" --json --values "$TMP/g.xlsx" >"$TMP/g.json"

CSV="$TMP/c3.csv" VER="$TMP/verificar.json" JSON="$TMP/g.json" check_py "10k" <<'PYEOF'
import csv, json, os, re
filas = list(csv.DictReader(open(os.environ["CSV"], encoding="utf-8")))
ver = json.load(open(os.environ["VER"]))["consolidado"]
d = json.load(open(os.environ["JSON"]))
check(d["sheet_names"][:4] == ["Resumen", "Tablero EN-SEP", "Seguimiento EN-SEP", "POA 2024"],
      d["sheet_names"])
S = {s["name"]: s for s in d["sheets"]}

def celdas(s):
    return {c["cell"]: c for c in s["cells"]}

def valor(c):   # a formula is read by the value cached with it
    return None if c is None else c.get("cached") if c["kind"] == "f" else c["value"]

unidades = list(dict.fromkeys(r["unidad"] for r in filas))
nota = {r["unidad"]: r["nota_unidad"] for r in filas}
check(len(unidades) == 150, len(unidades))

# ---- tablero: one row per unit, in plan order, its % = calc's ----
tb = celdas(S["Tablero EN-SEP"])
fila_de = {}
for k, c in tb.items():
    if k[0] == "A" and k[1:].isdigit() and c["value"] in nota and k[1:] not in fila_de.values():
        fila_de.setdefault(c["value"], k[1:])
check(list(fila_de) == unidades, list(fila_de)[:5])
pct = {u["nombre"]: u["pct"] for u in ver["unidades"]}
for u, r in fila_de.items():
    g = tb.get("G" + r)
    check(g and g["kind"] == "f" and abs(valor(g) - pct[u]) < 5e-7, (u, g, pct[u]))
total = [k[1:] for k, c in tb.items() if k[0] == "A" and c["value"] == "Total de la institución"]
check(len(total) == 1 and abs(valor(tb["G" + total[0]]) - ver["institucion"]["pct"]) < 5e-7,
      (total, ver["institucion"]))

# ---- resumen: the same total as the tablero ----
rs = celdas(S["Resumen"])
t = [k for k, c in rs.items() if k[0] == "A" and c["value"] == "Total de la institución"]
check(len(t) == 1 and abs(valor(rs["C" + t[0][1:]]) - valor(tb["G" + total[0]])) < 1e-12, t)

# ---- seguimiento: unit, MISIÓN, objetivos in code order, actions, note ----
sg = S["Seguimiento EN-SEP"]
col_a = {int(c["cell"][1:]): c["value"] for c in sg["cells"]
         if c["cell"][0] == "A" and c["cell"][1:].isdigit()}
def clave(cod):   # O.E.1 < O.E.3 < … < 6: the numbers in the code, in turn
    return [int(n) for n in re.findall(r"\d+", cod)]
orden, acciones, cabeceras = [], 0, set()
actual, objs, visto_nota = None, [], {}
for r in sorted(col_a):
    v = str(col_a[r])
    if r <= 4:
        continue
    if v in nota:                              # a unit's header
        if actual:
            check(objs == sorted(objs, key=clave), (actual, objs))
        actual, objs = v, []
        orden.append(v)
        cabeceras.add(r)
        check(str(col_a.get(r + 1, "")).startswith("MISIÓN: "), (r, col_a.get(r + 1)))
    elif v.startswith("EJE O PERSPECTIVA: "):   # code order runs within an eje
        check(objs == sorted(objs, key=clave), (actual, objs))
        objs = []
        cabeceras.add(r)
    elif v.startswith(("MISIÓN: ", "Meta operativa anual: ")):
        cabeceras.add(r)
    elif re.match(r"^(O\.E\.\d+|6)\. ", v):
        objs.append(v.split(" ")[0].rstrip("."))
        cabeceras.add(r)
    elif re.fullmatch(r"\d+\.\d+", v):
        acciones += 1
    elif v.startswith("Nota: "):
        visto_nota[actual] = v
check(orden == unidades, orden[:5])
check(acciones == 10000, acciones)
check(visto_nota == {u: n for u, n in nota.items() if n}, len(visto_nota))
# a page never ends on a block's header: the manual breaks (the row after
# which a page ends) keep each header with its first rows
saltos = sg["print"].get("row_breaks", [])
check(900 <= len(saltos) <= 1023, len(saltos))
check(not [b for b in saltos if b in cabeceras], [b for b in saltos if b in cabeceras][:5])

# ---- POA: a Generales block per unit; the institution's budget total ----
po = S["POA 2024"]
gen = [c for c in po["cells"] if c["value"] == "Generales"]
check(len(gen) == 150, len(gen))
pc = celdas(po)
tot = [k for k, c in pc.items() if c["value"] == "Total de la institución"]
suma = sum(float(r["presupuesto"]) for r in filas if r["presupuesto"])
fila_tot = tot[0][1:] if tot else None
monto = [valor(c) for k, c in pc.items() if fila_tot and k[1:] == fila_tot and c["kind"] == "f"]
check(len(tot) == 1 and len(monto) == 1 and abs(monto[0] - suma) < 0.005, (tot, monto, suma))
check(len(po["print"].get("row_breaks", [])) <= 1023, "Excel's limit of manual breaks")
PYEOF
finish
