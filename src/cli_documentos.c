/* cli_documentos.c — the subcommands importar and exportar: templates and
 * workbooks in (capture workbooks go to cli_captura.c), the flat CSV and the
 * XLSX reports out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "importar.h"
#include "plancsv.h"
#include "util.h"
#include "xlsx_export.h"
#include "xlsx_fuente.h"

/* A failed import into a file this command created leaves nothing behind. */
static void remove_new_file(const char *dbpath)
{
    char *journal = xasprintf("%s-journal", dbpath);
    remove(dbpath);
    remove(journal);
    free(journal);
}

/* The database a simulation merges into: the file itself when it exists
 * (rolled back, so it is never written), else a scratch file removed after. */
static char *simulation_path(const char *dbpath, bool existed)
{
    if (existed)
        return xstrdup(dbpath);
    const char *tmp = getenv("TMPDIR");
    return xasprintf("%s/poa-simular-%ld.db", tmp && *tmp ? tmp : "/tmp", (long)getpid());
}

int cli_importar(const Args *a, const Config *cfg)
{
    if (a->npos < 2)
        return cli_usage_error("importar espera ARCHIVO.db PLANTILLA.csv [MÁS ARCHIVOS…]%s", "");
    int ccode = EXIT_OK;
    if (cli_son_capturas(a, &ccode))
        return cli_importar_captura(a, cfg);
    if (ccode != EXIT_OK)
        return ccode;
    const char *dbpath = a->pos[0];
    bool existed = file_exists(dbpath);
    /* Any failed import exits 2 (the contract): the files could not
     * be taken as they are, and the database was left as it was. Every
     * file is read and checked before the database is even opened. */
    Importacion imp = {0};
    PlanoOpciones op = {.institucion = a->institucion, .anio = a->anio};
    bool ok = importar_leer(&imp, a->pos + 1, a->npos - 1, &op);
    for (int i = 0; i < imp.avisos.n; i++)
        fprintf(stderr, "poa: aviso: %s\n", imp.avisos.lineas[i]);
    if (!ok) {
        StrBuf sb = {0};
        importar_errores_texto(&imp, &sb);
        fprintf(stderr, "%s", sb_str(&sb));
        fprintf(stderr, "poa: %d error%s; no se modificó «%s»\n", imp.nerrores,
                imp.nerrores == 1 ? "" : "es", dbpath);
        sb_free(&sb);
        importar_free(&imp);
        return EXIT_USO;
    }
    char *target = a->simular ? simulation_path(dbpath, existed) : xstrdup(dbpath);
    if (a->simular && !existed)
        remove_new_file(target);   /* a scratch file left by an earlier process of that id */
    int code = EXIT_OK;
    Db *db = cli_open_db(target, existed ? DB_EXISTING : DB_CREATE, cfg, &code);
    PoaErr err = {{0}};
    bool abierta = db != NULL;
    ok = abierta;
    /* an import changes what the plan has: a copy of it first (after the
     * files were read, so a bad file leaves no backup behind) */
    if (ok && !a->simular && existed && db_tiene_datos(db)) {
        ok = db_respaldo(db, "importar", &err);
        if (ok)
            fprintf(stderr, "poa: copia de respaldo antes de importar: %s\n",
                    db_respaldo_path(db));
        else
            err_prefix(&err, "No se importó: falló la copia de respaldo previa");
    }
    ok = ok && importar_aplicar(&imp, db, a->simular, &err);
    if (abierta && !ok) {
        fprintf(stderr, "poa: %s\n", err.msg);
        cli_print_unchanged(db, dbpath);
    }
    /* opening an older file migrates it (after a backup), simulation or not */
    bool migrado = abierta && db_backup_path(db) != NULL;
    /* only a file this very open created is removed: the path may hold
     * another writer's plan made after `existed` was read (with its lock
     * refused, db is NULL) */
    bool creado = abierta && !existed && db_created(db);
    db_close(db);
    if (creado && (!ok || a->simular))
        remove_new_file(target);
    free(target);
    if (!ok) {
        importar_free(&imp);
        return abierta ? EXIT_USO : code;
    }
    StrBuf sb = {0};
    importar_resumen_texto(&imp, a->simular ? 1000 : 0, &sb);
    if (a->simular && migrado)
        printf("Simulación (no se importó nada; el archivo solo se actualizó al formato "
               "nuevo, con su copia de respaldo): importar en «%s»:\n", dbpath);
    else if (a->simular)
        printf("Simulación (no se cambió nada): importar en «%s»:\n", dbpath);
    else
        printf("Importado en «%s»:\n", dbpath);
    fputs(sb_str(&sb), stdout);
    sb_free(&sb);
    importar_free(&imp);
    return EXIT_OK;
}

