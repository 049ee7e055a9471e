/* corte_congelado.h — what a closed corte freezes, in one place: every writer
 * (plan edits in cmd*.c, seguimiento.c, an import's merge, undo) asks here
 * before changing anything, and the refusal's message is written here.
 *
 * A closed corte N freezes:
 *  1. its seguimiento: the real, observaciones and evidencia at N (and
 *     what an import would write there);
 *  2. its numbers: any edit of an activity (targets, months, tipo, sentido)
 *     that would change the programado acumulado, % or state N computes for
 *     it, and the peso of an activity counted in N (the weighted roll-ups);
 *  3. its groups: an activity counted in N cannot be carried to another
 *     meta, unit, objetivo or eje (moves, the unit of its meta);
 *  4. its activities: one counted in N cannot be deleted.
 * Texts (códigos, textos, responsables…) stay editable. An activity
 * "counts" in N when it is due there or reported there. */
#ifndef POA_CORTE_CONGELADO_H
#define POA_CORTE_CONGELADO_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "util.h"

/* The closed corte an activity counts in (the first), or 0. */
int corte_congelado_cuenta(const Plan *p, const Actividad *a);

/* Rule 1. When corte (1..4) is closed, writes "El corte 3 está cerrado desde
 * 2024-10-05 por ana; reábralo para editar" into buf and returns it; NULL
 * when it is open (or out of range). */
const char *corte_congelado_motivo(const Plan *p, int corte, char *buf, size_t n);
/* Rule 1 as a refusal: true (err set) when corte is closed. */
bool corte_congelado_seguimiento(const Plan *p, int corte, PoaErr *err);
/* Rule 1 for an import: true (err naming the activity) when corte (1..4)
 * is closed in the file's plan ex and the import would write the
 * seguimiento of activity node n there. */
bool corte_congelado_importar(const Plan *ex, int corte, const Node *n, PoaErr *err);

/* Rule 2: true (err saying why; que names what changes, "el cronograma")
 * when going from before to after changes what a closed corte computes. */
bool corte_congelado_cifras(const Plan *p, const Actividad *before, const Actividad *after,
                            const char *que, PoaErr *err);

/* Rule 3: true (err naming the corte and the activity) when node or an
 * activity under it counts in a closed corte; que ("moverla a otra meta")
 * is the edit that would carry its figures elsewhere. */
bool corte_congelado_estructura(const Plan *p, int node, const char *que, PoaErr *err);

/* Rule 4: true (err naming the corte and the activity) when node or an
 * activity under it counts in a closed corte. */
bool corte_congelado_borrado(const Plan *p, int node, PoaErr *err);

#endif
