#!/usr/bin/env bash
# paginas.sh — the reports as they print: the `todo` report of both fixtures
# and one `--unidad` report rendered with LibreOffice (tests/tools/paginas):
# no page holds only the repeated column header or only notes and the
# legend; the print setup read back with xlsx-inspect: carta, a scale (never
# fit-to-width) at which no printed text is under 8 pt, every page break a
# manual one, the header naming the unit and the fecha de corte, the footer
# «Página &P de &N» with the export date written out (SOURCE_DATE_EPOCH).
source "$(dirname "$0")/lib.bash"

export SOURCE_DATE_EPOCH=1733097600   # 02/12/2024 00:00 UTC
require expect_code 0 "$POA" importar "$TMP/ars.db" "$POA_FIXTURES/poa2024_ars_semma.csv"
require expect_code 0 "$POA" importar "$TMP/caja.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
require expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/ars.xlsx" --informe todo
# ARS has no seguimiento: todo is its POA (and the findings); its seguimiento
# sheet, asked for by name, prints in gray
require expect_code 0 "$POA" exportar "$TMP/ars.db" --xlsx "$TMP/arsseg.xlsx" --informe seguimiento
require expect_code 0 "$POA" exportar "$TMP/caja.db" --xlsx "$TMP/caja.xlsx" --informe todo --corte 3
require expect_code 0 "$POA" exportar "$TMP/caja.db" --xlsx "$TMP/oper.xlsx" --informe todo --corte 3 \
    --unidad "Operaciones"

for f in ars arsseg caja oper; do
    # exit 1 names the page and why; 3: LibreOffice or poppler missing
    if "$POA_TOOLS/paginas" --json "$TMP/$f.xlsx" >"$TMP/$f.pag" 2>"$TMP/err"; then ok; else
        bad "paginas $f.xlsx (código $?)"; cat "$TMP/$f.pag" "$TMP/err" >&2; fi
    require check "xlsx-inspect $f.xlsx" "$POA_TOOLS/xlsx-inspect" --json "$TMP/$f.xlsx" >"$TMP/$f.json"
done

TMPD="$TMP" check_py "paginas" <<'PYEOF'
import json, os
T = os.environ["TMPD"]
for f in ("ars", "arsseg", "caja", "oper"):
    pag = json.load(open(f"{T}/{f}.pag"))
    check(pag["failures"] == [], (f, pag["failures"]))
    check(sum(s["pages"] for s in pag["sheets"]) == pag["pages"], (f, pag))
    d = json.load(open(f"{T}/{f}.json"))
    for s in d["sheets"]:
        p = s["print"]
        check(p["paper"] == 1 and p["orientation"] == "landscape", (f, s["name"], p))
        if s["name"] == "Resumen":
            # the summary is fit to one page (tests/cli/xlsx_resumen.sh)
            check(p["fit_to_page"] and p["fit_width"] == 1 and p["fit_height"] == 1, p)
            continue
        check(not p["fit_to_page"], (f, s["name"], "fit-to-width: the printed size is unknown"))
        escala = p.get("scale", 100)
        ocultas = set()
        for w in s["col_widths"]:
            if w.get("hidden"):
                a, _, b = w["cols"].partition(":")
                ocultas.add(a)
                if b:
                    ocultas.add(b)   # ranges of hidden columns start and end there
        def col(ref):
            return ref.rstrip("0123456789")
        tam = [float(c["font"].split("sz:")[1].split(",")[0]) if "sz:" in c.get("font", "") else 11.0
               for c in s["cells"] if c["kind"] != "e" and c.get("value") not in (None, "")
               and col(c["cell"]) not in ocultas and len(col(c["cell"])) == 1]
        check(tam and min(tam) * escala / 100 >= 8.0, (f, s["name"], escala, min(tam) if tam else None))
        check(p["footer"] == {"center": "Página &P de &N", "right": "Exportado el 02/12/2024"}, p["footer"])
    n = {s["name"]: s for s in d["sheets"]}
    if f == "caja":
        check(n["Seguimiento EN-SEP"]["print"]["header"]["right"] ==
              "Año 2024 · corte 3er. Trim. (EN-SEP) · Fecha de corte: 30/09/2024", n["Seguimiento EN-SEP"]["print"])
        check(n["POA 2024"]["print"]["header"]["right"] == "Año 2024", n["POA 2024"]["print"])
    if f == "oper":
        for s in d["sheets"]:
            check(s["print"]["header"]["left"] ==
                  "Caja Mutual de los Empleados del Ministerio de Educación · Operaciones", s["print"]["header"])
    if f == "ars":
        check(list(n) == ["POA 2024", "Observaciones de verificación"], list(n))
    if f == "arsseg":
        # UNIDAD LÍDER has no value in any ARS row: hidden, its width given back
        seg = n["Seguimiento EN-MAR"]
        cab = {c["cell"]: c["value"] for c in seg["cells"] if c["cell"].endswith("4") and len(c["cell"]) == 2}
        check(cab.get("C4") == "UNIDAD LÍDER", cab)
        check(any(w["cols"] == "C" and w.get("hidden") for w in seg["col_widths"]), seg["col_widths"][:4])
        check(seg["print"].get("scale", 100) >= 80, seg["print"])
PYEOF

# the Caja's POA has no amount: its Presupuesto column is hidden
JSON="$TMP/caja.json" check_py "presupuesto" <<'PYEOF'
import json, os
d = json.load(open(os.environ["JSON"]))
s = {x["name"]: x for x in d["sheets"]}["POA 2024"]
check({c["cell"]: c["value"] for c in s["cells"]}.get("Q4") == "Presupuesto", "Q4")
check(any(w["cols"] == "Q" and w.get("hidden") for w in s["col_widths"]), s["col_widths"])
PYEOF
finish
