/* test_cmd.c — the interface's edits without curses: every level added,
 * edited, deleted, moved and renumbered; month cells; each change read back
 * from the file; failures (bad input, a refusing database) leave the model
 * and the file as they were. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "plancsv.h"
#include "seguimiento.h"
#include "store.h"
#include "testlib.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"
#define CAJA POA_FIXTURES "/seguimiento2024_t3_caja.csv"

/* The node of the reloaded plan with the same kind and row id. */
static int same(const Plan *q, const Plan *p, int node)
{
    for (int i = 1; i < q->nnodes; i++)
        if (!q->nodes[i].deleted && q->nodes[i].kind == p->nodes[node].kind &&
            q->nodes[i].id == p->nodes[node].id)
            return i;
    return -1;
}

TEST(edit_fields)
{
    TFx f;
    t_fx_open(&f, ARS, "campos.db");
    PoaErr err = {{0}};
    int act = t_first_of(f.p, NODE_ACTIVIDAD), ent = t_first_of(f.p, NODE_ENTREGABLE);
    int logs = t_db_int(f.db, "SELECT count(*) FROM cambio");
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_TEXTO, "  Gestión de año  ", &err));
    CHECK_STR(f.p->nodes[act].texto, "Gestión de año");
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_PRESUPUESTO, "1,500,000.50", &err));
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_T2, "25%", &err));
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_RESPONSABLES, "Afiliación/ Dirección", &err));
    CHECK(cmd_set_campo(f.db, f.p, ent, CAMPO_INDICADOR, "% de afiliados", &err));
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM cambio"), logs + 5);
    /* bad input: message names the field and the value; nothing changes */
    CHECK(!cmd_set_campo(f.db, f.p, act, CAMPO_PRESUPUESTO, "mucho", &err));
    CHECK_CONTAINS(err.msg, "Presupuesto: «mucho»");
    CHECK(!cmd_set_campo(f.db, f.p, act, CAMPO_TEXTO, "   ", &err));
    CHECK_CONTAINS(err.msg, "no puede quedar vacío");
    CHECK(!cmd_set_campo(f.db, f.p, act, CAMPO_INDICADOR, "x", &err));
    CHECK_DBL(plan_act(f.p, act)->presupuesto, 1500000.5, 1e-9);
    Plan *q = t_fx_reopen(&f);
    int qa = same(q, f.p, act);
    CHECK(qa > 0);
    if (qa > 0) {
        CHECK_STR(q->nodes[qa].texto, "Gestión de año");
        CHECK_DBL(plan_act(q, qa)->presupuesto, 1500000.5, 1e-9);
        CHECK(plan_act(q, qa)->trim[1].has && plan_act(q, qa)->trim[1].pct);
        CHECK_STR(plan_act(q, qa)->responsables, "Afiliación/ Dirección");
        char *v = cmd_campo_valor(q, qa, CAMPO_T2);
        CHECK_STR(v, "25%");
        free(v);
    }
    CHECK_STR(q->nodes[same(q, f.p, ent)].indicador, "% de afiliados");
    plan_free(q);
    t_fx_close(&f);
}

