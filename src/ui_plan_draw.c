/* ui_plan_draw.c — drawing the plan screen: its layout, the title with the
 * filters and the corte, the tree with its Gantt grid (or responsables and
 * presupuesto, with the totals cache of summary rows), the unidad líder
 * column, and the detail of the selected element. */
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "cmd.h"
#include "presupuesto.h"
#include "u8.h"
#include "ui_plan.h"
#include "ui_seg.h"

#define CELL_W 3
#define QUARTER_W (1 + 3 * CELL_W)             /* separator + three months */
#define GRID_W (POA_TRIMESTRES * QUARTER_W + 1)  /* closing separator */
#define RESP_W 19
#define PRES_W 16
#define EXTRA_W (RESP_W + PRES_W)
#define TREE_MIN 50
#define LIDER_W 22
#define TREE_MIN_LIDER 30   /* the líder column never squeezes the tree below this */

/* ---- the presupuesto totals ---- */

const Presupuestos *ui_plan_presupuestos(App *a)
{
    if (!a->presupuestos || a->presupuesto_gen != a->plan_gen ||
        a->presupuestos->nnodos != a->plan->nnodes) {
        presupuesto_free(a->presupuestos);
        a->presupuestos = presupuesto_new(a->plan);
        a->presupuesto_gen = a->plan_gen;
    }
    return a->presupuestos;
}

/* A summary row's total, or «…» while its branch is still loading (a first
 * page, ui_carga.c): a part would read as the whole. */
static const char *total_texto(App *a, int node, bool compacto, char *buf, size_t n)
{
    if (a->plan->nodes[node].pendiente) {
        snprintf(buf, n, "%s", "…");
        return buf;
    }
    return presupuesto_texto(ui_plan_presupuestos(a), node, compacto, buf, n);
}

void ui_plan_presupuestos_invalidate(App *a)
{
    presupuesto_free(a->presupuestos);
    a->presupuestos = NULL;
}

void ui_plan_layout(App *a)
{
    ui_layout(a);
    a->det_h = a->H >= 34 ? 6 : a->H >= 28 ? 5 : 3;
    a->list_y = 3;
    a->list_h = a->H - a->list_y - 1 - a->det_h - 2;
    a->det_y = a->list_y + a->list_h + 1;
    bool both = a->W - GRID_W - EXTRA_W >= TREE_MIN;
    if (both) {
        a->extra = false;
        a->tree_w = a->W - GRID_W - EXTRA_W;
        a->grid_x = a->tree_w;
        a->extra_x = a->grid_x + GRID_W;
    } else if (a->extra) {
        a->tree_w = a->W - EXTRA_W;
        a->grid_x = -1;
        a->extra_x = a->tree_w;
    } else {
        a->tree_w = a->W - GRID_W;
        a->grid_x = a->tree_w;
        a->extra_x = -1;
    }
    /* the unidad líder column (L) comes out of the tree's width */
    a->lider_x = -1;
    if (a->col_lider && a->tree_w - LIDER_W >= TREE_MIN_LIDER) {
        a->tree_w -= LIDER_W;
        a->lider_x = a->tree_w;
    }
}

/* " POA 2024 · Institución · Unidad: X · Corte 3 JUL-SEP (abierto)": the
 * corte and the filters stay whole; the institution is cut first (then
 * dropped), then the filters — never the corte. */
static void draw_title(App *a)
{
    const Plan *p = a->plan;
    const ArbolFilas *r = a->rows;
    char pre[340], corte[96], post[128], filtros[1024], fit[1024], t[2600];
    /* a read-only session says so first, whole, before anything is cut */
    snprintf(pre, sizeof pre, " POA %d%s%s", p->anio, a->solo_lectura[0] ? " · " : "",
             a->solo_lectura);
    snprintf(post, sizeof post, " · %s", ui_seg_corte_titulo(a, corte, sizeof corte));
    snprintf(filtros, sizeof filtros, " · Unidad: %s%s%s%s%s",
             r->filtro_unidad >= 0 ? p->unidades[r->filtro_unidad].nombre : "todas",
             r->filtro_resp ? " · Responsable: " : "", r->filtro_resp ? r->filtro_resp : "",
             r->filtro_estado ? " · Estado: " : "", arbol_filas_estado_nombre(r->filtro_estado));
    int room = a->W - u8_width(pre) - u8_width(post);
    int fw = u8_width(filtros);
    if (fw > room) {
        u8_fit_copy(filtros, room > 0 ? room : 0, false, fit, sizeof fit);
        snprintf(t, sizeof t, "%s%s%s", pre, fit, post);
    } else {
        int iw = room - fw - 3;   /* " · " before the institution */
        fit[0] = '\0';
        if (iw >= 6)
            u8_fit_copy(p->institucion, iw, false, fit, sizeof fit);
        snprintf(t, sizeof t, "%s%s%s%s%s", pre, fit[0] ? " · " : "", fit, filtros, post);
    }
    ui_put(0, 0, a->W, ui_attr(a, CR_TITLE), t);
}

