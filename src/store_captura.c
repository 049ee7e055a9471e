/* store_captura.c — the rows of table captura: a capture workbook sent to a
 * unit, found again by its huella, and marked returned. */
#include "store_captura.h"

#include <stdio.h>
#include <string.h>

#include "store_sql.h"

static const char SQL_INS[] =
    "INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_BUSCAR[] =
    "SELECT id, plan_id, unidad_id, corte, enviada_en, recibida_en FROM captura "
    "WHERE huella = ?1 ORDER BY id DESC LIMIT 1";
static const char SQL_RECIBIR[] =
    "UPDATE captura SET recibida_en = ?2, recibida_de = ?3 WHERE id = ?1";

bool store_captura_insert(Db *db, int64_t plan_id, int64_t unidad_id, int corte,
                          const char *enviada_en, const char *archivo, const char *huella,
                          PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_INS, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int64(st, 2, unidad_id);
    sqlite3_bind_int(st, 3, corte);
    sql_bind_text(st, 4, enviada_en);
    sql_bind_text(st, 5, archivo);
    sql_bind_text(st, 6, huella);
    return sql_step_done(db, st, err, "No se pudo registrar el libro de captura");
}

bool store_captura_buscar(Db *db, const char *huella, CapturaFila *out, bool *found,
                          PoaErr *err)
{
    *found = false;
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = db_stmt(db, SQL_BUSCAR, err);
    if (!st)
        return false;
    sql_bind_text(st, 1, huella);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *found = true;
        out->id = sqlite3_column_int64(st, 0);
        out->plan_id = sqlite3_column_int64(st, 1);
        out->unidad_id = sqlite3_column_int64(st, 2);
        out->corte = sqlite3_column_int(st, 3);
        snprintf(out->enviada_en, sizeof out->enviada_en, "%s", sql_col_text(st, 4));
        snprintf(out->recibida_en, sizeof out->recibida_en, "%s", sql_col_text(st, 5));
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql_fail(db, err, "No se pudo leer la tabla de libros de captura");
    return true;
}

bool store_captura_recibir(Db *db, int64_t id, const char *recibida_en,
                           const char *recibida_de, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_RECIBIR, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, id);
    sql_bind_text(st, 2, recibida_en);
    sql_bind_text(st, 3, recibida_de);
    return sql_step_done(db, st, err, "No se pudo registrar la devolución del libro");
}
