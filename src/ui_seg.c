/* ui_seg.c — the seguimiento screens: the form of one actividad at the
 * corte, the unit's table in the Caja's layout edited cell by cell, the
 * corte picker, closing/reopening the corte, and switching between views.
 * Edits go through seguimiento.h (one transaction each); the board's cached
 * roll-ups are adjusted per edit (ui_tablero.c). Only visible rows are drawn. */
#include <stdlib.h>
#include <string.h>

#include "seguimiento.h"
#include "u8.h"
#include "ui_seg.h"
#include "verificar.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;

typedef struct {
    int node;
    bool objetivo;      /* a header row: the objetivo the next rows belong to */
    int ord;            /* 1-based among the actividad rows; 0 for headers */
} SegFila;

enum { C_COD, C_ACC, C_LID, C_RESP, C_META, C_T1, C_T2, C_T3, C_T4, C_REAL, C_PCT, C_OBS, NCOL };

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

typedef enum { CAMPO_REAL = 0, CAMPO_OBS, CAMPO_EVID, NCAMPOS } SegCampo;

struct UiSeg {
    /* the table: one unit's actividades under their objetivo rows, built
     * when the unit is chosen (a walk of that unit's metas, not the plan) */
    int unidad;             /* -1 until one is chosen */
    SegFila *filas;
    int nfilas, capfilas, nacts;
    int sel, top;           /* sel is an actividad row whenever there is one */
    int col, col0, last;    /* selected column; scrolled columns shown: col0..last */
    int page;
    int w[NCOL];            /* column widths of the last layout */
    SegCampo campo;         /* the form's selected field */
    Vista form_de, tabla_de;
    unsigned gen;           /* a->plan_gen when the table was built */
    UiTablero *tablero;
};

UiSeg *ui_seg_new(App *a)
{
    (void)a;
    UiSeg *s = xcalloc(1, sizeof *s);
    s->unidad = -1;
    s->col = C_REAL;
    s->col0 = C_ACC;
    s->tablero = ui_tablero_new();
    return s;
}

void ui_seg_free(UiSeg *s)
{
    if (!s)
        return;
    free(s->filas);
    ui_tablero_free(s->tablero);
    free(s);
}

UiTablero *ui_seg_tablero(const App *a) { return a->seg->tablero; }

/* ---- shared pieces ---- */

const char *ui_seg_corte_titulo(const App *a, char *buf, size_t n)
{
    const CorteEstado *c = &a->plan->cortes[a->corte - 1];
    snprintf(buf, n, "Corte %d %s (%s)", a->corte, POA_TRIM_RANGO[a->corte - 1],
             c->cerrado ? "cerrado" : "abierto");
    return buf;
}

const char *ui_seg_marca(const App *a, Semaforo s)
{
    static const char *const u[] = {"  ", "●—", "●R", "●A", "●V"};
    static const char *const asc[] = {"  ", "*-", "*R", "*A", "*V"};
    if ((unsigned)s > SEM_VERDE)
        s = SEM_NINGUNO;
    return a->utf8 ? u[s] : asc[s];
}

int ui_seg_sem_attr(const App *a, Semaforo s)
{
    switch (s) {
    case SEM_VERDE: return ui_attr(a, CR_SEM_VERDE);
    case SEM_AMARILLO: return ui_attr(a, CR_SEM_AMARILLO);
    case SEM_ROJO: return ui_attr(a, CR_SEM_ROJO);
    case SEM_GRIS: return ui_attr(a, CR_SEM_GRIS);
    default: return 0;
    }
}

/* "EN-SEP": the months a corte accumulates. */
static const char *rango_acum(int corte)
{
    static const char *const r[] = {"EN-MAR", "EN-JUN", "EN-SEP", "EN-DIC"};
    return r[corte - 1];
}

