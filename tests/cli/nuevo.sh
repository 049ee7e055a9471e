#!/bin/bash
# nuevo.sh — poa nuevo (a plan from nothing: institution, year, first unit;
# an existing plan refused with 1, a bad year with 2, nothing left behind)
# and poa nuevo-anio (next year's plan: the counts, months, targets and
# presupuesto copied, no seguimiento; an existing year refused unless
# --reemplazar; always after a backup); --anio chooses the plan.
source "$(dirname "$0")/lib.bash"
DB="$TMP/nuevo.db"

# ---- poa nuevo ----
expect_code 0 "$POA" nuevo "$DB" --institucion "Caja Mutual" --anio 2025 --unidad "Planificación"
expect_in "$TMP/out" "Plan nuevo en «$DB»: «Caja Mutual», año 2025, unidad «Planificación»"
expect_code 0 "$POA" resumen "$DB"
expect_in "$TMP/out" "Caja Mutual · Plan Operativo Anual 2025"
expect_grep "$TMP/out" "^  unidades: *1$"
expect_grep "$TMP/out" "^ *Planificación *0$"
# the same institution and year again: refused, the file as it was
cp "$DB" "$TMP/antes.db"
expect_code 1 "$POA" new "$DB" --institucion "Caja Mutual" --anio 2025
expect_in "$TMP/err" "ya existe el plan de «Caja Mutual» del año 2025 en este archivo"
check "el archivo no cambió" cmp -s "$DB" "$TMP/antes.db"
# another year of the same institution goes into the same file
expect_code 0 "$POA" nuevo "$DB" --institucion "Caja Mutual" --anio 2026
# a bad year: 2, and no file made
expect_code 2 "$POA" nuevo "$TMP/otro.db" --institucion "X" --anio 20x5
expect_in "$TMP/err" "«20x5»"
check "no se creó otro.db" test ! -e "$TMP/otro.db"
expect_code 2 "$POA" nuevo "$TMP/otro.db" --anio 2025
expect_in "$TMP/err" "falta --institucion"
expect_code 2 "$POA" nuevo "$TMP/otro.db" --institucion "   " --anio 2025
check "no se creó otro.db (institución vacía)" test ! -e "$TMP/otro.db"
expect_code 0 "$POA" --help
expect_in "$TMP/out" "poa nuevo ARCHIVO.db --institucion NOMBRE --anio AAAA"
expect_in "$TMP/out" "poa nuevo-anio ARCHIVO.db AAAA [--reemplazar]"
# a header-only CSV is still refused, and says how to start an empty plan
head -1 "$POA_FIXTURES/seguimiento2024_t3_caja.csv" >"$TMP/encabezado.csv"
expect_code 2 "$POA" importar "$TMP/vacio.db" "$TMP/encabezado.csv"
expect_in "$TMP/err" "solo el encabezado"
expect_in "$TMP/err" "poa nuevo"
# the import's counts leave implicit levels out, as resumen does
expect_code 0 "$POA" importar "$TMP/caja.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
expect_grep "$TMP/out" "ejes creados: *0$"
expect_grep "$TMP/out" "entregables creados: *0$"
# a cause given at corte 3 stays in 2024: the new year has no seguimiento row at all
require expect_code 0 "$POA" seguimiento "$TMP/caja.db" --corte 3 --unidad Comercialización \
    --actividad AO.6.1 --causa "Causa de 2024"
expect_code 0 "$POA" nuevo-anio "$TMP/caja.db" 2025
check_eq "seguimiento copiado a 2025" "$(sqlite3 "$TMP/caja.db" "SELECT count(*) FROM seguimiento s
    JOIN actividad a ON a.id = s.actividad_id JOIN entregable e ON e.id = a.entregable_id
    JOIN meta m ON m.id = e.meta_id JOIN unidad u ON u.id = m.unidad_id
    JOIN plan p ON p.id = u.plan_id WHERE p.anio = 2025")" 0

