/* xlsx_comun.c — small pieces the report sheets share: the corte's period
 * label, a node's "code. text" label, whether an activity's targets are %. */
#include "xlsx_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const XW_ACUM[POA_TRIMESTRES] = {"EN-MAR", "EN-JUN", "EN-SEP", "EN-DIC"};

void xw_periodo_corte(const Xw *x, char *buf, size_t n)
{
    snprintf(buf, n, "Año %d · corte %s (%s)", x->p->anio, POA_TRIM_NOMBRE[x->corte - 1],
             XW_ACUM[x->corte - 1]);
}

/* "O.E.3. Administrar…" / "1. Cartera…" / "1.1 Alianza…": code and text. */
char *xw_con_codigo(const Node *n, const char *sep)
{
    if (!n->codigo[0])   /* an objetivo without text still gets a label */
        return xstrdup(n->kind == NODE_OBJETIVO ? node_texto_mostrado(n) : n->texto);
    if (!n->texto[0])
        return xstrdup(n->codigo);
    size_t l = strlen(n->codigo);
    bool punto = l > 0 && n->codigo[l - 1] == '.';
    return xasprintf("%s%s %s", n->codigo, punto ? "" : sep, n->texto);
}

bool xw_act_en_pct(const Actividad *a)
{
    if (a->meta_anual.has && a->meta_anual.pct)
        return true;
    for (int q = 0; q < POA_TRIMESTRES; q++)
        if (a->trim[q].has && a->trim[q].pct)
            return true;
    return false;
}

bool xw_nodo_vivo(const Plan *p, int n)
{
    return !p->nodes[n].deleted;
}