static void draw_headers(App *a)
{
    int h = ui_attr(a, CR_HEADER);
    char t[64];
    snprintf(t, sizeof t, " Plan (%s)", a->focus == FOCUS_TREE ? "árbol" : "cronograma");
    /* the plan's presupuesto total over the tree, whole or not at all */
    char tot[512], line1[600];
    total_texto(a, 0, false, tot, sizeof tot);
    snprintf(line1, sizeof line1, " Presupuesto del plan: %s%s", tot,
             a->plan->nodes[0].pendiente ? " (cargando)" : "");
    /* the líder column's header is one line: the total may run over its
     * first, or L would hide the plan's presupuesto */
    int tot_w = a->tree_w + (a->lider_x >= 0 ? LIDER_W : 0);
    ui_put(1, 0, tot_w, h, tot[0] && u8_width(line1) <= tot_w ? line1 : "");
    ui_put(2, 0, a->tree_w, h, t);
    if (a->lider_x >= 0)
        ui_put(2, a->lider_x, LIDER_W, h, " Unidad líder");
    if (a->grid_x >= 0) {
        for (int q = 0; q < POA_TRIMESTRES; q++) {
            int x = a->grid_x + q * QUARTER_W;
            /* "1er. Trim." is 10 columns and a quarter has 9 between its
             * separators: the space goes, the separators stay aligned */
            char qn[16];
            const char *full = POA_TRIM_NOMBRE[q], *sp = strchr(full, ' ');
            snprintf(qn, sizeof qn, "%.*s%s", sp ? (int)(sp - full) : 0, full, sp ? sp + 1 : full);
            ui_put(1, x, 1, ui_attr(a, CR_QUARTER), ui_glyph(a, "│", "|"));
            ui_put(1, x + 1, 3 * CELL_W, h, qn);
            ui_put(2, x, 1, ui_attr(a, CR_QUARTER), ui_glyph(a, "│", "|"));
            for (int m = 0; m < 3; m++) {
                int mes = q * 3 + m;
                snprintf(t, sizeof t, "%2d ", mes + 1);
                int at = mes == a->hoy_mes ? ui_attr(a, CR_CURMONTH) : h;
                if (a->focus == FOCUS_GRID && mes == a->mes)
                    at |= A_UNDERLINE;
                ui_put(2, x + 1 + m * CELL_W, CELL_W, at, t);
            }
        }
        ui_put(1, a->grid_x + GRID_W - 1, 1, ui_attr(a, CR_QUARTER), ui_glyph(a, "│", "|"));
        ui_put(2, a->grid_x + GRID_W - 1, 1, ui_attr(a, CR_QUARTER), ui_glyph(a, "│", "|"));
    }
    if (a->extra_x >= 0) {
        ui_put(1, a->extra_x, EXTRA_W, h, "");
        ui_put(2, a->extra_x, RESP_W, h, " Responsables");
        ui_put(2, a->extra_x + RESP_W, PRES_W, h, "    Presupuesto ");
    }
}

