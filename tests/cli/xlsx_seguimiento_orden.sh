#!/usr/bin/env bash
# xlsx_seguimiento_orden.sh — the seguimiento sheet's order and titles, read
# back with xlsx-inspect: ARS SEMMA grouped unit → eje → objetivo with the
# empty objetivo labelled «(sin objetivo estratégico)» and no group row
# without a label; `[exportar] agrupar_seguimiento = objetivo` gives
# objetivo (code order) → unit with the notes gathered at the end; the
# institution's own column titles (`[columnas]`), and a report with them
# still imports back, the real corrected in it included; a published % that
# differs from the computed one marked and counted.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3

require expect_code 0 "$POA" importar "$TMP/ars.db" "$POA_FIXTURES/poa2024_ars_semma.csv"
require expect_code 0 "$POA" importar "$TMP/caja.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"

# ---- ARS SEMMA: unit → eje → objetivo → actividad ----
# ARS has no seguimiento: `todo` would write the POA only (xlsx_resumen.sh),
# so each sheet is asked for by name (in gray, «sin seguimiento registrado»)
require expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/ars.xlsx" --informe seguimiento --corte 3
require expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/ars-tb.xlsx" --informe tablero --corte 3
require check "xlsx-inspect ars" "$POA_TOOLS/xlsx-inspect" --json "$TMP/ars.xlsx" >"$TMP/ars.json"
require check "xlsx-inspect ars-tb" "$POA_TOOLS/xlsx-inspect" --json "$TMP/ars-tb.xlsx" >"$TMP/ars-tb.json"
FIX="$POA_FIXTURES/poa2024_ars_semma.csv" JSON="$TMP/ars.json" JSON2="$TMP/ars-tb.json" check_py "ars" <<'PYEOF'
import csv, json, os
S = {s["name"]: s for j in ("JSON", "JSON2") for s in json.load(open(os.environ[j]))["sheets"]}
seg = S["Seguimiento EN-SEP"]
cells = {c["cell"]: c for c in seg["cells"]}
rows = {}
for c in seg["cells"]:
    if c["cell"][0] == "A" and c["cell"][1].isdigit():
        rows[int(c["cell"][1:])] = c
units, mision, eje_de = [], {}, {}
for r in csv.DictReader(open(os.environ["FIX"])):
    if r["unidad"] not in units:
        units.append(r["unidad"])
    mision[r["unidad"]] = r["mision"]
# walk: every unit header (fill BDD7EE) and what follows it
seq = []
for n in sorted(rows):
    if n <= 4:
        continue
    c = rows[n]
    if c["value"].startswith("Semáforo del %"):
        break
    kind = {"BDD7EE": "unidad", "D9E1F2": "grupo", "F2F2F2": "meta"}.get(c.get("fill"), "fila")
    if kind == "grupo":
        kind = "eje" if c["value"].startswith("EJE O PERSPECTIVA: ") else "objetivo"
    if c["value"].startswith("MISIÓN: "):
        kind = "mision"
    seq.append((n, kind, c["value"]))
    if kind != "fila":
        check(c["value"].strip() and not c["value"].endswith(": "), f"A{n}: group row without a label: {c['value']!r}")
check([v for _, k, v in seq if k == "unidad"] == units, [v for _, k, v in seq if k == "unidad"])
for i, (n, k, v) in enumerate(seq):
    if k == "unidad" and mision[v]:
        check(seq[i + 1][1:] == ("mision", "MISIÓN: " + mision[v]), (v, seq[i + 1]))
# Operaciones de Afiliación has no eje and no objetivo: no eje row, the
# objetivo row says so
i = [j for j, (_, k, v) in enumerate(seq) if k == "unidad" and v == "Operaciones de Afiliación"][0]
bloque = []
for n, k, v in seq[i + 1:]:
    if k == "unidad":
        break
    bloque.append((k, v))
check([b for b in bloque if b[0] != "fila"][:2] == [("mision", "MISIÓN: " + mision["Operaciones de Afiliación"]), ("objetivo", "(sin objetivo estratégico)")] or
      [b for b in bloque if b[0] != "fila"][:1] == [("objetivo", "(sin objetivo estratégico)")], bloque[:3])
