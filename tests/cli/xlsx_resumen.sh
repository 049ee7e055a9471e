#!/usr/bin/env bash
# xlsx_resumen.sh — the board's workbook read back with xlsx-inspect:
# ARS SEMMA (no seguimiento): `todo` is the POA only and says why, with the
# verification sheet listing its eje spellings and empty names; the tablero
# asked explicitly is gray, never 0 % rojo. The Caja at corte 3: the summary
# opens the workbook, its figures equal the tablero's, the change from
# corte 2 (reals entered with `poa seguimiento`) equals the tablero at
# corte 2, the causa of a red activity and the [firmas] names are printed;
# the chart is sorted, coloured by semáforo, labelled (a unit with nothing
# due «sin vencidas»), with the 80/60 lines;
# Subject says EN-SEP; a 40-unit plan cuts its lists to the page. Rendered:
# the summary is one page.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
INSPECT="$POA_TOOLS/xlsx-inspect"

# ---- ARS SEMMA: no seguimiento at any corte ----
require expect_code 0 "$POA" importar "$TMP/ars.db" "$POA_FIXTURES/poa2024_ars_semma.csv"
expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/ars.xlsx"
expect_in "$TMP/out" "Escrito «$TMP/ars.xlsx» (informe: poa)"
expect_in "$TMP/err" "poa: sin seguimiento registrado al corte 1 (1er. Trim.): el informe «todo» lleva solo el POA"
expect_in "$TMP/err" "poa: la verificación del plan dejó 11 observaciones que cambian lo que lee el informe (hoja «Observaciones de verificación»):"
expect_in "$TMP/err" "poa:   Nombre escrito de dos maneras (eje): El eje «Financiera» parece el mismo que «Finanzas»"
expect_in "$TMP/err" "poa:   Nombre vacío (objetivo): Un objetivo estratégico sin código ni texto agrupa 9 actividades"
# an explicit corte without seguimiento: the same
expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/ars3.xlsx" --corte 3
expect_in "$TMP/err" "sin seguimiento registrado al corte 3 (3er. Trim.)"
expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/ars_tb.xlsx" --informe tablero
expect_in "$TMP/err" "poa: aviso: sin seguimiento registrado al corte 1 (1er. Trim.): las cifras van en gris, sin semáforo"
expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/ars_sg.xlsx" --informe seguimiento
for f in ars ars3 ars_tb ars_sg; do
    require check "xlsx-inspect $f.xlsx" "$INSPECT" --json "$TMP/$f.xlsx" >"$TMP/$f.json"
done

DIR="$TMP" check_py "ars" <<'PYEOF'
import json, os
T = os.environ["DIR"]
J = lambda n: json.load(open(f"{T}/{n}.json"))
d = J("ars")
check(d["sheet_names"] == ["POA 2024", "Observaciones de verificación"], d["sheet_names"])
check(J("ars3")["sheet_names"] == ["POA 2024", "Observaciones de verificación"], J("ars3")["sheet_names"])
ob = {c["cell"]: c["value"] for c in d["sheets"][1]["cells"]}
check(ob["A1"] == "OBSERVACIONES DE VERIFICACIÓN — POA 2024", ob["A1"])
check([ob[f"{c}4"] for c in "ABCDE"] == ["Qué", "Dónde (unidad · código · campo)", "Valor escrito", "Detalle", "Cómo corregirlo"], [ob.get(f"{c}4") for c in "ABCDE"])
rows = [(ob.get(f"A{r}"), ob.get(f"B{r}"), ob.get(f"C{r}"), ob.get(f"D{r}"), ob.get(f"E{r}")) for r in range(5, 16)]
check(all(r[0] for r in rows) and ob.get("A16") is None, rows)
ejes = {r[2] for r in rows if r[0] == "Nombre escrito de dos maneras" and r[1] == "eje"}
check(ejes == {"Financiero", "Financiera", "Clientes", "Procesos internos", "Proceso internos"}, ejes)
fin = [r for r in rows if r[2] == "Financiera"][0]
check(fin[3].startswith("El eje «Financiera» parece el mismo que «Finanzas»"), fin)
check(fin[4] == f'poa unificar "{T}/ars.db" --eje "Financiera" --en "Finanzas"', fin[4])
vacios = [r for r in rows if r[0] == "Nombre vacío"]
check([r[1] for r in vacios] == ["eje", "objetivo"] and all(r[2] == "(vacío)" for r in vacios), vacios)
check("«(sin objetivo estratégico)»" in vacios[1][3], vacios[1][3])
check(sum(1 for r in rows if r[1] == "objetivo" and r[0] == "Nombre escrito de dos maneras") == 4, rows)

