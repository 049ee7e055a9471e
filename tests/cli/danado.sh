#!/bin/bash
# danado.sh — a damaged plan (a page in the middle overwritten with garbage):
# every writing command refuses it, naming the newest backup and how to
# restore it, and leaves it byte for byte as it was; resumen reads it with a
# warning; poa respaldo --restaurar puts the backup back and the plan opens
# with its old data. Also: a file whose schema itself is unreadable is not
# taken for an empty one.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
CAJA="$POA_FIXTURES/seguimiento2024_t3_caja.csv"
cd "$TMP" || exit 1
printf '[respaldos]\ncarpeta = %s/resp\n' "$TMP" >config.ini
C=(--config config.ini)

"$POA" "${C[@]}" importar plan.db "$CAJA" >/dev/null || bad "importar"
# a second import of the same plan: the automatic backup to restore later
expect_code 0 "$POA" "${C[@]}" importar plan.db "$CAJA"
expect_in err "copia de respaldo antes de importar: $TMP/resp/plan.db.20"
bak=$(ls "$TMP"/resp/plan.db.*.importar.bak)
[ -f "$bak" ] && ok || bad "no hay respaldo de importar"
sqlite_int() { $PY -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$@"; }
n_antes=$(sqlite_int plan.db "SELECT count(*) FROM actividad")

# garbage over the change log's first page, in the middle of the file
page=$(sqlite_int plan.db "SELECT rootpage FROM sqlite_schema WHERE name = 'cambio'")
total=$(( $(stat -c %s plan.db) / 4096 ))
[ "$page" -gt 1 ] && [ "$page" -lt "$total" ] && ok || bad "la página $page no está en el medio"
$PY - plan.db "$page" <<'EOF'
import random, sys
r = random.Random(8)
with open(sys.argv[1], "r+b") as f:
    f.seek((int(sys.argv[2]) - 1) * 4096)
    f.write(bytes(r.randrange(256) for _ in range(4096)))
EOF
cp plan.db danado.orig

for cmd in "importar|$CAJA" "seguimiento|--corte|3|--actividad|AO.6.1|--unidad|Comercialización|--real|480" \
           "corte|cerrar|3" "unificar|--objetivo|O.E.3|--en|O.E.4"; do
    IFS='|' read -r -a argv <<<"$cmd"
    expect_code 2 "$POA" "${C[@]}" "${argv[0]}" plan.db "${argv[@]:1}"
    expect_in "$TMP/err" "«plan.db» está dañado (la revisión de SQLite encontró páginas inválidas): no se escribe en él para no perder más datos."
    expect_in "$TMP/err" "Último respaldo: «$bak». Para restaurarlo: poa respaldo plan.db --restaurar $bak"
    expect_not_in "$TMP/out" "actualizadas"
    cmp -s plan.db danado.orig && ok || bad "${argv[0]} escribió en el archivo dañado"
done
[ "$(ls "$TMP"/resp | wc -l)" = 1 ] && ok || bad "un respaldo de más: $(ls "$TMP"/resp)"

# reading what can be read, with the warning
expect_code 0 "$POA" "${C[@]}" resumen plan.db
expect_in "$TMP/err" "aviso: «plan.db» está dañado (la revisión de SQLite encontró páginas inválidas): se muestra lo que se puede leer, pero no lo modifique. Último respaldo: «$bak»"
expect_in "$TMP/out" "actividades:"
cmp -s plan.db danado.orig && ok || bad "resumen cambió el archivo"

# without backups the message says there are none and how to rescue
cp danado.orig solo.db
expect_code 2 "$POA" "${C[@]}" importar solo.db "$CAJA"
expect_in "$TMP/err" "No hay respaldos de este plan en «$TMP/resp»; lo que se pueda leer sale con «poa exportar solo.db --csv rescate.csv»"

# restore: the plan is whole again, with its data, and what was there is kept
expect_code 0 "$POA" "${C[@]}" respaldo plan.db --restaurar "$bak"
expect_in "$TMP/out" "Restaurado «plan.db» desde «$bak»."
expect_in "$TMP/out" "El plan que había quedó guardado en «$TMP/resp/plan.db."
[ "$(sqlite_int plan.db "PRAGMA integrity_check")" = ok ] && ok || bad "restaurado: integrity_check"
[ "$(sqlite_int plan.db "SELECT count(*) FROM actividad")" = "$n_antes" ] && ok || bad "restaurado: otras actividades"
expect_code 0 "$POA" "${C[@]}" resumen plan.db
expect_not_in "$TMP/err" "dañado"
expect_code 0 "$POA" "${C[@]}" seguimiento plan.db --corte 3 --actividad AO.6.1 --unidad Comercialización --real 480
ls "$TMP"/resp/plan.db.*.antes-de-restaurar.bak >/dev/null && ok || bad "no quedó el plan dañado como respaldo"

# a schema that cannot be read is damaged, not empty: no new schema in it
cp danado.orig cabeza.db
$PY - cabeza.db <<'EOF'
import random, sys
# page 1 after its 100-byte header: the root of the schema table
r = random.Random(3)
with open(sys.argv[1], "r+b") as f:
    f.seek(100); f.write(bytes(r.randrange(256) for _ in range(3996)))
EOF
cp cabeza.db cabeza.orig
expect_code 2 "$POA" importar cabeza.db "$CAJA"
expect_in "$TMP/err" "«cabeza.db» está dañado"
expect_not_in "$TMP/err" "vacío"
cmp -s cabeza.db cabeza.orig && ok || bad "se escribió en un archivo con el esquema dañado"
expect_code 2 "$POA" resumen cabeza.db
expect_in "$TMP/err" "«cabeza.db» está dañado"
finish
