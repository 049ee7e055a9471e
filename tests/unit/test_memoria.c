/* test_memoria.c — the model's memory (issue 14): empty texts share
 * str_vacio instead of an allocation each, a loaded plan keeps no spare
 * capacity, and edits and undo over shared empty texts free nothing twice
 * (the sanitizer build would stop on a bad free). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "deshacer.h"
#include "seguimiento.h"
#include "store.h"
#include "testlib.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"

/* Empty texts of the plan that are their own allocation, not str_vacio. */
static int vacios_propios(const Plan *p)
{
    int n = 0;
    for (int i = 1; i < p->nnodes; i++) {
        const Node *x = &p->nodes[i];
        const char *t[] = {x->codigo, x->texto, x->indicador};
        for (int k = 0; k < 3; k++)
            n += !*t[k] && t[k] != str_vacio;
    }
    for (int i = 0; i < p->nacts; i++) {
        const Actividad *a = &p->acts[i];
        const char *t[] = {a->unidad_lider, a->responsables, a->moneda, a->presupuesto_nota,
                           a->riesgos};
        for (int k = 0; k < 5; k++)
            n += !*t[k] && t[k] != str_vacio;
        for (int c = 0; c < POA_TRIMESTRES; c++) {
            const Seguimiento *s = &a->seg[c];
            const char *u[] = {s->observaciones, s->evidencia, s->pct_publicado, s->causa};
            for (int k = 0; k < 4; k++)
                n += !*u[k] && u[k] != str_vacio;
        }
    }
    return n;
}

TEST(textos_vacios_compartidos)
{
    Plan *p = plan_new("Inst", 2024);
    int u = plan_add_unidad(p, 0, "U", "", "");
    int e = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "", "Eje");
    int o = plan_add_node(p, NODE_OBJETIVO, 0, e, -1, -1, "1", "Objetivo");
    int m = plan_add_node(p, NODE_META, 0, o, -1, u, "", "Meta");
    int en = plan_add_node(p, NODE_ENTREGABLE, 0, m, -1, u, "", "");
    int x = plan_add_node(p, NODE_ACTIVIDAD, 0, en, -1, u, "1.1", "Hacer");
    Actividad *a = plan_act(p, x);
    CHECK(a->riesgos == str_vacio);
    CHECK(a->seg[3].causa == str_vacio);
    CHECK(p->nodes[en].texto == str_vacio);
    CHECK_INT(vacios_propios(p), 0);
    str_set_compartido(&a->riesgos, "R1");
    CHECK_STR(a->riesgos, "R1");
    str_set_compartido(&a->riesgos, "");
    CHECK(a->riesgos == str_vacio);
    str_replace(&a->seg[0].observaciones, "Hecho");   /* replaces str_vacio, frees nothing */
    CHECK_STR(a->seg[0].observaciones, "Hecho");
    str_free(str_vacio);
    str_free(NULL);
    plan_free(p);
}

TEST(plan_cargado_sin_sobrante)
{
    TFx f;
    t_fx_open(&f, ARS, "memoria.db");
    PoaErr err = {{0}};
    Plan *q = store_load(f.db, f.id, &err);
    CHECK(q != NULL);
    if (!q) {
        t_fx_close(&f);
        return;
    }
    CHECK_INT(vacios_propios(q), 0);
    CHECK_INT(q->capacts, q->nacts);
    CHECK_INT(q->capnodes, q->nnodes);
    /* an empty seguimiento text written, then undone: back to "" */
    int x = t_first_of(q, NODE_ACTIVIDAD);
    CHECK_STR(plan_act(q, x)->seg[3].observaciones, "");
    CHECK(seguimiento_set_observaciones(f.db, q, x, 4, "Avance del cuarto", &err));
    CHECK_STR(plan_act(q, x)->seg[3].observaciones, "Avance del cuarto");
    DeshacerSaltos s = {0};
    DeshacerInfo info;
    CHECK(deshacer_siguiente(f.db, q, &s, &info, &err));
    CHECK_STR(plan_act(q, x)->seg[3].observaciones, "");
    deshacer_info_free(&info);
    deshacer_saltos_free(&s);
    /* a field edited to empty and back: the model frees what it owns only */
    CHECK(cmd_set_campo(f.db, q, x, CAMPO_RIESGOS, "R9", &err));
    CHECK(cmd_set_campo(f.db, q, x, CAMPO_RIESGOS, "", &err));
    CHECK_STR(plan_act(q, x)->riesgos, "");
    plan_free(q);
    t_fx_close(&f);
}

int main(void)
{
    RUN(textos_vacios_compartidos);
    RUN(plan_cargado_sin_sobrante);
    return t_finish();
}
