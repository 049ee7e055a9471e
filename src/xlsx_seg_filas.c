/* xlsx_seg_filas.c — the order of the seguimiento sheet's rows, laid out once
 * per export and shared with the tablero whose formulas point at them: unit →
 * objetivo → actividad (the Caja's document) or objetivo → unit, objetivos in code order. */
#include "xlsx_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the header row is row 3 (0-based), the table starts under it */
#define SEG_FILA0 4

int xw_codigo_cmp(const char *a, const char *b)
{
    if (!a[0] || !b[0])
        return (!a[0]) - (!b[0]);   /* an uncoded objetivo goes after the coded ones */
    bool da = strpbrk(a, "0123456789") != NULL, db = strpbrk(b, "0123456789") != NULL;
    if (da != db)
        return da ? -1 : 1;   /* a code without numbers after the numbered ones */
    const char *x = a, *y = b;
    for (;;) {
        while (*x && !isdigit((unsigned char)*x))
            x++;
        while (*y && !isdigit((unsigned char)*y))
            y++;
        if (!*x || !*y) {
            if (*x || *y)
                return *x ? 1 : -1;   /* O.E.3 before O.E.3.1 */
            return strcmp(a, b);
        }
        char *ex, *ey;
        unsigned long long nx = strtoull(x, &ex, 10), ny = strtoull(y, &ey, 10);
        if (nx != ny)
            return nx < ny ? -1 : 1;
        x = ex;
        y = ey;
    }
}

typedef struct {
    const char *codigo;
    int orden, node;   /* the plan's order breaks ties */
} Orden;

static int orden_cmp(const void *pa, const void *pb)
{
    const Orden *a = pa, *b = pb;
    int c = xw_codigo_cmp(a->codigo, b->codigo);
    return c ? c : (a->orden > b->orden) - (a->orden < b->orden);
}

/* Counted activities of unit u (any unit when u < 0) under node. */
static int contadas_bajo(Xw *x, int node, int u)
{
    const Node *n = &x->p->nodes[node];
    if (n->deleted)
        return 0;
    if (n->kind == NODE_ACTIVIDAD)
        return n->act >= 0 && x->roll->contada[n->act] && (u < 0 || n->unidad == u);
    int k = 0;
    for (int i = 0; i < n->kids.n; i++)
        k += contadas_bajo(x, n->kids.v[i], u);
    return k;
}

static void ordenar(Orden *v, int nv, IntVec *out)
{
    if (nv > 1)
        qsort(v, (size_t)nv, sizeof *v, orden_cmp);
    for (int i = 0; i < nv; i++)
        iv_push(out, v[i].node);
}

void xw_objetivos_en_orden(Xw *x, int e, IntVec *out)
{
    Plan *p = x->p;
    const Node *raiz = &p->nodes[0];
    Orden *v = NULL;
    int nv = 0, cap = 0;
    for (int i = 0; i < raiz->kids.n; i++) {
        int ej = raiz->kids.v[i];
        if ((e >= 0 && ej != e) || p->nodes[ej].deleted)
            continue;
        for (int j = 0; j < p->nodes[ej].kids.n; j++) {
            int o = p->nodes[ej].kids.v[j];
            if (p->nodes[o].deleted || x->roll->nodo[o].n_total == 0)
                continue;
            if (nv == cap) {
                cap = cap ? cap * 2 : 16;
                v = xrealloc(v, sizeof *v * (size_t)cap);
            }
            v[nv] = (Orden){p->nodes[o].codigo, nv, o};
            nv++;
        }
    }
    ordenar(v, nv, out);
    free(v);
}

/* The objetivos of eje e among metas (unit u's, tree order), in code order. */
static void objetivos_de_metas(Xw *x, int e, const IntVec *metas, IntVec *out)
{
    Plan *p = x->p;
    Orden *v = xmalloc(sizeof *v * (size_t)(metas->n ? metas->n : 1));
    int nv = 0;
    for (int i = 0; i < metas->n; i++) {
        int o = p->nodes[metas->v[i]].parent;
        if (p->nodes[o].parent != e)
            continue;
        bool visto = false;
        for (int k = 0; k < nv && !visto; k++)
            visto = v[k].node == o;
        if (!visto) {
            v[nv] = (Orden){p->nodes[o].codigo, nv, o};
            nv++;
        }
    }
    ordenar(v, nv, out);
    free(v);
}

