#!/usr/bin/env bash
# presupuesto.sh — presupuesto totals on the summary rows (their presupuesto
# column and the detail pane) and for the plan (over the tree) equal the sums
# SQL computes from the file, per currency: currencies are never added
# together («30,000,000.00 + $ 2,940,000.00»), a narrow column says «varias
# monedas»; a total follows an edit of a presupuesto.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
# sums FILTER: "moneda|total|count" lines from SQL for the live
# actividades joined up to their eje, under the WHERE condition FILTER
sums() {
    /usr/bin/python3 - "$db" "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
q = """select a.moneda, sum(a.presupuesto), count(*) from actividad a
       join entregable en on a.entregable_id = en.id join meta m on en.meta_id = m.id
       join unidad u on m.unidad_id = u.id join objetivo o on m.objetivo_id = o.id
       join eje e on o.eje_id = e.id
       where a.presupuesto is not null and (%s) group by a.moneda""" % sys.argv[2]
for mon, tot, n in c.execute(q):
    print(f"{mon}|{tot:,.2f}|{n}")
PY
}
# expects_total SHOT FILTER LABEL: the line «LABEL …» of SHOT holds every
# currency's sum (and nothing else), and the count of actividades
expects_total() {
    local shot=$1 filter=$2 label=$3 line parts n=0 want_n=0 mon tot cnt
    line=$(grep -F -- "$label" "$shot" | head -1 || true)
    [ -n "$line" ] || fail "falta «$label»"
    parts=0
    while IFS="|" read -r mon tot cnt; do
        local part="${mon:+$mon }$tot"
        grep -qF -- "$part" <<<"$line" || fail "«$part» no está en: $line"
        parts=$((parts + 1))
        want_n=$((want_n + cnt))
    done < <(sums "$filter")
    [ "$parts" -gt 0 ] || fail "SQL no da montos para $filter"
    n=$(grep -o ' + ' <<<"$line" | wc -l || true)
    [ "$n" = $((parts - 1)) ] || fail "$parts monedas, $((n + 1)) partes: $line"
    if [[ "$label" == *total* ]]; then
        grep -qF "($want_n actividad" <<<"$line" || fail "no dice $want_n actividades: $line"
    fi
}

# the file as the session opens it (the shots before the edit are of it)
cp "$tmp/plan.db" "$tmp/antes.db"
start presupuesto 200 50
shot plan_f
# all folded down to the ejes (* twice: the plan opens expanded)
keys '*'
shot ejes_f
for i in 1 2 3 4 5; do keys Down; shot "eje${i}_f"; done
# one unit's meta and objetivo
keys u
type_text 'Atención Al usuario'
keys Enter
wait_for 'Unidad: Departamento Atención Al usuario'
keys '*'
keys Home Down
shot obj_f
keys Down
shot meta_f
# an edit of a presupuesto moves the totals: the meta's first actividad
keys Down Down
shot act_f
keys E
wait_for 'Campo a editar'
type_text 'Presupuesto'
keys Enter
wait_for 'Presupuesto:'
keys C-u
type_text '60000.00'
keys Enter
wait_for 'Guardado'
keys Up Up
shot meta2_f
quit

check_all() {
    db=$tmp/antes.db
    expects_total "$plan_f" "1" " Presupuesto del plan: "
    # each eje: its detail when selected, its row in the presupuesto column
    local f ej seen=0
    for f in "$eje1_f" "$eje2_f" "$eje3_f" "$eje4_f" "$eje5_f"; do
        ej=$(grep -A1 '^ Eje$' "$f" | sed -n 2p | sed 's/^  //' || true)
        [ -n "$ej" ] || continue
        local esc=${ej//\'/\'\'}
        if [ -n "$(sums "e.nombre = '$esc'")" ]; then
            expects_total "$f" "e.nombre = '$esc'" "Presupuesto total: "
            seen=$((seen + 1))
        else
            ! grep -q 'Presupuesto total' "$f" || fail "eje $ej sin montos muestra un total"
        fi
    done
    [ "$seen" -ge 3 ] || fail "solo $seen ejes con montos"
    # the column: Finanzas whole, Cliente mixes two currencies
    grep -F '─▸ Finanzas (' "$ejes_f" | grep -qE '\$ 9,450\.00 *$' || fail "fila Finanzas: $(grep -F '─▸ Finanzas (' "$ejes_f")"
    grep -F '─▸ Cliente (' "$ejes_f" | grep -qE 'varias monedas *$' || fail "fila Cliente: $(grep -F '─▸ Cliente (' "$ejes_f")"
    grep -F '─▸ Procesos Internos (' "$ejes_f" | grep -qE 'RD\$ 1,500,000 *$' \
        || fail "fila Procesos Internos (sin decimales): $(grep -F '─▸ Procesos Internos (' "$ejes_f")"
    local u="u.nombre = 'Departamento Atención Al usuario'"
    grep -q '^ Objetivo' "$obj_f" || fail "no es el objetivo: $(grep -A1 '^────' "$obj_f" | tail -1)"
    expects_total "$obj_f" "$u" "Presupuesto total: "
    grep -q '^ Meta operativa' "$meta_f" || fail "no es la meta"
    expects_total "$meta_f" "$u" "Presupuesto total: "
    grep -q '^ Actividad' "$act_f" || fail "no es una actividad"
    # after the edit: the file and the screen agree again
    db=$tmp/plan.db
    [ "$(sums "$u")" != "$(db=$tmp/antes.db sums "$u")" ] || fail "la edición no cambió el total"
    expects_total "$meta2_f" "$u" "Presupuesto total: "
}
check_all
