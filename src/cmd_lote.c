/* cmd_lote.c — the edits applied at once to the marked rows of the tree:
 * move, delete, months, a text field, the unit of their metas. Each is one
 * transaction and one change-log action (cmd_rama.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "cmd_int.h"
#include "cmd_rama.h"
#include "corte_congelado.h"
#include "store.h"

/* One descripcion for every row of a bulk action (what undo and
 * `poa historial` name), when it wrote any; frees desc. */
static bool resumir(Db *db, int64_t accion, int filas, char *desc, PoaErr *err)
{
    bool ok = filas == 0 || store_log_describe(db, accion, desc, err);
    free(desc);
    return ok;
}

static void juntar(const Plan *p, int node, bool *visto, IntVec *out)
{
    if (visto[node])
        return;
    visto[node] = true;
    if (p->nodes[node].kind == NODE_ACTIVIDAD) {
        iv_push(out, node);
        return;
    }
    const IntVec *k = &p->nodes[node].kids;
    for (int i = 0; i < k->n; i++)
        juntar(p, k->v[i], visto, out);
}

int *cmd_lote_actividades(const Plan *p, const int *nodes, int n, int *n_out)
{
    bool *visto = xcalloc((size_t)p->nnodes, sizeof *visto);
    IntVec v = {0};
    for (int i = 0; i < n; i++)
        if (nodes[i] > 0 && nodes[i] < p->nnodes && !p->nodes[nodes[i]].deleted)
            juntar(p, nodes[i], visto, &v);
    free(visto);
    *n_out = v.n;
    if (!v.v)
        return xmalloc(sizeof(int));
    return v.v;
}

bool cmd_lote_mover(Db *db, Plan *p, const int *nodes, int n, int new_parent, PoaErr *err)
{
    if (new_parent <= 0 || new_parent >= p->nnodes || p->nodes[new_parent].deleted) {
        err_set(err, "Elija adónde mover las filas marcadas");
        return false;
    }
    return cmd_rama_pegar(db, p, p, nodes, n, true, new_parent, -1, NULL, err);
}

bool cmd_lote_borrar(Db *db, Plan *p, const int *nodes, int n, int *borrados, PoaErr *err)
{
    *borrados = 0;
    RamaPortapapeles c = {0};
    rama_portapapeles_set(&c, p, nodes, n, false);   /* the top ones: the rest go with them */
    int nt;
    int *t = rama_portapapeles_nodos(&c, p, &nt);
    rama_portapapeles_clear(&c);
    if (!nt) {
        err_set(err, "No hay nada que borrar aquí");
        free(t);
        return false;
    }
    /* one action, one undo step: the delete every level uses (cmd.c) */
    bool ok = cmd_delete_many(db, p, t, nt, err);
    if (ok)
        *borrados = nt;
    free(t);
    return ok;
}

static const char *patron(const MesCell *m, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < POA_MESES && len < n; i++) {
        char c[40];
        len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? "," : "",
                                mes_cell_format(&m[i], c, sizeof c));
    }
    return buf;
}

