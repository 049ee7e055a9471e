/* xlsx_grafico.c — the tablero's chart: a bar per unit whose series point at
 * the tablero's cells (rows u1..u2), inserted at row r. */
#include "xlsx_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Returns the first row after the chart's anchor. */
int xlsx_grafico_unidades(Xw *x, lxw_worksheet *ws, int r, int u1, int u2)
{
    char t[300];
    int nuni = u2 - u1 + 1;
    if (nuni >= 1 && nuni <= 60) {
        r++;
        lxw_chart *ch = workbook_add_chart(x->wb, LXW_CHART_BAR);
        const char *nombre_hoja = x->hojas[x->nhojas - 1];
        lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
        chart_series_set_categories(s, nombre_hoja, (lxw_row_t)u1, TB_NOMBRE, (lxw_row_t)u2,
                                    TB_NOMBRE);
        chart_series_set_values(s, nombre_hoja, (lxw_row_t)u1, TB_PCT, (lxw_row_t)u2, TB_PCT);
        chart_series_set_name(s, "% de ejecución");
        chart_series_set_labels(s);
        chart_series_set_labels_num_format(s, "0%");
        lxw_chart_fill relleno = {.color = 0x2E75B6};
        chart_series_set_fill(s, &relleno);
        chart_set_series_gap(ch, 60);
        snprintf(t, sizeof t, "%% de ejecución por unidad al corte %s", XW_ACUM[x->corte - 1]);
        chart_title_set_name(ch, t);
        chart_axis_set_num_format(ch->x_axis, "0%");
        chart_axis_set_min(ch->x_axis, 0);
        /* unit figures never pass the cap (the rule above): keep the scale there */
        double tope = x->o->regla.tope > 0 ? x->o->regla.tope : 1.0;
        if (tope < 10)
            chart_axis_set_max(ch->x_axis, tope);
        chart_axis_set_reverse(ch->y_axis);   /* first unit on top, as in the table */
        chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
        lxw_chart_options co = {.x_scale = 1.9, .y_scale = (60.0 + 24.0 * nuni) / 288.0,
                                .x_offset = 5, .y_offset = 5};
        xw_chk(x, worksheet_insert_chart_opt(ws, (lxw_row_t)r, 0, ch, &co));
    }

    return r;
}
