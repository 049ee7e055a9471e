/* arbol_filas.h — what the tree panel shows, without curses: the list of visible
 * rows computed from the plan, the expand state and the filters; the month
 * masks of summary rows, cached per node; search and the responsables list.
 * Only visible rows are ever drawn (ncurses pads stop at 32,767 lines). */
#ifndef POA_ARBOL_FILAS_H
#define POA_ARBOL_FILAS_H

#include <stdbool.h>

#include "calc.h"
#include "model.h"

/* The seguimiento states the tree can be filtered by, at a corte, as
 * calc_actividad judges them (the board's counts): rojo, amarillo and verde
 * are the semáforo (rojo includes what is due and unreported), sin reporte
 * and no vencida the estado. Bits: several may be asked for at once. */
typedef enum {
    ARBOL_ESTADO_ROJO = 1u << 0,
    ARBOL_ESTADO_AMARILLO = 1u << 1,
    ARBOL_ESTADO_VERDE = 1u << 2,
    ARBOL_ESTADO_SIN_REPORTE = 1u << 3,
    ARBOL_ESTADO_NO_VENCIDA = 1u << 4,
} ArbolEstado;
#define ARBOL_ESTADO_N 5
#define ARBOL_ESTADO_TODOS ((1u << ARBOL_ESTADO_N) - 1)
/* The bits in the order pickers list them. */
extern const unsigned ARBOL_ESTADOS[ARBOL_ESTADO_N];

typedef struct {
    int node;
    int depth;          /* 0 for the top level shown (children of the plan) */
    unsigned last;      /* bit d: the row's ancestor at depth d (or the row itself,
                           bit depth) is the last of its siblings: no line below */
} ArbolFila;

typedef struct {
    Plan *plan;
    int cap;                    /* per-node arrays hold this many nodes */
    int known;                  /* nodes the arrays have seen (sync marks newer ones) */
    unsigned char *expanded;
    unsigned short *mask;       /* bit m: the node or something under it is planned in month m */
    unsigned char *shown;       /* filter result per node; NULL when no filter */
    int filtro_unidad;          /* -1 = all */
    char *filtro_resp;          /* NULL = all */
    unsigned filtro_estado;     /* ArbolEstado bits; 0 = all */
    int filtro_corte;           /* the corte filtro_estado judges at (1..4) */
    Umbrales umbrales;          /* ...with these thresholds */
    ArbolFila *rows;
    int nrows, caprows;
    IntVec scratch[8];          /* one per depth, reused by every rebuild */
} ArbolFilas;

/* Plans of more nodes open folded down to the ejes. */
#define ARBOL_FILAS_EXPAND_ALL_LIMIT 20000

/* Everything expanded when the plan is small, down to the objetivos otherwise. */
ArbolFilas *arbol_filas_new(Plan *p);
void arbol_filas_free(ArbolFilas *r);   /* accepts NULL */
/* After nodes were added to the plan: grows the per-node arrays (new nodes
 * start expanded, with an empty mask). */
void arbol_filas_sync(ArbolFilas *r);

/* The children of node as shown: implicit levels replaced by their children. */
void arbol_filas_kids(const Plan *p, int node, IntVec *out);
int arbol_filas_nkids(const Plan *p, int node);
/* True for an objetivo whose eje is implicit while the plan has named ejes:
 * its row sits among the ejes and the tree says «(sin eje)» in front. */
bool arbol_filas_sin_eje(const Plan *p, int node);

/* Recomputes the visible rows: work proportional to the rows shown plus
 * the children of expanded nodes, never the whole plan (unless all of it
 * is expanded). */
void arbol_filas_rebuild(ArbolFilas *r);
/* Rebuilds and returns the row to select: keep_node's row when it is still
 * shown, else the old row index sel, clamped to the list (0 when empty). */
int arbol_filas_rebuild_keep(ArbolFilas *r, int sel, int keep_node);
int arbol_filas_find(const ArbolFilas *r, int node);    /* row index or -1 */
void arbol_filas_expand_all(ArbolFilas *r, bool on);
/* Expands the shown ancestors of node so that it becomes visible. */
void arbol_filas_reveal(ArbolFilas *r, int node);
/* Reveals node, rebuilds the rows and sets *sel to its row (left as it was
 * when a filter hides node): what every "go to this node" of the tree does. */
void arbol_filas_select(ArbolFilas *r, int node, int *sel);

/* Month masks: all nodes (once, at load), or node and its ancestors after
 * an edit (each ancestor ORs its children: O(depth × children)). */
void arbol_filas_mask_all(ArbolFilas *r);
void arbol_filas_mask_update(ArbolFilas *r, int node);
/* The mask of one actividad from its cells or quarterly targets. */
unsigned short arbol_filas_mask_act(const Actividad *a);

/* Filters (one pass over the plan when they change): unidad -1 = all,
 * resp NULL = all. */
void arbol_filas_set_filter(ArbolFilas *r, int unidad, const char *resp);
bool arbol_filas_is_shown(const ArbolFilas *r, int node);
/* The seguimiento filter (0 = off) at corte with thresholds u, on top of the
 * unit and responsable filters: actividades whose state at the corte is one
 * of estados, and what holds them. Call again after the corte or the
 * seguimiento changed (one pass over the plan). */
void arbol_filas_set_estado(ArbolFilas *r, unsigned estados, int corte, const Umbrales *u);
/* The ArbolEstado bits of an actividad at corte (its semáforo, and sin
 * reporte / no vencida from its estado). */
unsigned arbol_filas_estado_de(const Actividad *a, int corte, const Umbrales *u);
/* Whether actividad node is in one of estados at the filter's corte. */
bool arbol_filas_estado_match(const ArbolFilas *r, int node, unsigned estados);
/* "rojo", "amarillo", "verde", "sin reporte", "no vencida" for one bit;
 * "" for anything else. */
const char *arbol_filas_estado_nombre(unsigned bit);
/* Any filter on (unit, responsable or seguimiento). */
bool arbol_filas_filtrado(const ArbolFilas *r);

/* Next (dir +1) or previous (-1) node after from, in tree order and
 * wrapping around, whose code, text, indicador or unit contains needle
 * without regard to accents or case; -1 when none. Respects the filters. */
int arbol_filas_search(const ArbolFilas *r, const char *needle, int from, int dir);
/* The same; *wrapped says whether it went past the end (dir +1) or the
 * start (dir -1) of the tree to get there. */
int arbol_filas_search_wrap(const ArbolFilas *r, const char *needle, int from, int dir,
                            bool *wrapped);
/* How many nodes arbol_filas_search can reach for needle, and *pos the
 * 1-based place of node among them in tree order (0 when it is not one). */
int arbol_filas_search_count(const ArbolFilas *r, const char *needle, int node, int *pos);

/* Responsables split on "/" and "-", trimmed; true when one of them equals
 * uno (accents and case aside). */
bool arbol_filas_resp_match(const char *responsables, const char *uno);
/* The distinct responsables of the plan, sorted; caller frees each and the array. */
char **arbol_filas_responsables(const Plan *p, int *n);

#endif
