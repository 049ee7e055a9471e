#!/usr/bin/env bash
# otro_programa.sh — a program that ignores the lock (an older poa, another
# machine on a shared folder; here sqlite3) writes the file while the
# interface is open: editing the same field is refused with «otro programa
# cambió esta fila; se recargó» and the screen shows the file's value;
# editing another field of the seguimiento row keeps what the other program
# wrote (real and observaciones survive an evidencia edit).
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
db="$tmp/plan.db"
start otro 130 40
keys Down Down Down Down
wait_for 'Actividad 1.1'
has '1.1 Alianza estratégica'

sqlite3 "$db" "UPDATE actividad SET texto = 'Texto de otro programa' WHERE id = 1" || fail "sqlite3"
keys e
wait_for 'Texto:'
keys C-u
type_text 'Texto de esta sesión'
keys Enter
wait_for 'otro programa cambió esta fila; se recargó'
has '1.1 Texto de otro programa'
hasnt 'Texto de esta sesión'
[ "$(sqlite3 "$db" "SELECT texto FROM actividad WHERE id = 1")" = 'Texto de otro programa' ] \
    || fail "se escribió sobre el otro programa"

# poa seguimiento … --real 2 --observaciones "DESDE CLI", from outside the lock
sqlite3 "$db" "INSERT INTO seguimiento (actividad_id, corte, real, observaciones) VALUES (1, 1, 2, 'DESDE CLI')" \
    || fail "sqlite3 seguimiento"
keys Tab s
wait_for 'Formulario de seguimiento · Corte 1'
keys v
wait_for 'Evidencia EN-MAR de 1.1'
type_text 'acta.pdf'
keys Enter
wait_for 'Guardado'
quit
row=$(sqlite3 "$db" "SELECT real, observaciones, evidencia FROM seguimiento WHERE actividad_id = 1 AND corte = 1")
[ "$row" = '2.0|DESDE CLI|acta.pdf' ] || fail "fila de seguimiento: «$row»"
"$POA" historial "$db" >"$tmp/hist" || fail "historial"
grep -qF 'acta.pdf' "$tmp/hist" || fail "historial sin la evidencia: $(head -5 "$tmp/hist")"
echo ok