# the board asked for: gray, every unit without %, never rojo
tb = J("ars_tb")["sheets"][0]
c = {x["cell"]: x for x in tb["cells"]}
check(c["A3"]["value"].startswith("Sin seguimiento registrado al corte 1er. Trim. (EN-MAR)"), c.get("A3"))
nums = [x for x in tb["cells"] if x["cell"].startswith("G") and x["cell"][1:].isdigit() and x["kind"] == "n"]
check(nums == [], nums[:3])
sems = [x.get("cached") for x in tb["cells"] if x["cell"].startswith("H") and x["kind"] == "f"]
check(len(sems) > 16 and set(sems) == {"gris"}, set(sems))
# the chart labels every unit «sin seguimiento»: no bar, no 0 % label
sg = J("ars_sg")["sheets"][0]
notas = [x["value"] for x in sg["cells"] if x["cell"].startswith("L") and x["kind"] == "s"]
check("Sin reporte al corte" not in notas and notas.count("Sin seguimiento registrado") > 100, notas[:5])
kk = [x["value"] for x in sg["cells"] if x["cell"].startswith("K") and x["cell"][1:].isdigit() and int(x["cell"][1:]) > 4]
check(all(v != 0 for v in kk) and "sin seguimiento" in kk, kk[:5])
PYEOF

# ---- the Caja: a second corte, a causa, the signatures ----
require expect_code 0 "$POA" importar "$TMP/caja.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
# corte 2: Comercialización's AO.6.1 (552 + 505 programmed) and UAIP's first activity
require expect_code 0 "$POA" seguimiento "$TMP/caja.db" --corte 2 --actividad AO.6.1 --unidad "Comercialización" --real 1000
require expect_code 0 "$POA" seguimiento "$TMP/caja.db" --corte 3 --actividad AO.6.1 --unidad "Comercialización" \
    --causa "Baja demanda; se reforzará la venta."
cat >"$TMP/config.ini" <<'EOF'
[firmas]
elaborado_por = Ana Pérez Núñez
elaborado_cargo = Analista de Planificación
revisado_por = José Martínez
revisado_cargo = Jefe de Planificación y Desarrollo Institucional
aprobado_por = Lucía Hernández
aprobado_cargo = Presidenta del Consejo Directivo
EOF
require expect_code 0 "$POA" --config "$TMP/config.ini" exportar "$TMP/caja.db" --xlsx "$TMP/caja.xlsx" --corte 3
expect_in "$TMP/out" "(informe: todo)"
expect_not_in "$TMP/err" "sin seguimiento"
require expect_code 0 "$POA" exportar "$TMP/caja.db" --xlsx "$TMP/caja2.xlsx" --corte 2 --informe tablero
require check "xlsx-inspect caja.xlsx" "$INSPECT" --json "$TMP/caja.xlsx" >"$TMP/caja.json"
require check "xlsx-inspect caja2.xlsx" "$INSPECT" --json "$TMP/caja2.xlsx" >"$TMP/caja2.json"

