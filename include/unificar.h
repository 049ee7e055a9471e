/* unificar.h — merging duplicate ejes and objetivos (the same eje spelled
 * "Financiero", "Finanzas", "Financiera"), and the spelling similarity that
 * finds them. A merge moves the children of one node under the other and
 * merges recursively where the target already has a child with the same key:
 *   objetivo: codigo + texto (under the target eje)
 *   meta:     unidad + texto
 *   entregable: codigo + texto
 * Actividades are always moved, never merged. One transaction, logged; on
 * any failure the file and the model are left as they were. No curses. */
#ifndef POA_UNIFICAR_H
#define POA_UNIFICAR_H

#include <stdbool.h>

#include "db.h"
#include "model.h"

typedef struct {
    int movidos;      /* nodes moved to a new parent */
    int unificados;   /* nodes merged into another and deleted (origenes included) */
} UnificarStats;

/* Merges the nodes origenes[0..norig) into destino (same kind, not the
 * root, not an actividad), all in one transaction. Change log: for each moved node, tabla = its table, campo =
 * "<padre>_id" (eje_id, objetivo_id, …), antes/despues = parent ids; for each
 * merged node, campo "*" with antes = its text and despues = the target's. */
bool unificar_nodos(Db *db, Plan *p, const int *origenes, int norig, int destino,
                    UnificarStats *st, PoaErr *err);

/* Live nodes of kind (NODE_EJE or NODE_OBJETIVO) called nombre: exact text
 * (for objetivos also the code, or "código texto"); when none matches
 * exactly, the same name after folding accents, case and punctuation.
 * Appends node indices to out; returns how many. */
int unificar_buscar(const Plan *p, NodeKind kind, const char *nombre, IntVec *out);

/* True when a and b look like one name spelled two ways: same after folding
 * accents/case/punctuation; or, word by word, the same stem (plural and
 * gender endings: "Clientes"/"Cliente", "Financiero"/"Financiera"), a
 * shared prefix of 5+ letters ("Financiero"/"Finanzas") or one or two typos;
 * or, for long texts, a small edit distance overall. */
bool unificar_nombres_similares(const char *a, const char *b);

typedef struct {
    int origen, destino;   /* representative nodes (the names are their texts) */
} UnificarSugerencia;

/* Groups the ejes (or objetivos) whose names differ only in spelling and
 * proposes merging each into the one with most actividades. Names are
 * hashed by their folded form; only distinct names are compared in pairs.
 * Returns the count; *out is malloc'ed (caller frees). */
int unificar_sugerencias(const Plan *p, NodeKind kind, UnificarSugerencia **out);

/* The name a suggestion or a command uses for node: an eje's name, an
 * objetivo's text (its code when it has no text). */
const char *unificar_nombre(const Plan *p, int node);

#endif
