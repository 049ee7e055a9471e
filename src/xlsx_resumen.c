/* xlsx_resumen.c — the executive summary opening the board's workbook, on one
 * printed page: institución, corte and its date, the total and its semáforo,
 * counts by colour, each unit with its change from the previous corte, the
 * red and unreported activities (observaciones, causa), the not-due ones and
 * the signatures. Every figure is the tablero's (the same calc_rollup). */
#include "xlsx_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"

enum { RS_A, RS_B, RS_C, RS_D, RS_E, RS_F, RS_G, RS_H, RS_NCOLS };
/* unidad, código, actividad, %, semáforo, anterior, cambio · observaciones, causa */
static const double RS_W[RS_NCOLS] = {22, 8, 32, 8, 10, 9, 22, 22};

#define RS_LINEA 12.3            /* xw_alto: a line and the row's padding */
#define RS_PAD 3.0
#define RS_MAX_LINEAS 2          /* a listed activity takes at most 2 lines */
#define RS_FIRMA_ESPACIO 30.0    /* the empty row to sign on */
#define RS_ESCALA_MIN 0.85       /* fit-to-page no further: 10 pt prints at 8.5 pt */

/* The height the rows may take, in points at 100 %: the printable height
 * of the configured paper and orientation (xw_imprimir's margins: 0.7 and
 * 0.6 in) over the smallest scale allowed — or over the scale the width
 * already forces (portrait), since then the height shrinks with it. */
static double alto_pagina(const Xw *x)
{
    static const double PAPEL[3][2] = {{595, 842}, {612, 792}, {612, 1008}};   /* pt */
    const double *d = PAPEL[(unsigned)x->o->papel < 3 ? x->o->papel : 0];
    double alto = x->o->horizontal ? d[0] : d[1], ancho = x->o->horizontal ? d[1] : d[0];
    alto -= (0.7 + 0.6) * 72;
    ancho -= (0.4 + 0.4) * 72;
    double w = 0;
    for (int c = 0; c < RS_NCOLS; c++)
        w += (RS_W[c] * 7 + 5) * 0.75;   /* Excel's width unit: 7 px + padding, 96 dpi */
    double esc = ancho / w < 1 ? ancho / w : 1;
    return alto / (esc < RS_ESCALA_MIN ? esc : RS_ESCALA_MIN);
}

static const lxw_color_t SEM_FONDO[5] = {0, 0xEDEDED, 0xFFC7CE, 0xFFEB9C, 0xC6EFCE};
static const lxw_color_t SEM_TINTA[5] = {0, 0x595959, 0x9C0006, 0x9C5700, 0x006100};

/* A centred % cell in semáforo s's fill and ink, bordered like the tables. */
static lxw_format *formato_semaforo(lxw_workbook *wb, Semaforo s, double tam, uint8_t valign)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_size(f, tam);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_align(f, valign);
    format_set_bg_color(f, SEM_FONDO[s]);
    format_set_font_color(f, SEM_TINTA[s]);
    format_set_num_format(f, "0%");
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, 0xA6A6A6);
    return f;
}

void xw_formatos_resumen(Xw *x)
{
    lxw_workbook *wb = x->wb;
    lxw_format *f;
    f = x->fr.aviso = workbook_add_format(wb);
    format_set_italic(f);
    format_set_font_color(f, 0x595959);
    format_set_font_size(f, 10);
    f = x->fr.seccion = workbook_add_format(wb);
    format_set_bold(f);
    format_set_font_size(f, 11);
    format_set_font_color(f, 0x1F4E78);
    format_set_bottom(f, LXW_BORDER_MEDIUM);
    format_set_bottom_color(f, 0x1F4E78);
    format_set_align(f, LXW_ALIGN_VERTICAL_BOTTOM);
    for (int b = 0; b < 2; b++) {
        f = workbook_add_format(wb);
        format_set_font_size(f, 10);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_border_color(f, 0xA6A6A6);
        if (b)
            format_set_bold(f);
        *(b ? &x->fr.dato_b : &x->fr.dato) = f;
    }
    for (int s = SEM_GRIS; s <= SEM_VERDE; s++) {
        /* the total's big figure, and the units' cells, in the semáforo's colours */
        f = x->fr.grande[s] = formato_semaforo(wb, (Semaforo)s, 20, LXW_ALIGN_VERTICAL_CENTER);
        format_set_bold(f);
        f = x->fr.sem[s] = formato_semaforo(wb, (Semaforo)s, 10, LXW_ALIGN_VERTICAL_TOP);
        format_set_text_wrap(f);
    }
    f = x->fr.cambio = workbook_add_format(wb);
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, 0xA6A6A6);
    format_set_num_format(f, "0%");
    f = x->fr.firma = workbook_add_format(wb);
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f);
    f = x->fr.firma_linea = workbook_add_format(wb);
    format_set_font_size(f, 10);
    format_set_bold(f);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_top(f, LXW_BORDER_THIN);
    format_set_text_wrap(f);
    for (int g = 0; g < 2; g++) {
        f = workbook_add_format(wb);
        format_set_font_size(f, 10);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_border_color(f, 0xA6A6A6);
        if (g) {
            format_set_italic(f);
            format_set_font_color(f, 0x7F7F7F);
        }
        *(g ? &x->fr.gris_chico : &x->fr.texto_chico) = f;
    }
}

