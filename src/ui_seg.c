/* ui_seg.c — the layer under the seguimiento screens (ui_seg.h): their
 * shared state, the unit's rows, the formats of the Caja's report, the edit
 * of one field at the corte (through seguimiento.h, one transaction each),
 * the corte's picker and its closing, and the roll-up cache adjusted per
 * edit. Screens: ui_seg_form.c, ui_seg_tabla.c, ui_tablero.c. */
#include <stdlib.h>
#include <string.h>

#include "numero.h"
#include "seguimiento.h"
#include "u8.h"
#include "ui_seg.h"
#include "verificar.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;

UiSeg *ui_seg_new(void)
{
    UiSeg *s = xcalloc(1, sizeof *s);
    s->unidad = -1;
    s->col = C_REAL;
    s->col0 = C_ACC;
    return s;
}

void ui_seg_free(UiSeg *s)
{
    if (!s)
        return;
    free(s->filas);
    calc_rollup_free(s->roll);
    free(s);
}

/* ---- the roll-up ---- */

static bool rollup_vigente(const App *a)
{
    const UiSeg *s = a->seg;
    return s->roll && s->roll->corte == a->corte && s->roll_gen == a->plan_gen &&
           calc_rollup_vigente(s->roll, a->plan);
}

Rollup *ui_seg_rollup(App *a)
{
    UiSeg *s = a->seg;
    if (!rollup_vigente(a)) {
        calc_rollup_free(s->roll);
        s->roll = calc_rollup_new(a->plan, a->corte, -1, &a->cfg->umbrales, &a->cfg->regla);
        s->roll_gen = a->plan_gen;
        s->roll_builds++;
        s->roll_cambios++;
    }
    return s->roll;
}

void ui_seg_rollup_invalidate(App *a)
{
    calc_rollup_free(a->seg->roll);
    a->seg->roll = NULL;
}

bool ui_seg_rollup_unidad(App *a, int unidad, double *pct, Semaforo *sem)
{
    Rollup *r = ui_seg_rollup(a);
    if (unidad < 0 || unidad >= r->nunidades)
        return false;
    return calc_rollup_figura(r, &r->unid[unidad], pct, sem);
}

/* Around an edit of actividad node: its contribution before (antes), then
 * the figures moved to what it contributes now (calc_rollup); O(1). A stale
 * roll-up is left to be rebuilt when next shown. */
static void rollup_antes(App *a, int node, Consolidado *antes)
{
    if (rollup_vigente(a))
        calc_rollup_contribucion(a->seg->roll, a->plan, node, antes);
    else
        calc_consolidado_init(antes);
}

static void rollup_ajustar(App *a, int node, const Consolidado *antes)
{
    if (rollup_vigente(a)) {
        calc_rollup_actualizar(a->seg->roll, a->plan, node, antes);
        a->seg->roll_cambios++;
    }
}

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
const char *ui_seg_rango_acum(int corte)
{
    static const char *const r[] = {"EN-MAR", "EN-JUN", "EN-SEP", "EN-DIC"};
    return r[corte - 1];
}

