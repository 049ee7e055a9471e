#!/usr/bin/env bash
# help_keys.sh — the help screen shows the key table, the same table that
# `poa --teclas` prints, and docs/keys.md is that output.
source "$(dirname "$0")/lib.bash"
"$POA" --teclas > "$tmp/keys.md"
diff -u "$POA_SRC/docs/keys.md" "$tmp/keys.md" || fail "docs/keys.md no coincide con «poa --teclas» (regenérelo)"

import_fixture poa2024_ars_semma.csv
# wide enough that no description wraps: one help line per key
start help 160 40
keys F1
wait_for 'Ayuda: teclas de poa'
help=()
for _ in 1 2 3 4; do
    shot f
    help+=("$f")
    keys PgDn
done
keys Esc
wait_for 'F10Salir'
resize 80 24
keys F1
wait_for 'Ayuda: teclas de poa'
help80=()
for _ in 1 2 3 4 5 6 7 8; do
    shot f
    help80+=("$f")
    keys PgDn
done
keys Esc
wait_for 'F10Salir'
quit
cat "${help[@]}" >"$tmp/help.txt"
cat "${help80[@]}" >"$tmp/help80.txt"

# every row of the table: keys and description, in that order on one line
n=0
while IFS='|' read -r _ teclas accion desc _; do
    teclas=$(echo "$teclas" | sed 's/^ *//; s/ *$//')
    accion=$(echo "$accion" | sed 's/^ *//; s/ *$//')
    desc=$(echo "$desc" | sed 's/^ *//; s/ *$//')
    [ "$teclas" = "Teclas" ] && continue
    grep -F -- "$teclas" "$tmp/help.txt" | grep -F -- "$accion" | grep -qF -- "$desc" ||
        fail "la ayuda no muestra «$teclas | $accion | $desc»"
    n=$((n + 1))
done < <(grep '^| ' "$tmp/keys.md" | grep -v '^|---')
[ "$n" -gt 30 ] || fail "solo $n teclas"
# and nothing else: as many key lines on screen as rows in the table
shown=$(sort -u "$tmp/help.txt" | grep -c '^  ')
[ "$shown" -eq "$n" ] || fail "la ayuda muestra $shown líneas de teclas; la tabla tiene $n"
# at 80 columns long descriptions wrap under themselves instead of being cut
grep -q '^  E, F4 *Campos *Elige un campo' "$tmp/help80.txt" || fail "falta la línea de E, F4"
grep -A1 '^  E, F4 *Campos' "$tmp/help80.txt" | tail -n 1 | grep -qE '^ {40}[^ ]' ||
    fail "la descripción de E, F4 no continúa debajo"
if grep -q '…$' "$tmp/help80.txt"; then fail "la ayuda corta descripciones a 80 columnas"; fi
echo "help_keys: ok"
