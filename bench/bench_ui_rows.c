/* bench_ui_rows.c — times the tree panel's per-keystroke work on a plan of
 * 80,000 actividades built in memory: visible-row rebuilds (folded and fully
 * expanded), a cursor move, a month-mask update after an edit, a filter and
 * a search. Prints numbers; asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arbol_filas.h"
#include "calc.h"
#include "estado.h"
#include "presupuesto.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static Plan *build(int ejes, int objs, int metas, int ents, int acts)
{
    Plan *p = plan_new("Institución de prueba", 2024);
    char t[128];
    for (int u = 0; u < metas; u++) {
        snprintf(t, sizeof t, "Unidad %d de Planificación", u);
        plan_add_unidad(p, u + 1, t, "", "");
    }
    for (int e = 0; e < ejes; e++) {
        snprintf(t, sizeof t, "Eje %d", e);
        int ne = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "", t);
        for (int o = 0; o < objs; o++) {
            snprintf(t, sizeof t, "Objetivo estratégico %d.%d", e, o);
            int no = plan_add_node(p, NODE_OBJETIVO, 0, ne, -1, -1, "O.E.1", t);
            for (int m = 0; m < metas; m++) {
                int nm = plan_add_node(p, NODE_META, 0, no, -1, m, "", "Meta operativa");
                for (int d = 0; d < ents; d++) {
                    snprintf(t, sizeof t, "%d", d + 1);
                    int nd = plan_add_node(p, NODE_ENTREGABLE, 0, nm, -1, m, t, "Entregable");
                    for (int a = 0; a < acts; a++) {
                        char c[32];
                        snprintf(c, sizeof c, "%d.%d", d + 1, a + 1);
                        snprintf(t, sizeof t, "Actividad de gestión número %d", a);
                        int na = plan_add_node(p, NODE_ACTIVIDAD, 0, nd, -1, m, c, t);
                        Actividad *x = plan_act(p, na);
                        x->mes[(a + d) % 12] = (MesCell){CELL_X, 1};
                        x->mes[(a * 5) % 12] = (MesCell){CELL_NUM, 3};
                        snprintf(t, sizeof t, "Unidad %d/ Dirección", m);
                        str_replace(&x->responsables, t);
                        /* every third one with an amount, two currencies */
                        if (a % 3 == 0) {
                            x->has_presupuesto = true;
                            x->presupuesto = 1000.0 * (a + 1);
                            str_replace(&x->moneda, a % 2 ? "US$" : "RD$");
                        }
                    }
                }
            }
        }
    }
    return p;
}

#define TIME(label, reps, stmt)                                                      \
    do {                                                                             \
        double t_ = now_ms();                                                        \
        for (int i_ = 0; i_ < (reps); i_++) {                                        \
            stmt;                                                                    \
        }                                                                            \
        printf("%-52s %10.4f ms\n", label, (now_ms() - t_) / (reps));                \
    } while (0)