# ---- poa nuevo-anio ----
S="$TMP/semma.db"
require expect_code 0 "$POA" importar "$S" "$POA_FIXTURES/poa2024_ars_semma.csv"
"$POA" resumen "$S" >"$TMP/res24"
require expect_code 0 "$POA" exportar "$S" --csv "$TMP/s24.csv"
expect_code 0 "$POA" nuevo-anio "$S" 2025
expect_in "$TMP/out" "Plan del año 2025 copiado del año 2024"
expect_grep "$TMP/err" "copia de respaldo antes de copiar el plan: .*nuevo-anio.bak"
n24=$(grep -c . "$TMP/s24.csv")
acts=$((n24 - 1))
expect_grep "$TMP/out" "^  actividades: *$acts$"
expect_code 0 "$POA" resumen "$S" --anio 2025
sed 's/2024/AAAA/' "$TMP/res24" >"$TMP/r24"; sed 's/2025/AAAA/' "$TMP/out" >"$TMP/r25"
check "resumen 2025 = resumen 2024" cmp -s "$TMP/r24" "$TMP/r25"
expect_code 0 "$POA" exportar "$S" --csv "$TMP/s25.csv" --anio 2025
check_py "la copia" "$TMP/s24.csv" "$TMP/s25.csv" <<'PY'
import csv, sys
a = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
b = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
check(len(a) == len(b) and len(a) > 0, (len(a), len(b)))
seg = {"corte", "real", "pct_publicado", "observaciones", "evidencia", "anio"}
# the export lists a unit's metas in the order they were made: the copy made
# them in tree order, so rows are compared as a set
key = lambda r: tuple(v for k, v in r.items() if k not in seg)
ka, kb = sorted(map(key, a)), sorted(map(key, b))
for i, (x, y) in enumerate(zip(ka, kb)):
    check(x == y, f"fila {i}: {x} != {y}")
for i, y in enumerate(b):
    check(y["anio"] == "2025", y["anio"])
    check(y["real"] == "" and y["observaciones"] == "" and y["evidencia"] == "", f"fila {i + 2}: seguimiento copiado")
check(any(r["presupuesto"] for r in a), "el fixture no tiene presupuesto")
check(any(r[m] for r in a for m in ("ene", "feb", "mar")), "el fixture no tiene meses")
PY
# the 2024 plan keeps its seguimiento
expect_code 0 "$POA" exportar "$S" --csv "$TMP/s24b.csv" --anio 2024
check "el plan 2024 no cambió" cmp -s "$TMP/s24.csv" "$TMP/s24b.csv"
# the year exists: refused (1), nothing changed
cp "$S" "$TMP/s-antes.db"
expect_code 1 "$POA" nuevo-anio "$S" 2025
expect_in "$TMP/err" "ya existe el plan"
expect_in "$TMP/err" "--reemplazar"
check "no cambió" cmp -s "$S" "$TMP/s-antes.db"
expect_code 2 "$POA" new-year "$S" 20x
expect_in "$TMP/err" "«20x»"
# --reemplazar: the 2025 plan is made again from 2024, after a backup
expect_code 0 "$POA" nuevo "$S" --institucion "$(sed -n 2p "$TMP/s24.csv" | cut -d, -f1)" --anio 2030
expect_code 0 "$POA" nuevo-anio "$S" 2025 --reemplazar --anio 2024
expect_in "$TMP/out" "(reemplaza el que había)"
expect_grep "$TMP/out" "^  actividades: *$acts$"
expect_grep "$TMP/err" "nuevo-anio.bak"
expect_code 0 "$POA" exportar "$S" --csv "$TMP/s25b.csv" --anio 2025
check "la copia de nuevo igual" cmp -s "$TMP/s25.csv" "$TMP/s25b.csv"
# --anio picks the plan every command works on
expect_code 0 "$POA" resumen "$S" --anio 2030
expect_grep "$TMP/out" "^  actividades: *0$"
expect_code 0 "$POA" resumen "$S" --anio 2024
expect_grep "$TMP/out" "^  actividades: *$acts$"
finish
