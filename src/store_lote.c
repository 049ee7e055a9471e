/* store_lote.c — a bulk action as one change-log action. Minimal version
 * of the rama branch: it writes only the summary row (tipo 'lote'); the
 * deshacer branch's version, which also keeps the row images undo needs,
 * replaces this file at the merge. */
#include <stdio.h>

#include "store_sql.h"

int64_t store_lote_begin(Db *db, int64_t plan_id, const char *descripcion, PoaErr *err)
{
    int64_t accion = db_new_accion(db);
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)plan_id);
    if (!store_log(db, accion, plan_id, CAMBIO_LOTE, "plan", plan_id, "lote", NULL, id,
                   descripcion, err))
        return 0;
    return accion;
}

bool store_lote_end(Db *db, int64_t accion, PoaErr *err)
{
    (void)db;
    (void)err;
    return accion > 0;
}
