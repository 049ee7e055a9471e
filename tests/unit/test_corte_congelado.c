/* test_corte_congelado.c — each rule of what a closed corte freezes
 * (corte_congelado.h), on both sides: refused while the corte is closed,
 * allowed when it is open or the edit does not touch what it computes. */
#include <stdlib.h>

#include "corte_congelado.h"
#include "testlib.h"

typedef struct {
    Plan *p;
    int meta, due, later;   /* due: target in Q1 (counts in corte 1); later: only Q4 */
} Fx;

static void fx_open(Fx *f)
{
    Plan *p = f->p = plan_new("Caja", 2024);
    int u = plan_add_unidad(p, 0, "Logística y Activos", "", "");
    int eje = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "", "Financiero");
    int obj = plan_add_node(p, NODE_OBJETIVO, 0, eje, -1, -1, "O.E.3", "Administrar activos");
    f->meta = plan_add_node(p, NODE_META, 0, obj, -1, u, "", "Optimizar los procesos");
    int ent = plan_add_node(p, NODE_ENTREGABLE, 0, f->meta, -1, u, "", "");
    f->due = plan_add_node(p, NODE_ACTIVIDAD, 0, ent, -1, u, "AO.3.1", "Actualizar el diagnóstico");
    f->later = plan_add_node(p, NODE_ACTIVIDAD, 0, ent, -1, u, "AO.3.2", "Venta del seguro");
    plan_act(p, f->due)->trim[0] = (Valor){.has = true, .valor = 4};
    plan_act(p, f->later)->trim[3] = (Valor){.has = true, .valor = 2};
}

static void fx_close_corte1(Fx *f)
{
    CorteEstado *c = &f->p->cortes[0];
    c->cerrado = true;
    str_replace(&c->cerrado_por, "ana");
    str_replace(&c->cerrado_en, "2024-04-05T10:00:00");
}

TEST(cuenta)
{
    Fx f;
    fx_open(&f);
    CHECK_INT(corte_congelado_cuenta(f.p, plan_act(f.p, f.due)), 0);   /* all open */
    fx_close_corte1(&f);
    CHECK_INT(corte_congelado_cuenta(f.p, plan_act(f.p, f.due)), 1);
    CHECK_INT(corte_congelado_cuenta(f.p, plan_act(f.p, f.later)), 0);  /* not due yet */
    plan_free(f.p);
}

TEST(regla_seguimiento)
{
    Fx f;
    fx_open(&f);
    PoaErr err = {{0}};
    char buf[256];
    CHECK(corte_congelado_motivo(f.p, 1, buf, sizeof buf) == NULL);
    CHECK(!corte_congelado_seguimiento(f.p, 1, &err));
    CHECK(!corte_congelado_importar(f.p, 1, &f.p->nodes[f.due], &err));
    CHECK(!corte_congelado_importar(NULL, 1, &f.p->nodes[f.due], &err));   /* a new file */
    fx_close_corte1(&f);
    CHECK_STR(corte_congelado_motivo(f.p, 1, buf, sizeof buf),
              "El corte 1 está cerrado desde 2024-04-05 por ana; reábralo para editar");
    CHECK(corte_congelado_motivo(f.p, 2, buf, sizeof buf) == NULL);
    CHECK(corte_congelado_motivo(f.p, 5, buf, sizeof buf) == NULL);
    CHECK(corte_congelado_seguimiento(f.p, 1, &err));
    CHECK_STR(err.msg, "El corte 1 está cerrado desde 2024-04-05 por ana; reábralo para editar");
    CHECK(!corte_congelado_seguimiento(f.p, 2, &err));
    CHECK(corte_congelado_importar(f.p, 1, &f.p->nodes[f.due], &err));
    CHECK_STR(err.msg, "El corte 1 está cerrado: no se puede importar seguimiento para él "
                       "(actividad «AO.3.1»). Reabra el corte primero");
    CHECK(!corte_congelado_importar(f.p, 2, &f.p->nodes[f.due], &err));
    plan_free(f.p);
}

TEST(regla_cifras)
{
    Fx f;
    fx_open(&f);
    PoaErr err = {{0}};
    Actividad *a = plan_act(f.p, f.due);
    Actividad b = *a;   /* shallow: only numbers differ */
    b.trim[0].valor = 5;
    CHECK(!corte_congelado_cifras(f.p, a, &b, "la meta del 1er. Trim.", &err));   /* open */
    fx_close_corte1(&f);
    CHECK(corte_congelado_cifras(f.p, a, &b, "la meta del 1er. Trim.", &err));
    CHECK_STR(err.msg, "El corte 1 está cerrado: la meta del 1er. Trim. cambiaría su programado "
                       "acumulado (4 → 5) o su % de ejecución. Reabra el corte para editar");
    /* a later quarter's target does not change what corte 1 computes */
    b = *a;
    b.trim[2] = (Valor){.has = true, .valor = 7};
    CHECK(!corte_congelado_cifras(f.p, a, &b, "la meta del 3er. Trim.", &err));
    /* the peso of an activity counted in corte 1 */
    b = *a;
    b.peso = 2;
    CHECK(corte_congelado_cifras(f.p, a, &b, "el peso", &err));
    CHECK_CONTAINS(err.msg, "cambiaría el peso de la actividad en los consolidados");
    /* … but not of one that is not due there */
    Actividad *l = plan_act(f.p, f.later);
    b = *l;
    b.peso = 2;
    CHECK(!corte_congelado_cifras(f.p, l, &b, "el peso", &err));
    /* the tipo changes the % the corte computes (a hito is done or not) */
    a->seg[0].real = (Valor){.has = true, .valor = 2};
    b = *a;
    b.tipo = TIPO_HITO;
    CHECK(corte_congelado_cifras(f.p, a, &b, "el tipo de meta", &err));
    /* texts are never frozen */
    b = *a;
    b.responsables = "Dirección Ejecutiva";
    CHECK(!corte_congelado_cifras(f.p, a, &b, "los responsables", &err));
    a->seg[0].real = (Valor){0};
    plan_free(f.p);
}

TEST(reglas_estructura_y_borrado)
{
    Fx f;
    fx_open(&f);
    PoaErr err = {{0}};
    CHECK(!corte_congelado_estructura(f.p, f.meta, "cambiar la unidad de su meta", &err));
    CHECK(!corte_congelado_borrado(f.p, f.due, &err));
    fx_close_corte1(&f);
    CHECK(corte_congelado_estructura(f.p, f.meta, "cambiar la unidad de su meta", &err));
    CHECK_STR(err.msg, "El corte 1 está cerrado y la actividad «AO.3.1» cuenta en él: cambiar "
                       "la unidad de su meta movería sus cifras a otra unidad, objetivo o eje "
                       "del tablero. Reabra el corte primero");
    CHECK(!corte_congelado_estructura(f.p, f.later, "moverla a otra meta", &err));
    CHECK(corte_congelado_borrado(f.p, f.due, &err));
    CHECK_STR(err.msg, "El corte 1 está cerrado y la actividad «AO.3.1» cuenta en él: no se "
                       "puede borrar. Reabra el corte primero");
    CHECK(corte_congelado_borrado(f.p, f.meta, &err));   /* the meta takes it with it */
    CHECK(!corte_congelado_borrado(f.p, f.later, &err));
    plan_free(f.p);
}

int main(void)
{
    RUN(cuenta);
    RUN(regla_seguimiento);
    RUN(regla_cifras);
    RUN(reglas_estructura_y_borrado);
    return t_finish();
}