/* Text in a single line (observaciones may hold line breaks). */
static char *una_linea(const char *s)
{
    char *t = xstrdup(s);
    for (char *p = t; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    return t;
}

static void put_right(int y, int x, int w, int attr, const char *s)
{
    int sw = u8_width(s);
    if (sw >= w) {
        ui_put(y, x, w, attr, s);
        return;
    }
    char buf[512];
    snprintf(buf, sizeof buf, "%*s%s", w - sw, "", s);
    ui_put(y, x, w, attr, buf);
}

static void title_line(App *a, const char *left)
{
    const char *right = "Esc: volver ";
    int rw = u8_width(right);
    char ro[1400];
    if (a->solo_lectura[0]) {   /* a read-only session says so first, as the plan does */
        snprintf(ro, sizeof ro, " %s ·%s", a->solo_lectura, left);
        left = ro;
    }
    ui_put(0, 0, a->W, ui_attr(a, CR_TITLE), left);
    if (a->W - rw > u8_width(left) + 1)
        ui_put(0, a->W - rw, rw, ui_attr(a, CR_TITLE), right);
}

/* Quarterly target q (0..3) as the report prints it. */
static void fmt_meta_q(const Actividad *act, int q, char *buf, size_t n)
{
    FuenteMeta f = calc_fuente(act);
    if (f == FUENTE_TRIMESTRES && act->trim[q].has) {
        valor_format(&act->trim[q], buf, n);
        return;
    }
    double v = calc_meta_trimestre(act, q + 1);
    if (v == 0.0)
        snprintf(buf, n, "%s", "");
    else if (act->tipo == TIPO_PORCENTAJE)
        num_format_pct(v, buf, n);
    else
        num_format(v, buf, n);
}

static void fmt_meta_anual(const Actividad *act, char *buf, size_t n)
{
    if (act->meta_anual.has) {
        valor_format(&act->meta_anual, buf, n);
        return;
    }
    bool has;
    double v = calc_meta_anual(act, &has);
    if (!has)
        snprintf(buf, n, "%s", "");
    else if (act->tipo == TIPO_PORCENTAJE)
        num_format_pct(v, buf, n);
    else
        num_format(v, buf, n);
}

/* "31 %" (whole percent as published) or "—" when there is no figure. */
static void fmt_pct(const App *a, const ResultadoAct *r, char *buf, size_t n)
{
    if (r->has_pct)
        snprintf(buf, n, "%ld %%", calc_pct_entero(r->pct));
    else
        snprintf(buf, n, "%s", a->utf8 ? "—" : "-");
}

static const char *unidad_nombre(const App *a, int u)
{
    return u >= 0 && u < a->plan->nunidades ? a->plan->unidades[u].nombre : "(sin unidad)";
}

/* ---- the table's rows ---- */

typedef struct {
    UiSeg *s;
    int objetivo;
    bool header_done;
} BuildCtx;

static void push_fila(UiSeg *s, int node, bool obj)
{
    if (s->nfilas == s->capfilas) {
        s->capfilas = s->capfilas ? s->capfilas * 2 : 64;
        s->filas = xrealloc(s->filas, sizeof *s->filas * (size_t)s->capfilas);
    }
    s->filas[s->nfilas++] = (SegFila){node, obj, obj ? 0 : ++s->nacts};
}

static void build_visit(Plan *p, int node, void *ctx)
{
    (void)p;
    BuildCtx *b = ctx;
    if (!b->header_done) {
        push_fila(b->s, b->objetivo, true);
        b->header_done = true;
    }
    push_fila(b->s, node, false);
}

/* Walks ejes → objetivos → the unit's metas: the unit's subtree plus the
 * levels above it, never every actividad of the plan. */
static void tabla_build(App *a, int unidad)
{
    UiSeg *s = a->seg;
    Plan *p = a->plan;
    int keep = s->nfilas && s->sel < s->nfilas ? s->filas[s->sel].node : -1;
    s->nfilas = s->nacts = 0;
    s->unidad = unidad;
    s->gen = a->plan_gen;
    const IntVec *ejes = &p->nodes[0].kids;
    for (int i = 0; i < ejes->n; i++) {
        const IntVec *objs = &p->nodes[ejes->v[i]].kids;
        for (int j = 0; j < objs->n; j++) {
            BuildCtx b = {s, objs->v[j], false};
            const IntVec *metas = &p->nodes[objs->v[j]].kids;
            for (int k = 0; k < metas->n; k++)
                if (!p->nodes[metas->v[k]].deleted && p->nodes[metas->v[k]].unidad == unidad)
                    plan_each_actividad(p, metas->v[k], build_visit, &b);
        }
    }
    s->sel = 0;
    for (int i = 0; i < s->nfilas; i++)
        if (!s->filas[i].objetivo && (keep < 0 || s->filas[i].node == keep)) {
            s->sel = i;
            if (keep < 0 || s->filas[i].node == keep)
                break;
        }
    s->top = 0;
}

static int tabla_find(const UiSeg *s, int node)
{
    for (int i = 0; i < s->nfilas; i++)
        if (!s->filas[i].objetivo && s->filas[i].node == node)
            return i;
    return -1;
}

/* The actividad of the table's (and form's) current row, or -1. */
static int fila_node(const App *a)
{
    const UiSeg *s = a->seg;
    if (s->sel < 0 || s->sel >= s->nfilas || s->filas[s->sel].objetivo)
        return -1;
    return s->filas[s->sel].node;
}

/* Points the table at node's unit and row (building it when the unit
 * changes). */
static void tabla_en(App *a, int node)
{
    UiSeg *s = a->seg;
    int u = a->plan->nodes[node].unidad;
    if (u != s->unidad || s->gen != a->plan_gen)
        tabla_build(a, u);
    int ix = tabla_find(s, node);
    if (ix >= 0)
        s->sel = ix;
}

/* ---- edits ---- */

static char *obs_para_editar(const App *a, const char *s)
{
    StrBuf b = {0};
    for (const char *p = s; *p; p++) {
        if (*p == '\r')
            continue;
        if (*p == '\n')
            sb_append(&b, a->utf8 ? " ¶ " : " | ");
        else
            sb_putc(&b, *p);
    }
    return sb_take(&b);
}

/* Back from the line editor: the paragraph marks become line breaks. */
static char *obs_de_editar(const App *a, const char *s)
{
    const char *mark = a->utf8 ? "¶" : "|";
    size_t ml = strlen(mark);
    StrBuf b = {0};
    const char *p = s;
    for (;;) {
        const char *m = strstr(p, mark);
        if (!m) {
            sb_append(&b, p);
            break;
        }
        size_t end = (size_t)(m - p);
        while (end > 0 && p[end - 1] == ' ')
            end--;
        sb_appendn(&b, p, end);
        sb_putc(&b, '\n');
        p = m + ml;
        while (*p == ' ')
            p++;
    }
    char *t = sb_take(&b);
    str_trim(t);
    return t;
}

static bool mismo_valor(const Valor *x, const Valor *y)
{
    if (x->has != y->has)
        return false;
    return !x->has || (x->pct == y->pct && x->valor == y->valor);
}

static int editar(App *a, int node, SegCampo campo, const char *inicial)
{
    if (node < 0) {
        ui_status(a, true, "Elija una actividad");
        return MOVE;
    }
    char why[512];
    const char *bloq = seguimiento_corte_bloqueado(a->plan, a->corte, why, sizeof why);
    if (bloq) {
        ui_status(a, true, "%s", bloq);
        return MOVE;
    }
    Actividad *act = plan_act(a->plan, node);
    Seguimiento *sg = &act->seg[a->corte - 1];
    char cod[128];   /* a copy: saving re-reads the row into the model */
    snprintf(cod, sizeof cod, "%s", a->plan->nodes[node].codigo);
    char prompt[256], num[64];
    char *init;
    switch (campo) {
    case CAMPO_REAL:
        init = xstrdup(inicial ? inicial : sg->real.has ? valor_format(&sg->real, num, sizeof num) : "");
        snprintf(prompt, sizeof prompt, "Real acumulado %s de %s (número o %%; vacío: sin reporte):",
                 rango_acum(a->corte), cod);
        break;
    case CAMPO_OBS:
        init = obs_para_editar(a, sg->observaciones);
        snprintf(prompt, sizeof prompt, "Observaciones %s de %s (%s separa párrafos):",
                 POA_TRIM_RANGO[a->corte - 1], cod, a->utf8 ? "¶" : "|");
        break;
    default:
        init = xstrdup(sg->evidencia);
        snprintf(prompt, sizeof prompt, "Evidencia %s de %s:", POA_TRIM_RANGO[a->corte - 1], cod);
        break;
    }
    char *v;
    int cancel;
    bool ok = ui_edit_value(a, prompt, init, &v, &cancel);
    free(init);
    if (!ok)
        return cancel;
    PoaErr err = {{0}};
    if (campo == CAMPO_OBS) {
        char *t = obs_de_editar(a, v);
        free(v);
        v = t;
    }
    bool igual;
    if (campo == CAMPO_REAL) {
        Valor nv;
        if (!seguimiento_parse_real(v, &nv, &err)) {
            ui_status(a, true, "No se guardó: %s", err.msg);
            free(v);
            return MOVE;
        }
        igual = mismo_valor(&nv, &sg->real);
    } else {
        igual = strcmp(v, campo == CAMPO_OBS ? sg->observaciones : sg->evidencia) == 0;
    }
    if (igual) {
        ui_status(a, false, "Sin cambios");
        free(v);
        return MOVE;
    }
    Consolidado antes;
    ui_tablero_antes(a, node, &antes);
    ok = campo == CAMPO_REAL  ? seguimiento_set_real(a->db, a->plan, node, a->corte, v, &err)
         : campo == CAMPO_OBS ? seguimiento_set_observaciones(a->db, a->plan, node, a->corte, v, &err)
                              : seguimiento_set_evidencia(a->db, a->plan, node, a->corte, v, &err);
    free(v);
    if (!ok) {
        ui_status(a, true, "%s", err.msg);
        return MOVE;
    }
    ui_tablero_ajustar(a, node, &antes);
    if (campo == CAMPO_REAL) {
        ResultadoAct r;
        calc_actividad(act, a->corte, &a->cfg->umbrales, &r);
        char pct[32], msg[256], nota[128];
        fmt_pct(a, &r, pct, sizeof pct);
        if (verificar_real_desajuste(act, &sg->real, msg, sizeof msg))
            ui_status(a, false, "Guardado. %s: %s %s. Aviso: %s", cod, pct, semaforo_name(r.semaforo),
                      msg);
        else if (r.has_pct)
            ui_status(a, false, "Guardado. %s: %s, %s", cod, pct, semaforo_name(r.semaforo));
        else
            ui_status(a, false, "Guardado. %s: %s", cod, calc_nota_estado(act, &r, nota, sizeof nota));
    } else {
        ui_status(a, false, "Guardado");
    }
    return MOVE;
}

/* ---- the form ---- */

static int lines_of(const char *s, int w)
{
    return u8_wrap(s, w, NULL, NULL);
}

static void form_label(App *a, int y, SegCampo c, const char *label)
{
    bool sel = a->seg->campo == c;
    /* the label is drawn in 31 columns: no buffer to cut it in */
    int at = sel ? ui_attr(a, CR_SELECTED) : ui_attr(a, CR_DETAIL_LABEL);
    ui_put(y, 0, 2, at, sel ? (a->utf8 ? "▶ " : "> ") : "  ");
    ui_put(y, 2, 29, at, label);
}

static void form_draw(App *a)
{
    Plan *p = a->plan;
    int node = fila_node(a);
    char t[1024], c1[96];
    if (node < 0) {
        title_line(a, " Seguimiento");
        ui_put(2, 1, a->W - 1, 0, "No hay actividad seleccionada.");
        return;
    }
    const Node *nd = &p->nodes[node];
    Actividad *act = plan_act(p, node);
    const Seguimiento *sg = &act->seg[a->corte - 1];
    ResultadoAct r;
    calc_actividad(act, a->corte, &a->cfg->umbrales, &r);
    snprintf(t, sizeof t, " Formulario de seguimiento · %s · %s", ui_seg_corte_titulo(a, c1, sizeof c1),
             unidad_nombre(a, nd->unidad));
    title_line(a, t);
    int y = 1, bottom = a->H - 3;   /* last usable line */
    int lab = ui_attr(a, CR_DETAIL_LABEL);
    /* código and acción (up to two lines) */
    snprintf(t, sizeof t, " %s", nd->codigo[0] ? nd->codigo : "(sin código)");
    int cw = u8_width(t) + 1;
    ui_put(y, 0, cw, ui_attr(a, CR_CODE) | A_BOLD, t);
    y += ui_put_wrapped(y, cw, a->W - cw - 1, 2, A_BOLD, nd->texto[0] ? nd->texto : "(sin texto)");
    int obj = plan_ancestor(p, node, NODE_OBJETIVO);
    if (obj > 0) {
        snprintf(t, sizeof t, " Objetivo: %s%s%s", p->nodes[obj].codigo, p->nodes[obj].codigo[0] ? " " : "",
                 p->nodes[obj].texto[0] ? p->nodes[obj].texto : "(sin texto)");
        ui_put(y++, 0, a->W, 0, t);
    }
    snprintf(t, sizeof t, " Unidad líder: %s · Responsables: %s · Meta %s%s",
             act->unidad_lider[0] ? act->unidad_lider : "—",
             act->responsables[0] ? act->responsables : "—", tipo_meta_name(act->tipo),
             act->sentido == SENTIDO_DESCENDENTE ? " (menos es mejor)" : "");
    ui_put(y++, 0, a->W, 0, t);
    y++;
    /* the quarterly targets; those counted at the corte underlined */
    int qx = 22, qw = 10;
    ui_put(y, 0, qx, lab, " Trimestre");
    for (int q = 0; q < POA_TRIMESTRES; q++)
        put_right(y, qx + q * qw, qw, ui_attr(a, CR_HEADER) | (q < a->corte ? A_UNDERLINE : 0),
                  POA_TRIM_RANGO[q]);
    put_right(y, qx + 4 * qw, 12, ui_attr(a, CR_HEADER), "Meta anual");
    y++;
    ui_put(y, 0, qx, lab, " Meta");
    for (int q = 0; q < POA_TRIMESTRES; q++) {
        char v[48];
        fmt_meta_q(act, q, v, sizeof v);
        put_right(y, qx + q * qw, qw, q < a->corte ? A_BOLD : 0, v[0] ? v : "—");
    }
    char ma[48];
    fmt_meta_anual(act, ma, sizeof ma);
    put_right(y, qx + 4 * qw, 12, 0, ma[0] ? ma : "—");
    y++;
    /* what was reported at each corte (accumulated), for comparison */
    ui_put(y, 0, qx, lab, " Real acumulado");
    for (int q = 0; q < POA_TRIMESTRES; q++) {
        char v[48] = "";
        if (act->seg[q].real.has)
            valor_format(&act->seg[q].real, v, sizeof v);
        put_right(y, qx + q * qw, qw, q == a->corte - 1 ? A_BOLD : A_DIM, v[0] ? v : "·");
    }
    y += 2;
    /* the figures */
    char v[128], v2[256];
    snprintf(t, sizeof t, "  Programado acumulado %s", rango_acum(a->corte));
    ui_put(y, 0, 31, lab, t);
    if (act->tipo == TIPO_PORCENTAJE)
        num_format_pct(r.programado, v, sizeof v);
    else
        num_format(r.programado, v, sizeof v);
    ui_put(y++, 32, a->W - 32, 0, v);
    snprintf(t, sizeof t, "Real acumulado %s", rango_acum(a->corte));
    form_label(a, y, CAMPO_REAL, t);
    ui_put(y++, 32, a->W - 32, A_BOLD, sg->real.has ? valor_format(&sg->real, v, sizeof v) : "(sin reporte)");
    ui_put(y, 0, 31, lab, "  % de ejecución");
    fmt_pct(a, &r, v, sizeof v);
    int sa = ui_seg_sem_attr(a, r.semaforo);
    int x = 32;
    ui_put(y, x, 6, A_BOLD, v);
    x += 7;
    snprintf(t, sizeof t, "%s %s", ui_seg_marca(a, r.semaforo), semaforo_name(r.semaforo));
    ui_put(y, x, u8_width(t), sa, t);
    x += u8_width(t) + 2;
    v2[0] = '\0';
    if (r.has_pct)
        snprintf(v2, sizeof v2, "exacto: %.2f %%", r.pct * 100.0);
    if (sg->pct_publicado[0]) {
        size_t l = strlen(v2);
        snprintf(v2 + l, sizeof v2 - l, "%spublicado: %s", l ? " · " : "", sg->pct_publicado);
    }
    if (v2[0] && x < a->W) {
        snprintf(t, sizeof t, "(%s)", v2);
        ui_put(y, x, a->W - x, 0, t);
    }
    y++;
    ui_put(y, 0, 31, lab, "  Estado");
    char nota[160];
    calc_nota_estado(act, &r, nota, sizeof nota);
    snprintf(t, sizeof t, "%s%s%s", estado_name(r.estado), nota[0] ? " · " : "", nota);
    ui_put(y++, 32, a->W - 32, 0, t);
    /* observaciones take the lines left over */
    snprintf(t, sizeof t, "Observaciones %s", POA_TRIM_RANGO[a->corte - 1]);
    form_label(a, y++, CAMPO_OBS, t);
    int rest = bottom - y + 1 - 2;   /* evidencia and umbrales below */
    int need = sg->observaciones[0] ? lines_of(sg->observaciones, a->W - 6) : 1;
    int nl = need < rest ? need : rest;
    if (nl < 1)
        nl = 1;
    if (sg->observaciones[0])
        ui_put_wrapped(y, 4, a->W - 5, nl, 0, sg->observaciones);
    else
        ui_put(y, 4, a->W - 4, A_DIM, "(ninguna)");
    y += nl;
    if (y <= bottom) {
        form_label(a, y, CAMPO_EVID, "Evidencia");
        char *e = una_linea(sg->evidencia);
        ui_put(y++, 32, a->W - 32, sg->evidencia[0] ? 0 : A_DIM, sg->evidencia[0] ? e : "(ninguna)");
        free(e);
    }
    if (y <= bottom) {
        char vv[32], aa[32];
        snprintf(t, sizeof t, "  Umbrales: verde %s %s, amarillo %s %s, rojo debajo; gris: nada "
                 "programado al corte. Enter o r/o/v editan.",
                 a->utf8 ? "≥" : ">=", num_format_pct(a->cfg->umbrales.verde, vv, sizeof vv),
                 a->utf8 ? "≥" : ">=", num_format_pct(a->cfg->umbrales.amarillo, aa, sizeof aa));
        ui_put(y++, 0, a->W, A_DIM, t);
    }
}

/* ---- the table ---- */

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
    Actividad *act = plan_act(p, node);
    const Seguimiento *sg = &act->seg[a->corte - 1];
    buf[0] = '\0';
    switch (c) {
    case C_COD: snprintf(buf, n, "%s", nd->codigo); return ui_attr(a, CR_CODE);
    case C_ACC: {
        char *t = una_linea(nd->texto);
        snprintf(buf, n, "%s", t);
        free(t);
        return 0;
    }
    case C_LID: snprintf(buf, n, "%s", act->unidad_lider); return 0;
    case C_RESP: snprintf(buf, n, "%s", act->responsables); return 0;
    case C_META: fmt_meta_anual(act, buf, n); return 0;
    case C_T1: case C_T2: case C_T3: case C_T4:
        fmt_meta_q(act, c - C_T1, buf, n);
        return c - C_T1 < a->corte ? 0 : A_DIM;
    case C_REAL:
        if (sg->real.has)
            valor_format(&sg->real, buf, n);
        return A_BOLD;
    case C_PCT: {
        ResultadoAct r;
        calc_actividad(act, a->corte, &a->cfg->umbrales, &r);
        char pct[32];
        fmt_pct(a, &r, pct, sizeof pct);
        snprintf(buf, n, "%s %s", pct, ui_seg_marca(a, r.semaforo));
        return ui_seg_sem_attr(a, r.semaforo);
    }
    case C_OBS: {
        char *t = una_linea(sg->observaciones);
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
                h = c == C_OBS ? POA_TRIM_RANGO[a->corte - 1] : rango_acum(a->corte);
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
            put_right(y, x, w, at, buf);
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
        title_line(a, " Tabla de seguimiento");
        ui_put(2, 1, a->W - 1, 0, "Elija una unidad con u.");
        return;
    }
    double pct;
    Semaforo sem;
    bool has = ui_tablero_unidad(a, s->unidad, &pct, &sem);
    char fig[64] = "";
    if (has)
        snprintf(fig, sizeof fig, " · unidad: %ld %% %s", calc_pct_entero(pct), ui_seg_marca(a, sem));
    snprintf(t, sizeof t, " Seguimiento · %s · %s%s", ui_seg_corte_titulo(a, c1, sizeof c1),
             unidad_nombre(a, s->unidad), fig);
    title_line(a, t);
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
    s->page = h;
    if (s->sel < s->top)
        s->top = s->sel;
    if (s->sel >= s->top + h)
        s->top = s->sel - h + 1;
    /* the objetivo above the first actividad stays in sight */
    if (s->top == s->sel && s->top > 0 && s->filas[s->top - 1].objetivo)
        s->top--;
    for (int i = 0; i < h; i++) {
        int ix = s->top + i, y = y0 + i;
        if (ix >= s->nfilas) {
            ui_put(y, 0, a->W, 0, "");
            continue;
        }
        const SegFila *f = &s->filas[ix];
        if (f->objetivo) {
            const Node *o = &a->plan->nodes[f->node];
            snprintf(t, sizeof t, "%s%s%s", o->codigo, o->codigo[0] ? " " : "",
                     o->texto[0] ? o->texto : "(objetivo sin texto)");
            ui_put(y, 0, a->W, ui_attr(a, CR_SUMMARY), t);
        } else {
            tabla_linea(a, y, f->node, ix == s->sel, false);
        }
    }
    if (!s->nacts)
        ui_put(y0, 1, a->W - 1, 0, "La unidad no tiene actividades.");
    /* detail: the selected cell in full */
    int dy = y0 + h;
    ui_hline(a, dy);
    int node = fila_node(a);
    if (node < 0)
        return;
    Actividad *act = plan_act(a->plan, node);
    const Seguimiento *sg = &act->seg[a->corte - 1];
    char body[4096];
    const char *label;
    ResultadoAct r;
    calc_actividad(act, a->corte, &a->cfg->umbrales, &r);
    const char *cod = a->plan->nodes[node].codigo;
    int y = dy + 1, left = det_h;
    if (s->col != C_ACC) {
        /* the first line names the row, whatever column is selected */
        char *acc = una_linea(a->plan->nodes[node].texto);
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
        fmt_pct(a, &r, pcts, sizeof pcts);
        num_format(r.programado, prog, sizeof prog);
        if (act->tipo == TIPO_PORCENTAJE)
            num_format_pct(r.programado, prog, sizeof prog);
        calc_nota_estado(act, &r, nota, sizeof nota);
        if (r.has_pct)
            snprintf(body, sizeof body, "%s (exacto %.2f %%) · %s · %s · programado %s: %s%s", pcts,
                     r.pct * 100.0, semaforo_name(r.semaforo), estado_name(r.estado),
                     rango_acum(a->corte), prog, s->col == C_REAL ? " · Enter edita el real" : "");
        else
            snprintf(body, sizeof body, "%s · %s%s", estado_name(r.estado), nota,
                     s->col == C_REAL ? " · Enter edita el real" : "");
        break;
    }
    case C_LID:
    case C_RESP:
        label = "Unidad líder / responsable";
        snprintf(body, sizeof body, "%s / %s", act->unidad_lider, act->responsables);
        break;
    case C_ACC:
        label = cod;
        snprintf(body, sizeof body, "%s", a->plan->nodes[node].texto);
        break;
    default: {
        char ma[48], prog[48];
        fmt_meta_anual(act, ma, sizeof ma);
        num_format(r.programado, prog, sizeof prog);
        if (act->tipo == TIPO_PORCENTAJE)
            num_format_pct(r.programado, prog, sizeof prog);
        label = "Metas";
        snprintf(body, sizeof body, "anual %s · programado %s: %s · tipo %s · Enter abre el formulario",
                 ma[0] ? ma : "—", rango_acum(a->corte), prog, tipo_meta_name(act->tipo));
        break;
    }
    }
    snprintf(t, sizeof t, " %s: ", label);
    int lw = u8_width(t);
    ui_put(y, 0, lw, ui_attr(a, CR_DETAIL_LABEL), t);
    ui_put_wrapped(y, lw, a->W - lw - 1, left, 0, body);
}

