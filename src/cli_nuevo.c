/* cli_nuevo.c — `poa nuevo` (start a plan from nothing) and `poa nuevo-anio`
 * (next year's plan from the open one): arguments and messages; the work
 * is cmd_plan.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_plan.h"
#include "store.h"
#include "util.h"

static int fallo_code(CmdPlanFallo f)
{
    return f == CMD_PLAN_DATOS ? EXIT_USO : EXIT_FALLO;
}

/* A file this very command created, left empty by a refused plan, goes. */
static void remove_created(const char *path)
{
    char *journal = xasprintf("%s-journal", path);
    remove(path);
    remove(journal);
    free(journal);
}

int cli_nuevo(const Args *a, const Config *cfg)
{
    if (a->npos != 1)
        return cli_usage_error("nuevo espera ARCHIVO.db --institucion NOMBRE --anio AAAA%s", "");
    if (str_empty(a->institucion))
        return cli_usage_error("nuevo: falta --institucion NOMBRE%s", "");
    if (!a->anio)
        return cli_usage_error("nuevo: falta --anio AAAA%s", "");
    const char *path = a->pos[0];
    int code = EXIT_OK;
    Db *db = cli_open_db(path, DB_CREATE, cfg, &code);
    if (!db)
        return code;
    int64_t id;
    CmdPlanFallo f;
    PoaErr err = {{0}};
    bool ok = cmd_plan_crear(db, a->institucion, a->anio, a->unidad, &id, &f, &err);
    if (!ok) {
        fprintf(stderr, "poa: %s\n", err.msg);
        cli_print_unchanged(db, path);
        bool creado = db_created(db);
        db_close(db);
        if (creado)
            remove_created(path);
        return fallo_code(f);
    }
    db_close(db);
    printf("Plan nuevo en «%s»: «%s», año %d", path, a->institucion, a->anio);
    if (!str_empty(a->unidad))
        printf(", unidad «%s»", a->unidad);
    printf("\n");
    return EXIT_OK;
}

/* The plan to copy: the one --anio/--institucion name; without --anio the
 * newest year before the target (the one next year's plan grows from), else
 * the newest other year. *desde gets its year, *existe whether the target
 * year is already there. */
static bool pick_origen(Db *db, const Args *a, const Config *cfg, int anio, int64_t *id,
                        int *desde, bool *existe, PoaErr *err)
{
    PlanInfo *pl;
    int n;
    if (!store_pick_plan(db, a->institucion, a->anio, cfg->institucion, 0, id, err) ||
        !store_list_plans(db, &pl, &n, err))
        return false;
    const char *inst = NULL;
    for (int i = 0; i < n; i++)
        if (pl[i].id == *id)
            inst = pl[i].institucion;
    int antes = -1, otro = -1;
    *existe = false;
    for (int i = 0; i < n; i++) {
        if (strcmp(pl[i].institucion, inst) != 0)
            continue;
        if (pl[i].anio == anio)
            *existe = true;
        if (pl[i].anio < anio && (antes < 0 || pl[i].anio > pl[antes].anio))
            antes = i;
        if (pl[i].anio != anio && (otro < 0 || pl[i].anio > pl[otro].anio))
            otro = i;
    }
    int pick = antes >= 0 ? antes : otro;
    if (!a->anio && pick >= 0)
        *id = pl[pick].id;
    for (int i = 0; i < n; i++)
        if (pl[i].id == *id)
            *desde = pl[i].anio;
    store_plan_infos_free(pl, n);
    return true;
}

int cli_nuevo_anio(const Args *a, const Config *cfg)
{
    if (a->npos != 2)
        return cli_usage_error("nuevo-anio espera ARCHIVO.db AAAA [--reemplazar]%s", "");
    int anio;
    PoaErr err = {{0}};
    if (!cmd_plan_parse_anio(a->pos[1], &anio, &err))
        return cli_usage_error("nuevo-anio: %s", err.msg);
    const char *path = a->pos[0];
    int code = EXIT_OK;
    Db *db = cli_open_db(path, DB_EXISTING, cfg, &code);
    if (!db)
        return code;
    int64_t id;
    int desde = 0;
    bool existe;
    if (!pick_origen(db, a, cfg, anio, &id, &desde, &existe, &err)) {
        fprintf(stderr, "poa: %s\n", err.msg);
        db_close(db);
        return EXIT_USO;
    }
    ImportStats c;
    CmdPlanFallo f;
    char *respaldo = NULL;
    bool ok = cmd_plan_nuevo_anio(db, id, anio, a->reemplazar, &c, NULL, &respaldo, &f, &err);
    if (respaldo)
        fprintf(stderr, "poa: copia de respaldo antes de copiar el plan: %s\n", respaldo);
    free(respaldo);
    if (!ok) {
        fprintf(stderr, "poa: %s\n", err.msg);
        cli_print_unchanged(db, path);
        db_close(db);
        return fallo_code(f);
    }
    db_close(db);
    printf("Plan del año %d copiado del año %d en «%s»%s:\n", anio, desde, path,
           existe ? " (reemplaza el que había)" : "");
    printf("  unidades:              %d\n", c.unidades);
    printf("  ejes:                  %d\n", c.ejes);
    printf("  objetivos:             %d\n", c.objetivos);
    printf("  metas operativas:      %d\n", c.metas);
    printf("  entregables:           %d\n", c.entregables);
    printf("  actividades:           %d\n", c.actividades);
    printf("  sin seguimiento: los cuatro cortes empiezan abiertos y vacíos\n");
    return EXIT_OK;
}
