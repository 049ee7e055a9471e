/* xlsx_pagina.c — a sheet laid out for print when it is complete: empty
 * columns hidden, the print scale from the column widths (no text under 8 pt),
 * row heights from the measured text (xlsx_medida.c), page breaks that keep a
 * block with its first rows, and merged ranges split at a break with their text. */
#include "xlsx_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xlsx_medida.h"

typedef struct {
    int r1, c1, r2, c2;
    char *s;                    /* the text; NULL for a number */
    char *formula;              /* a formula whose value is s; NULL for none */
    double v;
    lxw_format *f;
} Merge;

struct Pagina {
    lxw_worksheet *ws;
    Merge *m;
    int nm, capm;
    double *pedido;             /* xw_alto's height by row (0 = none) */
    int *hasta;                 /* xw_mantener: last row kept with row r (-1 none) */
    int nfilas;                 /* rows allocated in pedido/hasta */
    Pagina *sig;
};

static void pg_filas(Pagina *pg, int r)
{
    if (r < pg->nfilas)
        return;
    int n = pg->nfilas ? pg->nfilas : 256;
    while (n <= r)
        n *= 2;
    pg->pedido = xrealloc(pg->pedido, sizeof *pg->pedido * (size_t)n);
    pg->hasta = xrealloc(pg->hasta, sizeof *pg->hasta * (size_t)n);
    for (int i = pg->nfilas; i < n; i++) {
        pg->pedido[i] = 0;
        pg->hasta[i] = -1;
    }
    pg->nfilas = n;
}

static void hoja_maquetar(Xw *x, Pagina *pg, int cab1, int cab2);

/* One Pagina per sheet written to (a capture workbook writes two at once). */
static Pagina *pg_de(Xw *x, lxw_worksheet *ws)
{
    for (Pagina *pg = x->pg; pg; pg = pg->sig)
        if (pg->ws == ws)
            return pg;
    Pagina *pg = xcalloc(1, sizeof *pg);
    pg->ws = ws;
    pg->sig = x->pg;
    x->pg = pg;
    return pg;
}

void xw_pagina_cerrar(Xw *x, lxw_worksheet *ws, int cab1, int cab2)
{
    if (!ws) {
        while (x->pg)
            xw_pagina_cerrar(x, x->pg->ws, -1, -1);
        return;
    }
    pg_de(x, ws);
    for (Pagina **pp = &x->pg; *pp; pp = &(*pp)->sig)
        if ((*pp)->ws == ws) {
            Pagina *pg = *pp;
            *pp = pg->sig;
            hoja_maquetar(x, pg, cab1, cab2);
            return;
        }
}

static void pg_free(Pagina *pg)
{
    if (!pg)
        return;
    for (int i = 0; i < pg->nm; i++) {
        free(pg->m[i].s);
        free(pg->m[i].formula);
    }
    free(pg->m);
    free(pg->pedido);
    free(pg->hasta);
    free(pg);
}

void xw_pagina_merge(Xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2, const char *s,
                     double v, lxw_format *f)
{
    Pagina *pg = pg_de(x, ws);
    if (pg->nm == pg->capm) {
        pg->capm = pg->capm ? pg->capm * 2 : 64;
        pg->m = xrealloc(pg->m, sizeof *pg->m * (size_t)pg->capm);
    }
    pg->m[pg->nm++] = (Merge){.r1 = r1, .c1 = c1, .r2 = r2, .c2 = c2,
                              .s = s ? xstrdup(s) : NULL, .v = v, .f = f};
}

void xw_pagina_merge_formula(Xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2,
                             const char *formula, const char *valor, lxw_format *f)
{
    xw_pagina_merge(x, ws, r1, c1, r2, c2, valor, 0, f);
    Pagina *pg = pg_de(x, ws);
    pg->m[pg->nm - 1].formula = xstrdup(formula);
}

void xw_pagina_alto(Xw *x, lxw_worksheet *ws, int r, double pt)
{
    Pagina *pg = pg_de(x, ws);
    pg_filas(pg, r);
    if (pt > pg->pedido[r])
        pg->pedido[r] = pt;
}

