/* cmd_rama.c — copy, cut and paste of branches and duplicate in place: the
 * clipboard's references, where a pasted node goes, the copy by value (no
 * seguimiento) and the move of a cut; one transaction each (cmd_rama.h). */
#include "cmd_rama.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_int.h"
#include "corte_congelado.h"
#include "store.h"
#include "u8.h"

/* ---- the clipboard ---- */

int rama_find(const Plan *p, NodeKind kind, int64_t id)
{
    for (int i = 1; i < p->nnodes; i++)
        if (!p->nodes[i].deleted && p->nodes[i].kind == kind && p->nodes[i].id == id)
            return i;
    return -1;
}

/* node is anc or lies under it */
static bool bajo(const Plan *p, int node, int anc)
{
    for (int q = node; q >= 0; q = p->nodes[q].parent)
        if (q == anc)
            return true;
    return false;
}

/* The nodes of the set that no other node of it contains, each once, in
 * the given order. */
static int *tops(const Plan *p, const int *nodes, int n, int *out_n)
{
    int *t = xmalloc(sizeof *t * (size_t)(n > 0 ? n : 1));
    int nt = 0;
    for (int i = 0; i < n; i++) {
        int x = nodes[i];
        if (x <= 0 || x >= p->nnodes || p->nodes[x].deleted)
            continue;
        bool skip = false;
        for (int j = 0; j < n && !skip; j++)
            skip = (nodes[j] != x && nodes[j] > 0 && nodes[j] < p->nnodes &&
                    bajo(p, x, nodes[j])) ||
                   (j < i && nodes[j] == x);
        if (!skip)
            t[nt++] = x;
    }
    *out_n = nt;
    return t;
}

void rama_portapapeles_clear(RamaPortapapeles *c)
{
    free(c->refs);
    memset(c, 0, sizeof *c);
}

void rama_portapapeles_set(RamaPortapapeles *c, const Plan *p, const int *nodes, int n,
                           bool cortar)
{
    rama_portapapeles_clear(c);
    int nt;
    int *t = tops(p, nodes, n, &nt);
    c->refs = xmalloc(sizeof *c->refs * (size_t)(nt > 0 ? nt : 1));
    for (int i = 0; i < nt; i++) {
        c->refs[i].kind = p->nodes[t[i]].kind;
        c->refs[i].id = p->nodes[t[i]].id;
    }
    c->n = nt;
    c->plan_id = nt ? p->id : 0;
    c->cortar = cortar;
    free(t);
}

int *rama_portapapeles_nodos(const RamaPortapapeles *c, const Plan *p, int *n_out)
{
    int *v = xmalloc(sizeof *v * (size_t)(c->n > 0 ? c->n : 1));
    int n = 0;
    for (int i = 0; i < c->n; i++) {
        int x = rama_find(p, c->refs[i].kind, c->refs[i].id);
        if (x > 0)
            v[n++] = x;
    }
    *n_out = n;
    return v;
}

void rama_resultado_free(RamaResultado *r)
{
    if (!r)
        return;
    iv_free(&r->nodos);
    memset(r, 0, sizeof *r);
}

/* ---- where a pasted node goes ---- */

static bool may_be_implicit(NodeKind k) { return k == NODE_EJE || k == NODE_ENTREGABLE; }

static const char *donde(NodeKind k)
{
    switch (k) {
    case NODE_EJE: return "Un eje se pega en el plan o sobre otro eje";
    case NODE_OBJETIVO: return "Un objetivo se pega sobre un eje o sobre otro objetivo";
    case NODE_META: return "Una meta operativa se pega sobre un objetivo o sobre otra meta operativa";
    case NODE_ENTREGABLE:
        return "Un entregable se pega sobre una meta operativa o sobre otro entregable";
    default:
        return "Una actividad se pega sobre una meta operativa, un entregable o otra actividad";
    }
}

