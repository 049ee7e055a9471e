/* test_arbol_filas.c — the visible rows of the plan's tree without curses:
 * expand and collapse, implicit levels, filters by unit and responsable,
 * search, month masks and keeping the selection across a rebuild. */
#include <stdio.h>
#include <stdlib.h>

#include "arbol_filas.h"
#include "testlib.h"

/* Eje 1 > Objetivo 1.1 > Meta (Planificación) > Entregable 1 > actividades 1.1, 1.2
 *        > Meta (Finanzas) > Entregable 2 > actividad 2.1
 * Eje 2 > Objetivo 2.1 > Meta (Finanzas) > implicit entregable > actividad 3.1 */
typedef struct {
    Plan *p;
    int eje1, obj1, meta_pl, ent1, a11, a12, meta_fi, ent2, a21, eje2, obj2, meta2, a31;
} Fix;

static int act(Plan *p, int parent, int unidad, const char *codigo, const char *texto,
               const char *resp, int mes)
{
    int n = plan_add_node(p, NODE_ACTIVIDAD, 0, parent, -1, unidad, codigo, texto);
    Actividad *x = plan_act(p, n);
    str_replace(&x->responsables, resp);
    if (mes >= 0)
        x->mes[mes] = (MesCell){CELL_X, 1};
    return n;
}

static Fix fix_new(void)
{
    Fix f;
    Plan *p = f.p = plan_new("Institución de prueba", 2024);
    plan_add_unidad(p, 1, "Planificación", "", "");
    plan_add_unidad(p, 2, "Finanzas", "", "");
    f.eje1 = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "1", "Gestión institucional");
    f.obj1 = plan_add_node(p, NODE_OBJETIVO, 0, f.eje1, -1, -1, "1.1", "Fortalecer la gestión");
    f.meta_pl = plan_add_node(p, NODE_META, 0, f.obj1, -1, 0, "", "Meta de planificación");
    f.ent1 = plan_add_node(p, NODE_ENTREGABLE, 0, f.meta_pl, -1, 0, "1", "Informe");
    f.a11 = act(p, f.ent1, 0, "1.1", "Elaborar el diagnóstico", "Ana / Dirección", 0);
    f.a12 = act(p, f.ent1, 0, "1.2", "Validar la planificación", "Luis", 5);
    f.meta_fi = plan_add_node(p, NODE_META, 0, f.obj1, -1, 1, "", "Meta de finanzas");
    f.ent2 = plan_add_node(p, NODE_ENTREGABLE, 0, f.meta_fi, -1, 1, "2", "Presupuesto");
    f.a21 = act(p, f.ent2, 1, "2.1", "Formular el presupuesto", "Ana", 2);
    f.eje2 = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "2", "Servicios");
    f.obj2 = plan_add_node(p, NODE_OBJETIVO, 0, f.eje2, -1, -1, "2.1", "Mejorar los servicios");
    f.meta2 = plan_add_node(p, NODE_META, 0, f.obj2, -1, 1, "", "Meta de servicios");
    int implicit = plan_add_node(p, NODE_ENTREGABLE, 0, f.meta2, -1, 1, "", "");
    f.a31 = act(p, implicit, 1, "3.1", "Atender solicitudes", "Marta", 11);
    return f;
}

/* The nodes of the visible rows, in order, as "n,n,n". */
static const char *rows_of(const ArbolFilas *r, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < r->nrows && used < n; i++)
        used += (size_t)snprintf(buf + used, n - used, "%s%d", i ? "," : "", r->rows[i].node);
    return buf;
}

#define CHECK_ROWS(r, ...) do { char got_[512], want_[512]; \
    snprintf(want_, sizeof want_, __VA_ARGS__); \
    CHECK_STR(rows_of(r, got_, sizeof got_), want_); } while (0)

