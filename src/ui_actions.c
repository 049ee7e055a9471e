/* ui_actions.c — the handlers named in the key table: movement, folding,
 * search and filters, and the edits (through cmd.c, one transaction each).
 * Handlers return UI_* flags; the main loop redraws. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "deshacer.h"
#include "u8.h"
#include "ui_app.h"
#include "ui_seg.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;
static const int REBUILD = UI_HANDLED | UI_REDRAW | UI_REBUILD;

static void select_node(App *a, int node)
{
    arbol_filas_reveal(a->rows, node);
    arbol_filas_rebuild(a->rows);
    int ix = arbol_filas_find(a->rows, node);
    if (ix >= 0)
        a->sel = ix;
}

static int saved(App *a, bool ok, PoaErr *err)
{
    a->plan_gen++;   /* even a refused edit may have refreshed state from the file */
    if (ok)
        ui_status(a, false, "Guardado");
    else
        ui_status(a, true, "No se guardó: %s", err->msg);
    return REBUILD;
}

/* ---- movement ---- */

int ui_act_up(App *a, int k) { (void)k; if (a->sel > 0) a->sel--; return MOVE; }
int ui_act_down(App *a, int k)
{
    (void)k;
    if (a->sel + 1 < a->rows->nrows)
        a->sel++;
    return MOVE;
}
int ui_act_pgup(App *a, int k)
{
    (void)k;
    a->sel -= a->list_h - 1;
    a->top -= a->list_h - 1;
    if (a->top < 0)
        a->top = 0;
    if (a->sel < 0)
        a->sel = 0;
    return MOVE;
}
int ui_act_pgdn(App *a, int k)
{
    (void)k;
    a->sel += a->list_h - 1;
    a->top += a->list_h - 1;
    if (a->sel >= a->rows->nrows)
        a->sel = a->rows->nrows - 1;
    if (a->sel < 0)
        a->sel = 0;
    return MOVE;
}
int ui_act_home(App *a, int k) { (void)k; a->sel = 0; return MOVE; }
int ui_act_end(App *a, int k) { (void)k; a->sel = a->rows->nrows > 0 ? a->rows->nrows - 1 : 0; return MOVE; }

int ui_act_left(App *a, int k)
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
            a->sel = ix;
    }
    return MOVE;
}

int ui_act_right(App *a, int k)
{
    (void)k;
    int n = ui_sel_node(a);
    if (n <= 0 || arbol_filas_nkids(a->plan, n) == 0)
        return MOVE;
    if (!a->rows->expanded[n]) {
        a->rows->expanded[n] = 1;
        return REBUILD;
    }
    if (a->sel + 1 < a->rows->nrows)
        a->sel++;
    return MOVE;
}

int ui_act_mes_left(App *a, int k) { (void)k; if (a->mes > 0) a->mes--; return MOVE; }
int ui_act_mes_right(App *a, int k) { (void)k; if (a->mes < POA_MESES - 1) a->mes++; return MOVE; }

int ui_act_focus(App *a, int k)
{
    (void)k;
    a->focus = a->focus == FOCUS_TREE ? FOCUS_GRID : FOCUS_TREE;
    if (a->focus == FOCUS_GRID && a->extra)
        a->extra = false;   /* the grid must be on screen to edit it */
    return MOVE;
}

int ui_act_columns(App *a, int k)
{
    (void)k;
    ui_layout(a);
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

int ui_act_toggle(App *a, int k)
{
    (void)k;
    int n = ui_sel_node(a);
    if (n <= 0 || arbol_filas_nkids(a->plan, n) == 0)
        return MOVE;
    a->rows->expanded[n] = !a->rows->expanded[n];
    return REBUILD;
}

int ui_act_expand(App *a, int k)
{
    (void)k;
    int n = ui_sel_node(a);
    if (n > 0)
        a->rows->expanded[n] = 1;
    return REBUILD;
}

int ui_act_collapse(App *a, int k)
{
    (void)k;
    int n = ui_sel_node(a);
    if (n > 0)
        a->rows->expanded[n] = 0;
    return REBUILD;
}

int ui_act_all(App *a, int k)
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
        a->sel = ix >= 0 ? ix : 0;
    }
    return REBUILD;
}