static int push(SegFilas *s, SegFilaTipo t, int node, int unidad, bool con_pct)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->v = xrealloc(s->v, sizeof *s->v * (size_t)s->cap);
    }
    s->v[s->n] = (SegFila){t, node, unidad, s->n, con_pct};
    return s->n++;
}

/* The counted activities under meta m, in tree order. */
static void actividades(Xw *x, SegFilas *s, int node)
{
    const Node *n = &x->p->nodes[node];
    if (n->deleted)
        return;
    if (n->kind == NODE_ACTIVIDAD) {
        if (n->act >= 0 && x->roll->contada[n->act])
            push(s, SF_ACTIVIDAD, node, n->unidad, false);
        return;
    }
    for (int i = 0; i < n->kids.n; i++)
        actividades(x, s, n->kids.v[i]);
}

static void cerrar(SegFilas *s, int i)
{
    s->v[i].fin = s->n - 1;
}

/* unit → (eje) → objetivo in code order → (meta) → actividades; the unit's
 * MISIÓN under its name and its nota under its table. */
static void por_unidad(Xw *x, SegFilas *s)
{
    Plan *p = x->p;
    bool primera = true;
    for (int u = 0; u < p->nunidades; u++) {
        if ((x->unidad >= 0 && u != x->unidad) || x->roll->unid[u].n_total == 0)
            continue;
        const Unidad *un = &p->unidades[u];
        if (!primera)
            push(s, SF_BLANCO, -1, u, false);
        primera = false;
     
        int iu = push(s, SF_UNIDAD, -1, u, true);
        if (un->mision && un->mision[0])
            push(s, SF_MISION, -1, u, false);
        /* the unit's metas with counted activities, in tree order; its ejes
         * in the order they appear */
        IntVec metas = {0}, ejes = {0};
        for (int k = 0; k < x->metas_uni[u].n; k++) {
            int m = x->metas_uni[u].v[k];
            if (contadas_bajo(x, m, u) == 0)
                continue;
            iv_push(&metas, m);
            int e = plan_ancestor(p, m, NODE_EJE);
            if (e > 0 && iv_find(&ejes, e) < 0)
                iv_push(&ejes, e);
        }
        for (int k = 0; k < ejes.n; k++) {
            int e = ejes.v[k], ie = -1;
            if (!plan_node_implicit(p, e))
                ie = push(s, SF_EJE, e, u, true);
            IntVec objs = {0};
            objetivos_de_metas(x, e, &metas, &objs);
            for (int j = 0; j < objs.n; j++) {
                int o = objs.v[j];
             
                int io = push(s, SF_OBJETIVO, o, u, true);
                for (int i = 0; i < metas.n; i++) {
                    int m = metas.v[i];
                    if (p->nodes[m].parent != o)
                        continue;
                    if (p->nodes[m].texto[0])
                        push(s, SF_META, m, u, false);
                    actividades(x, s, m);
                }
                cerrar(s, io);
            }
            iv_free(&objs);
            if (ie >= 0)
                cerrar(s, ie);
        }
        iv_free(&metas);
        iv_free(&ejes);
        cerrar(s, iu);
        if (un->nota && un->nota[0])
            push(s, SF_NOTA, -1, u, false);
    }
}