/* ---- Measuring ---- */

static double alto_de(int lineas)
{
    return RS_LINEA * (lineas < 1 ? 1 : lineas) + RS_PAD;
}

/* s cut at a word so it takes at most max lines at ancho, ending in "…";
 * the whole text is on the Seguimiento sheet. */
static char *recortar(const char *s, double ancho, int max)
{
    if (xw_lineas(s, ancho) <= max)
        return xstrdup(s);
    size_t lo = 0, hi = strlen(s);
    char *t = NULL;
    while (lo < hi) {   /* the longest prefix that fits, by bytes */
        size_t mid = lo + (hi - lo + 1) / 2;
        while (mid > lo && ((unsigned char)s[mid] & 0xC0) == 0x80)
            mid--;   /* never inside a character */
        if (mid == lo)
            break;
        char *c = xasprintf("%.*s…", (int)mid, s);
        if (xw_lineas(c, ancho) <= max)
            lo = mid;
        else
            hi = mid - 1;
        free(c);
    }
    size_t cut = lo;
    while (cut > 0 && s[cut - 1] != ' ' && s[cut] != ' ' && cut > lo / 2)
        cut--;   /* at a word when one is near */
    if (cut <= lo / 2)
        cut = lo;
    while (cut > 0 && s[cut - 1] == ' ')
        cut--;
    t = xasprintf("%.*s…", (int)cut, s);
    return t;
}

static double ancho_de(int c1, int c2)
{
    double w = 0;
    for (int c = c1; c <= c2; c++)
        w += RS_W[c];
    return w;
}

/* ---- The parts ---- */

static int fila_texto(Xw *x, lxw_worksheet *ws, int r, const char *s, lxw_format *f)
{
    xw_merge(x, ws, r, 0, r, RS_NCOLS - 1, s, f);
    xw_alto(x, ws, r, xw_lineas(s, ancho_de(0, RS_NCOLS - 1)));
    return r + 1;
}

static int seccion(Xw *x, lxw_worksheet *ws, int r, const char *s, double *usado)
{
    xw_merge(x, ws, r, 0, r, RS_NCOLS - 1, s, x->fr.seccion);
    xw_chk(x, worksheet_set_row(ws, (lxw_row_t)r, 22, NULL));
    *usado += 22;
    return r + 1;
}

/* "▲ 5 pts" / "▼ 3 pts" / "= sin cambio" in whole points, as published. */
static void cambio_texto(double ahora, double antes, char *buf, size_t n)
{
    long d = calc_pct_entero(ahora) - calc_pct_entero(antes);
    if (d > 0)
        snprintf(buf, n, "▲ %ld %s", d, d == 1 ? "punto" : "puntos");
    else if (d < 0)
        snprintf(buf, n, "▼ %ld %s", -d, d == -1 ? "punto" : "puntos");
    else
        snprintf(buf, n, "= sin cambio");
}

