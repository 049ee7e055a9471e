/* xlsx_seguimiento.c — the seguimiento sheet at a corte (the Caja's layout):
 * group rows whose consolidated % is a formula over the activity rows, one row
 * per activity with its targets, real, % as a formula and observaciones. */
#include "xlsx_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ================= Seguimiento ================= */

static const double SG_W[SG_NROLES] = {9, 40, 15, 17, 9, 8.5, 8.5, 8.5, 8.5, 10, 11, 11, 40};
static const char *const SG_TITULO_DEFECTO[COLSEG_N] = {
    "CÓDIGO", "ACCIÓN OPERATIVA", "UNIDAD LÍDER", "UNIDAD-ÁREA RESPONSABLE", "META ANUAL",
    "REAL {acum}", "% EJECUCIÓN {acum}", "% PUBLICADO {acum}", "OBSERVACIONES {trim}"};

/* The configured title with {acum} («EN-SEP») and {trim} («3er. Trim.») put in. */
static char *titulo_columna(const Xw *x, int k)
{
    const char *t = x->o->col_seg[k] && x->o->col_seg[k][0] ? x->o->col_seg[k]
                                                             : SG_TITULO_DEFECTO[k];
    StrBuf b = {0};
    for (const char *s = t; *s;) {
        if (strncmp(s, "{acum}", 6) == 0) {
            sb_append(&b, XW_ACUM[x->corte - 1]);
            s += 6;
        } else if (strncmp(s, "{trim}", 6) == 0) {
            sb_append(&b, POA_TRIM_NOMBRE[x->corte - 1]);
            s += 6;
        } else {
            sb_putc(&b, *s++);
        }
    }
    char *r = xstrdup(sb_str(&b));
    sb_free(&b);
    return r;
}

static double tope_regla(const Xw *x)
{
    return x->o->regla.tope > 0.0 ? x->o->regla.tope : 1.0;   /* as calc.c's tope_de */
}

static double peso_regla(const Xw *x, const Actividad *a)
{
    double w = x->o->regla.regla == ROLLUP_PONDERADA ? a->peso : 1.0;
    return w > 0.0 ? w : 0.0;   /* a weight of 0 (or negative, NaN) takes it out */
}

static void celda(char *buf, int r, int c)
{
    lxw_rowcol_to_cell(buf, (lxw_row_t)r, (lxw_col_t)c);
}

/* "=IF(SUM(CZ7:CZ12)>0,SUM(DA7:DA12)/SUM(CZ7:CZ12),"—")": the printed rule
 * over the helper columns of rows r1..r2. */
static void formula_grupo(char *fo, size_t n, int r1, int r2)
{
    char w1[16], w2[16], v1[16], v2[16];
    celda(w1, r1, SA_C0 + SA_CONTADO);
    celda(w2, r2, SA_C0 + SA_CONTADO);
    celda(v1, r1, SA_C0 + SA_VALOR);
    celda(v2, r2, SA_C0 + SA_VALOR);
    snprintf(fo, n, "=IF(SUM(%s:%s)>0,SUM(%s:%s)/SUM(%s:%s),\"—\")", w1, w2, v1, v2, w1, w2);
}