/* Text in a single line (observaciones may hold line breaks). */
char *ui_seg_una_linea(const char *s)
{
    char *t = xstrdup(s);
    for (char *p = t; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    return t;
}

void ui_seg_put_right(int y, int x, int w, int attr, const char *s)
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

void ui_seg_title(App *a, const char *left)
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
void ui_seg_fmt_meta_q(const Actividad *actividad, int q, char *buf, size_t n)
{
    FuenteMeta f = calc_fuente(actividad);
    if (f == FUENTE_TRIMESTRES && actividad->trim[q].has) {
        valor_format(&actividad->trim[q], buf, n);
        return;
    }
    double v = calc_meta_trimestre(actividad, q + 1);
    if (v == 0.0)
        snprintf(buf, n, "%s", "");
    else if (actividad->tipo == TIPO_PORCENTAJE)
        num_format_pct(v, buf, n);
    else
        num_format(v, buf, n);
}

void ui_seg_fmt_meta_anual(const Actividad *actividad, char *buf, size_t n)
{
    if (actividad->meta_anual.has) {
        valor_format(&actividad->meta_anual, buf, n);
        return;
    }
    bool has;
    double v = calc_meta_anual(actividad, &has);
    if (!has)
        snprintf(buf, n, "%s", "");
    else if (actividad->tipo == TIPO_PORCENTAJE)
        num_format_pct(v, buf, n);
    else
        num_format(v, buf, n);
}

/* "31 %" (whole percent as published) or "—" when there is no figure. */
void ui_seg_fmt_pct(const App *a, const ResultadoAct *r, char *buf, size_t n)
{
    if (r->has_pct)
        snprintf(buf, n, "%ld %%", calc_pct_entero(r->pct));
    else
        snprintf(buf, n, "%s", a->utf8 ? "—" : "-");
}

const char *ui_seg_unidad_nombre(const App *a, int u)
{
    return u >= 0 && u < a->plan->nunidades ? a->plan->unidades[u].nombre : "(sin unidad)";
}

/* ---- the table's rows ---- */

typedef struct {
    UiSeg *s;
    int objetivo;
    bool header_done;
    const App *a;   /* the corte and thresholds of the state filter */
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
    BuildCtx *b = ctx;
    /* the table's seguimiento filter (f): only actividades in those states */
    if (b->s->filtro_estado &&
        !(arbol_filas_estado_de(plan_act(p, node), b->a->corte, &b->a->cfg->umbrales) &
          b->s->filtro_estado))
        return;
    if (!b->header_done) {
        push_fila(b->s, b->objetivo, true);
        b->header_done = true;
    }
    push_fila(b->s, node, false);
}

/* Walks ejes → objetivos → the unit's metas: the unit's subtree plus the
 * levels above it, never every actividad of the plan. */
void ui_seg_filas_build(App *a, int unidad)
{
    UiSeg *s = a->seg;
    Plan *p = a->plan;
    int keep = s->nfilas && s->lista.sel < s->nfilas ? s->filas[s->lista.sel].node : -1;
    s->nfilas = s->nacts = 0;
    s->unidad = unidad;
    s->gen = a->plan_gen;
    const IntVec *ejes = &p->nodes[0].kids;
    for (int i = 0; i < ejes->n; i++) {
        const IntVec *objs = &p->nodes[ejes->v[i]].kids;
        for (int j = 0; j < objs->n; j++) {
            BuildCtx b = {s, objs->v[j], false, a};
            const IntVec *metas = &p->nodes[objs->v[j]].kids;
            for (int k = 0; k < metas->n; k++)
                if (!p->nodes[metas->v[k]].deleted && p->nodes[metas->v[k]].unidad == unidad)
                    plan_each_actividad(p, metas->v[k], build_visit, &b);
        }
    }
    s->lista.sel = 0;
    for (int i = 0; i < s->nfilas; i++)
        if (!s->filas[i].objetivo && (keep < 0 || s->filas[i].node == keep)) {
            s->lista.sel = i;
            if (keep < 0 || s->filas[i].node == keep)
                break;
        }
    s->lista.top = 0;
}

static int tabla_find(const UiSeg *s, int node)
{
    for (int i = 0; i < s->nfilas; i++)
        if (!s->filas[i].objetivo && s->filas[i].node == node)
            return i;
    return -1;
}

/* The actividad of the table's (and form's) current row, or -1. */
/* " 3/24 ": the selected activity's place among the unit's, for the form
 * and the table's status line. */
void ui_seg_position(const App *a, char *buf, size_t n)
{
    const UiSeg *s = a->seg;
    int ord = s->lista.sel < s->nfilas ? s->filas[s->lista.sel].ord : 0;
    snprintf(buf, n, " %d/%d ", ord, s->nacts);
}

int ui_seg_fila_node(const App *a)
{
    const UiSeg *s = a->seg;
    if (s->lista.sel < 0 || s->lista.sel >= s->nfilas || s->filas[s->lista.sel].objetivo)
        return -1;
    return s->filas[s->lista.sel].node;
}

void ui_seg_filas_open(App *a, int unidad, int node)
{
    UiSeg *s = a->seg;
    if (unidad != s->unidad || s->gen != a->plan_gen)
        ui_seg_filas_build(a, unidad);
    int ix = node > 0 ? tabla_find(s, node) : -1;
    if (ix >= 0)
        s->lista.sel = ix;
}

void ui_seg_filas_at(App *a, int node)
{
    ui_seg_filas_open(a, a->plan->nodes[node].unidad, node);
}

static bool fila_objetivo(const void *ctx, int row)
{
    const UiSeg *s = ctx;
    return s->filas[row].objetivo;
}


Lista *ui_seg_filas_list(App *a)
{
    UiSeg *s = a->seg;
    s->lista.n = s->nfilas;
    s->lista.salta = fila_objetivo;
    s->lista.ctx = s;
    return &s->lista;
}

int ui_seg_unidad(const App *a) { return a->seg->unidad; }

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

int ui_seg_edit(App *a, int node, SegCampo campo, const char *inicial)
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
    Actividad *actividad = plan_act(a->plan, node);
    Seguimiento *sg = &actividad->seg[a->corte - 1];
    char cod[128];   /* a copy: saving re-reads the row into the model */
    snprintf(cod, sizeof cod, "%s", a->plan->nodes[node].codigo);
    char prompt[256], num[64];
    char *init;
    switch (campo) {
    case SEG_CAMPO_REAL:
        init = xstrdup(inicial ? inicial : sg->real.has ? valor_format(&sg->real, num, sizeof num) : "");
        snprintf(prompt, sizeof prompt, "Real acumulado %s de %s (número o %%; vacío: sin reporte):",
                 ui_seg_rango_acum(a->corte), cod);
        break;
    case SEG_CAMPO_OBS:
        init = obs_para_editar(a, sg->observaciones);
        snprintf(prompt, sizeof prompt, "Observaciones %s de %s (%s separa párrafos):",
                 POA_TRIM_RANGO[a->corte - 1], cod, a->utf8 ? "¶" : "|");
        break;
    case SEG_CAMPO_CAUSA:   /* a workbook's cell may hold line breaks, as observaciones */
        init = obs_para_editar(a, sg->causa);
        snprintf(prompt, sizeof prompt, "Causa y medida correctiva %s de %s (%s separa párrafos):",
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
    if (campo == SEG_CAMPO_OBS || campo == SEG_CAMPO_CAUSA) {
        char *t = obs_de_editar(a, v);
        free(v);
        v = t;
    }
    bool igual;
    if (campo == SEG_CAMPO_REAL) {
        /* typed as in either kind of file (numero.h), as the plan's numbers */
        char canon[96];
        if (numero_normalizar(v, true, canon, sizeof canon, NULL, 0)) {
            free(v);
            v = xstrdup(canon);
        }
        Valor nv;
        if (!seguimiento_parse_real(v, &nv, &err)) {
            ui_status(a, true, "No se guardó: %s", err.msg);
            free(v);
            return MOVE;
        }
        igual = mismo_valor(&nv, &sg->real);
    } else {
        igual = strcmp(v, campo == SEG_CAMPO_OBS     ? sg->observaciones
                          : campo == SEG_CAMPO_CAUSA ? sg->causa
                                                     : sg->evidencia) == 0;
    }
    if (igual) {
        ui_status(a, false, "Sin cambios");
        free(v);
        return MOVE;
    }
    Consolidado antes;
    rollup_antes(a, node, &antes);
    ok = campo == SEG_CAMPO_REAL  ? seguimiento_set_real(a->db, a->plan, node, a->corte, v, &err)
         : campo == SEG_CAMPO_OBS ? seguimiento_set_observaciones(a->db, a->plan, node, a->corte, v, &err)
         : campo == SEG_CAMPO_CAUSA ? seguimiento_set_causa(a->db, a->plan, node, a->corte, v, &err)
                              : seguimiento_set_evidencia(a->db, a->plan, node, a->corte, v, &err);
    free(v);
    /* a refused edit may have re-read the row from the file (another
     * program changed it): the figures follow what the plan holds now */
    rollup_ajustar(a, node, &antes);
    if (!ok) {
        ui_status(a, true, "%s", err.msg);
        return MOVE;
    }
    if (campo == SEG_CAMPO_REAL) {
        ResultadoAct r;
        calc_actividad(actividad, a->corte, &a->cfg->umbrales, &r);
        char pct[32], msg[256], nota[128];
        ui_seg_fmt_pct(a, &r, pct, sizeof pct);
        if (verificar_real_desajuste(actividad, &sg->real, msg, sizeof msg))
            ui_status(a, false, "Guardado. %s: %s %s. Aviso: %s", cod, pct, semaforo_name(r.semaforo),
                      msg);
        else if (r.has_pct)
            ui_status(a, false, "Guardado. %s: %s, %s", cod, pct, semaforo_name(r.semaforo));
        else
            ui_status(a, false, "Guardado. %s: %s", cod, calc_nota_estado(actividad, &r, nota, sizeof nota));
    } else {
        ui_status(a, false, "Guardado");
    }
    return MOVE;
}

/* ---- cortes ---- */

static int corte_pick(App *a)
{
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
    ui_seg_rollup_invalidate(a);   /* every figure depends on the corte */
    char c1[96];
    ui_status(a, false, "%s", ui_seg_corte_titulo(a, c1, sizeof c1));
    return MOVE | UI_CORTE_CHANGED;
}

static int corte_close(App *a)
{
    int n = a->corte;
    PoaErr err = {{0}};
    if (!a->plan->cortes[n - 1].cerrado) {
        char l1[128];
        snprintf(l1, sizeof l1, "¿Cerrar el corte %d (%s)? Sus valores quedan congelados:", n,
                 POA_TRIM_RANGO[n - 1]);
        if (!ui_confirm(a, l1, "no se editan real, observaciones, evidencia ni causa hasta reabrirlo.")) {
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

int ui_seg_corte_request(App *a, UiReq req)
{
    switch (req) {
    case REQ_CORTE_PICK: return corte_pick(a);
    case REQ_CORTE_CLOSE: return corte_close(a);
    default: return UI_NOT_MINE;
    }
}