void xw_mantener(Xw *x, lxw_worksheet *ws, int r1, int r2)
{
    if (r1 < 0 || r2 <= r1)
        return;
    Pagina *pg = pg_de(x, ws);
    pg_filas(pg, r1);
    if (r2 > pg->hasta[r1])
        pg->hasta[r1] = r2;
}

/* ---- The export date: one place, fixed by SOURCE_DATE_EPOCH in tests ---- */

void xw_fecha_exportacion(char *buf, size_t n)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    time_t t = time(NULL);
    struct tm tm;
    char *fin = NULL;
    long long v = e && e[0] ? strtoll(e, &fin, 10) : 0;
    if (e && e[0] && fin && !*fin) {
        t = (time_t)v;
        gmtime_r(&t, &tm);   /* reproducible: the same date on every machine */
    } else {
        localtime_r(&t, &tm);
    }
    snprintf(buf, n, "%02d/%02d/%04d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
}

/* ---- Laying the sheet out ---- */

typedef struct {
    Xw *x;
    Pagina *pg;
    lxw_worksheet *ws;
    int cab1, cab2;             /* repeated rows, -1 none */
    int ncols, nfilas;
    double *ancho;              /* column width, character units */
    bool *oculta, *valor, *ajusta;
    double *palabra;            /* widest word of a wrapped column, points at 100 % */
    double *texto;              /* text width of each column at its final width, points */
    const char **memo_s;        /* by column: the last text measured (pass 2), */
    const lxw_format **memo_f;  /* its format */
    double *memo_a;             /* and the height it needs */
    double fuente_min;
    double *alto;               /* row heights, points */
    bool *vacia;                /* a row with nothing printed in it (a spacer) */
    bool cuerpo;                /* some body row holds a value */
} Hoja;

static lxw_col_options *col_opt(lxw_worksheet *ws, int c)
{
    for (int i = 0; ws->col_options && i < ws->col_options_max; i++) {
        lxw_col_options *o = ws->col_options[i];
        if (o && c >= o->firstcol && c <= o->lastcol)
            return o;
    }
    return NULL;
}

static double fuente_pt(const lxw_format *f)
{
    return f && f->font_size > 0 ? f->font_size : 11.0;
}

static int fuente_cara(const lxw_format *f)
{
    return f ? (f->bold ? MD_NEGRITA : 0) | (f->italic ? MD_CURSIVA : 0) : 0;
}

/* The widest word of s, in points. */
static double palabra_max(Medida *md, const char *s, double pt, int cara)
{
    double mx = 0;
    while (*s) {
        size_t n = strcspn(s, " \n\t/-");
        double w = medida_ancho(md, s, n, pt, cara);
        if (w > mx)
            mx = w;
        s += n;
        if (*s)
            s++;
    }
    return mx;
}

static const char *texto_celda(const lxw_cell *c)
{
    if (c->type == STRING_CELL)
        return c->sst_string;
    if (c->type == INLINE_STRING_CELL)
        return c->u.string;
    return NULL;
}

/* Points per character unit of width (medida_columna_pt's slope). */
#define XW_PT_UNIDAD (0.50684 * 11.0)

/* The widest word of a wrapped cell's column (pass 3: only when the
 * columns must be narrowed, the one case that reads it). */
static void celda_palabra(Hoja *h, int c, const char *s, bool en_blanco, const lxw_format *f)
{
    if (c >= h->ncols || h->oculta[c] || en_blanco || !s || !f || !f->text_wrap)
        return;
    /* a column whose floor (its widest word, 10 at least) already reaches
     * its width is never narrowed: its other words change nothing */
    double piso = (h->palabra[c] + 8.0) / XW_PT_UNIDAD;
    if ((piso < 10 ? 10 : piso) >= h->ancho[c])
        return;
    double w = palabra_max(medida_compartida(), s, fuente_pt(f), fuente_cara(f));
    if (w > h->palabra[c])
        h->palabra[c] = w;
}

/* Pass 1 over one cell: which columns hold body values, the smallest font
 * printed, which columns wrap. */
static void celda_ver(Hoja *h, int r, int c, const char *s, bool en_blanco, const lxw_format *f)
{
    if (c >= h->ncols || h->oculta[c])
        return;
    if ((!en_blanco || (f && !f->locked)) && r > h->cab2) {
        h->valor[c] = true;
        h->cuerpo = true;
    }
    if (en_blanco)
        return;
    double pt = fuente_pt(f);
    if (pt < h->fuente_min)
        h->fuente_min = pt;
    if (s && f && f->text_wrap)
        h->ajusta[c] = true;
}