/* ---- search and filters ---- */

static int search_from(App *a, int dir)
{
    if (!a->busqueda) {
        ui_status(a, false, "Primero busque con /");
        return MOVE;
    }
    int n = arbol_filas_search(a->rows, a->busqueda, ui_sel_node(a), dir);
    if (n < 0) {
        ui_status(a, true, "No se encontró «%s»", a->busqueda);
        return MOVE;
    }
    select_node(a, n);
    ui_status(a, false, "«%s»: n siguiente, N anterior", a->busqueda);
    return REBUILD;
}

int ui_act_search(App *a, int k)
{
    (void)k;
    char *s;
    /* starts empty, as in vi and less; an empty Enter repeats the last search */
    if (!ui_edit_line(a, "Buscar:", "", &s))
        return a->quit ? UI_QUIT : MOVE;
    if (*s) {
        free(a->busqueda);
        a->busqueda = s;
    } else {
        free(s);
    }
    return search_from(a, +1);
}

int ui_act_next(App *a, int k) { (void)k; return search_from(a, +1); }
int ui_act_prev(App *a, int k) { (void)k; return search_from(a, -1); }

static void after_filter(App *a, int node)
{
    arbol_filas_rebuild(a->rows);
    int ix = node > 0 ? arbol_filas_find(a->rows, node) : -1;
    a->sel = ix >= 0 ? ix : 0;
    a->top = 0;
}

int ui_act_unidad(App *a, int k)
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
        ui_status(a, false, "Unidad: %s (%d filas; Esc quita el filtro)", p->unidades[pick - 1].nombre,
                  a->rows->nrows);
    return REBUILD;
}

int ui_act_resp(App *a, int k)
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

int ui_act_clear(App *a, int k)
{
    (void)k;
    if (a->rows->filtro_unidad < 0 && !a->rows->filtro_resp)
        return MOVE;
    int node = ui_sel_node(a);
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

static int edit_field(App *a, int n, CmdCampo c)
{
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
    r = saved(a, cmd_set_campo(a->db, a->plan, n, c, v, &err), &err);
    arbol_filas_mask_update(a->rows, n);   /* quarterly targets change the grid */
    free(v);
    return r;
}

int ui_act_edit(App *a, int k)
{
    (void)k;
    int n = need_node(a);
    return n > 0 ? edit_field(a, n, CAMPO_TEXTO) : MOVE;
}

static int pick_unidad(App *a, const char *title, int initial)
{
    Plan *p = a->plan;
    if (p->nunidades == 0) {
        ui_status(a, true, "El plan no tiene unidades");
        return -1;
    }
    char **items = xmalloc(sizeof(char *) * (size_t)p->nunidades);
    for (int i = 0; i < p->nunidades; i++)
        items[i] = p->unidades[i].nombre;
    int pick = ui_pick(a, title, items, p->nunidades, initial);
    free(items);
    return pick;
}

int ui_act_fields(App *a, int k)
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
    int u = pick_unidad(a, "Unidad de la meta operativa", p->nodes[n].unidad);
    if (u < 0)
        return MOVE;
    PoaErr err = {{0}};
    return saved(a, cmd_set_unidad(a->db, p, n, u, &err), &err);
}

/* The code a new node would most likely get: the one after the previous
 * sibling's ("1.3" after "1.2"), or the parent's code and ".1". */
