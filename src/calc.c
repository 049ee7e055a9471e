/* calc.c — the arithmetic of the seguimiento: where targets come from, programado
 * acumulado, % ejecución, state and semáforo at a corte, and roll-ups. Pure: no I/O. */
#include "calc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The rules and the reasons behind each edge case are in docs/calculos.md;
 * comments here point at the rule rather than repeat it. */

static const double UMBRAL_VERDE = 0.80;
static const double UMBRAL_AMARILLO = 0.60;
static const double TOPE_DEFECTO = 1.0;

Umbrales calc_umbrales_default(void)
{
    Umbrales u = {UMBRAL_VERDE, UMBRAL_AMARILLO};
    return u;
}

ReglaConsolidacion calc_regla_default(void)
{
    ReglaConsolidacion r = {ROLLUP_MEDIA, TOPE_DEFECTO};
    return r;
}

void calc_consolidado_init(Consolidado *c)
{
    memset(c, 0, sizeof *c);
}

static double cell_valor(const MesCell *c)
{
    switch (c->kind) {
    case CELL_X: return 1.0;           /* an "x" counts as 1 when summed */
    case CELL_NUM: return c->valor;
    case CELL_VACIA: break;
    }
    return 0.0;
}

/* A zero programs nothing: a "0" cell or target is the same as an empty one
 * when deciding where the targets come from (rule "Un cero no programa"). */
static bool cell_programa(const MesCell *c)
{
    return c->kind != CELL_VACIA && cell_valor(c) != 0.0;
}

static bool valor_programa(const Valor *v)
{
    return v->has && v->valor != 0.0;
}

FuenteMeta calc_fuente(const Actividad *a)
{
    if (!a)
        return FUENTE_NINGUNA;
    for (int m = 0; m < POA_MESES; m++)
        if (cell_programa(&a->mes[m]))
            return FUENTE_MESES;
    for (int q = 0; q < POA_TRIMESTRES; q++)
        if (valor_programa(&a->trim[q]))
            return FUENTE_TRIMESTRES;
    if (valor_programa(&a->meta_anual))
        return FUENTE_ANUAL;
    return FUENTE_NINGUNA;
}

/* The quarter's target as the source gives it, before the hito rule. */
static double meta_cruda(const Actividad *a, FuenteMeta f, int q)
{
    switch (f) {
    case FUENTE_MESES: {
        double s = 0;
        for (int m = (q - 1) * 3; m < q * 3; m++)
            s += cell_valor(&a->mes[m]);
        return s;
    }
    case FUENTE_TRIMESTRES:
        return a->trim[q - 1].has ? a->trim[q - 1].valor : 0.0;
    case FUENTE_ANUAL:
        /* the whole year's target falls due at the end of the year */
        return q == POA_TRIMESTRES ? a->meta_anual.valor : 0.0;
    case FUENTE_NINGUNA:
        break;
    }
    return 0.0;
}

/* A hito is one thing done once: it falls due in the last quarter its plan
 * marks (the work may span several quarters, the milestone closes it). */
static int hito_trimestre(const Actividad *a, FuenteMeta f)
{
    for (int q = POA_TRIMESTRES; q >= 1; q--)
        if (meta_cruda(a, f, q) != 0.0)
            return q;
    return 0;
}

double calc_meta_trimestre(const Actividad *a, int q)
{
    if (!a || q < 1 || q > POA_TRIMESTRES)
        return 0.0;
    FuenteMeta f = calc_fuente(a);
    if (a->tipo == TIPO_HITO)
        return q == hito_trimestre(a, f) ? 1.0 : 0.0;
    return meta_cruda(a, f, q);
}

double calc_meta_anual(const Actividad *a, bool *has)
{
    bool h = false;
    double v = 0.0;
    if (a && a->meta_anual.has) {
        /* as entered, even when the quarters disagree: verificar reports that */
        h = true;
        v = a->meta_anual.valor;
    } else if (a && calc_fuente(a) != FUENTE_NINGUNA) {
        h = true;
        for (int q = 1; q <= POA_TRIMESTRES; q++)
            v += calc_meta_trimestre(a, q);
    }
    if (has)
        *has = h;
    return v;
}