bool cmd_rama_destino(const Plan *dst, int ref, NodeKind k, int *parent, int *pos,
                      NodeKind *implicito, PoaErr *err)
{
    *implicito = NODE_RAIZ;
    int a = ref > 0 && ref < dst->nnodes && !dst->nodes[ref].deleted ? ref : 0;
    for (;;) {
        const Node *n = &dst->nodes[a];
        bool impl = a > 0 && plan_node_implicit(dst, a);
        if (a > 0 && n->kind == k && !impl) {   /* a sibling: right after it */
            *parent = n->parent;
            *pos = iv_find(&dst->nodes[n->parent].kids, a) + 1;
            return true;
        }
        if (!impl && n->kind < k) {
            if (n->kind + 1 == k) {
                *parent = a;
                *pos = n->kids.n;
                return true;
            }
            if (n->kind + 2 == k && may_be_implicit((NodeKind)(k - 1))) {
                for (int i = 0; i < n->kids.n; i++) {
                    int c = n->kids.v[i];
                    if (plan_node_implicit(dst, c)) {
                        *parent = c;
                        *pos = dst->nodes[c].kids.n;
                        return true;
                    }
                }
                if (n->kids.n == 0) {   /* a first child: through a new implicit level */
                    *parent = a;
                    *pos = 0;
                    *implicito = (NodeKind)(k - 1);
                    return true;
                }
            }
            err_set(err, "%s", donde(k));
            return false;
        }
        if (a == 0) {
            err_set(err, "%s", donde(k));
            return false;
        }
        a = n->parent;
    }
}

/* ---- keys of the new siblings ---- */

static bool codigo_tomado(const Plan *p, int parent, NodeKind k, const char *cod, int self)
{
    if (!*cod)
        return false;
    const IntVec *kids = &p->nodes[parent].kids;
    for (int i = 0; i < kids->n; i++) {
        const Node *s = &p->nodes[kids->v[i]];
        if (kids->v[i] != self && s->kind == k && strcmp(s->codigo, cod) == 0)
            return true;
    }
    return false;
}

/* The file's UNIQUE keys: eje (plan, nombre), objetivo (eje, código,
 * texto), meta (objetivo, unidad, texto). */
static bool clave_tomada(const Plan *p, int parent, NodeKind k, int unidad, const char *cod,
                         const char *txt, int self)
{
    if (k != NODE_EJE && k != NODE_OBJETIVO && k != NODE_META)
        return false;
    const IntVec *kids = &p->nodes[parent].kids;
    for (int i = 0; i < kids->n; i++) {
        const Node *s = &p->nodes[kids->v[i]];
        if (kids->v[i] == self || s->kind != k || strcmp(s->texto, txt) != 0)
            continue;
        if (k == NODE_EJE || (k == NODE_OBJETIVO && strcmp(s->codigo, cod) == 0) ||
            (k == NODE_META && s->unidad == unidad))
            return true;
    }
    return false;
}

/* The shown parent a code suggestion reads. */
static int shown(const Plan *p, int parent)
{
    return parent > 0 && plan_node_implicit(p, parent) ? cmd_visible_parent(p, parent) : parent;
}

/* A code free among parent's children for a node of kind k placed at pos:
 * cod itself when free, else cmd_codigo_sugerido's (or cod when it has no
 * suggestion). Caller frees; *cambiado when it differs. */
static char *codigo_libre(const Plan *p, int parent, int pos, NodeKind k, const char *cod,
                          int self, bool *cambiado)
{
    *cambiado = false;
    if (!codigo_tomado(p, parent, k, cod, self))
        return xstrdup(cod);
    const IntVec *kids = &p->nodes[parent].kids;
    int prev = 0;
    for (int i = pos - 1; i >= 0 && !prev; i--)
        if (kids->v[i] != self)
            prev = kids->v[i];
    char *s = cmd_codigo_sugerido(p, prev, shown(p, parent), k);
    if (!*s || codigo_tomado(p, parent, k, s, self)) {
        free(s);
        return xstrdup(cod);
    }
    *cambiado = true;
    return s;
}