/* The total: its %, semáforo, the activities by state and by colour. */
static int total(Xw *x, lxw_worksheet *ws, int r, const Rollup *prev, double *usado)
{
    const Consolidado *t = &x->roll->total;
    double pct;
    Semaforo s;
    bool has = calc_rollup_figura(x->roll, t, &pct, &s);
    if (!has)
        s = SEM_GRIS;
    xw_merge(x, ws, r, RS_A, r, RS_B,
             x->unidad >= 0 ? "Total de la unidad" : "Total de la institución", x->fr.dato_b);
    if (has)
        xw_merge_num(x, ws, r, RS_C, r, RS_C, pct, x->fr.grande[s]);
    else
        xw_str(x, ws, r, RS_C, "—", x->fr.grande[SEM_GRIS]);
    xw_merge(x, ws, r, RS_D, r, RS_E, semaforo_name(s), x->fr.sem[s]);
    char t2[200] = "";
    double pp;
    Semaforo ps;
    if (has && prev && calc_rollup_figura(prev, &prev->total, &pp, &ps)) {
        char c[64];
        cambio_texto(pct, pp, c, sizeof c);
        snprintf(t2, sizeof t2, "Corte anterior (%s): %ld %% · %s", XW_ACUM[x->corte - 2],
                 calc_pct_entero(pp), c);
    } else if (x->corte == 1) {
        snprintf(t2, sizeof t2, "Primer corte del año: sin corte anterior");
    } else if (!prev) {
        snprintf(t2, sizeof t2, "Corte anterior (%s): sin seguimiento registrado",
                 XW_ACUM[x->corte - 2]);
    } else {
        snprintf(t2, sizeof t2, "Corte anterior (%s): sin %% (nada vencido)",
                 XW_ACUM[x->corte - 2]);
    }
    xw_merge(x, ws, r, RS_F, r, RS_H, t2, x->fr.dato);
    xw_chk(x, worksheet_set_row(ws, (lxw_row_t)r, 30, NULL));
    *usado += 30;
    r++;

    char e[300];
    snprintf(e, sizeof e, "%d actividades: %d vencidas al corte (%d reportadas, %d sin "
             "reporte), %d no vencidas, %d sin meta.", t->n_total,
             t->n_estado[ESTADO_REPORTADA] + t->n_estado[ESTADO_SIN_REPORTE],
             t->n_estado[ESTADO_REPORTADA], t->n_estado[ESTADO_SIN_REPORTE],
             t->n_estado[ESTADO_NO_VENCIDA], t->n_estado[ESTADO_SIN_META]);
    xw_merge(x, ws, r, RS_A, r, RS_H, e, x->fr.dato);
    xw_alto(x, ws, r, 1);
    *usado += alto_de(1);
    r++;

    /* the activities by colour (the units' colours are in their table) */
    static const int COL[4][2] = {{RS_B, RS_C}, {RS_D, RS_E}, {RS_F, RS_G}, {RS_H, RS_H}};
    static const Semaforo ORDEN[4] = {SEM_VERDE, SEM_AMARILLO, SEM_ROJO, SEM_GRIS};
    xw_str(x, ws, r, RS_A, "Actividades por semáforo", x->fr.dato_b);
    for (int i = 0; i < 4; i++) {
        char c[80];
        snprintf(c, sizeof c, "%s: %d", semaforo_name(ORDEN[i]), t->n_semaforo[ORDEN[i]]);
        xw_merge(x, ws, r, COL[i][0], r, COL[i][1], c, x->fr.sem[ORDEN[i]]);
    }
    xw_alto(x, ws, r, 1);
    *usado += alto_de(1);
    return r + 1;
}

/* One row per unit: %, semáforo, the previous corte's % and the change;
 * as many as fit in max points, then «y N unidades más (hoja Tablero)». */
