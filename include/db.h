/* db.h — the database file: open (create, check it is ours, migrate after a
 * backup), transactions, close. db.c and store.c are the only users of
 * <sqlite3.h>; everything above them speaks in plans and edits. */
#ifndef POA_DB_H
#define POA_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

#define POA_APPLICATION_ID 1347371313 /* 'POA1' */
#define POA_SCHEMA_VERSION 2

typedef struct Db Db;
struct sqlite3;

typedef enum {
    DB_EXISTING = 0,  /* the file must exist and be writable */
    DB_CREATE,        /* create it (with the schema) when missing */
    DB_READONLY,      /* the file must exist; only read (reports, checks) */
} DbMode;

/* Opens path. The file is first inspected read-only: one that is not
 * SQLite, is another program's database, or was written by a newer poa is
 * refused and left untouched (err says which). Rollback journal, full sync.
 * An older schema is migrated in one transaction after copying the file to
 * backup_dir (NULL/"" = next to the file) as NAME.vN-YYYYmmdd-HHMMSS.bak. */
Db *db_open(const char *path, DbMode mode, const char *backup_dir, PoaErr *err);
void db_close(Db *db);   /* accepts NULL */
const char *db_path(const Db *db);
/* Path of the backup made by the last migration, or NULL. */
const char *db_backup_path(const Db *db);

bool db_begin(Db *db, PoaErr *err);
bool db_commit(Db *db, PoaErr *err);
void db_rollback(Db *db);
/* Runs SQL without parameters (schema, pragmas); err gets SQLite's reason. */
bool db_exec(Db *db, const char *sql, PoaErr *err);
struct sqlite3 *db_sqlite(Db *db);
/* The last error of the connection, in Spanish where the user can act on it. */
const char *db_error_text(Db *db);
struct sqlite3_stmt;
/* A prepared statement for a constant SQL text, kept for the life of the
 * connection (keyed by the text's address) and reset before it is handed
 * out. NULL on error (err says why). */
struct sqlite3_stmt *db_stmt(Db *db, const char *sql, PoaErr *err);
/* A new id that groups the change-log rows of one user action. */
int64_t db_new_accion(Db *db);

/* Bulk imports into a file this open created: no fsync until done (a crash
 * loses only the new file). Does nothing on an existing file. */
void db_set_bulk(Db *db, bool bulk);
bool db_readonly(const Db *db);

extern const char poa_schema_sql[];   /* schema.sql, embedded at build time */

#endif