double calc_programado_acum(const Actividad *a, int corte)
{
    if (corte > POA_TRIMESTRES)
        corte = POA_TRIMESTRES;
    double s = 0.0;
    for (int q = 1; q <= corte; q++)
        s += calc_meta_trimestre(a, q);
    return s;
}

int calc_primer_trimestre(const Actividad *a)
{
    for (int q = 1; q <= POA_TRIMESTRES; q++)
        if (calc_meta_trimestre(a, q) != 0.0)
            return q;
    return 0;
}

bool calc_mes_planificado(const Actividad *a, int m)
{
    if (!a || m < 1 || m > POA_MESES)
        return false;
    switch (calc_fuente(a)) {
    case FUENTE_MESES:
        return cell_programa(&a->mes[m - 1]);
    case FUENTE_TRIMESTRES:
        /* the quarter is planned; which of its months is not known */
        return valor_programa(&a->trim[(m - 1) / 3]);
    case FUENTE_ANUAL:
    case FUENTE_NINGUNA:
        break;
    }
    return false;
}

Semaforo calc_semaforo(double pct, const Umbrales *u)
{
    Umbrales d = calc_umbrales_default();
    if (!u)
        u = &d;
    /* the epsilon keeps 0.8 computed as 0.79999999 on the green side */
    if (pct + CALC_EPS >= u->verde)
        return SEM_VERDE;
    if (pct + CALC_EPS >= u->amarillo)
        return SEM_AMARILLO;
    return SEM_ROJO;
}

void calc_actividad(const Actividad *a, int corte, const Umbrales *u, ResultadoAct *out)
{
    memset(out, 0, sizeof *out);
    out->estado = ESTADO_SIN_META;
    out->semaforo = SEM_GRIS;
    if (!a || calc_fuente(a) == FUENTE_NINGUNA)
        return;
    /* a corte outside 1..4 is a caller's bug; clamp rather than read out of bounds */
    if (corte < 1)
        corte = 1;
    if (corte > POA_TRIMESTRES)
        corte = POA_TRIMESTRES;

    const Valor *real = &a->seg[corte - 1].real;
    out->programado = calc_programado_acum(a, corte);
    out->real = real->has ? real->valor : 0.0;
    if (out->programado == 0.0) {
        /* nothing due yet: an early report is kept in real but not judged */
        out->estado = ESTADO_NO_VENCIDA;
        return;
    }
    out->has_pct = true;
    if (!real->has) {
        out->estado = ESTADO_SIN_REPORTE;
        out->pct = 0.0;
        out->semaforo = SEM_ROJO;
        return;
    }
    out->estado = ESTADO_REPORTADA;
    if (a->tipo == TIPO_HITO) {
        /* done is 100 %, never more; a partial real reads as progress */
        out->pct = out->real + CALC_EPS >= 1.0 ? 1.0 : out->real;
    } else if (a->sentido == SENTIDO_DESCENDENTE) {
        /* lower is better: reaching zero is full compliance */
        out->pct = out->real == 0.0 ? 1.0 : out->programado / out->real;
    } else {
        out->pct = out->real / out->programado;
    }
    out->semaforo = calc_semaforo(out->pct, u);
}

const char *semaforo_name(Semaforo s)
{
    switch (s) {
    case SEM_GRIS: return "gris";
    case SEM_ROJO: return "rojo";
    case SEM_AMARILLO: return "amarillo";
    case SEM_VERDE: return "verde";
    case SEM_NINGUNO: break;
    }
    return "";
}

const char *estado_name(EstadoSeg e)
{
    switch (e) {
    case ESTADO_SIN_META: return "sin meta";
    case ESTADO_NO_VENCIDA: return "no vencida";
    case ESTADO_SIN_REPORTE: return "sin reporte";
    case ESTADO_REPORTADA: return "reportada";
    }
    return "";
}

