/* db.h — the database file: open (create, check it is ours, migrate after a
 * backup), transactions, close. db.c and store.c are the only users of
 * <sqlite3.h>; everything above them speaks in plans and edits. */
#ifndef POA_DB_H
#define POA_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

#define POA_APPLICATION_ID 1347371313 /* 'POA1' */
#define POA_SCHEMA_VERSION 5

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
/* Path of the backup made by the migration in this open, or NULL. */
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
/* This open created the file (it did not exist, or was empty). */
bool db_created(const Db *db);

/* Where automatic backups go and how many are kept ([respaldos] in config). */
typedef struct {
    const char *carpeta;  /* NULL or "" = beside the plan */
    int conservar;        /* backups kept per plan file; 0 = all */
    /* issue 14: skip PRAGMA quick_check here; the caller runs it on a
     * connection of its own (carga.c, the interface's second step) and
     * writes nothing before it said the file is sound */
    bool revision_aparte;
} DbRespaldos;

/* db_open with the backup settings. Also: a hot journal left by an
 * interrupted session is rolled back by SQLite (only for our file, only
 * where it can be written; db_aviso says so), and PRAGMA quick_check runs
 * once: a damaged file is refused by the writing modes (err names the last
 * backup and how to restore it) and read with a warning in DB_READONLY. */
Db *db_open_respaldos(const char *path, DbMode mode, const DbRespaldos *r, PoaErr *err);
/* PRAGMA quick_check (what db_open_respaldos runs unless revision_aparte):
 * false with err for a damaged file open to write; read-only, true with
 * the notice in db_aviso. */
bool db_revisar(Db *db, PoaErr *err);
/* Stops what db is running (sqlite3_interrupt): the statement fails. Safe
 * from another thread while db is open (carga.c cancels its loader). */
void db_interrumpir(Db *db);
/* A one-line notice from the open for the user (the journal was recovered,
 * the file is damaged), or NULL. */
const char *db_aviso(const Db *db);
/* Backup of the open plan through SQLite's backup API into the backup
 * folder, as plan.db.YYYYmmdd-HHMMSS.MOTIVO.bak, then only the newest
 * conservar are kept. db_respaldo_path gives its name. */
bool db_respaldo(Db *db, const char *motivo, PoaErr *err);
const char *db_respaldo_path(const Db *db);
/* Backup to a chosen name; refuses an existing file. */
bool db_respaldo_a(Db *db, const char *dst, PoaErr *err);
/* The file has at least one plan (an import then changes existing data). */
bool db_tiene_datos(Db *db);
/* Puts the backup respaldo back as path: checks it is a whole poa file,
 * keeps the current plan as a backup "antes-de-restaurar" (*previo, caller
 * frees; NULL when there was none), copies through SQLite's backup API in
 * one transaction (a hot journal of path is rolled back first). */
bool db_restaurar(const char *path, const char *respaldo, const DbRespaldos *r, char **previo,
                  PoaErr *err);

extern const char poa_schema_sql[];   /* schema.sql, embedded at build time */

#endif
