/* test_cas.c — no write undoes another's: two copies of one plan, loaded
 * from one file through two connections (two programs), edit it. Edits of
 * different fields both land; an edit of a field the other copy changed is
 * refused with «otro programa cambió esta fila; se recargó», the stale
 * copy is reloaded with the file's values and the change log's «antes» is
 * the value really replaced. Same for seguimiento, months, targets,
 * deletes, moves and undo. */
#include <math.h>
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
#define CONFLICTO "otro programa cambió esta fila; se recargó"

/* A: the fixture's connection and plan; B: a second program on the file. */
typedef struct {
    TFx a;
    Db *db;
    Plan *p;
} Dos;

static void dos_open(Dos *d, const char *name)
{
    t_fx_open(&d->a, ARS, name);
    PoaErr err = {{0}};
    d->db = db_open(d->a.path, DB_EXISTING, NULL, &err);
    CHECK(d->db != NULL);
    d->p = d->db ? store_load(d->db, d->a.id, &err) : NULL;
    CHECK(d->p != NULL);
}

static void dos_close(Dos *d)
{
    plan_free(d->p);
    db_close(d->db);
    t_fx_close(&d->a);
}

static int cambios(Dos *d) { return t_db_int(d->a.db, "SELECT count(*) FROM cambio"); }

/* The «antes» of the newest log row for campo. */
static char *ultimo_antes(Dos *d, const char *campo)
{
    char *sql = xasprintf("SELECT antes FROM cambio WHERE campo = '%s' ORDER BY id DESC LIMIT 1",
                          campo);
    char *v = t_sql_text(d->a.path, sql);
    free(sql);
    return v;
}

TEST(different_fields_both_kept)
{
    Dos d;
    dos_open(&d, "campos.db");
    PoaErr err = {{0}};
    int act = t_first_of(d.a.p, NODE_ACTIVIDAD);
    char *resp0 = xstrdup(plan_act(d.p, act)->responsables);
    CHECK(cmd_set_campo(d.a.db, d.a.p, act, CAMPO_TEXTO, "Texto de A", &err));
    CHECK(cmd_set_campo(d.db, d.p, act, CAMPO_RESPONSABLES, "Responsables de B", &err));
    CHECK(cmd_set_campo(d.a.db, d.a.p, act, CAMPO_PRESUPUESTO, "100", &err));
    CHECK(cmd_set_campo(d.db, d.p, act, CAMPO_T3, "7", &err));
    Plan *q = t_fx_reopen(&d.a);
    CHECK_STR(q->nodes[act].texto, "Texto de A");
    CHECK_STR(plan_act(q, act)->responsables, "Responsables de B");
    CHECK_DBL(plan_act(q, act)->presupuesto, 100, 0);
    CHECK_DBL(plan_act(q, act)->trim[2].valor, 7, 0);
    char *antes = ultimo_antes(&d, "responsables");
    CHECK_STR(antes, resp0);
    free(antes);
    plan_free(q);
    free(resp0);
    dos_close(&d);
}

TEST(same_field_refused_and_reloaded)
{
    Dos d;
    dos_open(&d, "mismo.db");
    PoaErr err = {{0}};
    int act = t_first_of(d.a.p, NODE_ACTIVIDAD);
    char *texto0 = xstrdup(d.a.p->nodes[act].texto);
    CHECK(cmd_set_campo(d.a.db, d.a.p, act, CAMPO_TEXTO, "Texto de A", &err));
    int n = cambios(&d);
    CHECK(!cmd_set_campo(d.db, d.p, act, CAMPO_TEXTO, "Texto de B", &err));
    CHECK_CONTAINS(err.msg, CONFLICTO);
    CHECK_STR(d.p->nodes[act].texto, "Texto de A");   /* B shows the file's value */
    CHECK_INT(cambios(&d), n);
    char *antes = ultimo_antes(&d, "texto");
    CHECK_STR(antes, texto0);
    free(antes);
    /* after the reload B edits from the file's value: accepted, «antes» right */
    CHECK(cmd_set_campo(d.db, d.p, act, CAMPO_TEXTO, "Texto de B", &err));
    antes = ultimo_antes(&d, "texto");
    CHECK_STR(antes, "Texto de A");
    free(antes);
    /* a number field the other copy changed: refused, reloaded */
    CHECK(cmd_set_campo(d.a.db, d.a.p, act, CAMPO_PESO, "3", &err));
    CHECK(!cmd_set_campo(d.db, d.p, act, CAMPO_PESO, "5", &err));
    CHECK_CONTAINS(err.msg, CONFLICTO);
    CHECK_DBL(plan_act(d.p, act)->peso, 3, 0);
    Plan *q = t_fx_reopen(&d.a);
    CHECK_STR(q->nodes[act].texto, "Texto de B");
    CHECK_DBL(plan_act(q, act)->peso, 3, 0);
    plan_free(q);
    free(texto0);
    dos_close(&d);
}

