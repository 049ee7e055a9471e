/* store_plan.c — the plan's own row (institution and year) and its units'
 * rows: the SQL behind starting a plan, renaming it and managing units. */
#include "store_plan.h"

#include "store_sql.h"

static const char SQL_FIND[] =
    "SELECT p.id FROM plan p JOIN institucion i ON i.id = p.institucion_id "
    "WHERE i.nombre = ?1 AND p.anio = ?2";
static const char SQL_INST_FIND[] = "SELECT id FROM institucion WHERE nombre = ?1";
static const char SQL_INST_INS[] = "INSERT INTO institucion (nombre) VALUES (?1)";
static const char SQL_PLAN_INS[] = "INSERT INTO plan (institucion_id, anio) VALUES (?1, ?2)";
static const char SQL_PLAN_UPD[] = "UPDATE plan SET institucion_id = ?2, anio = ?3 WHERE id = ?1";
static const char SQL_PLAN_INST[] = "SELECT institucion_id FROM plan WHERE id = ?1";
static const char SQL_PLAN_DEL[] = "DELETE FROM plan WHERE id = ?1";
static const char SQL_INST_GC[] =
    "DELETE FROM institucion WHERE id = ?1 AND NOT EXISTS "
    "(SELECT 1 FROM plan WHERE institucion_id = ?1)";

/* One int64 from a query with one parameter bound by bind(); 0 when no row. */
static bool query_id(Db *db, sqlite3_stmt *st, int64_t *out, PoaErr *err, const char *what)
{
    int rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql_fail(db, err, what);
    return true;
}

bool store_plan_find(Db *db, const char *institucion, int anio, int64_t *plan_id, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_FIND, err);
    if (!st)
        return false;
    sql_bind_text(st, 1, institucion);
    sqlite3_bind_int(st, 2, anio);
    return query_id(db, st, plan_id, err, "No se pudo buscar el plan");
}

/* The institution's id, made when missing. */
static bool institucion_id(Db *db, const char *nombre, int64_t *id, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_INST_FIND, err);
    if (!st)
        return false;
    sql_bind_text(st, 1, nombre);
    if (!query_id(db, st, id, err, "No se pudo buscar la institución"))
        return false;
    if (*id)
        return true;
    if (!(st = db_stmt(db, SQL_INST_INS, err)))
        return false;
    sql_bind_text(st, 1, nombre);
    if (!sql_step_done(db, st, err, "No se pudo guardar la institución"))
        return false;
    *id = sqlite3_last_insert_rowid(db_sqlite(db));
    return true;
}

bool store_plan_create(Db *db, const char *institucion, int anio, int64_t *plan_id,
                       PoaErr *err)
{
    int64_t inst;
    if (!institucion_id(db, institucion, &inst, err))
        return false;
    sqlite3_stmt *st = db_stmt(db, SQL_PLAN_INS, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, inst);
    sqlite3_bind_int(st, 2, anio);
    if (!sql_step_done(db, st, err, "No se pudo guardar el plan"))
        return false;
    *plan_id = sqlite3_last_insert_rowid(db_sqlite(db));
    return true;
}

static bool inst_of(Db *db, int64_t plan_id, int64_t *inst, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_PLAN_INST, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, plan_id);
    return query_id(db, st, inst, err, "No se pudo leer el plan");
}

static bool inst_gc(Db *db, int64_t inst, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_INST_GC, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, inst);
    return sql_step_done(db, st, err, "No se pudo quitar la institución");
}

bool store_plan_update(Db *db, int64_t plan_id, const char *institucion, int anio, PoaErr *err)
{
    int64_t viejo, nuevo;
    if (!inst_of(db, plan_id, &viejo, err) || !institucion_id(db, institucion, &nuevo, err))
        return false;
    sqlite3_stmt *st = db_stmt(db, SQL_PLAN_UPD, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int64(st, 2, nuevo);
    sqlite3_bind_int(st, 3, anio);
    if (!sql_step_done(db, st, err, "No se pudo guardar el plan"))
        return false;
    return viejo == nuevo || inst_gc(db, viejo, err);
}

bool store_plan_delete(Db *db, int64_t plan_id, PoaErr *err)
{
    int64_t inst;
    if (!inst_of(db, plan_id, &inst, err))
        return false;
    sqlite3_stmt *st = db_stmt(db, SQL_PLAN_DEL, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, plan_id);
    if (!sql_step_done(db, st, err, "No se pudo borrar el plan"))
        return false;
    return inst_gc(db, inst, err);
}

/* ---- units ---- */

static const char SQL_UNI_INS[] =
    "INSERT INTO unidad (plan_id, nombre, mision, nota, orden) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_UNI_DEL[] = "DELETE FROM unidad WHERE id = ?1";
static const char SQL_UNI_ORDEN[] = "UPDATE unidad SET orden = ?2 WHERE id = ?1";
static const char SQL_UNI_METAS[] = "SELECT count(*) FROM meta WHERE unidad_id = ?1";

bool store_unidad_insert(Db *db, Plan *p, int u, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_UNI_INS, err);
    if (!st)
        return false;
    Unidad *x = &p->unidades[u];
    sqlite3_bind_int64(st, 1, p->id);
    sql_bind_text(st, 2, x->nombre);
    sql_bind_text(st, 3, x->mision);
    sql_bind_text(st, 4, x->nota);
    sqlite3_bind_int(st, 5, u);
    if (sqlite3_step(st) != SQLITE_DONE) {
        bool dup = sqlite3_extended_errcode(db_sqlite(db)) == SQLITE_CONSTRAINT_UNIQUE;
        sqlite3_reset(st);
        if (dup) {
            err_set(err, "Ya hay una unidad «%s» en este plan", x->nombre);
            return false;
        }
        return sql_fail(db, err, "No se pudo guardar la unidad");
    }
    sqlite3_reset(st);
    x->id = sqlite3_last_insert_rowid(db_sqlite(db));
    return true;
}

bool store_unidad_delete(Db *db, int64_t unidad_id, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_UNI_DEL, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, unidad_id);
    return sql_step_done(db, st, err, "No se pudo borrar la unidad");
}

bool store_unidades_save_orden(Db *db, const Plan *p, PoaErr *err)
{
    for (int u = 0; u < p->nunidades; u++) {
        sqlite3_stmt *st = db_stmt(db, SQL_UNI_ORDEN, err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, p->unidades[u].id);
        sqlite3_bind_int(st, 2, u);
        if (!sql_step_done(db, st, err, "No se pudo guardar el orden de las unidades"))
            return false;
    }
    return true;
}

bool store_unidad_count_metas(Db *db, int64_t unidad_id, int *metas, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_UNI_METAS, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, unidad_id);
    int64_t n;
    bool ok = query_id(db, st, &n, err, "No se pudo contar las metas de la unidad");
    *metas = (int)n;
    return ok;
}
