/* ui_plan.c — the plan screen: its requests (folding, the tree's left and
 * right, search and filters, the edits through cmd.c, one transaction each;
 * the cronograma's in ui_plan_meses.c) and its hooks. Handlers return UI_*
 * flags; the main loop redraws. Drawing is in ui_plan_draw.c. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "deshacer.h"
#include "ruta.h"
#include "u8.h"
#include "ui_plan.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;
static const int REBUILD = UI_HANDLED | UI_REDRAW | UI_REBUILD;

/* ---- the tree ---- */

static int on_left(App *a, int k)
{
    (void)k;
    int n = ui_sel_node(a);
    if (n <= 0)
        return MOVE;
    if (a->rows->expanded[n] && arbol_filas_nkids(a->plan, n) > 0) {
        a->rows->expanded[n] = 0;
        return REBUILD;
    }
    int parent = cmd_visible_parent(a->plan, n);
    if (parent > 0) {
        int ix = arbol_filas_find(a->rows, parent);
        if (ix >= 0)
            a->lista.sel = ix;
    }
    return MOVE;
}

static int on_right(App *a, int k)
{
    (void)k;
    int n = ui_sel_node(a);
    if (n <= 0 || arbol_filas_nkids(a->plan, n) == 0)
        return MOVE;
    if (!a->rows->expanded[n]) {
        a->rows->expanded[n] = 1;
        return REBUILD;
    }
    if (a->lista.sel + 1 < a->rows->nrows)
        a->lista.sel++;
    return MOVE;
}

static int on_mes_left(App *a, int k) { (void)k; if (a->mes > 0) a->mes--; return MOVE; }
static int on_mes_right(App *a, int k) { (void)k; if (a->mes < POA_MESES - 1) a->mes++; return MOVE; }

static int on_focus(App *a, int k)
{
    (void)k;
    a->focus = a->focus == FOCUS_TREE ? FOCUS_GRID : FOCUS_TREE;
    if (a->focus == FOCUS_GRID && a->extra)
        a->extra = false;   /* the grid must be on screen to edit it */
    return MOVE;
}

static int on_columns(App *a, int k)
{
    (void)k;
    ui_plan_layout(a);
    if (a->grid_x >= 0 && a->extra_x >= 0) {
        ui_status(a, false, "Todas las columnas ya están a la vista");
        return MOVE;
    }
    a->extra = !a->extra;
    if (a->extra)
        a->focus = FOCUS_TREE;
    return MOVE;
}

/* ---- folding ---- */

static int on_toggle(App *a, int k)
{
    (void)k;
    int n = ui_sel_node(a);
    if (n <= 0 || arbol_filas_nkids(a->plan, n) == 0)
        return MOVE;
    a->rows->expanded[n] = !a->rows->expanded[n];
    return REBUILD;
}

static int on_expand(App *a, int k)
{
    (void)k;
    int n = ui_sel_node(a);
    if (n > 0)
        a->rows->expanded[n] = 1;
    return REBUILD;
}

static int on_collapse(App *a, int k)
{
    (void)k;
    int n = ui_sel_node(a);
    if (n > 0)
        a->rows->expanded[n] = 0;
    return REBUILD;
}

static int on_all(App *a, int k)
{
    (void)k;
    /* all expanded already (every shown row is open or a leaf) -> fold all */
    bool all = true;
    for (int i = 0; i < a->rows->nrows && all; i++) {
        int n = a->rows->rows[i].node;
        all = a->rows->expanded[n] || arbol_filas_nkids(a->plan, n) == 0;
    }
    int n = ui_sel_node(a);
    arbol_filas_expand_all(a->rows, !all);
    if (all) {
        /* keep the top-level row that held the selection */
        while (n > 0 && cmd_visible_parent(a->plan, n) > 0)
            n = cmd_visible_parent(a->plan, n);
        arbol_filas_rebuild(a->rows);
        int ix = arbol_filas_find(a->rows, n);
        a->lista.sel = ix >= 0 ? ix : 0;
    }
    return REBUILD;
}

