/* test_corte_con_datos.c — calc_corte_con_datos, the rule that keeps a report
 * from printing a red board at a corte where nothing was reported: the Caja
 * has seguimiento at corte 3 only, ARS SEMMA at none; one observación makes
 * a corte count, unless its activity was deleted. */
#include <string.h>

#include "calc.h"
#include "testlib.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"
#define CAJA POA_FIXTURES "/seguimiento2024_t3_caja.csv"

TEST(caja_solo_corte_3)
{
    Plan *p = t_import_tmp("caja.db", CAJA);
    if (!p)
        return;
    CHECK(!calc_corte_con_datos(p, 1));
    CHECK(!calc_corte_con_datos(p, 2));
    CHECK(calc_corte_con_datos(p, 3));
    CHECK(!calc_corte_con_datos(p, 4));
    CHECK(!calc_corte_con_datos(p, 0));   /* out of range: never */
    CHECK(!calc_corte_con_datos(p, 5));
    CHECK_INT(calc_ultimo_corte_con_datos(p), 3);

    /* an observación alone is seguimiento */
    Actividad *a = &p->acts[0];
    str_replace(&a->seg[0].observaciones, "Se inició el diagnóstico.");
    CHECK(calc_corte_con_datos(p, 1));
    /* … of a live activity */
    p->nodes[a->node].deleted = true;
    CHECK(!calc_corte_con_datos(p, 1));
    plan_free(p);
}

TEST(ars_ninguno)
{
    Plan *p = t_import_tmp("ars.db", ARS);
    if (!p)
        return;
    for (int c = 1; c <= POA_TRIMESTRES; c++)
        CHECK(!calc_corte_con_datos(p, c));
    CHECK_INT(calc_ultimo_corte_con_datos(p), 0);
    plan_free(p);
}

int main(void)
{
    RUN(caja_solo_corte_3);
    RUN(ars_ninguno);
    return t_finish();
}