static int unidades(Xw *x, lxw_worksheet *ws, int r, const Rollup *prev, double max,
                    double *usado)
{
    static const char *const CAB[] = {"Unidad", "% al corte", "Semáforo", "Anterior",
                                      "Cambio", "Vencidas (reportadas)"};
    static const int C1[] = {RS_A, RS_D, RS_E, RS_F, RS_G, RS_H};
    static const int C2[] = {RS_C, RS_D, RS_E, RS_F, RS_G, RS_H};
    for (int i = 0; i < 6; i++)
        xw_merge(x, ws, r, C1[i], r, C2[i], CAB[i], x->f.cab);
    xw_alto(x, ws, r, 1);
    *usado += alto_de(1);
    max -= alto_de(1);
    r++;
    int mas = 0;
    for (int u = 0; u < x->p->nunidades; u++) {
        const Consolidado *c = &x->roll->unid[u];
        if ((x->unidad >= 0 && u != x->unidad) || (c->n_total == 0 && x->unidad < 0))
            continue;
        const char *nom = x->p->unidades[u].nombre;
        int l = xw_lineas(nom, ancho_de(RS_A, RS_C));
        if (mas || alto_de(l) + alto_de(1) > max) {
            mas++;
            continue;
        }
        max -= alto_de(l);
        xw_merge(x, ws, r, RS_A, r, RS_C, nom, x->fr.dato);
        double pct, pp;
        Semaforo s, ps;
        bool has = calc_rollup_figura(x->roll, c, &pct, &s);
        bool antes = prev && calc_rollup_figura(prev, &prev->unid[u], &pp, &ps);
        if (has)
            xw_num(x, ws, r, RS_D, pct, x->fr.cambio);
        else
            xw_str(x, ws, r, RS_D, "—", x->fr.cambio);
        xw_str(x, ws, r, RS_E, has ? semaforo_name(s) : "sin vencidas",
               x->fr.sem[has ? s : SEM_GRIS]);
        if (antes)
            xw_num(x, ws, r, RS_F, pp, x->fr.cambio);
        else
            xw_str(x, ws, r, RS_F, "—", x->fr.cambio);
        char t[64] = "—";
        if (has && antes)
            cambio_texto(pct, pp, t, sizeof t);
        xw_str(x, ws, r, RS_G, t, x->fr.cambio);
        snprintf(t, sizeof t, "%d (%d)",
                 c->n_estado[ESTADO_REPORTADA] + c->n_estado[ESTADO_SIN_REPORTE],
                 c->n_estado[ESTADO_REPORTADA]);
        xw_str(x, ws, r, RS_H, t, x->fr.cambio);
        xw_alto(x, ws, r, l);
        *usado += alto_de(l);
        r++;
    }
    if (mas) {
        char t[200];
        snprintf(t, sizeof t, "y %d %s más (hoja Tablero %s)", mas,
                 mas == 1 ? "unidad" : "unidades", XW_ACUM[x->corte - 1]);
        r = fila_texto(x, ws, r, t, x->fr.aviso);
        *usado += alto_de(1);
    }
    return r;
}

/* The activities to list, by unit and in tree order (the Seguimiento
 * sheet's reading): rojas = reported in red or due without report. */
static void listar(Xw *x, int node, bool rojas, IntVec *out)
{
    const Node *n = &x->p->nodes[node];
    if (n->deleted)
        return;
    if (n->kind == NODE_ACTIVIDAD) {
        if (n->act < 0 || !x->roll->contada[n->act])
            return;
        const ResultadoAct *r = &x->roll->act[n->act];
        bool es = rojas ? r->estado == ESTADO_SIN_REPORTE ||
                              (r->estado == ESTADO_REPORTADA && r->semaforo == SEM_ROJO)
                        : r->estado == ESTADO_NO_VENCIDA;
        if (es)
            iv_push(out, node);
        return;
    }
    for (int i = 0; i < n->kids.n; i++)
        listar(x, n->kids.v[i], rojas, out);
}

static void listar_todas(Xw *x, bool rojas, IntVec *out)
{
    for (int u = 0; u < x->p->nunidades; u++) {
        if (x->unidad >= 0 && u != x->unidad)
            continue;
        for (int i = 0; i < x->metas_uni[u].n; i++)
            listar(x, x->metas_uni[u].v[i], rojas, out);
    }
}

typedef struct {
    char *unidad, *actividad, *obs, *causa;
    int lineas;
} FilaLista;

static void fila_lista_free(FilaLista *f)
{
    free(f->unidad);
    free(f->actividad);
    free(f->obs);
    free(f->causa);
}

/* Where a list's observaciones go: E:G beside a causa column, E:H when no
 * listed activity has a causa; the not-due note over D:H. */
typedef struct {
    bool rojas, con_causa;
    int obs1, obs2;
    int max_lineas;
} Columnas;