/* "├─ ▾ 1.1 Texto (3)" with the lines of the ancestors in front. */
static void tree_label(const App *a, const ArbolFila *row, char *out, size_t n)
{
    const Plan *p = a->plan;
    const Node *nd = &p->nodes[row->node];
    StrBuf b = {0};
    sb_append(&b, ui_plan_marcada(a, row->node) ? ui_glyph(a, "●", "*") : " ");   /* the mark column */
    for (int d = 0; d < row->depth; d++)
        sb_append(&b, (row->last & (1u << d)) ? "   " : ui_glyph(a, "│  ", "|  "));
    bool last = row->last & (1u << row->depth);
    sb_append(&b, last ? ui_glyph(a, "└─", "`-") : ui_glyph(a, "├─", "|-"));
    int nk = arbol_filas_nkids(p, row->node);
    if (nk == 0)
        sb_append(&b, nd->kind == NODE_ACTIVIDAD ? " " : ui_glyph(a, "─", "-"));
    else
        sb_append(&b, a->rows->expanded[row->node] ? ui_glyph(a, "▾", "v") : ui_glyph(a, "▸", ">"));
    sb_append(&b, " ");
    if (arbol_filas_sin_eje(p, row->node))   /* it sits among the ejes: not one of them */
        sb_append(&b, ui_glyph(a, "(sin eje) · ", "(sin eje) - "));
    if (nd->codigo[0]) {
        sb_append(&b, nd->codigo);
        sb_append(&b, " ");
    }
    if (nd->kind == NODE_META) {
        sb_append(&b, nd->unidad >= 0 ? p->unidades[nd->unidad].nombre : "(sin unidad)");
        if (nd->texto[0]) {
            sb_append(&b, ": ");
            sb_append(&b, nd->texto);
        }
    } else if (nd->texto[0]) {
        sb_append(&b, nd->texto);
    } else {
        /* real documents leave some objetivos blank: say so, not an empty row */
        if (nd->kind == NODE_EJE)
            sb_append(&b, "(eje sin nombre)");
        else
            sb_appendf(&b, "(%s sin texto)", node_kind_name(nd->kind));
    }
    if (nd->recortado)   /* children still loading: their count is not known */
        sb_append(&b, " (…)");
    else if (nk > 0)
        sb_appendf(&b, " (%d)", nk);
    snprintf(out, n, "%s", sb_str(&b));
    sb_free(&b);
}

/* The 9 columns of a quarter planned only as a quarter: "───508───". */
static void quarter_span(const App *a, const Valor *v, char *out, size_t n)
{
    char num[40];
    if (v->has)
        valor_format(v, num, sizeof num);
    else
        snprintf(num, sizeof num, "%s", "");
    int w = (int)strlen(num);
    if (w > 3 * CELL_W)
        w = 3 * CELL_W, num[w] = '\0';
    int left = (3 * CELL_W - w) / 2, right = 3 * CELL_W - w - left;
    StrBuf b = {0};
    for (int i = 0; i < left; i++)
        sb_append(&b, ui_glyph(a, "─", "-"));
    sb_append(&b, num);
    for (int i = 0; i < right; i++)
        sb_append(&b, ui_glyph(a, "─", "-"));
    snprintf(out, n, "%s", sb_str(&b));
    sb_free(&b);
}

static void draw_grid_row(App *a, int y, int node, bool selected)
{
    Plan *p = a->plan;
    const Node *nd = &p->nodes[node];
    int sep = ui_attr(a, CR_QUARTER);
    int base = selected && a->focus == FOCUS_TREE ? ui_attr(a, CR_SELECTED) : 0;
    Actividad *actividad = plan_act(p, node);
    FuenteMeta f = actividad ? calc_fuente(actividad) : FUENTE_NINGUNA;
    bool by_quarter = actividad && (f == FUENTE_TRIMESTRES || f == FUENTE_ANUAL);
    unsigned short mask = a->rows->mask[node];
    for (int q = 0; q < POA_TRIMESTRES; q++) {
        int x = a->grid_x + q * QUARTER_W;
        ui_put(y, x, 1, sep | base, ui_glyph(a, "│", "|"));
        if (by_quarter && (mask >> (q * 3) & 7)) {
            char span[64];
            Valor v = f == FUENTE_ANUAL ? actividad->meta_anual : actividad->trim[q];
            quarter_span(a, &v, span, sizeof span);
            int at = base | ui_attr(a, CR_PLANNED);
            if (selected && a->focus == FOCUS_GRID && a->mes / 3 == q)
                at = ui_attr(a, CR_CELL_SEL);
            ui_put(y, x + 1, 3 * CELL_W, at, span);
            continue;
        }
        for (int m = 0; m < 3; m++) {
            int mes = q * 3 + m;
            char c[48] = "";
            int at = base;
            if (actividad && !by_quarter) {
                const MesCell *cell = &actividad->mes[mes];
                if (cell->kind == CELL_X) {
                    snprintf(c, sizeof c, " x ");
                    at |= ui_attr(a, CR_PLANNED);
                } else if (cell->kind == CELL_NUM) {
                    char num[40];
                    num_format(cell->valor, num, sizeof num);
                    if (strlen(num) > 3)
                        snprintf(num, sizeof num, "%s", "99+");
                    snprintf(c, sizeof c, "%3s", num);
                    if (strlen(num) < 3)
                        snprintf(c, sizeof c, "%2s ", num);
                    at |= ui_attr(a, CR_PLANNED);
                }
            } else if (!actividad && (mask >> mes & 1)) {
                snprintf(c, sizeof c, "%s", ui_glyph(a, "━━━", "==="));
                at |= ui_attr(a, CR_SUMMARY);
            }
            if (!c[0] && mes == a->hoy_mes)
                snprintf(c, sizeof c, " %s ", ui_glyph(a, "·", "."));
            if (selected && a->focus == FOCUS_GRID && mes == a->mes)
                at = ui_attr(a, CR_CELL_SEL);
            ui_put(y, x + 1 + m * CELL_W, CELL_W, at, c);
        }
    }
    ui_put(y, a->grid_x + GRID_W - 1, 1, sep | base, ui_glyph(a, "│", "|"));
    (void)nd;
}

