/* xlsx_grafico.c — the tablero's chart: a bar per unit, sorted by %, each
 * coloured by its semáforo and labelled, with the verde and amarillo
 * thresholds as lines. Its series read a hidden helper range of formulas
 * that point at the tablero's cells (rows u1..u2), written in sorted order. */
#include "xlsx_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The helper range: hidden columns right of the table, left of the
 * import key (xlsx_clave.c starts at column 40). */
enum { GR_NOMBRE = 30, GR_PCT, GR_VERDE, GR_AMARILLO, GR_NCOLS = 4 };
enum { GR_BARRAS = 20 };   /* bars a chart holds and still fits one printed page */

static const lxw_color_t GR_COLOR[5] = {0, 0xA6A6A6, 0xC00000, 0xFFC000, 0x00B050};

typedef struct {
    int fila;        /* the unit's row in the table */
    int unidad;
    bool has;
    double pct;
    Semaforo sem;
} Barra;

/* Highest % first, units without % last, ties in the table's order. */
static int barra_cmp(const void *a, const void *b)
{
    const Barra *x = a, *y = b;
    if (x->has != y->has)
        return x->has ? -1 : 1;
    if (x->has && x->pct != y->pct)
        return x->pct > y->pct ? -1 : 1;
    return x->fila - y->fila;
}

/* The unit of each table row: as the tablero recorded them, or (a sheet
 * that did not) the units it lists, in plan order. */
static bool barras_de(Xw *x, int u1, int n, Barra *b)
{
    if (x->tablero_unidades.n == n) {
        for (int i = 0; i < n; i++)
            b[i].unidad = x->tablero_unidades.v[i];
    } else {
        int k = 0;
        for (int u = 0; u < x->p->nunidades && k < n; u++)
            if (x->unidad >= 0 ? u == x->unidad : x->roll->unid[u].n_total > 0)
                b[k++].unidad = u;
        if (k != n)
            return false;
    }
    for (int i = 0; i < n; i++) {
        b[i].fila = u1 + i;
        b[i].has = calc_rollup_figura(x->roll, &x->roll->unid[b[i].unidad], &b[i].pct,
                                      &b[i].sem);
        if (!b[i].has)
            b[i].sem = SEM_GRIS;
    }
    return true;
}

/* A threshold as a vertical line across the plot: an invisible series of
 * the constant value with a linear trendline (constant data: a straight
 * line at that value), stretched half a category beyond both ends.
 * libxlsxwriter 1.1.4 cannot combine a bar chart with a line chart. */
static void umbral(lxw_chart *ch, const char *hoja, int r1, int r2, int col,
                   const char *nombre, lxw_color_t color)
{
    lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(s, hoja, (lxw_row_t)r1, GR_NOMBRE, (lxw_row_t)r2, GR_NOMBRE);
    chart_series_set_values(s, hoja, (lxw_row_t)r1, (lxw_col_t)col, (lxw_row_t)r2,
                            (lxw_col_t)col);
    chart_series_set_name(s, nombre);
    lxw_chart_fill nada = {.none = LXW_TRUE};
    lxw_chart_line sin = {.none = LXW_TRUE};
    chart_series_set_fill(s, &nada);
    chart_series_set_line(s, &sin);
    chart_series_set_trendline(s, LXW_CHART_TRENDLINE_TYPE_LINEAR, 0);
    chart_series_set_trendline_forecast(s, 0.5, 0.5);
    chart_series_set_trendline_name(s, nombre);
    lxw_chart_line linea = {.color = color, .width = 1.75, .dash_type = LXW_CHART_LINE_DASH_DASH};
    chart_series_set_trendline_line(s, &linea);
}

/* One chart over the n sorted bars b, whose helper rows start at u1,
 * anchored at row r; parte of partes in its title when there are several.
 * Returns the first row under it. */