/* The texts of one listed activity, cut to c->max_lineas, and its lines. */
static void fila_lista(Xw *x, int node, const Columnas *c, FilaLista *f)
{
    const Node *n = &x->p->nodes[node];
    const Actividad *a = &x->p->acts[n->act];
    const ResultadoAct *r = &x->roll->act[n->act];
    const Seguimiento *s = &a->seg[x->corte - 1];
    char nota[160];
    const char *obs = s->observaciones[0] && c->rojas
                          ? s->observaciones
                          : xw_nota_estado(x, a, r, nota, sizeof nota);
    int m = c->max_lineas;
    f->unidad = recortar(n->unidad >= 0 ? x->p->unidades[n->unidad].nombre : "", RS_W[RS_A], m);
    f->actividad = recortar(n->texto, RS_W[RS_C], m);
    double wobs = ancho_de(c->obs1, c->obs2);
    f->obs = recortar(obs, wobs, m);
    f->causa = c->con_causa ? recortar(s->causa, RS_W[RS_H], m) : xstrdup("");
    int l = xw_lineas(f->unidad, RS_W[RS_A]);
    int l2 = xw_lineas(f->actividad, RS_W[RS_C]);
    int l3 = xw_lineas(f->obs, wobs);
    int l4 = c->con_causa ? xw_lineas(f->causa, RS_W[RS_H]) : 1;
    l = l2 > l ? l2 : l;
    l = l3 > l ? l3 : l;
    f->lineas = l4 > l ? l4 : l;
}

static void cabecera(Xw *x, lxw_worksheet *ws, int r, const char *const *cab, const int *c1,
                     const int *c2, int n)
{
    for (int i = 0; i < n; i++)
        xw_merge(x, ws, r, c1[i], r, c2[i], cab[i], x->f.cab);
    xw_alto(x, ws, r, 1);
}

/* A list: header, as many rows as fit in queda points, then «y N más». */
static int lista(Xw *x, lxw_worksheet *ws, int r, const IntVec *nodos, bool rojas,
                 double queda, double *usado, const char *hoja_seg, int *mostradas)
{
    Columnas c = {.rojas = rojas, .obs1 = rojas ? RS_E : RS_D, .obs2 = RS_H,
                  /* a not-due row is a reminder: one line */
                  .max_lineas = rojas ? RS_MAX_LINEAS : 1};
    for (int i = 0; rojas && i < nodos->n && !c.con_causa; i++) {
        const Node *n = &x->p->nodes[nodos->v[i]];
        c.con_causa = x->p->acts[n->act].seg[x->corte - 1].causa[0] != '\0';
    }
    if (c.con_causa)
        c.obs2 = RS_G;
    if (rojas) {
        static const char *const CAB[] = {"Unidad", "Código", "Actividad", "%",
                                          "Observaciones", "Causa y medida correctiva"};
        const int C1[] = {RS_A, RS_B, RS_C, RS_D, RS_E, RS_H};
        const int C2[] = {RS_A, RS_B, RS_C, RS_D, c.obs2, RS_H};
        cabecera(x, ws, r, CAB, C1, C2, c.con_causa ? 6 : 5);
    } else {
        static const char *const CAB[] = {"Unidad", "Código", "Actividad", "Cuándo vence"};
        static const int C1[] = {RS_A, RS_B, RS_C, RS_D};
        static const int C2[] = {RS_A, RS_B, RS_C, RS_H};
        cabecera(x, ws, r, CAB, C1, C2, 4);
    }
    *usado += alto_de(1);
    queda -= alto_de(1);
    r++;
    int i = 0;
    for (; i < nodos->n; i++) {
        FilaLista f = {0};
        fila_lista(x, nodos->v[i], &c, &f);
        /* room for «y N más» unless this is the last one */
        double falta = alto_de(f.lineas) + (i < nodos->n - 1 ? alto_de(1) : 0);
        if (falta > queda) {
            fila_lista_free(&f);
            break;
        }
        queda -= alto_de(f.lineas);
        *usado += alto_de(f.lineas);
        const Node *n = &x->p->nodes[nodos->v[i]];
        const ResultadoAct *res = &x->roll->act[n->act];
        xw_str(x, ws, r, RS_A, f.unidad, x->fr.texto_chico);
        xw_str(x, ws, r, RS_B, n->codigo, x->fr.texto_chico);
        xw_str(x, ws, r, RS_C, f.actividad, x->fr.texto_chico);
        if (rojas) {
            if (res->has_pct)
                xw_num(x, ws, r, RS_D, res->pct, x->fr.sem[SEM_ROJO]);
            else
                xw_str(x, ws, r, RS_D, xw_estado_texto(x, res), x->fr.sem[SEM_ROJO]);
            bool propia = x->p->acts[n->act].seg[x->corte - 1].observaciones[0];
            xw_merge(x, ws, r, c.obs1, r, c.obs2, f.obs,
                     propia ? x->fr.texto_chico : x->fr.gris_chico);
            if (c.con_causa)
                xw_str(x, ws, r, RS_H, f.causa[0] ? f.causa : "—",
                       f.causa[0] ? x->fr.texto_chico : x->fr.gris_chico);
        } else {
            xw_merge(x, ws, r, c.obs1, r, c.obs2, f.obs, x->fr.gris_chico);
        }
        xw_alto(x, ws, r, f.lineas);
        fila_lista_free(&f);
        r++;
    }
    *mostradas = i;
    if (i < nodos->n) {
        char t[200];
        snprintf(t, sizeof t, "y %d más (hoja %s)", nodos->n - i, hoja_seg);
        xw_merge(x, ws, r, 0, r, RS_NCOLS - 1, t, x->fr.aviso);
        xw_alto(x, ws, r, 1);
        *usado += alto_de(1);
        r++;
    }
    return r;
}

