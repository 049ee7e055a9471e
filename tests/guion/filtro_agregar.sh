#!/usr/bin/env bash
# filtro_agregar.sh — an actividad added while a unit filter is on shows in
# the tree at once, selected (it used to stay hidden until the filter was
# cleared whenever the tree's arrays had room for it already).
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
start fil 100 30
keys u
wait_for 'Filtro:'
type_text 'UAIP'
keys Enter
wait_for 'Unidad: UAIP'
wait_for '└─  AO.6.7 Escaneo'
keys End a
wait_for 'Nueva actividad AO.6.8 — texto:'
type_text 'Nueva actividad de prueba'
keys Enter
wait_for 'Guardado'
has 'UAIP (8)'
has '└─  AO.6.8 Nueva actividad de prueba'
has '├─  AO.6.7 Escaneo'
check 'line 29 | grep -qE " 10/10 *$" || fail "la fila nueva no quedó seleccionada: $(line 29)"'
quit
