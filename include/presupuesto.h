/* presupuesto.h — presupuesto totals of every node of the plan (the plan
 * itself at node 0) per currency, computed in one pass over the actividades
 * and kept until the plan changes: what the interface shows on summary rows.
 * No curses. */
#ifndef POA_PRESUPUESTO_H
#define POA_PRESUPUESTO_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

typedef struct Presupuestos {
    int nnodos;
    int nmonedas;
    char **monedas;     /* distinct currencies as written ("RD$", "$", ""), first seen first */
    double *suma;       /* [node * nmonedas + m] */
    int *cuenta;        /* [node * nmonedas + m]: actividades with an amount */
} Presupuestos;

/* One pass over the live actividades: each amount is added to its node and
 * every ancestor, under its currency. */
Presupuestos *presupuesto_new(const Plan *p);
void presupuesto_free(Presupuestos *t);   /* accepts NULL */
/* The actividades with an amount under node (all currencies). */
int presupuesto_cuenta(const Presupuestos *t, int node);
/* "RD$ 1,234,000.00 + US$ 5,000.00" (currencies in first-seen order, an
 * amount without currency plain); "" when node holds no amount. compacto:
 * no decimals, for a narrow column. */
const char *presupuesto_texto(const Presupuestos *t, int node, bool compacto, char *buf, size_t n);

#endif
