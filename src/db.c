/* db.c — opening the database file safely: recognising our files, refusing
 * foreign or newer ones, migrating older ones after a backup. */
#include "db.h"

#include <errno.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "respaldo.h"

_Static_assert(POA_APPLICATION_ID == 0x504F4131, "util.c refuses writes over this id");

typedef struct {
    const char *sql;
    sqlite3_stmt *st;
} CachedStmt;

struct Db {
    sqlite3 *h;
    CachedStmt *stmts;
    int nstmts;
    char *path;
    char *backup;
    bool created;     /* this open created the file: bulk settings are safe */
    bool readonly;
    char *aviso;      /* a notice for the user (recovered journal, damaged file) */
    char *carpeta;    /* backup folder; NULL = beside the file */
    int conservar;    /* backups kept per plan; 0 = all */
    char *respaldo;   /* the last backup db_respaldo made */
};

/* The months' names as the change log writes them (POA_MES_CSV). */
#define MESES_SQL "'ene','feb','mar','abr','may','jun','jul','ago','sep','oct','nov','dic'"

/* Migration k turns a file of version k into version k+1. */
static const char *const MIGRATIONS[] = {
    [1] = "ALTER TABLE cambio ADD COLUMN deshecho INTEGER NOT NULL DEFAULT 0 "
          "  CHECK (deshecho IN (0, 1));"
          "CREATE INDEX unidad_plan ON unidad(plan_id, orden);"
          "CREATE INDEX eje_plan ON eje(plan_id, orden);"
          "CREATE INDEX objetivo_eje ON objetivo(eje_id, orden);"
          "CREATE INDEX meta_objetivo ON meta(objetivo_id, orden);"
          "CREATE INDEX meta_unidad ON meta(unidad_id);",
    /* the change log's kind, derived once from what versions 1-2 wrote:
     * an undo's descripcion prefix, an import's "plan" row and a merge's "*"
     * row mark every row of their action; the rest follow tabla and campo
     * as deshacer.c read them before (months: "ene" or "ene-mar") */
    [2] = "ALTER TABLE cambio ADD COLUMN tipo TEXT NOT NULL DEFAULT 'campo' "
          "  CHECK (tipo IN ('campo', 'meses', 'mover', 'unidad', 'alta', 'baja', "
          "  'importar', 'unificar', 'corte', 'seguimiento', 'deshacer'));"
          "UPDATE cambio SET tipo = CASE"
          " WHEN substr(descripcion, 1, 10) = 'Deshacer: ' THEN 'deshacer'"
          " WHEN accion IN (SELECT accion FROM cambio WHERE tabla = 'plan') THEN 'importar'"
          " WHEN accion IN (SELECT accion FROM cambio WHERE campo = '*')"
          "   OR substr(descripcion, 1, 8) = 'Unificar' THEN 'unificar'"
          " WHEN tabla = 'corte' THEN 'corte'"
          " WHEN tabla = 'seguimiento' THEN 'seguimiento'"
          " WHEN campo = 'alta' THEN 'alta'"
          " WHEN campo = 'baja' THEN 'baja'"
          " WHEN campo IN ('orden', 'padre', 'padre_id') THEN 'mover'"
          " WHEN campo = 'unidad_id' AND tabla = 'meta' THEN 'unidad'"
          " WHEN tabla = 'actividad' AND (campo = 'cronograma' OR campo IN (" MESES_SQL ")"
          "   OR (length(campo) = 7 AND substr(campo, 4, 1) = '-'"
          "       AND substr(campo, 1, 3) IN (" MESES_SQL ")"
          "       AND substr(campo, 5) IN (" MESES_SQL "))) THEN 'meses'"
          " ELSE 'campo' END;",
    /* four more kinds of change (SQLite cannot alter a CHECK: the log is
     * copied into a new table), the unit's cause at a corte, and the
     * capture workbooks sent and returned */
    [3] = "CREATE TABLE cambio_v4 ("
          "  id INTEGER PRIMARY KEY, accion INTEGER NOT NULL, momento TEXT NOT NULL,"
          "  usuario TEXT NOT NULL, plan_id INTEGER, tabla TEXT NOT NULL,"
          "  fila_id INTEGER NOT NULL, campo TEXT NOT NULL, antes TEXT, despues TEXT,"
          "  descripcion TEXT NOT NULL DEFAULT '',"
          "  deshecho INTEGER NOT NULL DEFAULT 0 CHECK (deshecho IN (0, 1)),"
          "  tipo TEXT NOT NULL DEFAULT 'campo' CHECK (tipo IN ('campo', 'meses', 'mover',"
          "  'unidad', 'alta', 'baja', 'importar', 'unificar', 'corte', 'seguimiento',"
          "  'deshacer', 'lote', 'rehacer', 'plan', 'captura')));"
          "INSERT INTO cambio_v4 SELECT id, accion, momento, usuario, plan_id, tabla, fila_id,"
          "  campo, antes, despues, descripcion, deshecho, tipo FROM cambio;"
          "DROP TABLE cambio;"
          "ALTER TABLE cambio_v4 RENAME TO cambio;"
          "CREATE INDEX cambio_accion ON cambio(accion);"
          "ALTER TABLE seguimiento ADD COLUMN causa TEXT NOT NULL DEFAULT '';"
          "CREATE TABLE captura ("
          "  id INTEGER PRIMARY KEY,"
          "  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
          "  unidad_id INTEGER NOT NULL REFERENCES unidad(id) ON DELETE CASCADE,"
          "  corte INTEGER NOT NULL CHECK (corte BETWEEN 1 AND 4),"
          "  enviada_en TEXT NOT NULL, archivo TEXT NOT NULL, huella TEXT NOT NULL,"
          "  recibida_en TEXT NOT NULL DEFAULT '', recibida_de TEXT NOT NULL DEFAULT '');"
          "CREATE INDEX captura_plan ON captura(plan_id, corte, unidad_id);",
    /* undo and redo of everything: the row images of bulk actions and the
     * link from an undo or a redo to the action it concerns */
    [4] = "ALTER TABLE cambio ADD COLUMN ref INTEGER;"
          "CREATE TABLE imagen ("
          "  id INTEGER PRIMARY KEY, accion INTEGER NOT NULL, tabla TEXT NOT NULL,"
          "  clave TEXT NOT NULL, antes TEXT, despues TEXT);"
          "CREATE INDEX imagen_accion ON imagen(accion, tabla, clave);"
          "CREATE INDEX imagen_fila ON imagen(tabla, clave, accion);",
};

