/* xlsx_poa.c — the POA sheet (ARS SEMMA's layout): a Generales block per
 * unit, a block per meta, entregable and indicador merged over their
 * activities, the 12-month Gantt, responsables and presupuesto (its
 * currency, totals and notes in xlsx_poa_presupuesto.c). */
#include "xlsx_poa_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"

/* Default widths; the Responsables and Presupuesto columns grow to what
 * they must hold (responsables_ancho, poa_pres_iniciar). */
#define PO_W_MES 3.9
static const double PO_W[PO_NCOLS] = {22, 20, 40, PO_W_MES, PO_W_MES, PO_W_MES, PO_W_MES,
                                      PO_W_MES, PO_W_MES, PO_W_MES, PO_W_MES, PO_W_MES,
                                      PO_W_MES, PO_W_MES, PO_W_MES, 17, 14};

static const char *const TITULO_DEFECTO[XLSX_POA_NTITULOS] = {
    "Entregables", "Indicadores", "Actividades", "Cronograma", "Responsables", "Presupuesto"};

static const char *const MES_LARGO[POA_MESES] = {
    "Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio",
    "Julio", "Agosto", "Septiembre", "Octubre", "Noviembre", "Diciembre"};

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

static int poa_lineas_act(const Poa *po, const Actividad *a, const char *txt)
{
    int l = xw_lineas(txt, po->w[PO_ACT]);
    int l2 = xw_lineas(a->responsables, po->w[PO_RESP]);
    if (l2 > l)
        l = l2;
    if (!a->has_presupuesto) {
        l2 = xw_lineas(a->presupuesto_nota, po->w[PO_PRES]);
        if (l2 > l)
            l = l2;
    }
    return l;
}

static void poa_actividad(Poa *po, int r, int node, int lineas)
{
    Xw *x = po->x;
    po->ult_act = r;
    Formatos *f = &x->f;
    const Node *n = &x->p->nodes[node];
    const Actividad *a = &x->p->acts[n->act];
    char *txt = xw_con_codigo(n, "");
    xw_str(x, po->ws, r, PO_ACT, txt, f->texto);
    free(txt);
    poa_meses(po, r, a);
    xw_str(x, po->ws, r, PO_RESP, a->responsables, f->texto);
    poa_pres_celda(po, r, a);
    xw_clave_fila(x, po->ws, r, node, false);
    xw_alto(x, po->ws, r, lineas);
    xw_progreso(x, 1);
}

/* An entregable and its activities, then its budget total; returns the next row. */
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
        suma += poa_lineas_act(po, &p->acts[n->act], txt);
        free(txt);
        k++;
    }
    bool impl = plan_node_implicit(p, ent);
    char *et = impl ? xstrdup("") : xw_con_codigo(e, ".");
    const char *ind = impl ? "" : e->indicador;
    int need = xw_lineas(et, po->w[PO_ENT]);
    int ni = xw_lineas(ind, po->w[PO_IND]);
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
    int r1 = r;
    xw_merge(x, po->ws, r, PO_ENT, r + k - 1, PO_ENT, et, f->texto);
    xw_merge(x, po->ws, r, PO_IND, r + k - 1, PO_IND, ind, f->texto);
    int extra = need > suma ? need - suma : 0;   /* merged text taller than its rows */
    int j = 0;
    for (int i = 0; i < e->kids.n; i++) {
        int a = e->kids.v[i];
        const Node *n = &p->nodes[a];
        if (n->deleted || n->kind != NODE_ACTIVIDAD || n->act < 0)
            continue;
        char *txt = xw_con_codigo(n, "");
        int l = poa_lineas_act(po, &p->acts[n->act], txt);
        free(txt);
        if (++j == k)
            l += extra;
        poa_actividad(po, r++, a, l);
    }
    /* a total only where it adds something: one activity's amount is its own total */
    if (!impl && k > 1 && poa_pres_cuenta(po, PO_NIVEL_ENT) > 0) {
        char *t = e->codigo[0] ? xasprintf("Total del entregable %s", e->codigo)
                               : xstrdup("Total del entregable");
        r = poa_pres_total(po, r, r1, PO_NIVEL_ENT, t);
        free(t);
    }
    poa_pres_olvidar(po, PO_NIVEL_ENT);
    free(et);
    return r;
}

