#!/usr/bin/env bash
# The hardened CSV import (issues 8.6, 8.7, 10): field counts, Excel's
# trailing rows, one number rule per file, every error listed, the cell
# limit, Excel's Spanish CSV, several files, --simular, and counts of real
# levels only.
. "$(dirname "$0")/lib.bash"
cd "$TMP"
ARS=$POA_FIXTURES/poa2024_ars_semma.csv
CAJA=$POA_FIXTURES/seguimiento2024_t3_caja.csv
H='institucion,anio,unidad,actividad,presupuesto,mar,meta_anual'
field() {  # field FILE.db COLUMN ROW: the value in the exported CSV
    "$POA" exportar "$1" --csv "$TMP/f.csv" >/dev/null &&
        /usr/bin/python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); print(r[int(sys.argv[3])][sys.argv[2]])' "$TMP/f.csv" "$2" "$3"
}
unchanged() {  # unchanged A B what
    cmp -s "$1" "$2" && ok || bad "$3: el archivo cambió"
}

"$POA" importar base.db "$CAJA" >/dev/null || bad "no se pudo importar la Caja"
cp base.db base.orig

# 8.6: a short row and a long row are errors with file:line; nothing changes
printf '%s\nI,2024,U,Una,,x,1\nI,2024,U,Corta,,x\nI,2024,U,Larga,,x,1,sobra\n' "$H" > filas.csv
expect_code 2 "$POA" importar base.db filas.csv
expect_in err "filas.csv:3: la fila tiene 6 campos y el encabezado 7"
expect_in err "filas.csv:4: la fila tiene 8 campos y el encabezado 7"
expect_in err "no se modificó «base.db»"
unchanged base.db base.orig "filas de más o de menos"

# Excel's trailing rows of separators (and blank ones) are ignored
printf 'institucion;anio;unidad;actividad;mar\r\nI;2024;U;Una;x\r\n;;;;\r\n;;;;\r\n\r\n' > cola.csv
expect_code 0 "$POA" importar cola.db cola.csv
expect_in out "actividades creadas:   1"

# the ';' rule: ',' decimal, '.' thousands
printf 'institucion;anio;unidad;actividad;presupuesto;mar;meta_anual\nI;2024;U;A;1.500;2,5;1.500.000,00\nI;2024;U;B;1.500.000,00;x;25%%\n' > puntoycoma.csv
expect_code 0 "$POA" importar pc.db puntoycoma.csv
[ "$(field pc.db presupuesto 0)" = 1500.00 ] && ok || bad "1.500 no se leyó como 1500: $(field pc.db presupuesto 0)"
[ "$(field pc.db mar 0)" = 2.5 ] && ok || bad "2,5 no se leyó como 2.5: $(field pc.db mar 0)"
[ "$(field pc.db meta_anual 0)" = 1500000 ] && ok || bad "1.500.000,00 no es 1500000: $(field pc.db meta_anual 0)"
[ "$(field pc.db presupuesto 1)" = 1500000.00 ] && ok || bad "presupuesto 1.500.000,00"
printf 'institucion;anio;unidad;actividad;presupuesto;mar\nI;2024;U;A;1.50.0;x\nI;2024;U;B;7;1,5.0\nI;2024;U;C;2.5;x\n' > pcmalo.csv
expect_code 2 "$POA" importar pc.db pcmalo.csv
expect_in err "pcmalo.csv:2:12: columna «presupuesto»: «1.50.0» no es un monto válido"
expect_in err "pcmalo.csv:3:14: columna «mar»: «1,5.0» no es una marca de mes válida"
expect_in err "pcmalo.csv:4:12: columna «presupuesto»: «2.5» no es un monto válido"
expect_in err "la coma es el decimal y el punto separa los miles"

# the ',' rule: '.' decimal, ',' thousands; a quoted "2,5" is named
printf '%s\nI,2024,U,A,"1,500.50",x,"1,500"\n' "$H" > coma.csv
expect_code 0 "$POA" importar coma.db coma.csv
[ "$(field coma.db presupuesto 0)" = 1500.50 ] && ok || bad "1,500.50 no es 1500.5"
[ "$(field coma.db meta_anual 0)" = 1500 ] && ok || bad "1,500 no es 1500"
printf '%s\nI,2024,U,A,"2,5",x,1\n' "$H" > comamala.csv
expect_code 2 "$POA" importar coma.db comamala.csv
expect_in err "comamala.csv:2:12: columna «presupuesto»: «2,5» no es un monto válido"

# every error is listed: 60 bad rows -> 50 lines and «… y 10 errores más»
{ echo "$H"; for i in $(seq 1 60); do echo "I,2024,U,A$i,,mal$i,1"; done; } > muchos.csv
expect_code 2 "$POA" importar base.db muchos.csv
[ "$(grep -c 'columna «mar»: «mal' err)" = 50 ] && ok || bad "no se listaron 50 errores: $(grep -c 'columna «mar»' err)"
expect_in err "muchos.csv:51:15: columna «mar»: «mal50»"
expect_not_in err "muchos.csv:52:"
expect_in err "… y 10 errores más"
expect_in err "60 errores; no se modificó «base.db»"
unchanged base.db base.orig "60 errores"

