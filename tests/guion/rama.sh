#!/usr/bin/env bash
# rama.sh — cut and paste of a branch in the interface: the meta «Elevar la
# cartera…» of Sección de Delegados (3 actividades) is cut with X and pasted
# with V on an objetivo while the unit filter shows Departamento Juridico:
# the status names it, the tree shows it under Juridico's objetivo, and
# after quitting `poa exportar --csv` has its 3 actividades there and none
# in the old place; then C + V copies it back (a copy: new rows) and D
# duplicates an actividad right under itself with the next free code.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
start rama 120 40

# find the meta and cut it
keys /
type_text 'Elevar la cartera'
keys Enter
wait_for 'Meta operativa · Sección de Delegados'
keys X
wait_for 'Cortado: meta operativa «Sección de Delegados: Elevar la cartera a un 5% y captación d…» (con 3 actividades)'
# the unit filter shows another unit: the paste gives the meta that unit
keys u
type_text 'Departamento Juridico'
keys Enter
wait_for 'Unidad: Departamento Juridico'
keys /
type_text 'Fortalecer la reputación'
keys Enter
wait_for 'Objetivo'
keys V
wait_for 'Movido: meta operativa «Departamento Juridico: Elevar la cartera a un 5% y captación d…» (con 3 actividades)'
has 'Departamento Juridico: Elevar la cartera a un 5%'
# the cursor is on it; its detail names the new unit
has 'Meta operativa · Departamento Juridico'
# without the filter, Sección de Delegados has no meta left
keys Escape
wait_for 'Sin filtros'
hasnt 'Sección de Delegados: Elevar'

# a copy of an actividad pasted after its sibling: a free code
keys /
type_text 'Alianza estratégica con el MINERD'
keys Enter
wait_for 'Actividad 1.1'
keys C
wait_for 'Copiado: actividad «1.1 Alianza estratégica con el MINERD para …»'
keys Down Down
wait_for 'Actividad 1.3'
keys V
wait_for 'Pegado: actividad «1.4 Alianza estratégica con el MINERD para …»; 1 código ya usado, cambiado'
has '1.4 Alianza estratégica con el MINERD'
# duplicate in place: right under itself, the next free code
keys D
wait_for 'Duplicado: actividad «1.5 Alianza estratégica con el MINERD para …»'
check <<'C'
a=$(screen | grep -n '1\.4 Alianza estratégica' | head -1 | cut -d: -f1)
b=$(screen | grep -n '1\.5 Alianza estratégica' | head -1 | cut -d: -f1)
[ -n "$a" ] && [ "$b" = $((a + 1)) ] || fail "1.5 no está justo debajo de 1.4 ($a, $b)"
C
quit

"$POA" exportar "$tmp/plan.db" --csv "$tmp/despues.csv" >/dev/null || fail "exportar"
/usr/bin/python3 - "$tmp/despues.csv" <<'PY' || fail "el CSV exportado no muestra la rama movida"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
moved = [r for r in rows if r["meta_operativa"].startswith("Elevar la cartera")]
assert len(moved) == 3, len(moved)
for r in moved:
    assert r["unidad"] == "Departamento Juridico", r["unidad"]
    assert r["objetivo"].startswith("Fortalecer la reputación"), r["objetivo"]
    assert r["eje"] == "Clientes", r["eje"]
assert not [r for r in rows if r["unidad"] == "Sección de Delegados"]
copies = [r for r in rows if r["actividad"].startswith("Alianza estratégica con el MINERD")]
assert sorted(r["actividad_codigo"] for r in copies) == ["1.1", "1.4", "1.5"], copies
months = {tuple(r[m] for m in ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep",
                                  "oct", "nov", "dic")) for r in copies}
assert len(months) == 1, months
PY
echo "rama: ok"