void ui_seg_draw(App *a)
{
    switch (a->vista) {
    case VISTA_FORM: form_draw(a); break;
    case VISTA_TABLA: tabla_draw(a); break;
    case VISTA_TABLERO: ui_tablero_draw(a); break;
    default: break;
    }
}

void ui_seg_posicion(const App *a, char *buf, size_t n)
{
    const UiSeg *s = a->seg;
    if (a->vista == VISTA_TABLERO) {
        ui_tablero_posicion(a, buf, n);
        return;
    }
    int ord = s->sel < s->nfilas ? s->filas[s->sel].ord : 0;
    snprintf(buf, n, " %d/%d ", ord, s->nacts);
}

/* ---- switching views ---- */

/* Back on the plan: the tree selects the actividad last seen here. */
static void plan_sigue(App *a)
{
    int node = fila_node(a);
    if (node <= 0 || a->plan->nodes[node].deleted)
        return;
    arbol_filas_reveal(a->rows, node);
    arbol_filas_rebuild(a->rows);
    int ix = arbol_filas_find(a->rows, node);
    if (ix >= 0)
        a->sel = ix;
}

static int ir_a(App *a, Vista v)
{
    if (v == VISTA_PLAN && a->vista != VISTA_TABLERO)
        plan_sigue(a);
    a->vista = v;
    return MOVE | (v == VISTA_PLAN ? UI_REBUILD : 0);
}

