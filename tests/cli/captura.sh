#!/bin/bash
# captura.sh — the capture workbooks' round trip (issue 12): from a plan
# holding only the Caja's targets, one workbook per unit at corte 3; openpyxl
# fills each as the unit would with the published reals and observaciones;
# importing them all gives every published % (88 of 89; the one not due is
# classified). Also: protection, validations, conditional formats and the
# hidden identification read back; a workbook of another unit, corte or plan
# refused with the reason; an invalid value named by its cell while the rest
# imports; a conflict left without --forzar and taken with it; a closed corte
# refused; removed rows and typing over protected cells; LibreOffice re-saves.
source "$(dirname "$0")/lib.bash"
CAJA="$POA_FIXTURES/seguimiento2024_t3_caja.csv"
ARS="$POA_FIXTURES/poa2024_ars_semma.csv"
UNIDAD="/usr/bin/python3 $POA_SRC/tests/tools/captura_unidad.py"
cd "$TMP" || exit 1

# the plan with only the targets: the fixture without its seguimiento
/usr/bin/python3 - "$CAJA" metas.csv <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    w.writeheader()
    for r in rows:
        for k in ("corte", "real", "pct_publicado", "observaciones"):
            r[k] = ""
        w.writerow(r)
PY
require expect_code 0 "$POA" importar plan.db metas.csv

# ---- out: one workbook per unit ----
require expect_code 0 "$POA" exportar plan.db --xlsx libros --informe captura --corte 3
check_eq "libros escritos" "$(grep -c '^Escrito «libros/captura-2024-T3-' "$TMP/out")" 8
check "nombre de archivo sin acentos" test -f libros/captura-2024-T3-Auditoria-Interna.xlsx
check "nombre de archivo" test -f libros/captura-2024-T3-Planificacion-y-Desarrollo-Institucional.xlsx
expect_code 2 "$POA" exportar plan.db --xlsx x --informe captura
expect_in "$TMP/err" "falta --corte N"
expect_code 1 "$POA" exportar plan.db --xlsx metas.csv --informe captura --corte 3
expect_in "$TMP/err" "«metas.csv» no es una carpeta: la captura de todas las unidades escribe un libro por unidad en una carpeta"
# the export never writes onto the plan
expect_code 1 "$POA" exportar plan.db --xlsx plan.db --informe captura --corte 3 \
    --unidad "Auditoría Interna"
expect_in "$TMP/err" "No se escribió «plan.db»: es el archivo del plan abierto"
check_py "tabla captura" plan.db <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT u.nombre, c.corte, c.enviada_en, c.archivo, c.huella, c.recibida_en "
                  "FROM captura c JOIN unidad u ON u.id = c.unidad_id").fetchall()
check(len(rows) == 8, rows)
for nombre, corte, enviada, archivo, huella, recibida in rows:
    check(corte == 3 and recibida == "", (nombre, corte, recibida))
    check(len(enviada) == 19 and enviada[4] == "-" and enviada[13] == ":", enviada)
    check(archivo.startswith("libros/captura-2024-T3-") and len(huella) == 16, (archivo, huella))
PY
cp -r libros enviados   # as they went out, for the tests after the import
# grouped as the Caja's own document: objetivos in code order (the plan
# lists O.E.3 and «6» before O.E.1), each group in the plan's order
check_py "objetivos en orden de código" libros/captura-2024-T3-Comercializacion.xlsx <<'PY'
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["Captura"]
col = [str(ws.cell(r, 1).value or "") for r in range(1, ws.max_row + 1)]
grupos = [c.split(" ")[0] for c in col if c.startswith(("O.E.", "6 "))]
check(grupos == ["O.E.1", "O.E.3", "O.E.4", "O.E.5", "6"], grupos)
acts = [c for c in col if c.startswith("AO.6.")]
check(acts == ["AO.6.%d" % i for i in range(1, 14)], acts)
PY

$UNIDAD inspeccionar libros/captura-2024-T3-Comercializacion.xlsx >insp.json
check_py "protección e identificación" insp.json plan.db <<'PY'
import json, sqlite3, sys
d = json.load(open(sys.argv[1]))
check(d["hojas"] == [["Instrucciones", "visible"], ["Captura", "visible"],
                     ["poa_captura", "hidden"]], d["hojas"])
