/* cmd.c — the plan edits of the interface, without curses: each one a single
 * transaction with its change-log rows, undone in the model when it fails. */
#include "cmd.h"
#include "corte_congelado.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "store.h"
#include "u8.h"
#include "cmd_int.h"

/* ---- transactions ---- */

bool cmd_tx_begin(Db *db, int64_t *accion, PoaErr *err)
{
    if (!db_begin(db, err))
        return false;
    *accion = db_new_accion(db);
    return true;
}

/* A plan edit recorded as row images (store_lote.c), undone and redone as a
 * whole: the transaction, then the action's summary row naming desc. */
bool cmd_lote_tx_begin(Db *db, int64_t plan_id, const char *desc, int64_t *accion,
                       PoaErr *err)
{
    if (!db_begin(db, err))
        return false;
    *accion = store_lote_begin(db, plan_id, desc, err);
    if (*accion > 0)
        return true;
    db_rollback(db);
    return false;
}

bool cmd_lote_tx_end(Db *db, int64_t accion, bool ok, PoaErr *err)
{
    ok = ok && store_lote_end(db, accion, err);
    return cmd_tx_end(db, ok, err);
}

/* Commits when ok; otherwise (or when the commit fails) rolls back. */
bool cmd_tx_end(Db *db, bool ok, PoaErr *err)
{
    if (ok && db_commit(db, err))
        return true;
    db_rollback(db);
    return false;
}

/* After a refused save: when another program changed the row (store_cas.c),
 * the model gets the file's values so the screen shows them. Called after
 * the caller put its own copy back. */
void cmd_recargar(Db *db, Plan *p, int node, PoaErr *err)
{
    if (!store_es_conflicto(err))
        return;
    PoaErr e2 = {{0}};
    if (!store_reload_node(db, p, node, &e2))
        err_set(err, "%s", e2.msg);
}

/* Saves node (its texts, or the whole actividad) against antes. */
static bool save_any(Db *db, Plan *p, int node, const Node *nb, const Actividad *ab,
                     PoaErr *err)
{
    return ab ? store_save_actividad(db, p, node, nb, ab, err)
              : store_save_node(db, p, node, nb, err);
}

size_t cmd_texto_largo(const char *s)
{
    size_t n = 0;
    for (const unsigned char *c = (const unsigned char *)s; *c; c++)
        n += (*c & 0xC0) != 0x80;
    return n;
}

static const char *kind_label(const Plan *p, int node)
{
    return node_kind_name(p->nodes[node].kind);
}

/* "actividad «1.1 Alianza…»" for log descriptions and messages. */
char *cmd_node_desc(const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    char t[64];
    u8_fit_copy(n->texto, 40, false, t, sizeof t);
    if (!n->codigo[0] && !t[0])   /* «objetivo «»» names nothing the tree shows */
        return xasprintf("%s sin texto", kind_label(p, node));
    return xasprintf("%s «%s%s%s»", kind_label(p, node), n->codigo, n->codigo[0] ? " " : "", t);
}

bool cmd_log_node(Db *db, int64_t accion, Plan *p, int node, CambioTipo tipo,
                  const char *campo, const char *antes, const char *despues, const char *verbo,
                  PoaErr *err)
{
    char *d = cmd_node_desc(p, node);
    char *desc = xasprintf("%s %s", verbo, d);
    bool ok = store_log(db, accion, p->id, tipo, store_table(p->nodes[node].kind),
                        p->nodes[node].id, campo, antes, despues, desc, err);
    free(desc);
    free(d);
    return ok;
}

/* ---- fields ---- */

static bool texto_requerido(NodeKind k)
{
    return k == NODE_EJE || k == NODE_OBJETIVO || k == NODE_ENTREGABLE || k == NODE_ACTIVIDAD;
}

/* tecleado: valor is what a person typed (numero.h), else the canonical
 * text of cmd_campo_valor (another edit's copy, a paste), read as it is. */
