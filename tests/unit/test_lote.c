/* test_lote.c — bulk actions recorded as row images (store_lote.c) and
 * their undo and redo (deshacer_pila.c): every plan table and column is
 * captured (a table or column added to schema.sql without capture fails
 * here), a whole plan deleted comes back byte for byte, a conflict names the
 * row and the later change and never blocks the steps before it, redo
 * follows undo until a new edit, and a cascade a redo would cause is refused. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cmd.h"
#include "db.h"
#include "deshacer.h"
#include "store.h"
#include "testlib.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"

/* The plan tables: every table of the file but the log and the images. */
static int tablas(Db *db, char ***out)
{
    sqlite3_stmt *st;
    int n = 0;
    *out = NULL;
    if (sqlite3_prepare_v2(db_sqlite(db), "SELECT name FROM sqlite_master WHERE type = 'table' "
                           "AND name NOT IN ('cambio', 'imagen') AND name NOT LIKE 'sqlite_%' "
                           "ORDER BY name", -1, &st, NULL) != SQLITE_OK)
        return 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        *out = xrealloc(*out, sizeof **out * (size_t)(n + 1));
        (*out)[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    return n;
}

static void tablas_free(char **t, int n)
{
    for (int i = 0; i < n; i++)
        free(t[i]);
    free(t);
}

static int contar(Db *db, const char *tabla)
{
    char *sql = xasprintf("SELECT count(*) FROM \"%s\"", tabla);
    int v = t_db_int(db, sql);
    free(sql);
    return v;
}

/* Every row of every plan table, every column with its type, in key order. */
static char *foto(Db *db)
{
    char **t;
    int n = tablas(db, &t);
    StrBuf sb = {0};
    for (int i = 0; i < n; i++) {
        char *sql = xasprintf("SELECT * FROM \"%s\" ORDER BY 1, 2", t[i]);
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK) {
            sb_appendf(&sb, "== %s\n", t[i]);
            while (sqlite3_step(st) == SQLITE_ROW) {
                for (int c = 0; c < sqlite3_column_count(st); c++) {
                    const unsigned char *v = sqlite3_column_text(st, c);
                    sb_appendf(&sb, "%d:%s|", sqlite3_column_type(st, c), v ? (const char *)v : "");
                }
                sb_append(&sb, "\n");
            }
            sqlite3_finalize(st);
        }
        free(sql);
    }
    tablas_free(t, n);
    return sb_take(&sb);
}

static void exec(Db *db, const char *sql)
{
    PoaErr err = {{0}};
    CHECK(db_exec(db, sql, &err));
    if (err.msg[0])
        fprintf(stderr, "%s\n", err.msg);
}

/* One bulk action the way any writer records one: sql inside it. */
static bool lote_sql(Db *db, int64_t plan_id, const char *desc, const char *sql, PoaErr *err)
{
    if (!db_begin(db, err))
        return false;
    int64_t a = store_lote_begin(db, plan_id, desc, err);
    bool ok = a && db_exec(db, sql, err) && store_lote_end(db, a, err) && db_commit(db, err);
    if (!ok)
        db_rollback(db);
    return ok;
}

