/* store_lote.c — bulk actions recorded as row images: per-connection TEMP
 * triggers on every plan table, the recording switch, and putting images back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_lote_int.h"

/* Tables that are not the plan: the log itself and the images. */
static bool excluida(const char *t)
{
    return strcmp(t, "cambio") == 0 || strcmp(t, "imagen") == 0 || strncmp(t, "sqlite_", 7) == 0;
}

void lote_tablas_free(LoteTablas *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->n; i++) {
        free(t->v[i].nombre);
        for (int c = 0; c < t->v[i].ncols; c++)
            free(t->v[i].cols[c]);
        free(t->v[i].cols);
        free(t->v[i].pk);
    }
    free(t->v);
    memset(t, 0, sizeof *t);
}

/* The columns and the primary key of one table (PRAGMA table_info). */
static bool tabla_leer(Db *db, LoteTabla *t, PoaErr *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db_sqlite(db), "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid",
                           -1, &st, NULL) != SQLITE_OK)
        return sql_fail(db, err, "No se pudo leer el esquema");
    sql_bind_text(st, 1, t->nombre);
    int pkpos[16] = {0};
    while (sqlite3_step(st) == SQLITE_ROW) {
        t->cols = xrealloc(t->cols, sizeof *t->cols * (size_t)(t->ncols + 1));
        t->cols[t->ncols] = xstrdup(sql_col_text(st, 0));
        int pk = sqlite3_column_int(st, 1);
        if (pk > 0 && pk <= 16)
            pkpos[pk - 1] = t->ncols + 1;
        t->ncols++;
    }
    sqlite3_finalize(st);
    for (int i = 0; i < 16 && pkpos[i]; i++) {
        t->pk = xrealloc(t->pk, sizeof *t->pk * (size_t)(t->npk + 1));
        t->pk[t->npk++] = pkpos[i] - 1;
    }
    if (t->npk == 0) {
        /* the images need a key to find the row again */
        err_set(err, "Error interno: la tabla «%s» no tiene clave primaria; deshacer la "
                "necesita", t->nombre);
        return false;
    }
    return true;
}

bool lote_tablas_leer(Db *db, LoteTablas *out, PoaErr *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db_sqlite(db),
                           "SELECT name FROM main.sqlite_master WHERE type = 'table' ORDER BY name",
                           -1, &st, NULL) != SQLITE_OK)
        return sql_fail(db, err, "No se pudo leer el esquema");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *name = sql_col_text(st, 0);
        if (excluida(name))
            continue;
        out->v = xrealloc(out->v, sizeof *out->v * (size_t)(out->n + 1));
        memset(&out->v[out->n], 0, sizeof out->v[0]);
        out->v[out->n++].nombre = xstrdup(name);
    }
    sqlite3_finalize(st);
    for (int i = 0; i < out->n; i++)
        if (!tabla_leer(db, &out->v[i], err)) {
            lote_tablas_free(out);
            return false;
        }
    return true;
}

const LoteTabla *lote_tabla(const LoteTablas *t, const char *nombre)
{
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->v[i].nombre, nombre) == 0)
            return &t->v[i];
    return NULL;
}

/* json_object('c1', P.c1, …) of a row seen as P (NEW, OLD or the table). */
static void sb_imagen(StrBuf *sb, const LoteTabla *t, const char *p)
{
    sb_append(sb, "json_object(");
    for (int c = 0; c < t->ncols; c++)
        sb_appendf(sb, "%s'%s', %s\"%s\"", c ? ", " : "", t->cols[c], p, t->cols[c]);
    sb_append(sb, ")");
}

static void sb_clave(StrBuf *sb, const LoteTabla *t, const char *p)
{
    sb_append(sb, "json_array(");
    for (int k = 0; k < t->npk; k++)
        sb_appendf(sb, "%s%s\"%s\"", k ? ", " : "", p, t->cols[t->pk[k]]);
    sb_append(sb, ")");
}

