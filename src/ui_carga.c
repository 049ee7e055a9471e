/* ui_carga.c — the interface's side of opening a large plan in two steps
 * (issue 14): the first page is on screen while carga.c reads the whole
 * plan; only movement inside the page runs meanwhile, any other request
 * waits for the whole plan (progress in the status line), which replaces
 * the page at that safe point, between two keys, the cursor kept. */
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "carga.h"
#include "estado.h"
#include "store.h"
#include "ui.h"
#include "ui_app.h"
#include "ui_carga.h"
#include "ui_plan.h"
#include "ui_signals.h"

/* Rows kept below the selection before a movement needs the whole plan:
 * a page down from there stays inside the first page. */
static int margen(const App *a) { return a->list_h > 0 ? a->list_h + 1 : 60; }

bool ui_carga_permite(const App *a, UiReq req)
{
    /* a terminating signal arrives as Esc with quit set: it never waits */
    if (!a->carga || a->quit || ui_signals_pending())
        return true;
    if (a->vista != VISTA_PLAN)
        return false;
    int quedan = a->rows->nrows - 1 - a->lista.sel;
    switch (req) {
    case REQ_UP:
    case REQ_PAGE_UP:
    case REQ_HOME:
    case REQ_REDRAW:
    case REQ_QUIT:
        return true;
    case REQ_DOWN:
    case REQ_PAGE_DOWN:
        /* rows past the first page are not there yet */
        return quedan > margen(a);
    default:
        return false;
    }
}

/* The node of the old plan in the new one: the same kind and row id. */
static int mismo_nodo(const Plan *p, const Plan *old, int node)
{
    if (node <= 0 || node >= old->nnodes)
        return node == 0 ? 0 : -1;
    NodeKind k = old->nodes[node].kind;
    int64_t id = old->nodes[node].id;
    for (int i = 1; i < p->nnodes; i++)
        if (!p->nodes[i].deleted && p->nodes[i].kind == k && p->nodes[i].id == id)
            return i;
    return -1;
}

static void progreso(App *a)
{
    ui_status(a, false, "Cargando el plan: %d actividades leídas… (lo que pida sigue al terminar)",
              carga_leidas(a->carga));
}

/* The whole plan in place of the first page: the same rows come first in
 * both (a page is a prefix of the tree), so the cursor and the first row
 * shown stay where they were. */
static void reemplazar(App *a, Plan *p)
{
    Plan *old = a->plan;
    int sel = a->lista.sel;
    int node = sel >= 0 && sel < a->rows->nrows ? a->rows->rows[sel].node : -1;
    int keep = mismo_nodo(p, old, node);
    ArbolFilas *rows = arbol_filas_new(p);
    arbol_filas_free(a->rows);
    plan_free(old);
    a->plan = p;
    a->rows = rows;
    arbol_filas_rebuild(rows);
    a->lista.sel = arbol_filas_rebuild_keep(rows, sel, keep);
    ui_plan_presupuestos_invalidate(a);
    a->plan_gen++;
    if (a->carga_corte) {   /* the last corte with seguimiento, over the whole plan */
        a->corte = calc_ultimo_corte_con_datos(p);
        if (a->corte < 1)
            a->corte = 1;
    }
}

void ui_carga_completar(App *a)
{
    if (!a->carga)
        return;
    /* the wait is shown: progress every 25 ms (a frame costs ~1 ms) */
    while (!carga_lista(a->carga)) {
        progreso(a);
        if (a->redraw)
            a->redraw(a);
        napms(25);
    }
    char *aviso = NULL;
    PoaErr err = {{0}};
    Plan *p = carga_esperar(a->carga, &aviso, &err);
    carga_free(a->carga);
    a->carga = NULL;
    if (!a->guion)
        timeout(-1);   /* keys block again (ui_carga_empezar set a tick) */
    if (!p) {
        /* the first page stays, its totals pending; nothing is written */
        snprintf(a->solo_lectura, sizeof a->solo_lectura, "%s", "solo lectura — plan incompleto");
        ui_status(a, true, "No se pudo leer el plan entero: %s", err.msg);
        free(aviso);
        return;
    }
    reemplazar(a, p);
    if (aviso) {
        /* a damaged file (quick_check): shown, read only (db.h's rule) */
        snprintf(a->solo_lectura, sizeof a->solo_lectura, "%s", "solo lectura — archivo dañado");
        ui_status(a, true, "%s", aviso);
        free(aviso);
    } else if (strncmp(a->status, "Cargando el plan", 16) == 0) {
        ui_status(a, false, "%s: %d %s. F1 muestra las teclas.", a->carga_ruta, p->nacts,
                  num_plural(p->nacts, "actividad", "actividades"));
    }
}

void ui_carga_sondear(App *a)
{
    if (!a->carga || a->guion)   /* a script swaps only where it asks (:cargar) */
        return;
    if (carga_lista(a->carga))
        ui_carga_completar(a);
    else
        progreso(a);
}

bool ui_carga_empezar(App *a, const char *path, bool completo)
{
    (void)completo;
    PoaErr err = {{0}};
    a->carga_ruta = xstrdup(path);
    a->carga_completar = ui_carga_completar;
    a->carga = carga_new(path, a->plan->id, &err);
    if (!a->carga) {   /* no thread: the whole plan here, as before */
        Plan *p = store_load(a->db, a->plan->id, &err);
        if (!p) {
            ui_status(a, true, "No se pudo leer el plan entero: %s", err.msg);
            return false;
        }
        reemplazar(a, p);
        return true;
    }
    if (!a->guion)
        timeout(100);   /* the loop polls the loader between keys */
    progreso(a);
    return true;
}

bool ui_carga_recordado(const App *a, const char *path)
{
    if (!a->cfg->recordar)
        return false;
    char *ruta = estado_ruta(path, a->plan->id);
    bool hay = file_exists(ruta);
    free(ruta);
    return hay;
}

void ui_carga_free(App *a)
{
    carga_free(a->carga);
    a->carga = NULL;
    free(a->carga_ruta);
    a->carga_ruta = NULL;
}