static void seg_grupo(Xw *x, lxw_worksheet *ws, SegFilas *s, int i, const char *texto,
                      lxw_format *ft, lxw_format *fp)
{
    const SegFila *g = &s->v[i];
    int r = s->r0 + i;
    xw_merge(x, ws, r, 0, r, s->col[SG_REAL], texto, ft);
    if (g->con_pct) {
        /* the cached figure: calc's rule over the same activities */
        Consolidado c;
        calc_consolidado_init(&c);
        for (int k = i + 1; k <= g->fin; k++)
            if (s->v[k].tipo == SF_ACTIVIDAD) {
                const Node *n = &x->p->nodes[s->v[k].node];
                calc_consolidado_add(&c, &x->p->acts[n->act], &x->roll->act[n->act],
                                     &x->o->regla);
            }
        char fo[200];
        formula_grupo(fo, sizeof fo, r + 1, s->r0 + g->fin);
        double pct;
        if (calc_consolidado_pct(&c, &pct))
            xw_chk(x, worksheet_write_formula_num(ws, (lxw_row_t)r, (lxw_col_t)s->col[SG_PCT],
                                                  fo, fp, pct));
        else
            xw_chk(x, worksheet_write_formula_str(ws, (lxw_row_t)r, (lxw_col_t)s->col[SG_PCT],
                                                  fo, fp, "—"));
    } else {
        xw_str(x, ws, r, s->col[SG_PCT], "", ft);
    }
    if (s->col[SG_PUB] >= 0)
        xw_str(x, ws, r, s->col[SG_PUB], "", ft);
    xw_str(x, ws, r, s->col[SG_OBS], "", ft);
    double ancho = 0;
    for (int k = 0; k <= SG_REAL; k++)
        ancho += SG_W[k];
    xw_alto(x, ws, r, xw_lineas(texto, ancho));
}

/* A row across the whole table: MISIÓN, Nota. */
static void seg_ancho(Xw *x, lxw_worksheet *ws, SegFilas *s, int r, const char *texto,
                      lxw_format *f)
{
    xw_merge(x, ws, r, 0, r, s->ncols - 1, texto, f);
    double ancho = 0;
    for (int k = 0; k < SG_NROLES; k++)
        if (s->col[k] >= 0)
            ancho += SG_W[k];
    xw_alto(x, ws, r, xw_lineas(texto, ancho));
}

/* The hidden helpers of an activity row; k is the printed % cell. The
 * weight is written into the formulas (one cell less per row in a large plan). */
static void seg_auxiliares(Xw *x, lxw_worksheet *ws, SegFilas *s, int r, int node)
{
    Plan *p = x->p;
    const Node *n = &p->nodes[node];
    const Actividad *a = &p->acts[n->act];
    const ResultadoAct *res = &x->roll->act[n->act];
    char k[16], j[16], fo[300], t[48], w[48];
    celda(k, r, s->col[SG_PCT]);
    celda(j, r, s->col[SG_REAL]);
    int e = plan_ancestor(p, node, NODE_EJE), o = plan_ancestor(p, node, NODE_OBJETIVO);
    xw_num(x, ws, r, SA_C0 + SA_UNIDAD, n->unidad + 1, NULL);
    xw_num(x, ws, r, SA_C0 + SA_EJE, e, NULL);
    xw_num(x, ws, r, SA_C0 + SA_OBJETIVO, o, NULL);
    if (!res->has_pct) {
        /* not due: no % to count, its state fixed (the % cell is text) */
        xw_str(x, ws, r, SA_C0 + SA_ESTADO, estado_name(res->estado), NULL);
        return;
    }
    double peso = peso_regla(x, a);
    num_format(peso, w, sizeof w);
    snprintf(fo, sizeof fo, "=IF(ISNUMBER(%s),%s,0)", k, w);
    xw_chk(x, worksheet_write_formula_num(ws, (lxw_row_t)r, SA_C0 + SA_CONTADO, fo, NULL, peso));
    double tope = tope_regla(x);
    if (isinf(tope)) {
        snprintf(fo, sizeof fo, "=IF(ISNUMBER(%s),%s*%s,0)", k, k, w);
    } else {
        num_format(tope, t, sizeof t);
        snprintf(fo, sizeof fo, "=IF(ISNUMBER(%s),MIN(%s,%s)*%s,0)", k, k, t, w);
    }
    double v = (res->pct > tope ? tope : res->pct) * peso;
    xw_chk(x, worksheet_write_formula_num(ws, (lxw_row_t)r, SA_C0 + SA_VALOR, fo, NULL, v));
    /* reportada once a real is typed in */
    snprintf(fo, sizeof fo, "=IF(%s=\"\",\"%s\",\"%s\")", j, estado_name(ESTADO_SIN_REPORTE),
             estado_name(ESTADO_REPORTADA));
    xw_chk(x, worksheet_write_formula_str(ws, (lxw_row_t)r, SA_C0 + SA_ESTADO, fo, NULL,
                                          estado_name(res->estado)));
    if (s->col[SG_PUB] >= 0) {
        const char *ps = a->seg[x->corte - 1].pct_publicado;
        double pub;
        if (!ps || !ps[0] || !num_parse_publicado(ps, &pub))
            return;   /* nothing published to compare */
        char pb[16];
        celda(pb, r, s->col[SG_PUB]);
        /* compared after the published rounding (whole percent), as verificar does */
        snprintf(fo, sizeof fo,
                 "=IF(AND(ISNUMBER(%s),ISNUMBER(%s)),IF(ROUND(%s*100,0)<>ROUND(%s*100,0),1,0),0)",
                 k, pb, k, pb);
        bool dif = calc_pct_entero(pub) != calc_pct_entero(res->pct);
        xw_chk(x, worksheet_write_formula_num(ws, (lxw_row_t)r, SA_C0 + SA_DIF, fo, NULL,
                                              dif ? 1 : 0));
    }
}