DIR="$TMP" check_py "caja" <<'PYEOF'
import json, os, re, zipfile
T = os.environ["DIR"]
d = json.load(open(f"{T}/caja.json"))
check(d["sheet_names"] == ["Resumen", "Tablero EN-SEP", "Seguimiento EN-SEP", "POA 2024"], d["sheet_names"])
S = {s["name"]: s for s in d["sheets"]}
rs = S["Resumen"]
R = {c["cell"]: c for c in rs["cells"]}
v = lambda k: R[k]["value"] if k in R else None
check(v("A1") == "RESUMEN EJECUTIVO DEL SEGUIMIENTO AL POA 2024", v("A1"))
check(v("A2") == "Caja Mutual de los Empleados del Ministerio de Educación", v("A2"))
check(v("A3") == "Corte 3er. Trim. (EN-SEP) · fecha de corte 30/09/2024", v("A3"))
p = rs["print"]
check(p["fit_to_page"] and p["fit_width"] == 1 and p["fit_height"] == 1, p)

# the tablero's figures, by name
tb = {c["cell"]: c for c in S["Tablero EN-SEP"]["cells"]}
fig = {}
for k, c in tb.items():
    if k[0] == "A" and k[1:].isdigit() and c["kind"] == "s" and f"G{k[1:]}" in tb:
        g = tb[f"G{k[1:]}"]
        fig.setdefault(c["value"], g["value"] if g["kind"] == "n" else g.get("cached") if g["kind"] == "f" and not isinstance(g.get("cached"), str) else None)
tot = fig["Total de la institución"]
check(v("A5") == "Total de la institución" and abs(v("C5") - tot) < 1e-12, (v("C5"), tot))
check(R["C5"].get("fill") == "C6EFCE" and v("D5") == "verde", (R["C5"], v("D5")))
t2 = {c["cell"]: c for c in json.load(open(f"{T}/caja2.json"))["sheets"][0]["cells"]}
fig2 = {}
for k, c in t2.items():
    if k[0] == "A" and k[1:].isdigit() and c["kind"] == "s" and f"G{k[1:]}" in t2:
        g = t2[f"G{k[1:]}"]
        fig2.setdefault(c["value"], g["value"] if g["kind"] == "n" else g.get("cached") if g["kind"] == "f" and not isinstance(g.get("cached"), str) else None)
pe = lambda x: int(x * 100 + 0.5 + 1e-9)   # whole % as published
def cambio(dd):
    if dd == 0:
        return "= sin cambio"
    return f"{'▲' if dd > 0 else '▼'} {abs(dd)} punto{'' if abs(dd) == 1 else 's'}"
tot2 = fig2["Total de la institución"]
check(v("F5") == f"Corte anterior (EN-JUN): {pe(tot2)} % · {cambio(pe(tot) - pe(tot2))}", (v("F5"), tot2))

# every unit: % and semáforo as the tablero, the previous corte as the tablero at corte 2
hdr = [k for k, c in R.items() if k[0] == "A" and c["value"] == "Unidad" and v("D" + k[1:]) == "% al corte"]
check(len(hdr) == 1, hdr)
r = int(hdr[0][1:]) + 1
vistas = 0
while v(f"A{r}") in fig:
    u = v(f"A{r}")
    vistas += 1
    check(abs(v(f"D{r}") - fig[u]) < 1e-12, (u, v(f"D{r}"), fig[u]))
    prev = fig2.get(u)
    if prev is None:
        check(v(f"F{r}") == "—" and v(f"G{r}") == "—", (u, v(f"F{r}"), v(f"G{r}")))
    else:
        check(abs(v(f"F{r}") - prev) < 1e-12, (u, v(f"F{r}"), prev))
        want = cambio(pe(fig[u]) - pe(prev))
        check(v(f"G{r}") == want, (u, v(f"G{r}"), want))
    r += 1
check(vistas == 8, vistas)
# Comercialización reported at corte 2: a change; UAIP did not: «—»
com = [k for k, c in R.items() if c["value"] == "Comercialización" and k[0] == "A"][0][1:]
check(v(f"G{com}") not in ("—", None) and fig2["Comercialización"] is not None, v(f"G{com}"))

