/* ui_seg_tabla.c — the seguimiento table screen: one unit's actividades
 * under their objetivos in the Caja's layout, código frozen and the other
 * columns scrolled sideways, real and observaciones edited cell by cell.
 * Only visible rows are drawn. */
#include <stdlib.h>
#include <string.h>

#include "u8.h"
#include "ui_seg.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;

/* The Caja's seguimiento report, column by column; acción and observaciones
 * take what the terminal has left, the rest scroll sideways behind código. */
static const struct {
    const char *h1, *h2;    /* h2 NULL: the corte's range ("EN-SEP"); "" none */
    int w;                  /* minimum width */
    bool flex, right;
} COLDEF[NCOL] = {
    [C_COD] = {"CÓDIGO", "", 8, false, false},
    [C_ACC] = {"ACCIÓN OPERATIVA", "", 24, true, false},
    [C_LID] = {"UNIDAD", "LÍDER", 12, false, false},
    [C_RESP] = {"UNIDAD-ÁREA", "RESPONSABLE", 12, false, false},
    [C_META] = {"META", "ANUAL", 7, false, true},
    [C_T1] = {"EN-MAR", "", 7, false, true},
    [C_T2] = {"ABR-JUN", "", 7, false, true},
    [C_T3] = {"JUL-SEP", "", 7, false, true},
    [C_T4] = {"OCT-DIC", "", 7, false, true},
    [C_REAL] = {"REAL", NULL, 7, false, true},
    [C_PCT] = {"% EJEC.", NULL, 8, false, true},
    [C_OBS] = {"OBSERVACIONES", "", 24, true, false},
};


static void tabla_layout(App *a)
{
    UiSeg *s = a->seg;
    int total = 0;
    for (int c = 0; c < NCOL; c++) {
        s->w[c] = COLDEF[c].w;
        total += s->w[c] + (c ? 1 : 0);
    }
    if (total <= a->W) {
        /* everything fits: the room left goes to acción (3/5) and observaciones */
        int extra = a->W - total;
        s->w[C_ACC] += extra * 3 / 5;
        s->w[C_OBS] += extra - extra * 3 / 5;
        s->col0 = C_ACC;
        s->last = NCOL - 1;
        return;
    }
    /* sideways scroll behind código: whole columns only, the selected one
     * always in sight */
    if (s->col0 < C_ACC)
        s->col0 = C_ACC;
    if (s->col != C_COD && s->col < s->col0)
        s->col0 = s->col;
    int used;
    for (;;) {
        used = s->w[C_COD];
        s->last = s->col0;
        /* one column kept for the ▸ mark */
        for (int c = s->col0; c < NCOL && used + 1 + s->w[c] <= a->W - 1; c++) {
            used += 1 + s->w[c];
            s->last = c;
        }
        if (s->col <= s->last || s->col0 >= NCOL - 1)
            break;
        s->col0++;
    }
    int extra = a->W - 1 - used;
    int to = s->col0 <= C_ACC && C_ACC <= s->last ? C_ACC : s->last == C_OBS ? C_OBS : s->last;
    if (extra > 0)
        s->w[to] += extra;
}

