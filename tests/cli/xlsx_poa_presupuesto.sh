#!/usr/bin/env bash
# xlsx_poa_presupuesto.sh — the POA sheet of both fixtures read back with
# xlsx-inspect: the Generales block of each unit, the column titles from
# [columnas] poa_*, one currency symbol ([exportar] moneda, or the one the
# amounts carry most), budget totals per entregable, unit and institution
# equal to the SQL sums (and to their SUMIF recomputed from the cells), an
# amount in another currency totalled apart, budget notes as numbered
# footnotes under the unit and comments on the amount, the Responsables
# column as wide as its longest word, and the report importing back with
# its amounts, currencies and notes.
source "$(dirname "$0")/lib.bash"

require expect_code 0 "$POA" importar "$TMP/ars.db" "$POA_FIXTURES/poa2024_ars_semma.csv"
require expect_code 0 "$POA" importar "$TMP/caja.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
require expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/ars.xlsx" --informe poa
require expect_code 0 "$POA" exportar "$TMP/caja.db" --xlsx "$TMP/caja.xlsx" --informe poa
require check "xlsx-inspect ars" "$POA_TOOLS/xlsx-inspect" --json "$TMP/ars.xlsx" >"$TMP/ars.json"
require check "xlsx-inspect caja" "$POA_TOOLS/xlsx-inspect" --json "$TMP/caja.xlsx" >"$TMP/caja.json"

# the sums the totals must equal, straight from the file
SUMAS="SELECT u.nombre, e.codigo, COUNT(*), SUM(a.presupuesto), COUNT(a.presupuesto)
       FROM actividad a JOIN entregable e ON e.id = a.entregable_id JOIN meta m ON m.id = e.meta_id
       JOIN unidad u ON u.id = m.unidad_id GROUP BY e.id"
sqlite3 -separator '|' "$TMP/ars.db" "$SUMAS" >"$TMP/sumas.txt"

# shared by the checks below: the sheet's cells, rows, totals and footnotes
cat >"$TMP/hoja.py" <<'PYEOF'
import json, re
def col(cell): return re.match(r"[A-Z]+", cell).group(0)
def fila(cell): return int(re.search(r"\d+", cell).group(0))
def hoja(path):
    d = json.load(open(path))
    s = d["sheets"][0]
    c = {x["cell"]: x for x in s["cells"]}
    return s, c
def bloques(s, c, col_area):
    """(unit, label, cached total) of each total row, and the footnotes under each unit"""
    unidad, totales, notas = None, [], {}
    for x in sorted(s["cells"], key=lambda x: (fila(x["cell"]), len(col(x["cell"])), col(x["cell"]))):
        v = x.get("value")
        if x["kind"] != "s":
            continue
        if col(x["cell"]) == col_area and v.startswith("Área: "):
            unidad = v[len("Área: "):]
        elif v.startswith("Total "):
            q = c.get("Q%d" % fila(x["cell"]))
            totales.append((unidad, v, q))
        elif re.match(r"\(\d+\) ", v) and len(col(x["cell"])) == 1:
            notas.setdefault(unidad, []).append(v)
    return totales, notas
def sumif(c, formula):
    """the SUMIF recomputed from the cells it reads"""
    m = re.fullmatch(r"=SUMIF\(([A-Z]+)(\d+):([A-Z]+)(\d+),(\d+),([A-Z]+)(\d+):([A-Z]+)(\d+)\)", formula)
    crit, r1, r2, k, sc = m.group(1), int(m.group(2)), int(m.group(4)), int(m.group(5)), m.group(6)
    return sum(c["%s%d" % (sc, r)]["value"] for r in range(r1, r2 + 1)
               if c.get("%s%d" % (crit, r), {}).get("value") == k)
PYEOF