# the red list: count in its title, rows shown + «y N más» = the count
sec = [c["value"] for k, c in R.items() if k[0] == "A" and str(c["value"]).startswith("Actividades en rojo o vencidas sin reporte")]
check(sec == ["Actividades en rojo o vencidas sin reporte (10)"], sec)
ao61 = [k[1:] for k, c in R.items() if k[0] == "B" and c["value"] == "AO.6.1"]
check(len(ao61) == 1, ao61)
if ao61:
    q = ao61[0]
    check(abs(v(f"D{q}") - 479 / 1565) < 1e-12 and R[f"D{q}"].get("fill") == "FFC7CE", R[f"D{q}"])
    check(v(f"E{q}").startswith("A septiembre 2024 se alcanzado el 88% en ingresos"), v(f"E{q}"))
    check(v(f"H{q}") == "Baja demanda; se reforzará la venta.", v(f"H{q}"))
head = [k for k, c in R.items() if k[0] == "H" and c["value"] == "Causa y medida correctiva"]
check(len(head) == 1, "causa column when a listed activity has one")
listed = [k for k, c in R.items() if k[0] == "B" and re.fullmatch(r"AO\.\d+\.\d+", str(c["value"]))]
mas = [c["value"] for c in R.values() if str(c["value"]).startswith("y ") and "más (hoja Seguimiento EN-SEP)" in str(c["value"])]
nmas = int(mas[0].split()[1]) if mas else 0
novenc = [k for k in listed if v("D" + k[1:]) == "Programada para el cuarto trimestre"]
check(len(listed) - len(novenc) + nmas == 10, (len(listed), len(novenc), mas))
check(len(novenc) == 1 and v("B" + novenc[0][1:]) == "AO.3.2", novenc)

# signatures from [firmas]
vals = [c["value"] for c in rs["cells"]]
for s in ["Ana Pérez Núñez", "Analista de Planificación", "José Martínez",
          "Jefe de Planificación y Desarrollo Institucional", "Lucía Hernández",
          "Presidenta del Consejo Directivo", "Elaborado por", "Revisado por", "Aprobado por"]:
    check(s in vals, s)

# the chart: helper formulas in sorted order pointing at the table
ch = S["Tablero EN-SEP"]["charts"]
check(len(ch) == 1 and ch[0]["type"] == "bar", ch)
s0 = ch[0]["series"]
check([x["name"] for x in s0] == ["% de ejecución", "verde desde 80 %", "amarillo desde 60 %"], s0)
check(s0[0]["val"] == "'Tablero EN-SEP'!$AF$6:$AF$13" and s0[0]["cat"] == "'Tablero EN-SEP'!$AE$6:$AE$13", s0[0])
hv = [tb[f"AF{r}"] for r in range(6, 14)]
check(all(h["kind"] == "f" for h in hv), hv)
cached = [h["cached"] for h in hv]
check(cached == sorted(cached, reverse=True), cached)
for r in range(6, 14):
    m = re.fullmatch(r"=IF\(ISNUMBER\(G(\d+)\),G\1,0\)", tb[f"AF{r}"]["value"])
    g = tb[f"G{m.group(1)}"] if m else {}
    gv = g.get("cached") if g.get("kind") == "f" else g.get("value")   # the tablero's % are formulas
    check(m and abs(gv - tb[f"AF{r}"]["cached"]) < 1e-12, tb[f"AF{r}"])
    check(tb[f"AE{r}"]["value"] == f"=A{m.group(1)}" and tb[f"AE{r}"]["cached"] == tb[f"A{m.group(1)}"]["value"], tb[f"AE{r}"])
    check(tb[f"AG{r}"]["value"] == 0.8 and tb[f"AH{r}"]["value"] == 0.6, (tb[f"AG{r}"], tb[f"AH{r}"]))
z = zipfile.ZipFile(f"{T}/caja.xlsx")
xml = z.read("xl/charts/chart1.xml").decode()
ser = xml.split("<c:ser>")[1]
fills = re.findall(r"<c:dPt>.*?<a:srgbClr val=\"([0-9A-F]{6})\"", ser)
want = ["00B050" if c >= 0.8 - 1e-9 else "FFC000" if c >= 0.6 - 1e-9 else "C00000" for c in cached]
check(fills == want, (fills, want))
check(xml.count("<c:trendline>") == 2 and xml.count('<c:trendlineType val="linear"/>') == 2, "two threshold lines")
check("<c:showVal val=\"1\"/>" in ser, "every bar labelled")
core = z.read("docProps/core.xml").decode()
check("<dc:subject>Corte al 3er. Trim. (EN-SEP)</dc:subject>" in core, re.findall(r"<dc:subject>.*?</dc:subject>", core))
PYEOF