check(not any(k == "eje" for k, _ in bloque), bloque)
# Departamento de Afiliación: eje Financiero, then Finanzas (the plan's
# order), each with its objetivo under it
i = [j for j, (_, k, v) in enumerate(seq) if k == "unidad" and v == "Departamento de Afiliación"][0]
g = []
for n, k, v in seq[i + 1:]:
    if k == "unidad":
        break
    if k in ("eje", "objetivo"):
        g.append((k, v[:40]))
check([x for x in g if x[0] == "eje"] == [("eje", "EJE O PERSPECTIVA: Financiero"), ("eje", "EJE O PERSPECTIVA: Finanzas")], g)
check([x[0] for x in g] == ["eje", "objetivo", "eje", "objetivo"], g)
# the tablero too: no row without a label
tb = S["Tablero EN-SEP"]
for c in tb["cells"]:
    if c["cell"][0] == "A" and c["cell"][1].isdigit() and int(c["cell"][1:]) > 4:
        check(c["value"] is not None and str(c["value"]).strip(), f"tablero {c['cell']}: {c}")
check(any(c["value"] == "(sin objetivo estratégico)" for c in tb["cells"]), "tablero: the empty objetivo")
# nothing published in this plan: no «% publicado» column
check(cells["L4"]["value"] == "OBSERVACIONES 3er. Trim." and "M4" not in cells, (cells["L4"], cells.get("M4")))
PYEOF

# ---- a published figure that differs from the computed one is marked and counted ----
"$PY" - "$POA_FIXTURES/seguimiento2024_t3_caja.csv" "$TMP/pub.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
w = csv.DictWriter(open(sys.argv[2], "w", newline=""), fieldnames=rows[0].keys())
w.writeheader()
for r in rows:
    if r["unidad"] == "Comercialización" and r["actividad_codigo"] == "AO.6.1":
        r["pct_publicado"] = "30%"    # computed: 479 / 1565 = 30.6 % -> 31 %
    w.writerow(r)
PY
require expect_code 0 "$POA" importar "$TMP/pub.db" "$TMP/pub.csv"
require expect_code 0 "$POA" exportar "$TMP/pub.db" --xlsx "$TMP/pub.xlsx" --informe seguimiento --corte 3
require check "xlsx-inspect pub" "$POA_TOOLS/xlsx-inspect" --json "$TMP/pub.xlsx" >"$TMP/pub.json"
JSON="$TMP/pub.json" check_py "publicado distinto" <<'PYEOF'
import json, os
d = json.load(open(os.environ["JSON"]))
seg = d["sheets"][0]
cells = {c["cell"]: c for c in seg["cells"]}
row = [c["cell"][1:] for c in seg["cells"] if c["cell"][0] == "J" and c["value"] == 479][0]
check(abs(cells[f"L{row}"]["value"] - 0.30) < 1e-12, cells[f"L{row}"])
check(cells[f"DC{row}"]["kind"] == "f" and cells[f"DC{row}"]["cached"] == 1, cells[f"DC{row}"])
difs = [c["cell"] for c in seg["cells"] if c["cell"].startswith("DC") and c.get("cached") == 1]
check(difs == [f"DC{row}"], difs)
nota = [c for c in seg["cells"] if c["kind"] == "f" and c["value"].startswith('="«% publicado»')]
check(len(nota) == 1 and nota[0]["cached"].endswith("redondeado a entero: 1."), nota)
cf = [c for c in seg["conditional_formats"] if c["range"].startswith("L")]
check(len(cf) == 1 and cf[0]["formula"] == ["$DC8=1"], cf)
PYEOF

