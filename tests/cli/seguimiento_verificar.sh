#!/bin/bash
# seguimiento_verificar.sh — the acceptance test from the command line:
# import the Caja's third seguimiento, export --csv --corte 3, and for every
# row compare pct_ejecucion with pct_publicado. The only exceptions must be
# the rows not due yet (named below) and the rows `verificar` reports as
# errors (none in the real file; four when typing errors are put in).
# Each import and export is `require`d: the comparison reads their output.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3

compare_corte3() {   # compare_corte3 CSV EXPECTED_NO_VENCIDAS EXPECTED_ERRORS  (";"-separated "unidad|código")
    local csv=$1 db="$TMP/$(basename "$1" .csv).db"
    rm -f "$db"
    require expect_code 0 "$POA" importar "$db" "$csv"
    require expect_code 0 "$POA" exportar "$db" --csv "$TMP/out.csv" --corte 3
    if [ -n "$3" ]; then expect_code 1 "$POA" verificar "$db" --corte 3 --json   # verificar debía salir con 1
    else expect_code 0 "$POA" verificar "$db" --corte 3 --json; fi               # verificar debía salir con 0
    cp "$TMP/out" "$TMP/v.json"
    check_py "comparación ($csv)" "$TMP/out.csv" "$TMP/v.json" "$2" "$3" <<'PYEOF'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
v = json.load(open(sys.argv[2], encoding="utf-8"))
want_a = set(filter(None, sys.argv[3].split(";")))
want_b = set(filter(None, sys.argv[4].split(";")))
errores = {f'{h["unidad"]}|{h["codigo"]}' for h in v["hallazgos"] if h["severidad"] == "error"}
def whole(s):
    return round(float(s.rstrip("%").strip())) if s.strip() else None
a, b = set(), set()
check(len(rows) == 89, f"{len(rows)} filas, se esperaban 89")
for r in rows:
    k = f'{r["unidad"]}|{r["actividad_codigo"]}'
    if r["pct_ejecucion"] and whole(r["pct_ejecucion"]) == whole(r["pct_publicado"]):
        continue
    if r["estado"] == "no vencida" and whole(r["pct_publicado"]) == 0:
        a.add(k)
    else:
        b.add(k)
check(a == want_a, f"no vencidas: {sorted(a)} esperadas: {sorted(want_a)}")
check(b == want_b, f"distintas: {sorted(b)} esperadas: {sorted(want_b)}")
check(errores == want_b, f"errores de verificar: {sorted(errores)} esperados: {sorted(want_b)}")
PYEOF
}

compare_corte3 "$POA_FIXTURES/seguimiento2024_t3_caja.csv" "Auditoría Interna|AO.3.2" ""

# the same file with four typing errors of the kinds DOMAIN.md describes
require check "preparar" "$PY" - "$POA_FIXTURES/seguimiento2024_t3_caja.csv" "$TMP/errores.csv" <<'PYEOF'
import csv, sys
src = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
h = src[0]
cambios = {("Comercialización", "AO.6.1"): ("pct_publicado", "45%"),
           ("Operaciones", "AO.6.4"): ("real", "18207%"),
           ("Logística y Activos", "AO.3.5"): ("real", "75"),
           ("UAIP", "AO.6.3"): ("pct_publicado", "100%")}
for r in src[1:]:
    c = cambios.get((r[h.index("unidad")], r[h.index("actividad_codigo")]))
    if c:
        r[h.index(c[0])] = c[1]
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(src)
PYEOF
compare_corte3 "$TMP/errores.csv" "Auditoría Interna|AO.3.2" \
    "Comercialización|AO.6.1;Operaciones|AO.6.4;Logística y Activos|AO.3.5;UAIP|AO.6.3"

# human output: grouped by unit, each finding with code, field and value;
# AO.6.4 and AO.3.5 carry two errors each (unit of the real, and the %)
"$POA" check "$TMP/errores.db" --corte 3 >"$TMP/v.txt"     # exits 1 (errors); the text is the point
expect_grep "$TMP/v.txt" "^Comercialización$"                                    # agrupado por unidad
expect_grep "$TMP/v.txt" "  error  AO.6.1  pct_publicado «45%»: El % publicado (45 %) no coincide con el calculado (31 % = 479 ÷ 1565)."
expect_grep "$TMP/v.txt" "  error  AO.3.5  real «75»"
expect_grep "$TMP/v.txt" "^6 errores, 4 avisos.$"                                # totales
expect_code 2 "$POA" verificar "$TMP/nada.db"                                    # archivo inexistente: código 2
finish
