/* test_deshacer.c — undo from the change log: each kind of edit, edited and
 * undone, leaves the model and the file (read back after reopening) as they
 * were; repeated undo walks back; refusals name the action; closed cortes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "deshacer.h"
#include "plancsv.h"
#include "seguimiento.h"
#include "store.h"
#include "testlib.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"
#define CAJA POA_FIXTURES "/seguimiento2024_t3_caja.csv"

/* Closes and reopens the file and reloads the plan into f->p. */
static void fx_reload(TFx *f)
{
    Plan *q = t_fx_reopen(f);
    plan_free(f->p);
    f->p = q;
}

/* The whole plan as the flat CSV (with the seguimiento of corte 3): two
 * equal snapshots mean every field, month, target and order is equal. */
static char *snap(Plan *p)
{
    static int k;
    char name[32];
    snprintf(name, sizeof name, "snap%d.csv", k++);
    char *path = t_tmp(name);
    CsvExportOpts o = {.corte = 3, .umbrales = calc_umbrales_default()};
    PoaErr err = {{0}};
    CHECK(plancsv_export(p, path, &o, NULL, &err));
    char *s = t_read_file(path, NULL);
    remove(path);
    free(path);
    return s ? s : xstrdup("");
}

/* Actions logged since the import that are neither undone nor undos. */
static int acciones(TFx *f)
{
    return t_db_int(f->db, "SELECT count(DISTINCT accion) - 1 FROM cambio WHERE deshecho = 0 "
                           "AND tipo <> 'deshacer'");
}

/* Undoes n actions, each of which must succeed. */
static void undo_n(TFx *f, int n)
{
    for (int i = 0; i < n; i++) {
        PoaErr err = {{0}};
        DeshacerInfo info;
        bool ok = deshacer_ultimo(f->db, f->p, &info, &err);
        CHECK(ok);
        if (!ok)
            fprintf(stderr, "  deshacer: %s\n", err.msg);
        deshacer_info_free(&info);
    }
}

/* After the undos: the model, and the file reopened, equal the snapshot. */
static void check_como_antes(TFx *f, const char *antes)
{
    char *m = snap(f->p);
    CHECK_STR(m, antes);
    free(m);
    fx_reload(f);
    m = snap(f->p);
    CHECK_STR(m, antes);
    free(m);
}