static int cli_exportar_xlsx(const Args *a, const Config *cfg)
{
    XlsxOpts o;
    xlsx_opts_from_config(&o, cfg);
    o.path = a->xlsx;
    o.corte = a->corte;
    o.unidad = a->unidad;
    o.archivo_plan = a->pos[0];
    if (a->informe && !xlsx_informe_parse(a->informe, &o.informe))
        return cli_usage_error("--informe espera poa, seguimiento, tablero, todo o captura, no «%s»",
                               a->informe);
    int code = EXIT_OK;
    Plan *p = cli_open_file_plan(a, cfg, a->pos[0], DB_READONLY, NULL, &code);
    if (!p)
        return code;
    if (a->unidad && plan_find_unidad(p, a->unidad) < 0) {
        fprintf(stderr, "poa: el plan %s %d no tiene ninguna unidad «%s»\n", p->institucion,
                p->anio, a->unidad);
        plan_free(p);
        return EXIT_USO;
    }
    /* what verificar found that changes the figures, before writing them */
    Lineas obs = {0};
    int nobs = xlsx_observaciones_lineas(p, &o, &obs);
    if (nobs)
        fprintf(stderr, "poa: la verificación del plan dejó %d %s que %s lo que lee el "
                "informe (hoja «Observaciones de verificación»):\n", nobs,
                num_plural(nobs, "observación", "observaciones"),
                num_plural(nobs, "cambia", "cambian"));
    for (int i = 0; i < obs.n; i++)
        fprintf(stderr, "poa:   %s\n", obs.lineas[i]);
    lineas_free(&obs);
    PoaErr err = {{0}};
    XlsxSalida sal = {0};
    o.salida = &sal;
    bool ok = xlsx_export(p, &o, NULL, NULL, &err);
    plan_free(p);
    if (!ok) {
        fprintf(stderr, "poa: %s\n", err.msg);
        return EXIT_FALLO;
    }
    if (sal.solo_poa)
        fprintf(stderr, "poa: sin seguimiento registrado al corte %d (%s): el informe «todo» "
                "lleva solo el POA, no un tablero en 0 %% rojo (--informe tablero o "
                "seguimiento los escribe en gris)\n", sal.corte, POA_TRIM_NOMBRE[sal.corte - 1]);
    else if (sal.sin_seguimiento && o.informe != XLSX_INFORME_POA)
        fprintf(stderr, "poa: aviso: sin seguimiento registrado al corte %d (%s): las cifras "
                "van en gris, sin semáforo\n", sal.corte, POA_TRIM_NOMBRE[sal.corte - 1]);
    printf("Escrito «%s» (informe: %s)\n", a->xlsx,
           xlsx_informe_name(sal.solo_poa ? XLSX_INFORME_POA : o.informe));
    char aviso[256];
    if (xlsx_fuente_falta(aviso, sizeof aviso))
        fprintf(stderr, "poa: %s\n", aviso);   /* written all the same: exit 0 */
    return EXIT_OK;
}

int cli_exportar(const Args *a, const Config *cfg)
{
    if (a->npos != 1 || (!a->csv && !a->xlsx))
        return cli_usage_error("exportar espera ARCHIVO.db y --csv SALIDA.csv o --xlsx SALIDA.xlsx%s",
                               "");
    if (a->csv && a->xlsx)
        return cli_usage_error("exportar escribe un archivo por vez: --csv o --xlsx%s", "");
    if (a->informe && !a->xlsx)
        return cli_usage_error("--informe (%s) solo vale con --xlsx", a->informe);
    if (a->xlsx && a->informe && strcmp(a->informe, "captura") == 0)
        return cli_exportar_captura(a, cfg);
    if (a->xlsx)
        return cli_exportar_xlsx(a, cfg);
    int code = EXIT_OK;
    Plan *p = cli_open_file_plan(a, cfg, a->pos[0], DB_READONLY, NULL, &code);
    if (!p)
        return code;
    if (a->unidad && plan_find_unidad(p, a->unidad) < 0) {
        fprintf(stderr, "poa: El plan no tiene una unidad llamada «%s»\n", a->unidad);
        plan_free(p);
        return EXIT_USO;
    }
    CsvExportOpts o = {.corte = a->corte, .calculadas = a->corte > 0,
                       .umbrales = cfg->umbrales, .unidad = a->unidad};
    PoaErr err = {{0}};
    int rows = 0;
    bool ok = plancsv_export(p, a->csv, &o, &rows, &err);
    plan_free(p);
    if (!ok) {
        fprintf(stderr, "poa: %s\n", err.msg);
        return EXIT_FALLO;
    }
    printf("%s %d %s a «%s»\n", num_plural(rows, "Exportada", "Exportadas"), rows,
           num_plural(rows, "actividad", "actividades"), a->csv);
    return EXIT_OK;
}

