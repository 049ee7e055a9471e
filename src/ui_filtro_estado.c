/* ui_filtro_estado.c — the picker of the seguimiento state filter (f), shared
 * by the plan's tree and the unit table: a dialog over ui_pick. */
#include <stdlib.h>

#include "ui_app.h"

unsigned ui_pick_estado(App *a, unsigned actual, const int cuenta[ARBOL_ESTADO_N], bool *cancel)
{
    char *items[ARBOL_ESTADO_N + 1];
    items[0] = xstrdup("Todos los estados (sin filtro)");
    int initial = 0;
    for (int i = 0; i < ARBOL_ESTADO_N; i++) {
        const char *nm = arbol_filas_estado_nombre(ARBOL_ESTADOS[i]);
        items[i + 1] = xasprintf("%c%s (%d)", nm[0] - 32, nm + 1, cuenta[i]);
        if (actual == ARBOL_ESTADOS[i])
            initial = i + 1;
    }
    char title[96];
    snprintf(title, sizeof title, "Filtrar por estado al corte %d", a->corte);
    int pick = ui_pick(a, title, items, ARBOL_ESTADO_N + 1, initial);
    for (int i = 0; i <= ARBOL_ESTADO_N; i++)
        free(items[i]);
    *cancel = pick < 0;
    return pick > 0 ? ARBOL_ESTADOS[pick - 1] : 0;
}