/* ---- copy by value ---- */

typedef struct {
    Db *db;
    Plan *dst, *src;
    int unidad;          /* forced unit of pasted metas, or -1 */
    int nunidades0;      /* dst's units before: those after it were created */
    RamaResultado *res;
    PoaErr *err;
    char *de;            /* the top node's code changed de → a: "de.1" becomes "a.1" */
    const char *a;
} Pega;

/* The unit in dst for src's unit su (same plan: itself; another plan: the
 * one of the same name, created when missing); -2 on failure. */
static int unidad_destino(Pega *g, int su)
{
    if (g->src == g->dst || su < 0)
        return su;
    const Unidad *s = &g->src->unidades[su];
    int u = plan_find_unidad(g->dst, s->nombre);
    if (u >= 0)
        return u;
    u = plan_add_unidad(g->dst, 0, s->nombre, s->mision, s->nota);
    return store_insert_unidad(g->db, g->dst, u, g->err) ? u : -2;
}

static void copiar_textos(char **dst, const char *src)
{
    str_free(*dst);
    *dst = xstrdup(src);
}

/* Every planning field of sa into da (a new actividad): not its seguimiento. */
static void copiar_actividad(Actividad *da, const Actividad *sa)
{
    copiar_textos(&da->unidad_lider, sa->unidad_lider);
    copiar_textos(&da->responsables, sa->responsables);
    copiar_textos(&da->moneda, sa->moneda);
    copiar_textos(&da->presupuesto_nota, sa->presupuesto_nota);
    copiar_textos(&da->riesgos, sa->riesgos);
    da->has_presupuesto = sa->has_presupuesto;
    da->presupuesto = sa->presupuesto;
    memcpy(da->mes, sa->mes, sizeof da->mes);
    memcpy(da->trim, sa->trim, sizeof da->trim);
    da->meta_anual = sa->meta_anual;
    da->tipo = sa->tipo;
    da->sentido = sa->sentido;
    da->peso = sa->peso;
}

/* Copies src node sn (and its subtree) under dst's parent at pos; the top
 * node gets codigo/texto/unidad as resolved by the caller. *out gets the
 * new index as soon as it is in the model (the caller removes it when the
 * copy fails: false, err set). */
static bool copiar_nodo(Pega *g, int sn, int parent, int pos, const char *codigo,
                        const char *texto, int unidad, int *out)
{
    Plan *dst = g->dst;
    /* dst may be src: indices stay, pointers into nodes/acts do not */
    NodeKind k = g->src->nodes[sn].kind;
    int nk = g->src->nodes[sn].kids.n;
    int *kids = xmalloc(sizeof *kids * (size_t)(nk > 0 ? nk : 1));
    if (nk)
        memcpy(kids, g->src->nodes[sn].kids.v, sizeof *kids * (size_t)nk);
    int ix = plan_add_node(dst, k, 0, parent, pos, unidad, codigo, texto);
    *out = ix;
    copiar_textos(&dst->nodes[ix].indicador, g->src->nodes[sn].indicador);
    if (k == NODE_ACTIVIDAD) {
        copiar_actividad(plan_act(dst, ix), plan_act(g->src, sn));
        if (g->res)
            g->res->actividades++;
    }
    bool ok = store_insert_node(g->db, dst, ix, g->err);
    for (int i = 0; ok && i < nk; i++) {
        const Node *c = &g->src->nodes[kids[i]];
        int u = c->kind == NODE_META ? unidad_destino(g, c->unidad) : dst->nodes[ix].unidad;
        int child;
        /* a copied entregable renumbered 1 → 3 takes its actividades along
         * (1.1 → 3.1): left as they were they repeat the originals' codes
         * in the unit, and a code no longer tells them apart */
        size_t dl = g->de ? strlen(g->de) : 0;
        char *cod = dl && strncmp(c->codigo, g->de, dl) == 0 && c->codigo[dl] == '.'
                        ? xasprintf("%s%s", g->a, c->codigo + dl)
                        : xstrdup(c->codigo);
        ok = u != -2 &&
             copiar_nodo(g, kids[i], ix, dst->nodes[ix].kids.n, cod, c->texto, u, &child);
        free(cod);
    }
    free(kids);
    return ok;
}

