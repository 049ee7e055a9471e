/* cmd_niveles.c — which levels a new element may take at a place of the
 * tree, and adding it, implicit levels made real by naming them. */
#include "cmd_niveles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_int.h"
#include "u8.h"

/* The plan has a node of kind that is not implicit. */
static bool usa_nivel(const Plan *p, NodeKind k)
{
    for (int i = 1; i < p->nnodes; i++)
        if (!p->nodes[i].deleted && p->nodes[i].kind == k && !plan_node_implicit(p, i))
            return true;
    return false;
}

/* parent's implicit child of kind k, or -1. */
static int implicito_de(const Plan *p, int parent, NodeKind k)
{
    const IntVec *kids = &p->nodes[parent].kids;
    for (int i = 0; i < kids->n; i++)
        if (p->nodes[kids->v[i]].kind == k && plan_node_implicit(p, kids->v[i]))
            return kids->v[i];
    return -1;
}

static CmdNivel nivel(NodeKind k, int padre, const Plan *p, int implicito)
{
    CmdNivel n = {.kind = k, .padre = padre, .implicito = implicito, .hijos = 0};
    if (implicito >= 0)
        n.hijos = p->nodes[implicito].kids.n;
    return n;
}

int cmd_niveles_posibles(const Plan *p, int ref, bool as_child, CmdNivel out[2])
{
    if (ref < 0 || ref >= p->nnodes || p->nodes[ref].deleted)
        return 0;
    if (ref == 0)
        as_child = true;
    NodeKind k = as_child ? cmd_child_kind(p, ref) : p->nodes[ref].kind;
    if (k == NODE_RAIZ)
        return 0;
    int n = 0;
    out[n++] = nivel(k, -1, p, -1);
    int padre = as_child ? ref : cmd_visible_parent(p, ref);
    NodeKind pk = p->nodes[padre].kind;
    if (pk == NODE_RAIZ && k == NODE_OBJETIVO) {
        /* objetivos without an eje: an eje over them */
        out[n++] = nivel(NODE_EJE, 0, p, implicito_de(p, 0, NODE_EJE));
    } else if (pk == NODE_RAIZ && k == NODE_EJE && p->nodes[0].kids.n == 0) {
        out[n++] = nivel(NODE_OBJETIVO, 0, p, -1);   /* an empty plan may go without ejes */
    } else if (as_child && pk == NODE_META && k == NODE_ACTIVIDAD) {
        /* (a next to an actividad stays an actividad: A on the meta offers this) */
        out[n++] = nivel(NODE_ENTREGABLE, padre, p, implicito_de(p, padre, NODE_ENTREGABLE));
    } else if (as_child && pk == NODE_META && k == NODE_ENTREGABLE && p->nodes[padre].kids.n == 0 &&
               !usa_nivel(p, NODE_ENTREGABLE)) {
        out[n++] = nivel(NODE_ACTIVIDAD, padre, p, -1);
    }
    return n;
}

const char *cmd_nivel_nombre(const Plan *p, const CmdNivel *n, char *buf, size_t len)
{
    (void)p;
    const char *hijos = n->kind == NODE_EJE ? "objetivo" : "actividad";
    const char *plural = n->kind == NODE_EJE ? "objetivos" : "actividades";
    char extra[96] = "";
    if (n->implicito >= 0 && n->hijos > 1)
        snprintf(extra, sizeof extra, "; %s %d %s de aquí quedan dentro",
                 n->kind == NODE_EJE ? "los" : "las", n->hijos, plural);
    else if (n->implicito >= 0 && n->hijos == 1)
        snprintf(extra, sizeof extra, "; %s %s de aquí queda dentro",
                 n->kind == NODE_EJE ? "el" : "la", hijos);
    switch (n->kind) {
    case NODE_EJE: snprintf(buf, len, "Eje (agrupa objetivos%s)", extra); break;
    case NODE_OBJETIVO: snprintf(buf, len, "Objetivo estratégico%s",
                                 n->padre == 0 ? " (sin eje)" : ""); break;
    case NODE_META: snprintf(buf, len, "Meta operativa (de una unidad)"); break;
    case NODE_ENTREGABLE: snprintf(buf, len, "Entregable (con indicador%s)", extra); break;
    case NODE_ACTIVIDAD: snprintf(buf, len, "Actividad%s",
                                  n->padre >= 0 ? " (sin entregable)" : ""); break;
    default: snprintf(buf, len, "%s", node_kind_name(n->kind)); break;
    }
    return buf;
}

