/* ui_tablero.c — the board screen: % ejecución and semáforo per unit,
 * objetivo and eje as horizontal bars, sortable, with the roll-up rule in
 * words. The figures are ui_seg.c's roll-up (computed in one pass when the
 * data changed outside, adjusted per edit); the groups follow each rebuild. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"
#include "ui_seg.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;

typedef enum { G_UNIDAD = 0, G_OBJETIVO, G_EJE, NG } GrupoKind;
static const char *const GRUPO_NOMBRE[NG] = {"Unidades", "Objetivos", "Ejes"};

typedef struct {
    int id;             /* unit index, or node index */
    char *nombre;
    char *clave;        /* folded name, for sorting */
} Grupo;

struct UiTablero {
    Rollup *roll;       /* ui_seg_rollup(): the figures the groups were made from */
    unsigned builds;    /* UiSeg.roll_builds of the groups */
    unsigned cambios;   /* UiSeg.roll_cambios of the order */
    Grupo *g[NG];
    int ng[NG], capg[NG];
    int *orden;         /* group indices of the shown kind, sorted */
    bool orden_ok;
    GrupoKind kind;
    bool por_pct;
    Lista lista;        /* over orden */
};

UiTablero *ui_tablero_new(void)
{
    UiTablero *t = xcalloc(1, sizeof *t);
    return t;
}

static void grupos_free(UiTablero *t)
{
    for (int k = 0; k < NG; k++) {
        for (int i = 0; i < t->ng[k]; i++) {
            free(t->g[k][i].nombre);
            free(t->g[k][i].clave);
        }
        free(t->g[k]);
        t->g[k] = NULL;
        t->ng[k] = t->capg[k] = 0;
    }
    free(t->orden);
    t->orden = NULL;
    t->roll = NULL;
    t->orden_ok = false;
}

void ui_tablero_free(UiTablero *t)
{
    if (!t)
        return;
    grupos_free(t);
    free(t);
}

static void grupo_add(UiTablero *t, GrupoKind k, int id, char *nombre)
{
    if (t->ng[k] == t->capg[k]) {
        t->capg[k] = t->capg[k] ? t->capg[k] * 2 : 16;
        t->g[k] = xrealloc(t->g[k], sizeof(Grupo) * (size_t)t->capg[k]);
    }
    Grupo *g = &t->g[k][t->ng[k]++];
    g->id = id;
    g->nombre = nombre;
    g->clave = u8_fold(nombre);
}

/* The figures of group g of kind k. */
static const Consolidado *grupo_c(const UiTablero *t, GrupoKind k, const Grupo *g)
{
    return k == G_UNIDAD ? &t->roll->unid[g->id] : &t->roll->nodo[g->id];
}

static char *nodo_nombre(const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    if (n->codigo[0] && !n->texto[0])
        return xstrdup(n->codigo);
    return xasprintf("%s%s%s", n->codigo, n->codigo[0] ? " " : "", node_texto_mostrado(n));
}

/* The groups that hold any actividad, after each rebuild of the roll-up;
 * the order again after any change of the figures. */
static UiTablero *tablero_ensure(App *a)
{
    UiTablero *t = a->tablero;
    Rollup *roll = ui_seg_rollup(a);
    if (t->roll != roll || t->builds != a->seg->roll_builds) {
        Plan *p = a->plan;
        GrupoKind kind = t->kind;
        grupos_free(t);
        t->kind = kind;
        t->roll = roll;
        t->builds = a->seg->roll_builds;
        for (int u = 0; u < p->nunidades; u++)
            grupo_add(t, G_UNIDAD, u, xstrdup(p->unidades[u].nombre));
        for (int i = 1; i < p->nnodes; i++) {
            const Node *n = &p->nodes[i];
            if (n->deleted || roll->nodo[i].n_total == 0)
                continue;
            if (n->kind == NODE_OBJETIVO)
                grupo_add(t, G_OBJETIVO, i, nodo_nombre(p, i));
            else if (n->kind == NODE_EJE)
                grupo_add(t, G_EJE, i, nodo_nombre(p, i));
        }
    }
    if (t->cambios != a->seg->roll_cambios) {
        t->cambios = a->seg->roll_cambios;
        t->orden_ok = false;
    }
    return t;
}

