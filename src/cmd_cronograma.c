/* cmd_cronograma.c — the month cells of activities: one cell, a range,
 * a pattern copied to many; each one transaction, compare-and-set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "cmd.h"
#include "corte_congelado.h"
#include "cmd_int.h"
#include "store.h"

/* Marking months on an activity programmed by quarter would silently switch
 * its targets to the months (calc_fuente prefers them): refused, the
 * analyst edits the quarterly targets instead. */
static bool cambia_a_meses(const Plan *p, int node, const Actividad *before,
                           const Actividad *after, PoaErr *err)
{
    if (calc_fuente(before) != FUENTE_TRIMESTRES || calc_fuente(after) != FUENTE_MESES)
        return false;
    const Node *n = &p->nodes[node];
    err_set(err,
            "«%s» se programa por trimestre: marcar meses reemplazaría sus metas trimestrales. "
            "Edite las metas con E (campos), o vacíelas antes de usar el cronograma mensual",
            *n->codigo ? n->codigo : n->texto);
    return true;
}

/* ---- the cronograma ---- */

static const char *pattern_text(const MesCell *m, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < POA_MESES; i++) {
        char c[40];
        len += (size_t)snprintf(buf + len, len < n ? n - len : 0, "%s%s", i ? "," : "",
                                mes_cell_format(&m[i], c, sizeof c));
        if (len >= n)
            break;
    }
    return buf;
}

static bool need_actividad(const Plan *p, int node, PoaErr *err)
{
    if (node <= 0 || node >= p->nnodes || p->nodes[node].deleted ||
        p->nodes[node].kind != NODE_ACTIVIDAD) {
        err_set(err, "Solo las actividades tienen cronograma");
        return false;
    }
    return true;
}

/* Saves a->mes after the caller changed it from before; restores on failure. */
static bool save_meses(Db *db, Plan *p, int node, const MesCell *before, const char *campo,
                       const char *verbo, PoaErr *err)
{
    Actividad *a = plan_act(p, node);
    if (memcmp(before, a->mes, sizeof a->mes) == 0)
        return true;
    Actividad prev = *a;   /* shallow: only the months differ */
    memcpy(prev.mes, before, sizeof prev.mes);
    if (cambia_a_meses(p, node, &prev, a, err) ||
        corte_congelado_cifras(p, &prev, a, "el cronograma", err)) {
        memcpy(a->mes, before, sizeof a->mes);
        return false;
    }
    char x[400], y[400];
    pattern_text(before, x, sizeof x);
    pattern_text(a->mes, y, sizeof y);
    int64_t accion;
    bool ok = cmd_tx_begin(db, &accion, err);
    if (ok) {
        ok = store_save_actividad(db, p, node, &p->nodes[node], &prev, err) &&
             cmd_log_node(db, accion, p, node, CAMBIO_MESES, campo, x, y, verbo, err);
        ok = cmd_tx_end(db, ok, err);
    }
    if (!ok) {
        memcpy(a->mes, before, sizeof a->mes);
        cmd_recargar(db, p, node, err);
    }
    return ok;
}

bool cmd_set_mes(Db *db, Plan *p, int node, int mes, MesCell c, PoaErr *err)
{
    if (!need_actividad(p, node, err))
        return false;
    if (mes < 0 || mes >= POA_MESES || (c.kind == CELL_NUM && c.valor < 0)) {
        err_set(err, "Mes o cantidad fuera de rango");
        return false;
    }
    if (c.kind == CELL_X)
        c.valor = 1;
    if (c.kind == CELL_VACIA)
        c.valor = 0;
    Actividad *a = plan_act(p, node);
    if (!a)
        return false;   /* need_actividad checked the kind; this is for the compiler */
    MesCell before[POA_MESES];
    memcpy(before, a->mes, sizeof before);
    a->mes[mes] = c;
    return save_meses(db, p, node, before, POA_MES_CSV[mes], "Cronograma de", err);
}

bool cmd_fill_meses(Db *db, Plan *p, int node, int from, int to, bool fill, PoaErr *err)
{
    if (!need_actividad(p, node, err))
        return false;
    if (from < 0 || to >= POA_MESES || from > to) {
        err_set(err, "Meses fuera de rango");
        return false;
    }
    Actividad *a = plan_act(p, node);
    MesCell before[POA_MESES];
    memcpy(before, a->mes, sizeof before);
    for (int m = from; m <= to; m++) {
        if (!fill)
            a->mes[m] = (MesCell){CELL_VACIA, 0};
        else if (a->mes[m].kind == CELL_VACIA)
            a->mes[m] = (MesCell){CELL_X, 1};
    }
    char campo[16];
    snprintf(campo, sizeof campo, "%s-%s", POA_MES_CSV[from], POA_MES_CSV[to]);
    return save_meses(db, p, node, before, campo, fill ? "Llenar cronograma de" :
                      "Vaciar cronograma de", err);
}

bool cmd_set_pattern(Db *db, Plan *p, const MesCell *pattern, const int *dst, int n,
                     PoaErr *err)
{
    for (int i = 0; i < n; i++)
        if (!need_actividad(p, dst[i], err))
            return false;
    MesCell pat[POA_MESES];   /* pattern may point into one of the destinations */
    memcpy(pat, pattern, sizeof pat);
    MesCell *before = xmalloc(sizeof(MesCell) * POA_MESES * (size_t)(n ? n : 1));
    char x[400], y[400];
    pattern_text(pat, y, sizeof y);
    int64_t accion;
    bool ok = cmd_tx_begin(db, &accion, err);
    int done = 0;
    for (int i = 0; ok && i < n; i++, done++) {
        Actividad *a = plan_act(p, dst[i]);
        memcpy(before + i * POA_MESES, a->mes, sizeof a->mes);
        if (memcmp(a->mes, pat, sizeof a->mes) == 0)
            continue;
        pattern_text(a->mes, x, sizeof x);
        memcpy(a->mes, pat, sizeof a->mes);
        Actividad prev = *a;
        memcpy(prev.mes, before + i * POA_MESES, sizeof prev.mes);
        ok = !cambia_a_meses(p, dst[i], &prev, a, err) &&
             !corte_congelado_cifras(p, &prev, a, "el cronograma", err) &&
             store_save_actividad(db, p, dst[i], &p->nodes[dst[i]], &prev, err) &&
             cmd_log_node(db, accion, p, dst[i], CAMBIO_MESES, "cronograma", x, y,
                          "Copiar cronograma a", err);
    }
    ok = cmd_tx_end(db, ok, err);
    if (!ok) {
        for (int i = done - 1; i >= 0; i--) {   /* backwards: a node listed twice ends as it was */
            Actividad *a = plan_act(p, dst[i]);
            if (a)
                memcpy(a->mes, before + i * POA_MESES, sizeof(MesCell) * POA_MESES);
        }
        if (store_es_conflicto(err))
            for (int i = 0; i < n; i++)
                cmd_recargar(db, p, dst[i], err);
    }
    free(before);
    return ok;
}

bool cmd_copy_pattern(Db *db, Plan *p, int src, const int *dst, int n, PoaErr *err)
{
    if (!need_actividad(p, src, err))
        return false;
    return cmd_set_pattern(db, p, plan_act(p, src)->mes, dst, n, err);
}
