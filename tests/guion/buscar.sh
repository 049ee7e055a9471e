#!/usr/bin/env bash
# buscar.sh — search says where it is («2 de 4», the count of what the
# fixture names) and when it wraps («búsqueda: volvió al principio / al
# final»), and «sin coincidencias para «x»» when nothing matches; «:» goes to
# an actividad by code: alone when one unit has it, through a unit picker
# when several do, or as «unidad · código»; a filter hiding it is taken off.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
# the nodes whose text or indicador names MINERD, counted in the fixture
minerd=$(/usr/bin/python3 - "$POA_FIXTURES/poa2024_ars_semma.csv" <<'PY'
import csv, sys
seen = set()
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    for k in ("eje", "objetivo", "meta_operativa", "entregable", "indicador"):
        if "minerd" in r[k].lower():
            seen.add((k, r[k]))
    if "minerd" in r["actividad"].lower():
        seen.add((r["unidad"], r["actividad_codigo"], r["actividad"]))
print(len(seen))
PY
)
[ "$minerd" -ge 3 ] || fail "el ejemplo no sirve: $minerd"
# a line of the script as is: «:» at the start of a line is a script command,
# so the key goes after a harmless one (C-l redraws)
raw() { printf '%s\n' "$1" >>"$guion"; }

start buscar 120 40
keys /
type_text 'MINERD'
keys Enter
wait_for "«MINERD»: 1 de $minerd · n siguiente, N anterior"
keys n
wait_for "«MINERD»: 2 de $minerd · n siguiente"
for ((i = 2; i < minerd; i++)); do keys n; done
wait_for "«MINERD»: $minerd de $minerd · n siguiente"
keys n
wait_for "«MINERD»: 1 de $minerd — búsqueda: volvió al principio"
keys N
wait_for "«MINERD»: $minerd de $minerd — búsqueda: volvió al final"
keys N
wait_for "«MINERD»: $((minerd - 1)) de $minerd · n siguiente"
# accents and case aside, as before
keys /
type_text 'traspasos'
keys Enter
wait_for '«traspasos»: 1 de 1 · n siguiente'
keys n
wait_for '«traspasos»: 1 de 1 — búsqueda: volvió al principio'
keys /
type_text 'zzz'
keys Enter
wait_for 'sin coincidencias para «zzz»'

# «:» a code several units use: which unit
raw 'C-l :'
wait_for 'Ir a (código, o «unidad · código»):'
type_text '1.1'
keys Enter
wait_for '«1.1» en '
type_text 'Sistemas'
keys Enter
wait_for 'Actividad 1.1 · División Desarrollo de Sistemas'
check "screen | grep -q '^ Actividad 1.1 · División Desarrollo de Sistemas' || fail 'no está seleccionada'"
# «unidad · código»: a part of the unit's name narrows the list (two units
# say «afiliación»: which one), the whole name (accents aside) goes straight
raw 'C-l :'
type_text 'afiliación · 2.3'
keys Enter
wait_for '«2.3» en 2 unidades: ¿de cuál?'
has 'Operaciones de Afiliación'
keys Escape
wait_for 'No se fue a ninguna actividad'
raw 'C-l :'
type_text 'departamento de afiliacion · 2.3'
keys Enter
wait_for 'Actividad 2.3 · Departamento de Afiliación'
check "screen | grep -q '^ Actividad 2.3 · Departamento de Afiliación' || fail 'no está seleccionada'"
# errors name what is missing
raw 'C-l :'
type_text '9.9.9'
keys Enter
wait_for 'Ninguna actividad tiene el código «9.9.9»'
raw 'C-l :'
type_text 'Nadie · 1.1'
keys Enter
wait_for 'Ninguna unidad se llama «Nadie»'
# a unit filter that hides the actividad asked for goes
keys u
type_text 'Afiliación'
keys Enter
wait_for 'Unidad: Departamento de Afiliación'
raw 'C-l :'
type_text 'sistemas · 1.1'
keys Enter
wait_for 'Implementación de Sistemas (se quitaron los filtros'
has 'Unidad: todas'
quit

# L: the unidad líder column beside the tree (the Caja's plan names them),
# and config's unidad_lider = si opens with it; no room at 80 columns
"$POA" importar "$tmp/caja.db" "$POA_FIXTURES/seguimiento2024_t3_caja.csv" >/dev/null || fail "importar caja"
start_with lider 160 40 "$tmp/caja.db"
hasnt ' Unidad líder'
keys L
wait_for 'Columna «Unidad líder» a la vista (L la oculta)'
has ' Unidad líder'
check 'row "AO.3.1 Actualizar el diagnóstico" | grep -q "… Administración  " || fail "sin la unidad líder: $(row "AO.3.1 Actualizar el diagnóstico")"'
check 'row "AO.6.1 Realizar la venta del Seguro de Vida" | grep -q " Subgerente Comercial" || fail "$(row "AO.6.1 Realizar la venta del Seguro de Vida")"'
keys L
wait_for 'Columna «Unidad líder» oculta'
check '! row "AO.6.1 Realizar la venta del Seguro de Vida" | grep -q "Subgerente Comercial" || fail "sigue la columna"'
quit
printf '[interfaz]\nunidad_lider = si\n' >"$tmp/lider.ini"
start_with lider_cfg 160 40 --config "$tmp/lider.ini" "$tmp/caja.db"
has ' Unidad líder'
check 'row "AO.6.1 Realizar la venta del Seguro de Vida" | grep -q " Subgerente Comercial" || fail "$(row "AO.6.1 Realizar la venta")"'
resize 80 24
keys C-l
hasnt ' Unidad líder'
keys L L
wait_for 'no cabe en esta terminal'
quit
