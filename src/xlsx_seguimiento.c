/* xlsx_seguimiento.c — the seguimiento sheet at a corte (the Caja's layout):
 * group rows with their consolidated %, one row per activity with its
 * quarterly targets, real, % as a formula and observaciones; notes at the foot. */
#include "xlsx_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    bool pct = xw_act_en_pct(a), has;
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
        xw_str(x, ws, r, SG_PCT, xw_estado_texto(x, res), f->gris);
    }
    const char *obs = a->seg[c - 1].observaciones;
    char nota[160];
    if (obs[0]) {
        xw_str(x, ws, r, SG_OBS, obs, f->texto);
    } else {
        obs = xw_nota_estado(x, a, res, nota, sizeof nota);
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
    snprintf(hoja, sizeof hoja, "Seguimiento %s", XW_ACUM[c - 1]);
    lxw_worksheet *ws = xw_hoja(x, hoja);
    if (!ws)
        return;
    for (int i = 0; i < SG_NCOLS; i++)
        worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, SG_W[i], NULL);

    char t[400], periodo[120];
    xw_periodo_corte(x, periodo, sizeof periodo);
    snprintf(t, sizeof t, "SEGUIMIENTO AL PLAN OPERATIVO ANUAL %d — %s (%s)", p->anio,
             POA_TRIM_NOMBRE[c - 1], XW_ACUM[c - 1]);
    xw_titulo(x, ws, SG_NCOLS - 1, t);

    const int RC = 3;
    char real[40], pcth[60], obs[60];
    snprintf(real, sizeof real, "REAL %s", XW_ACUM[c - 1]);
    snprintf(pcth, sizeof pcth, "%% EJECUCIÓN %s", XW_ACUM[c - 1]);
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
        if (!xw_nodo_vivo(p, e) || x->roll->nodo[e].n_total == 0)
            continue;
        if (!plan_node_implicit(p, e)) {
            char *s = xasprintf("EJE O PERSPECTIVA: %s", p->nodes[e].texto);
            seg_grupo(x, ws, r++, s, &x->roll->nodo[e], f->grupo_obj, f->grupo_obj_pct);
            free(s);
        }
        for (int j = 0; j < p->nodes[e].kids.n; j++) {
            int o = p->nodes[e].kids.v[j];
            if (!xw_nodo_vivo(p, o) || x->roll->nodo[o].n_total == 0)
                continue;
            char *s = xw_con_codigo(&p->nodes[o], ".");
            seg_grupo(x, ws, r++, s, &x->roll->nodo[o], f->grupo_obj, f->grupo_obj_pct);
            free(s);
            for (int k = 0; k < p->nodes[o].kids.n; k++) {
                int m = p->nodes[o].kids.v[k];
                const Node *mn = &p->nodes[m];
                if (!xw_nodo_vivo(p, m) || x->roll->nodo[m].n_total == 0)
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