check(d["protegida"] and d["instrucciones_protegida"] and d["id_protegida"])
b = d["bloqueadas"]
check(b["codigo"] and b["meta"] and b["pct"], b)
check(not b["real"] and not b["causa"] and not b["observaciones"] and not b["evidencia"], b)
check(d["columna_id_oculta"])
tipos = {(v[0], v[1], v[2], v[3]) for v in d["validaciones"]}
check(("decimal", "greaterThanOrEqual", "Valor no válido", "REAL acumulado") in tipos, tipos)
check(("custom", "", "Falta la causa", "Causa y medida correctiva") in tipos, tipos)
cf = d["formatos_condicionales"]
check("AND(ISNUMBER(K6),ROUND(K6,9)>=0.8)" in cf, cf)
check("AND(ISNUMBER(K6),ROUND(K6,9)<0.6)" in cf, cf)
check(any("LEN(TRIM(L6))=0" in f for f in cf), cf)
check(d["pct_formula"] == '=IF(J7="","",J7/H7)', d["pct_formula"])
i = d["identificacion"]
check(i["unidad"] == "Comercialización" and i["corte"] == "3" and i["anio"] == "2024", i)
db = sqlite3.connect(sys.argv[2])
h = db.execute("SELECT huella FROM captura c JOIN unidad u ON u.id = c.unidad_id "
               "WHERE u.nombre = 'Comercialización'").fetchone()[0]
check(i["huella"] == h, (i["huella"], h))
check(d["ajuste_ancho"] in (None, 1), d)
PY

