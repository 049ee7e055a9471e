#!/usr/bin/env bash
# rama_mover.sh — a branch cut and pasted to another unit is one undo step:
# the meta «Elevar la cartera…» (3 actividades) pasted under Departamento
# Juridico's objetivo with the unit filter on; z puts it back in its unit
# and objetivo, the status saying what was undone; after quitting,
# `poa exportar --csv` equals the export from before the session.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
"$POA" exportar "$tmp/plan.db" --csv "$tmp/antes.csv" --corte 1 >/dev/null || fail "exportar antes"
start rama_mover 120 40

keys /
type_text 'Elevar la cartera'
keys Enter
wait_for 'Meta operativa · Sección de Delegados'
keys X u
type_text 'Departamento Juridico'
keys Enter
wait_for 'Unidad: Departamento Juridico'
keys /
type_text 'Fortalecer la reputación'
keys Enter
keys V
wait_for 'Movido: meta operativa «Departamento Juridico: Elevar la cartera'
keys Escape
wait_for 'Sin filtros'
has 'Departamento Juridico: Elevar la cartera'
keys z
wait_for 'Deshecho: Mover meta operativa «Sección de Delegados: Elevar la cartera a un 5% y captación d…» (con 3 activida'
has 'Sección de Delegados: Elevar la cartera'
hasnt 'Departamento Juridico: Elevar la cartera'
quit

"$POA" exportar "$tmp/plan.db" --csv "$tmp/despues.csv" --corte 1 >/dev/null || fail "exportar después"
diff "$tmp/antes.csv" "$tmp/despues.csv" >&2 || fail "el plan no volvió a como estaba"
echo "rama_mover: ok"