/* Text and extra attribute of one cell. */
static int cell_text(App *a, int node, int c, char *buf, size_t n)
{
    Plan *p = a->plan;
    const Node *nd = &p->nodes[node];
    Actividad *actividad = plan_act(p, node);
    const Seguimiento *sg = &actividad->seg[a->corte - 1];
    buf[0] = '\0';
    switch (c) {
    case C_COD: snprintf(buf, n, "%s", nd->codigo); return ui_attr(a, CR_CODE);
    case C_ACC: {
        char *t = ui_seg_una_linea(nd->texto);
        snprintf(buf, n, "%s", t);
        free(t);
        return 0;
    }
    case C_LID: snprintf(buf, n, "%s", actividad->unidad_lider); return 0;
    case C_RESP: snprintf(buf, n, "%s", actividad->responsables); return 0;
    case C_META: ui_seg_fmt_meta_anual(actividad, buf, n); return 0;
    case C_T1: case C_T2: case C_T3: case C_T4:
        ui_seg_fmt_meta_q(actividad, c - C_T1, buf, n);
        return c - C_T1 < a->corte ? 0 : A_DIM;
    case C_REAL:
        if (sg->real.has)
            valor_format(&sg->real, buf, n);
        return A_BOLD;
    case C_PCT: {
        ResultadoAct r;
        calc_actividad(actividad, a->corte, &a->cfg->umbrales, &r);
        char pct[32];
        ui_seg_fmt_pct(a, &r, pct, sizeof pct);
        snprintf(buf, n, "%s %s", pct, ui_seg_marca(a, r.semaforo));
        return ui_seg_sem_attr(a, r.semaforo);
    }
    case C_OBS: {
        char *t = ui_seg_una_linea(sg->observaciones);
        snprintf(buf, n, "%s", t);
        free(t);
        return 0;
    }
    }
    return 0;
}

/* Draws one line of the table: código frozen, then col0..last. header 1
 * and 2 are the two heading lines. */
static void tabla_linea(App *a, int y, int node, bool sel_row, int header)
{
    UiSeg *s = a->seg;
    int x = 0;
    int base = sel_row ? ui_attr(a, CR_SELECTED) : 0;
    for (int c = C_COD; c <= s->last && x < a->W; c = c == C_COD ? s->col0 : c + 1) {
        int w = s->w[c];
        if (x + w > a->W)
            w = a->W - x;
        char buf[2048];
        int at;
        if (header) {
            const char *h = header == 1 ? COLDEF[c].h1 : COLDEF[c].h2;
            if (!h)
                h = c == C_OBS ? POA_TRIM_RANGO[a->corte - 1] : ui_seg_rango_acum(a->corte);
            if (header == 2 && c == C_OBS)
                h = POA_TRIM_RANGO[a->corte - 1];
            snprintf(buf, sizeof buf, "%s", h);
            at = ui_attr(a, CR_HEADER) | (c == s->col ? A_UNDERLINE : 0);
        } else {
            at = cell_text(a, node, c, buf, sizeof buf);
            if (sel_row)
                at = c == s->col ? ui_attr(a, CR_CELL_SEL) : base | (c == C_PCT ? at & (int)A_BOLD : 0);
        }
        if (COLDEF[c].right)
            ui_seg_put_right(y, x, w, at, buf);
        else
            ui_put(y, x, w, at, buf);
        x += w;
        if (x < a->W) {
            ui_put(y, x, 1, header ? ui_attr(a, CR_HEADER) : base, " ");
            x++;
        }
    }
    if (x < a->W)
        ui_put(y, x, a->W - x, header ? ui_attr(a, CR_HEADER) : base, "");
}

