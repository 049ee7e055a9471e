/* lista.c — the one movement of a list's selection (lista.h): every screen's
 * up/down/page/first/last goes through here. No curses. */
#include "lista.h"

static bool salta(const Lista *l, int i) { return l->salta && l->salta(l->ctx, i); }

/* The nearest row from i in direction dir (then the other way) that the
 * selection may rest on; i itself when none. */
static int apoyo(const Lista *l, int i, int dir)
{
    for (int j = i; j >= 0 && j < l->n; j += dir)
        if (!salta(l, j))
            return j;
    for (int j = i - dir; j >= 0 && j < l->n; j -= dir)
        if (!salta(l, j))
            return j;
    return i;
}

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

bool lista_move(Lista *l, ListaPaso paso)
{
    if (l->n <= 0) {
        l->sel = l->top = 0;
        return false;
    }
    int old = l->sel, step = l->page > 2 ? l->page - 1 : 1, to = old, dir = 1;
    switch (paso) {
    case LISTA_ARRIBA: to = old - 1, dir = -1; break;
    case LISTA_ABAJO: to = old + 1; break;
    case LISTA_PAG_ARRIBA: to = old - step, dir = -1, l->top -= step; break;
    case LISTA_PAG_ABAJO: to = old + step, l->top += step; break;
    case LISTA_INICIO: to = 0; break;
    case LISTA_FIN: to = l->n - 1, dir = -1; break;
    }
    to = clamp(to, 0, l->n - 1);
    to = apoyo(l, to, dir);
    /* one step up or down that finds only skipped rows stays where it was */
    if ((paso == LISTA_ARRIBA && to > old) || (paso == LISTA_ABAJO && to < old))
        to = old;
    l->sel = to;
    if (l->top > l->n - 1)
        l->top = l->n - 1;
    if (l->top < 0)
        l->top = 0;
    return l->sel != old;
}

void lista_fit(Lista *l, int h)
{
    if (h < 1)
        h = 1;
    if (l->n <= 0) {
        l->sel = l->top = 0;
        return;
    }
    l->sel = apoyo(l, clamp(l->sel, 0, l->n - 1), 1);
    if (l->sel < l->top)
        l->top = l->sel;
    if (l->sel >= l->top + h)
        l->top = l->sel - h + 1;
    /* no empty rows below the end when the list could fill the view */
    if (l->top > 0 && l->top + h > l->n)
        l->top = l->n - h > 0 ? l->n - h : 0;
}