static bool set_campo(Db *db, Plan *p, int node, CmdCampo c, const char *valor, bool tecleado,
                      PoaErr *err)
{
    if (node <= 0 || node >= p->nnodes || p->nodes[node].deleted ||
        !cmd_campo_aplica(p->nodes[node].kind, c)) {
        err_set(err, "Ese campo no existe para este elemento");
        return false;
    }
    char *v = str_trim(xstrdup(valor));
    if (!u8_valid(v, strlen(v), NULL)) {
        err_set(err, "%s: el texto no es UTF-8 válido", cmd_campo_nombre(c));
        free(v);
        return false;
    }
    if (c == CAMPO_TEXTO && !*v && texto_requerido(p->nodes[node].kind)) {
        err_set(err, "El texto de %s no puede quedar vacío", kind_label(p, node));
        free(v);
        return false;
    }
    /* a typed number in either convention, with its currency (numero.h);
     * one that does not read goes on as typed, for the field's message */
    char moneda[8] = "";
    if (tecleado)
        cmd_campo_tecleado(c, &v, moneda, sizeof moneda);
    Actividad *a = plan_act(p, node);
    bool pone_moneda = moneda[0] && a && str_empty(a->moneda);
    char *antes = cmd_campo_valor(p, node, c);
    if (strcmp(antes, v) == 0 && !pone_moneda) {
        free(antes);
        free(v);
        return true;    /* nothing changed: no transaction, no log row */
    }
    char **slot = cmd_campo_texto(p, node, c);
    if (slot && cmd_texto_largo(v) > CMD_TEXTO_MAX) {
        char *d = cmd_node_desc(p, node);
        err_set(err, "%s de %s: el texto tiene %zu caracteres y una celda de Excel admite "
                "hasta 32.767; acórtelo", cmd_campo_nombre(c), d, cmd_texto_largo(v));
        free(d);
        free(antes);
        free(v);
        return false;
    }
    Actividad before;
    Node nb = p->nodes[node];   /* shallow: what the screen showed, for the save */
    if (a)
        before = *a;
    char *old = NULL;
    if (slot) {
        old = *slot;
        *slot = xstrdup(v);
    } else {
        if (!cmd_campo_parse(a, c, v, err) ||
            corte_congelado_cifras(p, &before, a, cmd_campo_nombre(c), err)) {
            *a = before;
            free(antes);
            free(v);
            return false;
        }
    }
    if (pone_moneda)   /* the amount says its currency and the activity had none */
        a->moneda = xstrdup(moneda);
    char *despues = cmd_campo_valor(p, node, c);
    int64_t accion;
    bool ok = cmd_tx_begin(db, &accion, err);
    if (ok) {
        ok = save_any(db, p, node, &nb, a ? &before : NULL, err) &&
             (strcmp(antes, despues) == 0 ||
              cmd_log_node(db, accion, p, node, CAMBIO_CAMPO, cmd_campo_columna(c), antes,
                           despues, "Editar", err)) &&
             (!pone_moneda || cmd_log_node(db, accion, p, node, CAMBIO_CAMPO,
                                           cmd_campo_columna(CAMPO_MONEDA), "", moneda,
                                           "Editar", err));
        ok = cmd_tx_end(db, ok, err);
    }
    if (pone_moneda) {   /* one of the two strings goes: the new one on failure */
        if (ok) {
            str_free(before.moneda);
        } else {
            str_free(a->moneda);
            a->moneda = before.moneda;
        }
    }
    if (slot) {
        if (ok) {
            str_free(old);
        } else {
            str_free(*slot);
            *slot = old;
        }
    } else if (!ok) {
        *a = before;
    }
    if (!ok)
        cmd_recargar(db, p, node, err);
    free(despues);
    free(antes);
    free(v);
    return ok;
}

bool cmd_set_campo(Db *db, Plan *p, int node, CmdCampo c, const char *valor, PoaErr *err)
{
    return set_campo(db, p, node, c, valor, false, err);
}

