/* cli_unificar.c — poa unificar: merges two ejes or objetivos written
 * differently into one, never silently. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "unificar.h"

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
    Plan *p = cli_open_file_plan(a, cfg, a->pos[0], DB_EXISTING, &db, &code);
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
                printf("Unificado %s «%s» en «%s»: %d %s, %d %s con uno igual.\n",
                       node_kind_name(k), origen, unificar_nombre(p, dst.v[0]), st.movidos,
                       num_plural(st.movidos, "elemento movido", "elementos movidos"),
                       st.unificados - n, num_plural(st.unificados - n, "unificado", "unificados"));
            }
        }
    }
    iv_free(&src);
    iv_free(&dst);
    plan_free(p);
    db_close(db);
    return code;
}
