#!/usr/bin/env bash
# caja.sh — a plan without ejes and entregables (the Caja's) shows objetivos
# at the top and actividades right under the metas, no empty rows; its
# quarterly targets are shown as planned quarters.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
start caja 120 40
has 'Caja Mutual de los Empleados del Ministerio de Educación'
check 'line 4 | grep -q "^ ├─▾ O\.E\." || fail "la primera fila no es un objetivo: $(line 4)"'
# no row without text (an implicit level shown as a placeholder)
check '! screen | grep -E "^ [│ ]*[├└]─[▾▸─ ] *(\([0-9]+\))?$" || fail "hay filas vacías"'
has 'AO.3.1 Actualizar el diagnóstico'
# quarterly targets: the quarters drawn as planned with their values
check 'screen | grep "AO.6.1" | grep -q "552" || fail "AO.6.1 sin sus metas trimestrales"'
keys Down Down
wait_for 'Actividad AO.'
quit