static void tabla_draw(App *a)
{
    UiSeg *s = a->seg;
    char t[1024], c1[96];
    if (s->unidad < 0) {
        ui_seg_title(a, " Tabla de seguimiento");
        ui_put(2, 1, a->W - 1, 0, "Elija una unidad con u.");
        return;
    }
    double pct;
    Semaforo sem;
    bool has = ui_seg_rollup_unidad(a, s->unidad, &pct, &sem);
    char fig[64] = "";
    if (has)
        snprintf(fig, sizeof fig, " · unidad: %ld %% %s", calc_pct_entero(pct), ui_seg_marca(a, sem));
    snprintf(t, sizeof t, " Seguimiento · %s · %s%s%s%s", ui_seg_corte_titulo(a, c1, sizeof c1),
             ui_seg_unidad_nombre(a, s->unidad), fig, s->filtro_estado ? " · Estado: " : "",
             arbol_filas_estado_nombre(s->filtro_estado));
    ui_seg_title(a, t);
    tabla_layout(a);
    /* two heading lines, with marks for columns out of sight */
    tabla_linea(a, 1, 0, false, 1);
    tabla_linea(a, 2, 0, false, 2);
    if (s->col0 > C_ACC)
        ui_put(2, s->w[C_COD], 1, ui_attr(a, CR_HEADER) | A_BOLD, a->utf8 ? "◂" : "<");
    if (s->last < NCOL - 1)
        ui_put(2, a->W - 1, 1, ui_attr(a, CR_HEADER) | A_BOLD, a->utf8 ? "▸" : ">");
    int y0 = 3, det_h = a->H >= 30 ? 3 : 2;
    int h = a->H - 2 - det_h - 1 - y0;
    if (h < 1)
        h = 1;
    Lista *l = ui_seg_filas_list(a);
    l->page = h;
    lista_fit(l, h);
    /* the objetivo above the first actividad stays in sight */
    if (l->top == l->sel && l->top > 0 && s->filas[l->top - 1].objetivo)
        l->top--;
    for (int i = 0; i < h; i++) {
        int ix = l->top + i, y = y0 + i;
        if (ix >= s->nfilas) {
            ui_put(y, 0, a->W, 0, "");
            continue;
        }
        const SegFila *f = &s->filas[ix];
        if (f->objetivo) {
            const Node *o = &a->plan->nodes[f->node];
            /* the group row may be an eje: an empty one is named as such */
            snprintf(t, sizeof t, "%s%s%s", o->codigo, o->codigo[0] ? " " : "",
                     o->texto[0] ? o->texto
                     : o->kind == NODE_EJE ? "(eje sin nombre)" : "(objetivo sin texto)");
            ui_put(y, 0, a->W, ui_attr(a, CR_SUMMARY), t);
        } else {
            tabla_linea(a, y, f->node, ix == l->sel, false);
        }
    }
    if (!s->nacts)
        ui_put(y0, 1, a->W - 1, 0, "La unidad no tiene actividades.");
    /* detail: the selected cell in full */
    int dy = y0 + h;
    ui_hline(a, dy);
    int node = ui_seg_fila_node(a);
    if (node < 0)
        return;
    Actividad *actividad = plan_act(a->plan, node);
    const Seguimiento *sg = &actividad->seg[a->corte - 1];
    char body[4096];
    const char *label;
    ResultadoAct r;
    calc_actividad(actividad, a->corte, &a->cfg->umbrales, &r);
    const char *cod = a->plan->nodes[node].codigo;
    int y = dy + 1, left = det_h;
    if (s->col != C_ACC) {
        /* the first line names the row, whatever column is selected */
        char *acc = ui_seg_una_linea(a->plan->nodes[node].texto);
        snprintf(t, sizeof t, " %s ", cod);
        int cw = u8_width(t);
        ui_put(y, 0, cw, ui_attr(a, CR_CODE) | A_BOLD, t);
        ui_put(y++, cw, a->W - cw, A_BOLD, acc);
        free(acc);
        left--;
    }
    switch (s->col) {
    case C_OBS:
        label = "Observaciones";
        snprintf(body, sizeof body, "%s", sg->observaciones[0] ? sg->observaciones : "(ninguna; Enter escribe)");
        break;
    case C_REAL:
    case C_PCT: {
        char pcts[32], prog[48], nota[160];
        label = s->col == C_REAL ? "Real" : "% de ejecución";
        ui_seg_fmt_pct(a, &r, pcts, sizeof pcts);
        num_format(r.programado, prog, sizeof prog);
        if (actividad->tipo == TIPO_PORCENTAJE)
            num_format_pct(r.programado, prog, sizeof prog);
        calc_nota_estado(actividad, &r, nota, sizeof nota);
        if (r.has_pct)
            snprintf(body, sizeof body, "%s (exacto %.2f %%) · %s · %s · programado %s: %s%s", pcts,
                     r.pct * 100.0, semaforo_name(r.semaforo), estado_name(r.estado),
                     ui_seg_rango_acum(a->corte), prog, s->col == C_REAL ? " · Enter edita el real" : "");
        else
            snprintf(body, sizeof body, "%s · %s%s", estado_name(r.estado), nota,
                     s->col == C_REAL ? " · Enter edita el real" : "");
        break;
    }
    case C_LID:
    case C_RESP:
        label = "Unidad líder / responsable";
        snprintf(body, sizeof body, "%s / %s", actividad->unidad_lider, actividad->responsables);
        break;
    case C_ACC:
        label = cod;
        snprintf(body, sizeof body, "%s", a->plan->nodes[node].texto);
        break;
    default: {
        char ma[48], prog[48];
        ui_seg_fmt_meta_anual(actividad, ma, sizeof ma);
        num_format(r.programado, prog, sizeof prog);
        if (actividad->tipo == TIPO_PORCENTAJE)
            num_format_pct(r.programado, prog, sizeof prog);
        label = "Metas";
        snprintf(body, sizeof body, "anual %s · programado %s: %s · tipo %s · Enter abre el formulario",
                 ma[0] ? ma : "—", ui_seg_rango_acum(a->corte), prog, tipo_meta_name(actividad->tipo));
        break;
    }
    }
    snprintf(t, sizeof t, " %s: ", label);
    int lw = u8_width(t);
    ui_put(y, 0, lw, ui_attr(a, CR_DETAIL_LABEL), t);
    ui_put_wrapped(y, lw, a->W - lw - 1, left, 0, body);
}