/* ---- order ---- */

static const UiTablero *sort_t;

static int cmp_nombre(const void *x, const void *y)
{
    const Grupo *a = &sort_t->g[sort_t->kind][*(const int *)x];
    const Grupo *b = &sort_t->g[sort_t->kind][*(const int *)y];
    int c = strcmp(a->clave, b->clave);
    return c ? c : a->id - b->id;
}

static int cmp_pct(const void *x, const void *y)
{
    const Grupo *a = &sort_t->g[sort_t->kind][*(const int *)x];
    const Grupo *b = &sort_t->g[sort_t->kind][*(const int *)y];
    double pa, pb;
    bool ha = calc_consolidado_pct(grupo_c(sort_t, sort_t->kind, a), &pa),
         hb = calc_consolidado_pct(grupo_c(sort_t, sort_t->kind, b), &pb);
    if (ha != hb)
        return ha ? -1 : 1;   /* nothing due: at the end */
    if (ha && fabs(pa - pb) > CALC_EPS)
        return pa > pb ? -1 : 1;
    return cmp_nombre(x, y);
}

static void ordenar(UiTablero *t)
{
    if (t->orden_ok)
        return;
    int n = t->ng[t->kind];
    int keep = t->orden && t->lista.sel < n ? t->orden[t->lista.sel] : -1;
    free(t->orden);
    t->orden = xmalloc(sizeof(int) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++)
        t->orden[i] = i;
    sort_t = t;
    qsort(t->orden, (size_t)n, sizeof(int), t->por_pct ? cmp_pct : cmp_nombre);
    sort_t = NULL;
    /* the selection follows its group when the order changes */
    for (int i = 0; i < n && keep >= 0; i++)
        if (t->orden[i] == keep)
            t->lista.sel = i;
    if (t->lista.sel >= n)
        t->lista.sel = n ? n - 1 : 0;
    t->orden_ok = true;
}

/* ---- drawing ---- */

/* Horizontal bar of w columns for fraction v of scale. */
static void barra(const App *a, double v, double scale, int w, StrBuf *lleno, StrBuf *vacio)
{
    static const char *const parcial[8] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    double cells = v / scale * w;
    if (cells < 0)
        cells = 0;
    if (cells > w)
        cells = w;
    int full = (int)floor(cells + 1e-9);
    int eighths = (int)lround((cells - full) * 8);
    if (eighths == 8) {
        full++;
        eighths = 0;
    }
    int used = full;
    for (int i = 0; i < full; i++)
        sb_append(lleno, a->utf8 ? "█" : "#");
    if (eighths && used < w) {
        if (a->utf8)
            sb_append(lleno, parcial[eighths]);
        else
            sb_append(lleno, eighths >= 4 ? "+" : "");
        used += a->utf8 || eighths >= 4 ? 1 : 0;
    }
    for (int i = used; i < w; i++)
        sb_append(vacio, a->utf8 ? "░" : ".");
}

/* Columns of the longest name of the groups shown, with its leading space. */
static int nombre_max(const UiTablero *t)
{
    int w = 0;
    for (int i = 0; i < t->ng[t->kind]; i++) {
        int x = u8_width(t->g[t->kind][i].nombre) + 1;
        if (x > w)
            w = x;
    }
    return w;
}

/* Name and bar share avail columns: the bar keeps a readable width (a
 * quarter of them, 10 to 20 columns), the names take what they need of the
 * rest, and what the names leave goes to the bar up to 40 columns; past
 * that the row ends early rather than stretch a bar nobody reads. */
