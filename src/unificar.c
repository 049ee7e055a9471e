/* unificar.c — merging an eje or objetivo into another (moving children,
 * merging same-key children recursively, in one logged transaction with a
 * journal that restores the model on failure) and the spelling similarity
 * that proposes such merges. */
#include "unificar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "strmap.h"
#include "u8.h"
#include "util.h"

/* ---- names ---- */

const char *unificar_nombre(const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    return *n->texto || n->kind != NODE_OBJETIVO ? n->texto : n->codigo;
}

/* Folded, with every run of punctuation or spaces as one space: "Procesos
 * Internos." and "procesos  internos" read the same. Caller frees. */
static char *norm(const char *s)
{
    char *f = u8_fold(s);
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; f[i]; i++) {
        unsigned char c = (unsigned char)f[i];
        bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (!word) {
            space = o > 0;
            continue;
        }
        if (space)
            f[o++] = ' ';
        space = false;
        f[o++] = (char)c;
    }
    f[o] = '\0';
    return f;
}

/* Levenshtein distance if it is <= k, else k + 1; banded, O(len × k). */
static int lev_acotada(const char *a, size_t la, const char *b, size_t lb, int k)
{
    if ((la > lb ? la - lb : lb - la) > (size_t)k)
        return k + 1;
    int *prev = xmalloc(sizeof(int) * (lb + 1)), *cur = xmalloc(sizeof(int) * (lb + 1));
    const int INF = k + 1;
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j <= (size_t)k ? (int)j : INF;
    for (size_t i = 1; i <= la; i++) {
        size_t lo = i > (size_t)k ? i - (size_t)k : 1;
        size_t hi = i + (size_t)k < lb ? i + (size_t)k : lb;
        int best = INF;
        for (size_t j = 0; j <= lb; j++)
            cur[j] = INF;
        if (i <= (size_t)k)
            cur[0] = (int)i;
        for (size_t j = lo; j <= hi; j++) {
            int v = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            cur[j] = v > INF ? INF : v;
            if (cur[j] < best)
                best = cur[j];
        }
        int *t = prev;
        prev = cur;
        cur = t;
        if (best > k) {
            free(prev);
            free(cur);
            return INF;
        }
    }
    int d = prev[lb];
    free(prev);
    free(cur);
    return d > INF ? INF : d;
}

/* Plural and gender endings off: "clientes" -> "client", "financiera" ->
 * "financier", "procesos" -> "proces". Returns the stem length. */
static size_t stem_len(const char *w, size_t n)
{
    if (n > 3 && w[n - 1] == 's')
        n--;
    if (n > 3 && (w[n - 1] == 'a' || w[n - 1] == 'o' || w[n - 1] == 'e'))
        n--;
    return n;
}

static bool palabra_similar(const char *x, size_t lx, const char *y, size_t ly)
{
    if (lx == ly && memcmp(x, y, lx) == 0)
        return true;
    size_t mn = lx < ly ? lx : ly;
    if (mn < 4)
        return false;   /* short words must match exactly: "de" is not "a" */
    size_t sx = stem_len(x, lx), sy = stem_len(y, ly);
    if (sx == sy && memcmp(x, y, sx) == 0)
        return true;
    /* a shared root: "Financiero" / "Finanzas" share "finan" */
    size_t cp = 0;
    while (cp < mn && x[cp] == y[cp])
        cp++;
    size_t smin = sx < sy ? sx : sy;
    if (cp >= 5 && cp * 10 >= smin * 6)
        return true;
    int k = mn >= 8 ? 2 : 1;
    return lev_acotada(x, lx, y, ly, k) <= k;
}

/* The digits of a name in order: "Objetivo 1" and "Objetivo 2", or a 2023
 * and a 2024, are different things however close the letters are. */
static bool mismos_numeros(const char *a, const char *b)
{
    for (;;) {
        while (*a && !(*a >= '0' && *a <= '9'))
            a++;
        while (*b && !(*b >= '0' && *b <= '9'))
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        while (*a >= '0' && *a <= '9' && *a == *b) {
            a++;
            b++;
        }
        if ((*a >= '0' && *a <= '9') || (*b >= '0' && *b <= '9'))
            return false;
    }
}

