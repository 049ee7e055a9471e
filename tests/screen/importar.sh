#!/usr/bin/env bash
# importar.sh — i in the interface: a path, the simulation's summary (counts,
# the changed activity and its field), n changes nothing, s imports in one
# transaction and the plan on screen is the file's again; a bad file shows
# its first error with the place.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
# one real changed (AO.6.1 479 -> 480) and one activity added
sed 's/,479,31%/,480,31%/' "$POA_FIXTURES/seguimiento2024_t3_caja.csv" >"$tmp/nuevo.csv"
tail -n 1 "$tmp/nuevo.csv" | sed 's/^\(\([^,]*,\)\{11\}\)[^,]*,[^,]*,/\1AO.99,Actividad agregada desde el CSV,/' >>"$tmp/nuevo.csv"
printf 'institucion,anio,unidad,actividad,mar\nx,2024,U,A,tres\n' >"$tmp/malo.csv"
before=$(sha256sum <"$tmp/plan.db")

start imp 120 40
keys i
wait_for 'Importar (CSV o libro de cálculo):'
type_text "$tmp/nuevo.csv"
keys Enter
wait_for 'Simulación de la importación'
has 'plantilla plana, 90 filas'
has 'actividades creadas:   1'
has 'actividades actualizadas: 1'
has ': corte3.real'
has '¿Importar? (s/n)'
keys n
wait_for 'Importación cancelada: no se cambió nada'
[ "$before" = "$(sha256sum <"$tmp/plan.db")" ] || fail "n cambió plan.db"

keys i
wait_for 'Importar (CSV o libro de cálculo):'
type_text "$tmp/malo.csv"
keys Enter
wait_for 'No se importó:'
has 'malo.csv:2:'
[ "$before" = "$(sha256sum <"$tmp/plan.db")" ] || fail "un archivo con errores cambió plan.db"

keys i
wait_for 'Importar (CSV o libro de cálculo):'
type_text "$tmp/nuevo.csv"
keys Enter
wait_for '¿Importar? (s/n)'
keys s
wait_for '1 actividad nueva, 1 actualizada'
keys '/'
type_text 'agregada desde'
keys Enter
wait_for 'Actividad agregada desde el CSV'
quit
"$POA" resumen "$tmp/plan.db" | grep -q 'actividades:     90' || fail "el archivo no tiene 90 actividades"
"$POA" historial "$tmp/plan.db" --limite 3 | grep -q 'actividad.corte3.real: «479» → «480»' ||
    fail "el historial no tiene el real cambiado"
echo "importar: ok"
