/* xlsx_informes.c — the three reports' sheets: tablero (roll-ups and chart),
 * seguimiento at a corte (Caja layout, % as formulas, semáforo) and the POA
 * (institution layout with the Gantt). Rows are written in order, every
 * figure comes from the plan's roll-up (calc.c); layouts in docs/informes.md. */
#include "xlsx_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ACUM[POA_TRIMESTRES] = {"EN-MAR", "EN-JUN", "EN-SEP", "EN-DIC"};

static void periodo_corte(const Xw *x, char *buf, size_t n)
{
    snprintf(buf, n, "Año %d · corte %s (%s)", x->p->anio, POA_TRIM_NOMBRE[x->corte - 1],
             ACUM[x->corte - 1]);
}

/* "O.E.3. Administrar…" / "1. Cartera…" / "1.1 Alianza…": code and text. */
static char *con_codigo(const Node *n, const char *sep)
{
    if (!n->codigo[0])   /* an objetivo without text still gets a label */
        return xstrdup(n->kind == NODE_OBJETIVO ? node_texto_mostrado(n) : n->texto);
    if (!n->texto[0])
        return xstrdup(n->codigo);
    size_t l = strlen(n->codigo);
    bool punto = l > 0 && n->codigo[l - 1] == '.';
    return xasprintf("%s%s %s", n->codigo, punto ? "" : sep, n->texto);
}

static bool act_en_pct(const Actividad *a)
{
    if (a->meta_anual.has && a->meta_anual.pct)
        return true;
    for (int q = 0; q < POA_TRIMESTRES; q++)
        if (a->trim[q].has && a->trim[q].pct)
            return true;
    return false;
}

static bool nodo_vivo(const Plan *p, int n)
{
    return !p->nodes[n].deleted;
}

/* ================= Tablero ================= */

enum { TB_NOMBRE, TB_ACTS, TB_REP, TB_SINREP, TB_NOVENC, TB_SINMETA, TB_PCT, TB_SEM, TB_NCOLS };

static void tablero_fila(Xw *x, lxw_worksheet *ws, int r, const char *nombre,
                         const Consolidado *c, bool total)
{
    Formatos *f = &x->f;
    xw_str(x, ws, r, TB_NOMBRE, nombre, total ? f->total : f->texto);
    lxw_format *fn = total ? f->total_n : f->cuenta;
    xw_num(x, ws, r, TB_ACTS, c->n_total, fn);
    xw_num(x, ws, r, TB_REP, c->n_estado[ESTADO_REPORTADA], fn);
    xw_num(x, ws, r, TB_SINREP, c->n_estado[ESTADO_SIN_REPORTE], fn);
    xw_num(x, ws, r, TB_NOVENC, c->n_estado[ESTADO_NO_VENCIDA], fn);
    xw_num(x, ws, r, TB_SINMETA, c->n_estado[ESTADO_SIN_META], fn);
    double pct;
    Semaforo s = SEM_GRIS;
    if (calc_consolidado_pct(c, &pct)) {
        xw_num(x, ws, r, TB_PCT, pct, total ? f->total_pct : f->pct);
        s = calc_semaforo(pct, &x->o->umbrales);
    } else {
        xw_str(x, ws, r, TB_PCT, "—", f->gris);
    }
    xw_semaforo_formula(x, ws, r, TB_SEM, TB_PCT, s, total ? f->total_n : f->texto_c);
    xw_alto(x, ws, r, xw_lineas(nombre, 50));
}