TEST(campos)
{
    TFx f;
    t_fx_open(&f, ARS, "campos.db");
    PoaErr err = {{0}};
    int act = t_first_of(f.p, NODE_ACTIVIDAD), ent = t_first_of(f.p, NODE_ENTREGABLE);
    int obj = t_first_of(f.p, NODE_OBJETIVO);
    char *antes = snap(f.p);
    char *texto = xstrdup(f.p->nodes[act].texto);
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_TEXTO, "Gestión del año ñandú", &err));
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_PRESUPUESTO, "1,500,000.50", &err));
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_T2, "25%", &err));
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_META_ANUAL, "", &err));
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_TIPO, "hito", &err));
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_PESO, "2.5", &err));
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_RESPONSABLES, "Ana / José", &err));
    CHECK(cmd_set_campo(f.db, f.p, ent, CAMPO_INDICADOR, "Índice nuevo", &err));
    CHECK(cmd_set_campo(f.db, f.p, obj, CAMPO_CODIGO, "OE.9", &err));
    CHECK(cmd_set_campo(f.db, f.p, obj, CAMPO_TEXTO, "Objetivo reescrito", &err));
    /* the last one first, with what it reverted */
    DeshacerInfo info;
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    CHECK_CONTAINS(info.descripcion, "Editar objetivo");
    CHECK(iv_find(&info.nodos, obj) >= 0);
    CHECK(!info.estructura);
    CHECK_INT(info.corte, 0);
    deshacer_info_free(&info);
    CHECK_STR(f.p->nodes[obj].codigo, "OE.9");
    int hechas = acciones(&f) + 1;   /* an edit that changes nothing is no action */
    CHECK(hechas >= 8);
    undo_n(&f, hechas - 1);
    CHECK_STR(f.p->nodes[act].texto, texto);
    check_como_antes(&f, antes);
    /* logged: the undone rows marked, each undo an action of its own */
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM cambio WHERE deshecho = 1"), hechas);
    CHECK_INT(t_db_int(f.db, "SELECT count(DISTINCT accion) FROM cambio "
                             "WHERE descripcion LIKE 'Deshacer: Editar%'"), hechas);
    char *s = t_sql_text(f.path, "SELECT antes FROM cambio WHERE "
                                 "descripcion LIKE 'Deshacer:%' AND campo = 'texto' AND "
                                 "tabla = 'actividad'");
    CHECK_STR(s, "Gestión del año ñandú");
    free(s);
    s = t_sql_text(f.path, "SELECT despues FROM cambio WHERE descripcion LIKE 'Deshacer:%' "
                           "AND campo = 'texto' AND tabla = 'actividad'");
    CHECK_STR(s, texto);
    free(s);
    /* now the import that created the open plan is the last action:
     * refused (the plan would be gone), naming it; nothing changed */
    int n = t_db_int(f.db, "SELECT count(*) FROM cambio");
    CHECK(!deshacer_ultimo(f.db, f.p, NULL, &err));
    CHECK_CONTAINS(err.msg, "La última acción (importar: 172 actividades nuevas");
    CHECK_CONTAINS(err.msg, "no se puede deshacer: creó el plan que está abierto");
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM cambio"), n);
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM actividad"), 172);
    free(texto);
    free(antes);
    t_fx_close(&f);
}

TEST(meses)
{
    TFx f;
    t_fx_open(&f, ARS, "meses.db");
    PoaErr err = {{0}};
    int act = t_first_of(f.p, NODE_ACTIVIDAD);
    int par = f.p->nodes[act].parent;
    char *antes = snap(f.p);
    CHECK(cmd_set_mes(f.db, f.p, act, 0, (MesCell){CELL_X, 1}, &err));
    CHECK(cmd_set_mes(f.db, f.p, act, 1, (MesCell){CELL_NUM, 5.25}, &err));
    CHECK(cmd_fill_meses(f.db, f.p, act, 9, 11, false, &err));
    CHECK(cmd_fill_meses(f.db, f.p, act, 0, 11, true, &err));
    const IntVec *k = &f.p->nodes[par].kids;
    CHECK(k->n >= 2);
    CHECK(cmd_copy_pattern(f.db, f.p, act, k->v, k->n, &err));   /* several in one action */
    DeshacerInfo info;
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    CHECK(info.nodos.n >= 1);
    CHECK_CONTAINS(info.descripcion, "Copiar cronograma");
    deshacer_info_free(&info);
    undo_n(&f, acciones(&f));
    check_como_antes(&f, antes);
    free(antes);
    t_fx_close(&f);
}

TEST(seguimiento)
{
    TFx f;
    t_fx_open(&f, CAJA, "seg.db");
    PoaErr err = {{0}};
    int node = seguimiento_buscar_actividad(f.p, "AO.6.1", "Comercialización", &err);
    CHECK(node > 0);
    char *antes = snap(f.p);
    SegCambio c = {.set_real = true, .real = {true, true, 0.75},
                   .observaciones = "Cifra corregida: ñ", .evidencia = "Informe.pdf"};
    CHECK(seguimiento_editar(f.db, f.p, node, 3, &c, NULL, &err));
    CHECK(seguimiento_set_real(f.db, f.p, node, 2, "12", &err));
    DeshacerInfo info;
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    CHECK_INT(info.corte, 2);
    deshacer_info_free(&info);
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    CHECK_INT(info.corte, 3);
    deshacer_info_free(&info);
    Actividad *a = plan_act(f.p, node);
    CHECK_DBL(a->seg[2].real.valor, 479, 1e-9);
    CHECK(!a->seg[2].real.pct);
    check_como_antes(&f, antes);
    node = seguimiento_buscar_actividad(f.p, "AO.6.1", "Comercialización", &err);
    CHECK(!plan_act(f.p, node)->seg[1].real.has);
    free(antes);
    t_fx_close(&f);
}

