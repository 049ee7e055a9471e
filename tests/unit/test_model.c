/* test_model.c — the plan tree in memory and the small parsers and
 * formatters of util.c/model.c that every layer relies on. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model.h"
#include "testlib.h"

TEST(numbers)
{
    double v;
    CHECK(num_parse("4", &v) && v == 4);
    CHECK(num_parse("0.2", &v) && v == 0.2);
    CHECK(num_parse("-3.5", &v) && v == -3.5);
    CHECK(num_parse("1,500,000.00", &v) && v == 1500000);
    CHECK(num_parse(" 12 ", &v) && v == 12);
    CHECK(!num_parse("", &v));
    CHECK(!num_parse("1,50", &v));
    CHECK(!num_parse("12a", &v));
    CHECK(!num_parse("1.2.3", &v));
    CHECK(!num_parse("x", &v));
    CHECK(!num_parse("1e5", &v));
    bool pct;
    CHECK(num_parse_pct("75%", &v, &pct) && pct && fabs(v - 0.75) < 1e-12);
    CHECK(num_parse_pct("900.0%", &v, &pct) && pct && fabs(v - 9) < 1e-12);
    CHECK(num_parse_pct("0.75", &v, &pct) && !pct && v == 0.75);
    CHECK(!num_parse_pct("%", &v, &pct));
    char buf[64];
    CHECK_STR(num_format(4, buf, sizeof buf), "4");
    CHECK_STR(num_format(0.2, buf, sizeof buf), "0.2");
    CHECK_STR(num_format(2037, buf, sizeof buf), "2037");
    CHECK_STR(num_format(0.1 + 0.2, buf, sizeof buf), "0.30000000000000004");
    CHECK_STR(num_format(-0.0, buf, sizeof buf), "0");
    CHECK_STR(num_format_pct(0.25, buf, sizeof buf), "25%");
    CHECK_STR(num_format_pct(0.075, buf, sizeof buf), "7.5%");
    CHECK_STR(num_format_money(1500000, buf, sizeof buf), "1,500,000.00");
    CHECK_STR(num_format_money(9450, buf, sizeof buf), "9,450.00");
    CHECK_STR(num_format_money(12.5, buf, sizeof buf), "12.50");
}

TEST(cells_and_values)
{
    MesCell c;
    char buf[64];
    CHECK(mes_cell_parse("x", &c) && c.kind == CELL_X && c.valor == 1);
    CHECK(mes_cell_parse("X", &c) && c.kind == CELL_X);
    CHECK(mes_cell_parse("", &c) && c.kind == CELL_VACIA);
    CHECK(mes_cell_parse("5", &c) && c.kind == CELL_NUM && c.valor == 5);
    CHECK(!mes_cell_parse("xx", &c));
    CHECK(!mes_cell_parse("-1", &c));
    mes_cell_parse("3", &c);
    CHECK_STR(mes_cell_format(&c, buf, sizeof buf), "3");
    Valor v;
    CHECK(valor_parse("25%", &v) && v.has && v.pct && fabs(v.valor - 0.25) < 1e-12);
    CHECK_STR(valor_format(&v, buf, sizeof buf), "25%");
    CHECK(valor_parse("", &v) && !v.has);
    CHECK_STR(valor_format(&v, buf, sizeof buf), "");
    CHECK(!valor_parse("muchos", &v));
}

TEST(tree_operations)
{
    Plan *p = plan_new("Inst", 2024);
    int u = plan_add_unidad(p, 1, "Afiliación", "", "");
    int eje = plan_add_node(p, NODE_EJE, 1, 0, -1, -1, "", "Financiero");
    int obj = plan_add_node(p, NODE_OBJETIVO, 1, eje, -1, -1, "O.E.1", "Objetivo");
    int meta = plan_add_node(p, NODE_META, 1, obj, -1, u, "", "Meta");
    int ent = plan_add_node(p, NODE_ENTREGABLE, 1, meta, -1, u, "1", "Entregable");
    int a1 = plan_add_node(p, NODE_ACTIVIDAD, 1, ent, -1, u, "1.1", "Uno");
    int a2 = plan_add_node(p, NODE_ACTIVIDAD, 2, ent, -1, u, "1.2", "Dos");
    int a0 = plan_add_node(p, NODE_ACTIVIDAD, 3, ent, 0, u, "1.0", "Cero");
    CHECK_INT(p->nodes[ent].kids.n, 3);
    CHECK_INT(p->nodes[ent].kids.v[0], a0);
    CHECK_INT(plan_count_actividades(p, 0), 3);
    CHECK_INT(plan_count_descendants(p, eje), 6);
    CHECK_INT(plan_ancestor(p, a1, NODE_OBJETIVO), obj);
    CHECK(plan_act(p, a1)->peso == 1);
    CHECK(!plan_node_implicit(p, ent));
    int ent2 = plan_add_node(p, NODE_ENTREGABLE, 2, meta, -1, u, "", "");
    CHECK(plan_node_implicit(p, ent2));
    plan_move_node(p, a2, ent2, -1);
    CHECK_INT(p->nodes[ent].kids.n, 2);
    CHECK_INT(p->nodes[ent2].kids.v[0], a2);
    CHECK_INT(p->nodes[a2].parent, ent2);
    plan_remove_node(p, ent);
    CHECK(p->nodes[a1].deleted && p->nodes[a0].deleted && p->nodes[ent].deleted);
    CHECK(!p->nodes[a2].deleted);
    CHECK_INT(plan_count_actividades(p, 0), 1);
    CHECK_INT(plan_find_unidad(p, "Afiliación"), u);
    CHECK_INT(plan_find_unidad(p, "Otra"), -1);
    plan_free(p);
    plan_free(NULL);
}

int main(void)
{
    RUN(numbers);
    RUN(cells_and_values);
    RUN(tree_operations);
    return t_finish();
}