void xlsx_tablero(Xw *x)
{
    Plan *p = x->p;
    Formatos *f = &x->f;
    /* the unit of a --unidad report is in the title: a name cut to 31
     * characters ("Tablero EN-MAR - Departamento d") reads worse */
    char hoja[200];
    snprintf(hoja, sizeof hoja, "Tablero %s", ACUM[x->corte - 1]);
    lxw_worksheet *ws = xw_hoja(x, hoja);
    if (!ws)
        return;
    static const double W[TB_NCOLS] = {50, 11, 11, 11, 11, 10, 12, 12};
    for (int c = 0; c < TB_NCOLS; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, W[c], NULL);

    char t[300], periodo[120];
    periodo_corte(x, periodo, sizeof periodo);
    snprintf(t, sizeof t, "TABLERO DE EJECUCIÓN DEL POA %d — %s (%s)", p->anio,
             POA_TRIM_NOMBRE[x->corte - 1], ACUM[x->corte - 1]);
    xw_titulo(x, ws, TB_NCOLS - 1, t);

    static const char *const CAB[TB_NCOLS] = {"Unidad, eje u objetivo", "Actividades",
                                              "Reportadas", "Vencidas sin reporte",
                                              "No vencidas", "Sin meta",
                                              "% de ejecución", "Semáforo"};
    const int RC = 3;
    for (int c = 0; c < TB_NCOLS; c++)
        xw_str(x, ws, RC, c, CAB[c], f->cab);
    xw_clave_marca(x, ws, RC, "poa:tablero");
    xw_alto(x, ws, RC, 2);
    int r = RC + 1, primera = r;

    /* by unit: the chart's range, so these rows stay together */
    xw_merge(x, ws, r, 0, r, TB_NCOLS - 1, "Por unidad", f->grupo_obj);
    r++;
    int u1 = r;
    for (int u = 0; u < p->nunidades; u++) {
        if (x->unidad >= 0 && u != x->unidad)
            continue;
        if (x->roll->unid[u].n_total == 0 && x->unidad < 0)
            continue;
        tablero_fila(x, ws, r++, p->unidades[u].nombre, &x->roll->unid[u], false);
    }
    int u2 = r - 1;

    /* by eje (only plans that use ejes) */
    const Node *raiz = &p->nodes[0];
    bool hay_ejes = false;
    for (int i = 0; i < raiz->kids.n; i++) {
        int e = raiz->kids.v[i];
        if (!nodo_vivo(p, e) || plan_node_implicit(p, e) || x->roll->nodo[e].n_total == 0)
            continue;
        if (!hay_ejes) {
            xw_merge(x, ws, r, 0, r, TB_NCOLS - 1, "Por eje o perspectiva", f->grupo_obj);
            r++;
            hay_ejes = true;
        }
        tablero_fila(x, ws, r++, p->nodes[e].texto, &x->roll->nodo[e], false);
    }
    bool hay_obj = false;
    for (int i = 0; i < raiz->kids.n; i++) {
        const Node *e = &p->nodes[raiz->kids.v[i]];
        for (int j = 0; nodo_vivo(p, raiz->kids.v[i]) && j < e->kids.n; j++) {
            int o = e->kids.v[j];
            if (!nodo_vivo(p, o) || x->roll->nodo[o].n_total == 0)
                continue;
            if (!hay_obj) {
                xw_merge(x, ws, r, 0, r, TB_NCOLS - 1, "Por objetivo estratégico",
                         f->grupo_obj);
                r++;
                hay_obj = true;
            }
            char *nom = con_codigo(&p->nodes[o], ".");
            tablero_fila(x, ws, r++, nom, &x->roll->nodo[o], false);
            free(nom);
        }
    }
    tablero_fila(x, ws, r, x->unidad >= 0 ? "Total de la unidad" : "Total de la institución",
                 &x->roll->total, true);
    int ultima = r++;
    xw_semaforo_cf(x, ws, TB_PCT, primera, ultima);
    xw_progreso(x, x->roll->ncontadas);

    /* the note under the table: how the figures were made */
    r++;
    char regla[600];
    calc_regla_texto(&x->o->regla, regla, sizeof regla);
    snprintf(t, sizeof t, "Regla de consolidación:");
    xw_merge(x, ws, r, 0, r, TB_NCOLS - 1, t, f->nota_b);
    r++;
    xw_merge(x, ws, r, 0, r, TB_NCOLS - 1, regla, f->nota);
    xw_alto(x, ws, r, xw_lineas(regla, 125));
    r++;
    const char *expl = "Vencidas: actividades con algo programado hasta el corte (reportadas y "
                       "sin reporte). El % de cada actividad es el real acumulado ÷ el "
                       "programado acumulado al corte.";
    xw_merge(x, ws, r, 0, r, TB_NCOLS - 1, expl, f->nota);
    xw_alto(x, ws, r, xw_lineas(expl, 125));
    r += 2;
    r = xw_leyenda(x, ws, r, TB_NOMBRE, TB_ACTS, TB_SEM);

    /* a bar per unit, pointing at the table's cells */
    int nuni = u2 - u1 + 1;
    if (nuni >= 1 && nuni <= 60) {
        r++;
        lxw_chart *ch = workbook_add_chart(x->wb, LXW_CHART_BAR);
        const char *nombre_hoja = x->hojas[x->nhojas - 1];
        lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
        chart_series_set_categories(s, nombre_hoja, (lxw_row_t)u1, TB_NOMBRE, (lxw_row_t)u2,
                                    TB_NOMBRE);
        chart_series_set_values(s, nombre_hoja, (lxw_row_t)u1, TB_PCT, (lxw_row_t)u2, TB_PCT);
        chart_series_set_name(s, "% de ejecución");
        chart_series_set_labels(s);
        chart_series_set_labels_num_format(s, "0%");
        lxw_chart_fill relleno = {.color = 0x2E75B6};
        chart_series_set_fill(s, &relleno);
        chart_set_series_gap(ch, 60);
        snprintf(t, sizeof t, "%% de ejecución por unidad al corte %s", ACUM[x->corte - 1]);
        chart_title_set_name(ch, t);
        chart_axis_set_num_format(ch->x_axis, "0%");
        chart_axis_set_min(ch->x_axis, 0);
        /* unit figures never pass the cap (the rule above): keep the scale there */
        double tope = x->o->regla.tope > 0 ? x->o->regla.tope : 1.0;
        if (tope < 10)
            chart_axis_set_max(ch->x_axis, tope);
        chart_axis_set_reverse(ch->y_axis);   /* first unit on top, as in the table */
        chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
        lxw_chart_options co = {.x_scale = 1.9, .y_scale = (60.0 + 24.0 * nuni) / 288.0,
                                .x_offset = 5, .y_offset = 5};
        xw_chk(x, worksheet_insert_chart_opt(ws, (lxw_row_t)r, 0, ch, &co));
    }

    xw_imprimir(x, ws, "Tablero de ejecución", periodo, RC, RC);
}

