/* store_sql.h — the few statement helpers every store*.c file shares (private
 * to the store: only files that include <sqlite3.h> through the store use it). */
#ifndef POA_STORE_SQL_H
#define POA_STORE_SQL_H

#include <sqlite3.h>

#include "store.h"

/* SQLite's reason after what failed, into err; returns false. */
static inline bool sql_fail(Db *db, PoaErr *err, const char *what)
{
    err_set(err, "%s: %s", what, db_error_text(db));
    return false;
}

/* A column's text, "" for NULL (valid until the next step). */
static inline const char *sql_col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

/* Binds a copy of s ("" for NULL: texts are never NULL in the schema). */
static inline void sql_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_TRANSIENT);
}

static inline void sql_bind_opt_double(sqlite3_stmt *st, int i, bool has, double v)
{
    if (has)
        sqlite3_bind_double(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

/* Steps a statement that returns no rows and resets it. */
static inline bool sql_step_done(Db *db, sqlite3_stmt *st, PoaErr *err, const char *what)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return sql_fail(db, err, what);
    sqlite3_reset(st);
    return true;
}

/* The INSERT of a new eje, objetivo, meta and entregable (store.c). */
extern const char STORE_SQL_INS_EJE[], STORE_SQL_INS_OBJ[], STORE_SQL_INS_META[],
    STORE_SQL_INS_ENT[];

/* ---- row writers shared by store.c and store_merge.c (in store.c) ---- */

bool store_seg_vacio(const Seguimiento *s);
/* Binds parameters 2..14 of an actividad row, codigo … meta_anual_pct, in
 * the order of store.c's UPDATE and the import's INSERT. copy is
 * SQLITE_TRANSIENT, or SQLITE_STATIC when the texts outlive the step. */
void store_bind_actividad(sqlite3_stmt *st, const Node *n, const Actividad *a,
                          sqlite3_destructor_type copy);
/* Inserts the non-empty months, then the quarterly targets, of actividad
 * id (the caller deleted the old ones, or the row is new). */
bool store_insert_meses(Db *db, int64_t id, const Actividad *a, PoaErr *err);
bool store_insert_trims(Db *db, int64_t id, const Actividad *a, PoaErr *err);
/* Binds parameters 1..8 of a seguimiento row (… pct_publicado, causa). */
void store_bind_seguimiento(sqlite3_stmt *st, int64_t id, int corte, const Seguimiento *s,
                            sqlite3_destructor_type copy);

#endif