int main(void)
{
    double t0 = now_ms();
    Plan *p = build(4, 10, 20, 10, 10);
    printf("plan: %d nodos, %d actividades, construido en %.1f ms\n", p->nnodes, p->nacts,
           now_ms() - t0);
    ArbolFilas *r = NULL;
    TIME("arbol_filas_new (máscaras de todo el plan, una vez)", 3, arbol_filas_free(r); r = arbol_filas_new(p));
    printf("  abre plegado hasta los ejes (más de %d nodos)\n", ARBOL_FILAS_EXPAND_ALL_LIMIT);
    TIME("rebuild, plegado (filas visibles)", 100, arbol_filas_rebuild(r));
    printf("  filas visibles: %d\n", r->nrows);
    /* expand one objetivo (what Enter does) */
    int obj = p->nodes[p->nodes[0].kids.v[0]].kids.v[0];
    r->expanded[obj] = 1;
    TIME("rebuild tras desplegar un objetivo", 100, arbol_filas_rebuild(r));
    printf("  filas visibles: %d\n", r->nrows);
    arbol_filas_expand_all(r, true);
    TIME("rebuild, todo desplegado", 10, arbol_filas_rebuild(r));
    printf("  filas visibles: %d\n", r->nrows);
    volatile int sel = 0;
    TIME("movimiento del cursor (sel++ y nodo)", 1000000,
         sel = (sel + 1) % r->nrows; (void)r->rows[sel].node);
    int last = r->rows[r->nrows - 1].node;
    volatile int sink = 0;
    TIME("arbol_filas_find de la última fila (tras rebuild)", 10, sink += arbol_filas_find(r, last));
    TIME("máscara tras editar un mes (nodo y ancestros)", 10000, arbol_filas_mask_update(r, last));
    TIME("filtro por unidad (una pasada)", 10, arbol_filas_set_filter(r, 7, NULL));
    arbol_filas_rebuild(r);
    printf("  filas visibles con filtro: %d\n", r->nrows);
    TIME("filtro por responsable (una pasada)", 3, arbol_filas_set_filter(r, -1, "Unidad 7"));
    arbol_filas_set_filter(r, -1, NULL);
    TIME("búsqueda sin acentos hasta el final del plan", 3,
         sink += arbol_filas_search(r, "gestion numero 9 zz", 1, +1));
    TIME("búsqueda: contar coincidencias («3 de 12»)", 3,
         sink += arbol_filas_search_count(r, "gestion numero 9", last, NULL));
    Umbrales u = calc_umbrales_default();
    TIME("filtro por estado al corte (una pasada, calc_actividad)", 3,
         arbol_filas_set_estado(r, ARBOL_ESTADO_ROJO, 2, &u));
    arbol_filas_rebuild(r);
    printf("  filas visibles con filtro rojo: %d\n", r->nrows);
    arbol_filas_set_estado(r, 0, 2, &u);
    Presupuestos *pt = NULL;
    TIME("totales de presupuesto (una pasada, tras una edición)", 3,
         presupuesto_free(pt); pt = presupuesto_new(p));
    char tot[256];
    printf("  total del plan: %s\n", presupuesto_texto(pt, 0, false, tot, sizeof tot));
    presupuesto_free(pt);
    /* the state file with every branch open (the worst case) */
    char dir[] = "/tmp/bench-estado-XXXXXX";
    if (mkdtemp(dir)) {
        char *plan = xasprintf("%s/plan.db", dir), *ruta = xasprintf("%s/s.estado", dir);
        FILE *f = fopen(plan, "w");
        if (f)
            fclose(f);
        for (int i = 1; i < p->nnodes; i++)
            p->nodes[i].id = i;
        Estado *e = estado_new();
        e->pliegues = true;
        for (int i = 1; i < p->nnodes; i++)
            if (p->nodes[i].kind != NODE_ACTIVIDAD)
                iv_push(&e->abiertos, i);
        e->nodo = last;
        PoaErr err = {{0}};
        TIME("estado: escribir (todo desplegado)", 3, estado_save(ruta, plan, p, e, &err));
        Estado *back = estado_new();
        TIME("estado: leer (todo desplegado)", 3, estado_load(ruta, plan, p, back));
        FILE *g = fopen(ruta, "r");
        if (g) {
            fseek(g, 0, SEEK_END);
            printf("  archivo de estado: %ld bytes, %d ramas abiertas\n", ftell(g), back->abiertos.n);
            fclose(g);
        }
        estado_free(back);
        estado_free(e);
        remove(ruta);
        remove(plan);
        remove(dir);
        free(plan);
        free(ruta);
    }
    (void)sink;
    int n;
    char **resp = NULL;
    TIME("lista de responsables distintos", 1, resp = arbol_filas_responsables(p, &n));
    printf("  responsables distintos: %d\n", n);
    for (int i = 0; i < n; i++)
        free(resp[i]);
    free(resp);
    arbol_filas_free(r);
    plan_free(p);
    return 0;
}
