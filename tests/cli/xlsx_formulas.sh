#!/usr/bin/env bash
# xlsx_formulas.sh — one consistent workbook: in `--informe todo` of both
# fixtures (the Caja at corte 3, also by objetivo and for one unit; ARS SEMMA
# given a seguimiento here, also under the weighted rule) every
# group row of the seguimiento and every figure of the tablero is a formula
# whose cached value is calc's (poa verificar --json) and equals
# LibreOffice's recalculation; a real changed in the file (openpyxl) and
# recalculated moves its unit's and the institution's %. `--informe tablero`
# alone writes values. Needs LibreOffice (soffice) to recalculate.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
require command -v soffice

# LibreOffice, told to recalculate on load, re-saves the workbook: the
# stored results are then its own
recalcular() {   # in.xlsx outdir
    local prof="$TMP/lo-perfil"
    mkdir -p "$prof/user" "$2"
    cat >"$prof/user/registrymodifications.xcu" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
EOF
    HOME="$TMP/home" SAL_USE_VCLPLUGIN=svp timeout 180 soffice --headless --norestore \
        "-env:UserInstallation=file://$prof" --convert-to xlsx --outdir "$2" "$1" \
        >"$TMP/soffice.log" 2>&1 </dev/null
    [ -s "$2/$(basename "$1")" ]
}

# ARS SEMMA has no seguimiento: give it one (every fifth row unreported,
# the others a real of 1..6, some past their target), weights 0..3, some
# hitos and some descending targets
"$PY" - "$POA_FIXTURES/poa2024_ars_semma.csv" "$TMP/ars.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
w = csv.DictWriter(open(sys.argv[2], "w", newline=""), fieldnames=list(rows[0].keys()) + ["peso", "tipo_meta", "sentido"])
w.writeheader()
for i, r in enumerate(rows):
    r["corte"] = "3"
    r["real"] = "" if i % 5 == 0 else str(i % 6 + 1)
    r["peso"] = str(i % 4)
    r["tipo_meta"] = "hito" if i % 7 == 3 else ""
    r["sentido"] = "descendente" if i % 11 == 4 else ""
    w.writerow(r)
PY
# the same plan under the weighted rule with a cap of 120 %
printf '[consolidacion]\nregla = ponderada\ntope = 120\n' >"$TMP/ponderada.ini"
# and the Caja grouped by objetivo
printf '[exportar]\nagrupar_seguimiento = objetivo\n' >"$TMP/objetivo.ini"
require expect_code 0 "$POA" importar "$TMP/caja.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
require expect_code 0 "$POA" importar "$TMP/ars.db" "$TMP/ars.csv"

cp "$TMP/ars.db" "$TMP/arsp.db"
cp "$TMP/caja.db" "$TMP/cajau.db"
cp "$TMP/caja.db" "$TMP/cajao.db"
for fx in caja ars arsp cajau cajao; do
    cfg=() uni=()
    [ "$fx" = arsp ] && cfg=(--config "$TMP/ponderada.ini")
    [ "$fx" = cajao ] && cfg=(--config "$TMP/objetivo.ini")
    [ "$fx" = cajau ] && uni=(--unidad "Comercialización")
    require expect_code 0 "$POA" "${cfg[@]}" exportar "$TMP/$fx.db" --xlsx "$TMP/$fx.xlsx" --informe todo --corte 3 "${uni[@]}"
    require expect_code 0 "$POA" "${cfg[@]}" verificar "$TMP/$fx.db" --corte 3 --json
    cp "$TMP/out" "$TMP/$fx-v.json"
    require check "recalculado por LibreOffice ($fx)" recalcular "$TMP/$fx.xlsx" "$TMP/lo-$fx"

    # cached = calc's (verificar) = LibreOffice's, for every formula of both sheets
    UNIDAD="${uni[1]:-}" X="$TMP/$fx.xlsx" LO="$TMP/lo-$fx/$fx.xlsx" V="$TMP/$fx-v.json" check_py "cifras $fx" <<'PYEOF'
