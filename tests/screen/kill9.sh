#!/usr/bin/env bash
# kill9.sh — the interface killed with SIGKILL in the middle of a stream of
# edits: the file passes PRAGMA integrity_check, every edit whose result the
# screen showed is in it (text and change-log row), and the next interface
# takes the dead one's lock over and opens for writing.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
db="$tmp/plan.db"
start kill 130 40
keys Down Down Down Down
wait_for 'Actividad 1.1'
n=25
for i in $(seq 1 $n); do
    keys e
    wait_for 'Texto:'
    keys C-u
    type_text "Kill $i"
    keys Enter
    wait_for "1.1 Kill $i"
    # a month too, to mix statements of several tables
    # (Tab says nothing of its own and clears the status: wait before it)
    keys Tab Space
    wait_for 'Guardado'
    keys Tab
done
# one more edit sent, and the kill right behind it: it may or may not land
keys e C-u
type_text 'Kill final'
keys Enter
pid=$(sed -n 3p "$db.poa-lock")
kill -9 "$pid"
"$T" wait-exit "$cur" >/dev/null 2>&1 || true

[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
for i in $(seq 1 $n); do
    c=$(sqlite3 "$db" "SELECT count(*) FROM cambio WHERE campo = 'texto' AND despues = 'Kill $i'")
    [ "$c" = 1 ] || fail "falta la edición «Kill $i» que la pantalla mostró ($c)"
done
t=$(sqlite3 "$db" "SELECT texto FROM actividad WHERE id = 1")
[ "$t" = "Kill $n" ] || [ "$t" = 'Kill final' ] || fail "texto final: «$t»"
m=$(sqlite3 "$db" "SELECT count(*) FROM cambio WHERE campo = 'ene'")
[ "$m" = "$n" ] || fail "meses registrados: $m de $n"

start otra 130 40
hasnt 'solo lectura'
quit
echo ok
