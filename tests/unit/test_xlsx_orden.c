/* test_xlsx_orden.c — the order of codes in the seguimiento and tablero
 * (xw_codigo_cmp): the runs of digits compared in turn, as the Caja's own
 * document lists its objetivos (O.E.1 < O.E.3 < O.E.4 < O.E.5 < 6). */
#include <stdlib.h>
#include <string.h>

#include "../../src/xlsx_int.h"
#include "testlib.h"

static int cmp(const void *a, const void *b)
{
    return xw_codigo_cmp(*(const char *const *)a, *(const char *const *)b);
}

TEST(test_orden_caja)
{
    /* the plan's order (first appearance in the Caja's file) */
    const char *v[] = {"O.E.3", "6", "O.E.1", "O.E.4", "O.E.5"};
    qsort(v, 5, sizeof *v, cmp);
    const char *want[] = {"O.E.1", "O.E.3", "O.E.4", "O.E.5", "6"};
    for (int i = 0; i < 5; i++)
        CHECK_STR(v[i], want[i]);
}

TEST(test_orden_numeros)
{
    CHECK(xw_codigo_cmp("O.E.3", "O.E.10") < 0);     /* 3 < 10, not "3" > "1" */
    CHECK(xw_codigo_cmp("6", "O.E.10") < 0);         /* «6 Otras actividades» is objetivo 6 */
    CHECK(xw_codigo_cmp("O.E.3", "O.E.3.1") < 0);    /* the shorter first */
    CHECK(xw_codigo_cmp("O.E.3.2", "O.E.3.10") < 0);
    CHECK(xw_codigo_cmp("OE3", "O.E.3") != 0);       /* same numbers: then as text */
    CHECK(xw_codigo_cmp("O.E.3", "O.E.3") == 0);
    /* without digits after the numbered ones, and no code at all last */
    CHECK(xw_codigo_cmp("9", "A") < 0);
    CHECK(xw_codigo_cmp("A", "") < 0);
    CHECK(xw_codigo_cmp("", "O.E.1") > 0);
    CHECK(xw_codigo_cmp("", "") == 0);
    CHECK(xw_codigo_cmp("99999999999999999999", "1") > 0);   /* no overflow to a wrong order */
}

int main(void)
{
    RUN(test_orden_caja);
    RUN(test_orden_numeros);
    return t_finish();
}
