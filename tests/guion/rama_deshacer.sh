#!/usr/bin/env bash
# rama_deshacer.sh — z undoes each reshaping action in one step: a branch
# cut and pasted to another unit goes back to its unit and objetivo; a
# pasted copy, a duplicate and the delete of five marked rows are undone
# (row images of store_lote_begin/end, deshacer branch); after quitting,
# `poa exportar --csv` equals the export from before the session.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
"$POA" exportar "$tmp/plan.db" --csv "$tmp/antes.csv" --corte 1 >/dev/null || fail "exportar antes"
start rama_deshacer 120 40

# cut a meta and paste it to another unit (the unit filter), then undo
keys /
type_text 'Elevar la cartera'
keys Enter
wait_for 'Meta operativa · Sección de Delegados'
keys X u
type_text 'Departamento Juridico'
keys Enter
keys /
type_text 'Fortalecer la reputación'
keys Enter
keys V
wait_for 'Movido: meta operativa «Departamento Juridico: Elevar la cartera'
keys Escape
wait_for 'Sin filtros'
keys z
wait_for 'Deshecho: '
has 'Sección de Delegados: Elevar la cartera'
hasnt 'Departamento Juridico: Elevar la cartera'

# a pasted copy of an actividad, undone
keys /
type_text 'Alianza estratégica con el MINERD'
keys Enter
keys C Down Down V
wait_for 'Pegado: actividad «1.4 Alianza'
keys z
wait_for 'Deshecho: '
hasnt '1.4 Alianza estratégica'

# a duplicated meta with its actividades, undone
keys /
type_text 'Elevar la cartera'
keys Enter
keys D
wait_for 'Duplicado: meta operativa «Sección de Delegados: Elevar la cartera'
keys z
wait_for 'Deshecho: '
hasnt 'Elevar la cartera a un 5% y captación de afiliados. (copia)'

# five marked actividades deleted with one confirmation, then undone
keys g Down Down Down Down Space Space Space Down Space Space
wait_for '5 marcadas'
keys d
wait_for '¿Borrar las 5 filas marcadas?'
keys s
wait_for 'Borrados: 5 filas marcadas (con 5 actividades)'
hasnt ' 1.1 Alianza estratégica'
keys z
wait_for 'Deshecho: '
has ' 1.1 Alianza estratégica'
has ' 2.2 Solicitar documentación'
quit

"$POA" exportar "$tmp/plan.db" --csv "$tmp/despues.csv" --corte 1 >/dev/null || fail "exportar después"
diff "$tmp/antes.csv" "$tmp/despues.csv" >&2 || fail "el plan no volvió a como estaba"
echo "rama_deshacer: ok"
