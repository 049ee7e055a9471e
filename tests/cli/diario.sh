#!/bin/bash
# diario.sh — a session interrupted mid-transaction (kill -9, power loss)
# leaves a hot -journal: every command recovers the file (SQLite's own
# rollback), says so in one line and goes on; the content is exactly the
# state before the interrupted change; a read-only folder gets a message that
# says what happened and how to recover, never "delete the journal".
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
HOT="$POA_TOOLS/hot-journal"
ARS="$POA_FIXTURES/poa2024_ars_semma.csv"
CAJA="$POA_FIXTURES/seguimiento2024_t3_caja.csv"

# dump FILE: the whole content, read-only (a hot journal makes it fail)
dump() {
    $PY - "$1" <<'EOF'
import sqlite3, sys
c = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
print("\n".join(c.iterdump()))
EOF
}
integrity() {
    $PY -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$1"
}

"$POA" importar "$TMP/plan.db" "$CAJA" >/dev/null || bad "importar la Caja"
dump "$TMP/plan.db" >"$TMP/antes.sql"
cp "$TMP/plan.db" "$TMP/hot.db"
"$HOT" "$TMP/hot.db" || bad "hot-journal no dejó un diario"
[ -s "$TMP/hot.db-journal" ] && ok || bad "no hay hot.db-journal"

# hot_copy NAME: a fresh copy of the interrupted file with its journal
hot_copy() {
    mkdir -p "$TMP/$1"
    cp "$TMP/hot.db" "$TMP/$1/plan.db"
    cp "$TMP/hot.db-journal" "$TMP/$1/plan.db-journal"
    echo "$TMP/$1/plan.db"
}
# recovered NAME: the journal is gone, the file is whole and as before
recovered() {
    local db="$TMP/$1/plan.db"
    [ -e "$db-journal" ] && bad "$1: quedó el diario" || ok
    [ "$(integrity "$db")" = ok ] && ok || bad "$1: integrity_check no da ok"
}

# every command, reading or writing, opens the file and goes on
db=$(hot_copy resumen)
expect_code 0 "$POA" resumen "$db"
expect_in "$TMP/err" "aviso: «$db»: una sesión anterior se interrumpió antes de terminar de guardar"
expect_in "$TMP/err" "se recuperó el archivo tal como estaba antes de ese cambio"
expect_not_in "$TMP/err" "solo lectura"
expect_in "$TMP/out" "actividades:"
recovered resumen
dump "$db" >"$TMP/despues.sql"
cmp -s "$TMP/antes.sql" "$TMP/despues.sql" && ok || bad "el contenido no es el de antes"

db=$(hot_copy verificar)
"$POA" verificar "$db" >"$TMP/out" 2>"$TMP/err"
expect_in "$TMP/err" "se recuperó el archivo"
recovered verificar
db=$(hot_copy csv)
expect_code 0 "$POA" exportar "$db" --csv "$TMP/csv/salida.csv"
expect_in "$TMP/err" "se recuperó el archivo"
recovered csv
db=$(hot_copy xlsx)
expect_code 0 "$POA" exportar "$db" --xlsx "$TMP/xlsx/salida.xlsx"
recovered xlsx
db=$(hot_copy historial)
expect_code 0 "$POA" historial "$db"
recovered historial
db=$(hot_copy seguimiento)
expect_code 0 "$POA" seguimiento "$db" --corte 3 --actividad AO.6.1 --unidad Comercialización \
    --real 480
expect_in "$TMP/err" "se recuperó el archivo"
recovered seguimiento
db=$(hot_copy corte)
expect_code 0 "$POA" corte "$db" cerrar 3
recovered corte
db=$(hot_copy importar)
expect_code 0 "$POA" importar "$db" "$CAJA"
expect_in "$TMP/err" "se recuperó el archivo"
recovered importar
dump "$db" | grep -c 'INTERRUMPIDO' >"$TMP/n" ; [ "$(cat "$TMP/n")" = 0 ] && ok \
    || bad "importar: quedaron cambios de la transacción interrumpida"

# a read-only place: the message says what happened and how to recover
ro="$TMP/ro"
mkdir -p "$ro"
cp "$TMP/hot.db" "$ro/plan.db"
cp "$TMP/hot.db-journal" "$ro/plan.db-journal"
if [ "$(id -u)" = 0 ]; then
    # root ignores file modes: a read-only mount is the read-only folder
    mount -t tmpfs -o size=4m tmpfs "$ro" && cp "$TMP/hot.db" "$ro/plan.db" &&
        cp "$TMP/hot.db-journal" "$ro/plan.db-journal" && mount -o remount,ro "$ro" ||
        bad "no se pudo montar una carpeta de solo lectura"
else
    chmod 555 "$ro"
fi
for cmd in resumen "importar|$CAJA" "exportar|--csv|$TMP/ro.csv" "corte|cerrar|3"; do
    IFS='|' read -r -a argv <<<"$cmd"
    expect_code 2 "$POA" "${argv[0]}" "$ro/plan.db" "${argv[@]:1}"
    expect_in "$TMP/err" "«$ro/plan.db»: una sesión anterior se interrumpió antes de terminar de guardar"
    expect_in "$TMP/err" "copie juntos «plan.db» y «plan.db-journal»"
    expect_in "$TMP/err" "No borre «plan.db-journal»"
    expect_not_in "$TMP/err" "el archivo o su carpeta es de solo lectura"
done
[ -s "$ro/plan.db-journal" ] && ok || bad "el diario de la carpeta de solo lectura desapareció"
if [ "$(id -u)" = 0 ]; then umount "$ro"; else chmod 755 "$ro"; fi

# kill -9 in the middle of a real import into an existing plan: a big
# template (the ARS rows 60 times, units renamed) takes long enough to be
# caught with its transaction open; try until a non-empty journal is left
"$POA" importar "$TMP/k.db" "$ARS" >/dev/null || bad "importar ARS"
dump "$TMP/k.db" >"$TMP/k-antes.sql"
$PY - "$ARS" "$TMP/grande.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
u = rows[0].index("unidad")
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(rows[0])
    for k in range(60):
        for r in rows[1:]:
            r = list(r); r[u] = "%s %d" % (r[u], k + 1); w.writerow(r)
EOF
left=0
for try in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    cp "$TMP/k.db" "$TMP/kill.db"
    rm -f "$TMP/kill.db-journal"
    "$POA" importar "$TMP/kill.db" "$TMP/grande.csv" >/dev/null 2>&1 &
    pid=$!
    # SQLite writes the journal's magic number only once it is about to
    # change the database file itself: from then on the journal is hot
    for _ in $(seq 1 1000); do
        [ "$(head -c 4 "$TMP/kill.db-journal" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = d9d505f9 ] &&
            break
        sleep 0.01
    done
    sleep "0.0$((try % 5))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [ "$(head -c 4 "$TMP/kill.db-journal" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = d9d505f9 ]; then
        echo "kill -9: diario activo en el intento $try"
        left=1
        break
    fi
done
[ "$left" = 1 ] && ok || bad "kill -9 no dejó un diario activo en 20 intentos"
expect_code 0 "$POA" resumen "$TMP/kill.db"
expect_in "$TMP/err" "se recuperó el archivo"
[ -e "$TMP/kill.db-journal" ] && bad "kill: quedó el diario" || ok
[ "$(integrity "$TMP/kill.db")" = ok ] && ok || bad "kill: integrity_check no da ok"
dump "$TMP/kill.db" >"$TMP/k-despues.sql"
cmp -s "$TMP/k-antes.sql" "$TMP/k-despues.sql" && ok || bad "kill: el contenido no es el de antes"
finish