static double ancho_pt(const Hoja *h, int c1, int c2)
{
    double w = 0;
    for (int c = c1; c <= c2 && c < h->ncols; c++)
        if (!h->oculta[c])
            w += medida_columna_pt(h->ancho[c]);
    return w;
}

/* Height a text needs in columns c1..c2 with format f. */
static double celda_alto(const Hoja *h, int c1, int c2, const char *s, const lxw_format *f)
{
    double pt = fuente_pt(f);
    int lineas = 1;
    if (s && s[0] && f && f->text_wrap) {
        double w = c1 == c2 && c1 < h->ncols ? h->texto[c1] : medida_texto_pt(ancho_pt(h, c1, c2));
        lineas = medida_lineas(medida_compartida(), s, w, pt, fuente_cara(f));
    }
    return medida_alto_fila(medida_compartida(), lineas, pt);
}

static bool en_merge_visible(const Hoja *h, const Merge *m)
{
    for (int c = m->c1; c <= m->c2 && c < h->ncols; c++)
        if (!h->oculta[c])
            return true;
    return false;
}

/* Walks the row tree in order (libxlsxwriter keeps the sheet's cells in two
 * red-black trees, rows and each row's cells; tree.h gives no public
 * iterator outside worksheet.c, so the links are followed here). */
static void celdas_recorrer(Hoja *h, lxw_cell *c, int pase)
{
    if (!c)
        return;
    celdas_recorrer(h, RB_LEFT(c, tree_pointers), pase);
    int r = (int)c->row_num, col = (int)c->col_num;
    const char *s = texto_celda(c);
    bool blanco = c->type == BLANK_CELL || (s && !s[0]);
    if (pase == 1) {
        celda_ver(h, r, col, s, blanco, c->format);
    } else if (pase == 3) {
        celda_palabra(h, col, s, blanco, c->format);
    } else if (col < h->ncols && !h->oculta[col] && r < h->nfilas) {
        /* a text shared through the string table (a unit's name, the same
         * note) down a column is measured once: same text, width and font */
        const char *t = blanco ? NULL : s;
        double a;
        if (t && t == h->memo_s[col] && c->format == h->memo_f[col]) {
            a = h->memo_a[col];
        } else {
            a = celda_alto(h, col, col, t, c->format);
            if (t) {
                h->memo_s[col] = t;
                h->memo_f[col] = c->format;
                h->memo_a[col] = a;
            }
        }
        if (a > h->alto[r])
            h->alto[r] = a;
    }
    celdas_recorrer(h, RB_RIGHT(c, tree_pointers), pase);
}

static void filas_recorrer(Hoja *h, lxw_row *row, int pase)
{
    if (!row)
        return;
    filas_recorrer(h, RB_LEFT(row, tree_pointers), pase);
    if (row->cells)
        celdas_recorrer(h, row->cells->rbh_root, pase);
    filas_recorrer(h, RB_RIGHT(row, tree_pointers), pase);
}

static void columnas_fijar(Hoja *h, int c)
{
    lxw_col_options *o = col_opt(h->ws, c);
    lxw_row_col_options op = {.hidden = h->oculta[c]};
    xw_chk(h->x, worksheet_set_column_opt(h->ws, (lxw_col_t)c, (lxw_col_t)c, h->ancho[c],
                                          o ? o->format : NULL, &op));
}

/* Paper sizes in points (width, height portrait), by Papel. */
static void papel_pt(Papel p, double *w, double *hgt)
{
    switch (p) {
    case PAPEL_CARTA: *w = 612; *hgt = 792; break;
    case PAPEL_OFICIO: *w = 612; *hgt = 1008; break;
    default: *w = 595.3; *hgt = 841.9; break;
    }
}

/* The columns: empty ones hidden (their width goes back to the page), then
 * the scale at which the rest fit across the paper, never under the one that
 * prints the smallest font at 8 pt; wrapped columns narrowed when needed. */