TEST(cada_tabla_y_columna_se_captura)
{
    TFx f;
    t_fx_open(&f, ARS, "todas.db");
    PoaErr err = {{0}};
    /* a row in the tables the fixture leaves empty */
    exec(f.db, "INSERT INTO seguimiento (actividad_id, corte, real, observaciones, causa) "
               "SELECT id, 2, 3.5, 'obs', 'causa' FROM actividad LIMIT 5;"
               "INSERT INTO meta_trimestre (actividad_id, trimestre, valor, pct) "
               "SELECT id, 1, 0.25, 1 FROM actividad LIMIT 3;"
               "INSERT INTO corte (plan_id, numero, estado, cerrado_por) "
               "SELECT id, 1, 'cerrado', 'ana' FROM plan;"
               "INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella) "
               "SELECT plan_id, id, 1, 'hoy', 'a.xlsx', 'h' FROM unidad LIMIT 1;");
    char **t;
    int nt = tablas(f.db, &t);
    CHECK(nt >= 12);
    int *antes = xcalloc((size_t)nt, sizeof *antes);
    for (int i = 0; i < nt; i++) {
        antes[i] = contar(f.db, t[i]);
        if (antes[i] == 0)   /* a new table: give it a row above */
            fprintf(stderr, "la tabla %s no tiene filas en esta prueba\n", t[i]);
        CHECK(antes[i] > 0);
    }
    char *f0 = foto(f.db);
    /* the whole institution deleted in one action: every table cascades */
    CHECK(lote_sql(f.db, f.id, "Borrar todo", "DELETE FROM institucion", &err));
    for (int i = 0; i < nt; i++) {
        CHECK_INT(contar(f.db, t[i]), 0);
        /* an image of every row, and a trigger that names every column */
        char *sql = xasprintf("SELECT count(*) FROM imagen WHERE tabla = '%s' AND despues IS NULL",
                              t[i]);
        CHECK_INT(t_db_int(f.db, sql), antes[i]);
        free(sql);
        sql = xasprintf("SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' AND "
                        "name IN ('poa_img_%s_i', 'poa_img_%s_u', 'poa_img_%s_d')", t[i], t[i],
                        t[i]);
        CHECK_INT(t_db_int(f.db, sql), 3);
        free(sql);
        sqlite3_stmt *st;
        sql = xasprintf("SELECT name FROM pragma_table_info('%s')", t[i]);
        CHECK(sqlite3_prepare_v2(db_sqlite(f.db), sql, -1, &st, NULL) == SQLITE_OK);
        free(sql);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *c = (const char *)sqlite3_column_text(st, 0);
            char *q = xasprintf("SELECT count(*) FROM temp.sqlite_master WHERE name = "
                                "'poa_img_%s_u' AND instr(sql, 'OLD.\"%s\"') > 0 AND "
                                "instr(sql, 'NEW.\"%s\"') > 0", t[i], c, c);
            if (t_db_int(f.db, q) != 1)
                fprintf(stderr, "la columna %s.%s no se captura\n", t[i], c);
            CHECK_INT(t_db_int(f.db, q), 1);
            free(q);
        }
        sqlite3_finalize(st);
    }
    /* undo: every row back, values and types as they were */
    DeshacerInfo info;
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    if (err.msg[0])
        fprintf(stderr, "%s\n", err.msg);
    CHECK(info.recargar);
    CHECK_CONTAINS(info.descripcion, "Borrar todo — ");
    CHECK_CONTAINS(info.descripcion, "172 actividades");
    CHECK_CONTAINS(info.descripcion, "restaurad");
    deshacer_info_free(&info);
    char *f1 = foto(f.db);
    CHECK_STR(f1, f0);
    /* redo deletes it all again, undo brings it back again */
    CHECK(rehacer_ultimo(f.db, f.p, &info, &err));
    CHECK_CONTAINS(info.descripcion, "borrad");
    deshacer_info_free(&info);
    CHECK_INT(contar(f.db, "actividad"), 0);
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    deshacer_info_free(&info);
    char *f2 = foto(f.db);
    CHECK_STR(f2, f0);
    /* the integrity of the file after all of it */
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    free(f0);
    free(f1);
    free(f2);
    free(antes);
    tablas_free(t, nt);
    t_fx_close(&f);
}

/* issue 14: an import that creates its plan records no images, and its
 * connection keeps no image triggers — each would run its WHEN on every
 * row inserted, with a statement journal per row (half the import's time).
 * The next bulk action installs them again and is recorded. */
TEST(importar_plan_nuevo_sin_disparadores)
{
    TFx f;
    t_fx_open(&f, ARS, "sin_disparadores.db");
    PoaErr err = {{0}};
    const char *trig = "SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' "
                       "AND name LIKE 'poa_img_%'";
    CHECK_INT(t_db_int(f.db, trig), 0);
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM imagen"), 0);
    CHECK(lote_sql(f.db, f.id, "Responsables en bloque",
                   "UPDATE actividad SET responsables = 'Todos'", &err));
    CHECK(t_db_int(f.db, trig) > 0);
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM imagen WHERE tabla = 'actividad'"),
              t_db_int(f.db, "SELECT count(*) FROM actividad WHERE responsables = 'Todos'"));
    t_fx_close(&f);
}

/* The rule: a refused undo is passed over by the next z; an earlier
 * action whose rows a later, still-applied action changed is refused
 * naming that action; the one before both undoes. */