/* ---- requests ---- */

static int tabla_enter(App *a)
{
    if (a->solo_lectura[0]) {   /* Enter edits here (the key table cannot tell) */
        ui_status_solo_lectura(a);
        return MOVE;
    }
    int node = ui_seg_fila_node(a);
    switch (a->seg->col) {
    case C_REAL: case C_PCT: return ui_seg_edit(a, node, SEG_CAMPO_REAL, NULL);
    case C_OBS: return ui_seg_edit(a, node, SEG_CAMPO_OBS, NULL);
    default:
        if (node < 0)
            return MOVE;
        a->pedido = (UiPedido){.vista = VISTA_FORM, .nodo = node, .unidad = -1,
                               .aviso = "En la tabla se editan real y observaciones; aquí "
                                        "también la evidencia"};
        return MOVE | UI_SWITCH;
    }
}

/* The status line on a unit's rows. */
static void tabla_aviso(App *a)
{
    if (a->seg->filtro_estado)
        ui_status(a, false, "%s: %d %s en estado %s al corte %d · Esc quita el filtro",
                  ui_seg_unidad_nombre(a, a->seg->unidad), a->seg->nacts,
                  num_plural(a->seg->nacts, "actividad", "actividades"),
                  arbol_filas_estado_nombre(a->seg->filtro_estado), a->corte);
    else
        ui_status(a, false, "%s: %d %s · Enter edita · u: otra unidad",
                  ui_seg_unidad_nombre(a, a->seg->unidad), a->seg->nacts,
                  num_plural(a->seg->nacts, "actividad", "actividades"));
}

/* f: the unit's actividades in one seguimiento state at the corte. */
static int tabla_filtro(App *a, unsigned e)
{
    UiSeg *s = a->seg;
    s->filtro_estado = e;
    ui_seg_filas_build(a, s->unidad);
    tabla_aviso(a);
    return MOVE;
}

static int tabla_pick_estado(App *a)
{
    UiSeg *s = a->seg;
    Plan *p = a->plan;
    if (s->unidad < 0)
        return MOVE;
    int cuenta[ARBOL_ESTADO_N] = {0};
    for (int i = 0; i < p->nacts; i++) {
        int n = p->acts[i].node;
        if (p->nodes[n].deleted || p->nodes[n].unidad != s->unidad)
            continue;
        unsigned bits = arbol_filas_estado_de(&p->acts[i], a->corte, &a->cfg->umbrales);
        for (int k = 0; k < ARBOL_ESTADO_N; k++)
            cuenta[k] += (bits & ARBOL_ESTADOS[k]) != 0;
    }
    bool cancel;
    unsigned e = ui_pick_estado(a, s->filtro_estado, cuenta, &cancel);
    return cancel ? MOVE : tabla_filtro(a, e);
}