bool cmd_lote_meses(Db *db, Plan *p, const int *nodes, int n, int from, int to, MesCell c,
                    bool solo_vacios, int *cambiadas, PoaErr *err)
{
    *cambiadas = 0;
    if (from < 0 || to >= POA_MESES || from > to || (c.kind == CELL_NUM && c.valor < 0)) {
        err_set(err, "Meses o cantidad fuera de rango");
        return false;
    }
    c.valor = c.kind == CELL_X ? 1 : c.kind == CELL_VACIA ? 0 : c.valor;
    int na;
    int *acts = cmd_lote_actividades(p, nodes, n, &na);
    if (!na) {
        err_set(err, "Las filas marcadas no tienen actividades");
        free(acts);
        return false;
    }
    MesCell *before = xmalloc(sizeof(MesCell) * POA_MESES * (size_t)(na > 0 ? na : 1));
    char campo[16];
    if (from == to)
        snprintf(campo, sizeof campo, "%s", POA_MES_CSV[from]);
    else
        snprintf(campo, sizeof campo, "%s-%s", POA_MES_CSV[from], POA_MES_CSV[to]);
    int64_t accion;
    bool ok = cmd_tx_begin(db, &accion, err);
    int touched = 0;   /* entries whose months before are recorded */
    for (int i = 0; ok && i < na; i++) {
        Actividad *a = plan_act(p, acts[i]);
        memcpy(before + i * POA_MESES, a->mes, sizeof a->mes);
        touched = i + 1;
        for (int m = from; m <= to; m++)
            if (!solo_vacios || a->mes[m].kind == CELL_VACIA)
                a->mes[m] = c;
        if (memcmp(a->mes, before + i * POA_MESES, sizeof a->mes) == 0)
            continue;
        Actividad prev = *a;   /* shallow: only the months differ */
        memcpy(prev.mes, before + i * POA_MESES, sizeof prev.mes);
        if (calc_fuente(&prev) == FUENTE_TRIMESTRES && calc_fuente(a) == FUENTE_MESES) {
            const Node *nd = &p->nodes[acts[i]];
            err_set(err, "«%s» se programa por trimestre: marcar meses reemplazaría sus metas "
                    "trimestrales; desmárquela o vacíe sus metas trimestrales",
                    *nd->codigo ? nd->codigo : nd->texto);
            ok = false;
            break;
        }
        char x[400], y[400];
        patron(prev.mes, x, sizeof x);
        patron(a->mes, y, sizeof y);
        ok = !corte_congelado_cifras(p, &prev, a, "el cronograma", err) &&
             store_save_actividad(db, p, acts[i], &p->nodes[acts[i]], &prev, err) &&
             cmd_log_node(db, accion, p, acts[i], CAMBIO_MESES, campo, x, y, "Cronograma de",
                          err);
        if (ok)
            (*cambiadas)++;
    }
    ok = ok && resumir(db, accion, *cambiadas,
                       xasprintf("Cronograma (%s) de %d actividad%s marcada%s", campo, *cambiadas,
                                 *cambiadas == 1 ? "" : "es", *cambiadas == 1 ? "" : "s"),
                       err);
    ok = cmd_tx_end(db, ok, err);
    if (!ok) {
        for (int i = touched - 1; i >= 0; i--) {
            Actividad *a = plan_act(p, acts[i]);
            if (a)
                memcpy(a->mes, before + i * POA_MESES, sizeof(MesCell) * POA_MESES);
        }
        *cambiadas = 0;
        if (store_es_conflicto(err))
            for (int i = 0; i < na; i++)
                cmd_recargar(db, p, acts[i], err);
    }
    free(before);
    free(acts);
    return ok;
}

bool cmd_lote_campo(Db *db, Plan *p, const int *nodes, int n, CmdCampo campo,
                    const char *valor, int *cambiadas, PoaErr *err)
{
    *cambiadas = 0;
    if (!cmd_campo_aplica(NODE_ACTIVIDAD, campo) || campo == CAMPO_TEXTO ||
        campo == CAMPO_CODIGO) {
        err_set(err, "%s no se cambia en varias actividades a la vez", cmd_campo_nombre(campo));
        return false;
    }
    int na;
    int *acts = cmd_lote_actividades(p, nodes, n, &na);
    if (!na) {
        err_set(err, "Las filas marcadas no tienen actividades");
        free(acts);
        return false;
    }
    char *v = str_trim(xstrdup(valor));
    if (!cmd_campo_texto(p, acts[0], campo)) {
        err_set(err, "%s no se cambia en varias actividades a la vez", cmd_campo_nombre(campo));
        free(v);
        free(acts);
        return false;
    }
    char **old = xcalloc((size_t)na, sizeof *old);
    int64_t accion;
    bool ok = cmd_tx_begin(db, &accion, err);
    for (int i = 0; ok && i < na; i++) {
        char **slot = cmd_campo_texto(p, acts[i], campo);
        if (strcmp(*slot, v) == 0)
            continue;
        Node nb = p->nodes[acts[i]];
        Actividad before = *plan_act(p, acts[i]);
        old[i] = *slot;
        *slot = xstrdup(v);
        ok = store_save_actividad(db, p, acts[i], &nb, &before, err) &&
             cmd_log_node(db, accion, p, acts[i], CAMBIO_CAMPO, cmd_campo_columna(campo), old[i],
                          v, "Editar", err);
        if (ok)
            (*cambiadas)++;
    }
    ok = ok && resumir(db, accion, *cambiadas,
                       xasprintf("Editar %s de %d actividad%s marcada%s",
                                 cmd_campo_columna(campo), *cambiadas, *cambiadas == 1 ? "" : "es",
                                 *cambiadas == 1 ? "" : "s"),
                       err);
    ok = cmd_tx_end(db, ok, err);
    for (int i = 0; i < na; i++) {
        if (!old[i])
            continue;
        char **slot = cmd_campo_texto(p, acts[i], campo);
        if (ok) {
            str_free(old[i]);
        } else {
            str_free(*slot);
            *slot = old[i];
        }
    }
    if (!ok) {
        *cambiadas = 0;
        if (store_es_conflicto(err))
            for (int i = 0; i < na; i++)
                cmd_recargar(db, p, acts[i], err);
    }
    free(old);
    free(v);
    free(acts);
    return ok;
}

