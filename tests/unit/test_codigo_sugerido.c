/* test_codigo_sugerido.c — the code the editor proposes for a new node
 * (cmd_codigo_sugerido): after the previous sibling's, past the codes the
 * siblings already use, the parent's code and ".1" for a first actividad. */
#include <stdlib.h>

#include "cmd.h"
#include "testlib.h"

static void check_sugerido(const Plan *p, int prev, int parent, NodeKind k, const char *expect)
{
    char *c = cmd_codigo_sugerido(p, prev, parent, k);
    CHECK_STR(c, expect);
    free(c);
}

TEST(sugerencias)
{
    Plan *p = plan_new("Caja", 2024);
    int u = plan_add_unidad(p, 0, "Logística y Activos", "", "");
    int eje = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "", "Financiero");
    int obj = plan_add_node(p, NODE_OBJETIVO, 0, eje, -1, -1, "O.E.3", "Administrar los activos");
    int meta = plan_add_node(p, NODE_META, 0, obj, -1, u, "", "Optimizar los procesos");
    int ent = plan_add_node(p, NODE_ENTREGABLE, 0, meta, -1, u, "3", "Diagnóstico");
    int a1 = plan_add_node(p, NODE_ACTIVIDAD, 0, ent, -1, u, "AO.3.1", "Actualizar");
    int a3 = plan_add_node(p, NODE_ACTIVIDAD, 0, ent, -1, u, "AO.3.2", "Revisar");
    int a9 = plan_add_node(p, NODE_ACTIVIDAD, 0, ent, -1, u, "AO.3.9", "Publicar");
    int sin = plan_add_node(p, NODE_ACTIVIDAD, 0, ent, -1, u, "", "Sin código");

    check_sugerido(p, a9, ent, NODE_ACTIVIDAD, "AO.3.10");
    /* AO.3.2 is taken further down: the next free one */
    check_sugerido(p, a1, ent, NODE_ACTIVIDAD, "AO.3.3");
    check_sugerido(p, a3, ent, NODE_ACTIVIDAD, "AO.3.3");
    /* a first actividad: the entregable's code and ".1" */
    check_sugerido(p, 0, ent, NODE_ACTIVIDAD, "3.1");
    /* after a sibling without a code: the entregable's again */
    check_sugerido(p, sin, ent, NODE_ACTIVIDAD, "3.1");
    /* nothing to follow: no code invented */
    check_sugerido(p, 0, eje, NODE_OBJETIVO, "");
    check_sugerido(p, obj, eje, NODE_OBJETIVO, "O.E.4");
    /* a meta operativa has no code field */
    check_sugerido(p, meta, obj, NODE_META, "");
    plan_free(p);
}

int main(void)
{
    RUN(sugerencias);
    return t_finish();
}
