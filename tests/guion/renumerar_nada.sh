#!/usr/bin/env bash
# renumerar_nada.sh — R on actividades already numbered 1.1, 1.2, 1.3 says
# so instead of «Guardado: 0 códigos nuevos», and the change log gets
# nothing.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
start renumerar_nada 80 24
keys Down Down Down Down
wait_for 'Actividad 1.1'
keys R
wait_for 'Los códigos ya estaban en orden: no se cambió nada'
hasnt 'Guardado'
quit
[ "$(sqlite3 "$tmp/plan.db" 'SELECT count(DISTINCT accion) FROM cambio')" = 1 ] \
    || fail "el registro tiene más que la importación: $(sqlite3 "$tmp/plan.db" 'SELECT count(DISTINCT accion) FROM cambio')"
