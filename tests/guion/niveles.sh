#!/usr/bin/env bash
# niveles.sh — levels a plan did not use, added in the interface: on the
# Caja's plan (no ejes, no entregables) a next to an objetivo offers an eje,
# which takes the objetivos there; A on a meta offers an entregable with
# indicador, which takes its actividades; undo makes it implicit again. The
# export and resumen show the new levels.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
start niveles 120 40
check 'line 4 | grep -q "^ ├─▾ O\.E\." || fail "la primera fila no es un objetivo: $(line 4)"'
# a next to an objetivo: another objetivo, or an eje over the objetivos
keys a
wait_for '¿Qué agregar?'
has 'Objetivo estratégico'
has 'Eje (agrupa objetivos; los 5 objetivos de aquí quedan dentro)'
keys Down Enter
wait_for 'Nuevo eje (agrupa los 5 objetivos de aquí) — texto:'
type_text 'Sostenibilidad financiera'
keys Enter
wait_for 'Guardado'
check 'line 4 | grep -q "^ └─▾ Sostenibilidad financiera (5)" || fail "el eje no agrupa: $(line 4)"'
check 'line 5 | grep -q "^    ├─▾ O\.E\." || fail "el objetivo no quedó dentro: $(line 5)"'
# next to that eje, a second one (empty)
keys a
wait_for 'Nuevo eje — texto:'
type_text 'Servicio al afiliado'
keys Enter
wait_for '└── Servicio al afiliado'
# A on a meta: an actividad there, or an entregable over its actividades
keys u
type_text 'UAIP'
keys Enter
wait_for 'Unidad: UAIP'
keys Home Down Down
wait_for 'Meta operativa · UAIP'
keys A
wait_for '¿Qué agregar?'
has 'Actividad'
has 'Entregable (con indicador; las 7 actividades de aquí quedan dentro)'
keys Down Enter
wait_for 'Nuevo entregable (agrupa las 7 actividades de aquí) — texto:'
type_text 'Transparencia'
keys Enter
wait_for 'Indicador del entregable (puede quedar vacío):'
type_text '% de solicitudes atendidas'
keys Enter
wait_for 'Guardado'
has '└─▾ Transparencia (7)'
# undo: the entregable is implicit again, the actividades under the meta
keys z
wait_for 'Deshecho: Agregar entregable «Transparencia»'
hasnt '▾ Transparencia'
has '└─▾ UAIP (7)'
check 'row "AO.6.1 " | grep -q "^          ├─  AO.6.1" || fail "AO.6.1 no volvió bajo la meta: $(row "AO.6.1 ")"'
keys Up A
wait_for '¿Qué agregar?'
keys Down Enter
type_text 'Transparencia'
keys Enter
type_text '% de solicitudes atendidas'
keys Enter
wait_for '└─▾ Transparencia (7)'
quit

"$POA" resumen "$tmp/plan.db" >"$tmp/res.txt"
grep -qE '^  ejes: +2$' "$tmp/res.txt" || fail "resumen ejes: $(cat "$tmp/res.txt")"
grep -qE '^  entregables: +1$' "$tmp/res.txt" || fail "resumen entregables: $(cat "$tmp/res.txt")"
grep -qE '^  actividades: +89$' "$tmp/res.txt" || fail "resumen actividades: $(cat "$tmp/res.txt")"
"$POA" exportar "$tmp/plan.db" --csv "$tmp/out.csv" >/dev/null || fail "exportar"
/usr/bin/python3 - "$tmp/out.csv" <<'PY' || fail "CSV"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert len(rows) == 89, len(rows)
bad = [r["actividad_codigo"] for r in rows if r["eje"] != "Sostenibilidad financiera"]
assert not bad, f"sin el eje: {bad}"
uaip = [r for r in rows if r["unidad"] == "UAIP"]
assert len(uaip) == 7, len(uaip)
for r in uaip:
    assert r["entregable"] == "Transparencia" and r["indicador"] == "% de solicitudes atendidas", r
assert all(r["entregable"] == "" for r in rows if r["unidad"] != "UAIP")
PY