long calc_pct_entero(double pct)
{
    double x = pct * 100.0;
    if (!isfinite(x))
        return 0;
    /* beyond this a long cannot hold it and no report shows it anyway */
    if (x > 1e15)
        x = 1e15;
    if (x < -1e15)
        x = -1e15;
    /* 0.305 × 100 is 30.499999999999996 in binary: nudge by a relative
     * epsilon so the half the analyst wrote still rounds away from zero */
    double ax = fabs(x);
    double r = floor(ax + 0.5 + CALC_EPS * (ax > 1.0 ? ax : 1.0));
    return (long)(x < 0 ? -r : r);
}

static double tope_de(const ReglaConsolidacion *regla)
{
    /* a zeroed struct means "not configured", not "cap everything at 0 %" */
    if (!regla || !(regla->tope > 0.0))
        return TOPE_DEFECTO;
    return regla->tope;
}

void calc_consolidado_add(Consolidado *c, const Actividad *a, const ResultadoAct *r,
                          const ReglaConsolidacion *regla)
{
    if (!c || !r)
        return;
    c->n_total++;
    if ((unsigned)r->estado < POA_ARRAY_LEN(c->n_estado))
        c->n_estado[r->estado]++;
    if ((unsigned)r->semaforo < POA_ARRAY_LEN(c->n_semaforo))
        c->n_semaforo[r->semaforo]++;
    if (r->estado != ESTADO_SIN_REPORTE && r->estado != ESTADO_REPORTADA)
        return;   /* not due: no figure to average */
    double peso = 1.0;
    if (regla && regla->regla == ROLLUP_PONDERADA)
        peso = a ? a->peso : 1.0;
    if (!(peso > 0.0))
        return;   /* weight 0 (or negative, or NaN) takes the activity out */
    double tope = tope_de(regla);
    double v = r->pct > tope ? tope : r->pct;
    c->suma += peso * v;
    c->pesos += peso;
}

bool calc_consolidado_pct(const Consolidado *c, double *out)
{
    if (!c || !(c->pesos > 0.0)) {
        if (out)
            *out = 0.0;
        return false;
    }
    if (out)
        *out = c->suma / c->pesos;
    return true;
}

/* snprintf may cut a multibyte character in half; back up to a boundary. */
static void utf8_cortar(char *buf, size_t n)
{
    size_t len = strlen(buf);
    if (len + 1 < n || len == 0)
        return;
    size_t i = len;
    while (i > 0 && ((unsigned char)buf[i - 1] & 0xC0) == 0x80)
        i--;
    if (i > 0) {
        unsigned char lead = (unsigned char)buf[i - 1];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (len - (i - 1) < need)
            buf[i - 1] = '\0';
    }
}

const char *calc_regla_texto(const ReglaConsolidacion *r, char *buf, size_t n)
{
    if (!buf || n == 0)
        return buf;
    bool ponderada = r && r->regla == ROLLUP_PONDERADA;
    double tope = tope_de(r);
    char limite[96];
    if (isinf(tope)) {
        snprintf(limite, sizeof limite, "sin límite por actividad");
    } else {
        char num[48];
        num_format(round(tope * 100.0 * 100.0) / 100.0, num, sizeof num);
        snprintf(limite, sizeof limite, "cada una limitada a %s %%", num);
    }
    snprintf(buf, n,
             "%s del %% de ejecución de las actividades vencidas, %s; las vencidas sin "
             "reporte cuentan como 0 %% y las no vencidas%s no cuentan.",
             ponderada ? "Promedio ponderado por el peso de cada actividad" : "Promedio simple",
             limite, ponderada ? " o de peso 0" : "");
    utf8_cortar(buf, n);
    return buf;
}

static const char *const ORDINAL_TRIM[POA_TRIMESTRES] = {"primer", "segundo", "tercer",
                                                         "cuarto"};

