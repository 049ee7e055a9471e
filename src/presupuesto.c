/* presupuesto.c — presupuesto totals per node and currency, in one pass over
 * the actividades (the interface rebuilds them only after an edit). Mixed
 * currencies are never added together: each is summed and shown apart. */
#include "presupuesto.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int moneda_ix(Presupuestos *t, const char *m)
{
    for (int i = 0; i < t->nmonedas; i++)
        if (strcmp(t->monedas[i], m) == 0)
            return i;
    t->monedas = xrealloc(t->monedas, sizeof *t->monedas * (size_t)(t->nmonedas + 1));
    t->monedas[t->nmonedas] = xstrdup(m);
    return t->nmonedas++;
}

Presupuestos *presupuesto_new(const Plan *p)
{
    Presupuestos *t = xcalloc(1, sizeof *t);
    t->nnodos = p->nnodes;
    /* the currencies first: the per-node arrays are sized by them */
    for (int i = 0; i < p->nacts; i++) {
        const Actividad *a = &p->acts[i];
        if (a->has_presupuesto && !p->nodes[a->node].deleted)
            moneda_ix(t, a->moneda ? a->moneda : "");
    }
    size_t cells = (size_t)t->nnodos * (size_t)(t->nmonedas ? t->nmonedas : 1);
    t->suma = xcalloc(cells, sizeof *t->suma);
    t->cuenta = xcalloc(cells, sizeof *t->cuenta);
    for (int i = 0; i < p->nacts; i++) {
        const Actividad *a = &p->acts[i];
        if (!a->has_presupuesto || p->nodes[a->node].deleted)
            continue;
        int m = moneda_ix(t, a->moneda ? a->moneda : "");
        for (int q = a->node; q >= 0; q = p->nodes[q].parent) {
            t->suma[(size_t)q * (size_t)t->nmonedas + (size_t)m] += a->presupuesto;
            t->cuenta[(size_t)q * (size_t)t->nmonedas + (size_t)m]++;
        }
    }
    return t;
}

void presupuesto_free(Presupuestos *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->nmonedas; i++)
        free(t->monedas[i]);
    free(t->monedas);
    free(t->suma);
    free(t->cuenta);
    free(t);
}

int presupuesto_cuenta(const Presupuestos *t, int node)
{
    if (!t || node < 0 || node >= t->nnodos)
        return 0;
    int c = 0;
    for (int m = 0; m < t->nmonedas; m++)
        c += t->cuenta[(size_t)node * (size_t)t->nmonedas + (size_t)m];
    return c;
}

const char *presupuesto_texto(const Presupuestos *t, int node, bool compacto, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    if (!t || node < 0 || node >= t->nnodos)
        return buf;
    for (int m = 0; m < t->nmonedas && used < n; m++) {
        size_t at = (size_t)node * (size_t)t->nmonedas + (size_t)m;
        if (!t->cuenta[at])
            continue;
        char num[64];
        num_format_money(compacto ? round(t->suma[at]) : t->suma[at], num, sizeof num);
        if (compacto) {
            char *dot = strrchr(num, '.');
            if (dot)
                *dot = '\0';
        }
        const char *mon = t->monedas[m];
        int w = snprintf(buf + used, n - used, "%s%s%s%s", used ? " + " : "", mon, mon[0] ? " " : "",
                         num);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return buf;
}