bool cmd_set_campo_tecleado(Db *db, Plan *p, int node, CmdCampo c, const char *valor,
                            PoaErr *err)
{
    return set_campo(db, p, node, c, valor, true, err);
}

bool cmd_set_unidad(Db *db, Plan *p, int node, int unidad, PoaErr *err)
{
    if (node <= 0 || node >= p->nnodes || p->nodes[node].kind != NODE_META) {
        err_set(err, "Solo una meta operativa tiene unidad");
        return false;
    }
    if (unidad < 0 || unidad >= p->nunidades) {
        err_set(err, "Unidad desconocida");
        return false;
    }
    int old = p->nodes[node].unidad;
    if (old == unidad)
        return true;
    if (corte_congelado_estructura(p, node, "cambiar la unidad de su meta", err))
        return false;
    Node nb = p->nodes[node];
    store_set_unidad_subtree(p, node, unidad);
    int64_t accion;
    bool ok = cmd_tx_begin(db, &accion, err);
    if (ok) {
        ok = store_save_node(db, p, node, &nb, err) &&
             cmd_log_node(db, accion, p, node, CAMBIO_UNIDAD, "unidad_id",
                      old >= 0 ? p->unidades[old].nombre : "", p->unidades[unidad].nombre,
                      "Cambiar la unidad de", err);
        ok = cmd_tx_end(db, ok, err);
    }
    if (!ok) {
        store_set_unidad_subtree(p, node, old);
        cmd_recargar(db, p, node, err);
    }
    return ok;
}

/* ---- structure ---- */

int cmd_visible_parent(const Plan *p, int node)
{
    int q = p->nodes[node].parent;
    while (q > 0 && plan_node_implicit(p, q))
        q = p->nodes[q].parent;
    return q < 0 ? 0 : q;
}

/* Whether level k (EJE under the root, ENTREGABLE under a meta) is one the
 * plan leaves implicit: decided by ref's own children, else by the first
 * node of that kind in the plan (stops there, so it is cheap in practice). */
static bool level_implicit(const Plan *p, int ref, NodeKind k)
{
    const IntVec *kids = &p->nodes[ref].kids;
    if (kids->n > 0)
        return plan_node_implicit(p, kids->v[0]);
    for (int i = 1; i < p->nnodes; i++)
        if (!p->nodes[i].deleted && p->nodes[i].kind == k)
            return plan_node_implicit(p, i);
    return false;
}

static bool level_may_be_implicit(NodeKind k) { return k == NODE_EJE || k == NODE_ENTREGABLE; }

NodeKind cmd_child_kind(const Plan *p, int node)
{
    NodeKind k = p->nodes[node].kind;
    if (k == NODE_ACTIVIDAD)
        return NODE_RAIZ;
    NodeKind c = (NodeKind)(k + 1);
    if (level_may_be_implicit(c) && level_implicit(p, node, c))
        c = (NodeKind)(c + 1);
    return c;
}

/* The implicit child of kind k under parent; created (model and file) when
 * missing, with *created set. -1 with err on failure. */
static int implicit_child(Db *db, Plan *p, int parent, NodeKind k, bool *created, PoaErr *err)
{
    const IntVec *kids = &p->nodes[parent].kids;
    for (int i = 0; i < kids->n; i++)
        if (p->nodes[kids->v[i]].kind == k && plan_node_implicit(p, kids->v[i]))
            return kids->v[i];
    int ix = plan_add_node(p, k, 0, parent, p->nodes[parent].kids.n, p->nodes[parent].unidad, "",
                           "");
    *created = true;
    if (!store_insert_node(db, p, ix, err)) {
        plan_remove_node(p, ix);
        return -1;
    }
    return ix;
}

