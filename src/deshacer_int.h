/* deshacer_int.h — private to deshacer*.c: the undo of a small action's
 * rows through the model (deshacer.c), and what both it and the chains
 * (deshacer_pila.c) ask of the image recording (deshacer_imagen.c). */
#ifndef POA_DESHACER_INT_H
#define POA_DESHACER_INT_H

#include "deshacer.h"
#include "store.h"

/* Undoes (rehacer: redoes) the small action whose rows are f, n of them,
 * inside the caller's open transaction, through the model and the store_*
 * saves; logs it, commits (or rolls back) and then updates the model. f's
 * antes/despues are swapped for a redo. */
bool deshacer_filas(Db *db, Plan *p, CambioFila *f, int n, bool rehacer, DeshacerInfo *out,
                    PoaErr *err);
/* Starts (empezar) or stops recording row images under accion. */
bool deshacer_grabar(Db *db, int64_t accion, bool empezar, PoaErr *err);
/* The refusal for row r, whose element the plan no longer holds as the
 * action left it (porque): names the later action that changed it when
 * the log has one. */
void deshacer_posterior(Db *db, const CambioFila *r, const char *verbo, const char *desc,
                        const char *porque, PoaErr *err);

#endif