static void tablero_columnas(int avail, int nombre, int *name_w, int *bar_w)
{
    int bar_min = (avail + 4) / 4;
    if (bar_min < 10)
        bar_min = 10;
    if (bar_min > 20)
        bar_min = 20;
    int n = nombre < 18 ? 18 : nombre;
    if (n > avail - bar_min)
        n = avail - bar_min;
    if (n < 12)
        n = 12;
    int b = avail - n;
    if (b > 40)
        b = 40;
    if (b < 8)
        b = 8;
    *name_w = n;
    *bar_w = b;
}

static void tablero_draw(App *a)
{
    UiTablero *t = tablero_ensure(a);
    ordenar(t);
    Plan *p = a->plan;
    char s[1600], c1[96];
    /* title: the corte and the year stay; the institution is cut first */
    char pre[480], post[32], inst[1024];
    /* a read-only session says so first: " solo lectura — … · Tablero · Corte 3" */
    snprintf(pre, sizeof pre, "%s%s%s Tablero · %s", a->solo_lectura[0] ? " " : "",
             a->solo_lectura, a->solo_lectura[0] ? " ·" : "",
             ui_seg_corte_titulo(a, c1, sizeof c1));
    snprintf(post, sizeof post, " %d", p->anio);
    int iw = a->W - u8_width(pre) - u8_width(post) - 3;
    inst[0] = '\0';
    if (iw >= 6)
        u8_fit_copy(p->institucion, iw, false, inst, sizeof inst);
    snprintf(s, sizeof s, "%s%s%s%s", pre, inst[0] ? " · " : "", inst, post);
    ui_put(0, 0, a->W, ui_attr(a, CR_TITLE), s);
    /* tabs, order and the institution's figure */
    int x = 1;
    ui_put(1, 0, a->W, 0, "");
    for (int k = 0; k < NG; k++) {
        snprintf(s, sizeof s, " %d %s ", k + 1, GRUPO_NOMBRE[k]);
        int w = u8_width(s);
        ui_put(1, x, w, k == (int)t->kind ? ui_attr(a, CR_SELECTED) | (int)A_BOLD : ui_attr(a, CR_HEADER), s);
        x += w + 1;
    }
    snprintf(s, sizeof s, " Orden: %s (o)", t->por_pct ? "%" : "nombre");
    ui_put(1, x, u8_width(s), 0, s);
    x += u8_width(s) + 2;
    double tp;
    Semaforo ts;
    if (calc_rollup_figura(t->roll, &t->roll->total, &tp, &ts)) {
        snprintf(s, sizeof s, "Institución: %ld %% %s", calc_pct_entero(tp), ui_seg_marca(a, ts));
        int w = u8_width(s);
        if (a->W - w - 1 >= x)
            ui_put(1, a->W - w - 1, w, ui_seg_sem_attr(a, ts) | (int)A_BOLD, s);
    }
    /* the rule in words and the thresholds */
    char regla[512], vv[32], aa[32];
    calc_regla_texto(&a->cfg->regla, regla, sizeof regla);
    snprintf(s, sizeof s, "Regla: %s Semáforo: verde %s %s, amarillo %s %s, rojo debajo; %s sin nada vencido.",
             regla, a->utf8 ? "≥" : ">=", num_format_pct(a->cfg->umbrales.verde, vv, sizeof vv),
             a->utf8 ? "≥" : ">=", num_format_pct(a->cfg->umbrales.amarillo, aa, sizeof aa),
             a->utf8 ? "gris" : "gris (-)");
    /* as many lines as the rule needs at this width (up to 4) */
    int nreg = ui_put_wrapped(2, 1, a->W - 1, 4, A_DIM, s);
    /* columns */
    int cnt_w = 8 * 4, pct_w = 9;
    int name_w, bar_w;
    tablero_columnas(a->W - 3 - pct_w - cnt_w, nombre_max(t), &name_w, &bar_w);
    int bar_x = name_w + 1;
    int pct_x = bar_x + bar_w + 1, cnt_x = pct_x + pct_w + 1;
    int hy = 2 + nreg, h = ui_attr(a, CR_HEADER);
    ui_put(hy, 0, a->W, h, "");
    ui_put(hy, 1, name_w - 1, h, GRUPO_NOMBRE[t->kind]);
    double scale = a->cfg->regla.tope > 1.0 ? a->cfg->regla.tope : 1.0;
    if (bar_w >= 22)
        snprintf(s, sizeof s, "Ejecución (0 a %ld %%)", calc_pct_entero(scale));
    else
        snprintf(s, sizeof s, "Ejecución");
    ui_put(hy, bar_x, bar_w, h, s);
    ui_put(hy, pct_x, pct_w, h, "      %");
    snprintf(s, sizeof s, "%8s%8s%8s%8s", "Total", "Report.", "S/rep.", "N/venc.");
    ui_put(hy, cnt_x, cnt_w, h, s);
    int y0 = hy + 1, det_h = 1;
    int rows = a->H - 2 - y0 - det_h - 1;
    if (rows < 1)
        rows = 1;
    int n = t->ng[t->kind];
    t->lista.n = n;
    t->lista.page = rows;
    lista_fit(&t->lista, rows);
    for (int i = 0; i < rows; i++) {
        int ix = t->lista.top + i, y = y0 + i;
        ui_put(y, 0, a->W, 0, "");
        if (ix >= n)
            continue;
        const Grupo *g = &t->g[t->kind][t->orden[ix]];
        const Consolidado *gc = grupo_c(t, t->kind, g);
        bool sel = ix == t->lista.sel;
        int base = sel ? ui_attr(a, CR_SELECTED) : 0;
        snprintf(s, sizeof s, " %s", g->nombre);
        ui_put(y, 0, name_w, base, s);
        double pct;
        Semaforo sem;
        if (calc_rollup_figura(t->roll, gc, &pct, &sem)) {
            StrBuf lleno = {0}, vacio = {0};
            barra(a, pct, scale, bar_w, &lleno, &vacio);
            int lw = u8_width(sb_str(&lleno));
            ui_put(y, bar_x, lw, ui_seg_sem_attr(a, sem) & ~(int)A_REVERSE, sb_str(&lleno));
            ui_put(y, bar_x + lw, bar_w - lw, ui_attr(a, CR_SEM_GRIS), sb_str(&vacio));
            sb_free(&lleno);
            sb_free(&vacio);
            snprintf(s, sizeof s, "%4ld %% %s", calc_pct_entero(pct), ui_seg_marca(a, sem));
            ui_put(y, pct_x, pct_w, ui_seg_sem_attr(a, sem), s);
        } else {
            ui_put(y, bar_x, bar_w, ui_attr(a, CR_SEM_GRIS),
                   gc->n_total ? "nada vencido al corte" : "sin actividades");
            snprintf(s, sizeof s, "   %s %% %s", a->utf8 ? "—" : "-", ui_seg_marca(a, SEM_GRIS));
            ui_put(y, pct_x, pct_w, ui_attr(a, CR_SEM_GRIS), s);
        }
        snprintf(s, sizeof s, "%8d%8d%8d%8d", gc->n_total, gc->n_estado[ESTADO_REPORTADA],
                 gc->n_estado[ESTADO_SIN_REPORTE], gc->n_estado[ESTADO_NO_VENCIDA]);
        ui_put(y, cnt_x, cnt_w, 0, s);
    }
    /* detail: the selected group in full, with its semáforo counts */
    int dy = y0 + rows;
    ui_hline(a, dy);
    if (n) {
        const Grupo *g = &t->g[t->kind][t->orden[t->lista.sel]];
        const Consolidado *gc = grupo_c(t, t->kind, g);
        snprintf(s, sizeof s, " verde %d · amarillo %d · rojo %d · gris %d · sin meta %d — %s",
                 gc->n_semaforo[SEM_VERDE], gc->n_semaforo[SEM_AMARILLO], gc->n_semaforo[SEM_ROJO],
                 gc->n_semaforo[SEM_GRIS], gc->n_estado[ESTADO_SIN_META], g->nombre);
        ui_put(dy + 1, 0, a->W, 0, s);
    }
}