JSON="$TMP/ars.json" SUMAS="$TMP/sumas.txt" LIB="$TMP/hoja.py" check_py "ARS" <<'PYEOF'
import os, re
exec(open(os.environ["LIB"]).read())
s, c = hoja(os.environ["JSON"])
v = lambda r: c[r]["value"] if r in c else None
# Generales of every unit, in the institution's words
nombres = sorted(x["value"] for x in s["cells"] if x["kind"] == "s" and x["value"].startswith("Nombre: "))
check(len(nombres) == 16, len(nombres))
for n in ["Nombre: Plan Operativo Anual del Departamento de Afiliación",
          "Nombre: Plan Operativo Anual de la División de Compras y Contrataciones",
          "Nombre: Plan Operativo Anual de la Sección de Delegados",
          "Nombre: Plan Operativo Anual de Operaciones de Afiliación"]:
    check(n in nombres, n)
gen = [x["cell"] for x in s["cells"] if x.get("value") == "Generales"]
check(len(gen) == 16 and all(col(g) == "A" for g in gen), gen)
for g in gen:
    r = fila(g)
    check("A%d:A%d" % (r, r + 2) in s["merged"], g)
    check(v("B%d" % (r + 1)) == "Fecha: Enero 2024 - Diciembre 2024", v("B%d" % (r + 1)))
check(any(x.get("value") == "Objetivo estratégico de referencia: (sin objetivo estratégico)" for x in s["cells"]),
      "empty objetivo")

# no «Nota del presupuesto» column: Presupuesto is the last one
check(v("Q4") == "Presupuesto" and v("R4") is None, (v("Q4"), v("R4")))
widths = {w["cols"]: w for w in s["col_widths"]}
check(widths["AN"].get("hidden") is True, widths.get("AN"))

# one symbol: «$» (4 amounts carry it, 1 «RD$», 1 none)
amounts = [x for x in s["cells"] if col(x["cell"]) == "Q" and x["kind"] == "n"]
check(len(amounts) == 6, len(amounts))
check(all(x["fmt"].startswith('"$" #,##0.00') for x in amounts), [x["fmt"] for x in amounts])

# totals: each equals the SQL sum and its SUMIF over the cells
totales, notas = bloques(s, c, "B")
ent = {}
uni = {}
for line in open(os.environ["SUMAS"]):
    u, cod, n, suma, cuenta = line.rstrip("\n").split("|")
    if int(cuenta):
        uni[u] = uni.get(u, 0) + float(suma)
        if int(n) > 1:
            ent[(u, "Total del entregable " + cod)] = float(suma)
got_ent = {(u, l): q["cached"] for u, l, q in totales if l.startswith("Total del entregable")}
check(got_ent == ent, (got_ent, ent))
got_uni = {u: q["cached"] for u, l, q in totales if l == "Total de la unidad"}
check(got_uni == uni, (got_uni, uni))
inst = [q for u, l, q in totales if l == "Total de la institución"]
check(len(inst) == 1 and inst[0]["cached"] == sum(uni.values()) == 34449450, inst)
for u, l, q in totales:
    check(q["kind"] == "f" and abs(sumif(c, q["value"]) - q["cached"]) < 0.005, (u, l, q))
    check(q["fmt"] == '"$" #,##0.00' and "b" in q["font"].split(","), q)

# notes: numbered under the unit, the number on the amount, the text in its comment
check(notas == {"Departamento Atención Al usuario": ["(1) monto compartido con las actividades siguientes del entregable"],
                "Departamento de Comunicaciones": ["(1) monto compartido con las actividades siguientes del entregable"],
                "Sección de Reembolso a Afiliados": ["(1) (viaticos)"]}, notas)
con_nota = [x for x in amounts if x["fmt"].endswith('" (1)"')]
check(len(con_nota) == 5, [x["cell"] for x in con_nota])
check(all(x["comment"].startswith("Nota del presupuesto (1): ") for x in con_nota), con_nota)
check(sum(1 for x in amounts if "comment" in x) == 5, "comments only on amounts with a note")
viat = [x for x in amounts if x["value"] == 9450][0]
check(viat["comment"] == "Nota del presupuesto (1): (viaticos)", viat)
# a note that is the whole budget stays in the cell
q = [x for x in s["cells"] if col(x["cell"]) == "Q" and x["kind"] == "s"]
check({x["value"] for x in q} >= {"N/A", "De acuerdo a lo aprobado en el PAC"}, {x["value"] for x in q})
PYEOF