TEST(add_every_level_ars)
{
    TFx f;
    t_fx_open(&f, ARS, "altas.db");
    PoaErr err = {{0}};
    int made[6] = {0};
    /* a new eje at the top, then one child at each level below it */
    int eje = t_first_of(f.p, NODE_EJE);
    CHECK(cmd_add(f.db, f.p, eje, false, -1, "", "Sostenibilidad", &made[NODE_EJE], &err));
    /* a second eje of the same name is refused, naming it */
    int dup = -1;
    CHECK(!cmd_add(f.db, f.p, eje, false, -1, "", "Sostenibilidad", &dup, &err));
    CHECK_CONTAINS(err.msg, "Ya existe un eje llamado «Sostenibilidad»");
    CHECK_INT(cmd_child_kind(f.p, made[NODE_EJE]), NODE_OBJETIVO);
    CHECK(cmd_add(f.db, f.p, made[NODE_EJE], true, -1, "O.E.9", "Mejorar la atención", &made[NODE_OBJETIVO], &err));
    CHECK(cmd_add(f.db, f.p, made[NODE_OBJETIVO], true, 2, "", "Reducir tiempos", &made[NODE_META], &err));
    CHECK_INT(f.p->nodes[made[NODE_META]].unidad, 2);
    CHECK(cmd_add(f.db, f.p, made[NODE_META], true, -1, "1", "Diseño del año", &made[NODE_ENTREGABLE], &err));
    CHECK(cmd_add(f.db, f.p, made[NODE_ENTREGABLE], true, -1, "1.1", "Gestión de año", &made[NODE_ACTIVIDAD], &err));
    CHECK_INT(f.p->nodes[made[NODE_ACTIVIDAD]].unidad, 2);
    /* an actividad cannot have children; empty text refused */
    CHECK(!cmd_add(f.db, f.p, made[NODE_ACTIVIDAD], true, -1, "", "x", NULL, &err));
    CHECK(!cmd_add(f.db, f.p, made[NODE_ENTREGABLE], true, -1, "", " ", NULL, &err));
    /* a sibling right after an existing actividad */
    int act = t_first_of(f.p, NODE_ACTIVIDAD), par = f.p->nodes[act].parent;
    int sib;
    CHECK(cmd_add(f.db, f.p, act, false, -1, "1.9", "Reunión de seguimiento", &sib, &err));
    CHECK_INT(f.p->nodes[par].kids.v[iv_find(&f.p->nodes[par].kids, act) + 1], sib);
    Plan *q = t_fx_reopen(&f);
    for (int k = NODE_EJE; k <= NODE_ACTIVIDAD; k++) {
        int x = same(q, f.p, made[k]);
        CHECK(x > 0);
        if (x > 0)
            CHECK_STR(q->nodes[x].texto, f.p->nodes[made[k]].texto);
    }
    int qs = same(q, f.p, sib), qa = same(q, f.p, act);
    CHECK(qs > 0 && qa > 0);
    if (qs > 0 && qa > 0)
        CHECK_INT(iv_find(&q->nodes[q->nodes[qa].parent].kids, qs),
                  iv_find(&q->nodes[q->nodes[qa].parent].kids, qa) + 1);
    plan_free(q);
    t_fx_close(&f);
}

TEST(add_caja_implicit_levels)
{
    TFx f;
    t_fx_open(&f, CAJA, "caja.db");
    PoaErr err = {{0}};
    int ejes = t_count_live(f.p, NODE_EJE), ents = t_count_live(f.p, NODE_ENTREGABLE);
    CHECK_INT(ejes, 0);
    CHECK_INT(ents, 0);
    /* a child of the plan is an objetivo (no ejes), of a meta an actividad */
    CHECK_INT(cmd_child_kind(f.p, 0), NODE_OBJETIVO);
    int meta = t_first_of(f.p, NODE_META);
    CHECK_INT(cmd_child_kind(f.p, meta), NODE_ACTIVIDAD);
    int obj, act;
    CHECK(cmd_add(f.db, f.p, 0, true, -1, "O.E.9", "Objetivo nuevo", &obj, &err));
    CHECK_INT(f.p->nodes[obj].kind, NODE_OBJETIVO);
    CHECK_INT(cmd_visible_parent(f.p, obj), 0);
    CHECK(cmd_add(f.db, f.p, meta, true, -1, "AO.9.1", "Acción nueva", &act, &err));
    CHECK_INT(f.p->nodes[act].kind, NODE_ACTIVIDAD);
    CHECK_INT(cmd_visible_parent(f.p, act), meta);
    int m2;   /* a meta under the new objetivo, then an actividad: implicit entregable made */
    CHECK(cmd_add(f.db, f.p, obj, true, 0, "", "", &m2, &err));
    CHECK_INT(cmd_child_kind(f.p, m2), NODE_ACTIVIDAD);
    int a2;
    CHECK(cmd_add(f.db, f.p, m2, true, -1, "AO.9.2", "Otra acción", &a2, &err));
    CHECK(plan_node_implicit(f.p, f.p->nodes[a2].parent));
    CHECK_INT(t_count_live(f.p, NODE_EJE), 0);
    CHECK_INT(t_count_live(f.p, NODE_ENTREGABLE), 0);
    Plan *q = t_fx_reopen(&f);
    CHECK(same(q, f.p, a2) > 0);
    CHECK_INT(t_count_live(q, NODE_ENTREGABLE), 0);
    plan_free(q);
    t_fx_close(&f);
}