static bool norm_similares(const char *a, const char *b)
{
    if (!*a || !*b)
        return false;
    if (strcmp(a, b) == 0)
        return true;
    if (!mismos_numeros(a, b))
        return false;
    /* word by word, when both have the same number of words */
    const char *pa = a, *pb = b;
    bool all = true;
    while (all) {
        const char *ea = strchr(pa, ' '), *eb = strchr(pb, ' ');
        size_t la = ea ? (size_t)(ea - pa) : strlen(pa);
        size_t lb = eb ? (size_t)(eb - pb) : strlen(pb);
        if (!palabra_similar(pa, la, pb, lb))
            all = false;
        else if (!ea || !eb) {
            all = !ea && !eb;
            break;
        } else {
            pa = ea + 1;
            pb = eb + 1;
        }
    }
    if (all)
        return true;
    /* long texts (objetivos): a few letters' difference overall, e.g.
     * "captación" / "capacitación" or "y los usuarios" / "a los usuarios" */
    size_t la = strlen(a), lb = strlen(b);
    size_t mn = la < lb ? la : lb;
    if (mn < 30)
        return false;
    int k = (int)(mn / 25);
    if (k < 3)
        k = 3;
    return lev_acotada(a, la, b, lb, k) <= k;
}

bool unificar_nombres_similares(const char *a, const char *b)
{
    char *na = norm(a), *nb = norm(b);
    bool r = norm_similares(na, nb);
    free(na);
    free(nb);
    return r;
}

int unificar_buscar(const Plan *p, NodeKind kind, const char *nombre, IntVec *out)
{
    int found = 0;
    for (int pass = 0; pass < 2 && !found; pass++) {
        char *nn = pass ? norm(nombre) : NULL;
        for (int i = 1; i < p->nnodes; i++) {
            const Node *n = &p->nodes[i];
            if (n->deleted || n->kind != kind)
                continue;
            bool hit;
            if (pass == 0) {
                hit = strcmp(n->texto, nombre) == 0;
                if (!hit && kind == NODE_OBJETIVO && *n->codigo) {
                    size_t lc = strlen(n->codigo);
                    hit = strcmp(n->codigo, nombre) == 0 ||
                          (strncmp(nombre, n->codigo, lc) == 0 && nombre[lc] == ' ' &&
                           strcmp(nombre + lc + 1, n->texto) == 0);
                }
            } else {
                char *t = norm(n->texto);
                hit = *t && strcmp(t, nn) == 0;
                free(t);
            }
            if (hit) {
                iv_push(out, i);
                found++;
            }
        }
        free(nn);
    }
    return found;
}

/* ---- suggestions ---- */

typedef struct {
    char *codigo;      /* folded code ("" if none) */
    char *norm;        /* normalized name */
    int nodo;          /* first node with this name */
    int acts;          /* actividades under all its nodes */
    int padre;         /* union-find */
} Item;

static int uf_find(Item *it, int i)
{
    while (it[i].padre != i) {
        it[i].padre = it[it[i].padre].padre;
        i = it[i].padre;
    }
    return i;
}

static void uf_union(Item *it, int a, int b)
{
    a = uf_find(it, a);
    b = uf_find(it, b);
    if (a != b)
        it[b].padre = a;
}

static bool codigos_compatibles(const char *a, const char *b)
{
    /* O.E.1 and O.E.3 are different objetivos however alike their texts */
    return !*a || !*b || strcmp(a, b) == 0;
}

/* Distinct names above this are compared only by their folded form. */
enum { MAX_PARES = 4000 };

