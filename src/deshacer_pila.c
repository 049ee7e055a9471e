/* deshacer_pila.c — the undo and redo chains: which action comes next, the
 * refused ones passed over, and the bulk actions put back from their images. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deshacer_int.h"
#include "store_lote_int.h"

void deshacer_saltos_free(DeshacerSaltos *s)
{
    if (!s)
        return;
    free(s->v);
    memset(s, 0, sizeof *s);
}

static void saltos_add(DeshacerSaltos *s, int64_t accion)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->v = xrealloc(s->v, sizeof *s->v * (size_t)s->cap);
    }
    s->v[s->n++] = accion;
}

/* The summary row's descripcion of a bulk action (caller frees). */
static char *lote_descripcion(Db *db, int64_t accion)
{
    PoaErr e = {{0}};
    sqlite3_stmt *st = db_stmt(db, "SELECT descripcion FROM cambio WHERE accion = ? "
                                   "AND tipo = 'lote' ORDER BY id LIMIT 1", &e);
    char *d = NULL;
    if (st) {
        sqlite3_bind_int64(st, 1, accion);
        if (sqlite3_step(st) == SQLITE_ROW)
            d = xstrdup(sql_col_text(st, 0));
        sqlite3_reset(st);
    }
    return d ? d : xstrdup("acción en bloque");
}

/* Bulk action accion created plan plan_id (an import into a new plan):
 * said so by the writer (store_lote_crea_plan) or seen in its images. */
static bool crea_plan(Db *db, int64_t accion, int64_t plan_id)
{
    PoaErr e = {{0}};
    sqlite3_stmt *st = db_stmt(db, "SELECT (SELECT count(*) FROM cambio WHERE accion = ?1 AND "
                                   "tipo = 'lote' AND antes = 'crea_plan') + (SELECT count(*) "
                                   "FROM imagen WHERE accion = ?1 AND tabla = 'plan' AND antes "
                                   "IS NULL AND clave = json_array(?2))", &e);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    sqlite3_bind_int64(st, 2, plan_id);
    bool si = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_reset(st);
    return si;
}

/* Undoes (or redoes) bulk action accion from its images; inside the open
 * transaction, which it commits or rolls back. */
static bool lote_deshacer(Db *db, Plan *p, int64_t accion, bool rehacer, DeshacerInfo *out,
                          PoaErr *err)
{
    const char *verbo = rehacer ? "rehacer" : "deshacer";
    char *desc = lote_descripcion(db, accion);
    if (!rehacer && crea_plan(db, accion, p->id)) {
        /* the interface would be left on a plan that no longer exists */
        err_set(err, "La última acción (%s) no se puede deshacer: creó el plan que está abierto "
                "(%s %d); para volver atrás, restaure la copia de respaldo anterior", desc,
                p->institucion, p->anio);
        db_rollback(db);
        free(desc);
        return false;
    }
    int64_t nueva = db_new_accion(db);
    StrBuf cuenta = {0};
    bool ok = lote_aplicar(db, accion, !rehacer, nueva, verbo, desc, err) &&
              lote_olvidar(db, nueva, err) && lote_cuentas(db, accion, !rehacer, &cuenta, err);
    char *todo = *sb_str(&cuenta) ? xasprintf("%s — %s", desc, sb_str(&cuenta)) : xstrdup(desc);
    if (ok) {
        char *d = xasprintf("%s%s", rehacer ? STORE_REHACER : STORE_DESHACER, todo);
        ok = store_log(db, nueva, p->id, rehacer ? CAMBIO_REHACER : CAMBIO_DESHACER, "lote",
                       accion, "lote", NULL, NULL, d, err) &&
             store_log_ref(db, nueva, accion, err) &&
             store_set_deshecho(db, accion, !rehacer, err);
        free(d);
    }
    ok = ok && db_commit(db, err);
    if (!ok)
        db_rollback(db);
    else if (out) {
        snprintf(out->descripcion, sizeof out->descripcion, "%s", todo);
        out->recargar = out->estructura = true;
    }
    free(todo);
    free(desc);
    sb_free(&cuenta);
    return ok;
}

/* The redo of an addition: the undo removed the rows through the model and
 * kept their images under its own action (deshacer); they go back as they
 * were, ids included. */