/* SQLite's reason in Spanish for the causes a user can act on; its own
 * (English) text for the rest, which point at a bug rather than the disk. */
static const char *sqlite_texto(sqlite3 *h)
{
    if (sqlite3_extended_errcode(h) == SQLITE_READONLY_ROLLBACK)
        return "una sesión anterior se interrumpió y hay que recuperar el archivo donde se "
               "pueda escribir";
    switch (sqlite3_errcode(h) & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "el archivo está en uso por otro programa; intente de nuevo";
    case SQLITE_FULL: return "el disco está lleno";
    case SQLITE_READONLY: return "el archivo o su carpeta es de solo lectura";
    case SQLITE_IOERR: return "error de lectura o escritura en el disco";
    case SQLITE_CORRUPT: return "el archivo está dañado";
    case SQLITE_NOTADB: return "no es una base de datos SQLite";
    case SQLITE_CANTOPEN: return "no se pudo abrir el archivo";
    case SQLITE_PERM:
    case SQLITE_AUTH: return "permiso denegado";
    case SQLITE_NOMEM: return "memoria agotada";
    default: return sqlite3_errmsg(h);
    }
}

const char *db_error_text(Db *db) { return sqlite_texto(db->h); }

const char *db_path(const Db *db) { return db->path; }
const char *db_backup_path(const Db *db) { return db->backup; }
struct sqlite3 *db_sqlite(Db *db) { return db->h; }

bool db_exec(Db *db, const char *sql, PoaErr *err)
{
    char *msg = NULL;
    if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        err_set(err, "Error de la base de datos «%s»: %s", db->path,
                (sqlite3_errcode(db->h) & 0xff) == SQLITE_ERROR && msg ? msg
                                                                     : sqlite_texto(db->h));
        sqlite3_free(msg);
        return false;
    }
    return true;
}

bool db_begin(Db *db, PoaErr *err) { return db_exec(db, "BEGIN IMMEDIATE", err); }