/* ================= Seguimiento ================= */

enum {
    SG_COD, SG_ACC, SG_LIDER, SG_RESP, SG_META, SG_T1, SG_T2, SG_T3, SG_T4, SG_REAL, SG_PCT,
    SG_OBS, SG_NCOLS
};
static const double SG_W[SG_NCOLS] = {9, 40, 15, 17, 9, 8.5, 8.5, 8.5, 8.5, 10, 11, 40};

static void seg_grupo(Xw *x, lxw_worksheet *ws, int r, const char *texto, const Consolidado *c,
                      lxw_format *ft, lxw_format *fp)
{
    xw_merge(x, ws, r, 0, r, SG_REAL, texto, ft);
    double pct;
    if (calc_consolidado_pct(c, &pct))
        xw_num(x, ws, r, SG_PCT, pct, fp);
    else
        xw_str(x, ws, r, SG_PCT, "—", fp);
    xw_str(x, ws, r, SG_OBS, "", ft);
    double ancho = 0;
    for (int i = 0; i <= SG_REAL; i++)
        ancho += SG_W[i];
    xw_alto(x, ws, r, xw_lineas(texto, ancho));
}

static void seg_actividad(Xw *x, lxw_worksheet *ws, int r, int node)
{
    Plan *p = x->p;
    Formatos *f = &x->f;
    const Node *n = &p->nodes[node];
    const Actividad *a = &p->acts[n->act];
    const ResultadoAct *res = &x->roll->act[n->act];
    const int c = x->corte;
    xw_str(x, ws, r, SG_COD, n->codigo, f->texto_c);
    xw_str(x, ws, r, SG_ACC, n->texto, f->texto);
    xw_str(x, ws, r, SG_LIDER, a->unidad_lider, f->texto);
    xw_str(x, ws, r, SG_RESP, a->responsables, f->texto);
    bool pct = act_en_pct(a), has;
    double ma = calc_meta_anual(a, &has);
    if (has)
        xw_num(x, ws, r, SG_META, ma, f->num[xw_clase_num(ma, pct)]);
    else
        xw_str(x, ws, r, SG_META, "", f->num[0]);
    for (int q = 1; q <= POA_TRIMESTRES; q++) {
        double t = calc_meta_trimestre(a, q);
        if (t != 0.0)
            xw_num(x, ws, r, SG_T1 + q - 1, t, f->num[xw_clase_num(t, pct)]);
        else
            xw_str(x, ws, r, SG_T1 + q - 1, "", f->num[0]);
    }
    const Valor *real = &a->seg[c - 1].real;
    if (real->has)
        xw_num(x, ws, r, SG_REAL, real->valor, f->num[xw_clase_num(real->valor, real->pct)]);
    else
        xw_str(x, ws, r, SG_REAL, "", f->num[0]);

    if (res->has_pct) {
        /* the rule as a formula so an edited real or target recalculates; the
         * value calc computed is stored for readers that do not recalculate */
        char j[16], q1[16], qc[16], fo[200];
        lxw_rowcol_to_cell(j, (lxw_row_t)r, SG_REAL);
        lxw_rowcol_to_cell(q1, (lxw_row_t)r, SG_T1);
        lxw_rowcol_to_cell(qc, (lxw_row_t)r, (lxw_col_t)(SG_T1 + c - 1));
        if (a->tipo == TIPO_HITO)
            snprintf(fo, sizeof fo, "=MIN(1,%s)", j);
        else if (a->sentido == SENTIDO_DESCENDENTE)
            snprintf(fo, sizeof fo, "=IF(ISBLANK(%s),0,IF(%s=0,1,SUM(%s:%s)/%s))", j, j, q1, qc,
                     j);
        else
            snprintf(fo, sizeof fo, "=%s/SUM(%s:%s)", j, q1, qc);
        xw_chk(x, worksheet_write_formula_num(ws, (lxw_row_t)r, SG_PCT, fo, f->pct, res->pct));
    } else {
        xw_str(x, ws, r, SG_PCT, estado_name(res->estado), f->gris);
    }
    const char *obs = a->seg[c - 1].observaciones;
    char nota[160];
    if (obs[0]) {
        xw_str(x, ws, r, SG_OBS, obs, f->texto);
    } else {
        obs = calc_nota_estado(a, res, nota, sizeof nota);
        xw_str(x, ws, r, SG_OBS, obs, f->gris_izq);
    }
    xw_clave_fila(x, ws, r, node, true);
    int l = xw_lineas(n->texto, SG_W[SG_ACC]);
    int l2 = xw_lineas(obs, SG_W[SG_OBS]);
    int l3 = xw_lineas(a->unidad_lider, SG_W[SG_LIDER]);
    int l4 = xw_lineas(a->responsables, SG_W[SG_RESP]);
    if (l2 > l)
        l = l2;
    if (l3 > l)
        l = l3;
    if (l4 > l)
        l = l4;
    xw_alto(x, ws, r, l);
}

