/* test_cambio_tipo.c — the change log's operation kind (cambio.tipo): every
 * writer records its kind, the migration from version 2 derives the kind of
 * existing rows once, and undo works on the migrated rows by kind alone. */
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

/* The kinds of the rows of the newest action, joined with ",". */
static char *tipos_ultima(const char *path)
{
    return t_sql_text(path, "SELECT group_concat(tipo, ',') FROM (SELECT tipo FROM cambio "
                            "WHERE accion = (SELECT max(accion) FROM cambio) ORDER BY id)");
}

static void check_ultima(TFx *f, const char *expect)
{
    char *t = tipos_ultima(f->path);
    CHECK_STR(t ? t : "", expect);
    free(t);
}

TEST(cada_escritor_registra_su_tipo)
{
    TFx f;
    t_fx_open(&f, ARS, "escritores.db");
    PoaErr err = {{0}};
    /* an import is a bulk action: its summary row, then its own rows */
    CHECK_INT(t_sql_int(f.path, "SELECT count(*) FROM cambio WHERE tipo NOT IN ('importar', "
                                "'lote')"), 0);
    CHECK_INT(t_sql_int(f.path, "SELECT count(*) FROM cambio WHERE tipo = 'lote'"), 1);
    CHECK(t_sql_int(f.path, "SELECT count(*) FROM cambio WHERE tipo = 'importar'") > 0);

    int act = t_first_of(f.p, NODE_ACTIVIDAD);
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_TEXTO, "Texto nuevo", &err));
    check_ultima(&f, "campo");
    CHECK(cmd_set_mes(f.db, f.p, act, 0, (MesCell){.kind = CELL_NUM, .valor = 5}, &err));
    check_ultima(&f, "meses");
    int nuevo = -1;
    CHECK(cmd_add(f.db, f.p, act, false, -1, "9.9", "Actividad agregada", &nuevo, &err));
    check_ultima(&f, "alta");
    CHECK(cmd_move(f.db, f.p, nuevo, -1, &err));
    check_ultima(&f, "mover");
    CHECK(cmd_delete(f.db, f.p, nuevo, &err));
    check_ultima(&f, "lote,baja");
    SegCambio sc = {.set_real = true, .real = {.has = true, .valor = 1},
                    .observaciones = "Se avanzó"};
    CHECK(seguimiento_editar(f.db, f.p, act, 1, &sc, NULL, &err));
    check_ultima(&f, "seguimiento,seguimiento");
    CHECK(seguimiento_cerrar_corte(f.db, f.p, 1, &err));
    check_ultima(&f, "lote,corte");
    CHECK(seguimiento_reabrir_corte(f.db, f.p, 1, "Corrección de Afiliación", &err));
    check_ultima(&f, "lote,corte,corte");

    /* an undo is its own kind, and it is never offered as the last action */
    CHECK(cmd_set_campo(f.db, f.p, act, CAMPO_CODIGO, "7.7", &err));
    DeshacerInfo info;
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    deshacer_info_free(&info);
    check_ultima(&f, "deshacer");
    CHECK_INT(t_sql_int(f.path, "SELECT count(*) FROM cambio WHERE tipo = 'deshacer' "
                                "AND descripcion LIKE 'Deshacer: %'"), 1);
    t_fx_close(&f);
}

