#!/bin/bash
# respaldos.sh — poa respaldo / backup: a copy on demand into the
# [respaldos] folder, a folder or a new file (never over an existing one);
# automatic copies before an import into a plan with data and before closing
# a corte, none for a new file; [respaldos] conservar keeps the newest N of
# each plan; --restaurar puts a copy back (also over a file left with a hot
# journal) and the plan opens with the old data.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
CAJA="$POA_FIXTURES/seguimiento2024_t3_caja.csv"
cd "$TMP" || exit 1
R="$TMP/resp"
printf '[respaldos]\ncarpeta = %s\nconservar = 3\n' "$R" >c.ini
C=(--config c.ini)
real_of() {
    $PY -c 'import sqlite3,sys; print("%g" % sqlite3.connect(sys.argv[1]).execute("select s.real from seguimiento s join actividad a on a.id = s.actividad_id where a.codigo = ? and s.corte = 3 and s.real is not null order by s.real desc limit 1", ("AO.6.1",)).fetchone()[0])' "$1"
}

# a new file: nothing to back up
expect_code 0 "$POA" "${C[@]}" importar plan.db "$CAJA"
expect_not_in "$TMP/err" "copia de respaldo"
[ -e "$R" ] && bad "se creó la carpeta de respaldos para un archivo nuevo" || ok

# on demand: into the folder (created), named by time and reason
expect_code 0 "$POA" "${C[@]}" respaldo plan.db
expect_in "$TMP/out" "Copia de respaldo de «plan.db»: $R/plan.db.20"
b1=$(ls "$R"/plan.db.*.manual.bak)
[ "$(echo "$b1" | wc -l)" = 1 ] && ok || bad "respaldo manual: $b1"
"$POA" resumen "$b1" >"$TMP/r1" 2>&1 && ok || bad "el respaldo no abre como plan"
"$POA" resumen plan.db >"$TMP/r0" 2>&1
cmp -s "$TMP/r0" "$TMP/r1" && ok || bad "el respaldo no tiene el mismo plan"
# the alias, to a chosen file; never over an existing file
expect_code 0 "$POA" "${C[@]}" backup plan.db mio.bak
expect_in "$TMP/out" "Copia de respaldo de «plan.db»: mio.bak"
expect_code 1 "$POA" "${C[@]}" backup plan.db mio.bak
expect_in "$TMP/err" "Ya existe «mio.bak»: un respaldo no reemplaza ningún archivo"
cp plan.db plan.antes
expect_code 1 "$POA" "${C[@]}" respaldo plan.db plan.db
cmp -s plan.db plan.antes && ok || bad "respaldo sobre sí mismo cambió el plan"
mkdir otra
expect_code 0 "$POA" "${C[@]}" respaldo plan.db otra
ls otra/plan.db.*.manual.bak >/dev/null && ok || bad "respaldo a una carpeta"
expect_code 2 "$POA" respaldo
expect_code 2 "$POA" respaldo no-existe.db
expect_in "$TMP/err" "No existe el archivo «no-existe.db»"

# automatic: before an import into a plan with data, before closing a corte
expect_code 0 "$POA" "${C[@]}" seguimiento plan.db --corte 3 --actividad AO.6.1 \
    --unidad Comercialización --real 1300
expect_code 0 "$POA" "${C[@]}" importar plan.db "$CAJA"
expect_in "$TMP/err" "poa: copia de respaldo antes de importar: $R/plan.db.20"
imp=$(ls "$R"/plan.db.*.importar.bak)
[ "$(real_of "$imp")" = 1300 ] && ok || bad "el respaldo de importar no es el plan de antes"
expect_code 0 "$POA" "${C[@]}" corte plan.db cerrar 3
expect_in "$TMP/err" "poa: copia de respaldo antes de cerrar: $R/plan.db.20"
ls "$R"/plan.db.*.corte3.bak >/dev/null && ok || bad "no hay respaldo del cierre"

# conservar = 3: manual, importar, corte3 … one more pushes the oldest out
other=$(ls "$R")
[ "$(ls "$R" | wc -l)" = 3 ] && ok || bad "se esperaban 3 respaldos: $other"
touch "$R/otro.db.20000101-000000.importar.bak" "$R/notas.txt"
expect_code 0 "$POA" "${C[@]}" respaldo plan.db
[ "$(ls "$R"/plan.db.* | wc -l)" = 3 ] && ok || bad "conservar 3: $(ls "$R")"
[ -e "$b1" ] && bad "no se borró el respaldo más viejo" || ok
[ -e "$R/otro.db.20000101-000000.importar.bak" ] && [ -e "$R/notas.txt" ] && ok ||
    bad "se borraron archivos que no son respaldos de plan.db"
