#!/bin/bash
# seguimiento_verificar.sh — the acceptance test from the command line:
# import the Caja's third seguimiento, export --csv --corte 3, and for every
# row compare pct_ejecucion with pct_publicado. The only exceptions must be
# the rows not due yet (named below) and the rows `verificar` reports as
# errors (none in the real file; four when typing errors are put in).
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FALLA: $*" >&2; exit 1; }
PY=/usr/bin/python3

check() {   # check CSV EXPECTED_NO_VENCIDAS EXPECTED_ERRORS  (";"-separated "unidad|código")
    local csv=$1 db="$T/$(basename "$1" .csv).db"
    rm -f "$db"
    "$POA" importar "$db" "$csv" >/dev/null || fail "importar $csv"
    "$POA" exportar "$db" --csv "$T/out.csv" --corte 3 >/dev/null || fail "exportar"
    "$POA" verificar "$db" --corte 3 --json >"$T/v.json"
    local rc=$?
    if [ -n "$3" ]; then [ $rc -eq 1 ] || fail "verificar debía salir con 1"; 
    else [ $rc -eq 0 ] || fail "verificar debía salir con 0"; fi
    "$PY" - "$T/out.csv" "$T/v.json" "$2" "$3" <<'PYEOF' || fail "comparación ($csv)"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
v = json.load(open(sys.argv[2], encoding="utf-8"))
want_a = set(filter(None, sys.argv[3].split(";")))
want_b = set(filter(None, sys.argv[4].split(";")))
errores = {f'{h["unidad"]}|{h["codigo"]}' for h in v["hallazgos"] if h["severidad"] == "error"}
def whole(s):
    return round(float(s.rstrip("%").strip())) if s.strip() else None
a, b = set(), set()
assert len(rows) == 89, len(rows)
for r in rows:
    k = f'{r["unidad"]}|{r["actividad_codigo"]}'
    if r["pct_ejecucion"] and whole(r["pct_ejecucion"]) == whole(r["pct_publicado"]):
        continue
    if r["estado"] == "no vencida" and whole(r["pct_publicado"]) == 0:
        a.add(k)
    else:
        b.add(k)
ok = a == want_a and b == want_b and errores == want_b
if not ok:
    print("no vencidas:", sorted(a), "esperadas:", sorted(want_a), file=sys.stderr)
    print("distintas:", sorted(b), "esperadas:", sorted(want_b), file=sys.stderr)
    print("errores de verificar:", sorted(errores), file=sys.stderr)
    sys.exit(1)
PYEOF
}

check "$POA_FIXTURES/seguimiento2024_t3_caja.csv" "Auditoría Interna|AO.3.2" ""

# the same file with four typing errors of the kinds DOMAIN.md describes
"$PY" - "$POA_FIXTURES/seguimiento2024_t3_caja.csv" "$T/errores.csv" <<'PYEOF' || fail "preparar"
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
check "$T/errores.csv" "Auditoría Interna|AO.3.2" \
    "Comercialización|AO.6.1;Operaciones|AO.6.4;Logística y Activos|AO.3.5;UAIP|AO.6.3"

# human output: grouped by unit, each finding with code, field and value;
# AO.6.4 and AO.3.5 carry two errors each (unit of the real, and the %)
"$POA" check "$T/errores.db" --corte 3 >"$T/v.txt"
grep -q "^Comercialización$" "$T/v.txt" || fail "agrupado por unidad"
grep -q "  error  AO.6.1  pct_publicado «45%»: El % publicado (45 %) no coincide con el calculado (31 % = 479 ÷ 1565)." "$T/v.txt" \
    || fail "línea de AO.6.1: $(grep AO.6.1 "$T/v.txt")"
grep -q "  error  AO.3.5  real «75»" "$T/v.txt" || fail "real 75"
grep -q "^6 errores, 4 avisos.$" "$T/v.txt" || fail "totales: $(tail -1 "$T/v.txt")"
"$POA" verificar "$T/nada.db" 2>/dev/null
[ $? -eq 2 ] || fail "archivo inexistente: código 2"
exit 0