/* One INSERT INTO imagen of the trigger body; antes/despues "OLD.", "NEW."
 * or NULL; cond an extra WHERE (a key that changed) or "". */
static void sb_insert(StrBuf *sb, const LoteTabla *t, const char *clave, const char *antes,
                      const char *despues, const char *cond)
{
    sb_appendf(sb, "INSERT INTO imagen (accion, tabla, clave, antes, despues) SELECT accion, "
                   "'%s', ", t->nombre);
    sb_clave(sb, t, clave);
    sb_append(sb, ", ");
    if (antes)
        sb_imagen(sb, t, antes);
    else
        sb_append(sb, "NULL");
    sb_append(sb, ", ");
    if (despues)
        sb_imagen(sb, t, despues);
    else
        sb_append(sb, "NULL");
    sb_appendf(sb, " FROM temp.poa_lote%s; ", cond);
}

/* Installs the three triggers of every plan table on this connection
 * (TEMP: nothing in the file, so an older poa never meets them). They
 * write only while temp.poa_lote holds the recording action. */
static bool instalar(Db *db, const LoteTablas *t, PoaErr *err)
{
    if (!db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS poa_lote (accion INTEGER NOT NULL)", err))
        return false;
    sqlite3_stmt *st;
    int n = -1;
    if (sqlite3_prepare_v2(db_sqlite(db), "SELECT count(*) FROM temp.sqlite_master WHERE type = "
                           "'trigger' AND name LIKE 'poa_img_%'", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    if (n == 3 * t->n)
        return true;
    StrBuf sb = {0};
    for (int i = 0; i < t->n; i++) {
        const LoteTabla *x = &t->v[i];
        StrBuf mismo = {0}, otro = {0};
        for (int k = 0; k < x->npk; k++) {
            const char *c = x->cols[x->pk[k]];
            sb_appendf(&mismo, " AND OLD.\"%s\" IS NEW.\"%s\"", c, c);
            sb_appendf(&otro, "%sOLD.\"%s\" IS NOT NEW.\"%s\"", k ? " OR " : "", c, c);
        }
        char *cond_mismo = xasprintf(" WHERE 1%s", sb_str(&mismo));
        char *cond_otro = xasprintf(" WHERE %s", sb_str(&otro));
        const char *w = " WHEN EXISTS (SELECT 1 FROM temp.poa_lote) BEGIN ";
        sb_appendf(&sb, "CREATE TEMP TRIGGER IF NOT EXISTS poa_img_%s_i AFTER INSERT ON main.\"%s\"%s",
                   x->nombre, x->nombre, w);
        sb_insert(&sb, x, "NEW.", NULL, "NEW.", "");
        sb_append(&sb, "END;\n");
        sb_appendf(&sb, "CREATE TEMP TRIGGER IF NOT EXISTS poa_img_%s_u AFTER UPDATE ON main.\"%s\"%s",
                   x->nombre, x->nombre, w);
        sb_insert(&sb, x, "OLD.", "OLD.", "NEW.", cond_mismo);
        /* a row whose key changed (unificar re-points rows) is a delete
         * of the old key and an insert of the new one */
        sb_insert(&sb, x, "OLD.", "OLD.", NULL, cond_otro);
        sb_insert(&sb, x, "NEW.", NULL, "NEW.", cond_otro);
        sb_append(&sb, "END;\n");
        sb_appendf(&sb, "CREATE TEMP TRIGGER IF NOT EXISTS poa_img_%s_d AFTER DELETE ON main.\"%s\"%s",
                   x->nombre, x->nombre, w);
        sb_insert(&sb, x, "OLD.", "OLD.", NULL, "");
        sb_append(&sb, "END;\n");
        free(cond_mismo);
        free(cond_otro);
        sb_free(&mismo);
        sb_free(&otro);
    }
    bool ok = db_exec(db, sb_str(&sb), err);
    sb_free(&sb);
    return ok;
}

bool lote_grabar(Db *db, int64_t accion, PoaErr *err)
{
    LoteTablas t;
    if (!lote_tablas_leer(db, &t, err))
        return false;
    bool ok = instalar(db, &t, err);
    lote_tablas_free(&t);
    if (!ok)
        return false;
    sqlite3_stmt *st = db_stmt(db, "INSERT INTO temp.poa_lote (accion) VALUES (?)", err);
    if (!st || !db_exec(db, "DELETE FROM temp.poa_lote", err))
        return false;
    st = db_stmt(db, "INSERT INTO temp.poa_lote (accion) VALUES (?)", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    return sql_step_done(db, st, err, "No se pudo empezar a registrar la acción");
}

/* Several images of one row in one action (inserted, then its orden
 * written) become one: the first antes and the last despues; a row
 * inserted and deleted again, or written with the same values, none. */
static const char SQL_JUNTAR[] =
    "UPDATE imagen SET despues = (SELECT j.despues FROM imagen j WHERE j.accion = imagen.accion "
    "  AND j.tabla = imagen.tabla AND j.clave = imagen.clave ORDER BY j.id DESC LIMIT 1) "
    "WHERE accion = ?1 AND EXISTS (SELECT 1 FROM imagen j WHERE j.accion = imagen.accion "
    "  AND j.tabla = imagen.tabla AND j.clave = imagen.clave AND j.id > imagen.id) "
    "  AND NOT EXISTS (SELECT 1 FROM imagen j WHERE j.accion = imagen.accion "
    "  AND j.tabla = imagen.tabla AND j.clave = imagen.clave AND j.id < imagen.id)";
static const char SQL_JUNTAR_BORRAR[] =
    "DELETE FROM imagen WHERE accion = ?1 AND (EXISTS (SELECT 1 FROM imagen j WHERE "
    "  j.accion = imagen.accion AND j.tabla = imagen.tabla AND j.clave = imagen.clave "
    "  AND j.id < imagen.id) OR antes IS despues)";

/* Stops recording without joining (the images of an undo or redo itself:
 * read once in the order written, then dropped or kept as they are). */
static bool parar(Db *db, PoaErr *err) { return db_exec(db, "DELETE FROM temp.poa_lote", err); }

/* Only an action that wrote some row twice needs joining (the index
 * answers this without reading the images). */
static const char SQL_DOBLES[] =
    "SELECT count(*) FROM (SELECT 1 FROM imagen WHERE accion = ?1 GROUP BY tabla, clave "
    "HAVING count(*) > 1 LIMIT 1)";

bool lote_parar(Db *db, int64_t accion, PoaErr *err)
{
    if (!parar(db, err))
        return false;
    sqlite3_stmt *st = db_stmt(db, SQL_DOBLES, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    int rc = sqlite3_step(st);
    bool dobles = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return sql_fail(db, err, "No se pudo cerrar el registro de la acción");
    if (!dobles) {
        /* still drop rows written with the values they had */
        st = db_stmt(db, "DELETE FROM imagen WHERE accion = ? AND antes IS despues", err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, accion);
        return sql_step_done(db, st, err, "No se pudo cerrar el registro de la acción");
    }
    st = db_stmt(db, SQL_JUNTAR, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    if (!sql_step_done(db, st, err, "No se pudo cerrar el registro de la acción"))
        return false;
    st = db_stmt(db, SQL_JUNTAR_BORRAR, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    return sql_step_done(db, st, err, "No se pudo cerrar el registro de la acción");
}

int64_t store_lote_begin(Db *db, int64_t plan_id, const char *descripcion, PoaErr *err)
{
    int64_t accion = db_new_accion(db);
    /* the summary row first: db_new_accion of a nested writer then gives
     * another number, and the action is in the log from the start */
    if (!store_log(db, accion, plan_id, CAMBIO_LOTE, "lote", accion, "lote", NULL, NULL,
                   descripcion, err) ||
        !lote_grabar(db, accion, err))
        return 0;
    return accion;
}

static const char SQL_LOTE_PLAN[] =
    "UPDATE cambio SET plan_id = (SELECT c.plan_id FROM cambio c WHERE c.accion = ?1 "
    "  AND c.plan_id > 0 LIMIT 1) WHERE accion = ?1 AND tipo = 'lote' AND coalesce(plan_id, 0) = 0";

bool store_lote_end(Db *db, int64_t accion, PoaErr *err)
{
    if (!lote_parar(db, accion, err))
        return false;
    /* a writer that learnt its plan during the action (an import into a
     * new plan) logged it on its own rows */
    sqlite3_stmt *st = db_stmt(db, SQL_LOTE_PLAN, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    return sql_step_done(db, st, err, "No se pudo cerrar el registro de la acción");
}

/* Drops this connection's image triggers. An action that records nothing
 * (an import creating its plan) would otherwise run every trigger's WHEN on
 * every row it inserts, with a statement journal per row: that was half of
 * an import's time (issue 14). lote_grabar installs them again when needed;
 * inside a transaction, a rollback brings them back. */
static bool quitar(Db *db, PoaErr *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db_sqlite(db), "SELECT name FROM temp.sqlite_master WHERE type = "
                           "'trigger' AND name LIKE 'poa_img_%'", -1, &st, NULL) != SQLITE_OK)
        return sql_fail(db, err, "No se pudo leer el esquema");
    StrBuf sb = {0};
    while (sqlite3_step(st) == SQLITE_ROW)
        sb_appendf(&sb, "DROP TRIGGER temp.\"%s\";\n", sql_col_text(st, 0));
    sqlite3_finalize(st);
    bool ok = !sb.len || db_exec(db, sb_str(&sb), err);
    sb_free(&sb);
    return ok;
}

bool store_lote_crea_plan(Db *db, int64_t accion, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, "UPDATE cambio SET antes = 'crea_plan' WHERE accion = ? "
                                   "AND tipo = 'lote'", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    return sql_step_done(db, st, err, "No se pudo registrar la acción") && parar(db, err) &&
           quitar(db, err);
}

bool store_plan_existe(Db *db, const char *institucion, int anio)
{
    PoaErr err = {{0}};
    sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM plan p JOIN institucion i ON i.id = "
                                   "p.institucion_id WHERE i.nombre = ? AND p.anio = ?", &err);
    if (!st)
        return false;
    sql_bind_text(st, 1, institucion);
    sqlite3_bind_int(st, 2, anio);
    bool si = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_reset(st);
    return si;
}

bool store_lote_es(Db *db, int64_t accion, bool *es, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM cambio WHERE accion = ? AND tipo = 'lote'",
                               err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    int rc = sqlite3_step(st);
    *es = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return sql_fail(db, err, "No se pudo leer el registro de cambios");
    return true;
}

/* ---- putting images back ---- */

/* The three statements of one table, prepared for one application. */
typedef struct {
    const LoteTabla *t;
    sqlite3_stmt *leer, *insertar, *actualizar, *borrar;
} Sentencias;

static void sentencias_free(Sentencias *s, int n)
{
    for (int i = 0; i < n; i++) {
        sqlite3_finalize(s[i].leer);
        sqlite3_finalize(s[i].insertar);
        sqlite3_finalize(s[i].actualizar);
        sqlite3_finalize(s[i].borrar);
    }
    free(s);
}

/* WHERE k1 = json_extract(?1, '$[0]') AND … */
static void sb_where_clave(StrBuf *sb, const LoteTabla *t)
{
    for (int k = 0; k < t->npk; k++)
        sb_appendf(sb, "%s\"%s\" = json_extract(?1, '$[%d]')", k ? " AND " : " WHERE ",
                   t->cols[t->pk[k]], k);
}

static bool preparar(Db *db, const LoteTabla *t, Sentencias *s, PoaErr *err)
{
    s->t = t;
    StrBuf a = {0}, b = {0}, c = {0}, d = {0};
    sb_append(&a, "SELECT ");
    sb_imagen(&a, t, "");
    sb_appendf(&a, " FROM main.\"%s\"", t->nombre);
    sb_where_clave(&a, t);
    sb_appendf(&b, "INSERT INTO main.\"%s\" (", t->nombre);
    for (int i = 0; i < t->ncols; i++)
        sb_appendf(&b, "%s\"%s\"", i ? ", " : "", t->cols[i]);
    sb_append(&b, ") VALUES (");
    for (int i = 0; i < t->ncols; i++)
        sb_appendf(&b, "%sjson_extract(?2, '$.\"%s\"')", i ? ", " : "", t->cols[i]);
    sb_append(&b, ")");
    sb_appendf(&c, "UPDATE main.\"%s\" SET ", t->nombre);
    for (int i = 0; i < t->ncols; i++)
        sb_appendf(&c, "%s\"%s\" = json_extract(?2, '$.\"%s\"')", i ? ", " : "", t->cols[i],
                   t->cols[i]);
    sb_where_clave(&c, t);
    sb_appendf(&d, "DELETE FROM main.\"%s\"", t->nombre);
    sb_where_clave(&d, t);
    sqlite3 *h = db_sqlite(db);
    bool ok = sqlite3_prepare_v2(h, sb_str(&a), -1, &s->leer, NULL) == SQLITE_OK &&
              sqlite3_prepare_v2(h, sb_str(&b), -1, &s->insertar, NULL) == SQLITE_OK &&
              sqlite3_prepare_v2(h, sb_str(&c), -1, &s->actualizar, NULL) == SQLITE_OK &&
              sqlite3_prepare_v2(h, sb_str(&d), -1, &s->borrar, NULL) == SQLITE_OK;
    sb_free(&a);
    sb_free(&b);
    sb_free(&c);
    sb_free(&d);
    return ok || sql_fail(db, err, "No se pudo preparar la vuelta atrás");
}

/* The row as the file holds it now (caller frees), NULL when absent. */
static char *actual(Sentencias *s, const char *clave)
{
    sqlite3_bind_text(s->leer, 1, clave, -1, SQLITE_STATIC);
    char *v = NULL;
    if (sqlite3_step(s->leer) == SQLITE_ROW)
        v = xstrdup(sql_col_text(s->leer, 0));
    sqlite3_reset(s->leer);
    return v;
}

static bool igual(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static const char SQL_IMAGENES_ASC[] =
    "SELECT tabla, clave, antes, despues FROM imagen WHERE accion = ? ORDER BY id";
static const char SQL_IMAGENES_DESC[] =
    "SELECT tabla, clave, antes, despues FROM imagen WHERE accion = ? ORDER BY id DESC";

/* Rows the application touched that the action did not: a cascade took
 * them (a month added later to an activity being removed). */
static const char SQL_AJENA[] =
    "SELECT r.tabla, r.clave FROM imagen r WHERE r.accion = ?1 AND NOT EXISTS (SELECT 1 "
    "  FROM imagen a WHERE a.accion = ?2 AND a.tabla = r.tabla AND a.clave = r.clave) LIMIT 1";

bool lote_aplicar(Db *db, int64_t accion, bool hacia_antes, int64_t registro,
                  const char *verbo, const char *desc, PoaErr *err)
{
    LoteTablas tablas;
    if (!lote_tablas_leer(db, &tablas, err))
        return false;
    Sentencias *s = xcalloc((size_t)tablas.n, sizeof *s);
    bool ok = true;
    for (int i = 0; ok && i < tablas.n; i++)
        ok = preparar(db, &tablas.v[i], &s[i], err);
    /* the parents of restored rows may come after them: checked at commit */
    ok = ok && db_exec(db, "PRAGMA defer_foreign_keys = ON", err);
    sqlite3_stmt *st = NULL;
    if (ok)
        ok = sqlite3_prepare_v2(db_sqlite(db), hacia_antes ? SQL_IMAGENES_DESC : SQL_IMAGENES_ASC,
                                -1, &st, NULL) == SQLITE_OK ||
             sql_fail(db, err, "No se pudo leer el registro de cambios");
    /* first pass: every row must be what the action left (undo) or what
     * it found (redo); nothing is written before all are checked */
    if (ok) {
        sqlite3_bind_int64(st, 1, accion);
        int rc;
        while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *tabla = sql_col_text(st, 0);
            const char *clave = sql_col_text(st, 1);
            const char *espera = (const char *)sqlite3_column_text(st, hacia_antes ? 3 : 2);
            int ti = -1;
            for (int i = 0; i < tablas.n && ti < 0; i++)
                if (strcmp(tablas.v[i].nombre, tabla) == 0)
                    ti = i;
            if (ti < 0) {
                err_set(err, "No se puede %s «%s»: la tabla «%s» ya no existe", verbo, desc,
                        tabla);
                ok = false;
                break;
            }
            char *hay = actual(&s[ti], clave);
            if (!igual(hay, espera)) {
                lote_conflicto(db, accion, tabla, clave, espera ? espera : hay, verbo, desc, err);
                ok = false;
            }
            free(hay);
        }
        if (ok && rc != SQLITE_DONE)
            ok = sql_fail(db, err, "No se pudo leer el registro de cambios");
        sqlite3_reset(st);
    }
    ok = ok && lote_grabar(db, registro, err);
    if (ok) {
        int rc;
        while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *tabla = sql_col_text(st, 0);
            const char *clave = sql_col_text(st, 1);
            const char *pone = (const char *)sqlite3_column_text(st, hacia_antes ? 2 : 3);
            const char *quita = (const char *)sqlite3_column_text(st, hacia_antes ? 3 : 2);
            Sentencias *x = NULL;
            for (int i = 0; i < tablas.n && !x; i++)
                if (strcmp(tablas.v[i].nombre, tabla) == 0)
                    x = &s[i];
            sqlite3_stmt *w = !pone ? x->borrar : !quita ? x->insertar : x->actualizar;
            sqlite3_bind_text(w, 1, clave, -1, SQLITE_STATIC);
            if (pone)
                sqlite3_bind_text(w, 2, pone, -1, SQLITE_STATIC);
            ok = sql_step_done(db, w, err, "No se pudo volver a escribir la fila");
            if (!ok)
                err_prefix(err, "No se pudo %s «%s» (%s %s)", verbo, desc, tabla, clave);
        }
        if (ok && rc != SQLITE_DONE)
            ok = sql_fail(db, err, "No se pudo leer el registro de cambios");
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sentencias_free(s, tablas.n);
    lote_tablas_free(&tablas);
    if (ok)
        ok = parar(db, err);
    if (ok) {
        sqlite3_stmt *aj = db_stmt(db, SQL_AJENA, err);
        if (!aj)
            return false;
        sqlite3_bind_int64(aj, 1, registro);
        sqlite3_bind_int64(aj, 2, accion);
        if (sqlite3_step(aj) == SQLITE_ROW) {
            char *tabla = xstrdup(sql_col_text(aj, 0));
            char *clave = xstrdup(sql_col_text(aj, 1));
            sqlite3_reset(aj);
            lote_ajena(db, accion, tabla, clave, verbo, desc, err);
            free(tabla);
            free(clave);
            return false;
        }
        sqlite3_reset(aj);
    }
    return ok;
}

bool lote_olvidar(Db *db, int64_t registro, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, "DELETE FROM imagen WHERE accion = ?", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, registro);
    return sql_step_done(db, st, err, "No se pudo cerrar el registro de la acción");
}