static void juntar_metas(const Plan *p, int node, bool *visto, IntVec *out)
{
    if (p->nodes[node].kind > NODE_META)
        node = plan_ancestor(p, node, NODE_META);
    if (node <= 0 || visto[node])
        return;
    visto[node] = true;
    if (p->nodes[node].kind == NODE_META) {
        iv_push(out, node);
        return;
    }
    const IntVec *k = &p->nodes[node].kids;
    for (int i = 0; i < k->n; i++)
        juntar_metas(p, k->v[i], visto, out);
}

bool cmd_lote_unidad(Db *db, Plan *p, const int *nodes, int n, int unidad, int *metas,
                     PoaErr *err)
{
    *metas = 0;
    if (unidad < 0 || unidad >= p->nunidades) {
        err_set(err, "Unidad desconocida");
        return false;
    }
    bool *visto = xcalloc((size_t)p->nnodes, sizeof *visto);
    IntVec m = {0};
    for (int i = 0; i < n; i++)
        if (nodes[i] > 0 && nodes[i] < p->nnodes && !p->nodes[nodes[i]].deleted)
            juntar_metas(p, nodes[i], visto, &m);
    free(visto);
    int *old = xmalloc(sizeof *old * (size_t)(m.n ? m.n : 1));
    for (int i = 0; i < m.n; i++)
        old[i] = p->nodes[m.v[i]].unidad;
    bool ok = true;
    for (int i = 0; ok && i < m.n; i++)
        ok = old[i] == unidad ||
             !corte_congelado_estructura(p, m.v[i], "cambiar la unidad de su meta", err);
    int64_t accion = 0;
    ok = ok && cmd_tx_begin(db, &accion, err);
    bool abierta = ok;
    for (int i = 0; ok && i < m.n; i++) {
        if (old[i] == unidad)
            continue;
        Node nb = p->nodes[m.v[i]];
        store_set_unidad_subtree(p, m.v[i], unidad);
        ok = store_save_node(db, p, m.v[i], &nb, err) &&
             cmd_log_node(db, accion, p, m.v[i], CAMBIO_UNIDAD, "unidad_id",
                          old[i] >= 0 ? p->unidades[old[i]].nombre : "",
                          p->unidades[unidad].nombre, "Cambiar la unidad de", err);
        if (ok)
            (*metas)++;
    }
    ok = ok && resumir(db, accion, *metas,
                       xasprintf("Cambiar a «%s» la unidad de %d meta%s operativa%s",
                                 p->unidades[unidad].nombre, *metas, *metas == 1 ? "" : "s",
                                 *metas == 1 ? "" : "s"),
                       err);
    if (abierta)
        ok = cmd_tx_end(db, ok, err);
    if (!ok) {
        for (int i = 0; i < m.n; i++)
            store_set_unidad_subtree(p, m.v[i], old[i]);
        *metas = 0;
    }
    free(old);
    iv_free(&m);
    return ok;
}