TEST(small_plan_opens_expanded_and_implicit_levels_vanish)
{
    Fix f = fix_new();
    ArbolFilas *r = arbol_filas_new(f.p);
    arbol_filas_rebuild(r);
    /* the implicit entregable under meta2 shows no row: its actividad hangs
     * from the meta, one level deeper */
    CHECK_ROWS(r, "%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_pl, f.ent1,
               f.a11, f.a12, f.meta_fi, f.ent2, f.a21, f.eje2, f.obj2, f.meta2, f.a31);
    CHECK_INT(r->rows[4].depth, 4);
    CHECK_INT(r->rows[12].depth, 3);
    /* the last row of a branch carries its "last" bit: no line below it */
    CHECK(r->rows[5].last & (1u << 4));
    CHECK(!(r->rows[4].last & (1u << 4)));
    CHECK_INT(arbol_filas_nkids(f.p, f.meta2), 1);
    arbol_filas_free(r);
    plan_free(f.p);
}

TEST(collapse_expand_and_reveal)
{
    Fix f = fix_new();
    ArbolFilas *r = arbol_filas_new(f.p);
    r->expanded[f.obj1] = 0;
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d,%d,%d", f.eje1, f.obj1, f.eje2, f.obj2, f.meta2, f.a31);
    arbol_filas_expand_all(r, false);
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d", f.eje1, f.eje2);
    arbol_filas_reveal(r, f.a21);
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_pl, f.meta_fi, f.ent2, f.a21,
               f.eje2);
    CHECK_INT(arbol_filas_find(r, f.a21), 5);
    CHECK_INT(arbol_filas_find(r, f.a11), -1);
    /* select: revealed, rebuilt and chosen at once; a node a filter hides
     * leaves the selection where it was */
    int sel = 0;
    arbol_filas_expand_all(r, false);
    arbol_filas_select(r, f.a21, &sel);
    CHECK_INT(sel, 5);
    CHECK_INT(r->rows[sel].node, f.a21);
    arbol_filas_set_filter(r, 0, NULL);   /* Planificación: a21 is Finanzas' */
    sel = 1;
    arbol_filas_select(r, f.a21, &sel);
    CHECK_INT(sel, 1);
    arbol_filas_set_filter(r, -1, NULL);
    arbol_filas_expand_all(r, true);
    arbol_filas_rebuild(r);
    CHECK_INT(r->nrows, 13);
    arbol_filas_free(r);
    plan_free(f.p);
}

TEST(filters_by_unit_and_responsable)
{
    Fix f = fix_new();
    ArbolFilas *r = arbol_filas_new(f.p);
    arbol_filas_set_filter(r, 1, NULL);   /* Finanzas */
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d,%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_fi, f.ent2, f.a21,
               f.eje2, f.obj2, f.meta2, f.a31);
    CHECK(!arbol_filas_is_shown(r, f.a11));
    /* "ana" matches "Ana / Dirección" and "Ana", not "Marta" nor "Luis" */
    arbol_filas_set_filter(r, -1, "ana");
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_pl, f.ent1, f.a11,
               f.meta_fi, f.ent2, f.a21);
    arbol_filas_set_filter(r, 0, "ana");   /* both: Planificación and Ana */
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_pl, f.ent1, f.a11);
    arbol_filas_set_filter(r, -1, NULL);
    arbol_filas_rebuild(r);
    CHECK_INT(r->nrows, 13);
    CHECK(arbol_filas_resp_match("Ana / Dirección - Jefatura", "dirección"));
    CHECK(arbol_filas_resp_match("Ana / DIRECCION", "Dirección"));
    CHECK(!arbol_filas_resp_match("Mariana", "ana"));
    int n = 0;
    char **names = arbol_filas_responsables(f.p, &n);
    CHECK_INT(n, 4);
    if (n == 4) {
        CHECK_STR(names[0], "Ana");
        CHECK_STR(names[1], "Dirección");
        CHECK_STR(names[2], "Luis");
        CHECK_STR(names[3], "Marta");
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    arbol_filas_free(r);
    plan_free(f.p);
}

