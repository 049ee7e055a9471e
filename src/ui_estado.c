/* ui_estado.c — the interface's side of the remembered state (estado.c):
 * what the App shows (corte, filters, selection, folds, screen) into an
 * Estado at exit, and back at start. Nothing here may stop a session: a
 * state that cannot be read is ignored, one that cannot be written is
 * reported in the terminal after the screen closed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "estado.h"
#include "ui_estado.h"

static const char *const VISTA_NOMBRE[VISTA_N] = {
    [VISTA_PLAN] = "plan", [VISTA_FORM] = "formulario", [VISTA_TABLA] = "tabla",
    [VISTA_TABLERO] = "tablero", [VISTA_RECOLECCION] = "recoleccion",
};

bool ui_estado_restaurar(App *a, const char *path, UiPedido *abrir)
{
    if (!a->cfg->recordar)
        return false;
    char *ruta = estado_ruta(path, a->plan->id);
    Estado *e = estado_new();
    bool ok = estado_load(ruta, path, a->plan, e);
    free(ruta);
    if (!ok) {
        estado_free(e);
        return false;
    }
    Plan *p = a->plan;
    ArbolFilas *r = a->rows;
    /* a corte set in config.ini is the office's and wins; else the one
     * this analyst last chose on this file */
    if (e->corte && !(a->cfg->corte >= 1 && a->cfg->corte <= POA_TRIMESTRES))
        a->corte = e->corte;
    if (e->pliegues) {
        arbol_filas_sync(r);
        memset(r->expanded, 0, (size_t)r->cap);
        r->expanded[0] = 1;
        for (int i = 0; i < e->abiertos.n; i++)
            r->expanded[e->abiertos.v[i]] = 1;
    }
    if (e->filtro_estado)
        arbol_filas_set_estado(r, e->filtro_estado, a->corte, &a->cfg->umbrales);
    if (e->unidad >= 0 || e->responsable || e->filtro_estado)
        arbol_filas_set_filter(r, e->unidad, e->responsable);
    arbol_filas_rebuild(r);
    if (e->nodo > 0) {
        int ix = arbol_filas_find(r, e->nodo);
        if (ix < 0 && arbol_filas_is_shown(r, e->nodo)) {
            /* folded away since (another program's new parent): show it */
            arbol_filas_reveal(r, e->nodo);
            arbol_filas_rebuild(r);
            ix = arbol_filas_find(r, e->nodo);
        }
        if (ix >= 0)
            a->lista.sel = ix;
    }
    /* the screen it was on: the seguimiento table and form only on an
     * actividad that still exists (else they would ask for a unit) */
    bool otra = false;
    for (int v = 0; v < VISTA_N; v++) {
        if (v == VISTA_PLAN || !VISTA_NOMBRE[v] || strcmp(e->vista, VISTA_NOMBRE[v]) != 0)
            continue;
        /* the board and the collection view need no node */
        if (v != VISTA_TABLERO && v != VISTA_RECOLECCION && (e->foco <= 0 || p->nodes[e->foco].kind != NODE_ACTIVIDAD))
            break;
        *abrir = (UiPedido){.vista = (Vista)v, .nodo = e->foco, .unidad = -1};
        otra = true;
    }
    estado_free(e);
    return otra;
}

bool ui_estado_guardar(const App *a, const char *path, int foco, PoaErr *err)
{
    if (!a->cfg->recordar)
        return true;
    char *ruta = estado_ruta(path, a->plan->id);
    if (!ruta)
        return true;   /* no HOME and no XDG_STATE_HOME: nowhere to remember */
    const Plan *p = a->plan;
    const ArbolFilas *r = a->rows;
    Estado *e = estado_new();
    snprintf(e->vista, sizeof e->vista, "%s",
             VISTA_NOMBRE[a->vista] ? VISTA_NOMBRE[a->vista] : "plan");
    e->corte = a->corte;
    e->unidad = r->filtro_unidad;
    e->responsable = r->filtro_resp ? xstrdup(r->filtro_resp) : NULL;
    e->filtro_estado = r->filtro_estado;
    e->nodo = ui_sel_node(a) > 0 ? ui_sel_node(a) : -1;
    e->foco = foco;
    e->pliegues = true;
    /* what can be folded: live nodes with something to show under them */
    for (int i = 1; i < p->nnodes && i < r->cap; i++)
        if (r->expanded[i] && !p->nodes[i].deleted && p->nodes[i].kind != NODE_ACTIVIDAD &&
            !plan_node_implicit(p, i) && arbol_filas_nkids(p, i) > 0)
            iv_push(&e->abiertos, i);
    bool ok = estado_save(ruta, path, p, e, err);
    estado_free(e);
    free(ruta);
    return ok;
}
