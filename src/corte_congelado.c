/* corte_congelado.c — the rules of what a closed corte freezes (listed in
 * corte_congelado.h) and their messages; no SQL, no writes: callers ask. */
#include <stdio.h>

#include "calc.h"
#include "corte_congelado.h"

/* ---- which closed corte an activity counts in ---- */

int corte_congelado_cuenta(const Plan *p, const Actividad *a)
{
    Umbrales u = calc_umbrales_default();
    for (int c = 1; c <= POA_TRIMESTRES; c++) {
        if (!p->cortes[c - 1].cerrado)
            continue;
        ResultadoAct r;
        calc_actividad(a, c, &u, &r);
        if (r.estado == ESTADO_SIN_REPORTE || r.estado == ESTADO_REPORTADA)
            return c;
    }
    return 0;
}

/* ---- rule 1: the seguimiento of a closed corte ---- */

const char *corte_congelado_motivo(const Plan *p, int corte, char *buf, size_t n)
{
    if (corte < 1 || corte > POA_TRIMESTRES || !p->cortes[corte - 1].cerrado)
        return NULL;
    const CorteEstado *c = &p->cortes[corte - 1];
    /* the date is enough for the message; the change log has the time */
    char fecha[11];
    snprintf(fecha, sizeof fecha, "%s", c->cerrado_en);
    snprintf(buf, n, "El corte %d está cerrado desde %s por %s; reábralo para editar", corte,
             *fecha ? fecha : "(fecha desconocida)",
             *c->cerrado_por ? c->cerrado_por : "(usuario desconocido)");
    return buf;
}

bool corte_congelado_seguimiento(const Plan *p, int corte, PoaErr *err)
{
    char msg[256];
    if (!corte_congelado_motivo(p, corte, msg, sizeof msg))
        return false;
    err_set(err, "%s", msg);
    return true;
}

bool corte_congelado_importar(const Plan *ex, int corte, const Node *n, PoaErr *err)
{
    if (!ex || corte < 1 || corte > POA_TRIMESTRES || !ex->cortes[corte - 1].cerrado)
        return false;
    err_set(err, "El corte %d está cerrado: no se puede importar seguimiento para él "
            "(actividad «%s»). Reabra el corte primero",
            corte, n->codigo[0] ? n->codigo : n->texto);
    return true;
}

/* ---- rule 2: the numbers ---- */

/* Closing a corte freezes its numbers (issue 4): an edit of the plan that
 * would change what a closed corte computes for an activity (programado
 * acumulado, % or state) is refused. Texts stay editable. */
bool corte_congelado_cifras(const Plan *p, const Actividad *before, const Actividad *after,
                            const char *que, PoaErr *err)
{
    Umbrales u = calc_umbrales_default();
    /* the peso weighs the activity in the weighted roll-ups of the tablero */
    int cp = before->peso != after->peso ? corte_congelado_cuenta(p, before) : 0;
    if (cp) {
        err_set(err, "El corte %d está cerrado: %s cambiaría el peso de la actividad en los "
                "consolidados de ese corte. Reabra el corte para editar", cp, que);
        return true;
    }
    for (int c = 1; c <= POA_TRIMESTRES; c++) {
        if (!p->cortes[c - 1].cerrado)
            continue;
        ResultadoAct r0, r1;
        calc_actividad(before, c, &u, &r0);
        calc_actividad(after, c, &u, &r1);
        if (r0.estado != r1.estado || r0.programado != r1.programado ||
            r0.has_pct != r1.has_pct || (r0.has_pct && r0.pct != r1.pct)) {
            char a[40], b[40];
            err_set(err,
                    "El corte %d está cerrado: %s cambiaría su programado acumulado (%s → %s) "
                    "o su %% de ejecución. Reabra el corte para editar",
                    c, que, num_format(r0.programado, a, sizeof a),
                    num_format(r1.programado, b, sizeof b));
            return true;
        }
    }
    return false;
}

/* ---- rules 3 and 4: groups and deletions ---- */

/* The first live activity under node (node included) that counts in a
 * closed corte, with that corte in *corte; -1 when none. */
static int rama_cuenta(const Plan *p, int node, int *corte)
{
    const Node *n = &p->nodes[node];
    if (n->deleted)
        return -1;
    if (n->kind == NODE_ACTIVIDAD)
        return (*corte = corte_congelado_cuenta(p, &p->acts[n->act])) ? node : -1;
    for (int i = 0; i < n->kids.n; i++) {
        int x = rama_cuenta(p, n->kids.v[i], corte);
        if (x >= 0)
            return x;
    }
    return -1;
}

/* Closing a corte freezes what its tablero shows per unit, objetivo and eje
 * (issue 8): an edit that would carry an activity counted in it to another
 * group (que: "moverla a otra meta") is refused, naming both. */
bool corte_congelado_estructura(const Plan *p, int node, const char *que, PoaErr *err)
{
    int corte = 0, x = rama_cuenta(p, node, &corte);
    if (x < 0)
        return false;
    const Node *n = &p->nodes[x];
    err_set(err,
            "El corte %d está cerrado y la actividad «%s» cuenta en él: %s movería sus cifras "
            "a otra unidad, objetivo o eje del tablero. Reabra el corte primero",
            corte, *n->codigo ? n->codigo : n->texto, que);
    return true;
}

/* An activity counted in a closed corte cannot be deleted either. */
bool corte_congelado_borrado(const Plan *p, int node, PoaErr *err)
{
    int corte = 0, x = rama_cuenta(p, node, &corte);
    if (x < 0)
        return false;
    const Node *n = &p->nodes[x];
    err_set(err,
            "El corte %d está cerrado y la actividad «%s» cuenta en él: no se puede "
            "borrar. Reabra el corte primero",
            corte, *n->codigo ? n->codigo : n->texto);
    return true;
}