/* The activities under a meta, in tree order. */
static void seg_bajo(Xw *x, lxw_worksheet *ws, int node, int *r)
{
    const Node *n = &x->p->nodes[node];
    if (n->deleted)
        return;
    if (n->kind == NODE_ACTIVIDAD && n->act >= 0) {
        seg_actividad(x, ws, (*r)++, node);
        xw_progreso(x, 1);
        return;
    }
    for (int i = 0; i < n->kids.n; i++)
        seg_bajo(x, ws, n->kids.v[i], r);
}

void xlsx_seguimiento(Xw *x)
{
    Plan *p = x->p;
    Formatos *f = &x->f;
    const int c = x->corte;
    char hoja[200];
    snprintf(hoja, sizeof hoja, "Seguimiento %s", ACUM[c - 1]);
    lxw_worksheet *ws = xw_hoja(x, hoja);
    if (!ws)
        return;
    for (int i = 0; i < SG_NCOLS; i++)
        worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, SG_W[i], NULL);

    char t[400], periodo[120];
    periodo_corte(x, periodo, sizeof periodo);
    snprintf(t, sizeof t, "SEGUIMIENTO AL PLAN OPERATIVO ANUAL %d — %s (%s)", p->anio,
             POA_TRIM_NOMBRE[c - 1], ACUM[c - 1]);
    xw_titulo(x, ws, SG_NCOLS - 1, t);

    const int RC = 3;
    char real[40], pcth[60], obs[60];
    snprintf(real, sizeof real, "REAL %s", ACUM[c - 1]);
    snprintf(pcth, sizeof pcth, "%% EJECUCIÓN %s", ACUM[c - 1]);
    snprintf(obs, sizeof obs, "OBSERVACIONES %s", POA_TRIM_NOMBRE[c - 1]);
    const char *cab[SG_NCOLS] = {"CÓDIGO", "ACCIÓN OPERATIVA", "UNIDAD LÍDER",
                                 "UNIDAD-ÁREA RESPONSABLE", "META ANUAL", POA_TRIM_RANGO[0],
                                 POA_TRIM_RANGO[1], POA_TRIM_RANGO[2], POA_TRIM_RANGO[3],
                                 real, pcth, obs};
    for (int i = 0; i < SG_NCOLS; i++)
        xw_str(x, ws, RC, i, cab[i], f->cab);
    xw_clave_cabecera(x, ws, RC, "poa:seguimiento");
    xw_alto(x, ws, RC, 2);

    int r = RC + 1;
    const Node *raiz = &p->nodes[0];
    for (int i = 0; i < raiz->kids.n; i++) {
        int e = raiz->kids.v[i];
        if (!nodo_vivo(p, e) || x->roll->nodo[e].n_total == 0)
            continue;
        if (!plan_node_implicit(p, e)) {
            char *s = xasprintf("EJE O PERSPECTIVA: %s", p->nodes[e].texto);
            seg_grupo(x, ws, r++, s, &x->roll->nodo[e], f->grupo_obj, f->grupo_obj_pct);
            free(s);
        }
        for (int j = 0; j < p->nodes[e].kids.n; j++) {
            int o = p->nodes[e].kids.v[j];
            if (!nodo_vivo(p, o) || x->roll->nodo[o].n_total == 0)
                continue;
            char *s = con_codigo(&p->nodes[o], ".");
            seg_grupo(x, ws, r++, s, &x->roll->nodo[o], f->grupo_obj, f->grupo_obj_pct);
            free(s);
            for (int k = 0; k < p->nodes[o].kids.n; k++) {
                int m = p->nodes[o].kids.v[k];
                const Node *mn = &p->nodes[m];
                if (!nodo_vivo(p, m) || x->roll->nodo[m].n_total == 0)
                    continue;
                const char *un = mn->unidad >= 0 ? p->unidades[mn->unidad].nombre : "";
                char *g = mn->texto[0] ? xasprintf("%s — Meta operativa anual: %s", un, mn->texto)
                                       : xstrdup(un);
                seg_grupo(x, ws, r++, g, &x->roll->nodo[m], f->grupo_uni, f->grupo_uni_pct);
                free(g);
                seg_bajo(x, ws, m, &r);
            }
        }
    }
    int ultima = r - 1;
    xw_semaforo_cf(x, ws, SG_PCT, RC + 1, ultima);

    r++;
    r = xw_leyenda(x, ws, r, SG_COD, SG_ACC, SG_RESP);
    r++;
    char regla[600];
    calc_regla_texto(&x->o->regla, regla, sizeof regla);
    xw_merge(x, ws, r, 0, r, SG_NCOLS - 1,
             "% de las filas de eje, objetivo y unidad (regla de consolidación):", f->nota_b);
    r++;
    xw_merge(x, ws, r, 0, r, SG_NCOLS - 1, regla, f->nota);
    r++;
    const char *expl = "% de cada acción operativa = real acumulado ÷ programado acumulado "
                       "(suma de las metas de los trimestres hasta el corte), sin límite.";
    xw_merge(x, ws, r, 0, r, SG_NCOLS - 1, expl, f->nota);
    r++;
    bool titulo_notas = false;
    for (int u = 0; u < p->nunidades; u++) {
        const Unidad *un = &p->unidades[u];
        if ((x->unidad >= 0 && u != x->unidad) || !un->nota[0] || x->roll->unid[u].n_total == 0)
            continue;
        if (!titulo_notas) {
            r++;
            xw_merge(x, ws, r, 0, r, SG_NCOLS - 1, "Notas de las unidades", f->nota_b);
            r++;
            titulo_notas = true;
        }
        char *s = xasprintf("%s: %s", un->nombre, un->nota);
        xw_merge(x, ws, r, 0, r, SG_NCOLS - 1, s, f->nota);
        xw_alto(x, ws, r, xw_lineas(s, 200));
        r++;
        free(s);
    }

    xw_imprimir(x, ws, "Seguimiento del POA", periodo, RC, RC);
}

