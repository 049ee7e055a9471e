#!/usr/bin/env bash
# xlsx_seguimiento.sh — the Caja's seguimiento at corte 3 exported with
# --informe todo and read back with xlsx-inspect: sheets, headers with
# accents, every activity row against the database (the calculated CSV
# export), % as formulas with the stored value, semáforo conditional formats,
# print setup, and the tablero's chart pointing at its table.
# The import, both exports and xlsx-inspect are `require`d: the checks read
# what they write.
source "$(dirname "$0")/lib.bash"

require expect_code 0 "$POA" importar "$TMP/caja.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
require expect_code 0 "$POA" exportar "$TMP/caja.db" --xlsx "$TMP/caja.xlsx" --informe todo --corte 3
require expect_code 0 "$POA" exportar "$TMP/caja.db" --csv "$TMP/caja.csv" --corte 3
require check "xlsx-inspect caja.xlsx" "$POA_TOOLS/xlsx-inspect" --json "$TMP/caja.xlsx" >"$TMP/caja.json"
ls "$TMP" >"$TMP/lista.txt"
expect_not_grep "$TMP/lista.txt" 'tmp-'                    # temporary file left behind

CSV="$TMP/caja.csv" JSON="$TMP/caja.json" check_py "xlsx" <<'PYEOF'
import csv, json, os, re, sys
d = json.load(open(os.environ["JSON"]))

check(d["sheet_names"] == ["Resumen", "Tablero EN-SEP", "Seguimiento EN-SEP", "POA 2024"], d["sheet_names"])
S = {s["name"]: s for s in d["sheets"]}
seg = S["Seguimiento EN-SEP"]
cells = {c["cell"]: c for c in seg["cells"]}
def val(ref):
    c = cells.get(ref)
    return None if c is None else c["value"]

head = [val(f"{c}4") for c in "ABCDEFGHIJKL"]
check(head == ["CÓDIGO", "ACCIÓN OPERATIVA", "UNIDAD LÍDER", "UNIDAD-ÁREA RESPONSABLE",
               "META ANUAL", "EN-MAR", "ABR-JUN", "JUL-SEP", "OCT-DIC", "REAL EN-SEP",
               "% EJECUCIÓN EN-SEP", "OBSERVACIONES 3er. Trim."], head)
check(val("A1") == "SEGUIMIENTO AL PLAN OPERATIVO ANUAL 2024 — 3er. Trim. (EN-SEP)", val("A1"))
check(seg["freeze"] == "A5", seg["freeze"])

def num(s):
    if s == "":
        return None
    return float(s[:-1]) / 100 if s.endswith("%") else float(s)

db = {}
for r in csv.DictReader(open(os.environ["CSV"])):
    db[(r["unidad"], r["actividad_codigo"], r["actividad"])] = r

# walk the rows: objetivo rows (fill D9E1F2), unit rows (fill F2F2F2), activities
unidad = None
vistos = 0
cf_last = 0
for row in range(5, seg["rows"] + 1):
    a = cells.get(f"A{row}")
    if a is None:
        continue
    if f"A{row}:J{row}" in seg["merged"]:
        if a.get("fill") == "F2F2F2":
            unidad = a["value"]
        continue
    key = (unidad, a["value"], val(f"B{row}"))
    if key not in db:
        continue
    r = db[key]
    vistos += 1
    cf_last = row
    for col, campo in zip("EFGHIJ", ["meta_anual", "t1", "t2", "t3", "t4", "real"]):
        want = num(r[campo])
        got = val(f"{col}{row}")
        if want is None or want == 0 and campo != "real" and campo != "meta_anual":
            check(got in (None, ""), f"{col}{row} {key} {campo}: {got!r} should be empty")
        else:
            check(got is not None and abs(got - want) < 1e-9, f"{col}{row} {key} {campo}: {got!r} != {want!r}")
    k = cells[f"K{row}"]
    if r["estado"] in ("reportada", "sin reporte"):
        check(k["kind"] == "f", f"K{row} not a formula: {k}")
        check(k["fmt"] == "0%", f"K{row} format {k.get('fmt')}")
        want = num(r["pct_ejecucion"])
        check(round(k["cached"] * 100) == round(want * 100), f"K{row} {key} cached {k['cached']} != {want}")
        m = re.fullmatch(r"=J(\d+)/SUM\(F(\d+):([FGHI])(\d+)\)", k["value"])
        if m:
            check(m.group(3) == "H", f"K{row} sums up to the corte: {k['value']}")
            prog = sum((val(f"{c}{row}") or 0) for c in "FGH")
            real = val(f"J{row}") or 0
            check(abs(real / prog - k["cached"]) < 1e-9, f"K{row} formula and stored value differ")
        # the published figure of the institution, for every due row
        if r["pct_publicado"]:
            check(f"{round(k['cached'] * 100)}%" == r["pct_publicado"], f"{key}: {k['cached']} vs published {r['pct_publicado']}")
    else:
        check(k["kind"] == "s" and k["value"] == r["estado"], f"K{row} {key}: {k}")
        check(val(f"L{row}"), f"L{row} empty for a {r['estado']} row")
check(vistos == 89, f"{vistos} activity rows matched the database, expected 89")