/* The top node of a copy: unit, a free code, texts that keep the file's
 * unique keys, then the copy itself. */
static bool pegar_copia(Pega *g, int sn, int parent, int pos, int *out)
{
    Plan *dst = g->dst;
    const Node *s = &g->src->nodes[sn];
    NodeKind k = s->kind;
    int u;
    if (k == NODE_META)
        u = g->unidad >= 0 ? g->unidad : unidad_destino(g, s->unidad);
    else
        u = k > NODE_META ? dst->nodes[parent].unidad : -1;
    if (u == -2)
        return false;
    s = &g->src->nodes[sn];   /* a unit added to dst does not move nodes, but be plain */
    bool cambiado;
    char *cod = codigo_libre(dst, parent, pos, k, s->codigo, -1, &cambiado);
    char *txt = xstrdup(s->texto);
    for (int i = 1; clave_tomada(dst, parent, k, u, cod, txt, -1) && i < 100; i++) {
        free(txt);
        /* a meta without text (the Caja's) reads "(copia)", not " (copia)" */
        const char *sp = *s->texto ? " " : "";
        txt = i == 1 ? xasprintf("%s%s(copia)", s->texto, sp)
                     : xasprintf("%s%s(copia %d)", s->texto, sp, i);
    }
    if (cambiado && *s->codigo) {
        g->de = xstrdup(s->codigo);   /* src may be dst: its nodes move as the copy grows */
        g->a = cod;
    }
    bool ok = copiar_nodo(g, sn, parent, pos, cod, txt, u, out);
    free(g->de);
    g->de = NULL;
    g->a = NULL;
    if (ok && cambiado && g->res)
        g->res->codigos++;
    free(cod);
    free(txt);
    return ok;
}

/* ---- a cut pasted in its plan: a move ---- */

typedef struct {
    int node, parent, pos, unidad;
    char *codigo;   /* the code before, when it changed; else NULL */
} Antes;

typedef struct {
    Antes *v;
    int n;
} Movidos;

static bool log_mover(Db *db, int64_t accion, Plan *p, int node, int old_parent, int old_pos,
                      const char *antes_desc, PoaErr *err)
{
    int parent = p->nodes[node].parent;
    char *despues = cmd_node_desc(p, cmd_visible_parent(p, node));
    char ia[24], ib[24], oa[16], ob[16];
    snprintf(ia, sizeof ia, "%lld", (long long)p->nodes[old_parent].id);
    snprintf(ib, sizeof ib, "%lld", (long long)p->nodes[parent].id);
    snprintf(oa, sizeof oa, "%d", old_pos + 1);
    snprintf(ob, sizeof ob, "%d", iv_find(&p->nodes[parent].kids, node) + 1);
    /* the rows and their order of cmd_move_to: undo reads them */
    bool ok = cmd_log_node(db, accion, p, node, CAMBIO_MOVER, "padre", antes_desc, despues,
                           "Mover", err) &&
              cmd_log_node(db, accion, p, node, CAMBIO_MOVER, "padre_id", ia, ib, "Mover", err) &&
              cmd_log_node(db, accion, p, node, CAMBIO_MOVER, "orden", oa, ob, "Mover", err);
    free(despues);
    return ok;
}

/* Moves node to where a paste on ref puts it, inside the caller's
 * transaction; *m records what to put back in the model on failure. */