# ---- back: every unit fills its workbook with the published figures ----
for f in libros/*.xlsx; do $UNIDAD llenar "$f" "$CAJA" >/dev/null || bad "llenar $f"; done
cp plan.db antes.db
expect_code 0 "$POA" importar plan.db libros/*.xlsx --simular
expect_in "$TMP/out" "Simulación (no se cambió nada)"
expect_in "$TMP/out" "8 de 8 libros se tomarían"
check "la simulación no cambia el plan" cmp -s plan.db antes.db
require expect_code 0 "$POA" importar plan.db libros/*.xlsx
cp "$TMP/out" importado.txt
expect_in importado.txt "8 de 8 libros importados; 0 rechazados"
expect_grep importado.txt '^  AO.3.2 *no vencida *Programada para el cuarto trimestre; se toman: observaciones$'
expect_grep importado.txt '^  AO.6.1 *nuevo real *479 (31 % rojo); también observaciones — libros/captura-2024-T3-Comercializacion.xlsx:Captura!J22$'
expect_grep importado.txt '^  AO.6.1 *amarillo o rojo sin causa *31 % rojo y sin «Causa y medida correctiva» — libros/captura-2024-T3-Comercializacion.xlsx:Captura!L22$'
expect_grep importado.txt '^  AO.4.1 *sin reporte *sin real en el libro ni en poa'
require expect_code 0 "$POA" exportar plan.db --csv calculado.csv --corte 3
check_py "% de ejecución publicado" "$CAJA" calculado.csv <<'PY'
import csv, sys
pub = {(r["unidad"], r["actividad_codigo"], r["actividad"]): r["pct_publicado"]
       for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
n = igual = 0
distintas = []
for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    n += 1
    k = (r["unidad"], r["actividad_codigo"], r["actividad"])
    if r["pct_ejecucion"] == pub[k]:
        igual += 1
    else:
        distintas.append((k[1], r["pct_ejecucion"], pub[k], r["estado"]))
check(n == 89 and igual == 88, (n, igual, distintas))
check(distintas == [("AO.3.2", "", "0%", "no vencida")], distintas)
PY
check_py "devueltos" plan.db <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for archivo, recibida_en, recibida_de in db.execute(
        "SELECT archivo, recibida_en, recibida_de FROM captura"):
    check(len(recibida_en) == 19 and recibida_de == archivo, (archivo, recibida_en, recibida_de))
n = db.execute("SELECT count(*) FROM cambio WHERE tipo = 'seguimiento' AND descripcion LIKE "
               "'Captura «libros/captura-2024-T3-UAIP.xlsx»%'").fetchone()[0]
check(n == 8, n)   # its 7 reals and 1 observaciones, logged as coming from that file
PY
# «¿Quién falta?» after the round trip: every unit returned, from its file
require expect_code 0 "$POA" recoleccion plan.db --corte 3 --json
cp "$TMP/out" recoleccion.json
check_py "todas devueltas" recoleccion.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
t = r["totales"]
check(t["unidades"] == 8 and t["devueltas"] == 8 and t["pendientes"] == 0
      and t["no_enviadas"] == 0, t)
for u in r["unidades"]:
    check(u["estado"] == "devuelta", u)
PY
expect_code 0 "$POA" recoleccion plan.db --corte 3
expect_in "$TMP/out" "devueltas: 8"
# importing the same workbook again changes nothing
expect_code 0 "$POA" importar plan.db libros/captura-2024-T3-UAIP.xlsx
expect_in "$TMP/out" "resumen: sin cambios 7"

# ---- refused: another corte, another unit, another plan, a copy of the plan ----
require expect_code 0 "$POA" exportar plan.db --xlsx t2.xlsx --informe captura --corte 2 \
    --unidad "Auditoría Interna"
expect_code 2 "$POA" importar plan.db t2.xlsx --corte 3
expect_in "$TMP/out" "«t2.xlsx»: rechazado: es del corte 2 (ABR-JUN), no del corte 3 (JUL-SEP) que se importa (--corte)"
expect_in "$TMP/out" "0 de 1 libro importados; 1 rechazado"
expect_code 2 "$POA" importar plan.db enviados/captura-2024-T3-UAIP.xlsx --unidad "Auditoría Interna"
expect_in "$TMP/out" "rechazado: es el libro de la unidad «UAIP», no de «Auditoría Interna» (--unidad)"
require expect_code 0 "$POA" importar ars.db "$ARS"
require expect_code 0 "$POA" exportar ars.db --xlsx ars --informe captura --corte 1
expect_code 2 "$POA" importar plan.db "$(ls ars/*.xlsx | head -n 1)"
expect_in "$TMP/out" "rechazado: es del plan de «ARS SEMMA» 2024, no de «Caja Mutual de los Empleados del Ministerio de Educación» 2024"
require expect_code 0 "$POA" importar copia.db metas.csv
expect_code 2 "$POA" importar copia.db libros/captura-2024-T3-UAIP.xlsx
expect_in "$TMP/out" "rechazado: no salió de este archivo de plan: su huella"
# one refused among several: the others still import, the exit says so
cp enviados/captura-2024-T3-UAIP.xlsx uaip.xlsx
expect_code 2 "$POA" importar plan.db t2.xlsx uaip.xlsx --corte 3
expect_in "$TMP/out" "1 de 2 libros importados; 1 rechazado"
# capture workbooks and templates are not mixed in one import
expect_code 2 "$POA" importar plan.db uaip.xlsx metas.csv
expect_in "$TMP/err" "importe los libros de captura aparte"

# ---- an invalid value: named by its cell; the rest of the file imports ----
require expect_code 0 "$POA" exportar plan.db --xlsx ai.xlsx --informe captura --corte 3 \
    --unidad "Auditoría Interna"
$UNIDAD poner ai.xlsx J10 "casi todo"
$UNIDAD poner ai.xlsx J13 1
$UNIDAD poner ai.xlsx M13 "Informe entregado en octubre."
expect_code 2 "$POA" importar plan.db ai.xlsx
expect_grep "$TMP/out" '^  AO.3.1 *valor inválido *«casi todo» no es un número; el real no se toma — ai.xlsx:Captura!J10$'
expect_grep "$TMP/out" '^  AO.4.1 *nuevo real *1 (100 % verde); también observaciones — ai.xlsx:Captura!J13$'
expect_in "$TMP/out" "1 de 1 libro importados; 0 rechazados; 1 valor sin tomar"
expect_code 0 "$POA" exportar plan.db --csv c2.csv --corte 3 --unidad "Auditoría Interna"
expect_grep c2.csv 'AO.4.1,.*,3,1,,Informe entregado en octubre\.'
expect_grep c2.csv 'AO.3.1,.*,3,0.95,'

# ---- a conflict: the value changed in poa after the workbook went out ----
require expect_code 0 "$POA" exportar plan.db --xlsx op.xlsx --informe captura --corte 3 \
    --unidad "Operaciones"
require expect_code 0 "$POA" seguimiento plan.db --corte 3 --unidad Operaciones \
    --actividad AO.6.1 --real 2
$UNIDAD poner op.xlsx J17 4
expect_code 2 "$POA" importar plan.db op.xlsx
expect_grep "$TMP/out" '^  AO.6.1 *conflicto *real: en poa 2 (cambiado después del envío), en el libro 4; queda el de poa (--forzar toma el del libro)$'
expect_code 0 "$POA" seguimiento plan.db --corte 3 --unidad Operaciones --actividad AO.6.1
expect_in "$TMP/out" "real acumulado:      2"
expect_code 0 "$POA" importar plan.db op.xlsx --forzar
expect_grep "$TMP/out" '^  AO.6.1 *real cambiado *conflicto resuelto con --forzar; 2 → 4 '
expect_code 0 "$POA" seguimiento plan.db --corte 3 --unidad Operaciones --actividad AO.6.1
expect_in "$TMP/out" "real acumulado:      4"

# ---- the cause and corrective measure: stored, logged, kept by a template import ----
require expect_code 0 "$POA" exportar plan.db --xlsx co.xlsx --informe captura --corte 3 \
    --unidad "Comercialización"
$UNIDAD poner co.xlsx L22 "Cierre de dos agencias; campaña de ventas en octubre."
expect_code 0 "$POA" importar plan.db co.xlsx
expect_grep "$TMP/out" '^  AO.6.1 *observaciones cambiadas *causa$'
expect_not_grep "$TMP/out" '^  AO.6.1 *amarillo o rojo sin causa'
expect_grep "$TMP/out" '^  AO.6.3 *amarillo o rojo sin causa'
causa_guardada() {
    /usr/bin/python3 - plan.db <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT s.causa FROM seguimiento s JOIN actividad a ON a.id = s.actividad_id "
                 "JOIN entregable e ON e.id = a.entregable_id JOIN meta m ON m.id = e.meta_id "
                 "JOIN unidad u ON u.id = m.unidad_id WHERE u.nombre = 'Comercialización' "
                 "AND a.codigo = 'AO.6.1' AND s.corte = 3").fetchone()[0])
PY
}
check_eq "causa guardada" "$(causa_guardada)" "Cierre de dos agencias; campaña de ventas en octubre."
expect_code 0 "$POA" historial plan.db --limite 5
expect_in "$TMP/out" "corte3.causa"
# a flat template carries no cause: importing the Caja's again keeps it
require expect_code 0 "$POA" importar plan.db "$CAJA"
check_eq "causa tras importar la plantilla" "$(causa_guardada)" \
    "Cierre de dos agencias; campaña de ventas en octubre."
# the next capture of the unit brings it back, as poa has it
require expect_code 0 "$POA" exportar plan.db --xlsx co2.xlsx --informe captura --corte 3 \
    --unidad "Comercialización"
check_py "causa en el libro" co2.xlsx <<'PY'
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["Captura"]
check(ws["L22"].value == "Cierre de dos agencias; campaña de ventas en octubre.", ws["L22"].value)
PY

# ---- a unit that removed a row and typed over protected cells ----
cp enviados/captura-2024-T3-Desarrollo-Humano.xlsx dh.xlsx
$UNIDAD llenar dh.xlsx "$CAJA" >/dev/null
$UNIDAD borrar_fila dh.xlsx AO.6.1
$UNIDAD poner dh.xlsx A7 "código escrito encima"
$UNIDAD poner dh.xlsx K8 5
expect_code 0 "$POA" importar plan.db dh.xlsx --simular
expect_grep "$TMP/out" '^  AO.6.1 *fila borrada del libro *la fila de la actividad no está en la hoja «Captura»$'
expect_in "$TMP/out" "sin cambios 4"

# ---- an activity removed from the plan since the export ----
cp enviados/captura-2024-T3-UAIP.xlsx uaip2.xlsx
/usr/bin/python3 - plan.db <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA foreign_keys = ON")
db.execute("DELETE FROM actividad WHERE codigo = 'AO.6.7' AND entregable_id IN (SELECT e.id FROM "
           "entregable e JOIN meta m ON m.id = e.meta_id JOIN unidad u ON u.id = m.unidad_id "
           "WHERE u.nombre = 'UAIP')")
db.commit()
PY
expect_code 0 "$POA" importar plan.db uaip2.xlsx --simular
expect_grep "$TMP/out" '^  AO.6.7 *actividad eliminada del plan *la actividad ya no está en el plan; se omite$'

# ---- a closed corte refuses the workbook ----
require expect_code 0 "$POA" corte plan.db cerrar 3
expect_code 2 "$POA" importar plan.db libros/captura-2024-T3-UAIP.xlsx
expect_in "$TMP/out" "rechazado: El corte 3 está cerrado"
require expect_code 0 "$POA" corte plan.db reabrir 3 --motivo "pruebas"

# ---- two units whose names give the same file name do not share it ----
/usr/bin/python3 - "$CAJA" dos.csv <<'PY'
import csv, sys
hdr = next(csv.reader(open(sys.argv[1], encoding="utf-8")))
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=hdr)
    w.writeheader()
    for u in ("Área A", "Área-A"):
        r = {k: "" for k in hdr}
        r.update(institucion="Dos", anio="2024", unidad=u, objetivo_codigo="O.1",
                 objetivo="Objetivo", actividad_codigo="A.1", actividad="Actividad",
                 t1="1", t2="1", t3="1", t4="1")
        w.writerow(r)
PY
require expect_code 0 "$POA" importar dos.db dos.csv
expect_code 0 "$POA" exportar dos.db --xlsx dos --informe captura --corte 1
expect_in "$TMP/out" "Escrito «dos/captura-2024-T1-Area-A.xlsx»"
expect_in "$TMP/out" "Escrito «dos/captura-2024-T1-Area-A-2.xlsx»"

# ---- re-saved by LibreOffice (xlsx, ods, xls) it still imports ----
require command -v soffice
require expect_code 0 "$POA" importar lo.db metas.csv
require expect_code 0 "$POA" exportar lo.db --xlsx lo --informe captura --corte 3
for f in lo/*.xlsx; do $UNIDAD llenar "$f" "$CAJA" >/dev/null; done
mkdir -p lo/x
PERFIL="-env:UserInstallation=file://$TMP/perfil-lo"
soffice "$PERFIL" --headless --convert-to xlsx --outdir lo/x lo/captura-2024-T3-UAIP.xlsx >/dev/null 2>&1
soffice "$PERFIL" --headless --convert-to ods --outdir lo/x lo/captura-2024-T3-Operaciones.xlsx >/dev/null 2>&1
soffice "$PERFIL" --headless --convert-to xls --outdir lo/x lo/captura-2024-T3-Comercializacion.xlsx >/dev/null 2>&1
expect_code 0 "$POA" importar lo.db lo/x/captura-2024-T3-UAIP.xlsx \
    lo/x/captura-2024-T3-Operaciones.ods lo/x/captura-2024-T3-Comercializacion.xls
expect_in "$TMP/out" "3 de 3 libros importados; 0 rechazados"
expect_grep "$TMP/out" '^  AO.6.1 *nuevo real *479 (31 % rojo); también observaciones — lo/x/captura-2024-T3-Comercializacion.xls:Captura!J22$'
expect_grep "$TMP/out" '^  AO.6.7 *nuevo real .* lo/x/captura-2024-T3-UAIP.xlsx:Captura!J'
expect_grep "$TMP/out" 'lo/x/captura-2024-T3-Operaciones.ods:Captura!J'
# ---- a long unit name is never cut inside a character (the workbook stays valid UTF-8) ----
require expect_code 0 "$POA" importar largo.db metas.csv
LARGO="x$(printf 'Á%.0s' $(seq 200))"
sqlite3 largo.db "UPDATE unidad SET nombre = '$LARGO' WHERE nombre = 'UAIP'"
require expect_code 0 "$POA" exportar largo.db --xlsx largo.xlsx --informe captura --corte 3 \
    --unidad "$LARGO"
check_py "UTF-8 válido en cada parte" largo.xlsx <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith(".xml") or n.endswith(".rels"):
        try:
            z.read(n).decode("utf-8")
        except UnicodeDecodeError as e:
            check(False, f"{n}: {e}")
PY

finish