/* eje → objetivo in code order → unit (its meta) → actividades. */
static void por_objetivo(Xw *x, SegFilas *s)
{
    Plan *p = x->p;
    const Node *raiz = &p->nodes[0];
    for (int i = 0; i < raiz->kids.n; i++) {
        int e = raiz->kids.v[i];
        if (p->nodes[e].deleted || x->roll->nodo[e].n_total == 0)
            continue;
        int ie = -1;
        if (!plan_node_implicit(p, e))
            ie = push(s, SF_EJE, e, -1, true);
        IntVec objs = {0};
        xw_objetivos_en_orden(x, e, &objs);
        for (int j = 0; j < objs.n; j++) {
            int o = objs.v[j];
         
            int io = push(s, SF_OBJETIVO, o, -1, true);
            for (int k = 0; k < p->nodes[o].kids.n; k++) {
                int m = p->nodes[o].kids.v[k];
                if (p->nodes[m].deleted || x->roll->nodo[m].n_total == 0)
                    continue;
                int im = push(s, SF_META, m, p->nodes[m].unidad, true);
                actividades(x, s, m);
                cerrar(s, im);
            }
            cerrar(s, io);
        }
        iv_free(&objs);
        if (ie >= 0)
            cerrar(s, ie);
    }
}

SegFilas *xlsx_seg_filas(Xw *x)
{
    if (x->seg)
        return x->seg;
    SegFilas *s = xcalloc(1, sizeof *s);
    s->r0 = SEG_FILA0;
    if (x->o->agrupar == AGRUPAR_OBJETIVO)
        por_objetivo(x, s);
    else
        por_unidad(x, s);
    s->act1 = 1;
    s->act2 = 0;
    for (int i = 0; i < s->n; i++) {
        if (s->v[i].tipo != SF_ACTIVIDAD)
            continue;
        if (s->act2 < s->act1)
            s->act1 = s->r0 + i;
        s->act2 = s->r0 + i;
        const Actividad *a = &x->p->acts[x->p->nodes[s->v[i].node].act];
        if (a->seg[x->corte - 1].pct_publicado && a->seg[x->corte - 1].pct_publicado[0])
            s->publicado = true;
    }
    /* the printed columns: «% publicado» only when the file brought it */
    int c = 0;
    for (int r = 0; r < SG_NROLES; r++)
        s->col[r] = r == SG_PUB && !s->publicado ? -1 : c++;
    s->ncols = c;
    x->seg = s;
    return s;
}

void xlsx_seg_filas_free(SegFilas *s)
{
    if (!s)
        return;
    free(s->v);
    free(s->hoja);
    free(s);
}

bool xlsx_con_seguimiento(const Xw *x)
{
    return x->o->informe == XLSX_INFORME_TODO || x->o->informe == XLSX_INFORME_SEGUIMIENTO;
}

static char *nombre_base(const Xw *x)
{
    return xasprintf("Seguimiento %s", XW_ACUM[x->corte - 1]);
}

const char *xlsx_seg_hoja_reservar(Xw *x)
{
    SegFilas *s = xlsx_seg_filas(x);
    if (s->hoja)
        return s->hoja;
    char *base = nombre_base(x), nombre[128];
    xlsx_sheet_name(base, (const char *const *)x->hojas, x->nhojas, nombre, sizeof nombre);
    free(base);
    s->hoja = xstrdup(nombre);
    /* taken now, so no sheet made before the seguimiento gets it */
    x->hojas = xrealloc(x->hojas, sizeof *x->hojas * (size_t)(x->nhojas + 1));
    x->hojas[x->nhojas++] = xstrdup(nombre);
    return s->hoja;
}

lxw_worksheet *xlsx_seg_hoja_crear(Xw *x)
{
    SegFilas *s = xlsx_seg_filas(x);
    if (!s->hoja) {
        char *base = nombre_base(x);
        lxw_worksheet *ws = xw_hoja(x, base);
        free(base);
        return ws;
    }
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, s->hoja);
    if (!ws) {
        xw_chk(x, LXW_ERROR_SHEETNAME_ALREADY_USED);
        return NULL;
    }
    x->nmerges = 0;
    /* the chart and other code read the current sheet's name as the last one */
    for (int i = 0; i < x->nhojas; i++)
        if (strcmp(x->hojas[i], s->hoja) == 0) {
            char *t = x->hojas[i];
            memmove(&x->hojas[i], &x->hojas[i + 1], sizeof *x->hojas * (size_t)(x->nhojas - i - 1));
            x->hojas[x->nhojas - 1] = t;
            break;
        }
    return ws;
}

