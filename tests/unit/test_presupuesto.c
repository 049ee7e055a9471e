/* test_presupuesto.c — presupuesto totals per node and currency
 * (presupuesto.c): every ancestor adds its actividades' amounts, currencies
 * stay apart, deleted actividades and notes without amount do not count. */
#include <stdio.h>
#include <stdlib.h>

#include "presupuesto.h"
#include "testlib.h"

static int act(Plan *p, int parent, const char *codigo, const char *moneda, double monto)
{
    int n = plan_add_node(p, NODE_ACTIVIDAD, 0, parent, -1, 0, codigo, "x");
    Actividad *a = plan_act(p, n);
    if (monto >= 0) {
        a->has_presupuesto = true;
        a->presupuesto = monto;
        str_replace(&a->moneda, moneda);
    } else {
        str_replace(&a->presupuesto_nota, "N/A");
    }
    return n;
}

TEST(totals_per_node_and_currency)
{
    Plan *p = plan_new("Institución", 2024);
    plan_add_unidad(p, 1, "Planificación", "", "");
    int eje = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "1", "Gestión");
    int obj = plan_add_node(p, NODE_OBJETIVO, 0, eje, -1, -1, "1.1", "Fortalecer");
    int meta = plan_add_node(p, NODE_META, 0, obj, -1, 0, "", "Meta");
    int e1 = plan_add_node(p, NODE_ENTREGABLE, 0, meta, -1, 0, "1", "Informe");
    int e2 = plan_add_node(p, NODE_ENTREGABLE, 0, meta, -1, 0, "2", "Otro");
    int a1 = act(p, e1, "1.1", "RD$", 1500000);
    act(p, e1, "1.2", "RD$", 234000.5);
    act(p, e1, "1.3", "", -1);   /* a note, no amount */
    act(p, e2, "2.1", "US$", 5000);
    int gone = act(p, e2, "2.2", "US$", 999);
    plan_remove_node(p, gone);
    int e3 = plan_add_node(p, NODE_ENTREGABLE, 0, meta, -1, 0, "3", "Vacío");
    Presupuestos *t = presupuesto_new(p);
    char b[256];
    CHECK_STR(presupuesto_texto(t, e1, false, b, sizeof b), "RD$ 1,734,000.50");
    CHECK_STR(presupuesto_texto(t, e1, true, b, sizeof b), "RD$ 1,734,001");
    CHECK_STR(presupuesto_texto(t, e2, false, b, sizeof b), "US$ 5,000.00");
    CHECK_STR(presupuesto_texto(t, meta, false, b, sizeof b), "RD$ 1,734,000.50 + US$ 5,000.00");
    CHECK_STR(presupuesto_texto(t, 0, false, b, sizeof b), "RD$ 1,734,000.50 + US$ 5,000.00");
    CHECK_STR(presupuesto_texto(t, e3, false, b, sizeof b), "");
    CHECK_STR(presupuesto_texto(t, a1, false, b, sizeof b), "RD$ 1,500,000.00");
    CHECK_STR(presupuesto_texto(t, -1, false, b, sizeof b), "");
    CHECK_STR(presupuesto_texto(NULL, 0, false, b, sizeof b), "");
    CHECK_INT(presupuesto_cuenta(t, meta), 3);
    CHECK_INT(presupuesto_cuenta(t, e3), 0);
    CHECK_INT(t->nmonedas, 2);
    presupuesto_free(t);
    presupuesto_free(NULL);
    /* an amount without currency is shown plain */
    act(p, e3, "3.1", "", 100);
    t = presupuesto_new(p);
    CHECK_STR(presupuesto_texto(t, e3, false, b, sizeof b), "100.00");
    presupuesto_free(t);
    plan_free(p);
}

int main(void)
{
    RUN(totals_per_node_and_currency);
    return t_finish();
}
