/* arbol_filas.c — the visible rows of the plan's tree, the cached month masks of
 * summary rows, filters and search. Core code (no curses): unit-tested and benchmarked. */
#include "arbol_filas.h"

#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "strmap.h"
#include "u8.h"

ArbolFilas *arbol_filas_new(Plan *p)
{
    ArbolFilas *r = xcalloc(1, sizeof *r);
    r->plan = p;
    r->filtro_unidad = -1;
    r->filtro_corte = 1;
    r->umbrales = calc_umbrales_default();
    arbol_filas_sync(r);
    bool all = p->nnodes <= ARBOL_FILAS_EXPAND_ALL_LIMIT;
    for (int i = 0; i < p->nnodes; i++)
        r->expanded[i] = all || p->nodes[i].kind <= NODE_EJE;
    arbol_filas_mask_all(r);
    return r;
}

void arbol_filas_free(ArbolFilas *r)
{
    if (!r)
        return;
    free(r->expanded);
    free(r->mask);
    free(r->shown);
    free(r->filtro_resp);
    free(r->rows);
    for (size_t i = 0; i < POA_ARRAY_LEN(r->scratch); i++)
        iv_free(&r->scratch[i]);
    free(r);
}

void arbol_filas_sync(ArbolFilas *r)
{
    int n = r->plan->nnodes;
    if (n > r->cap) {
        int cap = r->cap ? r->cap : 64;
        while (cap < n)
            cap *= 2;
        r->expanded = xrealloc(r->expanded, (size_t)cap);
        r->mask = xrealloc(r->mask, sizeof *r->mask * (size_t)cap);
        memset(r->expanded + r->cap, 1, (size_t)(cap - r->cap));
        memset(r->mask + r->cap, 0, sizeof *r->mask * (size_t)(cap - r->cap));
        if (r->shown)
            r->shown = xrealloc(r->shown, (size_t)cap);
        r->cap = cap;
    }
    /* new nodes are shown under a filter: the analyst just made them (also
     * when they fit in the arrays already, which the filter pass zeroed) */
    if (r->shown && n > r->known)
        memset(r->shown + r->known, 1, (size_t)(n - r->known));
    r->known = n;
}

static void kids_into(const Plan *p, int node, IntVec *out)
{
    const IntVec *k = &p->nodes[node].kids;
    for (int i = 0; i < k->n; i++) {
        if (plan_node_implicit(p, k->v[i]))
            kids_into(p, k->v[i], out);
        else
            iv_push(out, k->v[i]);
    }
}

void arbol_filas_kids(const Plan *p, int node, IntVec *out)
{
    out->n = 0;
    kids_into(p, node, out);
}

int arbol_filas_nkids(const Plan *p, int node)
{
    const IntVec *k = &p->nodes[node].kids;
    int c = 0;
    for (int i = 0; i < k->n; i++)
        c += plan_node_implicit(p, k->v[i]) ? arbol_filas_nkids(p, k->v[i]) : 1;
    return c;
}

bool arbol_filas_sin_eje(const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    if (n->kind != NODE_OBJETIVO || n->parent < 0 || p->nodes[n->parent].kind != NODE_EJE ||
        p->nodes[n->parent].parent < 0 || !plan_node_implicit(p, n->parent))
        return false;
    /* in a plan without ejes the objetivos are the top level: nothing to say */
    const IntVec *hermanos = &p->nodes[p->nodes[n->parent].parent].kids;
    for (int i = 0; i < hermanos->n; i++)
        if (!plan_node_implicit(p, hermanos->v[i]))
            return true;
    return false;
}

static void push_row(ArbolFilas *r, int node, int depth, unsigned last)
{
    if (r->nrows == r->caprows) {
        r->caprows = r->caprows ? r->caprows * 2 : 256;
        r->rows = xrealloc(r->rows, sizeof *r->rows * (size_t)r->caprows);
    }
    r->rows[r->nrows++] = (ArbolFila){node, depth, last};
}

