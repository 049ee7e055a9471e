/* test_campos.c — the table of editable fields (cmd_campos.c): every row
 * round-trips its change-log column, applies to the levels it names, and
 * its number fields parse, format and exchange their value. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "testlib.h"

TEST(cada_campo)
{
    for (int c = 0; c < CAMPO_N; c++) {
        CHECK(*cmd_campo_nombre((CmdCampo)c) != '\0');
        CHECK_INT(cmd_campo_de_columna(cmd_campo_columna((CmdCampo)c)), c);
    }
    CHECK_INT(cmd_campo_de_columna("no_existe"), CAMPO_N);
    CHECK_STR(cmd_campo_nombre(CAMPO_T3), "Meta 3er. Trim.");
    CHECK_STR(cmd_campo_columna(CAMPO_PRESUPUESTO_NOTA), "presupuesto_nota");
    /* levels */
    CHECK(cmd_campo_aplica(NODE_EJE, CAMPO_TEXTO));
    CHECK(!cmd_campo_aplica(NODE_EJE, CAMPO_CODIGO));
    CHECK(cmd_campo_aplica(NODE_OBJETIVO, CAMPO_CODIGO));
    CHECK(!cmd_campo_aplica(NODE_META, CAMPO_CODIGO));
    CHECK(cmd_campo_aplica(NODE_ENTREGABLE, CAMPO_INDICADOR));
    CHECK(!cmd_campo_aplica(NODE_ACTIVIDAD, CAMPO_INDICADOR));
    CHECK(cmd_campo_aplica(NODE_ACTIVIDAD, CAMPO_PESO));
    CHECK(!cmd_campo_aplica(NODE_ENTREGABLE, CAMPO_PESO));
    CHECK(!cmd_campo_aplica(NODE_RAIZ, CAMPO_TEXTO));
    CHECK(!cmd_campo_aplica(NODE_ACTIVIDAD, CAMPO_N));
}

TEST(numeros)
{
    Plan *p = plan_new("ARS SEMMA", 2024);
    int u = plan_add_unidad(p, 0, "Departamento de Afiliación", "", "");
    int eje = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "", "Financiero");
    int obj = plan_add_node(p, NODE_OBJETIVO, 0, eje, -1, -1, "O.E.3", "Balance favorable");
    int meta = plan_add_node(p, NODE_META, 0, obj, -1, u, "", "");
    int ent = plan_add_node(p, NODE_ENTREGABLE, 0, meta, -1, u, "1", "Cartera");
    int act = plan_add_node(p, NODE_ACTIVIDAD, 0, ent, -1, u, "1.1", "Alianza con el MINERD");
    Actividad *a = plan_act(p, act);
    PoaErr err = {{0}};
    const struct {
        CmdCampo c;
        const char *in, *shown;
    } casos[] = {
        {CAMPO_PRESUPUESTO, "1500000.50", "1500000.5"},
        {CAMPO_META_ANUAL, "2037", "2037"},
        {CAMPO_T2, "25%", "25%"},
        {CAMPO_TIPO, "Hito", "hito"},
        {CAMPO_SENTIDO, "descendente", "descendente"},
        {CAMPO_PESO, "2.5", "2.5"},
    };
    for (size_t i = 0; i < sizeof casos / sizeof casos[0]; i++) {
        char *viejo = cmd_campo_valor(p, act, casos[i].c);
        Actividad antes = *a;
        CHECK(cmd_campo_parse(a, casos[i].c, casos[i].in, &err));
        char *v = cmd_campo_valor(p, act, casos[i].c);
        CHECK_STR(v, casos[i].shown);
        free(v);
        /* the exchange undo uses: the model gets the old value back, the
         * copy the new one */
        cmd_campo_swap(a, &antes, casos[i].c);
        v = cmd_campo_valor(p, act, casos[i].c);
        CHECK_STR(v, viejo);
        free(v);
        cmd_campo_swap(a, &antes, casos[i].c);
        v = cmd_campo_valor(p, act, casos[i].c);
        CHECK_STR(v, casos[i].shown);
        free(v);
        free(viejo);
    }
    CHECK(!cmd_campo_parse(a, CAMPO_PESO, "-1", &err));
    CHECK_STR(err.msg, "Peso: «-1» no es un número mayor o igual que 0");
    CHECK(!cmd_campo_parse(a, CAMPO_T1, "cuatro", &err));
    CHECK_STR(err.msg, "Meta 1er. Trim.: «cuatro» no es un número ni un porcentaje "
                       "(ejemplos: 4, 25%)");
    CHECK(!cmd_campo_parse(a, CAMPO_TEXTO, "x", &err));   /* a text is no number */
    /* text fields: the model's own string */
    CHECK(*cmd_campo_texto(p, act, CAMPO_CODIGO) == p->nodes[act].codigo);
    CHECK(cmd_campo_texto(p, act, CAMPO_PESO) == NULL);
    CHECK(cmd_campo_texto(p, ent, CAMPO_RESPONSABLES) == NULL);
    char *ind = cmd_campo_valor(p, ent, CAMPO_INDICADOR);
    CHECK_STR(ind, "");
    free(ind);
    plan_free(p);
}

int main(void)
{
    RUN(cada_campo);
    RUN(numeros);
    return t_finish();
}