# the board's known row: AO.6.1 of Comercialización, 479 / 1565 -> 31 %
hit = [c for c in seg["cells"] if c["cell"].startswith("J") and c["value"] == 479]
check(len(hit) == 1, "AO.6.1 Comercialización row")
if hit:
    row = hit[0]["cell"][1:]
    check(val(f"A{row}") == "AO.6.1", val(f"A{row}"))
    k = cells[f"K{row}"]
    check(k["value"] == f"=J{row}/SUM(F{row}:H{row})" and round(k["cached"], 4) == 0.3061, k)

# semáforo: three formula rules on the % column, thresholds from the config
cf = seg["conditional_formats"]
check(len(cf) == 3 and all(c["range"] == f"K5:K{cf_last}" or c["range"].startswith("K5:K") for c in cf), cf)
check(any("ROUND(K5,9)>=0.8" in c["formula"][0] and c["style"]["fill"] == "C6EFCE" for c in cf), cf)
check(any("ROUND(K5,9)<0.6" in c["formula"][0] and c["style"]["fill"] == "FFC7CE" for c in cf), cf)
check(any(c["value"] == "Semáforo del % de ejecución al corte" for c in seg["cells"]), "legend")
check(any(c["kind"] == "s" and c["value"].startswith("Promedio simple del % de ejecución") for c in seg["cells"]), "rule note")

for s in d["sheets"]:
    p = s["print"]
    check(p["orientation"] == "landscape" and p["paper"] == 9, (s["name"], p))
    # the summary is one page (tests/cli/xlsx_resumen.sh); the rest one page wide
    check(p["fit_to_page"] and p["fit_width"] == 1 and p["fit_height"] == (1 if s["name"] == "Resumen" else 0), (s["name"], p))
    if s["name"] == "Resumen":
        continue
    check(p["footer"]["center"] == "Página &P de &N", p["footer"])
    check(p["header"]["left"] == "Caja Mutual de los Empleados del Ministerio de Educación", p["header"])
    check(s["freeze"], f"{s['name']}: no freeze")
check(seg["print"]["repeat_rows"] == "4:4", seg["print"])
check(S["POA 2024"]["print"]["repeat_rows"] == "4:6", S["POA 2024"]["print"])
check("EN-SEP" in seg["print"]["header"]["right"], seg["print"]["header"])

# tablero: one row per unit, the total against the rule, the chart on the table
tb = S["Tablero EN-SEP"]
tc = {c["cell"]: c for c in tb["cells"]}
units = sorted({r[0] for r in db})
rows = [r for r in range(6, 6 + len(units))]
check(sorted(tc[f"A{r}"]["value"] for r in rows) == units, [tc[f"A{r}"]["value"] for r in rows])
due = [min(num(r["pct_ejecucion"]) if r["pct_ejecucion"] else 0.0, 1.0) for r in db.values() if r["estado"] in ("reportada", "sin reporte")]
tot = [c for c in tb["cells"] if c["value"] == "Total de la institución"]
check(len(tot) == 1, "total row")
if tot:
    tr = tot[0]["cell"][1:]
    g = tc[f"G{tr}"]["value"]
    # the CSV rounds to whole %, so compare loosely; the exact rule is calc's
    check(abs(g - sum(due) / len(due)) < 0.01, f"total {g} vs {sum(due)/len(due)}")
    check(tc[f"B{tr}"]["value"] == 89, tc[f"B{tr}"])
    check(tc[f"H{tr}"]["kind"] == "f" and tc[f"H{tr}"]["cached"] == "verde", tc[f"H{tr}"])
ch = tb["charts"]
check(len(ch) == 1, ch)
if ch:
    c = ch[0]
    # the bars and the two threshold lines, over the sorted helper range
    # that points at the table (tests/cli/xlsx_resumen.sh reads it)
    check(c["type"] == "bar" and len(c["series"]) == 3, c)
    s = c["series"][0]
    check(s["val"] == "'Tablero EN-SEP'!$AF$6:$AF$13" and s["cat"] == "'Tablero EN-SEP'!$AE$6:$AE$13", s)
check(any(c["value"].startswith("Promedio simple") for c in tb["cells"] if c["kind"] == "s"), "rule under the table")
check(len(tb["conditional_formats"]) == 3, tb["conditional_formats"])

# POA of a quarterly plan: each quarter's target centered across its three
# shaded month cells (no merge), no invented months
poa = S["POA 2024"]
pc = {c["cell"]: c for c in poa["cells"]}
check(pc["D5"]["value"] == "1er. Trim." and "D5:F5" in poa["merged"], "quarter header")
check([pc[f"{c}6"]["value"] for c in "DEFGHIJKLMNO"] == ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"], "months")
q = [c for c in poa["cells"] if c["value"] == 552]
check(len(q) == 1 and q[0]["cell"][0] == "D" and q[0].get("fill") == "9DC3E6" and q[0]["align"].startswith("centerContinuous"), q)
if q:
    row = q[0]["cell"][1:]
    check([pc[f"{c}{row}"].get("value") for c in "GJM"] == [505, 508, 472], "quarters 2-4")
PYEOF
finish
