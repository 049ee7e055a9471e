#!/usr/bin/env bash
# presupuesto_lider.sh — the plan's presupuesto total stays on the header
# when L shows the «Unidad líder» column (the total may run over that
# column's empty header line), and is there again after L hides it.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
total='Presupuesto del plan: $ 2,949,450.00 + RD$ 1,500,000.00 + 30,000,000.00'
start presupuesto_lider 120 40
has "$total"
keys L
wait_for 'Columna «Unidad líder» a la vista (L la oculta)'
check <<C
line 2 | grep -qF '$total' || fail "el total no está en la línea 2: \$(line 2)"
line 3 | grep -qF 'Unidad líder' || fail "sin columna: \$(line 3)"
C
keys L
wait_for 'Columna «Unidad líder» oculta'
check <<C
line 2 | grep -qF '$total' || fail "el total no está en la línea 2: \$(line 2)"
! line 3 | grep -qF 'Unidad líder' || fail "la columna sigue: \$(line 3)"
C
quit