static bool mover_uno(Db *db, Plan *p, int64_t accion, int node, int ref, int unidad,
                      Movidos *m, IntVec *made, PoaErr *err)
{
    NodeKind k = p->nodes[node].kind;
    int parent, pos;
    NodeKind impl;
    if (!cmd_rama_destino(p, ref, k, &parent, &pos, &impl, err))
        return false;
    if ((ref != node && bajo(p, ref, node)) || bajo(p, parent, node)) {
        char *d = cmd_node_desc(p, node);
        err_set(err, "No se puede pegar %s dentro de sí mismo", d);
        free(d);
        return false;
    }
    int old_parent = p->nodes[node].parent;
    int old_pos = iv_find(&p->nodes[old_parent].kids, node);
    int old_unidad = p->nodes[node].unidad;
    bool cambia_unidad = k == NODE_META && unidad >= 0 && unidad != old_unidad;
    if (parent == old_parent && old_pos < pos)
        pos--;
    if (parent == old_parent && pos == old_pos && !cambia_unidad && impl == NODE_RAIZ)
        return true;   /* pasted where it already is */
    bool misma_meta = k == NODE_ACTIVIDAD && impl == NODE_RAIZ &&
                      plan_ancestor(p, parent, NODE_META) == plan_ancestor(p, node, NODE_META);
    if (parent != old_parent && !misma_meta &&
        corte_congelado_estructura(p, node, k == NODE_ACTIVIDAD ? "moverla a otra meta"
                                                                : "mover la rama", err))
        return false;
    if (cambia_unidad &&
        corte_congelado_estructura(p, node, "cambiar la unidad de su meta", err))
        return false;
    /* both places as we showed them (another program's move is not undone) */
    if (!store_check_children(db, p, old_parent, p->nodes[old_parent].kids.v,
                              p->nodes[old_parent].kids.n, err))
        return false;
    if (impl != NODE_RAIZ) {
        bool created = false;
        int real = cmd_implicit_child(db, p, parent, impl, &created, err);
        if (real < 0)
            return false;
        if (created)
            iv_push(made, real);
        parent = real;
        pos = p->nodes[real].kids.n;
    } else if (parent != old_parent &&
               !store_check_children(db, p, parent, p->nodes[parent].kids.v,
                                     p->nodes[parent].kids.n, err)) {
        return false;
    }
    char *antes_desc = cmd_node_desc(p, cmd_visible_parent(p, node));
    Antes *an = &m->v[m->n++];
    *an = (Antes){node, old_parent, old_pos, old_unidad, NULL};
    Node nb = p->nodes[node];   /* shallow: texts as the file holds them */
    plan_move_node(p, node, parent, pos);
    bool ok = true;
    bool cambiado;
    char *cod = codigo_libre(p, parent, pos, k, p->nodes[node].codigo, node, &cambiado);
    if (cambiado) {
        an->codigo = p->nodes[node].codigo;
        p->nodes[node].codigo = cod;
        cod = NULL;
    }
    free(cod);
    if (cambia_unidad)
        store_set_unidad_subtree(p, node, unidad);
    else if (k > NODE_META)
        store_set_unidad_subtree(p, node, p->nodes[parent].unidad);
    if (cambiado || cambia_unidad)
        ok = store_save_node(db, p, node, &nb, err);
    ok = ok && store_save_children(db, p, parent, err) &&
         (parent == old_parent || store_save_children(db, p, old_parent, err)) &&
         log_mover(db, accion, p, node, old_parent, old_pos, antes_desc, err);
    if (ok && cambiado)
        ok = cmd_log_node(db, accion, p, node, CAMBIO_CAMPO, "codigo", an->codigo,
                          p->nodes[node].codigo, "Editar", err);
    if (ok && cambia_unidad)
        ok = cmd_log_node(db, accion, p, node, CAMBIO_UNIDAD, "unidad_id",
                          old_unidad >= 0 ? p->unidades[old_unidad].nombre : "",
                          p->unidades[unidad].nombre, "Cambiar la unidad de", err);
    free(antes_desc);
    return ok;
}

