#!/usr/bin/env bash
# carga_grande.sh — a large plan opens in two steps (issue 14): the first
# page at once, «Cargando el plan…» in the status line, the summary rows'
# totals pending («…») and the position «4/…»; keys on the first page act
# on the row they show, and the whole plan, in place at :cargar (the
# loader's finished point), keeps that row selected with its totals whole;
# an edit pressed on the first page waits and edits the row it showed; a
# remembered position opens once the whole plan is there; a
# search pressed while loading waits for the whole plan and finds an
# actividad of the last branch, which the first page did not hold.
source "$(dirname "$0")/lib.bash"
# 2,500 actividades (two steps from 2,000: UI_CARGA_DESDE); the last
# actividad gets a text no other has
/usr/bin/python3 "$POA_TOOLS/generar_plan.py" 2500 -o "$tmp/grande.csv" || fail "generar_plan"
/usr/bin/python3 - "$tmp/grande.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
rows[-1][rows[0].index("actividad")] = "Ñandú único de la última rama"
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline="")).writerows(rows)
PY
"$POA" importar "$tmp/plan.db" "$tmp/grande.csv" >/dev/null 2>&1 || fail "importar"
"$POA" resumen "$tmp/plan.db" | grep -q '^  actividades: *2500$' || fail "resumen: no son 2500"

start primera 120 40
wait_for 'Cargando el plan'
has 'Presupuesto del plan: … (cargando)'
has ' 1/…'
has 'Presupuesto del plan: … (cargando)'
keys Down Down Down Down Down Down
shot en_pagina
has ' 7/…'
has ' Actividad 1.3 · '
keys :cargar
hasnt 'Cargando el plan'
hasnt '(cargando)'
hasnt '/…'
has ' 7/'
has 'plan.db: 2500 actividades. F1 muestra las teclas.'
check <<'C'
# the same screen but the plan's total (whole now) and the status line:
# the tree (its lines too), the selected row and its detail; the first page
# was a prefix of the tree
diff <(head -n -2 "$en_pagina" | grep -v 'Presupuesto del plan') \
     <(screen | head -n -2 | grep -v 'Presupuesto del plan') >&2 ||
    fail "la pantalla cambió al llegar el plan entero"
C
# a key that needs the whole plan on the whole plan: the same row still
keys Tab
has ' Actividad 1.3 · '
has ' 7/2954'   # the rows of the whole tree
quit

# an edit pressed on the first page waits for the whole plan and edits the
# row the cursor was on
start editar 120 40
keys Down Down Down Down Down Down
wait_for ' Actividad 1.3 · '
keys e
wait_for 'Texto:'
keys C-u
type_text 'Texto nuevo de la 1.3'
keys Enter
wait_for 'Guardado'
has '1.3 Texto nuevo de la 1.3'
has ' 7/2954'
quit
"$POA" exportar "$tmp/plan.db" --csv "$tmp/despues.csv" >/dev/null || fail "exportar"
grep -q 'Texto nuevo de la 1.3' "$tmp/despues.csv" || fail "la edición no llegó al archivo"
[ "$(grep -c 'Texto nuevo de la 1.3' "$tmp/despues.csv")" = 1 ] || fail "más de una fila editada"

start busqueda 120 40
wait_for 'Cargando el plan'
keys /
type_text 'Ñandú único'
keys Enter
wait_for '«Ñandú único»: 1 de 1'
has 'Ñandú único de la última rama'
hasnt '/…'
hasnt 'Cargando el plan'
quit

# where a session left (remembered by id) needs the whole plan: the next
# session waits for it before the first key and opens on that row
rm -rf "$XDG_STATE_HOME"
recordar=1
start deja 120 40
keys Down Down Down Down Down Down
wait_for ' Actividad 1.3 · '
quit
start vuelve 120 40
has ' Actividad 1.3 · '
has ' 7/2954'
hasnt 'Cargando el plan'
quit