/* ================= POA ================= */

enum { PO_ENT, PO_IND, PO_ACT, PO_MES1, PO_RESP = PO_MES1 + POA_MESES, PO_PRES, PO_NOTA };
#define PO_W_MES 3.9
static const double PO_W[] = {22, 20, 40, PO_W_MES, PO_W_MES, PO_W_MES, PO_W_MES, PO_W_MES,
                              PO_W_MES, PO_W_MES, PO_W_MES, PO_W_MES, PO_W_MES, PO_W_MES,
                              PO_W_MES, 17, 14, 22};

typedef struct {
    Xw *x;
    lxw_worksheet *ws;
    int ult;          /* last column */
    bool col_nota;    /* a "Nota del presupuesto" column exists */
    bool sin_ent;     /* no entregables: columns A and B hidden */
} Poa;

static void poa_meses(Poa *po, int r, const Actividad *a)
{
    Xw *x = po->x;
    Formatos *f = &x->f;
    char buf[200];
    switch (calc_fuente(a)) {
    case FUENTE_MESES:
        for (int m = 0; m < POA_MESES; m++) {
            const MesCell *mc = &a->mes[m];
            if (mc->kind == CELL_X)
                xw_str(x, po->ws, r, PO_MES1 + m, "x", f->mes_x);
            else if (mc->kind == CELL_NUM && mc->valor != 0.0)
                xw_num(x, po->ws, r, PO_MES1 + m, mc->valor, f->trim[xw_clase_num(mc->valor, false)]);
            else
                xw_str(x, po->ws, r, PO_MES1 + m, "", f->mes_vacio);
        }
        break;
    case FUENTE_TRIMESTRES: {
        /* the quarter is planned, its months are not known: the target
         * centered across the quarter's three shaded cells, never invented months */
        bool pct = act_en_pct(a);
        for (int q = 0; q < POA_TRIMESTRES; q++) {
            int c1 = PO_MES1 + 3 * q, c2 = c1 + 2;
            const Valor *v = &a->trim[q];
            if (v->has && v->valor != 0.0) {
                int k = xw_clase_num(v->valor, pct || v->pct);
                xw_num(x, po->ws, r, c1, v->valor, f->trim_q[k]);
                for (int c = c1 + 1; c <= c2; c++)
                    xw_str(x, po->ws, r, c, "", f->trim_q2[k]);
            } else {
                for (int c = c1; c <= c2; c++)
                    xw_str(x, po->ws, r, c, "", f->mes_vacio);
            }
        }
        break;
    }
    case FUENTE_ANUAL:
        snprintf(buf, sizeof buf, "Meta anual %s, sin calendario (vence al cierre del año)",
                 valor_format(&a->meta_anual, (char[48]){0}, 48));
        xw_merge(x, po->ws, r, PO_MES1, r, PO_MES1 + POA_MESES - 1, buf, f->anual);
        break;
    case FUENTE_NINGUNA:
        for (int m = 0; m < POA_MESES; m++)
            xw_str(x, po->ws, r, PO_MES1 + m, "", f->mes_vacio);
        break;
    }
}