bool cmd_add(Db *db, Plan *p, int ref, bool as_child, int unidad, const char *codigo,
             const char *texto, int *out, PoaErr *err)
{
    if (ref < 0 || ref >= p->nnodes || p->nodes[ref].deleted) {
        err_set(err, "Error interno: elemento inexistente");
        return false;
    }
    NodeKind kind = as_child ? cmd_child_kind(p, ref) : p->nodes[ref].kind;
    return cmd_add_nodo(db, p, ref, as_child, kind, unidad, codigo, texto, "", out, err);
}

bool cmd_add_nodo(Db *db, Plan *p, int ref, bool as_child, NodeKind kind, int unidad,
                  const char *codigo, const char *texto, const char *indicador, int *out,
                  PoaErr *err)
{
    if (ref < 0 || ref >= p->nnodes || p->nodes[ref].deleted) {
        err_set(err, "Error interno: elemento inexistente");
        return false;
    }
    if (!as_child && ref == 0) {
        err_set(err, "El plan no tiene elementos al mismo nivel");
        return false;
    }
    if (kind == NODE_RAIZ) {
        err_set(err, "Una actividad no puede tener elementos debajo");
        return false;
    }
    if (as_child) {   /* the kind right under ref, or the one after an implicit level */
        NodeKind direct = (NodeKind)(p->nodes[ref].kind + 1);
        if (kind != direct && !(level_may_be_implicit(direct) && kind == direct + 1)) {
            err_set(err, "No se puede agregar %s dentro de %s", node_kind_name(kind),
                    node_kind_name(p->nodes[ref].kind));
            return false;
        }
    }
    char *cod = str_trim(xstrdup(codigo));
    char *txt = str_trim(xstrdup(texto));
    if (!u8_valid(txt, strlen(txt), NULL) || !u8_valid(cod, strlen(cod), NULL)) {
        err_set(err, "El texto no es UTF-8 válido");
        free(cod);
        free(txt);
        return false;
    }
    if (!*txt && texto_requerido(kind)) {
        err_set(err, "El texto de %s no puede quedar vacío", node_kind_name(kind));
        free(cod);
        free(txt);
        return false;
    }
    if (kind == NODE_META) {
        if (unidad < 0)
            unidad = p->nodes[ref].unidad >= 0 ? p->nodes[ref].unidad : 0;
        if (unidad >= p->nunidades) {
            err_set(err, "El plan no tiene unidades: agregue una con U o importe una plantilla");
            free(cod);
            free(txt);
            return false;
        }
    }
    int64_t accion;
    if (!cmd_tx_begin(db, &accion, err)) {
        free(cod);
        free(txt);
        return false;
    }
    bool ok = true, created = false;
    int parent, pos, made = -1;
    if (as_child) {
        parent = ref;
        NodeKind direct = p->nodes[ref].kind == NODE_RAIZ ? NODE_EJE
                                                          : (NodeKind)(p->nodes[ref].kind + 1);
        if (direct != kind) {   /* skip the implicit level between ref and the new node */
            parent = implicit_child(db, p, ref, direct, &created, err);
            ok = parent >= 0;
            if (created)
                made = parent;
        }
        pos = ok ? p->nodes[parent].kids.n : 0;
    } else {
        parent = p->nodes[ref].parent;
        pos = iv_find(&p->nodes[parent].kids, ref) + 1;
    }
    int ix = -1;
    /* adding writes the places of the new node's siblings: they must still be
     * the ones we show, or another program's move would be undone */
    if (ok && made < 0)
        ok = store_check_children(db, p, parent, p->nodes[parent].kids.v,
                                  p->nodes[parent].kids.n, err);
    if (ok) {
        int u = kind == NODE_META ? unidad : kind > NODE_META ? p->nodes[parent].unidad : -1;
        ix = plan_add_node(p, kind, 0, parent, pos, u, cod, txt);
        if (kind == NODE_ENTREGABLE && indicador && *indicador) {
            str_free(p->nodes[ix].indicador);
            p->nodes[ix].indicador = str_trim(xstrdup(indicador));
        }
        ok = store_insert_node(db, p, ix, err) &&
             cmd_log_node(db, accion, p, ix, CAMBIO_ALTA, "alta", NULL, txt, "Agregar", err);
    }
    ok = cmd_tx_end(db, ok, err);
    if (!ok) {
        if (ix >= 0)
            plan_remove_node(p, ix);
        if (made >= 0)
            plan_remove_node(p, made);
    } else if (out) {
        *out = ix;
    }
    free(cod);
    free(txt);
    return ok;
}