TEST(delete_with_counts)
{
    TFx f;
    t_fx_open(&f, ARS, "borrar.db");
    PoaErr err = {{0}};
    int ent = t_first_of(f.p, NODE_ENTREGABLE);
    CmdCuenta c;
    cmd_count_subtree(f.p, ent, &c);
    int nact = c.by_kind[NODE_ACTIVIDAD];
    CHECK(nact > 1);
    char buf[160], want[64];
    snprintf(want, sizeof want, "%d actividades", nact);
    CHECK_STR(cmd_cuenta_texto(&c, buf, sizeof buf), want);
    int before = t_count_live(f.p, NODE_ACTIVIDAD);
    CHECK(cmd_delete(f.db, f.p, ent, &err));
    CHECK(f.p->nodes[ent].deleted);
    CHECK_INT(t_count_live(f.p, NODE_ACTIVIDAD), before - nact);
    CHECK(!cmd_delete(f.db, f.p, 0, &err));
    Plan *q = t_fx_reopen(&f);
    CHECK_INT(t_count_live(q, NODE_ACTIVIDAD), before - nact);
    CHECK_INT(same(q, f.p, ent), -1);
    plan_free(q);
    CmdCuenta d = {{0}, 0};
    d.by_kind[NODE_ENTREGABLE] = 2;
    d.by_kind[NODE_ACTIVIDAD] = 1;
    CHECK_STR(cmd_cuenta_texto(&d, buf, sizeof buf), "2 entregables y 1 actividad");
    t_fx_close(&f);
}

TEST(move_and_renumber)
{
    TFx f;
    t_fx_open(&f, ARS, "mover.db");
    PoaErr err = {{0}};
    int act = t_first_of(f.p, NODE_ACTIVIDAD), par = f.p->nodes[act].parent;
    CHECK(f.p->nodes[par].kids.n >= 2);
    int second = f.p->nodes[par].kids.v[1];
    CHECK(!cmd_move(f.db, f.p, act, -1, &err));
    CHECK_CONTAINS(err.msg, "primero");
    CHECK(cmd_move(f.db, f.p, act, +1, &err));
    CHECK_INT(f.p->nodes[par].kids.v[0], second);
    CHECK_INT(f.p->nodes[par].kids.v[1], act);
    /* renumber: codes follow the new order */
    int n;
    char **codes = cmd_renumber_codes(f.p, act, &n);
    CHECK_INT(n, f.p->nodes[par].kids.n);
    CHECK_STR(codes[0], "1.1");
    CHECK_STR(codes[1], "1.2");
    for (int i = 0; i < n; i++)
        free(codes[i]);
    free(codes);
    int changed;
    CHECK(cmd_renumber(f.db, f.p, act, &changed, &err));
    CHECK(changed >= 2);
    CHECK_STR(f.p->nodes[act].codigo, "1.2");
    /* to another entregable */
    int other = -1;
    for (int i = 1; i < f.p->nnodes; i++)
        if (f.p->nodes[i].kind == NODE_ENTREGABLE && i != par && !f.p->nodes[i].deleted) {
            other = i;
            break;
        }
    CHECK(other > 0);
    CHECK(cmd_can_move_to(f.p, act, other));
    CHECK(!cmd_can_move_to(f.p, act, par));   /* already there */
    CHECK(!cmd_can_move_to(f.p, act, t_first_of(f.p, NODE_EJE)));
    CHECK(cmd_move_to(f.db, f.p, act, other, &err));
    CHECK_INT(f.p->nodes[act].parent, other);
    CHECK_INT(f.p->nodes[act].unidad, f.p->nodes[other].unidad);
    Plan *q = t_fx_reopen(&f);
    int qa = same(q, f.p, act);
    CHECK(qa > 0);
    if (qa > 0) {
        CHECK_INT(q->nodes[qa].parent, same(q, f.p, other));
        CHECK_STR(q->nodes[qa].codigo, "1.2");
        const IntVec *k = &q->nodes[q->nodes[qa].parent].kids;
        CHECK_INT(k->v[k->n - 1], qa);
    }
    CHECK_STR(q->nodes[same(q, f.p, second)].codigo, "1.1");
    plan_free(q);
    t_fx_close(&f);
}

