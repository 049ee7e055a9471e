/* xlsx_tablero.c — the tablero sheet: one row per unit, eje, objetivo and the
 * total, each with its counts, consolidated % and semáforo — formulas over the
 * seguimiento sheet when the workbook has it, calc's values otherwise — the
 * rule and legend under it, and the chart (xlsx_grafico.c). */
#include "xlsx_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ================= Tablero ================= */


/* Where a row's figures come from: formulas over the seguimiento sheet's
 * helper columns (key: which helper holds the group, -1 = every activity),
 * or calc's values when the workbook has no seguimiento sheet. */
typedef struct {
    bool formulas;
    int sa;      /* SA_UNIDAD, SA_EJE, SA_OBJETIVO; -1 the total */
    int clave;   /* the group's value in that column */
} Origen;

static void cuenta(Xw *x, lxw_worksheet *ws, int r, int c, const Origen *o, int estado,
                   int valor, lxw_format *fn)
{
    if (!o->formulas) {
        xw_num(x, ws, r, c, valor, fn);
        return;
    }
    char k[200], e[200], fo[600];
    xw_seg_rango(x, o->sa >= 0 ? o->sa : SA_UNIDAD, k, sizeof k);
    xw_seg_rango(x, SA_ESTADO, e, sizeof e);
    if (estado < 0 && o->sa < 0)
        snprintf(fo, sizeof fo, "=COUNT(%s)", k);
    else if (estado < 0)
        snprintf(fo, sizeof fo, "=COUNTIFS(%s,%d)", k, o->clave);
    else if (o->sa < 0)
        snprintf(fo, sizeof fo, "=COUNTIFS(%s,\"%s\")", e, estado_name((EstadoSeg)estado));
    else
        snprintf(fo, sizeof fo, "=COUNTIFS(%s,%d,%s,\"%s\")", k, o->clave, e,
                 estado_name((EstadoSeg)estado));
    xw_chk(x, worksheet_write_formula_num(ws, (lxw_row_t)r, (lxw_col_t)c, fo, fn, valor));
}