bool db_commit(Db *db, PoaErr *err)
{
    if (db_exec(db, "COMMIT", err))
        return true;
    db_rollback(db);
    return false;
}

void db_rollback(Db *db)
{
    if (!sqlite3_get_autocommit(db->h))
        sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
    /* after an I/O error while writing the file itself (a full disk when
     * a large transaction spilt pages into it), SQLite rolls back only on
     * the next read: do it now, so the file is as it was when we return */
    sqlite3_exec(db->h, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
}

static bool pragma_int(Db *db, const char *sql, int *out, int *rc_out)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        }
        sqlite3_finalize(st);
    }
    if (rc_out)
        *rc_out = rc;
    return rc == SQLITE_OK;
}

int64_t db_new_accion(Db *db)
{
    /* Read inside the caller's transaction every time: another process (the
     * CLI while the interface is open) may have logged actions meanwhile. */
    int64_t next = 1;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->h, "SELECT coalesce(max(accion), 0) + 1 FROM cambio", -1, &st,
                           NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            next = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return next;
}

void db_set_bulk(Db *db, bool bulk)
{
    /* Only a file this open created may go without fsync: a crash then loses
     * nothing that existed before. An existing plan keeps full durability. */
    if (!db->created)
        return;
    sqlite3_exec(db->h, bulk ? "PRAGMA synchronous=OFF" : "PRAGMA synchronous=FULL", NULL,
                 NULL, NULL);
}

bool db_readonly(const Db *db) { return db->readonly; }
bool db_created(const Db *db) { return db->created; }

/* A consistent copy of the open database through SQLite's backup API
 * (a byte copy could miss pages another connection is writing), written to
 * a temporary name and renamed when complete. */
static bool backup_h(sqlite3 *h, const char *path, const char *dst, PoaErr *err)
{
    char *tmp = atomic_tmp_name(dst);
    sqlite3 *out = NULL;
    bool ok = sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) ==
              SQLITE_OK;
    if (ok) {
        sqlite3_backup *b = sqlite3_backup_init(out, "main", h, "main");
        ok = b && sqlite3_backup_step(b, -1) == SQLITE_DONE;
        if (b)
            sqlite3_backup_finish(b);
        if (!ok)
            err_set(err, "No se pudo copiar «%s» a «%s»: %s", path, dst, sqlite_texto(out));
    } else {
        err_set(err, "No se pudo crear la copia de respaldo «%s»", dst);
    }
    if (out && sqlite3_close(out) != SQLITE_OK)
        ok = false;
    if (!ok) {
        unlink(tmp);
        free(tmp);
        return false;
    }
    ok = atomic_rename(tmp, dst, err);
    free(tmp);
    return ok;
}

static bool backup_to(Db *db, const char *dst, PoaErr *err)
{
    return backup_h(db->h, db->path, dst, err);
}

static bool make_dir(const char *dir, PoaErr *err)
{
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        err_set(err, "No se pudo crear la carpeta de respaldos «%s»: %s", dir, err_sistema(errno));
        return false;
    }
    return true;
}

bool db_respaldo(Db *db, const char *motivo, PoaErr *err)
{
    char *dir = respaldo_dir(db->path, db->carpeta);
    bool ok = make_dir(dir, err);
    free(dir);
    if (!ok)
        return false;
    respaldo_limpiar(db->path, db->carpeta);
    char *dst = respaldo_nuevo_nombre(db->path, db->carpeta, motivo);
    if (!backup_to(db, dst, err)) {
        free(dst);
        return false;
    }
    free(db->respaldo);
    db->respaldo = dst;
    respaldo_podar(db->path, db->carpeta, db->conservar);
    return true;
}

bool db_respaldo_a(Db *db, const char *dst, PoaErr *err)
{
    if (file_exists(dst)) {
        err_set(err, "Ya existe «%s»: un respaldo no reemplaza ningún archivo; elija otro nombre",
                dst);
        return false;
    }
    return backup_to(db, dst, err);
}

const char *db_respaldo_path(const Db *db) { return db->respaldo; }
const char *db_aviso(const Db *db) { return db->aviso; }

bool db_tiene_datos(Db *db)
{
    int n = 0;
    return pragma_int(db, "SELECT EXISTS (SELECT 1 FROM plan)", &n, NULL) && n;
}

