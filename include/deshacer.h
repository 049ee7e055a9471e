/* deshacer.h — undo of the analyst's last action, read back from the change
 * log (table cambio), with no curses. Owns which actions can be reversed.
 *
 * Small actions are undone through the model (deshacer.c): every field of
 * cmd_set_campo, the unit of a meta, month cells and patterns, renumbering,
 * moves, adding an element (while it is still empty) and the seguimiento
 * edits. Bulk actions (deleting, importing, unifying, closing or reopening
 * a corte, and any writer that calls store_lote_begin) are undone through
 * their row images (deshacer_pila.c, store_lote.c); the plan is then read
 * again from the file (DeshacerInfo.recargar). Everything can be redone
 * (rehacer_ultimo) until a new action comes. Only actions logged by a poa
 * older than schema 5 are refused for what they did not keep. */
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
    bool recargar;          /* a bulk action: the model is stale, read the plan again */
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

/* The actions an undo refused in this session: the next undo passes over
 * them to the one before (a refusal never blocks the earlier steps). */
typedef struct {
    int64_t *v;
    int n, cap;
} DeshacerSaltos;
void deshacer_saltos_free(DeshacerSaltos *s);   /* accepts NULL; frees the contents */
/* deshacer_ultimo passing over the actions in saltos (NULL = none); a
 * refused action is added to saltos and the message says the next undo
 * goes on to the one before. */
bool deshacer_siguiente(Db *db, Plan *p, DeshacerSaltos *saltos, DeshacerInfo *out,
                        PoaErr *err);
/* Re-applies the action the newest undo reverted (Ctrl-R), in one
 * transaction, logged as a redo ("Rehacer: …", tipo 'rehacer'). Refused
 * when there is none, when a new action came after that undo (it clears
 * the redo chain), or when the rows are no longer as the undo left them. */
bool rehacer_ultimo(Db *db, Plan *p, DeshacerInfo *out, PoaErr *err);

#endif
