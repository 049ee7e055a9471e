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

FIXTURE="$POA_FIXTURES/seguimiento2024_t3_caja.csv" CSV="$TMP/caja.csv" JSON="$TMP/caja.json" check_py "xlsx" <<'PYEOF'
import csv, json, os, re, sys
d = json.load(open(os.environ["JSON"]))

check(d["sheet_names"] == ["Resumen", "Tablero EN-SEP", "Seguimiento EN-SEP", "POA 2024"], d["sheet_names"])
S = {s["name"]: s for s in d["sheets"]}
seg = S["Seguimiento EN-SEP"]
cells = {c["cell"]: c for c in seg["cells"]}
def val(ref):
    c = cells.get(ref)
    return None if c is None else c["value"]

head = [val(f"{c}4") for c in "ABCDEFGHIJKLM"]
check(head == ["CÓDIGO", "ACCIÓN OPERATIVA", "UNIDAD LÍDER", "UNIDAD-ÁREA RESPONSABLE",
               "META ANUAL", "EN-MAR", "ABR-JUN", "JUL-SEP", "OCT-DIC", "REAL EN-SEP",
               "% EJECUCIÓN EN-SEP", "% PUBLICADO EN-SEP", "OBSERVACIONES 3er. Trim."], head)
check(val("A1") == "SEGUIMIENTO AL PLAN OPERATIVO ANUAL 2024 — 3er. Trim. (EN-SEP)", val("A1"))
check(seg["freeze"] == "A5", seg["freeze"])

def num(s):
    if s == "":
        return None
    return float(s[:-1]) / 100 if s.endswith("%") else float(s)

db = {}
orden_unidades, mision, nota = [], {}, {}
for r in csv.DictReader(open(os.environ["CSV"])):
    db[(r["unidad"], r["actividad_codigo"], r["actividad"])] = r
    if r["unidad"] not in orden_unidades:
        orden_unidades.append(r["unidad"])
src = {}
for r in csv.DictReader(open(os.environ["FIXTURE"])):
    mision[r["unidad"]] = r["mision"]
    nota[r["unidad"]] = r["nota_unidad"] or nota.get(r["unidad"], "")

# walk the rows: unit (fill BDD7EE), MISIÓN, objetivo rows (fill D9E1F2),
# activities, the unit's Nota under its table
def capped(r):
    if r["estado"] not in ("reportada", "sin reporte"):
        return None
    return min(num(r["pct_ejecucion"] or "0"), 1.0) if r["pct_ejecucion"] else 0.0
unidad = None
vistos = 0
cf_last = 0
secuencia = []      # (kind, text) of every non-activity row
bloques = []        # [row, kind, [activity rows]] of every group row
objs = {}           # unit -> objetivo codes in sheet order
for row in range(5, seg["rows"] + 1):
    a = cells.get(f"A{row}")
    if a is None:
        continue
    if a.get("fill") == "BDD7EE":
        unidad = a["value"]
        secuencia.append(("unidad", unidad))
        bloques.append([row, "unidad", []])
        continue
    if a["value"].startswith("MISIÓN: "):
        secuencia.append(("mision", a["value"][8:]))
        continue
    if a["value"].startswith("Nota"):
        secuencia.append(("nota", a["value"]))
        continue
    if a.get("fill") == "D9E1F2":
        secuencia.append(("objetivo", a["value"]))
        objs.setdefault(unidad, []).append(a["value"].split(" ")[0].rstrip("."))
        bloques.append([row, "objetivo", []])
        continue
    key = (unidad, a["value"], val(f"B{row}"))
    if key not in db:
        if row < 147:
            check(False, f"row {row}: {key} is not an activity of the plan")
        continue
    r = db[key]
    vistos += 1
    cf_last = row
    for b_ in bloques:
        if b_[1] == "unidad" or b_ is bloques[-1]:
            pass
    bloques[-1][2].append(row)
    for b_ in reversed(bloques):
        if b_[1] == "unidad":
            b_[2].append(row)
            break
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
        check(val(f"M{row}"), f"M{row} empty for a {r['estado']} row")
    # «% publicado» beside the computed one, as a number
    if r["pct_publicado"]:
        check(abs(val(f"L{row}") - num(r["pct_publicado"])) < 1e-9, f"L{row} {val(f'L{row}')} vs {r['pct_publicado']}")
    # a real next to % targets reads as a %: 0.75 beside 25 % targets is 75 %
    if r["real"] and r["t1"].endswith("%"):
        check(cells[f"J{row}"]["fmt"] in ("0%", "0.0#%"), f"J{row} {key}: real {r['real']} fmt {cells[f'J{row}'].get('fmt')}")
    elif r["real"]:
        check(cells[f"J{row}"]["fmt"].startswith("#,##0"), f"J{row} {key}: {cells[f'J{row}'].get('fmt')}")
check(vistos == 89, f"{vistos} activity rows matched the database, expected 89")

# the Caja's document: unit (with its MISIÓN) -> O.E. in code order -> AO, the
# unit's note right under its table; units in the plan's order
unidades = [t for k, t in secuencia if k == "unidad"]
check(unidades == orden_unidades, unidades)
for i, (k, t) in enumerate(secuencia):
    if k == "unidad":
        check(secuencia[i + 1] == ("mision", mision[t]), f"{t}: MISIÓN not under the name: {secuencia[i + 1]}")
        j = i + 2
        while j < len(secuencia) and secuencia[j][0] == "objetivo":
            j += 1
        want = [("nota", nota[t])] if nota[t] else []
        check(secuencia[j:j + len(want)] == want, f"{t}: note not under its table: {secuencia[j:j + 1]}")
