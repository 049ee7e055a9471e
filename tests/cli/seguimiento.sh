#!/bin/bash
# seguimiento.sh — scripted entry of a real (poa seguimiento / report), and
# closing and reopening a corte (poa corte / cut): messages, exit codes, and
# a refused edit that leaves the file byte-identical.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FALLA: $*" >&2; exit 1; }
DB="$T/caja.db"
"$POA" importar "$DB" "$POA_FIXTURES/seguimiento2024_t3_caja.csv" >/dev/null || fail "importar"

# entering a real and an observation; the % and semáforo follow
out=$("$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" \
      --real 1300 --observaciones "Ventas de septiembre incluidas") || fail "seguimiento: $out"
grep -q "real acumulado:      1300" <<<"$out" || fail "real: $out"
grep -q "% de ejecución:      83 % (verde)" <<<"$out" || fail "pct: $out"
grep -q "observaciones:       Ventas de septiembre incluidas" <<<"$out" || fail "obs: $out"
# "75%" and the alias
out=$("$POA" report "$DB" --corte 3 --actividad AO.6.13 --unidad "Comercialización" --real "60 %") \
    || fail "report: $out"
grep -q "% de ejecución:      80 % (verde)" <<<"$out" || fail "pct 60/75: $out"
# the exported CSV has the new figures
"$POA" exportar "$DB" --csv "$T/out.csv" --corte 3 >/dev/null || fail "exportar"
grep -q 'AO.6.1,Realizar la venta.*,1300,31%,Ventas de septiembre incluidas,.*,1565,83%,verde,reportada$' "$T/out.csv" \
    || fail "csv: $(grep AO.6.1, "$T/out.csv" | grep Venta)"

# bad input: exit 2, file untouched
cp "$DB" "$T/antes.db"
"$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" --real setenta \
    2>"$T/err" && fail "acepta «setenta»"
[ $? -eq 2 ] || fail "código de salida para «setenta»"
grep -q "«setenta» no es un valor real" "$T/err" || fail "mensaje: $(cat "$T/err")"
"$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --real 5 2>"$T/err"
[ $? -eq 2 ] || fail "código repetido sin --unidad"
grep -q -- "--unidad" "$T/err" || fail "pide --unidad: $(cat "$T/err")"
cmp -s "$DB" "$T/antes.db" || fail "el archivo cambió tras un error"

# a real that does not match its target's unit is saved, with a warning
"$POA" seguimiento "$DB" --corte 3 --actividad AO.6.13 --unidad "Comercialización" --real 75 \
    >/dev/null 2>"$T/err" || fail "real 75"
grep -q "aviso: el real «75» no lleva %" "$T/err" || fail "aviso 75: $(cat "$T/err")"
"$POA" seguimiento "$DB" --corte 3 --actividad AO.6.13 --unidad "Comercialización" --real 0.75 \
    >/dev/null 2>&1 || fail "real 0.75"

# closing corte 3 (the day read before and after: the test may straddle midnight)
dia1=$(date +%Y-%m-%d)
out=$("$POA" corte "$DB" cerrar 3) || fail "cerrar: $out"
dia2=$(date +%Y-%m-%d)
grep -q "Corte 3 (JUL-SEP) cerrado por" <<<"$out" || fail "cerrar: $out"
cp "$DB" "$T/cerrado.db"
"$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" --real 1 2>"$T/err"
[ $? -eq 1 ] || fail "editar un corte cerrado debe salir con 1"
grep -qE "El corte 3 está cerrado desde ($dia1|$dia2) por .*; reábralo para editar" "$T/err" \
    || fail "mensaje de corte cerrado: $(cat "$T/err")"
cmp -s "$DB" "$T/cerrado.db" || fail "el archivo cambió al rechazar la edición"
"$POA" cut "$DB" close 3 2>"$T/err" && fail "cerrar dos veces"
grep -q "ya está cerrado" "$T/err" || fail "$(cat "$T/err")"
# corte 4 is still open
"$POA" seguimiento "$DB" --corte 4 --actividad AO.6.1 --unidad "Comercialización" --real 1600 \
    >/dev/null || fail "corte 4 abierto"

# reopening needs a reason, recorded in the change log
"$POA" corte "$DB" reabrir 3 2>"$T/err"
[ $? -eq 2 ] || fail "reabrir sin motivo: código"
grep -q -- "--motivo" "$T/err" || fail "$(cat "$T/err")"
out=$("$POA" cut "$DB" reopen 3 --motivo "Comercialización corrigió sus ventas") || fail "reabrir"
grep -q "Motivo: Comercialización corrigió sus ventas" <<<"$out" || fail "$out"
"$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" --real 1350 \
    >/dev/null || fail "editar tras reabrir"
"$POA" corte "$DB" abrir 3 2>/dev/null
[ $? -eq 2 ] || fail "acción desconocida"
"$POA" corte "$DB" cerrar 7 2>/dev/null
[ $? -eq 2 ] || fail "corte 7"
exit 0