TEST(node_texts)
{
    Dos d;
    dos_open(&d, "nodos.db");
    PoaErr err = {{0}};
    int ent = t_first_of(d.a.p, NODE_ENTREGABLE), obj = t_first_of(d.a.p, NODE_OBJETIVO);
    CHECK(cmd_set_campo(d.a.db, d.a.p, ent, CAMPO_TEXTO, "Entregable de A", &err));
    CHECK(cmd_set_campo(d.db, d.p, ent, CAMPO_INDICADOR, "Indicador de B", &err));
    CHECK(!cmd_set_campo(d.db, d.p, ent, CAMPO_TEXTO, "Entregable de B", &err));
    CHECK_CONTAINS(err.msg, CONFLICTO);
    CHECK_STR(d.p->nodes[ent].texto, "Entregable de A");
    CHECK(cmd_set_campo(d.a.db, d.a.p, obj, CAMPO_CODIGO, "O.E.9", &err));
    CHECK(!cmd_set_campo(d.db, d.p, obj, CAMPO_CODIGO, "O.E.8", &err));
    CHECK_STR(d.p->nodes[obj].codigo, "O.E.9");
    Plan *q = t_fx_reopen(&d.a);
    CHECK_STR(q->nodes[ent].texto, "Entregable de A");
    CHECK_STR(q->nodes[ent].indicador, "Indicador de B");
    CHECK_STR(q->nodes[obj].codigo, "O.E.9");
    plan_free(q);
    dos_close(&d);
}

TEST(seguimiento_from_cli_then_stale_interface)
{
    Dos d;
    dos_open(&d, "seg.db");
    PoaErr err = {{0}};
    int act = t_first_of(d.a.p, NODE_ACTIVIDAD);
    /* poa seguimiento … --real 2 --observaciones "DESDE CLI" */
    SegCambio c = {.set_real = true, .real = {true, false, 2}, .observaciones = "DESDE CLI"};
    CHECK(seguimiento_editar(d.a.db, d.a.p, act, 1, &c, NULL, &err));
    /* the interface, loaded before, edits the evidencia of that row */
    CHECK(seguimiento_set_evidencia(d.db, d.p, act, 1, "acta.pdf", &err));
    /* … and, saved, it shows what the other program wrote in that row */
    CHECK_STR(plan_act(d.p, act)->seg[0].observaciones, "DESDE CLI");
    /* the activity's later edits start from there */
    CHECK(seguimiento_set_observaciones(d.db, d.p, act, 1, "DESDE CLI y más", &err));
    CHECK(seguimiento_set_observaciones(d.db, d.p, act, 1, "DESDE CLI", &err));
    Plan *q = t_fx_reopen(&d.a);
    const Seguimiento *s = &plan_act(q, act)->seg[0];
    CHECK(s->real.has);
    CHECK_DBL(s->real.valor, 2, 0);
    CHECK_STR(s->observaciones, "DESDE CLI");
    CHECK_STR(s->evidencia, "acta.pdf");
    plan_free(q);
    /* the CLI writes again; the interface's copy is stale again: refused */
    c.observaciones = "DESDE CLI, otra vez";
    c.set_real = false;
    CHECK(seguimiento_editar(d.a.db, d.a.p, act, 1, &c, NULL, &err));
    CHECK(!seguimiento_set_observaciones(d.db, d.p, act, 1, "DESDE LA INTERFAZ", &err));
    CHECK_CONTAINS(err.msg, CONFLICTO);
    CHECK_STR(plan_act(d.p, act)->seg[0].observaciones, "DESDE CLI, otra vez");
    CHECK_DBL(plan_act(d.p, act)->seg[0].real.valor, 2, 0);
    /* the real too */
    CHECK(!seguimiento_set_real(d.a.db, d.a.p, act, 1, "3", &err) ||
          seguimiento_set_real(d.db, d.p, act, 1, "4", &err) == false);
    CHECK_CONTAINS(err.msg, CONFLICTO);
    CHECK_DBL(plan_act(d.p, act)->seg[0].real.valor, 3, 0);
    char *antes = ultimo_antes(&d, "corte1.real");
    CHECK_STR(antes, "2");
    free(antes);
    dos_close(&d);
}

