/* xlsx_poa.c — the POA sheet (ARS SEMMA's layout): a Generales block per
 * unit and meta, entregable and indicador merged over their activities, the
 * 12-month Gantt, responsables and presupuesto. */
#include "xlsx_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        bool pct = xw_act_en_pct(a);
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
    char *txt = xw_con_codigo(n, "");
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
        char *txt = xw_con_codigo(n, "");
        suma += poa_lineas_act(po, n, &p->acts[n->act], txt);
        free(txt);
        k++;
    }
    bool impl = plan_node_implicit(p, ent);
    char *et = impl ? xstrdup("") : xw_con_codigo(e, ".");
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
        char *txt = xw_con_codigo(n, "");
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
    int r0 = r;
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
        char *s = xw_con_codigo(&p->nodes[obj], ".");
        xw_merge_rotulo(x, po->ws, r, 0, po->ult, "Objetivo estratégico de referencia:", s,
                        f->bloque);
        xw_alto(x, po->ws, r++, xw_lineas(s, ancho - 30));
        free(s);
    }
    if (m->texto[0]) {
        xw_merge_rotulo(x, po->ws, r, 0, po->ult, "Meta operativa anual:", m->texto, f->bloque);
        xw_alto(x, po->ws, r++, xw_lineas(m->texto, ancho - 20));
    }
    xw_mantener(x, po->ws, r0, r);   /* keep: header + first rows */
    for (int i = 0; i < m->kids.n; i++) {
        int e = m->kids.v[i];
        if (!xw_nodo_vivo(p, e))
            continue;
        if (p->nodes[e].kind == NODE_ENTREGABLE) {
            r = poa_entregable(po, r, e);
        } else if (p->nodes[e].kind == NODE_ACTIVIDAD && p->nodes[e].act >= 0) {
            /* an activity straight under the meta: no entregable to show */
            xw_str(x, po->ws, r, PO_ENT, "", f->texto);
            xw_str(x, po->ws, r, PO_IND, "", f->texto);
            char *txt = xw_con_codigo(&p->nodes[e], "");
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