static void presupuesto_text(const Actividad *actividad, char *out, size_t n)
{
    char num[64];
    if (actividad->has_presupuesto)
        snprintf(out, n, "%s%s%s", actividad->moneda, actividad->moneda[0] ? " " : "",
                 num_format_money(actividad->presupuesto, num, sizeof num));
    else
        snprintf(out, n, "%s", actividad->presupuesto_nota);
}

static void draw_extra_row(App *a, int y, int node, bool selected)
{
    Actividad *actividad = plan_act(a->plan, node);
    int base = selected && a->focus == FOCUS_TREE ? ui_attr(a, CR_SELECTED) : 0;
    char r[512] = "", pr[512] = "", pad[200];
    if (actividad) {
        snprintf(r, sizeof r, " %s", actividad->responsables);
        presupuesto_text(actividad, pr, sizeof pr);
    } else {
        /* a summary row: the total of what it holds, without decimals when
         * the column is too narrow; several currencies say so */
        total_texto(a, node, false, pr, sizeof pr);
        if (u8_width(pr) > PRES_W - 1)
            total_texto(a, node, true, pr, sizeof pr);
        if (u8_width(pr) > PRES_W - 1 && strstr(pr, " + "))
            snprintf(pr, sizeof pr, "%s", "varias monedas");
    }
    ui_put(y, a->extra_x, RESP_W, base, r);
    /* right-aligned amounts */
    int w = u8_width(pr);
    if (w > PRES_W - 1)
        w = PRES_W - 1;
    snprintf(pad, sizeof pad, "%*s", PRES_W - 1 - w, "");
    char both[sizeof pad + sizeof pr + 1];
    snprintf(both, sizeof both, "%s%s ", pad, pr);
    ui_put(y, a->extra_x + RESP_W, PRES_W, base, both);
}

static void draw_list(App *a)
{
    ArbolFilas *r = a->rows;
    for (int i = 0; i < a->list_h; i++) {
        int y = a->list_y + i, ix = a->lista.top + i;
        if (ix >= r->nrows) {
            ui_put(y, 0, a->W, 0, "");
            continue;
        }
        const ArbolFila *row = &r->rows[ix];
        bool sel = ix == a->lista.sel;
        char label[2048];
        tree_label(a, row, label, sizeof label);
        int at = 0;
        if (sel)
            at = ui_attr(a, CR_SELECTED) | (a->focus == FOCUS_GRID ? A_BOLD : 0);
        else if (a->plan->nodes[row->node].kind != NODE_ACTIVIDAD)
            at = A_BOLD;
        ui_put(y, 0, a->tree_w, at, label);
        if (a->grid_x >= 0)
            draw_grid_row(a, y, row->node, sel);
        if (a->extra_x >= 0)
            draw_extra_row(a, y, row->node, sel);
        if (a->lider_x >= 0) {
            const Actividad *x = plan_act(a->plan, row->node);
            char l[512];
            snprintf(l, sizeof l, " %s", x ? x->unidad_lider : "");
            ui_put(y, a->lider_x, LIDER_W, sel && a->focus == FOCUS_TREE ? ui_attr(a, CR_SELECTED) : 0, l);
        }
    }
}