import json, os
import openpyxl
f = openpyxl.load_workbook(os.environ["X"])
c = openpyxl.load_workbook(os.environ["X"], data_only=True)
lo = openpyxl.load_workbook(os.environ["LO"], data_only=True)
v = json.load(open(os.environ["V"]))["consolidado"]
tb = [n for n in f.sheetnames if n.startswith("Tablero")][0]
sg = [n for n in f.sheetnames if n.startswith("Seguimiento")][0]
nform = 0
for name in (tb, sg):
    for row in f[name].iter_rows():
        for cell in row:
            if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                continue
            nform += 1
            ours, theirs = c[name][cell.coordinate].value, lo[name][cell.coordinate].value
            if isinstance(ours, (int, float)) and not isinstance(ours, bool):
                check(isinstance(theirs, (int, float)) and abs(ours - theirs) < 1e-9,
                      f"{name}!{cell.coordinate} {cell.value[:80]}: stored {ours!r}, LibreOffice {theirs!r}")
            else:
                check(ours == theirs, f"{name}!{cell.coordinate} {cell.value[:80]}: stored {ours!r}, LibreOffice {theirs!r}")
check(nform > (150 if os.environ["UNIDAD"] else 500), f"only {nform} formulas")

# the tablero's figures are formulas, their stored values calc's
ws, wc = f[tb], c[tb]
sec, got = None, {"unidad": [], "eje": [], "objetivo": []}
total = None
for r in range(5, ws.max_row + 1):
    name = ws.cell(r, 1).value
    if name is None:
        continue
    if name == "Por unidad": sec = "unidad"; continue
    if name.startswith("Por eje"): sec = "eje"; continue
    if name.startswith("Por objetivo"): sec = "objetivo"; continue
    for col in range(2, 9):
        check(str(ws.cell(r, col).value).startswith("="), f"{tb}!{ws.cell(r, col).coordinate} is not a formula")
    pct = wc.cell(r, 7).value
    fig = (name, pct if isinstance(pct, (int, float)) else None, wc.cell(r, 2).value, wc.cell(r, 8).value)
    if name.startswith("Total de la"):
        total = fig
        break
    got[sec].append(fig)
def same(a, b):   # verificar --json rounds to 6 decimals
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 6e-7)
want_u = {u["nombre"]: u for u in v["unidades"]}
uni = os.environ["UNIDAD"]
check(len(got["unidad"]) == (1 if uni else len(v["unidades"])), (len(got["unidad"]), len(v["unidades"])))
for name, pct, n, sem in got["unidad"]:
    u = want_u[name]
    check(same(pct, u["pct"]) and n == u["actividades"] and sem == u["semaforo"], (name, pct, n, sem, u))
# with --unidad the total is the unit's
i = want_u[uni] if uni else v["institucion"]
check(same(total[1], i["pct"]) and total[2] == i["actividades"] and total[3] == i["semaforo"], (total, i))
for lvl, want in (("eje", v["ejes"]), ("objetivo", v["objetivos"])) if not uni else ():
    a = sorted(p for _, p, _, _ in got[lvl] if p is not None)
    b = sorted(e["pct"] for e in want if e["pct"] is not None)
    check(len(a) == len(b) and all(same(x, y) for x, y in zip(a, b)), (lvl, a, b))
print(f"  {nform} fórmulas; total {total[1]}")
PYEOF
done

# ---- a correction in the file flows up: the Caja's AO.6.1 of
# Comercialización (479 of 1565 programado, 31 %) set to 1565 (100 %) ----
X="$TMP/caja.xlsx" OUT="$TMP/caja-mod.xlsx" check_py "real cambiado" <<'PYEOF'
import os
import openpyxl
f = openpyxl.load_workbook(os.environ["X"])
ws = f["Seguimiento EN-SEP"]
hits = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 10).value == 479]
check(len(hits) == 1, hits)
ws.cell(hits[0], 10).value = 1565
# openpyxl 3.0 cannot write back the tablero chart it read (its trendlines):
# the chart is not what this checks, a person would use Excel or LibreOffice
for w in f.worksheets:
    w._charts = []