/* ---- filters (search, goto and the state filter: ui_plan_ver.c) ---- */

static void after_filter(App *a, int node)
{
    arbol_filas_rebuild(a->rows);
    int ix = node > 0 ? arbol_filas_find(a->rows, node) : -1;
    a->lista.sel = ix >= 0 ? ix : 0;
    a->lista.top = 0;
}

static int on_unidad(App *a, int k)
{
    (void)k;
    Plan *p = a->plan;
    char **items = xmalloc(sizeof(char *) * (size_t)(p->nunidades + 1));
    items[0] = xstrdup("Todas las unidades");
    for (int i = 0; i < p->nunidades; i++)
        items[i + 1] = p->unidades[i].nombre;
    int pick = ui_pick(a, "Filtrar por unidad", items, p->nunidades + 1, a->rows->filtro_unidad + 1);
    free(items[0]);
    free(items);
    if (pick < 0)
        return MOVE;
    int node = ui_sel_node(a);
    arbol_filas_set_filter(a->rows, pick - 1, a->rows->filtro_resp);
    after_filter(a, node);
    if (pick == 0)
        ui_status(a, false, "Todas las unidades");
    else
        ui_status(a, false, "Unidad: %s (%d %s; Esc quita el filtro)", p->unidades[pick - 1].nombre,
                  a->rows->nrows, num_plural(a->rows->nrows, "fila", "filas"));
    return REBUILD;
}

static int on_resp(App *a, int k)
{
    (void)k;
    int n;
    char **list = arbol_filas_responsables(a->plan, &n);
    char **items = xmalloc(sizeof(char *) * (size_t)(n + 1));
    items[0] = "Todos los responsables";
    int initial = 0;
    for (int i = 0; i < n; i++) {
        items[i + 1] = list[i];
        if (a->rows->filtro_resp && strcmp(list[i], a->rows->filtro_resp) == 0)
            initial = i + 1;
    }
    int pick = ui_pick(a, "Filtrar por responsable", items, n + 1, initial);
    int node = ui_sel_node(a);
    if (pick >= 0) {
        arbol_filas_set_filter(a->rows, a->rows->filtro_unidad, pick > 0 ? list[pick - 1] : NULL);
        after_filter(a, node);
        ui_status(a, false, pick ? "Responsable: %s (Esc quita el filtro)" : "%s", items[pick]);
    }
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);
    free(items);
    return REBUILD;
}

static int on_clear(App *a, int k)
{
    (void)k;
    if (!arbol_filas_filtrado(a->rows))
        return MOVE;
    int node = ui_sel_node(a);
    arbol_filas_set_estado(a->rows, 0, a->corte, &a->cfg->umbrales);
    arbol_filas_set_filter(a->rows, -1, NULL);
    after_filter(a, node);
    ui_status(a, false, "Sin filtros");
    return REBUILD;
}

/* ---- edits ---- */

static int need_node(App *a)
{
    int n = ui_sel_node(a);
    if (n <= 0)
        ui_status(a, true, "No hay un elemento seleccionado");
    return n;
}

/* A field with a fixed set of values (tipo de meta, sentido): chosen from
 * a list that opens on the present one, not typed. */
static int pick_field(App *a, int n, CmdCampo c, const char *const *op)
{
    char *old = cmd_campo_valor(a->plan, n, c);
    int cnt = 0, initial = 0;
    for (; op[cnt]; cnt++)
        if (strcmp(op[cnt], old) == 0)
            initial = cnt;
    free(old);
    int pick = ui_pick(a, cmd_campo_nombre(c), (char *const *)op, cnt, initial);
    if (pick < 0) {
        ui_status(a, false, "Edición cancelada");
        return a->quit ? UI_QUIT : UI_HANDLED | UI_REDRAW;
    }
    PoaErr err = {{0}};
    return ui_plan_saved(a, cmd_set_campo(a->db, a->plan, n, c, op[pick], &err), &err);
}

