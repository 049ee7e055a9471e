/* store_log.c — the change log (table cambio): writing one row per changed
 * field with its kind, reading an action back for undo and `poa historial`. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_sql.h"

/* The names of cambio.tipo, in CambioTipo's order; schema.sql's CHECK and
 * the migration to version 3 (db.c) list the same. */
static const char *const TIPOS[CAMBIO_N] = {
    [CAMBIO_CAMPO] = "campo",           [CAMBIO_MESES] = "meses",
    [CAMBIO_MOVER] = "mover",           [CAMBIO_UNIDAD] = "unidad",
    [CAMBIO_ALTA] = "alta",             [CAMBIO_BAJA] = "baja",
    [CAMBIO_IMPORTAR] = "importar",     [CAMBIO_UNIFICAR] = "unificar",
    [CAMBIO_CORTE] = "corte",           [CAMBIO_SEGUIMIENTO] = "seguimiento",
    [CAMBIO_DESHACER] = "deshacer",     [CAMBIO_LOTE] = "lote",
    [CAMBIO_REHACER] = "rehacer",       [CAMBIO_PLAN] = "plan",
    [CAMBIO_CAPTURA] = "captura",
};

const char *store_cambio_tipo_nombre(CambioTipo t)
{
    return (unsigned)t < CAMBIO_N ? TIPOS[t] : "";
}

/* An unknown name (a newer poa's kind) reads as CAMBIO_N: undo refuses it. */
static CambioTipo tipo_de_nombre(const char *s)
{
    for (int t = 0; t < CAMBIO_N; t++)
        if (strcmp(TIPOS[t], s) == 0)
            return (CambioTipo)t;
    return CAMBIO_N;
}

static const char SQL_LOG[] =
    "INSERT INTO cambio (accion, momento, usuario, plan_id, tabla, fila_id, campo, antes, "
    " despues, descripcion, tipo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

/* Who writes, read once per process: without $USER, user_name() reads
 * /etc/passwd on every call, 13 % of an import's merge that logs a row per
 * changed field (issue 14). Only the interface thread and the commands log. */
static const char *usuario(void)
{
    static char nombre[256];
    if (!nombre[0])
        snprintf(nombre, sizeof nombre, "%s", user_name());
    return nombre;
}

bool store_log(Db *db, int64_t accion, int64_t plan_id, CambioTipo tipo, const char *tabla,
               int64_t fila, const char *campo, const char *antes, const char *despues,
               const char *descripcion, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_LOG, err);
    if (!st)
        return false;
    char now[32];
    sqlite3_bind_int64(st, 1, accion);
    sql_bind_text(st, 2, now_text(now, sizeof now));
    sql_bind_text(st, 3, usuario());
    sqlite3_bind_int64(st, 4, plan_id);
    sql_bind_text(st, 5, tabla);
    sqlite3_bind_int64(st, 6, fila);
    sql_bind_text(st, 7, campo);
    if (antes)
        sql_bind_text(st, 8, antes);
    else
        sqlite3_bind_null(st, 8);
    if (despues)
        sql_bind_text(st, 9, despues);
    else
        sqlite3_bind_null(st, 9);
    sql_bind_text(st, 10, descripcion);
    sql_bind_text(st, 11, store_cambio_tipo_nombre(tipo));
    return sql_step_done(db, st, err, "No se pudo registrar el cambio");
}

/* ---- reading the change log ---- */

void store_cambios_free(CambioFila *c, int n)
{
    if (!c)
        return;
    for (int i = 0; i < n; i++) {
        free(c[i].momento);
        free(c[i].usuario);
        free(c[i].tabla);
        free(c[i].campo);
        free(c[i].descripcion);
        free(c[i].antes);
        free(c[i].despues);
    }
    free(c);
}

#define CAMBIO_COLS \
    "id, accion, coalesce(plan_id, 0), fila_id, momento, usuario, tabla, campo, descripcion, " \
    "antes, despues, deshecho, tipo"