static int grafico_tramo(Xw *x, lxw_worksheet *ws, int r, const char *hoja, const Barra *b,
                         int n, int u1, int parte, int partes)
{
    int u2 = u1 + n - 1;
    lxw_chart *ch = workbook_add_chart(x->wb, LXW_CHART_BAR);
    lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(s, hoja, (lxw_row_t)u1, GR_NOMBRE, (lxw_row_t)u2, GR_NOMBRE);
    chart_series_set_values(s, hoja, (lxw_row_t)u1, GR_PCT, (lxw_row_t)u2, GR_PCT);
    chart_series_set_name(s, "% de ejecución");

    /* each bar in its semáforo's colour; a unit without % labelled too */
    lxw_chart_fill *fills = xcalloc((size_t)n, sizeof *fills);
    lxw_chart_point *pts = xcalloc((size_t)n, sizeof *pts);
    lxw_chart_point **ppts = xcalloc((size_t)n + 1, sizeof *ppts);
    lxw_chart_data_label *lab = xcalloc((size_t)n, sizeof *lab);
    lxw_chart_data_label **plab = xcalloc((size_t)n + 1, sizeof *plab);
    for (int i = 0; i < n; i++) {
        fills[i].color = GR_COLOR[b[i].sem];
        pts[i].fill = &fills[i];
        ppts[i] = &pts[i];
        if (!b[i].has)
            lab[i].value = x->sin_seguimiento ? "sin seguimiento" : "sin vencidas";
        plab[i] = &lab[i];
    }
    xw_chk(x, chart_series_set_points(s, ppts));
    chart_series_set_labels(s);
    chart_series_set_labels_num_format(s, "0%");
    chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_OUTSIDE_END);
    xw_chk(x, chart_series_set_labels_custom(s, plab));

    char t[160];
    num_format(x->o->umbrales.verde * 100, t, sizeof t);
    char nv[200], na[200];
    snprintf(nv, sizeof nv, "verde desde %s %%", t);
    num_format(x->o->umbrales.amarillo * 100, t, sizeof t);
    snprintf(na, sizeof na, "amarillo desde %s %%", t);
    /* darker than the bars, so a line over a bar of its colour shows; a
     * trend needs two points: a one-unit report has no lines */
    if (n >= 2) {
        umbral(ch, hoja, u1, u2, GR_VERDE, nv, 0x006100);
        umbral(ch, hoja, u1, u2, GR_AMARILLO, na, 0xBF8F00);
    }
    /* the threshold series overlap the bars instead of sharing their room */
    chart_set_series_overlap(ch, 100);
    chart_set_series_gap(ch, 60);
    chart_show_hidden_data(ch);   /* the helper columns are hidden */

    if (partes > 1)
        snprintf(t, sizeof t, "%% de ejecución por unidad al corte %s (%d de %d)",
                 XW_ACUM[x->corte - 1], parte, partes);
    else
        snprintf(t, sizeof t, "%% de ejecución por unidad al corte %s", XW_ACUM[x->corte - 1]);
    chart_title_set_name(ch, t);
    chart_axis_set_num_format(ch->x_axis, "0%");
    chart_axis_set_min(ch->x_axis, 0);
    /* unit figures never pass the cap (the rule above): keep the scale there */
    double tope = x->o->regla.tope > 0 ? x->o->regla.tope : 1.0;
    if (tope < 10)
        chart_axis_set_max(ch->x_axis, tope * 1.1);
    chart_axis_set_major_unit(ch->x_axis, 0.2);
    chart_axis_set_reverse(ch->y_axis);   /* highest on top */
    /* the lines named under the axis: LibreOffice shows no legend entry
     * for a trendline, so the legend would name the invisible series */
    char leyenda[480];
    snprintf(leyenda, sizeof leyenda, "Líneas punteadas: %s · %s", nv, na);
    lxw_chart_font chica = {.size = 9, .bold = LXW_FALSE, .italic = LXW_TRUE};
    if (n >= 2) {
        chart_axis_set_name(ch->x_axis, leyenda);
        chart_axis_set_name_font(ch->x_axis, &chica);
    }
    chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    lxw_chart_options co = {.x_scale = 1.9, .y_scale = (90.0 + 24.0 * n) / 288.0,
                            .x_offset = 5, .y_offset = 5};
    xw_chk(x, worksheet_insert_chart_opt(ws, (lxw_row_t)r, 0, ch, &co));
    /* libxlsxwriter copies points and labels when the series is set */
    free(fills);
    free(pts);
    free(ppts);
    free(lab);
    free(plab);
    /* the rows the chart covers (default height) and one between charts */
    double px = 5 + 288.0 * co.y_scale;
    return r + (int)(px * 0.75 / LXW_DEF_ROW_HEIGHT) + 2;
}

/* Returns the first row after the chart's anchor. */
int xlsx_grafico_unidades(Xw *x, lxw_worksheet *ws, int r, int u1, int u2)
{
    int n = u2 - u1 + 1;
    if (n < 1 || n > 60)
        return r;
    Barra *b = xcalloc((size_t)n, sizeof *b);
    if (!barras_de(x, u1, n, b)) {
        free(b);
        return r;
    }
    qsort(b, (size_t)n, sizeof *b, barra_cmp);
    const char *hoja = x->hojas[x->nhojas - 1];

    /* the helper range, beside the table's rows: formulas so a figure
     * corrected in the table moves its bar, the values cached */
    lxw_row_col_options oculta = {.hidden = 1};
    xw_chk(x, worksheet_set_column_opt(ws, GR_NOMBRE, GR_NOMBRE + GR_NCOLS - 1, 10, NULL,
                                       &oculta));
    for (int i = 0; i < n; i++) {
        int fila = u1 + i;
        char nom[16], pct[16], fo[80];
        lxw_rowcol_to_cell(nom, (lxw_row_t)b[i].fila, TB_NOMBRE);
        lxw_rowcol_to_cell(pct, (lxw_row_t)b[i].fila, TB_PCT);
        snprintf(fo, sizeof fo, "=%s", nom);
        xw_chk(x, worksheet_write_formula_str(ws, (lxw_row_t)fila, GR_NOMBRE, fo, NULL,
                                              x->p->unidades[b[i].unidad].nombre));
        snprintf(fo, sizeof fo, "=IF(ISNUMBER(%s),%s,0)", pct, pct);
        xw_chk(x, worksheet_write_formula_num(ws, (lxw_row_t)fila, GR_PCT, fo, NULL,
                                              b[i].has ? b[i].pct : 0));
        xw_num(x, ws, fila, GR_VERDE, x->o->umbrales.verde, NULL);
        xw_num(x, ws, fila, GR_AMARILLO, x->o->umbrales.amarillo, NULL);
    }

    /* at most GR_BARRAS bars a chart: a chart is kept whole on a printed
     * page (xlsx_pagina.c), so more units make more charts, balanced */
    int partes = (n + GR_BARRAS - 1) / GR_BARRAS, por = (n + partes - 1) / partes;
    r++;
    for (int k = 0; k < partes; k++) {
        int i0 = k * por, cuantas = n - i0 < por ? n - i0 : por;
        r = grafico_tramo(x, ws, r, hoja, b + i0, cuantas, u1 + i0, k + 1, partes);
    }
    free(b);
    return r;
}