# a published % that is not the computed one (AO.6.1: 479 ÷ 1565 is 31 %,
# published as 35 %): printed before exporting, listed on the sheet, counted
# in the summary's note
require check "preparar publicado.csv" sed -e 's/,3,479,31%,/,3,479,35%,/' \
    "$POA_FIXTURES/seguimiento2024_t3_caja.csv" >"$TMP/publicado.csv"
require expect_code 0 "$POA" importar "$TMP/pub.db" "$TMP/publicado.csv"
require expect_code 0 "$POA" exportar "$TMP/pub.db" --xlsx "$TMP/pub.xlsx"
expect_in "$TMP/err" "poa: la verificación del plan dejó 1 observación que cambia lo que lee el informe"
expect_in "$TMP/err" "poa:   % publicado distinto del calculado (Comercialización · AO.6.1 · pct_publicado): El % publicado (35 %) no coincide con el calculado (31 % = 479 ÷ 1565)."
require check "xlsx-inspect pub.xlsx" "$INSPECT" --json "$TMP/pub.xlsx" >"$TMP/pub.json"
DIR="$TMP" check_py "publicado" <<'PYEOF'
import json, os
d = json.load(open(os.environ["DIR"] + "/pub.json"))
check(d["sheet_names"] == ["Resumen", "Tablero EN-SEP", "Seguimiento EN-SEP", "POA 2024", "Observaciones de verificación"], d["sheet_names"])
ob = {c["cell"]: c["value"] for c in d["sheets"][4]["cells"]}
check([ob.get(f"{c}5") for c in "ABC"] == ["% publicado distinto del calculado", "Comercialización · AO.6.1 · pct_publicado", "35%"], [ob.get(f"{c}5") for c in "ABC"])
check(ob.get("A6") is None, ob.get("A6"))
notas = [c["value"] for c in d["sheets"][0]["cells"] if str(c["value"]).startswith("% de cada unidad")]
check(len(notas) == 1 and notas[0].endswith("La verificación del plan dejó 1 observación que cambia lo que se lee aquí (hoja «Observaciones de verificación»)."), notas)
PYEOF

# a unit without % at the corte: labelled «sin vencidas» (Caja at corte 1:
# nothing reported, so explicit tablero → every label «sin seguimiento»)
require expect_code 0 "$POA" exportar "$TMP/caja.db" --xlsx "$TMP/caja1.xlsx" --corte 1 --informe tablero
DIR="$TMP" check_py "etiquetas" <<'PYEOF'
import os, re, zipfile
xml = zipfile.ZipFile(os.environ["DIR"] + "/caja1.xlsx").read("xl/charts/chart1.xml").decode()
ser = xml.split("<c:ser>")[1]
check(ser.count("sin seguimiento") == 8, ser.count("sin seguimiento"))
check(re.findall(r"<c:dPt>.*?<a:srgbClr val=\"([0-9A-F]{6})\"", ser) == ["A6A6A6"] * 8, "gray bars")
PYEOF

# a plan of 40 units (the Caja five times): the units table is cut too,
# and the red list still shows its first one
require check "preparar grande.csv" "$PY" - "$POA_FIXTURES/seguimiento2024_t3_caja.csv" "$TMP/grande.csv" <<'PYEOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
w = csv.DictWriter(open(sys.argv[2], "w", newline=""), fieldnames=list(rows[0].keys()))
w.writeheader()
for k in range(5):
    for r in rows:
        w.writerow(dict(r, unidad=r["unidad"] + (f" {k + 1}" if k else "")))