static char *col_opt_text(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : xstrdup(sql_col_text(st, i));
}

/* Reads every row of st (columns CAMBIO_COLS) into *out; resets st. */
static bool read_cambios(Db *db, sqlite3_stmt *st, CambioFila **out, int *n, PoaErr *err)
{
    CambioFila *v = NULL;
    int len = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (len == cap) {
            cap = cap ? cap * 2 : 16;
            v = xrealloc(v, sizeof *v * (size_t)cap);
        }
        CambioFila *c = &v[len++];
        c->id = sqlite3_column_int64(st, 0);
        c->accion = sqlite3_column_int64(st, 1);
        c->plan_id = sqlite3_column_int64(st, 2);
        c->fila = sqlite3_column_int64(st, 3);
        c->momento = xstrdup(sql_col_text(st, 4));
        c->usuario = xstrdup(sql_col_text(st, 5));
        c->tabla = xstrdup(sql_col_text(st, 6));
        c->campo = xstrdup(sql_col_text(st, 7));
        c->descripcion = xstrdup(sql_col_text(st, 8));
        c->antes = col_opt_text(st, 9);
        c->despues = col_opt_text(st, 10);
        c->deshecho = sqlite3_column_int(st, 11) != 0;
        c->tipo = tipo_de_nombre(sql_col_text(st, 12));
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        store_cambios_free(v, len);
        return sql_fail(db, err, "No se pudo leer el registro de cambios");
    }
    *out = v;
    *n = len;
    return true;
}

/* Walks the accion index backwards; the undone actions and the undos
 * themselves are skipped (few: only the tail an analyst walked back). */
static const char SQL_ULTIMA_ACCION[] =
    "SELECT accion FROM cambio WHERE plan_id = ? AND deshecho = 0 AND tipo <> ? "
    "ORDER BY accion DESC LIMIT 1";
static const char SQL_ACCION_FILAS[] =
    "SELECT " CAMBIO_COLS " FROM cambio WHERE accion = ? ORDER BY id";