/* A version-2 file holding one row of every kind version 2 wrote. */
static const char V2_FILAS[] =
    "INSERT INTO institucion VALUES (1, 'Caja');"
    "INSERT INTO plan VALUES (1, 1, 2024);"
    "INSERT INTO unidad (id, plan_id, nombre, orden) VALUES (1, 1, 'Afiliación', 0),"
    " (2, 1, 'Gestión', 1);"
    "INSERT INTO eje VALUES (1, 1, 'Financiero', 0);"
    "INSERT INTO objetivo VALUES (1, 1, 'O.E.3', 'Administrar los activos', 0);"
    "INSERT INTO meta VALUES (1, 1, 1, 'Optimizar los procesos', 0);"
    "INSERT INTO entregable (id, meta_id, texto, orden) VALUES (1, 1, 'Cartera', 0);"
    "INSERT INTO actividad (id, entregable_id, codigo, texto, orden) VALUES"
    " (1, 1, 'AO.3.1', 'Diagnóstico actualizado', 0);"
    "INSERT INTO cambio (id, accion, momento, usuario, plan_id, tabla, fila_id, campo, antes,"
    " despues, descripcion, deshecho) VALUES"
    " (1, 1, 't', 'u', 1, 'actividad', 1, 'texto', 'a', 'b', 'importar: 1 actividades', 0),"
    " (2, 1, 't', 'u', 1, 'plan', 1, 'importar', NULL, 'x.csv', 'importar: 1 actividades', 0),"
    " (3, 2, 't', 'u', 1, 'actividad', 1, 'codigo', '1.1', 'AO.3.1', 'Editar actividad', 0),"
    " (4, 3, 't', 'u', 1, 'actividad', 1, 'padre', 'A', 'B', 'Mover actividad', 0),"
    " (5, 3, 't', 'u', 1, 'actividad', 1, 'padre_id', '1', '1', 'Mover actividad', 0),"
    " (6, 3, 't', 'u', 1, 'actividad', 1, 'orden', '1', '1', 'Mover actividad', 0),"
    " (7, 4, 't', 'u', 1, 'actividad', 1, 'ene', '', 'x', 'Marcar mes', 0),"
    " (8, 5, 't', 'u', 1, 'actividad', 1, 'ene-mar', ',,', 'x,x,x', 'Llenar meses', 0),"
    " (9, 6, 't', 'u', 1, 'actividad', 1, 'cronograma', '', 'x', 'Copiar cronograma a', 0),"
    " (10, 7, 't', 'u', 1, 'actividad', 2, 'alta', NULL, '1.2', 'Agregar actividad', 1),"
    " (11, 8, 't', 'u', 1, 'actividad', 3, 'baja', '1.3', NULL, 'Borrar actividad', 0),"
    " (12, 9, 't', 'u', 1, 'meta', 5, 'objetivo_id', '2', '1', 'Juntar «Finanzas»', 0),"
    " (13, 9, 't', 'u', 1, 'objetivo', 2, '*', 'Finanzas', 'Financiero', 'Juntar', 0),"
    " (14, 10, 't', 'u', 1, 'eje', 3, 'eje_id', '3', '1', 'Unificar eje «Finanzas»', 0),"
    " (15, 11, 't', 'u', 1, 'corte', 1, 'estado', 'abierto', 'cerrado', 'Cerrar corte', 0),"
    " (16, 12, 't', 'u', 1, 'seguimiento', 1, 'corte1.real', NULL, '1', 'Seguimiento', 0),"
    " (17, 13, 't', 'u', 1, 'meta', 1, 'unidad_id', 'Gestión', 'Afiliación',"
    "  'Cambiar la unidad de meta', 0),"
    " (18, 14, 't', 'u', 1, 'actividad', 1, 'texto', 'Diagnóstico', 'Diagnóstico actualizado',"
    "  'Editar actividad «AO.3.1»', 0),"
    " (19, 15, 't', 'u', 1, 'actividad', 2, 'alta', '1.2', NULL,"
    "  'Deshacer: Agregar actividad', 0);";