JSON="$TMP/caja.json" LIB="$TMP/hoja.py" check_py "Caja" <<'PYEOF'
import os
exec(open(os.environ["LIB"]).read())
s, c = hoja(os.environ["JSON"])
v = lambda r: c[r]["value"] if r in c else None
widths = {w["cols"]: w for w in s["col_widths"]}
# no entregables: A and B hidden, Generales in the first printed column
check(widths["A"].get("hidden") and widths["B"].get("hidden"), widths)
check(v("C7") == "Generales" and "C7:C9" in s["merged"], v("C7"))
check(v("D7") == "Nombre: Plan Operativo Anual de Logística y Activos", v("D7"))
check(v("D8") == "Fecha: Enero 2024 - Diciembre 2024", v("D8"))
check(v("D9") == "Área: Logística y Activos", v("D9"))
nombres = {x["value"] for x in s["cells"] if x["kind"] == "s" and x["value"].startswith("Nombre: ")}
check(len(nombres) == 8 and "Nombre: Plan Operativo Anual de UAIP" in nombres, nombres)
# no budget at all: the column hidden, no totals, no notes
check(widths["Q"].get("hidden") is True, widths["Q"])
totales, notas = bloques(s, c, "D")
check(totales == [] and notas == {}, (totales, notas))
check(not any(x["kind"] == "f" for x in s["cells"]), "no formulas")
PYEOF

# titles and currency from the config; the report imports back with its
# amounts, currencies and notes as they were
cat >"$TMP/config.ini" <<'EOF'
[exportar]
moneda = RD$
[columnas]
poa_entregables = Productos
poa_indicadores = Indicadores de producto
poa_actividades = Acciones
poa_cronograma = Calendario
poa_responsables = UNIDAD-ÁREA RESPONSABLE
poa_presupuesto = Costo estimado
EOF
require expect_code 0 "$POA" --config "$TMP/config.ini" exportar "$TMP/ars.db" --xlsx "$TMP/cfg.xlsx" --informe poa
expect_not_in "$TMP/err" "aviso"
require check "xlsx-inspect cfg" "$POA_TOOLS/xlsx-inspect" --json "$TMP/cfg.xlsx" >"$TMP/cfg.json"
JSON="$TMP/cfg.json" LIB="$TMP/hoja.py" check_py "config" <<'PYEOF'
import os
exec(open(os.environ["LIB"]).read())
s, c = hoja(os.environ["JSON"])
v = lambda r: c[r]["value"] if r in c else None
check([v(x + "4") for x in "ABCDPQ"] == ["Productos", "Indicadores de producto", "Acciones", "Calendario",
                                         "UNIDAD-ÁREA RESPONSABLE", "Costo estimado"], [v(x + "4") for x in "ABCDPQ"])
amounts = [x for x in s["cells"] if col(x["cell"]) == "Q" and x["kind"] in "nf"]
check(len(amounts) == 6 + 5 + 4 + 1, len(amounts))   # amounts, entregable, unit and institution totals
check(all(x["fmt"].startswith('"RD$" #,##0.00') for x in amounts), {x["fmt"] for x in amounts})
PYEOF
require expect_code 0 "$POA" importar "$TMP/vuelta.db" "$TMP/cfg.xlsx"
PRES="SELECT u.nombre, a.codigo, a.texto, a.responsables, a.presupuesto, a.moneda, a.presupuesto_nota
      FROM actividad a JOIN entregable e ON e.id = a.entregable_id JOIN meta m ON m.id = e.meta_id
      JOIN unidad u ON u.id = m.unidad_id ORDER BY 1, 2, 3"
check_eq "amounts, currencies and notes read back" "$(sqlite3 "$TMP/vuelta.db" "$PRES" | md5sum)" \
    "$(sqlite3 "$TMP/ars.db" "$PRES" | md5sum)"
check_eq "activities read back" "$(sqlite3 "$TMP/vuelta.db" "SELECT COUNT(*) FROM actividad")" 172