bool store_load_ultima_accion(Db *db, int64_t plan_id, CambioFila **out, int *n, PoaErr *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(db, SQL_ULTIMA_ACCION, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, plan_id);
    sql_bind_text(st, 2, store_cambio_tipo_nombre(CAMBIO_DESHACER));
    int rc = sqlite3_step(st);
    int64_t accion = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql_fail(db, err, "No se pudo leer el registro de cambios");
    if (rc == SQLITE_DONE)
        return true;
    st = db_stmt(db, SQL_ACCION_FILAS, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    return read_cambios(db, st, out, n, err);
}

static const char SQL_DESHECHO[] = "UPDATE cambio SET deshecho = 1 WHERE accion = ?";

bool store_mark_deshecho(Db *db, int64_t accion, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_DESHECHO, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    return sql_step_done(db, st, err, "No se pudo marcar la acción como deshecha");
}

/* LIMIT -1 is SQLite's "no limit". */
/* A bulk action's summary row is shown only when the action has no rows
 * of its own (they say the same, field by field). */
#define SIN_RESUMEN_REPETIDO \
    "NOT (tipo = 'lote' AND EXISTS (SELECT 1 FROM cambio o WHERE o.accion = cambio.accion " \
    "AND o.tipo <> 'lote'))"
static const char SQL_CAMBIOS_PLAN[] =
    "SELECT " CAMBIO_COLS " FROM cambio WHERE plan_id = ? AND " SIN_RESUMEN_REPETIDO
    " ORDER BY id DESC LIMIT ?";
static const char SQL_CAMBIOS_TODOS[] =
    "SELECT " CAMBIO_COLS " FROM cambio WHERE " SIN_RESUMEN_REPETIDO " ORDER BY id DESC LIMIT ?";

bool store_list_cambios(Db *db, int64_t plan_id, int limite, CambioFila **out, int *n,
                        PoaErr *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(db, plan_id ? SQL_CAMBIOS_PLAN : SQL_CAMBIOS_TODOS, err);
    if (!st)
        return false;
    int i = 1;
    if (plan_id)
        sqlite3_bind_int64(st, i++, plan_id);
    sqlite3_bind_int(st, i, limite > 0 ? limite : -1);
    return read_cambios(db, st, out, n, err);
}

/* ---- undo and redo chains ---- */

static const char SQL_A_DESHACER[] =
    "SELECT accion FROM cambio WHERE plan_id = ? AND deshecho = 0 AND accion < ? "
    "AND tipo NOT IN ('deshacer', 'rehacer') ORDER BY accion DESC LIMIT 1";

bool store_accion_a_deshacer(Db *db, int64_t plan_id, const int64_t *saltar, int nsaltar,
                             int64_t *accion, PoaErr *err)
{
    *accion = 0;
    int64_t tope = INT64_MAX;
    for (;;) {
        sqlite3_stmt *st = db_stmt(db, SQL_A_DESHACER, err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, plan_id);
        sqlite3_bind_int64(st, 2, tope);
        int rc = sqlite3_step(st);
        int64_t a = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return sql_fail(db, err, "No se pudo leer el registro de cambios");
        if (!a)
            return true;
        bool saltada = false;
        for (int i = 0; i < nsaltar && !saltada; i++)
            saltada = saltar[i] == a;
        if (!saltada) {
            *accion = a;
            return true;
        }
        tope = a;
    }
}

static const char SQL_A_REHACER[] =
    "SELECT u.accion, u.ref FROM cambio u WHERE u.plan_id = ? AND u.tipo = 'deshacer' "
    "AND u.ref IS NOT NULL AND EXISTS (SELECT 1 FROM cambio a WHERE a.accion = u.ref "
    "AND a.deshecho = 1) ORDER BY u.accion DESC LIMIT 1";
static const char SQL_NUEVA_DESPUES[] =
    "SELECT count(*) FROM (SELECT 1 FROM cambio WHERE plan_id = ? AND accion > ? "
    "AND tipo NOT IN ('deshacer', 'rehacer') LIMIT 1)";

bool store_accion_a_rehacer(Db *db, int64_t plan_id, int64_t *accion, int64_t *deshacer,
                            PoaErr *err)
{
    *accion = *deshacer = 0;
    sqlite3_stmt *st = db_stmt(db, SQL_A_REHACER, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, plan_id);
    int rc = sqlite3_step(st);
    int64_t u = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    int64_t a = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql_fail(db, err, "No se pudo leer el registro de cambios");
    if (!u)
        return true;
    st = db_stmt(db, SQL_NUEVA_DESPUES, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int64(st, 2, u);
    rc = sqlite3_step(st);
    bool nueva = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return sql_fail(db, err, "No se pudo leer el registro de cambios");
    if (!nueva) {
        *accion = a;
        *deshacer = u;
    }
    return true;
}

bool store_load_accion(Db *db, int64_t accion, CambioFila **out, int *n, PoaErr *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(db, SQL_ACCION_FILAS, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    return read_cambios(db, st, out, n, err);
}

static const char SQL_SET_DESHECHO[] = "UPDATE cambio SET deshecho = ? WHERE accion = ?";

bool store_set_deshecho(Db *db, int64_t accion, bool v, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_SET_DESHECHO, err);
    if (!st)
        return false;
    sqlite3_bind_int(st, 1, v ? 1 : 0);
    sqlite3_bind_int64(st, 2, accion);
    return sql_step_done(db, st, err, "No se pudo marcar la acción");
}

static const char SQL_REF[] = "UPDATE cambio SET ref = ? WHERE accion = ?";

bool store_log_ref(Db *db, int64_t accion, int64_t ref, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_REF, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, ref);
    sqlite3_bind_int64(st, 2, accion);
    return sql_step_done(db, st, err, "No se pudo registrar el cambio");
}