static int escala_decidir(Hoja *h, double ancho_util)
{
    for (int c = 0; c < h->ncols && h->cuerpo; c++) {
        if (h->oculta[c] || h->valor[c])
            continue;
        /* a column under a header merged across several (the cronograma's
         * months) is part of that header's block: never hidden alone */
        bool en_bloque = false;
        for (int i = 0; i < h->pg->nm && !en_bloque; i++) {
            const Merge *m = &h->pg->m[i];
            en_bloque = m->c1 < m->c2 && c >= m->c1 && c <= m->c2 && m->r1 <= h->cab2 &&
                        m->r2 >= h->cab1 && h->cab1 >= 0;
        }
        if (!en_bloque && h->cab1 >= 0) {
            h->oculta[c] = true;
            columnas_fijar(h, c);
        }
    }
    double total = ancho_pt(h, 0, h->ncols - 1);
    if (total <= 0)
        return 100;
    double fmin = h->fuente_min < 100 ? h->fuente_min : 10;
    int esc_min = (int)ceil(800.0 / fmin);
    if (esc_min > 100)
        esc_min = 100;
    int esc = (int)floor(ancho_util * 100.0 / total);
    if (esc >= esc_min)
        return esc > 100 ? 100 : esc;
    /* narrower wrapped columns, each down to its widest word, rather than text
     * under 8 pt; the rows grow to hold the extra lines */
    filas_recorrer(h, h->ws->table->rbh_root, 3);
    for (int i = 0; i < h->pg->nm; i++) {
        const Merge *m = &h->pg->m[i];
        if (m->c1 == m->c2)
            celda_palabra(h, m->c1, m->s, m->s && !m->s[0], m->f);
    }
    double objetivo = ancho_util * 100.0 / esc_min - 1.0;
    double sobra = total - objetivo, libre = 0;
    double *piso = xcalloc((size_t)h->ncols, sizeof *piso);
    for (int c = 0; c < h->ncols; c++) {
        if (h->oculta[c] || !h->ajusta[c])
            continue;
        double p = (h->palabra[c] + 8.0) / XW_PT_UNIDAD;   /* points → character units */
        piso[c] = p < 10 ? 10 : p;
        if (h->ancho[c] > piso[c])
            libre += (h->ancho[c] - piso[c]) * XW_PT_UNIDAD;
    }
    if (libre > 0) {
        double k = sobra / libre < 1 ? sobra / libre : 1;
        for (int c = 0; c < h->ncols; c++)
            if (!h->oculta[c] && h->ajusta[c] && h->ancho[c] > piso[c]) {
                h->ancho[c] -= (h->ancho[c] - piso[c]) * k;
                h->ancho[c] = floor(h->ancho[c] * 10) / 10;
                columnas_fijar(h, c);
            }
    }
    free(piso);
    total = ancho_pt(h, 0, h->ncols - 1);
    esc = (int)floor(ancho_util * 100.0 / total);
    return esc > 100 ? 100 : esc < 10 ? 10 : esc;
}

/* The charts anchored on the sheet, each as rows to keep on one page:
 * ini[k]..fin[k] in anchor order; returns how many (at most max). */
static int grafico_filas(Hoja *h, int *ini, int *fin, int max)
{
    if (!h->ws->chart_data || STAILQ_EMPTY(h->ws->chart_data))
        return 0;
    int n = 0;
    lxw_object_properties *o;
    STAILQ_FOREACH(o, h->ws->chart_data, list_pointers) {
        if (n == max)
            break;
        double px = o->y_offset + o->height * (o->y_scale > 0 ? o->y_scale : 1);
        int filas = (int)ceil(px * 0.75 / LXW_DEF_ROW_HEIGHT) + 1;
        ini[n] = (int)o->row;
        fin[n++] = (int)o->row + filas;
    }
    return n;
}

/* Where pages start: a new page before a block that would not fit in what
 * is left (when it fits on one), at the sheet's own breaks, never leaving a
 * page with only the repeated rows. Returns the number of breaks. */
