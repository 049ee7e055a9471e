#!/usr/bin/env bash
# The command line of the foundation: importar/exportar/resumen, exit codes,
# Spanish messages with the place, and files left untouched on failure.
. "$(dirname "$0")/lib.bash"
cd "$TMP"
ARS=$POA_FIXTURES/poa2024_ars_semma.csv
CAJA=$POA_FIXTURES/seguimiento2024_t3_caja.csv

expect_code 0 "$POA" --version
expect_in out "poa "
expect_code 0 "$POA" --help
expect_in out "importar ARCHIVO.db PLANTILLA.csv"

# import: counts printed, alias works
expect_code 0 "$POA" importar plan.db "$ARS"
expect_in out "actividades creadas:   172"
expect_in out "unidades creadas:      16"
expect_code 0 "$POA" import plan.db "$ARS"
expect_in out "actividades creadas:   0"
expect_in out "actividades actualizadas: 0"
expect_in out "actividades sin cambios:  172"
expect_code 0 "$POA" resumen plan.db
expect_in out "ARS SEMMA · Plan Operativo Anual 2024"
expect_in out "actividades:     172"

# export and round trip through the CLI
expect_code 0 "$POA" exportar plan.db --csv salida.csv
expect_in out "Exportadas 172 actividades"
[ "$(wc -l < salida.csv)" = 173 ] && ok || bad "salida.csv no tiene 173 líneas"
expect_code 0 "$POA" importar plan2.db salida.csv
expect_in out "actividades creadas:   172"

# a bad CSV: exit 2, file:line:column, database byte-identical
cp plan.db antes.db
printf 'institucion,anio,unidad,actividad,mar\nARS SEMMA,2024,Nueva,Algo,x\nARS SEMMA,2024,Nueva,Otra,tres\n' > malo.csv
expect_code 2 "$POA" importar plan.db malo.csv
expect_in err "malo.csv:3:"
expect_in err "columna «mar»: «tres»"
expect_in err "no se modificó"
cmp -s plan.db antes.db && ok || bad "plan.db cambió tras una importación fallida"
[ ! -e plan.db-wal ] || [ ! -s plan.db-wal ] && ok || bad "quedó un -wal con datos"

# a failed import into a new file leaves no file behind
expect_code 2 "$POA" importar nuevo.db malo.csv
[ ! -e nuevo.db ] && ok || bad "nuevo.db quedó creado tras un error"

# foreign and newer files are refused with exit 2 and left untouched
echo "no soy una base de datos, solo texto ............................................................" > texto.db
cp texto.db texto.orig
expect_code 2 "$POA" resumen texto.db
expect_in err "no es una base de datos SQLite"
cmp -s texto.db texto.orig && ok || bad "texto.db fue modificado"
expect_code 2 "$POA" resumen no-existe.db
expect_in err "No existe el archivo «no-existe.db»"

# an empty file is not a plan: a reading command says so and leaves it empty
: > vacio.db
expect_code 2 "$POA" resumen vacio.db
expect_in err "está vacío: todavía no tiene ningún plan"
[ ! -s vacio.db ] && ok || bad "vacio.db fue escrito por una orden de lectura"

# a file of the previous schema is migrated by any command that may write it,
# with a backup copy, and keeps its data
/usr/bin/python3 - "$POA_FIXTURES/schemas/schema_v1.sql" v1.db <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[2])
con.executescript(open(sys.argv[1], encoding="utf-8").read())
con.executescript("INSERT INTO institucion VALUES (1, 'Caja');"
                  "INSERT INTO plan VALUES (1, 1, 2024);"
                  "INSERT INTO unidad VALUES (1, 1, 'UAIP', '', '', 0);")
con.commit()
PY
expect_code 0 "$POA" resumen v1.db
expect_in err "se actualizó al formato nuevo; copia de respaldo: v1.db.20"
expect_in out "Caja · Plan Operativo Anual 2024"
ls v1.db.20??????-??????.migracion-v1.bak >/dev/null 2>&1 && ok || bad "no quedó la copia de respaldo"

# usage errors: exit 2
expect_code 2 "$POA" exportar plan.db
expect_in err "exportar espera"
expect_code 2 "$POA" exportar plan.db --csv x.csv --corte 7
expect_in err "--corte espera un trimestre de 1 a 4"
expect_code 2 "$POA" exportar plan.db --csv x.csv --bogus
expect_in err "opción desconocida «--bogus»"
expect_code 2 "$POA" exportar plan.db --csv x.csv --unidad "No Existe"
expect_in err "no tiene una unidad llamada «No Existe»"

# a plan of the other institution in the same file: chosen with --institucion
expect_code 0 "$POA" importar plan.db "$CAJA"
expect_code 2 "$POA" resumen plan.db
expect_in err "varias instituciones"
expect_code 0 "$POA" resumen plan.db --institucion "Caja Mutual de los Empleados del Ministerio de Educación"
expect_in out "actividades:     89"

# export to an unwritable place: exit 1 and nothing left
expect_code 1 "$POA" exportar plan.db --institucion "ARS SEMMA" --csv /nonexistent-dir/x.csv
expect_in err "No se pudo crear «/nonexistent-dir/x.csv»"

# a plan in a read-only folder: the reading commands work, the writing ones
# say why they cannot (as root, permissions are tested through an unprivileged user)
mkdir ro rw && chmod 777 rw && cp plan.db ro/ && chmod 444 ro/plan.db && chmod 555 ro
chmod 755 "$TMP"
RUNAS=()
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null 2>&1; then RUNAS=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
fi
if [ "$(id -u)" != 0 ] || [ ${#RUNAS[@]} -gt 0 ]; then
    expect_code 0 "${RUNAS[@]}" "$POA" resumen ro/plan.db --institucion "ARS SEMMA"
    expect_in out "actividades:     172"
    expect_code 0 "${RUNAS[@]}" "$POA" exportar ro/plan.db --institucion "ARS SEMMA" --csv "$TMP/rw/ro.csv"
    expect_code 2 "${RUNAS[@]}" "$POA" importar ro/plan.db "$ARS"
    expect_in err "es de solo lectura"
    cmp -s ro/plan.db plan.db && ok || bad "ro/plan.db cambió"
fi

# config.ini: a bad value is a warning with file and line; the default is used
printf '[semaforo]\nverde = ochenta\n' > malo.ini
expect_code 0 "$POA" --config malo.ini resumen plan.db --institucion "ARS SEMMA"
expect_in err "malo.ini:2: [semaforo] verde = «ochenta»"
expect_code 2 "$POA" --config falta.ini resumen plan.db
expect_in err "No existe el archivo de configuración «falta.ini»"

# a closed corte: re-importing what it holds is fine; changing it is refused
expect_code 0 "$POA" importar caja.db "$CAJA"
expect_code 0 "$POA" exportar caja.db --csv caja.csv
expect_code 0 "$POA" corte caja.db cerrar 3
expect_code 0 "$POA" importar caja.db caja.csv
expect_in out "actividades sin cambios:  89"
sed 's/,479,31%/,480,31%/' caja.csv > caja2.csv
cp caja.db caja.antes
expect_code 2 "$POA" importar caja.db caja2.csv
expect_in err "El corte 3 está cerrado"
cmp -s caja.db caja.antes && ok || bad "caja.db cambió al rechazar la importación"
finish