int unificar_sugerencias(const Plan *p, NodeKind kind, UnificarSugerencia **out)
{
    *out = NULL;
    Item *it = NULL;
    int n = 0, cap = 0;
    StrMap exactos = {0};   /* raw name (codigo \x1f texto) -> item */
    StrBuf k = {0};
    for (int i = 1; i < p->nnodes; i++) {
        const Node *nd = &p->nodes[i];
        if (nd->deleted || nd->kind != kind || plan_node_implicit(p, i) || !*nd->texto)
            continue;
        sb_clear(&k);
        sb_append(&k, kind == NODE_OBJETIVO ? nd->codigo : "");
        sb_putc(&k, '\x1f');
        sb_append(&k, nd->texto);
        bool nuevo;
        int *slot = strmap_put(&exactos, sb_str(&k), n, &nuevo);
        int acts = plan_count_actividades(p, i);
        if (!nuevo) {
            /* the same objetivo under several ejes: one name; merging the
             * ejes merges them */
            it[*slot].acts += acts;
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            it = xrealloc(it, sizeof *it * (size_t)cap);
        }
        char *fc = u8_fold(kind == NODE_OBJETIVO ? nd->codigo : "");
        it[n] = (Item){fc, norm(nd->texto), i, acts, n};
        n++;
    }
    strmap_free(&exactos);
    /* the same folded name: similar without comparing */
    StrMap folded = {0};
    int *rep = xmalloc(sizeof(int) * (size_t)(n ? n : 1));
    int nrep = 0;
    for (int i = 0; i < n; i++) {
        sb_clear(&k);
        sb_append(&k, it[i].codigo);
        sb_putc(&k, '\x1f');
        sb_append(&k, it[i].norm);
        bool nuevo;
        int *slot = strmap_put(&folded, sb_str(&k), i, &nuevo);
        if (nuevo)
            rep[nrep++] = i;
        else
            uf_union(it, *slot, i);
    }
    strmap_free(&folded);
    sb_free(&k);
    /* distinct folded names are few (ejes: a handful; objetivos: tens) */
    if (nrep <= MAX_PARES)
        for (int a = 0; a < nrep; a++)
            for (int b = a + 1; b < nrep; b++) {
                Item *x = &it[rep[a]], *y = &it[rep[b]];
                if (codigos_compatibles(x->codigo, y->codigo) &&
                    norm_similares(x->norm, y->norm))
                    uf_union(it, rep[a], rep[b]);
            }
    free(rep);
    /* each group merges into its member with most actividades (first on ties) */
    int *canon = xmalloc(sizeof(int) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++)
        canon[i] = -1;
    for (int i = 0; i < n; i++) {
        int r = uf_find(it, i);
        if (canon[r] < 0 || it[i].acts > it[canon[r]].acts)
            canon[r] = i;
    }
    UnificarSugerencia *s = NULL;
    int ns = 0;
    for (int i = 0; i < n; i++) {
        int c = canon[uf_find(it, i)];
        if (c == i)
            continue;
        s = xrealloc(s, sizeof *s * (size_t)(ns + 1));
        s[ns++] = (UnificarSugerencia){it[i].nodo, it[c].nodo};
    }
    free(canon);
    for (int i = 0; i < n; i++) {
        free(it[i].codigo);
        free(it[i].norm);
    }
    free(it);
    *out = s;
    return ns;
}

/* ---- merging ---- */

typedef enum { J_MOVE, J_REMOVE } JKind;
typedef struct {
    JKind kind;
    int node, parent, pos;
} JOp;

typedef struct {
    Db *db;
    Plan *p;
    int64_t accion;
    const char *desc;
    UnificarStats *st;
    PoaErr *err;
    JOp *j;
    int nj, capj;
} Merge;

static void journal(Merge *m, JKind k, int node, int parent, int pos)
{
    if (m->nj == m->capj) {
        m->capj = m->capj ? m->capj * 2 : 32;
        m->j = xrealloc(m->j, sizeof *m->j * (size_t)m->capj);
    }
    m->j[m->nj++] = (JOp){k, node, parent, pos};
}

/* Puts the model back as it was, undoing the journal in reverse. */
static void journal_undo(Merge *m)
{
    Plan *p = m->p;
    for (int i = m->nj - 1; i >= 0; i--) {
        JOp *o = &m->j[i];
        if (o->kind == J_MOVE) {
            plan_move_node(p, o->node, o->parent, o->pos);
        } else {
            /* removed nodes were empty by then: only the node itself */
            p->nodes[o->node].deleted = false;
            iv_insert(&p->nodes[o->parent].kids, o->pos, o->node);
        }
    }
}

/* The key under which a child matches a child of the target, or NULL for
 * kinds that never merge (actividades). Caller frees. */
static char *clave(const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    switch (n->kind) {
    case NODE_OBJETIVO:
    case NODE_ENTREGABLE:
        return xasprintf("%s\x1f%s", n->codigo, n->texto);
    case NODE_META:
        return xasprintf("%d\x1f%s", n->unidad, n->texto);
    default:
        return NULL;
    }
}

static const char *campo_padre(NodeKind k)
{
    switch (k) {
    case NODE_OBJETIVO: return "eje_id";
    case NODE_META: return "objetivo_id";
    case NODE_ENTREGABLE: return "meta_id";
    case NODE_ACTIVIDAD: return "entregable_id";
    default: return "plan_id";
    }
}