static bool alta_rehacer(Db *db, Plan *p, int64_t deshacer, const CambioFila *f, int n,
                         DeshacerInfo *out, PoaErr *err)
{
    const char *desc = f[0].descripcion;
    int64_t nueva = db_new_accion(db);
    bool ok = lote_aplicar(db, deshacer, true, nueva, "rehacer", desc, err) &&
              lote_olvidar(db, nueva, err);
    for (int i = 0; ok && i < n; i++) {
        char *d = xasprintf("%s%s", STORE_REHACER, f[i].descripcion);
        ok = store_log(db, nueva, p->id, CAMBIO_REHACER, f[i].tabla, f[i].fila, f[i].campo,
                       f[i].antes, f[i].despues, d, err);
        free(d);
    }
    ok = ok && store_log_ref(db, nueva, f[0].accion, err) &&
         store_set_deshecho(db, f[0].accion, false, err) && db_commit(db, err);
    if (!ok)
        db_rollback(db);
    else if (out) {
        snprintf(out->descripcion, sizeof out->descripcion, "%s", desc);
        out->recargar = out->estructura = true;
    }
    return ok;
}

bool deshacer_ultimo(Db *db, Plan *p, DeshacerInfo *out, PoaErr *err)
{
    return deshacer_siguiente(db, p, NULL, out, err);
}

bool deshacer_siguiente(Db *db, Plan *p, DeshacerSaltos *saltos, DeshacerInfo *out,
                        PoaErr *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!db_begin(db, err))
        return false;
    int64_t accion = 0;
    bool es = false;
    if (!store_accion_a_deshacer(db, p->id, saltos ? saltos->v : NULL, saltos ? saltos->n : 0,
                                 &accion, err) ||
        (accion && !store_lote_es(db, accion, &es, err))) {
        db_rollback(db);
        return false;
    }
    if (!accion) {
        db_rollback(db);
        if (saltos && saltos->n)
            err_set(err, "No hay nada más que deshacer (las acciones que quedan se rechazaron "
                    "antes)");
        else
            err_set(err, "No hay nada que deshacer");
        return false;
    }
    bool ok;
    if (es) {
        ok = lote_deshacer(db, p, accion, false, out, err);
    } else {
        CambioFila *f = NULL;
        int n = 0;
        ok = store_load_accion(db, accion, &f, &n, err);
        if (ok)
            ok = deshacer_filas(db, p, f, n, false, out, err);
        else
            db_rollback(db);
        store_cambios_free(f, n);
    }
    /* the rule: a refused action is passed over by the next undo, which
     * goes on to the one before it (refused in turn if a later action
     * still applied changed its rows) */
    if (!ok && saltos) {
        saltos_add(saltos, accion);
        size_t len = strlen(err->msg);
        snprintf(err->msg + len, sizeof err->msg - len, "; z otra vez pasa a la acción anterior");
    }
    return ok;
}

bool rehacer_ultimo(Db *db, Plan *p, DeshacerInfo *out, PoaErr *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!db_begin(db, err))
        return false;
    int64_t accion = 0, deshacer = 0;
    bool es = false;
    if (!store_accion_a_rehacer(db, p->id, &accion, &deshacer, err) ||
        (accion && !store_lote_es(db, accion, &es, err))) {
        db_rollback(db);
        return false;
    }
    if (!accion) {
        db_rollback(db);
        err_set(err, "No hay nada que rehacer");
        return false;
    }
    if (es)
        return lote_deshacer(db, p, accion, true, out, err);
    CambioFila *f = NULL;
    int n = 0;
    if (!store_load_accion(db, accion, &f, &n, err) || n == 0) {
        db_rollback(db);
        store_cambios_free(f, n);
        if (n == 0)
            err_set(err, "No hay nada que rehacer");
        return false;
    }
    bool alta = false;
    for (int i = 0; i < n; i++)
        alta = alta || f[i].tipo == CAMBIO_ALTA;
    bool ok = alta ? alta_rehacer(db, p, deshacer, f, n, out, err)
                   : deshacer_filas(db, p, f, n, true, out, err);
    store_cambios_free(f, n);
    return ok;
}