TEST(search_folds_accents_wraps_and_respects_filters)
{
    Fix f = fix_new();
    ArbolFilas *r = arbol_filas_new(f.p);
    /* "PLANIFICACION" finds the unit's meta (by the unit name) then 1.2's text */
    CHECK_INT(arbol_filas_search(r, "PLANIFICACION", 0, +1), f.meta_pl);
    CHECK_INT(arbol_filas_search(r, "PLANIFICACION", f.meta_pl, +1), f.a12);
    CHECK_INT(arbol_filas_search(r, "PLANIFICACION", f.a12, +1), f.meta_pl);   /* wraps */
    CHECK_INT(arbol_filas_search(r, "planificación", f.meta_pl, -1), f.a12);   /* wraps back */
    CHECK_INT(arbol_filas_search(r, "no existe", 0, +1), -1);
    CHECK_INT(arbol_filas_search(r, "", 0, +1), -1);
    arbol_filas_set_filter(r, 1, NULL);
    CHECK_INT(arbol_filas_search(r, "solicitudes", 0, +1), f.a31);
    CHECK_INT(arbol_filas_search(r, "diagnóstico", 0, +1), -1);   /* filtered out */
    arbol_filas_free(r);
    plan_free(f.p);
}

TEST(month_masks_roll_up_and_follow_edits)
{
    Fix f = fix_new();
    ArbolFilas *r = arbol_filas_new(f.p);
    CHECK_INT(r->mask[f.a11], 1u << 0);
    CHECK_INT(r->mask[f.ent1], (1u << 0) | (1u << 5));
    CHECK_INT(r->mask[f.obj1], (1u << 0) | (1u << 5) | (1u << 2));
    CHECK_INT(r->mask[0], (1u << 0) | (1u << 5) | (1u << 2) | (1u << 11));
    Actividad *x = plan_act(f.p, f.a12);
    x->mes[5] = (MesCell){CELL_VACIA, 0};
    x->mes[7] = (MesCell){CELL_NUM, 4};
    CHECK_INT(arbol_filas_mask_act(x), 1u << 7);
    arbol_filas_mask_update(r, f.a12);
    CHECK_INT(r->mask[f.ent1], (1u << 0) | (1u << 7));
    CHECK_INT(r->mask[f.eje1], (1u << 0) | (1u << 7) | (1u << 2));
    CHECK_INT(r->mask[f.eje2], 1u << 11);   /* untouched */
    arbol_filas_free(r);
    plan_free(f.p);
}

TEST(rebuild_keeps_the_selected_node)
{
    Fix f = fix_new();
    ArbolFilas *r = arbol_filas_new(f.p);
    arbol_filas_rebuild(r);
    int sel = arbol_filas_find(r, f.a21);
    CHECK_INT(sel, 8);
    r->expanded[f.meta_pl] = 0;   /* three rows above it fold away */
    sel = arbol_filas_rebuild_keep(r, sel, f.a21);
    CHECK_INT(sel, 5);
    CHECK_INT(r->rows[sel].node, f.a21);
    /* the node goes away (filtered): the same row index stays, clamped */
    arbol_filas_set_filter(r, 0, NULL);
    sel = arbol_filas_rebuild_keep(r, sel, f.a21);
    CHECK_INT(r->nrows, 3);   /* eje1, obj1, meta_pl folded */
    CHECK_INT(sel, 2);
    /* a node added under the filter is shown (the analyst just made it),
     * though the arrays had room for it already */
    int a13 = act(f.p, f.ent1, 0, "1.3", "Nueva", "", -1);
    r->expanded[f.meta_pl] = 1;
    sel = arbol_filas_rebuild_keep(r, 0, a13);
    CHECK_INT(r->rows[sel].node, a13);
    arbol_filas_set_filter(r, 1, "nadie");
    sel = arbol_filas_rebuild_keep(r, sel, a13);
    CHECK_INT(r->nrows, 0);
    CHECK_INT(sel, 0);
    arbol_filas_free(r);
    plan_free(f.p);
}

