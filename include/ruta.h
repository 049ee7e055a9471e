/* ruta.h — a node named by its path for lists of places (the move list):
 * «eje › objetivo › unidad · meta › entregable», fitted to a width. */
#ifndef POA_RUTA_H
#define POA_RUTA_H

#include <stdbool.h>

#include "model.h"

/* The path from the eje down to node, levels the plan does not use left
 * out; a meta reads «unidad · texto». Fitted to cols columns: the levels
 * above node's parent are shortened first (the widest first, none below 12
 * columns), so the end that tells rows apart (the unit, the meta, the
 * node's own text) stays; then the parent, then node itself; at last the
 * middle of the whole line gives way. utf8 false: « > » between levels.
 * Caller frees. */
char *ruta_node_texto(const Plan *p, int node, int cols, bool utf8);

#endif