static void seg_actividad(Xw *x, lxw_worksheet *ws, SegFilas *s, int r, int node)
{
    Plan *p = x->p;
    Formatos *f = &x->f;
    const Node *n = &p->nodes[node];
    const Actividad *a = &p->acts[n->act];
    const ResultadoAct *res = &x->roll->act[n->act];
    const int c = x->corte;
    const int *col = s->col;
    xw_str(x, ws, r, col[SG_COD], n->codigo, f->texto_c);
    xw_str(x, ws, r, col[SG_ACC], n->texto, f->texto);
    xw_str(x, ws, r, col[SG_LIDER], a->unidad_lider, f->texto);
    xw_str(x, ws, r, col[SG_RESP], a->responsables, f->texto);
    bool pct = xw_act_en_pct(a), has;
    double ma = calc_meta_anual(a, &has);
    if (has)
        xw_num(x, ws, r, col[SG_META], ma, f->num[xw_clase_num(ma, pct)]);
    else
        xw_str(x, ws, r, col[SG_META], "", f->num[0]);
    for (int q = 1; q <= POA_TRIMESTRES; q++) {
        double t = calc_meta_trimestre(a, q);
        if (t != 0.0)
            xw_num(x, ws, r, col[SG_T1] + q - 1, t, f->num[xw_clase_num(t, pct)]);
        else
            xw_str(x, ws, r, col[SG_T1] + q - 1, "", f->num[0]);
    }
    const Valor *real = &a->seg[c - 1].real;
    /* the real reads as its targets do: 0.75 next to targets of 25 % is 75 % */
    if (real->has)
        xw_num(x, ws, r, col[SG_REAL], real->valor,
               f->num[xw_clase_num(real->valor, real->pct || pct)]);
    else
        xw_str(x, ws, r, col[SG_REAL], "", f->num[0]);

    if (res->has_pct) {
        /* the rule as a formula so an edited real or target recalculates; the
         * value calc computed is stored for readers that do not recalculate */
        char j[16], q1[16], qc[16], fo[200];
        celda(j, r, col[SG_REAL]);
        celda(q1, r, col[SG_T1]);
        celda(qc, r, col[SG_T1] + c - 1);
        if (a->tipo == TIPO_HITO)   /* MIN(1,blank) is 1: an unreported hito is 0 */
            snprintf(fo, sizeof fo, "=IF(%s=\"\",0,MIN(1,%s))", j, j);
        else if (a->sentido == SENTIDO_DESCENDENTE)
            snprintf(fo, sizeof fo, "=IF(ISBLANK(%s),0,IF(%s=0,1,SUM(%s:%s)/%s))", j, j, q1, qc,
                     j);
        else
            snprintf(fo, sizeof fo, "=%s/SUM(%s:%s)", j, q1, qc);
        xw_chk(x, worksheet_write_formula_num(ws, (lxw_row_t)r, (lxw_col_t)col[SG_PCT], fo,
                                              f->pct, res->pct));
    } else {
        xw_str(x, ws, r, col[SG_PCT], xw_estado_texto(x, res), f->gris);
    }
    if (col[SG_PUB] >= 0) {
        const char *ps = a->seg[c - 1].pct_publicado;
        double pub;
        if (ps && ps[0] && num_parse_publicado(ps, &pub))
            xw_num(x, ws, r, col[SG_PUB], pub, f->sg_pub);
        else
            xw_str(x, ws, r, col[SG_PUB], ps, f->sg_pub);
    }
    const char *obs = a->seg[c - 1].observaciones;
    char nota[160];
    if (obs[0]) {
        xw_str(x, ws, r, col[SG_OBS], obs, f->texto);
    } else {
        obs = xw_nota_estado(x, a, res, nota, sizeof nota);
        xw_str(x, ws, r, col[SG_OBS], obs, f->gris_izq);
    }
    xw_clave_fila(x, ws, r, node, true);
    seg_auxiliares(x, ws, s, r, node);
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

/* The header row: titles, the hidden record's names, the helpers' names and
 * where the printed columns a report is read back from are (configured
 * titles are not the ones formato_informe.c knows). */
static void seg_cabecera(Xw *x, lxw_worksheet *ws, SegFilas *s, int rc)
{
    static const int ROL_TITULO[SG_NROLES] = {
        COLSEG_CODIGO, COLSEG_ACCION, COLSEG_LIDER, COLSEG_RESPONSABLE, COLSEG_META, -1, -1, -1,
        -1, COLSEG_REAL, COLSEG_PCT, COLSEG_PUBLICADO, COLSEG_OBSERVACIONES};
    for (int k = 0; k < SG_NROLES; k++) {
        if (s->col[k] < 0)
            continue;
        char *t = ROL_TITULO[k] >= 0 ? titulo_columna(x, ROL_TITULO[k])
                                     : xstrdup(POA_TRIM_RANGO[k - SG_T1]);
        xw_str(x, ws, rc, s->col[k], t, x->f.cab);
        free(t);
    }
    xw_clave_cabecera(x, ws, rc, "poa:seguimiento");
    static const char *const AUX[SA_N] = {"poa:unidad", "poa:eje", "poa:objetivo",
                                          "poa:peso contado", "poa:valor", "poa:estado",
                                          "poa:dif publicado"};
    lxw_row_col_options oculta = {.hidden = 1};
    xw_chk(x, worksheet_set_column_opt(ws, SA_C0, SA_C0 + SA_N + 4, 8, NULL, &oculta));
    for (int k = 0; k < SA_N; k++)
        xw_str(x, ws, rc, SA_C0 + k, AUX[k], NULL);
    /* where the printed columns are, for a reader that does not know the
     * institution's own titles ([columnas]) */
    char mapa[96];
    snprintf(mapa, sizeof mapa, "act=%d resp=%d lider=%d real=%d", s->col[SG_ACC],
             s->col[SG_RESP], s->col[SG_LIDER], s->col[SG_REAL]);
    xw_clave_columnas(x, ws, rc, mapa);
    xw_alto(x, ws, rc, 2);
}

/* The row a block header at index i is kept with: the second action after
 * it (or the block's last row). Every header of a chain (unit, misión, eje,
 * objetivo, meta) keeps up to the same rows, so a page never ends inside the
 * chain: the first header that does not fit moves the whole chain. */
static int seg_hasta(const SegFilas *s, int i)
{
    const SegFila *g = &s->v[i];
    int acciones = 0;
    for (int j = i + 1; j <= g->fin && j < s->n; j++)
        if (s->v[j].tipo == SF_ACTIVIDAD && ++acciones == 2)
            return s->r0 + j;
    return s->r0 + (g->fin < s->n ? g->fin : s->n - 1);
}

/* Below the table: legend, rule, the published differences and, grouped by
 * objetivo, the units' notes (grouped by unit each note is under its table). */
static int seg_pie(Xw *x, lxw_worksheet *ws, SegFilas *s, int r)
{
    Plan *p = x->p;
    Formatos *f = &x->f;
    const int ult = s->ncols - 1;
    r++;
    r = xw_leyenda(x, ws, r, s->col[SG_COD], s->col[SG_ACC], s->col[SG_RESP]);
    r++;
    char regla[600];
    calc_regla_texto(&x->o->regla, regla, sizeof regla);
    xw_merge(x, ws, r, 0, r, ult,
             "% de las filas de eje, objetivo y unidad (regla de consolidación):", f->nota_b);
    r++;
    xw_merge(x, ws, r, 0, r, ult, regla, f->nota);
    r++;
    const char *expl = "% de cada acción operativa = real acumulado ÷ programado acumulado "
                       "(suma de las metas de los trimestres hasta el corte), sin límite.";
    xw_merge(x, ws, r, 0, r, ult, expl, f->nota);
    r++;
    if (s->col[SG_PUB] >= 0 && s->act2 >= s->act1) {
        /* counted by a formula, so a correction in the file updates it */
        int n = 0;
        for (int i = 0; i < s->n; i++)
            if (s->v[i].tipo == SF_ACTIVIDAD) {
                const Node *nd = &p->nodes[s->v[i].node];
                const ResultadoAct *res = &x->roll->act[nd->act];
                const char *ps = p->acts[nd->act].seg[x->corte - 1].pct_publicado;
                double pub;
                n += res->has_pct && ps && ps[0] && num_parse_publicado(ps, &pub) &&
                     calc_pct_entero(pub) != calc_pct_entero(res->pct);
            }
        char d1[16], d2[16], fo[400], cache[400];
        celda(d1, s->act1, SA_C0 + SA_DIF);
        celda(d2, s->act2, SA_C0 + SA_DIF);
        const char *txt = "«% publicado» es la cifra que publicó la institución; marcadas, "
                          "las que difieren del % calculado redondeado a entero: ";
        snprintf(fo, sizeof fo, "=\"%s\"&COUNTIF(%s:%s,1)&\".\"", txt, d1, d2);
        snprintf(cache, sizeof cache, "%s%d.", txt, n);
        xw_pagina_merge_formula(x, ws, r, 0, r, ult, fo, cache, f->nota);
        r++;
    }
    bool titulo_notas = false;
    for (int u = 0; x->o->agrupar == AGRUPAR_OBJETIVO && u < p->nunidades; u++) {
        const Unidad *un = &p->unidades[u];
        if ((x->unidad >= 0 && u != x->unidad) || !un->nota[0] || x->roll->unid[u].n_total == 0)
            continue;
        if (!titulo_notas) {
            r++;
            xw_merge(x, ws, r, 0, r, ult, "Notas de las unidades", f->nota_b);
            r++;
            titulo_notas = true;
        }
        char *t = xasprintf("%s: %s", un->nombre, un->nota);
        xw_merge(x, ws, r, 0, r, ult, t, f->nota);
        xw_alto(x, ws, r, xw_lineas(t, 200));
        r++;
        free(t);
    }
    return r;
}

void xlsx_seguimiento(Xw *x)
{
    Plan *p = x->p;
    Formatos *f = &x->f;
    const int c = x->corte;
    xw_formatos_seg(x);
    SegFilas *s = xlsx_seg_filas(x);
    lxw_worksheet *ws = xlsx_seg_hoja_crear(x);
    if (!ws)
        return;
    for (int k = 0; k < SG_NROLES; k++)
        if (s->col[k] >= 0)
            worksheet_set_column(ws, (lxw_col_t)s->col[k], (lxw_col_t)s->col[k], SG_W[k], NULL);

    char t[400], periodo[120];
    xw_periodo_corte(x, periodo, sizeof periodo);
    snprintf(t, sizeof t, "SEGUIMIENTO AL PLAN OPERATIVO ANUAL %d — %s (%s)", p->anio,
             POA_TRIM_NOMBRE[c - 1], XW_ACUM[c - 1]);
    xw_titulo(x, ws, s->ncols - 1, t);
    const int RC = s->r0 - 1;
    seg_cabecera(x, ws, s, RC);

    for (int i = 0; i < s->n; i++) {
        const SegFila *g = &s->v[i];
        int r = s->r0 + i;
        const Unidad *un = g->unidad >= 0 ? &p->unidades[g->unidad] : NULL;
        switch (g->tipo) {
        case SF_UNIDAD:
            /* the unit with its misión, eje, objetivo, meta and first rows */
            xw_mantener(x, ws, r, seg_hasta(s, i));
            seg_grupo(x, ws, s, i, un->nombre, f->sg_uni, f->sg_uni_pct);
            break;
        case SF_MISION: {
            char *m = xasprintf("MISIÓN: %s", un->mision);
            seg_ancho(x, ws, s, r, m, f->sg_mision);
            free(m);
            break;
        }
        case SF_EJE: {
            xw_mantener(x, ws, r, seg_hasta(s, i));
            char *e = xasprintf("EJE O PERSPECTIVA: %s", node_texto_mostrado(&p->nodes[g->node]));
            seg_grupo(x, ws, s, i, e, f->grupo_obj, f->grupo_obj_pct);
            free(e);
            break;
        }
        case SF_OBJETIVO: {
            xw_mantener(x, ws, r, seg_hasta(s, i));
            char *o = xw_con_codigo(&p->nodes[g->node], ".");
            seg_grupo(x, ws, s, i, o, f->grupo_obj, f->grupo_obj_pct);
            free(o);
            break;
        }
        case SF_META: {
            xw_mantener(x, ws, r, seg_hasta(s, i));
            const Node *mn = &p->nodes[g->node];
            const char *nom = mn->unidad >= 0 ? p->unidades[mn->unidad].nombre : "";
            char *m = !g->con_pct ? xasprintf("Meta operativa anual: %s", mn->texto)
                      : mn->texto[0] ? xasprintf("%s — Meta operativa anual: %s", nom, mn->texto)
                                     : xstrdup(nom);
            seg_grupo(x, ws, s, i, m, f->grupo_uni, f->grupo_uni_pct);
            free(m);
            break;
        }
        case SF_ACTIVIDAD:
            seg_actividad(x, ws, s, r, g->node);
            xw_progreso(x, 1);
            break;
        case SF_NOTA: {
            /* the documents write the label themselves: «Nota: La acción…» */
            bool rotulo = strncasecmp(un->nota, "nota", 4) == 0;
            char *m = rotulo ? xstrdup(un->nota) : xasprintf("Nota: %s", un->nota);
            seg_ancho(x, ws, s, r, m, f->sg_nota);
            free(m);
            break;
        }
        case SF_BLANCO: break;
        }
    }
    int ultima = s->r0 + s->n - 1;
    xw_semaforo_cf(x, ws, s->col[SG_PCT], s->r0, ultima);
    if (s->col[SG_PUB] >= 0 && s->act2 >= s->act1) {
        char d[16], fo[64];
        lxw_rowcol_to_cell_abs(d, (lxw_row_t)s->act1, SA_C0 + SA_DIF, 0, 1);
        snprintf(fo, sizeof fo, "=%s=1", d);
        lxw_conditional_format cf = {0};
        cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
        cf.value_string = fo;
        cf.format = f->sg_dif;
        xw_chk(x, worksheet_conditional_format_range(ws, (lxw_row_t)s->act1,
                                                     (lxw_col_t)s->col[SG_PUB],
                                                     (lxw_row_t)s->act2,
                                                     (lxw_col_t)s->col[SG_PUB], &cf));
    }
    int fin = seg_pie(x, ws, s, ultima + 1);
    xw_mantener(x, ws, ultima, fin - 1);   /* the last rows with the legend, rule and notes */
    xw_imprimir(x, ws, "Seguimiento del POA", periodo, RC, RC);
}