TEST(mover_renumerar_agregar)
{
    TFx f;
    t_fx_open(&f, ARS, "mover.db");
    PoaErr err = {{0}};
    int act = t_first_of(f.p, NODE_ACTIVIDAD), par = f.p->nodes[act].parent;
    int other = -1;
    for (int i = 1; i < f.p->nnodes && other < 0; i++)
        if (f.p->nodes[i].kind == NODE_ENTREGABLE && i != par && !f.p->nodes[i].deleted &&
            f.p->nodes[i].unidad != f.p->nodes[act].unidad)
            other = i;
    CHECK(other > 0);
    int unidad = f.p->nodes[act].unidad;
    char *antes = snap(f.p);
    CHECK(cmd_move(f.db, f.p, act, +1, &err));
    CHECK(cmd_renumber(f.db, f.p, act, NULL, &err));
    CHECK(cmd_move_to(f.db, f.p, act, other, &err));
    CHECK_INT(f.p->nodes[act].parent, other);
    int nuevo = -1;
    CHECK(cmd_add(f.db, f.p, other, true, -1, "9.9", "Actividad agregada", &nuevo, &err));
    CHECK(nuevo > 0);
    DeshacerInfo info;
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));   /* the add */
    CHECK(info.estructura);
    CHECK(f.p->nodes[nuevo].deleted);
    deshacer_info_free(&info);
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));   /* the move to another entregable */
    CHECK(info.estructura);
    CHECK(iv_find(&info.nodos, other) >= 0);
    deshacer_info_free(&info);
    CHECK_INT(f.p->nodes[act].parent, par);
    CHECK_INT(f.p->nodes[act].unidad, unidad);
    CHECK_INT(iv_find(&f.p->nodes[par].kids, act), 1);
    undo_n(&f, 2);                                     /* renumber, move down */
    CHECK_INT(iv_find(&f.p->nodes[par].kids, act), 0);
    check_como_antes(&f, antes);
    free(antes);
    t_fx_close(&f);
}

TEST(rechazos)
{
    TFx f;
    t_fx_open(&f, ARS, "rechazos.db");
    PoaErr err = {{0}};
    int ent = t_first_of(f.p, NODE_ENTREGABLE);
    CHECK(cmd_set_campo(f.db, f.p, ent, CAMPO_INDICADOR, "Uno", &err));
    /* a delete logged by a poa before schema 5 kept no images: refused,
     * naming it, nothing changed */
    t_sql_exec(f.path, "INSERT INTO cambio (accion, momento, usuario, plan_id, tabla, fila_id, "
                       "campo, antes, despues, descripcion, tipo) SELECT max(accion) + 1, 't', "
                       "'u', plan_id, 'entregable', 999999, 'baja', 'x', NULL, "
                       "'Borrar entregable «viejo»', 'baja' FROM cambio");
    int n = t_db_int(f.db, "SELECT count(*) FROM cambio");
    CHECK(!deshacer_ultimo(f.db, f.p, NULL, &err));
    CHECK_CONTAINS(err.msg, "La última acción (Borrar entregable «viejo») no se puede deshacer");
    CHECK_CONTAINS(err.msg, "versión anterior de poa");
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM cambio"), n);
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM cambio WHERE deshecho = 1"), 0);
    t_fx_close(&f);

    /* a file with nothing logged for the plan */
    TFx g;
    t_fx_open(&g, ARS, "vacio.db");
    t_sql_exec(g.path, "DELETE FROM cambio");
    fx_reload(&g);
    CHECK(!deshacer_ultimo(g.db, g.p, NULL, &err));
    CHECK_CONTAINS(err.msg, "No hay nada que deshacer");
    t_fx_close(&g);
}