# 0 keeps all
printf '[respaldos]\ncarpeta = %s\nconservar = 0\n' "$R" >todos.ini
for _ in 1 2; do "$POA" --config todos.ini respaldo plan.db >/dev/null; done
[ "$(ls "$R"/plan.db.* | wc -l)" = 5 ] && ok || bad "conservar 0: $(ls "$R")"
# a bad value is reported with its line and the default kept
printf '[respaldos]\nconservar = -1\n' >malo.ini
expect_code 0 "$POA" --config malo.ini resumen plan.db
expect_in "$TMP/err" "[respaldos] conservar = «-1»: se esperaba un número entero de 0 (todos) en adelante; se conservan 10"

# restore: the plan goes back to the copy made before the import
expect_code 0 "$POA" "${C[@]}" seguimiento plan.db --corte 2 --actividad AO.6.1 \
    --unidad Comercialización --real 7 2>/dev/null
expect_code 0 "$POA" "${C[@]}" respaldo plan.db --restaurar mio.bak
expect_in "$TMP/out" "Restaurado «plan.db» desde «mio.bak»."
expect_in "$TMP/out" "El plan que había quedó guardado en «$R/plan.db.20"
expect_code 0 "$POA" "${C[@]}" resumen plan.db
[ "$(real_of plan.db)" = 479 ] && ok || bad "restaurado: el real no es el de mio.bak ($(real_of plan.db))"
expect_code 0 "$POA" "${C[@]}" corte plan.db cerrar 3   # it was closed after mio.bak
# over a file a killed session left with a hot journal: the journal is
# rolled back by SQLite first, never applied over the restored copy
cp plan.db hot.db
"$POA_TOOLS/hot-journal" hot.db || bad "hot-journal"
expect_code 0 "$POA" "${C[@]}" respaldo hot.db --restaurar mio.bak
[ -e hot.db-journal ] && bad "quedó el diario" || ok
[ "$($PY -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' hot.db)" = ok ] &&
    ok || bad "hot.db restaurado no está sano"
[ "$(real_of hot.db)" = 479 ] && ok || bad "hot.db restaurado: real"
# what is not a poa copy is refused, and the plan stays as it was
cp plan.db plan.antes
echo hola >no.bak
expect_code 1 "$POA" respaldo plan.db --restaurar no.bak
expect_in "$TMP/err" "«no.bak» no es una copia de un plan de poa: no se restauró nada"
cmp -s plan.db plan.antes && ok || bad "un respaldo inválido cambió el plan"
# a bad template is read before the file is opened: the older file stays
# exactly as it was (not even migrated). A command that fails after this
# open migrated the file says that only the migration was made, with its backup
$PY - "$POA_FIXTURES/schemas/schema_v1.sql" v1.db <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[2])
con.executescript(open(sys.argv[1], encoding="utf-8").read())
con.executescript("INSERT INTO institucion VALUES (1, 'Caja');"
                  "INSERT INTO plan VALUES (1, 1, 2024);"
                  "INSERT INTO unidad VALUES (1, 1, 'UAIP', '', '', 0);")
con.commit()
PY
printf 'esto,no,es\nuna,plantilla,poa\n' >malo.csv
cp v1.db v1.antes
# a simulation on an older file: the open migrates it (with its backup),
# and the summary says so instead of «no se cambió nada»
cp v1.db v1sim.db
expect_code 0 "$POA" importar v1sim.db "$POA_FIXTURES/seguimiento2024_t3_caja.csv" --simular
expect_in "$TMP/out" "Simulación (no se importó nada; el archivo solo se actualizó al formato nuevo, con su copia de respaldo)"
expect_not_in "$TMP/out" "no se cambió nada"
expect_code 2 "$POA" importar v1.db malo.csv
expect_in "$TMP/err" "no se modificó «v1.db»"
cmp -s v1.db v1.antes && ok || bad "una plantilla mala cambió (o migró) el archivo"
expect_code 2 "$POA" seguimiento v1.db --corte 1 --actividad NO.EXISTE --real 1
expect_in "$TMP/err" "poa: «v1.db» se actualizó al formato nuevo; copia de respaldo: v1.db.20"
expect_not_in "$TMP/err" "no se modificó"
finish