int ui_act_seg_form(App *a, int k)
{
    (void)k;
    int node = -1;
    if (a->vista == VISTA_FORM)
        return MOVE;
    if (a->vista == VISTA_PLAN) {
        node = ui_sel_node(a);
        if (node <= 0 || !plan_act(a->plan, node)) {
            ui_status(a, true, "El formulario es de una actividad: elija una (S abre la tabla de la unidad)");
            return MOVE;
        }
        tabla_en(a, node);
        if (fila_node(a) != node) {
            /* never let the form open on another row than the one chosen */
            ui_status(a, true, "La actividad no está en la tabla de su unidad: no se abrió el formulario");
            return MOVE;
        }
    } else if (a->vista == VISTA_TABLA) {
        node = fila_node(a);
    }
    if (node < 0) {
        ui_status(a, true, "Elija una actividad en el plan o en la tabla");
        return MOVE;
    }
    a->seg->form_de = a->vista;
    a->seg->campo = CAMPO_REAL;
    ui_status(a, false, "Enter edita el campo marcado; RePág/AvPág: otra actividad de la unidad");
    return ir_a(a, VISTA_FORM);
}

static int pick_unidad(App *a, int initial)
{
    Plan *p = a->plan;
    if (p->nunidades == 0) {
        ui_status(a, true, "El plan no tiene unidades");
        return -1;
    }
    char **items = xmalloc(sizeof(char *) * (size_t)p->nunidades);
    for (int i = 0; i < p->nunidades; i++)
        items[i] = p->unidades[i].nombre;
    int pick = ui_pick(a, "Tabla de seguimiento de la unidad", items, p->nunidades,
                       initial < 0 ? 0 : initial);
    free(items);
    return pick;
}