/* Elaborado por / Revisado por / Aprobado por: room to sign, a line with
 * the name under it, the cargo, the role; from [firmas]. Blocks apart, so
 * each has its own line. */
static int firmas(Xw *x, lxw_worksheet *ws, int r, double *usado)
{
    static const char *const ROL[3] = {"Elaborado por", "Revisado por", "Aprobado por"};
    static const int C1[3] = {RS_A, RS_C, RS_G}, C2[3] = {RS_A, RS_C, RS_H};
    xw_chk(x, worksheet_set_row(ws, (lxw_row_t)r, RS_FIRMA_ESPACIO, NULL));
    r++;
    for (int i = 0; i < 3; i++) {
        const XlsxFirma *f = &x->o->firmas[i];
        xw_merge(x, ws, r, C1[i], r, C2[i], f->nombre && f->nombre[0] ? f->nombre : "",
                 x->fr.firma_linea);
        xw_merge(x, ws, r + 1, C1[i], r + 1, C2[i], f->cargo && f->cargo[0] ? f->cargo : "",
                 x->fr.firma);
        xw_merge(x, ws, r + 2, C1[i], r + 2, C2[i], ROL[i], x->fr.firma);
    }
    /* a long cargo wraps in its block: the row grows with it */
    *usado += RS_FIRMA_ESPACIO;
    for (int k = 0; k < 3; k++) {
        int l = 1;
        for (int i = 0; i < 3 && k < 2; i++) {
            const char *t = k == 0 ? x->o->firmas[i].nombre : x->o->firmas[i].cargo;
            int li = t ? xw_lineas(t, ancho_de(C1[i], C2[i])) : 1;
            l = li > l ? li : l;
        }
        xw_alto(x, ws, r + k, l);
        *usado += alto_de(l);
    }
    return r + 3;
}

/* 30/09/2024: the last day of the corte's quarter. */
static void fecha_corte(int corte, int anio, char *buf, size_t n)
{
    static const char *const FIN[POA_TRIMESTRES] = {"31/03", "30/06", "30/09", "31/12"};
    snprintf(buf, n, "%s/%d", FIN[corte - 1], anio);
}