static void count_rec(const Plan *p, int node, CmdCuenta *c)
{
    const IntVec *k = &p->nodes[node].kids;
    for (int i = 0; i < k->n; i++) {
        int x = k->v[i];
        if (!plan_node_implicit(p, x)) {
            c->by_kind[p->nodes[x].kind]++;
            c->total++;
        }
        count_rec(p, x, c);
    }
}

void cmd_count_subtree(const Plan *p, int node, CmdCuenta *c)
{
    memset(c, 0, sizeof *c);
    count_rec(p, node, c);
}

const char *cmd_cuenta_texto(const CmdCuenta *c, char *buf, size_t n)
{
    static const char *const PLURAL[] = {"", "ejes", "objetivos", "metas operativas",
                                         "entregables", "actividades"};
    char parts[5][64];
    int np = 0;
    for (int k = NODE_EJE; k <= NODE_ACTIVIDAD; k++) {
        if (!c->by_kind[k])
            continue;
        if (c->by_kind[k] == 1)
            snprintf(parts[np++], sizeof parts[0], "1 %s", node_kind_name((NodeKind)k));
        else
            snprintf(parts[np++], sizeof parts[0], "%d %s", c->by_kind[k], PLURAL[k]);
    }
    buf[0] = '\0';
    size_t len = 0;
    for (int i = 0; i < np; i++) {
        const char *sep = i == 0 ? "" : i == np - 1 ? " y " : ", ";
        len += (size_t)snprintf(buf + len, len < n ? n - len : 0, "%s%s", sep, parts[i]);
        if (len >= n)
            break;
    }
    return buf;
}

/* cmd_recargar() for node and everything under it that is still in the file. */
static void recargar_rama(Db *db, Plan *p, int node, PoaErr *err)
{
    if (!store_es_conflicto(err))
        return;
    PoaErr e2 = {{0}};
    store_reload_node(db, p, node, &e2);
    const IntVec *k = &p->nodes[node].kids;
    for (int i = 0; i < k->n; i++)
        recargar_rama(db, p, k->v[i], err);
}

/* node is deleted with an ancestor also in nodes (the ancestor takes it). */
static bool bajo_otro(const Plan *p, int node, const int *nodes, int n)
{
    for (int a = p->nodes[node].parent; a > 0; a = p->nodes[a].parent)
        for (int i = 0; i < n; i++)
            if (nodes[i] == a)
                return true;
    return false;
}

bool cmd_delete(Db *db, Plan *p, int node, PoaErr *err)
{
    return cmd_delete_many(db, p, &node, 1, err);
}