TEST(filter_by_seguimiento_state_at_the_corte)
{
    Fix f = fix_new();
    ArbolFilas *r = arbol_filas_new(f.p);
    Umbrales u = calc_umbrales_default();
    /* at corte 1: 1.1 (January) reported in full, 2.1 (March) due and not
     * reported; 1.2 (June) and 3.1 (December) not due yet */
    plan_act(f.p, f.a11)->seg[0].real = (Valor){true, false, 1};
    arbol_filas_set_estado(r, ARBOL_ESTADO_ROJO, 1, &u);
    CHECK(arbol_filas_filtrado(r));
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_fi, f.ent2, f.a21);
    arbol_filas_set_estado(r, ARBOL_ESTADO_SIN_REPORTE, 1, &u);
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_fi, f.ent2, f.a21);
    arbol_filas_set_estado(r, ARBOL_ESTADO_VERDE, 1, &u);
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_pl, f.ent1, f.a11);
    arbol_filas_set_estado(r, ARBOL_ESTADO_NO_VENCIDA, 1, &u);
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d,%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_pl, f.ent1, f.a12, f.eje2,
               f.obj2, f.meta2, f.a31);
    /* on top of the unit filter: Finanzas' activities not due yet */
    arbol_filas_set_filter(r, 1, NULL);
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d", f.eje2, f.obj2, f.meta2, f.a31);
    /* a real of 70 % is amarillo; the same at corte 2 (1.2 due too) */
    plan_act(f.p, f.a21)->seg[0].real = (Valor){true, false, 0.7};
    arbol_filas_set_filter(r, -1, NULL);
    arbol_filas_set_estado(r, ARBOL_ESTADO_AMARILLO, 1, &u);
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_fi, f.ent2, f.a21);
    arbol_filas_set_estado(r, ARBOL_ESTADO_ROJO, 2, &u);
    arbol_filas_rebuild(r);
    /* corte 2: 1.1 has no real at corte 2 (sin reporte: rojo), 1.2 neither,
     * 2.1 neither */
    CHECK_ROWS(r, "%d,%d,%d,%d,%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_pl, f.ent1, f.a11, f.a12,
               f.meta_fi, f.ent2, f.a21);
    /* several states at once; then off */
    arbol_filas_set_estado(r, ARBOL_ESTADO_VERDE | ARBOL_ESTADO_AMARILLO, 1, &u);
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_pl, f.ent1, f.a11, f.meta_fi,
               f.ent2, f.a21);
    arbol_filas_set_estado(r, 0, 1, &u);
    CHECK(!arbol_filas_filtrado(r));
    CHECK(r->shown == NULL);
    CHECK_STR(arbol_filas_estado_nombre(ARBOL_ESTADO_SIN_REPORTE), "sin reporte");
    CHECK_STR(arbol_filas_estado_nombre(3), "");
    /* the unit filter with its responsable kept (the same string passed back) */
    arbol_filas_set_filter(r, -1, "Ana");
    arbol_filas_set_filter(r, 0, r->filtro_resp);
    arbol_filas_rebuild(r);
    CHECK_ROWS(r, "%d,%d,%d,%d,%d", f.eje1, f.obj1, f.meta_pl, f.ent1, f.a11);
    arbol_filas_free(r);
    plan_free(f.p);
}