static void add_rows(ArbolFilas *r, int node, int depth, unsigned last)
{
    if (depth >= (int)POA_ARRAY_LEN(r->scratch))
        return;
    IntVec *k = &r->scratch[depth];
    arbol_filas_kids(r->plan, node, k);
    if (r->shown) {
        int j = 0;
        for (int i = 0; i < k->n; i++)
            if (r->shown[k->v[i]])
                k->v[j++] = k->v[i];
        k->n = j;
    }
    /* k is reused by deeper levels' siblings only after this loop: copy
     * nothing, but read the child before recursing */
    for (int i = 0; i < k->n; i++) {
        int c = k->v[i];
        /* a first page's cut node has more children to come */
        bool ultimo = i == k->n - 1 && !r->plan->nodes[node].recortado;
        unsigned bits = last | (ultimo ? 1u << depth : 0);
        push_row(r, c, depth, bits);
        if (r->expanded[c])
            add_rows(r, c, depth + 1, bits);
    }
}

void arbol_filas_rebuild(ArbolFilas *r)
{
    arbol_filas_sync(r);
    r->nrows = 0;
    add_rows(r, 0, 0, 0);
}

int arbol_filas_rebuild_keep(ArbolFilas *r, int sel, int keep_node)
{
    arbol_filas_rebuild(r);
    int ix = keep_node > 0 ? arbol_filas_find(r, keep_node) : -1;
    if (ix >= 0)
        sel = ix;
    if (sel >= r->nrows)
        sel = r->nrows - 1;
    return sel < 0 ? 0 : sel;
}

int arbol_filas_find(const ArbolFilas *r, int node)
{
    for (int i = 0; i < r->nrows; i++)
        if (r->rows[i].node == node)
            return i;
    return -1;
}

void arbol_filas_select(ArbolFilas *r, int node, int *sel)
{
    arbol_filas_reveal(r, node);
    arbol_filas_rebuild(r);
    int ix = arbol_filas_find(r, node);
    if (ix >= 0)
        *sel = ix;
}

void arbol_filas_expand_all(ArbolFilas *r, bool on)
{
    arbol_filas_sync(r);
    memset(r->expanded, on, (size_t)r->cap);
}

void arbol_filas_reveal(ArbolFilas *r, int node)
{
    arbol_filas_sync(r);
    for (int q = r->plan->nodes[node].parent; q >= 0; q = r->plan->nodes[q].parent)
        r->expanded[q] = 1;
}

unsigned short arbol_filas_mask_act(const Actividad *a)
{
    unsigned short m = 0;
    for (int i = 0; i < POA_MESES; i++)
        if (calc_mes_planificado(a, i + 1))
            m |= (unsigned short)(1u << i);
    return m;
}

static unsigned short mask_of(ArbolFilas *r, int node)
{
    Plan *p = r->plan;
    if (p->nodes[node].kind == NODE_ACTIVIDAD)
        return arbol_filas_mask_act(plan_act(p, node));
    unsigned short m = 0;
    const IntVec *k = &p->nodes[node].kids;
    for (int i = 0; i < k->n; i++)
        m |= r->mask[k->v[i]];
    return m;
}

static void mask_rec(ArbolFilas *r, int node)
{
    const IntVec *k = &r->plan->nodes[node].kids;
    for (int i = 0; i < k->n; i++)
        mask_rec(r, k->v[i]);
    r->mask[node] = mask_of(r, node);
}

void arbol_filas_mask_all(ArbolFilas *r)
{
    arbol_filas_sync(r);
    mask_rec(r, 0);
}

void arbol_filas_mask_update(ArbolFilas *r, int node)
{
    arbol_filas_sync(r);
    for (int q = node; q >= 0; q = r->plan->nodes[q].parent)
        r->mask[q] = r->plan->nodes[q].deleted ? 0 : mask_of(r, q);
}

/* ---- filters ---- */

bool arbol_filas_resp_match(const char *responsables, const char *uno)
{
    const char *s = responsables;
    while (*s) {
        size_t n = strcspn(s, "/-");
        char *part = str_trim(xstrndup(s, n));
        bool eq = false;
        if (*part) {
            char *a = u8_fold(part), *b = u8_fold(uno);
            eq = strcmp(a, b) == 0;
            free(a);
            free(b);
        }
        free(part);
        if (eq)
            return true;
        s += n;
        if (*s)
            s++;
    }
    return false;
}