const char *calc_nota_estado(const Actividad *a, const ResultadoAct *r, char *buf, size_t n)
{
    if (!buf || n == 0)
        return buf;
    buf[0] = '\0';
    if (!r)
        return buf;
    switch (r->estado) {
    case ESTADO_NO_VENCIDA: {
        int q = calc_primer_trimestre(a);
        if (q >= 1)
            snprintf(buf, n, "Programada para el %s trimestre", ORDINAL_TRIM[q - 1]);
        else
            snprintf(buf, n, "No vencida al corte");
        break;
    }
    case ESTADO_SIN_REPORTE: snprintf(buf, n, "Sin reporte al corte"); break;
    case ESTADO_SIN_META: snprintf(buf, n, "Sin meta programada"); break;
    case ESTADO_REPORTADA: break;
    }
    utf8_cortar(buf, n);
    return buf;
}

typedef struct {
    int corte;
    const ReglaConsolidacion *regla;
    const Umbrales *u;
    Consolidado *out;
} NodoCtx;

static void visitar(Plan *p, int node, void *ctx)
{
    NodoCtx *k = ctx;
    const Actividad *a = plan_act(p, node);
    if (!a)
        return;
    ResultadoAct r;
    calc_actividad(a, k->corte, k->u, &r);
    calc_consolidado_add(k->out, a, &r, k->regla);
}

void calc_consolidar_nodo(Plan *p, int node, int corte, const ReglaConsolidacion *regla,
                          const Umbrales *u, Consolidado *out)
{
    if (!out)
        return;
    /* always a fresh figure: callers fill one Consolidado per row of a report */
    calc_consolidado_init(out);
    if (!p || node < 0 || node >= p->nnodes)
        return;
    NodoCtx k = {corte, regla, u, out};
    plan_each_actividad(p, node, visitar, &k);
}

/* ---- The roll-up ---- */

static bool rollup_cuenta(const Rollup *r, const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    return n->kind == NODE_ACTIVIDAD && n->act >= 0 && !n->deleted &&
           (r->unidad < 0 || n->unidad == r->unidad);
}

/* c += sign × one activity's contribution d */
static void consolidado_mover(Consolidado *c, const Consolidado *d, int sign)
{
    c->suma += sign * d->suma;
    c->pesos += sign * d->pesos;
    c->n_total += sign * d->n_total;
    for (size_t i = 0; i < POA_ARRAY_LEN(c->n_estado); i++)
        c->n_estado[i] += sign * d->n_estado[i];
    for (size_t i = 0; i < POA_ARRAY_LEN(c->n_semaforo); i++)
        c->n_semaforo[i] += sign * d->n_semaforo[i];
    /* no rounding residue may pass for a figure once nothing is due */
    if (c->n_estado[ESTADO_SIN_REPORTE] + c->n_estado[ESTADO_REPORTADA] == 0 ||
        fabs(c->pesos) < 1e-12)
        c->suma = c->pesos = 0.0;
}

/* Applies d (with sign) to every group actividad node belongs to. */
static void rollup_aplicar(Rollup *r, const Plan *p, int node, const Consolidado *d, int sign)
{
    for (int up = p->nodes[node].parent; up > 0; up = p->nodes[up].parent)
        if (up < r->nnodos)
            consolidado_mover(&r->nodo[up], d, sign);
    int u = p->nodes[node].unidad;
    if (u >= 0 && u < r->nunidades)
        consolidado_mover(&r->unid[u], d, sign);
    consolidado_mover(&r->total, d, sign);
}

