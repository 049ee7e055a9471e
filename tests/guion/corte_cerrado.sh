#!/usr/bin/env bash
# corte_cerrado.sh — with corte 3 closed, moving an activity counted in it
# to another unit's meta (m) is refused on the status line naming the corte
# and the activity, and the file is left as it was (its tablero unchanged).
source "$(dirname "$0")/lib.bash"
"$POA" importar "$tmp/plan.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv" >/dev/null || fail "importar"
"$POA" corte "$tmp/plan.db" cerrar 3 >/dev/null || fail "cerrar el corte 3"
"$POA" exportar "$tmp/plan.db" --csv "$tmp/antes.csv" --corte 3 >/dev/null || fail "exportar antes"
start corte 130 40
keys /
type_text 'venta del seguro de vida opcional'
keys Enter
wait_for 'Actividad AO.6.1 · Comercialización'
keys m
wait_for 'Mover actividad a'
type_text 'Auditoría'
keys Enter
wait_for 'No se guardó: El corte 3 está cerrado y la actividad «AO.6.1» cuenta en él: moverla a otra meta'
wait_for 'Reabra el corte primero'
has 'Actividad AO.6.1 · Comercialización'
quit
"$POA" exportar "$tmp/plan.db" --csv "$tmp/despues.csv" --corte 3 >/dev/null || fail "exportar después"
cmp -s "$tmp/antes.csv" "$tmp/despues.csv" || fail "el plan cambió: $(diff "$tmp/antes.csv" "$tmp/despues.csv" | head -5)"
echo ok