TEST(months_and_targets)
{
    Dos d;
    dos_open(&d, "meses.db");
    PoaErr err = {{0}};
    /* an activity with its first two months empty */
    int act = -1;
    for (int i = 0; i < d.a.p->nacts && act < 0; i++)
        if (d.a.p->acts[i].mes[0].kind == CELL_VACIA && d.a.p->acts[i].mes[1].kind == CELL_VACIA &&
            d.a.p->acts[i].mes[2].kind != CELL_VACIA)
            act = d.a.p->acts[i].node;
    CHECK(act > 0);
    if (act <= 0) {
        dos_close(&d);
        return;
    }
    CHECK(cmd_set_mes(d.a.db, d.a.p, act, 0, (MesCell){CELL_X, 1}, &err));
    CHECK(cmd_set_mes(d.db, d.p, act, 1, (MesCell){CELL_NUM, 4}, &err));
    CHECK(!cmd_set_mes(d.db, d.p, act, 0, (MesCell){CELL_NUM, 5}, &err));
    CHECK_CONTAINS(err.msg, CONFLICTO);
    CHECK_INT(plan_act(d.p, act)->mes[0].kind, CELL_X);
    Plan *q = t_fx_reopen(&d.a);
    CHECK_INT(plan_act(q, act)->mes[0].kind, CELL_X);
    CHECK_INT(plan_act(q, act)->mes[1].kind, CELL_NUM);
    CHECK_DBL(plan_act(q, act)->mes[1].valor, 4, 0);
    plan_free(q);
    /* quarterly targets */
    CHECK(cmd_set_campo(d.a.db, d.a.p, act, CAMPO_T4, "9", &err));
    CHECK(!cmd_set_campo(d.db, d.p, act, CAMPO_T4, "8", &err));
    CHECK_CONTAINS(err.msg, CONFLICTO);
    CHECK_DBL(plan_act(d.p, act)->trim[3].valor, 9, 0);
    dos_close(&d);
}

TEST(delete_and_move)
{
    Dos d;
    dos_open(&d, "borrar.db");
    PoaErr err = {{0}};
    int act = t_first_of(d.a.p, NODE_ACTIVIDAD);
    int par = d.a.p->nodes[act].parent;
    int hermano = d.a.p->nodes[par].kids.v[1];
    /* deleting a row the other program changed after we loaded it: refused */
    CHECK(cmd_set_campo(d.a.db, d.a.p, act, CAMPO_RIESGOS, "R1", &err));
    CHECK(!cmd_delete(d.db, d.p, act, &err));
    CHECK_CONTAINS(err.msg, CONFLICTO);
    CHECK_STR(plan_act(d.p, act)->riesgos, "R1");
    CHECK_INT(t_db_int(d.a.db, "SELECT count(*) FROM actividad WHERE riesgos = 'R1'"), 1);
    /* a branch holding a row the other program changed, the same */
    CHECK(cmd_set_campo(d.a.db, d.a.p, hermano, CAMPO_MONEDA, "US$", &err));
    CHECK(!cmd_delete(d.db, d.p, par, &err));
    CHECK_CONTAINS(err.msg, "otro programa cambió");
    /* A moves the activity to another entregable; B's stale move of it is
     * refused and does not bring it back */
    int other = -1;
    for (int i = 1; i < d.a.p->nnodes && other < 0; i++)
        if (d.a.p->nodes[i].kind == NODE_ENTREGABLE && i != par &&
            d.a.p->nodes[i].unidad == d.a.p->nodes[par].unidad)
            other = i;
    CHECK(other > 0);
    CHECK(cmd_move_to(d.a.db, d.a.p, act, other, &err));
    CHECK(!cmd_move(d.db, d.p, hermano, -1, &err));
    CHECK_CONTAINS(err.msg, "otro programa cambió");
    char *sql = xasprintf("SELECT entregable_id FROM actividad WHERE id = %lld",
                          (long long)d.a.p->nodes[act].id);
    CHECK_INT(t_sql_int(d.a.path, sql), d.a.p->nodes[other].id);
    free(sql);
    /* adding beside siblings another program changed: refused, nothing added */
    CHECK(!cmd_add(d.db, d.p, hermano, false, -1, "9.9", "Nueva de B", NULL, &err));
    CHECK_CONTAINS(err.msg, "otro programa cambió");
    CHECK_INT(t_db_int(d.a.db, "SELECT count(*) FROM actividad WHERE texto = 'Nueva de B'"), 0);
    /* B deletes what A deleted: nothing to resurrect, refused */
    CHECK(cmd_delete(d.a.db, d.a.p, hermano, &err));
    CHECK(!cmd_set_campo(d.db, d.p, hermano, CAMPO_TEXTO, "Revive", &err));
    CHECK_INT(t_db_int(d.a.db, "SELECT count(*) FROM actividad WHERE texto = 'Revive'"), 0);
    dos_close(&d);
}