TEST(conflicto_nombra_y_no_bloquea)
{
    TFx f;
    t_fx_open(&f, ARS, "conflicto.db");
    PoaErr err = {{0}};
    int x = t_first_of(f.p, NODE_ACTIVIDAD);
    int64_t y = f.p->nodes[x + 1].kind == NODE_ACTIVIDAD ? f.p->nodes[x + 1].id : 0;
    CHECK(y > 0);
    char *r0 = xstrdup(plan_act(f.p, x)->riesgos);
    CHECK(cmd_set_campo(f.db, f.p, x, CAMPO_RIESGOS, "Riesgo A0", &err));   /* A0 */
    char *sql = xasprintf("UPDATE actividad SET responsables = 'Todos' WHERE id = %lld",
                          (long long)y);
    CHECK(lote_sql(f.db, f.id, "Responsables en bloque", sql, &err));      /* A1 */
    free(sql);
    Plan *q = t_fx_reopen(&f);
    plan_free(f.p);
    f.p = q;
    CHECK(cmd_set_campo(f.db, f.p, x + 1, CAMPO_TEXTO, "Texto de A2", &err));  /* A2 */
    /* another program (no log) changes the same text again */
    sql = xasprintf("UPDATE actividad SET texto = 'Texto de otro' WHERE id = %lld", (long long)y);
    exec(f.db, sql);
    free(sql);
    DeshacerSaltos s = {0};
    DeshacerInfo info;
    CHECK(!deshacer_siguiente(f.db, f.p, &s, &info, &err));
    CHECK_CONTAINS(err.msg, "No se deshizo «Editar actividad «1.2 Texto de A2»»: otro programa");
    CHECK_CONTAINS(err.msg, "z otra vez pasa a la acción anterior");
    CHECK(!deshacer_siguiente(f.db, f.p, &s, &info, &err));
    CHECK_CONTAINS(err.msg, "No se puede deshacer «Responsables en bloque»: la actividad «");
    CHECK_CONTAINS(err.msg, "se cambió después (Editar actividad «");
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM actividad WHERE responsables = 'Todos'"), 1);
    CHECK(deshacer_siguiente(f.db, f.p, &s, &info, &err));                  /* A0 */
    CHECK_CONTAINS(info.descripcion, "Editar actividad");
    deshacer_info_free(&info);
    CHECK_STR(plan_act(f.p, x)->riesgos, r0);
    CHECK(!deshacer_siguiente(f.db, f.p, &s, &info, &err));
    CHECK_CONTAINS(err.msg, "La última acción (importar");   /* the import created the plan */
    deshacer_saltos_free(&s);
    free(r0);
    t_fx_close(&f);
}

/* Two programs on one file (two connections, as test_cas.c): A changes
 * a bulk of rows, B (loaded before) edits one of them. A's z: B's edit is
 * not in A's copy (refused, passed over); the bulk action is refused
 * naming B's edit; the step before it undoes. */
TEST(conflicto_entre_dos_programas)
{
    TFx f;
    t_fx_open(&f, ARS, "dos.db");
    PoaErr err = {{0}};
    Db *b = db_open(f.path, DB_EXISTING, NULL, &err);
    CHECK(b != NULL);
    Plan *pb = b ? store_load(b, f.id, &err) : NULL;
    CHECK(pb != NULL);
    if (!pb)
        return;
    int x = t_first_of(f.p, NODE_ACTIVIDAD);
    CHECK(cmd_set_campo(f.db, f.p, x, CAMPO_RIESGOS, "Antes de todo", &err));   /* A0 */
    CHECK(lote_sql(f.db, f.id, "Riesgos en bloque",
                   "UPDATE actividad SET riesgos = 'Bloque' WHERE id % 2 = 0", &err));  /* A1 */
    int y = -1;
    for (int i = 1; i < pb->nnodes && y < 0; i++)
        if (pb->nodes[i].kind == NODE_ACTIVIDAD && pb->nodes[i].id % 2 == 0)
            y = i;
    CHECK(cmd_set_campo(b, pb, y, CAMPO_TEXTO, "Texto de B", &err));        /* B's edit */
    DeshacerSaltos s = {0};
    DeshacerInfo info;
    CHECK(!deshacer_siguiente(f.db, f.p, &s, &info, &err));
    CHECK_CONTAINS(err.msg, "el plan ya no tiene lo que dejó esa acción");
    CHECK(!deshacer_siguiente(f.db, f.p, &s, &info, &err));
    CHECK_CONTAINS(err.msg, "No se puede deshacer «Riesgos en bloque»: la actividad «");
    CHECK_CONTAINS(err.msg, "» se cambió después (Editar actividad «1.2 Texto de B», ");
    CHECK(t_db_int(f.db, "SELECT count(*) FROM actividad WHERE riesgos = 'Bloque'") > 0);
    CHECK(deshacer_siguiente(f.db, f.p, &s, &info, &err));                  /* A0 */
    deshacer_info_free(&info);
    char *sql = xasprintf("SELECT count(*) FROM actividad WHERE id = %lld AND riesgos = "
                          "'Antes de todo'", (long long)f.p->nodes[x].id);
    CHECK_INT(t_db_int(f.db, sql), 0);
    free(sql);
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM actividad WHERE texto = 'Texto de B'"), 1);
    deshacer_saltos_free(&s);
    plan_free(pb);
    db_close(b);
    t_fx_close(&f);
}

