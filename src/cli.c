/* cli.c — the subcommand resumen, and the helpers every subcommand shares:
 * options, config, opening the file and the plan (importar and exportar:
 * cli_documentos.c). */
#include "cli.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cerrojo.h"
#include "sesion.h"
#include "store.h"
#include "u8.h"
#include "util.h"

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
    {"--causa", offsetof(Args, causa)},
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
    /* a slot per argument: `poa importar plan.db captura-*.xlsx` gets one
     * workbook per unit, as many as the institution has */
    if (!a->pos)
        a->pos = xcalloc((size_t)(argc > 0 ? argc : 1), sizeof *a->pos);
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
        a->pos[a->npos++] = o;
    }
    return EXIT_OK;
}

void cli_args_free(Args *a)
{
    if (!a)
        return;
    free(a->pos);
    a->pos = NULL;
    a->npos = 0;
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
    for (int u = 0; u < p->nunidades; u++) {
        /* padded by the columns the name takes on screen: printf's %-60s
         * counts bytes, and «Afiliación» is one column short per accent */
        const char *nom = p->unidades[u].nombre;
        int pad = 60 - u8_width(nom);
        printf("    %s%*s %4d\n", nom, pad > 0 ? pad : 0, "", por_unidad[u]);
    }
    free(por_unidad);
    plan_free(p);
    return EXIT_OK;
}