static int paginar(Hoja *h, double alto_pagina, lxw_row_t *saltos, const lxw_row_t *forzados,
                   int nforzados)
{
    int n = 0, kf = 0;
    double rep = 0;
    for (int r = h->cab1; r >= 0 && r <= h->cab2 && r < h->nfilas; r++)
        rep += h->alto[r];
    double *suma = xmalloc(sizeof *suma * (size_t)(h->nfilas + 1));
    suma[0] = 0;
    for (int r = 0; r < h->nfilas; r++)
        suma[r + 1] = suma[r] + h->alto[r];
    int *hasta = xmalloc(sizeof *hasta * (size_t)h->nfilas);
    for (int r = 0; r < h->nfilas; r++)
        hasta[r] = r < h->pg->nfilas ? h->pg->hasta[r] : -1;
    for (int i = 0; i < h->pg->nm; i++) {
        const Merge *m = &h->pg->m[i];
        if (m->r2 > m->r1 && m->s && m->s[0] && en_merge_visible(h, m) && m->r1 < h->nfilas &&
            m->r2 > hasta[m->r1])
            hasta[m->r1] = m->r2 < h->nfilas ? m->r2 : h->nfilas - 1;
    }
    int gi[8], gf[8];
    int ng = grafico_filas(h, gi, gf, 8);
    for (int k = 0; k < ng; k++) {
        int g0 = gi[k], g1 = gf[k];
        if (g0 < 0 || g0 >= h->nfilas)
            continue;
        if (g1 >= h->nfilas)
            g1 = h->nfilas - 1;
        if (g1 > hasta[g0])
            hasta[g0] = g1;
        if (k > 0)
            continue;
        /* the first chart goes with the table's end (the block holding the
         * last printed row above it: the total, the rule, the legend) when
         * both fit on one page; otherwise it starts a page of its own, whole */
        int e = g0 - 1;
        while (e > h->cab2 && h->vacia[e])
            e--;
        int ini = e;
        for (int r = h->cab2 + 1; r < e; r++)
            if (hasta[r] >= e) {
                ini = r;
                break;
            }
        if (ini > h->cab2 && suma[g1 + 1] - suma[ini] <= alto_pagina - rep && g1 > hasta[ini])
            hasta[ini] = g1;
    }

    double y = 0;
    bool cuerpo = false;
    for (int r = 0; r < h->nfilas && n < LXW_BREAKS_MAX; r++) {
        if (r <= h->cab2) {
            y += h->alto[r];
            continue;
        }
        while (kf < nforzados && (int)forzados[kf] < r)
            kf++;
        bool salto = false;
        if (h->vacia[r] && !(kf < nforzados && (int)forzados[kf] == r)) {
            /* a spacer never starts a page (it would print alone under the
             * repeated rows): it shrinks to what is left of this one */
            if (cuerpo && y + h->alto[r] > alto_pagina)
                h->alto[r] = alto_pagina - y > 1 ? alto_pagina - y : 1;
        } else if (kf < nforzados && (int)forzados[kf] == r)
            salto = cuerpo;
        else if (cuerpo) {
            int fin = hasta[r] > r ? hasta[r] : r;
            double bloque = suma[fin + 1] - suma[r];
            if (y + bloque > alto_pagina)
                salto = bloque <= alto_pagina - rep || y + h->alto[r] > alto_pagina;
        }
        if (salto) {
            saltos[n++] = (lxw_row_t)r;
            y = rep;
            cuerpo = false;
        }
        y += h->alto[r];
        cuerpo = true;
    }
    free(suma);
    free(hasta);
    return n;
}

/* The merged ranges, each cut where a page starts inside it: every piece
 * gets the text (a reader of page 2 sees the entregable too). */