/* Opens the table on unit u (and node's row when node > 0). */
static int abrir_tabla(App *a, int u, int node, Vista de)
{
    UiSeg *s = a->seg;
    if (u != s->unidad || s->gen != a->plan_gen)
        tabla_build(a, u);
    if (node > 0) {
        int ix = tabla_find(s, node);
        if (ix >= 0)
            s->sel = ix;
    }
    s->tabla_de = de;
    ui_status(a, false, "%s: %d actividades · Enter edita · u: otra unidad",
              unidad_nombre(a, u), s->nacts);
    return ir_a(a, VISTA_TABLA);
}

int ui_act_seg_tabla(App *a, int k)
{
    (void)k;
    UiSeg *s = a->seg;
    if (a->vista == VISTA_TABLA)
        return MOVE;
    if (a->vista == VISTA_FORM)
        return abrir_tabla(a, s->unidad, fila_node(a), VISTA_PLAN);
    if (a->vista == VISTA_TABLERO) {
        if (s->unidad >= 0)
            return abrir_tabla(a, s->unidad, -1, VISTA_TABLERO);
        int u = pick_unidad(a, 0);
        return u < 0 ? MOVE : abrir_tabla(a, u, -1, VISTA_TABLERO);
    }
    int node = ui_sel_node(a);
    int u = node > 0 ? a->plan->nodes[node].unidad : -1;
    if (u < 0)
        u = a->rows->filtro_unidad;
    if (u < 0)
        u = pick_unidad(a, s->unidad);
    if (u < 0)
        return MOVE;
    return abrir_tabla(a, u, node, VISTA_PLAN);
}