static void deshacer_movidos(Plan *p, Movidos *m)
{
    for (int i = m->n - 1; i >= 0; i--) {
        Antes *an = &m->v[i];
        plan_move_node(p, an->node, an->parent, an->pos);
        store_set_unidad_subtree(p, an->node, an->unidad);
        if (an->codigo) {
            str_free(p->nodes[an->node].codigo);
            p->nodes[an->node].codigo = an->codigo;
            an->codigo = NULL;
        }
    }
}

static void movidos_free(Movidos *m)
{
    for (int i = 0; i < m->n; i++)
        str_free(m->v[i].codigo);
    free(m->v);
}

/* Moves the top nodes t (nt) of p to a paste on ref, in one action. */
static char *descripcion(const Plan *src, const int *t, int nt, const char *verbo);

static bool pegar_movidos(Db *db, Plan *p, const int *t, int nt, int ref, int unidad,
                          RamaResultado *res, PoaErr *err)
{
    int64_t accion;
    if (!cmd_tx_begin(db, &accion, err))
        return false;
    /* the whole action under one name, as it was before it moved */
    char *desc = descripcion(p, t, nt, "Mover");
    Movidos m = {xmalloc(sizeof *m.v * (size_t)nt), 0};
    IntVec made = {0};
    bool ok = true;
    int prev = -1;
    for (int i = 0; ok && i < nt; i++) {
        /* several of one level go one after the other, in their order */
        int r = prev > 0 && p->nodes[prev].kind == p->nodes[t[i]].kind ? prev : ref;
        ok = mover_uno(db, p, accion, t[i], r, unidad, &m, &made, err);
        prev = t[i];
    }
    ok = ok && store_log_describe(db, accion, desc, err);
    free(desc);
    ok = cmd_tx_end(db, ok, err);
    if (!ok) {
        deshacer_movidos(p, &m);
        for (int i = made.n - 1; i >= 0; i--)
            plan_remove_node(p, made.v[i]);
    } else if (res) {
        res->movido = true;
        for (int i = 0; i < nt; i++) {
            iv_push(&res->nodos, t[i]);
            res->actividades += plan_count_actividades(p, t[i]);
        }
        for (int i = 0; i < m.n; i++)
            res->codigos += m.v[i].codigo != NULL;
    }
    movidos_free(&m);
    iv_free(&made);
    return ok;
}

/* ---- paste ---- */

char *cmd_rama_nombre(const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    if (n->kind != NODE_META || n->unidad < 0)
        return cmd_node_desc(p, node);
    char t[64];
    u8_fit_copy(n->texto, 40, false, t, sizeof t);
    return xasprintf("meta operativa «%s%s%s»", p->unidades[n->unidad].nombre, *t ? ": " : "", t);
}

static char *descripcion(const Plan *src, const int *t, int nt, const char *verbo)
{
    int acts = 0;
    for (int i = 0; i < nt; i++)
        acts += plan_count_actividades(src, t[i]);
    char *what = nt == 1 ? cmd_rama_nombre(src, t[0]) : xasprintf("%d elementos", nt);
    char *d;
    if (nt == 1 && src->nodes[t[0]].kind == NODE_ACTIVIDAD)
        d = xasprintf("%s %s", verbo, what);
    else
        d = xasprintf("%s %s (con %d actividad%s)", verbo, what, acts, acts == 1 ? "" : "es");
    free(what);
    return d;
}

