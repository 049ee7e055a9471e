#!/bin/bash
# seguimiento_unificar.sh — verificar suggests merging the ARS ejes spelled
# differently (never unrelated ones), and the suggested command works.
# The import is `require`d. Runs in $TMP: the suggestions name «ars.db» as
# given, and are run as printed.
source "$(dirname "$0")/lib.bash"
cd "$TMP" || exit 1
require expect_code 0 "$POA" importar ars.db "$POA_FIXTURES/poa2024_ars_semma.csv"
expect_code 0 "$POA" verificar ars.db                     # verificar sin errores debe salir con 0
cp out v.txt
for par in '--eje "Financiero" --en "Finanzas"' '--eje "Financiera" --en "Finanzas"' \
           '--eje "Clientes" --en "Cliente"' '--eje "Procesos internos" --en "Procesos Internos"' \
           '--eje "Proceso internos" --en "Procesos Internos"'; do
    expect_in v.txt "→ poa unificar \"ars.db\" $par"
done
grep "→ poa unificar" v.txt >sugerencias.txt
expect_not_grep sugerencias.txt "Aprendizaje"             # sugiere unificar Aprendizaje
check_eq "sugerencias de eje" "$(grep -c -- '→ poa unificar "ars.db" --eje' v.txt)" 5

# run every suggested eje command as printed (the list on fd 3: stdin stays
# what it is for poa)
grep -- '→ poa unificar "ars.db" --eje' v.txt | sed 's/^ *→ poa //' >cmds
while read -r line <&3; do
    eval "set -- $line"
    expect_code 0 "$POA" "$@"
    expect_grep out "^Unificado eje"
done 3<cmds
expect_code 0 "$POA" resumen ars.db
expect_grep out "ejes:            5"                      # ejes tras unificar
expect_grep out "actividades:     172"                    # se perdieron actividades
"$POA" verificar ars.db >v2.txt                           # its exit code is not the point here
expect_not_grep v2.txt '--eje'                            # quedan sugerencias de eje
# objetivo suggestions now resolve to one node each and work too
grep -- '→ poa unificar "ars.db" --objetivo' v2.txt | sed 's/^ *→ poa //' >cmds
check "sin sugerencias de objetivo" test -s cmds
while read -r line <&3; do
    eval "set -- $line"
    expect_code 0 "$POA" "$@"
done 3<cmds
"$POA" verificar ars.db >v3.txt
expect_not_grep v3.txt "poa unificar"                     # quedan sugerencias
expect_code 0 "$POA" resumen ars.db
expect_grep out "actividades:     172"                    # se perdieron actividades

# bad usage and unknown names
expect_code 2 "$POA" unificar ars.db --eje Finanzas       # sin --en
expect_code 2 "$POA" merge ars.db --eje "Nada" --en "Finanzas"   # eje inexistente
expect_grep err "no tiene un eje «Nada»"
finish
