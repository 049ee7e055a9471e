/* ui_recoleccion.c — the «¿Quién falta?» screen: one row per unit at the
 * corte (capture sent, returned, state, sin reporte, sin causa, %), sortable;
 * Enter opens the unit's table. The figures are recoleccion.c's, read afresh
 * whenever the screen opens or something changed behind it. */
#include <stdlib.h>
#include <string.h>

#include "recoleccion.h"
#include "u8.h"
#include "ui_seg.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;

struct UiRecoleccion {
    Recoleccion *r;     /* NULL until read, or after a change: read at the next draw */
    RecolOrden orden;
    Lista lista;        /* over r->filas */
    int sel_unidad;     /* the selected unit, kept across re-reads and orders */
    char error[1024];   /* why it could not be read ("" when it could) */
};

UiRecoleccion *ui_recoleccion_new(void)
{
    UiRecoleccion *t = xcalloc(1, sizeof *t);
    t->sel_unidad = -1;
    return t;
}

void ui_recoleccion_free(UiRecoleccion *t)
{
    if (!t)
        return;
    recoleccion_free(t->r);
    free(t);
}

static void olvidar(UiRecoleccion *t)
{
    recoleccion_free(t->r);
    t->r = NULL;
}

static void seleccionar(UiRecoleccion *t)
{
    if (!t->r)
        return;
    t->lista.n = t->r->nfilas;
    for (int i = 0; i < t->r->nfilas; i++)
        if (t->r->filas[i].unidad == t->sel_unidad)
            t->lista.sel = i;
    if (t->lista.sel >= t->r->nfilas)
        t->lista.sel = t->r->nfilas ? t->r->nfilas - 1 : 0;
}

/* The rows from the file and the plan in memory, at the current corte. */
static UiRecoleccion *leer(App *a)
{
    UiRecoleccion *t = a->recoleccion;
    if (t->r)
        return t;
    PoaErr err = {{0}};
    RecolOpts o = {.corte = a->corte, .umbrales = a->cfg->umbrales, .regla = a->cfg->regla,
                   .fecha_limite = a->cfg->fecha_limite[a->corte - 1]};
    t->r = recoleccion_new(a->db, a->plan, &o, &err);
    snprintf(t->error, sizeof t->error, "%s", t->r ? "" : err.msg);
    if (t->r) {
        recoleccion_ordenar(t->r, t->orden);
        seleccionar(t);
    }
    return t;
}

/* ---- drawing ---- */

static int estado_attr(const App *a, RecolEstado e)
{
    switch (e) {
    case RECOL_DEVUELTA: return ui_attr(a, CR_SEM_VERDE);
    case RECOL_PENDIENTE: return ui_attr(a, CR_SEM_AMARILLO);
    case RECOL_VENCIDA: return ui_attr(a, CR_SEM_ROJO) | (int)A_BOLD;
    default: return ui_attr(a, CR_SEM_GRIS);
    }
}

/* "09/10/2024 16:30", or only the date when the column is narrow. */
static const char *momento(const App *a, const char *m, int w, char *buf, size_t n)
{
    if (!m[0])
        return ui_glyph(a, "—", "-");
    recol_momento_corto(m, buf, n);
    if (w < 16 && strlen(buf) > 10)
        buf[10] = '\0';
    return buf;
}

static void pct_texto(const App *a, bool has, double pct, Semaforo sem, char *buf, size_t n)
{
    if (has)
        snprintf(buf, n, "%4ld %% %s", calc_pct_entero(pct), ui_seg_marca(a, sem));
    else
        snprintf(buf, n, "   %s %% %s", ui_glyph(a, "—", "-"), ui_seg_marca(a, SEM_GRIS));
}

