/* cli.c — the subcommands importar, exportar and resumen, and the helpers
 * every subcommand shares: options, config, opening the file and the plan. */
#include "cli.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cerrojo.h"
#include "importar.h"
#include "sesion.h"
#include "plancsv.h"
#include "store.h"
#include "util.h"
#include "xlsx_export.h"

int cli_usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "poa: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n(«poa --help» muestra el uso)\n");
    return EXIT_USO;
}

static bool parse_int_arg(const char *s, int lo, int hi, int *out)
{
    double v;
    if (!num_parse(s, &v) || v != (int)v || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

/* Every option that takes a text value, and where it goes: one table for
 * the parser and for main.c's search of the subcommand. */
static const struct {
    const char *name;
    size_t offset;
} TEXT_OPTS[] = {
    {"--config", offsetof(Args, config)},
    {"--csv", offsetof(Args, csv)},
    {"--xlsx", offsetof(Args, xlsx)},
    {"--unidad", offsetof(Args, unidad)},
    {"--informe", offsetof(Args, informe)},
    {"--institucion", offsetof(Args, institucion)},
    {"--actividad", offsetof(Args, actividad)},
    {"--real", offsetof(Args, real)},
    {"--observaciones", offsetof(Args, observaciones)},
    {"--evidencia", offsetof(Args, evidencia)},
    {"--motivo", offsetof(Args, motivo)},
    {"--eje", offsetof(Args, eje)},
    {"--objetivo", offsetof(Args, objetivo)},
    {"--en", offsetof(Args, en)},
    {"--limite", offsetof(Args, limite)},
    {"--restaurar", offsetof(Args, restaurar)},
    {"--orden", offsetof(Args, orden)},
};

static int text_opt(const char *o)
{
    for (size_t i = 0; i < POA_ARRAY_LEN(TEXT_OPTS); i++)
        if (strcmp(o, TEXT_OPTS[i].name) == 0)
            return (int)i;
    return -1;
}

bool cli_option_takes_value(const char *o)
{
    return text_opt(o) >= 0 || strcmp(o, "--corte") == 0 || strcmp(o, "--anio") == 0;
}

int cli_parse_args(int argc, char **argv, int start, Args *a)
{
    for (int i = start; i < argc; i++) {
        const char *o = argv[i];
        if (!o)
            continue;
        int t = text_opt(o);
        if (t >= 0) {
            if (i + 1 >= argc)
                return cli_usage_error("falta el valor de %s", o);
            *(const char **)((char *)a + TEXT_OPTS[t].offset) = argv[++i];
            continue;
        }
        if (strcmp(o, "--corte") == 0 || strcmp(o, "--anio") == 0) {
            if (i + 1 >= argc)
                return cli_usage_error("falta el valor de %s", o);
            bool corte = strcmp(o, "--corte") == 0;
            if (!parse_int_arg(argv[++i], corte ? 1 : 1900, corte ? 4 : 2200,
                               corte ? &a->corte : &a->anio))
                return cli_usage_error(corte ? "--corte espera un trimestre de 1 a 4, no «%s»"
                                         : "--anio espera un año (1900–2200), no «%s»",
                                   argv[i]);
            continue;
        }
        if (strcmp(o, "--json") == 0) {
            a->json = true;
            continue;
        }
        if (strcmp(o, "--simular") == 0 || strcmp(o, "--dry-run") == 0) {
            a->simular = true;
            continue;
        }
        if (strcmp(o, "--reemplazar") == 0) {
            a->reemplazar = true;
            continue;
        }
        if (strcmp(o, "--forzar") == 0) {
            a->forzar = true;
            continue;
        }
        if (o[0] == '-' && o[1] == '-')
            return cli_usage_error("opción desconocida «%s»", o);
        if (a->npos >= (int)POA_ARRAY_LEN(a->pos))
            return cli_usage_error("sobra el argumento «%s»", o);
        a->pos[a->npos++] = o;
    }
    return EXIT_OK;
}

bool cli_load_config(const Args *a, Config *cfg, ConfigAvisos *keep)
{
    ConfigAvisos av = {0};
    PoaErr err = {{0}};
    bool ok = config_load(a->config, cfg, &av, &err);
    if (keep) {
        *keep = av;
        av = (ConfigAvisos){0};
    }
    cli_print_config_avisos(&av);
    config_avisos_free(&av);
    if (!ok)
        fprintf(stderr, "poa: %s\n", err.msg);
    return ok;
}

void cli_print_config_avisos(const ConfigAvisos *av)
{
    for (int i = 0; i < av->n; i++)
        fprintf(stderr, "poa: aviso: %s\n", av->lineas[i]);
}

/* The exit code of a failed open: the analyst's input (a path, a plan that is
 * not there) is 2, the state of things (a lock, an unreadable plan) is 1. */
static int open_code(SesionFallo f)
{
    return f == SESION_ARCHIVO || f == SESION_ELEGIR ? EXIT_USO : EXIT_FALLO;
}

/* sesion.c does the work; the command line prints what it noticed. */
static bool open_session(const SesionPedido *q, Sesion *s, int *code)
{
    SesionFallo f;
    PoaErr err = {{0}};
    bool ok = sesion_open(q, s, &f, &err);
    if (s->aviso)
        fprintf(stderr, "poa: aviso: %s\n", s->aviso);
    if (s->migracion)
        fprintf(stderr, "poa: %s\n", s->migracion);
    if (!ok) {
        fprintf(stderr, "poa: %s\n", err.msg);
        *code = open_code(f);
        sesion_close(s);
    }
    return ok;
}

Db *cli_open_db(const char *path, DbMode mode, const Config *cfg, int *code)
{
    /* one writer per plan (cerrojo.h): taken before the file is opened, so
     * an interface started meanwhile sees who is writing */
    SesionPedido q = {.path = path, .modo = mode, .programa = "orden", .cfg = cfg,
                      .sin_plan = true};
    Sesion s;
    if (!open_session(&q, &s, code))
        return NULL;
    Db *db = s.db;
    s.db = NULL;
    sesion_close(&s);
    return db;
}

void cli_print_unchanged(Db *db, const char *path)
{
    if (db && db_backup_path(db))
        fprintf(stderr, "poa: el cambio pedido no se hizo; «%s» solo se actualizó al formato "
                "nuevo (copia de respaldo de antes: %s)\n", path, db_backup_path(db));
    else
        fprintf(stderr, "poa: no se modificó «%s»\n", path);
}

Plan *cli_open_file_plan(const Args *a, const Config *cfg, const char *path, DbMode mode,
                         Db **db_out, int *code)
{
    SesionPedido q = {.path = path, .modo = mode, .programa = "orden", .cfg = cfg,
                      .institucion = a->institucion, .anio = a->anio};
    Sesion s;
    if (db_out)
        *db_out = NULL;
    if (!open_session(&q, &s, code))
        return NULL;
    Plan *p = s.plan;
    s.plan = NULL;
    if (db_out) {
        *db_out = s.db;
        s.db = NULL;
    }
    sesion_close(&s);
    return p;
}

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
    PoaErr err = {{0}};
    bool ok = xlsx_export(p, &o, NULL, NULL, &err);
    plan_free(p);
    if (!ok) {
        fprintf(stderr, "poa: %s\n", err.msg);
        return EXIT_FALLO;
    }
    printf("Escrito «%s» (informe: %s)\n", a->xlsx, xlsx_informe_name(o.informe));
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

int cli_resumen(const Args *a, const Config *cfg)
{
    if (a->npos != 1)
        return cli_usage_error("resumen espera ARCHIVO.db%s", "");
    int code = EXIT_OK;
    Plan *p = cli_open_file_plan(a, cfg, a->pos[0], DB_READONLY, NULL, &code);
    if (!p)
        return code;
    int count[NODE_ACTIVIDAD + 1] = {0};
    for (int i = 1; i < p->nnodes; i++)
        if (!p->nodes[i].deleted && !plan_node_implicit(p, i))
            count[p->nodes[i].kind]++;
    printf("%s · Plan Operativo Anual %d\n", p->institucion, p->anio);
    printf("  unidades:        %d\n", p->nunidades);
    printf("  ejes:            %d\n", count[NODE_EJE]);
    printf("  objetivos:       %d\n", count[NODE_OBJETIVO]);
    printf("  metas operativas: %d\n", count[NODE_META]);
    printf("  entregables:     %d\n", count[NODE_ENTREGABLE]);
    printf("  actividades:     %d\n", count[NODE_ACTIVIDAD]);
    int *por_unidad = xcalloc((size_t)p->nunidades + 1, sizeof *por_unidad);
    for (int i = 0; i < p->nacts; i++) {
        const Node *n = &p->nodes[p->acts[i].node];
        if (!n->deleted && n->unidad >= 0)
            por_unidad[n->unidad]++;
    }
    for (int u = 0; u < p->nunidades; u++)
        printf("    %-60s %4d\n", p->unidades[u].nombre, por_unidad[u]);
    free(por_unidad);
    plan_free(p);
    return EXIT_OK;
}

