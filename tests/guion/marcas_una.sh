#!/usr/bin/env bash
# marcas_una.sh — one marked actividad: the dialogs of m and E speak of one
# («Mover la fila marcada a…», «Campo para la actividad marcada», «… de la
# actividad marcada:»), never «las 1 filas» or «las 1 actividades»; with two
# marked they count in the plural.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
start marcas_una 120 40

keys Down Down Down Down
wait_for 'Actividad 1.1'
keys Space
wait_for 'Fila marcada · M quita todas las marcas'
has '1 marcada · '
keys m
wait_for 'Mover la fila marcada a…'
hasnt 'las 1 filas'
keys Escape E
wait_for 'Campo para la actividad marcada'
hasnt 'las 1 actividades'
keys Enter
wait_for 'Responsables de la actividad marcada:'
keys Escape
# two: the plural
keys Space
wait_for '2 marcadas'
keys m
wait_for 'Mover las 2 filas marcadas a…'
keys Escape E
wait_for 'Campo para las 2 actividades marcadas'
keys Enter
wait_for 'Responsables de las 2 actividades:'
keys Escape
quit
