/* cli_captura.c — the capture workbooks on the command line: `poa exportar
 * --informe captura` writes one per unit, `poa importar` of filled ones
 * checks, classifies and applies each file on its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "captura.h"
#include "cli.h"
#include "xlsx_fuente.h"

int cli_exportar_captura(const Args *a, const Config *cfg)
{
    if (a->corte < 1)
        return cli_usage_error("la captura es de un corte: falta --corte N (1 a 4)%s", "");
    int code = EXIT_OK;
    Db *db = NULL;
    /* read-write: each workbook written is recorded in the plan's file */
    Plan *p = cli_open_file_plan(a, cfg, a->pos[0], DB_EXISTING, &db, &code);
    if (!p)
        return code;
    if (a->unidad && plan_find_unidad(p, a->unidad) < 0) {
        fprintf(stderr, "poa: el plan %s %d no tiene ninguna unidad «%s»\n", p->institucion,
                p->anio, a->unidad);
        plan_free(p);
        db_close(db);
        return EXIT_USO;
    }
    CapturaExport o = {.destino = a->xlsx, .unidad = a->unidad, .corte = a->corte, .cfg = cfg};
    Lineas escritos = {0}, omitidas = {0};
    PoaErr err = {{0}};
    bool ok = captura_exportar(db, p, &o, &escritos, &omitidas, &err);
    for (int i = 0; i < escritos.n; i++)
        printf("Escrito «%s» (captura del corte %d)\n", escritos.lineas[i], a->corte);
    for (int i = 0; i < omitidas.n; i++)
        fprintf(stderr, "poa: aviso: sin libro de captura: %s\n", omitidas.lineas[i]);
    char aviso[256];
    if (escritos.n > 0 && xlsx_fuente_falta(aviso, sizeof aviso))
        fprintf(stderr, "poa: %s\n", aviso);
    if (!ok)
        fprintf(stderr, "poa: %s\n", err.msg);
    lineas_free(&escritos);
    lineas_free(&omitidas);
    plan_free(p);
    db_close(db);
    return ok ? EXIT_OK : EXIT_FALLO;
}

bool cli_son_capturas(const Args *a, int *code)
{
    int n = 0;
    for (int i = 1; i < a->npos; i++)
        n += captura_es_libro(a->pos[i]);
    if (n == 0)
        return false;
    if (n != a->npos - 1) {
        *code = cli_usage_error("importe los libros de captura aparte de las plantillas y "
                                "demás libros%s", "");
        return false;
    }
    return true;
}

int cli_importar_captura(const Args *a, const Config *cfg)
{
    const char *dbpath = a->pos[0];
    if (!file_exists(dbpath)) {
        fprintf(stderr, "poa: «%s» no existe: los libros de captura se importan en el plan del "
                "que salieron\n", dbpath);
        return EXIT_USO;
    }
    int code = EXIT_OK;
    Db *db = NULL;
    Plan *p = cli_open_file_plan(a, cfg, dbpath, DB_EXISTING, &db, &code);
    if (!p)
        return code;
    PoaErr err = {{0}};
    if (!a->simular && db_tiene_datos(db)) {
        if (!db_respaldo(db, "captura", &err)) {
            fprintf(stderr, "poa: No se importó: falló la copia de respaldo previa: %s\n",
                    err.msg);
            plan_free(p);
            db_close(db);
            return EXIT_FALLO;
        }
        fprintf(stderr, "poa: copia de respaldo antes de importar: %s\n", db_respaldo_path(db));
    }
    CapturaImport o = {.simular = a->simular, .forzar = a->forzar, .corte = a->corte,
                       .unidad = a->unidad, .umbrales = cfg->umbrales};
    if (a->simular)
        printf("Simulación (no se cambió nada): libros de captura en «%s»:\n", dbpath);
    else
        printf("Libros de captura en «%s»:\n", dbpath);
    int rechazados = 0, dejados = 0, aplicados = 0;
    bool ok = true;
    for (int i = 1; ok && i < a->npos; i++) {
        CapturaResultado r;
        ok = captura_importar(db, p, a->pos[i], &o, &r, &err);
        if (ok) {
            StrBuf sb = {0};
            captura_resultado_texto(&r, &sb);
            fputs(sb_str(&sb), stdout);
            sb_free(&sb);
            rechazados += r.rechazo != NULL;
            dejados += r.n[CAP_INVALIDO] + r.n[CAP_CONFLICTO];
            aplicados += r.aplicado;
        }
        captura_resultado_free(&r);
    }
    if (!ok)
        fprintf(stderr, "poa: %s\n", err.msg);
    int n = a->npos - 1;
    printf("%d de %d libro%s %s; %d rechazado%s; %d valor%s sin tomar (inválidos o en "
           "conflicto)\n", a->simular ? n - rechazados : aplicados, n, n == 1 ? "" : "s",
           a->simular ? "se tomarían" : "importados", rechazados, rechazados == 1 ? "" : "s",
           dejados, dejados == 1 ? "" : "es");
    plan_free(p);
    db_close(db);
    if (!ok)
        return EXIT_FALLO;
    return rechazados || dejados ? EXIT_USO : EXIT_OK;
}
