/* bench_rama.c — times the reshaping edits on a large plan file made by
 * `poa importar` (argument): duplicating the largest eje, a cut and paste
 * of a meta, and the bulk months and responsables of 1,000 actividades.
 * Usage: bench_rama PLAN.db. Prints, asserts nothing; changes the file. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cmd_rama.h"
#include "db.h"
#include "store.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const PoaErr *err)
{
    fprintf(stderr, "%s\n", err->msg);
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "uso: bench_rama PLAN.db\n");
        return 2;
    }
    PoaErr err = {{0}};
    Db *db = db_open(argv[1], DB_EXISTING, NULL, &err);
    int64_t id;
    if (!db || !store_find_plan(db, NULL, 0, &id, &err))
        die(&err);
    Plan *p = store_load(db, id, &err);
    if (!p)
        die(&err);
    int eje = -1, best = -1, acts = 0;
    for (int i = 1; i < p->nnodes; i++)
        if (!p->nodes[i].deleted && p->nodes[i].kind == NODE_EJE) {
            int n = plan_count_actividades(p, i);
            if (n > best)
                best = n, eje = i;
        }
    for (int i = 0; i < p->nacts; i++)
        acts += !p->nodes[p->acts[i].node].deleted;
    printf("plan: %d actividades; eje mayor: %d actividades\n", acts, best);
    RamaResultado r = {0};
    double t = now();
    if (!cmd_rama_duplicar(db, p, eje, &r, &err))
        die(&err);
    printf("duplicar el eje (%d actividades): %.3f s\n", r.actividades, now() - t);
    rama_resultado_free(&r);
    int meta = -1, obj = -1;
    for (int i = 1; i < p->nnodes && (meta < 0 || obj < 0); i++) {
        if (p->nodes[i].deleted)
            continue;
        if (meta < 0 && p->nodes[i].kind == NODE_META)
            meta = i;
        else if (meta > 0 && obj < 0 && p->nodes[i].kind == NODE_OBJETIVO &&
                 i != p->nodes[meta].parent)
            obj = i;
    }
    t = now();
    if (!cmd_rama_pegar(db, p, p, &meta, 1, true, obj, -1, &r, &err))
        die(&err);
    printf("cortar y pegar una meta (%d actividades): %.3f s\n", r.actividades, now() - t);
    rama_resultado_free(&r);
    int v[1000], n = 0;
    for (int i = 0; i < p->nacts && n < 1000; i++)
        if (!p->nodes[p->acts[i].node].deleted)
            v[n++] = p->acts[i].node;
    int cambiadas;
    t = now();
    if (!cmd_lote_meses(db, p, v, n, 0, 11, (MesCell){CELL_VACIA, 0}, false, &cambiadas, &err))
        die(&err);
    printf("vaciar el año de %d actividades marcadas (%d cambiadas): %.3f s\n", n, cambiadas,
           now() - t);
    t = now();
    if (!cmd_lote_campo(db, p, v, n, CAMPO_RESPONSABLES, "Planificación", &cambiadas, &err))
        die(&err);
    printf("responsables de %d actividades marcadas: %.3f s\n", n, now() - t);
    plan_free(p);
    db_close(db);
    return 0;
}