TEST(renumber_prefixes)
{
    TFx f;
    t_fx_open(&f, CAJA, "renum.db");
    int act = t_first_of(f.p, NODE_ACTIVIDAD);
    int n;
    char **codes = cmd_renumber_codes(f.p, act, &n);
    CHECK(n >= 1);
    CHECK_CONTAINS(codes[0], "AO.");
    const char *dot = strrchr(codes[0], '.');
    CHECK(dot && strcmp(dot, ".1") == 0);
    for (int i = 0; i < n; i++)
        free(codes[i]);
    free(codes);
    CHECK(cmd_renumber_codes(f.p, t_first_of(f.p, NODE_META), &n) == NULL);
    t_fx_close(&f);
}

TEST(months)
{
    TFx f;
    t_fx_open(&f, ARS, "meses.db");
    PoaErr err = {{0}};
    int act = t_first_of(f.p, NODE_ACTIVIDAD);
    int par = f.p->nodes[act].parent;
    Actividad *a = plan_act(f.p, act);
    CHECK(cmd_set_mes(f.db, f.p, act, 0, (MesCell){CELL_X, 1}, &err));
    CHECK(cmd_set_mes(f.db, f.p, act, 1, (MesCell){CELL_NUM, 5}, &err));
    CHECK(cmd_set_mes(f.db, f.p, act, 2, (MesCell){CELL_VACIA, 0}, &err));
    CHECK(cmd_fill_meses(f.db, f.p, act, 9, 11, false, &err));
    CHECK(cmd_fill_meses(f.db, f.p, act, 6, 8, true, &err));
    CHECK(!cmd_set_mes(f.db, f.p, par, 0, (MesCell){CELL_X, 1}, &err));
    CHECK_CONTAINS(err.msg, "Solo las actividades");
    CHECK_INT(a->mes[1].kind, CELL_NUM);
    /* copy the pattern to the other activities of the entregable */
    const IntVec *k = &f.p->nodes[par].kids;
    CHECK(cmd_copy_pattern(f.db, f.p, act, k->v, k->n, &err));
    Plan *q = t_fx_reopen(&f);
    for (int i = 0; i < k->n; i++) {
        int x = same(q, f.p, k->v[i]);
        CHECK(x > 0);
        if (x <= 0)
            continue;
        Actividad *b = plan_act(q, x);
        CHECK_INT(b->mes[0].kind, CELL_X);
        CHECK_INT(b->mes[1].kind, CELL_NUM);
        CHECK_DBL(b->mes[1].valor, 5, 0);
        CHECK_INT(b->mes[2].kind, CELL_VACIA);
        CHECK_INT(b->mes[6].kind == CELL_VACIA, 0);
        CHECK_INT(b->mes[10].kind, CELL_VACIA);
    }
    plan_free(q);
    t_fx_close(&f);
}