bool cmd_delete_many(Db *db, Plan *p, const int *nodes, int n, PoaErr *err)
{
    if (n <= 0) {
        err_set(err, "No hay nada que borrar aquí");
        return false;
    }
    for (int i = 0; i < n; i++) {
        int node = nodes[i];
        if (node <= 0 || node >= p->nnodes || p->nodes[node].deleted) {
            err_set(err, "No hay nada que borrar aquí");
            return false;
        }
        if (corte_congelado_borrado(p, node, err))
            return false;
    }
    /* the action's name is what the undo message says */
    char *desc;
    if (n == 1) {
        char *d = cmd_node_desc(p, nodes[0]);
        desc = xasprintf("Borrar %s", d);
        free(d);
    } else {
        desc = xasprintf("Borrar %d elementos", n);
    }
    bool ok = db_begin(db, err);
    int64_t accion = ok ? store_lote_begin(db, p->id, desc, err) : 0;
    ok = accion != 0;
    int fallo = -1;
    for (int i = 0; ok && i < n; i++) {
        int node = nodes[i];
        if (bajo_otro(p, node, nodes, n))
            continue;
        CmdCuenta c;
        cmd_count_subtree(p, node, &c);
        char cuenta[160];
        cmd_cuenta_texto(&c, cuenta, sizeof cuenta);
        char *antes = cmd_node_desc(p, node);
        char *verbo = c.total ? xasprintf("Borrar (con %s)", cuenta) : xstrdup("Borrar");
        /* nothing another program changed since we loaded it is deleted unseen */
        ok = store_check_subtree(db, p, node, err) && store_delete_node(db, p, node, err) &&
             cmd_log_node(db, accion, p, node, CAMBIO_BAJA, "baja", antes, NULL, verbo, err);
        free(verbo);
        free(antes);
        if (!ok)
            fallo = node;
    }
    ok = ok && store_lote_end(db, accion, err);
    free(desc);
    ok = cmd_tx_end(db, ok, err);
    if (!ok && fallo > 0)
        recargar_rama(db, p, fallo, err);
    if (ok)
        for (int i = 0; i < n; i++)
            if (!p->nodes[nodes[i]].deleted && !bajo_otro(p, nodes[i], nodes, n))
                plan_remove_node(p, nodes[i]);
    return ok;
}

bool cmd_move(Db *db, Plan *p, int node, int delta, PoaErr *err)
{
    if (node <= 0 || node >= p->nnodes || p->nodes[node].deleted) {
        err_set(err, "No hay nada que mover aquí");
        return false;
    }
    int parent = p->nodes[node].parent;
    const IntVec *k = &p->nodes[parent].kids;
    int from = iv_find(k, node), to = from + delta;
    if (to < 0 || to >= k->n) {
        err_set(err, delta < 0 ? "Ya es el primero de su nivel" : "Ya es el último de su nivel");
        return false;
    }
    int64_t accion;
    if (!cmd_tx_begin(db, &accion, err))
        return false;
    /* a stale order written over another program's move would undo it */
    if (!store_check_children(db, p, parent, k->v, k->n, err)) {
        db_rollback(db);
        return false;
    }
    plan_move_node(p, node, parent, to);
    char a[16], b[16];
    snprintf(a, sizeof a, "%d", from + 1);
    snprintf(b, sizeof b, "%d", to + 1);
    bool ok = store_save_children(db, p, parent, err) &&
              cmd_log_node(db, accion, p, node, CAMBIO_MOVER, "orden", a, b, "Mover", err);
    ok = cmd_tx_end(db, ok, err);
    if (!ok)
        plan_move_node(p, node, parent, from);
    return ok;
}

/* The real parent node would get under the shown node np, and the level
 * that has to be made implicit in between (NODE_RAIZ when none). */
static bool move_target(const Plan *p, int node, int np, int *real, NodeKind *implicit_kind)
{
    NodeKind k = p->nodes[node].kind;
    if (node <= 0 || np <= 0 || np >= p->nnodes || p->nodes[np].deleted || k <= NODE_EJE)
        return false;
    NodeKind pk = (NodeKind)(k - 1), nk = p->nodes[np].kind;
    *implicit_kind = NODE_RAIZ;
    *real = np;
    if (nk == pk && !plan_node_implicit(p, np))
        return np != p->nodes[node].parent;
    if (nk + 1 == pk && level_may_be_implicit(pk)) {
        /* e.g. an actividad onto a meta of a plan without entregables */
        const IntVec *kids = &p->nodes[np].kids;
        for (int i = 0; i < kids->n; i++)
            if (p->nodes[kids->v[i]].kind == pk && plan_node_implicit(p, kids->v[i])) {
                *real = kids->v[i];
                return *real != p->nodes[node].parent;
            }
        if (kids->n > 0)   /* np uses that level explicitly */
            return false;
        *implicit_kind = pk;
        return true;
    }
    return false;
}

