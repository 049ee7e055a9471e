/* xlsx_tablero.c — the tablero sheet: one row per unit, eje, objetivo and the
 * total, each with its counts, consolidated % and semáforo (calc.c's roll-up),
 * the rule and legend under it, and the chart (xlsx_grafico.c). */
#include "xlsx_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ================= Tablero ================= */


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
    r++;
    int u1 = r;
    for (int u = 0; u < p->nunidades; u++) {
        if (x->unidad >= 0 && u != x->unidad)
            continue;
        if (x->roll->unid[u].n_total == 0 && x->unidad < 0)
            continue;
        tablero_fila(x, ws, r++, p->unidades[u].nombre, &x->roll->unid[u], false);
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
            r++;
            hay_ejes = true;
        }
        tablero_fila(x, ws, r++, p->nodes[e].texto, &x->roll->nodo[e], false);
    }
    bool hay_obj = false;
    for (int i = 0; i < raiz->kids.n; i++) {
        const Node *e = &p->nodes[raiz->kids.v[i]];
        for (int j = 0; xw_nodo_vivo(p, raiz->kids.v[i]) && j < e->kids.n; j++) {
            int o = e->kids.v[j];
            if (!xw_nodo_vivo(p, o) || x->roll->nodo[o].n_total == 0)
                continue;
            if (!hay_obj) {
                xw_merge(x, ws, r, 0, r, TB_NCOLS - 1, "Por objetivo estratégico",
                         f->grupo_obj);
                r++;
                hay_obj = true;
            }
            char *nom = xw_con_codigo(&p->nodes[o], ".");
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
    r = xlsx_grafico_unidades(x, ws, r, u1, u2);

    xw_imprimir(x, ws, "Tablero de ejecución", periodo, RC, RC);
}