/* A database that refuses the write: each edit fails, says why, and leaves
 * the model exactly as it was. */
TEST(failures_roll_back)
{
    TFx f;
    t_fx_open(&f, ARS, "falla.db");
    PoaErr err = {{0}};
    PoaErr e2 = {{0}};
    CHECK(db_exec(f.db,
                  "CREATE TRIGGER no_upd BEFORE UPDATE ON actividad BEGIN "
                  "SELECT RAISE(ABORT, 'disco lleno'); END;"
                  "CREATE TRIGGER no_ins BEFORE INSERT ON actividad BEGIN "
                  "SELECT RAISE(ABORT, 'disco lleno'); END;"
                  "CREATE TRIGGER no_del BEFORE DELETE ON entregable BEGIN "
                  "SELECT RAISE(ABORT, 'disco lleno'); END;"
                  /* a month edit writes only its cell (compare-and-set) */
                  "CREATE TRIGGER no_mes BEFORE INSERT ON mes BEGIN "
                  "SELECT RAISE(ABORT, 'disco lleno'); END;"
                  "CREATE TRIGGER no_mes_upd BEFORE UPDATE ON mes BEGIN "
                  "SELECT RAISE(ABORT, 'disco lleno'); END;", &e2));
    int act = t_first_of(f.p, NODE_ACTIVIDAD), par = f.p->nodes[act].parent;
    Actividad before = *plan_act(f.p, act);
    char *texto = xstrdup(f.p->nodes[act].texto);
    int logs = t_db_int(f.db, "SELECT count(*) FROM cambio");
    int nkids = f.p->nodes[par].kids.n;

    CHECK(!cmd_set_mes(f.db, f.p, act, 3, (MesCell){CELL_NUM, 7}, &err));
    CHECK_CONTAINS(err.msg, "disco lleno");
    CHECK(memcmp(plan_act(f.p, act)->mes, before.mes, sizeof before.mes) == 0);
    CHECK(!cmd_set_campo(f.db, f.p, act, CAMPO_TEXTO, "Otro texto", &err));
    CHECK_STR(f.p->nodes[act].texto, texto);
    CHECK(!cmd_set_campo(f.db, f.p, act, CAMPO_PESO, "3", &err));
    CHECK_DBL(plan_act(f.p, act)->peso, before.peso, 0);
    CHECK(!cmd_add(f.db, f.p, act, false, -1, "9.9", "Nueva", NULL, &err));
    CHECK_INT(f.p->nodes[par].kids.n, nkids);
    CHECK(!cmd_delete(f.db, f.p, par, &err));
    CHECK(!f.p->nodes[par].deleted);
    CHECK(!cmd_move(f.db, f.p, act, +1, &err));
    CHECK_INT(f.p->nodes[par].kids.v[0], act);
    CHECK(!cmd_renumber(f.db, f.p, act, NULL, &err) ||
          strcmp(f.p->nodes[act].codigo, "1.1") == 0);
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM cambio"), logs);
    free(texto);
    t_fx_close(&f);
}

/* A closed corte freezes its numbers: targets up to it, and the activities
 * counted in it, cannot change; texts and later quarters can. */