static void recoleccion_draw(App *a)
{
    UiRecoleccion *t = leer(a);
    char s[1600], c1[96];
    snprintf(s, sizeof s, " ¿Quién falta? · %s", ui_seg_corte_titulo(a, c1, sizeof c1));
    ui_seg_title(a, s);
    if (!t->r) {
        ui_put_wrapped(2, 1, a->W - 2, 4, ui_attr(a, CR_STATUS_ERR), t->error);
        return;
    }
    const Recoleccion *r = t->r;
    char hoy[16];
    snprintf(hoy, sizeof hoy, "%.2s/%.2s/%.4s", r->hoy + 8, r->hoy + 5, r->hoy);
    if (r->limite[0])
        snprintf(s, sizeof s, " Fecha límite: %s · hoy: %s · Orden: %s (o)", r->limite, hoy,
                 recol_orden_texto(r->orden));
    else
        snprintf(s, sizeof s, " Sin fecha límite ([captura] fecha_limite_%d) · hoy: %s · Orden: %s (o)",
                 r->corte, hoy, recol_orden_texto(r->orden));
    ui_put(1, 0, a->W, 0, s);
    char tp[48];
    if (r->has_pct)
        snprintf(tp, sizeof tp, "%ld %% %s", calc_pct_entero(r->pct), ui_seg_marca(a, r->sem));
    else
        snprintf(tp, sizeof tp, "%s", ui_glyph(a, "—", "-"));
    snprintf(s, sizeof s,
             " Devueltas %d · pendientes %d · vencidas %d · no enviadas %d de %d — sin reporte %d · "
             "sin causa %d · Institución %s",
             r->n_estado[RECOL_DEVUELTA], r->n_estado[RECOL_PENDIENTE], r->n_estado[RECOL_VENCIDA],
             r->n_estado[RECOL_NO_ENVIADA], r->nfilas, r->sin_reporte, r->sin_causa, tp);
    int ntot = ui_put_wrapped(2, 0, a->W, 2, A_DIM, s);
    /* columns: the dates keep their time from 100 columns on */
    int dw = a->W >= 100 ? 16 : 10, ew = 10, rw = 6, cw = 7, pw = 9;
    int fixed = 1 + dw + 1 + dw + 1 + ew + 1 + rw + 1 + cw + 1 + pw;
    int nw = a->W - fixed - 1;
    if (nw < 12)
        nw = 12;
    int xe = nw + 1, xd = xe + dw + 1, xs = xd + dw + 1, xr = xs + ew + 1, xc = xr + rw + 1,
        xp = xc + cw + 1;
    int hy = 2 + ntot, h = ui_attr(a, CR_HEADER);
    ui_put(hy, 0, a->W, h, "");
    ui_put(hy, 1, nw - 1, h, "Unidad");
    ui_put(hy, xe, dw, h, "Enviada");
    ui_put(hy, xd, dw, h, "Devuelta");
    ui_put(hy, xs, ew, h, "Estado");
    ui_seg_put_right(hy, xr, rw, h, "S/rep.");
    ui_seg_put_right(hy, xc, cw, h, "S/causa");
    ui_seg_put_right(hy, xp, pw - 3, h, "%");
    int y0 = hy + 1, det_h = 2;
    int rows = a->H - 2 - y0 - det_h - 1;
    if (rows < 1)
        rows = 1;
    t->lista.n = r->nfilas;
    t->lista.page = rows;
    lista_fit(&t->lista, rows);
    for (int i = 0; i < rows; i++) {
        int ix = t->lista.top + i, y = y0 + i;
        ui_put(y, 0, a->W, 0, "");
        if (ix >= r->nfilas)
            continue;
        const RecolFila *f = &r->filas[ix];
        bool sel = ix == t->lista.sel;
        int base = sel ? ui_attr(a, CR_SELECTED) : 0;
        char x[64];
        snprintf(s, sizeof s, " %s", f->nombre);
        ui_put(y, 0, nw, base, s);
        ui_put(y, xe, dw, base, momento(a, f->enviada_en, dw, x, sizeof x));
        ui_put(y, xd, dw, base, momento(a, f->recibida_en, dw, x, sizeof x));
        ui_put(y, xs, ew, sel ? base : estado_attr(a, f->estado), recol_estado_name(f->estado));
        snprintf(x, sizeof x, "%d", f->sin_reporte);
        ui_seg_put_right(y, xr, rw, base, x);
        snprintf(x, sizeof x, "%d", f->sin_causa);
        ui_seg_put_right(y, xc, cw, base, x);
        pct_texto(a, f->has_pct, f->pct, f->sem, x, sizeof x);
        ui_put(y, xp, pw, f->has_pct ? ui_seg_sem_attr(a, f->sem) : ui_attr(a, CR_SEM_GRIS), x);
    }
    /* the selected unit in full: which files went out and came back */
    int dy = y0 + rows;
    ui_hline(a, dy);
    if (!r->nfilas) {
        ui_put(dy + 1, 1, a->W - 1, 0, "El plan no tiene unidades con actividades.");
        return;
    }
    const RecolFila *f = &r->filas[t->lista.sel];
    char e[48], d[48];
    if (!f->envios)
        snprintf(s, sizeof s, " %s: no se le envió libro de captura para este corte%s.", f->nombre,
                 f->vencida ? " y la fecha límite pasó" : "");
    else if (f->recibida_en[0])
        snprintf(s, sizeof s, " %s: enviada %s (%s); devuelta %s de %s.", f->nombre, f->archivo,
                 recol_momento_corto(f->enviada_en, e, sizeof e), recol_momento_corto(f->recibida_en, d, sizeof d),
                 f->recibida_de);
    else
        snprintf(s, sizeof s, " %s: enviada %s (%s)%s; %d de %d actividades vencidas sin reporte.",
                 f->nombre, f->archivo, recol_momento_corto(f->enviada_en, e, sizeof e),
                 f->vencida ? ", fuera de plazo" : ", sin devolver", f->sin_reporte, f->vencidas);
    ui_put_wrapped(dy + 1, 0, a->W, det_h, 0, s);
}