/* For ui_tablero.c: Enter on a unit. */
int ui_seg_abrir_tabla(App *a, int unidad) { return abrir_tabla(a, unidad, -1, VISTA_TABLERO); }

int ui_seg_tabla_unidad(const App *a) { return a->seg->unidad; }

void ui_seg_refrescar(App *a, bool estructura)
{
    ui_tablero_invalidar(a->seg->tablero);
    if (estructura && a->seg->unidad >= 0)
        tabla_build(a, a->seg->unidad);
}

int ui_act_seg_tablero(App *a, int k)
{
    (void)k;
    if (a->vista == VISTA_TABLERO)
        return MOVE;
    /* plan edits (targets, months, deletions) do not pass through here:
     * coming from the plan, the figures are computed afresh, once */
    if (a->vista == VISTA_PLAN)
        ui_tablero_invalidar(a->seg->tablero);
    ui_status(a, false, "Tab o 1/2/3: unidades, objetivos, ejes; o: ordenar; Enter: tabla de la unidad");
    return ir_a(a, VISTA_TABLERO);
}

int ui_act_seg_volver(App *a, int k)
{
    (void)k;
    switch (a->vista) {
    case VISTA_FORM: return ir_a(a, a->seg->form_de);
    case VISTA_TABLA: return ir_a(a, a->seg->tabla_de);
    default: return ir_a(a, VISTA_PLAN);
    }
}

