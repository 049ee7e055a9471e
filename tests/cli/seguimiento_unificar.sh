#!/bin/bash
# seguimiento_unificar.sh — verificar suggests merging the ARS ejes spelled
# differently (never unrelated ones), and the suggested command works.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FALLA: $*" >&2; exit 1; }
cd "$T"
"$POA" importar ars.db "$POA_FIXTURES/poa2024_ars_semma.csv" >/dev/null || fail "importar"
"$POA" verificar ars.db >v.txt || fail "verificar sin errores debe salir con 0"
for par in '--eje "Financiero" --en "Finanzas"' '--eje "Financiera" --en "Finanzas"' \
           '--eje "Clientes" --en "Cliente"' '--eje "Procesos internos" --en "Procesos Internos"' \
           '--eje "Proceso internos" --en "Procesos Internos"'; do
    grep -qF "→ poa unificar \"ars.db\" $par" v.txt || fail "falta la sugerencia $par"
done
grep "→ poa unificar" v.txt | grep -q "Aprendizaje" && fail "sugiere unificar Aprendizaje"
[ "$(grep -c -- '→ poa unificar "ars.db" --eje' v.txt)" -eq 5 ] || fail "sugerencias de eje"

# run every suggested eje command as printed
grep -- '→ poa unificar "ars.db" --eje' v.txt | sed 's/^ *→ poa //' >cmds
while read -r line; do
    eval "set -- $line"
    "$POA" "$@" >out || fail "falló: $line"
    grep -q "^Unificado eje" out || fail "$(cat out)"
done <cmds
"$POA" resumen ars.db | grep -q "ejes:            5" || fail "ejes tras unificar: $("$POA" resumen ars.db)"
"$POA" resumen ars.db | grep -q "actividades:     172" || fail "se perdieron actividades"
"$POA" verificar ars.db >v2.txt
grep -q -- '--eje' v2.txt && fail "quedan sugerencias de eje"
# objetivo suggestions now resolve to one node each and work too
grep -- '→ poa unificar "ars.db" --objetivo' v2.txt | sed 's/^ *→ poa //' >cmds
[ -s cmds ] || fail "sin sugerencias de objetivo"
while read -r line; do
    eval "set -- $line"
    "$POA" "$@" >/dev/null || fail "falló: $line"
done <cmds
"$POA" verificar ars.db | grep -q "poa unificar" && fail "quedan sugerencias"
"$POA" resumen ars.db | grep -q "actividades:     172" || fail "se perdieron actividades"

# bad usage and unknown names
"$POA" unificar ars.db --eje Finanzas 2>/dev/null; [ $? -eq 2 ] || fail "sin --en"
"$POA" merge ars.db --eje "Nada" --en "Finanzas" 2>err; [ $? -eq 2 ] || fail "eje inexistente"
grep -q "no tiene un eje «Nada»" err || fail "$(cat err)"
exit 0
