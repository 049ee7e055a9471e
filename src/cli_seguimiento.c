/* cli_seguimiento.c — the subcommands of the quarterly follow-up: verificar,
 * seguimiento (scripted entry of a real), corte cerrar/reabrir, unificar. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "seguimiento.h"
#include "unificar.h"
#include "verificar.h"

/* Opens file and plan for writing; on failure returns NULL with *code set. */
static Plan *abrir(const Args *a, const Config *cfg, Db **db, int *code)
{
    return cli_open_file_plan(a, cfg, a->pos[0], DB_EXISTING, db, code);
}

int cli_verificar(const Args *a, const Config *cfg)
{
    if (a->npos != 1)
        return cli_usage_error("verificar espera ARCHIVO.db%s", "");
    Db *db;
    int code = EXIT_OK;
    Plan *p = cli_open_file_plan(a, cfg, a->pos[0], DB_READONLY, &db, &code);
    if (!p)
        return code;
    VerificarOpts o = {.corte = a->corte, .umbrales = cfg->umbrales, .regla = cfg->regla,
                       .archivo = a->pos[0]};
    Hallazgos h;
    verificar_plan(p, &o, &h);
    StrBuf out = {0};
    if (a->json)
        verificar_json(p, &h, a->pos[0], &out);
    else
        verificar_texto(p, &h, a->pos[0], &out);
    fputs(sb_str(&out), stdout);
    sb_free(&out);
    code = h.errores > 0 ? EXIT_FALLO : EXIT_OK;
    hallazgos_free(&h);
    plan_free(p);
    db_close(db);
    return code;
}

static void mostrar_actividad(const Plan *p, int node, int corte, const Config *cfg)
{
    const Node *n = &p->nodes[node];
    const Actividad *a = &p->acts[n->act];
    ResultadoAct r;
    calc_actividad(a, corte, &cfg->umbrales, &r);
    const Seguimiento *s = &a->seg[corte - 1];
    char b1[64], b2[64], nota[128];
    printf("%s · %s · corte %d (%s)\n", n->codigo, p->unidades[n->unidad].nombre, corte,
           POA_TRIM_RANGO[corte - 1]);
    printf("  real acumulado:      %s\n",
           s->real.has ? valor_format(&s->real, b1, sizeof b1) : "—");
    printf("  programado acumulado: %s\n", num_format(r.programado, b2, sizeof b2));
    if (r.has_pct)
        printf("  %% de ejecución:      %ld %% (%s)\n", calc_pct_entero(r.pct),
               semaforo_name(r.semaforo));
    else
        printf("  %% de ejecución:      — (%s)\n", calc_nota_estado(a, &r, nota, sizeof nota));
    if (*s->observaciones)
        printf("  observaciones:       %s\n", s->observaciones);
    if (*s->evidencia)
        printf("  evidencia:           %s\n", s->evidencia);
}

int cli_seguimiento(const Args *a, const Config *cfg)
{
    if (a->npos != 1 || !a->actividad || a->corte == 0)
        return cli_usage_error("seguimiento espera ARCHIVO.db --corte N --actividad CÓDIGO "
                               "[--unidad NOMBRE] [--real V] [--observaciones T] "
                               "[--evidencia T]%s", "");
    SegCambio c = {.observaciones = a->observaciones, .evidencia = a->evidencia};
    PoaErr err = {{0}};
    if (a->real) {
        c.set_real = true;
        if (!seguimiento_parse_real(a->real, &c.real, &err)) {
            fprintf(stderr, "poa: --real: %s\n", err.msg);
            return EXIT_USO;
        }
    }
    /* Excel's limit for a cell: bad input (exit 2), before the file is opened */
    bool obs_largo = a->observaciones && cmd_texto_largo(a->observaciones) > CMD_TEXTO_MAX;
    if (obs_largo || (a->evidencia && cmd_texto_largo(a->evidencia) > CMD_TEXTO_MAX)) {
        fprintf(stderr, "poa: %s de la actividad «%s», corte %d: el texto tiene %zu caracteres "
                "y una celda de Excel admite hasta 32.767; acórtelo\n",
                obs_largo ? "--observaciones" : "--evidencia", a->actividad, a->corte,
                cmd_texto_largo(obs_largo ? a->observaciones : a->evidencia));
        return EXIT_USO;
    }
    Db *db;
    int code = EXIT_OK;
    Plan *p = abrir(a, cfg, &db, &code);
    if (!p)
        return code;
    int node = seguimiento_buscar_actividad(p, a->actividad, a->unidad, &err);
    if (node < 0) {
        fprintf(stderr, "poa: %s\n", err.msg);
        code = EXIT_USO;
    } else {
        int n = 0;
        if (!seguimiento_editar(db, p, node, a->corte, &c, &n, &err)) {
            fprintf(stderr, "poa: %s\n", err.msg);
            cli_print_unchanged(db, a->pos[0]);
            code = EXIT_FALLO;
        } else {
            char msg[512];
            const Actividad *act = plan_act(p, node);
            if (verificar_real_desajuste(act, &act->seg[a->corte - 1].real, msg, sizeof msg))
                fprintf(stderr, "poa: aviso: %s (verificar lo informa como error)\n", msg);
            if (n == 0)
                printf("Sin cambios.\n");
            mostrar_actividad(p, node, a->corte, cfg);
        }
    }
    plan_free(p);
    db_close(db);
    return code;
}