/* The implicit node gets texto (and codigo, indicador): it becomes a real
 * level holding what it held. Field rows in the log: undo empties them. */
static bool nombrar(Db *db, Plan *p, int node, const char *codigo, const char *texto,
                    const char *indicador, PoaErr *err)
{
    Node *nd = &p->nodes[node];
    char *cod = str_trim(xstrdup(codigo ? codigo : ""));
    char *txt = str_trim(xstrdup(texto ? texto : ""));
    char *ind = str_trim(xstrdup(indicador ? indicador : ""));
    if (!*txt || !u8_valid(txt, strlen(txt), NULL) || !u8_valid(cod, strlen(cod), NULL) ||
        !u8_valid(ind, strlen(ind), NULL)) {
        err_set(err, *txt ? "El texto no es UTF-8 válido"
                          : "El texto de %s no puede quedar vacío", node_kind_name(nd->kind));
        free(cod);
        free(txt);
        free(ind);
        return false;
    }
    if (nd->kind == NODE_EJE) {   /* an eje has a name only */
        free(cod);
        cod = xstrdup("");
    }
    Node antes = *nd;   /* the old strings stay in antes until the end */
    nd->codigo = cod;
    nd->texto = txt;
    nd->indicador = nd->kind == NODE_ENTREGABLE ? ind : antes.indicador;
    int64_t accion;
    bool ok = cmd_tx_begin(db, &accion, err) && store_save_node(db, p, node, &antes, err);
    const struct {
        CmdCampo c;
        const char *a, *d;
    } campos[] = {
        {CAMPO_TEXTO, antes.texto, nd->texto},
        {CAMPO_CODIGO, antes.codigo, nd->codigo},
        {CAMPO_INDICADOR, antes.indicador, nd->indicador},
    };
    for (size_t i = 0; ok && i < POA_ARRAY_LEN(campos); i++)
        if (strcmp(campos[i].a, campos[i].d) != 0)
            ok = cmd_log_node(db, accion, p, node, CAMBIO_CAMPO, cmd_campo_columna(campos[i].c),
                              campos[i].a, campos[i].d, "Agregar", err);
    if (cmd_tx_end(db, ok, err)) {
        str_free(antes.codigo);
        str_free(antes.texto);
        if (nd->indicador != antes.indicador)
            str_free(antes.indicador);
        if (nd->indicador != ind)
            free(ind);
        return true;
    }
    if (store_es_conflicto(err)) {   /* cmd_recargar's rule: the file's values shown */
        free(cod);
        free(txt);
        free(ind);
        *nd = antes;
        cmd_recargar(db, p, node, err);
        return false;
    }
    free(cod);
    free(txt);
    free(ind);
    *nd = antes;
    return false;
}

bool cmd_nivel_add(Db *db, Plan *p, int ref, bool as_child, const CmdNivel *n, int unidad,
                   const char *codigo, const char *texto, const char *indicador, int *out,
                   PoaErr *err)
{
    if (n->implicito >= 0) {
        if (!nombrar(db, p, n->implicito, codigo, texto, indicador, err))
            return false;
        if (out)
            *out = n->implicito;
        return true;
    }
    if (n->padre >= 0)
        return cmd_add_nodo(db, p, n->padre, true, n->kind, unidad, codigo, texto, indicador,
                            out, err);
    return cmd_add_nodo(db, p, ref, as_child || ref == 0, n->kind, unidad, codigo, texto,
                        indicador, out, err);
}