static double poa_ancho(const Poa *po, int c1)
{
    double a = 0;
    for (int c = c1; c <= po->ult; c++)
        a += po->w[c];
    return a;
}

/* One meta of a unit: eje, objetivo and meta, then its entregables. */
static int poa_bloque(Poa *po, int r, int meta)
{
    Xw *x = po->x;
    Plan *p = x->p;
    Formatos *f = &x->f;
    const Node *m = &p->nodes[meta];
    int obj = m->parent, eje = obj >= 0 ? p->nodes[obj].parent : -1;
    double ancho = poa_ancho(po, po->c0);
    int r0 = r;
    if (eje > 0 && !plan_node_implicit(p, eje)) {
        xw_merge_rotulo(x, po->ws, r, po->c0, po->ult, "Eje o perspectiva:", p->nodes[eje].texto,
                        f->bloque);
        xw_alto(x, po->ws, r++, 1);
    }
    if (obj > 0) {
        /* an objetivo without text reads «(sin objetivo estratégico)» (xw_con_codigo) */
        char *s = xw_con_codigo(&p->nodes[obj], ".");
        xw_merge_rotulo(x, po->ws, r, po->c0, po->ult, "Objetivo estratégico de referencia:", s,
                        f->bloque);
        xw_alto(x, po->ws, r++, xw_lineas(s, ancho - 30));
        free(s);
    }
    if (m->texto[0]) {
        xw_merge_rotulo(x, po->ws, r, po->c0, po->ult, "Meta operativa anual:", m->texto,
                        f->bloque);
        xw_alto(x, po->ws, r++, xw_lineas(m->texto, ancho - 20));
    }
    xw_mantener(x, po->ws, r0, r);   /* keep: header + first rows */
    po->cuerpo = r;
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
            int l = poa_lineas_act(po, &p->acts[p->nodes[e].act], txt);
            free(txt);
            poa_actividad(po, r++, e, l);
        }
    }
    return r;
}

/* «Plan Operativo Anual del Departamento de Afiliación»: the article the
 * institution writes before the kind of unit; a unit named otherwise
 * («Comercialización», «UAIP») takes «de». */
char *xlsx_poa_nombre_plan(const char *unidad)
{
    static const char *const DEL[] = {"Departamento ", "Despacho ", "Consejo ", "Comité ",
                                      "Centro "};
    static const char *const DE_LA[] = {"División ", "Division ", "Sección ", "Seccion ",
                                        "Dirección ", "Direccion ", "Gerencia ", "Subgerencia ",
                                        "Unidad ", "Oficina ", "Coordinación ", "Jefatura ",
                                        "Subdirección ", "Secretaría "};
    const char *art = "de";
    for (size_t i = 0; i < POA_ARRAY_LEN(DEL); i++)
        if (strncmp(unidad, DEL[i], strlen(DEL[i])) == 0)
            art = "del";
    for (size_t i = 0; i < POA_ARRAY_LEN(DE_LA); i++)
        if (strncmp(unidad, DE_LA[i], strlen(DE_LA[i])) == 0)
            art = "de la";
    return xasprintf("Plan Operativo Anual %s %s", art, unidad);
}

/* The unit's Generales block, as the institution writes it: «Generales»
 * beside Nombre, Fecha (the plan's period: the year the POA covers, the
 * same on every export; the date of printing is in the footer) and Área. */
static int poa_generales(Poa *po, int r, int u)
{
    Xw *x = po->x;
    Plan *p = x->p;
    Formatos *f = &x->f;
    const char *unidad = p->unidades[u].nombre;
    xw_merge(x, po->ws, r, po->c0, r + 2, po->c0, "Generales", f->bloque);
    char *nombre = xlsx_poa_nombre_plan(unidad);
    char fecha[80];
    snprintf(fecha, sizeof fecha, "%s %d - %s %d", MES_LARGO[0], p->anio, MES_LARGO[11],
             p->anio);
    const char *rot[3] = {"Nombre:", "Fecha:", "Área:"};
    const char *txt[3] = {nombre, fecha, unidad};
    double ancho = poa_ancho(po, po->c0 + 1);
    for (int i = 0; i < 3; i++) {
        xw_merge_rotulo(x, po->ws, r, po->c0 + 1, po->ult, rot[i], txt[i], f->bloque);
        char *t = xasprintf("%s %s", rot[i], txt[i]);
        xw_alto(x, po->ws, r++, xw_lineas(t, ancho));
        free(t);
    }
    free(nombre);
    return r;
}