static void merges_escribir(Hoja *h, const lxw_row_t *saltos, int nsaltos)
{
    Xw *x = h->x;
    int nmerges = 0;
    for (int i = 0; i < h->pg->nm; i++) {
        const Merge *m = &h->pg->m[i];
        int a = m->r1;
        while (a <= m->r2) {
            int b = m->r2;
            /* the breaks ascend: the first one after a, found by halving
             * (a sheet of 60,000 merges and 1,000 breaks otherwise scans
             * the list for each) */
            int lo = 0, hi = nsaltos;
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                if ((int)saltos[mid] > a)
                    hi = mid;
                else
                    lo = mid + 1;
            }
            if (lo < nsaltos && (int)saltos[lo] <= m->r2)
                b = (int)saltos[lo] - 1;
            bool uno = a == b && m->c1 == m->c2;
            if (!uno && nmerges < XW_MERGES_MAX) {
                nmerges++;
                xw_chk(x, worksheet_merge_range(h->ws, (lxw_row_t)a, (lxw_col_t)m->c1,
                                                (lxw_row_t)b, (lxw_col_t)m->c2,
                                                m->s ? m->s : "", m->f));
            } else {
                for (int r = a; r <= b; r++)
                    for (int c = m->c1; c <= m->c2; c++)
                        if (r != a || c != m->c1)
                            xw_chk(x, worksheet_write_blank(h->ws, (lxw_row_t)r,
                                                            (lxw_col_t)c, m->f));
                if (m->s && m->s[0])
                    xw_chk(x, worksheet_write_string(h->ws, (lxw_row_t)a,
                                                     (lxw_col_t)m->c1, m->s, m->f));
                else
                    xw_chk(x, worksheet_write_blank(h->ws, (lxw_row_t)a, (lxw_col_t)m->c1,
                                                    m->f));
            }
            if (!m->s)
                xw_chk(x, worksheet_write_number(h->ws, (lxw_row_t)a, (lxw_col_t)m->c1, m->v,
                                                 m->f));
            else if (m->formula)   /* over the text: the value it shows is s */
                xw_chk(x, worksheet_write_formula_str(h->ws, (lxw_row_t)a, (lxw_col_t)m->c1,
                                                      m->formula, m->f, m->s));
            a = b + 1;
        }
    }
}