static bool migrate(Db *db, int from, PoaErr *err)
{
    char motivo[32];
    snprintf(motivo, sizeof motivo, "migracion-v%d", from);
    if (!db_respaldo(db, motivo, err)) {
        err_prefix(err, "No se actualizó «%s»: falló la copia de respaldo", db->path);
        return false;
    }
    db->backup = xstrdup(db->respaldo);
    if (!db_begin(db, err))
        return false;
    for (int v = from; v < POA_SCHEMA_VERSION; v++) {
        if (!db_exec(db, MIGRATIONS[v], err)) {
            db_rollback(db);
            err_prefix(err, "No se pudo actualizar «%s» de la versión %d a la %d", db->path, v,
                       v + 1);
            return false;
        }
    }
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", POA_SCHEMA_VERSION);
    if (!db_exec(db, sql, err)) {
        db_rollback(db);
        return false;
    }
    return db_commit(db, err);
}


/* Reads application_id and user_version through a read-only connection, so
 * that looking at a file never changes it (a foreign file with a hot journal
 * is not even rolled back). *hot: it failed because of a hot journal. */
static bool inspect(const char *path, int *appid, int *version, bool *empty, bool *hot,
                    bool *broken, PoaErr *err)
{
    *hot = *broken = false;
    sqlite3 *h = NULL;
    if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        err_set(err, "No se pudo abrir «%s»: %s", path, h ? sqlite_texto(h) : err_sistema(errno));
        sqlite3_close(h);
        return false;
    }
    sqlite3_busy_timeout(h, 2000);
    Db tmp = {.h = h};
    int rc = 0, n = 0;
    bool ok = pragma_int(&tmp, "PRAGMA application_id", appid, &rc);
    if (!ok) {
        *hot = sqlite3_extended_errcode(h) == SQLITE_READONLY_ROLLBACK;
        if (rc == SQLITE_NOTADB)
            err_set(err, "«%s» no es un archivo de plan de poa (no es una base de datos SQLite)",
                    path);
        else
            err_set(err, "No se pudo leer «%s»: %s", path, sqlite_texto(h));
    } else {
        pragma_int(&tmp, "PRAGMA user_version", version, NULL);
        /* a schema that cannot be read is a damaged file, not an empty one
         * (taking it for empty would write a new schema into it) */
        if (!pragma_int(&tmp, "SELECT count(*) FROM sqlite_schema", &n, &rc)) {
            *broken = true;
            ok = false;
        }
        *empty = n == 0;
    }
    sqlite3_close(h);
    return ok;
}

static bool writable(const char *path)
{
    if (access(path, W_OK) != 0)
        return false;
    /* the rollback journal is created next to the file */
    char *copy = xstrdup(path);
    bool ok = access(dirname(copy), W_OK) == 0;
    free(copy);
    return ok;
}

/* A hot journal: a session was killed (or the power failed) in the middle of
 * a change. Only a read-write connection rolls it back, and only SQLite may:
 * deleting the journal would leave the file half-changed. We recover only a
 * file whose header says it is ours, and only where it can be written. */
static bool recover_hot(const char *path, char **aviso, PoaErr *err)
{
    char *copy = xstrdup(path);
    char *base = xstrdup(basename(copy));
    free(copy);
    uint32_t id = 0;
    bool ok = false;
    if (!file_sqlite_appid(path, &id) || id != POA_APPLICATION_ID) {
        err_set(err, "«%s» tiene un diario pendiente («%s-journal») pero no es un plan de poa; "
                "no se tocó", path, base);
    } else if (!writable(path)) {
        err_set(err, "«%s»: una sesión anterior se interrumpió antes de terminar de guardar y "
                "quedó su diario («%s-journal»), que SQLite necesita para devolver el plan a "
                "como estaba; aquí no puede, porque no hay permiso de escritura en el archivo o en "
                "su carpeta. "
                "Ábralo una vez donde se pueda escribir, o copie juntos «%s» y «%s-journal» a "
                "una carpeta con permiso de escritura y ábralo allí. No borre «%s-journal»: el "
                "plan quedaría dañado", path, base, base, base, base);
    } else {
        sqlite3 *h = NULL;
        int n = 0, rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_busy_timeout(h, 2000);
            Db tmp = {.h = h};
            /* the first read through a read-write connection rolls it back */
            ok = pragma_int(&tmp, "SELECT count(*) FROM sqlite_schema", &n, &rc);
        }
        if (!ok)
            err_set(err, "«%s»: una sesión anterior se interrumpió y no se pudo recuperar el "
                    "archivo: %s. No borre «%s-journal»", path,
                    h ? sqlite_texto(h) : err_sistema(errno), base);
        sqlite3_close(h);
    }
    if (ok)
        *aviso = xasprintf("«%s»: una sesión anterior se interrumpió antes de terminar de "
                           "guardar; se recuperó el archivo tal como estaba antes de ese cambio",
                           path);
    free(base);
    return ok;
}