TEST(closed_corte_freezes_targets)
{
    TFx f;
    t_fx_open(&f, CAJA, "congelado.db");
    PoaErr err = {{0}};
    CHECK(seguimiento_cerrar_corte(f.db, f.p, 3, &err));
    int node = seguimiento_buscar_actividad(f.p, "AO.6.1", "Comercialización", &err);
    CHECK(node > 0);
    CHECK(!cmd_set_campo(f.db, f.p, node, CAMPO_T2, "600", &err));
    CHECK_CONTAINS(err.msg, "El corte 3 está cerrado");
    CHECK_DBL(plan_act(f.p, node)->trim[1].valor, 505, 0);
    CHECK(!cmd_set_campo(f.db, f.p, node, CAMPO_TIPO, "hito", &err));
    CHECK(cmd_set_campo(f.db, f.p, node, CAMPO_T4, "480", &err));      /* after the corte */
    CHECK(cmd_set_campo(f.db, f.p, node, CAMPO_TEXTO, "Venta del Seguro de Vida", &err));
    CHECK(!cmd_delete(f.db, f.p, node, &err));
    CHECK_CONTAINS(err.msg, "no se puede borrar");
    CHECK(!f.p->nodes[node].deleted);
    /* an activity not yet due at corte 3 can still be deleted */
    int q4 = seguimiento_buscar_actividad(f.p, "AO.3.2", "Auditoría Interna", &err);
    CHECK(q4 > 0);
    CHECK(cmd_delete(f.db, f.p, q4, &err));
    /* months on an activity programmed by quarter would replace its targets */
    CHECK(!cmd_set_mes(f.db, f.p, node, 0, (MesCell){CELL_X, 1}, &err));
    CHECK_CONTAINS(err.msg, "se programa por trimestre");
    CHECK(plan_act(f.p, node)->mes[0].kind == CELL_VACIA);
    /* reopened, the targets are editable again */
    CHECK(seguimiento_reabrir_corte(f.db, f.p, 3, "corrección de metas", &err));
    CHECK(cmd_set_campo(f.db, f.p, node, CAMPO_T2, "600", &err));
    Plan *q = t_fx_reopen(&f);
    int qn = seguimiento_buscar_actividad(q, "AO.6.1", "Comercialización", &err);
    CHECK(qn > 0);
    CHECK_DBL(plan_act(q, qn)->trim[1].valor, 600, 0);
    CHECK_DBL(plan_act(q, qn)->trim[3].valor, 480, 0);
    CHECK_STR(q->nodes[qn].texto, "Venta del Seguro de Vida");
    plan_free(q);
    t_fx_close(&f);
}

/* A closed corte's figures do not move between units or groups: moving an
 * activity counted in it to another meta, changing the unit of its meta or
 * its peso is refused naming the corte; moves that change no figure of the
 * corte (an activity not due yet, the order among siblings) still work. */
TEST(closed_corte_freezes_structure)
{
    TFx f;
    t_fx_open(&f, CAJA, "estructura.db");
    PoaErr err = {{0}};
    CHECK(seguimiento_cerrar_corte(f.db, f.p, 3, &err));
    int node = seguimiento_buscar_actividad(f.p, "AO.6.1", "Comercialización", &err);
    int q4 = seguimiento_buscar_actividad(f.p, "AO.3.2", "Auditoría Interna", &err);
    CHECK(node > 0 && q4 > 0);
    int meta = plan_ancestor(f.p, node, NODE_META), otra = plan_ancestor(f.p, q4, NODE_META);
    int parent = f.p->nodes[node].parent;
    CHECK(cmd_can_move_to(f.p, node, otra));
    CHECK(!cmd_move_to(f.db, f.p, node, otra, &err));
    CHECK_CONTAINS(err.msg, "El corte 3 está cerrado");
    CHECK_CONTAINS(err.msg, "AO.6.1");
    CHECK_INT(f.p->nodes[node].parent, parent);
    int u = f.p->nodes[q4].unidad;
    CHECK(!cmd_set_unidad(f.db, f.p, meta, u, &err));
    CHECK_CONTAINS(err.msg, "El corte 3 está cerrado");
    CHECK(f.p->nodes[node].unidad != u);
    CHECK(!cmd_set_campo(f.db, f.p, node, CAMPO_PESO, "2", &err));
    CHECK_CONTAINS(err.msg, "El corte 3 está cerrado");
    CHECK_DBL(plan_act(f.p, node)->peso, 1, 0);
    /* the sentido turns 479 of 1565 into another % */
    CHECK(!cmd_set_campo(f.db, f.p, node, CAMPO_SENTIDO, "descendente", &err));
    CHECK_CONTAINS(err.msg, "El corte 3 está cerrado");
    CHECK_INT(plan_act(f.p, node)->sentido, SENTIDO_ASCENDENTE);
    /* a whole meta holding it cannot go to another objetivo either */
    int obj = plan_ancestor(f.p, q4, NODE_OBJETIVO);
    if (obj != plan_ancestor(f.p, node, NODE_OBJETIVO) && cmd_can_move_to(f.p, meta, obj)) {
        CHECK(!cmd_move_to(f.db, f.p, meta, obj, &err));
        CHECK_CONTAINS(err.msg, "El corte 3 está cerrado");
    }
    /* what changes no figure of corte 3 still works */
    CHECK(cmd_move_to(f.db, f.p, q4, meta, &err));
    CHECK(cmd_move(f.db, f.p, node, f.p->nodes[parent].kids.v[0] == node ? +1 : -1, &err));
    CHECK(cmd_set_campo(f.db, f.p, node, CAMPO_TEXTO, "Venta del Seguro", &err));
    Plan *q = t_fx_reopen(&f);
    int qn = seguimiento_buscar_actividad(q, "AO.6.1", "Comercialización", &err);
    CHECK(qn > 0);
    if (qn > 0)
        CHECK_STR(q->nodes[qn].texto, "Venta del Seguro");
    plan_free(q);
    t_fx_close(&f);
}

