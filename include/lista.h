/* lista.h — moving the selection of a list on screen, written once for
 * every list of the interface (the plan's tree, the seguimiento table, the
 * board): up, down, a page, first, last, with rows the selection skips
 * (headers) and the first row shown kept so the selection stays in sight. */
#ifndef POA_LISTA_H
#define POA_LISTA_H

#include <stdbool.h>

typedef enum {
    LISTA_ARRIBA = 0, LISTA_ABAJO, LISTA_PAG_ARRIBA, LISTA_PAG_ABAJO, LISTA_INICIO, LISTA_FIN
} ListaPaso;

typedef struct Lista {
    int sel;            /* selected row, 0..n-1 (0 when empty) */
    int top;            /* first row on screen */
    int n;              /* rows */
    int page;           /* rows on screen at the last draw (a page moves page-1) */
    /* rows the selection never rests on (an objetivo heading the table's
     * actividades); NULL: none */
    bool (*salta)(const void *ctx, int row);
    const void *ctx;
} Lista;

/* Moves the selection one step; a page also scrolls the view by as much,
 * as less and vim do. Returns true when the selection moved. */
bool lista_move(Lista *l, ListaPaso paso);
/* Keeps sel inside the list and on a row it may rest on, and top so that
 * sel is among the h rows shown (h < 1 counts as 1). */
void lista_fit(Lista *l, int h);

#endif
