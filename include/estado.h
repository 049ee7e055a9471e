/* estado.h — what the interface remembers per plan file and user between
 * sessions (corte, filters, selection, folds, screen), in a small text file
 * under $XDG_STATE_HOME/poa/ (~/.local/state/poa/), outside the plan's data.
 * No curses: the interface fills an Estado at exit and reads one at start.
 * A missing, damaged or foreign file is ignored: it never blocks opening. */
#ifndef POA_ESTADO_H
#define POA_ESTADO_H

#include <stdbool.h>

#include "model.h"

typedef struct {
    char vista[16];         /* "plan", "formulario", "tabla", "tablero"; "" unknown */
    int corte;              /* 1..4; 0 unknown */
    int unidad;             /* the tree's unit filter: unit index, -1 all */
    char *responsable;      /* the tree's responsable filter, NULL all */
    unsigned filtro_estado; /* the tree's seguimiento filter (ArbolEstado bits), 0 none */
    int nodo;               /* the tree's selected node index, -1 none */
    int foco;               /* the node the screen in vista showed, -1 none */
    bool pliegues;          /* abiertos says what is expanded (else the default) */
    IntVec abiertos;        /* expanded node indices */
} Estado;

Estado *estado_new(void);          /* nothing known: -1 / 0 / "" everywhere */
void estado_free(Estado *e);       /* accepts NULL */

/* The state file of plan p in the file at plan_path: one per real path and
 * plan id, "$XDG_STATE_HOME/poa/<name>-<hash>.estado" (XDG_STATE_HOME unset
 * or relative: ~/.local/state). NULL when neither it nor HOME says where,
 * or plan_path has no real path. Caller frees. */
char *estado_ruta(const char *plan_path, int64_t plan_id);

/* Reads ruta into e for plan p of plan_path. false (e as estado_new left it)
 * when the file is missing, unreadable, damaged or of another file or plan;
 * a node or unit that no longer exists is left out, the rest is kept. */
bool estado_load(const char *ruta, const char *plan_path, const Plan *p, Estado *e);

/* Writes e atomically (a temporary file renamed over ruta), making the
 * folder (0700) when missing. */
bool estado_save(const char *ruta, const char *plan_path, const Plan *p, const Estado *e,
                 PoaErr *err);

#endif
