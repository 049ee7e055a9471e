/* cli_corte.c — poa corte cerrar N | reabrir N --motivo: closing a corte
 * freezes its figures (after a backup); reopening needs a reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "seguimiento.h"

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
    Plan *p = cli_open_file_plan(a, cfg, a->pos[0], DB_EXISTING, &db, &code);
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