TEST(migracion_desde_v2_deriva_el_tipo)
{
    char *path = t_tmp("v2.db");
    char *bakdir = t_tmp("respaldos-v2");
    char *v2 = t_read_file(POA_FIXTURES "/schemas/schema_v2.sql", NULL);
    CHECK(v2 != NULL);
    if (!v2)
        return;
    t_sql_exec(path, v2);
    free(v2);
    t_sql_exec(path, V2_FILAS);
    CHECK_INT(t_sql_int(path, "PRAGMA user_version"), 2);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM pragma_table_info('cambio') "
                              "WHERE name = 'tipo'"), 0);

    PoaErr err = {{0}};
    Db *db = db_open(path, DB_EXISTING, bakdir, &err);
    CHECK(db != NULL);
    if (!db) {
        fprintf(stderr, "%s\n", err.msg);
        return;
    }
    const char *bak = db_backup_path(db);
    CHECK(bak && strstr(bak, ".migracion-v2.bak") != NULL);
    CHECK_INT(t_sql_int(path, "PRAGMA user_version"), POA_SCHEMA_VERSION);
    char *tipos = t_sql_text(path, "SELECT group_concat(tipo, ',') FROM "
                                   "(SELECT tipo FROM cambio ORDER BY id)");
    CHECK_STR(tipos ? tipos : "",
              "importar,importar,campo,mover,mover,mover,meses,meses,meses,alta,baja,"
              "unificar,unificar,unificar,corte,seguimiento,unidad,campo,deshacer");
    free(tipos);

    /* the newest action that is not an undo is 14 (15 is one, by its kind) */
    int64_t plan_id = 0;
    CHECK(store_find_plan(db, NULL, 0, &plan_id, &err));
    Plan *p = store_load(db, plan_id, &err);
    CHECK(p != NULL);
    if (p) {
        DeshacerInfo info;
        bool ok = deshacer_ultimo(db, p, &info, &err);
        CHECK(ok);
        if (!ok)
            fprintf(stderr, "%s\n", err.msg);
        deshacer_info_free(&info);
        int act = t_first_of(p, NODE_ACTIVIDAD);
        CHECK_STR(p->nodes[act].texto, "Diagnóstico");
        CHECK_INT(t_db_int(db, "SELECT deshecho FROM cambio WHERE id = 18"), 1);
        CHECK_INT(t_db_int(db, "SELECT count(*) FROM cambio WHERE accion > 15 "
                               "AND tipo = 'deshacer'"), 1);
        /* next: 13, the unit of the meta, undone by its kind */
        ok = deshacer_ultimo(db, p, &info, &err);
        CHECK(ok);
        if (!ok)
            fprintf(stderr, "%s\n", err.msg);
        deshacer_info_free(&info);
        CHECK_STR(p->unidades[p->nodes[t_first_of(p, NODE_META)].unidad].nombre, "Gestión");
        /* then 12: a seguimiento row of corte 1 the plan does not hold the
         * same way; then the corte, refused by kind */
        plan_free(p);
    }
    db_close(db);
    char *u = t_sql_text(path, "SELECT nombre FROM unidad u JOIN meta m ON m.unidad_id = u.id");
    CHECK_STR(u ? u : "", "Gestión");
    free(u);
    free(path);
    free(bakdir);
}

/* Version 3 → 4: the log is copied into a table that accepts the new kinds
 * (every row and its kind kept), seguimiento gains its cause, and the
 * capture workbooks get their table. */
TEST(migracion_desde_v3_conserva_el_registro)
{
    char *path = t_tmp("v3.db");
    char *bakdir = t_tmp("respaldos-v3");
    char *v3 = t_read_file(POA_FIXTURES "/schemas/schema_v3.sql", NULL);
    CHECK(v3 != NULL);
    if (!v3)
        return;
    t_sql_exec(path, v3);
    free(v3);
    t_sql_exec(path,
               "INSERT INTO institucion VALUES (1, 'Caja');"
               "INSERT INTO plan VALUES (1, 1, 2024);"
               "INSERT INTO unidad VALUES (1, 1, 'Gestión', '', '', 0);"
               "INSERT INTO eje VALUES (1, 1, '', 0);"
               "INSERT INTO objetivo VALUES (1, 1, 'O.E.1', 'Objetivo', 0);"
               "INSERT INTO meta VALUES (1, 1, 1, '', 0);"
               "INSERT INTO entregable VALUES (1, 1, '', '', '', 0);"
               "INSERT INTO actividad (id, entregable_id, codigo, texto, orden)"
               "  VALUES (1, 1, 'AO.1', 'Diagnóstico', 0);"
               "INSERT INTO seguimiento (actividad_id, corte, real, observaciones)"
               "  VALUES (1, 3, 4, 'en curso');"
               "INSERT INTO cambio (id, accion, momento, usuario, plan_id, tabla, fila_id,"
               "  campo, antes, despues, descripcion, deshecho, tipo) VALUES"
               " (1, 1, 't', 'u', 1, 'plan', 1, 'importar', NULL, 'x.csv', 'Importar', 0,"
               "  'importar'),"
               " (2, 2, 't', 'u', 1, 'actividad', 1, 'texto', 'a', 'Diagnóstico', 'Editar', 1,"
               "  'campo');");
    PoaErr err = {{0}};
    Db *db = db_open(path, DB_EXISTING, bakdir, &err);
    CHECK(db != NULL);
    if (!db) {
        fprintf(stderr, "%s\n", err.msg);
        return;
    }
    db_close(db);
    CHECK_INT(t_sql_int(path, "PRAGMA user_version"), POA_SCHEMA_VERSION);
    char *filas = t_sql_text(path, "SELECT group_concat(id || ':' || tipo || ':' || deshecho"
                                   " || ':' || despues, ',') FROM (SELECT * FROM cambio"
                                   " ORDER BY id)");
    CHECK_STR(filas ? filas : "", "1:importar:0:x.csv,2:campo:1:Diagnóstico");
    free(filas);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM seguimiento WHERE causa = ''"
                              " AND observaciones = 'en curso'"), 1);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM captura"), 0);
    /* the new kinds are accepted, an unknown one still refused */
    t_sql_exec(path, "INSERT INTO cambio (accion, momento, usuario, tabla, fila_id, campo,"
                     " tipo) VALUES (3, 't', 'u', 'plan', 1, 'x', 'lote')");
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM cambio WHERE tipo = 'lote'"), 1);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM pragma_index_list('cambio')"
                              " WHERE name = 'cambio_accion'"), 1);
    free(path);
    free(bakdir);
}