Rollup *calc_rollup_new(const Plan *p, int corte, int unidad, const Umbrales *u,
                        const ReglaConsolidacion *regla)
{
    Rollup *r = xcalloc(1, sizeof *r);
    r->corte = corte;
    r->unidad = unidad;
    r->umbrales = u ? *u : calc_umbrales_default();
    r->regla = regla ? *regla : calc_regla_default();
    r->nnodos = p->nnodes;
    r->nunidades = p->nunidades;
    r->nacts = p->nacts;
    r->act = xcalloc((size_t)(p->nacts ? p->nacts : 1), sizeof *r->act);
    r->contada = xcalloc((size_t)(p->nacts ? p->nacts : 1), sizeof *r->contada);
    r->nodo = xcalloc((size_t)(p->nnodes ? p->nnodes : 1), sizeof *r->nodo);
    r->unid = xcalloc((size_t)(p->nunidades ? p->nunidades : 1), sizeof *r->unid);
    for (int i = 0; i < p->nacts; i++) {
        int node = p->acts[i].node;
        if (node <= 0 || node >= p->nnodes || !rollup_cuenta(r, p, node))
            continue;
        Consolidado d;
        calc_actividad(&p->acts[i], corte, &r->umbrales, &r->act[i]);
        calc_consolidado_init(&d);
        calc_consolidado_add(&d, &p->acts[i], &r->act[i], &r->regla);
        rollup_aplicar(r, p, node, &d, +1);
        r->contada[i] = true;
        r->ncontadas++;
    }
    return r;
}

void calc_rollup_free(Rollup *r)
{
    if (!r)
        return;
    free(r->act);
    free(r->contada);
    free(r->nodo);
    free(r->unid);
    free(r);
}

bool calc_rollup_vigente(const Rollup *r, const Plan *p)
{
    return r && r->nnodos == p->nnodes && r->nunidades == p->nunidades && r->nacts == p->nacts;
}

void calc_rollup_contribucion(const Rollup *r, const Plan *p, int node, Consolidado *out)
{
    calc_consolidado_init(out);
    if (node <= 0 || node >= p->nnodes || !rollup_cuenta(r, p, node))
        return;
    const Actividad *a = &p->acts[p->nodes[node].act];
    ResultadoAct res;
    calc_actividad(a, r->corte, &r->umbrales, &res);
    calc_consolidado_add(out, a, &res, &r->regla);
}

void calc_rollup_actualizar(Rollup *r, const Plan *p, int node, const Consolidado *antes)
{
    if (node <= 0 || node >= p->nnodes || node >= r->nnodos)
        return;
    int ai = p->nodes[node].act;
    Consolidado ahora;
    calc_rollup_contribucion(r, p, node, &ahora);
    rollup_aplicar(r, p, node, antes, -1);
    rollup_aplicar(r, p, node, &ahora, +1);
    if (ai >= 0 && ai < r->nacts) {
        r->contada[ai] = rollup_cuenta(r, p, node);
        if (r->contada[ai])
            calc_actividad(&p->acts[ai], r->corte, &r->umbrales, &r->act[ai]);
    }
}

bool calc_rollup_figura(const Rollup *r, const Consolidado *c, double *pct, Semaforo *sem)
{
    double v;
    if (!calc_consolidado_pct(c, &v))
        return false;
    if (pct)
        *pct = v;
    if (sem)
        *sem = calc_semaforo(v, &r->umbrales);
    return true;
}

/* What "reported anything" means, for both functions below. */
static bool seg_con_datos(const Seguimiento *s)
{
    return s->real.has || !str_empty(s->observaciones) || !str_empty(s->evidencia) ||
           !str_empty(s->pct_publicado);
}

int calc_ultimo_corte_con_datos(const Plan *p)
{
    int best = 0;
    for (int i = 0; i < p->nacts && best < POA_TRIMESTRES; i++) {
        const Actividad *a = &p->acts[i];
        if (p->nodes[a->node].deleted)
            continue;
        for (int c = POA_TRIMESTRES; c > best; c--) {
            if (seg_con_datos(&a->seg[c - 1])) {
                best = c;
                break;
            }
        }
    }
    return best;
}

bool calc_corte_con_datos(const Plan *p, int corte)
{
    if (corte < 1 || corte > POA_TRIMESTRES)
        return false;
    for (int i = 0; i < p->nacts; i++) {
        const Actividad *a = &p->acts[i];
        if (!p->nodes[a->node].deleted && seg_con_datos(&a->seg[corte - 1]))
            return true;
    }
    return false;
}