static void draw_detail(App *a)
{
    Plan *p = a->plan;
    int y = a->det_y;
    ui_hline(a, y - 1);
    for (int i = 0; i < a->det_h; i++)
        ui_put(y + i, 0, a->W, 0, "");
    int node = ui_sel_node(a);
    if (node <= 0) {
        ui_put(y, 1, a->W - 1, 0,
               a->rows->shown ? "Nada coincide con el filtro (Esc lo quita)."
                              : "El plan está vacío: A agrega un elemento.");
        return;
    }
    const Node *nd = &p->nodes[node];
    Actividad *actividad = plan_act(p, node);
    char head[1024];
    const char *kind = node_kind_name(nd->kind);
    snprintf(head, sizeof head, " %c%s%s%s%s%s", kind[0] - 32, kind + 1,
             nd->codigo[0] ? " " : "", nd->codigo, nd->unidad >= 0 ? " · " : "",
             nd->unidad >= 0 ? p->unidades[nd->unidad].nombre : "");
    if (actividad && a->focus == FOCUS_GRID) {
        char c[40];
        size_t l = strlen(head);
        snprintf(head + l, sizeof head - l, " · %s: %s", POA_MES_CORTO[a->mes],
                 actividad->mes[a->mes].kind == CELL_VACIA ? "vacío"
                                                      : mes_cell_format(&actividad->mes[a->mes], c, sizeof c));
    }
    ui_put(y, 0, a->W, ui_attr(a, CR_DETAIL_LABEL), head);
    /* the last lines hold indicador / responsables / presupuesto */
    StrBuf extra[3] = {{0}};
    int nextra = 0;
    int ent = plan_ancestor(p, node, NODE_ENTREGABLE);
    if (ent > 0 && p->nodes[ent].indicador[0])
        sb_appendf(&extra[nextra++], "Indicador: %s", p->nodes[ent].indicador);
    if (actividad) {
        char pr[200], meta[64];
        presupuesto_text(actividad, pr, sizeof pr);
        sb_appendf(&extra[nextra], "Responsables: %s", actividad->responsables[0] ? actividad->responsables : "—");
        if (actividad->unidad_lider[0])
            sb_appendf(&extra[nextra], " · Unidad líder: %s", actividad->unidad_lider);
        nextra++;
        sb_appendf(&extra[nextra], "Presupuesto: %s", pr[0] ? pr : "—");
        if (actividad->has_presupuesto && actividad->presupuesto_nota[0])
            sb_appendf(&extra[nextra], " (%s)", actividad->presupuesto_nota);
        if (actividad->meta_anual.has)
            sb_appendf(&extra[nextra], " · Meta anual: %s",
                       valor_format(&actividad->meta_anual, meta, sizeof meta));
        nextra++;
    } else {
        /* a summary row: its presupuesto total, with its currencies */
        const Presupuestos *t = ui_plan_presupuestos(a);
        int cnt = presupuesto_cuenta(t, node);
        if (p->nodes[node].pendiente)
            sb_appendf(&extra[nextra++], "%s", "Presupuesto total: … (se suma al terminar de cargar el plan)");
        else if (cnt) {
            char tot[512];
            sb_appendf(&extra[nextra++], "Presupuesto total: %s (%d actividad%s con monto)",
                       presupuesto_texto(t, node, false, tot, sizeof tot), cnt, cnt == 1 ? "" : "es");
        }
    }
    int text_lines = a->det_h - 1 - nextra;
    if (text_lines < 1)
        text_lines = 1;
    int ey = y + 1 + ui_put_wrapped(y + 1, 2, a->W - 2, text_lines, 0,
                                    nd->texto[0] ? nd->texto : "(sin texto)");
    for (int i = 0; i < nextra; i++) {
        if (ey < y + a->det_h)
            ui_put(ey++, 2, a->W - 2, 0, sb_str(&extra[i]));
        sb_free(&extra[i]);
    }
}

void ui_plan_draw(App *a)
{
    ui_plan_layout(a);
    a->lista.n = a->rows->nrows;
    a->lista.page = a->list_h;
    lista_fit(&a->lista, a->list_h);   /* the selection stays on screen */
    draw_title(a);
    draw_headers(a);
    draw_list(a);
    draw_detail(a);
}

void ui_plan_position(const App *a, char *buf, size_t n)
{
    int m = ui_plan_marcas_count(a);
    char marcas[32] = "";
    if (m)
        snprintf(marcas, sizeof marcas, " %d marcada%s ·", m, m == 1 ? "" : "s");
    if (a->plan->nodes[0].pendiente)   /* a first page: the count is not known yet */
        snprintf(buf, n, "%s %d/… ", marcas, a->rows->nrows ? a->lista.sel + 1 : 0);
    else
        snprintf(buf, n, "%s %d/%d ", marcas, a->rows->nrows ? a->lista.sel + 1 : 0,
                 a->rows->nrows);
}