f.save(os.environ["OUT"])
PYEOF
require check "recalculado por LibreOffice (cambio)" recalcular "$TMP/caja-mod.xlsx" "$TMP/lo-mod"
A="$TMP/lo-caja/caja.xlsx" B="$TMP/lo-mod/caja-mod.xlsx" check_py "el cambio sube" <<'PYEOF'
import os
import openpyxl
a = openpyxl.load_workbook(os.environ["A"], data_only=True)
b = openpyxl.load_workbook(os.environ["B"], data_only=True)
def fila(wb, sheet, name, col):
    ws = wb[sheet]
    return [ws.cell(r, col).value for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == name]
# the tablero: Comercialización and the total
ua, ub = fila(a, "Tablero EN-SEP", "Comercialización", 7)[0], fila(b, "Tablero EN-SEP", "Comercialización", 7)[0]
ta, tb = fila(a, "Tablero EN-SEP", "Total de la institución", 7)[0], fila(b, "Tablero EN-SEP", "Total de la institución", 7)[0]
na = fila(a, "Tablero EN-SEP", "Comercialización", 2)[0]
# the unit's mean gains (1 - 479/1565) over its due activities, the total's
# over all due ones (hidden helpers: col 101 the unit's key, 104 its weight)
gain = 1 - 479 / 1565
ws = a["Seguimiento EN-SEP"]
peso = lambda r: ws.cell(r, 104).value if isinstance(ws.cell(r, 104).value, (int, float)) else 0
n_u = sum(1 for r in range(5, ws.max_row + 1) if ws.cell(r, 101).value == 3 and peso(r) > 0)  # Comercialización is the third unit
n_t = sum(1 for r in range(5, ws.max_row + 1) if peso(r) > 0)
check(n_u == na and n_t > n_u, (n_u, na, n_t))
check(abs((ub - ua) - gain / n_u) < 1e-9, f"Comercialización {ua} -> {ub}, expected +{gain / n_u}")
check(abs((tb - ta) - gain / n_t) < 1e-9, f"total {ta} -> {tb}, expected +{gain / n_t}")
# and in the seguimiento: the unit's header row and the activity's own %
sa, sb = fila(a, "Seguimiento EN-SEP", "Comercialización", 11)[0], fila(b, "Seguimiento EN-SEP", "Comercialización", 11)[0]
check(abs(sa - ua) < 1e-12 and abs(sb - ub) < 1e-12, (sa, ua, sb, ub))
print(f"  Comercialización {ua:.4f} → {ub:.4f}, total {ta:.4f} → {tb:.4f}")
PYEOF

# ---- the tablero alone: calc's values, the semáforo still a formula ----
expect_code 0 "$POA" exportar "$TMP/caja.db" --xlsx "$TMP/t.xlsx" --informe tablero --corte 3
X="$TMP/t.xlsx" check_py "tablero solo" <<'PYEOF'
import os
import openpyxl
f = openpyxl.load_workbook(os.environ["X"])
check(f.sheetnames == ["Tablero EN-SEP"], f.sheetnames)
ws = f.worksheets[0]
tot = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "Total de la institución"][0]
check(ws.cell(tot, 2).value == 89, ws.cell(tot, 2).value)
check(isinstance(ws.cell(tot, 7).value, float) and abs(ws.cell(tot, 7).value - 0.8991302553121304) < 1e-12, ws.cell(tot, 7).value)
check(str(ws.cell(tot, 8).value).startswith("=IF(ISNUMBER(G"), ws.cell(tot, 8).value)
check(not any("fórmulas sobre" in str(ws.cell(r, 1).value) for r in range(1, ws.max_row + 1)), "formula note on a values tablero")
PYEOF
finish