# an amount in another currency keeps its symbol and is totalled apart;
# a responsable with a long word widens its column, taken from Actividades
sed -e 's/,9450.00,\$; (viaticos),/,9450.00,US$; (viaticos),/' \
    -e '0,/Afiliación\/ Direccion Ejecutiva/s//Afiliación\/ Interinstitucionalización/' \
    "$POA_FIXTURES/poa2024_ars_semma.csv" >"$TMP/usd.csv"
require expect_code 0 "$POA" importar "$TMP/usd.db" "$TMP/usd.csv"
check_eq "the US$ amount" "$(sqlite3 "$TMP/usd.db" "SELECT moneda FROM actividad WHERE presupuesto = 9450")" 'US$'
require expect_code 0 "$POA" exportar "$TMP/usd.db" --xlsx "$TMP/usd.xlsx" --informe poa
require check "xlsx-inspect usd" "$POA_TOOLS/xlsx-inspect" --json "$TMP/usd.xlsx" >"$TMP/usd.json"
JSON="$TMP/usd.json" LIB="$TMP/hoja.py" check_py "otra moneda" <<'PYEOF'
import os
exec(open(os.environ["LIB"]).read())
s, c = hoja(os.environ["JSON"])
viat = [x for x in s["cells"] if x["kind"] == "n" and x["value"] == 9450 and col(x["cell"]) == "Q"][0]
check(viat["fmt"] == '"US$" #,##0.00" (1)"', viat["fmt"])
check(viat["comment"] == "Nota del presupuesto (1): (viaticos)\nMonto en US$: no se suma a los totales en $; "
      "se totaliza aparte (el plan no tiene tipo de cambio).", viat["comment"])
totales, notas = bloques(s, c, "B")
t = {(u, l): (q["cached"], q["fmt"]) for u, l, q in totales}
reem = "Sección de Reembolso a Afiliados"
check(t.get((reem, "Total del entregable 1 (en US$)")) == (9450, '"US$" #,##0.00'), t)
check(t.get((reem, "Total de la unidad (en US$)")) == (9450, '"US$" #,##0.00'), t)
check((reem, "Total de la unidad") not in t, "no total in $ for a unit without $ amounts")
check(t.get((reem, "Total de la institución")) == (34440000, '"$" #,##0.00'), t)
check(t.get((reem, "Total de la institución (en US$)")) == (9450, '"US$" #,##0.00'), t)
for u, l, q in totales:
    check(abs(sumif(c, q["value"]) - q["cached"]) < 0.005, (u, l, q))
w = {x["cols"]: x["width"] for x in s["col_widths"]}
# «Interinstitucionalización» (25 letters) widens Responsables past its 17.71;
# the page layout (xlsx_pagina.c) may then narrow wrapped columns to keep the
# print scale, never below their widest word (the render below shows it whole)
check(w["P"] > 21, (w["C"], w["P"]))
PYEOF

# LibreOffice recalculates the totals (xlsx-render does) to the cached values
if command -v soffice >/dev/null; then
    require check "xlsx-render usd" "$POA_TOOLS/xlsx-render" --text "$TMP/usd.xlsx" "$TMP/render" >/dev/null 2>&1
    tr -s ' ' <"$TMP/render/usd.txt" >"$TMP/usd.txt"
    expect_in "$TMP/usd.txt" "Total del entregable 1 (en US\$) US\$ 9,450.00"
    expect_in "$TMP/usd.txt" "Total de la unidad (en US\$) US\$ 9,450.00"
    expect_in "$TMP/usd.txt" "Total de la unidad \$ 2,940,000.00"
    expect_in "$TMP/usd.txt" "Total de la institución \$ 34,440,000.00"
    expect_in "$TMP/usd.txt" "Total de la institución (en US\$) US\$ 9,450.00"
    expect_in "$TMP/usd.txt" "(1) (viaticos)"
    expect_not_in "$TMP/usd.txt" "###"
    expect_not_in "$TMP/usd.txt" "Interinstitucionaliza-"
    expect_in "$TMP/usd.txt" "Interinstitucionalización"
else
    echo "SALTADA la vuelta por LibreOffice: soffice no está instalado (bash tests/tools/deps.sh --render)"
fi
finish