TEST(corte_cerrado)
{
    TFx f;
    t_fx_open(&f, CAJA, "cerrado.db");
    PoaErr err = {{0}};
    int node = seguimiento_buscar_actividad(f.p, "AO.6.1", "Comercialización", &err);
    CHECK(seguimiento_set_real(f.db, f.p, node, 3, "500", &err));
    /* closed behind this session's back: the file decides */
    t_sql_exec(f.path, "INSERT INTO corte (plan_id, numero, estado, cerrado_por, cerrado_en) "
                       "SELECT id, 3, 'cerrado', 'ana', '2024-10-05T10:00:00' FROM plan");
    int n = t_db_int(f.db, "SELECT count(*) FROM cambio");
    CHECK(!deshacer_ultimo(f.db, f.p, NULL, &err));
    CHECK_CONTAINS(err.msg, "El corte 3 está cerrado desde 2024-10-05 por ana");
    CHECK_CONTAINS(err.msg, "Seguimiento del corte 3");
    CHECK_DBL(plan_act(f.p, node)->seg[2].real.valor, 500, 0);
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM cambio"), n);
    /* a plan edit that would change the closed corte's numbers */
    t_sql_exec(f.path, "DELETE FROM corte");
    fx_reload(&f);
    node = seguimiento_buscar_actividad(f.p, "AO.6.1", "Comercialización", &err);
    CHECK(cmd_set_campo(f.db, f.p, node, CAMPO_T2, "600", &err));
    CHECK(cmd_set_campo(f.db, f.p, node, CAMPO_TEXTO, "Venta del Seguro de Vida", &err));
    t_sql_exec(f.path, "INSERT INTO corte (plan_id, numero, estado, cerrado_por, cerrado_en) "
                       "SELECT id, 3, 'cerrado', 'ana', '2024-10-05T10:00:00' FROM plan");
    fx_reload(&f);
    node = seguimiento_buscar_actividad(f.p, "AO.6.1", "Comercialización", &err);
    CHECK(deshacer_ultimo(f.db, f.p, NULL, &err));     /* texts stay editable */
    CHECK(!deshacer_ultimo(f.db, f.p, NULL, &err));
    CHECK_CONTAINS(err.msg, "El corte 3 está cerrado");
    CHECK_CONTAINS(err.msg, "No se puede deshacer «Editar actividad");
    CHECK_DBL(plan_act(f.p, node)->trim[1].valor, 600, 0);
    t_fx_close(&f);
}

TEST(otra_sesion)
{
    TFx f;
    t_fx_open(&f, ARS, "otra.db");
    PoaErr err = {{0}};
    int act = t_first_of(f.p, NODE_ACTIVIDAD);
    /* another session edits the same activity; this model does not know */
    Db *db2 = db_open(f.path, DB_EXISTING, NULL, &err);
    Plan *p2 = store_load(db2, f.id, &err);
    CHECK(cmd_set_campo(db2, p2, act, CAMPO_RIESGOS, "R99", &err));
    plan_free(p2);
    db_close(db2);
    CHECK(!deshacer_ultimo(f.db, f.p, NULL, &err));
    CHECK_CONTAINS(err.msg, "otra sesión");
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM cambio WHERE deshecho = 1"), 0);
    fx_reload(&f);
    CHECK(deshacer_ultimo(f.db, f.p, NULL, &err));
    CHECK_STR(plan_act(f.p, act)->riesgos, "");
    t_fx_close(&f);
}

int main(void)
{
    RUN(campos);
    RUN(meses);
    RUN(seguimiento);
    RUN(mover_renumerar_agregar);
    RUN(rechazos);
    RUN(corte_cerrado);
    RUN(otra_sesion);
    return t_finish();
}