# ---- agrupar_seguimiento = objetivo; the institution's column titles ----
cat >"$TMP/config.ini" <<'EOF'
[exportar]
agrupar_seguimiento = objetivo
[columnas]
seguimiento_accion = ACCIÓN OPERATIVA (AO)
seguimiento_lider = UNIDAD ORGANIZATIVA LÍDER
seguimiento_real = REAL
seguimiento_pct = % EJECUCIÓN
seguimiento_observaciones = OBSERVACIONES - COMENTARIOS {trim}
EOF
require expect_code 0 "$POA" --config "$TMP/config.ini" exportar "$TMP/caja.db" --xlsx "$TMP/obj.xlsx" --informe todo --corte 3
expect_not_in "$TMP/err" "aviso"
require check "xlsx-inspect obj" "$POA_TOOLS/xlsx-inspect" --json "$TMP/obj.xlsx" >"$TMP/obj.json"
JSON="$TMP/obj.json" check_py "por objetivo" <<'PYEOF'
import json, os
d = json.load(open(os.environ["JSON"]))
S = {s["name"]: s for s in d["sheets"]}
seg = S["Seguimiento EN-SEP"]
cells = {c["cell"]: c for c in seg["cells"]}
head = [cells[f"{c}4"]["value"] for c in "ABCDEFGHIJKLM"]
check(head == ["CÓDIGO", "ACCIÓN OPERATIVA (AO)", "UNIDAD ORGANIZATIVA LÍDER", "UNIDAD-ÁREA RESPONSABLE",
               "META ANUAL", "EN-MAR", "ABR-JUN", "JUL-SEP", "OCT-DIC", "REAL", "% EJECUCIÓN",
               "% PUBLICADO EN-SEP", "OBSERVACIONES - COMENTARIOS 3er. Trim."], head)
a = sorted(((int(c["cell"][1:]), c) for c in seg["cells"] if c["cell"][0] == "A" and c["cell"][1:].isdigit()), key=lambda t: t[0])
objs = [c["value"].split(" ")[0].rstrip(".") for n, c in a if c.get("fill") == "D9E1F2"]
check(objs == ["O.E.1", "O.E.3", "O.E.4", "O.E.5", "6"], objs)
# under each objetivo its units (fill F2F2F2), each with its % formula
uni = [(n, c["value"]) for n, c in a if c.get("fill") == "F2F2F2"]
check(len(uni) == 21, len(uni))
check(all(cells[f"K{n}"]["kind"] == "f" for n, _ in uni), "unit rows' % formulas")
check(not any(c["value"].startswith("MISIÓN: ") for _, c in a), "MISIÓN in the objetivo order")
notas = [n for n, c in a if c["value"] == "Notas de las unidades"]
check(len(notas) == 1, "notes gathered at the end")
# the tablero reads the same figures as in the unit order
tb = S["Tablero EN-SEP"]
tot = [c for c in tb["cells"] if c["value"] == "Total de la institución"][0]["cell"][1:]
g = {c["cell"]: c for c in tb["cells"]}[f"G{tot}"]
check(g["kind"] == "f" and abs(g["cached"] - 0.8991302553121304) < 1e-12, g)
PYEOF

# the report with those titles imports back: a real corrected in it (AO.6.1
# of Comercialización, 479 → 500) reaches the plan
X="$TMP/obj.xlsx" OUT="$TMP/obj-mod.xlsx" check_py "corregir" <<'PYEOF'
import os
import openpyxl
f = openpyxl.load_workbook(os.environ["X"])
ws = f["Seguimiento EN-SEP"]
hits = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 10).value == 479]
check(len(hits) == 1, hits)
ws.cell(hits[0], 10).value = 500
# openpyxl 3.0 cannot write back the tablero chart it read (its trendlines):
# the chart is not what this checks, a person would use Excel or LibreOffice
for w in f.worksheets:
    w._charts = []
f.save(os.environ["OUT"])
PYEOF
expect_code 0 "$POA" importar "$TMP/caja.db" "$TMP/obj-mod.xlsx"
expect_code 0 "$POA" exportar "$TMP/caja.db" --csv "$TMP/c.csv" --corte 3
CSV="$TMP/c.csv" check_py "real importado" <<'PYEOF'
import csv, os
r = [r for r in csv.DictReader(open(os.environ["CSV"])) if r["unidad"] == "Comercialización" and r["actividad_codigo"] == "AO.6.1"]
check(len(r) == 1 and r[0]["real"] == "500", [x["real"] for x in r])
PYEOF
finish