TEST(rehacer_hasta_la_proxima_edicion)
{
    TFx f;
    t_fx_open(&f, ARS, "rehacer.db");
    PoaErr err = {{0}};
    DeshacerInfo info;
    int x = t_first_of(f.p, NODE_ACTIVIDAD);
    char *t0 = xstrdup(f.p->nodes[x].texto);
    CHECK(!rehacer_ultimo(f.db, f.p, &info, &err));
    CHECK_CONTAINS(err.msg, "No hay nada que rehacer");
    CHECK(cmd_set_campo(f.db, f.p, x, CAMPO_TEXTO, "Texto uno", &err));
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    deshacer_info_free(&info);
    CHECK_STR(f.p->nodes[x].texto, t0);
    /* across a restart */
    Plan *q = t_fx_reopen(&f);
    plan_free(f.p);
    f.p = q;
    CHECK(rehacer_ultimo(f.db, f.p, &info, &err));
    CHECK(!info.recargar);   /* a small action: through the model */
    deshacer_info_free(&info);
    CHECK_STR(f.p->nodes[x].texto, "Texto uno");
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM actividad WHERE texto = 'Texto uno'"), 1);
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM cambio WHERE tipo = 'rehacer' AND "
                             "descripcion LIKE 'Rehacer: Editar actividad%' AND ref > 0"), 1);
    CHECK(!rehacer_ultimo(f.db, f.p, &info, &err));
    /* undone again, then a new edit: the redo chain is gone */
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    deshacer_info_free(&info);
    CHECK(cmd_set_campo(f.db, f.p, x, CAMPO_RIESGOS, "Nuevo", &err));
    CHECK(!rehacer_ultimo(f.db, f.p, &info, &err));
    CHECK_CONTAINS(err.msg, "No hay nada que rehacer");
    /* an addition: undone through the model, redone from the images of
     * its undo with the same id */
    int nuevo = -1;
    CHECK(cmd_add(f.db, f.p, x, false, -1, "9.9", "Agregada", &nuevo, &err));
    int64_t id = f.p->nodes[nuevo].id;
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    deshacer_info_free(&info);
    char *sql = xasprintf("SELECT count(*) FROM actividad WHERE id = %lld AND texto = 'Agregada'",
                          (long long)id);
    CHECK_INT(t_db_int(f.db, sql), 0);
    CHECK(rehacer_ultimo(f.db, f.p, &info, &err));
    CHECK(info.recargar);
    deshacer_info_free(&info);
    CHECK_INT(t_db_int(f.db, sql), 1);
    free(sql);
    free(t0);
    t_fx_close(&f);
}

/* A move to another parent and a pattern pasted over several actividades
 * are redone through the model, reading their rows the other way round. */