static char *suggest_code(const Plan *p, int prev, int parent, NodeKind kind)
{
    if (!cmd_campo_aplica(kind, CAMPO_CODIGO))
        return xstrdup("");
    if (prev > 0 && p->nodes[prev].codigo[0]) {
        /* step past the codes the siblings already use ("AO.3.2" after
         * "AO.3.1" when AO.3.2 exists further down) */
        char *code = cmd_codigo_siguiente(p->nodes[prev].codigo);
        const IntVec *sib = &p->nodes[p->nodes[prev].parent].kids;
        for (int guard = 0; *code && guard < 10000; guard++) {
            bool used = false;
            for (int i = 0; i < sib->n && !used; i++)
                used = strcmp(p->nodes[sib->v[i]].codigo, code) == 0;
            if (!used)
                break;
            char *next = cmd_codigo_siguiente(code);
            free(code);
            code = next;
        }
        return code;
    }
    if (kind == NODE_ACTIVIDAD && parent > 0 && p->nodes[parent].codigo[0])
        return xasprintf("%s.1", p->nodes[parent].codigo);
    return xstrdup("");
}

static int add(App *a, bool as_child)
{
    Plan *p = a->plan;
    int ref = ui_sel_node(a);
    if (ref <= 0) {   /* empty plan (or empty filter): a child of the plan */
        ref = 0;
        as_child = true;
    }
    NodeKind kind = as_child ? cmd_child_kind(p, ref) : p->nodes[ref].kind;
    if (kind == NODE_RAIZ) {
        ui_status(a, true, "Una actividad no tiene elementos dentro: use «a» para otra actividad");
        return MOVE;
    }
    int unidad = -1;
    if (kind == NODE_META) {
        int init = a->rows->filtro_unidad >= 0 ? a->rows->filtro_unidad : p->nodes[ref].unidad;
        unidad = pick_unidad(a, "Unidad de la nueva meta operativa", init < 0 ? 0 : init);
        if (unidad < 0)
            return MOVE;
    }
    int vparent = as_child ? ref : cmd_visible_parent(p, ref);
    int prev = ref;
    if (as_child) {
        IntVec kids = {0};
        arbol_filas_kids(p, ref, &kids);
        prev = kids.n ? kids.v[kids.n - 1] : 0;
        iv_free(&kids);
    }
    char *code = suggest_code(p, prev, vparent, kind);
    char prompt[160];
    bool fem = kind == NODE_META || kind == NODE_ACTIVIDAD;
    snprintf(prompt, sizeof prompt, "%s %s%s%s — texto%s:", fem ? "Nueva" : "Nuevo", node_kind_name(kind),
             code[0] ? " " : "", code, kind == NODE_META ? " (puede quedar vacío)" : "");
    char *text;
    if (!ui_edit_line(a, prompt, "", &text)) {
        free(code);
        if (a->quit)
            return UI_QUIT;
        ui_status(a, false, "No se agregó nada");
        return MOVE;
    }
    PoaErr err = {{0}};
    int made = -1;
    bool ok = cmd_add(a->db, p, ref, as_child, unidad, code, text, &made, &err);
    free(code);
    free(text);
    arbol_filas_sync(a->rows);
    if (ok) {
        arbol_filas_mask_update(a->rows, made);
        select_node(a, made);
    }
    return saved(a, ok, &err);
}

int ui_act_add_sibling(App *a, int k) { (void)k; return add(a, false); }
int ui_act_add_child(App *a, int k) { (void)k; return add(a, true); }

int ui_act_delete(App *a, int k)
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
    int r = saved(a, ok, &err);
    if (ok) {
        arbol_filas_rebuild(a->rows);   /* selection stays at the same place: the next row */
        if (a->sel >= a->rows->nrows)
            a->sel = a->rows->nrows - 1;
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
    int r = saved(a, ok, &err);
    arbol_filas_rebuild(a->rows);
    int ix = arbol_filas_find(a->rows, n);
    if (ix >= 0)
        a->sel = ix;
    return r;
}

int ui_act_move_up(App *a, int k) { (void)k; return move_sibling(a, -1); }
int ui_act_move_down(App *a, int k) { (void)k; return move_sibling(a, +1); }

