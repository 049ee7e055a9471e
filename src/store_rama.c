/* store_rama.c — the rows a paste into another plan needs besides the tree:
 * a unit the destination plan did not have. Inside the caller's transaction. */
#include "store_sql.h"

static const char SQL_INS_UNIDAD[] =
    "INSERT INTO unidad (plan_id, nombre, mision, nota, orden) "
    "VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(orden), -1) + 1 FROM unidad WHERE plan_id = ?1))";

bool store_insert_unidad(Db *db, Plan *p, int unidad, PoaErr *err)
{
    Unidad *u = &p->unidades[unidad];
    sqlite3_stmt *st = db_stmt(db, SQL_INS_UNIDAD, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, p->id);
    sql_bind_text(st, 2, u->nombre);
    sql_bind_text(st, 3, u->mision);
    sql_bind_text(st, 4, u->nota);
    if (sqlite3_step(st) != SQLITE_DONE) {
        err_set(err, "No se pudo crear la unidad «%s» en el plan %d: %s", u->nombre, p->anio,
                db_error_text(db));
        sqlite3_reset(st);
        return false;
    }
    sqlite3_reset(st);
    u->id = sqlite3_last_insert_rowid(db_sqlite(db));
    return true;
}