static int poa_lineas_act(const Poa *po, const Node *n, const Actividad *a, char *txt)
{
    int l = xw_lineas(txt, PO_W[PO_ACT]);
    int l2 = xw_lineas(a->responsables, PO_W[PO_RESP]);
    if (l2 > l)
        l = l2;
    if (!a->has_presupuesto)
        l2 = xw_lineas(a->presupuesto_nota, PO_W[PO_PRES]);
    else if (po->col_nota)
        l2 = xw_lineas(a->presupuesto_nota, PO_W[PO_NOTA]);
    if (l2 > l)
        l = l2;
    (void)n;
    return l;
}

static void poa_actividad(Poa *po, int r, int node, int lineas)
{
    Xw *x = po->x;
    Formatos *f = &x->f;
    const Node *n = &x->p->nodes[node];
    const Actividad *a = &x->p->acts[n->act];
    char *txt = con_codigo(n, "");
    xw_str(x, po->ws, r, PO_ACT, txt, f->texto);
    free(txt);
    poa_meses(po, r, a);
    xw_str(x, po->ws, r, PO_RESP, a->responsables, f->texto);
    if (a->has_presupuesto) {
        xw_num(x, po->ws, r, PO_PRES, a->presupuesto, xw_moneda(x, a->moneda));
        if (po->col_nota)
            xw_str(x, po->ws, r, PO_NOTA, a->presupuesto_nota, f->texto);
    } else {
        xw_str(x, po->ws, r, PO_PRES, a->presupuesto_nota, f->texto_c);
        if (po->col_nota)
            xw_str(x, po->ws, r, PO_NOTA, "", f->texto);
    }
    xw_clave_fila(x, po->ws, r, node, false);
    xw_alto(x, po->ws, r, lineas);
    xw_progreso(x, 1);
}

