#!/bin/bash
# no_pisar.sh — no export writes onto a plan: not the open plan (by its name,
# "./name", a symlink or a hard link), not another poa file, not the journal
# beside one; each refusal names the target, exits non-zero and leaves every
# file as it was. Stale ".tmp-XXXXXX" files of a killed export are removed at
# the next write to that target; other files that merely look alike stay.
source "$(dirname "$0")/lib.bash"
CAJA="$POA_FIXTURES/seguimiento2024_t3_caja.csv"
ARS="$POA_FIXTURES/poa2024_ars_semma.csv"
cd "$TMP" || exit 1
"$POA" importar plan.db "$CAJA" >/dev/null || bad "importar la Caja"
"$POA" importar otro.db "$ARS" >/dev/null || bad "importar ARS"
cp plan.db plan.orig
cp otro.db otro.orig
ln -s plan.db enlace.db
ln plan.db duro.db

# refused TARGET WHAT: both --csv and --xlsx refuse TARGET, naming it
refused() {
    local target=$1 what=$2
    for fmt in --csv --xlsx; do
        expect_code 1 "$POA" exportar plan.db "$fmt" "$target"
        expect_in "$TMP/err" "No se escribió «$target»: $what"
        expect_not_in "$TMP/out" "Escrito"
        expect_not_in "$TMP/out" "Exportadas"
        cmp -s plan.db plan.orig && ok || bad "$fmt $target: plan.db cambió"
        cmp -s otro.db otro.orig && ok || bad "$fmt $target: otro.db cambió"
    done
}
refused plan.db "es el archivo del plan abierto"
refused ./plan.db "es el archivo del plan abierto"
refused "$TMP/plan.db" "es el archivo del plan abierto"
refused enlace.db "es el archivo del plan abierto"
refused duro.db "es el archivo del plan abierto"
refused otro.db "es un archivo de plan de poa"
refused plan.db-journal "es el diario del plan «plan.db»"
refused otro.db-journal "es el diario del plan «otro.db»"
[ -e plan.db-journal ] && bad "se creó plan.db-journal" || ok
[ -L enlace.db ] && ok || bad "el enlace simbólico fue reemplazado"
ls -a | grep -q '\.tmp-' && bad "quedaron temporales: $(ls -a)" || ok
"$POA" resumen plan.db >/dev/null && ok || bad "plan.db ya no abre"

# what is not a plan is still replaced as before
echo viejo >informe.csv
expect_code 0 "$POA" exportar plan.db --csv informe.csv
expect_in informe.csv "institucion,anio,unidad"
# a SQLite file of another program is not a plan: an ordinary file to replace
/usr/bin/python3 -c 'import sqlite3; sqlite3.connect("ajeno.sqlite").execute("create table t(x)")'
expect_code 0 "$POA" exportar plan.db --csv ajeno.sqlite

# stale temporaries of a killed export: ours go, look-alikes stay
echo basura >informe.xlsx.tmp-AbC123
echo basura >informe.csv.tmp-zZ9x0Q
echo mio >informe.csv.tmp-notes
echo mio >informe.csv.tmp-AbC1234
echo mio >otro.csv.tmp-AbC123
expect_code 0 "$POA" exportar plan.db --csv informe.csv
[ -e informe.csv.tmp-zZ9x0Q ] && bad "quedó informe.csv.tmp-zZ9x0Q" || ok
[ -e informe.xlsx.tmp-AbC123 ] && ok || bad "se borró el temporal de otro destino"
for f in informe.csv.tmp-notes informe.csv.tmp-AbC1234 otro.csv.tmp-AbC123; do
    [ -e "$f" ] && ok || bad "se borró «$f», que no es un temporal nuestro"
done
expect_code 0 "$POA" exportar plan.db --xlsx informe.xlsx
[ -e informe.xlsx.tmp-AbC123 ] && bad "quedó informe.xlsx.tmp-AbC123" || ok
# a temporary another process is still writing (it holds the lock) stays
echo escribiendo >informe.csv.tmp-Vivo00
flock informe.csv.tmp-Vivo00 sleep 3 &
lockpid=$!
sleep 0.3
expect_code 0 "$POA" exportar plan.db --csv informe.csv
[ -e informe.csv.tmp-Vivo00 ] && ok || bad "se borró un temporal en uso"
wait "$lockpid"
# a real export killed with kill -9 leaves its temporary; the next export to
# the same name removes it (a plan big enough to be caught: ARS × 20)
/usr/bin/python3 - "$ARS" grande.csv <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
u = rows[0].index("unidad")
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(rows[0])
    for k in range(20):
        for r in rows[1:]:
            r = list(r); r[u] = "%s %d" % (r[u], k + 1); w.writerow(r)
EOF
"$POA" importar grande.db grande.csv >/dev/null || bad "importar grande"
left=0
for _ in 1 2 3 4 5 6 7 8 9 10; do
    "$POA" exportar grande.db --xlsx matado.xlsx >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1 500); do ls matado.xlsx.tmp-* >/dev/null 2>&1 && break; sleep 0.01; done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if ls matado.xlsx.tmp-* >/dev/null 2>&1 && [ ! -e matado.xlsx ]; then left=1; break; fi
    rm -f matado.xlsx
done
[ "$left" = 1 ] && ok || bad "kill -9 no dejó el temporal de la exportación en 10 intentos"
expect_code 0 "$POA" exportar plan.db --xlsx matado.xlsx
ls -a | grep -q '^matado\.xlsx\.tmp-' && bad "quedó el temporal de la exportación matada" || ok
[ -s matado.xlsx ] && ok || bad "no se escribió matado.xlsx"
finish