/* ---- movement ---- */

static void tabla_mover(App *a, int delta)
{
    UiSeg *s = a->seg;
    int dir = delta > 0 ? 1 : -1, steps = delta > 0 ? delta : -delta;
    int at = s->sel;
    for (int i = s->sel + dir; i >= 0 && i < s->nfilas && steps > 0; i += dir)
        if (!s->filas[i].objetivo) {
            at = i;
            steps--;
        }
    s->sel = at;
}

static int mover(App *a, int delta)
{
    if (a->vista == VISTA_TABLERO)
        return delta > 0 ? ui_act_tab_down(a, delta) : ui_act_tab_up(a, -delta);
    if (a->vista == VISTA_FORM && (delta == 1 || delta == -1)) {
        int c = (int)a->seg->campo + delta;
        a->seg->campo = (SegCampo)(c < 0 ? 0 : c >= NCAMPOS ? NCAMPOS - 1 : c);
        return MOVE;
    }
    tabla_mover(a, delta);
    return MOVE;
}

int ui_act_seg_up(App *a, int k) { (void)k; return mover(a, -1); }
int ui_act_seg_down(App *a, int k) { (void)k; return mover(a, +1); }

int ui_act_seg_pgup(App *a, int k)
{
    (void)k;
    if (a->vista == VISTA_FORM) {
        tabla_mover(a, -1);
        return MOVE;
    }
    if (a->vista == VISTA_TABLERO)
        return ui_act_tab_pgup(a, k);
    return mover(a, -(a->seg->page > 2 ? a->seg->page - 1 : 1));
}

int ui_act_seg_pgdn(App *a, int k)
{
    (void)k;
    if (a->vista == VISTA_FORM) {
        tabla_mover(a, +1);
        return MOVE;
    }
    if (a->vista == VISTA_TABLERO)
        return ui_act_tab_pgdn(a, k);
    return mover(a, a->seg->page > 2 ? a->seg->page - 1 : 1);
}

int ui_act_seg_home(App *a, int k)
{
    if (a->vista == VISTA_TABLERO)
        return ui_act_tab_home(a, k);
    a->seg->sel = 0;
    tabla_mover(a, 0);
    if (a->seg->nfilas && a->seg->filas[0].objetivo)
        tabla_mover(a, 1);
    return MOVE;
}

int ui_act_seg_end(App *a, int k)
{
    if (a->vista == VISTA_TABLERO)
        return ui_act_tab_end(a, k);
    tabla_mover(a, a->seg->nfilas);
    return MOVE;
}