/* Version 4 → 5: the log keeps every row and gains ref (the action an
 * undo or redo concerns); the row images get their table; an old delete
 * without images is refused by undo, saying why. */
TEST(migracion_desde_v4_agrega_imagenes)
{
    char *path = t_tmp("v4.db");
    char *bakdir = t_tmp("respaldos-v4");
    char *v4 = t_read_file(POA_FIXTURES "/schemas/schema_v4.sql", NULL);
    CHECK(v4 != NULL);
    if (!v4)
        return;
    t_sql_exec(path, v4);
    free(v4);
    t_sql_exec(path,
               "INSERT INTO institucion VALUES (1, 'Caja');"
               "INSERT INTO plan VALUES (1, 1, 2024);"
               "INSERT INTO cambio (id, accion, momento, usuario, plan_id, tabla, fila_id,"
               "  campo, antes, despues, descripcion, deshecho, tipo) VALUES"
               " (1, 1, 't', 'u', 1, 'plan', 1, 'importar', NULL, 'x.csv', 'Importar', 0,"
               "  'importar'),"
               " (2, 2, 't', 'u', 1, 'eje', 7, 'baja', 'eje «Viejo»', NULL, 'Borrar eje', 0,"
               "  'baja');");
    PoaErr err = {{0}};
    Db *db = db_open(path, DB_EXISTING, bakdir, &err);
    CHECK(db != NULL);
    if (!db) {
        fprintf(stderr, "%s\n", err.msg);
        return;
    }
    CHECK_INT(t_db_int(db, "PRAGMA user_version"), 5);
    CHECK_INT(t_db_int(db, "SELECT count(*) FROM cambio WHERE ref IS NULL"), 2);
    CHECK_INT(t_db_int(db, "SELECT count(*) FROM imagen"), 0);
    CHECK_INT(t_db_int(db, "SELECT count(*) FROM pragma_index_list('imagen')"), 2);
    Plan *p = store_load(db, 1, &err);
    CHECK(p != NULL);
    if (p) {
        CHECK(!deshacer_ultimo(db, p, NULL, &err));
        CHECK_CONTAINS(err.msg, "La última acción (Borrar eje) no se puede deshacer; se "
                                "registró con una versión anterior de poa");
    }
    plan_free(p);
    db_close(db);
    free(path);
    free(bakdir);
}

int main(void)
{
    RUN(cada_escritor_registra_su_tipo);
    RUN(migracion_desde_v2_deriva_el_tipo);
    RUN(migracion_desde_v3_conserva_el_registro);
    RUN(migracion_desde_v4_agrega_imagenes);
    return t_finish();
}
