#!/usr/bin/env bash
# anio.sh — the plan menu (P): nuevo año copies the open plan (no
# seguimiento) and offers to open it; switching between the plans of the
# file; the plan's institution and year edited (an existing year refused);
# --anio chooses the plan at start.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
INST='Caja Mutual de los Empleados del Ministerio de Educación'
start anio 120 40
has "POA 2024 · $INST"
keys P
wait_for 'Datos del plan: «'"$INST"'», año 2024'
has 'Cambiar a otro año o institución del archivo…'
has 'Nuevo año: copiar este plan a 2025 (sin seguimiento)…'
keys Down Down Enter
wait_for 'Año del plan nuevo (copia de este, sin seguimiento):'
check 'row "Año del plan nuevo" | grep -qF "2025" || fail "no propone 2025: $(row "Año del plan nuevo")"'
keys Enter
wait_for 'Plan 2025 creado: 8 unidades, 5 objetivos, 21 metas operativas, 89 actividades.'
has '¿Pasar al plan nuevo?'
keys s
wait_for "POA 2025 · $INST"
has 'Guardado: plan 2025 creado'
# back to 2024 through the list of the file's plans
keys P Down Enter
wait_for 'Planes del archivo'
has "2025  (abierto) 89 actividades · Caja Mutual de los Empleados"
has "2024  89 actividades · Caja Mutual de los Empleados"
type_text '2024'
keys Enter
wait_for "POA 2024 · $INST"
has 'Plan de «'"$INST"'» 2024: 89 actividades'
# nuevo año again: the year exists, replacing it is asked (no)
keys P Down Down Enter
wait_for 'Año del plan nuevo'
keys Enter
wait_for 'Ya hay un plan del año 2025.'
keys n
wait_for 'No se copió nada'
# the plan's data: a year another plan has is refused; the institution renamed
keys P Enter
wait_for 'Institución:'
keys Enter
wait_for 'Año del plan:'
keys C-u
type_text '2025'
keys Enter
wait_for 'No se guardó: ya existe el plan de «'"$INST"'» del año 2025'
keys P Enter C-u
type_text 'Caja Mutual'
keys Enter Enter
wait_for 'Guardado: plan de «Caja Mutual» 2024'
has 'POA 2024 · Caja Mutual ·'
quit

# the file: 2025 without seguimiento, 2024 with it and renamed
"$POA" resumen "$tmp/plan.db" --anio 2025 | grep -qF "$INST · Plan Operativo Anual 2025" || fail "resumen 2025"
"$POA" exportar "$tmp/plan.db" --csv "$tmp/a25.csv" --anio 2025 >/dev/null || fail "exportar 2025"
"$POA" exportar "$tmp/plan.db" --csv "$tmp/a24.csv" --institucion 'Caja Mutual' >/dev/null || fail "exportar 2024"
/usr/bin/python3 - "$tmp/a24.csv" "$tmp/a25.csv" <<'PY' || fail "CSV"
import csv, sys
a = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
b = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
assert len(a) == len(b) == 89, (len(a), len(b))
assert sum(1 for r in a if r["real"]) > 0, "2024 perdió su seguimiento"
assert all(r["real"] == "" and r["observaciones"] == "" for r in b), "2025 tiene seguimiento"
assert all(r["institucion"] == "Caja Mutual" for r in a)
PY

# --anio (and --institucion) choose the plan at start
start_with anio2 120 40 "$tmp/plan.db" --anio 2025
has "POA 2025 · $INST"
quit
start_with anio3 120 40 "$tmp/plan.db" --institucion 'Caja Mutual'
has 'POA 2024 · Caja Mutual ·'
quit