static void hoja_maquetar(Xw *x, Pagina *pg, int cab1, int cab2)
{
    lxw_worksheet *ws = pg->ws;
    Hoja h = {.x = x, .pg = pg, .ws = ws, .cab1 = cab1, .cab2 = cab2, .fuente_min = 1e9};
    if (h.cab2 < h.cab1)
        h.cab2 = h.cab1;
    h.ncols = (int)ws->dim_colmax + 1;
    h.nfilas = (int)ws->dim_rowmax + 1;
    for (int i = 0; i < pg->nm; i++) {
        if (pg->m[i].c2 + 1 > h.ncols)
            h.ncols = pg->m[i].c2 + 1;
        if (pg->m[i].r2 + 1 > h.nfilas)
            h.nfilas = pg->m[i].r2 + 1;
    }
    int gi[8], gf[8];
    int ng = grafico_filas(&h, gi, gf, 8);
    for (int k = 0; k < ng; k++)
        if (gf[k] + 1 > h.nfilas)
            h.nfilas = gf[k] + 1;
    h.ancho = xcalloc((size_t)h.ncols, sizeof *h.ancho);
    h.palabra = xcalloc((size_t)h.ncols, sizeof *h.palabra);
    h.oculta = xcalloc((size_t)h.ncols, sizeof *h.oculta);
    h.valor = xcalloc((size_t)h.ncols, sizeof *h.valor);
    h.ajusta = xcalloc((size_t)h.ncols, sizeof *h.ajusta);
    h.alto = xcalloc((size_t)h.nfilas, sizeof *h.alto);
    for (int c = 0; c < h.ncols; c++) {
        lxw_col_options *o = col_opt(ws, c);
        h.ancho[c] = o ? o->width : LXW_DEF_COL_WIDTH;
        h.oculta[c] = o && o->hidden;
    }

    /* pass 1: values, fonts, words */
    filas_recorrer(&h, ws->table->rbh_root, 1);
    for (int i = 0; i < pg->nm; i++) {
        const Merge *m = &pg->m[i];
        bool blanco = m->s && !m->s[0];
        if (m->c1 == m->c2)
            celda_ver(&h, m->r1, m->c1, m->s, blanco, m->f);
        else if (!blanco && m->r1 > h.cab2 && m->c1 < h.ncols) {
            h.valor[m->c1] = true;
            h.cuerpo = true;
            if (fuente_pt(m->f) < h.fuente_min && en_merge_visible(&h, m))
                h.fuente_min = fuente_pt(m->f);
        } else if (!blanco && en_merge_visible(&h, m) && fuente_pt(m->f) < h.fuente_min) {
            h.fuente_min = fuente_pt(m->f);
        }
    }

    double pw, ph;
    papel_pt(x->o->papel, &pw, &ph);
    if (x->o->horizontal) {
        double t = pw;
        pw = ph;
        ph = t;
    }
    int escala = escala_decidir(&h, pw - (XW_MARGEN_IZQ + XW_MARGEN_DER) * 72.0);
    worksheet_set_print_scale(ws, (uint16_t)escala);

    /* pass 2: heights at the final widths */
    h.texto = xcalloc((size_t)h.ncols, sizeof *h.texto);
    h.memo_s = xcalloc((size_t)h.ncols, sizeof *h.memo_s);
    h.memo_f = xcalloc((size_t)h.ncols, sizeof *h.memo_f);
    h.memo_a = xcalloc((size_t)h.ncols, sizeof *h.memo_a);
    for (int c = 0; c < h.ncols; c++)
        h.texto[c] = medida_texto_pt(ancho_pt(&h, c, c));
    filas_recorrer(&h, ws->table->rbh_root, 2);
    for (int i = 0; i < pg->nm; i++) {
        const Merge *m = &pg->m[i];
        if (m->r1 == m->r2 && m->r1 < h.nfilas && en_merge_visible(&h, m)) {
            double a = celda_alto(&h, m->c1, m->c2, m->s, m->f);
            if (a > h.alto[m->r1])
                h.alto[m->r1] = a;
        }
    }
    h.vacia = xcalloc((size_t)h.nfilas, sizeof *h.vacia);
    for (int r = 0; r < h.nfilas; r++)
        if (h.alto[r] <= 0 && (h.vacia[r] = true))
            h.alto[r] = r < pg->nfilas && pg->pedido[r] > 0 ? pg->pedido[r] : LXW_DEF_ROW_HEIGHT;
    for (int k = 0; k < ng; k++)
        for (int r = gi[k]; r >= 0 && r <= gf[k] && r < h.nfilas; r++)
            h.vacia[r] = false;   /* under a chart: printed, kept whole */
    /* a merged text taller than its rows: the room goes to its last row */
    for (int i = 0; i < pg->nm; i++) {
        const Merge *m = &pg->m[i];
        if (m->r1 == m->r2 || m->r2 >= h.nfilas || !en_merge_visible(&h, m))
            continue;
        double a = celda_alto(&h, m->c1, m->c2, m->s, m->f), s = 0;
        for (int r = m->r1; r <= m->r2; r++)
            s += h.alto[r];
        if (a > s)
            h.alto[m->r2] += a - s;
    }
    for (int r = 0; r < h.nfilas; r++)
        if (h.alto[r] > 409)
            h.alto[r] = 409;   /* Excel's limit */

    /* the pages: the sheet's own breaks (a unit per page) kept */
    lxw_row_t *forzados = NULL;
    int nforzados = 0;
    if (ws->hbreaks_count > 0) {
        nforzados = ws->hbreaks_count;
        forzados = xmalloc(sizeof *forzados * (size_t)nforzados);
        memcpy(forzados, ws->hbreaks, sizeof *forzados * (size_t)nforzados);
        free(ws->hbreaks);   /* set_h_pagebreaks copies and never frees the old list */
        ws->hbreaks = NULL;
        ws->hbreaks_count = 0;
    }
    double alto_pagina = (ph - (XW_MARGEN_SUP + XW_MARGEN_INF) * 72.0 - XW_HOLGURA_PT) * 100.0 /
                         escala;
    lxw_row_t *saltos = xmalloc(sizeof *saltos * (LXW_BREAKS_MAX + 1));
    int nsaltos = paginar(&h, alto_pagina, saltos, forzados, nforzados);
    saltos[nsaltos] = 0;
    if (nsaltos > 0)
        xw_chk(x, worksheet_set_h_pagebreaks(ws, saltos));
    merges_escribir(&h, saltos, nsaltos);
    for (int r = 0; r < h.nfilas; r++) {
        lxw_row *row = lxw_worksheet_find_row(ws, (lxw_row_t)r);
        xw_chk(x, worksheet_set_row(ws, (lxw_row_t)r, h.alto[r], row ? row->format : NULL));
    }

    free(saltos);
    free(forzados);
    free(h.ancho);
    free(h.palabra);
    free(h.texto);
    free(h.memo_s);
    free(h.memo_f);
    free(h.memo_a);
    free(h.oculta);
    free(h.valor);
    free(h.ajusta);
    free(h.alto);
    free(h.vacia);
    pg_free(pg);
}
