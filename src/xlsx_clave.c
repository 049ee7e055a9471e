/* xlsx_clave.c — the hidden columns of the POA and seguimiento reports: each
 * activity row carries its flat-template record, so the report imports back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formatos.h"
#include "plancsv.h"
#include "xlsx_int.h"

/* Where the hidden columns start: far from the printed ones, so a person
 * widening the sheet never meets them. */
#define CLAVE_C0 40

void xw_clave_cabecera(Xw *x, lxw_worksheet *ws, int r, const char *marca)
{
    lxw_row_col_options oculta = {.hidden = 1};
    xw_chk(x, worksheet_set_column_opt(ws, CLAVE_C0, CLAVE_C0 + PLANO_NCOLS, 8, NULL, &oculta));
    xw_str(x, ws, r, CLAVE_C0, marca, NULL);
    for (int i = 0; i < PLANO_NCOLS; i++)
        xw_str(x, ws, r, CLAVE_C0 + 1 + i, PLANO_COLS[i], NULL);
}

/* The activity's values as plancsv_export writes them (natural keys: codes
 * and texts, never ids, so the plan can be imported into another file). */
void xw_clave_fila(Xw *x, lxw_worksheet *ws, int r, int node, bool con_seguimiento)
{
    Plan *p = x->p;
    const Node *n = &p->nodes[node];
    const Actividad *a = plan_act(p, node);
    const Unidad *u = &p->unidades[n->unidad];
    int ent = n->parent, meta = p->nodes[ent].parent, obj = p->nodes[meta].parent,
        eje = p->nodes[obj].parent;
    char b[PLANO_NCOLS][64];
    const char *v[PLANO_NCOLS] = {0};
    char *nota = presupuesto_nota_join(a->moneda, a->presupuesto_nota);
    snprintf(b[PLANO_ANIO], sizeof b[0], "%d", p->anio);
    v[PLANO_INSTITUCION] = p->institucion;
    v[PLANO_ANIO] = b[PLANO_ANIO];
    v[PLANO_UNIDAD] = u->nombre;
    v[PLANO_MISION] = u->mision;
    v[PLANO_EJE] = p->nodes[eje].texto;
    v[PLANO_OBJ_COD] = p->nodes[obj].codigo;
    v[PLANO_OBJETIVO] = p->nodes[obj].texto;
    v[PLANO_META_OP] = p->nodes[meta].texto;
    v[PLANO_ENT_COD] = p->nodes[ent].codigo;
    v[PLANO_ENTREGABLE] = p->nodes[ent].texto;
    v[PLANO_INDICADOR] = p->nodes[ent].indicador;
    v[PLANO_ACT_COD] = n->codigo;
    v[PLANO_ACTIVIDAD] = n->texto;
    v[PLANO_UNIDAD_LIDER] = a->unidad_lider;
    v[PLANO_RESPONSABLES] = a->responsables;
    if (a->has_presupuesto) {
        snprintf(b[PLANO_PRESUPUESTO], sizeof b[0], "%.2f", a->presupuesto);
        v[PLANO_PRESUPUESTO] = b[PLANO_PRESUPUESTO];
    }
    v[PLANO_PRESUPUESTO_NOTA] = nota;
    for (int m = 0; m < POA_MESES; m++)
        v[PLANO_ENE + m] = mes_cell_format(&a->mes[m], b[PLANO_ENE + m], sizeof b[0]);
    v[PLANO_META_ANUAL] = valor_format(&a->meta_anual, b[PLANO_META_ANUAL], sizeof b[0]);
    for (int q = 0; q < POA_TRIMESTRES; q++)
        v[PLANO_T1 + q] = valor_format(&a->trim[q], b[PLANO_T1 + q], sizeof b[0]);
    v[PLANO_NOTA_UNIDAD] = u->nota;
    v[PLANO_RIESGOS] = a->riesgos;
    v[PLANO_TIPO_META] = tipo_meta_name(a->tipo);
    v[PLANO_SENTIDO] = sentido_name(a->sentido);
    v[PLANO_PESO] = num_format(a->peso, b[PLANO_PESO], sizeof b[0]);
    if (con_seguimiento) {
        /* only the seguimiento sheet speaks of a corte: the POA is the plan */
        const Seguimiento *s = &a->seg[x->corte - 1];
        snprintf(b[PLANO_CORTE], sizeof b[0], "%d", x->corte);
        v[PLANO_CORTE] = b[PLANO_CORTE];
        v[PLANO_REAL] = valor_format(&s->real, b[PLANO_REAL], sizeof b[0]);
        v[PLANO_PCT_PUBLICADO] = s->pct_publicado;
        v[PLANO_OBSERVACIONES] = s->observaciones;
        v[PLANO_EVIDENCIA] = s->evidencia;
    }
    /* What the reader always takes from the printed cells is not written
     * twice (half the cost of these columns in a large plan): the
     * responsables; on the POA the budget amount and, without quarter
     * targets, the months; on the seguimiento the unidad líder and real. */
    v[PLANO_RESPONSABLES] = NULL;
    if (!con_seguimiento) {
        v[PLANO_PRESUPUESTO] = NULL;
        bool trim = false;
        for (int q = 0; q < POA_TRIMESTRES; q++)
            trim = trim || v[PLANO_T1 + q][0];
        for (int m = 0; m < POA_MESES && !trim; m++)
            v[PLANO_ENE + m] = NULL;
    } else {
        v[PLANO_UNIDAD_LIDER] = NULL;
        /* the printed real reads as its targets do (0.75 beside targets of
         * 25 % prints 75 %): the written form is kept here when it differs */
        const Valor *rv = &a->seg[x->corte - 1].real;
        if (!rv->has || rv->pct || !xw_act_en_pct(a))
            v[PLANO_REAL] = NULL;
    }
    for (int i = 0; i < PLANO_NCOLS; i++)
        if (v[i] && v[i][0])
            xw_str(x, ws, r, CLAVE_C0 + 1 + i, v[i], NULL);
    free(nota);
}

void xw_clave_marca(Xw *x, lxw_worksheet *ws, int r, const char *marca)
{
    lxw_row_col_options oculta = {.hidden = 1};
    xw_chk(x, worksheet_set_column_opt(ws, CLAVE_C0, CLAVE_C0, 8, NULL, &oculta));
    xw_str(x, ws, r, CLAVE_C0, marca, NULL);
}

/* Where the printed columns that are read back are, on the header row after
 * the flat names: "poa:columnas act=2 resp=15 pres=16". The titles are the
 * institution's (config), so the reader cannot find them by name. */
void xw_clave_columnas(Xw *x, lxw_worksheet *ws, int r, const char *mapa)
{
    lxw_row_col_options oculta = {.hidden = 1};
    const lxw_col_t c = CLAVE_C0 + 1 + PLANO_NCOLS;
    xw_chk(x, worksheet_set_column_opt(ws, c, c, 8, NULL, &oculta));
    char *s = xasprintf("%s %s", XW_CLAVE_COLUMNAS, mapa);
    xw_str(x, ws, r, c, s, NULL);
    free(s);
}
