#!/usr/bin/env bash
# marcas_borrar.sh — d on marked rows: one confirmation naming how many
# rows and actividades go; n keeps everything; s deletes the three marked
# actividades (and only them) in one action; the marks are gone after it.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
start marcas_borrar 120 40

keys Down Down Down Down Space Down Space Down Space
wait_for '3 marcadas'
keys d
wait_for '¿Borrar las 3 filas marcadas?'
has 'Se borran con todo lo que contienen: 3 actividades.'
keys n
wait_for 'No se borró nada'
has ' 1.1 Alianza estratégica'
keys d
wait_for '¿Borrar las 3 filas marcadas?'
keys s
wait_for 'Borrados: 3 filas marcadas (con 3 actividades)'
hasnt ' 1.1 Alianza estratégica'
hasnt ' 1.3 Velar el monitoreo'
hasnt ' 2.1 Dar Seguimiento a los procesos'
has ' 1.2 Gestionar con los directivos'
hasnt ' marcadas · '
quit

/usr/bin/python3 - "$tmp/plan.db" <<'PY' || fail "el archivo no tiene el borrado como una acción"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("SELECT count(*) FROM actividad").fetchone()[0] == 169
bajas = db.execute("SELECT count(*), count(DISTINCT accion) FROM cambio WHERE tipo = 'baja'").fetchone()
assert bajas == (3, 1), bajas
PY
echo "marcas_borrar: ok"
