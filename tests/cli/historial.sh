#!/bin/bash
# historial.sh — poa historial / history: the change log newest first, with
# who, what and before → after; --limite and --json; undone actions marked;
# bad usage exits 2; reading never changes the file.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FALLA: $*" >&2; exit 1; }
DB="$T/caja.db"
"$POA" importar "$DB" "$POA_FIXTURES/seguimiento2024_t3_caja.csv" >/dev/null || fail "importar"
"$POA" seguimiento "$DB" --corte 3 --actividad AO.6.1 --unidad "Comercialización" \
    --real 1300 --observaciones "Campaña en Usulután" >/dev/null || fail "seguimiento"
"$POA" corte "$DB" cerrar 3 >/dev/null || fail "cerrar"
cp "$DB" "$T/antes.db"

out=$("$POA" historial "$DB") || fail "historial: $out"
first=$(head -1 <<<"$out")
grep -q "Cierre del corte 3$" <<<"$first" || fail "lo último primero: $first"
grep -q "^[0-9-]* [0-9:]*  $(id -un)  Cierre" <<<"$first" || fail "momento y usuario: $first"
grep -qF "corte.estado: «abierto» → «cerrado»" <<<"$out" || fail "estado: $out"
grep -qF "seguimiento.corte3.real: «479» → «1300»" <<<"$out" || fail "real: $out"
grep -qF "→ «Campaña en Usulután»" <<<"$out" || fail "observaciones: $out"
grep -qF "Seguimiento del corte 3 de la actividad «AO.6.1» (Comercialización)" <<<"$out" \
    || fail "descripción: $out"
grep -qF "plan.importar: — → «" <<<"$out" || fail "importación: $out"
grep -q "deshecho" <<<"$out" && fail "nada está deshecho: $out"

# --limite and the alias
out=$("$POA" history "$DB" --limite 1) || fail "history"
[ "$(wc -l <<<"$out")" = 2 ] || fail "--limite 1: $out"
# JSON: one object per row, null for a missing value
out=$("$POA" historial "$DB" --json --limite 0) || fail "json"
/usr/bin/python3 - "$out" <<'PY' || fail "json: $out"
import json, sys
v = json.loads(sys.argv[1])
assert len(v) == 4, len(v)
assert v[0]["campo"] == "estado" and v[0]["despues"] == "cerrado" and v[0]["deshecho"] is False
assert v[-1]["campo"] == "importar" and v[-1]["antes"] is None
assert any(r["antes"] == "479" and r["despues"] == "1300" for r in v)
PY

# an undone action is marked (the undo itself is its own action)
sqlite3 "$DB" "UPDATE cambio SET deshecho = 1 WHERE tabla = 'seguimiento'" || fail "sqlite3"
cp "$DB" "$T/antes.db"
out=$("$POA" historial "$DB") || fail "historial 2"
grep -qF "(Comercialización)  (deshecho)" <<<"$out" || fail "(deshecho): $out"

# bad usage: exit 2
"$POA" historial "$DB" --limite muchas 2>"$T/err" >/dev/null
[ $? -eq 2 ] || fail "--limite muchas"
grep -qF "«muchas»" "$T/err" || fail "mensaje: $(cat "$T/err")"
"$POA" historial 2>/dev/null >/dev/null
[ $? -eq 2 ] || fail "sin archivo"
"$POA" historial "$T/no.db" 2>/dev/null >/dev/null
[ $? -eq 2 ] || fail "archivo inexistente"
cmp -s "$DB" "$T/antes.db" || fail "historial cambió el archivo"
echo "historial: ok"
