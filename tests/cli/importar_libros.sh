#!/usr/bin/env bash
# importar_libros.sh — `poa importar` takes the offices' own workbooks as they
# are: the Caja Mutual's seguimiento (.xlsx, .ods, .xls) imports to the same
# plan as the flat fixture (the .xls, which keeps no number formats, differs
# only in how percentages are written, and says so) with the published
# % ejecución at corte 3; the ARS SEMMA POA (three formats) gives its 14
# units' 145 activities, every doubtful reading a warning naming sheet!cell;
# --simular changes nothing; poa's own report imports back to the same plan.
source "$(dirname "$0")/lib.bash"
DOCS="$POA_FIXTURES/documentos"
PY=/usr/bin/python3
cd "$TMP"

require expect_code 0 "$POA" importar caja-plana.db "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
require expect_code 0 "$POA" exportar caja-plana.db --csv caja-plana.csv --corte 3
for ext in xlsx ods xls; do
    f="$DOCS/caja-mutual-seguimiento-t3-2024.$ext"
    expect_code 0 "$POA" importar "caja-$ext.db" "$f"
    expect_in "$TMP/out" "seguimiento en tabla (Caja Mutual), 89 filas"
    expect_in "$TMP/out" "nuevas: 8 unidades, 5 objetivos, 0 entregables, 89 actividades"
    [ "$ext" = xls ] && expect_in "$TMP/err" "un libro .xls no guarda el formato de los números"
    expect_code 0 "$POA" exportar "caja-$ext.db" --csv "caja-$ext.csv" --corte 3
    if [ "$ext" = xls ]; then
        check_py "caja .$ext: solo difiere la escritura de los porcentajes" caja-plana.csv "caja-$ext.csv" <<'PY'
import csv, sys
a = list(csv.DictReader(open(sys.argv[1]))); b = list(csv.DictReader(open(sys.argv[2])))
check(len(a) == len(b) == 89, (len(a), len(b)))
def num(s):
    s = s.strip()
    return float(s[:-1]) / 100 if s.endswith("%") else float(s) if s else None
for x, y in zip(a, b):
    for k in x:
        if x[k] == y[k]:
            continue
        if k in ("meta_anual", "t1", "t2", "t3", "t4", "real"):
            check(num(x[k]) == num(y[k]), (x["actividad_codigo"], k, x[k], y[k]))
        else:
            check(k == "tipo_meta", (x["actividad_codigo"], k, x[k], y[k]))
PY
    else
        check "caja .$ext = plantilla plana" cmp -s caja-plana.csv "caja-$ext.csv"
    fi
    # the published % at corte 3: verificar finds no published ≠ computed
    expect_code 0 "$POA" verificar "caja-$ext.db" --corte 3 --json
    check_py "caja .$ext: % publicado = calculado" "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
check(d["errores"] == 0, [h["mensaje"] for h in d["hallazgos"] if h["severidad"] == "error"])
check(d["consolidado"]["institucion"]["actividades"] == 89, d["consolidado"]["institucion"])
PY
done

for ext in xlsx ods xls; do
    f="$DOCS/ars-semma-poa-2024.$ext"
    # the POA layout never names the institution: without it, a clear error
    expect_code 2 "$POA" importar "ars-sin-$ext.db" "$f"
    expect_in "$TMP/err" "institución"
    check "sin institución no queda archivo" test ! -e "ars-sin-$ext.db"
    expect_code 0 "$POA" importar "ars-$ext.db" "$f" --institucion "ARS SEMMA"
    expect_in "$TMP/out" "unidades creadas:      14"
    expect_in "$TMP/out" "actividades creadas:   145"
    expect_grep "$TMP/err" "ars-semma-poa-2024\\.$ext:Departamento de Afiliación!O17: texto en la columna de meses; se tomó como responsables"
    expect_code 0 "$POA" resumen "ars-$ext.db"
    expect_in "$TMP/out" "145"
done

# --simular: per sheet the layout and what it would create; nothing changes
require expect_code 0 "$POA" importar sim.db "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
sha_before=$(sha256sum sim.db)
expect_code 0 "$POA" importar sim.db "$DOCS/ars-semma-poa-2024.xlsx" --institucion "Caja Mutual de los Empleados del Ministerio de Educación" --anio 2024 --simular
expect_in "$TMP/out" "Simulación (no se cambió nada)"
expect_in "$TMP/out" "hoja «Departamento de Afiliación»: POA por bloques"
check_eq "--simular no cambia el archivo" "$(sha256sum sim.db)" "$sha_before"

# poa's own report imports back to the same plan
require expect_code 0 "$POA" exportar caja-plana.db --xlsx informe.xlsx --informe todo --corte 3
expect_code 0 "$POA" importar vuelta.db informe.xlsx
expect_code 0 "$POA" exportar vuelta.db --csv vuelta.csv --corte 3
# the same activities with the same values (the report groups by objetivo,
# so the tree may come back in another order of objetivos)
check "el informe de poa vuelve al mismo plan" \
    cmp -s <(sort caja-plana.csv) <(sort vuelta.csv)
finish