static void tablero_position(const App *a, char *buf, size_t n)
{
    const UiTablero *t = a->tablero;
    int total = t->ng[t->kind];
    snprintf(buf, n, " %d/%d ", total ? t->lista.sel + 1 : 0, total);
}

/* ---- requests ---- */

static int tablero_enter(App *a)
{
    UiTablero *t = a->tablero;
    if (t->kind != G_UNIDAD) {
        ui_status(a, false, "Enter abre la tabla de una unidad: pase a Unidades con 1");
        return MOVE;
    }
    if (!t->ng[G_UNIDAD] || !t->orden)
        return MOVE;
    a->pedido = (UiPedido){.vista = VISTA_TABLA, .nodo = -1,
                           .unidad = t->g[G_UNIDAD][t->orden[t->lista.sel]].id};
    return MOVE | UI_SWITCH;
}

static int tablero_grupo(App *a, int k)
{
    UiTablero *t = a->tablero;
    GrupoKind nk;
    if (k >= '1' && k <= '3')
        nk = (GrupoKind)(k - '1');
    else if (k == KEY_BTAB)
        nk = (GrupoKind)((t->kind + NG - 1) % NG);
    else
        nk = (GrupoKind)((t->kind + 1) % NG);
    if (nk != t->kind) {
        t->kind = nk;
        t->lista.sel = t->lista.top = 0;
        free(t->orden);
        t->orden = NULL;
        t->orden_ok = false;
    }
    return MOVE;
}