static bool merge_rec(Merge *m, int src, int dst)
{
    Plan *p = m->p;
    /* the target's children by key, built once per level: linear */
    StrMap keys = {0};
    const IntVec *dk = &p->nodes[dst].kids;
    for (int i = 0; i < dk->n; i++) {
        char *key = clave(p, dk->v[i]);
        if (key)
            strmap_put(&keys, key, dk->v[i], NULL);
        free(key);
    }
    char a[32], b[32];
    bool ok = true;
    while (ok && p->nodes[src].kids.n > 0) {
        int c = p->nodes[src].kids.v[0];
        char *key = clave(p, c);
        int *t = key ? strmap_get(&keys, key) : NULL;
        if (t) {
            ok = merge_rec(m, c, *t);
        } else {
            journal(m, J_MOVE, c, src, 0);
            plan_move_node(p, c, dst, -1);
            if (key)
                strmap_put(&keys, key, c, NULL);
            m->st->movidos++;
            snprintf(a, sizeof a, "%lld", (long long)p->nodes[src].id);
            snprintf(b, sizeof b, "%lld", (long long)p->nodes[dst].id);
            ok = store_log(m->db, m->accion, p->id, CAMBIO_UNIFICAR, store_table(p->nodes[c].kind),
                           p->nodes[c].id, campo_padre(p->nodes[c].kind), a, b, m->desc,
                           m->err);
        }
        free(key);
    }
    strmap_free(&keys);
    /* children first to their new parent, then the empty node goes */
    if (ok)
        ok = store_save_children(m->db, p, dst, m->err);
    if (ok) {
        int parent = p->nodes[src].parent;
        int pos = iv_find(&p->nodes[parent].kids, src);
        ok = store_log(m->db, m->accion, p->id, CAMBIO_UNIFICAR, store_table(p->nodes[src].kind),
                       p->nodes[src].id, "*", unificar_nombre(p, src),
                       unificar_nombre(p, dst), m->desc, m->err) &&
             store_delete_node(m->db, p, src, m->err);
        if (ok) {
            journal(m, J_REMOVE, src, parent, pos);
            plan_remove_node(p, src);
            m->st->unificados++;
        }
    }
    return ok;
}

bool unificar_nodos(Db *db, Plan *p, const int *origenes, int norig, int destino,
                    UnificarStats *st, PoaErr *err)
{
    UnificarStats dummy;
    if (!st)
        st = &dummy;
    memset(st, 0, sizeof *st);
    if (destino <= 0 || destino >= p->nnodes || p->nodes[destino].deleted || norig <= 0) {
        err_set(err, "Error interno: nodo inexistente al unificar");
        return false;
    }
    NodeKind k = p->nodes[destino].kind;
    for (int i = 0; i < norig; i++) {
        int o = origenes[i];
        if (o <= 0 || o >= p->nnodes || p->nodes[o].deleted) {
            err_set(err, "Error interno: nodo inexistente al unificar");
            return false;
        }
        if (p->nodes[o].kind != k || k == NODE_ACTIVIDAD || k == NODE_RAIZ) {
            err_set(err, "Solo se unifican elementos del mismo nivel (eje con eje, objetivo "
                    "con objetivo)");
            return false;
        }
        if (o == destino) {
            err_set(err, "El %s «%s» ya es el destino: no hay nada que unificar",
                    node_kind_name(k), unificar_nombre(p, o));
            return false;
        }
        for (int j = 0; j < i; j++)
            if (origenes[j] == o) {
                err_set(err, "Error interno: el mismo %s dos veces al unificar",
                        node_kind_name(k));
                return false;
            }
    }
    char *desc = xasprintf("Unificar %s «%s» en «%s»", node_kind_name(k),
                           unificar_nombre(p, origenes[0]), unificar_nombre(p, destino));
    Merge m = {.db = db, .p = p, .desc = desc, .st = st, .err = err};
    bool ok = db_begin(db, err);
    if (ok) {
        m.accion = store_lote_begin(db, p->id, desc, err);
        ok = m.accion != 0;
        for (int i = 0; ok && i < norig; i++) {
            int parent = p->nodes[origenes[i]].parent;
            ok = merge_rec(&m, origenes[i], destino) && store_save_children(db, p, parent, err);
        }
        ok = ok && store_lote_end(db, m.accion, err);
        if (ok)
            ok = db_commit(db, err);
        else
            db_rollback(db);
        if (!ok) {
            journal_undo(&m);
            memset(st, 0, sizeof *st);
        }
    }
    if (!ok)
        err_prefix(err, "No se unificó %s «%s» en «%s»", node_kind_name(k),
                   unificar_nombre(p, origenes[0]), unificar_nombre(p, destino));
    free(m.j);
    free(desc);
    return ok;
}