static int edit_field(App *a, int n, CmdCampo c)
{
    const char *const *op = cmd_campo_opciones(c);
    if (op)
        return pick_field(a, n, c, op);
    char *old = cmd_campo_valor(a->plan, n, c);
    char prompt[128];
    snprintf(prompt, sizeof prompt, "%s:", cmd_campo_nombre(c));
    char *v;
    int r;
    bool ok = ui_edit_value(a, prompt, old, &v, &r);
    free(old);
    if (!ok)
        return r;
    PoaErr err = {{0}};
    r = ui_plan_saved(a, cmd_set_campo_tecleado(a->db, a->plan, n, c, v, &err), &err);
    arbol_filas_mask_update(a->rows, n);   /* quarterly targets change the grid */
    free(v);
    return r;
}

static int on_edit(App *a, int k)
{
    (void)k;
    int n = need_node(a);
    return n > 0 ? edit_field(a, n, CAMPO_TEXTO) : MOVE;
}

static int on_fields(App *a, int k)
{
    (void)k;
    int n = need_node(a);
    if (n <= 0)
        return MOVE;
    Plan *p = a->plan;
    char *items[CAMPO_N + 1];
    int which[CAMPO_N + 1], cnt = 0;
    for (int c = 0; c < CAMPO_N; c++) {
        if (!cmd_campo_aplica(p->nodes[n].kind, (CmdCampo)c))
            continue;
        char *v = cmd_campo_valor(p, n, (CmdCampo)c);
        items[cnt] = xasprintf("%-20s %s", cmd_campo_nombre((CmdCampo)c), v);
        free(v);
        which[cnt++] = c;
    }
    if (p->nodes[n].kind == NODE_META) {
        int u = p->nodes[n].unidad;
        items[cnt] = xasprintf("%-20s %s", "Unidad", u >= 0 ? p->unidades[u].nombre : "");
        which[cnt++] = -1;
    }
    int pick = ui_pick(a, "Campo a editar", items, cnt, 0);
    for (int i = 0; i < cnt; i++)
        free(items[i]);
    if (pick < 0)
        return MOVE;
    if (which[pick] >= 0)
        return edit_field(a, n, (CmdCampo)which[pick]);
    int u = ui_pick_unidad_nueva(a, "Unidad de la meta operativa", p->nodes[n].unidad);
    if (u < 0)
        return MOVE;
    PoaErr err = {{0}};
    return ui_plan_saved(a, cmd_set_unidad(a->db, p, n, u, &err), &err);
}

/* a and A: the levels possible there (ui_plan_agregar.c) */
static int on_add_sibling(App *a, int k) { (void)k; return ui_plan_add(a, false); }
static int on_add_child(App *a, int k) { (void)k; return ui_plan_add(a, true); }

static int on_delete(App *a, int k)
{
    (void)k;
    int n = need_node(a);
    if (n <= 0)
        return MOVE;
    Plan *p = a->plan;
    CmdCuenta c;
    cmd_count_subtree(p, n, &c);
    char q[512], t[64], cuenta[160], l2[256];
    u8_fit_copy(p->nodes[n].texto, 40, false, t, sizeof t);
    snprintf(q, sizeof q, "¿Borrar %s %s%s«%s»?", node_kind_name(p->nodes[n].kind),
             p->nodes[n].codigo, p->nodes[n].codigo[0] ? " " : "", t);
    if (c.total)
        snprintf(l2, sizeof l2, "Se borran también %s.", cmd_cuenta_texto(&c, cuenta, sizeof cuenta));
    else
        snprintf(l2, sizeof l2, "No contiene otros elementos.");
    if (!ui_confirm(a, q, l2)) {
        ui_status(a, false, "No se borró nada");
        return MOVE;
    }
    int parent = p->nodes[n].parent;
    PoaErr err = {{0}};
    bool ok = cmd_delete(a->db, p, n, &err);
    if (ok)
        arbol_filas_mask_update(a->rows, parent);
    int r = ui_plan_saved(a, ok, &err);
    if (ok) {
        arbol_filas_rebuild(a->rows);   /* selection stays at the same place: the next row */
        if (a->lista.sel >= a->rows->nrows)
            a->lista.sel = a->rows->nrows - 1;
    }
    return r;
}