/* An entregable and its activities; returns the next row. */
static int poa_entregable(Poa *po, int r, int ent)
{
    Xw *x = po->x;
    Plan *p = x->p;
    Formatos *f = &x->f;
    const Node *e = &p->nodes[ent];
    int k = 0, suma = 0;
    for (int i = 0; i < e->kids.n; i++) {
        const Node *n = &p->nodes[e->kids.v[i]];
        if (n->deleted || n->kind != NODE_ACTIVIDAD || n->act < 0)
            continue;
        char *txt = con_codigo(n, "");
        suma += poa_lineas_act(po, n, &p->acts[n->act], txt);
        free(txt);
        k++;
    }
    bool impl = plan_node_implicit(p, ent);
    char *et = impl ? xstrdup("") : con_codigo(e, ".");
    const char *ind = impl ? "" : e->indicador;
    int need = xw_lineas(et, PO_W[PO_ENT]);
    int ni = xw_lineas(ind, PO_W[PO_IND]);
    if (ni > need)
        need = ni;
    if (k == 0) {
        xw_str(x, po->ws, r, PO_ENT, et, f->texto);
        xw_str(x, po->ws, r, PO_IND, ind, f->texto);
        for (int c = PO_ACT; c <= po->ult; c++)
            xw_str(x, po->ws, r, c, "", c >= PO_MES1 && c < PO_RESP ? f->mes_vacio : f->texto);
        xw_alto(x, po->ws, r, need);
        free(et);
        return r + 1;
    }
    /* entregable and indicador merged down over their activities */
    xw_merge(x, po->ws, r, PO_ENT, r + k - 1, PO_ENT, et, f->texto);
    xw_merge(x, po->ws, r, PO_IND, r + k - 1, PO_IND, ind, f->texto);
    free(et);
    int extra = need > suma ? need - suma : 0;   /* merged text taller than its rows */
    int j = 0;
    for (int i = 0; i < e->kids.n; i++) {
        int a = e->kids.v[i];
        const Node *n = &p->nodes[a];
        if (n->deleted || n->kind != NODE_ACTIVIDAD || n->act < 0)
            continue;
        char *txt = con_codigo(n, "");
        int l = poa_lineas_act(po, n, &p->acts[n->act], txt);
        free(txt);
        if (++j == k)
            l += extra;
        poa_actividad(po, r++, a, l);
    }
    return r;
}

static int poa_bloque(Poa *po, int r, int meta)
{
    Xw *x = po->x;
    Plan *p = x->p;
    Formatos *f = &x->f;
    const Node *m = &p->nodes[meta];
    int obj = m->parent, eje = obj >= 0 ? p->nodes[obj].parent : -1;
    double ancho = 0;
    for (int c = po->sin_ent ? PO_ACT : 0; c <= po->ult; c++)
        ancho += PO_W[c];
    char nombre[120];
    snprintf(nombre, sizeof nombre, "Plan Operativo Anual %d", p->anio);
    xw_merge_rotulo(x, po->ws, r, PO_ENT, PO_ACT, "Nombre:", nombre, f->bloque);
    xw_merge_rotulo(x, po->ws, r, PO_MES1, po->ult, "Área:",
                    m->unidad >= 0 ? p->unidades[m->unidad].nombre : "", f->bloque);
    xw_alto(x, po->ws, r, 1);
    r++;
    if (eje > 0 && !plan_node_implicit(p, eje)) {
        xw_merge_rotulo(x, po->ws, r, 0, po->ult, "Eje o perspectiva:", p->nodes[eje].texto,
                        f->bloque);
        xw_alto(x, po->ws, r++, 1);
    }
    if (obj > 0) {
        char *s = con_codigo(&p->nodes[obj], ".");
        xw_merge_rotulo(x, po->ws, r, 0, po->ult, "Objetivo estratégico de referencia:", s,
                        f->bloque);
        xw_alto(x, po->ws, r++, xw_lineas(s, ancho - 30));
        free(s);
    }
    if (m->texto[0]) {
        xw_merge_rotulo(x, po->ws, r, 0, po->ult, "Meta operativa anual:", m->texto, f->bloque);
        xw_alto(x, po->ws, r++, xw_lineas(m->texto, ancho - 20));
    }
    for (int i = 0; i < m->kids.n; i++) {
        int e = m->kids.v[i];
        if (!nodo_vivo(p, e))
            continue;
        if (p->nodes[e].kind == NODE_ENTREGABLE) {
            r = poa_entregable(po, r, e);
        } else if (p->nodes[e].kind == NODE_ACTIVIDAD && p->nodes[e].act >= 0) {
            /* an activity straight under the meta: no entregable to show */
            xw_str(x, po->ws, r, PO_ENT, "", f->texto);
            xw_str(x, po->ws, r, PO_IND, "", f->texto);
            char *txt = con_codigo(&p->nodes[e], "");
            int l = poa_lineas_act(po, &p->nodes[e], &p->acts[p->nodes[e].act], txt);
            free(txt);
            poa_actividad(po, r++, e, l);
        }
    }
    return r + 1;   /* a blank row between blocks */
}