bool cmd_can_move_to(const Plan *p, int node, int new_parent)
{
    int real;
    NodeKind ik;
    return move_target(p, node, new_parent, &real, &ik);
}

bool cmd_move_to(Db *db, Plan *p, int node, int new_parent, PoaErr *err)
{
    int real;
    NodeKind ik;
    if (!move_target(p, node, new_parent, &real, &ik)) {
        err_set(err, "No se puede mover %s allí", kind_label(p, node));
        return false;
    }
    /* between entregables of one meta an activity keeps its unit, objetivo
     * and eje: no figure of a closed corte moves; anything else does */
    bool misma_meta = p->nodes[node].kind == NODE_ACTIVIDAD && ik == NODE_RAIZ &&
                      plan_ancestor(p, real, NODE_META) == plan_ancestor(p, node, NODE_META);
    if (!misma_meta && corte_congelado_estructura(p, node, p->nodes[node].kind == NODE_ACTIVIDAD
                                                         ? "moverla a otra meta"
                                                         : "mover la rama",
                                            err))
        return false;
    int64_t accion;
    if (!cmd_tx_begin(db, &accion, err))
        return false;
    bool ok = true, created = false;
    int made = -1;
    if (ik != NODE_RAIZ) {
        real = implicit_child(db, p, new_parent, ik, &created, err);
        ok = real >= 0;
        if (created)
            made = real;
    }
    int old_parent = p->nodes[node].parent;
    int old_pos = iv_find(&p->nodes[old_parent].kids, node);
    int old_unidad = p->nodes[node].unidad;
    char *antes = cmd_node_desc(p, cmd_visible_parent(p, node));
    /* both places are as we showed them: the node still where it was (not
     * deleted, not moved by another program), the new parent's list too */
    ok = ok && store_check_children(db, p, old_parent, p->nodes[old_parent].kids.v,
                                    p->nodes[old_parent].kids.n, err) &&
         (created || store_check_children(db, p, real, p->nodes[real].kids.v,
                                          p->nodes[real].kids.n, err));
    if (ok) {
        plan_move_node(p, node, real, -1);
        if (p->nodes[node].kind > NODE_META)
            store_set_unidad_subtree(p, node, p->nodes[real].unidad);
        char *despues = cmd_node_desc(p, new_parent);
        /* "padre" is for people; "padre_id" (ids of the real parents, implicit
         * levels included) and "orden" (1-based places) let undo put it back */
        char ia[24], ib[24], oa[16], ob[16];
        snprintf(ia, sizeof ia, "%lld", (long long)p->nodes[old_parent].id);
        snprintf(ib, sizeof ib, "%lld", (long long)p->nodes[real].id);
        snprintf(oa, sizeof oa, "%d", old_pos + 1);
        snprintf(ob, sizeof ob, "%d", iv_find(&p->nodes[real].kids, node) + 1);
        ok = store_save_children(db, p, real, err) &&
             store_save_children(db, p, old_parent, err) &&
             cmd_log_node(db, accion, p, node, CAMBIO_MOVER, "padre", antes, despues, "Mover",
                          err) &&
             cmd_log_node(db, accion, p, node, CAMBIO_MOVER, "padre_id", ia, ib, "Mover", err) &&
             cmd_log_node(db, accion, p, node, CAMBIO_MOVER, "orden", oa, ob, "Mover", err);
        free(despues);
    }
    free(antes);
    ok = cmd_tx_end(db, ok, err);
    if (!ok) {
        if (p->nodes[node].parent != old_parent) {
            plan_move_node(p, node, old_parent, old_pos);
            store_set_unidad_subtree(p, node, old_unidad);
        }
        if (made >= 0)
            plan_remove_node(p, made);
    }
    return ok;
}

/* For cmd_rama.c: the implicit level under parent a paste or move needs. */
int cmd_implicit_child(Db *db, Plan *p, int parent, NodeKind k, bool *created, PoaErr *err)
{
    return implicit_child(db, p, parent, k, created, err);
}