static int tabla_request(App *a, UiReq req, int key)
{
    UiSeg *s = a->seg;
    switch (req) {
    case REQ_LEFT:
        if (s->col > 0)
            s->col--;
        return MOVE;
    case REQ_RIGHT:
        if (s->col < NCOL - 1)
            s->col++;
        return MOVE;
    case REQ_SEG_ENTER: return tabla_enter(a);
    case REQ_SEG_DIGIT: {
        char init[2] = {(char)key, 0};
        s->col = C_REAL;
        return ui_seg_edit(a, ui_seg_fila_node(a), SEG_CAMPO_REAL, init);
    }
    case REQ_SEG_UNIDAD: {
        int u = ui_pick_unidad(a, "Tabla de seguimiento de la unidad", s->unidad);
        if (u >= 0) {
            ui_seg_filas_open(a, u, -1);
            tabla_aviso(a);
        }
        return MOVE;
    }
    case REQ_FILTER_ESTADO: return tabla_pick_estado(a);
    case REQ_BACK:
        /* Esc takes the filter off first, as on the plan; then goes back */
        return s->filtro_estado ? tabla_filtro(a, 0) : UI_NOT_MINE;
    default: return ui_seg_corte_request(a, req);
    }
}

static Lista *tabla_list(App *a) { return ui_seg_filas_list(a); }

/* An undo that changed the tree: the rows again, keeping the selected one. */
static void tabla_changed(App *a, UiCambio what, bool showing)
{
    (void)showing;
    bool estructura = (what == UI_CAMBIO_DESHECHO && a->deshecho && a->deshecho->estructura) ||
                      what == UI_CAMBIO_RECARGADO;   /* node indices of another plan */
    /* the state filter is judged at the corte */
    if (what == UI_CAMBIO_CORTE && a->seg->filtro_estado)
        estructura = true;
    if (estructura && a->seg->unidad >= 0 && a->seg->unidad < a->plan->nunidades)
        ui_seg_filas_build(a, a->seg->unidad);
}

/* From the plan: the unit of the selected row, else the filter's, else one
 * to choose; from the board: the unit asked for (Enter), else the last one
 * or one to choose; from the form (S), its unit and row, Esc going to the plan. */
static bool tabla_open(App *a, Vista from, const UiPedido *p)
{
    UiSeg *s = a->seg;
    int u = p->unidad, node = -1;
    if (p->volver)
        return true;   /* back from the form: the rows as they were left */
    if (from == VISTA_FORM) {
        u = s->unidad;
        node = p->nodo;
        a->vuelta[VISTA_TABLA] = VISTA_PLAN;
    } else if (from == VISTA_TABLERO || p->unidad >= 0) {   /* a screen that names the unit */
        if (u < 0)
            u = s->unidad >= 0 ? s->unidad : ui_pick_unidad(a, "Tabla de seguimiento de la unidad", 0);
    } else {
        node = p->nodo;
        u = node > 0 ? a->plan->nodes[node].unidad : -1;
        if (u < 0)
            u = a->rows->filtro_unidad;
        if (u < 0)
            u = ui_pick_unidad(a, "Tabla de seguimiento de la unidad", s->unidad);
    }
    if (u < 0)
        return false;
    ui_seg_filas_open(a, u, node);
    tabla_aviso(a);
    return true;
}

const UiScreen UI_SCREEN_TABLA = {
    .vista = VISTA_TABLA,
    .draw = tabla_draw,
    .request = tabla_request,
    .list = tabla_list,
    .changed = tabla_changed,
    .open = tabla_open,
    .foco = ui_seg_fila_node,
    .position = ui_seg_position,
};