void xlsx_poa(Xw *x)
{
    Plan *p = x->p;
    Formatos *f = &x->f;
    Poa po = {.x = x};
    /* the note column only when some amount carries a note */
    for (int i = 0; i < p->nacts && !po.col_nota; i++) {
        const Actividad *a = &p->acts[i];
        const Node *n = &p->nodes[a->node];
        po.col_nota = !n->deleted && (x->unidad < 0 || n->unidad == x->unidad) &&
                      a->has_presupuesto && a->presupuesto_nota[0];
    }
    po.ult = po.col_nota ? PO_NOTA : PO_PRES;
    /* plans without entregables (the Caja's) hide the two empty columns */
    bool hay_ent = false;
    for (int i = 1; i < p->nnodes && !hay_ent; i++)
        hay_ent = p->nodes[i].kind == NODE_ENTREGABLE && !p->nodes[i].deleted &&
                  (x->unidad < 0 || p->nodes[i].unidad == x->unidad) &&
                  !plan_node_implicit(p, i);

    char hoja[200];
    snprintf(hoja, sizeof hoja, "POA %d", p->anio);
    lxw_worksheet *ws = xw_hoja(x, hoja);
    if (!ws)
        return;
    po.ws = ws;
    po.sin_ent = !hay_ent;
    lxw_row_col_options oculta = {.hidden = 1};
    for (int c = 0; c <= po.ult; c++)
        worksheet_set_column_opt(ws, (lxw_col_t)c, (lxw_col_t)c, PO_W[c], NULL,
                                 !hay_ent && c <= PO_IND ? &oculta : NULL);

    char t[300];
    snprintf(t, sizeof t, "PLAN OPERATIVO ANUAL %d", p->anio);
    xw_titulo(x, ws, po.ult, t);

    const int R1 = 3, R2 = 4, R3 = 5;
    xw_merge(x, ws, R1, PO_ENT, R3, PO_ENT, "Entregables", f->cab);
    xw_merge(x, ws, R1, PO_IND, R3, PO_IND, "Indicadores", f->cab);
    xw_merge(x, ws, R1, PO_ACT, R3, PO_ACT, "Actividades", f->cab);
    xw_merge(x, ws, R1, PO_MES1, R1, PO_MES1 + POA_MESES - 1, "Cronograma", f->cab);
    for (int q = 0; q < POA_TRIMESTRES; q++)
        xw_merge(x, ws, R2, PO_MES1 + 3 * q, R2, PO_MES1 + 3 * q + 2, POA_TRIM_NOMBRE[q],
                 f->cab_mes);
    for (int m = 0; m < POA_MESES; m++)
        xw_str(x, ws, R3, PO_MES1 + m, POA_MES_CORTO[m], f->cab_mes);
    xw_merge(x, ws, R1, PO_RESP, R3, PO_RESP, "Responsables", f->cab);
    xw_merge(x, ws, R1, PO_PRES, R3, PO_PRES, "Presupuesto", f->cab);
    if (po.col_nota)
        xw_merge(x, ws, R1, PO_NOTA, R3, PO_NOTA, "Nota del presupuesto", f->cab);
    xw_clave_cabecera(x, ws, R1, "poa:POA");

    /* one block per unit and objetivo; each unit starts a printed page */
    lxw_row_t saltos[LXW_BREAKS_MAX + 1];
    int nsaltos = 0;
    int r = R3 + 1;
    for (int u = 0; u < p->nunidades; u++) {
        if ((x->unidad >= 0 && u != x->unidad) || x->roll->unid[u].n_total == 0)
            continue;
        if (r > R3 + 1 && nsaltos < LXW_BREAKS_MAX)
            saltos[nsaltos++] = (lxw_row_t)r;
        const IntVec *mv = &x->metas_uni[u];
        for (int i = 0; i < mv->n; i++)
            if (plan_count_actividades(p, mv->v[i]) > 0)
                r = poa_bloque(&po, r, mv->v[i]);
    }
    saltos[nsaltos] = 0;
    if (nsaltos > 0)
        xw_chk(x, worksheet_set_h_pagebreaks(ws, saltos));

    snprintf(t, sizeof t, "Año %d", p->anio);
    xw_imprimir(x, ws, "Plan Operativo Anual", t, R1, R3);
}