/* Where the newest backup is and how to put it back, for a damaged file. */
static char *texto_respaldo(const char *path, const char *carpeta)
{
    char *ult = respaldo_ultimo(path, carpeta);
    char *out;
    if (ult) {
        out = xasprintf("Último respaldo: «%s». Para restaurarlo: poa respaldo %s --restaurar "
                        "%s (o, con poa cerrado, copie el respaldo sobre «%s»)",
                        ult, path, ult, path);
    } else {
        char *dir = respaldo_dir(path, carpeta);
        out = xasprintf("No hay respaldos de este plan en «%s»; lo que se pueda leer sale con "
                        "«poa exportar %s --csv rescate.csv»", dir, path);
        free(dir);
    }
    free(ult);
    return out;
}

/* PRAGMA quick_check, once per open: the page structure of the whole file
 * (not the index contents), so a write never goes into a damaged file. */
static bool quick_check_ok(sqlite3 *h)
{
    sqlite3_stmt *st;
    bool ok = false;
    if (sqlite3_prepare_v2(h, "PRAGMA quick_check(1)", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) {
            const char *r = (const char *)sqlite3_column_text(st, 0);
            ok = r && strcmp(r, "ok") == 0;
        }
        sqlite3_finalize(st);
    }
    return ok;
}

void db_interrumpir(Db *db) { sqlite3_interrupt(db->h); }

bool db_revisar(Db *db, PoaErr *err)
{
    if (quick_check_ok(db->h))
        return true;
    char *rs = texto_respaldo(db->path, db->carpeta);
    if (db->readonly) {
        /* reading what can be read is how the user rescues the rest */
        char *a = xasprintf("%s%s«%s» está dañado (la revisión de SQLite encontró páginas "
                            "inválidas): se muestra lo que se puede leer, pero no lo "
                            "modifique. %s", db->aviso ? db->aviso : "",
                            db->aviso ? ". " : "", db->path, rs);
        free(db->aviso);
        db->aviso = a;
        free(rs);
        return true;
    }
    err_set(err, "«%s» está dañado (la revisión de SQLite encontró páginas inválidas): "
            "no se escribe en él para no perder más datos. %s", db->path, rs);
    free(rs);
    return false;
}

Db *db_open(const char *path, DbMode mode, const char *backup_dir, PoaErr *err)
{
    DbRespaldos r = {.carpeta = backup_dir, .conservar = RESPALDO_CONSERVAR};
    return db_open_respaldos(path, mode, &r, err);
}

