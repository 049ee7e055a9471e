#!/usr/bin/env bash
# senal_accion_larga.sh — SIGTERM while a long action runs (pasting a
# cronograma over 20,000 activities, one transaction): the action finishes
# its transaction or none of it lands, never half; the terminal is restored,
# the exit status is 143 and the plan opens intact.
source "$(dirname "$0")/lib.bash"
N=20000
/usr/bin/python3 - "$tmp/grande.csv" "$N" <<'PY'
import csv, sys
path, n = sys.argv[1], int(sys.argv[2])
cols = ["institucion", "anio", "unidad", "eje", "objetivo", "meta_operativa",
        "entregable_codigo", "entregable", "actividad_codigo", "actividad",
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(cols)
    for i in range(n):
        e = i // 100 + 1
        months = ["x", "", "x", "", "", "", "x", "", "", "", "", ""] if i == 0 else [""] * 12
        w.writerow(["Institución de prueba", "2025", "Unidad %d" % (i // 1000 + 1), "Financiero",
                    "Objetivo único", "Meta %d" % (i // 1000 + 1), str(e), "Entregable %d" % e,
                    "%d.%d" % (e, i % 100 + 1), "Actividad número %d de gestión" % i] + months)
PY
"$POA" importar "$tmp/plan.db" "$tmp/grande.csv" >/dev/null || fail "importar"
cur="larga$$"
sessions+=("$cur")
"$T" start "$cur" 100 30 -- \
    "sh -c 'echo \$\$ > $tmp/pid; exec \"$POA\" \"$tmp/plan.db\"'; echo salida=\$?; exec sleep 60"
wait_for 'F10Salir'
# a plan this size opens folded: unfold down to the first activity (its
# months: ene, mar, jul) and copy them
keys Down +
wait_for 'Unidad 1: Meta 1'
keys Down +
wait_for 'Entregable 1'
keys Down +
wait_for '1.1 Actividad número 0'
keys Down
wait_for 'Actividad 1.1'
keys c
wait_for 'copiado'
# the eje's row: paste over its 20,000 activities
keys g
wait_for 'Eje'
keys p
wait_for "¿Pegar el cronograma copiado en $N actividades?"
keys s
kill -s TERM "$(cat "$tmp/pid")"
wait_for "salida=" 120
has "salida=143"
m=$("$T" modes "$cur")
[ "$m" = "alternate=0 cursor=1" ] || fail "terminal sin restaurar: $m"
ok=$(/usr/bin/python3 - "$tmp/plan.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("PRAGMA integrity_check").fetchone()[0])
PY
)
[ "$ok" = ok ] || fail "integrity_check: $ok"
"$POA" exportar "$tmp/plan.db" --csv "$tmp/out.csv" >/dev/null || fail "exportar"
# all or nothing: either every activity has the pasted months, or only the first
n=$(/usr/bin/python3 - "$tmp/out.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(sum(1 for r in rows if (r["ene"], r["feb"], r["mar"], r["jul"]) == ("x", "", "x", "x")))
PY
)
[ "$n" = "$N" ] || [ "$n" = 1 ] || fail "pegado a medias: $n de $N actividades"
echo "pegado en $n de $N actividades"
echo "5 passed, 0 failed"
