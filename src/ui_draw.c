/* ui_draw.c — layout and drawing of the main screen: title, tree with its
 * Gantt grid (and responsables/presupuesto), detail area, status line and the
 * bottom bar. Colors through roles, each with a monochrome attribute. */
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "cmd.h"
#include "u8.h"
#include "ui_app.h"
#include "ui_seg.h"

#define MIN_W 80
#define MIN_H 24
#define CELL_W 3
#define QUARTER_W (1 + 3 * CELL_W)             /* separator + three months */
#define GRID_W (POA_TRIMESTRES * QUARTER_W + 1)  /* closing separator */
#define RESP_W 19
#define PRES_W 16
#define EXTRA_W (RESP_W + PRES_W)
#define TREE_MIN 50

/* One row per role: colors, the attribute added in color, and the whole
 * attribute on a monochrome terminal or with NO_COLOR. */
static const struct {
    short fg, bg;
    int color_attr, mono_attr;
} ROLES[CR_N] = {
    [CR_NORMAL] = {-1, -1, 0, 0},
    [CR_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
    [CR_HEADER] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [CR_CURMONTH] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD},
    [CR_SELECTED] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
    [CR_CELL_SEL] = {COLOR_WHITE, COLOR_MAGENTA, A_BOLD, A_REVERSE | A_BOLD | A_UNDERLINE},
    [CR_CODE] = {COLOR_YELLOW, -1, 0, A_BOLD},
    [CR_SUMMARY] = {COLOR_BLUE, -1, A_BOLD, A_DIM},
    [CR_PLANNED] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [CR_QUARTER] = {COLOR_BLUE, -1, 0, 0},
    [CR_DETAIL_LABEL] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [CR_STATUS_OK] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [CR_STATUS_ERR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [CR_BAR_KEY] = {-1, -1, A_BOLD, A_BOLD},
    [CR_BAR_LABEL] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
    [CR_DIALOG] = {COLOR_WHITE, COLOR_BLUE, 0, A_REVERSE},
    /* semáforo: the mark letter (V/A/R/—) reads without color too */
    [CR_SEM_VERDE] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [CR_SEM_AMARILLO] = {COLOR_YELLOW, -1, A_BOLD, A_UNDERLINE},
    [CR_SEM_ROJO] = {COLOR_RED, -1, A_BOLD, A_REVERSE | A_BOLD},
    [CR_SEM_GRIS] = {-1, -1, A_DIM, A_DIM},
};

void ui_colors_init(App *a)
{
    a->color = a->color && has_colors();
    if (a->color) {
        start_color();
        use_default_colors();
    }
    for (int r = 0; r < CR_N; r++) {
        if (a->color && r != CR_NORMAL) {
            init_pair((short)r, ROLES[r].fg, ROLES[r].bg);
            a->attr[r] = COLOR_PAIR(r) | ROLES[r].color_attr;
        } else {
            a->attr[r] = ROLES[r].mono_attr;
        }
    }
}

int ui_attr(const App *a, ColorRole r) { return a->attr[r]; }

/* Set once at start: the terminal is not UTF-8, so every text is written
 * in its ASCII spelling instead of as bytes it would show as garbage. */
static bool ascii_only;

void ui_set_ascii(bool on) { ascii_only = on; }

void ui_put(int y, int x, int w, int attr, const char *s)
{
    if (w <= 0)
        return;
    char buf[2048];
    u8_fit_copy(s, w, true, buf, sizeof buf);
    if (ascii_only) {
        /* fitted first (the layout measured the original), then spelled in
         * ASCII; a spelling longer than its character ("≥" -> ">=") is cut
         * back to the width: in ASCII a byte is a column */
        char *t = u8_ascii(buf);
        if (strlen(t) > (size_t)w)
            t[w] = '\0';
        snprintf(buf, sizeof buf, "%s", t);
        free(t);
    }
    attrset(attr);
    mvaddstr(y, x, buf);
    attrset(A_NORMAL);
}

void ui_layout(App *a)
{
    a->W = COLS;
    a->H = LINES;
    a->too_small = a->W < MIN_W || a->H < MIN_H;
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
}

static const char *glyph(const App *a, const char *utf8, const char *ascii)
{
    return a->utf8 ? utf8 : ascii;
}

/* " POA 2024 · Institución · Unidad: X · Corte 3 JUL-SEP (abierto)": the
 * corte and the filters stay whole; the institution is cut first (then
 * dropped), then the filters — never the corte. */
static void draw_title(App *a)
{
    const Plan *p = a->plan;
    const ArbolFilas *r = a->rows;
    char pre[340], corte[96], post[128], filtros[1024], fit[1024], t[2300];
    /* a read-only session says so first, whole, before anything is cut */
    snprintf(pre, sizeof pre, " POA %d%s%s", p->anio, a->solo_lectura[0] ? " · " : "",
             a->solo_lectura);
    snprintf(post, sizeof post, " · %s", ui_seg_corte_titulo(a, corte, sizeof corte));
    snprintf(filtros, sizeof filtros, " · Unidad: %s%s%s",
             r->filtro_unidad >= 0 ? p->unidades[r->filtro_unidad].nombre : "todas",
             r->filtro_resp ? " · Responsable: " : "", r->filtro_resp ? r->filtro_resp : "");
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
    ui_put(1, 0, a->tree_w, h, "");
    ui_put(2, 0, a->tree_w, h, t);
    if (a->grid_x >= 0) {
        for (int q = 0; q < POA_TRIMESTRES; q++) {
            int x = a->grid_x + q * QUARTER_W;
            /* "1er. Trim." is 10 columns and a quarter has 9 between its
             * separators: the space goes, the separators stay aligned */
            char qn[16];
            const char *full = POA_TRIM_NOMBRE[q], *sp = strchr(full, ' ');
            snprintf(qn, sizeof qn, "%.*s%s", sp ? (int)(sp - full) : 0, full, sp ? sp + 1 : full);
            ui_put(1, x, 1, ui_attr(a, CR_QUARTER), glyph(a, "│", "|"));
            ui_put(1, x + 1, 3 * CELL_W, h, qn);
            ui_put(2, x, 1, ui_attr(a, CR_QUARTER), glyph(a, "│", "|"));
            for (int m = 0; m < 3; m++) {
                int mes = q * 3 + m;
                snprintf(t, sizeof t, "%2d ", mes + 1);
                int at = mes == a->hoy_mes ? ui_attr(a, CR_CURMONTH) : h;
                if (a->focus == FOCUS_GRID && mes == a->mes)
                    at |= A_UNDERLINE;
                ui_put(2, x + 1 + m * CELL_W, CELL_W, at, t);
            }
        }
        ui_put(1, a->grid_x + GRID_W - 1, 1, ui_attr(a, CR_QUARTER), glyph(a, "│", "|"));
        ui_put(2, a->grid_x + GRID_W - 1, 1, ui_attr(a, CR_QUARTER), glyph(a, "│", "|"));
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
    sb_append(&b, " ");
    for (int d = 0; d < row->depth; d++)
        sb_append(&b, (row->last & (1u << d)) ? "   " : glyph(a, "│  ", "|  "));
    bool last = row->last & (1u << row->depth);
    sb_append(&b, last ? glyph(a, "└─", "`-") : glyph(a, "├─", "|-"));
    int nk = arbol_filas_nkids(p, row->node);
    if (nk == 0)
        sb_append(&b, nd->kind == NODE_ACTIVIDAD ? " " : glyph(a, "─", "-"));
    else
        sb_append(&b, a->rows->expanded[row->node] ? glyph(a, "▾", "v") : glyph(a, "▸", ">"));
    sb_append(&b, " ");
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
        sb_appendf(&b, "(%s sin texto)", node_kind_name(nd->kind));
    }
    if (nk > 0)
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
        sb_append(&b, glyph(a, "─", "-"));
    sb_append(&b, num);
    for (int i = 0; i < right; i++)
        sb_append(&b, glyph(a, "─", "-"));
    snprintf(out, n, "%s", sb_str(&b));
    sb_free(&b);
}

static void draw_grid_row(App *a, int y, int node, bool selected)
{
    Plan *p = a->plan;
    const Node *nd = &p->nodes[node];
    int sep = ui_attr(a, CR_QUARTER);
    int base = selected && a->focus == FOCUS_TREE ? ui_attr(a, CR_SELECTED) : 0;
    Actividad *act = plan_act(p, node);
    FuenteMeta f = act ? calc_fuente(act) : FUENTE_NINGUNA;
    bool by_quarter = act && (f == FUENTE_TRIMESTRES || f == FUENTE_ANUAL);
    unsigned short mask = a->rows->mask[node];
    for (int q = 0; q < POA_TRIMESTRES; q++) {
        int x = a->grid_x + q * QUARTER_W;
        ui_put(y, x, 1, sep | base, glyph(a, "│", "|"));
        if (by_quarter && (mask >> (q * 3) & 7)) {
            char span[64];
            Valor v = f == FUENTE_ANUAL ? act->meta_anual : act->trim[q];
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
            if (act && !by_quarter) {
                const MesCell *cell = &act->mes[mes];
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
            } else if (!act && (mask >> mes & 1)) {
                snprintf(c, sizeof c, "%s", glyph(a, "━━━", "==="));
                at |= ui_attr(a, CR_SUMMARY);
            }
            if (!c[0] && mes == a->hoy_mes)
                snprintf(c, sizeof c, " %s ", glyph(a, "·", "."));
            if (selected && a->focus == FOCUS_GRID && mes == a->mes)
                at = ui_attr(a, CR_CELL_SEL);
            ui_put(y, x + 1 + m * CELL_W, CELL_W, at, c);
        }
    }
    ui_put(y, a->grid_x + GRID_W - 1, 1, sep | base, glyph(a, "│", "|"));
    (void)nd;
}

static void presupuesto_text(const Actividad *act, char *out, size_t n)
{
    char num[64];
    if (act->has_presupuesto)
        snprintf(out, n, "%s%s%s", act->moneda, act->moneda[0] ? " " : "",
                 num_format_money(act->presupuesto, num, sizeof num));
    else
        snprintf(out, n, "%s", act->presupuesto_nota);
}

static void draw_extra_row(App *a, int y, int node, bool selected)
{
    Actividad *act = plan_act(a->plan, node);
    int base = selected && a->focus == FOCUS_TREE ? ui_attr(a, CR_SELECTED) : 0;
    char r[512] = "", pr[160] = "", pad[200];
    if (act) {
        snprintf(r, sizeof r, " %s", act->responsables);
        presupuesto_text(act, pr, sizeof pr);
    }
    ui_put(y, a->extra_x, RESP_W, base, r);
    /* right-aligned amounts */
    int w = u8_width(pr);
    if (w > PRES_W - 1)
        w = PRES_W - 1;
    snprintf(pad, sizeof pad, "%*s", PRES_W - 1 - w, "");
    char both[400];
    snprintf(both, sizeof both, "%s%s ", pad, pr);
    ui_put(y, a->extra_x + RESP_W, PRES_W, base, both);
}

static void draw_list(App *a)
{
    ArbolFilas *r = a->rows;
    for (int i = 0; i < a->list_h; i++) {
        int y = a->list_y + i, ix = a->top + i;
        if (ix >= r->nrows) {
            ui_put(y, 0, a->W, 0, "");
            continue;
        }
        const ArbolFila *row = &r->rows[ix];
        bool sel = ix == a->sel;
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
    }
}

typedef struct {
    int y, x, w, attr, left;
} Wrapped;

static void wrapped_line(const char *line, size_t len, void *ctx)
{
    Wrapped *w = ctx;
    if (w->left <= 0)
        return;
    char *s = xstrndup(line, len);
    if (w->left == 1 && line[len] != '\0') {
        /* the last line that fits, and text remains: say so */
        char *t = xasprintf("%s …", s);
        free(s);
        s = t;
    }
    ui_put(w->y++, w->x, w->w, w->attr, s);
    free(s);
    w->left--;
}

int ui_put_wrapped(int y, int x, int w, int maxlines, int attr, const char *s)
{
    if (maxlines <= 0 || w <= 1)
        return 0;
    Wrapped ctx = {y, x, w, attr, maxlines};
    /* wrap one column short so the "…" of a cut last line fits */
    u8_wrap(s, w - 1, wrapped_line, &ctx);
    return maxlines - ctx.left;
}

void ui_hline(App *a, int y)
{
    const char *hl = glyph(a, "─", "-");
    StrBuf sep = {0};
    for (int i = 0; i < a->W; i++)
        sb_append(&sep, hl);
    ui_put(y, 0, a->W, ui_attr(a, CR_QUARTER), sb_str(&sep));
    sb_free(&sep);
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
    Actividad *act = plan_act(p, node);
    char head[1024];
    const char *kind = node_kind_name(nd->kind);
    snprintf(head, sizeof head, " %c%s%s%s%s%s", kind[0] - 32, kind + 1,
             nd->codigo[0] ? " " : "", nd->codigo, nd->unidad >= 0 ? " · " : "",
             nd->unidad >= 0 ? p->unidades[nd->unidad].nombre : "");
    if (act && a->focus == FOCUS_GRID) {
        char c[40];
        size_t l = strlen(head);
        snprintf(head + l, sizeof head - l, " · %s: %s", POA_MES_CORTO[a->mes],
                 act->mes[a->mes].kind == CELL_VACIA ? "vacío"
                                                      : mes_cell_format(&act->mes[a->mes], c, sizeof c));
    }
    ui_put(y, 0, a->W, ui_attr(a, CR_DETAIL_LABEL), head);
    /* the last lines hold indicador / responsables / presupuesto */
    StrBuf extra[3] = {{0}};
    int nextra = 0;
    int ent = plan_ancestor(p, node, NODE_ENTREGABLE);
    if (ent > 0 && p->nodes[ent].indicador[0])
        sb_appendf(&extra[nextra++], "Indicador: %s", p->nodes[ent].indicador);
    if (act) {
        char pr[200], meta[64];
        presupuesto_text(act, pr, sizeof pr);
        sb_appendf(&extra[nextra], "Responsables: %s", act->responsables[0] ? act->responsables : "—");
        if (act->unidad_lider[0])
            sb_appendf(&extra[nextra], " · Unidad líder: %s", act->unidad_lider);
        nextra++;
        sb_appendf(&extra[nextra], "Presupuesto: %s", pr[0] ? pr : "—");
        if (act->has_presupuesto && act->presupuesto_nota[0])
            sb_appendf(&extra[nextra], " (%s)", act->presupuesto_nota);
        if (act->meta_anual.has)
            sb_appendf(&extra[nextra], " · Meta anual: %s",
                       valor_format(&act->meta_anual, meta, sizeof meta));
        nextra++;
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

static void draw_status(App *a)
{
    int y = a->H - 2;
    char right[64];
    if (a->vista != VISTA_PLAN)
        ui_seg_posicion(a, right, sizeof right);
    else
        snprintf(right, sizeof right, " %d/%d ", a->rows->nrows ? a->sel + 1 : 0, a->rows->nrows);
    int rw = (int)strlen(right);
    int attr = ui_attr(a, a->status_err ? CR_STATUS_ERR : CR_STATUS_OK);
    if (a->status_err && u8_width(a->status) > a->W - rw) {
        /* an error too long for one line takes the line above as well, so
         * its end (what to do about it) is read, not cut */
        ui_put_wrapped(y - 1, 0, a->W - rw, 2, attr, a->status);
    } else {
        ui_put(y, 0, a->W - rw, attr, a->status);
    }
    ui_put(y, a->W - rw, rw, 0, right);
}

void ui_draw_status(App *a)
{
    if (a->too_small)
        return;
    draw_status(a);
    refresh();
}

/* The F-keys of this screen, htop-style: "F1Ayuda  F2Editar …", each label
 * followed by at least one space so none run together. When they do not
 * fit, keys leave by their barra_sale (higher first, then the higher
 * F-number); F-keys never change place, and all of them stay in the help. */
static void draw_bar(App *a)
{
    int y = a->H - 1, x = 0;
    const UiKey *k[12];
    int n = 0;
    for (int f = 1; f <= 12; f++)
        for (int i = 0; i < UI_NKEYS; i++)
            if (UI_KEYS[i].fkey == f && ui_key_applies(&UI_KEYS[i], a)) {
                k[n++] = &UI_KEYS[i];
                break;
            }
    int need;
    for (;;) {
        need = 0;
        for (int i = 0; i < n; i++)
            need += (k[i]->fkey < 10 ? 2 : 3) + u8_width(k[i]->barra);
        if (need + n <= a->W || n == 0)
            break;
        int out = -1;
        for (int i = 0; i < n; i++)
            if (k[i]->barra_sale > 0 && (out < 0 || k[i]->barra_sale >= k[out]->barra_sale))
                out = i;
        if (out < 0)
            out = n - 1 > 0 && k[n - 1]->fkey == 10 ? n - 2 : n - 1;  /* F10 Salir stays */
        if (out < 0)
            break;
        memmove(&k[out], &k[out + 1], sizeof *k * (size_t)(n - out - 1));
        n--;
    }
    /* one or two spaces after each label as room allows (htop pads to 6) */
    int spare = a->W - need, pad = n ? spare / n : 0, extra = n ? spare % n : 0;
    if (pad >= 2) {
        pad = 2;
        extra = 0;
    }
    if (pad < 1)
        pad = 1, extra = 0;
    for (int i = 0; i < n; i++) {
        char key[8];
        snprintf(key, sizeof key, "F%d", k[i]->fkey);
        int kw = (int)strlen(key);
        int lw = u8_width(k[i]->barra) + pad + (i < extra ? 1 : 0);
        if (x + kw + lw > a->W)
            lw = a->W - x - kw;
        if (lw <= 0)
            break;
        ui_put(y, x, kw, ui_attr(a, CR_BAR_KEY), key);
        ui_put(y, x + kw, lw, ui_attr(a, CR_BAR_LABEL), k[i]->barra);
        x += kw + lw;
    }
    if (x < a->W)
        ui_put(y, x, a->W - x, ui_attr(a, CR_BAR_LABEL), "");
}

void ui_draw(App *a)
{
    ui_layout(a);
    erase();
    if (a->too_small) {
        char m[160];
        snprintf(m, sizeof m, "Terminal demasiado pequeña: %d×%d", a->W, a->H);
        int y = a->H / 2 - 1;
        ui_put(y < 0 ? 0 : y, 0, a->W, A_BOLD, m);
        snprintf(m, sizeof m, "Se necesitan al menos %d×%d (columnas×filas).", MIN_W, MIN_H);
        ui_put(y + 1 < a->H ? y + 1 : 0, 0, a->W, 0, m);
        if (y + 2 < a->H)
            ui_put(y + 2, 0, a->W, 0, "q: salir");
        refresh();
        return;
    }
    if (a->vista != VISTA_PLAN) {
        ui_seg_draw(a);
        draw_status(a);
        draw_bar(a);
        refresh();
        return;
    }
    /* keep the selection on screen */
    if (a->sel >= a->rows->nrows)
        a->sel = a->rows->nrows - 1;
    if (a->sel < 0)
        a->sel = 0;
    if (a->sel < a->top)
        a->top = a->sel;
    if (a->sel >= a->top + a->list_h)
        a->top = a->sel - a->list_h + 1;
    if (a->top > 0 && a->top + a->list_h > a->rows->nrows)
        a->top = a->rows->nrows - a->list_h > 0 ? a->rows->nrows - a->list_h : 0;
    draw_title(a);
    draw_headers(a);
    draw_list(a);
    draw_detail(a);
    draw_status(a);
    draw_bar(a);
    refresh();
}
