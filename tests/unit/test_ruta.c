/* test_ruta.c — a node named by its path (ruta.c): every level from the eje
 * down, a meta as «unidad · texto», implicit levels left out; fitted to a
 * width by shortening the levels above first, the node's end kept. */
#include <stdlib.h>
#include <string.h>

#include "ruta.h"
#include "testlib.h"
#include "u8.h"

TEST(ruta)
{
    Plan *p = plan_new("Caja", 2024);
    int u = plan_add_unidad(p, 0, "Auditoría Interna", "", "");
    int eje = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "", "Financiero");
    int obj = plan_add_node(p, NODE_OBJETIVO, 0, eje, -1, -1, "O.E.3",
                            "Administrar los activos de manera eficaz, eficiente y económica");
    int meta = plan_add_node(p, NODE_META, 0, obj, -1, u, "", "Optimizar los procesos");
    int ent = plan_add_node(p, NODE_ENTREGABLE, 0, meta, -1, u, "1", "Cartera");
    int meta2 = plan_add_node(p, NODE_META, 0, obj, -1, u, "", "");

    char *s = ruta_node_texto(p, ent, 200, true);
    CHECK_STR(s, "Financiero › O.E.3 Administrar los activos de manera eficaz, eficiente y "
                 "económica › Auditoría Interna · Optimizar los procesos › 1 Cartera");
    free(s);
    s = ruta_node_texto(p, meta2, 200, true);
    CHECK_STR(s, "Financiero › O.E.3 Administrar los activos de manera eficaz, eficiente y "
                 "económica › Auditoría Interna");
    free(s);
    s = ruta_node_texto(p, eje, 200, false);
    CHECK_STR(s, "Financiero");
    free(s);
    /* narrow: the objetivo gives way first, the end stays whole */
    s = ruta_node_texto(p, ent, 90, true);
    CHECK_INT(u8_width(s), 90);
    CHECK_STR(s, "Financiero › O.E.3 Administrar l… › Auditoría Interna · Optimizar "
                 "los procesos › 1 Cartera");
    free(s);
    /* then the unit's meta, the parent */
    s = ruta_node_texto(p, ent, 70, true);
    CHECK(u8_width(s) <= 70);
    CHECK_STR(s, "Financiero › O.E.3 Admin… › Auditoría Interna · Optimizar… › 1 Cartera");
    free(s);
    /* narrower than every level can give: the middle of the whole goes */
    s = ruta_node_texto(p, ent, 40, false);
    CHECK(u8_width(s) <= 40);
    CHECK(strncmp(s, "Financiero >", strlen("Financiero >")) == 0);
    CHECK_CONTAINS(s, "…");
    CHECK_CONTAINS(s, "> 1 Cartera");
    free(s);
    plan_free(p);
}

int main(void)
{
    RUN(ruta);
    return t_finish();
}