int ui_act_move_to(App *a, int k)
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
    for (int i = 0; i < cand.n; i++) {
        const Node *c = &p->nodes[cand.v[i]];
        const char *u = c->unidad >= 0 ? p->unidades[c->unidad].nombre : "";
        if (c->kind == NODE_META)
            items[i] = xasprintf("%s%s%s", u, c->texto[0] ? ": " : "", c->texto);
        else
            items[i] = xasprintf("%s%s%s%s%s%s", c->codigo, c->codigo[0] ? " " : "", c->texto,
                                 u[0] ? " (" : "", u, u[0] ? ")" : "");
    }
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
            select_node(a, n);
        }
        r = saved(a, ok, &err);
    }
    iv_free(&cand);
    return r;
}

int ui_act_renumber(App *a, int k)
{
    (void)k;
    int n = need_node(a);
    if (n <= 0)
        return MOVE;
    PoaErr err = {{0}};
    int changed = 0;
    bool ok = cmd_renumber(a->db, a->plan, n, &changed, &err);
    int r = saved(a, ok, &err);
    if (ok)
        ui_status(a, false, "Guardado: %d código%s nuevo%s", changed, changed == 1 ? "" : "s",
                  changed == 1 ? "" : "s");
    return r;
}

/* ---- the grid ---- */

static int need_act(App *a)
{
    int n = ui_sel_node(a);
    if (n <= 0 || a->plan->nodes[n].kind != NODE_ACTIVIDAD) {
        ui_status(a, true, "Solo las actividades tienen cronograma (p pega en todas las de una rama)");
        return 0;
    }
    return n;
}

static int month_saved(App *a, int n, bool ok, PoaErr *err)
{
    arbol_filas_mask_update(a->rows, n);
    saved(a, ok, err);
    return MOVE;   /* the rows did not change */
}

int ui_act_mark(App *a, int k)
{
    (void)k;
    int n = need_act(a);
    if (!n)
        return MOVE;
    const MesCell *c = &plan_act(a->plan, n)->mes[a->mes];
    MesCell nc = c->kind == CELL_VACIA ? (MesCell){CELL_X, 1} : (MesCell){CELL_VACIA, 0};
    PoaErr err = {{0}};
    return month_saved(a, n, cmd_set_mes(a->db, a->plan, n, a->mes, nc, &err), &err);
}

int ui_act_qty(App *a, int k)
{
    int n = need_act(a);
    if (!n)
        return MOVE;
    char init[2] = {(char)k, 0}, prompt[64];
    snprintf(prompt, sizeof prompt, "Cantidad de %s (x, número o vacío):", POA_MES_CORTO[a->mes]);
    char *v;
    if (!ui_edit_line(a, prompt, init, &v))
        return a->quit ? UI_QUIT : MOVE;
    MesCell c;
    PoaErr err = {{0}};
    if (!mes_cell_parse(v, &c)) {
        ui_status(a, true, "«%s» no es una cantidad: use x, un número mayor o igual que 0, o nada", v);
        free(v);
        return MOVE;
    }
    free(v);
    return month_saved(a, n, cmd_set_mes(a->db, a->plan, n, a->mes, c, &err), &err);
}

int ui_act_clear_cell(App *a, int k)
{
    (void)k;
    int n = need_act(a);
    if (!n)
        return MOVE;
    PoaErr err = {{0}};
    return month_saved(a, n, cmd_set_mes(a->db, a->plan, n, a->mes, (MesCell){CELL_VACIA, 0}, &err),
                       &err);
}

static int fill(App *a, bool quarter, bool on)
{
    int n = need_act(a);
    if (!n)
        return MOVE;
    int from = quarter ? a->mes / 3 * 3 : 0, to = quarter ? from + 2 : POA_MESES - 1;
    PoaErr err = {{0}};
    return month_saved(a, n, cmd_fill_meses(a->db, a->plan, n, from, to, on, &err), &err);
}

