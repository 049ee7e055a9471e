/* test_numero.c — numbers typed in the editor (numero.c): both thousand and
 * decimal conventions, the ambiguous single mark, currency symbols; and
 * through cmd_set_campo_tecleado: presupuesto with its currency, meta anual and
 * targets, each read back from the file and undone in one step; the
 * canonical path (cmd_set_campo) keeps reading «1.125» as 1.125. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "deshacer.h"
#include "numero.h"
#include "testlib.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"

static double leer(const char *s)
{
    double v = -12345;
    if (!numero_leer(s, &v))
        return NAN;
    return v;
}

TEST(convenciones)
{
    CHECK_DBL(leer("1.500.000,50"), 1500000.5, 1e-9);
    CHECK_DBL(leer("1,500,000.50"), 1500000.5, 1e-9);
    CHECK_DBL(leer("150,000.50"), 150000.5, 1e-9);
    CHECK_DBL(leer("150.000,50"), 150000.5, 1e-9);
    CHECK_DBL(leer("1.500"), 1500, 1e-9);
    CHECK_DBL(leer("1,500"), 1500, 1e-9);
    CHECK_DBL(leer("2,5"), 2.5, 1e-9);
    CHECK_DBL(leer("2.5"), 2.5, 1e-9);
    CHECK_DBL(leer("0,125"), 0.125, 1e-9);
    CHECK_DBL(leer("1234.567"), 1234.567, 1e-9);
    CHECK_DBL(leer("1.500.000"), 1500000, 1e-9);
    CHECK_DBL(leer("12,345,678"), 12345678, 1e-9);
    CHECK_DBL(leer(" 42 "), 42, 1e-9);
    CHECK_DBL(leer("-3,25"), -3.25, 1e-9);
    CHECK_DBL(leer("1500000.5"), 1500000.5, 1e-9);
    /* what no convention writes */
    const char *malos[] = {"", "abc", "1,50,000", "1.500,000.00", "1,500.000.00", "1.5.0",
                           ",5", "5,", "12a", "1 500", "1.2345,6,7"};
    for (size_t i = 0; i < sizeof malos / sizeof malos[0]; i++) {
        double v;
        char d[64];
        snprintf(d, sizeof d, "«%s» se leyó", malos[i]);
        t_report(!numero_leer(malos[i], &v), __FILE__, __LINE__, d, NULL);
    }
}

TEST(monedas)
{
    char out[64], m[8];
    CHECK(numero_normalizar("RD$ 150,000.50", false, out, sizeof out, m, sizeof m));
    CHECK_STR(out, "150000.5");
    CHECK_STR(m, "RD$");
    CHECK(numero_normalizar("US$1.500.000,50", false, out, sizeof out, m, sizeof m));
    CHECK_STR(out, "1500000.5");
    CHECK_STR(m, "US$");
    CHECK(numero_normalizar("$2,5", false, out, sizeof out, m, sizeof m));
    CHECK_STR(out, "2.5");
    CHECK_STR(m, "$");
    CHECK(numero_normalizar("1.500 €", false, out, sizeof out, m, sizeof m));
    CHECK_STR(out, "1500");
    CHECK_STR(m, "€");
    CHECK(numero_normalizar("", false, out, sizeof out, m, sizeof m));
    CHECK_STR(out, "");
    CHECK(!numero_normalizar("RD$", false, out, sizeof out, m, sizeof m));
    /* a target: a percentage keeps its mark; no currency there */
    CHECK(numero_normalizar("7,5%", true, out, sizeof out, m, 0));
    CHECK_STR(out, "7.5%");
    CHECK(!numero_normalizar("RD$ 5", true, out, sizeof out, m, 0));
    CHECK(!numero_normalizar("5%", false, out, sizeof out, m, sizeof m));
}

TEST(en_el_editor)
{
    TFx f;
    t_fx_open(&f, ARS, "numero.db");
    PoaErr err = {{0}};
    int act = t_first_of(f.p, NODE_ACTIVIDAD);
    Actividad *a = plan_act(f.p, act);
    CHECK_STR(a->moneda, "");
    CHECK(cmd_set_campo_tecleado(f.db, f.p, act, CAMPO_PRESUPUESTO, "RD$ 150,000.50", &err));
    CHECK_DBL(a->presupuesto, 150000.5, 1e-9);
    CHECK_STR(a->moneda, "RD$");
    CHECK(cmd_set_campo_tecleado(f.db, f.p, act, CAMPO_META_ANUAL, "1.500", &err));
    CHECK(cmd_set_campo_tecleado(f.db, f.p, act, CAMPO_T1, "2,5", &err));
    CHECK(cmd_set_campo_tecleado(f.db, f.p, act, CAMPO_T2, "7,5%", &err));
    Plan *q = t_fx_reopen(&f);
    Actividad *b = plan_act(q, t_first_of(q, NODE_ACTIVIDAD));
    CHECK_DBL(b->presupuesto, 150000.5, 1e-9);
    CHECK_STR(b->moneda, "RD$");
    CHECK_DBL(b->meta_anual.valor, 1500, 1e-9);
    CHECK_DBL(b->trim[0].valor, 2.5, 1e-9);
    CHECK(b->trim[1].pct);
    CHECK_DBL(b->trim[1].valor, 0.075, 1e-9);
    plan_free(q);
    /* a known currency stays: the symbol typed does not replace it */
    CHECK(cmd_set_campo_tecleado(f.db, f.p, act, CAMPO_PRESUPUESTO, "US$ 1.500.000,50", &err));
    CHECK_DBL(a->presupuesto, 1500000.5, 1e-9);
    CHECK_STR(a->moneda, "RD$");
    /* undo, newest first: the amount alone, then the targets, then the
     * amount with the currency it brought, both in one step */
    DeshacerInfo info;
    for (int i = 0; i < 5; i++)
    {
        CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
        deshacer_info_free(&info);
    }
    CHECK(!a->has_presupuesto);
    CHECK_STR(a->moneda, "");
    /* refused: the message of the field, nothing changed */
    int logs = t_db_int(f.db, "SELECT count(*) FROM cambio");
    CHECK(!cmd_set_campo_tecleado(f.db, f.p, act, CAMPO_PRESUPUESTO, "RD$ mucho", &err));
    CHECK_CONTAINS(err.msg, "Presupuesto: «RD$ mucho» no es un importe");
    CHECK(!cmd_set_campo_tecleado(f.db, f.p, act, CAMPO_META_ANUAL, "RD$ 5", &err));
    CHECK_CONTAINS(err.msg, "Meta anual: «RD$ 5» no es un número");
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM cambio"), logs);
    /* a canonical value (a copy of another field, a paste) is read as it is:
     * «1.125» is one and an eighth there, not 1125 */
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_META_ANUAL, "1.125", &err));
    CHECK_DBL(a->meta_anual.valor, 1.125, 1e-9);
    CHECK(!cmd_set_campo(f.db, f.p, act, CAMPO_PRESUPUESTO, "RD$ 5", &err));
    CHECK_STR(a->moneda, "");
    t_fx_close(&f);
}

int main(void)
{
    RUN(convenciones);
    RUN(monedas);
    RUN(en_el_editor);
    return t_finish();
}
