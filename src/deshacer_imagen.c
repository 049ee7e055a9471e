/* deshacer_imagen.c — what undo (deshacer.c) and the undo/redo chains
 * (deshacer_pila.c) both ask of the row images: start or stop recording,
 * and the refusal naming the later action that changed a row. */
#include <stdio.h>
#include <string.h>

#include "deshacer_int.h"
#include "store_lote_int.h"

bool deshacer_grabar(Db *db, int64_t accion, bool empezar, PoaErr *err)
{
    return empezar ? lote_grabar(db, accion, err) : lote_parar(db, accion, err);
}

void deshacer_posterior(Db *db, const CambioFila *r, const char *verbo, const char *desc,
                        const char *porque, PoaErr *err)
{
    char luego[400] = "";
    if (r) {
        char clave[32];
        snprintf(clave, sizeof clave, "[%lld]", (long long)r->fila);
        /* an actividad's seguimiento is logged on it, its deletion on the row */
        lote_posterior(db, r->accion, r->tabla, clave, luego, sizeof luego);
        if (!*luego && strcmp(r->tabla, "seguimiento") == 0)
            lote_posterior(db, r->accion, "actividad", clave, luego, sizeof luego);
    }
    if (*luego)
        err_set(err, "No se puede %s «%s»: %s; se cambió después (%s)", verbo, desc, porque,
                luego);
    else
        err_set(err, "No se puede %s «%s»: %s (¿lo cambió otra sesión? vuelva a abrir el "
                "archivo)", verbo, desc, porque);
}