static int move_sibling(App *a, int delta)
{
    int n = need_node(a);
    if (n <= 0)
        return MOVE;
    PoaErr err = {{0}};
    bool ok = cmd_move(a->db, a->plan, n, delta, &err);
    if (!ok && strstr(err.msg, "de su nivel")) {
        ui_status(a, true, "%s", err.msg);
        return MOVE;
    }
    int r = ui_plan_saved(a, ok, &err);
    arbol_filas_rebuild(a->rows);
    int ix = arbol_filas_find(a->rows, n);
    if (ix >= 0)
        a->lista.sel = ix;
    return r;
}

static int on_move_up(App *a, int k) { (void)k; return move_sibling(a, -1); }
static int on_move_down(App *a, int k) { (void)k; return move_sibling(a, +1); }

static int on_move_to(App *a, int k)
{
    (void)k;
    int n = need_node(a);
    if (n <= 0)
        return MOVE;
    Plan *p = a->plan;
    IntVec cand = {0};
    for (int i = 1; i < p->nnodes; i++)
        if (!p->nodes[i].deleted && cmd_can_move_to(p, n, i))
            iv_push(&cand, i);
    if (!cand.n) {
        ui_status(a, true, "No hay otro lugar adonde mover %s", node_kind_name(p->nodes[n].kind));
        return MOVE;
    }
    char **items = xmalloc(sizeof(char *) * (size_t)cand.n);
    /* each place by its path, so three metas of one unit read apart */
    for (int i = 0; i < cand.n; i++)
        items[i] = ruta_node_texto(p, cand.v[i], ui_pick_ancho(a), a->utf8);
    char title[128];
    snprintf(title, sizeof title, "Mover %s a…", node_kind_name(p->nodes[n].kind));
    int pick = ui_pick(a, title, items, cand.n, 0);
    for (int i = 0; i < cand.n; i++)
        free(items[i]);
    free(items);
    int r = MOVE;
    if (pick >= 0) {
        int old = p->nodes[n].parent;
        PoaErr err = {{0}};
        bool ok = cmd_move_to(a->db, p, n, cand.v[pick], &err);
        arbol_filas_sync(a->rows);
        if (ok) {
            arbol_filas_mask_update(a->rows, old);
            arbol_filas_mask_update(a->rows, n);
            arbol_filas_select(a->rows, n, &a->lista.sel);
        }
        r = ui_plan_saved(a, ok, &err);
    }
    iv_free(&cand);
    return r;
}

static int on_renumber(App *a, int k)
{
    (void)k;
    int n = need_node(a);
    if (n <= 0)
        return MOVE;
    PoaErr err = {{0}};
    int changed = 0;
    bool ok = cmd_renumber(a->db, a->plan, n, &changed, &err);
    int r = ui_plan_saved(a, ok, &err);
    if (ok && !changed)   /* nothing was written: «Guardado» would say otherwise */
        ui_status(a, false, "Los códigos ya estaban en orden: no se cambió nada");
    else if (ok)
        ui_status(a, false, "Guardado: %d código%s nuevo%s", changed, changed == 1 ? "" : "s",
                  changed == 1 ? "" : "s");
    return r;
}

/* ---- the grid ---- */


/* ---- the screen ---- */