int ui_act_fill_q(App *a, int k) { (void)k; return fill(a, true, true); }
int ui_act_clear_q(App *a, int k) { (void)k; return fill(a, true, false); }
int ui_act_fill_y(App *a, int k) { (void)k; return fill(a, false, true); }
int ui_act_clear_y(App *a, int k) { (void)k; return fill(a, false, false); }

int ui_act_copy(App *a, int k)
{
    (void)k;
    int n = need_act(a);
    if (!n)
        return MOVE;
    memcpy(a->clip, plan_act(a->plan, n)->mes, sizeof a->clip);
    a->has_clip = true;
    ui_status(a, false, "Cronograma copiado: p lo pega en otra fila");
    return MOVE;
}

static void collect(Plan *p, int node, void *ctx)
{
    (void)p;
    iv_push(ctx, node);
}

int ui_act_paste(App *a, int k)
{
    (void)k;
    int n = need_node(a);
    if (n <= 0)
        return MOVE;
    if (!a->has_clip) {
        ui_status(a, true, "Primero copie un cronograma con c");
        return MOVE;
    }
    Plan *p = a->plan;
    IntVec dst = {0};
    plan_each_actividad(p, n, collect, &dst);
    if (!dst.n) {
        ui_status(a, true, "No hay actividades aquí");
        return MOVE;
    }
    if (dst.n > 1) {
        char q[160];
        snprintf(q, sizeof q, "¿Pegar el cronograma copiado en %d actividades?", dst.n);
        if (!ui_confirm(a, q, "Se reemplazan sus doce meses.")) {
            iv_free(&dst);
            return MOVE;
        }
    }
    PoaErr err = {{0}};
    bool ok = cmd_set_pattern(a->db, p, a->clip, dst.v, dst.n, &err);
    for (int i = 0; i < dst.n; i++)
        arbol_filas_mask_update(a->rows, dst.v[i]);
    iv_free(&dst);
    return month_saved(a, n, ok, &err);
}

int ui_act_help(App *a, int k)
{
    (void)k;
    ui_help(a);
    return MOVE;
}

int ui_act_redraw(App *a, int k)
{
    (void)a;
    (void)k;
    clearok(curscr, TRUE);
    return MOVE;
}

int ui_act_quit(App *a, int k)
{
    (void)a;
    (void)k;
    return UI_QUIT;
}

/* ---- undo (every screen) ---- */

int ui_act_deshacer(App *a, int k)
{
    (void)k;
    PoaErr err = {{0}};
    DeshacerInfo info;
    if (!deshacer_ultimo(a->db, a->plan, &info, &err)) {
        ui_status(a, true, "%s", err.msg);
        return MOVE;
    }
    /* only what the undo touched: the month masks of those nodes and their
     * ancestors; a filter only when the tree changed under it */
    arbol_filas_sync(a->rows);
    for (int i = 0; i < info.nodos.n; i++)
        arbol_filas_mask_update(a->rows, info.nodos.v[i]);
    if (info.estructura && (a->rows->filtro_unidad >= 0 || a->rows->filtro_resp)) {
        char *resp = a->rows->filtro_resp ? xstrdup(a->rows->filtro_resp) : NULL;
        arbol_filas_set_filter(a->rows, a->rows->filtro_unidad, resp);
        free(resp);
    }
    ui_seg_refrescar(a, info.estructura);
    /* on the plan, show where the change went back to */
    if (a->vista == VISTA_PLAN && info.nodos.n > 0 && !a->plan->nodes[info.nodos.v[0]].deleted &&
        arbol_filas_is_shown(a->rows, info.nodos.v[0]))
        select_node(a, info.nodos.v[0]);
    ui_status(a, false, "Deshecho: %s", info.descripcion);
    deshacer_info_free(&info);
    return REBUILD;
}