static bool filter_rec(ArbolFilas *r, int node)
{
    Plan *p = r->plan;
    const Node *n = &p->nodes[node];
    bool any = false;
    for (int i = 0; i < n->kids.n; i++)
        any |= filter_rec(r, n->kids.v[i]);
    bool self = true;
    if (r->filtro_unidad >= 0)
        self = n->unidad == r->filtro_unidad;
    if (self && r->filtro_resp)
        self = n->kind == NODE_ACTIVIDAD &&
               arbol_filas_resp_match(plan_act(p, node)->responsables, r->filtro_resp);
    if (self && r->filtro_estado)
        self = n->kind == NODE_ACTIVIDAD && arbol_filas_estado_match(r, node, r->filtro_estado);
    if (self && n->kind < NODE_META)
        self = false;   /* ejes and objetivos are shown through what they hold */
    r->shown[node] = any || self;
    return r->shown[node];
}

const unsigned ARBOL_ESTADOS[ARBOL_ESTADO_N] = {
    ARBOL_ESTADO_ROJO, ARBOL_ESTADO_AMARILLO, ARBOL_ESTADO_VERDE, ARBOL_ESTADO_SIN_REPORTE,
    ARBOL_ESTADO_NO_VENCIDA,
};

bool arbol_filas_filtrado(const ArbolFilas *r)
{
    return r->filtro_unidad >= 0 || r->filtro_resp || r->filtro_estado;
}

unsigned arbol_filas_estado_de(const Actividad *a, int corte, const Umbrales *u)
{
    ResultadoAct res;
    calc_actividad(a, corte, u, &res);
    unsigned bits = 0;
    if (res.semaforo == SEM_ROJO)
        bits |= ARBOL_ESTADO_ROJO;
    else if (res.semaforo == SEM_AMARILLO)
        bits |= ARBOL_ESTADO_AMARILLO;
    else if (res.semaforo == SEM_VERDE)
        bits |= ARBOL_ESTADO_VERDE;
    if (res.estado == ESTADO_SIN_REPORTE)
        bits |= ARBOL_ESTADO_SIN_REPORTE;
    else if (res.estado == ESTADO_NO_VENCIDA)
        bits |= ARBOL_ESTADO_NO_VENCIDA;
    return bits;
}

bool arbol_filas_estado_match(const ArbolFilas *r, int node, unsigned estados)
{
    Actividad *a = plan_act(r->plan, node);
    return a && (arbol_filas_estado_de(a, r->filtro_corte, &r->umbrales) & estados) != 0;
}

const char *arbol_filas_estado_nombre(unsigned bit)
{
    switch (bit) {
    case ARBOL_ESTADO_ROJO: return "rojo";
    case ARBOL_ESTADO_AMARILLO: return "amarillo";
    case ARBOL_ESTADO_VERDE: return "verde";
    case ARBOL_ESTADO_SIN_REPORTE: return "sin reporte";
    case ARBOL_ESTADO_NO_VENCIDA: return "no vencida";
    default: return "";
    }
}

void arbol_filas_set_estado(ArbolFilas *r, unsigned estados, int corte, const Umbrales *u)
{
    r->filtro_estado = estados & ARBOL_ESTADO_TODOS;
    r->filtro_corte = corte >= 1 && corte <= POA_TRIMESTRES ? corte : 1;
    r->umbrales = u ? *u : calc_umbrales_default();
    char *resp = r->filtro_resp ? xstrdup(r->filtro_resp) : NULL;
    arbol_filas_set_filter(r, r->filtro_unidad, resp);
    free(resp);
}

void arbol_filas_set_filter(ArbolFilas *r, int unidad, const char *resp)
{
    arbol_filas_sync(r);
    r->filtro_unidad = unidad;
    if (resp != r->filtro_resp) {
        free(r->filtro_resp);
        r->filtro_resp = resp ? xstrdup(resp) : NULL;
    }
    if (unidad < 0 && !resp && !r->filtro_estado) {
        free(r->shown);
        r->shown = NULL;
        return;
    }
    if (!r->shown)
        r->shown = xmalloc((size_t)r->cap);
    memset(r->shown, 0, (size_t)r->cap);
    filter_rec(r, 0);
}

bool arbol_filas_is_shown(const ArbolFilas *r, int node)
{
    return !r->shown || (node < r->cap && r->shown[node]);
}

/* ---- search ---- */