TEST(rehacer_mover_y_pegar)
{
    TFx f;
    t_fx_open(&f, ARS, "rehacer_mover.db");
    PoaErr err = {{0}};
    DeshacerInfo info;
    int act = t_first_of(f.p, NODE_ACTIVIDAD), par = f.p->nodes[act].parent;
    int other = -1;
    for (int i = 1; i < f.p->nnodes && other < 0; i++)
        if (f.p->nodes[i].kind == NODE_ENTREGABLE && i != par && !f.p->nodes[i].deleted &&
            f.p->nodes[i].unidad == f.p->nodes[act].unidad)
            other = i;
    CHECK(other > 0);
    CHECK(cmd_move_to(f.db, f.p, act, other, &err));
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    deshacer_info_free(&info);
    CHECK_INT(f.p->nodes[act].parent, par);
    CHECK(rehacer_ultimo(f.db, f.p, &info, &err));
    deshacer_info_free(&info);
    CHECK_INT(f.p->nodes[act].parent, other);
    char *sql = xasprintf("SELECT count(*) FROM actividad WHERE id = %lld AND entregable_id = %lld",
                          (long long)f.p->nodes[act].id, (long long)f.p->nodes[other].id);
    CHECK_INT(t_db_int(f.db, sql), 1);
    free(sql);
    /* a pattern over three actividades */
    int dst[3], k = 0;
    for (int i = 1; i < f.p->nnodes && k < 3; i++)
        if (f.p->nodes[i].kind == NODE_ACTIVIDAD && !f.p->nodes[i].deleted && i != act)
            dst[k++] = i;
    MesCell pat[POA_MESES] = {{0}};
    pat[5] = (MesCell){CELL_NUM, 9};
    CHECK(cmd_set_pattern(f.db, f.p, pat, dst, 3, &err));
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    CHECK_STR(info.descripcion, "Copiar cronograma a 3 actividades");
    deshacer_info_free(&info);
    CHECK(plan_act(f.p, dst[2])->mes[5].kind != CELL_NUM || plan_act(f.p, dst[2])->mes[5].valor != 9);
    CHECK(rehacer_ultimo(f.db, f.p, &info, &err));
    CHECK_STR(info.descripcion, "Copiar cronograma a 3 actividades");
    deshacer_info_free(&info);
    for (int i = 0; i < 3; i++)
        CHECK_DBL(plan_act(f.p, dst[i])->mes[5].valor, 9, 0);
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM mes WHERE mes = 6 AND cantidad = 9"), 3);
    t_fx_close(&f);
}

TEST(borrar_varios_un_paso)
{
    TFx f;
    t_fx_open(&f, ARS, "varios.db");
    PoaErr err = {{0}};
    char *f0 = foto(f.db);
    int n0 = t_count_live(f.p, NODE_ACTIVIDAD);
    int sel[3], k = 0;
    for (int i = 1; i < f.p->nnodes && k < 3; i++)
        if (f.p->nodes[i].kind == NODE_ACTIVIDAD && (k == 0 || i > sel[k - 1] + 5))
            sel[k++] = i;
    CHECK_INT(k, 3);
    int acciones = t_db_int(f.db, "SELECT count(DISTINCT accion) FROM cambio");
    CHECK(cmd_delete_many(f.db, f.p, sel, 3, &err));
    CHECK_INT(t_db_int(f.db, "SELECT count(DISTINCT accion) FROM cambio"), acciones + 1);
    CHECK_INT(t_count_live(f.p, NODE_ACTIVIDAD), n0 - 3);
    DeshacerInfo info;
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    CHECK_CONTAINS(info.descripcion, "Borrar 3 elementos — 3 actividades");
    deshacer_info_free(&info);
    char *f1 = foto(f.db);
    CHECK_STR(f1, f0);
    /* a month another program added to one of them since: deleting them
     * again would take it along, so the redo is refused naming it */
    char *sql = xasprintf("INSERT OR REPLACE INTO mes (actividad_id, mes, marca, cantidad) "
                          "VALUES (%lld, 1, 'n', 42)", (long long)f.p->nodes[sel[1]].id);
    exec(f.db, sql);
    free(sql);
    CHECK(!rehacer_ultimo(f.db, f.p, &info, &err));
    CHECK_CONTAINS(err.msg, "No se puede rehacer «Borrar 3 elementos»: ");
    CHECK_CONTAINS(err.msg, "de la actividad «");
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM mes WHERE cantidad = 42"), 1);
    free(f0);
    free(f1);
    t_fx_close(&f);
}

int main(void)
{
    RUN(cada_tabla_y_columna_se_captura);
    RUN(importar_plan_nuevo_sin_disparadores);
    RUN(conflicto_nombra_y_no_bloquea);
    RUN(conflicto_entre_dos_programas);
    RUN(rehacer_hasta_la_proxima_edicion);
    RUN(rehacer_mover_y_pegar);
    RUN(borrar_varios_un_paso);
    return t_finish();
}
