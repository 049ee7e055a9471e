#!/usr/bin/env bash
# cerrojo.sh — one writer per plan: a second interface on the same file opens
# read-only, says who writes and refuses its edits while the first one's
# land; a CLI writer is refused with the same words (exit 1) while the
# interface is open and works after it quits; a lock left by a killed
# interface (kill -9) is taken over by the next writer without a word.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
db="$tmp/plan.db"
lock="$db.poa-lock"

start primera 130 40
a=$cur
[ -f "$lock" ] || fail "la primera interfaz no creó $lock"
hasnt 'solo lectura'

start segunda 130 40
b=$cur
line 1 | grep -qE "^ POA 2024 · solo lectura — abierto por $(id -un) en $(hostname) desde [0-9]{2}:[0-9]{2} · " \
    || fail "título de la segunda: $(line 1)"
# every kind of edit answers with the reason and changes nothing
keys Down Down Down Down
wait_for 'Actividad 1.1'
keys e
wait_for 'no se puede editar. Cierre esa sesión de poa'
has 'solo lectura — abierto por'
hasnt 'Texto:'
keys Tab Space
settle
hasnt 'Guardado'
keys Tab s
wait_for 'Formulario de seguimiento'
line 1 | grep -qF ' solo lectura — abierto por' || fail "título del formulario: $(line 1)"
keys Enter
wait_for 'no se puede editar'
hasnt 'Real acumulado EN-MAR de 1.1'
keys Escape

# the first interface edits as usual
cur=$a
keys Down Down Down Down
wait_for 'Actividad 1.1'
keys e
wait_for 'Texto:'
keys C-u
type_text 'Texto desde la primera sesión'
keys Enter
wait_for 'Guardado'

# a CLI writer is refused with the same words, exit 1, nothing written
rc=0
"$POA" seguimiento "$db" --corte 1 --actividad 1.1 --unidad "Departamento de Afiliación" --real 2 >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" = 1 ] || fail "seguimiento con la interfaz abierta: código $rc"
grep -qE "solo lectura — abierto por $(id -un) en $(hostname) desde [0-9]{2}:[0-9]{2}" "$tmp/err" \
    || fail "mensaje: $(cat "$tmp/err")"
rc=0
"$POA" importar "$db" "$POA_FIXTURES/poa2024_ars_semma.csv" >/dev/null 2>"$tmp/err" || rc=$?
[ "$rc" = 1 ] || fail "importar con la interfaz abierta: código $rc"
grep -qF 'solo lectura — abierto por' "$tmp/err" || fail "importar: $(cat "$tmp/err")"
n=$(sqlite3 "$db" "SELECT count(*) FROM seguimiento WHERE real IS NOT NULL AND corte = 1")
[ "$n" = 0 ] || fail "se escribió un real: $n"
# reading commands still work
"$POA" resumen "$db" >/dev/null || fail "resumen con la interfaz abierta"

cur=$b
quit
cur=$a
quit
[ ! -e "$lock" ] || fail "el cerrojo quedó tras salir"
sqlite3 "$db" "SELECT texto FROM actividad WHERE id = 1" | grep -qx 'Texto desde la primera sesión' \
    || fail "la edición de la primera sesión no está en el archivo"
"$POA" seguimiento "$db" --corte 1 --actividad 1.1 --unidad "Departamento de Afiliación" --real 2 >/dev/null 2>"$tmp/err" \
    || fail "seguimiento tras salir: $(cat "$tmp/err")"

# a stale lock: the interface is killed; the next writer takes it over
start tercera 130 40
pid=$(sed -n 3p "$lock")
kill -9 "$pid"
"$T" wait-exit "$cur" >/dev/null 2>&1 || true
[ -e "$lock" ] || fail "kill -9 no debería poder borrar el cerrojo"
"$POA" seguimiento "$db" --corte 1 --actividad 1.1 --unidad "Departamento de Afiliación" --real 3 >/dev/null 2>"$tmp/err" \
    || fail "seguimiento tras kill -9: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || fail "avisó al tomar el cerrojo abandonado: $(cat "$tmp/err")"
[ "$(sqlite3 "$db" "SELECT real FROM seguimiento WHERE corte = 1 AND real IS NOT NULL")" = 3.0 ] \
    || fail "el real no quedó en 3"

# an interface started while a poa command writes waits for it, then opens
# for writing (python's lockf is the same fcntl lock a command takes)
cat >"$tmp/holder.py" <<'PY'
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o666)
fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
os.ftruncate(fd, 0)
os.write(fd, ("ana\notra-pc\n%d\n2024-10-05 14:05:00\n%s\n" % (os.getpid(), sys.argv[2])).encode())
time.sleep(float(sys.argv[3]))
os.unlink(sys.argv[1])
PY
/usr/bin/python3 "$tmp/holder.py" "$lock" orden 2 &
holder=$!
sleep 0.5
cur=espera$$
sessions+=("$cur")
"$T" start "$cur" 130 40 -- "$POA" "$db"
wait_for 'esperando a que termine la orden de poa que escribe'
wait_for 'F10Salir' 15
hasnt 'solo lectura'
wait "$holder" || true
quit
# another interface on another machine: its user and host are in the title
/usr/bin/python3 "$tmp/holder.py" "$lock" interfaz 30 &
holder=$!
sleep 0.5
start ajena 130 40
line 1 | grep -qF ' POA 2024 · solo lectura — abierto por ana en otra-pc desde 14:05 · ' \
    || fail "título con el dueño ajeno: $(line 1)"
quit
kill "$holder" 2>/dev/null || true
echo ok