PYEOF
require expect_code 0 "$POA" importar "$TMP/grande.db" "$TMP/grande.csv"
require expect_code 0 "$POA" exportar "$TMP/grande.db" --xlsx "$TMP/grande.xlsx"
require check "xlsx-inspect grande.xlsx" "$INSPECT" --json "$TMP/grande.xlsx" >"$TMP/grande.json"
DIR="$TMP" check_py "grande" <<'PYEOF'
import json, os, re
d = json.load(open(os.environ["DIR"] + "/grande.json"))
rs = d["sheets"][0]
check(rs["name"] == "Resumen" and rs["print"]["fit_height"] == 1, rs["print"])
R = {c["cell"]: c["value"] for c in rs["cells"]}
rows = sorted(int(k[1:]) for k in R if k[0] == "A" and k[1:].isdigit())
hdr = [r for r in rows if R[f"A{r}"] == "Unidad" and R.get(f"D{r}") == "% al corte"][0]
shown = 0
r = hdr + 1
while isinstance(R.get(f"D{r}"), (int, float)):
    shown += 1
    r += 1
m = re.fullmatch(r"y (\d+) unidades más \(hoja Tablero EN-SEP\)", R.get(f"A{r}", ""))
check(m and shown + int(m.group(1)) == 40 and shown >= 8, (shown, R.get(f"A{r}")))
red = [r for r in rows if str(R[f"A{r}"]).startswith("Actividades en rojo")][0]
check(R[f"A{red}"] == "Actividades en rojo o vencidas sin reporte (50)", R[f"A{red}"])
check(re.fullmatch(r"AO\.\d+\.\d+", str(R.get(f"B{red + 2}"))), R.get(f"B{red + 2}"))
PYEOF

# one real at corte 1 in ARS: the corte has seguimiento; Departamento
# Juridico has nothing due then: its bar is gray, last, labelled «sin vencidas»
require expect_code 0 "$POA" seguimiento "$TMP/ars.db" --corte 1 --actividad 1.1 --unidad "Departamento de Afiliación" --real 2
require expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/ars1.xlsx" --informe tablero --corte 1
expect_not_in "$TMP/err" "sin seguimiento"
require check "xlsx-inspect ars1.xlsx" "$INSPECT" --json "$TMP/ars1.xlsx" >"$TMP/ars1.json"
DIR="$TMP" check_py "sin vencidas" <<'PYEOF'
import json, os, re, zipfile
T = os.environ["DIR"]
tb = {c["cell"]: c for c in json.load(open(T + "/ars1.json"))["sheets"][0]["cells"]}
check(tb["AE21"]["cached"] == "Departamento Juridico" and tb["AF21"]["cached"] == 0, (tb["AE21"], tb["AF21"]))
check(tb["AE6"]["cached"] == "Departamento de Afiliación" and abs(tb["AF6"]["cached"] - 1 / 9) < 1e-12, (tb["AE6"], tb["AF6"]))
ser = zipfile.ZipFile(T + "/ars1.xlsx").read("xl/charts/chart1.xml").decode().split("<c:ser>")[1]
check(ser.count("sin vencidas") == 1 and "sin seguimiento" not in ser, ser.count("sin vencidas"))
fills = re.findall(r"<c:dPt>.*?<a:srgbClr val=\"([0-9A-F]{6})\"", ser)
check(fills == ["C00000"] * 15 + ["A6A6A6"], fills)
PYEOF

# printed: the summary is exactly one page (the tablero starts on page 2)
if command -v soffice >/dev/null 2>&1; then
    require check "xlsx-render caja.xlsx" "$POA_TOOLS/xlsx-render" --text --pages 1-2 "$TMP/caja.xlsx" "$TMP/render" >/dev/null 2>&1
    DIR="$TMP" check_py "una página" <<'PYEOF'
import os
t = open(os.environ["DIR"] + "/render/caja.txt").read()
pages = t.split("\f")
check(len(pages) >= 2, len(pages))
check("RESUMEN EJECUTIVO" in pages[0] and "Aprobado por" in pages[0], pages[0][:200])
check("TABLERO DE EJECUCIÓN" in pages[1] and "Aprobado por" not in pages[1], pages[1][:200])
PYEOF
else
    echo "SALTADA la prueba impresa: soffice no está instalado (bash tests/tools/deps.sh --render)"
fi
finish
