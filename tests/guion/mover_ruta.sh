#!/usr/bin/env bash
# mover_ruta.sh — the move list (m) names every place by its path
# «objetivo › unidad» (the Caja has no ejes, metas without text): the four
# metas of Auditoría Interna read apart by their objetivo; at 80×24 the
# objetivo is shortened and the unit, the end that tells rows apart, stays
# whole; the place chosen is where the activity lands (poa exportar).
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv

start mover 120 40
keys Down Down Down
wait_for 'Actividad AO.3.2 · Logística y Activos'
keys m
wait_for 'Mover actividad a…'
has '(20 de 20;'
type_text 'auditoría'
wait_for '(4 de 20;'
has 'O.E.3 Administrar los activos de manera eficaz, eficiente y econó… › Auditoría Interna'
has '6 OTRAS ACTIVIDADES OPERATIVAS › Auditoría Interna'
has 'O.E.1 Mejorar continuamente los servicios, prestaciones y benefic… › Auditoría Interna'
has 'O.E.4 Modernizar y simplificar los servicios brindados a la pobla… › Auditoría Interna'
hasnt '  Auditoría Interna  '
keys Down Down Down Enter
wait_gone 'Mover actividad a…'
quit
"$POA" exportar "$tmp/plan.db" --csv "$tmp/plan.csv" >/dev/null || fail "exportar"
grep -F 'Actualizar y dar seguimiento, a los diferentes controles' "$tmp/plan.csv" | grep -q ',Auditoría Interna,.*O\.E\.4,' ||
    fail "AO.3.2 no quedó en Auditoría Interna de O.E.4: $(grep -F 'Actualizar y dar seguimiento, a los diferentes controles' "$tmp/plan.csv" | cut -c1-200)"

# narrow: the objetivo gives way, the unit stays whole
start angosta 80 24
keys Down Down Down m
wait_for 'Mover actividad a…'
type_text 'relaciones'
check <<'C'
row '› Comunicaciones y Relaciones Públicas' | grep -qE '(O\.E\.[0-9]|6 OTRAS)[^›]*… › Comunicaciones y Relaciones Públicas' ||
    fail "fila: $(row 'Relaciones')"
[ "$(screen_width)" -le 80 ] || fail "más ancho que la terminal"
C
keys Escape
quit
