#!/bin/bash
# disco_lleno.sh — a full disk (a small tmpfs; needs root to mount, skipped
# with the reason otherwise): an import into a plan there, its automatic
# backup there, and CSV/XLSX exports there all fail with a Spanish message
# and a non-zero exit, leave no partial or temporary file, and the plan is
# byte for byte as it was.
source "$(dirname "$0")/lib.bash"
if [ "$(id -u)" != 0 ]; then
    echo "disco_lleno: omitido: montar un tmpfs pequeño requiere ser root"
    exit 0
fi
D="$TMP/lleno"
mkdir -p "$D"
if ! mount -t tmpfs -o size=1m tmpfs "$D" 2>"$TMP/mount.err"; then
    echo "disco_lleno: omitido: no se pudo montar un tmpfs ($(cat "$TMP/mount.err"))"
    exit 0
fi
trap 'umount "$D" 2>/dev/null; rm -rf "$TMP"' EXIT
PY=/usr/bin/python3
CAJA="$POA_FIXTURES/seguimiento2024_t3_caja.csv"
ARS="$POA_FIXTURES/poa2024_ars_semma.csv"
# leftovers DIR: anything but the plan and the filler is garbage
leftovers() { ls -a "$1" | grep -vxE '\.|\.\.|plan\.db|relleno' || true; }

"$POA" importar "$D/plan.db" "$CAJA" >/dev/null || bad "importar en el tmpfs"
cp "$D/plan.db" "$TMP/plan.orig"
# a template far bigger than the free space (the ARS rows 40 times)
$PY - "$ARS" "$TMP/grande.csv" <<'PYEOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
u = rows[0].index("unidad")
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(rows[0])
    for k in range(40):
        for r in rows[1:]:
            r = list(r); r[u] = "%s %d" % (r[u], k + 1); w.writerow(r)
PYEOF
sed -i 's/^ARS SEMMA,2024,/Caja Mutual de los Empleados del Ministerio de Educación,2024,/' "$TMP/grande.csv"

# the import itself runs out of space (backups go elsewhere)
printf '[respaldos]\ncarpeta = %s/resp\n' "$TMP" >"$TMP/fuera.ini"
expect_code 2 "$POA" --config "$TMP/fuera.ini" importar "$D/plan.db" "$TMP/grande.csv"
expect_in "$TMP/err" "el disco está lleno"
expect_in "$TMP/err" "no se modificó «$D/plan.db»"
cmp -s "$D/plan.db" "$TMP/plan.orig" && ok || bad "importar: el plan cambió"
[ -z "$(leftovers "$D")" ] && ok || bad "importar dejó: $(leftovers "$D")"
"$POA" resumen "$D/plan.db" >/dev/null 2>&1 && ok || bad "el plan ya no abre"

# the automatic backup beside the plan runs out of space: nothing imported
avail=$(df --output=avail -B1 "$D" | tail -1)
head -c $((avail - 64 * 1024)) /dev/zero >"$D/relleno" 2>/dev/null
expect_code 2 "$POA" importar "$D/plan.db" "$CAJA"
expect_in "$TMP/err" "No se importó: falló la copia de respaldo previa"
expect_in "$TMP/err" "el disco está lleno"
cmp -s "$D/plan.db" "$TMP/plan.orig" && ok || bad "respaldo: el plan cambió"
[ -z "$(leftovers "$D")" ] && ok || bad "el respaldo fallido dejó: $(leftovers "$D")"

# exports onto the full disk: no partial file, no temporary
"$POA" importar "$TMP/ars.db" "$ARS" >/dev/null || bad "importar ARS"
rm -f "$D/relleno"
avail=$(df --output=avail -B1 "$D" | tail -1)
head -c $((avail - 8 * 1024)) /dev/zero >"$D/relleno" 2>/dev/null
for fmt in csv xlsx; do
    expect_code 1 "$POA" exportar "$TMP/ars.db" --$fmt "$D/informe.$fmt"
    expect_in "$TMP/err" "No se pudo escribir «$D/informe.$fmt»"
    # the XLSX names the cause; the CSV writer (plancsv.c) does not yet
    [ $fmt = xlsx ] && expect_in "$TMP/err" "disco lleno"
    [ -e "$D/informe.$fmt" ] && bad "quedó informe.$fmt a medias" || ok
    [ -z "$(leftovers "$D")" ] && ok || bad "exportar $fmt dejó: $(leftovers "$D")"
done
cmp -s "$D/plan.db" "$TMP/plan.orig" && ok || bad "el plan cambió"
finish
