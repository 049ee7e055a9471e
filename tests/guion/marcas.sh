#!/usr/bin/env bash
# marcas.sh — the multi-selection: Space marks five actividades (a mark
# column, «5 marcadas» in the status line); Y and t set the months of all
# five at once (each one action in the change log: five rows, one accion);
# m moves the five to another entregable, E sets their responsables; M
# clears the marks; marks survive folding and a removed row stops counting.
# After quitting, `poa exportar --csv` shows the five
# there, with those months and responsables.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
start marcas 120 40

keys Down Down Down Down
wait_for 'Actividad 1.1'
keys Space Space Space
wait_for '3 marcadas'
keys Down Space Space
wait_for 'Fila marcada · M quita todas las marcas'
check <<'C'
[ "$(screen | grep -c '^●')" = 5 ] || fail "no hay 5 filas marcadas: $(screen | grep -c '^●')"
for c in 1.1 1.2 1.3 2.1 2.2; do
    row " $c " | grep -q '^●' || fail "$c no está marcada: $(row " $c ")"
done
row ' 2.3 ' | grep -q '^ ' || fail "2.3 está marcada"
line 39 | grep -q '5 marcadas · ' || fail "la línea de estado no cuenta: $(line 39)"
# the count is said once, in the bar, not again in the message beside it
[ "$(line 39 | grep -o 'marcadas' | wc -l)" = 1 ] || fail "la cuenta aparece dos veces: $(line 39)"
C
# the marks survive folding: hidden under the folded eje, back when unfolded
keys g -
wait_for 'Financiero (1)'
check <<'C'
[ "$(screen | grep -c '^●')" = 0 ] || fail "filas marcadas a la vista con el eje plegado"
line 39 | grep -q '5 marcadas · ' || fail "la cuenta cambió al plegar: $(line 39)"
C
keys +
check <<'C'
[ "$(screen | grep -c '^●')" = 5 ] || fail "al desplegar no hay 5 filas marcadas"
C
# the months of the five in one step each: the year emptied, then Abr-Jun
keys Tab
keys Y
wait_for 'Cronograma (el año): 5 actividades marcadas cambiadas'
keys Right Right Right t
wait_for 'Cronograma (2do. Trim.): 5 actividades marcadas cambiadas'
check <<'C'
for c in 1.1 1.2 1.3 2.1 2.2; do
    row " $c " | grep -qF '│         │ x  x  x │         │         │' || fail "meses de $c: $(row " $c ")"
done
# 2.3 is not marked: it keeps its months
row ' 2.3 ' | grep -qF '│ x     x │    x  x │' || fail "2.3 cambió: $(row ' 2.3 ')"
C
keys Tab
# move the five to Sección de Delegados' entregable
keys m
wait_for 'Mover las 5 filas marcadas a…'
type_text 'Cartera de afiliados incrementada'
keys Enter
wait_for 'Movidas: 5 filas marcadas a Cartera de afiliados incrementada'
# the marks survive the move; E sets the responsables of all five
has '5 marcadas · '
keys E
wait_for 'Campo para las 5 actividades marcadas'
keys Enter
wait_for 'Responsables de las 5 actividades:'
keys C-u
type_text 'Planificación/ TIC'
keys Enter
wait_for 'Responsables: 5 actividades cambiadas'
keys M
wait_for 'Sin marcas'
hasnt '5 marcadas · '
# a marked row that goes away no longer counts: an added actividad, marked,
# then the addition undone
keys a
type_text 'Actividad de paso'
keys Enter
wait_for 'Guardado'
keys Space
wait_for 'Fila marcada · M quita todas las marcas'
has '1 marcada · '
keys z
wait_for 'Deshecho: Agregar actividad'
hasnt ' marcada · '
quit

/usr/bin/python3 - "$tmp/plan.db" <<'PY' || fail "el registro de cambios no tiene una acción por paso"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
acc = [r[0] for r in db.execute(
    "SELECT count(*) FROM cambio WHERE tipo = 'meses' GROUP BY accion ORDER BY accion")]
assert acc == [5, 5], acc
resp = [r[0] for r in db.execute(
    "SELECT count(*) FROM cambio WHERE campo = 'responsables' GROUP BY accion")]
assert resp == [5], resp
PY
"$POA" exportar "$tmp/plan.db" --csv "$tmp/despues.csv" >/dev/null || fail "exportar"
/usr/bin/python3 - "$tmp/despues.csv" <<'PY' || fail "el CSV exportado no muestra las cinco"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
meses = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
moved = [r for r in rows if r["unidad"] == "Sección de Delegados" and
         r["responsables"] == "Planificación/ TIC"]
assert len(moved) == 5, len(moved)
for r in moved:
    assert r["entregable"] == "Cartera de afiliados incrementada", r["entregable"]
    assert [r[m] for m in meses] == ["", "", "", "x", "x", "x", "", "", "", "", "", ""], r
assert len([r for r in rows if r["unidad"] == "Sección de Delegados"]) == 8
PY
echo "marcas: ok"
