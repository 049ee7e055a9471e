#!/bin/bash
# importar_cerrojo.sh — an import refused by the lock never removes the plan:
# the file did not exist when the command started (so it counts as "new"),
# another writer created it and holds the lock by the time the import opens
# it. The input is a FIFO so that the order of the steps is fixed: poa has
# checked the plan's path when it opens the input for reading.
# The fixture import is `require`d: the rest compares against it.
source "$(dirname "$0")/lib.bash"
cd "$TMP" || exit 1
F="$POA_FIXTURES/seguimiento2024_t3_caja.csv"
require expect_code 0 "$POA" importar otro.db "$F"

mkfifo in.csv
"$POA" importar plan.db in.csv >"$TMP/b.out" 2>"$TMP/b.err" &
B=$!
# the first writer waits for poa to open the input: the path was checked
exec 3>in.csv
cp otro.db plan.db
cp otro.db antes.db
/usr/bin/python3 - plan.db.poa-lock 3>&- <<'PY' &
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o666)
fcntl.lockf(fd, fcntl.LOCK_EX)
os.write(fd, b"otra\neste equipo\n%d\n2026-12-01 23:00\norden\n" % os.getpid())
open(sys.argv[1] + ".listo", "w").close()
time.sleep(90)
PY
H=$!
for _ in $(seq 600); do [ -e plan.db.poa-lock.listo ] && break; sleep 0.1; done
check "el otro escritor tomó el cerrojo" test -e plan.db.poa-lock.listo
# a pipe is opened once and read as CSV (src/libro.c sniffs only regular
# files: sniffing would eat the first bytes and a second open race the writer)
cat "$F" >&3 2>/dev/null
exec 3>&-
wait "$B"; rc=$?
kill "$H" 2>/dev/null; wait "$H" 2>/dev/null
check_eq "código de una importación sin el cerrojo" "$rc" 1
expect_in "$TMP/b.err" "otra"
check "la importación rechazada borró el plan de otro programa" test -e plan.db
check "la importación rechazada cambió el plan de otro programa" cmp -s plan.db antes.db
finish