Db *db_open_respaldos(const char *path, DbMode mode, const DbRespaldos *r, PoaErr *err)
{
    const char *backup_dir = r ? r->carpeta : NULL;
    struct stat st;
    bool exists = stat(path, &st) == 0;
    if (!exists && mode != DB_CREATE) {
        err_set(err, "No existe el archivo «%s»", path);
        return NULL;
    }
    if (exists && S_ISDIR(st.st_mode)) {
        err_set(err, "«%s» es una carpeta, no un archivo de plan", path);
        return NULL;
    }
    int appid = 0, version = 0;
    bool empty = true, hot = false;
    char *aviso = NULL;
    if (exists && st.st_size > 0) {
        bool broken = false;
        bool seen = inspect(path, &appid, &version, &empty, &hot, &broken, err);
        if (!seen && hot)
            seen = recover_hot(path, &aviso, err) &&
                   inspect(path, &appid, &version, &empty, &hot, &broken, err);
        if (broken && appid != POA_APPLICATION_ID && appid != 0)
            seen = true; /* another program's file: refused as such below */
        else if (broken) {
            char *rs = texto_respaldo(path, backup_dir);
            err_set(err, "«%s» está dañado: ni siquiera su lista de tablas se puede leer, así que "
                    "no se lee ni se escribe. %s", path, rs);
            free(rs);
            goto fail;
        }
        if (!seen)
            goto fail;
        if (appid != POA_APPLICATION_ID && !(empty && appid == 0 && version == 0)) {
            err_set(err,
                    "«%s» es una base de datos SQLite de otro programa, no un plan de poa; "
                    "no se modificó",
                    path);
            goto fail;
        }
        if (version > POA_SCHEMA_VERSION) {
            err_set(err,
                    "«%s» fue creado por una versión más nueva de poa (esquema %d; esta "
                    "versión conoce hasta el %d). Actualice poa; el archivo no se modificó",
                    path, version, POA_SCHEMA_VERSION);
            goto fail;
        }
        if (!empty && version < 1) {
            err_set(err, "«%s» tiene un esquema desconocido (versión %d); no se modificó", path,
                    version);
            goto fail;
        }
    }
    bool can_write = !exists || writable(path);
    bool needs_write = !exists || empty || version < POA_SCHEMA_VERSION;
    if (mode == DB_READONLY && empty) {
        err_set(err, "«%s» está vacío: todavía no tiene ningún plan (use «poa importar»)",
                path);
        goto fail;
    }
    if (mode != DB_READONLY && !can_write) {
        err_set(err,
                "«%s» (o su carpeta) es de solo lectura: no se puede guardar ningún cambio. "
                "Cópielo a una carpeta con permiso de escritura",
                path);
        goto fail;
    }
    /* a reading command still migrates an older file it may write */
    bool ro = mode == DB_READONLY && !(needs_write && can_write);
    if (ro && needs_write) {
        err_set(err,
                "«%s» es de una versión anterior de poa y hay que actualizarlo, pero es de "
                "solo lectura; ábralo una vez con permiso de escritura",
                path);
        goto fail;
    }

    Db *db = xcalloc(1, sizeof *db);
    db->path = xstrdup(path);
    db->readonly = ro;
    db->created = !exists || empty;
    db->aviso = aviso;
    db->carpeta = str_empty(backup_dir) ? NULL : xstrdup(backup_dir);
    db->conservar = r ? r->conservar : RESPALDO_CONSERVAR;
    int flags = ro ? SQLITE_OPEN_READONLY
                   : SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
        err_set(err, "No se pudo abrir «%s»: %s", path,
                db->h ? sqlite_texto(db->h) : err_sistema(errno));
        db_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db->h, 2000);
    sqlite3_extended_result_codes(db->h, 1);
    /* Per connection (PITFALLS.md). A rollback journal, not WAL: at the
     * speed a person edits, a commit of ~1 ms is invisible, and a file at
     * rest is then one self-contained file that a read-only folder, a USB
     * stick or a byte copy handles correctly. */
    /* the TEMP triggers and table of the row images (store_lote.c) live in
     * memory: in a temporary file, a full disk during an import left the
     * main file's journal hot instead of rolled back */
    if (!db_exec(db, "PRAGMA foreign_keys=ON", err) ||
        !db_exec(db, "PRAGMA temp_store=MEMORY", err) ||
        (!ro && !db_exec(db, "PRAGMA journal_mode=DELETE", err)) ||
        !db_exec(db, "PRAGMA synchronous=FULL", err)) {
        db_close(db);
        return NULL;
    }
    if (!empty && !(r && r->revision_aparte) && !db_revisar(db, err)) {
        db_close(db);
        return NULL;
    }
    if (empty) {
        /* a file this open creates holds nothing yet: its schema needs no
         * fsync (db_set_bulk's rule); on this disk the syncs of creating it
         * were most of a 10,000-row import's wall time (issue 14) */
        db_set_bulk(db, true);
        bool ok = db_begin(db, err) && db_exec(db, poa_schema_sql, err) && db_commit(db, err);
        db_set_bulk(db, false);
        if (!ok) {
            db_rollback(db);
            err_prefix(err, "No se pudo crear «%s»", path);
            db_close(db);
            if (!exists)
                unlink(path);
            return NULL;
        }
    } else if (version < POA_SCHEMA_VERSION) {
        if (!migrate(db, version, err)) {
            db_close(db);
            return NULL;
        }
    }
    file_guard_add(path);
    return db;

fail:
    free(aviso);
    return NULL;
}