void xw_seg_rango(Xw *x, int sa, char *buf, size_t n)
{
    SegFilas *s = xlsx_seg_filas(x);
    char c1[16], c2[16];
    lxw_rowcol_to_cell_abs(c1, (lxw_row_t)s->act1, (lxw_col_t)(SA_C0 + sa), 1, 1);
    lxw_rowcol_to_cell_abs(c2, (lxw_row_t)s->act2, (lxw_col_t)(SA_C0 + sa), 1, 1);
    StrBuf b = {0};
    if (s->hoja) {
        sb_putc(&b, '\'');
        for (const char *c = s->hoja; *c; c++) {
            if (*c == '\'')
                sb_putc(&b, '\'');
            sb_putc(&b, *c);
        }
        sb_append(&b, "'!");
    }
    snprintf(buf, n, "%s%s:%s", sb_str(&b), c1, c2);
    sb_free(&b);
}

/* ---- Formats of the seguimiento and the tablero ---- */

static lxw_format *formato(Xw *x, bool bold, bool wrap, lxw_color_t fill, double size)
{
    lxw_format *f = workbook_add_format(x->wb);
    format_set_font_size(f, size);
    if (bold)
        format_set_bold(f);
    if (wrap)
        format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (fill)
        format_set_bg_color(f, fill);
    return f;
}

void xw_formatos_seg(Xw *x)
{
    Formatos *f = &x->f;
    if (f->sg_uni)
        return;
    f->sg_uni = formato(x, true, true, 0xBDD7EE, 11);
    format_set_align(f->sg_uni, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(f->sg_uni, LXW_BORDER_THIN);
    format_set_border_color(f->sg_uni, 0xA6A6A6);
    f->sg_uni_pct = formato(x, true, false, 0xBDD7EE, 11);
    format_set_align(f->sg_uni_pct, LXW_ALIGN_CENTER);
    format_set_align(f->sg_uni_pct, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(f->sg_uni_pct, LXW_BORDER_THIN);
    format_set_border_color(f->sg_uni_pct, 0xA6A6A6);
    format_set_num_format(f->sg_uni_pct, "0%");
    f->sg_mision = formato(x, false, true, 0, 10);
    f->sg_nota = formato(x, false, true, 0, 10);
    format_set_italic(f->sg_nota);
    f->sg_pub = formato(x, false, false, 0, 10);
    format_set_align(f->sg_pub, LXW_ALIGN_CENTER);
    format_set_border(f->sg_pub, LXW_BORDER_THIN);
    format_set_border_color(f->sg_pub, 0xA6A6A6);
    format_set_num_format(f->sg_pub, "0%");
    /* a published % that differs from the computed one: bold on orange */
    f->sg_dif = workbook_add_format(x->wb);
    format_set_bold(f->sg_dif);
    format_set_font_color(f->sg_dif, 0x9C0006);
    format_set_bg_color(f->sg_dif, 0xF8CBAD);
    f->sg_cf_gris = workbook_add_format(x->wb);
    format_set_font_color(f->sg_cf_gris, 0x7F7F7F);
    format_set_bg_color(f->sg_cf_gris, 0xEDEDED);
}

void xw_semaforo_cf_texto(Xw *x, lxw_worksheet *ws, int col, int r1, int r2)
{
    if (r2 < r1)
        return;
    xw_formatos_seg(x);
    static const Semaforo SEM[4] = {SEM_VERDE, SEM_AMARILLO, SEM_ROJO, SEM_GRIS};
    for (int i = 0; i < 4; i++) {
        lxw_conditional_format cf = {0};
        cf.type = LXW_CONDITIONAL_TYPE_CELL;
        cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
        char v[32];
        snprintf(v, sizeof v, "\"%s\"", semaforo_name(SEM[i]));
        cf.value_string = v;
        cf.format = SEM[i] == SEM_GRIS ? x->f.sg_cf_gris : x->f.cf[SEM[i]];
        xw_chk(x, worksheet_conditional_format_range(ws, (lxw_row_t)r1, (lxw_col_t)col,
                                                     (lxw_row_t)r2, (lxw_col_t)col, &cf));
    }
}