int ui_act_seg_left(App *a, int k)
{
    (void)k;
    if (a->seg->col > 0)
        a->seg->col--;
    return MOVE;
}

int ui_act_seg_right(App *a, int k)
{
    (void)k;
    if (a->seg->col < NCOL - 1)
        a->seg->col++;
    return MOVE;
}

/* ---- edits from keys ---- */

int ui_act_seg_enter(App *a, int k)
{
    if (a->vista == VISTA_TABLERO)
        return ui_act_tab_enter(a, k);
    if (a->solo_lectura[0]) {   /* Enter edits here (the key table cannot tell) */
        ui_status_solo_lectura(a);
        return UI_HANDLED | UI_REDRAW;
    }
    int node = fila_node(a);
    if (a->vista == VISTA_FORM)
        return editar(a, node, a->seg->campo, NULL);
    switch (a->seg->col) {
    case C_REAL: case C_PCT: return editar(a, node, CAMPO_REAL, NULL);
    case C_OBS: return editar(a, node, CAMPO_OBS, NULL);
    default:
        if (node < 0)
            return MOVE;
        a->seg->form_de = VISTA_TABLA;
        a->seg->campo = CAMPO_REAL;
        ui_status(a, false, "En la tabla se editan real y observaciones; aquí también la evidencia");
        return ir_a(a, VISTA_FORM);
    }
}

int ui_act_seg_real(App *a, int k) { (void)k; a->seg->campo = CAMPO_REAL; return editar(a, fila_node(a), CAMPO_REAL, NULL); }
int ui_act_seg_obs(App *a, int k) { (void)k; a->seg->campo = CAMPO_OBS; return editar(a, fila_node(a), CAMPO_OBS, NULL); }
int ui_act_seg_evid(App *a, int k) { (void)k; a->seg->campo = CAMPO_EVID; return editar(a, fila_node(a), CAMPO_EVID, NULL); }

int ui_act_seg_digit(App *a, int k)
{
    char init[2] = {(char)k, 0};
    a->seg->col = C_REAL;
    return editar(a, fila_node(a), CAMPO_REAL, init);
}

int ui_act_seg_unidad(App *a, int k)
{
    (void)k;
    int u = pick_unidad(a, a->seg->unidad);
    if (u < 0)
        return MOVE;
    return abrir_tabla(a, u, -1, a->seg->tabla_de);
}

/* ---- cortes ---- */

int ui_act_seg_corte(App *a, int k)
{
    (void)k;
    char *items[POA_TRIMESTRES];
    for (int i = 0; i < POA_TRIMESTRES; i++) {
        const CorteEstado *c = &a->plan->cortes[i];
        if (c->cerrado)
            items[i] = xasprintf("Corte %d · %s · cerrado el %.10s por %s", i + 1, POA_TRIM_RANGO[i],
                                 c->cerrado_en, c->cerrado_por);
        else if (c->motivo[0])
            items[i] = xasprintf("Corte %d · %s · abierto (reabierto: «%s»)", i + 1, POA_TRIM_RANGO[i],
                                 c->motivo);
        else
            items[i] = xasprintf("Corte %d · %s · abierto", i + 1, POA_TRIM_RANGO[i]);
    }
    int pick = ui_pick(a, "Corte (trimestre acumulado)", items, POA_TRIMESTRES, a->corte - 1);
    for (int i = 0; i < POA_TRIMESTRES; i++)
        free(items[i]);
    if (pick < 0 || pick + 1 == a->corte)
        return MOVE;
    a->corte = pick + 1;
    ui_tablero_invalidar(a->seg->tablero);   /* every figure depends on the corte */
    char c1[96];
    ui_status(a, false, "%s", ui_seg_corte_titulo(a, c1, sizeof c1));
    return MOVE;
}

int ui_act_seg_cerrar(App *a, int k)
{
    (void)k;
    int n = a->corte;
    PoaErr err = {{0}};
    if (!a->plan->cortes[n - 1].cerrado) {
        char l1[128];
        snprintf(l1, sizeof l1, "¿Cerrar el corte %d (%s)? Sus valores quedan congelados:", n,
                 POA_TRIM_RANGO[n - 1]);
        if (!ui_confirm(a, l1, "no se editan real, observaciones ni evidencia hasta reabrirlo.")) {
            ui_status(a, false, "El corte sigue abierto");
            return MOVE;
        }
        if (seguimiento_cerrar_corte(a->db, a->plan, n, &err))
            ui_status(a, false, "Corte %d cerrado: sus valores quedan congelados (K lo reabre)", n);
        else
            ui_status(a, true, "%s", err.msg);
        return MOVE;
    }
    char prompt[160], *m;
    snprintf(prompt, sizeof prompt, "Reabrir el corte %d: motivo (obligatorio, queda registrado):", n);
    if (!ui_edit_line(a, prompt, "", &m)) {
        if (a->quit)
            return UI_QUIT;
        ui_status(a, false, "El corte %d sigue cerrado", n);
        return MOVE;
    }
    str_trim(m);
    if (!m[0])
        ui_status(a, true, "Sin motivo no se reabre: el corte %d sigue cerrado", n);
    else if (seguimiento_reabrir_corte(a->db, a->plan, n, m, &err))
        ui_status(a, false, "Corte %d reabierto. Motivo registrado: «%s»", n, m);
    else
        ui_status(a, true, "%s", err.msg);
    free(m);
    return MOVE;
}