TEST(undo_does_not_undo_the_other)
{
    Dos d;
    dos_open(&d, "deshacer.db");
    PoaErr err = {{0}};
    int act = t_first_of(d.a.p, NODE_ACTIVIDAD);
    CHECK(cmd_set_campo(d.db, d.p, act, CAMPO_MONEDA, "US$", &err));     /* B */
    CHECK(cmd_set_campo(d.a.db, d.a.p, act, CAMPO_RIESGOS, "R9", &err)); /* A, later */
    /* B's undo reverts the newest action: A's riesgos, which B never saw
     * (its model has the old value): refused, not written over */
    DeshacerInfo info;
    bool ok = deshacer_ultimo(d.db, d.p, &info, &err);
    deshacer_info_free(&info);
    CHECK(!ok);
    CHECK_INT(t_db_int(d.a.db, "SELECT count(*) FROM actividad WHERE riesgos = 'R9'"), 1);
    /* a program that writes no log row (an older poa, sqlite3) changed the
     * field B's own last edit set: B's undo is refused and reloads */
    CHECK(cmd_set_campo(d.db, d.p, act, CAMPO_PRESUPUESTO_NOTA, "Según PAC 2024", &err));
    char *sql = xasprintf("UPDATE actividad SET presupuesto_nota = 'Ver PAC' WHERE id = %lld",
                          (long long)d.p->nodes[act].id);
    CHECK(db_exec(d.a.db, sql, &err));
    free(sql);
    ok = deshacer_ultimo(d.db, d.p, &info, &err);
    deshacer_info_free(&info);
    CHECK(!ok);
    CHECK_CONTAINS(err.msg, CONFLICTO);
    CHECK_STR(plan_act(d.p, act)->presupuesto_nota, "Ver PAC");
    CHECK_INT(t_db_int(d.a.db, "SELECT count(*) FROM actividad WHERE presupuesto_nota = 'Ver PAC'"),
              1);
    /* undoing a move among siblings one of which another program removed */
    int par = d.p->nodes[act].parent;
    CHECK(cmd_move(d.db, d.p, act, +1, &err));
    int otro = d.p->nodes[par].kids.v[d.p->nodes[par].kids.n - 1];
    sql = xasprintf("DELETE FROM actividad WHERE id = %lld", (long long)d.p->nodes[otro].id);
    CHECK(db_exec(d.a.db, sql, &err));
    free(sql);
    ok = deshacer_ultimo(d.db, d.p, &info, &err);
    deshacer_info_free(&info);
    CHECK(!ok);
    CHECK_CONTAINS(err.msg, "otro programa cambió estas filas");
    CHECK_INT(d.p->nodes[par].kids.v[1], act);   /* the model as it was */
    dos_close(&d);
}

int main(void)
{
    RUN(different_fields_both_kept);
    RUN(same_field_refused_and_reloaded);
    RUN(node_texts);
    RUN(seguimiento_from_cli_then_stale_interface);
    RUN(months_and_targets);
    RUN(delete_and_move);
    RUN(undo_does_not_undo_the_other);
    return t_finish();
}