TEST(search_counts_matches_and_tells_when_it_wraps)
{
    Fix f = fix_new();
    ArbolFilas *r = arbol_filas_new(f.p);
    bool wrapped = true;
    int pos = -1;
    /* «planificación»: the meta (its text) and 1.2 (its text) */
    CHECK_INT(arbol_filas_search_count(r, "PLANIFICACION", f.meta_pl, &pos), 2);
    CHECK_INT(pos, 1);
    CHECK_INT(arbol_filas_search_count(r, "planificación", f.a12, &pos), 2);
    CHECK_INT(pos, 2);
    CHECK_INT(arbol_filas_search_count(r, "planificación", f.a11, &pos), 2);
    CHECK_INT(pos, 0);
    CHECK_INT(arbol_filas_search_wrap(r, "planificación", 0, +1, &wrapped), f.meta_pl);
    CHECK(!wrapped);
    CHECK_INT(arbol_filas_search_wrap(r, "planificación", f.meta_pl, +1, &wrapped), f.a12);
    CHECK(!wrapped);
    CHECK_INT(arbol_filas_search_wrap(r, "planificación", f.a12, +1, &wrapped), f.meta_pl);
    CHECK(wrapped);
    CHECK_INT(arbol_filas_search_wrap(r, "planificación", f.meta_pl, -1, &wrapped), f.a12);
    CHECK(wrapped);
    CHECK_INT(arbol_filas_search_wrap(r, "planificación", f.a12, -1, &wrapped), f.meta_pl);
    CHECK(!wrapped);
    CHECK_INT(arbol_filas_search_wrap(r, "nada de esto", f.a12, +1, &wrapped), -1);
    CHECK(!wrapped);
    CHECK_INT(arbol_filas_search_count(r, "nada de esto", f.a12, &pos), 0);
    /* under a filter only what is shown counts */
    arbol_filas_set_filter(r, 1, NULL);
    CHECK_INT(arbol_filas_search_count(r, "planificación", f.a12, &pos), 0);
    arbol_filas_free(r);
    plan_free(f.p);
}

/* An objetivo under an implicit eje rises to the ejes' level; among real
 * ejes it is marked «sin eje», in a plan without ejes it is not. */
TEST(objetivo_without_eje_among_ejes_is_marked)
{
    Fix f = fix_new();
    int eje0 = plan_add_node(f.p, NODE_EJE, 0, 0, -1, -1, "", "");
    int obj0 = plan_add_node(f.p, NODE_OBJETIVO, 0, eje0, -1, -1, "", "");
    int meta0 = plan_add_node(f.p, NODE_META, 0, obj0, -1, 0, "", "Meta sin objetivo");
    ArbolFilas *r = arbol_filas_new(f.p);
    arbol_filas_rebuild(r);
    int i = arbol_filas_find(r, obj0);
    CHECK(i >= 0);
    CHECK_INT(r->rows[i].depth, 0);
    CHECK(arbol_filas_sin_eje(f.p, obj0));
    CHECK(!arbol_filas_sin_eje(f.p, f.obj1));     /* under its eje */
    CHECK(!arbol_filas_sin_eje(f.p, f.eje1));
    CHECK(!arbol_filas_sin_eje(f.p, meta0));      /* one level down: its objetivo says it */
    arbol_filas_free(r);
    plan_free(f.p);
    /* a plan without ejes: its objetivos are the top level, nothing to say */
    Plan *p = plan_new("Caja", 2024);
    plan_add_unidad(p, 1, "Planificación", "", "");
    int e = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "", "");
    int o = plan_add_node(p, NODE_OBJETIVO, 0, e, -1, -1, "1", "Objetivo");
    CHECK(!arbol_filas_sin_eje(p, o));
    plan_free(p);
}

int main(void)
{
    RUN(small_plan_opens_expanded_and_implicit_levels_vanish);
    RUN(collapse_expand_and_reveal);
    RUN(filters_by_unit_and_responsable);
    RUN(search_folds_accents_wraps_and_respects_filters);
    RUN(month_masks_roll_up_and_follow_edits);
    RUN(rebuild_keeps_the_selected_node);
    RUN(filter_by_seguimiento_state_at_the_corte);
    RUN(search_counts_matches_and_tells_when_it_wraps);
    RUN(objetivo_without_eje_among_ejes_is_marked);
    return t_finish();
}