void xlsx_resumen(Xw *x)
{
    Plan *p = x->p;
    lxw_worksheet *ws = xw_hoja(x, "Resumen");
    if (!ws)
        return;
    for (int c = 0; c < RS_NCOLS; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, RS_W[c], NULL);
    char t[400], periodo[120], fecha[16];
    xw_periodo_corte(x, periodo, sizeof periodo);
    fecha_corte(x->corte, p->anio, fecha, sizeof fecha);
    snprintf(t, sizeof t, "RESUMEN EJECUTIVO DEL SEGUIMIENTO AL POA %d", p->anio);
    xw_titulo(x, ws, RS_NCOLS - 1, t);
    xw_chk(x, worksheet_set_row(ws, 0, 22, NULL));
    snprintf(t, sizeof t, "Corte %s (%s) · fecha de corte %s", POA_TRIM_NOMBRE[x->corte - 1],
             XW_ACUM[x->corte - 1], fecha);
    xw_merge(x, ws, 2, 0, 2, RS_NCOLS - 1, t, x->f.subtitulo);
    /* a report read back takes this for a summary sheet (no activities) */
    xw_clave_marca(x, ws, 3, "poa:tablero");
    xw_chk(x, worksheet_set_row(ws, 3, 6, NULL));
    double usado = 22 + 15 + 15 + 6;

    /* the previous corte, when it had seguimiento: else every change is «—» */
    Rollup *prev = NULL;
    if (x->corte > 1 && calc_corte_con_datos(p, x->corte - 1))
        prev = calc_rollup_new(p, x->corte - 1, x->unidad, &x->o->umbrales, &x->o->regla);

    char regla[600];
    calc_regla_texto(&x->o->regla, regla, sizeof regla);
    char *pie = xasprintf("%% de cada unidad y del total: %s", regla);
    if (x->observaciones.n) {
        int n = x->observaciones.n;
        char *c = xasprintf("%s La verificación del plan dejó %d %s que %s lo que se lee "
                            "aquí (hoja «Observaciones de verificación»).", pie, n,
                            n == 1 ? "observación" : "observaciones",
                            n == 1 ? "cambia" : "cambian");
        free(pie);
        pie = c;
    }
    /* below the units: both section titles, the note (9 pt) and the
     * signatures; the lists need at least a header, a row and «y N más» */
    int lpie = xw_lineas(pie, ancho_de(0, RS_NCOLS - 1) / 0.9);
    double reserva = 2 * 22 + 8 + alto_de(lpie) + RS_FIRMA_ESPACIO + 3 * alto_de(1);
    double listas = alto_de(1) + alto_de(RS_MAX_LINEAS) + alto_de(1) + 3 * alto_de(1);

    int r = total(x, ws, 4, prev, &usado);
    r = seccion(x, ws, r, "Ejecución por unidad", &usado);
    r = unidades(x, ws, r, prev, alto_pagina(x) - usado - reserva - listas, &usado);
    calc_rollup_free(prev);

    IntVec rojas = {0}, novenc = {0};
    listar_todas(x, true, &rojas);
    listar_todas(x, false, &novenc);
    char hoja_seg[64];
    snprintf(hoja_seg, sizeof hoja_seg, "Seguimiento %s", XW_ACUM[x->corte - 1]);

    /* the red list first; the not-due one keeps room for a few rows */
    double queda = alto_pagina(x) - usado - reserva;
    int nv = novenc.n < 3 ? novenc.n : 3;
    double para_novenc = alto_de(1) * (novenc.n ? nv + 1 + (novenc.n > nv) : 1);

    snprintf(t, sizeof t, "Actividades en rojo o vencidas sin reporte (%d)", rojas.n);
    r = seccion(x, ws, r, t, &usado);
    double u0 = usado;
    int vistas = 0;
    /* at least one red row (header, row, «y N más»), whatever the not-due
     * list wanted */
    double para_rojas = queda - para_novenc, minimo = 2 * alto_de(1) + alto_de(RS_MAX_LINEAS);
    if (para_rojas < minimo)
        para_rojas = queda < minimo ? queda : minimo;
    if (rojas.n)
        r = lista(x, ws, r, &rojas, true, para_rojas, &usado, hoja_seg, &vistas);
    else
        r = fila_texto(x, ws, r, "Ninguna: todas las actividades vencidas están en verde o "
                       "amarillo.", x->fr.aviso);
    queda -= rojas.n ? usado - u0 : alto_de(1);
    snprintf(t, sizeof t, "No vencidas al corte (%d)", novenc.n);
    r = seccion(x, ws, r, t, &usado);
    /* what the red list could not use goes to the not-due one only when
     * every red one is shown: those come first */
    if (vistas < rojas.n && queda > para_novenc)
        queda = para_novenc;
    if (novenc.n)
        r = lista(x, ws, r, &novenc, false, queda, &usado, hoja_seg, &vistas);
    else
        r = fila_texto(x, ws, r, "Ninguna: todas tenían algo programado hasta el corte.",
                       x->fr.aviso);
    iv_free(&rojas);
    iv_free(&novenc);

    xw_chk(x, worksheet_set_row(ws, (lxw_row_t)r, 8, NULL));
    r = fila_texto(x, ws, r + 1, pie, x->f.nota);
    free(pie);
    firmas(x, ws, r, &usado);

    xw_imprimir(x, ws, "Resumen ejecutivo", periodo, 0, 0);
    /* one page, whatever the rows measured: the lists were cut to fit it */
    worksheet_fit_to_pages(ws, 1, 1);
    worksheet_freeze_panes(ws, 0, 0);
}