int cli_corte(const Args *a, const Config *cfg)
{
    if (a->npos != 3)
        return cli_usage_error("corte espera ARCHIVO.db cerrar N, o ARCHIVO.db reabrir N "
                               "--motivo TEXTO%s", "");
    const char *accion = a->pos[1];
    bool cerrar = strcmp(accion, "cerrar") == 0 || strcmp(accion, "close") == 0;
    bool reabrir = strcmp(accion, "reabrir") == 0 || strcmp(accion, "reopen") == 0;
    if (!cerrar && !reabrir)
        return cli_usage_error("corte: la acción es «cerrar» o «reabrir», no «%s»", accion);
    double v;
    if (!num_parse(a->pos[2], &v) || v != (int)v || v < 1 || v > POA_TRIMESTRES)
        return cli_usage_error("corte: el número de corte es un trimestre de 1 a 4, no «%s»",
                               a->pos[2]);
    int n = (int)v;
    if (reabrir && str_empty(a->motivo))
        return cli_usage_error("corte reabrir necesita --motivo \"…\" (queda en el registro "
                               "de cambios)%s", "");
    Db *db;
    int code = EXIT_OK;
    Plan *p = abrir(a, cfg, &db, &code);
    if (!p)
        return code;
    PoaErr err = {{0}};
    bool ok = cerrar ? seguimiento_cerrar_corte(db, p, n, &err)
                     : seguimiento_reabrir_corte(db, p, n, a->motivo, &err);
    if (!ok) {
        fprintf(stderr, "poa: %s\n", err.msg);
        code = EXIT_FALLO;
    } else if (cerrar) {
        if (db_respaldo_path(db))
            fprintf(stderr, "poa: copia de respaldo antes de cerrar: %s\n", db_respaldo_path(db));
        printf("Corte %d (%s) cerrado por %s el %s: sus valores ya no se pueden editar.\n", n,
               POA_TRIM_RANGO[n - 1], p->cortes[n - 1].cerrado_por,
               p->cortes[n - 1].cerrado_en);
    } else {
        printf("Corte %d (%s) reabierto. Motivo: %s\n", n, POA_TRIM_RANGO[n - 1],
               p->cortes[n - 1].motivo);
    }
    plan_free(p);
    db_close(db);
    return code;
}

/* Resolves a name to nodes; prints why not and returns 0 when it cannot. */
static int resolver(const Plan *p, NodeKind k, const char *nombre, IntVec *out)
{
    int n = unificar_buscar(p, k, nombre, out);
    if (n == 0)
        fprintf(stderr, "poa: el plan no tiene un %s «%s»\n", node_kind_name(k), nombre);
    return n;
}

int cli_unificar(const Args *a, const Config *cfg)
{
    if (a->npos != 1 || !a->en || (!a->eje == !a->objetivo))
        return cli_usage_error("unificar espera ARCHIVO.db --eje NOMBRE --en NOMBRE, o "
                               "ARCHIVO.db --objetivo TEXTO --en TEXTO%s", "");
    NodeKind k = a->eje ? NODE_EJE : NODE_OBJETIVO;
    const char *origen = a->eje ? a->eje : a->objetivo;
    Db *db;
    int code = EXIT_OK;
    Plan *p = abrir(a, cfg, &db, &code);
    if (!p)
        return code;
    IntVec src = {0}, dst = {0};
    code = EXIT_USO;
    if (resolver(p, k, origen, &src) && resolver(p, k, a->en, &dst)) {
        if (dst.n > 1) {
            fprintf(stderr, "poa: hay %d %ss «%s» (en ejes distintos): unifique primero los "
                    "ejes\n", dst.n, node_kind_name(k), a->en);
        } else {
            /* the target itself may match the origin's name (folded): skip it */
            int n = 0;
            for (int i = 0; i < src.n; i++)
                if (src.v[i] != dst.v[0])
                    src.v[n++] = src.v[i];
            UnificarStats st;
            PoaErr err = {{0}};
            if (n == 0) {
                fprintf(stderr, "poa: «%s» y «%s» son el mismo %s: no hay nada que unificar\n",
                        origen, a->en, node_kind_name(k));
            } else if (!unificar_nodos(db, p, src.v, n, dst.v[0], &st, &err)) {
                fprintf(stderr, "poa: %s\n", err.msg);
                cli_print_unchanged(db, a->pos[0]);
                code = EXIT_FALLO;
            } else {
                code = EXIT_OK;
                printf("Unificado %s «%s» en «%s»: %d elementos movidos, %d unificados con "
                       "uno igual.\n", node_kind_name(k), origen, unificar_nombre(p, dst.v[0]),
                       st.movidos, st.unificados - n);
            }
        }
    }
    iv_free(&src);
    iv_free(&dst);
    plan_free(p);
    db_close(db);
    return code;
}