static int tablero_orden(App *a)
{
    UiTablero *t = a->tablero;
    t->por_pct = !t->por_pct;
    t->orden_ok = false;
    ui_status(a, false, "Ordenado por %s", t->por_pct ? "% de ejecución (mayor primero)" : "nombre");
    return MOVE;
}

static int tablero_request(App *a, UiReq req, int key)
{
    switch (req) {
    case REQ_SEG_ENTER: return tablero_enter(a);
    case REQ_TABLERO_GRUPO: return tablero_grupo(a, key);
    case REQ_TABLERO_ORDEN: return tablero_orden(a);
    default: return ui_seg_corte_request(a, req);
    }
}

static Lista *tablero_list(App *a)
{
    UiTablero *t = a->tablero;
    t->lista.n = t->ng[t->kind];
    return &t->lista;
}

/* An undo, another corte: the figures afresh at the next draw. */
static void tablero_changed(App *a, UiCambio what, bool showing)
{
    (void)what;
    (void)showing;
    ui_seg_rollup_invalidate(a);
}

/* Plan edits (targets, months, deletions) do not pass through here: coming
 * from the plan, the figures are computed afresh, once. */
static bool tablero_open(App *a, Vista from, const UiPedido *p)
{
    if (p->volver)
        return true;   /* back from the table: as it was left */
    /* Esc on the board goes to the plan, wherever it was opened from: the
     * table opened from the board returns to it, and the two must not
     * send Esc round in a circle */
    a->vuelta[VISTA_TABLERO] = VISTA_PLAN;
    if (from == VISTA_PLAN)
        ui_seg_rollup_invalidate(a);
    ui_status(a, false, "Tab o 1/2/3: unidades, objetivos, ejes; o: ordenar; Enter: tabla de la unidad");
    return true;
}

static int tablero_foco(const App *a)
{
    (void)a;
    return -1;   /* the plan keeps its own selection when the board closes */
}

const UiScreen UI_SCREEN_TABLERO = {
    .vista = VISTA_TABLERO,
    .draw = tablero_draw,
    .request = tablero_request,
    .list = tablero_list,
    .changed = tablero_changed,
    .open = tablero_open,
    .foco = tablero_foco,
    .position = tablero_position,
};