static void tablero_fila(Xw *x, lxw_worksheet *ws, int r, const char *nombre,
                         const Consolidado *c, bool total, const Origen *o)
{
    Formatos *f = &x->f;
    xw_str(x, ws, r, TB_NOMBRE, nombre, total ? f->total : f->texto);
    lxw_format *fn = total ? f->total_n : f->cuenta;
    cuenta(x, ws, r, TB_ACTS, o, -1, c->n_total, fn);
    cuenta(x, ws, r, TB_REP, o, ESTADO_REPORTADA, c->n_estado[ESTADO_REPORTADA], fn);
    cuenta(x, ws, r, TB_SINREP, o, ESTADO_SIN_REPORTE, c->n_estado[ESTADO_SIN_REPORTE], fn);
    cuenta(x, ws, r, TB_NOVENC, o, ESTADO_NO_VENCIDA, c->n_estado[ESTADO_NO_VENCIDA], fn);
    cuenta(x, ws, r, TB_SINMETA, o, ESTADO_SIN_META, c->n_estado[ESTADO_SIN_META], fn);
    double pct;
    Semaforo s = SEM_GRIS;
    bool hay = calc_consolidado_pct(c, &pct);
    if (hay)
        s = calc_semaforo(pct, &x->o->umbrales);
    lxw_format *fp = total ? f->total_pct : f->pct;
    if (o->formulas) {
        /* the printed rule over the seguimiento's rows: a corrected real moves it */
        char w[200], v[200], k[200], fo[1500];
        xw_seg_rango(x, SA_CONTADO, w, sizeof w);
        xw_seg_rango(x, SA_VALOR, v, sizeof v);
        if (o->sa < 0) {
            snprintf(fo, sizeof fo, "=IF(SUM(%s)>0,SUM(%s)/SUM(%s),\"—\")", w, v, w);
        } else {
            xw_seg_rango(x, o->sa, k, sizeof k);
            snprintf(fo, sizeof fo,
                     "=IF(SUMIFS(%s,%s,%d)>0,SUMIFS(%s,%s,%d)/SUMIFS(%s,%s,%d),\"—\")", w, k,
                     o->clave, v, k, o->clave, w, k, o->clave);
        }
        if (hay)
            xw_chk(x, worksheet_write_formula_num(ws, (lxw_row_t)r, TB_PCT, fo, fp, pct));
        else
            xw_chk(x, worksheet_write_formula_str(ws, (lxw_row_t)r, TB_PCT, fo, fp, "—"));
    } else if (hay) {
        xw_num(x, ws, r, TB_PCT, pct, fp);
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
    xw_formatos_seg(x);
    /* with the seguimiento in the workbook every figure is a formula over its
     * activity rows; alone, calc's values (docs/informes.md) */
    bool formulas = xlsx_con_seguimiento(x) && xlsx_seg_filas(x)->act2 >= xlsx_seg_filas(x)->act1;
    if (formulas)
        xlsx_seg_hoja_reservar(x);
    /* the unit of a --unidad report is in the title: a name cut to 31
     * characters ("Tablero EN-MAR - Departamento d") reads worse */
    char hoja[200];
    snprintf(hoja, sizeof hoja, "Tablero %s", XW_ACUM[x->corte - 1]);
    lxw_worksheet *ws = xw_hoja(x, hoja);
    if (!ws)
        return;
    static const double W[TB_NCOLS] = {50, 11, 11, 11, 11, 10, 12, 12};
    for (int c = 0; c < TB_NCOLS; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, W[c], NULL);

    char t[300], periodo[120];
    xw_periodo_corte(x, periodo, sizeof periodo);
    snprintf(t, sizeof t, "TABLERO DE EJECUCIÓN DEL POA %d — %s (%s)", p->anio,
             POA_TRIM_NOMBRE[x->corte - 1], XW_ACUM[x->corte - 1]);
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
    xw_mantener(x, ws, r, r + 1);   /* a section title never alone at a page's foot */
    r++;
    int u1 = r;
    for (int u = 0; u < p->nunidades; u++) {
        if (x->unidad >= 0 && u != x->unidad)
            continue;
        if (x->roll->unid[u].n_total == 0 && x->unidad < 0)
            continue;
        Origen o = {formulas, SA_UNIDAD, u + 1};
        tablero_fila(x, ws, r++, p->unidades[u].nombre, &x->roll->unid[u], false, &o);
        iv_push(&x->tablero_unidades, u);   /* the chart sorts these rows */
    }
    int u2 = r - 1;

    /* by eje (only plans that use ejes) */
    const Node *raiz = &p->nodes[0];
    bool hay_ejes = false;
    for (int i = 0; i < raiz->kids.n; i++) {
        int e = raiz->kids.v[i];
        if (!xw_nodo_vivo(p, e) || plan_node_implicit(p, e) || x->roll->nodo[e].n_total == 0)
            continue;
        if (!hay_ejes) {
            xw_merge(x, ws, r, 0, r, TB_NCOLS - 1, "Por eje o perspectiva", f->grupo_obj);
            xw_mantener(x, ws, r, r + 1);
            r++;
            hay_ejes = true;
        }
        Origen o = {formulas, SA_EJE, e};
        tablero_fila(x, ws, r++, p->nodes[e].texto, &x->roll->nodo[e], false, &o);
    }
    /* objetivos in code order, as the seguimiento lists them */
    IntVec objs = {0};
    xw_objetivos_en_orden(x, -1, &objs);
    for (int i = 0; i < objs.n; i++) {
        int o = objs.v[i];
        if (i == 0) {
            xw_merge(x, ws, r, 0, r, TB_NCOLS - 1, "Por objetivo estratégico", f->grupo_obj);
            xw_mantener(x, ws, r, r + 1);
            r++;
        }
        char *nom = xw_con_codigo(&p->nodes[o], ".");
        Origen og = {formulas, SA_OBJETIVO, o};
        tablero_fila(x, ws, r++, nom, &x->roll->nodo[o], false, &og);
        free(nom);
    }
    iv_free(&objs);
    Origen ot = {formulas, -1, 0};
    tablero_fila(x, ws, r, x->unidad >= 0 ? "Total de la unidad" : "Total de la institución",
                 &x->roll->total, true, &ot);
    int ultima = r++;
    xw_semaforo_cf(x, ws, TB_PCT, primera, ultima);
    xw_semaforo_cf_texto(x, ws, TB_SEM, primera, ultima);
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
    r++;
    if (formulas) {
        char *fuente = xasprintf("Las cifras son fórmulas sobre las filas de la hoja «%s»: "
                                 "una corrección allí las actualiza.", x->seg->hoja);
        xw_merge(x, ws, r, 0, r, TB_NCOLS - 1, fuente, f->nota);
        free(fuente);
        r++;
    }
    r++;
    r = xw_leyenda(x, ws, r, TB_NOMBRE, TB_ACTS, TB_SEM);
    xw_mantener(x, ws, ultima, r - 1);   /* keep: the total with the rule and the legend */

    /* a bar per unit, pointing at the table's cells */
    r = xlsx_grafico_unidades(x, ws, r, u1, u2);

    xw_imprimir(x, ws, "Tablero de ejecución", periodo, RC, RC);
}