def codekey(c):
    n = [int(x) for x in re.findall(r"\d+", c)]
    return (0 if n else 1, n, c)
for u, cs in objs.items():
    check(cs == sorted(cs, key=codekey), f"{u}: objetivos {cs} not in code order")
check(objs["Comercialización"] == ["O.E.1", "O.E.3", "O.E.4", "O.E.5", "6"], objs["Comercialización"])
check(objs["Logística y Activos"] == ["O.E.3", "6"], objs["Logística y Activos"])
check(not any(c["value"] == "Notas de las unidades" for c in seg["cells"]), "notes gathered at the end")

# every group row: a formula over its own activity rows' hidden helpers, its
# cached value the capped mean of those activities (calc's rule)
for row, kind, acts in bloques:
    k = cells[f"K{row}"]
    a1, a2 = acts[0], acts[-1]
    m = re.fullmatch(r'=IF\(SUM\(CZ(\d+):CZ(\d+)\)>0,SUM\(DA(\d+):DA(\d+)\)/SUM\(CZ\d+:CZ\d+\),"—"\)', k["value"])
    check(m is not None, f"K{row}: {k['value']}")
    if m:
        check(int(m.group(1)) == row + 1 and int(m.group(2)) == a2, f"K{row} range {m.groups()} vs rows {row + 1}..{a2}")
    due = [capped(db[(unidad_de, cells[f'A{x}']['value'], val(f'B{x}'))]) for x in acts
           for unidad_de in [next(u for r0, kd, ac in bloques if kd == 'unidad' and x in ac for u in [cells[f'A{r0}']['value']])]]
    due = [d for d in due if d is not None]
    if due:
        check(abs(k["cached"] - sum(due) / len(due)) < 0.005, f"K{row} {cells[f'A{row}']['value'][:30]}: cached {k['cached']} vs {sum(due) / len(due)}")
    else:
        check(k["cached"] == "—", f"K{row}: {k}")

# the published figures that differ from the computed ones, counted by a formula
pub = [c for c in seg["cells"] if c["kind"] == "f" and c["value"].startswith('="«% publicado»')]
check(len(pub) == 1 and pub[0]["cached"].endswith(": 0."), pub)

# semáforo: three formula rules on the % column, thresholds from the config
cf = seg["conditional_formats"]
check(len(cf) == 4 and all(c["range"].startswith("K5:K") for c in cf[:3]), cf)
check(cf[3]["range"] == f"L8:L{cf_last}" and cf[3]["formula"] == ["$DC8=1"] and cf[3]["style"]["fill"] == "F8CBAD", cf[3])
check(any("ROUND(K5,9)>=0.8" in c["formula"][0] and c["style"]["fill"] == "C6EFCE" for c in cf), cf)
check(any("ROUND(K5,9)<0.6" in c["formula"][0] and c["style"]["fill"] == "FFC7CE" for c in cf), cf)
check(any(c["value"] == "Semáforo del % de ejecución al corte" for c in seg["cells"]), "legend")
check(any(c["kind"] == "s" and c["value"].startswith("Promedio simple del % de ejecución") for c in seg["cells"]), "rule note")

for s in d["sheets"]:
    p = s["print"]
    check(p["orientation"] == "landscape" and p["paper"] == 1, (s["name"], p))
    if s["name"] == "Resumen":
        # the summary is one page (tests/cli/xlsx_resumen.sh)
        check(p["fit_to_page"] and p["fit_width"] == 1 and p["fit_height"] == 1, (s["name"], p))
        continue
    # carta by default; a scale computed from the widths (never fit-to-width,
    # so pages can be counted), never under 80 %: 10 pt prints at 8 pt or more
    check(not p["fit_to_page"] and 80 <= p.get("scale", 100) <= 100, (s["name"], p))
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
check([tc[f"A{r}"]["value"] for r in rows] == orden_unidades, [tc[f"A{r}"]["value"] for r in rows])
# every figure a formula over the seguimiento's activity rows (hidden helpers)
for r in rows:
    check(tc[f"B{r}"]["value"] == f"=COUNTIFS('Seguimiento EN-SEP'!$CW$8:$CW${cf_last},{r - 5})", tc[f"B{r}"])
    check(tc[f"G{r}"]["value"].startswith("=IF(SUMIFS('Seguimiento EN-SEP'!$CZ$8:$CZ$"), tc[f"G{r}"])
due = [min(num(r["pct_ejecucion"]) if r["pct_ejecucion"] else 0.0, 1.0) for r in db.values() if r["estado"] in ("reportada", "sin reporte")]
tot = [c for c in tb["cells"] if c["value"] == "Total de la institución"]
check(len(tot) == 1, "total row")
if tot:
    tr = tot[0]["cell"][1:]
    g = tc[f"G{tr}"]["cached"]
    # the CSV rounds to whole %, so compare loosely; the exact rule is calc's
    check(abs(g - sum(due) / len(due)) < 0.01, f"total {g} vs {sum(due)/len(due)}")
    check(tc[f"B{tr}"]["cached"] == 89 and tc[f"B{tr}"]["value"] == f"=COUNT('Seguimiento EN-SEP'!$CW$8:$CW${cf_last})", tc[f"B{tr}"])
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
tcf = tb["conditional_formats"]
check(len(tcf) == 7, tcf)
# the Semáforo column coloured by its text, the % column by the thresholds
sem = {c["formula"][0]: c["style"]["fill"] for c in tcf if c["range"].startswith("H")}
check(sem == {'"verde"': "C6EFCE", '"amarillo"': "FFEB9C", '"rojo"': "FFC7CE", '"gris"': "EDEDED"}, sem)

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