sqlite3_stmt *db_stmt(Db *db, const char *sql, PoaErr *err)
{
    for (int i = 0; i < db->nstmts; i++)
        if (db->stmts[i].sql == sql) {
            sqlite3_reset(db->stmts[i].st);
            sqlite3_clear_bindings(db->stmts[i].st);
            return db->stmts[i].st;
        }
    sqlite3_stmt *st;
    if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        err_set(err, "Error interno de la base de datos: %s", sqlite3_errmsg(db->h));
        return NULL;
    }
    db->stmts = xrealloc(db->stmts, sizeof *db->stmts * (size_t)(db->nstmts + 1));
    db->stmts[db->nstmts++] = (CachedStmt){sql, st};
    return st;
}

void db_close(Db *db)
{
    if (!db)
        return;
    for (int i = 0; i < db->nstmts; i++)
        sqlite3_finalize(db->stmts[i].st);
    free(db->stmts);
    if (db->h)
        sqlite3_close_v2(db->h);
    free(db->path);
    free(db->backup);
    free(db->aviso);
    free(db->carpeta);
    free(db->respaldo);
    free(db);
}

bool db_restaurar(const char *path, const char *respaldo, const DbRespaldos *r, char **previo,
                  PoaErr *err)
{
    const char *carpeta = r ? r->carpeta : NULL;
    *previo = NULL;
    uint32_t id = 0;
    struct stat sp, sr;
    if (stat(respaldo, &sr) != 0) {
        err_set(err, "No se pudo leer el respaldo «%s»: %s", respaldo, err_sistema(errno));
        return false;
    }
    if (!file_sqlite_appid(respaldo, &id) || id != POA_APPLICATION_ID) {
        err_set(err, "«%s» no es una copia de un plan de poa: no se restauró nada", respaldo);
        return false;
    }
    bool exists = stat(path, &sp) == 0;
    if (exists && sp.st_dev == sr.st_dev && sp.st_ino == sr.st_ino) {
        err_set(err, "«%s» y «%s» son el mismo archivo: no hay nada que restaurar", respaldo,
                path);
        return false;
    }
    if (exists && (!file_sqlite_appid(path, &id) || id != POA_APPLICATION_ID)) {
        err_set(err, "«%s» no es un plan de poa: no se reemplaza. Si es el plan con la primera "
                "página dañada, con poa cerrado copie el respaldo sobre él", path);
        return false;
    }
    sqlite3 *src = NULL, *dst = NULL;
    bool ok = false;
    if (sqlite3_open_v2(respaldo, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        !quick_check_ok(src)) {
        err_set(err, "El respaldo «%s» no se puede leer entero (está dañado o incompleto): elija "
                "otro; no se restauró nada", respaldo);
        goto out;
    }
    /* A read-write connection: it rolls back a hot journal first, and the
     * copy goes in as one transaction of SQLite's, under its locks. */
    if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        err_set(err, "No se pudo abrir «%s»: %s", path, dst ? sqlite_texto(dst) : "");
        goto out;
    }
    sqlite3_busy_timeout(dst, 2000);
    sqlite3_exec(dst, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    if (exists && sp.st_size > 0) {
        /* what is there now is kept too: restoring the wrong backup can be undone */
        char *dir = respaldo_dir(path, carpeta);
        bool dir_ok = make_dir(dir, err);
        free(dir);
        if (!dir_ok)
            goto out;
        *previo = respaldo_nuevo_nombre(path, carpeta, "antes-de-restaurar");
        if (!backup_h(dst, path, *previo, err)) {
            err_prefix(err, "No se restauró: falló la copia del plan actual");
            free(*previo);
            *previo = NULL;
            goto out;
        }
    }
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    ok = b && sqlite3_backup_step(b, -1) == SQLITE_DONE;
    if (b)
        sqlite3_backup_finish(b);
    if (!ok)
        err_set(err, "No se pudo restaurar «%s» sobre «%s»: %s; el plan quedó como estaba",
                respaldo, path, sqlite_texto(dst));
out:
    sqlite3_close(src);
    if (dst && sqlite3_close(dst) != SQLITE_OK)
        ok = false;
    if (ok)
        respaldo_podar(path, carpeta, r ? r->conservar : RESPALDO_CONSERVAR);
    return ok;
}