static int plan_request(App *a, UiReq req, int key)
{
    int marcas = ui_plan_marcas_request(a, req, key);   /* also d, m, E… on marked rows */
    if (marcas != UI_NOT_MINE)
        return marcas;
    switch (req) {
    case REQ_LEFT: return on_left(a, key);
    case REQ_RIGHT: return on_right(a, key);
    case REQ_MES_PREV: return on_mes_left(a, key);
    case REQ_MES_NEXT: return on_mes_right(a, key);
    case REQ_FOCUS: return on_focus(a, key);
    case REQ_COLUMNS: return on_columns(a, key);
    case REQ_TOGGLE: return on_toggle(a, key);
    case REQ_EXPAND: return on_expand(a, key);
    case REQ_COLLAPSE: return on_collapse(a, key);
    case REQ_EXPAND_ALL: return on_all(a, key);
    case REQ_FILTER_UNIDAD: return on_unidad(a, key);
    case REQ_FILTER_RESP: return on_resp(a, key);
    case REQ_FILTER_CLEAR: return on_clear(a, key);
    case REQ_EDIT: return on_edit(a, key);
    case REQ_FIELDS: return on_fields(a, key);
    case REQ_ADD_SIBLING: return on_add_sibling(a, key);
    case REQ_ADD_CHILD: return on_add_child(a, key);
    case REQ_DELETE: return on_delete(a, key);
    case REQ_MOVE_UP: return on_move_up(a, key);
    case REQ_MOVE_DOWN: return on_move_down(a, key);
    case REQ_MOVE_TO: return on_move_to(a, key);
    case REQ_RENUMBER: return on_renumber(a, key);
    default: {
        int r = ui_plan_ver_request(a, req, key);
        return r != UI_NOT_MINE ? r : ui_plan_meses_request(a, req, key);
    }
    }
}

static Lista *plan_list(App *a)
{
    a->lista.n = a->rows->nrows;
    return &a->lista;
}

/* After an undo: only what it touched, the month masks of those nodes and
 * their ancestors; a filter only when the tree changed under it. */
static void plan_changed(App *a, UiCambio what, bool showing)
{
    const DeshacerInfo *info = a->deshecho;
    if (what == UI_CAMBIO_RECARGADO)
        ui_plan_marcas_clear(a, false);

    if (what == UI_CAMBIO_CORTE)
        ui_plan_ver_refiltrar(a);   /* the states are judged at the corte */
    if (what != UI_CAMBIO_CORTE)
        ui_plan_presupuestos_invalidate(a);
    if (what != UI_CAMBIO_DESHECHO || !info)
        return;
    arbol_filas_sync(a->rows);
    for (int i = 0; i < info->nodos.n; i++)
        arbol_filas_mask_update(a->rows, info->nodos.v[i]);
    if (info->estructura && arbol_filas_filtrado(a->rows)) {
        char *resp = a->rows->filtro_resp ? xstrdup(a->rows->filtro_resp) : NULL;
        arbol_filas_set_filter(a->rows, a->rows->filtro_unidad, resp);
        free(resp);
    }
    /* on the plan, show where the change went back to */
    if (showing && info->nodos.n > 0 && !a->plan->nodes[info->nodos.v[0]].deleted &&
        arbol_filas_is_shown(a->rows, info->nodos.v[0]))
        arbol_filas_select(a->rows, info->nodos.v[0], &a->lista.sel);
}

/* Back on the plan: the tree selects the actividad last seen there. */
static bool plan_open(App *a, Vista from, const UiPedido *p)
{
    (void)from;
    int node = p->nodo;
    ui_plan_ver_refiltrar(a);   /* seguimiento may have been edited there */
    if (node > 0 && !a->plan->nodes[node].deleted)
        arbol_filas_select(a->rows, node, &a->lista.sel);
    a->lista.sel = arbol_filas_rebuild_keep(a->rows, a->lista.sel, ui_sel_node(a));
    return true;
}

static int plan_foco(const App *a)
{
    int n = ui_sel_node(a);
    return n > 0 ? n : -1;
}

const UiScreen UI_SCREEN_PLAN = {
    .vista = VISTA_PLAN,
    .draw = ui_plan_draw,
    .request = plan_request,
    .list = plan_list,
    .changed = plan_changed,
    .open = plan_open,
    .foco = plan_foco,
    .position = ui_plan_position,
};