/* A unit: Generales, its metas, its budget total and the footnotes of its
 * amounts; returns the next row. */
static int poa_unidad(Poa *po, int r, int u)
{
    Xw *x = po->x;
    Plan *p = x->p;
    int r1 = r;
    r = poa_generales(po, r, u);
    const IntVec *mv = &x->metas_uni[u];
    bool primero = true;
    for (int i = 0; i < mv->n; i++) {
        if (plan_count_actividades(p, mv->v[i]) == 0)
            continue;
        if (!primero)
            r++;   /* a blank row between blocks */
        r = poa_bloque(po, r, mv->v[i]);
        if (primero)   /* Generales with the first block's header and first row */
            xw_mantener(x, po->ws, r1, po->cuerpo);
        primero = false;
    }
    /* the unit's last activity row kept with its total and footnotes (through
     * its last footnote, so a total or a note never opens a page alone) */
    int r_fin = r;
    if (poa_pres_cuenta(po, PO_NIVEL_UNI) > 0)
        r = poa_pres_total(po, r, r1, PO_NIVEL_UNI, "Total de la unidad");
    if (po->pres.nnotas > 0)
        r = poa_pres_notas(po, r + 1);
    if (r > r_fin && po->ult_act >= r1)
        xw_mantener(x, po->ws, po->ult_act, r - 1);
    return r + 1;
}

/* The longest word of the responsables (LibreOffice and Excel break a line
 * at a space and after «/» or «-», never inside a word), in width units. */
static double palabra_ancho(const char *s)
{
    double mejor = 0, w = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = u8_decode(s + i, n - i, &cp);
        if (len < 1)
            len = 1;
        i += (size_t)len;
        if (cp == ' ' || cp == '\t' || cp == '\n') {
            w = 0;
            continue;
        }
        /* a 10 pt letter is about 0.9 width units; capitals and m/w wider */
        w += (cp >= 'A' && cp <= 'Z') || cp == 'm' || cp == 'w' || cp == 0xD1 ? 1.2 : 0.9;
        if (w > mejor)
            mejor = w;
        if (cp == '/' || cp == '-')
            w = 0;
    }
    return mejor;
}

/* Responsables as wide as its longest word (bounded), the room taken from
 * Actividades so the sheet's width, and so its printed scale, stay. */
static void responsables_ancho(Poa *po)
{
    Xw *x = po->x;
    double mayor = 0;
    for (int i = 0; i < x->p->nacts; i++) {
        const Actividad *a = &x->p->acts[i];
        const Node *n = &x->p->nodes[a->node];
        if (n->deleted || (x->unidad >= 0 && n->unidad != x->unidad))
            continue;
        double w = palabra_ancho(a->responsables);
        if (w > mayor)
            mayor = w;
    }
    double w = mayor + 1.5;   /* the cell's padding */
    if (w > 30)
        w = 30;
    if (w > po->w[PO_RESP]) {
        po->w[PO_ACT] -= w - po->w[PO_RESP];
        po->w[PO_RESP] = w;
    }
}

static const char *titulo(const Xw *x, int i)
{
    const char *t = x->o->titulo_poa[i];
    return t && t[0] ? t : TITULO_DEFECTO[i];
}