static void preorder(const Plan *p, int node, IntVec *out)
{
    const IntVec *k = &p->nodes[node].kids;
    for (int i = 0; i < k->n; i++) {
        iv_push(out, k->v[i]);
        preorder(p, k->v[i], out);
    }
}

static bool node_matches(const Plan *p, int node, const char *needle)
{
    const Node *n = &p->nodes[node];
    if (plan_node_implicit(p, node))
        return false;
    if (u8_contains_folded(n->codigo, needle) || u8_contains_folded(n->texto, needle) ||
        u8_contains_folded(n->indicador, needle))
        return true;
    return n->kind == NODE_META && n->unidad >= 0 &&
           u8_contains_folded(p->unidades[n->unidad].nombre, needle);
}

int arbol_filas_search(const ArbolFilas *r, const char *needle, int from, int dir)
{
    return arbol_filas_search_wrap(r, needle, from, dir, NULL);
}

int arbol_filas_search_wrap(const ArbolFilas *r, const char *needle, int from, int dir,
                            bool *wrapped)
{
    if (wrapped)
        *wrapped = false;
    if (!needle || !*needle)
        return -1;
    IntVec order = {0};
    preorder(r->plan, 0, &order);
    int start = iv_find(&order, from), found = -1, at = -1;
    for (int step = 1; step <= order.n && found < 0; step++) {
        int i = ((start < 0 ? (dir > 0 ? -1 : 0) : start) + dir * step) % order.n;
        if (i < 0)
            i += order.n;
        int x = order.v[i];
        if (arbol_filas_is_shown(r, x) && node_matches(r->plan, x, needle)) {
            found = x;
            at = i;
        }
    }
    /* passing the end (or the start, going back) is what the analyst must
     * be told: the next n shows a match already seen */
    if (wrapped && found >= 0 && start >= 0)
        *wrapped = dir > 0 ? at <= start : at >= start;
    iv_free(&order);
    return found;
}

int arbol_filas_search_count(const ArbolFilas *r, const char *needle, int node, int *pos)
{
    if (pos)
        *pos = 0;
    if (!needle || !*needle)
        return 0;
    IntVec order = {0};
    preorder(r->plan, 0, &order);
    int total = 0;
    for (int i = 0; i < order.n; i++) {
        int x = order.v[i];
        if (arbol_filas_is_shown(r, x) && node_matches(r->plan, x, needle)) {
            total++;
            if (x == node && pos)
                *pos = total;
        }
    }
    iv_free(&order);
    return total;
}

typedef struct {
    char *text;
    char *folded;
} RespItem;

static int cmp_folded(const void *a, const void *b)
{
    return strcmp(((const RespItem *)a)->folded, ((const RespItem *)b)->folded);
}

/* Distinct responsables, each part folded once and deduplicated through a
 * hash of its folded form: linear in the plan, whatever the number of names. */
char **arbol_filas_responsables(const Plan *p, int *n)
{
    RespItem *items = NULL;
    int cnt = 0, cap = 0;
    StrMap seen = {0};
    for (int i = 0; i < p->nacts; i++) {
        if (p->nodes[p->acts[i].node].deleted)
            continue;
        const char *s = p->acts[i].responsables;
        while (*s) {
            size_t len = strcspn(s, "/-");
            char *part = str_trim(xstrndup(s, len));
            char *folded = *part ? u8_fold(part) : NULL;
            bool nuevo = false;
            if (folded)
                strmap_put(&seen, folded, cnt, &nuevo);
            if (nuevo) {
                if (cnt == cap) {
                    cap = cap ? cap * 2 : 32;
                    items = xrealloc(items, sizeof *items * (size_t)cap);
                }
                items[cnt++] = (RespItem){part, folded};
            } else {
                free(part);
                free(folded);
            }
            s += len;
            if (*s)
                s++;
        }
    }
    strmap_free(&seen);
    if (cnt)
        qsort(items, (size_t)cnt, sizeof *items, cmp_folded);
    char **out = cnt ? xmalloc(sizeof *out * (size_t)cnt) : NULL;
    for (int i = 0; i < cnt; i++) {
        out[i] = items[i].text;
        free(items[i].folded);
    }
    free(items);
    *n = cnt;
    return out;
}