/* cmd_rama_pegar, with the verb of the copy's change-log action. */
static bool pegar(Db *db, Plan *dst, Plan *src, const int *nodes, int n, bool cortar, int ref,
                  int unidad, const char *verbo, RamaResultado *res, PoaErr *err)
{
    if (res)
        memset(res, 0, sizeof *res);
    if (unidad >= dst->nunidades)
        unidad = -1;
    int nt;
    int *t = tops(src, nodes, n, &nt);
    if (!nt) {
        err_set(err, "No hay nada que pegar: copie (C) o corte (X) primero");
        free(t);
        return false;
    }
    if (cortar && src == dst) {
        bool ok = pegar_movidos(db, dst, t, nt, ref, unidad, res, err);
        free(t);
        return ok;
    }
    /* every destination first, before writing anything: a refusal names it */
    for (int i = 0; i < nt; i++) {
        int parent, pos;
        NodeKind impl;
        if (!cmd_rama_destino(dst, ref, src->nodes[t[i]].kind, &parent, &pos, &impl, err)) {
            free(t);
            return false;
        }
        if (src == dst && ((ref != t[i] && bajo(dst, ref, t[i])) || bajo(dst, parent, t[i]))) {
            char *d = cmd_node_desc(dst, t[i]);
            err_set(err, "No se puede pegar %s dentro de sí mismo", d);
            free(d);
            free(t);
            return false;
        }
    }
    char *desc = descripcion(src, t, nt, verbo);
    if (!db_begin(db, err)) {
        free(desc);
        free(t);
        return false;
    }
    Pega g = {db, dst, src, unidad, dst->nunidades, res, err, NULL, NULL};
    int64_t accion = store_lote_begin(db, dst->id, desc, err);
    bool ok = accion > 0;
    IntVec added = {0}, made = {0};
    int prev = -1;
    for (int i = 0; ok && i < nt; i++) {
        NodeKind k = src->nodes[t[i]].kind;
        int r = prev > 0 && dst->nodes[prev].kind == k ? prev : ref;
        int parent, pos;
        NodeKind impl;
        ok = cmd_rama_destino(dst, r, k, &parent, &pos, &impl, err);
        if (ok && impl != NODE_RAIZ) {
            bool created = false;
            int real = cmd_implicit_child(db, dst, parent, impl, &created, err);
            ok = real >= 0;
            if (created)
                iv_push(&made, real);
            parent = real;
            pos = ok ? dst->nodes[real].kids.n : 0;
        }
        int ix = -1;
        ok = ok && pegar_copia(&g, t[i], parent, pos, &ix);
        if (ix >= 0) {   /* a failed copy may have left part of itself in the model */
            iv_push(&added, ix);
            prev = ix;
        }
    }
    ok = ok && store_lote_end(db, accion, err);
    ok = cmd_tx_end(db, ok, err);
    if (!ok) {
        for (int i = added.n - 1; i >= 0; i--)
            plan_remove_node(dst, added.v[i]);
        for (int i = made.n - 1; i >= 0; i--)
            plan_remove_node(dst, made.v[i]);
        for (int u = dst->nunidades - 1; u >= g.nunidades0; u--) {
            free(dst->unidades[u].nombre);
            free(dst->unidades[u].mision);
            free(dst->unidades[u].nota);
        }
        dst->nunidades = g.nunidades0;
        if (res)
            rama_resultado_free(res);
    } else if (res) {
        for (int i = 0; i < added.n; i++)
            iv_push(&res->nodos, added.v[i]);
    }
    iv_free(&added);
    iv_free(&made);
    free(desc);
    free(t);
    return ok;
}

bool cmd_rama_duplicar(Db *db, Plan *p, int node, RamaResultado *res, PoaErr *err)
{
    if (node <= 0 || node >= p->nnodes || p->nodes[node].deleted) {
        err_set(err, "No hay nada que duplicar aquí");
        return false;
    }
    return pegar(db, p, p, &node, 1, false, node, -1, "Duplicar", res, err);
}

bool cmd_rama_pegar(Db *db, Plan *dst, Plan *src, const int *nodes, int n, bool cortar,
                    int ref, int unidad, RamaResultado *res, PoaErr *err)
{
    return pegar(db, dst, src, nodes, n, cortar, ref, unidad,
                 src == dst ? "Pegar" : "Pegar de otro año", res, err);
}
