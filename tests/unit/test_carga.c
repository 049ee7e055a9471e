/* test_carga.c — a large plan in two steps (issue 14): the first page
 * (store_load_primeros) is a prefix of the whole plan in tree order, equal
 * node by node, with the path to the cut marked pendiente; the loader
 * thread (carga.c) hands over the same plan as store_load, and counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carga.h"
#include "db.h"
#include "store.h"
#include "testlib.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"

/* Live nodes in tree order (the screen's order). */
static void orden(const Plan *p, int node, IntVec *out)
{
    iv_push(out, node);
    const IntVec *k = &p->nodes[node].kids;
    for (int i = 0; i < k->n; i++)
        if (!p->nodes[k->v[i]].deleted)
            orden(p, k->v[i], out);
}

static bool mismo_nodo(const Plan *a, int x, const Plan *b, int y)
{
    const Node *n = &a->nodes[x], *m = &b->nodes[y];
    if (n->kind != m->kind || n->id != m->id || strcmp(n->codigo, m->codigo) != 0 ||
        strcmp(n->texto, m->texto) != 0 || strcmp(n->indicador, m->indicador) != 0 ||
        (n->parent >= 0) != (m->parent >= 0) ||
        (n->parent >= 0 && a->nodes[n->parent].id != b->nodes[m->parent].id))
        return false;
    if (n->kind != NODE_ACTIVIDAD)
        return true;
    const Actividad *s = &a->acts[n->act], *t = &b->acts[m->act];
    bool igual = strcmp(s->unidad_lider, t->unidad_lider) == 0 &&
                 strcmp(s->responsables, t->responsables) == 0 &&
                 s->has_presupuesto == t->has_presupuesto && s->presupuesto == t->presupuesto &&
                 memcmp(s->mes, t->mes, sizeof s->mes) == 0 &&
                 memcmp(s->trim, t->trim, sizeof s->trim) == 0;
    for (int c = 0; igual && c < POA_TRIMESTRES; c++)
        igual = s->seg[c].real.has == t->seg[c].real.has &&
                s->seg[c].real.valor == t->seg[c].real.valor &&
                strcmp(s->seg[c].observaciones, t->seg[c].observaciones) == 0 &&
                strcmp(s->seg[c].causa, t->seg[c].causa) == 0;
    return igual;
}

/* page is a prefix of whole in tree order, node by node; returns its length */
static int prefijo(const Plan *page, const Plan *whole)
{
    IntVec a = {0}, b = {0};
    orden(page, 0, &a);
    orden(whole, 0, &b);
    int n = 0;
    while (n < a.n && n < b.n && mismo_nodo(page, a.v[n], whole, b.v[n]))
        n++;
    int r = n == a.n ? n : -1;
    iv_free(&a);
    iv_free(&b);
    return r;
}

TEST(primera_pagina_es_un_prefijo)
{
    TFx f;
    t_fx_open(&f, ARS, "primeros.db");
    PoaErr err = {{0}};
    CHECK(f.p->nacts > 40);
    bool completo = true;
    Plan *page = store_load_primeros(f.db, f.id, 25, &completo, &err);
    CHECK(page != NULL);
    if (!page) {
        t_fx_close(&f);
        return;
    }
    CHECK(!completo);
    /* whole branches up to the entregable that reached 25 */
    int live = 0;
    for (int i = 0; i < page->nacts; i++)
        live += !page->nodes[page->acts[i].node].deleted;
    CHECK(live >= 25 && live < f.p->nacts);
    CHECK(prefijo(page, f.p) > 0);
    /* a node not pendiente holds its whole branch (its totals are right);
     * pendiente are the cut nodes and their ancestors, the root among them */
    IntVec o = {0}, w = {0};
    orden(page, 0, &o);
    orden(f.p, 0, &w);
    int pendientes = 0;
    for (int i = 0; i < o.n; i++) {
        int x = o.v[i], y = w.v[i];   /* the same node: prefijo said so */
        const Node *n = &page->nodes[x];
        bool hijo_pendiente = false;
        for (int k = 0; k < n->kids.n; k++)
            hijo_pendiente = hijo_pendiente || page->nodes[n->kids.v[k]].pendiente;
        CHECK_INT(n->pendiente, n->recortado || hijo_pendiente);
        if (!n->pendiente)
            CHECK_INT(plan_count_actividades(page, x), plan_count_actividades(f.p, y));
        else
            CHECK(plan_count_actividades(page, x) < plan_count_actividades(f.p, y));
        pendientes += n->pendiente;
    }
    CHECK(page->nodes[0].pendiente);
    CHECK(pendientes >= 2);
    iv_free(&w);
    iv_free(&o);
    plan_free(page);
    /* a page larger than the plan is the whole plan */
    page = store_load_primeros(f.db, f.id, 1000000, &completo, &err);
    CHECK(page && completo);
    CHECK_INT(page ? prefijo(page, f.p) : -1, prefijo(f.p, f.p));
    CHECK_INT(page ? page->nacts : -1, f.p->nacts);
    plan_free(page);
    t_fx_close(&f);
}

TEST(el_hilo_entrega_el_plan_entero)
{
    TFx f;
    t_fx_open(&f, ARS, "hilo.db");
    PoaErr err = {{0}};
    Carga *c = carga_new(f.path, f.id, &err);
    CHECK(c != NULL);
    if (!c) {
        t_fx_close(&f);
        return;
    }
    char *aviso = (char *)"x";
    Plan *p = carga_esperar(c, &aviso, &err);
    CHECK(carga_lista(c));
    CHECK(p != NULL);
    CHECK(aviso == NULL);   /* a sound file: no notice */
    CHECK_INT(carga_leidas(c), f.p->nacts);
    if (p) {
        CHECK_INT(p->nnodes, f.p->nnodes);
        CHECK_INT(prefijo(p, f.p), prefijo(f.p, f.p));
    }
    plan_free(p);
    carga_free(c);
    carga_free(NULL);
    /* freed before anyone waits (q or a signal on the first page): the
     * thread is stopped and leaves nothing behind (the sanitizer build
     * checks for leaks), as often as asked */
    for (int i = 0; i < 5; i++)
        carga_free(carga_new(f.path, f.id, &err));
    /* a plan that is not there: the thread's message */
    c = carga_new(f.path, 999, &err);
    p = c ? carga_esperar(c, &aviso, &err) : NULL;
    CHECK(p == NULL);
    CHECK_CONTAINS(err.msg, "El plan 999 no existe");
    free(aviso);
    carga_free(c);
    t_fx_close(&f);
}

int main(void)
{
    RUN(primera_pagina_es_un_prefijo);
    RUN(el_hilo_entrega_el_plan_entero);
    return t_finish();
}
