#!/usr/bin/env bash
# Merging a file into an existing plan (the key of docs/formato-csv.md):
# edited texts, codes, months and reals update their activity, nothing is
# duplicated, the change log has each field, and --simular shows the same.
. "$(dirname "$0")/lib.bash"
cd "$TMP"
CAJA=$POA_FIXTURES/seguimiento2024_t3_caja.csv
ARS=$POA_FIXTURES/poa2024_ars_semma.csv

# edit ROW COLUMN VALUE… on a copy of the CSV (rows count from 1 after the header)
edit() {
    /usr/bin/python3 - "$@" <<'PY'
import csv, sys
src, dst = sys.argv[1], sys.argv[2]
rows = list(csv.reader(open(src, encoding="utf-8", newline="")))
h = rows[0]
for i in range(3, len(sys.argv), 3):
    rows[int(sys.argv[i])][h.index(sys.argv[i + 1])] = sys.argv[i + 2]
csv.writer(open(dst, "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
}

expect_code 0 "$POA" importar plan.db "$CAJA"
edit "$CAJA" editado.csv \
    1 actividad "Actualizar el diagnóstico (texto corregido)" \
    2 actividad_codigo "AO.3.2b" \
    3 mar x \
    4 real 4 \
    5 responsables "Otra persona"
cp plan.db antes.db
expect_code 0 "$POA" importar plan.db editado.csv --simular
expect_in out "actividades creadas:   0"
expect_in out "actividades actualizadas: 5"
expect_in out "«AO.3.1 Actualizar el diagnóstico (texto corregido)» (Logística y Activos): texto"
expect_in out "«AO.3.2b "
expect_in out ": codigo"
expect_in out ": mar"
expect_in out ": corte3.real"
expect_in out ": responsables"
cmp -s plan.db antes.db && ok || bad "--simular cambió plan.db"

expect_code 0 "$POA" importar plan.db editado.csv
expect_in out "actividades creadas:   0"
expect_in out "actividades actualizadas: 5"
expect_in out "actividades sin cambios:  84"
expect_code 0 "$POA" resumen plan.db
expect_in out "actividades:     89"
expect_code 0 "$POA" historial plan.db --limite 10
expect_in out "importar: 0 actividades nuevas, 5 actualizadas"
expect_in out "actividad.texto: «Actualizar el diagnóstico sobre"
expect_in out "→ «Actualizar el diagnóstico (texto corregido)»"
expect_in out "actividad.codigo: «AO.3.2» → «AO.3.2b»"
expect_in out "actividad.mar: «» → «x»"
expect_in out "actividad.corte3.real: «3» → «4»"
expect_in out "actividad.responsables:"
# the file now holds exactly the edited CSV
"$POA" exportar plan.db --csv vuelta.csv >/dev/null
"$POA" importar otro.db editado.csv >/dev/null
"$POA" exportar otro.db --csv esperado.csv >/dev/null
cmp -s vuelta.csv esperado.csv && ok || bad "el plan actualizado no es el del CSV editado"
# and importing it again changes nothing
expect_code 0 "$POA" importar plan.db editado.csv
expect_in out "actividades actualizadas: 0"
expect_in out "actividades sin cambios:  89"

# codes restart under each eje and repeat inside an entregable: two rows
# with the same code and entregable, one text edited, stay two activities
H=institucion,anio,unidad,eje,entregable,actividad_codigo,actividad,mar
printf '%s\nI,2024,U,E1,En,1,Primera,x\nI,2024,U,E1,En,1,Segunda,x\nI,2024,U,E2,En,1,Tercera,x\nI,2024,U,E1,En,1,Primera,x\n' "$H" > rep.csv
expect_code 0 "$POA" importar rep.db rep.csv
expect_in out "actividades creadas:   4"
printf '%s\nI,2024,U,E1,En,1,Primera,x\nI,2024,U,E1,En,1,Segunda editada,x\nI,2024,U,E2,En,1,Tercera,\nI,2024,U,E1,En,1,Primera,x\n' "$H" > rep2.csv
expect_code 0 "$POA" importar rep.db rep2.csv
expect_in out "actividades creadas:   0"
expect_in out "actividades actualizadas: 2"
expect_in out "actividades sin cambios:  2"
expect_code 0 "$POA" resumen rep.db
expect_in out "actividades:     4"

# the real fixture re-imported over itself: nothing new, nothing changed
expect_code 0 "$POA" importar ars.db "$ARS"
expect_code 0 "$POA" importar ars.db "$ARS"
expect_in out "actividades creadas:   0"
expect_in out "actividades sin cambios:  172"
finish
