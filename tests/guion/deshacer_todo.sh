#!/usr/bin/env bash
# deshacer_todo.sh — z undoes every kind of action, also after quitting and
# opening again, and Ctrl-R redoes it: deleting an eje with its activities,
# months and seguimiento (every row back with its id and order), an
# import, unificar from the command line, closing and reopening a corte,
# (also with K in the interface), and a month pattern pasted over the 6 activities of a meta (one step,
# «6 actividades»). Each time `poa exportar --csv` and the rows of every
# plan table equal what they were before.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
db="$tmp/plan.db"
# seguimiento on one activity in three, behind the program's back
sqlite3 "$db" "INSERT INTO seguimiento (actividad_id, corte, real, observaciones)
               SELECT id, 1, id % 7, 'nota ' || id FROM actividad WHERE id % 3 = 0" || fail "seguimiento"
# every row of the plan tables, in id order (ids and orden included)
filas() {
    local t
    for t in unidad eje objetivo meta entregable actividad mes meta_trimestre seguimiento corte; do
        echo "== $t"
        sqlite3 "$db" "SELECT * FROM $t ORDER BY 1, 2"
    done
}
cuentas() { sqlite3 "$db" "SELECT (SELECT count(*) FROM actividad) || ' ' || (SELECT count(*) FROM mes)
                           || ' ' || (SELECT count(*) FROM seguimiento)"; }
exportar() { "$POA" exportar "$db" --csv "$tmp/$1.csv" --corte 1 >/dev/null || fail "exportar $1"; }
igual_que_antes() {
    exportar "$1"
    cmp -s "$tmp/antes.csv" "$tmp/$1.csv" || fail "$1: el CSV cambió: $(diff "$tmp/antes.csv" "$tmp/$1.csv" | head -5)"
    filas >"$tmp/$1.filas"
    cmp -s "$tmp/antes.filas" "$tmp/$1.filas" || fail "$1: las filas cambiaron: $(diff "$tmp/antes.filas" "$tmp/$1.filas" | head -5)"
}
exportar antes
filas >"$tmp/antes.filas"
antes=$(cuentas)

# delete the eje Financiero (the first row) with everything under it
start borrar 160 40
has 'Financiero (1)'
keys d
keys s
wait_for 'Guardado'
hasnt 'Financiero (1)'
quit
borrado=$(cuentas)
[ "$borrado" != "$antes" ] || fail "no se borró nada: $borrado"

# reopened: z puts every row back and says what
start deshacer 160 40
keys z
wait_for 'Deshecho: Borrar eje «Financiero» — 1 eje, 1 objetivo, 2 metas, 3 entregables, 7 actividades, 61 meses y 2 seguimientos restaurados'
has 'Financiero (1)'
quit
[ "$(cuentas)" = "$antes" ] || fail "cuentas tras deshacer: $(cuentas) / $antes"
igual_que_antes deshecho

# reopened again: Ctrl-R deletes it again
start rehacer 160 40
keys C-r
wait_for 'Rehecho: Borrar eje «Financiero» — 1 eje, 1 objetivo, 2 metas, 3 entregables, 7 actividades, 61 meses y 2 seguimientos borrados de nuevo'
hasnt 'Financiero (1)'
quit
[ "$(cuentas)" = "$borrado" ] || fail "cuentas tras rehacer: $(cuentas) / $borrado"

# and z once more brings it back; then a second Ctrl-R has nothing left
# once a new edit came (the redo chain is cleared by it)
start otra_vez 160 40
keys z
wait_for 'Deshecho: Borrar eje «Financiero»'
quit
igual_que_antes otra_vez

# an import that changes one activity's text
sed 's/Alianza estratégica con el MINERD para captar nuevos afiliados\./Alianza renovada con el MINERD./' \
    "$POA_FIXTURES/poa2024_ars_semma.csv" >"$tmp/cambiada.csv"
"$POA" importar "$db" "$tmp/cambiada.csv" >/dev/null || fail "importar cambiada"
start importar 160 40
has '1.1 Alianza renovada con el MINERD'
keys z
wait_for 'Deshecho: importar: 0 actividades nuevas, 1 actualizada — 1 actividad devuelta a como estaba'
hasnt 'Alianza renovada'
quit
igual_que_antes importar

# unificar from the command line, undone in the interface
"$POA" unificar "$db" --eje Finanzas --en Financiero >/dev/null || fail "unificar"
start unificar 160 40
hasnt 'Finanzas ('
keys z
wait_for 'Deshecho: Unificar eje «Finanzas» en «Financiero»'
has 'Finanzas ('
quit
igual_que_antes unificar

# a corte closed and reopened: two steps back
"$POA" corte "$db" cerrar 1 >/dev/null || fail "cerrar el corte 1"
"$POA" corte "$db" reabrir 1 --motivo "Corrección" >/dev/null || fail "reabrir el corte 1"
start corte 160 40
keys z
wait_for 'Deshecho: Reapertura del corte 1'
keys z
wait_for 'Deshecho: Cierre del corte 1'
quit
igual_que_antes corte
# the same with K in the seguimiento table
start corte_k 160 40
keys Down Down Down Down S
wait_for 'Seguimiento · Corte 1 EN-MAR (abierto)'
keys K s
wait_for 'Corte 1 cerrado'
keys K
type_text 'Corrección'
keys Enter
wait_for 'Corte 1 reabierto'
keys z
wait_for 'Deshecho: Reapertura del corte 1: Corrección — 1 corte devuelto a como estaba'
has 'Seguimiento · Corte 1 EN-MAR (cerrado)'
keys z
wait_for 'Deshecho: Cierre del corte 1 — 1 corte quitado'
has 'Seguimiento · Corte 1 EN-MAR (abierto)'
quit
igual_que_antes corte_k

# the empty months of the SASP activity pasted over the meta of
# Afiliación (its 6 activities all change)
start pegar 160 40
keys Down Down Down Down Down Down Down Down Down Down Down Down Down
wait_for 'Actividad 1.1 · División Desarrollo'
keys c Up Up Up Up Up Up Up Up Up Up Up
wait_for 'Meta operativa · Departamento de Afiliación'
keys p
wait_for '¿Pegar el cronograma copiado en 6 actividades?'
keys s
keys z
wait_for 'Deshecho: Copiar cronograma a 6 actividades'
quit
igual_que_antes pegar
"$POA" historial "$db" >"$tmp/h.txt" || fail "historial"
grep -qF 'Rehacer: Borrar eje «Financiero»' "$tmp/h.txt" || fail "historial sin rehacer: $(head "$tmp/h.txt")"
grep -qF 'Deshacer: Borrar eje «Financiero» — 1 eje, 1 objetivo' "$tmp/h.txt" || fail "historial sin deshacer: $(head "$tmp/h.txt")"
# a bulk undo or redo is one heading, with no empty field line under it
! grep -qF 'lote.lote' "$tmp/h.txt" || fail "historial: $(grep -B1 'lote.lote' "$tmp/h.txt" | head -4)"
grep -qF 'Borrar (con 1 objetivo, 2 metas operativas, 3 entregables y 7 actividades) eje «Financiero»' "$tmp/h.txt" \
    || fail "historial sin el borrado: $(grep Borrar "$tmp/h.txt" | head -3)"
echo "deshacer_todo: ok"
