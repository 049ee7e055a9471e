#!/usr/bin/env bash
# plan_cambiar_una.sh — switching to a plan of one actividad in the plan
# menu (P) says «1 actividad», not «1 actividades»: a plan built in the
# interface down to one actividad, its next year copied from P, then P
# «Cambiar a otro año» back to the first year.
source "$(dirname "$0")/lib.bash"
db="$tmp/plan.db"
"$POA" nuevo "$db" --institucion 'Prueba' --anio 2025 >/dev/null || fail "nuevo"
start una 80 24
keys A Enter
type_text 'Eje uno'
keys Enter A
type_text 'Objetivo uno'
keys Enter A Enter
type_text 'Dirección de Planificación'
keys Enter
type_text 'Meta uno'
keys Enter A Enter
type_text 'Entregable uno'
keys Enter Enter A
type_text 'Actividad uno'
keys Enter
wait_for '└─  Actividad uno'
# P: nuevo año 2026 and pass to it
keys P Down Down Enter Enter s
wait_for 'POA 2026 · Prueba'
# back to 2025
keys P Down Enter
wait_for '2025  1 actividad · Prueba'
keys Up Enter
wait_for 'POA 2025 · Prueba'
has 'Plan de «Prueba» 2025: 1 actividad '
hasnt '1 actividades'
quit