# a text over Excel's 32,767 characters is refused naming the field and the row
long=$(head -c 32768 /dev/zero | tr '\0' 'a')
printf '%s\nI,2024,U,Bien,,x,1\nI,2024,U,%s,,x,1\n' "$H" "$long" > largo.csv
expect_code 2 "$POA" importar base.db largo.csv
expect_in err "largo.csv:3:10: columna «actividad»: el texto tiene 32768 caracteres y una celda de Excel admite 32767"
unchanged base.db base.orig "texto largo"
printf '%s\nI,2024,U,%s,,x,1\n' "$H" "${long:1}" > justo.csv
expect_code 0 "$POA" importar justo.db justo.csv

# issue 10: Excel's Spanish CSV (Windows-1252 or UTF-8 with BOM, ';', CRLF,
# decimal comma, headers in capitals) imports to the same plan as the original
for fx in "$ARS" "$CAJA"; do
    n=$(basename "$fx" .csv)
    "$POA_TOOLS/excel-es" "$fx" "$n.es.csv"
    iconv -f UTF-8 -t WINDOWS-1252 "$n.es.csv" > "$n.1252.csv"
    { printf '\xEF\xBB\xBF'; cat "$n.es.csv"; } > "$n.bom.csv"
    expect_code 0 "$POA" importar "$n.utf8.db" "$fx"
    "$POA" exportar "$n.utf8.db" --csv "$n.utf8.out" >/dev/null
    expect_code 0 "$POA" importar "$n.1252.db" "$n.1252.csv"
    expect_in err "$n.1252.csv: el archivo no es UTF-8"
    expect_in err "se leyó como Windows-1252"
    "$POA" exportar "$n.1252.db" --csv "$n.1252.out" >/dev/null
    cmp -s "$n.utf8.out" "$n.1252.out" && ok || bad "$n: el CSV de Excel en Windows-1252 no da el mismo plan"
    expect_code 0 "$POA" importar "$n.bom.db" "$n.bom.csv"
    expect_not_in err "Windows-1252"
    "$POA" exportar "$n.bom.db" --csv "$n.bom.out" >/dev/null
    cmp -s "$n.utf8.out" "$n.bom.out" && ok || bad "$n: el CSV de Excel en UTF-8 con BOM no da el mismo plan"
done

# counts of real levels only: the Caja's plan has no ejes nor entregables
expect_code 0 "$POA" importar caja.db "$CAJA"
expect_in out "ejes creados:          0"
expect_in out "entregables creados:   0"
expect_code 0 "$POA" resumen caja.db
expect_in out "actividades:     89"

# importar counts what resumen counts, level by level, on a new file
for fx in "$ARS" "$CAJA"; do
    rm -f cuenta.db
    "$POA" importar cuenta.db "$fx" >imp.out
    "$POA" resumen cuenta.db >res.out
    for pair in "ejes creados:ejes:" "objetivos creados:objetivos:" "metas operativas:metas operativas:" \
                "entregables creados:entregables:" "actividades creadas:actividades:"; do
        a=${pair%%:*}; rest=${pair#*:}; b=${rest%:}
        ni=$(grep "  $a:" imp.out | grep -o '[0-9]*$')
        nr=$(grep "  $b:" res.out | grep -o '[0-9]*$')
        [ -n "$ni" ] && [ "$ni" = "$nr" ] && ok || bad "$(basename "$fx"): importar dice $a $ni y resumen $b $nr"
    done
done

# several files in one command: all or nothing
expect_code 0 "$POA" importar varios.db "$ARS" "$CAJA"
expect_in out "«$ARS», hoja «poa2024_ars_semma.csv»: plantilla plana, 172 filas"
expect_in out "«$CAJA», hoja «seguimiento2024_t3_caja.csv»: plantilla plana, 89 filas"
expect_in out "actividades creadas:   261"
expect_code 2 "$POA" importar varios2.db "$ARS" filas.csv
expect_in err "filas.csv:3:"
[ ! -e varios2.db ] && ok || bad "varios2.db quedó creado aunque un archivo tenía errores"
expect_code 2 "$POA" importar base.db "$ARS" no-existe.csv
expect_in err "no-existe.csv: no se pudo abrir"
unchanged base.db base.orig "un archivo que no existe"
: > vacio.csv
expect_code 2 "$POA" importar base.db vacio.csv
expect_in err "vacio.csv"
unchanged base.db base.orig "un CSV vacío"

# --simular: counts and changes printed, the file untouched (bytes and mtime)
sed 's/,479,31%/,480,31%/' "$CAJA" > caja_edit.csv
before=$(sha256sum base.db) mtime=$(stat -c %Y.%y base.db)
sleep 1
expect_code 0 "$POA" importar base.db caja_edit.csv --simular
expect_in out "Simulación (no se cambió nada)"
expect_in out "plantilla plana, 89 filas"
expect_in out "actividades actualizadas: 1"
expect_in out "actividades sin cambios:  88"
expect_in out ": corte3.real"
[ "$before" = "$(sha256sum base.db)" ] && ok || bad "--simular cambió base.db"
[ "$mtime" = "$(stat -c %Y.%y base.db)" ] && ok || bad "--simular cambió la fecha de base.db"
[ ! -e base.db-journal ] && ok || bad "--simular dejó un journal"
expect_code 0 "$POA" importar nuevo.db "$ARS" --dry-run
expect_in out "actividades creadas:   172"
[ ! -e nuevo.db ] && ok || bad "--dry-run creó nuevo.db"
finish