/* Excel's limit for a cell (32,767 characters) in the editor: a longer text
 * is refused naming the field and the row; the limit itself is accepted. */
TEST(text_limit)
{
    TFx f;
    t_fx_open(&f, ARS, "limite.db");
    PoaErr err = {{0}};
    int act = t_first_of(f.p, NODE_ACTIVIDAD);
    char *largo = xmalloc(40001);
    memset(largo, 'a', 40000);
    largo[40000] = '\0';
    largo[32768] = '\0';
    CHECK(!cmd_set_campo(f.db, f.p, act, CAMPO_RESPONSABLES, largo, &err));
    CHECK_CONTAINS(err.msg, "Responsables de actividad «1.1 Alianza");
    CHECK_CONTAINS(err.msg, "tiene 32768 caracteres y una celda de Excel admite hasta 32.767");
    CHECK_STR(plan_act(f.p, act)->responsables, "Afiliación/ Direccion Ejecutiva");
    /* characters, not bytes: 32,767 «ñ» are 65,534 bytes and fit */
    StrBuf b = {0};
    for (int i = 0; i < 32767; i++)
        sb_append(&b, "ñ");
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_TEXTO, sb_str(&b), &err));
    sb_append(&b, "ñ");
    CHECK(!cmd_set_campo(f.db, f.p, act, CAMPO_TEXTO, sb_str(&b), &err));
    CHECK_CONTAINS(err.msg, "Texto de actividad");
    sb_free(&b);
    /* the seguimiento's observaciones, the same */
    largo[32768] = 'a';
    CHECK(!seguimiento_set_observaciones(f.db, f.p, act, 1, largo, &err));
    CHECK_CONTAINS(err.msg, "Observaciones del corte 1 de la actividad «1.1»");
    CHECK_CONTAINS(err.msg, "tiene 40000 caracteres");
    CHECK_STR(plan_act(f.p, act)->seg[0].observaciones, "");
    free(largo);
    t_fx_close(&f);
}

int main(void)
{
    RUN(edit_fields);
    RUN(add_every_level_ars);
    RUN(add_caja_implicit_levels);
    RUN(delete_with_counts);
    RUN(move_and_renumber);
    RUN(renumber_prefixes);
    RUN(months);
    RUN(failures_roll_back);
    RUN(closed_corte_freezes_targets);
    RUN(closed_corte_freezes_structure);
    RUN(text_limit);
    return t_finish();
}
