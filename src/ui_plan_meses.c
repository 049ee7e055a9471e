/* ui_plan_meses.c — the plan screen's cronograma requests: mark or write a
 * month, fill or clear a quarter or the year, copy and paste the twelve
 * months (through cmd.c, one transaction each); and the status line after
 * any edit of the plan screen, which ui_plan.c shares. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ui_plan.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;

int ui_plan_saved(App *a, bool ok, PoaErr *err)
{
    a->plan_gen++;   /* even a refused edit may have refreshed state from the file */
    if (ok)
        ui_status(a, false, "Guardado");
    else
        ui_status(a, true, "No se guardó: %s", err->msg);
    return UI_HANDLED | UI_REDRAW | UI_REBUILD;
}


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
    ui_plan_saved(a, ok, err);
    return MOVE;   /* the rows did not change */
}

static int on_mark(App *a, int k)
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

static int on_qty(App *a, int k)
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

static int on_clear_cell(App *a, int k)
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

static int on_fill_q(App *a, int k) { (void)k; return fill(a, true, true); }
static int on_clear_q(App *a, int k) { (void)k; return fill(a, true, false); }
static int on_fill_y(App *a, int k) { (void)k; return fill(a, false, true); }
static int on_clear_y(App *a, int k) { (void)k; return fill(a, false, false); }

static int on_copy(App *a, int k)
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

static int on_paste(App *a, int k)
{
    (void)k;
    int n = ui_sel_node(a);
    if (n <= 0) {
        ui_status(a, true, "No hay un elemento seleccionado");
        return MOVE;
    }
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

int ui_plan_meses_request(App *a, UiReq req, int key)
{
    switch (req) {
    case REQ_MES_MARK: return on_mark(a, key);
    case REQ_MES_QTY: return on_qty(a, key);
    case REQ_MES_CLEAR: return on_clear_cell(a, key);
    case REQ_TRIM_FILL: return on_fill_q(a, key);
    case REQ_TRIM_CLEAR: return on_clear_q(a, key);
    case REQ_ANIO_FILL: return on_fill_y(a, key);
    case REQ_ANIO_CLEAR: return on_clear_y(a, key);
    case REQ_CRONOGRAMA_COPY: return on_copy(a, key);
    case REQ_CRONOGRAMA_PASTE: return on_paste(a, key);
    default: return UI_NOT_MINE;
    }
}
