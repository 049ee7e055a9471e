/* xlsx_comun.c — small pieces the report sheets share (the corte's period
 * label, a node's "code. text" label, whether an activity's targets are %,
 * the corte a report uses, what a row without a % says) and xw_chk, which
 * keeps libxlsxwriter's first error. */
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

/* The corte a report uses: the requested one, else the latest with data
 * (the one rule, calc.c), else the first quarter. */
int xw_corte_de(const Plan *p, int pedido)
{
    if (pedido >= 1 && pedido <= POA_TRIMESTRES)
        return pedido;
    int c = calc_ultimo_corte_con_datos(p);
    return c ? c : 1;
}

/* What a row without a % says: «sin seguimiento» at a corte where nothing
 * was reported (xlsx_export.c), else the state as calc.c names it. */
const char *xw_estado_texto(const Xw *x, const ResultadoAct *r)
{
    if (x->sin_seguimiento && r->estado == ESTADO_SIN_REPORTE)
        return "sin seguimiento";
    return estado_name(r->estado);
}

const char *xw_nota_estado(const Xw *x, const Actividad *a, const ResultadoAct *r, char *buf,
                           size_t n)
{
    if (x->sin_seguimiento && r->estado == ESTADO_SIN_REPORTE) {
        snprintf(buf, n, "Sin seguimiento registrado");
        return buf;
    }
    return calc_nota_estado(a, r, buf, n);
}

/* Keeps libxlsxwriter's first error: the export reports it at the end.
 * Here, below the writer and the page layout, which both call it. */
void xw_chk(Xw *x, lxw_error e)
{
    if (e != LXW_NO_ERROR && x->lxerr == LXW_NO_ERROR)
        x->lxerr = e;
}