static void recoleccion_position(const App *a, char *buf, size_t n)
{
    const UiRecoleccion *t = a->recoleccion;
    int total = t->r ? t->r->nfilas : 0;
    snprintf(buf, n, " %d/%d ", total ? t->lista.sel + 1 : 0, total);
}

/* ---- requests ---- */

static void recordar(UiRecoleccion *t)
{
    if (t->r && t->lista.sel >= 0 && t->lista.sel < t->r->nfilas)
        t->sel_unidad = t->r->filas[t->lista.sel].unidad;
}

static int recoleccion_enter(App *a)
{
    UiRecoleccion *t = leer(a);
    if (!t->r || !t->r->nfilas)
        return MOVE;
    recordar(t);
    a->pedido = (UiPedido){.vista = VISTA_TABLA, .nodo = -1, .unidad = t->sel_unidad};
    return MOVE | UI_SWITCH;
}

static int recoleccion_orden(App *a)
{
    UiRecoleccion *t = leer(a);
    recordar(t);
    t->orden = (RecolOrden)((t->orden + 1) % RECOL_NORDENES);
    if (t->r) {
        recoleccion_ordenar(t->r, t->orden);
        seleccionar(t);
    }
    ui_status(a, false, "Ordenado por %s", recol_orden_texto(t->orden));
    return MOVE;
}

static int recoleccion_request(App *a, UiReq req, int key)
{
    (void)key;
    switch (req) {
    case REQ_SEG_ENTER: return recoleccion_enter(a);
    case REQ_RECOLECCION_ORDEN: return recoleccion_orden(a);
    default: return ui_seg_corte_request(a, req);
    }
}

static Lista *recoleccion_list(App *a)
{
    UiRecoleccion *t = leer(a);
    t->lista.n = t->r ? t->r->nfilas : 0;
    return &t->lista;
}

/* An undo, another corte, the plan read again: everything afresh at the
 * next draw (unit indices may have changed: the selection goes by index). */
static void recoleccion_changed(App *a, UiCambio what, bool showing)
{
    (void)showing;
    UiRecoleccion *t = a->recoleccion;
    recordar(t);
    if (what == UI_CAMBIO_RECARGADO)
        t->sel_unidad = -1;
    olvidar(t);
}

/* Read afresh every time it comes up: a capture imported, or a real typed
 * in the unit's table, changes what is missing. */
static bool recoleccion_open(App *a, Vista from, const UiPedido *p)
{
    UiRecoleccion *t = a->recoleccion;
    recordar(t);
    olvidar(t);
    if (p->volver)
        return true;
    /* Esc goes to the plan, as the board's: the unit's table opened from
     * here returns here, and the two must not send Esc round in a circle */
    (void)from;
    a->vuelta[VISTA_RECOLECCION] = VISTA_PLAN;
    ui_status(a, false, "o: ordenar (nombre, estado, %%, sin reporte); c: corte; Enter: tabla de la unidad");
    return true;
}

static int recoleccion_foco(const App *a)
{
    (void)a;
    return -1;   /* the plan keeps its own selection */
}

const UiScreen UI_SCREEN_RECOLECCION = {
    .vista = VISTA_RECOLECCION,
    .draw = recoleccion_draw,
    .request = recoleccion_request,
    .list = recoleccion_list,
    .changed = recoleccion_changed,
    .open = recoleccion_open,
    .foco = recoleccion_foco,
    .position = recoleccion_position,
};