void xlsx_poa(Xw *x)
{
    Plan *p = x->p;
    Formatos *f = &x->f;
    Poa po = {.x = x};
    memcpy(po.w, PO_W, sizeof po.w);
    po.ult = PO_PRES;
    /* plans without entregables (the Caja's) hide the two empty columns */
    bool hay_ent = false;
    for (int i = 1; i < p->nnodes && !hay_ent; i++)
        hay_ent = p->nodes[i].kind == NODE_ENTREGABLE && !p->nodes[i].deleted &&
                  (x->unidad < 0 || p->nodes[i].unidad == x->unidad) &&
                  !plan_node_implicit(p, i);
    po.sin_ent = !hay_ent;
    po.c0 = hay_ent ? PO_ENT : PO_ACT;

    char hoja[200];
    snprintf(hoja, sizeof hoja, "POA %d", p->anio);
    lxw_worksheet *ws = xw_hoja(x, hoja);
    if (!ws)
        return;
    po.ws = ws;
    poa_pres_iniciar(&po);
    responsables_ancho(&po);
    lxw_row_col_options oculta = {.hidden = 1};
    for (int c = 0; c <= po.ult; c++) {
        /* a plan without any budget (the Caja's) hides the empty column */
        bool oculto = (!hay_ent && c <= PO_IND) || (c == PO_PRES && !po.con_pres);
        worksheet_set_column_opt(ws, (lxw_col_t)c, (lxw_col_t)c, po.w[c], NULL,
                                 oculto ? &oculta : NULL);
    }
    worksheet_set_column_opt(ws, PO_C_MONEDA, PO_C_MONEDA, 4, NULL, &oculta);

    char t[300];
    snprintf(t, sizeof t, "PLAN OPERATIVO ANUAL %d", p->anio);
    xw_titulo(x, ws, po.ult, t);

    const int R1 = 3, R2 = 4, R3 = 5;
    xw_merge(x, ws, R1, PO_ENT, R3, PO_ENT, titulo(x, XLSX_POA_T_ENTREGABLES), f->cab);
    xw_merge(x, ws, R1, PO_IND, R3, PO_IND, titulo(x, XLSX_POA_T_INDICADORES), f->cab);
    xw_merge(x, ws, R1, PO_ACT, R3, PO_ACT, titulo(x, XLSX_POA_T_ACTIVIDADES), f->cab);
    xw_merge(x, ws, R1, PO_MES1, R1, PO_MES1 + POA_MESES - 1, titulo(x, XLSX_POA_T_CRONOGRAMA),
             f->cab);
    for (int q = 0; q < POA_TRIMESTRES; q++)
        xw_merge(x, ws, R2, PO_MES1 + 3 * q, R2, PO_MES1 + 3 * q + 2, POA_TRIM_NOMBRE[q],
                 f->cab_mes);
    for (int m = 0; m < POA_MESES; m++)
        xw_str(x, ws, R3, PO_MES1 + m, POA_MES_CORTO[m], f->cab_mes);
    xw_merge(x, ws, R1, PO_RESP, R3, PO_RESP, titulo(x, XLSX_POA_T_RESPONSABLES), f->cab);
    xw_merge(x, ws, R1, PO_PRES, R3, PO_PRES, titulo(x, XLSX_POA_T_PRESUPUESTO), f->cab);
    xw_clave_cabecera(x, ws, R1, "poa:POA");
    /* the titles are the institution's: the reader finds the columns by number */
    char mapa[64];
    snprintf(mapa, sizeof mapa, "act=%d resp=%d pres=%d", PO_ACT, PO_RESP, PO_PRES);
    xw_clave_columnas(x, ws, R1, mapa);

    /* one Generales block per unit; each unit starts a printed page */
    lxw_row_t saltos[LXW_BREAKS_MAX + 1];
    int nsaltos = 0, unidades = 0;
    int r = R3 + 1;
    for (int u = 0; u < p->nunidades; u++) {
        if ((x->unidad >= 0 && u != x->unidad) || x->roll->unid[u].n_total == 0)
            continue;
        if (r > R3 + 1 && nsaltos < LXW_BREAKS_MAX)
            saltos[nsaltos++] = (lxw_row_t)r;
        r = poa_unidad(&po, r, u);
        unidades++;
    }
    /* the institution's total: only when the sheet holds more than one unit */
    if (x->unidad < 0 && unidades > 1 && poa_pres_cuenta(&po, PO_NIVEL_INST) > 0)
        r = poa_pres_total(&po, r, R3 + 1, PO_NIVEL_INST, "Total de la institución");
    saltos[nsaltos] = 0;
    if (nsaltos > 0)
        xw_chk(x, worksheet_set_h_pagebreaks(ws, saltos));
    poa_pres_fin(&po);

    snprintf(t, sizeof t, "Año %d", p->anio);
    xw_imprimir(x, ws, "Plan Operativo Anual", t, R1, R3);
}
