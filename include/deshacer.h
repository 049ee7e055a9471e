/* deshacer.h — undo of the analyst's last action, read back from the change
 * log (table cambio), with no curses. Owns which actions can be reversed.
 *
 * Reversible: every field of cmd_set_campo (texts and numbers), the unit of
 * a meta (cmd_set_unidad), month cells and patterns (cmd_set_mes, fill,
 * copy/paste, several actividades in one action), renumbering, moves (K/J
 * and m), adding an element (undone by removing it while it is still
 * empty) and the seguimiento edits (real, observaciones, evidencia).
 * Refused: deleting (what was deleted is not in the log), importing,
 * unifying, closing or reopening a corte. */
#ifndef POA_DESHACER_H
#define POA_DESHACER_H

#include <stdbool.h>

#include "db.h"
#include "model.h"
#include "util.h"

/* What an undo changed, so an interface can refresh only that. */
typedef struct {
    char descripcion[512];  /* the undone action: "Editar actividad «1.1 …»" */
    IntVec nodos;           /* nodes whose values or place changed, and the
                               parents they left or joined (masks, figures) */
    bool estructura;        /* the tree changed: a move, a unit, an element gone */
    int corte;              /* seguimiento values of this corte changed (1..4), else 0 */
} DeshacerInfo;

void deshacer_info_free(DeshacerInfo *d);   /* accepts NULL; frees the contents */

/* Undoes the newest action of plan p that is neither undone nor an undo
 * itself, in ONE transaction: applies the logged "antes" values through the
 * same store_* saves as the edits, marks the action's rows deshecho = 1 and
 * logs the undo as a new action ("Deshacer: …"). The model changes only
 * after the commit. Refused (false, err in Spanish, nothing changed) when
 * there is nothing to undo, when the action cannot be reversed, when it
 * would change a closed corte, or when the plan no longer holds what the
 * action left (another session changed it). out may be NULL; when given it
 * is filled on success and must be freed with deshacer_info_free. */
bool deshacer_ultimo(Db *db, Plan *p, DeshacerInfo *out, PoaErr *err);

#endif
