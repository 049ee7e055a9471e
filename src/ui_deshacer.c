/* ui_deshacer.c — z and Ctrl-R in the interface: the session's refused
 * undos (passed over by the next z) and, after a bulk undo or redo, the
 * plan read again from the file with the cursor kept on the same element. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deshacer.h"
#include "store.h"
#include "ui_app.h"

/* One interface per process: the actions its undos refused. */
static DeshacerSaltos saltos;

static void saltos_liberar(void) { deshacer_saltos_free(&saltos); }

/* The node of p with the kind and id of old's node, or -1. */
static int mismo_nodo(const Plan *p, const Plan *old, int node)
{
    if (node <= 0 || node >= old->nnodes)
        return -1;
    NodeKind k = old->nodes[node].kind;
    int64_t id = old->nodes[node].id;
    for (int i = 1; i < p->nnodes; i++)
        if (!p->nodes[i].deleted && p->nodes[i].kind == k && p->nodes[i].id == id)
            return i;
    return -1;
}

/* Replaces the App's plan with the file's; the cursor stays on the same
 * element where it still exists, the filters stay. */
static bool recargar(App *a, PoaErr *err)
{
    Plan *p = store_load(a->db, a->plan->id, err);
    if (!p)
        return false;
    ArbolFilas *old_rows = a->rows;
    int sel = a->lista.sel;
    int node = sel >= 0 && sel < old_rows->nrows ? old_rows->rows[sel].node : -1;
    int keep = mismo_nodo(p, a->plan, node);
    ArbolFilas *rows = arbol_filas_new(p);
    if (old_rows->filtro_unidad < p->nunidades)
        rows->filtro_unidad = old_rows->filtro_unidad;
    if (old_rows->filtro_resp)
        rows->filtro_resp = xstrdup(old_rows->filtro_resp);
    arbol_filas_free(old_rows);
    plan_free(a->plan);
    a->plan = p;
    a->rows = rows;
    a->lista.sel = arbol_filas_rebuild_keep(rows, sel, keep);
    a->plan_gen++;
    return true;
}

bool ui_deshacer_aplicar(App *a, bool rehacer, DeshacerInfo *info, PoaErr *err)
{
    static bool registrado;
    if (!registrado) {
        atexit(saltos_liberar);
        registrado = true;
    }
    bool ok = rehacer ? rehacer_ultimo(a->db, a->plan, info, err)
                      : deshacer_siguiente(a->db, a->plan, &saltos, info, err);
    if (!ok)
        return false;
    if (info->recargar) {
        PoaErr e2 = {{0}};
        if (!recargar(a, &e2)) {
            size_t len = strlen(info->descripcion);
            snprintf(info->descripcion + len, sizeof info->descripcion - len,
                     " (no se pudo volver a leer el plan: %s)", e2.msg);
        }
    }
    return true;
}
